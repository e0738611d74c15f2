package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parcours/assets"
	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/model"
	"parcours/model/atomic"
	"parcours/model/msg"
	"parcours/model/sqlite"
)

// prefLastDocument remembers the document to reopen when Parcours starts
// without a file.
const prefLastDocument = "document.last"

// Editor is the main window: one open document, the journey on screen and
// the menus around it.
type Editor struct {
	app fyne.App
	win fyne.Window

	store   *sqlite.Store
	editor  *model.Editor
	journey string // id of the journey on screen

	view     *MapView
	scroll   *container.Scroll
	journeys *widget.Select
	banner   *widget.Label
	status   *widget.Label
	body     *fyne.Container

	undoItem, redoItem *fyne.MenuItem
}

// NewEditor builds the main window of app a, with no document yet.
func NewEditor(a fyne.App) *Editor {
	e := &Editor{app: a, win: a.NewWindow("Parcours")}
	e.view = NewMapView()
	e.view.OnMove = e.moveCard
	e.scroll = container.NewScroll(e.view)
	e.scroll.OnScrolled = func(p fyne.Position) { e.view.SetViewport(p, e.scroll.Size()) }
	e.journeys = widget.NewSelect(nil, e.selectJourney)
	e.banner = widget.NewLabel("")
	e.banner.Wrapping = fyne.TextWrapWord
	e.banner.Importance = widget.WarningImportance
	e.banner.Hide()
	e.status = widget.NewLabel("")
	e.body = container.NewStack()
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(T("ui.journey")), nil, e.journeys), e.banner)
	e.win.SetContent(container.NewBorder(top, e.status, nil, nil, e.body))
	e.win.Resize(fyne.NewSize(1280, 800))
	e.buildMenus()
	e.showWelcome()
	e.win.SetCloseIntercept(func() { e.Close(); e.win.Close() })
	return e
}

// Window is the Fyne window, for Run and tests.
func (e *Editor) Window() fyne.Window { return e.win }

// View is the map widget, for tests.
func (e *Editor) View() *MapView { return e.view }

// Document is the open document, nil when none.
func (e *Editor) Document() *model.Document {
	if e.editor == nil {
		return nil
	}
	return e.editor.Doc
}

// Store is the open document's file, nil when none.
func (e *Editor) Store() *sqlite.Store { return e.store }

func (e *Editor) buildMenus() {
	shortcut := func(k fyne.KeyName, mods fyne.KeyModifier) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | mods}
	}
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		if sc != nil {
			it.Shortcut = sc
			e.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { action() })
		}
		return it
	}
	quit := item(T("ui.quit"), shortcut(fyne.KeyQ, 0), func() { e.Close(); e.app.Quit() })
	quit.IsQuit = true
	file := fyne.NewMenu(T("ui.file"),
		item(T("ui.new"), shortcut(fyne.KeyN, 0), e.askNew),
		item(T("ui.open"), shortcut(fyne.KeyO, 0), e.askOpen),
		item(T("ui.save"), shortcut(fyne.KeyS, 0), e.confirmSaved),
		item(T("ui.save_as"), shortcut(fyne.KeyS, fyne.KeyModifierShift), e.askSaveAs),
		fyne.NewMenuItemSeparator(),
		item(T("ui.export_pdf"), shortcut(fyne.KeyE, 0), e.askExportPDF),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	// The desktop driver reports ctrl+Z and ctrl+Y as Fyne's own undo and
	// redo shortcuts, not as custom ones.
	e.undoItem = item(T("ui.undo"), &fyne.ShortcutUndo{}, e.Undo)
	e.redoItem = item(T("ui.redo"), &fyne.ShortcutRedo{}, e.Redo)
	e.win.Canvas().AddShortcut(shortcut(fyne.KeyZ, fyne.KeyModifierShift), func(fyne.Shortcut) { e.Redo() })
	edit := fyne.NewMenu(T("ui.edit"), e.undoItem, e.redoItem)
	e.win.SetMainMenu(fyne.NewMainMenu(file, edit))
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
	e.journeys.Hide()
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
	e.app.Preferences().SetString(prefLastDocument, st.Path())
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
	e.body.Objects = []fyne.CanvasObject{e.scroll}
	e.body.Refresh()
	e.refreshJourneys()
	e.relayout()
	e.updateTitle()
	e.updateMenus()
}

// Close lets go of the open document (and of its writer lock).
func (e *Editor) Close() {
	if e.store != nil {
		if err := e.store.Close(); err != nil {
			fyne.LogError("close document", err)
		}
	}
	e.store, e.editor = nil, nil
}

func (e *Editor) refreshJourneys() {
	doc := e.Document()
	var titles []string
	selected := ""
	for i, j := range doc.Journeys {
		t := fmt.Sprintf("%d. %s", i+1, j.Title)
		titles = append(titles, t)
		if j.ID == e.journey {
			selected = t
		}
	}
	e.journeys.Options = titles
	e.journeys.Selected = selected
	e.journeys.Refresh()
	e.journeys.Show()
}

func (e *Editor) selectJourney(title string) {
	doc := e.Document()
	if doc == nil {
		return
	}
	for i, j := range doc.Journeys {
		if fmt.Sprintf("%d. %s", i+1, j.Title) == title && j.ID != e.journey {
			e.journey = j.ID
			e.relayout()
			return
		}
	}
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

// relayout lays the journey out again after a change and shows it.
func (e *Editor) relayout() {
	doc := e.Document()
	if doc == nil {
		return
	}
	j := doc.Journey(e.journey)
	if j == nil {
		e.view.SetScene(nil)
		e.setStatus(T("ui.no_journey"))
		return
	}
	e.view.SetScene(canvas.Layout(doc, j))
	e.scroll.Refresh()
	e.view.SetViewport(e.scroll.Offset, e.scroll.Size())
}

func (e *Editor) setStatus(s string) { e.status.SetText(s) }

func (e *Editor) showError(err error) {
	dialog.ShowError(err, e.win)
}

// Do applies an edit; it is saved at once. A failure (read-only file, disk
// full) leaves both the file and the screen as they were.
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
	e.relayout()
	e.updateMenus()
}

