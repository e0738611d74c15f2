package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
)

// Zoom limits and steps, in pixels per millimetre. At the default a card
// title reads at about the size of the window's own text.
const (
	DefaultZoom = 4.0
	MinZoom     = 0.3
	MaxZoom     = 16.0
	ZoomStep    = 1.25
	// Below this many pixels text is not drawn: it could not be read, and
	// a zoomed-out map of a thousand cards stays fast.
	minTextPixels = 5.0
)

// Selection colours.
var (
	selectInk = color.NRGBA{0x00, 0x72, 0xB2, 0xFF}
	bandFill  = color.NRGBA{0x00, 0x72, 0xB2, 0x22}
	dimFill   = color.NRGBA{0xFF, 0xFF, 0xFF, 0xB0}
	matchInk  = color.NRGBA{0xE6, 0x9F, 0x00, 0xFF}
)

// modifierSource tells which modifier keys are held. Fyne's scroll and tap
// events do not carry them; the desktop driver knows, and tests fake it.
type modifierSource interface {
	CurrentKeyModifiers() fyne.KeyModifier
}

// MapView draws a laid-out journey (a canvas.Scene) and turns pointer
// gestures into requests: select, edit in place, move cards, zoom. It owns
// no document: its owner answers the requests and lays out a new scene.
type MapView struct {
	widget.BaseWidget

	// OnMove is called when cards are dropped on a cell of the grid: the
	// card grabbed first, then the other selected ones in timeline order.
	OnMove func(ids []string, drop canvas.Drop)
	// OnSelect is called on a click: what was hit, and whether shift was
	// held to add to the selection.
	OnSelect func(h canvas.Hit, additive bool)
	// OnSelectCards is called at the end of a rubber-band selection.
	OnSelectCards func(ids []string, additive bool)
	// OnEdit is called on a double click, to edit what was hit in place.
	OnEdit func(h canvas.Hit)
	// OnZoom is called after the zoom changed.
	OnZoom func()
	// OnScroll forwards the wheel when it does not zoom (to the scroll
	// container around the view).
	OnScroll func(e *fyne.ScrollEvent)
	// OnMoveStage and OnMoveLane are called when a stage header or a lane
	// label is dropped at an insertion place (0…n, counted before the move).
	OnMoveStage func(id string, at int)
	OnMoveLane  func(id string, at int)
	// OnResizeStage is called when a stage's right edge is dropped.
	OnResizeStage func(id string, width float64)
	// OnPan scrolls the view by a pointer movement (space held while
	// dragging).
	OnPan func(d fyne.Delta)
	// Panning is true while the space bar is held: a drag then moves the
	// view instead of what is under the pointer.
	Panning bool

	scene    *canvas.Scene
	zoom     float64
	viewport canvas.Rect // visible part in mm; zero size means everything
	drag     *dragState
	mods     modifierSource

	preview  *canvas.Rect // where a palette item would land
	anchor   *zoomAnchor
	selected map[string]bool
	// filter: when non-nil, cards not in it are dimmed; matches are ringed.
	filter map[string]bool
}

type dragKind int

const (
	dragBand       dragKind = iota // a selection rectangle
	dragCards                      // cards, to another cell
	dragStage                      // a stage header, to another place
	dragLane                       // a lane label, to another place
	dragStageWidth                 // a stage's right edge
	dragPan                        // the view itself
)

type dragState struct {
	kind  dragKind
	index int // the stage or lane being moved or resized
	card  int // index in scene.Cards of the grabbed card; -1 otherwise
	start fyne.Position
	at    fyne.Position
	drop  canvas.Drop
	ok    bool
	ids   []string // the cards that move with the grabbed one
}

var (
	_ fyne.Widget         = (*MapView)(nil)
	_ fyne.Draggable      = (*MapView)(nil)
	_ fyne.Tappable       = (*MapView)(nil)
	_ fyne.DoubleTappable = (*MapView)(nil)
	_ fyne.Scrollable     = (*MapView)(nil)
)

