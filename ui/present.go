package ui

import (
	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"slices"

	"parcours/canvas"
)

// Presentation mode shows the journey on a workshop's projector: the
// window full screen, without menus, panels or status bar, the map alone,
// one stage at a time and as large as the screen allows, with its cards,
// markers, advice and emotion curve; the other stages are veiled. ← and →
// (also Page Up / Page Down and the space bar, as a presenter's remote
// sends them) go from stage to stage, and across a stage too wide for one
// screen; ↑ and ↓ scroll a map taller than the screen; Escape leaves.

// presentTitlePixels is the size (pixels) a card title is given at least
// on the projector, when the screen's height allows it: a stage too wide
// for the screen is then shown a screenful at a time.
const presentTitlePixels = 14.0

// presentation is the state of presentation mode; leave puts the window
// back as it was.
type presentation struct {
	e      *Editor
	view   *MapView
	scroll *container.Scroll
	hint   *fcanvas.Text
	stage  int
	leave  func()
}

// Present starts presentation mode on the journey on screen, at the stage
// of the selection (the first stage when nothing is selected).
func (e *Editor) Present() {
	s := e.mapView.Scene()
	if s == nil || len(s.Columns) == 0 || e.presenting != nil {
		return
	}
	p := &presentation{e: e, view: NewMapView(), hint: fcanvas.NewText("", rgb(canvas.MutedInk))}
	// Its own cards: the editor's Layouter writes over the cards of a
	// scene two layouts old, and the presentation keeps this one.
	own := *s
	own.Cards = slices.Clone(s.Cards)
	p.view.SetScene(&own)
	p.scroll = container.NewScroll(p.view)
	p.scroll.OnScrolled = func(off fyne.Position) { p.view.SetViewport(off, p.scroll.Size()) }
	sized := watchSize(p.scroll, func(size fyne.Size) {
		p.view.SetViewport(p.scroll.Offset, size)
		p.show(p.stage)
	})
	p.hint.TextSize = 14
	hintBox := container.NewStack(fcanvas.NewRectangle(rgb(canvas.Paper)), container.NewPadded(p.hint))
	content := container.NewStack(sized, container.NewVBox(layout.NewSpacer(), container.NewHBox(layout.NewSpacer(), hintBox)))

	c := e.win.Canvas()
	onKey, body, menu, full := c.OnTypedKey(), e.body.Objects, e.win.MainMenu(), e.win.FullScreen()
	statusShown := e.status.Visible()
	p.leave = func() {
		e.presenting = nil
		c.SetOnTypedKey(onKey)
		e.body.Objects = body
		e.body.Refresh()
		e.win.SetMainMenu(menu)
		e.win.SetFullScreen(full)
		if statusShown {
			e.status.Show()
		}
	}
	e.presenting = p
	c.Unfocus()
	c.SetOnTypedKey(p.typedKey)
	e.body.Objects = []fyne.CanvasObject{content}
	e.body.Refresh()
	e.status.Hide()
	e.win.SetMainMenu(nil)
	e.win.SetFullScreen(true)

	start := 0
	if e.sel.kind == selCards {
		if i := s.CardIndex(e.sel.ids[0]); i >= 0 {
			start = s.Cards[i].Column
		}
	} else if e.sel.kind == selStage {
		for i, col := range s.Columns {
			if col.StageID == e.sel.one() {
				start = i
			}
		}
	}
	p.show(start)
}

// StopPresenting leaves presentation mode.
func (e *Editor) StopPresenting() {
	if e.presenting != nil {
		e.presenting.leave()
	}
}

func (p *presentation) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		p.leave()
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeySpace:
		p.step(1)
	case fyne.KeyLeft, fyne.KeyPageUp:
		p.step(-1)
	case fyne.KeyDown, fyne.KeyUp:
		d := p.scroll.Size().Height / 3
		if k.Name == fyne.KeyUp {
			d = -d
		}
		p.scroll.ScrollToOffset(p.scroll.Offset.Add(fyne.NewPos(0, d)))
		p.view.SetViewport(p.scroll.Offset, p.scroll.Size())
	case fyne.KeyHome:
		p.show(0)
	case fyne.KeyEnd:
		p.show(len(p.view.Scene().Columns) - 1)
	}
}

// zoomFor is the zoom that shows stage i as large as the screen allows:
// the stage's width with the lane names, and no more than the whole height
// down to the emotion curve, unless its card titles would then be smaller
// than presentTitlePixels: then the map scrolls (↑ ↓ and the wheel) and a
// stage too wide for the screen is shown a screenful at a time.
func (p *presentation) zoomFor(i int) float64 {
	s, size := p.view.Scene(), p.scroll.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return p.view.Zoom()
	}
	col := s.Columns[i].Header
	fitW := float64(size.Width) / (s.Grid.X + col.W)
	fitH := float64(size.Height) / (s.Curve.Rect.Y + s.Curve.Rect.H)
	readable := presentTitlePixels / (titleSize(s) * canvas.PtToMM)
	z := max(min(fitW, max(fitH, readable)), readable)
	return max(MinZoom, min(MaxZoom, z))
}

// show puts stage i at the left of the screen, after the lane names.
func (p *presentation) show(i int) {
	s := p.view.Scene()
	i = max(0, min(len(s.Columns)-1, i))
	p.stage = i
	p.view.SetZoom(p.zoomFor(i))
	p.scroll.Refresh()
	z := float32(p.view.Zoom())
	p.scroll.ScrollToOffset(fyne.NewPos(float32(s.Columns[i].Header.X-s.Grid.X)*z, p.scroll.Offset.Y))
	spot := s.Columns[i].Header
	p.view.SetSpotlight(&spot)
	p.view.SetViewport(p.scroll.Offset, p.scroll.Size())
	p.hint.Text = T("ui.present_hint", stageName(s, i), i+1, len(s.Columns))
	p.hint.Refresh()
}

// step goes a screenful across the stage on screen, or to the next (or
// previous) stage when its edge is in sight.
func (p *presentation) step(by int) {
	s, z := p.view.Scene(), float32(p.view.Zoom())
	col := s.Columns[p.stage].Header
	off, size := p.scroll.Offset, p.scroll.Size()
	// What the lane names leave of the screen, less a margin that stays
	// in sight from one screenful to the next.
	page := (size.Width - float32(s.Grid.X)*z) * 0.9
	start := float32(col.X-s.Grid.X) * z
	end := float32(col.X+col.W)*z - size.Width
	switch {
	case by > 0 && off.X < end-1:
		p.scroll.ScrollToOffset(fyne.NewPos(min(off.X+page, end), off.Y))
		p.view.SetViewport(p.scroll.Offset, size)
	case by < 0 && off.X > start+1:
		p.scroll.ScrollToOffset(fyne.NewPos(max(off.X-page, start), off.Y))
		p.view.SetViewport(p.scroll.Offset, size)
	case p.stage+by >= 0 && p.stage+by < len(s.Columns):
		p.show(p.stage + by)
	}
}

// stageName is stage i's name as the map shows it.
func stageName(s *canvas.Scene, i int) string {
	name := ""
	for k, l := range s.Columns[i].Name.Lines {
		if k > 0 {
			name += " "
		}
		name += l.Text
	}
	return name
}
