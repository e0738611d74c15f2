package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestActionPlanListMatrixAndExports(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	e.plan.SetVisible(true)
	var titles []string
	for _, o := range test.LaidOutObjects(e.plan.Content()) {
		if l, ok := o.(*tapLabel); ok {
			titles = append(titles, l.Text)
		}
	}
	want := []string{"Suivi en temps réel via l'API transporteur", "Créneaux du soir et du samedi", "Retour par QR code, sans imprimante"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("by priority: %v", titles)
	}
	e.plan.matrix.SetChecked(true)
	found := false
	for _, o := range test.LaidOutObjects(e.plan.Content()) {
		if l, ok := o.(*tapLabel); ok && l.Text == "Créneaux du soir et du samedi" {
			found = true
		}
	}
	if !found {
		t.Error("the matrix does not show the opportunities")
	}
	dir := t.TempDir()
	for _, name := range []string{"plan.csv", "plan.xlsx"} {
		path := filepath.Join(dir, name)
		if err := ExportPlan(path, e.Journey()); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		if name == "plan.csv" && !strings.Contains(string(data), "Suivi en temps réel") {
			t.Errorf("CSV: %s", data)
		}
		if name == "plan.xlsx" && !strings.HasPrefix(string(data), "PK") {
			t.Error("XLSX is not a zip")
		}
	}
	if err := ExportPlan(filepath.Join(dir, "nope", "plan.csv"), e.Journey()); err == nil {
		t.Error("an export into a missing folder succeeded")
	}
}

func TestComparisonShowsBothCurvesAndTheDifferences(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	e.showComparison() // from the current journey: its target is found
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no comparison shown")
	}
	var all []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			all = append(all, l.Text)
		}
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"t-appel-ou", "ct-sms-livreur", "removed", "added"} {
		if !strings.Contains(text, want) {
			t.Errorf("comparison lacks %q", want)
		}
	}
}
