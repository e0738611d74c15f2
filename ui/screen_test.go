package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"parcours/canvas"
)

// drawnText is a text the window draws, where and how large.
type drawnText struct {
	text string
	at   fyne.Position // absolute, in the window
	size fyne.Size
	px   float32 // text size
}

// drawnTexts walks what the window draws, as its painter does, and lists
// the texts shown.
func drawnTexts(e *Editor) []drawnText {
	var out []drawnText
	var walk func(o fyne.CanvasObject, parent fyne.Position)
	walk = func(o fyne.CanvasObject, parent fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		at := parent.Add(o.Position())
		switch x := o.(type) {
		case *fcanvas.Text:
			out = append(out, drawnText{x.Text, at, x.MinSize(), x.TextSize})
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, at)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, at)
			}
		}
	}
	walk(e.Window().Canvas().Content(), fyne.Position{})
	return out
}

// inMap lists the texts drawn wholly inside the part of the map in sight.
func inMap(e *Editor) []drawnText {
	area := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.scroll)
	size := e.scroll.Size()
	var out []drawnText
	for _, t := range drawnTexts(e) {
		if t.at.X >= area.X && t.at.Y >= area.Y && t.at.X+t.size.Width <= area.X+size.Width+1 && t.at.Y+t.size.Height <= area.Y+size.Height+1 {
			out = append(out, t)
		}
	}
	return out
}

func findDrawn(texts []drawnText, s string) (drawnText, bool) {
	for _, t := range texts {
		if t.text == s {
			return t, true
		}
	}
	return drawnText{}, false
}

func openSampleAt(t *testing.T, size fyne.Size) *Editor {
	t.Helper()
	a := test.NewTempApp(t)
	e := NewEditor(a)
	t.Cleanup(e.Close)
	e.Window().Resize(size)
	if err := e.Open(sampleFile(t)); err != nil {
		t.Fatal(err)
	}
	return e
}

var sampleStages = []string{"Commande", "Suivi", "Livraison", "Après-livraison"}

// Where the journey's width fits with readable titles, it opens whole.
func TestOpeningZoomFitsTheJourneyWhenTitlesStayReadable(t *testing.T) {
	// The window's default size: every stage, readable, with the curve.
	e := openSampleAt(t, fyne.NewSize(1400, 860))
	v := e.View()
	if v.Zoom() >= DefaultZoom {
		t.Fatalf("opened at %v px/mm, not fitted", v.Zoom())
	}
	if w := v.Scene().Width * v.Zoom(); w > float64(e.scroll.Size().Width) {
		t.Errorf("the journey is %v px wide in a %v px view", w, e.scroll.Size().Width)
	}
	texts := inMap(e)
	var last []string
	for _, l := range v.Scene().Cards[len(v.Scene().Cards)-1].Title.Lines {
		if l.Text != "" { // a first line can hold only the card's number
			last = append(last, l.Text)
		}
	}
	if strings.Join(last, " ") != "Remboursement confirmé" {
		t.Fatalf("the last card's title is %q", last)
	}
	for _, name := range append(sampleStages, last...) {
		if _, ok := findDrawn(texts, name); !ok {
			t.Errorf("%q is not drawn in sight", name)
		}
	}
	// Titles at the cards' common size are readable; one with a word too
	// long for its card is set a little smaller.
	size := titleSize(v.Scene())
	for _, c := range v.Scene().Cards {
		if c.Title.Size != size || len(c.Title.Lines) == 0 {
			continue
		}
		for _, l := range c.Title.Lines {
			if d, ok := findDrawn(texts, l.Text); l.Text != "" && (!ok || d.px < minReadablePixels) {
				t.Errorf("title line %q of %s: drawn %v at %v px", l.Text, c.TouchpointID, ok, d.px)
			}
		}
	}
}

