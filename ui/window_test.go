package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/sqlite"
)

// focusTitle puts the keyboard in the inspector's title field of the
// selected card, as a click in it does.
func focusTitle(t *testing.T, e *Editor) *field {
	t.Helper()
	f := e.inspector.touchpoint.title
	click(f)
	if e.Window().Canvas().Focused() != f {
		t.Fatal("clicking the title field did not give it the keyboard")
	}
	return f
}

// click does what the desktop driver does with a click: mouse down and up
// (an entry takes the keyboard on mouse down), then the tap.
func click(o fyne.Tappable) {
	if m, ok := o.(desktop.Mouseable); ok {
		ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary, PointEvent: fyne.PointEvent{Position: fyne.NewPos(2, 2)}}
		m.MouseDown(ev)
		m.MouseUp(ev)
	}
	test.Tap(o)
}

// With the keyboard in a text field, the editing shortcuts edit the text:
// nothing happens to the map, and what is typed is saved to the card it
// was typed for.
func TestEditingShortcutsStayInTheFocusedField(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	selectCard(t, e, "t-panier")
	f := focusTitle(t, e)
	cards := len(e.Journey().Touchpoints)
	canUndo := e.editor.CanUndo()

	press(t, e, &fyne.ShortcutSelectAll{})
	if f.SelectedText() != "Choix du créneau au panier" {
		t.Fatalf("ctrl+A selected %q in the field", f.SelectedText())
	}
	if e.sel.kind != selCards || len(e.sel.ids) != 1 {
		t.Fatalf("ctrl+A in a field changed the map's selection: %+v", e.sel)
	}
	press(t, e, &fyne.ShortcutCopy{})
	if got := e.app.Clipboard().Content(); got != "Choix du créneau au panier" {
		t.Fatalf("ctrl+C in a field copied %q", got)
	}
	test.Type(f, "Créneau ✓")
	if f.Text != "Créneau ✓" {
		t.Fatalf("typing over the selection gave %q", f.Text)
	}
	for i := 0; i < 10 && f.Text != "Choix du créneau au panier"; i++ {
		press(t, e, &fyne.ShortcutUndo{})
	}
	if f.Text != "Choix du créneau au panier" {
		t.Fatalf("ctrl+Z in the field gave %q", f.Text)
	}
	if e.editor.CanUndo() != canUndo || e.Journey().Touchpoint("t-panier") == nil {
		t.Fatal("ctrl+Z in a field undid a map edit")
	}
	press(t, e, &fyne.ShortcutPaste{})
	if len(e.Journey().Touchpoints) != cards {
		t.Fatal("ctrl+V in a field pasted a card")
	}
	press(t, e, &fyne.ShortcutSelectAll{})
	test.Type(f, "Choix du créneau 📦")
	// Leaving the field by clicking another card saves the text to the
	// card it was typed for.
	selectCard(t, e, "t-confirmation")
	if got := e.Journey().Touchpoint("t-panier").Title; got != "Choix du créneau 📦" {
		t.Fatalf("t-panier's title is %q after leaving the field", got)
	}
	if got := e.Journey().Touchpoint("t-confirmation").Title; got != "E-mail de confirmation" {
		t.Fatalf("the text went to the next card: %q", got)
	}
	e.Close()
	if reopen(t, path).Touchpoint("t-panier").Title != "Choix du créneau 📦" {
		t.Error("the typed title was not saved")
	}
}

// With the keyboard on the map, the same shortcuts act on the cards.
func TestEditingShortcutsActOnTheMapWhenNoFieldHasFocus(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	selectCard(t, e, "t-panier")
	press(t, e, &fyne.ShortcutSelectAll{})
	if len(e.sel.ids) != 11 {
		t.Fatalf("ctrl+A on the map selected %d cards", len(e.sel.ids))
	}
	selectCard(t, e, "t-panier")
	press(t, e, &fyne.ShortcutCopy{})
	if !strings.Contains(e.app.Clipboard().Content(), "t-panier") {
		t.Fatal("ctrl+C on the map did not copy the card")
	}
	press(t, e, &fyne.ShortcutPaste{})
	if n := len(e.Journey().Touchpoints); n != 12 {
		t.Fatalf("ctrl+V on the map: %d cards", n)
	}
	press(t, e, &fyne.ShortcutUndo{})
	if n := len(e.Journey().Touchpoints); n != 11 {
		t.Fatalf("ctrl+Z on the map: %d cards", n)
	}
	// Map keys with a field focused go to the field.
	selectCard(t, e, "t-panier")
	f := focusTitle(t, e)
	press(t, e, shortcut(fyne.KeyD, 0))
	key(e, fyne.KeyDelete)
	if n := len(e.Journey().Touchpoints); n != 11 {
		t.Fatalf("ctrl+D or Delete in a field changed the map: %d cards", n)
	}
	if e.Window().Canvas().Focused() != f {
		t.Error("the field lost the keyboard")
	}
}

