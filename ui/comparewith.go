package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
	"parcours/model/diff"
	"parcours/model/sqlite"
)

// File → Compare With… (issue 13): the differences between another
// version of the document (a colleague's copy, last month's file) and the
// one open, listed as `parcours diff` words them, with the cards of the
// journey on screen that changed ringed on the map.

func (e *Editor) askCompareWith() {
	if e.Document() == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		e.CompareWith(path)
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".parcours", ".json"}))
	d.Show()
}

// readOther reads another version of a document: a .parcours file or its
// JSON export.
func readOther(path string) (*model.Document, error) {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", T("ui.cannot_read", path), err)
		}
		return model.ReadJSON(bytes.NewReader(data), filepath.Base(path))
	}
	s, d, err := sqlite.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	s.Close()
	return d, nil
}

// CompareWith shows the changes from the document at path to the open
// one, and rings the cards of the journey on screen that were added,
// moved or changed.
func (e *Editor) CompareWith(path string) {
	other, err := readOther(path)
	if err != nil {
		e.showError(err)
		return
	}
	cs, err := diff.Compare(other, e.Document())
	if err != nil {
		e.showError(fmt.Errorf("%s: %w", filepath.Base(path), err))
		return
	}
	name := filepath.Base(path)
	ringed := map[string]bool{}
	for _, c := range cs {
		if c.Kind == diff.Touchpoint && c.Journey == e.journey && c.Op != diff.Removed {
			ringed[c.ID] = true
		}
	}
	e.compared, e.comparedIn = ringed, e.journey
	if len(ringed) == 0 {
		e.compared = nil
	}
	e.relayout()
	e.setStatus(T("ui.compare_with.ringed", len(ringed), name))
	var b bytes.Buffer
	_ = diff.WriteText(&b, cs)
	text := b.String()
	if len(cs) == 0 {
		text = T("ui.compare_with.none", name)
	}
	list := widget.NewLabel(text)
	list.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(T("ui.compare_with.title", name), T("ui.close"), container.NewVScroll(list), e.win)
	dlg.Resize(fyne.NewSize(760, 480))
	dlg.Show()
}

// comparedRings are the cards to ring after File → Compare With…, while
// the journey compared is on screen; nil otherwise.
func (e *Editor) comparedRings() map[string]bool {
	if e.comparedIn != e.journey {
		return nil
	}
	return e.compared
}