// Where titles would be too small to read, it opens at 100 % on the first
// stage: the sample in a window of 900 px.
func TestOpeningZoomFallsBackTo100PercentOnTheFirstStage(t *testing.T) {
	e := openSampleAt(t, fyne.NewSize(900, 700))
	v := e.View()
	v.SetZoom(DefaultZoom * 0.5)
	e.scroll.ScrollToOffset(fyne.NewPos(300, 200))
	if err := e.Open(sampleFile(t)); err != nil {
		t.Fatal(err)
	}
	if v.Zoom() != DefaultZoom || e.scroll.Offset != (fyne.Position{}) {
		t.Fatalf("opened at %v px/mm, scrolled to %v", v.Zoom(), e.scroll.Offset)
	}
	texts := inMap(e)
	if _, ok := findDrawn(texts, "Commande"); !ok {
		t.Error("the first stage's name is not drawn")
	}
	for _, d := range texts {
		if d.px < minReadablePixels && d.text != "" {
			t.Errorf("%q drawn at %v px", d.text, d.px)
		}
	}
	if z := OpeningZoom(v.Scene(), 900); z != DefaultZoom {
		t.Errorf("a %.0f mm journey in 900 px opens at %v", v.Scene().Width, z)
	}
	if z := OpeningZoom(v.Scene(), 4000); z != DefaultZoom {
		t.Errorf("fitting never zooms past 100 %%: %v", z)
	}
	if z := OpeningZoom(v.Scene(), 1200); z >= DefaultZoom || z*v.Scene().Width > 1200 {
		t.Errorf("a %.0f mm journey in 1200 px opens at %v", v.Scene().Width, z)
	}
}

