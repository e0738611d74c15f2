package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
)

// overlay returns the dialog on top and its laid-out objects.
func overlay(t *testing.T, e *Editor) []fyne.CanvasObject {
	t.Helper()
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	return test.LaidOutObjects(top)
}

func button(t *testing.T, objs []fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q", label)
	return nil
}

func entries(objs []fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	for _, o := range objs {
		if x, ok := o.(*widget.Entry); ok {
			out = append(out, x)
		}
	}
	return out
}

func fixToday(t *testing.T, date string) {
	old := today
	today = func() string { return date }
	t.Cleanup(func() { today = old })
}

func TestNewReviewDialogTakesADatedReview(t *testing.T) {
	fixToday(t, "2026-09-30")
	path := sampleFile(t)
	e := newTestEditor(t, path)
	e.askNewReview()
	objs := overlay(t, e)
	es := entries(objs)
	if len(es) != 2 || es[0].Text != "2026-09-30" {
		t.Fatalf("entries %v", es)
	}
	date, note := es[0], es[1]
	if e.Window().Canvas().Focused() != note {
		t.Error("the note does not have the focus")
	}
	test.Type(note, "Revue T3")
	// A date that is no day of the calendar: the button stays disabled.
	date.SetText("")
	test.Type(date, "2026-09-31")
	take := button(t, objs, T("ui.review.take"))
	if !take.Disabled() {
		t.Errorf("the button is enabled with a bad date; validation error %v", date.Validate())
	}
	test.Tap(take)
	if len(e.Journey().Reviews) != 0 {
		t.Fatal("a review was taken on 2026-09-31")
	}
	date.SetText("")
	test.Type(date, "2026-09-30")
	test.Tap(take)
	j := e.Journey()
	if len(j.Reviews) != 1 || j.Reviews[0].Date != "2026-09-30" || j.Reviews[0].Note != "Revue T3" ||
		len(j.Reviews[0].Touchpoints) != len(j.Touchpoints) {
		t.Fatalf("reviews %+v", j.Reviews)
	}
	if e.Window().Canvas().Overlays().Top() != nil {
		t.Errorf("the dialog stayed open: %q", dialogText(e))
	}
	if got := reopen(t, path).Reviews; len(got) != 1 {
		t.Fatal("the review was not saved")
	}
	// The same day again: refused in words, nothing added.
	e.askNewReview()
	test.Tap(button(t, overlay(t, e), T("ui.review.take")))
	if len(e.Journey().Reviews) != 1 {
		t.Fatal("two reviews the same day")
	}
	if !strings.Contains(dialogText(e), "both dated 2026-09-30") {
		t.Errorf("no error shown: %q", dialogText(e))
	}
	e.Window().Canvas().Overlays().Top().Hide()
	e.Undo()
	if len(e.Journey().Reviews) != 0 {
		t.Fatal("undo left the review")
	}
}

// dialogText gathers the texts of the dialog on top.
func dialogText(e *Editor) string {
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	}
	return b.String()
}

func TestReviewsDialogRenamesAndDeletes(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	id := e.Journey().ID
	e.takeReview(id, "2026-03-31", "T1")
	e.takeReview(id, "2026-06-30", "T2")
	e.askReviews()
	objs := overlay(t, e)
	// Newest first: the first Rename is T2's.
	test.Tap(button(t, objs, T("ui.rename")))
	es := entries(overlay(t, e))
	if len(es) != 1 || es[0].Text != "T2" {
		t.Fatalf("rename entries %v", es)
	}
	es[0].SetText("")
	test.Type(es[0], "Revue de juin")
	test.Tap(button(t, overlay(t, e), T("ui.ok")))
	if got := e.Journey().ReviewOn("2026-06-30").Note; got != "Revue de juin" {
		t.Fatalf("renamed to %q", got)
	}
	if !strings.Contains(dialogText(e), "2026-06-30 — Revue de juin") {
		t.Errorf("the list was not refreshed:\n%s", dialogText(e))
	}
	test.Tap(button(t, overlay(t, e), T("ui.delete")))
	test.Tap(button(t, overlay(t, e), "Yes"))
	if e.Journey().ReviewOn("2026-06-30") != nil || len(e.Journey().Reviews) != 1 {
		t.Fatal("not deleted")
	}
	e.Undo()
	if e.Journey().ReviewOn("2026-06-30") == nil {
		t.Fatal("undo did not bring it back")
	}
}

