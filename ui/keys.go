package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
)

// bindKeys handles the keys that reach the window when no field has the
// focus: moving the selection between cards, nudging cards, deleting,
// renaming.
func (e *Editor) bindKeys() {
	c := e.win.Canvas()
	c.SetOnTypedKey(e.typedKey)
	// Holding the space bar turns a drag on the map into a pan, as in
	// drawing programs.
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(k *fyne.KeyEvent) {
			if k.Name == fyne.KeySpace {
				e.mapView.Panning = true
			}
		})
		dc.SetOnKeyUp(func(k *fyne.KeyEvent) {
			if k.Name == fyne.KeySpace {
				e.mapView.Panning = false
			}
		})
	}
	// ctrl+arrows nudge the selected card between slots and lanes.
	for key, by := range map[fyne.KeyName][2]int{fyne.KeyLeft: {-1, 0}, fyne.KeyRight: {1, 0}, fyne.KeyUp: {0, -1}, fyne.KeyDown: {0, 1}} {
		e.addShortcut(shortcut(key, 0), onMap, func() { e.Nudge(by[0], by[1]) })
	}
}

// typedKey gets the keys that no widget took: nothing has the focus, so
// they act on the map, or on the dialog on top when one is open.
func (e *Editor) typedKey(k *fyne.KeyEvent) {
	if e.dialogOpen() {
		switch k.Name {
		case fyne.KeyEscape:
			e.cancelDialog()
		case fyne.KeyReturn, fyne.KeyEnter:
			e.confirmDialog()
		}
		return
	}
	switch k.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		e.DeleteSelection()
	case fyne.KeyF2:
		e.renameSelection()
	case fyne.KeyF5: // the desktop driver sends no shortcut without a modifier
		e.Present()
	case fyne.KeyEscape:
		e.sel = selection{}
		e.showSelection()
	case fyne.KeyLeft:
		e.step(-1)
	case fyne.KeyRight, fyne.KeyTab:
		e.step(1)
	case fyne.KeyUp:
		e.stepLane(-1)
	case fyne.KeyDown:
		e.stepLane(1)
	}
}

// step selects the previous or next card on the timeline.
func (e *Editor) step(by int) {
	s := e.mapView.Scene()
	if s == nil || len(s.Cards) == 0 {
		return
	}
	i := -1
	if e.sel.kind == selCards {
		i = s.CardIndex(e.sel.ids[len(e.sel.ids)-1])
	}
	switch {
	case i < 0 && by > 0:
		i = 0
	case i < 0:
		i = len(s.Cards) - 1
	default:
		i = max(0, min(len(s.Cards)-1, i+by))
	}
	e.sel = cardsSelection(s.Cards[i].TouchpointID)
	e.showSelection()
	e.scrollTo(s.Cards[i].TouchpointID)
}

// stepLane selects the nearest card in the lane above or below.
func (e *Editor) stepLane(by int) {
	s := e.mapView.Scene()
	if s == nil || e.sel.kind != selCards {
		e.step(by)
		return
	}
	i := s.CardIndex(e.sel.ids[len(e.sel.ids)-1])
	if i < 0 {
		return
	}
	from := s.Cards[i]
	best, dist := -1, 0.0
	for row := from.Row + by; row >= 0 && row < len(s.Rows) && best < 0; row += by {
		for k, c := range s.Cards {
			if c.Row != row {
				continue
			}
			d := c.Rect.X - from.Rect.X
			if d < 0 {
				d = -d
			}
			if best < 0 || d < dist {
				best, dist = k, d
			}
		}
	}
	if best >= 0 {
		e.sel = cardsSelection(s.Cards[best].TouchpointID)
		e.showSelection()
		e.scrollTo(s.Cards[best].TouchpointID)
	}
}

