package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Fyne's desktop driver offers a shortcut to the main menu first, before
// the widget that has the focus. Left alone, ctrl+A, C, V, X, Z and Y of
// the Edit menu would act on the map while the user types in a field.
// Every menu item and window shortcut therefore runs through route, which
// decides by what has the keyboard.

// scope says what a command acts on.
type scope int

const (
	// onText commands are also text editing keys (undo, copy, select
	// all…): a focused text field gets them instead of the map.
	onText scope = iota
	// onMap commands act on the selected cards, stages or lanes: they do
	// nothing while a text field has the keyboard.
	onMap
	// onWindow commands act on the document or the window (save, export,
	// zoom, open a dialog): a field being typed in is saved first.
	onWindow
)

// textField is a focused widget that edits text: an Entry or a widget
// built on one.
type textField interface {
	fyne.Focusable
	fyne.Shortcutable
	SelectedText() string
}

// route wraps the action of a menu item or window shortcut sc.
func (e *Editor) route(sc fyne.Shortcut, s scope, action func()) func() {
	return func() {
		c := e.win.Canvas()
		field, typing := c.Focused().(textField)
		if typing && s == onText && sc != nil {
			field.TypedShortcut(e.withClipboard(sc))
			return
		}
		if e.dialogOpen() || (typing && s == onMap) {
			return
		}
		if typing {
			c.Unfocus() // saves what was typed, as leaving the field does
		}
		action()
	}
}

// withClipboard fills in the clipboard that a copy, cut or paste shortcut
// needs: the menu hands over the shortcut it was declared with, which
// has none.
func (e *Editor) withClipboard(sc fyne.Shortcut) fyne.Shortcut {
	cb := e.app.Clipboard()
	switch sc.(type) {
	case *fyne.ShortcutCopy:
		return &fyne.ShortcutCopy{Clipboard: cb}
	case *fyne.ShortcutCut:
		return &fyne.ShortcutCut{Clipboard: cb}
	case *fyne.ShortcutPaste:
		return &fyne.ShortcutPaste{Clipboard: cb}
	}
	return sc
}

// addShortcut binds sc on the window, outside any menu.
func (e *Editor) addShortcut(sc fyne.Shortcut, s scope, action func()) {
	run := e.route(sc, s, action)
	e.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { run() })
}

func shortcut(k fyne.KeyName, mods fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | mods}
}
