package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"parcours/canvas"
)

// CreateRenderer implements fyne.Widget.
func (v *MapView) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{v: v, cards: map[string]*cardObjects{}, points: map[string]*pointObjects{},
		bg: fcanvas.NewRectangle(rgb(canvas.Paper)), insertion: fcanvas.NewRectangle(selectInk),
		band: fcanvas.NewRectangle(bandFill)}
	r.band.StrokeColor, r.band.StrokeWidth = selectInk, 1
	for i := range r.veils {
		r.veils[i] = fcanvas.NewRectangle(veilFill)
	}
	r.insertion.Hide()
	r.band.Hide()
	r.Refresh()
	return r
}

// mapRenderer keeps the Fyne objects of the part of a scene on screen.
//
// What a gesture costs must not grow with the map: Fyne walks every object
// of the tree on each frame, hidden or not. So the renderer holds objects
// only for the cards and curve points in view, found through a spatial
// index; those that leave the view go to a pool and are given to those
// that come in. A new scene (after a drop or an undo) or a new zoom redraws
// only the cards in view, and of those only the ones that look different.
//
// The few large parts (lanes, stage headers, rows of stage texts) are made
// again with each scene or zoom, in four layers: the body, which scrolls;
// the lane names column and the stage header rows, which stay in view
// like frozen panes in a spreadsheet; and their corner.
type mapRenderer struct {
	v  *MapView
	bg *fcanvas.Rectangle

	body, left, top, corner *fyne.Container
	// sticky are the texts of each stage's header and rows, which slide
	// along their column to stay in sight when its start is scrolled
	// under the lane names.
	sticky []stickyTexts

	cards      map[string]*cardObjects // the cards in view, by touchpoint
	points     map[string]*pointObjects
	freeCards  []*cardObjects
	freePoints []*pointObjects
	inView     []int // scene indexes of the cards drawn, in scene order
	curveView  []int
	generation int

	insertion *fcanvas.Rectangle
	band      *fcanvas.Rectangle
	veils     [2]*fcanvas.Rectangle // left and right of the spotlight
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
		r.buildStatic()
	}
	r.builtScene, r.builtZoom = v.scene, v.zoom
	r.cull()
	r.showDrag()
	r.freeze()
	r.assemble()
	fcanvas.Refresh(v)
}

// scale is the screen's device pixels per Fyne unit: pictograms are
// rendered finer on a dense screen.
func (r *mapRenderer) scale() float32 {
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(r.v); c != nil && c.Scale() > 0 {
			return c.Scale()
		}
	}
	return 1
}

// stickyTexts are the texts of one stage column in the frozen header.
type stickyTexts struct {
	col   int
	lines []*fcanvas.Text
	base  []fyne.Position
	width []float32
}

