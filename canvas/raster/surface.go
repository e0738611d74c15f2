// Package raster is the picture backend of the posters (canvas/poster): a
// Surface that paints pixels, without any display, for the same poster
// page as the PDF — title block, map, legend, footer — drawn by the same
// painter, with golang.org/x/image/vector for shapes and the DejaVu fonts
// the layout measured with for text, so that every text sits where the
// layout put it.
package raster

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"
	"unicode/utf8"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"parcours/assets"
	"parcours/canvas"
)

// pt is a point in pixels.
type pt struct{ x, y float64 }

// Surface is a canvas/poster Surface that paints pixels: page millimetres times s
// give pixels. Lines have round caps and joins, as the painter asks of
// fpdf.
type Surface struct {
	img *image.RGBA
	// page is the whole page's pixels, of which img may be a strip: what
	// the rasteriser does is decided by a shape's extent on the page, so
	// that a strip gets the pixels the whole page would.
	page image.Rectangle
	s    float64 // pixels per millimetre

	fill, stroke, ink color.RGBA
	width             float64   // line width, mm
	dash              []float64 // on, off… in mm; nil for solid
	dashPhase         float64
	bold              bool
	size              float64 // font size, pt

	z      vector.Rasterizer
	path   [][]pt // the path being built by MoveTo…DrawPath, in pixels
	polys  [][]pt // scratch: the subpaths of one fill
	arena  []pt   // scratch: their points
	dashed []pt   // scratch: one dash

	reg, boldFont *canvas.Font // advances, as the layout measured them
	faces         map[faceKey]font.Face
	glyphs        map[glyphKey]*glyph
	pictures      map[*canvas.Image]pictureCache
}

// NewSurface paints on img, pxPerMM pixels a millimetre, the page's
// origin at pixel (0, 0). img may be a strip of the page: an image whose
// bounds are some of the page's rows (see SetImage).
func NewSurface(img *image.RGBA, pxPerMM float64) *Surface {
	reg, bold := canvas.Fonts()
	s := &Surface{s: pxPerMM, reg: reg, boldFont: bold,
		faces: map[faceKey]font.Face{}, glyphs: map[glyphKey]*glyph{}, pictures: map[*canvas.Image]pictureCache{}}
	s.SetImage(img, img.Bounds())
	return s
}

// SetImage starts painting on img afresh, as a new surface would, keeping
// only what s made for the former picture (faces, glyphs, scaled
// pictures). A page too big to hold at once is painted strip by strip,
// the whole painting on each strip, img's bounds being the strip's rows
// of page, the whole page's pixels: whatever falls outside img is left
// out, most of it before any work, and each strip gets the pixels it
// would have in a picture of the whole page.
func (s *Surface) SetImage(img *image.RGBA, page image.Rectangle) {
	s.img, s.page = img, page
	s.fill, s.stroke, s.ink = color.RGBA{A: 0xFF}, color.RGBA{A: 0xFF}, color.RGBA{A: 0xFF}
	s.width, s.dash, s.dashPhase, s.bold, s.size = 0.2, nil, 0, false, 12
	clear(s.path)
	s.path = s.path[:0]
}

// Visible tells whether anything drawn in the box (x, y, w, h) mm can
// touch the picture: a painter may skip what cannot.
func (s *Surface) Visible(x, y, w, h float64) bool {
	return !s.outside(x*s.s, y*s.s, (x+w)*s.s, (y+h)*s.s, 0)
}

// outside tells whether the box (x0, y0)–(x1, y1), in pixels, grown by
// pad pixels and the anti-aliasing's one, lies wholly outside the picture.
func (s *Surface) outside(x0, y0, x1, y1, pad float64) bool {
	b := s.img.Bounds()
	pad++
	return min(x0, x1)-pad >= float64(b.Max.X) || max(x0, x1)+pad <= float64(b.Min.X) ||
		min(y0, y1)-pad >= float64(b.Max.Y) || max(y0, y1)+pad <= float64(b.Min.Y)
}

