package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/sqlite"
)

func selectCard(t *testing.T, e *Editor, id string) {
	t.Helper()
	v := e.View()
	v.Tapped(&fyne.PointEvent{Position: cardCentre(t, v, id)})
	if e.sel.kind != selCards || e.sel.one() != id {
		t.Fatalf("clicking %s selected %+v", id, e.sel)
	}
}

func TestPaletteDragAddsATouchpointWhereDropped(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	s := v.Scene()
	var item *paletteItem
	for _, o := range test.LaidOutObjects(e.palette.Content()) {
		if it, ok := o.(*paletteItem); ok && it.channel == model.ChannelChat {
			item = it
		}
	}
	if item == nil {
		t.Fatal("no chat item in the palette")
	}
	// Aim at the Entrepôt lane, in stage Livraison, before its first card.
	col, row := s.Columns[2], s.Rows[2]
	target := px(v, col.Body.X+2, row.Rect.Y+row.Rect.H/2)
	d := fyne.CurrentApp().Driver()
	rel := target.Add(d.AbsolutePositionForObject(v)).Subtract(d.AbsolutePositionForObject(item))
	item.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: rel}, Dragged: fyne.NewDelta(5, 5)})
	if !test.WidgetRenderer(v).(*mapRenderer).insertion.Visible() {
		t.Error("no drop mark while dragging over the grid")
	}
	item.DragEnd()
	j := e.Journey()
	if len(j.Touchpoints) != 12 {
		t.Fatalf("%d touchpoints after the drop", len(j.Touchpoints))
	}
	added := j.Touchpoint(e.sel.one())
	if added == nil || added.Channel != model.ChannelChat || added.Stage != "s-livraison" || added.Lane != "l-entrepot" {
		t.Fatalf("added %+v", added)
	}
	if first := j.StageTouchpoints("s-livraison")[0]; first.ID != added.ID {
		t.Errorf("the new card is not first of Livraison (%s is)", first.ID)
	}
	e.Close()
	if reopen(t, path).Touchpoint(added.ID) == nil {
		t.Error("the new touchpoint was not saved")
	}
}

func TestInspectorRefusesBadValuesVisiblyAndSavesGoodOnes(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	selectCard(t, e, "t-panier")
	p := e.inspector.touchpoint
	before := fileSum(t, path)

	p.score.SetText("12")
	p.score.submit()
	if !p.score.problem.Visible() || !strings.Contains(p.score.problem.Text, "12") {
		t.Errorf("score 12: message %q visible %v", p.score.problem.Text, p.score.problem.Visible())
	}
	p.title.SetText("  ")
	p.title.submit()
	if !p.title.problem.Visible() {
		t.Error("an empty title was not refused visibly")
	}
	if fileSum(t, path) != before || e.editor.CanUndo() {
		t.Fatal("a refused value was saved")
	}
	if tp := e.Journey().Touchpoint("t-panier"); *tp.Score != 5.5 || tp.Title != "Choix du créneau au panier" {
		t.Fatalf("refused values reached the document: %v %q", *tp.Score, tp.Title)
	}

	p.score.SetText("7,5")
	p.score.submit()
	if p.score.problem.Visible() {
		t.Errorf("7,5 refused: %s", p.score.problem.Text)
	}
	p.title.SetText("Choix du créneau 🕐")
	p.title.submit()
	p.emotion.SetSelected(emotionLabels[4])
	p.markers.SetSelected([]string{T("marker.truth")})
	tp := e.Journey().Touchpoint("t-panier")
	if *tp.Score != 7.5 || tp.Title != "Choix du créneau 🕐" || tp.Emotion != 2 || tp.Markers != model.MarkersOf(model.MarkerTruth) {
		t.Fatalf("inspector edits: score %v title %q emotion %d markers %v", *tp.Score, tp.Title, tp.Emotion, tp.Markers.List())
	}
	e.Close()
	got := reopen(t, path).Touchpoint("t-panier")
	if *got.Score != 7.5 || got.Title != "Choix du créneau 🕐" || got.Emotion != 2 {
		t.Errorf("not saved: %+v", got)
	}
}

// inlineEntryOnTop finds the entry of an in-place edit.
func inlineEntryOnTop(t *testing.T, e *Editor) *inlineEntry {
	t.Helper()
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no in-place entry shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		if ie, ok := o.(*inlineEntry); ok {
			return ie
		}
	}
	t.Fatal("the overlay holds no entry")
	return nil
}

