package ui

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/sqlite"
)

// Preferences.
const (
	// prefLastDocument remembers the document to reopen when Parcours
	// starts without a file.
	prefLastDocument = "document.last"
	// prefRecent lists recently opened documents, newest first.
	prefRecent = "document.recent"
	// prefLanguage is "", "fr" or "en"; it applies at the next start.
	prefLanguage = "ui.language"
	maxRecent    = 8
)

// Editor is the main window: one open document, the journey on screen, the
// palette, the inspector and the menus around them.
type Editor struct {
	app fyne.App
	win fyne.Window

	store   *sqlite.Store
	editor  *model.Editor
	journey string // id of the journey on screen
	view    canvas.View
	// layouter lays the journey out again after each edit, moving the
	// cards that did not change rather than wrapping them again.
	layouter canvas.Layouter
	sel      selection

	mapView   *MapView
	scroll    *container.Scroll
	journeys  *widget.Select
	viewMode  *widget.RadioGroup
	banner    *widget.Label
	status    *widget.Label
	body      *fyne.Container
	workspace fyne.CanvasObject
	panes     *panes
	rightTabs *container.AppTabs
	inspector *Inspector
	insights  *InsightsPanel
	plan      *PlanPanel
	palette   *Palette
	persona   *PersonaCard
	search    *Search

	presenting *presentation // nil unless in presentation mode

	undoItem, redoItem  *fyne.MenuItem
	leftItem, rightItem *fyne.MenuItem
	recentMenu          *fyne.Menu
	// dialogs open on the window, the top one last.
	dialogs []dialog.Dialog

	// compared rings the cards of journey comparedIn that changed since
	// the document File → Compare With… read; the search clears it.
	compared   map[string]bool
	comparedIn string
}

// NewEditor builds the main window of app a, with no document yet.
func NewEditor(a fyne.App) *Editor {
	e := &Editor{app: a, win: a.NewWindow("Parcours")}
	e.mapView = NewMapView()
	e.mapView.OnMove = e.moveCards
	e.mapView.OnSelect = e.selectHit
	e.mapView.OnSelectCards = e.selectCards
	e.mapView.OnEdit = e.editInPlace
	e.mapView.OnMoveStage = e.moveStageTo
	e.mapView.OnMoveLane = e.moveLaneTo
	e.mapView.OnResizeStage = e.resizeStage
	e.mapView.OnEmotion = e.setEmotion
	e.scroll = container.NewScroll(e.mapView)
	e.scroll.OnScrolled = func(p fyne.Position) { e.mapView.SetViewport(p, e.scroll.Size()) }
	e.mapView.OnScroll = e.scroll.Scrolled
	e.mapView.OnPan = func(d fyne.Delta) {
		off := e.scroll.Offset.Subtract(d)
		e.scroll.ScrollToOffset(fyne.NewPos(max(0, off.X), max(0, off.Y)))
		e.mapView.SetViewport(e.scroll.Offset, e.scroll.Size())
	}
	e.mapView.OnZoom = func() {
		e.scroll.Refresh()
		if off, ok := e.mapView.ScrollFor(e.scroll.Offset); ok {
			off.X, off.Y = max(0, off.X), max(0, off.Y)
			e.scroll.ScrollToOffset(off)
		}
		e.mapView.SetViewport(e.scroll.Offset, e.scroll.Size())
		e.setStatus(T("ui.zoom_is", int(e.mapView.Zoom()/DefaultZoom*100+0.5)))
	}
	e.journeys = widget.NewSelect(nil, e.selectJourney)
	e.viewMode = widget.NewRadioGroup([]string{T("ui.micro"), T("ui.macro")}, func(s string) {
		v := canvas.Micro
		if s == T("ui.macro") {
			v = canvas.Macro
		}
		if v != e.view {
			e.view = v
			e.relayout()
		}
	})
	e.viewMode.Horizontal = true
	e.viewMode.Required = true
	e.viewMode.SetSelected(T("ui.micro"))
	e.banner = widget.NewLabel("")
	e.banner.Wrapping = fyne.TextWrapWord
	e.banner.Importance = widget.WarningImportance
	e.banner.Hide()
	e.status = widget.NewLabel("")
	e.inspector = NewInspector(e)
	e.insights = NewInsightsPanel(e)
	e.plan = NewPlanPanel(e)
	e.palette = NewPalette(e)
	e.persona = NewPersonaCard(e)
	e.search = NewSearch(e)

	zoomOut := widget.NewButton("−", func() { e.mapView.SetZoom(e.mapView.Zoom() / ZoomStep) })
	zoomIn := widget.NewButton("+", func() { e.mapView.SetZoom(e.mapView.Zoom() * ZoomStep) })
	fit := widget.NewButton(T("ui.fit"), e.zoomToFit)
	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel(T("ui.journey"))),
		container.NewHBox(e.viewMode, zoomOut, fit, zoomIn),
		e.journeys)
	top := container.NewVBox(toolbar, e.search.Bar(), e.banner)
	inspectorTab := container.NewTabItem(T("ui.tab.inspector"), e.inspector.Content())
	insightsTab := container.NewTabItem(T("ui.tab.insights"), container.NewVScroll(e.insights.Content()))
	planTab := container.NewTabItem(T("ui.tab.plan"), container.NewVScroll(e.plan.Content()))
	right := container.NewAppTabs(inspectorTab, insightsTab, planTab)
	e.rightTabs = right
	right.OnSelected = func(t *container.TabItem) {
		e.insights.SetVisible(t == insightsTab)
		e.plan.SetVisible(t == planTab)
	}
	left := container.NewBorder(e.persona.Content(), nil, nil, nil, e.palette.Content())
	// The map view is told the size of the part of it in sight.
	e.panes = newPanes(left, watchSize(e.scroll, func(s fyne.Size) { e.mapView.SetViewport(e.scroll.Offset, s) }), right)
	e.panes.OnResized = e.rememberPanes
	e.restorePanes()
	e.workspace = container.NewBorder(top, nil, nil, nil, e.panes)
	e.body = container.NewStack()
	e.win.SetContent(container.NewBorder(nil, e.status, nil, nil, e.body))
	e.win.Resize(fyne.NewSize(1400, 860))
	e.buildMenus()
	e.bindKeys()
	e.showWelcome()
	e.win.SetCloseIntercept(func() { e.Close(); e.win.Close() })
	return e
}

