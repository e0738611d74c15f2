package poster

import (
	"math"

	"parcours/canvas"
	"parcours/canvas/svg"
	"parcours/model"
)

// Colours and sizes the poster adds to the scene's own, in scene mm.
var (
	cardBorder  = canvas.RGB{R: 0x9A, G: 0xA0, B: 0xA6}
	dashInk     = canvas.RGB{R: 0x80, G: 0x80, B: 0x80}
	levelZero   = canvas.RGB{R: 0x99, G: 0x99, B: 0x99}
	curveBG     = canvas.RGB{R: 0xF6, G: 0xF7, B: 0xF9}
	listenFill  = canvas.HeaderBG
	faceFeature = canvas.RGB{R: 0x22, G: 0x22, B: 0x22}
)

const (
	stripWidth = 1.6 // lane colour strip on cards and labels
	cardRadius = 1.5
	cardLine   = 0.2
	gridLine   = 0.25
	curveLine  = 0.6
	levelSize  = 6.0 // pt, the -2…+2 ticks of the curve band
	listenMark = "✓" // U+2713, in DejaVu Sans
)

// scene paints the map; the transform is already set.
func (p *painter) scene(s *canvas.Scene) {
	for i := range s.Bands {
		p.band(&s.Bands[i], i)
	}
	for i := range s.Below {
		p.band(&s.Below[i], i+1)
	}
	for i := range s.Rows {
		p.row(&s.Rows[i])
	}
	p.setFill(curveBG)
	p.rect(s.Curve.Rect, Fill)
	p.gridLines(s)
	for i := range s.Columns {
		p.header(s, i)
	}
	p.curve(s)
	if _, ok := p.f.(*svg.Surface); ok {
		p.partsSeen = map[formKey]int{}
		for i := range s.Cards {
			p.partsSeen[partsKey(&s.Cards[i])]++
		}
	}
	for i := range s.Cards {
		c := &s.Cards[i]
		// The listening badge straddles the top-right corner; nothing
		// else of a card leaves it.
		if p.visible(c.Rect, c.ListenRadius+cardLine+1) {
			p.card(c)
		}
	}
}

// row is a lane: tinted when owned; grey with a dashed outline when not,
// so that the difference survives a grey-scale print.
func (p *painter) row(r *canvas.Row) {
	p.solid()
	if r.Owned {
		p.setFill(canvas.Tint(r.Color, canvas.OwnedTint))
	} else {
		p.setFill(canvas.NotOwned)
	}
	p.rect(r.Rect, Fill)
	strip := canvas.Rect{X: r.Label.X, Y: r.Label.Y, W: stripWidth, H: r.Label.H}
	p.setFill(r.Color)
	if r.Owned {
		p.rect(strip, Fill)
	} else {
		// A broken strip, echoing the dashed outline.
		const on, off = 2.0, 1.2
		for y := strip.Y + off/2; y < strip.Y+strip.H; y += on + off {
			p.rect(canvas.Rect{X: strip.X, Y: y, W: strip.W, H: min(on, strip.Y+strip.H-y)}, Fill)
		}
		in := 0.6
		p.setDraw(dashInk)
		p.setLine(0.3)
		p.setDash(1.6, 1.0)
		p.rect(canvas.Rect{X: r.Rect.X + in, Y: r.Rect.Y + in, W: r.Rect.W - 2*in, H: r.Rect.H - 2*in}, Stroke)
		p.solid()
	}
	p.block(&r.Name)
	p.block(&r.Status)
}

// gridLines separates lanes, the label column and the stages.
func (p *painter) gridLines(s *canvas.Scene) {
	p.solid()
	p.setDraw(canvas.GridLine)
	p.setLine(gridLine)
	for i := range s.Rows {
		r := s.Rows[i].Rect
		if i > 0 {
			p.line(r.X, r.Y, r.X+r.W, r.Y)
		}
	}
	g := s.Grid
	bottom := max(g.Y+g.H, s.Curve.Rect.Y+s.Curve.Rect.H)
	p.line(g.X, g.Y, g.X, g.Y+g.H)
	for i := 1; i < len(s.Columns); i++ {
		x := s.Columns[i].Body.X
		p.line(x, g.Y, x, bottom)
	}
}

