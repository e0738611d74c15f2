package ui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/survey"
)

// InsightsPanel tells the designer where the journey hurts and where to
// listen (CONTRACTS §4): stage scores against the target, listening
// points to set up with their reasons (one click marks one listened),
// key moments without lever, peaks and drops. Each touchpoint named is a
// link that selects its card.
type InsightsPanel struct {
	e       *Editor
	box     *fyne.Container
	visible bool
}

// maxListed keeps the panel quick on a thousand-card map.
const maxListed = 100

// NewInsightsPanel builds the panel of editor e.
func NewInsightsPanel(e *Editor) *InsightsPanel {
	return &InsightsPanel{e: e, box: container.NewVBox()}
}

// Content is the panel's widget tree.
func (p *InsightsPanel) Content() fyne.CanvasObject { return p.box }

// SetVisible tells the panel whether it is on screen; it is filled only
// then.
func (p *InsightsPanel) SetVisible(v bool) {
	p.visible = v
	p.Refresh()
}

// Refresh fills the panel from the journey on screen.
func (p *InsightsPanel) Refresh() {
	j := p.e.Journey()
	if !p.visible || j == nil {
		return
	}
	var r insight.Report
	if s := p.e.mapView.Scene(); s != nil && s.JourneyID == j.ID {
		r = s.Insights // worked out with the layout on screen
	} else {
		r = insight.Analyze(j)
	}
	var items []fyne.CanvasObject
	add := func(o ...fyne.CanvasObject) { items = append(items, o...) }
	wrap := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	card := func(id string) fyne.CanvasObject {
		t := j.Touchpoint(id)
		if t == nil {
			return widget.NewLabel(id)
		}
		return link(t.Title, func() {
			p.e.sel = cardsSelection(id)
			p.e.showSelection()
			p.e.scrollTo(id)
		})
	}
	add(heading(T("ui.insights.stages", formatDecimal(j.TargetScore))))
	for i, si := range r.Stages {
		emotion, score := "–", T("ui.not_measured")
		if si.AverageEmotion != nil {
			emotion = formatDecimal(*si.AverageEmotion)
		}
		if si.AverageScore != nil {
			score = formatDecimal(*si.AverageScore)
		}
		line := T("ui.insights.stage", j.Stages[i].Name, emotion, score, si.Measured)
		l := wrap(line)
		if si.BelowTarget {
			l.SetText(line + " — " + T("ui.insights.below"))
			l.Importance = widget.DangerImportance
		}
		add(l)
	}
	add(trends(j)...)
	add(widget.NewSeparator(), heading(T("ui.insights.listen", len(r.ListeningPoints))))
	for i, a := range r.ListeningPoints {
		if i == maxListed {
			add(widget.NewLabel(T("ui.insights.more", len(r.ListeningPoints)-maxListed)))
			break
		}
		id := a.Touchpoint
		// The button goes under the text: beside it, it would leave a long
		// title a narrow column.
		add(card(id), wrap(a.Reason), container.NewHBox(
			widget.NewButton(T("ui.insights.mark_listened"), func() { _ = p.e.setTouchpointText(id, "listened", "true") })))
	}
	add(widget.NewSeparator(), heading(T("ui.insights.no_lever", len(r.NoLever))))
	for i, a := range r.NoLever {
		if i == maxListed {
			add(widget.NewLabel(T("ui.insights.more", len(r.NoLever)-maxListed)))
			break
		}
		add(card(a.Touchpoint), wrap(a.Reason))
	}
	for _, list := range []struct {
		key string
		ids []string
	}{{"ui.insights.peaks", r.Peaks}, {"ui.insights.drops", r.Drops}} {
		add(widget.NewSeparator(), heading(T(list.key, len(list.ids))))
		for i, id := range list.ids {
			if i == maxListed {
				add(widget.NewLabel(T("ui.insights.more", len(list.ids)-maxListed)))
				break
			}
			add(card(id))
		}
	}
	if r.First != "" {
		add(widget.NewSeparator(), widget.NewLabel(T("ui.insights.first")), card(r.First), widget.NewLabel(T("ui.insights.last")), card(r.Last))
	}
	var channels []string
	for _, c := range model.Channels {
		if n := r.PerChannel[c]; n > 0 {
			channels = append(channels, fmt.Sprintf("%s (%d)", T("channel."+string(c)), n))
		}
	}
	add(widget.NewSeparator(), heading(T("ui.insights.channels")), wrap(strings.Join(channels, ", ")))
	p.box.Objects = items
	p.box.Refresh()
}

// askSurvey imports survey scores from a CSV file into the journey on
// screen, after showing what will change.
func (e *Editor) askSurvey() {
	if e.Journey() == nil {
		return
	}
	e.askFile([]string{".csv", ".txt", ".tsv"}, func(path string, data []byte) {
		e.previewSurvey(filepath.Base(path), data, 10)
	}, true)
}

// previewSurvey shows what the survey would change and imports it on
// confirmation, as one step of undo.
func (e *Editor) previewSurvey(name string, data []byte, scale int) {
	plan, err := e.ReadSurvey(name, data, scale)
	if err != nil {
		e.showError(err)
		return
	}
	grid := container.NewGridWithColumns(4,
		heading(T("ui.touchpoint")), heading(T("ui.survey.old")), heading(T("ui.survey.new")), heading(T("ui.survey.answers")))
	for _, c := range plan.Changes {
		old := "–"
		if c.OldScore != nil {
			old = formatDecimal(*c.OldScore)
		}
		grid.Add(widget.NewLabel(c.Title))
		grid.Add(widget.NewLabel(old))
		grid.Add(widget.NewLabel(formatDecimal(c.NewScore)))
		grid.Add(widget.NewLabel(fmt.Sprint(c.NewResponses)))
	}
	scales := []string{T("ui.survey.scale10"), T("ui.survey.scale5")}
	scaleSel := newChoice(scales, nil)
	if scale == 5 {
		scaleSel.SetSelectedIndex(1)
	} else {
		scaleSel.SetSelectedIndex(0)
	}
	var dlg *dialog.ConfirmDialog
	scaleSel.OnChanged = func(string) {
		next := 10
		if scaleSel.SelectedIndex() == 1 {
			next = 5
		}
		e.released()
		if next != scale {
			dlg.Hide()
			e.previewSurvey(name, data, next)
		}
	}
	summary := widget.NewLabel(T("ui.survey.summary", T("ui.survey.rows", plan.Rows), len(plan.Changes)))
	review := surveyReviewCheck()
	body := container.NewBorder(container.NewVBox(summary, container.NewHBox(widget.NewLabel(T("ui.survey.scale")), scaleSel)), review, nil, nil,
		container.NewVScroll(grid))
	jid := e.journey
	dlg = dialog.NewCustomConfirm(T("ui.survey.title", name), T("ui.survey.import"), T("ui.cancel"), body, func(ok bool) {
		if ok {
			if err := e.Do(withReview(plan.Command(), review, jid, name)); err == nil {
				e.setStatus(T("ui.survey.done", T("ui.survey.rows_imported", plan.Rows), len(plan.Changes)))
			}
		}
	}, e.win)
	dlg.Resize(fyne.NewSize(720, 520))
	e.show(dlg)
}

// ReadSurvey reads survey CSV data against the journey on screen; it
// changes nothing.
func (e *Editor) ReadSurvey(name string, data []byte, scale int) (*survey.Plan, error) {
	return survey.Read(bytes.NewReader(data), name, e.Journey(), survey.Options{Scale: scale})
}
