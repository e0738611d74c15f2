package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
)

// opportunityKinds and statuses in the order the selects show them.
func kindNames() []string {
	out := make([]string, len(model.OpportunityKinds))
	for i, k := range model.OpportunityKinds {
		out[i] = T("kind." + string(k))
	}
	return out
}

func statusNames() []string {
	out := make([]string, len(model.OpportunityStatuses))
	for i, s := range model.OpportunityStatuses {
		out[i] = T("plan.status." + string(s))
	}
	return out
}

var oneToFive = []string{"1", "2", "3", "4", "5"}

// editOpportunity opens the form of opportunity id, or of a new one linked
// to the touchpoints given when id is "".
func (e *Editor) editOpportunity(id string, link []string) {
	j := e.Journey()
	if j == nil {
		return
	}
	o := &model.Opportunity{Kind: model.Optimize, Impact: 3, Effort: 3, Status: model.Proposed, Touchpoints: link}
	if id != "" {
		if found := j.Opportunity(id); found != nil {
			o = found
		}
	}
	title := e.newDialogEntry()
	title.SetText(o.Title)
	released := func(string) { e.released() }
	kind := newChoice(kindNames(), released)
	kind.SetSelectedIndex(slices.Index(model.OpportunityKinds, o.Kind))
	impact := widget.NewRadioGroup(oneToFive, released)
	impact.Horizontal, impact.Required = true, true
	impact.SetSelected(strconv.Itoa(o.Impact))
	effort := widget.NewRadioGroup(oneToFive, released)
	effort.Horizontal, effort.Required = true, true
	effort.SetSelected(strconv.Itoa(o.Effort))
	owner := e.newDialogEntry()
	owner.SetText(o.Owner)
	status := newChoice(statusNames(), released)
	status.SetSelectedIndex(slices.Index(model.OpportunityStatuses, o.Status))
	linked := map[string]bool{}
	for _, t := range o.Touchpoints {
		linked[t] = true
	}
	timeline := model.TimelineOf(j)
	list := widget.NewList(func() int { return len(timeline) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			id := timeline[i].ID
			c.OnChanged = nil
			c.Text = timeline[i].Title
			c.SetChecked(linked[id])
			c.OnChanged = func(b bool) { linked[id] = b; e.released() }
			c.Refresh()
		})
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Hide()
	form := widget.NewForm(
		widget.NewFormItem(T("ui.title"), title),
		widget.NewFormItem(T("ui.kind"), kind),
		widget.NewFormItem(T("ui.impact"), impact),
		widget.NewFormItem(T("ui.effort"), effort),
		widget.NewFormItem(T("ui.owner"), owner),
		widget.NewFormItem(T("ui.status"), status),
	)
	body := container.NewBorder(container.NewVBox(form, problem, widget.NewLabel(T("ui.linked"))), nil, nil, nil, list)
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm(T("ui.opportunity"), T("ui.ok"), T("ui.cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		if strings.TrimSpace(title.Text) == "" {
			problem.SetText(T("ui.empty_title"))
			problem.Show()
			e.show(d) // keep the form open with what was typed
			return
		}
		var ids []string
		for _, t := range timeline {
			if linked[t.ID] {
				ids = append(ids, t.ID)
			}
		}
		if ids == nil {
			ids = []string{}
		}
		imp, _ := strconv.Atoi(impact.Selected)
		eff, _ := strconv.Atoi(effort.Selected)
		v := model.Opportunity{ID: id, Title: strings.TrimSpace(title.Text), Kind: model.OpportunityKinds[max(0, kind.SelectedIndex())],
			Impact: imp, Effort: eff, Owner: strings.TrimSpace(owner.Text),
			Status: model.OpportunityStatuses[max(0, status.SelectedIndex())], Touchpoints: ids}
		e.saveOpportunity(v)
	}, e.win)
	d.Resize(fyne.NewSize(640, 640))
	e.show(d)
}

// saveOpportunity adds v (empty ID) or replaces the opportunity of its ID.
func (e *Editor) saveOpportunity(v model.Opportunity) {
	name := T("ui.edit_opportunity")
	if v.ID == "" {
		v.ID = model.NewID("o")
		name = T("ui.add_opportunity")
	}
	_ = e.edit(name, func(_ *model.Document, j *model.Journey) error {
		if o := j.Opportunity(v.ID); o != nil {
			*o = v
			return nil
		}
		j.Opportunities = append(j.Opportunities, &v)
		return nil
	})
}

// deleteOpportunity removes an opportunity after asking.
func (e *Editor) deleteOpportunity(id string) {
	j := e.Journey()
	o := j.Opportunity(id)
	if o == nil {
		return
	}
	e.confirmDelete(T("ui.delete_opportunity_q", o.Title), func() {
		_ = e.edit(T("ui.delete_opportunity"), func(_ *model.Document, j *model.Journey) error {
			if j.Opportunity(id) == nil {
				return errors.New(T("ui.none"))
			}
			j.Opportunities = slices.DeleteFunc(j.Opportunities, func(x *model.Opportunity) bool { return x.ID == id })
			return nil
		})
	})
}