// Nudge moves the selected card one slot along the timeline (dx), into
// the neighbouring stage at the ends, or to the lane above or below (dy).
func (e *Editor) Nudge(dx, dy int) {
	j := e.Journey()
	if j == nil || e.sel.kind != selCards || len(e.sel.ids) != 1 {
		return
	}
	t := j.Touchpoint(e.sel.ids[0])
	if t == nil {
		return
	}
	stage, lane := t.Stage, t.Lane
	inStage := j.StageTouchpoints(stage)
	slot := slices.Index(inStage, t)
	col := j.StageIndex(stage)
	switch {
	case dx < 0 && slot > 0:
		slot--
	case dx < 0 && col > 0:
		stage = j.Stages[col-1].ID
		slot = len(j.StageTouchpoints(stage))
	case dx > 0 && slot < len(inStage)-1:
		slot++
	case dx > 0 && col < len(j.Stages)-1:
		stage, slot = j.Stages[col+1].ID, 0
	case dy != 0:
		row := j.LaneIndex(lane) + dy
		if row < 0 || row >= len(j.Lanes) {
			return
		}
		lane = j.Lanes[row].ID
	default:
		return
	}
	_ = e.Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: t.ID, Stage: stage, Lane: lane, Slot: slot})
}

// shortcutsHelp lists the keyboard shortcuts (Help menu).
func shortcutsHelp() [][2]string {
	return [][2]string{
		{"Ctrl+N", T("ui.new")}, {"Ctrl+O", T("ui.open")}, {"Ctrl+S", T("ui.save")}, {"Ctrl+Shift+S", T("ui.save_as")},
		{"Ctrl+E", T("ui.export.menu")}, {"Ctrl+Q", T("ui.quit")},
		{"Ctrl+Z", T("ui.undo")}, {"Ctrl+Y, Ctrl+Shift+Z", T("ui.redo")},
		{"Ctrl+X", T("ui.cut")}, {"Ctrl+C", T("ui.copy")}, {"Ctrl+V", T("ui.paste")}, {"Ctrl+D", T("ui.duplicate")},
		{"Ctrl+A", T("ui.select_all")}, {"Ctrl+F", T("ui.find")}, {T("ui.key.delete"), T("ui.delete")}, {"F2", T("ui.rename")},
		{T("ui.key.arrows"), T("ui.key.arrows_do")}, {T("ui.key.ctrl_arrows"), T("ui.key.ctrl_arrows_do")},
		{"Tab", T("ui.key.tab_do")}, {"Échap / Esc", T("ui.key.escape_do")},
		{"Ctrl+= / Ctrl+-", T("ui.zoom_in") + " / " + T("ui.zoom_out")}, {"Ctrl+0", T("ui.zoom_reset")}, {"Ctrl+9", T("ui.fit")},
		{T("ui.key.ctrl_wheel"), T("ui.key.ctrl_wheel_do")}, {T("ui.key.space_drag"), T("ui.key.space_drag_do")},
		{T("ui.key.header_drag"), T("ui.key.header_drag_do")},
		{"Ctrl+M / Ctrl+Shift+M", T("ui.micro") + " / " + T("ui.macro")}, {"F5", T("ui.present")},
		{"Ctrl+Shift+P", T("ui.show_palette")}, {"Ctrl+Shift+I", T("ui.show_inspector")},
		{T("ui.key.curve"), T("ui.key.curve_do")},
		{T("ui.key.double_click"), T("ui.key.double_click_do")}, {T("ui.key.shift_click"), T("ui.key.shift_click_do")},
		{"Ctrl+Shift+O", T("ui.recent_dialog")}, {"Ctrl+I", T("ui.survey.menu")}, {"Ctrl+Shift+U", T("ui.language_setting")},
		{"Ctrl+Shift+N", T("ui.journey_add")}, {"Ctrl+Shift+R", T("ui.journey_rename")}, {"Ctrl+Shift+D", T("ui.journey_duplicate")},
		{"Ctrl+Shift+" + T("ui.key.delete"), T("ui.journey_delete")}, {"Ctrl+K", T("ui.compare")},
		{"Ctrl+Shift+K", T("ui.compare_with")}, {"Ctrl+J", T("ui.review.new")}, {"Ctrl+Shift+J", T("ui.review.list")},
		{"Ctrl+Shift+G", T("ui.add_stage")}, {"Ctrl+Shift+L", T("ui.add_lane")},
		{"Ctrl+/", T("ui.shortcuts")}, {"Ctrl+Shift+A", T("ui.about")},
	}
}