// Window is the Fyne window, for Run and tests.
func (e *Editor) Window() fyne.Window { return e.win }

// View is the map widget, for tests.
func (e *Editor) View() *MapView { return e.mapView }

// Document is the open document, nil when none.
func (e *Editor) Document() *model.Document {
	if e.editor == nil {
		return nil
	}
	return e.editor.Doc
}

// Journey is the journey on screen, nil when none.
func (e *Editor) Journey() *model.Journey {
	if d := e.Document(); d != nil {
		return d.Journey(e.journey)
	}
	return nil
}

// Store is the open document's file, nil when none.
func (e *Editor) Store() *sqlite.Store { return e.store }

func (e *Editor) buildMenus() {
	itemIn := func(s scope, label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		run := e.route(sc, s, action)
		it := fyne.NewMenuItem(label, run)
		if sc != nil {
			it.Shortcut = sc
			e.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { run() })
		}
		return it
	}
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		return itemIn(onWindow, label, sc, action)
	}
	quit := item(T("ui.quit"), shortcut(fyne.KeyQ, 0), func() { e.Close(); e.app.Quit() })
	quit.IsQuit = true
	e.recentMenu = fyne.NewMenu(T("ui.recent"))
	recent := fyne.NewMenuItem(T("ui.recent"), nil)
	recent.ChildMenu = e.recentMenu
	file := fyne.NewMenu(T("ui.file"),
		item(T("ui.new"), shortcut(fyne.KeyN, 0), e.askNew),
		item(T("ui.open"), shortcut(fyne.KeyO, 0), e.askOpen),
		recent,
		item(T("ui.recent_dialog"), shortcut(fyne.KeyO, fyne.KeyModifierShift), e.askRecent),
		item(T("ui.save"), shortcut(fyne.KeyS, 0), e.confirmSaved),
		item(T("ui.save_as"), shortcut(fyne.KeyS, fyne.KeyModifierShift), e.askSaveAs),
		fyne.NewMenuItemSeparator(),
		item(T("ui.export.menu"), shortcut(fyne.KeyE, 0), e.askExport),
		item(T("ui.survey.menu"), shortcut(fyne.KeyI, 0), e.askSurvey),
		item(T("ui.compare_with"), shortcut(fyne.KeyK, fyne.KeyModifierShift), e.askCompareWith),
		fyne.NewMenuItemSeparator(),
		item(T("ui.language_setting"), shortcut(fyne.KeyU, fyne.KeyModifierShift), e.askLanguage),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	// The desktop driver reports ctrl+Z, Y, C, X, V and A as Fyne's own
	// shortcuts, not as custom ones.
	e.undoItem = itemIn(onText, T("ui.undo"), &fyne.ShortcutUndo{}, e.Undo)
	e.redoItem = itemIn(onText, T("ui.redo"), &fyne.ShortcutRedo{}, e.Redo)
	e.addShortcut(shortcut(fyne.KeyZ, fyne.KeyModifierShift), onText, e.Redo)
	edit := fyne.NewMenu(T("ui.edit"), e.undoItem, e.redoItem,
		fyne.NewMenuItemSeparator(),
		itemIn(onText, T("ui.cut"), &fyne.ShortcutCut{}, e.Cut),
		itemIn(onText, T("ui.copy"), &fyne.ShortcutCopy{}, e.Copy),
		itemIn(onText, T("ui.paste"), &fyne.ShortcutPaste{}, e.Paste),
		itemIn(onMap, T("ui.duplicate"), shortcut(fyne.KeyD, 0), e.DuplicateSelection),
		itemIn(onMap, T("ui.delete"), &desktop.CustomShortcut{KeyName: fyne.KeyDelete}, e.DeleteSelection),
		fyne.NewMenuItemSeparator(),
		itemIn(onText, T("ui.select_all"), &fyne.ShortcutSelectAll{}, e.SelectAll),
		item(T("ui.find"), shortcut(fyne.KeyF, 0), e.search.Focus),
		itemIn(onMap, T("ui.rename"), &desktop.CustomShortcut{KeyName: fyne.KeyF2}, e.renameSelection),
	)
	zoomIn := func() { e.mapView.SetZoom(e.mapView.Zoom() * ZoomStep) }
	view := fyne.NewMenu(T("ui.view"),
		item(T("ui.zoom_in"), shortcut(fyne.KeyEqual, 0), zoomIn),
		item(T("ui.zoom_out"), shortcut(fyne.KeyMinus, 0), func() { e.mapView.SetZoom(e.mapView.Zoom() / ZoomStep) }),
		item(T("ui.zoom_reset"), shortcut(fyne.Key0, 0), func() { e.mapView.SetZoom(DefaultZoom) }),
		item(T("ui.fit"), shortcut(fyne.Key9, 0), e.zoomToFit),
		fyne.NewMenuItemSeparator(),
		item(T("ui.micro"), shortcut(fyne.KeyM, 0), func() { e.viewMode.SetSelected(T("ui.micro")) }),
		item(T("ui.macro"), shortcut(fyne.KeyM, fyne.KeyModifierShift), func() { e.viewMode.SetSelected(T("ui.macro")) }),
		fyne.NewMenuItemSeparator(),
		item(T("ui.present"), &desktop.CustomShortcut{KeyName: fyne.KeyF5}, e.Present),
	)
	e.leftItem = item(T("ui.show_palette"), shortcut(fyne.KeyP, fyne.KeyModifierShift), func() { e.toggleSide(true) })
	e.rightItem = item(T("ui.show_inspector"), shortcut(fyne.KeyI, fyne.KeyModifierShift), func() { e.toggleSide(false) })
	view.Items = append(view.Items, e.leftItem, e.rightItem)
	e.leftItem.Checked, e.rightItem.Checked = e.panes.leftShown, e.panes.rightShown
	// ctrl++ on most keyboards is ctrl+shift+=.
	e.addShortcut(shortcut(fyne.KeyEqual, fyne.KeyModifierShift), onWindow, zoomIn)
	e.addShortcut(shortcut(fyne.KeyPlus, 0), onWindow, zoomIn)
	journey := fyne.NewMenu(T("ui.journey"),
		item(T("ui.journey_add"), shortcut(fyne.KeyN, fyne.KeyModifierShift), e.AddJourney),
		item(T("ui.journey_rename"), shortcut(fyne.KeyR, fyne.KeyModifierShift), e.askRenameJourney),
		item(T("ui.journey_duplicate"), shortcut(fyne.KeyD, fyne.KeyModifierShift), e.DuplicateJourney),
		item(T("ui.journey_delete"), shortcut(fyne.KeyDelete, fyne.KeyModifierShift), e.askDeleteJourney),
		item(T("ui.compare"), shortcut(fyne.KeyK, 0), e.showComparison),
		fyne.NewMenuItemSeparator(),
		item(T("ui.review.new"), shortcut(fyne.KeyJ, 0), e.askNewReview),
		item(T("ui.review.list"), shortcut(fyne.KeyJ, fyne.KeyModifierShift), e.askReviews),
		fyne.NewMenuItemSeparator(),
		item(T("ui.add_stage"), shortcut(fyne.KeyG, fyne.KeyModifierShift), func() { e.AddStage(-1) }),
		item(T("ui.add_lane"), shortcut(fyne.KeyL, fyne.KeyModifierShift), func() { e.AddLane(-1) }),
	)
	help := fyne.NewMenu(T("ui.help"),
		item(T("ui.shortcuts"), shortcut(fyne.KeySlash, 0), e.showShortcuts),
		item(T("ui.about"), shortcut(fyne.KeyA, fyne.KeyModifierShift), e.showAbout),
	)
	e.win.SetMainMenu(fyne.NewMainMenu(file, edit, view, journey, help))
	e.updateRecent()
	e.updateMenus()
}