func (e *Editor) moveCard(id string, d canvas.Drop) {
	s := e.view.Scene()
	if s == nil || d.Column >= len(s.Columns) || d.Row >= len(s.Rows) {
		return
	}
	_ = e.Do(&model.MoveTouchpoint{Journey: e.journey, Touchpoint: id,
		Stage: s.Columns[d.Column].StageID, Lane: s.Rows[d.Row].LaneID, Slot: d.Slot})
}

// confirmSaved answers ctrl+S: every edit is already saved, so say so, or
// ask where to keep a document that cannot be written.
func (e *Editor) confirmSaved() {
	if e.store == nil {
		return
	}
	if ro, _ := e.store.ReadOnly(); ro {
		e.askSaveAs()
		return
	}
	e.setStatus(T("ui.all_saved", filepath.Base(e.store.Path())))
}

func parcoursFilter() storage.FileFilter {
	return storage.NewExtensionFileFilter([]string{".parcours"})
}

func (e *Editor) askOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		if err := e.Open(path); err != nil {
			e.showError(err)
		}
	}, e.win)
	d.SetFilter(parcoursFilter())
	d.Show()
}

// askPath asks where to save a file with extension ext and hands the
// chosen path on. Fyne's save dialog creates the file it returns; it is
// removed again so that what we write appears whole or not at all.
func (e *Editor) askPath(name, ext string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if st, err := os.Stat(path); err == nil && st.Size() == 0 {
			os.Remove(path)
		}
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		then(path)
	}, e.win)
	d.SetFileName(name)
	d.Show()
}

func (e *Editor) askNew() {
	names := []string{}
	for _, t := range assets.Templates() {
		names = append(names, t.Name)
	}
	describe := func(name string) string {
		for _, t := range assets.Templates() {
			if t.Name == name {
				return t.Description[msg.Language()]
			}
		}
		return name
	}
	descs := make([]string, len(names))
	for i, n := range names {
		descs[i] = describe(n)
	}
	tmpl := widget.NewSelect(descs, nil)
	tmpl.SetSelected(describe(assets.DefaultTemplate))
	langs := []string{T("ui.lang.fr"), T("ui.lang.en")}
	lang := widget.NewSelect(langs, nil)
	if msg.Language() == msg.French {
		lang.SetSelected(langs[0])
	} else {
		lang.SetSelected(langs[1])
	}
	form := dialog.NewForm(T("ui.new_title"), T("ui.create"), T("ui.cancel"), []*widget.FormItem{
		widget.NewFormItem(T("ui.template"), tmpl), widget.NewFormItem(T("ui.language"), lang),
	}, func(ok bool) {
		if !ok {
			return
		}
		name := names[max(0, tmpl.SelectedIndex())]
		code := msg.English
		if lang.SelectedIndex() == 0 {
			code = msg.French
		}
		e.askPath(name+".parcours", ".parcours", func(path string) {
			if err := e.New(name, code, path); err != nil {
				e.showError(err)
			}
		})
	}, e.win)
	form.Resize(fyne.NewSize(560, 220))
	form.Show()
}

// New creates a document from a template at path and opens it.
func (e *Editor) New(template, lang, path string) error {
	doc, err := assets.NewDocument(template, lang)
	if err != nil {
		return err
	}
	st, err := sqlite.Create(path, doc)
	if err != nil {
		return err
	}
	e.attach(st, doc)
	return nil
}

func (e *Editor) askSaveAs() {
	if e.store == nil {
		return
	}
	e.askPath(filepath.Base(e.store.Path()), ".parcours", func(path string) {
		if err := e.SaveAs(path); err != nil {
			e.showError(err)
		}
	})
}

// SaveAs copies the document to path and goes on editing the copy.
func (e *Editor) SaveAs(path string) error {
	st, err := e.store.SaveAs(path)
	if err != nil {
		return err
	}
	doc, journey := e.editor.Doc, e.journey
	e.attach(st, doc)
	e.journey = journey
	e.refreshJourneys()
	e.relayout()
	e.setStatus(T("ui.saved_as", filepath.Base(path)))
	return nil
}

func (e *Editor) askExportPDF() {
	if e.store == nil {
		return
	}
	name := strings.TrimSuffix(filepath.Base(e.store.Path()), filepath.Ext(e.store.Path())) + ".pdf"
	e.askPath(name, ".pdf", func(path string) {
		progress := dialog.NewCustomWithoutButtons(T("ui.exporting"), widget.NewProgressBarInfinite(), e.win)
		progress.Show()
		scene := e.view.Scene()
		background(func() error {
			return ExportPDF(path, []*canvas.Scene{scene}, pdf.Options{})
		}, func(err error) {
			progress.Hide()
			if err != nil {
				e.showError(err)
				return
			}
			e.setStatus(T("ui.exported", path))
		})
	})
}

// ExportPDF writes the posters of scenes to path, whole or not at all.
func ExportPDF(path string, scenes []*canvas.Scene, opts pdf.Options) error {
	return atomic.WriteFile(path, func(w io.Writer) error { return pdf.Write(w, scenes, opts) })
}
