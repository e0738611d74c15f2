package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
)

// DefaultZoom is the screen scale in pixels per millimetre: a card title
// reads at about the size of the window's own text.
const DefaultZoom = 4.0

// MapView draws a laid-out journey (a canvas.Scene) and lets the user drag
// touchpoint cards to other cells and time slots. It owns no document: a
// drop is reported through OnMove and the owner lays out a new scene.
type MapView struct {
	widget.BaseWidget

	// OnMove is called when a card is dropped on a cell of the grid.
	OnMove func(touchpointID string, drop canvas.Drop)

	scene    *canvas.Scene
	zoom     float64
	viewport canvas.Rect // visible part in mm; zero size means everything
	drag     *dragState
}

type dragState struct {
	card  int // index in scene.Cards, -1 when the drag started off a card
	start fyne.Position
	at    fyne.Position
	drop  canvas.Drop
	ok    bool
}

var (
	_ fyne.Widget    = (*MapView)(nil)
	_ fyne.Draggable = (*MapView)(nil)
)

// NewMapView makes an empty map view.
func NewMapView() *MapView {
	v := &MapView{zoom: DefaultZoom}
	v.ExtendBaseWidget(v)
	return v
}

// SetScene shows a new layout; cards that were already on screen keep
// their objects.
func (v *MapView) SetScene(s *canvas.Scene) {
	v.scene = s
	v.drag = nil
	v.Refresh()
}

// Scene is the layout on screen.
func (v *MapView) Scene() *canvas.Scene { return v.scene }

// Zoom is the scale in pixels per millimetre.
func (v *MapView) Zoom() float64 { return v.zoom }

// SetViewport tells the view which part of it is visible (offset and size in
// pixels, as a scroll container reports them), so that it can skip drawing
// cards out of sight.
func (v *MapView) SetViewport(offset fyne.Position, size fyne.Size) {
	v.viewport = canvas.Rect{X: float64(offset.X) / v.zoom, Y: float64(offset.Y) / v.zoom,
		W: float64(size.Width) / v.zoom, H: float64(size.Height) / v.zoom}
	v.Refresh()
}

func (v *MapView) mm(p fyne.Position) (float64, float64) {
	return float64(p.X) / v.zoom, float64(p.Y) / v.zoom
}

// Dragged moves the card under the pointer with it and shows where it
// would land.
func (v *MapView) Dragged(e *fyne.DragEvent) {
	if v.scene == nil {
		return
	}
	if v.drag == nil {
		start := e.Position.Subtract(e.Dragged)
		v.drag = &dragState{card: v.scene.CardAt(v.mm(start)), start: start}
	}
	v.drag.at = e.Position
	if v.drag.card >= 0 {
		x, y := v.mm(e.Position)
		v.drag.drop, v.drag.ok = v.scene.DropAt(x, y, v.scene.Cards[v.drag.card].TouchpointID)
	}
	v.Refresh()
}

// DragEnd drops the card. Outside the grid nothing happens and the card
// goes back where it was.
func (v *MapView) DragEnd() {
	d := v.drag
	v.drag = nil
	if d != nil && d.card >= 0 && d.ok && v.OnMove != nil {
		v.OnMove(v.scene.Cards[d.card].TouchpointID, d.drop)
	}
	v.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (v *MapView) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{v: v, cards: map[string]*cardObjects{},
		bg: fcanvas.NewRectangle(rgb(canvas.Paper)), insertion: fcanvas.NewRectangle(color.NRGBA{0x00, 0x72, 0xB2, 0xFF})}
	r.insertion.Hide()
	r.Refresh()
	return r
}

type mapRenderer struct {
	v         *MapView
	bg        *fcanvas.Rectangle
	static    []fyne.CanvasObject // stages, lanes, curve: few, rebuilt with the scene
	cards     map[string]*cardObjects
	shown     []*cardObjects // in scene order
	insertion *fcanvas.Rectangle
	objects   []fyne.CanvasObject

	builtScene *canvas.Scene
	builtZoom  float64
}

func (r *mapRenderer) Destroy() {}

func (r *mapRenderer) Layout(size fyne.Size) { r.bg.Resize(size) }

func (r *mapRenderer) MinSize() fyne.Size {
	s := r.v.scene
	if s == nil {
		return fyne.NewSize(0, 0)
	}
	return fyne.NewSize(float32(s.Width*r.v.zoom), float32(s.Height*r.v.zoom))
}

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *mapRenderer) Refresh() {
	v := r.v
	if v.scene != r.builtScene || v.zoom != r.builtZoom {
		r.rebuild()
	}
	r.cull()
	r.showDrag()
	fcanvas.Refresh(v)
}