// The stage headers (with their rows of texts) and the lane names stay in
// sight while the map scrolls and zooms, and answer clicks there.
func TestFrozenHeadersStayInSightWhileScrollingAndZooming(t *testing.T) {
	e := openSampleAt(t, fyne.NewSize(1400, 860))
	v := e.View()
	v.SetZoom(DefaultZoom) // the sample opens fitted: at 100 % it scrolls
	area := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.scroll)
	scrollTo := func(x, y float32) {
		e.scroll.ScrollToOffset(fyne.NewPos(x, y))
		e.scroll.OnScrolled(e.scroll.Offset)
	}
	check := func(when string) {
		t.Helper()
		s, z := v.Scene(), float32(v.Zoom())
		texts := inMap(e)
		var names []string
		for _, c := range s.Columns {
			for _, l := range c.Name.Lines {
				if d, ok := findDrawn(texts, l.Text); ok {
					names = append(names, l.Text)
					if d.at.Y > area.Y+float32(s.Grid.Y)*z {
						t.Errorf("%s: stage name %q drawn at y %v, below the frozen headers", when, l.Text, d.at.Y-area.Y)
					}
				}
			}
		}
		if len(names) == 0 {
			t.Errorf("%s: no stage name in sight", when)
		}
		if _, ok := findDrawn(texts, "Customer goals"); !ok {
			t.Errorf("%s: the customer goals row is not in sight", when)
		}
		lanes := 0
		for _, r := range s.Rows {
			for _, l := range r.Name.Lines {
				if d, ok := findDrawn(texts, l.Text); ok {
					lanes++
					if d.at.X > area.X+float32(s.Grid.X)*z {
						t.Errorf("%s: lane name %q drawn at x %v, right of the frozen column", when, l.Text, d.at.X-area.X)
					}
				}
			}
		}
		if lanes == 0 {
			t.Errorf("%s: no lane name in sight", when)
		}
	}
	// Scrolled so that the second stage starts under the lane names.
	s0, z0 := v.Scene(), float32(v.Zoom())
	second := s0.Columns[1].Header
	scrollTo(float32(second.X+0.3*second.W-s0.Grid.X)*z0, 300)
	if e.scroll.Offset.X < 100 || e.scroll.Offset.Y < 250 {
		t.Fatalf("the map did not scroll: %v", e.scroll.Offset)
	}
	check("scrolled")

	// A click on the frozen header row selects the stage drawn there, one
	// on the frozen column the lane.
	s, z := v.Scene(), float32(v.Zoom())
	off := e.scroll.Offset
	// The stage under the frozen column's right edge.
	edge := float64(off.X/z) + s.Grid.X + 1
	under := s.Columns[0]
	for _, c := range s.Columns {
		if c.Header.X <= edge && edge < c.Header.X+c.Header.W {
			under = c
		}
	}
	if under.Header.X*float64(z) >= float64(off.X)+s.Grid.X*float64(z) {
		t.Fatalf("stage %s starts in sight: scroll further for this test", under.StageID)
	}
	// The stage whose start is under the lane names keeps its name in sight.
	if d, ok := findDrawn(inMap(e), under.Name.Lines[0].Text); !ok || d.at.X < area.X+float32(s.Grid.X)*z {
		t.Errorf("the name of stage %s, scrolled under the lane names, is not in sight (%v)", under.StageID, d.at)
	}
	v.Tapped(&fyne.PointEvent{Position: off.Add(fyne.NewPos(float32(s.Grid.X)*z+5, 5))})
	if e.sel.kind != selStage || e.sel.one() != under.StageID {
		t.Errorf("a click on the frozen header selected %v %v, want stage %s", e.sel.kind, e.sel.ids, under.StageID)
	}
	// A double click there edits the name where it is drawn.
	v.DoubleTapped(&fyne.PointEvent{Position: off.Add(fyne.NewPos(float32(s.Grid.X)*z+5, 5))})
	entry := inlineEntryOnTop(t, e)
	if entry.Text != under.Name.Lines[0].Text {
		t.Errorf("editing %q", entry.Text)
	}
	if at := fyne.CurrentApp().Driver().AbsolutePositionForObject(entry); at.X < area.X || at.Y < area.Y || at.X > area.X+e.scroll.Size().Width || at.Y > area.Y+float32(s.Grid.Y)*z {
		t.Errorf("the stage name is edited at %v, out of the frozen header row at %v", at, area)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	v.Tapped(&fyne.PointEvent{Position: off.Add(fyne.NewPos(10, float32(s.Grid.Y)*z+10))})
	if e.sel.kind != selLane {
		t.Errorf("a click on the frozen lane names selected %v %v", e.sel.kind, e.sel.ids)
	}

	// Zooming with ctrl+wheel over the cards keeps them frozen.
	v.mods = fakeMods(fyne.KeyModifierShortcutDefault)
	v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: off.Add(fyne.NewPos(500, 400))}, Scrolled: fyne.NewDelta(0, 10)})
	e.scroll.OnScrolled(e.scroll.Offset)
	if v.Zoom() == float64(z) {
		t.Fatal("ctrl+wheel did not zoom")
	}
	check("zoomed")
}