// header is a stage's name band.
func (p *painter) header(s *canvas.Scene, i int) {
	c := &s.Columns[i]
	h := c.Header
	p.setFill(canvas.HeaderBG)
	p.rect(h, Fill)
	if i > 0 { // a white seam between neighbouring stages
		p.setDraw(canvas.Paper)
		p.setLine(0.6)
		p.line(h.X, h.Y, h.X, h.Y+h.H)
	}
	p.block(&c.Name)
	if c.BelowTarget {
		p.setFill(canvas.BelowTargetInk)
		p.rect(canvas.Rect{X: h.X, Y: h.Y + h.H - canvas.BelowTargetBar, W: h.W, H: canvas.BelowTargetBar}, Fill)
	}
}

// band is a row of stage texts, shaded every other row so that the eye
// follows it across the poster.
func (p *painter) band(b *canvas.Band, i int) {
	p.solid()
	fill := canvas.BandFill
	if i%2 == 1 {
		fill = canvas.BandAltFill
	}
	p.setFill(fill)
	p.rect(b.Rect, Fill)
	p.setDraw(canvas.GridLine)
	p.setLine(gridLine)
	p.line(b.Rect.X, b.Rect.Y+b.Rect.H, b.Rect.X+b.Rect.W, b.Rect.Y+b.Rect.H)
	p.block(&b.Label)
	for k := range b.Cells {
		c := &b.Cells[k]
		if k > 0 {
			p.line(c.Rect.X, c.Rect.Y, c.Rect.X, c.Rect.Y+c.Rect.H)
		}
		p.block(&c.Text)
		p.trends(c.Trends)
	}
}

// trends draws the KPIs' values over the reviews (Options.Trends): a thin
// line, the last value as a dot. The band's grid line is set again after.
func (p *painter) trends(ts [][]canvas.Point) {
	defer func() {
		p.setDraw(canvas.GridLine)
		p.setLine(gridLine)
	}()
	for _, t := range ts {
		if len(t) < 2 {
			continue
		}
		p.setDraw(canvas.HeaderBG)
		p.setLine(0.3)
		for i := 1; i < len(t); i++ {
			p.line(t[i-1].X, t[i-1].Y, t[i].X, t[i].Y)
		}
		p.setFill(canvas.HeaderBG)
		p.circle(t[len(t)-1], 0.55, Fill)
	}
}