func (e *Editor) updateMenus() {
	can := e.editor != nil
	e.undoItem.Disabled = !can || !e.editor.CanUndo()
	e.redoItem.Disabled = !can || !e.editor.CanRedo()
	e.undoItem.Label, e.redoItem.Label = T("ui.undo"), T("ui.redo")
	if can && e.editor.CanUndo() {
		e.undoItem.Label = T("ui.undo_what", e.editor.UndoLabel())
	}
	if can && e.editor.CanRedo() {
		e.redoItem.Label = T("ui.redo_what", e.editor.RedoLabel())
	}
	if m := e.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

func (e *Editor) showWelcome() {
	e.body.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(T("ui.welcome"), fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewCenter(container.NewHBox(widget.NewButton(T("ui.new"), e.askNew), widget.NewButton(T("ui.open"), e.askOpen))),
	))}
	e.body.Refresh()
}

// Open shows the document at path, read-only when it cannot be written or
// is already open elsewhere. The document open before stays open when
// this fails.
func (e *Editor) Open(path string) error {
	st, doc, err := sqlite.Open(path)
	if err != nil {
		return err
	}
	e.attach(st, doc)
	e.setStatus(T("ui.opened", filepath.Base(path)))
	return nil
}

func (e *Editor) attach(st *sqlite.Store, doc *model.Document) {
	e.Close()
	e.store, e.editor = st, model.NewEditor(doc, st)
	e.rememberRecent(st.Path())
	if ro, why := st.ReadOnly(); ro {
		e.banner.SetText(T("ui.read_only_banner", why))
		e.banner.Show()
	} else {
		e.banner.Hide()
	}
	e.journey = ""
	if len(doc.Journeys) > 0 {
		e.journey = doc.Journeys[0].ID
	}
	e.sel = selection{}
	e.body.Objects = []fyne.CanvasObject{e.workspace}
	e.body.Refresh()
	e.restoreWindow()
	e.updateTitle()
	e.updateMenus()
}

