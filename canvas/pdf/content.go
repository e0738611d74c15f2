package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"parcours/canvas"
)

// Surface is the poster surface (canvas/poster.Surface) of a PDF: it
// writes a page's content itself, operator by operator, into a
// buffer of its own; fpdf keeps the structure of the document — pages,
// forms, pictures, cross-references — and the text's fonts are embedded
// here too (fonts.go). fpdf writes each coordinate through fmt or strconv
// with five decimals, a circle as six Bézier segments, each text through
// fmt.Sprintf in two bytes a character, wrapped in a save and restore of
// the graphics state: a poster of a thousand cards is ten thousand of
// each. Here numbers have two decimals of a point (3.5 µm, finer than any
// printer), circles four segments, text the fewest operators and mostly
// one byte a character; and the shapes every card repeats are forms
// (see Form), drawn once and placed a thousand times.
//
// The content goes to fpdf in pieces (flush): small ones as they are,
// larger ones as a marker line that deflateStreams replaces with the piece,
// which meanwhile is being compressed on another core while the painting
// goes on. Whatever fpdf itself writes on the page — the start of a page,
// a picture, the first placement of a form — is preceded by a flush, so
// that everything stays in order.
type Surface struct {
	f    *fpdf.Fpdf // nil for a detached surface (see pages)
	doc  *Doc
	buf  []byte
	kept map[any]*pdfForm // forms, see Form
	k, h float64          // points per mm, page height in mm

	// A detached surface paints pages on its own, away from fpdf — on
	// another goroutine — for a document to take later (see appendixJob):
	// the contents of the pages done and not taken, and whether one is
	// under way.
	pages    [][]byte
	pageOpen bool

	// What the page's graphics state holds, as far as it matters here:
	// PDF has one non-stroking colour for filling shapes and for text.
	fill, ink     canvas.RGB
	fillSet       bool
	inkSet        bool
	nonStroke     canvas.RGB
	nonStrokeSet  bool
	font          *Font
	fontSize      float64
	fontWritten   bool
	writtenFont   *Font
	writtenFontSz float64
}

func newSurface(f *fpdf.Fpdf, doc *Doc) *Surface {
	s := &Surface{f: f, doc: doc}
	s.pageSize()
	return s
}

// NewDetachedSurface paints pages for doc away from fpdf, on any
// goroutine: see Document.Later. It places the forms of forms (made
// beforehand, see Prepare) and makes none.
func NewDetachedSurface(doc *Doc, forms FormSet) *Surface {
	return &Surface{doc: doc, k: 72 / 25.4, kept: forms.kept}
}

// FormSet is a copy of the forms a surface keeps, for detached surfaces.
type FormSet struct{ kept map[any]*pdfForm }

// FormSet copies the forms s keeps now.
func (s *Surface) FormSet() FormSet { return FormSet{kept: maps.Clone(s.kept)} }

// HasForm tells whether the form named key is kept.
func (s *Surface) HasForm(key any) bool { return s.kept[key] != nil }

// Prepare makes the form named key as Form does, without showing it — it
// is placed under an empty clip —, so that detached surfaces given the
// FormSet afterwards can place it: the document lists it, and every page
// shares the document's resources.
func (s *Surface) Prepare(key any, w, h float64, draw func(*Surface)) {
	if !s.Forms() || s.kept[key] != nil {
		return
	}
	s.op("q 0 0 0 0 re W n")
	s.Form(key, 0, 0, w, h, draw)
	s.op("Q")
}

// pageSize reads the scale and the height of the page being painted.
func (s *Surface) pageSize() {
	if s.f != nil {
		s.k = s.f.GetConversionRatio()
		_, s.h = s.f.GetPageSize()
	}
}