// Every dialog closes with Escape, where the keyboard is, and no dialog
// opens behind another.
func TestEscapeClosesEveryDialogAndDialogsDoNotStack(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	e.app.Preferences().SetStringList(prefRecent, []string{e.Store().Path()})
	open := map[string]func(){
		"shortcuts":   func() { press(t, e, shortcut(fyne.KeySlash, 0)) },
		"about":       func() { press(t, e, shortcut(fyne.KeyA, fyne.KeyModifierShift)) },
		"new":         func() { press(t, e, shortcut(fyne.KeyN, 0)) },
		"open":        func() { press(t, e, shortcut(fyne.KeyO, 0)) },
		"recent":      func() { press(t, e, shortcut(fyne.KeyO, fyne.KeyModifierShift)) },
		"save as":     func() { press(t, e, shortcut(fyne.KeyS, fyne.KeyModifierShift)) },
		"language":    func() { press(t, e, shortcut(fyne.KeyU, fyne.KeyModifierShift)) },
		"export":      func() { press(t, e, shortcut(fyne.KeyE, 0)) },
		"survey":      func() { press(t, e, shortcut(fyne.KeyI, 0)) },
		"rename":      func() { press(t, e, shortcut(fyne.KeyR, fyne.KeyModifierShift)) },
		"delete":      func() { press(t, e, shortcut(fyne.KeyDelete, fyne.KeyModifierShift)) },
		"compare":     func() { press(t, e, shortcut(fyne.KeyK, 0)) },
		"opportunity": func() { selectCard(t, e, "t-panier"); e.editOpportunity("", []string{"t-panier"}) },
	}
	for name, show := range open {
		show()
		c := e.Window().Canvas()
		if !e.dialogOpen() {
			t.Errorf("%s: no dialog", name)
			continue
		}
		overlays := len(c.Overlays().List())
		press(t, e, shortcut(fyne.KeyE, 0))
		press(t, e, shortcut(fyne.KeySlash, 0))
		if n := len(c.Overlays().List()); n != overlays {
			t.Errorf("%s: a shortcut opened a dialog on top (%d overlays, was %d)", name, n, overlays)
		}
		if _, fyneOwn := c.Focused().(*widget.Entry); fyneOwn && name == "save as" {
			// Fyne's file chooser gives its name field the keyboard, and a
			// plain Entry ignores Escape: the field is Fyne's, not ours to
			// change. Its Cancel button closes it; Escape does once the
			// pointer has left the field.
			c.Unfocus()
		}
		key(e, fyne.KeyEscape)
		if e.dialogOpen() {
			t.Errorf("%s: still open after Escape (focus on %T)", name, c.Focused())
			for e.cancelDialog() {
			}
		}
	}
	if e.Journey() == nil || len(e.Journey().Touchpoints) != 11 {
		t.Error("cancelling the dialogs changed the document")
	}
}

// The rename dialog selects the title; typing replaces it, Enter keeps it.
func TestRenameJourneyDialogByKeyboard(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	press(t, e, shortcut(fyne.KeyR, fyne.KeyModifierShift))
	entry, ok := e.Window().Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("focus on %T", e.Window().Canvas().Focused())
	}
	if entry.SelectedText() != e.Journey().Title {
		t.Fatalf("selected %q", entry.SelectedText())
	}
	test.Type(entry, "Livraison — été 2027")
	key(e, fyne.KeyReturn)
	if e.dialogOpen() || e.Journey().Title != "Livraison — été 2027" {
		t.Fatalf("after Enter: open %v, title %q", e.dialogOpen(), e.Journey().Title)
	}
}

