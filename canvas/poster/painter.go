package poster

import (
	"math"
	"unicode/utf8"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/canvas/svg"
)

// painter draws in scene millimetres: every position goes through the
// transform (page position of the scene origin and scale k), every length
// and font size is multiplied by k. It remembers the colours, font and line
// width it last set so that the page content does not repeat them for each
// of a thousand cards.
type painter struct {
	f         Surface
	ox, oy, k float64
	reg, bold *canvas.Font
	// cut is set when the title block had to shorten a text, which calls
	// for the appendix as a scene's cut texts do.
	cut bool
	// parts keeps the part of a wrapped map painted last, when the page
	// is painted more than once (nil: made afresh each time).
	parts *partCache
	// placed is where the page's map goes, when the page is painted
	// more than once (nil: placed afresh).
	placed *mapPlace

	fontSet   bool
	fontBold  bool
	fontSize  float64
	fill      canvas.RGB
	fillSet   bool
	draw      canvas.RGB
	drawSet   bool
	ink       canvas.RGB
	inkSet    bool
	lineWidth float64
	dashed    bool
	// partsSeen counts the cards of the scene by what cardParts draws.
	partsSeen map[formKey]int
	// anchor, while set, is where the drawings kept start from on an
	// SVG surface (see stampFrom), scene mm: the start of a card's text,
	// the origin of its group, so that a face or a badge placed on the
	// card needs no position.
	anchor *canvas.Point
	// placedSeen counts the drawings placed from the anchor by what and
	// where.
	placedSeen map[placedKey]int
}

// minLine is the thinnest line drawn, in page millimetres: fpdf rounds line
// widths to 0.01 pt (0.0035 mm), and a zero width would print as a hairline of
// whatever the printer's finest is.
const minLine = 0.01

func newPainter(f Surface) *painter {
	reg, bold := canvas.Fonts()
	f.SetLineJoinStyle("round")
	f.SetLineCapStyle("round")
	return &painter{f: f, reg: reg, bold: bold}
}

// resetState forgets what was set, at the start of each page.
func (p *painter) resetState() {
	p.fontSet, p.fillSet, p.drawSet, p.inkSet = false, false, false, false
	p.lineWidth = -1
	if s, ok := p.f.(*pdf.Surface); ok {
		s.Reset()
	}
	if p.dashed {
		p.f.SetDashPattern(nil, 0)
		p.dashed = false
	}
}

// flush hands what the PDF surface holds to fpdf, before fpdf itself
// writes on the page.
func (p *painter) flush() {
	if s, ok := p.f.(*pdf.Surface); ok {
		s.Flush()
	}
}

// addPage ends the page and starts a new one of the given size (mm), with
// nothing of the former page's state assumed. Pages are the PDF's: a
// picture is one page.
func (p *painter) addPage(_ *pdf.Document, w, h float64) {
	p.f.(*pdf.Surface).StartPage(w, h)
	p.resetState()
}

// clipper is a surface that shows only part of the page (canvas/raster
// painting a strip of a picture): the painter skips what it cannot show,
// so that painting a page strip by strip costs little more than once.
type clipper interface {
	// Visible tells whether anything drawn in the box (page mm) can show.
	Visible(x, y, w, h float64) bool
}

// visible tells whether anything drawn in box (scene mm), grown by pad,
// can show on the surface.
func (p *painter) visible(box canvas.Rect, pad float64) bool {
	c, ok := p.f.(clipper)
	return !ok || c.Visible(p.x(box.X-pad), p.y(box.Y-pad), p.l(box.W+2*pad), p.l(box.H+2*pad))
}

func (p *painter) setTransform(ox, oy, k float64) { p.ox, p.oy, p.k = ox, oy, k }

func (p *painter) x(v float64) float64 { return p.ox + v*p.k }
func (p *painter) y(v float64) float64 { return p.oy + v*p.k }
func (p *painter) l(v float64) float64 { return v * p.k }

func (p *painter) setFill(c canvas.RGB) {
	if !p.fillSet || p.fill != c {
		p.f.SetFillColor(int(c.R), int(c.G), int(c.B))
		p.fill, p.fillSet = c, true
	}
}

