package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// segmented is a row of buttons, one of them chosen, sharing the width of
// its panel. A horizontal radio group needs all its labels side by side
// at full width: the five emotions took 398 px, and the inspector is 268.
type segmented struct {
	box      *fyne.Container
	options  []string
	buttons  []*widget.Button
	Selected string
	// OnChanged is called when the user (or SetSelected) picks another.
	OnChanged func(string)
}

func newSegmented(options, labels []string, changed func(string)) *segmented {
	s := &segmented{options: options, OnChanged: changed, box: container.NewGridWithColumns(len(options))}
	for i, o := range options {
		b := widget.NewButton(labels[i], func() { s.SetSelected(o) })
		s.buttons = append(s.buttons, b)
		s.box.Add(b)
	}
	return s
}

// SetSelected chooses option o, shown as the highlighted button.
func (s *segmented) SetSelected(o string) {
	if !slices.Contains(s.options, o) || o == s.Selected {
		return
	}
	s.Selected = o
	for i, b := range s.buttons {
		if s.options[i] == o {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	if s.OnChanged != nil {
		s.OnChanged(o)
	}
}
