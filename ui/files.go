package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parcours/assets"
	"parcours/model/msg"
	"parcours/model/sqlite"
)

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

func (e *Editor) askOpen() {
	e.askFile([]string{".parcours"}, func(path string, _ []byte) {
		if err := e.Open(path); err != nil {
			e.showError(err)
		}
	}, false)
}

// askFile lets the user pick a file with one of the extensions exts, in
// the folder last used for this document, and hands on its path, and its
// contents when read is set (a file that cannot be read is said so).
func (e *Editor) askFile(exts []string, then func(path string, data []byte), read bool) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		var data []byte
		if read {
			data, err = io.ReadAll(r)
		}
		r.Close()
		if err != nil {
			e.showError(fmt.Errorf("%s: %w", T("ui.cannot_read", path), err))
			return
		}
		e.rememberFolder(filepath.Dir(path))
		then(path, data)
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir := e.startFolder(); dir != nil {
		d.SetLocation(dir)
	}
	e.show(d)
	d.Resize(fileDialogSize) // only once shown: Fyne builds it in Show
}

// fileDialogSize leaves room for long file names.
var fileDialogSize = fyne.NewSize(900, 600)

// askPath asks where to save a file with extension ext, proposing name in
// the folder last used for this document (else the document's own), and
// hands the chosen path on. Fyne's save dialog creates the file it
// returns; it is removed again so that what we write appears whole or
// not at all.
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
		e.rememberFolder(filepath.Dir(path))
		then(path)
	}, e.win)
	d.SetFileName(name)
	if dir := e.startFolder(); dir != nil {
		d.SetLocation(dir)
	}
	e.show(d)
	d.Resize(fileDialogSize) // only once shown: Fyne builds it in Show
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
	tmpl := widget.NewSelect(descs, func(string) { e.released() })
	tmpl.SetSelected(describe(assets.DefaultTemplate))
	langs := []string{T("ui.lang.fr"), T("ui.lang.en")}
	lang := widget.NewSelect(langs, func(string) { e.released() })
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
	e.show(form)
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
	st, err := e.store.SaveAs(path, e.editor.Doc)
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
