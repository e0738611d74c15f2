//go:build unix

package sqlite

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"

	"parcours/model/msg"
)

// tryLock takes the writer lock on the document without waiting. flock
// locks belong to the open file description, so a second Open in the same
// process is refused like another process; they do not interfere with the
// POSIX locks SQLite takes on the same file.
func tryLock(f *os.File) bool {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if err != unix.EINTR {
			return err == nil
		}
	}
}

// writable says whether a document at path can be saved: the file must be
// writable, and so must its folder, where SQLite creates the journal of
// every transaction. It is a variable so that tests can play a read-only
// file when they run as root, for whom permission bits do not count.
var writable = func(path string) (bool, string) {
	why := func(err error, key string) string {
		if errors.Is(err, unix.EROFS) {
			return msg.T("store.reason.disk")
		}
		return msg.T(key)
	}
	if err := unix.Access(path, unix.W_OK); err != nil {
		return false, why(err, "store.reason.file")
	}
	if err := unix.Access(filepath.Dir(path), unix.W_OK|unix.X_OK); err != nil {
		return false, why(err, "store.reason.dir")
	}
	return true, ""
}

// syncDir makes a new name in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, unix.EINVAL) {
		return err
	}
	return nil
}

// linkNew gives the complete file tmp its final name without ever
// replacing a file already there: a hard link fails when the name exists.
// File systems without hard links get renameat2(RENAME_NOREPLACE).
func linkNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	var le *os.LinkError
	if errors.As(err, &le) && (errors.Is(le.Err, unix.EPERM) || errors.Is(le.Err, unix.ENOTSUP) ||
		errors.Is(le.Err, unix.EOPNOTSUPP) || errors.Is(le.Err, unix.EMLINK)) {
		if rerr := renameNoReplace(tmp, path); rerr == nil || errors.Is(rerr, os.ErrExist) {
			return rerr
		}
	}
	return err
}