func (p *painter) setDraw(c canvas.RGB) {
	if !p.drawSet || p.draw != c {
		p.f.SetDrawColor(int(c.R), int(c.G), int(c.B))
		p.draw, p.drawSet = c, true
	}
}

func (p *painter) setInk(c canvas.RGB) {
	if !p.inkSet || p.ink != c {
		p.f.SetTextColor(int(c.R), int(c.G), int(c.B))
		p.ink, p.inkSet = c, true
	}
}

// setLine sets the line width, w in scene millimetres.
func (p *painter) setLine(w float64) {
	w = max(p.l(w), minLine)
	if w != p.lineWidth {
		p.f.SetLineWidth(w)
		p.lineWidth = w
	}
}

// setDash switches between dashed and solid lines; on and off are scene
// millimetres.
func (p *painter) setDash(on, off float64) {
	p.f.SetDashPattern([]float64{p.l(on), p.l(off)}, 0)
	p.dashed = true
}

func (p *painter) solid() {
	if p.dashed {
		p.f.SetDashPattern(nil, 0)
		p.dashed = false
	}
}

// setFont selects the regular or bold face at size points (before scaling).
func (p *painter) setFont(bold bool, size float64) {
	size *= p.k
	if !p.fontSet || p.fontBold != bold || p.fontSize != size {
		fam := FamilyRegular
		if bold {
			fam = FamilyBold
		}
		p.f.SetFont(fam, "", size)
		p.fontSet, p.fontBold, p.fontSize = true, bold, size
	}
}

// text draws s with its baseline's left end at (x, y), in scene mm: its
// emoji from the emoji font's outlines (see emoji), the rest as text.
func (p *painter) text(x, y float64, s string) {
	if s == "" {
		return
	}
	f := p.font(p.fontBold)
	start := -1 // the first emoji, if any
	for i := 0; i < len(s) && start < 0; {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if f.IsEmoji(r) {
			start = i
		}
		i += n
	}
	if start < 0 {
		p.f.Text(p.x(x), p.y(y), safe(s))
		return
	}
	px, py := p.x(x), p.y(y)
	run := 0 // the start of the text not drawn yet
	for i := start; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !f.IsEmoji(r) {
			i += n
			continue
		}
		if run < i {
			p.f.Text(px, py, safe(s[run:i]))
			px += f.Width(s[run:i], p.fontSize)
		}
		px += p.emoji(px, py, r)
		i += n
		run = i
	}
	if run < len(s) {
		p.f.Text(px, py, safe(s[run:]))
	}
}

// searchable is a surface that can put a character, invisible, behind
// its drawing, so that an emoji drawn as a path is still found by a
// search and copied with its text (the PDF's).
type searchable interface {
	// InvisibleText puts r, which the fonts lack, at (x, y) on the
	// baseline, page mm, at size points, taking w mm.
	InvisibleText(x, y, size float64, r rune, w float64)
}

// emoji draws r from the emoji font's outline with its origin at (x, y)
// on the baseline, page mm, at the current font size, in the ink of text,
// and returns its advance in page mm. Each emoji of a size and ink is one
// form, drawn once and placed again where the surface keeps forms.
func (p *painter) emoji(x, y float64, r rune) float64 {
	e := newEmojiForm(r, p.fontSize, p.ink)
	if e.g == nil {
		return 0
	}
	bx, by := x+e.dx, y+e.dy
	switch fs := p.f.(type) {
	case *pdf.Surface:
		if fs.Forms() || fs.HasForm(e.key) {
			fs.Form(e.key, bx, by, e.w, e.h, func(s *pdf.Surface) { e.paint(s) })
		} else {
			e.paintAt(p.f, x, y)
		}
		p.fillSet = false // the form, or the path, set its own
	case *svg.Surface:
		fs.Form(e.key, bx, by, e.w, e.h, func(s *svg.Surface) { e.paint(s) })
	default:
		e.paintAt(p.f, x, y)
		p.fillSet = false
	}
	w := e.g.Advance * e.em
	if s, ok := p.f.(searchable); ok {
		s.InvisibleText(x, y, p.fontSize, r, w)
	}
	return w
}

// emojiForm is the form of an emoji at a size (points) and in an ink: its
// key, its box (dx, dy from the origin on the baseline, w × h, page mm).
type emojiForm struct {
	key          emojiKey
	g            *canvas.Glyph
	em           float64 // mm per em
	dx, dy, w, h float64
}