// fileDialog is the file chooser on top, its name field and buttons.
func saveInDialog(t *testing.T, e *Editor, name string) {
	t.Helper()
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file chooser")
	}
	var save *widget.Button
	var entry *widget.Entry
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == "Save" {
				save = x
			}
		case *widget.Entry:
			if x.PlaceHolder != "" && !x.MultiLine {
				entry = x
			}
		}
	}
	if save == nil || entry == nil {
		t.Fatal("no name field or Save button in the file chooser")
	}
	if e.Window().Canvas().Focused() != entry {
		t.Error("the file name field does not have the keyboard")
	}
	press(t, e, &fyne.ShortcutSelectAll{})
	test.Type(entry, name)
	test.Tap(save)
}

// tapButton taps the button labelled text in the dialog on top.
func tapButton(t *testing.T, e *Editor, text string) {
	t.Helper()
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button", text)
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// File → Export… as a user does it: the dialog, its button, the file
// chooser in the document's folder with the document's name, Save; for
// PDF, PNG, SVG and tiled PDF. The window stays up and says where the file
// went.
func TestExportThroughTheDialogs(t *testing.T) {
	path := sampleFile(t)
	dir := filepath.Dir(path)
	e := newTestEditor(t, path)
	for _, c := range []struct{ format, tile, file, magic string }{
		{"PDF", "", "poster.pdf", "%PDF"},
		{"PNG", "", "poster.png", "\x89PNG"},
		{"SVG", "", "poster.svg", "<?xml"},
		{"PDF", "A4", "tiles.pdf", "%PDF"},
	} {
		press(t, e, shortcut(fyne.KeyE, 0))
		f := exportDialog(t, e)
		f.format.SetSelected(c.format)
		if c.tile != "" {
			f.tile.SetSelected(c.tile)
		}
		tapButton(t, e, T("ui.export.go"))
		top := e.Window().Canvas().Overlays().Top()
		var name *widget.Entry
		for _, o := range test.LaidOutObjects(top) {
			if x, ok := o.(*widget.Entry); ok && x.PlaceHolder != "" {
				name = x
			}
		}
		if name == nil || name.Text != "livraison."+strings.ToLower(c.format) {
			t.Fatalf("%s: the file chooser proposes %v", c.file, name)
		}
		saveInDialog(t, e, c.file)
		out := filepath.Join(dir, c.file)
		waitFor(t, c.file, func() bool { return strings.Contains(e.status.Text, out) })
		b, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(b), c.magic) {
			t.Fatalf("%s: %v, starts %q", c.file, err, b[:min(len(b), 8)])
		}
		if e.dialogOpen() {
			var texts []string
			for _, o := range test.LaidOutObjects(e.Window().Canvas().Overlays().Top()) {
				if l, ok := o.(*widget.Label); ok {
					texts = append(texts, l.Text)
				}
			}
			t.Fatalf("%s: a dialog stayed open: %v", c.file, texts)
		}
	}
	// The next export starts with the choices made last for this document.
	f := e.showExport()
	if f.format.Selected != "PDF" || f.tile.Selected != "A4" {
		t.Errorf("export dialog did not remember: %s, tiles %s", f.format.Selected, f.tile.Selected)
	}
	e.cancelDialog()
}

