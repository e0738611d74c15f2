package ui

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
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
	veilFill  = color.NRGBA{0xFF, 0xFF, 0xFF, 0xE0}
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
	// OnEmotion is called when a point of the emotion curve is dropped on
	// another level: the touchpoint and its new emotion.
	OnEmotion func(id string, emotion int)
	// OnResizeStage is called when a stage's right edge is dropped.
	OnResizeStage func(id string, width float64)
	// OnPan scrolls the view by a pointer movement (space held while
	// dragging).
	OnPan func(d fyne.Delta)
	// Panning is true while the space bar is held: a drag then moves the
	// view instead of what is under the pointer.
	Panning bool

	scene *canvas.Scene
	zoom  float64
	// offset and size are the part of the view in sight, in pixels, as the
	// scroll container around it reports them; a zero size means all.
	offset fyne.Position
	size   fyne.Size
	drag   *dragState
	ix     indexes
	// cursor is the pointer's shape over the place hovered; nil: the
	// default.
	cursor desktop.Cursor
	// opening is true until the opening zoom is set (ZoomToOpen).
	opening bool
	// spotlight, when set, is the part of the map (its x range) shown
	// plainly; the rest is veiled (presentation mode).
	spotlight *canvas.Rect
	mods      modifierSource

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
	dragCurve                      // a point of the emotion curve, up or down
)

