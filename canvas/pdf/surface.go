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
	"math"
	"strconv"
	"strings"

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

// Font family names: the painter selects fonts by these names, fpdf embeds
// the fonts under them (lower-cased, prefixed "utf8"), and other surfaces
// map them to their own faces of the same TrueType files.
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

// pdfSurface is fpdf itself, plus pictures, and faster shapes: fpdf
// writes each coordinate of a curve with five decimals through strconv and
// draws a circle with six Bézier segments; a poster of a thousand cards
// has some ten thousand circles. Here paths are written with two decimals
// of a point (3.5 µm, finer than any printer) and circles with the usual
// four segments, into a reused buffer: the page content is half as long
// and twice as fast to write and to compress. Text and state stay fpdf's.
type pdfSurface struct {
	*fpdf.Fpdf
	buf []byte
}

func newPDFSurface(f *fpdf.Fpdf) *pdfSurface { return &pdfSurface{Fpdf: f} }

func (s *pdfSurface) Picture(img *Image, x, y, w, h float64) {
	opt := fpdf.ImageOptions{ImageType: img.kind}
	if s.GetImageInfo(img.name) == nil {
		s.RegisterImageOptionsReader(img.name, opt, bytes.NewReader(img.data))
	}
	s.ImageOptions(img.name, x, y, w, h, false, opt, 0, "")
}

// kappa places the control points of a quarter circle drawn as a cubic
// Bézier curve.
const kappa = 0.5522847498

// num appends v with at most two decimals.
func (s *pdfSurface) num(v float64) {
	n := int64(math.Round(v * 100))
	if n < 0 {
		s.buf = append(s.buf, '-')
		n = -n
	}
	s.buf = strconv.AppendInt(s.buf, n/100, 10)
	if f := n % 100; f != 0 {
		s.buf = append(s.buf, '.', byte('0'+f/10))
		if f%10 != 0 {
			s.buf = append(s.buf, byte('0'+f%10))
		}
	}
	s.buf = append(s.buf, ' ')
}

// pt appends a point given in page millimetres, in PDF points (y up).
func (s *pdfSurface) pt(x, y float64) {
	k := s.GetConversionRatio()
	_, h := s.GetPageSize()
	s.num(x * k)
	s.num((h - y) * k)
}

func (s *pdfSurface) op(o string) {
	s.buf = append(s.buf, o...)
	s.flush()
}

// flush hands the buffer to fpdf as raw page content.
func (s *pdfSurface) flush() {
	s.RawWriteStr(string(s.buf))
	s.buf = s.buf[:0]
}

// paintOp is the PDF operator that fills and/or strokes a path, as fpdf
// reads style strings.
func paintOp(style string) string {
	switch strings.ToUpper(style) {
	case "F":
		return "f"
	case "FD", "DF":
		return "B"
	default:
		return "S"
	}
}

func (s *pdfSurface) Rect(x, y, w, h float64, style string) {
	k := s.GetConversionRatio()
	s.pt(x, y)
	s.num(w * k)
	s.num(-h * k)
	s.op("re " + paintOp(style))
}

func (s *pdfSurface) Line(x1, y1, x2, y2 float64) {
	s.pt(x1, y1)
	s.buf = append(s.buf, "m "...)
	s.pt(x2, y2)
	s.op("l S")
}

func (s *pdfSurface) MoveTo(x, y float64) {
	s.pt(x, y)
	s.op("m")
}

func (s *pdfSurface) LineTo(x, y float64) {
	s.pt(x, y)
	s.op("l")
}

func (s *pdfSurface) CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64) {
	s.pt(cx0, cy0)
	s.pt(cx1, cy1)
	s.pt(x, y)
	s.op("c")
}

func (s *pdfSurface) ClosePath()            { s.op("h") }
func (s *pdfSurface) DrawPath(style string) { s.op(paintOp(style)) }

// cubic appends a cubic Bézier segment to the path being built.
func (s *pdfSurface) cubic(x1, y1, x2, y2, x3, y3 float64) {
	s.pt(x1, y1)
	s.pt(x2, y2)
	s.pt(x3, y3)
	s.buf = append(s.buf, "c "...)
}

func (s *pdfSurface) Circle(x, y, r float64, style string) {
	c := kappa * r
	s.pt(x+r, y)
	s.buf = append(s.buf, "m "...)
	s.cubic(x+r, y+c, x+c, y+r, x, y+r)
	s.cubic(x-c, y+r, x-r, y+c, x-r, y)
	s.cubic(x-r, y-c, x-c, y-r, x, y-r)
	s.cubic(x+c, y-r, x+r, y-c, x+r, y)
	s.op("h " + paintOp(style))
}

func (s *pdfSurface) Polygon(points []fpdf.PointType, style string) {
	if len(points) < 3 {
		return
	}
	for i, q := range points {
		s.pt(q.X, q.Y)
		if i == 0 {
			s.buf = append(s.buf, "m "...)
		} else {
			s.buf = append(s.buf, "l "...)
		}
	}
	s.op("h " + paintOp(style))
}

func (s *pdfSurface) Curve(x0, y0, cx, cy, x1, y1 float64, style string) {
	// The quadratic curve as the cubic one it is.
	s.pt(x0, y0)
	s.buf = append(s.buf, "m "...)
	s.cubic(x0+2*(cx-x0)/3, y0+2*(cy-y0)/3, x1+2*(cx-x1)/3, y1+2*(cy-y1)/3, x1, y1)
	s.op(paintOp(style))
}

func (s *pdfSurface) RoundedRectExt(x, y, w, h, rTL, rTR, rBR, rBL float64, style string) {
	// Clockwise on the page from the top-left corner's end of its arc.
	s.pt(x+rTL, y)
	s.buf = append(s.buf, "m "...)
	s.pt(x+w-rTR, y)
	s.buf = append(s.buf, "l "...)
	if rTR > 0 {
		s.cubic(x+w-rTR+kappa*rTR, y, x+w, y+rTR-kappa*rTR, x+w, y+rTR)
	}
	s.pt(x+w, y+h-rBR)
	s.buf = append(s.buf, "l "...)
	if rBR > 0 {
		s.cubic(x+w, y+h-rBR+kappa*rBR, x+w-rBR+kappa*rBR, y+h, x+w-rBR, y+h)
	}
	s.pt(x+rBL, y+h)
	s.buf = append(s.buf, "l "...)
	if rBL > 0 {
		s.cubic(x+rBL-kappa*rBL, y+h, x, y+h-rBL+kappa*rBL, x, y+h-rBL)
	}
	s.pt(x, y+rTL)
	s.buf = append(s.buf, "l "...)
	if rTL > 0 {
		s.cubic(x, y+rTL-kappa*rTL, x+rTL-kappa*rTL, y, x+rTL, y)
	}
	s.op("h " + paintOp(style))
}
