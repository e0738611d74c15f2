package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestRequestsOpenWindows sends what `parcours FILE` forwards to a running
// Parcours: a second document opens in a second window with its own
// store; the document a window already shows is not opened twice; a
// missing file gets its window, which says why, and the reply says it too.
func TestRequestsOpenWindows(t *testing.T) {
	a := test.NewTempApp(t)
	first := NewEditor(a)
	ws := &windows{list: []*Editor{first}}
	t.Cleanup(ws.closeAll)
	one, two := sampleFile(t), sampleFile(t)
	if err := first.Open(one); err != nil {
		t.Fatal(err)
	}
	// The test driver may hold windows of its own: count from here.
	base := len(a.Driver().AllWindows())
	requests := make(chan OpenRequest)
	defer close(requests)
	ws.serve(a, requests)
	ask := func(path string) error {
		t.Helper()
		done := make(chan error, 1)
		requests <- OpenRequest{Path: path, Reply: func(err error) { done <- err }}
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatalf("no reply for %s", path)
			return nil
		}
	}

	if err := ask(two); err != nil {
		t.Fatalf("second document: %v", err)
	}
	if n := len(a.Driver().AllWindows()); n != base+1 {
		t.Fatalf("%d windows after opening a second document, want %d", n, base+1)
	}
	second := ws.list[1]
	if second.Store() == nil || second.Store().Path() != two {
		t.Fatalf("the second window does not show %s", two)
	}
	if ro, why := second.Store().ReadOnly(); ro {
		t.Errorf("the second document opened read-only: %s", why)
	}
	if ro, _ := first.Store().ReadOnly(); ro || first.Store().Path() != one {
		t.Error("the first window lost its document")
	}

	// Asked again (by another spelling of its path): no third window.
	if err := ask(filepath.Join(filepath.Dir(one), ".", filepath.Base(one))); err != nil {
		t.Fatal(err)
	}
	if n := len(a.Driver().AllWindows()); n != base+1 {
		t.Errorf("%d windows after asking for an open document again, want %d", n, base+1)
	}

	if err := ask(filepath.Join(t.TempDir(), "missing.parcours")); err == nil {
		t.Error("a missing file was reported opened")
	}
	if n := len(a.Driver().AllWindows()); n != base+2 {
		t.Errorf("%d windows after a missing file, want %d (one more, saying why)", n, base+2)
	}

	// A new window without a document.
	if err := ask(""); err != nil {
		t.Fatal(err)
	}
	if last := ws.list[len(ws.list)-1]; last.Store() != nil {
		t.Error("an empty request opened a document")
	}
}
