// Package svg is the SVG backend of the posters (canvas/poster): a
// Surface that writes SVG elements instead of PDF operators, for the same
// poster page as the PDF — title block, legend, persona card, map, footer
// — drawn by the same painter. Sizes are page millimetres, as in the PDF:
// the document is as wide and high as the paper, and its viewBox is the
// paper in millimetres, so one user unit is one millimetre.
//
// Texts are real <text> elements, which a browser lets people select and
// search. The fonts are named, not embedded: see fontFamily.
//
// The document is kept small, as a map of a hundred thousand touchpoints
// is: the styles of strokes and texts are classes of one style sheet
// (sheet), drawings that repeat are kept once and placed with <use>
// (Form), each card's elements are written from the start of its text
// (Origin), without the textLength its texts do not need (textLength),
// and path data takes the shorter of absolute and relative steps
// (pathData).
package svg

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"parcours/canvas"
	"parcours/model/msg"
)

// fontFamily names the fonts the layout measured with, then any sans-serif
// face. They are not embedded: the two DejaVu files are 1.4 MB, 2 MB in
// base64, several times the drawing of a thousand-touchpoint poster, and
// the renderers that are not browsers (librsvg, Inkscape) ignore
// @font-face anyway; a subset would need a TrueType subsetter of our own.
// DejaVu Sans is on most Linux desktops; where it is missing, the lines
// outside the cards keep the length the layout measured, and a card's
// end a little earlier (see textLength).
const fontFamily = "DejaVu Sans,sans-serif"

// textLength, when set, gives the text elements outside a card (see
// Origin) the width the layout measured them at, which renderers stretch
// or squeeze the line's spacing to where they use another face than
// DejaVu Sans.
//
// A card's texts carry none: they are nearly every text of a big map, a
// fifth of its bytes, and the width buys nothing there. In DejaVu Sans,
// named first, the renderers place every letter where the layout did
// without it: Chromium within a device pixel (the letters' own advances,
// rounded at small sizes), and librsvg ignores textLength anyway. The faces browsers fall back to for
// sans-serif (Arial, Helvetica, Liberation Sans, Roboto) are narrower
// than DejaVu Sans, and a card's lines are left-aligned, wrapped to the
// card's width with DejaVu's widths: in those faces they end a little
// earlier, still within the card, at their natural spacing.
const textLength = true

// coordDecimals are the decimals of the coordinates written: a thousandth
// of a millimetre, finer than the PDF's hundredth of a point. A map of a
// thousand touchpoints is shrunk forty times to fit A0, its card titles
// then a twentieth of a millimetre high: people zoom into an SVG to read
// them, and a hundredth would already move their letters by a fifth of
// their height. Line widths and font sizes keep four significant digits
// (appendSize).
const coordDecimals = 3

// Style kinds: what an element's presentation attributes depend on.
const (
	styleFill = iota
	styleStroke
	styleBoth
	styleText
	styleKinds
)

// Surface is a canvas/poster Surface that writes SVG elements, in page millimetres.
// Consecutive elements of the same style share it through a <g>: the
// element before is held back until the next one says whether they do.
type Surface struct {
	head []byte // the document's start, up to its style sheet
	out  []byte // the drawing so far, after the style sheet
	err  error  // the first failure, which Write reports
	// sheet holds the classes of the styles used, shared with the
	// drawings kept (Form).
	sheet *sheet
	rule  []byte // the declarations of a style being made

	// Drawing state, fpdf's defaults at first.
	fill, stroke, ink canvas.RGB
	width             float64   // line width, mm
	lineCap, join     string    // SVG values
	dash              []float64 // on, off… mm; nil for solid
	dashPhase         float64
	bold              bool
	size              float64 // font size, pt

	// styles are the presentation attributes of each kind for the current
	// state, remade when stale.
	styles [styleKinds][]byte
	stale  [styleKinds]bool

	el, pend        []byte // the element being made; the one held back
	elSplit         int    // where its style goes: el[:elSplit] + style + el[elSplit:]
	pendSplit       int
	pendStyle       []byte
	hasPend         bool
	group           []byte // the style of the open <g>
	grouped         bool
	p               pathData // the path being built by MoveTo…DrawPath
	ox, oy          float64  // the origin of coordinates, page mm (see Origin)
	origin          bool     // whether Origin's group is open
	originStyle     []byte   // the style it carries
	reg, boldFont   *canvas.Font
	pictures        map[*canvas.Image][]byte // data URIs
	rootCap, rootJn string                   // what the root group sets
	kept            *kept                    // the drawings kept, shared with them (Form)
}