// StartPage ends the page (when there is one) and starts a new one of
// the given size in mm.
func (s *Surface) StartPage(w, h float64) {
	if s.f == nil {
		s.endPage()
		s.pageOpen, s.h = true, h
		return
	}
	s.Flush()
	s.f.AddPageFormat("P", fpdf.SizeType{Wd: w, Ht: h})
}

// Content pieces: a piece of at least minSegment bytes is compressed on
// its own, and a page's content is cut into pieces of about maxSegment
// bytes so that compressing overlaps painting.
const (
	minSegment = 1 << 10
	maxSegment = 64 << 10
)

// Reset forgets the graphics state, at the start of a page or a form.
func (s *Surface) Reset() {
	s.fillSet, s.inkSet, s.nonStrokeSet, s.fontWritten = false, false, false, false
	s.font = nil
	s.pageSize()
}

// endPage ends a detached surface's page.
func (s *Surface) endPage() {
	if s.pageOpen {
		s.pages = append(s.pages, s.buf)
		s.newBuffer()
		s.pageOpen = false
	}
}

// TakePage ends a detached surface's page and returns its content.
func (s *Surface) TakePage() []byte {
	s.endPage()
	page := s.pages[len(s.pages)-1]
	s.pages = s.pages[:len(s.pages)-1]
	return page
}

// Flush hands the content written so far to fpdf. A detached surface
// keeps each page's content whole.
func (s *Surface) Flush() {
	if len(s.buf) == 0 || s.f == nil {
		return
	}
	if s.doc != nil && s.doc.deflater != nil && len(s.buf) >= minSegment {
		s.f.RawWriteStr(s.doc.segment(s.buf))
		s.newBuffer()
		return
	}
	s.f.RawWriteStr(string(s.buf[:len(s.buf)-1])) // fpdf adds the line break
	s.buf = s.buf[:0]
}

// newBuffer replaces the buffer just handed over, which now belongs to
// the compressors, by one about as large as it was needed.
func (s *Surface) newBuffer() {
	s.buf = make([]byte, 0, min(max(len(s.buf)+len(s.buf)/4, 4096), maxSegment+4096))
}

// op ends an operator's line.
func (s *Surface) op(o string) {
	s.buf = append(s.buf, o...)
	s.buf = append(s.buf, '\n')
	if len(s.buf) >= maxSegment && s.f != nil {
		s.Flush()
	}
}