// halfWidth is half the line width, in pixels: how far a stroke reaches
// beyond its path.
func (s *Surface) halfWidth() float64 { return max(s.width*s.s, 0) / 2 }

func rgb(r, g, b int) color.RGBA { return color.RGBA{uint8(r), uint8(g), uint8(b), 0xFF} }

func (s *Surface) SetFillColor(r, g, b int) { s.fill = rgb(r, g, b) }
func (s *Surface) SetDrawColor(r, g, b int) { s.stroke = rgb(r, g, b) }
func (s *Surface) SetTextColor(r, g, b int) { s.ink = rgb(r, g, b) }
func (s *Surface) SetLineWidth(w float64)   { s.width = w }
func (s *Surface) SetLineCapStyle(string)   {} // always round
func (s *Surface) SetLineJoinStyle(string)  {} // always round
func (s *Surface) SetFont(family, _ string, size float64) {
	s.bold = family == canvas.FamilyBold
	s.size = size
}

func (s *Surface) SetDashPattern(dashes []float64, phase float64) {
	s.dash, s.dashPhase = nil, phase
	total := 0.0
	for _, d := range dashes {
		total += d
	}
	if total > 0 {
		s.dash = append([]float64(nil), dashes...)
	}
}

func (s *Surface) p(x, y float64) pt { return pt{x * s.s, y * s.s} }

// styles tells what style paints; a style of neither strokes.
func styles(style canvas.PaintStyle) (fill, stroke bool) {
	return style.Fills(), !style.Fills() || style.Strokes()
}

func (s *Surface) Rect(x, y, w, h float64, style canvas.PaintStyle) {
	if s.outside(x*s.s, y*s.s, (x+w)*s.s, (y+h)*s.s, s.halfWidth()) {
		return
	}
	fill, stroke := styles(style)
	if fill {
		s.fillRect(x*s.s, y*s.s, (x+w)*s.s, (y+h)*s.s, s.fill)
	}
	if stroke {
		s.strokePath([]pt{s.p(x, y), s.p(x+w, y), s.p(x+w, y+h), s.p(x, y+h)}, true)
	}
}

func (s *Surface) RoundedRectExt(x, y, w, h, rTL, rTR, rBR, rBL float64, style canvas.PaintStyle) {
	if s.outside(x*s.s, y*s.s, (x+w)*s.s, (y+h)*s.s, s.halfWidth()) {
		return
	}
	var pts []pt
	// corner goes a quarter turn round (cx, cy) from angle from (y down:
	// π is left, 3π/2 up); a square corner is just its point.
	corner := func(cx, cy, r, from float64) {
		c := s.p(cx, cy)
		rp := r * s.s
		if rp <= 0 {
			pts = append(pts, c)
			return
		}
		n := max(2, arcSegments(rp)/4)
		for i := 0; i <= n; i++ {
			a := from + float64(i)/float64(n)*math.Pi/2
			pts = append(pts, pt{c.x + rp*math.Cos(a), c.y + rp*math.Sin(a)})
		}
	}
	corner(x+rTL, y+rTL, rTL, math.Pi)
	corner(x+w-rTR, y+rTR, rTR, 3*math.Pi/2)
	corner(x+w-rBR, y+h-rBR, rBR, 0)
	corner(x+rBL, y+h-rBL, rBL, math.Pi/2)
	s.shape(pts, style, true)
}

func (s *Surface) Line(x1, y1, x2, y2 float64) {
	if s.outside(x1*s.s, y1*s.s, x2*s.s, y2*s.s, s.halfWidth()) {
		return
	}
	s.strokePath([]pt{s.p(x1, y1), s.p(x2, y2)}, false)
}

