package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// The window's dialogs all open through show, so that the editor knows
// which one is on top: Escape cancels it, Enter confirms it, and while
// one is open the window's own commands wait (dialogs never stack on a
// shortcut pressed behind them).

// confirmer is a dialog with a default button that Enter presses.
type confirmer interface{ Confirm() }

// submitter is a form dialog, whose Submit checks and confirms it.
type submitter interface{ Submit() }

// show opens d as the window's dialog on top of those already open.
func (e *Editor) show(d dialog.Dialog) {
	e.dialogs = append(e.dialogs, d)
	d.SetOnClosed(func() {
		e.dialogs = slices.DeleteFunc(e.dialogs, func(x dialog.Dialog) bool { return x == d })
	})
	d.Show()
}

// dialogOpen says whether a dialog, ours or one Fyne opened on its own
// (the file chooser's "Overwrite?"), covers the window.
func (e *Editor) dialogOpen() bool {
	return len(e.dialogs) > 0 || e.win.Canvas().Overlays().Top() != nil
}

// cancelDialog answers Escape: the dialog on top closes as its Cancel
// button would close it.
func (e *Editor) cancelDialog() bool {
	if n := len(e.dialogs); n > 0 {
		e.dialogs[n-1].Dismiss()
		return true
	}
	if top := e.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
		return true
	}
	return false
}

// confirmDialog answers Enter outside a text field: the dialog on top is
// confirmed as its default button would confirm it.
func (e *Editor) confirmDialog() bool {
	n := len(e.dialogs)
	if n == 0 {
		return false
	}
	switch d := e.dialogs[n-1].(type) {
	case submitter:
		d.Submit()
	case confirmer:
		d.Confirm()
	default:
		d.Hide() // information and custom dialogs: their only button closes them
	}
	return true
}

// showError says what went wrong in a dialog of its own.
func (e *Editor) showError(err error) {
	e.show(dialog.NewError(err, e.win))
}

// showInfo shows a message with a Close button.
func (e *Editor) showInfo(title, text string) {
	e.show(dialog.NewInformation(title, text, e.win))
}

// released gives the keyboard back to the dialog after a choice made with
// the pointer: Fyne's checks, radio buttons and lists keep the focus when
// tapped and swallow Escape and Enter, which the dialog should get.
func (e *Editor) released() {
	if _, typing := e.win.Canvas().Focused().(textField); !typing {
		e.win.Canvas().Unfocus()
	}
}

// dialogEntry is a text field of a dialog: Escape cancels the dialog,
// Enter (on one line) confirms it, everything else is typing.
type dialogEntry struct {
	widget.Entry
	e *Editor
}

var _ fyne.Widget = (*dialogEntry)(nil)

func (e *Editor) newDialogEntry() *dialogEntry {
	d := &dialogEntry{e: e}
	d.ExtendBaseWidget(d)
	return d
}

// TypedKey takes Escape and Enter for the dialog.
func (d *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape:
		d.e.cancelDialog()
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !d.MultiLine && d.OnSubmitted == nil:
		d.e.confirmDialog()
	default:
		d.Entry.TypedKey(k)
	}
}

// dialogList is a list in a dialog: Escape cancels the dialog.
type dialogList struct {
	widget.List
	e *Editor
}

var _ fyne.Widget = (*dialogList)(nil)

// TypedKey takes Escape for the dialog.
func (l *dialogList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		l.e.cancelDialog()
		return
	}
	l.List.TypedKey(k)
}