// num appends v with at most two decimals.
func (s *Surface) num(v float64) {
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
func (s *Surface) pt(x, y float64) {
	s.num(x * s.k)
	s.num((s.h - y) * s.k)
}

// colourUnit is c/255 with three decimals, as fpdf writes colours.
var colourUnit = func() (t [256]string) {
	for i := range t {
		v := strconv.FormatFloat(float64(i)/255, 'f', 3, 64)
		v = strings.TrimRight(strings.TrimRight(v, "0"), ".")
		if v == "" {
			v = "0"
		}
		t[i] = v
	}
	return t
}()

// colour appends the operator setting c as the stroking (upper-case op)
// or non-stroking colour.
func (s *Surface) colour(c canvas.RGB, stroke bool) {
	if c.R == c.G && c.G == c.B {
		s.buf = append(s.buf, colourUnit[c.R]...)
		if stroke {
			s.op(" G")
		} else {
			s.op(" g")
		}
		return
	}
	s.buf = append(s.buf, colourUnit[c.R]...)
	s.buf = append(s.buf, ' ')
	s.buf = append(s.buf, colourUnit[c.G]...)
	s.buf = append(s.buf, ' ')
	s.buf = append(s.buf, colourUnit[c.B]...)
	if stroke {
		s.op(" RG")
	} else {
		s.op(" rg")
	}
}

// nonStroking makes c the non-stroking colour.
func (s *Surface) nonStroking(c canvas.RGB) {
	if !s.nonStrokeSet || s.nonStroke != c {
		s.colour(c, false)
		s.nonStroke, s.nonStrokeSet = c, true
	}
}

func rgb(r, g, b int) canvas.RGB { return canvas.RGB{R: uint8(r), G: uint8(g), B: uint8(b)} }

func (s *Surface) SetFillColor(r, g, b int) { s.fill, s.fillSet = rgb(r, g, b), true }
func (s *Surface) SetTextColor(r, g, b int) { s.ink, s.inkSet = rgb(r, g, b), true }
func (s *Surface) SetDrawColor(r, g, b int) { s.colour(rgb(r, g, b), true) }

func (s *Surface) SetLineWidth(width float64) {
	s.num(width * s.k)
	s.op("w")
}

// SetLineCapStyle and SetLineJoinStyle are left to fpdf, which repeats
// them at the start of every page; a detached surface's pages start with
// those of the document that takes them.
func (s *Surface) SetLineCapStyle(style string) {
	if s.f != nil {
		s.Flush()
		s.f.SetLineCapStyle(style)
	}
}

func (s *Surface) SetLineJoinStyle(style string) {
	if s.f != nil {
		s.Flush()
		s.f.SetLineJoinStyle(style)
	}
}

func (s *Surface) SetDashPattern(dashArray []float64, dashPhase float64) {
	k := s.k
	s.buf = append(s.buf, '[')
	for i, v := range dashArray {
		if i > 0 {
			s.buf = append(s.buf, ' ')
		}
		s.num(v * k)
		s.buf = s.buf[:len(s.buf)-1]
	}
	s.buf = append(s.buf, "] "...)
	s.num(dashPhase * k)
	s.op("d")
}

func (s *Surface) SetFont(family, _ string, size float64) {
	s.font = s.doc.font(family)
	s.fontSize = size
}

// Text writes s in the fonts' encoding (see appendCode) and notes its
// characters, which the font's subset must hold.
func (s *Surface) Text(x, y float64, str string) {
	if str == "" || s.font == nil {
		return
	}
	if s.inkSet {
		s.nonStroking(s.ink)
	} else {
		s.nonStroking(canvas.RGB{})
	}
	s.buf = append(s.buf, "BT "...)
	if !s.fontWritten || s.writtenFont != s.font || s.writtenFontSz != s.fontSize {
		s.selectFont(s.font.name)
		s.fontWritten, s.writtenFont, s.writtenFontSz = true, s.font, s.fontSize
	}
	s.pt(x, y)
	s.buf = append(s.buf, "Td ("...)
	ft := s.font
	for i := 0; i < len(str); {
		if c := str[i]; c < utf8.RuneSelf {
			ft.used[c>>6] |= 1 << (c & 63)
			s.buf = appendEscaped(s.buf, c)
			i++
			continue
		}
		r, n := glyph(str, i)
		i += n
		ft.Use(r)
		if r < 0x8000 {
			s.buf = appendCode(s.buf, r)
			continue
		}
		// Beyond the encoding: the same font with fpdf's, two bytes a
		// character, then back.
		s.buf = append(s.buf, ") Tj "...)
		s.selectFont(ft.wide)
		s.buf = append(s.buf, '(')
		s.buf = appendEscaped(appendEscaped(s.buf, byte(r>>8)), byte(r))
		s.buf = append(s.buf, ") Tj "...)
		s.selectFont(ft.name)
		s.buf = append(s.buf, '(')
	}
	s.op(") Tj ET")
}

// InvisibleText implements canvas/poster's searchable: the character of
// an emoji drawn as a path, written invisible (text rendering mode 3) in
// a font of its own behind the drawing, so that readers find it, copy it
// and search for it. That font maps its codes (emojiCode) back to the
// characters in its ToUnicode CMap and draws nothing (see fontSet).
func (s *Surface) InvisibleText(x, y, size float64, r rune, w float64) {
	c, ok := emojiCode(r)
	if !ok || !(size > 0) {
		return
	}
	s.doc.fonts[2].Use(rune(c))
	s.buf = append(s.buf, "BT 3 Tr /F5 "...)
	s.num(size)
	s.buf = append(s.buf, "Tf "...)
	s.pt(x, y)
	s.buf = append(s.buf, "Td <"...)
	s.buf = append(s.buf, fmt.Sprintf("%04X", c)...)
	s.op("> Tj 0 Tr ET")
	s.fontWritten = false // the next text selects its font again
}

// UseEmoji notes the characters of the emoji in s — those that f lacks
// and the emoji font has — which InvisibleText will write: pages painted
// later (see Later) announce them beforehand.
func (d *Doc) UseEmoji(f *canvas.Font, s string) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if c, ok := emojiCode(r); ok && f.IsEmoji(r) {
			d.fonts[2].Use(rune(c))
		}
	}
}