func (s *Surface) Circle(x, y, r float64, style canvas.PaintStyle) {
	c := s.p(x, y)
	rp := r * s.s
	if s.outside(c.x-rp, c.y-rp, c.x+rp, c.y+rp, s.halfWidth()) {
		return
	}
	n := arcSegments(rp)
	pts := make([]pt, n)
	for i := range pts {
		a := float64(i) / float64(n) * 2 * math.Pi
		pts[i] = pt{c.x + rp*math.Cos(a), c.y + rp*math.Sin(a)}
	}
	s.shape(pts, style, true)
}

func (s *Surface) Polygon(points []canvas.Point, style canvas.PaintStyle) {
	if len(points) == 0 {
		return
	}
	x0, y0, x1, y1 := points[0].X, points[0].Y, points[0].X, points[0].Y
	for _, q := range points[1:] {
		x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
	}
	if s.outside(x0*s.s, y0*s.s, x1*s.s, y1*s.s, s.halfWidth()) {
		return
	}
	pts := make([]pt, len(points))
	for i, q := range points {
		pts[i] = s.p(q.X, q.Y)
	}
	s.shape(pts, style, true)
}

func (s *Surface) Curve(x0, y0, cx, cy, x1, y1 float64, style canvas.PaintStyle) {
	a, c, b := s.p(x0, y0), s.p(cx, cy), s.p(x1, y1)
	if s.outside(min(a.x, b.x, c.x), min(a.y, b.y, c.y), max(a.x, b.x, c.x), max(a.y, b.y, c.y), s.halfWidth()) {
		return
	}
	pts := []pt{a}
	pts = flattenQuad(pts, a, c, b)
	s.shape(pts, style, false)
}

func (s *Surface) MoveTo(x, y float64) { s.path = append(s.path, []pt{s.p(x, y)}) }

func (s *Surface) LineTo(x, y float64) {
	if len(s.path) == 0 {
		s.MoveTo(x, y)
		return
	}
	i := len(s.path) - 1
	s.path[i] = append(s.path[i], s.p(x, y))
}

func (s *Surface) CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64) {
	if len(s.path) == 0 {
		s.MoveTo(cx0, cy0)
	}
	i := len(s.path) - 1
	sub := s.path[i]
	s.path[i] = flattenCubic(sub, sub[len(sub)-1], s.p(cx0, cy0), s.p(cx1, cy1), s.p(x, y))
}

func (s *Surface) ClosePath() {
	if len(s.path) == 0 {
		return
	}
	i := len(s.path) - 1
	if sub := s.path[i]; len(sub) > 1 {
		s.path[i] = append(sub, sub[0])
	}
}

func (s *Surface) DrawPath(style canvas.PaintStyle) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, sub := range s.path {
		for _, q := range sub {
			x0, y0, x1, y1 = min(x0, q.x), min(y0, q.y), max(x1, q.x), max(y1, q.y)
		}
	}
	if s.outside(x0, y0, x1, y1, s.halfWidth()) {
		clear(s.path) // keep no subpath alive through s.path
		s.path = s.path[:0]
		return
	}
	fill, stroke := styles(style)
	if fill {
		s.fillPolys(s.path, s.fill, false)
	}
	if stroke {
		for _, sub := range s.path {
			s.strokePath(sub, false)
		}
	}
	s.path = s.path[:0]
}

// shape fills and/or strokes one outline.
func (s *Surface) shape(pts []pt, style canvas.PaintStyle, closed bool) {
	fill, stroke := styles(style)
	if fill {
		s.fillPolys([][]pt{pts}, s.fill, false)
	}
	if stroke {
		s.strokePath(pts, closed)
	}
}

// arcSegments is how many straight pieces draw a full circle of radius r
// pixels within a tenth of a pixel.
func arcSegments(r float64) int {
	n := int(math.Ceil(math.Pi * math.Sqrt(max(r, 0)/0.2)))
	return min(max(n, 8), 720)
}