func newEmojiForm(r rune, size float64, ink canvas.RGB) emojiForm {
	g := canvas.EmojiGlyph(r)
	e := emojiForm{key: emojiKey{r: r, size: size, ink: ink}, g: g, em: size * canvas.PtToMM}
	if g != nil {
		const pad = 0.02 // em, for the anti-aliasing of the edges
		e.dx, e.dy = (g.Box.X-pad)*e.em, (g.Box.Y-pad)*e.em
		e.w, e.h = (g.Box.W+2*pad)*e.em, (g.Box.H+2*pad)*e.em
	}
	return e
}

// paint draws the form on s, whose origin is the box's corner.
func (e emojiForm) paint(s Surface) { e.paintAt(s, -e.dx, -e.dy) }

// paintAt fills the outline in the ink with its origin at (x, y).
func (e emojiForm) paintAt(s Surface, x, y float64) {
	q := newPainter(s)
	q.resetState()
	q.setFill(e.key.ink)
	emojiPath(s, e.g, x, y, e.em)
}

// emojiKey names the form of an emoji drawn at a size, in an ink.
type emojiKey struct {
	r    rune
	size float64
	ink  canvas.RGB
}

// emojiPath fills the outline of g at em mm per em, its origin at (x, y).
func emojiPath(s Surface, g *canvas.Glyph, x, y, em float64) {
	at := func(q canvas.Point) (float64, float64) { return x + q.X*em, y + q.Y*em }
	var last canvas.Point
	for _, sg := range g.Path {
		switch sg.Op {
		case canvas.MoveTo:
			s.MoveTo(at(sg.P[0]))
			last = sg.P[0]
		case canvas.LineTo:
			s.LineTo(at(sg.P[0]))
			last = sg.P[0]
		case canvas.QuadTo:
			// The quadratic segment as the cubic one it is.
			c, e := sg.P[0], sg.P[1]
			x1, y1 := at(canvas.Point{X: last.X + 2*(c.X-last.X)/3, Y: last.Y + 2*(c.Y-last.Y)/3})
			x2, y2 := at(canvas.Point{X: e.X + 2*(c.X-e.X)/3, Y: e.Y + 2*(c.Y-e.Y)/3})
			x3, y3 := at(e)
			s.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
			last = e
		case canvas.CubicTo:
			x1, y1 := at(sg.P[0])
			x2, y2 := at(sg.P[1])
			x3, y3 := at(sg.P[2])
			s.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
			last = sg.P[2]
		case canvas.Close:
			s.ClosePath()
		}
	}
	s.DrawPath(Fill)
}

// block draws laid-out text.
func (p *painter) block(t *canvas.Text) {
	if len(t.Lines) == 0 {
		return
	}
	p.setFont(t.Bold, t.Size)
	p.setInk(t.Color)
	for _, l := range t.Lines {
		p.text(l.X, l.Y+t.Baseline, l.Text)
	}
}

func (p *painter) rect(r canvas.Rect, style Style) {
	p.f.Rect(p.x(r.X), p.y(r.Y), p.l(r.W), p.l(r.H), style)
}

func (p *painter) roundedRect(r canvas.Rect, tl, tr, br, bl float64, style Style) {
	p.f.RoundedRectExt(p.x(r.X), p.y(r.Y), p.l(r.W), p.l(r.H), p.l(tl), p.l(tr), p.l(br), p.l(bl), style)
}

func (p *painter) line(x1, y1, x2, y2 float64) {
	p.f.Line(p.x(x1), p.y(y1), p.x(x2), p.y(y2))
}

func (p *painter) circle(c canvas.Point, r float64, style Style) {
	p.f.Circle(p.x(c.X), p.y(c.Y), p.l(r), style)
}

func (p *painter) polygon(pts []canvas.Point, style Style) {
	ps := make([]Point, len(pts))
	for i, q := range pts {
		ps[i] = Point{X: p.x(q.X), Y: p.y(q.Y)}
	}
	p.f.Polygon(ps, style)
}

// formKind tells the shapes drawn as forms apart.
type formKind uint8

const (
	formCard formKind = iota + 1
	formFace
	formBadge
	formListened
	formAdvice
	formChannel
	formCardParts
	formCurvePoint
)

