package ui

import (
	"os"
	"parcours/canvas/poster"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// exportDialog finds the fields of the export dialog on top.
func exportDialog(t *testing.T, e *Editor) *exportForm {
	t.Helper()
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no export dialog")
	}
	f := &exportForm{e: e}
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.RadioGroup:
			switch x.Options[0] {
			case "PDF":
				f.format = x
			case T("ui.export.this_journey"):
				f.journeys = x
			case T("ui.micro"):
				f.view = x
			case T("ui.export.landscape"):
				f.orientation = x
			}
		case *widget.Select:
			if x.Options[0] == "A0" {
				f.paper = x
			} else if x.Options[1] == "A4" {
				f.tile = x
			}
		}
	}
	return f
}

func TestExportDialogChecksAndExports(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	press(t, e, shortcut(fyne.KeyE, 0))
	f := exportDialog(t, e)
	if f.format == nil || f.paper == nil || f.tile == nil || f.journeys == nil {
		t.Fatal("export dialog is missing fields")
	}
	// The real form, as the dialog holds it, answers through its job().
	top := e.Window().Canvas().Overlays().Top()
	var problem *widget.Label
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance {
			problem = l
		}
	}
	// What a picture cannot hold is greyed out, not silently ignored.
	f.tile.SetSelected("A4")
	f.journeys.SetSelected(T("ui.export.all_journeys"))
	f.format.SetSelected("PNG")
	if !f.tile.Disabled() || !f.journeys.Disabled() || f.journeys.Selected != T("ui.export.this_journey") {
		t.Errorf("PNG: tiling disabled %v, journeys disabled %v (%s)", f.tile.Disabled(), f.journeys.Disabled(), f.journeys.Selected)
	}
	if problem == nil || problem.Visible() {
		t.Errorf("PNG refused: %v", problem)
	}
	f.format.SetSelected("PDF")
	if f.tile.Disabled() || f.journeys.Disabled() {
		t.Error("PDF: tiling or journeys still greyed out")
	}
	f.paper.SetSelectedIndex(len(papers)) // custom
	if problem.Visible() {
		t.Errorf("a custom 1189×841 mm paper refused: %s", problem.Text)
	}
}

func TestExportJobWritesOrLeavesNothingWhenCancelled(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	dir := t.TempDir()
	job := testJob(t, e)
	path := filepath.Join(dir, "poster.pdf")
	if err := ExportJob(path, job, "pdf", nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "%PDF") {
		t.Fatal("no PDF written")
	}
	var cancelled atomic.Bool
	cancelled.Store(true)
	other := filepath.Join(dir, "cancelled.pdf")
	if err := ExportJob(other, job, "pdf", &cancelled); err == nil {
		t.Fatal("a cancelled export succeeded")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("a cancelled export left %d files", len(ents))
	}
	png := filepath.Join(dir, "poster.png")
	job.DPI = 20
	if err := ExportJob(png, job, "png", nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(png); !strings.HasPrefix(string(b), "\x89PNG") {
		t.Fatal("no PNG written")
	}
	svg := filepath.Join(dir, "poster.svg")
	if err := ExportJob(svg, job, "svg", nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(svg); !strings.Contains(string(b), "<svg ") || !strings.Contains(string(b), job.Journeys[0].Title) {
		t.Fatal("no SVG of the journey written")
	}
}

func testJob(t *testing.T, e *Editor) poster.Job {
	t.Helper()
	return poster.Job{Doc: e.Document(), Journeys: e.Document().Journeys[:1], Options: poster.Options{}}
}

func TestExportDialogParts(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	f := e.showExport()
	if f == nil {
		t.Fatal("no export dialog")
	}
	job, _, err := f.job()
	if err != nil {
		t.Fatal(err)
	}
	// By default the poster has every part and no page after it.
	if job.Options.NoPersona || job.Layout.NoOpportunities || !job.Layout.Quotes || job.Options.Plan || job.Compare {
		t.Errorf("default parts: %+v %+v compare %v", job.Options, job.Layout, job.Compare)
	}
	f.persona.SetChecked(false)
	f.opportunities.SetChecked(false)
	f.quotes.SetChecked(false)
	f.planPage.SetChecked(true)
	f.comparePage.SetChecked(true) // the sample's first journey has a target made from it
	job, _, err = f.job()
	if err != nil {
		t.Fatal(err)
	}
	if !job.Options.NoPersona || !job.Layout.NoOpportunities || job.Layout.Quotes || !job.Options.Plan || !job.Compare {
		t.Errorf("parts not followed: %+v %+v compare %v", job.Options, job.Layout, job.Compare)
	}
	if f.problem.Visible() {
		t.Errorf("refused: %s", f.problem.Text)
	}
	// Pages after the poster do not go in a picture: greyed out.
	f.format.SetSelected("PNG")
	job, _, err = f.job()
	if err != nil || job.Options.Plan || job.Compare || !f.planPage.Disabled() || !f.comparePage.Disabled() {
		t.Errorf("PNG with added pages: %v, plan %v compare %v, disabled %v %v", err, job.Options.Plan, job.Compare, f.planPage.Disabled(), f.comparePage.Disabled())
	}
	f.format.SetSelected("PDF")
	// A journey with nothing to compare with is refused in plain words.
	j := e.Document().Journeys[0]
	origin := j.Origin
	for _, x := range e.Document().Journeys[1:] {
		x.Origin = ""
	}
	j.Origin = ""
	f.refresh()
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, T("ui.journey_duplicate")) {
		t.Errorf("nothing to compare with, not refused: %q", f.problem.Text)
	}
	j.Origin = origin
}
