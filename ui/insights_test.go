package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
)

func TestInsightsPanelMarksAListeningPointInOneClick(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	e.insights.SetVisible(true)
	var buttons []*widget.Button
	for _, o := range test.LaidOutObjects(e.insights.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == T("ui.insights.mark_listened") {
			buttons = append(buttons, b)
		}
	}
	if len(buttons) != 4 {
		t.Fatalf("%d listening points offered, want 4 (t-panier, t-page-suivi, t-appel-ou, t-retour)", len(buttons))
	}
	test.Tap(buttons[0])
	if !e.Journey().Touchpoint("t-panier").Listened {
		t.Fatal("t-panier not marked listened")
	}
	n := 0
	for _, o := range test.LaidOutObjects(e.insights.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == T("ui.insights.mark_listened") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("after marking one, %d are still offered", n)
	}
	e.Close()
	if !reopen(t, path).Touchpoint("t-panier").Listened {
		t.Error("not saved")
	}
}

func TestSurveyImportPreviewThenApplyAndUndo(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	data, err := os.ReadFile("../testdata/enquete.csv")
	if err != nil {
		t.Fatal(err)
	}
	e.previewSurvey("enquete.csv", data, 10)
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no preview shown")
	}
	var shown []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
	}
	all := strings.Join(shown, "|")
	for _, want := range []string{"Page de suivi 📦", "Remise du colis en main propre", "9.5"} {
		if !strings.Contains(all, want) {
			t.Errorf("preview lacks %q: %s", want, all)
		}
	}
	if e.Journey().Touchpoint("t-remise").Score == nil || *e.Journey().Touchpoint("t-remise").Score != 9 {
		t.Fatal("the preview changed the document")
	}
	plan, err := e.ReadSurvey("enquete.csv", data, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Do(plan.Command()); err != nil {
		t.Fatal(err)
	}
	if s := e.Journey().Touchpoint("t-remise").Score; *s != 9.5 {
		t.Errorf("score %v after import", *s)
	}
	e.Undo()
	if s := e.Journey().Touchpoint("t-remise").Score; *s != 9 {
		t.Errorf("score %v after undo", *s)
	}
	// A bad survey is refused whole with the line of the first bad row.
	_, err = e.ReadSurvey("bad.csv", []byte("touchpoint;score\nt-panier;7\nt-avis;douze\n"), 10)
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("bad survey: %v", err)
	}
}

func TestOpportunityAddEditSaved(t *testing.T) {
	path := sampleFile(t)
	e := newTestEditor(t, path)
	selectCard(t, e, "t-absent")
	e.saveOpportunity(model.Opportunity{Title: "Nouveau passage le jour même", Kind: model.Transform, Impact: 5, Effort: 2,
		Owner: "Transporteur", Status: model.Proposed, Touchpoints: []string{"t-absent"}})
	j := e.Journey()
	if len(j.Opportunities) != 4 {
		t.Fatalf("%d opportunities", len(j.Opportunities))
	}
	o := *j.Opportunities[3]
	o.Status = model.Planned
	e.saveOpportunity(o)
	if got := e.Journey().Opportunity(o.ID); got.Status != model.Planned || got.Title != o.Title {
		t.Fatalf("edit: %+v", got)
	}
	// The touchpoint's inspector lists it.
	found := false
	for _, obj := range e.inspector.touchpoint.opps.Objects {
		if b, ok := obj.(*tapLabel); ok && b.Text == o.Title {
			found = true
		}
	}
	if !found {
		t.Error("the inspector does not list the new opportunity")
	}
	e.Close()
	if got := reopen(t, path).Opportunity(o.ID); got == nil || got.Status != model.Planned || got.Impact != 5 {
		t.Errorf("saved: %+v", got)
	}
}
