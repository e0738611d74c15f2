package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// built is the folder the real programs are built into once per test run,
// parcours and parcours-editor side by side as make build puts them.
var built struct {
	once sync.Once
	dir  string
	err  error
}

// programs builds parcours and parcours-editor into one folder (once) and
// returns the path of parcours.
func programs(tb testing.TB) string {
	tb.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "parcours-programs-")
		if built.err != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", built.dir+string(filepath.Separator), ".", "../parcours-editor").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		tb.Fatal(built.err)
	}
	return filepath.Join(built.dir, "parcours")
}

// removeBuilt wraps the test run so that the programs' folder goes with it.
type removeBuilt struct{ m *testing.M }

func (r removeBuilt) Run() int {
	code := r.m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	return code
}
