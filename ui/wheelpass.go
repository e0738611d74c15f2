package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// wheelPass lies over a multi-line field that does not have the keyboard.
// Fyne's multi-line entry scrolls its own text with the wheel, so a panel
// of such fields stops scrolling wherever the pointer rests on one. Over
// the field, the wheel scrolls the panel; a click goes through to the
// field, which then has the keyboard, and the wheel, until it is left.
type wheelPass struct {
	widget.BaseWidget
	f     *field
	panel *container.Scroll
}

var (
	_ fyne.Scrollable    = (*wheelPass)(nil)
	_ fyne.Tappable      = (*wheelPass)(nil)
	_ desktop.Mouseable  = (*wheelPass)(nil)
	_ desktop.Cursorable = (*wheelPass)(nil)
)

func newWheelPass(f *field, panel *container.Scroll) *wheelPass {
	w := &wheelPass{f: f, panel: panel}
	w.ExtendBaseWidget(w)
	f.pass = w
	return w
}

func (w *wheelPass) Scrolled(e *fyne.ScrollEvent) { w.panel.Scrolled(e) }

// MouseDown gives the field the keyboard where it was clicked.
func (w *wheelPass) MouseDown(e *desktop.MouseEvent) {
	w.Hide()
	w.f.MouseDown(e)
}

func (w *wheelPass) MouseUp(e *desktop.MouseEvent) { w.f.MouseUp(e) }

func (w *wheelPass) Tapped(e *fyne.PointEvent) {
	w.Hide()
	if c := fyne.CurrentApp().Driver().CanvasForObject(w.f); c != nil && c.Focused() != w.f {
		c.Focus(w.f)
	}
	w.f.Tapped(e)
}

func (w *wheelPass) Cursor() desktop.Cursor { return desktop.TextCursor }

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}