// formKey names one shape drawn as a form: its kind and what varies within
// the kind, its size in scene mm and the scale. Shapes of the same key
// differ only by their position.
type formKey struct {
	kind    formKind
	color   canvas.RGB
	n       int
	name    string
	flag    bool
	parts   [8]float64 // where the parts of a card lie in it (formCardParts)
	w, h, k float64
}

// stamp draws a shape that fills box (scene mm), reaching at most pad
// beyond it: through a form when the surface keeps them (the PDF's form
// XObjects, the SVG's <use> of kept drawings), else directly.
// draw paints it with the given painter; key says what it looks like,
// besides its size and position.
func (p *painter) stamp(key formKey, box canvas.Rect, pad float64, draw func(q *painter)) {
	p.stampFrom(key, box, pad, nil, draw)
}

// stampFrom is stamp with the drawing's origin at from (scene mm) rather
// than at its box's corner where the surface does not clip drawings to
// their box (SVG): a card's parts placed at the start of its text, which
// is its group's origin, need no position. The key must say where from
// lies in the box.
//
// Without from, the painter's anchor serves, if set: the drawing is kept
// as it is anywhere else, and placed from the anchor by a drawing kept of
// its own, which holds nothing but that placement. That one weighs some
// sixty bytes and saves twenty on each <use>: it is made only once the
// same drawing has been placed in the same place placedDirect times, on
// a big map, and never on a small one, where places seldom repeat.
func (p *painter) stampFrom(key formKey, box canvas.Rect, pad float64, from *canvas.Point, draw func(q *painter)) {
	fs, kept := p.f.(*svg.Surface)
	if kept && from == nil && p.anchor != nil {
		a := *p.anchor
		inner := key
		inner.w, inner.h, inner.k = box.W, box.H, p.k
		placed := placedKey{inner: inner, at: [2]float64{relTo(box.X, a.X), relTo(box.Y, a.Y)}}
		if p.placedSeen == nil {
			p.placedSeen = map[placedKey]int{}
		}
		if p.placedSeen[placed]++; p.placedSeen[placed] > placedDirect {
			fs.Form(placed, p.x(a.X), p.y(a.Y), 0, 0, func(s *svg.Surface) {
				p.keptPainter(s, a.X, a.Y).stamp(key, box, pad, draw)
			})
			return
		}
	}
	key.w, key.h, key.k = box.W, box.H, p.k
	pad = max(pad, minLine/p.k) // the thinnest line, at a small scale
	x, y := box.X-pad, box.Y-pad
	if kept && from != nil {
		x, y = from.X, from.Y
	}
	fx, fy, fw, fh := p.x(x), p.y(y), p.l(box.W+2*pad), p.l(box.H+2*pad)
	switch fs := p.f.(type) {
	case *pdf.Surface:
		if fs.Forms() {
			fs.Form(key, fx, fy, fw, fh, func(s *pdf.Surface) { draw(p.keptPainter(s, x, y)) })
			return
		}
	case *svg.Surface:
		fs.Form(key, fx, fy, fw, fh, func(s *svg.Surface) { draw(p.keptPainter(s, x, y)) })
		return
	}
	draw(p)
}

// keptPainter paints a drawing kept on s, whose origin is (x, y), scene mm,
// at the painter's scale.
func (p *painter) keptPainter(s Surface, x, y float64) *painter {
	q := newPainter(s)
	q.resetState()
	q.setTransform(-x*p.k, -y*p.k, p.k)
	return q
}

// placedDirect is how many times a drawing is placed in one place from
// the anchor with its position, before that placement is kept (stampFrom).
const placedDirect = 3

// placedKey names a drawing kept that places another (inner) where it
// lies from the painter's anchor (see stampFrom).
type placedKey struct {
	inner formKey
	at    [2]float64
}

// quad draws a quadratic curve from a to b bending towards control c.
func (p *painter) quad(a, c, b canvas.Point) {
	p.f.Curve(p.x(a.X), p.y(a.Y), p.x(c.X), p.y(c.Y), p.x(b.X), p.y(b.Y), Stroke)
}

// relTo is v from from, scene mm, to a millionth: what tells two drawings
// kept apart by where they lie (formKey).
func relTo(v, from float64) float64 { return math.Round((v-from)*1e6) / 1e6 }