// buildStatic makes the objects of the lanes, stages, rows of texts and
// curve band for the scene and zoom, in their layers.
func (r *mapRenderer) buildStatic() {
	s, z := r.v.scene, r.v.zoom
	r.body, r.left, r.top, r.corner = nil, nil, nil, nil
	r.sticky = r.sticky[:0]
	if s == nil {
		return
	}
	var body, left, top, corner []fyne.CanvasObject
	paper := func(rect canvas.Rect) fyne.CanvasObject {
		p := fcanvas.NewRectangle(rgb(canvas.Paper))
		place(p, rect, z)
		return p
	}
	// The frozen layers are opaque: what scrolls under them is hidden.
	left = append(left, paper(canvas.Rect{W: s.Grid.X, H: s.Height}))
	top = append(top, paper(canvas.Rect{W: s.Width, H: s.Grid.Y}))
	corner = append(corner, paper(canvas.Rect{W: s.Grid.X, H: s.Grid.Y}))

	// lined is a rectangle with the grid's lines around it.
	lined := func(fill canvas.RGB, rect canvas.Rect) fyne.CanvasObject {
		bg := fcanvas.NewRectangle(rgb(fill))
		bg.StrokeColor, bg.StrokeWidth = rgb(canvas.GridLine), 1
		place(bg, rect, z)
		return bg
	}
	// leftOf is the part of a row in the frozen lane names column.
	leftOf := func(rect canvas.Rect) canvas.Rect {
		rect.W = min(rect.W, s.Grid.X-rect.X)
		return rect
	}
	sticky := make([]stickyTexts, len(s.Columns))
	stick := func(col int, t *textObjects) {
		st := &sticky[col]
		st.col = col
		for _, l := range t.lines {
			if l.Visible() {
				st.lines = append(st.lines, l)
				st.base = append(st.base, l.Position())
				st.width = append(st.width, l.MinSize().Width)
			}
		}
	}
	// bandRow draws a row of stage texts: its cells in one layer, its
	// label (with its piece of the row's background) in another.
	bandRow := func(b *canvas.Band, i int, cells, label *[]fyne.CanvasObject) {
		fill := canvas.BandFill
		if i%2 == 1 {
			fill = canvas.BandAltFill
		}
		*cells = append(*cells, lined(fill, b.Rect))
		*label = append(*label, lined(fill, leftOf(b.Rect)))
		var t textObjects
		t.set(b.Label, canvas.Point{}, z, func(o fyne.CanvasObject) { *label = append(*label, o) })
		for k := range b.Cells {
			var t textObjects
			t.set(b.Cells[k].Text, canvas.Point{}, z, func(o fyne.CanvasObject) { *cells = append(*cells, o) })
			if cells == &top {
				stick(b.Cells[k].Column, &t)
			}
		}
	}
	for i := range s.Bands {
		bandRow(&s.Bands[i], i, &top, &corner)
	}
	for i := range s.Below {
		bandRow(&s.Below[i], i+1, &body, &left)
	}

	for i := range s.Rows {
		row := &s.Rows[i]
		fill := canvas.Tint(row.Color, canvas.OwnedTint)
		if !row.Owned {
			fill = canvas.NotOwned
		}
		body = append(body, lined(fill, row.Rect))
		left = append(left, lined(fill, leftOf(row.Rect)))
		strip := fcanvas.NewRectangle(rgb(row.Color))
		if !row.Owned {
			// A hollow strip: the lane's colour, but not its ownership.
			strip.FillColor = color.White
			strip.StrokeColor, strip.StrokeWidth = rgb(row.Color), float32(0.4*z)
		}
		place(strip, canvas.Rect{X: row.Label.X, Y: row.Label.Y, W: 1.6, H: row.Label.H}, z)
		left = append(left, strip)
		var name, status textObjects
		name.set(row.Name, canvas.Point{}, z, func(o fyne.CanvasObject) { left = append(left, o) })
		status.set(row.Status, canvas.Point{}, z, func(o fyne.CanvasObject) { left = append(left, o) })
	}

	for i := range s.Columns {
		col := &s.Columns[i]
		h := fcanvas.NewRectangle(rgb(canvas.HeaderBG))
		h.StrokeColor, h.StrokeWidth = color.White, 1
		place(h, col.Header, z)
		top = append(top, h)
		var name textObjects
		name.set(col.Name, canvas.Point{}, z, func(o fyne.CanvasObject) { top = append(top, o) })
		stick(i, &name)
		if col.BelowTarget {
			bar := fcanvas.NewRectangle(rgb(canvas.BelowTargetInk))
			place(bar, canvas.Rect{X: col.Header.X, Y: col.Header.Y + col.Header.H - canvas.BelowTargetBar, W: col.Header.W, H: canvas.BelowTargetBar}, z)
			top = append(top, bar)
		}
		line := fcanvas.NewLine(rgb(canvas.GridLine))
		x := float32(col.Body.X * z)
		line.Position1, line.Position2 = fyne.NewPos(x, float32(col.Body.Y*z)), fyne.NewPos(x, float32((s.Curve.Rect.Y+s.Curve.Rect.H)*z))
		body = append(body, line)
	}

	c := &s.Curve
	var label textObjects
	label.set(c.Label, canvas.Point{}, z, func(o fyne.CanvasObject) { left = append(left, o) })
	for e, y := range c.Levels {
		l := fcanvas.NewLine(rgb(canvas.GridLine))
		if e == 2 {
			l.StrokeWidth = 2
		}
		l.Position1 = fyne.NewPos(float32(c.Rect.X*z), float32(y*z))
		l.Position2 = fyne.NewPos(float32((c.Rect.X+c.Rect.W)*z), float32(y*z))
		body = append(body, l)
	}

	layer := func(objs []fyne.CanvasObject, w, h float64) *fyne.Container {
		c := container.NewWithoutLayout(objs...)
		c.Resize(fyne.NewSize(float32(w*z), float32(h*z)))
		return c
	}
	for _, st := range sticky {
		if len(st.lines) > 0 {
			r.sticky = append(r.sticky, st)
		}
	}
	r.body = layer(body, s.Width, s.Height)
	r.left = layer(left, s.Grid.X, s.Height)
	r.top = layer(top, s.Width, s.Grid.Y)
	r.corner = layer(corner, s.Grid.X, s.Grid.Y)
}

