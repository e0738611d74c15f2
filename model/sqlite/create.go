package sqlite

import (
	"errors"
	"os"
	"path/filepath"

	"parcours/model"
	"parcours/model/atomic"
)

// Create writes d as a new document at path and returns it opened for
// writing. It refuses when path exists (ErrExists). The file appears
// complete or not at all: it is built in a temporary file of the same
// folder, synced, locked, then given its name by a hard link, which never
// replaces an existing file. d is stored as it is (Created and Modified
// included).
func Create(path string, d *model.Document) (_ *Store, err error) {
	if err := model.Validate(d); err != nil {
		return nil, fail(nil, err, "store.invalid", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	if _, err := os.Lstat(abs); err == nil {
		return nil, fail(ErrExists, nil, "store.exists", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	dir := filepath.Dir(abs)
	if err := checkDir(path, dir); err != nil {
		return nil, err
	}
	tmp, err := tempBeside(abs)
	if err != nil {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	tmpName := tmp.Name()
	defer func() {
		removeTemp(tmpName)
		if err != nil && tmp != nil {
			_ = tmp.Close()
		}
	}()
	if err := build(tmpName, d); err != nil {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	if err := tmp.Sync(); err != nil {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	// Locked before it has its name: nobody can take it in between.
	tryLock(tmp)
	// A journal left beside the name by a document that no longer
	// exists would be rolled into the new file when it is opened:
	// it belongs to no file, it goes.
	if err := removeStaleJournal(abs); err != nil {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	if err := linkNew(tmpName, abs); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fail(ErrExists, nil, "store.exists", path)
		}
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	if err := syncDir(dir); err != nil {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	// Once more now that the name is ours and locked.
	if err := removeStaleJournal(abs); err != nil {
		return nil, fail(nil, err, "store.cannot_create", path)
	}
	s, _, err := open(path, false, tmp)
	if err != nil {
		// open closed tmp already.
		tmp = nil
		return nil, err
	}
	return s, nil
}

// removeStaleJournal removes NAME-journal beside a document being made
// under NAME (missing is fine).
func removeStaleJournal(abs string) error {
	err := os.Remove(abs + "-journal")
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

func checkDir(path, dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist), err == nil && !fi.IsDir():
		return fail(nil, err, "store.dir_missing", path, dir)
	case err != nil:
		return fail(nil, err, "store.cannot_create", path)
	}
	return nil
}

// tempBeside creates an empty file next to abs, named so that it is hidden
// and plainly temporary, locked and listed by model/atomic so that an
// interrupted process removes it and a later one removes it if it was
// killed. It is created with 0666 like any new file, so that the umask
// decides, as it would for a file saved in place.
func tempBeside(abs string) (*os.File, error) { return atomic.Temp(abs, 0o666) }

// removeTemp removes a temporary file and the journal SQLite may have left
// beside it; missing files are fine.
func removeTemp(name string) { atomic.Remove(name) }

// build writes the schema and the whole of d into the empty file name.
func build(name string, d *model.Document) error {
	db, err := openDB(name, "rw")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec("PRAGMA journal_mode=DELETE"); err != nil {
		return err
	}
	if err := migrate(db, 0); err != nil {
		return err
	}
	st, err := prepare(db)
	if err != nil {
		return err
	}
	defer st.close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := (&writer{tx: tx, st: st, d: d}).whole(); err != nil {
		return err
	}
	return tx.Commit()
}

// SaveAs writes d, the document as the window shows it, into a temporary
// file in the target folder, then renames it over path, and returns a new
// writable Store on it, locked. s stays open as it was. A target open in
// another window (or s's own file while s is writable) is refused.
//
// d is written, not s's file copied: a read-only window's document may be
// older than its file (another window saved since), and the copy must
// hold what the window goes on editing.
func (s *Store) SaveAs(path string, d *model.Document) (_ *Store, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, fail(nil, nil, "store.closed", s.path)
	}
	if err := model.Validate(d); err != nil {
		return nil, fail(nil, err, "store.invalid", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	dir := filepath.Dir(abs)
	if err := checkDir(path, dir); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err == nil {
		if fi.IsDir() {
			return nil, fail(nil, nil, "store.is_dir", path)
		}
		if busy(abs) {
			return nil, fail(nil, nil, "store.saveas_busy", path)
		}
	}
	tmp, err := tempBeside(abs)
	if err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	tmpName := tmp.Name()
	defer func() {
		removeTemp(tmpName)
		if err != nil && tmp != nil {
			_ = tmp.Close()
		}
	}()
	if err := build(tmpName, d); err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	if err := tmp.Sync(); err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	tryLock(tmp)
	if err := removeStaleJournal(abs); err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	if err := removeStaleJournal(abs); err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	if err := syncDir(dir); err != nil {
		return nil, fail(nil, err, "store.saveas", path)
	}
	ns, _, err := open(path, false, tmp)
	if err != nil {
		tmp = nil // open closed it
		return nil, err
	}
	return ns, nil
}

// busy reports whether another writer holds the file at abs.
func busy(abs string) bool {
	f, err := os.Open(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	return !tryLock(f)
}
