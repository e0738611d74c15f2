package ui

import (
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
)

// OpenRequest asks the running Parcours for a window on a document: what
// `parcours FILE` sends when Parcours already runs (cmd/parcours-editor
// receives it through cmd/internal/instance and passes it on).
type OpenRequest struct {
	// Path is the document's absolute path; "" asks for a new window
	// without a document.
	Path string
	// Reply, when set, is called once on a goroutine of its own when the
	// window shows: with nil, or with why the document could not be opened
	// (the window then says it too).
	Reply func(error)
}

// RunServing is Run for the first Parcours of a session: besides its own
// window, it opens a window for each request received until it quits. The
// windows share the process; each has its own document and closes it with
// itself, and the last one closed ends Parcours.
func RunServing(path string, requests <-chan OpenRequest) error { return run(path, requests) }

// windows are the editors of the process, for the requests to look among
// and for the end to close.
type windows struct {
	mu   sync.Mutex
	list []*Editor
}

func (ws *windows) add(e *Editor) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.list = append(ws.list, e)
}

// closeAll lets go of every document (Close is harmless on a window
// already closed).
func (ws *windows) closeAll() {
	ws.mu.Lock()
	list := append([]*Editor(nil), ws.list...)
	ws.mu.Unlock()
	for _, e := range list {
		e.Close()
	}
}

// showing is the window whose document is the file at path, nil when none.
func (ws *windows) showing(path string) *Editor {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for _, e := range ws.list {
		if e.store == nil {
			continue
		}
		if other, err := os.Stat(e.store.Path()); err == nil && os.SameFile(fi, other) {
			return e
		}
	}
	return nil
}

// serve opens a window for each request, on the UI goroutine. A document
// that a window already shows is brought to the front rather than opened
// again (a second window on it could only read it).
func (ws *windows) serve(a fyne.App, requests <-chan OpenRequest) {
	if requests == nil {
		return
	}
	go func() {
		for r := range requests {
			fyne.Do(func() {
				err := ws.open(a, r.Path)
				if r.Reply != nil {
					go r.Reply(err)
				}
			})
		}
	}()
}

func (ws *windows) open(a fyne.App, path string) error {
	if path != "" {
		path = filepath.Clean(path)
		if e := ws.showing(path); e != nil {
			e.Window().Show()
			e.Window().RequestFocus()
			return nil
		}
	}
	e := NewEditor(a)
	ws.add(e)
	var err error
	if path != "" {
		if err = e.Open(path); err != nil {
			e.showError(err)
		}
	}
	e.Window().Show()
	return err
}