// kept is the drawings kept (Form): their ids by key, and their <g>
// elements, for the <defs>. A drawing kept may place others.
type kept struct {
	forms map[any]string
	defs  []byte
}

func NewSurface() *Surface {
	reg, bold := canvas.Fonts()
	s := &Surface{width: 0.2, lineCap: "butt", join: "miter", size: 12,
		reg: reg, boldFont: bold, pictures: map[*canvas.Image][]byte{},
		rootCap: "round", rootJn: "round", sheet: &sheet{names: map[string]string{}},
		kept: &kept{forms: map[any]string{}}}
	s.stale = [styleKinds]bool{true, true, true, true}
	return s
}

// begin writes the document's start: the page of paper p, white, and the
// root group holding the defaults every element inherits (round caps and
// joins, which are all the painter asks for, and the fonts).
func (s *Surface) Begin(w, h float64, title string) {
	b := append(s.head[:0], `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="`...)
	b = appendSize(b, w)
	b = append(b, `mm" height="`...)
	b = appendSize(b, h)
	b = append(b, `mm" viewBox="0 0 `...)
	b = appendSize(b, w)
	b = append(b, ' ')
	b = appendSize(b, h)
	b = append(b, `" xml:space="preserve">`+"\n"...)
	if strings.TrimSpace(title) != "" {
		b = append(b, "<title>"...)
		b = appendEscaped(b, title)
		b = append(b, "</title>\n"...)
	}
	s.head = b
	b = s.out
	if b == nil {
		b = make([]byte, 0, 1<<16)
	}
	b = append(b, `<rect width="`...)
	b = appendSize(b, w)
	b = append(b, `" height="`...)
	b = appendSize(b, h)
	b = append(b, `" fill="#fff"/>`+"\n"...)
	// No text-rendering="geometricPrecision": with it, Chromium spaces the
	// letters of texts a twentieth of a millimetre high (a thousand cards
	// on A0, zoomed in) unevenly; without it they come out as measured.
	b = append(b, `<g font-family="`+fontFamily+`" stroke-linecap="`+s.rootCap+
		`" stroke-linejoin="`+s.rootJn+`" stroke-miterlimit="10">`+"\n"...)
	s.out = b
}

// End writes what is held back and closes the document.
func (s *Surface) End() {
	s.EndOrigin()
	s.flushHeld()
	if len(s.kept.defs) > 0 {
		s.out = append(append(append(s.out, "<defs>\n"...), s.kept.defs...), "</defs>\n"...)
	}
	s.out = append(s.out, "</g>\n</svg>\n"...)
}