// A cancelled export leaves no file and the window up.
func TestExportCancelledFromTheProgressDialog(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	press(t, e, shortcut(fyne.KeyE, 0))
	tapButton(t, e, T("ui.export.go"))
	// Escape in the file chooser's name field is the field's; its Cancel
	// button closes it.
	tapButton(t, e, "Cancel")
	if e.dialogOpen() {
		t.Fatal("the file chooser stayed open")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, x := range entries {
		if x.Name() != "livraison.parcours" {
			t.Errorf("left %s behind", x.Name())
		}
	}
}

// Deleting a card linked to opportunities asks first, naming them; one
// undo brings back the card and the links.
func TestDeleteLinkedCardAsksThenUndoRestoresLinks(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	selectCard(t, e, "t-page-suivi")
	e.sel = e.sel.toggled("t-appel-ou")
	e.showSelection()
	key(e, fyne.KeyDelete)
	d, ok := e.dialogs[len(e.dialogs)-1].(*dialog.ConfirmDialog)
	if !ok || len(e.dialogs) != 1 {
		t.Fatalf("no question before deleting linked cards: %v", e.dialogs)
	}
	var text string
	for _, o := range test.LaidOutObjects(e.Window().Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text + "\n"
		}
	}
	if !strings.Contains(text, "Suivi en temps réel via l'API transporteur") || !strings.Contains(text, T("ui.unlinks_last")) {
		t.Fatalf("the question does not name the opportunity left without card:\n%s", text)
	}
	d.Confirm()
	j := e.Journey()
	if j.Touchpoint("t-page-suivi") != nil || len(j.Opportunity("o-suivi-temps-reel").Touchpoints) != 0 {
		t.Fatal("not deleted")
	}
	press(t, e, &fyne.ShortcutUndo{})
	j = e.Journey()
	if j.Touchpoint("t-page-suivi") == nil || j.Touchpoint("t-appel-ou") == nil {
		t.Fatal("undo did not bring the cards back")
	}
	if got := j.Opportunity("o-suivi-temps-reel").Touchpoints; len(got) != 2 {
		t.Fatalf("undo left the opportunity with %v", got)
	}
	e.Close()
	if got := reopen(t, path).Opportunity("o-suivi-temps-reel").Touchpoints; len(got) != 2 {
		t.Fatalf("the links were not saved back: %v", got)
	}
	// A card with no opportunity goes without a question.
	e = newTestEditor(t, path)
	selectCard(t, e, "t-confirmation")
	key(e, fyne.KeyDelete)
	if e.dialogOpen() || e.Journey().Touchpoint("t-confirmation") != nil {
		t.Error("a card without opportunity was not deleted at once")
	}
}

// Dragging a group by any of its cards keeps the cards' order on the
// timeline and their lanes relative to each other.
func TestGroupDragKeepsOrderAndLanesWhicheverCardIsGrabbed(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	v := e.View()
	selectCard(t, e, "t-panier")                     // Site, order 1
	e.selectHit(hitOf(t, v, "t-confirmation"), true) // CRM, order 2
	if len(e.sel.ids) != 2 {
		t.Fatalf("selection %v", e.sel.ids)
	}
	// Grab the second card and drop it in stage Après, lane Entrepôt.
	s := v.Scene()
	col, row := s.Columns[3], s.Rows[2]
	drag(v, cardCentre(t, v, "t-confirmation"), px(v, col.Body.X+col.Body.W-2, row.Rect.Y+row.Rect.H/2))
	j := e.Journey()
	a, b := j.Touchpoint("t-panier"), j.Touchpoint("t-confirmation")
	if a.Stage != "s-apres" || b.Stage != "s-apres" {
		t.Fatalf("stages %s %s", a.Stage, b.Stage)
	}
	if a.Order > b.Order {
		t.Errorf("order reversed: t-panier %d, t-confirmation %d", a.Order, b.Order)
	}
	if b.Lane != "l-entrepot" || a.Lane != "l-crm" {
		t.Errorf("lanes: grabbed in %s (want l-entrepot), other in %s (want l-crm, one above)", b.Lane, a.Lane)
	}
}

// A very long title wraps in the panels; the map keeps its width.
func TestLongTitleDoesNotWidenThePanels(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	e.Window().Resize(fyne.NewSize(1400, 860))
	before := e.scroll.Size().Width
	if before < 0.7*1400 {
		t.Errorf("the map has %v px of a 1400 px window, want at least 70 %%", before)
	}
	long := strings.Repeat("Recevoir sa commande ", 25) // 525 characters
	e.setJourneyTitle(long)
	selectCard(t, e, "t-panier")
	e.setTouchpointText("t-panier", "title", long)
	for _, tab := range []string{"ui.tab.inspector", "ui.tab.insights", "ui.tab.plan"} {
		e.rightTabs.SelectIndex(tabIndex(e, tab))
		e.Window().Content().Refresh()
		if got := e.scroll.Size().Width; got != before {
			t.Errorf("%s: the map went from %v to %v px with a 525-character title", T(tab), before, got)
		}
	}
	e.toggleSide(true)
	e.toggleSide(false)
	if got := e.scroll.Size().Width; got < 1400-2*dividerWidth-1 {
		t.Errorf("with both panels hidden the map has %v px", got)
	}
	if !e.app.Preferences().Bool(prefLeftHidden) || !e.app.Preferences().Bool(prefRightHidden) {
		t.Error("hidden panels not remembered")
	}
}