// curve is the emotion curve band (its background is already painted, under
// the grid lines): its label, the five levels, a smooth
// line through the touchpoints' emotions and a face on each.
func (p *painter) curve(s *canvas.Scene) {
	cv := &s.Curve
	r := cv.Rect
	p.block(&cv.Label)

	ticks := [5]string{"−2", "−1", "0", "+1", "+2"}
	p.setFont(false, levelSize)
	p.setInk(canvas.MutedInk)
	for i, y := range cv.Levels {
		if i == 2 {
			p.setDraw(levelZero)
			p.setLine(0.35)
		} else {
			p.setDraw(canvas.GridLine)
			p.setLine(0.2)
		}
		p.line(r.X, y, r.X+r.W, y)
		p.text(r.X+1, y-0.7, p.reg.Printable(ticks[i]))
	}

	pts := cv.Points
	if len(pts) > 1 {
		// Between two points the curve leaves and arrives horizontally,
		// so it never overshoots above +2 or below -2.
		p.setDraw(canvas.CurveInk)
		p.setLine(curveLine)
		p.f.MoveTo(p.x(pts[0].X), p.y(pts[0].Y))
		for i := 1; i < len(pts); i++ {
			a, b := pts[i-1].Point, pts[i].Point
			mx := (a.X + b.X) / 2
			p.f.CurveBezierCubicTo(p.x(mx), p.y(a.Y), p.x(mx), p.y(b.Y), p.x(b.X), p.y(b.Y))
		}
		p.f.DrawPath(Stroke)
	}
	fs, kept := p.f.(*svg.Surface)
	if kept {
		// The faces in a group from the curve's corner, each kept
		// with where it lies from the curve's top (its emotion's
		// level): placed with an x alone.
		fs.Origin(p.x(r.X), p.y(r.Y))
		defer fs.EndOrigin()
		defer func() { p.anchor = nil }()
	}
	for i := range pts {
		// A face and its peak or drop mark (canvas.PeakMark) stay
		// within a face's radius and 2.1 mm of the point.
		f, at := pts[i].Face, pts[i].Point
		if !p.visible(canvas.Rect{X: min(at.X, f.Center.X), Y: min(at.Y, f.Center.Y), W: math.Abs(at.X - f.Center.X), H: math.Abs(at.Y - f.Center.Y)}, 2*f.Radius+3) {
			continue
		}
		if kept {
			p.anchor = &canvas.Point{X: f.Center.X, Y: r.Y}
		}
		if kept && (pts[i].Peak || pts[i].Drop) {
			p.curvePoint(&pts[i])
			continue
		}
		p.face(pts[i].Face)
		if pts[i].Peak || pts[i].Drop {
			p.peakMark(&pts[i])
		}
	}
}

// peakMark draws the ▲ of a peak over its point, the ▼ of a drop under it.
func (p *painter) peakMark(pt *canvas.CurvePoint) {
	ink := canvas.PeakInk
	if pt.Drop {
		ink = canvas.DropInk
	}
	m := canvas.PeakMark(*pt)
	p.setFill(ink)
	p.polygon(m[:], Fill)
}

// curvePoint draws the face of a peak or a drop and its mark as one
// drawing kept (SVG): a few dozen of them along a curve of thousands.
func (p *painter) curvePoint(pt *canvas.CurvePoint) {
	f := pt.Face
	m := canvas.PeakMark(*pt)
	x0, y0, x1, y1 := f.Center.X-f.Radius, f.Center.Y-f.Radius, f.Center.X+f.Radius, f.Center.Y+f.Radius
	for _, q := range m {
		x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
	}
	box := canvas.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
	key := formKey{kind: formCurvePoint, n: f.Emotion, flag: f.Measured, name: "peak",
		parts: [8]float64{relTo(f.Center.X, box.X), relTo(f.Center.Y, box.Y), relTo(f.Radius, 0), relTo(m[2].X, box.X), relTo(m[2].Y, box.Y)}}
	if pt.Drop {
		key.name = "drop"
	}
	p.stamp(key, box, 0.1*f.Radius+0.1, func(q *painter) {
		q.face(f)
		q.peakMark(pt)
	})
}

// card is a touchpoint: a white rounded card with its lane's colour on the
// left, its title, channel, emotion face and marker badges, and a ✓ badge
// on its top-right corner when a listening point exists.
func (p *painter) card(c *canvas.Card) {
	_, parts := p.f.(*svg.Surface)
	if parts {
		// The card's parts in numbers from the start of its text, in a
		// group of its title's style; its face and badges placed from
		// there too (anchor), with no position where places repeat.
		fs := p.f.(*svg.Surface)
		ox, oy := cardOrigin(c)
		p.setFont(c.Title.Bold, c.Title.Size)
		p.setInk(c.Title.Color)
		fs.Origin(p.x(ox), p.y(oy))
		defer fs.EndOrigin()
		p.anchor = &canvas.Point{X: ox, Y: oy}
		defer func() { p.anchor = nil }()
		p.cardParts(c)
	} else {
		p.cardBody(c)
	}
	p.block(&c.Title)
	p.block(&c.NumberText)
	p.block(&c.Channel)
	if !parts {
		p.channelIcon(c.ChannelIcon)
		p.face(c.Face)
	}
	for _, b := range c.Badges {
		p.badge(b.Marker, b.Rect)
	}
	switch {
	case c.Listened:
		p.listened(c.Listen, c.ListenRadius)
	case c.Advice != canvas.NoAdvice:
		p.advice(c.Advice, c.Listen, c.ListenRadius)
	}
}