type dragState struct {
	kind  dragKind
	index int // the stage or lane being moved or resized, the curve point
	// emotion is where a dragged curve point would be dropped.
	emotion int
	card    int // index in scene.Cards of the grabbed card; -1 otherwise
	start   fyne.Position
	at      fyne.Position
	drop    canvas.Drop
	ok      bool
	ids     []string // the cards that move with the grabbed one
	// cards are the scene indexes of ids, and moving the same as a set.
	cards  []int
	moving map[string]bool
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

// SetSpotlight veils the map left and right of r's columns; nil lifts
// the veil.
func (v *MapView) SetSpotlight(r *canvas.Rect) {
	v.spotlight = r
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
	v.offset, v.size = offset, size
	v.Refresh()
	v.applyOpening()
}

// visible is the part of the map in sight, in mm; zero size means all.
func (v *MapView) visible() canvas.Rect {
	return canvas.Rect{X: float64(v.offset.X) / v.zoom, Y: float64(v.offset.Y) / v.zoom,
		W: float64(v.size.Width) / v.zoom, H: float64(v.size.Height) / v.zoom}
}

// frozenOffset is how far the frozen lane names and stage headers are
// moved to stay in sight: the scroll offset.
func (v *MapView) frozenOffset() fyne.Position {
	if v.size.Width == 0 {
		return fyne.Position{}
	}
	return fyne.NewPos(max(0, v.offset.X), max(0, v.offset.Y))
}

func (v *MapView) mm(p fyne.Position) (float64, float64) {
	return float64(p.X) / v.zoom, float64(p.Y) / v.zoom
}

// sceneAt is the point of the scene drawn at p (pixels in the view):
// over the frozen stage headers and lane names, which stay in sight while
// the rest scrolls, it is a point of theirs.
func (v *MapView) sceneAt(p fyne.Position) (float64, float64) {
	x, y := v.mm(p)
	if v.scene == nil {
		return x, y
	}
	off := v.frozenOffset()
	if sx := float64(p.X-off.X) / v.zoom; off.X > 0 && sx < v.scene.Grid.X {
		x = sx
	}
	if sy := float64(p.Y-off.Y) / v.zoom; off.Y > 0 && sy < v.scene.Grid.Y {
		y = sy
	}
	return x, y
}

// ScreenPos is where the top-left corner of r, a part of the scene, is
// drawn in the view (pixels), the frozen headers and lane names included.
func (v *MapView) ScreenPos(r canvas.Rect) fyne.Position {
	p := pos(canvas.Point{X: r.X, Y: r.Y}, v.zoom)
	if v.scene == nil {
		return p
	}
	off := v.frozenOffset()
	inNames, inHeaders := r.X+r.W <= v.scene.Grid.X, r.Y+r.H <= v.scene.Grid.Y
	if inNames {
		p.X += off.X
	}
	if inHeaders {
		p.Y += off.Y
	}
	if inHeaders && !inNames {
		// As its name does, when the stage starts under the lane names.
		p.X = max(p.X, off.X+float32(v.scene.Grid.X*v.zoom))
	}
	return p
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
	x, y := v.sceneAt(e.Position)
	h := v.scene.HitAt(x, y)
	if p := v.curvePointAt(x, y); p >= 0 {
		if i := v.cardIndex(v.scene.Curve.Points[p].TouchpointID); i >= 0 {
			h = canvas.Hit{Kind: canvas.HitCard, Index: i}
		}
	}
	v.OnSelect(h, v.modifiers()&fyne.KeyModifierShift != 0)
}

// DoubleTapped asks to edit what is under the pointer in place.
func (v *MapView) DoubleTapped(e *fyne.PointEvent) {
	if v.scene == nil || v.OnEdit == nil {
		return
	}
	if h := v.scene.HitAt(v.sceneAt(e.Position)); h.Kind != canvas.HitNothing {
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
		sx, sy := v.sceneAt(start)
		d := &dragState{card: v.scene.CardAt(sx, sy), start: start, kind: dragBand}
		switch h := v.scene.HitAt(sx, sy); {
		case v.Panning:
			d.kind, d.card = dragPan, -1
		case v.curvePointAt(sx, sy) >= 0:
			d.kind, d.index, d.card = dragCurve, v.curvePointAt(sx, sy), -1
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
			d.moving = make(map[string]bool, len(d.ids))
			for _, id := range d.ids {
				d.moving[id] = true
			}
			for i := range v.scene.Cards {
				if d.moving[v.scene.Cards[i].TouchpointID] {
					d.cards = append(d.cards, i)
				}
			}
		}
		v.drag = d
	}
	v.drag.at = e.Position
	x, y := v.sceneAt(e.Position)
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
	case dragCurve:
		v.drag.emotion, v.drag.ok = emotionAt(&v.scene.Curve, y), true
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
		x, y := v.sceneAt(d.at)
		switch {
		case d.kind == dragStage && v.OnMoveStage != nil:
			v.OnMoveStage(v.scene.Columns[d.index].StageID, v.scene.StageInsertAt(x))
		case d.kind == dragLane && v.OnMoveLane != nil:
			v.OnMoveLane(v.scene.Rows[d.index].LaneID, v.scene.LaneInsertAt(y))
		case d.kind == dragStageWidth && v.OnResizeStage != nil:
			c := v.scene.Columns[d.index].Header
			v.OnResizeStage(v.scene.Columns[d.index].StageID, math.Max(x-c.X, canvas.SlotWidth))
		case d.kind == dragCurve && v.OnEmotion != nil:
			if p := v.scene.Curve.Points[d.index]; d.emotion != p.Emotion {
				v.OnEmotion(p.TouchpointID, d.emotion)
			}
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

func (d *dragState) moves(id string) bool { return d.kind == dragCards && d.moving[id] }

// visibleAt reports whether card i is among inView, sorted.
func (d *dragState) visibleAt(i int, inView []int) bool {
	_, found := slices.BinarySearch(inView, i)
	return found
}

// rubberBand is the selection rectangle of a drag, in mm.
func (v *MapView) rubberBand(d *dragState) canvas.Rect {
	x0, y0 := v.mm(d.start)
	x1, y1 := v.mm(d.at)
	return canvas.Rect{X: math.Min(x0, x1), Y: math.Min(y0, y1), W: math.Abs(x1 - x0), H: math.Abs(y1 - y0)}
}