func flattenQuad(dst []pt, a, c, b pt) []pt {
	d := math.Hypot(a.x-2*c.x+b.x, a.y-2*c.y+b.y)
	n := min(max(int(math.Ceil(math.Sqrt(d/0.4))), 1), 200)
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		dst = append(dst, pt{u*u*a.x + 2*u*t*c.x + t*t*b.x, u*u*a.y + 2*u*t*c.y + t*t*b.y})
	}
	return dst
}

func flattenCubic(dst []pt, a, b, c, d pt) []pt {
	dd := max(math.Hypot(a.x-2*b.x+c.x, a.y-2*b.y+c.y), math.Hypot(b.x-2*c.x+d.x, b.y-2*c.y+d.y))
	n := min(max(int(math.Ceil(math.Sqrt(dd*0.75/0.2))), 1), 200)
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		dst = append(dst, pt{
			u*u*u*a.x + 3*u*u*t*b.x + 3*u*t*t*c.x + t*t*t*d.x,
			u*u*u*a.y + 3*u*u*t*b.y + 3*u*t*t*c.y + t*t*t*d.y})
	}
	return dst
}

// fillRect fills an axis-aligned rectangle given in pixels, the partly
// covered pixels of its edges blended by how much of them it covers.
func (s *Surface) fillRect(x0, y0, x1, y1 float64, c color.RGBA) {
	b := s.img.Bounds()
	x0, y0 = max(x0, float64(b.Min.X)), max(y0, float64(b.Min.Y))
	x1, y1 = min(x1, float64(b.Max.X)), min(y1, float64(b.Max.Y))
	if !(x1 > x0 && y1 > y0) {
		return
	}
	ix0, iy0 := int(math.Floor(x0)), int(math.Floor(y0))
	ix1, iy1 := int(math.Ceil(x1)), int(math.Ceil(y1))
	cover := func(i int, lo, hi float64) float64 {
		return min(float64(i+1), hi) - max(float64(i), lo)
	}
	for y := iy0; y < iy1; y++ {
		cy := cover(y, y0, y1)
		row := s.img.Pix[s.img.PixOffset(ix0, y):]
		for x := ix0; x < ix1; x++ {
			a := cy
			if x == ix0 || x == ix1-1 {
				a *= cover(x, x0, x1)
			}
			i := 4 * (x - ix0)
			if a >= 1 {
				row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, 0xFF
				continue
			}
			blend(row[i:i+4:i+4], c, a)
		}
	}
}

// blend puts colour c over the pixel px with coverage a (0…1).
func blend(px []uint8, c color.RGBA, a float64) {
	m := uint32(a*255 + 0.5)
	if m == 0 {
		return
	}
	px[0] = uint8((uint32(px[0])*(255-m) + uint32(c.R)*m + 127) / 255)
	px[1] = uint8((uint32(px[1])*(255-m) + uint32(c.G)*m + 127) / 255)
	px[2] = uint8((uint32(px[2])*(255-m) + uint32(c.B)*m + 127) / 255)
	px[3] = uint8((uint32(px[3])*(255-m) + 255*m + 127) / 255)
}

