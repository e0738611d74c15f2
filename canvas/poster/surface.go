package poster

import "parcours/canvas"

// Surface is what a poster page is painted on, in page millimetres (origin
// top-left, y down), font sizes in points. One painter — title block, map,
// legend, footer — draws the PDF page (canvas/pdf), the PNG picture
// (canvas/raster) and the SVG drawing (canvas/svg): one layout, one way of
// drawing it, several surfaces. The backends implement it without
// importing this package — the types it speaks in are canvas's, below
// both — so that this package drives them and none imports another.
type Surface interface {
	SetFillColor(r, g, b int)
	SetDrawColor(r, g, b int)
	SetTextColor(r, g, b int)
	SetLineWidth(width float64)
	SetLineCapStyle(style string)
	SetLineJoinStyle(style string)
	// SetDashPattern sets dashes of the given on and off lengths; nil for
	// solid lines.
	SetDashPattern(dashArray []float64, dashPhase float64)
	// SetFont selects FamilyRegular or FamilyBold (style "") at size points.
	SetFont(family, style string, size float64)
	// Text draws s with the left end of its baseline at (x, y).
	Text(x, y float64, s string)
	Rect(x, y, w, h float64, style Style)
	RoundedRectExt(x, y, w, h, rTL, rTR, rBR, rBL float64, style Style)
	Line(x1, y1, x2, y2 float64)
	Circle(x, y, r float64, style Style)
	Polygon(points []Point, style Style)
	// Curve is a quadratic Bézier curve from (x0, y0) to (x1, y1) bending
	// towards (cx, cy).
	Curve(x0, y0, cx, cy, x1, y1 float64, style Style)
	MoveTo(x, y float64)
	LineTo(x, y float64)
	CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64)
	ClosePath()
	DrawPath(style Style)
	// Picture draws an image stretched into the box (x, y, w, h).
	Picture(img *Image, x, y, w, h float64)
}

// The vocabulary of surfaces, canvas's: a point in page millimetres; how a
// shape is painted, filled, stroked or both; a picture.
type (
	Point = canvas.Point
	Style = canvas.PaintStyle
	Image = canvas.Image
)

const (
	Fill       = canvas.Fill
	Stroke     = canvas.Stroke
	FillStroke = canvas.FillStroke
)

// Font family names: the painter selects fonts by these names, the PDF
// embeds the fonts under them, and other surfaces map them to their own
// faces of the same TrueType files.
const (
	FamilyRegular = canvas.FamilyRegular
	FamilyBold    = canvas.FamilyBold
)

// ParseImage reads a PNG or JPEG image (see canvas.ParseImage).
func ParseImage(b []byte) (*Image, error) { return canvas.ParseImage(b) }