// Close lets go of the open document (and of its writer lock).
func (e *Editor) Close() {
	if e.store != nil {
		e.rememberWindow()
		if err := e.store.Close(); err != nil {
			fyne.LogError("close document", err)
		}
	}
	e.store, e.editor = nil, nil
}

func journeyLabel(i int, j *model.Journey) string { return fmt.Sprintf("%d. %s", i+1, j.Title) }

func (e *Editor) refreshJourneys() {
	doc := e.Document()
	if doc == nil {
		return
	}
	var titles []string
	selected := ""
	for i, j := range doc.Journeys {
		titles = append(titles, journeyLabel(i, j))
		if j.ID == e.journey {
			selected = journeyLabel(i, j)
		}
	}
	e.journeys.Options = titles
	e.journeys.Selected = selected
	e.journeys.Refresh()
}

func (e *Editor) selectJourney(title string) {
	doc := e.Document()
	if doc == nil {
		return
	}
	for i, j := range doc.Journeys {
		if journeyLabel(i, j) == title && j.ID != e.journey {
			e.ShowJourney(j.ID)
			return
		}
	}
}

// ShowJourney puts journey id on screen.
func (e *Editor) ShowJourney(id string) {
	e.inspector.commitTyping() // to the journey it was typed for
	e.journey = id
	e.sel = selection{}
	e.refreshJourneys()
	e.relayout()
}

