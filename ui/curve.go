package ui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"parcours/canvas"
)

// The emotion curve can be edited on the map: a point dragged up or down
// snaps to the emotion levels (−2 … +2) and sets its touchpoint's emotion
// when dropped, as one step of undo; a click on a point selects its card.

// curveGrip is how far (mm) around a face of the curve a press grabs it:
// a little more than the face, which is small at low zoom.
const curveGrip = 1.5

// indexes are the spatial indexes of the scene on screen, made once per
// scene when first asked for.
type indexes struct {
	scene  *canvas.Scene
	cards  *canvas.Index
	curve  *canvas.Index
	cardOf map[string]int // scene index of each touchpoint's card
}

func (v *MapView) index() *indexes {
	if v.ix.scene != v.scene {
		v.ix = indexes{scene: v.scene}
		if v.scene != nil {
			v.ix.cards, v.ix.curve = canvas.NewIndex(v.scene.CardRects()), canvas.NewIndex(v.scene.CurveRects())
		}
	}
	return &v.ix
}

// cardIndex is the scene index of touchpoint id's card, or -1.
func (v *MapView) cardIndex(id string) int {
	ix := v.index()
	if ix.cardOf == nil && v.scene != nil {
		ix.cardOf = make(map[string]int, len(v.scene.Cards))
		for i := range v.scene.Cards {
			ix.cardOf[v.scene.Cards[i].TouchpointID] = i
		}
	}
	if i, ok := ix.cardOf[id]; ok {
		return i
	}
	return -1
}

// curvePointAt is the index of the curve point whose face is under
// (x, y), mm, or -1; of two, the nearer.
func (v *MapView) curvePointAt(x, y float64) int {
	s := v.scene
	if s == nil || !s.Curve.Rect.Contains(x, y) {
		return -1
	}
	best, dist := -1, math.Inf(1)
	for _, i := range v.index().curve.Query(canvas.Rect{X: x - curveGrip, Y: y - curveGrip, W: 2 * curveGrip, H: 2 * curveGrip}, nil) {
		p := s.Curve.Points[i]
		d := math.Hypot(p.X-x, p.Y-y)
		if d <= p.Face.Radius+curveGrip && d < dist {
			best, dist = i, d
		}
	}
	return best
}

// emotionAt is the emotion level nearest to y on the curve band.
func emotionAt(c *canvas.Curve, y float64) int {
	best := 0
	for i, ly := range c.Levels {
		if math.Abs(ly-y) < math.Abs(c.Levels[best]-y) {
			best = i
		}
	}
	return best - 2
}

// curvePoint is point i of the curve as drawn: while it is dragged, at
// the level it would be dropped on.
func (v *MapView) curvePoint(i int) canvas.CurvePoint {
	p := v.scene.Curve.Points[i]
	if d := v.drag; d != nil && d.kind == dragCurve && d.index == i && d.emotion != p.Emotion {
		p.Emotion, p.Face.Emotion = d.emotion, d.emotion
		p.Y = v.scene.Curve.Levels[d.emotion+2]
		p.Face.Center = p.Point
		// Peaks and drops are worked out again once the emotion is set.
		p.Peak, p.Drop = false, false
	}
	return p
}

// setEmotion sets a touchpoint's emotion from the curve, as one step of
// undo, and selects its card.
func (e *Editor) setEmotion(id string, emotion int) {
	// A failure has been shown by the edit itself.
	if err := e.setTouchpointText(id, "emotion", strconv.Itoa(emotion)); err != nil {
		return
	}
	e.sel = cardsSelection(id)
	e.showSelection()
}

var (
	_ desktop.Hoverable  = (*MapView)(nil)
	_ desktop.Cursorable = (*MapView)(nil)
)

// MouseIn implements desktop.Hoverable.
func (v *MapView) MouseIn(e *desktop.MouseEvent) { v.hover(e.Position) }

// MouseMoved implements desktop.Hoverable.
func (v *MapView) MouseMoved(e *desktop.MouseEvent) { v.hover(e.Position) }

// MouseOut implements desktop.Hoverable.
func (v *MapView) MouseOut() { v.cursor = nil }

// Cursor implements desktop.Cursorable: the pointer says what a drag from
// there would do — up and down over a point of the curve, sideways over a
// stage's right edge.
func (v *MapView) Cursor() desktop.Cursor {
	if v.cursor == nil {
		return desktop.DefaultCursor
	}
	return v.cursor
}

func (v *MapView) hover(p fyne.Position) {
	v.cursor = nil
	if v.scene == nil {
		return
	}
	x, y := v.sceneAt(p)
	switch {
	case v.curvePointAt(x, y) >= 0:
		v.cursor = desktop.VResizeCursor
	case v.scene.StageEdgeAt(x, y) >= 0:
		v.cursor = desktop.HResizeCursor
	}
}
