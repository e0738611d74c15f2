package atomic

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Temporary files are named after their target, hidden, beside it:
// ".NAME.<12 hex digits>.tmp". Each is locked (flock) while a process
// writes it, and listed here, so that RemoveAll can take them away when the
// process is interrupted (SIGINT, SIGTERM), and so that a later run can
// tell the leftovers of a killed one (SIGKILL, a crash) from those another
// running process is writing: only those nobody holds are removed.

var (
	live sync.Map // name → *os.File
	// made is held while a file is created and listed, and by RemoveAll:
	// an interruption between the two would leave a file nobody lists.
	made sync.Mutex
	// ending is set by RemoveAll: the process is going, nothing new is made.
	ending bool
)

// errEnding is what Temp says once RemoveAll has run.
var errEnding = errors.New("the process is ending")

// Temp creates an empty temporary file beside path, with permissions perm
// before the umask, locked and listed until Remove. Leftovers of earlier
// runs for the same target, that this user owns and no process holds, are
// removed first.
func Temp(path string, perm os.FileMode) (*os.File, error) {
	removeStale(path)
	dir, base := filepath.Split(path)
	made.Lock()
	defer made.Unlock()
	if ending {
		return nil, errEnding
	}
	for {
		var r [6]byte
		_, _ = rand.Read(r[:])
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(r[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		lock(f)
		live.Store(name, f)
		return f, nil
	}
}

// Forget stops listing name: it was renamed into place, or removed.
func Forget(name string) { live.Delete(name) }

// Remove removes a temporary file and the journal SQLite may have left
// beside it (missing files are fine), and forgets it.
func Remove(name string) {
	_ = os.Remove(name)
	_ = os.Remove(name + "-journal")
	live.Delete(name)
}

// RemoveAll removes every temporary file this process still lists: the
// outputs it was making when it was interrupted. Targets are untouched.
func RemoveAll() {
	made.Lock()
	defer made.Unlock()
	ending = true
	live.Range(func(k, _ any) bool {
		Remove(k.(string))
		return true
	})
}

// removeStale removes ".NAME.<hex>.tmp" files (and their journals) beside
// path that this user owns and that no process holds locked.
func removeStale(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range ents {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		id, ok := strings.CutSuffix(rest, ".tmp")
		if !ok || len(id) != 12 || strings.Trim(id, "0123456789abcdef") != "" {
			continue
		}
		full := filepath.Join(dir, name)
		if _, mine := live.Load(full); mine || !ownedAndFree(full) {
			continue
		}
		_ = os.Remove(full)
		_ = os.Remove(full + "-journal")
	}
}
