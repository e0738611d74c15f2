package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// Each document remembers, in the preferences, how the user left it: the
// folder last used to export or import beside it, the window's size, the
// zoom, the scroll and the journey on screen, and the export dialog's
// choices. The document file itself is not touched for this: opening and
// looking is not an edit.

// docKey is the preference key of setting name for the open document.
func (e *Editor) docKey(name string) string {
	if e.store == nil {
		return ""
	}
	path := e.store.Path()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	sum := sha256.Sum256([]byte(path))
	return "doc." + hex.EncodeToString(sum[:8]) + "." + name
}

// startFolder is where a file chooser opens: the folder last used for
// this document, else the document's own folder, else Fyne's default.
func (e *Editor) startFolder() fyne.ListableURI {
	var candidates []string
	if k := e.docKey("folder"); k != "" {
		candidates = append(candidates, e.app.Preferences().String(k), filepath.Dir(e.store.Path()))
	}
	for _, dir := range candidates {
		if dir == "" {
			continue
		}
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			return l
		}
	}
	return nil
}

// rememberFolder keeps dir as the folder to offer next for this document.
func (e *Editor) rememberFolder(dir string) {
	if k := e.docKey("folder"); k != "" {
		e.app.Preferences().SetString(k, dir)
	}
}

// windowState is how a document's window was left.
type windowState struct {
	Width, Height float32
	Zoom          float64
	X, Y          float32
	Journey       string
}

// rememberWindow keeps how the open document's window looks now.
func (e *Editor) rememberWindow() {
	k := e.docKey("window")
	if k == "" {
		return
	}
	size := e.win.Canvas().Size()
	ws := windowState{Width: size.Width, Height: size.Height, Zoom: e.mapView.Zoom(),
		X: e.scroll.Offset.X, Y: e.scroll.Offset.Y, Journey: e.journey}
	if b, err := json.Marshal(ws); err == nil {
		e.app.Preferences().SetString(k, string(b))
	}
}

// restoreWindow brings the open document back as it was left; a document
// seen for the first time opens at its opening zoom (OpeningZoom), at its
// start.
func (e *Editor) restoreWindow() {
	var ws windowState
	if k := e.docKey("window"); k != "" {
		_ = json.Unmarshal([]byte(e.app.Preferences().String(k)), &ws)
	}
	if doc := e.Document(); doc != nil && ws.Journey != "" && doc.Journey(ws.Journey) != nil {
		e.journey = ws.Journey
	}
	if ws.Width >= 400 && ws.Height >= 300 {
		e.win.Resize(fyne.NewSize(ws.Width, ws.Height))
	}
	e.refreshJourneys()
	e.relayout()
	if ws.Zoom <= 0 {
		e.mapView.ZoomToOpen()
		return
	}
	e.mapView.SetZoom(ws.Zoom)
	e.scroll.ScrollToOffset(fyne.NewPos(max(0, ws.X), max(0, ws.Y)))
	e.mapView.SetViewport(e.scroll.Offset, e.scroll.Size())
}
