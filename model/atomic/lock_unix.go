//go:build unix

package atomic

import (
	"os"
	"syscall"
)

// lock takes flock(LOCK_EX|LOCK_NB) on f: a temporary file is held while
// it is written. Failing is harmless (the file is new and its own).
func lock(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) }

// ownedAndFree reports whether the file at name belongs to this user and
// no process holds it: a leftover of a run that was killed.
func ownedAndFree(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Getuid() {
		return false
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return false
	}
	// Released when f closes; the file is removed right after.
	return true
}
