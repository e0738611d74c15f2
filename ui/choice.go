package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choice is a drop-down list as wide as its longest option. Fyne's Select
// is only as wide as its placeholder and cuts longer choices with an
// ellipsis: the Language dialog showed « Langue du … » for « Langue du
// système ». Meant for short fixed lists in dialogs, whose options are our
// own words: user texts (stage names) could be long, and must not widen a
// panel.
type choice struct{ widget.Select }

func newChoice(options []string, changed func(string)) *choice {
	c := &choice{}
	c.Options, c.OnChanged = options, changed
	c.PlaceHolder = T("ui.choose")
	c.ExtendBaseWidget(c)
	return c
}

// MinSize leaves room for the longest option, laid out as Select lays out
// its text: inner padding around it and the drop-down icon.
func (c *choice) MinSize() fyne.Size {
	m := c.Select.MinSize()
	th := c.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	for _, o := range c.Options {
		w := fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width
		m.Width = max(m.Width, w+pad*4+th.Size(theme.SizeNameInlineIcon))
	}
	return m
}