// cardBody is the card itself, white with its lane's colour on the left.
func (p *painter) cardBody(c *canvas.Card) {
	r, col := c.Rect, c.Color
	p.stamp(formKey{kind: formCard, color: col}, r, cardLine, func(q *painter) {
		q.setFill(canvas.CardFill)
		q.roundedRect(r, cardRadius, cardRadius, cardRadius, cardRadius, Fill)
		q.setFill(col)
		q.roundedRect(canvas.Rect{X: r.X, Y: r.Y, W: stripWidth, H: r.H}, min(cardRadius, stripWidth), 0, 0, min(cardRadius, stripWidth), Fill)
		q.setDraw(cardBorder)
		q.setLine(cardLine)
		q.roundedRect(r, cardRadius, cardRadius, cardRadius, cardRadius, Stroke)
	})
}

// cardParts draws what a card shows besides its texts and markers — the
// card, its channel's pictogram and its face — as drawings kept (SVG):
// the three as one, placed with one <use> instead of three, when the
// scene has enough cards that look alike to pay for it (partsRepeat),
// else the card and its pictogram (a few dozen of them) as one, and the
// face. The pictogram and the face come before the texts rather than
// after: they lie apart from them.
func (p *painter) cardParts(c *canvas.Card) {
	key := partsKey(c)
	whole := p.partsSeen[key] >= partsRepeat
	if !whole {
		key.n, key.flag, key.parts[3], key.parts[4], key.parts[5] = 0, false, 0, 0, 0
	}
	ox, oy := cardOrigin(c)
	p.stampFrom(key, c.Rect, cardLine, &canvas.Point{X: ox, Y: oy}, func(q *painter) {
		q.cardBody(c)
		q.channelIcon(c.ChannelIcon)
		if whole {
			q.face(c.Face)
		}
	})
	if !whole {
		p.face(c.Face)
	}
}

// partsRepeat is how many cards must look alike for their card, pictogram
// and face to be kept as one drawing: its <defs> entry weighs about as
// much as three <use> elements.
const partsRepeat = 4

// partsKey names what cardParts draws of c: the card's colour, channel and
// face, and where the pictogram and face lie in it.
func partsKey(c *canvas.Card) formKey {
	r := c.Rect
	ic, f := c.ChannelIcon.Box, c.Face
	ox, oy := cardOrigin(c)
	return formKey{kind: formCardParts, color: c.Color, name: string(c.ChannelIcon.Channel), n: f.Emotion, flag: f.Measured,
		parts: [8]float64{relTo(ic.X, r.X), relTo(ic.Y, r.Y), relTo(ic.W, 0), relTo(f.Center.X, r.X), relTo(f.Center.Y, r.Y), relTo(f.Radius, 0),
			relTo(ox, r.X), relTo(oy, r.Y)}}
}

// cardOrigin is where a card's text starts, scene mm: the left end of the
// baseline of its number, else of its title, else the card's corner.
func cardOrigin(c *canvas.Card) (x, y float64) {
	for _, t := range [2]*canvas.Text{&c.NumberText, &c.Title} {
		if len(t.Lines) > 0 {
			return t.Lines[0].X, t.Lines[0].Y + t.Baseline
		}
	}
	return c.Rect.X, c.Rect.Y
}

// channelIcon draws the pictogram of a card's channel in its box, in thin
// lines of the muted ink: one form per channel, placed on every card of it.
func (p *painter) channelIcon(ic canvas.Pictogram) {
	box := ic.Box
	if !(box.W > 0) {
		return
	}
	ch := ic.Channel
	if !ch.Valid() {
		ch = model.ChannelOther // the same drawing: the same form
	}
	p.solid()
	p.stamp(formKey{kind: formChannel, name: string(ch)}, box, canvas.IconStroke*box.W/2, func(q *painter) {
		q.drawIcon(canvas.ChannelIcon(ch), box)
	})
}