// WriteTo writes the document, after End: its start, its style sheet and
// its drawing.
func (s *Surface) WriteTo(w io.Writer) (int64, error) {
	// Text as the PDF sets it: each character at its advance, no kerning
	// nor ligatures, which the layout did not measure.
	css := append([]byte("<style type=\"text/css\">text{font-kerning:none;font-variant-ligatures:none}\n"), s.sheet.rules...)
	css = append(css, "</style>\n"...)
	var n int64
	for _, b := range [][]byte{s.head, css, s.out} {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// sheet is the document's style sheet: a class for each style of strokes
// or texts, named by the order of first use (a…z, ba…zz, …).
type sheet struct {
	names map[string]string
	rules []byte
}

// maxClasses bounds the style sheet; styles beyond are written as
// attributes (never met: a poster uses a few dozen).
const maxClasses = 1 << 14

// class returns the class of the declarations decl, adding its rule; ""
// when the sheet is full.
func (c *sheet) class(decl []byte) string {
	if name, ok := c.names[string(decl)]; ok {
		return name
	}
	if len(c.names) >= maxClasses {
		return ""
	}
	name := className(len(c.names))
	c.names[string(decl)] = name
	c.rules = append(append(append(append(append(c.rules, '.'), name...), '{'), decl...), "}\n"...)
	return name
}

// appendAttrs appends the declarations decl as presentation attributes.
func appendAttrs(b, decl []byte) []byte {
	for _, d := range bytes.Split(decl, []byte{';'}) {
		name, value, _ := bytes.Cut(d, []byte{':'})
		b = append(append(append(append(append(b, ' '), name...), `="`...), value...), '"')
	}
	return b
}

// className is the n-th class name: a to z and A to Z, then two
// characters and more, never a digit first as CSS requires.
func className(n int) string {
	const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	const next = first + "0123456789"
	b := []byte{first[n%len(first)]}
	for n /= len(first); n > 0; n /= len(next) {
		b = append(b, next[n%len(next)])
	}
	return string(b)
}

// State.

func rgb(r, g, b int) canvas.RGB {
	c := func(v int) uint8 { return uint8(min(max(v, 0), 255)) }
	return canvas.RGB{R: c(r), G: c(g), B: c(b)}
}

func (s *Surface) SetFillColor(r, g, b int) {
	if c := rgb(r, g, b); c != s.fill {
		s.fill = c
		s.stale[styleFill], s.stale[styleBoth] = true, true
	}
}

func (s *Surface) SetDrawColor(r, g, b int) {
	if c := rgb(r, g, b); c != s.stroke {
		s.stroke = c
		s.strokeChanged()
	}
}

func (s *Surface) SetTextColor(r, g, b int) {
	if c := rgb(r, g, b); c != s.ink {
		s.ink = c
		s.stale[styleText] = true
	}
}

func (s *Surface) strokeChanged() { s.stale[styleStroke], s.stale[styleBoth] = true, true }

func (s *Surface) SetLineWidth(w float64) {
	if !(w >= 0) {
		w = 0
	}
	if w != s.width {
		s.width = w
		s.strokeChanged()
	}
}

// SetLineCapStyle reads fpdf's names: anything else is butt, as there.
func (s *Surface) SetLineCapStyle(style string) {
	c := "butt"
	switch style {
	case "round", "square":
		c = style
	}
	if c != s.lineCap {
		s.lineCap = c
		s.strokeChanged()
	}
}

// SetLineJoinStyle reads fpdf's names: anything else is miter, as there.
func (s *Surface) SetLineJoinStyle(style string) {
	j := "miter"
	switch style {
	case "round", "bevel":
		j = style
	}
	if j != s.join {
		s.join = j
		s.strokeChanged()
	}
}

// SetDashPattern sets dashes; nil, or a pattern that has no length or a
// negative one, is a solid line.
func (s *Surface) SetDashPattern(dashes []float64, phase float64) {
	total := 0.0
	ok := true
	for _, d := range dashes {
		total += d
		ok = ok && d >= 0 && !math.IsInf(d, 0)
	}
	s.dash = s.dash[:0]
	if ok && total > 0 {
		s.dash = append(s.dash, dashes...)
	}
	if math.IsNaN(phase) || math.IsInf(phase, 0) {
		phase = 0
	}
	s.dashPhase = phase
	s.strokeChanged()
}

func (s *Surface) SetFont(family, _ string, size float64) {
	bold := family == canvas.FamilyBold
	if bold != s.bold || size != s.size {
		s.bold, s.size = bold, size
		s.stale[styleText] = true
	}
}

// style returns the presentation attributes of kind for the current state:
// a fill colour as an attribute, the longer styles of strokes and texts
// as a class of the document's style sheet (see sheet), which a thousand
// cards name in ten bytes instead of repeating fifty.
func (s *Surface) style(kind int) []byte {
	if !s.stale[kind] {
		return s.styles[kind]
	}
	b := s.styles[kind][:0]
	if kind == styleFill {
		b = appendColor(append(b, ` fill="`...), s.fill)
		b = append(b, '"')
		s.styles[kind], s.stale[kind] = b, false
		return b
	}
	// The rule's declarations; lengths in px, the user unit, as CSS
	// wants units where SVG attributes do not.
	r := s.rule[:0]
	switch kind {
	case styleStroke, styleBoth:
		r = append(r, "fill:"...)
		if kind == styleBoth {
			r = appendColor(r, s.fill)
		} else {
			r = append(r, "none"...)
		}
		r = appendColor(append(r, ";stroke:"...), s.stroke)
		r = append(r, ";stroke-width:"...)
		r = append(appendSize(r, s.width), "px"...)
		if s.lineCap != s.rootCap {
			r = append(append(r, ";stroke-linecap:"...), s.lineCap...)
		}
		if s.join != s.rootJn {
			r = append(append(r, ";stroke-linejoin:"...), s.join...)
		}
		if len(s.dash) > 0 {
			r = append(r, ";stroke-dasharray:"...)
			for i, d := range s.dash {
				if i > 0 {
					r = append(r, ',')
				}
				r = append(appendSize(r, d), "px"...)
			}
			if s.dashPhase != 0 {
				r = append(r, ";stroke-dashoffset:"...)
				r = append(appendSize(r, s.dashPhase), "px"...)
			}
		}
	case styleText:
		r = appendColor(append(r, "fill:"...), s.ink)
		r = append(r, ";font-size:"...)
		r = append(appendSize(r, s.size*canvas.PtToMM), "px"...)
		// Both weights, as a group's class may be bold (Origin).
		if s.bold {
			r = append(r, ";font-weight:bold"...)
		} else {
			r = append(r, ";font-weight:normal"...)
		}
	}
	s.rule = r
	if name := s.sheet.class(r); name != "" {
		b = append(append(append(b, ` class="`...), name...), '"')
	} else {
		b = appendAttrs(b, r)
	}
	s.styles[kind], s.stale[kind] = b, false
	return b
}

// paintStyle is the presentation attributes of a shape painted in style.
func (s *Surface) paintStyle(style canvas.PaintStyle) []byte {
	fill, stroke := style.Fills(), !style.Fills() || style.Strokes()
	switch {
	case fill && stroke:
		return s.style(styleBoth)
	case fill:
		return s.style(styleFill)
	default:
		return s.style(styleStroke)
	}
}

// Elements.

// start begins a new element.
func (s *Surface) start(tag string) {
	s.el = append(append(s.el[:0], '<'), tag...)
}

// attr appends a numeric attribute to the element being made.
func (s *Surface) attr(name string, v float64, decimals int) {
	s.el = append(append(append(s.el, ' '), name...), `="`...)
	s.el = appendNum(s.el, v, decimals)
	s.el = append(s.el, '"')
}

// attrX and attrY append a coordinate, relative to the origin (see
// Origin); nothing when it is 0, the value SVG takes for one not given.
func (s *Surface) attrX(name string, v float64) { s.coord(name, v-s.ox) }
func (s *Surface) attrY(name string, v float64) { s.coord(name, v-s.oy) }

func (s *Surface) coord(name string, v float64) {
	n := len(s.el)
	s.attr(name, v, coordDecimals)
	if s.el[len(s.el)-2] == '0' && s.el[len(s.el)-3] == '"' {
		s.el = s.el[:n]
	}
}

// Origin opens a group whose coordinates are written from (x, y), page
// mm, until EndOrigin: the parts of a card, a few millimetres apart, in
// numbers of a few digits, its title's lines without x and its first
// without y either; its texts carry no textLength (see textLength). (The
// faces along the emotion curve are in such a group too, from the curve's
// corner: those kept with their level are placed with an x alone.) The
// origin is rounded as coordinates are, so that every position comes out
// as it would have without it. The group carries
// the style of texts set (the card's title's), which its texts of that
// style inherit, and is written on one line.
func (s *Surface) Origin(x, y float64) {
	s.flushHeld()
	s.ox, s.oy = 0, 0
	s.out = append(s.out, `<g transform="translate(`...)
	s.out = appendNum(s.out, x, coordDecimals)
	s.out = append(s.out, ' ')
	s.out = appendNum(s.out, y, coordDecimals)
	s.out = append(s.out, `)"`...)
	s.originStyle = append(s.originStyle[:0], s.style(styleText)...)
	s.out = append(append(s.out, s.originStyle...), '>')
	s.ox, s.oy = roundNum(x, coordDecimals), roundNum(y, coordDecimals)
	s.origin = true
}

// EndOrigin closes the group Origin opened.
func (s *Surface) EndOrigin() {
	if !s.origin {
		return
	}
	s.flushHeld()
	s.out = append(s.out, "</g>\n"...)
	s.ox, s.oy, s.origin = 0, 0, false
}

// finish ends the element's attributes (its style goes here) with tail,
// and writes it in style.
func (s *Surface) finish(style []byte, tail string) {
	s.elSplit = len(s.el)
	s.el = append(s.el, tail...)
	s.emit(style)
}

// emit writes the element made in s.el with style: into the open group
// when it has that style, else held back until the next element tells
// whether to open a group for both.
func (s *Surface) emit(style []byte) {
	if s.origin {
		// Within Origin's group: the style it carries is inherited, and
		// the elements go on its line.
		if bytes.Equal(style, s.originStyle) {
			style = nil
		}
		if n := len(s.el); n > 0 && s.el[n-1] == '\n' {
			s.el = s.el[:n-1]
		}
	}
	if s.grouped {
		if bytes.Equal(style, s.group) {
			s.out = append(append(s.out, s.el[:s.elSplit]...), s.el[s.elSplit:]...)
			return
		}
		s.out = append(s.out, "</g>"...)
		s.out = append(s.out, s.brk()...)
		s.grouped = false
	}
	if s.hasPend {
		if bytes.Equal(style, s.pendStyle) && len(style) > 0 {
			s.out = append(append(append(s.out, "<g"...), style...), '>')
			s.out = append(s.out, s.brk()...)
			s.out = append(s.out, s.pend...)
			s.out = append(s.out, s.el...)
			s.group = append(s.group[:0], style...)
			s.grouped, s.hasPend = true, false
			return
		}
		s.writePending()
	}
	s.pend = append(s.pend[:0], s.el...)
	s.pendSplit = s.elSplit
	s.pendStyle = append(s.pendStyle[:0], style...)
	s.hasPend = true
}

// writePending writes the element held back with its own style.
func (s *Surface) writePending() {
	s.out = append(s.out, s.pend[:s.pendSplit]...)
	s.out = append(s.out, s.pendStyle...)
	s.out = append(s.out, s.pend[s.pendSplit:]...)
	s.hasPend = false
}

// flushHeld writes what is held back and closes the open group.
func (s *Surface) flushHeld() {
	if s.hasPend {
		s.writePending()
	}
	if s.grouped {
		s.out = append(s.out, "</g>"...)
		s.out = append(s.out, s.brk()...)
		s.grouped = false
	}
}

// brk is the line break after an element: none within Origin's group,
// which is one line.
func (s *Surface) brk() string {
	if s.origin {
		return ""
	}
	return "\n"
}

// Shapes.

func (s *Surface) Rect(x, y, w, h float64, style canvas.PaintStyle) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	if !(w > 0 && h > 0) {
		// SVG draws no rectangle of no width; the PDF strokes its outline.
		s.p.reset()
		s.MoveTo(x, y)
		s.LineTo(x+w, y)
		s.LineTo(x+w, y+h)
		s.LineTo(x, y+h)
		s.ClosePath()
		s.DrawPath(style)
		return
	}
	s.start("rect")
	s.attrX("x", x)
	s.attrY("y", y)
	s.attr("width", w, coordDecimals)
	s.attr("height", h, coordDecimals)
	s.finish(s.paintStyle(style), "/>\n")
}

// RoundedRectExt draws a rectangle whose corners are quarter circles of
// their own radii (0 for a square corner): a <rect> when they are all the
// same, else a path of arcs.
func (s *Surface) RoundedRectExt(x, y, w, h, rTL, rTR, rBR, rBL float64, style canvas.PaintStyle) {
	r := [4]float64{rTL, rTR, rBR, rBL}
	for i := range r {
		if !(r[i] > 0) || math.IsInf(r[i], 0) {
			r[i] = 0
		}
	}
	if r[0] == r[1] && r[1] == r[2] && r[2] == r[3] && w > 0 && h > 0 && 2*r[0] <= min(w, h) {
		if r[0] == 0 {
			s.Rect(x, y, w, h, style)
			return
		}
		s.start("rect")
		s.attrX("x", x)
		s.attrY("y", y)
		s.attr("width", w, coordDecimals)
		s.attr("height", h, coordDecimals)
		s.attr("rx", r[0], coordDecimals)
		s.finish(s.paintStyle(style), "/>\n")
		return
	}
	// Clockwise on the page from the top-left corner's end of its arc, as
	// the PDF draws it.
	x, y = x-s.ox, y-s.oy
	p := &s.p
	p.reset()
	p.move(x+r[0], y)
	p.line(x+w-r[1], y)
	corner := func(r, x, y float64) {
		if r > 0 {
			p.arc(r, x, y)
		}
	}
	corner(r[1], x+w, y+r[1])
	p.line(x+w, y+h-r[2])
	corner(r[2], x+w-r[2], y+h)
	p.line(x+r[3], y+h)
	corner(r[3], x, y+h-r[3])
	p.line(x, y+r[0])
	corner(r[0], x+r[0], y)
	p.close()
	s.DrawPath(style)
}

func (s *Surface) Line(x1, y1, x2, y2 float64) {
	s.p.reset()
	s.p.move(x1-s.ox, y1-s.oy)
	s.p.line(x2-s.ox, y2-s.oy)
	s.DrawPath(canvas.Stroke)
}

func (s *Surface) Circle(x, y, r float64, style canvas.PaintStyle) {
	if !(r > 0) {
		return
	}
	s.start("circle")
	s.attrX("cx", x)
	s.attrY("cy", y)
	s.attr("r", r, coordDecimals)
	s.finish(s.paintStyle(style), "/>\n")
}

func (s *Surface) Polygon(points []canvas.Point, style canvas.PaintStyle) {
	if len(points) < 3 {
		return // as the PDF
	}
	s.p.reset()
	for i, q := range points {
		if i == 0 {
			s.p.move(q.X-s.ox, q.Y-s.oy)
		} else {
			s.p.line(q.X-s.ox, q.Y-s.oy)
		}
	}
	s.p.close()
	s.DrawPath(style)
}

func (s *Surface) Curve(x0, y0, cx, cy, x1, y1 float64, style canvas.PaintStyle) {
	s.p.reset()
	s.p.move(x0-s.ox, y0-s.oy)
	s.p.curve('Q', cx-s.ox, cy-s.oy, x1-s.ox, y1-s.oy)
	s.DrawPath(style)
}

func (s *Surface) MoveTo(x, y float64) { s.p.move(x-s.ox, y-s.oy) }

func (s *Surface) LineTo(x, y float64) {
	if s.p.empty() {
		s.MoveTo(x, y)
		return
	}
	s.p.line(x-s.ox, y-s.oy)
}

func (s *Surface) CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64) {
	if s.p.empty() {
		s.MoveTo(cx0, cy0)
	}
	s.p.curve('C', cx0-s.ox, cy0-s.oy, cx1-s.ox, cy1-s.oy, x-s.ox, y-s.oy)
}