// NewMapView makes an empty map view.
func NewMapView() *MapView {
	v := &MapView{zoom: DefaultZoom, selected: map[string]bool{}}
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

// SetZoom changes the scale, within MinZoom…MaxZoom.
func (v *MapView) SetZoom(z float64) {
	z = math.Max(MinZoom, math.Min(MaxZoom, z))
	if z == v.zoom {
		return
	}
	v.zoom = z
	v.Refresh()
	if v.OnZoom != nil {
		v.OnZoom()
	}
}

// SetPreview marks where a palette item dragged over the map would land;
// nil removes the mark.
func (v *MapView) SetPreview(r *canvas.Rect) {
	v.preview = r
	v.Refresh()
}

// SetSelected marks the selected cards.
func (v *MapView) SetSelected(ids map[string]bool) {
	v.selected = ids
	v.Refresh()
}

// SetFilter dims every card not in matches; nil shows all cards plainly.
func (v *MapView) SetFilter(matches map[string]bool) {
	v.filter = matches
	v.Refresh()
}

// SetViewport tells the view which part of it is visible (offset and size in
// pixels, as a scroll container reports them), so that it can skip drawing
// what is out of sight.
func (v *MapView) SetViewport(offset fyne.Position, size fyne.Size) {
	v.viewport = canvas.Rect{X: float64(offset.X) / v.zoom, Y: float64(offset.Y) / v.zoom,
		W: float64(size.Width) / v.zoom, H: float64(size.Height) / v.zoom}
	v.Refresh()
}

func (v *MapView) mm(p fyne.Position) (float64, float64) {
	return float64(p.X) / v.zoom, float64(p.Y) / v.zoom
}

func (v *MapView) modifiers() fyne.KeyModifier {
	if v.mods != nil {
		return v.mods.CurrentKeyModifiers()
	}
	if a := fyne.CurrentApp(); a != nil {
		if d, ok := a.Driver().(desktop.Driver); ok {
			return d.CurrentKeyModifiers()
		}
	}
	return 0
}

// Tapped selects what is under the pointer; shift adds cards to the
// selection.
func (v *MapView) Tapped(e *fyne.PointEvent) {
	if v.scene == nil || v.OnSelect == nil {
		return
	}
	v.OnSelect(v.scene.HitAt(v.mm(e.Position)), v.modifiers()&fyne.KeyModifierShift != 0)
}

// DoubleTapped asks to edit what is under the pointer in place.
func (v *MapView) DoubleTapped(e *fyne.PointEvent) {
	if v.scene == nil || v.OnEdit == nil {
		return
	}
	if h := v.scene.HitAt(v.mm(e.Position)); h.Kind != canvas.HitNothing {
		v.OnEdit(h)
	}
}

// Scrolled zooms around the pointer with ctrl held, and otherwise scrolls.
func (v *MapView) Scrolled(e *fyne.ScrollEvent) {
	if v.modifiers()&fyne.KeyModifierShortcutDefault == 0 {
		if v.OnScroll != nil {
			v.OnScroll(e)
		}
		return
	}
	// Keep the point under the pointer where it is.
	x, y := v.mm(e.Position)
	v.anchor = &zoomAnchor{x: x, y: y, at: e.Position}
	switch {
	case e.Scrolled.DY > 0:
		v.SetZoom(v.zoom * ZoomStep)
	case e.Scrolled.DY < 0:
		v.SetZoom(v.zoom / ZoomStep)
	}
	v.anchor = nil
}

// zoomAnchor is a point of the map (mm) that should stay at the same
// place on screen across a zoom: it was at pixel at of the view.
type zoomAnchor struct {
	x, y float64
	at   fyne.Position
}

// ScrollFor is the scroll offset that keeps the zoom anchor still, given
// the old offset; ok is false when the zoom had no anchor (keyboard).
func (v *MapView) ScrollFor(offset fyne.Position) (fyne.Position, bool) {
	if v.anchor == nil {
		return offset, false
	}
	onScreen := v.anchor.at.Subtract(offset)
	return fyne.NewPos(float32(v.anchor.x*v.zoom)-onScreen.X, float32(v.anchor.y*v.zoom)-onScreen.Y), true
}

// Dragged moves the grabbed card (and the other selected ones) with the
// pointer and shows where they would land; from an empty place it draws a
// selection rectangle.
func (v *MapView) Dragged(e *fyne.DragEvent) {
	if v.scene == nil {
		return
	}
	if v.drag == nil {
		start := e.Position.Subtract(e.Dragged)
		d := &dragState{card: v.scene.CardAt(v.mm(start)), start: start, kind: dragBand}
		sx, sy := v.mm(start)
		switch h := v.scene.HitAt(sx, sy); {
		case v.Panning:
			d.kind, d.card = dragPan, -1
		case v.scene.StageEdgeAt(sx, sy) >= 0:
			d.kind, d.index, d.card = dragStageWidth, v.scene.StageEdgeAt(sx, sy), -1
		case h.Kind == canvas.HitStage:
			d.kind, d.index = dragStage, h.Index
		case h.Kind == canvas.HitLane:
			d.kind, d.index = dragLane, h.Index
		case d.card >= 0:
			d.kind = dragCards
		}
		if d.kind == dragCards {
			id := v.scene.Cards[d.card].TouchpointID
			d.ids = []string{id}
			if v.selected[id] {
				for _, c := range v.scene.Cards {
					if v.selected[c.TouchpointID] && c.TouchpointID != id {
						d.ids = append(d.ids, c.TouchpointID)
					}
				}
			}
		}
		v.drag = d
	}
	v.drag.at = e.Position
	x, y := v.mm(e.Position)
	switch v.drag.kind {
	case dragCards:
		v.drag.drop, v.drag.ok = v.scene.DropAt(x, y, v.scene.Cards[v.drag.card].TouchpointID)
	case dragStage:
		v.drag.drop.Line, v.drag.ok = v.scene.StageGap(v.scene.StageInsertAt(x)), true
	case dragLane:
		v.drag.drop.Line, v.drag.ok = v.scene.LaneGap(v.scene.LaneInsertAt(y)), true
	case dragStageWidth:
		c := v.scene.Columns[v.drag.index].Header
		v.drag.drop.Line = canvas.Rect{X: math.Max(x, c.X+canvas.SlotWidth) - 0.6, Y: 0, W: 1.2, H: v.scene.Grid.Y + v.scene.Grid.H}
		v.drag.ok = true
	case dragPan:
		if v.OnPan != nil {
			v.OnPan(e.Dragged)
		}
		return
	}
	v.Refresh()
}

// DragEnd drops the cards, or ends the selection rectangle. Outside the
// grid nothing happens and the cards go back where they were.
func (v *MapView) DragEnd() {
	d := v.drag
	v.drag = nil
	if d != nil && d.ok {
		x, y := v.mm(d.at)
		switch {
		case d.kind == dragStage && v.OnMoveStage != nil:
			v.OnMoveStage(v.scene.Columns[d.index].StageID, v.scene.StageInsertAt(x))
		case d.kind == dragLane && v.OnMoveLane != nil:
			v.OnMoveLane(v.scene.Rows[d.index].LaneID, v.scene.LaneInsertAt(y))
		case d.kind == dragStageWidth && v.OnResizeStage != nil:
			c := v.scene.Columns[d.index].Header
			v.OnResizeStage(v.scene.Columns[d.index].StageID, math.Max(x-c.X, canvas.SlotWidth))
		}
	}
	switch {
	case d == nil:
	case d.kind == dragCards && d.ok && v.OnMove != nil:
		v.OnMove(d.ids, d.drop)
	case d.kind == dragBand && v.OnSelectCards != nil:
		var ids []string
		for _, i := range v.scene.CardsIn(v.rubberBand(d)) {
			ids = append(ids, v.scene.Cards[i].TouchpointID)
		}
		v.OnSelectCards(ids, v.modifiers()&fyne.KeyModifierShift != 0)
	}
	v.Refresh()
}

// rubberBand is the selection rectangle of a drag, in mm.
func (v *MapView) rubberBand(d *dragState) canvas.Rect {
	x0, y0 := v.mm(d.start)
	x1, y1 := v.mm(d.at)
	return canvas.Rect{X: math.Min(x0, x1), Y: math.Min(y0, y1), W: math.Abs(x1 - x0), H: math.Abs(y1 - y0)}
}

// CreateRenderer implements fyne.Widget.
func (v *MapView) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{v: v, cards: map[string]*cardObjects{}, points: map[string]*pointObjects{},
		bg: fcanvas.NewRectangle(rgb(canvas.Paper)), insertion: fcanvas.NewRectangle(selectInk),
		band: fcanvas.NewRectangle(bandFill)}
	r.band.StrokeColor, r.band.StrokeWidth = selectInk, 1
	r.insertion.Hide()
	r.band.Hide()
	r.Refresh()
	return r
}