// drawIcon draws a pictogram's shapes, given in a unit box, scaled to box.
func (p *painter) drawIcon(shapes []canvas.IconShape, box canvas.Rect) {
	k := box.W
	at := func(u canvas.Point) canvas.Point { return canvas.Point{X: box.X + u.X*k, Y: box.Y + u.Y*k} }
	p.setDraw(canvas.MutedInk)
	p.setFill(canvas.MutedInk)
	p.setLine(canvas.IconStroke * k)
	for _, s := range shapes {
		style := Stroke
		if s.Fill {
			style = FillStroke
		}
		switch s.Kind {
		case canvas.IconCircle:
			p.circle(at(s.Points[0]), s.R*k, style)
		case canvas.IconRoundRect:
			a, b, r := at(s.Points[0]), at(s.Points[1]), s.R*k
			p.roundedRect(canvas.Rect{X: a.X, Y: a.Y, W: b.X - a.X, H: b.Y - a.Y}, r, r, r, r, style)
		case canvas.IconPolygon:
			pts := make([]canvas.Point, len(s.Points))
			for i, u := range s.Points {
				pts[i] = at(u)
			}
			p.polygon(pts, style)
		case canvas.IconPolyline:
			for i, u := range s.Points {
				q := at(u)
				if i == 0 {
					p.f.MoveTo(p.x(q.X), p.y(q.Y))
				} else {
					p.f.LineTo(p.x(q.X), p.y(q.Y))
				}
			}
			p.f.DrawPath(Stroke)
		}
	}
}

// advice rings the corner where a listening point is advised (a blue ring
// with a plus: add one here) or where the partner gives no lever (a grey
// ring with a bar: act otherwise).
func (p *painter) advice(a canvas.Advice, c canvas.Point, radius float64) {
	ink := canvas.AdviceInk
	if a == canvas.NoLever {
		ink = canvas.NoLeverInk
	}
	p.solid()
	box := canvas.Rect{X: c.X - radius, Y: c.Y - radius, W: 2 * radius, H: 2 * radius}
	p.stamp(formKey{kind: formAdvice, n: int(a)}, box, 0.35, func(q *painter) {
		q.setFill(canvas.Paper)
		q.setDraw(ink)
		q.setLine(0.35)
		q.circle(c, radius, FillStroke)
		arm := radius * 0.55
		q.line(c.X-arm, c.Y, c.X+arm, c.Y)
		if a == canvas.AdviseListening {
			q.line(c.X, c.Y-arm, c.X, c.Y+arm)
		}
	})
}

// listened draws the listening-point badge: a dark disc with a white ✓.
func (p *painter) listened(c canvas.Point, radius float64) {
	box := canvas.Rect{X: c.X - radius, Y: c.Y - radius, W: 2 * radius, H: 2 * radius}
	p.stamp(formKey{kind: formListened}, box, 0.3, func(q *painter) {
		q.setFill(listenFill)
		q.setDraw(canvas.Paper)
		q.setLine(0.3)
		q.circle(c, radius, FillStroke)
	})
	size := radius * 1.35 / canvas.PtToMM // pt, the tick spans about 1.3 radii
	p.setFont(true, size)
	p.setInk(canvas.Paper)
	w := p.bold.Width(listenMark, size)
	// Centre the glyph: its ink sits roughly between the baseline and
	// 0.73 em above it.
	p.text(c.X-w/2, c.Y+0.36*size*canvas.PtToMM, listenMark)
}