// cullMargin is how far past the edges of the view (mm) cards are drawn,
// so that a small scroll shows no blank before the next frame.
const cullMargin = canvas.SlotWidth

// cull gives objects to the cards and curve points in view (and to the
// cards being dragged, wherever they came from), brought up to date, and
// takes them back from the others.
func (r *mapRenderer) cull() {
	v, s := r.v, r.v.scene
	r.inView, r.curveView = r.inView[:0], r.curveView[:0]
	if s == nil {
		r.release()
		return
	}
	vp := v.visible()
	q := canvas.Rect{X: vp.X - cullMargin, Y: vp.Y - cullMargin, W: vp.W + 2*cullMargin, H: vp.H + 2*cullMargin}
	if vp.W == 0 {
		q = canvas.Rect{X: -cullMargin, Y: -cullMargin, W: s.Width + 2*cullMargin, H: s.Height + 2*cullMargin}
	}
	ix := v.index()
	r.inView = ix.cards.Query(q, r.inView)
	if d := v.drag; d != nil && d.kind == dragCards {
		for _, i := range d.cards {
			if !d.visibleAt(i, r.inView) {
				r.inView = append(r.inView, i)
			}
		}
	}
	r.curveView = ix.curve.Query(q, r.curveView)

	r.generation++
	z, scale := v.zoom, r.scale()
	for _, i := range r.inView {
		c := &s.Cards[i]
		co := r.cards[c.TouchpointID]
		if co == nil {
			co = r.takeCard()
			co.id = c.TouchpointID
			r.cards[co.id] = co
		}
		co.seen = r.generation
		co.want(c, z, scale)
		co.update()
		co.mark(v.selected[co.id], v.filter != nil && v.filter[co.id], v.filter != nil && !v.filter[co.id])
	}
	for _, i := range r.curveView {
		p := v.curvePoint(i)
		from := p.Point
		if i > 0 {
			from = v.curvePoint(i - 1).Point
		}
		po := r.points[p.TouchpointID]
		if po == nil {
			po = r.takePoint()
			po.id = p.TouchpointID
			r.points[po.id] = po
		}
		po.seen = r.generation
		po.first = i == 0
		po.want(p, from, z)
		po.update()
	}
	r.release()
}

// release puts the objects of what is no longer in view back in the pool.
func (r *mapRenderer) release() {
	for id, co := range r.cards {
		if co.seen != r.generation {
			delete(r.cards, id)
			r.freeCards = append(r.freeCards, co)
		}
	}
	for id, po := range r.points {
		if po.seen != r.generation {
			delete(r.points, id)
			r.freePoints = append(r.freePoints, po)
		}
	}
}

func (r *mapRenderer) takeCard() *cardObjects {
	if n := len(r.freeCards); n > 0 {
		co := r.freeCards[n-1]
		r.freeCards = r.freeCards[:n-1]
		return co
	}
	return newCardObjects()
}

func (r *mapRenderer) takePoint() *pointObjects {
	if n := len(r.freePoints); n > 0 {
		po := r.freePoints[n-1]
		r.freePoints = r.freePoints[:n-1]
		return po
	}
	return newPointObjects()
}