// A point of the emotion curve dragged up or down sets the emotion,
// snapped to −2…+2, as one step of undo; a click on it selects its card.
func TestDraggingACurvePointSetsTheEmotion(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	pointOf := func(id string) canvas.CurvePoint {
		s := v.Scene()
		i := slices.IndexFunc(s.Curve.Points, func(p canvas.CurvePoint) bool { return p.TouchpointID == id })
		if i < 0 {
			t.Fatalf("no curve point for %s", id)
		}
		return s.Curve.Points[i]
	}
	emotion := func() int { return e.Journey().Touchpoint("t-retour").Emotion }
	if emotion() != -1 {
		t.Fatalf("t-retour starts at %d", emotion())
	}
	e.scrollTo("t-retour")
	p := pointOf("t-retour")
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: px(v, p.X, p.Y+1)}})
	if v.Cursor() != desktop.VResizeCursor {
		t.Errorf("over a point of the curve the pointer is %v", v.Cursor())
	}
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: px(v, p.X+10, p.Y)}})
	if v.Cursor() != desktop.DefaultCursor {
		t.Errorf("beside the curve's points the pointer is %v", v.Cursor())
	}
	v.Tapped(&fyne.PointEvent{Position: px(v, p.X+1, p.Y)})
	if e.sel.kind != selCards || e.sel.one() != "t-retour" {
		t.Fatalf("a click on the curve selected %v %v", e.sel.kind, e.sel.ids)
	}

	// Up one and a half levels, then far above the band: snapped to +2.
	levels := v.Scene().Curve.Levels
	step := levels[3] - levels[2] // one level up: negative
	drag(v, px(v, p.X, p.Y), px(v, p.X+3, p.Y+1.6*step))
	if emotion() != 1 {
		t.Fatalf("dragged up 1.6 levels: emotion %d, want 1", emotion())
	}
	if got := pointOf("t-retour"); got.Y != levels[3] || got.Face.Emotion != 1 {
		t.Errorf("the curve shows %+v", got)
	}
	p = pointOf("t-retour")
	drag(v, px(v, p.X, p.Y), px(v, p.X, p.Y-200))
	if emotion() != 2 {
		t.Fatalf("dragged far up: emotion %d, want 2", emotion())
	}
	if j := reopen(t, path); j.Touchpoint("t-retour").Emotion != 2 {
		t.Errorf("saved emotion %d", j.Touchpoint("t-retour").Emotion)
	}

	// While dragging, the point follows the levels before anything is saved.
	p = pointOf("t-retour")
	from := px(v, p.X, p.Y)
	to := px(v, p.X, levels[0])
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	r := test.WidgetRenderer(v).(*mapRenderer)
	if po := r.points["t-retour"]; po == nil || po.point.Emotion != -2 {
		t.Errorf("while dragged to the bottom, the point shows %+v", po)
	}
	if emotion() != 2 {
		t.Error("the emotion changed before the drop")
	}
	v.DragEnd()
	if emotion() != -2 {
		t.Fatalf("dropped at the bottom: %d", emotion())
	}

	// Each drag was one step of undo.
	press(t, e, &fyne.ShortcutUndo{})
	if emotion() != 2 {
		t.Fatalf("undo gave %d, want 2", emotion())
	}
	press(t, e, &fyne.ShortcutUndo{})
	press(t, e, &fyne.ShortcutUndo{})
	if emotion() != -1 {
		t.Fatalf("three undos gave %d, want -1", emotion())
	}
	if j := reopen(t, path); j.Touchpoint("t-retour").Emotion != -1 {
		t.Errorf("saved emotion after undo %d", j.Touchpoint("t-retour").Emotion)
	}
	// A drag that ends on the same level changes nothing.
	e.Redo()
	p = pointOf("t-retour")
	drag(v, px(v, p.X, p.Y), px(v, p.X+5, p.Y+0.3*step))
	if emotion() != 1 || !e.editor.CanRedo() {
		t.Errorf("a drag within the level changed something: emotion %d, redo lost", emotion())
	}
}

