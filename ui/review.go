package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
	"parcours/model/insight"
)

// Periodic reviews in the window (issue 13): Journey → New review… takes
// a dated snapshot of the journey's measures, Journey → Reviews… renames
// and deletes them; both are edits, saved at once and undone with ctrl+Z.

// today is the date a new review proposes; tests fix it.
var today = func() string { return time.Now().Format(model.DateLayout) }

// askNewReview asks for the review's date (today by default) and note, then
// takes it. A date that is not a calendar day keeps the button disabled,
// with the reason under the field.
func (e *Editor) askNewReview() {
	j := e.Journey()
	if j == nil || e.editor == nil {
		return
	}
	date := widget.NewEntry()
	date.SetText(today())
	date.SetPlaceHolder("YYYY-MM-DD")
	// Said at once, focused or not, so that the button is never enabled
	// for a date the review would refuse.
	date.AlwaysShowValidationError = true
	date.Validator = func(s string) error {
		if !model.ValidDate(strings.TrimSpace(s)) {
			return errors.New(T("ui.review.bad_date"))
		}
		return nil
	}
	note := widget.NewEntry()
	note.SetPlaceHolder(T("ui.review.note_hint"))
	id := j.ID
	d := dialog.NewForm(T("ui.review.new_title", j.Title), T("ui.review.take"), T("ui.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem(T("ui.review.date"), date),
			widget.NewFormItem(T("ui.review.note"), note),
		}, func(ok bool) {
			if ok {
				e.takeReview(id, strings.TrimSpace(date.Text), strings.TrimSpace(note.Text))
			}
		}, e.win)
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
	e.win.Canvas().Focus(note)
}

// takeReview snapshots journey id as it is now.
func (e *Editor) takeReview(id, date, note string) {
	j := e.Document().Journey(id)
	if j == nil {
		return
	}
	if err := e.Do(insight.ReviewNow(id, date, note)); err == nil {
		e.setStatus(T("ui.review.taken", date, len(j.Touchpoints)))
	}
}

// askReviews lists the journey's reviews, newest first, each with its
// rename and delete buttons.
func (e *Editor) askReviews() {
	j := e.Journey()
	if j == nil || e.editor == nil {
		return
	}
	list := container.NewVBox()
	var dlg dialog.Dialog
	fill := func() {}
	fill = func() {
		list.Objects = nil
		j := e.Journey()
		if j == nil {
			return
		}
		if len(j.Reviews) == 0 {
			list.Add(widget.NewLabel(T("ui.review.none")))
		}
		for i := len(j.Reviews) - 1; i >= 0; i-- {
			r := j.Reviews[i]
			jid, rid := j.ID, r.ID
			rename := widget.NewButton(T("ui.rename"), func() {
				entry := widget.NewEntry()
				entry.SetText(r.Note)
				dialog.ShowForm(T("ui.review.rename_title", r.Date), T("ui.ok"), T("ui.cancel"),
					[]*widget.FormItem{widget.NewFormItem(T("ui.review.note"), entry)}, func(ok bool) {
						if ok && e.Do(model.RenameReview(jid, rid, strings.TrimSpace(entry.Text))) == nil {
							fill()
						}
					}, e.win)
			})
			del := widget.NewButton(T("ui.delete"), func() {
				e.confirmDelete(T("ui.review.delete_q", r.Label()), func() {
					if e.Do(model.DeleteReview(jid, rid)) == nil {
						fill()
					}
				})
			})
			list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(rename, del), widget.NewLabel(r.Label())))
		}
		list.Refresh()
	}
	fill()
	dlg = dialog.NewCustom(T("ui.review.list_title", j.Title), T("ui.close"), container.NewVScroll(list), e.win)
	dlg.Resize(fyne.NewSize(560, 360))
	dlg.Show()
}

// surveyReviewCheck is the survey import's option to take a review of the
// journey as the survey leaves it, dated today, in the same step of undo.
func surveyReviewCheck() *widget.Check {
	return widget.NewCheck(T("ui.review.with_survey", today()), nil)
}

// withReview adds to a survey import, when asked, the review it is the
// occasion of.
func withReview(c model.Command, check *widget.Check, journey, survey string) model.Command {
	if !check.Checked {
		return c
	}
	return &model.Batch{Name: c.Label(), Commands: []model.Command{c,
		insight.ReviewNow(journey, today(), T("cli.review.survey_note", survey))}}
}