// face draws an emotion face: filled with the emotion's colour when
// measured, hollow (outlined in that colour) while it is an assumption;
// two eyes and a mouth that smiles or frowns.
func (p *painter) face(f canvas.Face) {
	r := f.Radius
	box := canvas.Rect{X: f.Center.X - r, Y: f.Center.Y - r, W: 2 * r, H: 2 * r}
	p.stamp(formKey{kind: formFace, n: f.Emotion, flag: f.Measured}, box, 0.1*r+0.1, func(q *painter) { q.drawFace(f) })
}

func (p *painter) drawFace(f canvas.Face) {
	col := canvas.EmotionColor(f.Emotion)
	r := f.Radius
	if f.Measured {
		p.setFill(col)
		p.setDraw(faceFeature)
		p.setLine(0.15)
		p.circle(f.Center, r, FillStroke)
	} else {
		p.setFill(canvas.CardFill)
		p.setDraw(col)
		p.setLine(0.14 * r)
		p.circle(f.Center, r-0.07*r, FillStroke)
	}
	p.setFill(faceFeature)
	for _, dx := range [2]float64{-0.33, 0.33} {
		p.circle(canvas.Point{X: f.Center.X + dx*r, Y: f.Center.Y - 0.25*r}, 0.11*r, Fill)
	}
	left, mid, right := canvas.Mouth(f.Emotion)
	at := func(q canvas.Point) canvas.Point { return canvas.Point{X: f.Center.X + q.X*r, Y: f.Center.Y + q.Y*r} }
	a, m, b := at(left), at(mid), at(right)
	// The quadratic's control point that makes the curve pass through m.
	ctl := canvas.Point{X: 2*m.X - (a.X+b.X)/2, Y: 2*m.Y - (a.Y+b.Y)/2}
	p.setDraw(faceFeature)
	p.setLine(0.1 * r)
	p.quad(a, ctl, b)
}

// badge draws a marker's shape, filled with its colour, inside box.
func (p *painter) badge(m model.Marker, box canvas.Rect) {
	p.stamp(formKey{kind: formBadge, name: string(m)}, box, 0.2, func(q *painter) { q.drawBadge(m, box) })
}

func (p *painter) drawBadge(m model.Marker, box canvas.Rect) {
	shape, col := canvas.MarkerStyle(m)
	p.setFill(col)
	p.setDraw(canvas.Paper)
	p.setLine(0.15)
	cx, cy := box.X+box.W/2, box.Y+box.H/2
	w, h := box.W, box.H
	switch shape {
	case canvas.Triangle:
		p.polygon([]canvas.Point{{X: cx, Y: box.Y}, {X: box.X + w, Y: box.Y + 0.92*h}, {X: box.X, Y: box.Y + 0.92*h}}, Fill)
		// A white "!" so that it reads as a warning sign.
		p.setDraw(canvas.Paper)
		p.setLine(0.1 * w)
		p.line(cx, box.Y+0.34*h, cx, box.Y+0.6*h)
		p.setFill(canvas.Paper)
		p.circle(canvas.Point{X: cx, Y: box.Y + 0.76*h}, 0.055*w, Fill)
	case canvas.Star:
		outer, inner := w/2, 0.42*w/2
		c := canvas.Point{X: cx, Y: cy + 0.04*h}
		pts := make([]canvas.Point, 10)
		for i := range pts {
			rad := outer
			if i%2 == 1 {
				rad = inner
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			pts[i] = canvas.Point{X: c.X + rad*math.Cos(a), Y: c.Y + rad*math.Sin(a)}
		}
		p.polygon(pts, Fill)
	case canvas.Diamond:
		p.polygon([]canvas.Point{{X: cx, Y: box.Y}, {X: box.X + w, Y: cy}, {X: cx, Y: box.Y + h}, {X: box.X, Y: cy}}, Fill)
	case canvas.Circle:
		p.circle(canvas.Point{X: cx, Y: cy}, 0.45*min(w, h), Fill)
	default: // Square
		in := 0.1 * w
		p.rect(canvas.Rect{X: box.X + in, Y: box.Y + in, W: w - 2*in, H: h - 2*in}, Fill)
	}
}