// fillPolys fills the subpaths (pixels) with c. With sameWay, every
// subpath is first turned the same way round, so that overlapping pieces
// of a stroke add up instead of cancelling out.
func (s *Surface) fillPolys(polys [][]pt, c color.RGBA, sameWay bool) {
	if len(polys) == 0 {
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, q := range poly {
			minX, minY = min(minX, q.x), min(minY, q.y)
			maxX, maxY = max(maxX, q.x), max(maxY, q.y)
		}
	}
	b := s.img.Bounds()
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY)))
	r := box.Intersect(b)
	if r.Empty() {
		return
	}
	z := &s.z
	// The rasteriser works in floating point on a shape wider or taller
	// than 512 pixels, else in fixed point, whose anti-aliasing differs a
	// little: on a strip, a tall shape cut to the strip's rows is made to
	// look as tall to it as it is on the page, so that its edges get the
	// same pixels on the strip as on the whole page (the extra rows are
	// never drawn).
	const floatAbove = 512 // golang.org/x/image/vector's threshold
	if full := box.Intersect(s.page); full.Dy() > floatAbove && r.Dx() <= floatAbove && r.Dy() <= floatAbove {
		z.Reset(r.Dx(), floatAbove+1)
	} else {
		z.Reset(r.Dx(), r.Dy())
	}
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, poly := range polys {
		if len(poly) < 3 {
			continue
		}
		reverse := sameWay && area(poly) > 0
		for i := range poly {
			q := poly[i]
			if reverse {
				q = poly[len(poly)-1-i]
			}
			if i == 0 {
				z.MoveTo(float32(q.x-ox), float32(q.y-oy))
			} else {
				z.LineTo(float32(q.x-ox), float32(q.y-oy))
			}
		}
		z.ClosePath()
	}
	z.Draw(s.img, r, image.NewUniform(c), image.Point{})
}

// area is the signed area of a polygon (shoelace formula).
func area(poly []pt) float64 {
	a := 0.0
	for i := range poly {
		p, q := poly[i], poly[(i+1)%len(poly)]
		a += p.x*q.y - q.x*p.y
	}
	return a / 2
}

// strokePath strokes a polyline (pixels) with the current line width,
// colour and dashes, round caps and joins.
func (s *Surface) strokePath(pts []pt, closed bool) {
	if len(pts) == 0 {
		return
	}
	if closed && (pts[0] != pts[len(pts)-1]) {
		pts = append(pts[:len(pts):len(pts)], pts[0])
	}
	hw := max(s.width*s.s, 0) / 2
	if hw <= 0 {
		return
	}
	polys, arena := s.polys[:0], s.arena[:0]
	round := hw >= 0.75 // below that, caps and joins are too small to see
	// A path of a hundred thousand points (the emotion curve of as many
	// touchpoints, flattened) is filled by batches: all its pieces at once
	// took gigabytes. Batches meet at a joint, whose disc each has. The
	// pieces' points are in one arena, reused from batch to batch.
	const batch = 4096
	flush := func() {
		s.fillPolys(polys, s.stroke, true)
		clear(polys) // keep no piece alive through s.polys
		polys, arena = polys[:0], arena[:0]
	}
	add := func(q ...pt) {
		n := len(arena)
		arena = append(arena, q...)
		polys = append(polys, arena[n:len(arena):len(arena)])
	}
	addDisc := func(c pt) {
		n := len(arena)
		arena = appendDisc(arena, c, hw)
		polys = append(polys, arena[n:len(arena):len(arena)])
	}
	stroke := func(line []pt) {
		for i := 1; i < len(line); i++ {
			a, b := line[i-1], line[i]
			dx, dy := b.x-a.x, b.y-a.y
			l := math.Hypot(dx, dy)
			if l == 0 || s.outside(a.x, a.y, b.x, b.y, hw) {
				// Off the picture, its joint disc at a too: a strip
				// of the page strokes the part of a long path it shows.
				continue
			}
			nx, ny := -dy/l*hw, dx/l*hw
			add(pt{a.x + nx, a.y + ny}, pt{b.x + nx, b.y + ny}, pt{b.x - nx, b.y - ny}, pt{a.x - nx, a.y - ny})
			if round && joint(line, i-1, closed && s.dash == nil) {
				addDisc(a)
			}
			if len(polys) >= batch {
				if round {
					addDisc(b)
				}
				flush()
			}
		}
		if round && len(line) > 0 && !(closed && s.dash == nil) {
			if end := line[len(line)-1]; !s.outside(end.x, end.y, end.x, end.y, hw) {
				addDisc(end)
			}
		}
	}
	if s.dash != nil {
		s.dashed = dashes(s.dashed[:0], pts, s.dash, s.dashPhase, s.s, stroke)
	} else {
		stroke(pts)
	}
	flush()
	s.polys, s.arena = polys[:0], arena[:0]
}