// rebuild follows a new scene: the static parts are made again, cards are
// updated in place when they were already there.
func (r *mapRenderer) rebuild() {
	s, z := r.v.scene, r.v.zoom
	r.builtScene, r.builtZoom = s, z
	r.static = r.static[:0]
	r.shown = r.shown[:0]
	if s == nil {
		r.objects = []fyne.CanvasObject{r.bg}
		return
	}
	add := func(o fyne.CanvasObject) { r.static = append(r.static, o) }
	for i := range s.Bands {
		r.buildBand(&s.Bands[i], i, z, add)
	}
	r.buildBand(&s.Opportunities, 1, z, add)
	r.buildLanes(s, z, add)
	r.buildStages(s, z, add)
	r.buildCurve(s, z, add)

	seen := make(map[string]bool, len(s.Cards))
	for i := range s.Cards {
		c := &s.Cards[i]
		co := r.cards[c.TouchpointID]
		if co == nil {
			co = newCardObjects()
			r.cards[c.TouchpointID] = co
		}
		co.set(c, z)
		seen[c.TouchpointID] = true
		r.shown = append(r.shown, co)
	}
	for id := range r.cards {
		if !seen[id] {
			delete(r.cards, id)
		}
	}
	r.objects = make([]fyne.CanvasObject, 0, 2+len(r.static)+len(r.shown))
	r.objects = append(r.objects, r.bg)
	r.objects = append(r.objects, r.static...)
	for _, co := range r.shown {
		r.objects = append(r.objects, co.box)
	}
	r.objects = append(r.objects, r.insertion)
}

func (r *mapRenderer) buildLanes(s *canvas.Scene, z float64, add func(fyne.CanvasObject)) {
	for i := range s.Rows {
		row := &s.Rows[i]
		fill := canvas.Tint(row.Color, canvas.OwnedTint)
		if !row.Owned {
			fill = canvas.NotOwned
		}
		bg := fcanvas.NewRectangle(rgb(fill))
		bg.StrokeColor, bg.StrokeWidth = rgb(canvas.GridLine), 1
		place(bg, row.Rect, z)
		add(bg)
		strip := fcanvas.NewRectangle(rgb(row.Color))
		if !row.Owned {
			// A hollow strip: the lane's colour, but not its ownership.
			strip.FillColor = color.White
			strip.StrokeColor, strip.StrokeWidth = rgb(row.Color), float32(0.4*z)
		}
		place(strip, canvas.Rect{X: row.Label.X, Y: row.Label.Y, W: 1.6, H: row.Label.H}, z)
		add(strip)
		var name, status textObjects
		name.set(row.Name, canvas.Point{}, z, add)
		status.set(row.Status, canvas.Point{}, z, add)
	}
}

// buildBand draws a row of stage texts, shaded every other row.
func (r *mapRenderer) buildBand(b *canvas.Band, i int, z float64, add func(fyne.CanvasObject)) {
	fill := canvas.BandFill
	if i%2 == 1 {
		fill = canvas.BandAltFill
	}
	bg := fcanvas.NewRectangle(rgb(fill))
	bg.StrokeColor, bg.StrokeWidth = rgb(canvas.GridLine), 1
	place(bg, b.Rect, z)
	add(bg)
	var label textObjects
	label.set(b.Label, canvas.Point{}, z, add)
	for k := range b.Cells {
		var t textObjects
		t.set(b.Cells[k].Text, canvas.Point{}, z, add)
	}
}

func (r *mapRenderer) buildStages(s *canvas.Scene, z float64, add func(fyne.CanvasObject)) {
	for i := range s.Columns {
		col := &s.Columns[i]
		h := fcanvas.NewRectangle(rgb(canvas.HeaderBG))
		h.StrokeColor, h.StrokeWidth = color.White, 1
		place(h, col.Header, z)
		add(h)
		var name textObjects
		name.set(col.Name, canvas.Point{}, z, add)
		if col.BelowTarget {
			bar := fcanvas.NewRectangle(rgb(canvas.BelowTargetInk))
			place(bar, canvas.Rect{X: col.Header.X, Y: col.Header.Y + col.Header.H - canvas.BelowTargetBar, W: col.Header.W, H: canvas.BelowTargetBar}, z)
			add(bar)
		}
		line := fcanvas.NewLine(rgb(canvas.GridLine))
		x := float32(col.Body.X * z)
		line.Position1, line.Position2 = fyne.NewPos(x, float32(col.Body.Y*z)), fyne.NewPos(x, float32((col.Body.Y+col.Body.H)*z))
		add(line)
	}
}

func (r *mapRenderer) buildCurve(s *canvas.Scene, z float64, add func(fyne.CanvasObject)) {
	c := &s.Curve
	var label textObjects
	label.set(c.Label, canvas.Point{}, z, add)
	for e, y := range c.Levels {
		l := fcanvas.NewLine(rgb(canvas.GridLine))
		if e == 2 {
			l.StrokeWidth = 2
		}
		l.Position1 = fyne.NewPos(float32(c.Rect.X*z), float32(y*z))
		l.Position2 = fyne.NewPos(float32((c.Rect.X+c.Rect.W)*z), float32(y*z))
		add(l)
	}
	for i := 1; i < len(c.Points); i++ {
		l := fcanvas.NewLine(rgb(canvas.CurveInk))
		l.StrokeWidth = float32(0.5 * z)
		l.Position1, l.Position2 = pos(c.Points[i-1].Point, z), pos(c.Points[i].Point, z)
		add(l)
	}
	for i := range c.Points {
		f := newFace(add)
		f.set(c.Points[i].Face, canvas.Point{}, z)
	}
}