func (s *Surface) ClosePath() { s.p.close() }

func (s *Surface) DrawPath(style canvas.PaintStyle) {
	if s.p.empty() {
		return
	}
	s.start("path")
	s.el = append(s.el, ` d="`...)
	s.el = append(s.el, s.p.d...)
	s.el = append(s.el, '"')
	s.p.reset()
	s.finish(s.paintStyle(style), "/>\n")
}

// Text.

// Text writes str as a <text> element with its baseline's left end at
// (x, y), in the font and size set, as wide as the layout measured it.
func (s *Surface) Text(x, y float64, str string) {
	if str == "" || !(s.size > 0) {
		return
	}
	s.start("text")
	s.attrX("x", x)
	s.attrY("y", y)
	if textLength && !s.origin {
		f := s.reg
		if s.bold {
			f = s.boldFont
		}
		if w := f.Width(str, s.size); w > 0 {
			s.attr("textLength", w, coordDecimals)
		}
	}
	s.elSplit = len(s.el)
	s.el = append(s.el, '>')
	s.el = appendEscaped(s.el, str)
	s.el = append(s.el, "</text>\n"...)
	s.emit(s.style(styleText))
}

// Pictures.

// Picture draws img stretched into the box, as an <image> holding the
// picture in a data URI: photographs (JPEG's colour models) as JPEG,
// anything else as PNG, which keeps every pixel and transparency.
func (s *Surface) Picture(img *canvas.Image, x, y, w, h float64) {
	if img == nil || img.Image == nil || !(w > 0 && h > 0) {
		return
	}
	uri, ok := s.pictures[img]
	if !ok {
		var err error
		if uri, err = dataURI(img.Image); err != nil {
			if s.err == nil {
				s.err = fmt.Errorf("%s: %w", msg.T("svg.picture"), err)
			}
			return
		}
		s.pictures[img] = uri
	}
	s.start("image")
	s.attrX("x", x)
	s.attrY("y", y)
	s.attr("width", w, coordDecimals)
	s.attr("height", h, coordDecimals)
	s.el = append(s.el, ` preserveAspectRatio="none" xlink:href="`...)
	s.el = append(s.el, uri...)
	s.el = append(s.el, '"')
	s.finish(nil, "/>\n")
}

