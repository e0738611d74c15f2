package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/draw"
	_ "image/jpeg" // logos may be JPEG
	"image/png"

	"codeberg.org/go-pdf/fpdf"

	"parcours/model/msg"
)

// Surface is what a poster page is painted on, in page millimetres (origin
// top-left, y down), font sizes in points. It is the part of fpdf's drawing
// API the painter uses, with the same meaning, so that one painter — title
// block, map, legend, footer — draws the PDF page and, through
// canvas/raster, the PNG picture: one layout, one way of drawing it,
// several surfaces. Style strings are fpdf's: "F" fill, "D" stroke, "FD"
// both.
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
	Rect(x, y, w, h float64, style string)
	RoundedRectExt(x, y, w, h, rTL, rTR, rBR, rBL float64, style string)
	Line(x1, y1, x2, y2 float64)
	Circle(x, y, r float64, style string)
	Polygon(points []fpdf.PointType, style string)
	// Curve is a quadratic Bézier curve from (x0, y0) to (x1, y1) bending
	// towards (cx, cy).
	Curve(x0, y0, cx, cy, x1, y1 float64, style string)
	MoveTo(x, y float64)
	LineTo(x, y float64)
	CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64)
	ClosePath()
	DrawPath(style string)
	// Picture draws an image stretched into the box (x, y, w, h).
	Picture(img *Image, x, y, w, h float64)
}

// Font family names: the painter selects fonts by these names, the PDF
// embeds the fonts under them, and other surfaces map them to their own
// faces of the same TrueType files.
const (
	FamilyRegular = familyRegular
	FamilyBold    = familyBold
)

// Image is a picture put on the poster (the logo): decoded once, for its
// size and for surfaces that paint pixels, and re-encoded as a plain 8-bit
// PNG (or kept as the JPEG it was) for the PDF.
type Image struct {
	Image image.Image
	// W and H are the size in pixels.
	W, H int
	data []byte // what the PDF embeds
	kind string // fpdf's image type: PNG or JPG
	name string // fpdf's image name: a hash of data
}

// ParseImage reads a PNG or JPEG image. Anything else — another format, a
// damaged file, an image of no pixels — is refused with a plain message.
func ParseImage(b []byte) (*Image, error) {
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, errors.New(msg.T("print.logo.bad", err))
	}
	r := img.Bounds()
	if r.Dx() <= 0 || r.Dy() <= 0 {
		return nil, errors.New(msg.T("print.logo.bad", "0 × 0"))
	}
	im := &Image{Image: img, W: r.Dx(), H: r.Dy()}
	switch format {
	case "jpeg":
		// fpdf embeds JPEG files as they are, except CMYK ones it cannot
		// describe; those are re-encoded below like any other image.
		if _, isCMYK := img.(*image.CMYK); !isCMYK {
			im.data, im.kind = b, "JPG"
		}
	case "png":
	default:
		return nil, errors.New(msg.T("print.logo.bad", format))
	}
	if im.data == nil {
		// fpdf reads only 8-bit, non-interlaced PNG: write the pixels
		// again in the one form it always understands.
		n := image.NewNRGBA(image.Rect(0, 0, im.W, im.H))
		draw.Draw(n, n.Bounds(), img, r.Min, draw.Src)
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, n); err != nil {
			return nil, errors.New(msg.T("print.logo.bad", err))
		}
		im.data, im.kind = buf.Bytes(), "PNG"
	}
	sum := sha256.Sum256(im.data)
	im.name = "logo-" + hex.EncodeToString(sum[:8])
	return im, nil
}