// mapRenderer keeps the Fyne objects of a scene. The few large parts
// (stages, lanes, bands) are made again with each scene; cards and curve
// points, which may number thousands, are kept by touchpoint, brought up
// to date only when they come into view, and hidden out of it.
type mapRenderer struct {
	v         *MapView
	bg        *fcanvas.Rectangle
	static    []fyne.CanvasObject
	cards     map[string]*cardObjects
	points    map[string]*pointObjects
	shown     []*cardObjects  // in scene order
	curve     []*pointObjects // in scene order
	insertion *fcanvas.Rectangle
	band      *fcanvas.Rectangle
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

// rebuild follows a new scene or zoom.
func (r *mapRenderer) rebuild() {
	s, z := r.v.scene, r.v.zoom
	r.builtScene, r.builtZoom = s, z
	r.static = r.static[:0]
	r.shown = r.shown[:0]
	r.curve = r.curve[:0]
	if s == nil {
		r.objects = []fyne.CanvasObject{r.bg}
		return
	}
	add := func(o fyne.CanvasObject) { r.static = append(r.static, o) }
	for i := range s.Bands {
		r.buildBand(&s.Bands[i], i, z, add)
	}
	for i := range s.Below {
		r.buildBand(&s.Below[i], i+1, z, add)
	}
	r.buildLanes(s, z, add)
	r.buildStages(s, z, add)
	r.buildCurveBand(s, z, add)

	// Pictograms are rendered for the screen's pixels, finer on a dense one.
	scale := float32(1)
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(r.v); c != nil && c.Scale() > 0 {
			scale = c.Scale()
		}
	}
	seen := make(map[string]bool, len(s.Cards))
	for i := range s.Cards {
		id := s.Cards[i].TouchpointID
		seen[id] = true
		co := r.cards[id]
		if co == nil {
			co = newCardObjects()
			r.cards[id] = co
		}
		co.want(&s.Cards[i], z, scale)
		r.shown = append(r.shown, co)
		po := r.points[id]
		if po == nil {
			po = newPointObjects()
			r.points[id] = po
		}
		po.want(s, i, z)
		r.curve = append(r.curve, po)
	}
	for id := range r.cards {
		if !seen[id] {
			delete(r.cards, id)
			delete(r.points, id)
		}
	}
	r.objects = make([]fyne.CanvasObject, 0, 4+len(r.static)+3*len(r.shown))
	r.objects = append(r.objects, r.bg)
	r.objects = append(r.objects, r.static...)
	for _, po := range r.curve {
		r.objects = append(r.objects, po.segment, po.face.box)
	}
	for _, co := range r.shown {
		r.objects = append(r.objects, co.box)
	}
	r.objects = append(r.objects, r.insertion, r.band)
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
		line.Position1, line.Position2 = fyne.NewPos(x, float32(col.Body.Y*z)), fyne.NewPos(x, float32((s.Curve.Rect.Y+s.Curve.Rect.H)*z))
		add(line)
	}
}

