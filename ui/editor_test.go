package ui

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/sqlite"
)

// sampleFile stores the reference document in a temporary .parcours file.
func sampleFile(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../testdata/livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := model.ReadJSON(bytes.NewReader(data), "livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "livraison.parcours")
	st, err := sqlite.Create(path, doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func newTestEditor(t *testing.T, path string) *Editor {
	t.Helper()
	a := test.NewTempApp(t)
	e := NewEditor(a)
	t.Cleanup(e.Close)
	e.Window().Resize(fyne.NewSize(1600, 1200))
	if err := e.Open(path); err != nil {
		t.Fatal(err)
	}
	return e
}

// drag sends the events a mouse drag produces: positions relative to the
// view, each with the movement since the previous one.
func drag(v *MapView, from, to fyne.Position) {
	const steps = 5
	prev := from
	for i := 1; i <= steps; i++ {
		p := fyne.NewPos(from.X+(to.X-from.X)*float32(i)/steps, from.Y+(to.Y-from.Y)*float32(i)/steps)
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	v.DragEnd()
}

func px(v *MapView, x, y float64) fyne.Position {
	return fyne.NewPos(float32(x*v.Zoom()), float32(y*v.Zoom()))
}

func cardCentre(t *testing.T, v *MapView, id string) fyne.Position {
	t.Helper()
	s := v.Scene()
	i := s.CardIndex(id)
	if i < 0 {
		t.Fatalf("no card %s on screen", id)
	}
	r := s.Cards[i].Rect
	return px(v, r.X+r.W/2, r.Y+r.H/2)
}

func reopen(t *testing.T, path string) *model.Journey {
	t.Helper()
	st, doc, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return doc.Journeys[0]
}

func TestDraggingACardMovesItAndSavesAtOnce(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	s := v.Scene()
	// Drop t-panier right of t-preparation (first card of Suivi), in the
	// customer service lane.
	prep := s.Cards[s.CardIndex("t-preparation")].Rect
	row := s.Rows[4].Rect
	drag(v, cardCentre(t, v, "t-panier"), px(v, prep.X+prep.W*0.8, row.Y+row.H/2))

	tp := e.Document().Journeys[0].Touchpoint("t-panier")
	if tp.Stage != "s-suivi" || tp.Lane != "l-sav" {
		t.Fatalf("t-panier now in %s/%s", tp.Stage, tp.Lane)
	}
	if got := v.Scene().Cards[v.Scene().CardIndex("t-panier")]; s.Columns[got.Column].StageID != "s-suivi" || got.Slot != 1 {
		t.Errorf("screen shows t-panier in column %d slot %d", got.Column, got.Slot)
	}
	e.Close()
	j := reopen(t, path)
	got := j.Touchpoint("t-panier")
	if got.Stage != "s-suivi" || got.Lane != "l-sav" {
		t.Fatalf("after reopening, t-panier is in %s/%s", got.Stage, got.Lane)
	}
	// Timeline: confirmation (Commande) 1, préparation 2, panier 3.
	if got.Order != 3 || j.Touchpoint("t-confirmation").Order != 1 || j.Touchpoint("t-preparation").Order != 2 {
		t.Errorf("orders after move: panier %d, confirmation %d, préparation %d", got.Order,
			j.Touchpoint("t-confirmation").Order, j.Touchpoint("t-preparation").Order)
	}
}

func TestDropOutsideTheGridChangesNothing(t *testing.T) {
	path := sampleFile(t)
	before := fileSum(t, path)
	e := newTestEditor(t, path)
	v := e.View()
	drag(v, cardCentre(t, v, "t-panier"), px(v, 5, 5)) // onto the corner above the lane labels
	if tp := e.Document().Journeys[0].Touchpoint("t-panier"); tp.Stage != "s-commande" || tp.Lane != "l-site" {
		t.Fatalf("t-panier moved to %s/%s", tp.Stage, tp.Lane)
	}
	if e.editor.CanUndo() {
		t.Error("a drop outside the grid was recorded as an edit")
	}
	e.Close()
	if fileSum(t, path) != before {
		t.Error("the file changed")
	}
}

func TestUndoRedoOfAMoveIsSaved(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	s := v.Scene()
	// The far end of the last stage in the last lane reads last: right of
	// the last column of cards and under them.
	last := s.Columns[len(s.Columns)-1].Body
	drag(v, cardCentre(t, v, "t-panier"), px(v, last.X+last.W-1, s.Rows[len(s.Rows)-1].Rect.Y+5))
	if tp := e.Document().Journeys[0].Touchpoint("t-panier"); tp.Stage != "s-apres" || tp.Order != 11 {
		t.Fatalf("t-panier in %s order %d, want last of s-apres", tp.Stage, tp.Order)
	}
	if e.undoItem.Disabled {
		t.Error("Undo is disabled after a move")
	}
	e.Undo()
	if tp := e.Document().Journeys[0].Touchpoint("t-panier"); tp.Stage != "s-commande" || tp.Order != 1 {
		t.Fatalf("after undo t-panier in %s order %d", tp.Stage, tp.Order)
	}
	if !e.undoItem.Disabled || e.redoItem.Disabled {
		t.Error("menus not updated after undo")
	}
	e.Close()
	if tp := reopen(t, path).Touchpoint("t-panier"); tp.Stage != "s-commande" || tp.Order != 1 {
		t.Fatalf("undo not saved: %s order %d", tp.Stage, tp.Order)
	}
}

func TestSecondWindowOpensReadOnlyAndSavesNothing(t *testing.T) {
	path := sampleFile(t)
	first := newTestEditor(t, path)
	second := newTestEditor(t, path)
	if ro, _ := first.Store().ReadOnly(); ro {
		t.Fatal("the first window is read-only")
	}
	ro, why := second.Store().ReadOnly()
	if !ro || why == "" || !second.banner.Visible() {
		t.Fatalf("second window: read-only %v, reason %q, banner %v", ro, why, second.banner.Visible())
	}
	first.Close()
	before := fileSum(t, path)
	v := second.View()
	s := v.Scene()
	// The far end of the last stage in the last lane reads last: right of
	// the last column of cards and under them.
	last := s.Columns[len(s.Columns)-1].Body
	drag(v, cardCentre(t, v, "t-panier"), px(v, last.X+last.W-1, s.Rows[len(s.Rows)-1].Rect.Y+5))
	if tp := second.Document().Journeys[0].Touchpoint("t-panier"); tp.Stage != "s-commande" {
		t.Errorf("a read-only window shows an unsaved move to %s", tp.Stage)
	}
	if second.status.Text != "" && bytes.Contains([]byte(second.status.Text), []byte("Saved")) {
		t.Errorf("status claims a save: %q", second.status.Text)
	}
	second.Close()
	if fileSum(t, path) != before {
		t.Error("a read-only window changed the file")
	}
}

func TestCardsOutOfSightAreNotDrawn(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	e.Window().Resize(fyne.NewSize(400, 400))
	v.SetViewport(fyne.NewPos(0, 0), fyne.NewSize(300, 300))
	r := test.WidgetRenderer(v).(*mapRenderer)
	drawn := map[fyne.CanvasObject]bool{}
	for _, o := range r.Objects() {
		drawn[o] = true
	}
	visible := 0
	for _, c := range v.Scene().Cards {
		inView := c.Rect.X*v.Zoom() < 300+canvas.SlotWidth*v.Zoom() && c.Rect.Y*v.Zoom() < 300+canvas.SlotWidth*v.Zoom()
		co := r.cards[c.TouchpointID]
		if (co != nil && drawn[co.box]) != inView {
			t.Errorf("card %s drawn=%v, in view=%v", c.TouchpointID, co != nil && drawn[co.box], inView)
		}
		if inView {
			visible++
		}
	}
	if visible == 0 || visible == len(v.Scene().Cards) {
		t.Errorf("%d of %d cards drawn", visible, len(v.Scene().Cards))
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// press does what Fyne's desktop driver does with a shortcut
// (internal/driver/glfw/window.go, triggersShortcut): the main menu item
// that carries it runs first, disabled or not; else the focused widget
// gets it when it takes shortcuts; else the canvas's own shortcuts.
func press(t *testing.T, e *Editor, sc fyne.Shortcut) {
	t.Helper()
	for _, m := range e.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return
			}
		}
	}
	c := e.Window().Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	h, ok := c.(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatalf("no menu item for %s", sc.ShortcutName())
	}
	h.TypedShortcut(sc)
}

// key does what the desktop driver does with a key that is no shortcut:
// the focused widget gets it, else the window.
func key(e *Editor, name fyne.KeyName) {
	c := e.Window().Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestUndoShortcuts(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	s := v.Scene()
	// The far end of the last stage in the last lane reads last: right of
	// the last column of cards and under them.
	last := s.Columns[len(s.Columns)-1].Body
	drag(v, cardCentre(t, v, "t-panier"), px(v, last.X+last.W-1, s.Rows[len(s.Rows)-1].Rect.Y+5))
	stage := func() string { return e.Document().Journeys[0].Touchpoint("t-panier").Stage }
	press(t, e, &fyne.ShortcutUndo{})
	if stage() != "s-commande" {
		t.Fatalf("ctrl+Z left t-panier in %s", stage())
	}
	press(t, e, &fyne.ShortcutRedo{})
	if stage() != "s-apres" {
		t.Fatalf("ctrl+Y left t-panier in %s", stage())
	}
}

func TestDocumentThatDisappearsWhileOpenGivesAClearMessage(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	err := e.setTouchpointText("t-panier", "title", "Nouveau titre")
	if err == nil {
		t.Fatal("an edit of a deleted document claimed to be saved")
	}
	if strings.Contains(err.Error(), "sqlite3") || !strings.Contains(err.Error(), "livraison.parcours") {
		t.Errorf("message %q: want plain words naming the file", err)
	}
	if got := e.Journey().Touchpoint("t-panier").Title; got != "Choix du créneau au panier" {
		t.Errorf("the screen shows %q, which was not saved", got)
	}
	if top := e.Window().Canvas().Overlays().Top(); top == nil {
		t.Error("no error shown to the user")
	}
	if strings.Contains(e.status.Text, "Saved") {
		t.Errorf("status says %q", e.status.Text)
	}
}