// emojiCode is the two-byte code of emoji r in the invisible font: the
// character itself in the Basic Multilingual Plane below U+F000, r −
// 0x10000 for U+1F000…U+1FFFF, where emoji are; false for any other.
func emojiCode(r rune) (int, bool) {
	switch {
	case r >= 0x80 && r < 0xF000:
		return int(r), true
	case r >= 0x1F000 && r <= 0x1FFFF:
		return int(r - 0x10000), true
	}
	return 0, false
}

// emojiRune is the character of an invisible font's code.
func emojiRune(c int) rune {
	if c >= 0xF000 {
		return rune(c + 0x10000)
	}
	return rune(c)
}

// selectFont appends the operator selecting font name at the font size.
func (s *Surface) selectFont(name string) {
	s.buf = append(s.buf, name...)
	s.num(s.fontSize)
	s.buf = append(s.buf, "Tf "...)
}

// appendCode appends the code of r, below U+8000, in the fonts' encoding
// (see fontSet): ASCII in one byte, the others in two, 0x8000 + r.
func appendCode(b []byte, r rune) []byte {
	if r < 0x80 {
		return appendEscaped(b, byte(r))
	}
	v := 0x8000 + r
	return appendEscaped(append(b, byte(v>>8)), byte(v))
}

// glyph returns the character at s[i] as Text writes it, and its length.
func glyph(s string, i int) (rune, int) {
	r, n := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, n = utf8.DecodeRuneInString(s[i:])
	}
	if r > 0xFFFF {
		r = utf8.RuneError // safe keeps these out
	}
	return r, n
}

// appendEscaped appends one byte of a PDF literal string.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// Picture draws an image through fpdf.
func (s *Surface) Picture(img *canvas.Image, x, y, w, h float64) {
	if s.f == nil {
		panic("pdf: no pictures on a detached surface")
	}
	s.Flush()
	registerImage(s.f, img)
	s.f.ImageOptions(img.Name, x, y, w, h, false, fpdf.ImageOptions{ImageType: img.Kind}, 0, "")
}

// registerImage adds img to f's images, once.
func registerImage(f *fpdf.Fpdf, img *canvas.Image) {
	if f.GetImageInfo(img.Name) == nil {
		f.RegisterImageOptionsReader(img.Name, fpdf.ImageOptions{ImageType: img.Kind}, bytes.NewReader(img.Data))
	}
}

// kappa places the control points of a quarter circle drawn as a cubic
// Bézier curve.
const kappa = 0.5522847498

// paint ends a path with the operator that fills and/or strokes it,
// after making the fill colour current.
func (s *Surface) paint(style canvas.PaintStyle) {
	switch style {
	case canvas.Fill:
		s.filling()
		s.op("f")
	case canvas.FillStroke:
		s.filling()
		s.op("B")
	default:
		s.op("S")
	}
}

// filling makes the fill colour the non-stroking colour (text may have
// changed it).
func (s *Surface) filling() {
	if s.fillSet {
		s.nonStroking(s.fill)
	}
}