func hitOf(t *testing.T, v *MapView, id string) canvas.Hit {
	t.Helper()
	i := v.Scene().CardIndex(id)
	if i < 0 {
		t.Fatalf("no card %s", id)
	}
	return canvas.Hit{Kind: canvas.HitCard, Index: i}
}

func tabIndex(e *Editor, key string) int {
	for i, it := range e.rightTabs.Items {
		if it.Text == T(key) {
			return i
		}
	}
	return 0
}

// Each document reopens as it was left; another document starts afresh.
func TestWindowStateIsRememberedPerDocument(t *testing.T) {
	path := sampleFile(t)
	a := test.NewTempApp(t)
	e := NewEditor(a)
	e.Window().Resize(fyne.NewSize(1400, 860))
	if err := e.Open(path); err != nil {
		t.Fatal(err)
	}
	e.mapView.SetZoom(DefaultZoom * ZoomStep)
	e.ShowJourney("j-cible")
	e.scroll.ScrollToOffset(fyne.NewPos(120, 40))
	e.Close()

	other := filepath.Join(t.TempDir(), "autre.parcours")
	if err := e.New("blank", "fr", other); err != nil {
		t.Fatal(err)
	}
	if want := OpeningZoom(e.mapView.Scene(), e.scroll.Size().Width); e.mapView.Zoom() != want {
		t.Errorf("a new document opened at zoom %v, not its opening zoom %v", e.mapView.Zoom(), want)
	}
	e.Close()
	if err := e.Open(path); err != nil {
		t.Fatal(err)
	}
	if e.journey != "j-cible" || e.mapView.Zoom() != DefaultZoom*ZoomStep {
		t.Errorf("reopened on %s at zoom %v", e.journey, e.mapView.Zoom())
	}
	if off := e.scroll.Offset; off.X != 120 || off.Y != 40 {
		t.Errorf("reopened scrolled to %v", off)
	}
	e.Close()
}

// F2 on a card puts its whole title in an entry, selected.
func TestRenameInPlaceSelectsTheWholeName(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	selectCard(t, e, "t-panier")
	key(e, fyne.KeyF2)
	entry, ok := e.Window().Canvas().Focused().(*inlineEntry)
	if !ok || entry.SelectedText() != "Choix du créneau au panier" {
		t.Fatalf("F2: focus %T, selected %v", e.Window().Canvas().Focused(), entry)
	}
	test.Type(entry, "Créneau")
	key(e, fyne.KeyReturn)
	if got := e.Journey().Touchpoint("t-panier").Title; got != "Créneau" {
		t.Errorf("title %q", got)
	}
}

// The action plan's export says it exported the plan.
func TestPlanExportStatus(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	e.askExportPlan()
	saveInDialog(t, e, "plan.xlsx")
	out := filepath.Join(filepath.Dir(path), "plan.xlsx")
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	if e.status.Text != T("ui.plan_exported", out) {
		t.Errorf("status %q", e.status.Text)
	}
}

// The wheel over a multi-line field scrolls the inspector, until the
// field is clicked; a new selection starts at the top of the panel.
func TestWheelOverMultiLineFieldsScrollsThePanel(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	e.Window().Resize(fyne.NewSize(1400, 860))
	selectCard(t, e, "t-panier")
	f := e.inspector.touchpoint.description
	c := e.Window().Canvas()
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(f).Add(fyne.NewPos(20, 20))
	test.Scroll(c, at, 0, -120)
	if y := e.inspector.scroll.Offset.Y; y <= 0 {
		t.Fatalf("the wheel over the description did not scroll the panel (offset %v)", y)
	}
	// Clicked, the field has the keyboard and its own wheel.
	at = d.AbsolutePositionForObject(f).Add(fyne.NewPos(20, 20))
	test.TapCanvas(c, at)
	if c.Focused() != f {
		t.Fatalf("clicking the description gave the keyboard to %T", c.Focused())
	}
	before := e.inspector.scroll.Offset.Y
	test.Scroll(c, at, 0, -120)
	if e.inspector.scroll.Offset.Y != before {
		t.Error("with the keyboard in the field, the wheel still scrolled the panel")
	}
	selectCard(t, e, "t-confirmation")
	if y := e.inspector.scroll.Offset.Y; y != 0 {
		t.Errorf("a new selection shows the panel scrolled at %v", y)
	}
}