func (e *Editor) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, s := range shortcutsHelp() {
		grid.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(s[1]))
	}
	d := dialog.NewCustom(T("ui.shortcuts"), T("ui.close"), container.NewVScroll(grid), e.win)
	d.Resize(fyne.NewSize(640, 600))
	e.show(d)
}

func (e *Editor) showAbout() {
	e.showInfo("Parcours", T("ui.about_text", appVersion()))
}

// askLanguage chooses the window's language; Fyne reads it at start, so
// it applies the next time Parcours opens.
func (e *Editor) askLanguage() {
	options := []string{T("ui.lang.system"), T("ui.lang.fr"), T("ui.lang.en")}
	codes := []string{"", "fr", "en"}
	sel := newChoice(options, func(string) { e.released() })
	sel.SetSelectedIndex(max(0, slices.Index(codes, e.app.Preferences().String(prefLanguage))))
	d := dialog.NewForm(T("ui.language_setting"), T("ui.ok"), T("ui.cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("ui.language"), sel)}, func(ok bool) {
			if ok && sel.SelectedIndex() >= 0 {
				e.app.Preferences().SetString(prefLanguage, codes[sel.SelectedIndex()])
				e.setStatus(T("ui.language_restart"))
			}
		}, e.win)
	d.Resize(fyne.NewSize(520, 0))
	e.show(d)
}

// askRecent lists the recent documents in a dialog, so that they can be
// reached from the keyboard too.
func (e *Editor) askRecent() {
	var paths []string
	for _, p := range e.app.Preferences().StringList(prefRecent) {
		if _, err := os.Stat(p); err == nil {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		e.showInfo(T("ui.recent"), T("ui.none"))
		return
	}
	var d dialog.Dialog
	list := &dialogList{e: e}
	list.Length = func() int { return len(paths) }
	list.CreateItem = func() fyne.CanvasObject { return widget.NewLabel("") }
	list.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(paths[i]) }
	list.ExtendBaseWidget(list)
	list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		if err := e.Open(paths[i]); err != nil {
			e.showError(err)
		}
	}
	d = dialog.NewCustom(T("ui.recent"), T("ui.cancel"), list, e.win)
	d.Resize(fyne.NewSize(640, 360))
	e.show(d)
	e.win.Canvas().Focus(list)
}

// rememberRecent puts path first in the recent documents.
func (e *Editor) rememberRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := e.app.Preferences()
	p.SetString(prefLastDocument, path)
	list := slices.DeleteFunc(p.StringList(prefRecent), func(s string) bool { return s == path || s == "" })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	p.SetStringList(prefRecent, list)
	e.updateRecent()
}

func (e *Editor) updateRecent() {
	e.recentMenu.Items = nil
	for _, path := range e.app.Preferences().StringList(prefRecent) {
		path := path
		if _, err := os.Stat(path); err != nil {
			continue
		}
		label := filepath.Base(path) + " — " + strings.TrimSuffix(filepath.Dir(path), string(filepath.Separator))
		e.recentMenu.Items = append(e.recentMenu.Items, fyne.NewMenuItem(label, func() {
			if err := e.Open(path); err != nil {
				e.showError(err)
			}
		}))
	}
	if len(e.recentMenu.Items) == 0 {
		none := fyne.NewMenuItem(T("ui.none"), nil)
		none.Disabled = true
		e.recentMenu.Items = []*fyne.MenuItem{none}
	}
	if m := e.win.MainMenu(); m != nil {
		m.Refresh()
	}
}