func (r *mapRenderer) buildCurveBand(s *canvas.Scene, z float64, add func(fyne.CanvasObject)) {
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
}

// cull shows what is in view, bringing it up to date, and hides the rest:
// Fyne walks every visible object on each frame.
func (r *mapRenderer) cull() {
	v, s := r.v, r.v.scene
	if s == nil {
		return
	}
	vp := v.viewport
	margin := canvas.SlotWidth
	inView := func(x0, x1, y0, y1 float64) bool {
		return vp.W == 0 || (x1 >= vp.X-margin && x0 <= vp.X+vp.W+margin && y1 >= vp.Y-margin && y0 <= vp.Y+vp.H+margin)
	}
	for i, co := range r.shown {
		c := &s.Cards[i]
		id := c.TouchpointID
		visible := inView(c.Rect.X, c.Rect.X+c.Rect.W, c.Rect.Y, c.Rect.Y+c.Rect.H) || (v.drag != nil && v.drag.moves(id))
		if visible {
			co.update()
			co.mark(v.selected[id], v.filter != nil && v.filter[id], v.filter != nil && !v.filter[id])
		}
		show(co.box, visible)
	}
	for i, po := range r.curve {
		p := s.Curve.Points[i].Point
		prev := p
		if i > 0 {
			prev = s.Curve.Points[i-1].Point
		}
		visible := inView(prev.X, p.X, s.Curve.Rect.Y, s.Curve.Rect.Y+s.Curve.Rect.H)
		if visible {
			po.update()
		}
		show(po.face.box, visible)
		show(po.segment, visible && i > 0)
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

func (d *dragState) moves(id string) bool {
	if d.kind != dragCards {
		return false
	}
	for _, x := range d.ids {
		if x == id {
			return true
		}
	}
	return false
}

// showDrag moves the dragged cards with the pointer and marks the slot
// they would drop into, or draws the selection rectangle.
func (r *mapRenderer) showDrag() {
	v, s, z := r.v, r.v.scene, r.v.zoom
	if s == nil {
		return
	}
	d := v.drag
	for i, co := range r.shown {
		home := pos(canvas.Point{X: s.Cards[i].Rect.X, Y: s.Cards[i].Rect.Y}, z)
		if d != nil && d.moves(s.Cards[i].TouchpointID) {
			home = home.Add(d.at.Subtract(d.start))
		}
		co.box.Move(home)
	}
	r.insertion.Hide()
	r.band.Hide()
	switch {
	case d == nil && v.preview != nil:
		place(r.insertion, *v.preview, z)
		r.insertion.Show()
	case d == nil:
	case (d.kind == dragStage || d.kind == dragLane || d.kind == dragStageWidth) && d.ok:
		place(r.insertion, d.drop.Line, z)
		r.insertion.Show()
	case d.kind == dragCards && d.ok:
		place(r.insertion, d.drop.Line, z)
		r.insertion.Show()
		// Draw the moving cards above the others.
		top := len(r.objects) - 3
		for _, id := range d.ids {
			box := r.cards[id].box
			for i, o := range r.objects {
				if o == box && i < top {
					r.objects[i], r.objects[top] = r.objects[top], r.objects[i]
					top--
					break
				}
			}
		}
	case d.kind == dragBand:
		place(r.band, v.rubberBand(d), z)
		r.band.Show()
	}
}

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

	card   *canvas.Card // what update will show
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
// is in view.
func (co *cardObjects) want(c *canvas.Card, z float64, scale float32) {
	if co.card != c || co.zoom != z || co.scale != scale {
		co.stale = true
	}
	co.card, co.zoom, co.scale = c, z, scale
}

func (co *cardObjects) update() {
	if !co.stale {
		return
	}
	co.stale = false
	c, z := co.card, co.zoom
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

func (po *pointObjects) want(s *canvas.Scene, i int, z float64) {
	p := s.Curve.Points[i]
	from := p.Point
	if i > 0 {
		from = s.Curve.Points[i-1].Point
	}
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