func TestInPlaceEditingEnterKeepsEscapeCancels(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	v.DoubleTapped(&fyne.PointEvent{Position: cardCentre(t, v, "t-avis")})
	ie := inlineEntryOnTop(t, e)
	if ie.Text != "Enquête de satisfaction" {
		t.Fatalf("entry holds %q", ie.Text)
	}
	ie.SetText("Enquête NPS à J+1")
	ie.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := e.Journey().Touchpoint("t-avis").Title; got != "Enquête NPS à J+1" {
		t.Fatalf("Enter kept %q", got)
	}
	// A stage name, cancelled with Escape.
	s := v.Scene()
	v.DoubleTapped(&fyne.PointEvent{Position: px(v, s.Columns[1].Header.X+5, 3)})
	ie = inlineEntryOnTop(t, e)
	ie.SetText("Nom abandonné")
	ie.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := e.Journey().Stage("s-suivi").Name; got != "Suivi" {
		t.Fatalf("Escape changed the stage name to %q", got)
	}
	// F2 renames the selected lane.
	e.sel = selection{kind: selLane, ids: []string{"l-sav"}}
	e.renameSelection()
	ie = inlineEntryOnTop(t, e)
	ie.SetText("Relation client")
	ie.OnSubmitted(ie.Text)
	if got := e.Journey().Lane("l-sav").Name; got != "Relation client" {
		t.Fatalf("F2 then Enter gave %q", got)
	}
}

func TestSearchHighlightsMatchesAndDimsTheRest(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	e.search.text.SetText("colis") // in two titles and one description
	want := []string{"t-appel-ou", "t-remise", "t-absent"}
	if strings.Join(e.search.matches, " ") != strings.Join(want, " ") {
		t.Fatalf("matches %v, want %v", e.search.matches, want)
	}
	r := test.WidgetRenderer(e.View()).(*mapRenderer)
	if !r.cards["t-panier"].dim.Visible() {
		t.Error("t-panier, which does not match, is not dimmed")
	}
	e.scrollTo("t-remise")
	if r.cards["t-remise"].dim.Visible() {
		t.Error("t-remise, which matches, is dimmed")
	}
	e.search.Next(1)
	if e.sel.one() != "t-remise" {
		t.Errorf("next match selected %v", e.sel.ids)
	}
	e.search.text.SetText("ETAPE") // no accent, other case: nothing here has it
	if len(e.search.matches) != 0 {
		t.Errorf("found %v", e.search.matches)
	}
	e.search.text.SetText("")
	e.search.marker.SetSelectedIndex(1 + 4) // breaker
	if strings.Join(e.search.matches, " ") != "t-page-suivi t-absent" {
		t.Errorf("breakers: %v", e.search.matches)
	}
	e.search.Clear()
	e.scrollTo("t-panier") // cards out of sight are brought up to date when they come back
	if r.cards["t-panier"].dim.Visible() {
		t.Error("clearing the search left cards dimmed")
	}
	if got := (Criteria{Text: "controle", Emotion: 99}).Find(&model.Journey{Touchpoints: []*model.Touchpoint{{ID: "x", Title: "Contrôle qualité"}}}); len(got) != 1 {
		t.Error("accents and case should not matter")
	}
}

func TestMacroMicroSwitch(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	if n := len(e.View().Scene().Cards); n != 11 {
		t.Fatalf("micro view shows %d cards", n)
	}
	e.viewMode.SetSelected(T("ui.macro"))
	s := e.View().Scene()
	if len(s.Cards) != 8 || s.View != canvas.Macro || s.Bands[0].Kind != canvas.BandSummary {
		t.Fatalf("macro view: %d cards, view %v", len(s.Cards), s.View)
	}
	e.viewMode.SetSelected(T("ui.micro"))
	if n := len(e.View().Scene().Cards); n != 11 {
		t.Fatalf("back to micro: %d cards", n)
	}
}

