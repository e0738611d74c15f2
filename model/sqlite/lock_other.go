//go:build !unix

package sqlite

import (
	"errors"
	"os"
	"path/filepath"

	"parcours/model/msg"
)

// Outside Unix there is no flock: this fallback keeps the package building
// (Windows) but takes no writer lock, so two windows could both edit one
// document there. A LockFileEx on a byte range SQLite never touches would
// be the way to add it.
func tryLock(f *os.File) bool { return true }

// writable tries what a save needs: opening the file for writing and
// creating a file (the journal) in its folder.
var writable = func(path string) (bool, string) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false, msg.T("store.reason.file")
	}
	f.Close()
	probe, err := os.CreateTemp(filepath.Dir(path), ".parcours-probe-*")
	if err != nil {
		return false, msg.T("store.reason.dir")
	}
	probe.Close()
	os.Remove(probe.Name())
	return true, ""
}

func syncDir(string) error { return nil }

// linkNew gives tmp its final name without replacing an existing file.
func linkNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(path); serr == nil {
		return os.ErrExist
	}
	return os.Rename(tmp, path)
}