func (s *Surface) Rect(x, y, w, h float64, style canvas.PaintStyle) {
	k := s.k
	s.pt(x, y)
	s.num(w * k)
	s.num(-h * k)
	s.buf = append(s.buf, "re "...)
	s.paint(style)
}

func (s *Surface) Line(x1, y1, x2, y2 float64) {
	s.pt(x1, y1)
	s.buf = append(s.buf, "m "...)
	s.pt(x2, y2)
	s.op("l S")
}

func (s *Surface) MoveTo(x, y float64) {
	s.pt(x, y)
	s.op("m")
}

func (s *Surface) LineTo(x, y float64) {
	s.pt(x, y)
	s.op("l")
}

func (s *Surface) CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64) {
	s.pt(cx0, cy0)
	s.pt(cx1, cy1)
	s.pt(x, y)
	s.op("c")
}

func (s *Surface) ClosePath()                       { s.op("h") }
func (s *Surface) DrawPath(style canvas.PaintStyle) { s.paint(style) }

// cubic appends a cubic Bézier segment to the path being built.
func (s *Surface) cubic(x1, y1, x2, y2, x3, y3 float64) {
	s.pt(x1, y1)
	s.pt(x2, y2)
	s.pt(x3, y3)
	s.buf = append(s.buf, "c "...)
}

func (s *Surface) Circle(x, y, r float64, style canvas.PaintStyle) {
	c := kappa * r
	s.pt(x+r, y)
	s.buf = append(s.buf, "m "...)
	s.cubic(x+r, y+c, x+c, y+r, x, y+r)
	s.cubic(x-c, y+r, x-r, y+c, x-r, y)
	s.cubic(x-r, y-c, x-c, y-r, x, y-r)
	s.cubic(x+c, y-r, x+r, y-c, x+r, y)
	s.buf = append(s.buf, "h "...)
	s.paint(style)
}

func (s *Surface) Polygon(points []canvas.Point, style canvas.PaintStyle) {
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
	s.buf = append(s.buf, "h "...)
	s.paint(style)
}

func (s *Surface) Curve(x0, y0, cx, cy, x1, y1 float64, style canvas.PaintStyle) {
	// The quadratic curve as the cubic one it is.
	s.pt(x0, y0)
	s.buf = append(s.buf, "m "...)
	s.cubic(x0+2*(cx-x0)/3, y0+2*(cy-y0)/3, x1+2*(cx-x1)/3, y1+2*(cy-y1)/3, x1, y1)
	s.paint(style)
}

func (s *Surface) RoundedRectExt(x, y, w, h, rTL, rTR, rBR, rBL float64, style canvas.PaintStyle) {
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
	s.buf = append(s.buf, "h "...)
	s.paint(style)
}

// Forms tells whether the surface keeps forms (see Form): fpdf keeps
// them, but for a detached surface (see Later).
func (s *Surface) Forms() bool { return s.f != nil }

// pdfForm is a drawing kept as a form XObject (an fpdf template).
type pdfForm struct {
	tpl  fpdf.Template
	name string // "/TPL" and its id
	h    float64
}