// dataURI encodes img as a data: URI.
func dataURI(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	kind := "image/png"
	switch img.(type) {
	case *image.YCbCr, *image.CMYK:
		kind = "image/jpeg"
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
			return nil, err
		}
	default:
		if err := png.Encode(&buf, img); err != nil {
			return nil, err
		}
	}
	b := make([]byte, 0, len("data:;base64,")+len(kind)+base64.StdEncoding.EncodedLen(buf.Len()))
	b = append(append(append(b, "data:"...), kind...), ";base64,"...)
	return base64.StdEncoding.AppendEncode(b, buf.Bytes()), nil
}

// Err is the first error met while painting (a picture that could not be
// encoded).
func (s *Surface) Err() error { return s.err }

// InvisibleText implements canvas/poster's searchable: the character of
// an emoji drawn as a path, in a transparent <text> over its drawing, so
// that a browser finds it and copies it with its line.
func (s *Surface) InvisibleText(x, y, _ float64, r rune, w float64) {
	if !(s.size > 0) {
		return
	}
	s.start("text")
	s.attrX("x", x)
	s.attrY("y", y)
	if textLength && w > 0 && !s.origin {
		s.attr("textLength", w, coordDecimals)
	}
	s.el = append(s.el, ` fill-opacity="0"`...)
	s.elSplit = len(s.el)
	s.el = append(s.el, '>')
	s.el = appendEscaped(s.el, string(r))
	s.el = append(s.el, "</text>\n"...)
	s.emit(s.style(styleText))
}

// Form keeps a drawing and places it again, as the PDF's forms do: the
// drawing named key (any comparable value) is placed with its top-left
// corner at (x, y), page mm, as a <use> of a <g> kept in the <defs>; the
// first time, draw paints it on a surface whose origin is the corner. A
// thousand cards are a dozen drawings placed a thousand times, some sixty
// bytes each, instead of a thousand paths.
func (s *Surface) Form(key any, x, y, _, _ float64, draw func(*Surface)) {
	k := s.kept
	id, ok := k.forms[key]
	if !ok {
		f := NewSurface()
		f.pictures, f.sheet, f.kept = s.pictures, s.sheet, k
		draw(f)
		f.flushHeld()
		if f.err != nil && s.err == nil {
			s.err = f.err
		}
		id = "f" + strconv.Itoa(len(k.forms)+1)
		k.forms[key] = id
		k.defs = append(append(append(k.defs, `<g id="`+id+`">`+"\n"...), f.out...), "</g>\n"...)
	}
	s.start("use")
	s.el = append(s.el, ` xlink:href="#`+id+`"`...)
	s.attrX("x", x)
	s.attrY("y", y)
	s.finish(nil, "/>\n")
}