// Each menu item, reached by its shortcut as a user does, does its job
// and leaves the window working. (The items that open a dialog are in
// TestEscapeClosesEveryDialogAndDialogsDoNotStack.)
func TestEveryMenuItemDoesItsJob(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	j := func() int { return len(e.Journey().Touchpoints) }
	z0 := e.mapView.Zoom()
	steps := []struct {
		name string
		keys fyne.Shortcut
		ok   func() bool
	}{
		{"save", shortcut(fyne.KeyS, 0), func() bool { return strings.Contains(e.status.Text, "livraison.parcours") }},
		{"select all", &fyne.ShortcutSelectAll{}, func() bool { return len(e.sel.ids) == 11 }},
		{"duplicate", shortcut(fyne.KeyD, 0), func() bool { return j() == 22 && len(e.sel.ids) == 11 }},
		{"undo", &fyne.ShortcutUndo{}, func() bool { return j() == 11 }},
		{"redo", &fyne.ShortcutRedo{}, func() bool { return j() == 22 }},
		{"undo again", &fyne.ShortcutUndo{}, func() bool { return j() == 11 }},
		{"select all again", &fyne.ShortcutSelectAll{}, func() bool { return len(e.sel.ids) == 11 }},
		// The cards carry opportunities: cutting them asks first; Enter
		// answers yes.
		{"cut", &fyne.ShortcutCut{}, func() bool { return e.dialogOpen() && strings.Contains(e.app.Clipboard().Content(), "t-panier") }},
		{"enter", nil, func() bool { return j() == 0 }},
		{"paste", &fyne.ShortcutPaste{}, func() bool { return j() == 11 }},
		{"copy", &fyne.ShortcutCopy{}, func() bool { return strings.Contains(e.app.Clipboard().Content(), "parcours/v1") }},
		{"zoom in", shortcut(fyne.KeyEqual, 0), func() bool { return e.mapView.Zoom() == z0*ZoomStep }},
		{"zoom out", shortcut(fyne.KeyMinus, 0), func() bool { return e.mapView.Zoom() == z0 }},
		{"fit", shortcut(fyne.Key9, 0), func() bool { return e.mapView.Zoom() < DefaultZoom }},
		{"zoom 100 %", shortcut(fyne.Key0, 0), func() bool { return e.mapView.Zoom() == DefaultZoom }},
		{"macro", shortcut(fyne.KeyM, fyne.KeyModifierShift), func() bool { return e.view == 1 }},
		{"micro", shortcut(fyne.KeyM, 0), func() bool { return e.view == 0 }},
		{"hide palette", shortcut(fyne.KeyP, fyne.KeyModifierShift), func() bool { return !e.panes.leftShown }},
		{"show palette", shortcut(fyne.KeyP, fyne.KeyModifierShift), func() bool { return e.panes.leftShown }},
		{"hide inspector", shortcut(fyne.KeyI, fyne.KeyModifierShift), func() bool { return !e.panes.rightShown }},
		{"show inspector", shortcut(fyne.KeyI, fyne.KeyModifierShift), func() bool { return e.panes.rightShown }},
		{"add stage", shortcut(fyne.KeyG, fyne.KeyModifierShift), func() bool { return len(e.Journey().Stages) == 5 && e.sel.kind == selStage }},
		{"add lane", shortcut(fyne.KeyL, fyne.KeyModifierShift), func() bool { return len(e.Journey().Lanes) == 6 && e.sel.kind == selLane }},
		{"duplicate journey", shortcut(fyne.KeyD, fyne.KeyModifierShift), func() bool { return len(e.Document().Journeys) == 3 }},
		{"add journey", shortcut(fyne.KeyN, fyne.KeyModifierShift), func() bool { return len(e.Document().Journeys) == 4 && len(e.Journey().Touchpoints) == 0 }},
		{"find", shortcut(fyne.KeyF, 0), func() bool { return e.Window().Canvas().Focused() == e.search.text }},
	}
	for _, s := range steps {
		if s.keys == nil {
			key(e, fyne.KeyReturn)
		} else {
			press(t, e, s.keys)
		}
		if !s.ok() {
			t.Fatalf("%s: not done (status %q)", s.name, e.status.Text)
		}
		if e.dialogOpen() && s.name != "cut" {
			t.Fatalf("%s: left a dialog open", s.name)
		}
	}
	e.Close()
	st, d, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if len(d.Journeys) != 4 || len(d.Journeys[0].Stages) != 5 {
		t.Fatalf("after the menu items the document holds %d journeys, %d stages in the first", len(d.Journeys), len(d.Journeys[0].Stages))
	}
}