// showDrag moves the dragged cards with the pointer and marks the slot
// they would drop into, or draws the selection rectangle.
func (r *mapRenderer) showDrag() {
	v, s, z := r.v, r.v.scene, r.v.zoom
	r.insertion.Hide()
	r.band.Hide()
	if s == nil {
		return
	}
	d := v.drag
	for _, i := range r.inView {
		c := &s.Cards[i]
		home := pos(canvas.Point{X: c.Rect.X, Y: c.Rect.Y}, z)
		if d != nil && d.moves(c.TouchpointID) {
			home = home.Add(d.at.Subtract(d.start))
		}
		r.cards[c.TouchpointID].box.Move(home)
	}
	switch {
	case d == nil && v.preview != nil:
		place(r.insertion, *v.preview, z)
		r.insertion.Show()
	case d == nil:
	case (d.kind == dragStage || d.kind == dragLane || d.kind == dragStageWidth || d.kind == dragCards) && d.ok:
		place(r.insertion, d.drop.Line, z)
		r.insertion.Show()
	case d.kind == dragBand:
		place(r.band, v.rubberBand(d), z)
		r.band.Show()
	}
}

// freeze keeps the lane names column and the stage header rows in view:
// they move with the scroll offset.
func (r *mapRenderer) freeze() {
	if r.body == nil {
		return
	}
	off := r.v.frozenOffset()
	r.left.Move(fyne.NewPos(off.X, 0))
	r.top.Move(fyne.NewPos(0, off.Y))
	r.corner.Move(off)
	// A stage whose start is under the lane names keeps its name and
	// texts in sight, each line as far as the stage's end.
	s, z := r.v.scene, float32(r.v.zoom)
	edge := off.X + float32(s.Grid.X)*z
	for _, st := range r.sticky {
		h := s.Columns[st.col].Header
		x0, end := float32(h.X)*z, float32(h.X+h.W)*z
		for i, l := range st.lines {
			shift := max(0, min(edge-x0, end-(st.base[i].X-x0)-st.base[i].X-st.width[i]))
			l.Move(st.base[i].Add(fyne.NewPos(shift, 0)))
		}
	}
}

// assemble lists the objects to draw, back to front: the body, the curve,
// the cards, the frozen layers over them, then what is being dragged.
func (r *mapRenderer) assemble() {
	v, s := r.v, r.v.scene
	r.objects = append(r.objects[:0], r.bg)
	if s == nil {
		r.objects = append(r.objects, r.insertion, r.band)
		return
	}
	r.objects = append(r.objects, r.body)
	for _, i := range r.curveView {
		po := r.points[s.Curve.Points[i].TouchpointID]
		if !po.first {
			r.objects = append(r.objects, po.segment)
		}
	}
	for _, i := range r.curveView {
		r.objects = append(r.objects, r.points[s.Curve.Points[i].TouchpointID].face.box)
	}
	d := v.drag
	for _, i := range r.inView {
		if id := s.Cards[i].TouchpointID; d == nil || !d.moves(id) {
			r.objects = append(r.objects, r.cards[id].box)
		}
	}
	r.objects = append(r.objects, r.left, r.top, r.corner)
	if sp := v.spotlight; sp != nil {
		// Over the headers of the other stages too, not over the lane
		// names.
		z := float32(v.zoom)
		off := v.frozenOffset()
		from := off.X + float32(s.Grid.X)*z
		left, right := float32(sp.X)*z, float32(sp.X+sp.W)*z
		r.veils[0].Move(fyne.NewPos(from, 0))
		r.veils[0].Resize(fyne.NewSize(max(0, left-from), float32(s.Height)*z))
		r.veils[1].Move(fyne.NewPos(right, 0))
		r.veils[1].Resize(fyne.NewSize(max(0, float32(s.Width)*z-right), float32(s.Height)*z))
		r.objects = append(r.objects, r.veils[0], r.veils[1])
	}
	if d != nil && d.kind == dragCards {
		for _, id := range d.ids {
			if co := r.cards[id]; co != nil {
				r.objects = append(r.objects, co.box)
			}
		}
	}
	r.objects = append(r.objects, r.insertion, r.band)
}