// cull hides the cards out of sight: Fyne walks every visible object on
// each frame, and a thousand-card map is mostly off screen.
func (r *mapRenderer) cull() {
	s, vp := r.v.scene, r.v.viewport
	if s == nil {
		return
	}
	margin := canvas.SlotWidth
	for i, co := range r.shown {
		c := s.Cards[i].Rect
		visible := vp.W == 0 || (c.X+c.W >= vp.X-margin && c.X <= vp.X+vp.W+margin &&
			c.Y+c.H >= vp.Y-margin && c.Y <= vp.Y+vp.H+margin)
		if visible != co.box.Visible() {
			if visible {
				co.box.Show()
			} else {
				co.box.Hide()
			}
		}
	}
}

// showDrag moves the dragged card with the pointer and marks the slot it
// would drop into.
func (r *mapRenderer) showDrag() {
	v, s, z := r.v, r.v.scene, r.v.zoom
	for i, co := range r.shown {
		home := pos(canvas.Point{X: s.Cards[i].Rect.X, Y: s.Cards[i].Rect.Y}, z)
		if d := v.drag; d != nil && d.card == i {
			home = home.Add(d.at.Subtract(d.start))
			co.box.Show()
		}
		co.box.Move(home)
	}
	if d := v.drag; d != nil && d.card >= 0 && d.ok {
		place(r.insertion, d.drop.Line, z)
		r.insertion.Show()
		// Draw the dragged card above the others.
		last := len(r.objects) - 2
		dragged := r.shown[d.card].box
		for i, o := range r.objects {
			if o == dragged && i != last {
				r.objects[i], r.objects[last] = r.objects[last], r.objects[i]
				break
			}
		}
	} else {
		r.insertion.Hide()
	}
}

// cardObjects is the Fyne side of one card, in a container placed at the
// card's position so that dragging moves one object.
type cardObjects struct {
	box      *fyne.Container
	bg       *fcanvas.Rectangle
	strip    *fcanvas.Rectangle
	title    textObjects
	channel  textObjects
	face     *faceObjects
	badges   []fyne.CanvasObject
	listened *fcanvas.Text
	ring     *fcanvas.Circle // advice: a listening point to add, or no lever
	arms     [2]*fcanvas.Line
}

func newCardObjects() *cardObjects {
	co := &cardObjects{box: container.NewWithoutLayout(), bg: fcanvas.NewRectangle(rgb(canvas.CardFill)),
		strip: fcanvas.NewRectangle(color.Black), listened: fcanvas.NewText("✓", rgb(canvas.CurveInk))}
	co.box.Add(co.bg)
	co.box.Add(co.strip)
	co.face = newFace(co.box.Add)
	co.ring = fcanvas.NewCircle(rgb(canvas.Paper))
	co.box.Add(co.ring)
	for i := range co.arms {
		co.arms[i] = fcanvas.NewLine(color.Black)
		co.box.Add(co.arms[i])
	}
	co.box.Add(co.listened) // above the disc it sits on
	return co
}

func (co *cardObjects) set(c *canvas.Card, z float64) {
	o := canvas.Point{X: c.Rect.X, Y: c.Rect.Y}
	co.box.Resize(fyne.NewSize(float32(c.Rect.W*z), float32(c.Rect.H*z)))
	co.bg.StrokeColor, co.bg.StrokeWidth, co.bg.CornerRadius = rgb(canvas.GridLine), 1, float32(1.2*z)
	place(co.bg, canvas.Rect{W: c.Rect.W, H: c.Rect.H}, z)
	co.strip.FillColor = rgb(c.Color)
	place(co.strip, canvas.Rect{W: 1.6, H: c.Rect.H}, z)
	co.title.set(c.Title, o, z, co.box.Add)
	co.channel.set(c.Channel, o, z, co.box.Add)
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
	co.box.Refresh()
}

// setAdvice marks the card's top-right corner: a dark disc with a tick
// when a listening point exists, a blue ring with a plus where one is
// advised, a grey ring with a bar where the partner gives no lever.
func (co *cardObjects) setAdvice(c *canvas.Card, z float64) {
	r := c.ListenRadius
	centre := canvas.Point{X: c.Listen.X - c.Rect.X, Y: c.Listen.Y - c.Rect.Y}
	place(co.ring, canvas.Rect{X: centre.X - r, Y: centre.Y - r, W: 2 * r, H: 2 * r}, z)
	if c.Listened {
		// The listened mark: a dark disc with a white tick, as on the poster.
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
		if i == 1 && c.Advice == canvas.NoLever {
			a.Hide()
		} else {
			a.Show()
		}
	}
	co.ring.Refresh()
}