// joint tells whether point i of line needs a round disc: an end, or a
// turn of more than a degree (the flattened curves' points turn less,
// and a disc at each was most of their cost). closed lines have no ends.
func joint(line []pt, i int, closed bool) bool {
	prev, next := i-1, i+1
	if closed {
		prev = (i - 1 + len(line) - 1) % (len(line) - 1) // the last point is the first
	}
	if prev < 0 || next >= len(line) {
		return true
	}
	a, b, c := line[prev], line[i], line[next]
	ux, uy, vx, vy := b.x-a.x, b.y-a.y, c.x-b.x, c.y-b.y
	cross, dot := ux*vy-uy*vx, ux*vx+uy*vy
	return math.Abs(math.Atan2(cross, dot)) > math.Pi/180
}

// appendDisc appends the polygon of a disc of centre c and radius r.
func appendDisc(dst []pt, c pt, r float64) []pt {
	n := max(arcSegments(r)/2, 8)
	for i := range n {
		a := float64(i) / float64(n) * 2 * math.Pi
		dst = append(dst, pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)})
	}
	return dst
}

// dashes cuts a polyline into its dashes, and strokes each with stroke,
// which must not keep it; pattern and phase are in mm, scale pixels per
// mm. The dashes are made one after the other in buf, returned to be
// reused: the dashed outline of a long lane is a hundred thousand dashes.
func dashes(buf, pts []pt, pattern []float64, phase, scale float64, stroke func([]pt)) []pt {
	idx := 0
	left := pattern[0] * scale
	on := true
	// Skip the phase.
	for ph := phase * scale; ph > 0; {
		if ph < left {
			left -= ph
			break
		}
		ph -= left
		idx = (idx + 1) % len(pattern)
		left = pattern[idx] * scale
		on = !on
	}
	cur := buf[:0]
	if on {
		cur = append(cur, pts[0])
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		l := math.Hypot(b.x-a.x, b.y-a.y)
		pos := 0.0
		for l-pos > left {
			pos += left
			t := pos / l
			q := pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t}
			if on {
				cur = append(cur, q)
				stroke(cur)
				cur = cur[:0]
			} else {
				cur = append(cur[:0], q)
			}
			on = !on
			idx = (idx + 1) % len(pattern)
			left = pattern[idx] * scale
			if left <= 0 {
				left = 1e-9
			}
		}
		left -= l - pos
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) > 1 {
		stroke(cur)
	}
	return cur[:0]
}

// Text.

type faceKey struct {
	bold bool
	size fixed.Int26_6 // pixels per em
}

type glyphKey struct {
	face   faceKey
	r      rune
	fx, fy uint8 // sub-pixel position, in quarters
}

type glyph struct {
	mask *image.Alpha // nil for a blank glyph
	dr   image.Rectangle
}

var fonts struct {
	once      sync.Once
	reg, bold *opentype.Font
	// above and below are how far any glyph of either font reaches
	// above and below the baseline, in ems (their bounding boxes).
	above, below float64
}

func parsed() (reg, bold *opentype.Font) {
	fonts.once.Do(func() {
		r, err1 := opentype.Parse(assets.FontRegular)
		b, err2 := opentype.Parse(assets.FontBold)
		if err1 != nil || err2 != nil {
			// Compiled into the binary: failing here means a broken build.
			panic("raster: shipped fonts unreadable")
		}
		fonts.reg, fonts.bold = r, b
		const ppem = 1024
		for _, f := range []*opentype.Font{r, b} {
			box, err := f.Bounds(&sfnt.Buffer{}, fixed.I(ppem), font.HintingNone)
			if err != nil {
				panic("raster: shipped fonts unreadable")
			}
			fonts.above = max(fonts.above, -float64(box.Min.Y)/64/ppem)
			fonts.below = max(fonts.below, float64(box.Max.Y)/64/ppem)
		}
	})
	return fonts.reg, fonts.bold
}