func TestCopyPasteBetweenJourneysAndDeleteUndo(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	selectCard(t, e, "t-appel-ou")
	e.Copy()
	e.ShowJourney("j-cible")
	e.Paste()
	j := e.Journey()
	pasted := j.Touchpoint(e.sel.one())
	if pasted == nil || pasted.Origin != "t-appel-ou" || pasted.Stage != "cs-suivi" || pasted.Lane != "cl-sav" {
		t.Fatalf("pasted %+v: want it in Suivi / Service client of the target journey, remembering its source", pasted)
	}
	e.DuplicateSelection()
	if len(j.Touchpoints) != 13 {
		t.Fatalf("%d touchpoints after duplicate", len(j.Touchpoints))
	}
	e.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(e.Journey().Touchpoints) != 12 {
		t.Fatalf("Delete left %d touchpoints", len(e.Journey().Touchpoints))
	}
	e.Undo()
	if len(e.Journey().Touchpoints) != 13 {
		t.Fatalf("undo of delete: %d touchpoints", len(e.Journey().Touchpoints))
	}
	e.Close()
	st, doc, err := openForTest(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n := len(doc.Journey("j-cible").Touchpoints); n != 13 {
		t.Errorf("saved target journey has %d touchpoints", n)
	}
}

func TestJourneysAddDuplicateDelete(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	e.DuplicateJourney()
	c := e.Journey()
	if c.Origin != "j-actuel" || c.State != model.Target || len(c.Touchpoints) != 11 || e.Document().Journeys[1] != c {
		t.Fatalf("duplicate: origin %q state %q, %d touchpoints", c.Origin, c.State, len(c.Touchpoints))
	}
	if !strings.Contains(e.journeys.Selected, c.Title) {
		t.Errorf("journey list shows %q", e.journeys.Selected)
	}
	e.AddJourney()
	if n := len(e.Document().Journeys); n != 4 {
		t.Fatalf("%d journeys", n)
	}
	e.setJourneyTitle("Onboarding")
	if e.Journey().Title != "Onboarding" {
		t.Error("rename failed")
	}
	e.Undo()
	e.Undo()
	if n := len(e.Document().Journeys); n != 3 {
		t.Fatalf("after undoing the addition: %d journeys", n)
	}
}

func TestNudgeAndArrowKeys(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	selectCard(t, e, "t-panier")
	e.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if e.sel.one() != "t-confirmation" {
		t.Fatalf("right arrow selected %v", e.sel.ids)
	}
	e.typedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if e.sel.one() != "t-preparation" {
		t.Fatalf("down arrow selected %v", e.sel.ids)
	}
	e.Nudge(-1, 0) // first of Suivi: goes to the end of Commande
	if tp := e.Journey().Touchpoint("t-preparation"); tp.Stage != "s-commande" || tp.Order != 3 {
		t.Fatalf("nudged left: %s order %d", tp.Stage, tp.Order)
	}
	e.Nudge(0, 1)
	if tp := e.Journey().Touchpoint("t-preparation"); tp.Lane != "l-transport" {
		t.Fatalf("nudged down: lane %s", tp.Lane)
	}
}

func TestSelectingWithShiftAndRubberBand(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	v := e.View()
	v.mods = fakeMods(fyne.KeyModifierShift)
	v.Tapped(&fyne.PointEvent{Position: cardCentre(t, v, "t-panier")})
	v.Tapped(&fyne.PointEvent{Position: cardCentre(t, v, "t-remise")})
	if len(e.sel.ids) != 2 {
		t.Fatalf("shift-click selected %v", e.sel.ids)
	}
	if e.inspector.content.Objects[0] != e.inspector.cards.box {
		t.Error("the inspector does not show the several-cards panel")
	}
	v.mods = fakeMods(0)
	s := v.Scene()
	// A band around the whole Livraison stage.
	col := s.Columns[2].Body
	drag(v, px(v, col.X+0.5, col.Y+0.5), px(v, col.X+col.W-0.5, col.Y+col.H-0.5))
	if len(e.sel.ids) != 3 {
		t.Fatalf("rubber band selected %v", e.sel.ids)
	}
	// Dragging one of them moves all three to Après-livraison.
	last := s.Columns[3].Body
	drag(v, cardCentre(t, v, "t-push-jour"), px(v, last.X+last.W-1, s.Rows[3].Rect.Y+5))
	for _, id := range []string{"t-push-jour", "t-remise", "t-absent"} {
		if st := e.Journey().Touchpoint(id).Stage; st != "s-apres" {
			t.Errorf("%s in %s after moving the selection", id, st)
		}
	}
	e.Undo()
	if st := e.Journey().Touchpoint("t-remise").Stage; st != "s-livraison" {
		t.Errorf("one undo did not bring the three back (t-remise in %s)", st)
	}
}

type fakeMods fyne.KeyModifier

func (f fakeMods) CurrentKeyModifiers() fyne.KeyModifier { return fyne.KeyModifier(f) }

func TestZoomWithCtrlWheelAndFit(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	v := e.View()
	v.mods = fakeMods(fyne.KeyModifierShortcutDefault)
	z0 := v.Zoom()
	v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 10)})
	if v.Zoom() != z0*ZoomStep {
		t.Fatalf("zoom %v after ctrl+wheel up from %v", v.Zoom(), z0)
	}
	if got := e.scroll.Content.MinSize().Width; got != float32(v.Scene().Width*v.Zoom()) {
		t.Errorf("scroll content %v wide at zoom %v", got, v.Zoom())
	}
	v.mods = fakeMods(0)
	v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -10)})
	if v.Zoom() != z0*ZoomStep {
		t.Errorf("a plain wheel zoomed: %v", v.Zoom())
	}
	e.zoomToFit()
	s, size := v.Scene(), e.scroll.Size()
	if w, h := s.Width*v.Zoom(), s.Height*v.Zoom(); w > float64(size.Width)+1 || h > float64(size.Height)+1 {
		t.Errorf("fit: map %vx%v in %v", w, h, size)
	}
	v.SetZoom(MinZoom)
	r := test.WidgetRenderer(v).(*mapRenderer)
	for _, co := range r.cards {
		for _, l := range co.title.lines {
			if l.Visible() {
				t.Fatalf("a title line is drawn at %v px/mm", v.Zoom())
			}
		}
	}
}

