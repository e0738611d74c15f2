package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Side panel widths in pixels. At their defaults, both panels shown, the
// map keeps 70 % of a 1400-pixel window.
const (
	defaultLeftWidth  = 136
	defaultRightWidth = 268
	minSideWidth      = 96
	dividerWidth      = 4
)

// panes lays the workspace out: a side panel on the left (palette), the
// map in the middle, a side panel on the right (inspector). Each side
// has the width the user gives it by dragging its divider, or is hidden.
// A side never takes more than that width, whatever its contents ask: a
// long text wraps inside its panel instead of widening it, and the map
// gets the rest.
type panes struct {
	widget.BaseWidget
	left, centre, right fyne.CanvasObject
	// widths of the sides, and whether each is shown.
	leftW, rightW         float32
	leftShown, rightShown bool
	leftBar, rightBar     *divider
	// OnResized is called when the user has dragged a divider.
	OnResized func()
}

var _ fyne.Widget = (*panes)(nil)

func newPanes(left, centre, right fyne.CanvasObject) *panes {
	p := &panes{left: left, centre: centre, right: right,
		leftW: defaultLeftWidth, rightW: defaultRightWidth, leftShown: true, rightShown: true}
	p.leftBar = &divider{p: p, sign: 1}
	p.rightBar = &divider{p: p, sign: -1}
	p.leftBar.ExtendBaseWidget(p.leftBar)
	p.rightBar.ExtendBaseWidget(p.rightBar)
	p.ExtendBaseWidget(p)
	return p
}

// SetWidths sets the sides' widths, as remembered.
func (p *panes) SetWidths(left, right float32) {
	if left >= minSideWidth {
		p.leftW = left
	}
	if right >= minSideWidth {
		p.rightW = right
	}
	p.Refresh()
}

// ShowSides shows or hides each side.
func (p *panes) ShowSides(left, right bool) {
	p.leftShown, p.rightShown = left, right
	p.Refresh()
}

// CentreWidth is the map's width at the present size.
func (p *panes) CentreWidth() float32 { return p.centre.Size().Width }

// clamp keeps a side between its minimum and a share of the window that
// leaves the map room.
func (p *panes) clamp(w float32) float32 {
	return max(minSideWidth, min(w, p.Size().Width*0.45))
}

func (p *panes) CreateRenderer() fyne.WidgetRenderer {
	return &panesRenderer{p: p}
}

type panesRenderer struct{ p *panes }

func (r *panesRenderer) Objects() []fyne.CanvasObject {
	p := r.p
	return []fyne.CanvasObject{p.centre, p.left, p.right, p.leftBar, p.rightBar}
}

func (r *panesRenderer) Layout(size fyne.Size) {
	p := r.p
	x, end := float32(0), size.Width
	show(p.left, p.leftShown)
	show(p.leftBar, p.leftShown)
	if p.leftShown {
		w := min(p.leftW, size.Width*0.45)
		p.left.Move(fyne.NewPos(0, 0))
		p.left.Resize(fyne.NewSize(w, size.Height))
		p.leftBar.Move(fyne.NewPos(w, 0))
		p.leftBar.Resize(fyne.NewSize(dividerWidth, size.Height))
		x = w + dividerWidth
	}
	show(p.right, p.rightShown)
	show(p.rightBar, p.rightShown)
	if p.rightShown {
		w := min(p.rightW, size.Width*0.45)
		end = size.Width - w
		p.right.Move(fyne.NewPos(end, 0))
		p.right.Resize(fyne.NewSize(w, size.Height))
		end -= dividerWidth
		p.rightBar.Move(fyne.NewPos(end, 0))
		p.rightBar.Resize(fyne.NewSize(dividerWidth, size.Height))
	}
	p.centre.Move(fyne.NewPos(x, 0))
	p.centre.Resize(fyne.NewSize(max(0, end-x), size.Height))
}

// MinSize asks for the map's minimum and the sides' widths, and for no
// more height than the map needs: the sides scroll.
func (r *panesRenderer) MinSize() fyne.Size {
	p := r.p
	m := p.centre.MinSize()
	if p.leftShown {
		m.Width += p.leftW + dividerWidth
	}
	if p.rightShown {
		m.Width += p.rightW + dividerWidth
	}
	return m
}

func (r *panesRenderer) Refresh() {
	r.Layout(r.p.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *panesRenderer) Destroy() {}

// divider is the handle between a side panel and the map.
type divider struct {
	widget.BaseWidget
	p *panes
	// sign is +1 for the left side (dragging right widens it), −1 for the
	// right side.
	sign float32
}

var (
	_ fyne.Draggable     = (*divider)(nil)
	_ desktop.Cursorable = (*divider)(nil)
)

func (d *divider) Cursor() desktop.Cursor { return desktop.HResizeCursor }

func (d *divider) Dragged(e *fyne.DragEvent) {
	p := d.p
	if d.sign > 0 {
		p.leftW = p.clamp(p.leftW + e.Dragged.DX)
	} else {
		p.rightW = p.clamp(p.rightW - e.Dragged.DX)
	}
	p.Refresh()
}

func (d *divider) DragEnd() {
	if d.p.OnResized != nil {
		d.p.OnResized()
	}
}

func (d *divider) CreateRenderer() fyne.WidgetRenderer {
	bar := fcanvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	return &dividerRenderer{bar: bar, objects: []fyne.CanvasObject{bar}}
}

type dividerRenderer struct {
	bar     *fcanvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *dividerRenderer) Layout(size fyne.Size)        { r.bar.Resize(size) }
func (r *dividerRenderer) MinSize() fyne.Size           { return fyne.NewSize(dividerWidth, 0) }
func (r *dividerRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *dividerRenderer) Destroy()                     {}
func (r *dividerRenderer) Refresh() {
	r.bar.FillColor = theme.Color(theme.ColorNameSeparator)
	if r.bar.FillColor == nil {
		r.bar.FillColor = color.Gray{Y: 0x80}
	}
	r.bar.Refresh()
}

// Preferences of the side panels, the same for every document.
const (
	prefLeftWidth   = "ui.left_width"
	prefRightWidth  = "ui.right_width"
	prefLeftHidden  = "ui.left_hidden"
	prefRightHidden = "ui.right_hidden"
)

func (e *Editor) restorePanes() {
	p := e.app.Preferences()
	e.panes.SetWidths(float32(p.Float(prefLeftWidth)), float32(p.Float(prefRightWidth)))
	e.panes.ShowSides(!p.Bool(prefLeftHidden), !p.Bool(prefRightHidden))
}

func (e *Editor) rememberPanes() {
	p := e.app.Preferences()
	p.SetFloat(prefLeftWidth, float64(e.panes.leftW))
	p.SetFloat(prefRightWidth, float64(e.panes.rightW))
	p.SetBool(prefLeftHidden, !e.panes.leftShown)
	p.SetBool(prefRightHidden, !e.panes.rightShown)
}

// toggleSide hides or shows the palette (left) or the inspector (right).
func (e *Editor) toggleSide(left bool) {
	l, r := e.panes.leftShown, e.panes.rightShown
	if left {
		l = !l
	} else {
		r = !r
	}
	e.panes.ShowSides(l, r)
	e.leftItem.Checked, e.rightItem.Checked = l, r
	if m := e.win.MainMenu(); m != nil {
		m.Refresh()
	}
	e.rememberPanes()
	e.mapView.SetViewport(e.scroll.Offset, e.scroll.Size())
}