func (e *Editor) updateTitle() {
	if e.store == nil {
		e.win.SetTitle("Parcours")
		return
	}
	t := filepath.Base(e.store.Path()) + " — Parcours"
	if ro, _ := e.store.ReadOnly(); ro {
		t = filepath.Base(e.store.Path()) + " [" + T("ui.read_only") + "] — Parcours"
	}
	e.win.SetTitle(t)
}

// relayout lays the journey out again after a change and shows it, with
// the selection, the search and the inspector brought up to date.
func (e *Editor) relayout() {
	doc := e.Document()
	if doc == nil {
		return
	}
	j := doc.Journey(e.journey)
	if j == nil && len(doc.Journeys) > 0 {
		e.journey = doc.Journeys[0].ID
		j = doc.Journeys[0]
		e.refreshJourneys()
	}
	if j == nil {
		e.mapView.SetScene(nil)
		e.setStatus(T("ui.no_journey"))
		e.inspector.Show(e.sel)
		return
	}
	e.sel = e.sel.within(j)
	e.persona.Show(doc, j)
	e.mapView.SetScene(e.layouter.Layout(doc, j, canvas.Options{View: e.view}))
	e.mapView.SetSelected(e.sel.cardSet())
	e.search.Apply()
	e.scroll.Refresh()
	e.mapView.SetViewport(e.scroll.Offset, e.scroll.Size())
	e.inspector.Show(e.sel)
	e.insights.Refresh()
	e.plan.Refresh()
}

func (e *Editor) setStatus(s string) { e.status.SetText(s) }

// Do applies an edit; it is saved at once. A failure (invalid value,
// read-only file, disk full) leaves both the file and the screen as they
// were, and says why.
func (e *Editor) Do(c model.Command) error {
	if e.editor == nil {
		return nil
	}
	err := e.editor.Do(c)
	e.afterEdit(err)
	return err
}

// Undo reverts the last edit.
func (e *Editor) Undo() {
	if e.editor != nil && e.editor.CanUndo() {
		e.afterEdit(e.editor.Undo())
	}
}

// Redo applies the last undone edit again.
func (e *Editor) Redo() {
	if e.editor != nil && e.editor.CanRedo() {
		e.afterEdit(e.editor.Redo())
	}
}

func (e *Editor) afterEdit(err error) {
	if err != nil {
		e.showError(err)
	} else {
		e.setStatus(T("ui.saved_at", time.Now().Format("15:04:05")))
	}
	e.refreshJourneys()
	e.relayout()
	e.updateMenus()
}

func (e *Editor) zoomToFit() {
	s := e.mapView.Scene()
	size := e.scroll.Size()
	if s == nil || size.Width == 0 {
		return
	}
	// A little room so that the scroll bars do not cover the edges.
	e.mapView.SetZoom(0.97 * min(float64(size.Width)/s.Width, float64(size.Height)/s.Height))
}