func (s *Surface) face(k faceKey) font.Face {
	if f, ok := s.faces[k]; ok {
		return f
	}
	reg, bold := parsed()
	src := reg
	if k.bold {
		src = bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(k.size) / 64, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		f = nil
	}
	s.faces[k] = f
	return f
}

// Text draws str with its baseline's left end at (x, y) mm, each
// character advancing by the width the layout measured, so that lines
// end where they end in the PDF.
func (s *Surface) Text(x, y float64, str string) {
	sizePx := s.size * canvas.PtToMM * s.s
	if sizePx < 0.5 || str == "" {
		return // less than half a pixel: nothing a reader could see
	}
	// No glyph reaches beyond the fonts' bounding boxes (and a pixel for
	// its position, drawn to a quarter of a pixel).
	parsed()
	if py, b := y*s.s, s.img.Bounds(); py-fonts.above*sizePx-2 >= float64(b.Max.Y) || py+fonts.below*sizePx+2 <= float64(b.Min.Y) {
		return
	}
	k := faceKey{bold: s.bold, size: fixed.Int26_6(math.Round(sizePx * 64))}
	f := s.face(k)
	if f == nil {
		return
	}
	measure := s.reg
	if s.bold {
		measure = s.boldFont
	}
	src := image.NewUniform(s.ink)
	px, py := x*s.s, y*s.s
	for i := 0; i < len(str); {
		r, n := utf8.DecodeRuneInString(str[i:])
		adv := measure.Width(str[i:i+n], s.size) * s.s
		i += n
		if r != ' ' {
			s.drawGlyph(f, k, r, px, py, src)
		}
		px += adv
	}
}

func (s *Surface) drawGlyph(f font.Face, k faceKey, r rune, px, py float64, src image.Image) {
	ix, iy := math.Floor(px), math.Floor(py)
	fx, fy := uint8((px-ix)*4), uint8((py-iy)*4)
	key := glyphKey{face: k, r: r, fx: fx, fy: fy}
	g, ok := s.glyphs[key]
	if !ok {
		g = &glyph{}
		dot := fixed.Point26_6{X: fixed.Int26_6(int(fx) * 16), Y: fixed.Int26_6(int(fy) * 16)}
		dr, mask, mp, _, ok := f.Glyph(dot, r)
		if ok && !dr.Empty() {
			a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
			draw.Draw(a, a.Bounds(), mask, mp, draw.Src)
			g.mask, g.dr = a, dr
		}
		s.glyphs[key] = g
	}
	if g.mask == nil {
		return
	}
	dr := g.dr.Add(image.Pt(int(ix), int(iy)))
	draw.DrawMask(s.img, dr, src, image.Point{}, g.mask, image.Point{}, draw.Over)
}

// Pictures.

type pictureCache struct {
	r   image.Rectangle
	img *image.RGBA
}

// Picture draws img stretched into the box, smoothly resampled; the
// scaled copy is kept for the next time the same box is asked.
func (s *Surface) Picture(img *canvas.Image, x, y, w, h float64) {
	r := image.Rect(int(math.Round(x*s.s)), int(math.Round(y*s.s)), int(math.Round((x+w)*s.s)), int(math.Round((y+h)*s.s)))
	if r.Empty() {
		return
	}
	c, ok := s.pictures[img]
	if !ok || c.r.Size() != r.Size() {
		c = pictureCache{r: r, img: image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))}
		xdraw.CatmullRom.Scale(c.img, c.img.Bounds(), img.Image, img.Image.Bounds(), xdraw.Src, nil)
		s.pictures[img] = c
	}
	draw.Draw(s.img, r, c.img, image.Point{}, draw.Over)
}
