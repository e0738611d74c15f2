package ui

import (
	"image/color"
	"math"
	"reflect"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"parcours/canvas"
)

// cardObjects is the Fyne side of one card, in a container placed at the
// card's position so that dragging moves one object.
type cardObjects struct {
	box      *fyne.Container
	bg       *fcanvas.Rectangle
	strip    *fcanvas.Rectangle
	title    textObjects
	number   textObjects // the card's place on the timeline, before its title
	channel  textObjects
	icon     *fcanvas.Image // the channel's pictogram
	face     *faceObjects
	badges   []fyne.CanvasObject
	listened *fcanvas.Text
	ring     *fcanvas.Circle // the listened disc, or an advice ring
	arms     [2]*fcanvas.Line
	dim      *fcanvas.Rectangle

	id   string // the touchpoint it shows
	seen int    // the renderer's last pass that showed it
	// card is what update will show: a copy, since the Layouter writes
	// a new scene's cards over those of a scene two layouts old.
	card   canvas.Card
	has    bool // card is set
	zoom   float64
	scale  float32 // device pixels per Fyne unit
	stale  bool
	marked [3]bool
}

func newCardObjects() *cardObjects {
	co := &cardObjects{box: container.NewWithoutLayout(), bg: fcanvas.NewRectangle(rgb(canvas.CardFill)),
		strip: fcanvas.NewRectangle(color.Black), listened: fcanvas.NewText("✓", rgb(canvas.CurveInk)),
		dim: fcanvas.NewRectangle(dimFill), icon: fcanvas.NewImageFromImage(nil)}
	co.box.Add(co.bg)
	co.box.Add(co.strip)
	co.box.Add(co.icon)
	co.face = newFace(co.box.Add)
	co.ring = fcanvas.NewCircle(rgb(canvas.Paper))
	co.box.Add(co.ring)
	for i := range co.arms {
		co.arms[i] = fcanvas.NewLine(color.Black)
		co.box.Add(co.arms[i])
	}
	co.box.Add(co.listened) // above the disc it sits on
	co.box.Add(co.dim)
	co.dim.Hide()
	return co
}

// want records what the card should show; update draws it when the card
// is in view. A card of a new scene that looks the same as the one shown
// (most of them after a drop or an undo) is not drawn again.
func (co *cardObjects) want(c *canvas.Card, z float64, scale float32) {
	if co.zoom != z || co.scale != scale || !co.has || !reflect.DeepEqual(co.card, *c) {
		co.stale = true
	}
	co.card, co.has, co.zoom, co.scale = *c, true, z, scale
}

func (co *cardObjects) update() {
	if !co.stale {
		return
	}
	co.stale = false
	c, z := &co.card, co.zoom
	o := canvas.Point{X: c.Rect.X, Y: c.Rect.Y}
	co.box.Resize(fyne.NewSize(float32(c.Rect.W*z), float32(c.Rect.H*z)))
	co.bg.CornerRadius = float32(1.2 * z)
	co.marked = [3]bool{}
	co.dim.Hide()
	co.paintBorder()
	place(co.bg, canvas.Rect{W: c.Rect.W, H: c.Rect.H}, z)
	place(co.dim, canvas.Rect{W: c.Rect.W, H: c.Rect.H}, z)
	co.dim.CornerRadius = co.bg.CornerRadius
	co.strip.FillColor = rgb(c.Color)
	place(co.strip, canvas.Rect{W: 1.6, H: c.Rect.H}, z)
	co.title.set(c.Title, o, z, co.box.Add)
	co.number.set(c.NumberText, o, z, co.box.Add)
	co.channel.set(c.Channel, o, z, co.box.Add)
	co.setIcon(c.ChannelIcon, o, z)
	co.face.set(c.Face, o, z)
	for _, b := range co.badges {
		co.box.Remove(b)
	}
	co.badges = co.badges[:0]
	for _, b := range c.Badges {
		bo := badgeObject(b, o, z)
		co.badges = append(co.badges, bo)
		co.box.Add(bo)
	}
	co.setAdvice(c, z)
	// The dimming veil stays on top of what was just added.
	co.box.Remove(co.dim)
	co.box.Add(co.dim)
	co.box.Refresh()
}

// setIcon shows the channel's pictogram: one picture per channel and
// size, shared by every card of the channel; none when too small to read.
func (co *cardObjects) setIcon(ic canvas.Pictogram, o canvas.Point, z float64) {
	side := ic.Box.W * z
	if side < minIconPixels {
		co.icon.Hide()
		return
	}
	co.icon.Image = channelPicture(ic.Channel, int(math.Ceil(side*float64(co.scale))))
	place(co.icon, canvas.Rect{X: ic.Box.X - o.X, Y: ic.Box.Y - o.Y, W: ic.Box.W, H: ic.Box.H}, z)
	co.icon.Show()
}

// mark shows selection, search matches and dimming.
func (co *cardObjects) mark(selected, match, dimmed bool) {
	m := [3]bool{selected, match, dimmed}
	if m == co.marked {
		return
	}
	co.marked = m
	co.paintBorder()
	show(co.dim, dimmed)
	co.bg.Refresh()
}

func (co *cardObjects) paintBorder() {
	co.bg.StrokeColor, co.bg.StrokeWidth = rgb(canvas.GridLine), 1
	switch {
	case co.marked[0]:
		co.bg.StrokeColor, co.bg.StrokeWidth = selectInk, 3
	case co.marked[1]:
		co.bg.StrokeColor, co.bg.StrokeWidth = matchInk, 3
	}
}