func TestInsightsShowTrendsAndStagesToReview(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	j := e.Journey()
	id := j.ID
	// t-panier's KPI stage (Commande): conversion falls from 3.1 % to 2.5 %.
	e.takeReview(id, "2026-03-31", "T1")
	if err := e.edit("kpi", func(_ *model.Document, j *model.Journey) error {
		j.Stages[0].KPIs[0].Value = "2,5 %"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	e.takeReview(id, "2026-06-30", "T2")
	e.insights.SetVisible(true)
	var sparks []*Sparkline
	var texts []string
	for _, o := range test.LaidOutObjects(e.insights.Content()) {
		switch x := o.(type) {
		case *Sparkline:
			sparks = append(sparks, x)
		case *widget.Label:
			texts = append(texts, x.Text)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"Trends over 2 reviews",
		"Review these stages: 1",
		"Commande — Taux de conversion: 3,1 % → 2,5 % (target 3,5 %) since 2026-03-31",
		"−19 % since 2026-03-31",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("%q not in the insights:\n%s", want, all)
		}
	}
	found := false
	for _, s := range sparks {
		if v := s.Values(); len(v) == 2 && v[0] == 3.1 && v[1] == 2.5 {
			found = true
		}
	}
	if !found {
		t.Errorf("no sparkline of the conversion rate among %d", len(sparks))
	}
	// The stage's inspector shows the same, once its header is clicked.
	v := e.View()
	h := v.Scene().Columns[0].Header
	v.Tapped(&fyne.PointEvent{Position: px(v, h.X+h.W/2, h.Y+h.H/2)})
	found = false
	for _, o := range test.LaidOutObjects(e.inspector.stage.trends) {
		if s, ok := o.(*Sparkline); ok && len(s.Values()) == 2 && s.Values()[1] == 2.5 {
			found = true
		}
	}
	if e.sel.kind != selStage || !found {
		t.Errorf("the stage inspector shows no trend of its KPI (selection %+v)", e.sel)
	}
}

func TestCompareWithRingsChangedCards(t *testing.T) {
	path := sampleFile(t)
	other := filepath.Join(t.TempDir(), "before.parcours")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	e := newTestEditor(t, path)
	if err := e.setTouchpointText("t-panier", "title", "Créneau au panier"); err != nil {
		t.Fatal(err)
	}
	e.CompareWith(other)
	if !strings.Contains(dialogText(e), "~ touchpoint t-panier “Créneau au panier”: title “Choix du créneau au panier” → “Créneau au panier”") {
		t.Fatalf("dialog:\n%s", dialogText(e))
	}
	if f := e.mapView.filter; len(f) != 1 || !f["t-panier"] {
		t.Fatalf("ringed %v", f)
	}
	// Still ringed after another edit lays the map out again; the search
	// clears it.
	if err := e.setTouchpointText("t-avis", "note", "vu"); err != nil {
		t.Fatal(err)
	}
	if !e.mapView.filter["t-panier"] {
		t.Fatal("the rings went with the next edit")
	}
	e.search.text.SetText("colis")
	e.search.Clear()
	if e.mapView.filter != nil {
		t.Fatalf("the search left %v", e.mapView.filter)
	}
}

func TestSurveyImportCanTakeAReview(t *testing.T) {
	fixToday(t, "2026-09-30")
	e := newTestEditor(t, sampleFile(t))
	data, err := os.ReadFile("../testdata/enquete.csv")
	if err != nil {
		t.Fatal(err)
	}
	e.previewSurvey("enquete.csv", data, 10)
	objs := overlay(t, e)
	var check *widget.Check
	for _, o := range objs {
		if c, ok := o.(*widget.Check); ok && c.Text == T("ui.review.with_survey", "2026-09-30") {
			check = c
		}
	}
	if check == nil || check.Checked {
		t.Fatal("no review option, or ticked by default")
	}
	test.Tap(check)
	test.Tap(button(t, objs, T("ui.survey.import")))
	j := e.Journey()
	if len(j.Reviews) != 1 || j.Reviews[0].Note != "Survey enquete.csv" {
		t.Fatalf("reviews %+v", j.Reviews)
	}
	// The review saw the survey's scores: t-remise went from 9 to 9.5.
	for _, m := range j.Reviews[0].Touchpoints {
		if m.Touchpoint == "t-remise" && (m.Score == nil || *m.Score != 9.5) {
			t.Fatalf("the review measured t-remise at %v", m.Score)
		}
	}
	e.Undo() // one step: the scores and the review
	j = e.Journey()
	if len(j.Reviews) != 0 || *j.Touchpoint("t-remise").Score != 9 {
		t.Fatal("undo did not take back both")
	}
}