// A poster whose card titles would print too small says so in the dialog,
// naming the dialog's own choices; doing as it advises (more posters, or
// a larger paper) makes it readable.
func TestExportDialogWarnsOfUnreadableTitles(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	f := e.showExport()
	if f.warning.Visible() {
		t.Fatalf("the sample on A0 warns: %s", f.warning.Text)
	}
	for _, orientation := range f.orientation.Options {
		f.orientation.SetSelected(orientation)
		f.paper.SetSelected("A4")
		f.split.SetSelectedIndex(0)
		if !f.warning.Visible() || strings.Contains(f.warning.Text, "--") {
			t.Fatalf("the sample on A4 %s: warning %v %q", orientation, f.warning.Visible(), f.warning.Text)
		}
		job, _, err := f.job()
		if err != nil {
			t.Fatal(err)
		}
		var small *poster.SmallTitles
		if !errors.As(job.Readability(job.Scenes()), &small) {
			t.Fatal("Readability and the dialog disagree")
		}
		if small.Split > 1 {
			if !strings.Contains(f.warning.Text, T("ui.export.split")) {
				t.Errorf("the warning does not name the dialog's choice: %s", f.warning.Text)
			}
			f.split.SetSelectedIndex(small.Split - 1)
		} else {
			var w, h string
			if _, err := fmt.Sscanf(strings.ReplaceAll(small.Paper.Name, "x", " "), "%s %s", &w, &h); err != nil {
				t.Fatalf("paper %q: %v", small.Paper.Name, err)
			}
			f.paper.SetSelectedIndex(len(papers))
			f.width.SetText(w)
			f.height.SetText(strings.TrimSuffix(h, "mm"))
		}
		if f.warning.Visible() {
			t.Errorf("%s, as advised, still: %s", orientation, f.warning.Text)
		}
	}
	f.format.SetSelected("PNG")
	if !f.split.Disabled() {
		t.Error("posters per journey is not greyed out for a picture")
	}
	e.cancelDialog()
}

// Every panel of the inspector fits the inspector's default width, in
// English and French: nothing is cut at its right edge.
func TestInspectorPanelsFitTheDefaultWidth(t *testing.T) {
	for _, lang := range []string{"en_GB.UTF-8", "fr_FR.UTF-8"} {
		t.Run(lang, func(t *testing.T) {
			useLanguage(t, lang)
			e := newTestEditor(t, sampleFile(t))
			room := float32(defaultRightWidth) - 2*theme.Padding() // the tab's inner margins
			check := func(what string) {
				t.Helper()
				if w := e.inspector.content.MinSize().Width; w > room {
					t.Errorf("%s: the inspector needs %v px, has %v", what, w, room)
				}
			}
			// The three tabs show side by side, none behind Fyne's "…".
			tabs := float32(0)
			for _, it := range e.rightTabs.Items {
				tabs += fyne.MeasureText(it.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 4*theme.InnerPadding()
			}
			if tabs > room {
				t.Errorf("the side panel's tabs need %v px, have %v", tabs, room)
			}
			check("journey and persona")
			selectCard(t, e, "t-panier")
			check("touchpoint")
			e.sel = e.sel.toggled("t-confirmation")
			e.showSelection()
			check("two cards")
			e.sel = selection{kind: selStage, ids: []string{"s-commande"}}
			e.showSelection()
			check("stage")
			e.sel = selection{kind: selLane, ids: []string{"l-transport"}}
			e.showSelection()
			check("lane")
		})
	}
}