// Form keeps a drawing and places it again — the PDF's form XObjects: a
// thousand cards are a dozen drawings placed a thousand times, a few bytes
// each, instead of a thousand paths. It places the drawing named key (any
// comparable value) with its top-left corner at (x, y) on a w × h box,
// page mm; the first time, draw paints it on a surface of that size whose
// origin is the corner. The forms are fpdf's templates. The first
// placement goes through fpdf, which lists the form in the resources of
// the page (or of the template being drawn); the others are written here,
// without fpdf hashing the form's content again at each use.
func (s *Surface) Form(key any, x, y, w, h float64, draw func(*Surface)) {
	fm := s.kept[key]
	if fm == nil {
		s.Flush()
		tpl := s.f.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: w, Ht: h}, func(t *fpdf.Tpl) {
			ts := newSurface(&t.Fpdf, s.doc)
			// The form inherits the graphics state where it is placed:
			// it sets what it relies on.
			ts.op("1 J 1 j [] 0 d")
			draw(ts)
			ts.Flush()
		})
		// Named by number, not by fpdf's hash of the content: forty
		// characters fewer at each of a few thousand placements.
		s.doc.forms++
		id := "f" + strconv.Itoa(s.doc.forms)
		fm = &pdfForm{tpl: &fixedID{Template: tpl, id: id}, name: "/TPL" + id, h: h}
		if s.kept == nil {
			s.kept = map[any]*pdfForm{}
		}
		s.kept[key] = fm
		s.f.UseTemplateScaled(fm.tpl, fpdf.PointType{X: x, Y: y}, fpdf.SizeType{Wd: w, Ht: h})
		return
	}
	s.buf = append(s.buf, "q 1 0 0 1 "...)
	s.pt(x, y+fm.h)
	s.buf = append(s.buf, "cm "...)
	s.buf = append(s.buf, fm.name...)
	s.op(" Do Q")
}

// Doc is what the surfaces of one document share: its fonts, with the
// characters each must have, and the pieces of content handed to the
// compressors.
type Doc struct {
	forms    int     // forms made, which names them
	fonts    [3]Font // regular, bold, invisible emoji (see InvisibleText)
	segments []*deflateJob
	deflater *deflater
}

// Font is a font of the document: its resource names (see fontSet) and
// the characters written with it.
type Font struct {
	name string // "/F…", then a space
	wide string // the same with two bytes a character, for those from U+8000
	used [0x10000 / 64]uint64
}

// Use notes that r is written with the font.
func (ft *Font) Use(r rune) { ft.used[r>>6] |= 1 << (r & 63) }

// UseText notes the characters Text writes for s.
func (ft *Font) UseText(s string) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			ft.used[c>>6] |= 1 << (c & 63)
			i++
			continue
		}
		r, n := glyph(s, i)
		i += n
		ft.Use(r)
	}
}

// newDoc starts a document's shared state, and its compressors.
func newDoc() *Doc {
	return &Doc{fonts: newFonts(), deflater: newDeflater()}
}

// newFonts returns the fonts, with no characters yet.
func newFonts() [3]Font {
	return [3]Font{{name: "/F1 ", wide: "/F3 "}, {name: "/F2 ", wide: "/F4 "}, {name: "/F5 "}}
}

func (d *Doc) font(family string) *Font {
	if family == canvas.FamilyBold {
		return &d.fonts[1]
	}
	return &d.fonts[0]
}

// segmentMarker starts the line fpdf is given in place of a piece of
// content: a PDF comment, so that it would do no harm if left.
const segmentMarker = "%parcours-content "

// segment hands a piece of content to the compressors and returns its
// marker line.
func (d *Doc) segment(b []byte) string {
	j := &deflateJob{in: b}
	d.deflater.add(j)
	return d.marker(j)
}

// marker returns the marker line of a piece already with the compressors.
func (d *Doc) marker(j *deflateJob) string {
	d.segments = append(d.segments, j)
	return segmentMarker + strconv.Itoa(len(d.segments)-1)
}

// Child is a Doc for a detached surface: the same fonts, with the
// characters it uses noted apart until adopt, and the same compressors.
func (d *Doc) Child() *Doc {
	return &Doc{fonts: newFonts(), deflater: d.deflater}
}

// Covers tells whether d's fonts hold every character c's do.
func (d *Doc) Covers(c *Doc) bool {
	for i := range d.fonts {
		for w, bits := range c.fonts[i].used {
			if bits&^d.fonts[i].used[w] != 0 {
				return false
			}
		}
	}
	return true
}

// Adopt notes the characters a child used.
func (d *Doc) Adopt(c *Doc) {
	for i := range d.fonts {
		for w, bits := range c.fonts[i].used {
			d.fonts[i].used[w] |= bits
		}
	}
}