// Presentation mode, from the View menu: full screen, the map alone with
// large text, stage by stage with the arrows, Escape to leave.
func TestPresentationModeStageByStage(t *testing.T) {
	e := openSampleAt(t, fyne.NewSize(1920, 1080))
	c := e.Window().Canvas()
	key := func(k fyne.KeyName) {
		t.Helper()
		// With nothing focused, the window's canvas gets the keys.
		if c.Focused() != nil {
			t.Fatalf("%v has the focus", c.Focused())
		}
		c.OnTypedKey()(&fyne.KeyEvent{Name: k})
	}
	inspector := T("ui.tab.inspector")
	if _, ok := findDrawn(drawnTexts(e), inspector); !ok {
		t.Fatal("the inspector is not shown before presenting")
	}
	var present *fyne.MenuItem
	for _, m := range e.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == T("ui.present") {
				present = it
			}
		}
	}
	if present == nil || present.Shortcut == nil || present.Shortcut.ShortcutName() != (&desktop.CustomShortcut{KeyName: fyne.KeyF5}).ShortcutName() {
		t.Fatalf("no View menu item to present with F5: %+v", present)
	}
	// The desktop driver turns no key without a modifier into a shortcut:
	// F5 reaches the window's canvas as a key.
	key(fyne.KeyF5)
	p := e.presenting
	if p == nil || !e.Window().FullScreen() || e.Window().MainMenu() != nil {
		t.Fatalf("not presenting full screen without menus: %v %v", e.Window().FullScreen(), e.Window().MainMenu())
	}
	texts := drawnTexts(e)
	if _, ok := findDrawn(texts, inspector); ok {
		t.Error("the inspector is still shown")
	}
	if _, ok := findDrawn(texts, e.status.Text); ok && e.status.Text != "" {
		t.Error("the status bar is still shown")
	}

	s := p.view.Scene()
	area := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.scroll)
	size := p.scroll.Size()
	// shown lists the stages and cards drawn in sight and not veiled.
	shown := func() (stages, cards []string) {
		z, off, sp := float32(p.view.Zoom()), p.scroll.Offset, p.view.spotlight
		if sp == nil {
			t.Fatal("no stage in the spotlight")
		}
		left, right := area.X+float32(sp.X)*z-off.X, area.X+float32(sp.X+sp.W)*z-off.X
		for _, d := range drawnTexts(e) {
			if d.at.X < max(area.X, left) || d.at.X+d.size.Width > min(area.X+size.Width, right)+1 || d.at.Y+d.size.Height > area.Y+size.Height+1 {
				continue
			}
			for i, col := range s.Columns {
				if d.text == col.Name.Lines[0].Text {
					stages = append(stages, s.Columns[i].StageID)
				}
			}
			for _, card := range s.Cards {
				if len(card.Title.Lines) > 0 && d.text != "" && d.text == card.Title.Lines[0].Text {
					cards = append(cards, card.TouchpointID)
					if d.px < presentTitlePixels {
						t.Errorf("title %q drawn at %v px", d.text, d.px)
					}
				}
			}
		}
		return stages, cards
	}
	stages, cards := shown()
	if !slices.Equal(stages, []string{"s-commande"}) || !slices.Contains(cards, "t-panier") || slices.Contains(cards, "t-page-suivi") {
		t.Fatalf("first screen shows stages %v, cards %v", stages, cards)
	}
	// The curve's point and the advice of the stage's cards are drawn.
	r := test.WidgetRenderer(p.view).(*mapRenderer)
	if r.points["t-panier"] == nil || r.cards["t-panier"].ring.Visible() == false {
		t.Error("the first card's curve point or advice ring is not drawn")
	}

	key(fyne.KeyRight)
	stages, cards = shown()
	if !slices.Contains(stages, "s-suivi") || slices.Contains(cards, "t-panier") || !slices.Contains(cards, "t-appel-ou") {
		t.Fatalf("after →: stages %v, cards %v", stages, cards)
	}
	if len(r.cards["t-appel-ou"].badges) == 0 {
		t.Error("the markers of a card are not drawn")
	}
	for range 5 {
		key(fyne.KeyRight)
	}
	if stages, _ = shown(); !slices.Contains(stages, "s-apres") {
		t.Errorf("→ past the end shows %v", stages)
	}
	key(fyne.KeyLeft)
	if stages, _ = shown(); !slices.Contains(stages, "s-livraison") {
		t.Errorf("← shows %v", stages)
	}

	key(fyne.KeyEscape)
	if e.presenting != nil || e.Window().FullScreen() || e.Window().MainMenu() == nil {
		t.Fatal("Escape did not leave presentation mode")
	}
	if _, ok := findDrawn(drawnTexts(e), inspector); !ok {
		t.Error("the inspector did not come back")
	}
	// The map's own keys work again.
	key(fyne.KeyRight)
	if e.sel.kind != selCards {
		t.Errorf("→ on the map selects no card after presenting: %v", e.sel)
	}
}
