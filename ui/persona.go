package ui

import (
	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
)

// PersonaCard sits beside the map: who the journey is drawn for, so that
// the map is read from the customer's point of view. Clicking it opens the
// persona in the inspector.
type PersonaCard struct {
	e      *Editor
	box    *fyne.Container
	avatar *fcanvas.Image
	name   *widget.Label
	job    *widget.Label
	quote  *widget.Label
}

// NewPersonaCard builds the card of editor e.
func NewPersonaCard(e *Editor) *PersonaCard {
	p := &PersonaCard{e: e, avatar: fcanvas.NewImageFromResource(nil),
		name: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		job:  widget.NewLabel(""), quote: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})}
	p.avatar.FillMode = fcanvas.ImageFillContain
	p.avatar.SetMinSize(fyne.NewSize(48, 48))
	for _, l := range []*widget.Label{p.name, p.job, p.quote} {
		l.Wrapping = fyne.TextWrapWord
	}
	open := widget.NewButton(T("ui.persona_card"), func() {
		e.sel = selection{}
		e.showSelection()
	})
	open.Importance = widget.LowImportance
	p.box = container.NewVBox(open, container.NewBorder(nil, nil, p.avatar, nil, p.name), p.job, p.quote, widget.NewSeparator())
	return p
}

// Content is the card's widget tree.
func (p *PersonaCard) Content() fyne.CanvasObject { return p.box }

// Show fills the card for journey j of d; a journey without persona shows
// no card.
func (p *PersonaCard) Show(d *model.Document, j *model.Journey) {
	var ps *model.Persona
	if d != nil && j != nil {
		ps = d.Persona(j.Persona)
	}
	if ps == nil {
		p.box.Hide()
		return
	}
	p.name.SetText(ps.Name)
	p.job.SetText(ps.JobAndAge())
	p.quote.SetText(ps.Quote)
	if len(ps.Avatar) > 0 {
		p.avatar.Resource = fyne.NewStaticResource(ps.ID+".card", ps.Avatar)
		p.avatar.Show()
	} else {
		p.avatar.Resource = nil
		p.avatar.Hide()
	}
	p.avatar.Refresh()
	p.box.Show()
}