func openForTest(path string) (*sqlite.Store, *model.Document, error) { return sqlite.Open(path) }

func TestCtrlWheelZoomKeepsThePointUnderThePointer(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	v := e.View()
	v.SetZoom(DefaultZoom) // the sample opens fitted: at 100 % it scrolls
	v.mods = fakeMods(fyne.KeyModifierShortcutDefault)
	e.scroll.ScrollToOffset(fyne.NewPos(100, 50))
	at := fyne.NewPos(400, 300) // in the view, so 300, 250 inside the scroll's window
	x, y := v.mm(at)
	v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, 10)})
	onScreen := fyne.NewPos(float32(x*v.Zoom()), float32(y*v.Zoom())).Subtract(e.scroll.Offset)
	if d := onScreen.Subtract(fyne.NewPos(300, 250)); d.X*d.X+d.Y*d.Y > 4 {
		t.Errorf("the point under the pointer moved to %v on screen, was (300, 250)", onScreen)
	}
}

func TestDragStageLaneAndStageEdge(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	v := e.View()
	s := v.Scene()
	// The header of Après-livraison dropped before Commande.
	h := s.Columns[3].Header
	drag(v, px(v, h.X+h.W/2, h.Y+3), px(v, s.Columns[0].Header.X+2, 3))
	if j := e.Journey(); j.Stages[0].ID != "s-apres" || j.Touchpoints[0].Stage != "s-apres" {
		t.Fatalf("stages now %s, %s…; timeline starts in %s", j.Stages[0].ID, j.Stages[1].ID, j.Touchpoints[0].Stage)
	}
	// The lane Service client dropped first.
	s = v.Scene()
	l := s.Rows[4].Label
	drag(v, px(v, l.X+5, l.Y+5), px(v, 5, s.Rows[0].Rect.Y+2))
	if j := e.Journey(); j.Lanes[0].ID != "l-sav" {
		t.Fatalf("first lane %s", j.Lanes[0].ID)
	}
	// Widen Suivi by 30 mm from its right edge.
	s = v.Scene()
	var col int
	for i, c := range s.Columns {
		if c.StageID == "s-suivi" {
			col = i
		}
	}
	c := s.Columns[col].Header
	drag(v, px(v, c.X+c.W-1, c.Y+3), px(v, c.X+c.W+29, c.Y+3))
	if w := e.Journey().Stage("s-suivi").Width; w < c.W+27 || w > c.W+31 {
		t.Fatalf("width %.1f after widening a %.1f mm stage by 30 mm", w, c.W)
	}
	if got := v.Scene().Columns[col].Header.W; got < c.W+27 {
		t.Errorf("the stage is drawn %.1f mm wide", got)
	}
	// Three gestures, three undo steps; all saved.
	e.Undo()
	e.Undo()
	e.Undo()
	if j := e.Journey(); j.Stages[0].ID != "s-commande" || j.Lanes[0].ID != "l-site" || j.Stage("s-suivi").Width != 0 {
		t.Error("undo did not restore stages, lanes and width")
	}
}

func TestSpaceDragPans(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	e.Window().Resize(fyne.NewSize(700, 500))
	v := e.View()
	e.scroll.ScrollToOffset(fyne.NewPos(200, 100))
	v.Panning = true
	drag(v, fyne.NewPos(400, 300), fyne.NewPos(350, 280))
	v.Panning = false
	if got := e.scroll.Offset; got.X != 250 || got.Y != 120 {
		t.Errorf("offset %v after panning by (-50, -20) from (200, 100)", got)
	}
	if e.editor.CanUndo() || len(e.sel.ids) != 0 {
		t.Error("a pan moved or selected something")
	}
}

func TestInspectorMovesStagesAndLanes(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	e.shiftStage("s-commande", 1)
	e.shiftLane("l-sav", -1)
	j := e.Journey()
	if j.Stages[0].ID != "s-suivi" || j.Stages[1].ID != "s-commande" || j.Lanes[3].ID != "l-sav" {
		t.Fatalf("stages %s %s, lane 3 %s", j.Stages[0].ID, j.Stages[1].ID, j.Lanes[3].ID)
	}
	e.shiftStage("s-suivi", -1) // already first
	e.shiftLane("l-site", -1)   // already first
	if n := len(e.editor.Doc.Journeys); n != 2 || e.editor.UndoLabel() != T("ui.move_lane") {
		t.Errorf("moves at the ends were recorded (%s)", e.editor.UndoLabel())
	}
}