// setAdvice marks the card's top-right corner: a dark disc with a tick
// when a listening point exists, a blue ring with a plus where one is
// advised, a grey ring with a bar where the partner gives no lever.
func (co *cardObjects) setAdvice(c *canvas.Card, z float64) {
	r := c.ListenRadius
	centre := canvas.Point{X: c.Listen.X - c.Rect.X, Y: c.Listen.Y - c.Rect.Y}
	place(co.ring, canvas.Rect{X: centre.X - r, Y: centre.Y - r, W: 2 * r, H: 2 * r}, z)
	if c.Listened {
		co.ring.FillColor, co.ring.StrokeColor, co.ring.StrokeWidth = rgb(canvas.HeaderBG), rgb(canvas.Paper), float32(0.3*z)
		co.ring.Show()
		co.arms[0].Hide()
		co.arms[1].Hide()
		size := float32(r * 1.35 * z)
		co.listened.TextSize, co.listened.Color = size, rgb(canvas.Paper)
		m := fyne.MeasureText("✓", size, fyne.TextStyle{})
		co.listened.Move(fyne.NewPos(float32(centre.X*z)-m.Width/2, float32(centre.Y*z)-m.Height/2))
		co.listened.Show()
		return
	}
	co.listened.Hide()
	if c.Advice == canvas.NoAdvice {
		co.ring.Hide()
		co.arms[0].Hide()
		co.arms[1].Hide()
		return
	}
	ink := rgb(canvas.AdviceInk)
	if c.Advice == canvas.NoLever {
		ink = rgb(canvas.NoLeverInk)
	}
	co.ring.FillColor, co.ring.StrokeColor, co.ring.StrokeWidth = rgb(canvas.Paper), ink, float32(0.35*z)
	co.ring.Show()
	arm := r * 0.55
	co.arms[0].Position1, co.arms[0].Position2 = pos(canvas.Point{X: centre.X - arm, Y: centre.Y}, z), pos(canvas.Point{X: centre.X + arm, Y: centre.Y}, z)
	co.arms[1].Position1, co.arms[1].Position2 = pos(canvas.Point{X: centre.X, Y: centre.Y - arm}, z), pos(canvas.Point{X: centre.X, Y: centre.Y + arm}, z)
	for i, a := range co.arms {
		a.StrokeColor, a.StrokeWidth = ink, float32(0.35*z)
		show(a, !(i == 1 && c.Advice == canvas.NoLever))
	}
}

// pointObjects is one point of the emotion curve: its face, and the
// segment from the previous point.
type pointObjects struct {
	id      string // the touchpoint whose emotion it shows
	seen    int    // the renderer's last pass that showed it
	first   bool   // the first point has no segment
	face    *faceObjects
	segment *fcanvas.Line
	mark    *fcanvas.ArbitraryPolygon // peak ▲ or drop ▼
	point   canvas.CurvePoint

	from, to canvas.Point
	zoom     float64
	stale    bool
}

func newPointObjects() *pointObjects {
	po := &pointObjects{segment: fcanvas.NewLine(rgb(canvas.CurveInk))}
	box := container.NewWithoutLayout()
	po.face = newFace(box.Add)
	po.face.box = box
	po.mark = fcanvas.NewArbitraryPolygon(nil, color.Black)
	box.Add(po.mark)
	return po
}

// want records that the point should show p, with the segment from the
// previous point (from; p itself for the first).
func (po *pointObjects) want(p canvas.CurvePoint, from canvas.Point, z float64) {
	if po.point != p || po.from != from || po.zoom != z {
		po.stale = true
	}
	po.point, po.from, po.to, po.zoom = p, from, p.Point, z
}

func (po *pointObjects) update() {
	if !po.stale {
		return
	}
	po.stale = false
	z := po.zoom
	po.segment.StrokeWidth = float32(math.Max(1, 0.5*z))
	po.segment.Position1, po.segment.Position2 = pos(po.from, z), pos(po.to, z)
	po.segment.Refresh()
	po.face.box.Move(fyne.Position{})
	po.face.box.Resize(fyne.NewSize(1, 1))
	po.face.set(po.point.Face, canvas.Point{}, z)
	if po.point.Peak || po.point.Drop {
		m := canvas.PeakMark(po.point)
		// Polygon points are relative to the object, which covers them.
		x0, y0 := math.Min(m[0].X, m[2].X), math.Min(m[0].Y, m[2].Y)
		x1, y1 := math.Max(m[1].X, m[2].X), math.Max(m[0].Y, m[2].Y)
		place(po.mark, canvas.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, z)
		rel := func(p canvas.Point) fyne.Position { return fyne.NewPos(float32((p.X-x0)*z), float32((p.Y-y0)*z)) }
		po.mark.Points = []fyne.Position{rel(m[0]), rel(m[1]), rel(m[2])}
		po.mark.FillColor = rgb(canvas.PeakInk)
		if po.point.Drop {
			po.mark.FillColor = rgb(canvas.DropInk)
		}
		po.mark.Show()
		po.mark.Refresh()
	} else {
		po.mark.Hide()
	}
}

func show(o fyne.CanvasObject, visible bool) {
	if visible != o.Visible() {
		if visible {
			o.Show()
		} else {
			o.Hide()
		}
	}
}
