package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parcours/model/modeltest"
	"parcours/model/sqlite/hostile"
)

// maxHostileRSS is the most memory a run of check or export may take on a
// hostile document (CONTRACTS.md §6).
const maxHostileRSS = 300 << 20

// run runs the command line in a process of its own (this test binary
// under the name parcours, see TestMain) and returns its exit status,
// stderr, wall time and peak resident memory.
func runProcess(t *testing.T, args ...string) (code int, stderr string, took time.Duration, rss int64) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Args[0] = "parcours"
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	var errb strings.Builder
	cmd.Stderr = &errb
	start := time.Now()
	err = cmd.Run()
	took = time.Since(start)
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return cmd.ProcessState.ExitCode(), errb.String(), took, ru.Maxrss * 1024
}

// Every hostile document is refused by check and export with exit status 1
// and one line naming the file and the problem, or checked and exported;
// either way each process stays under 300 MB. Times are logged (the goal is
// 2 s each; timing is not asserted on a shared machine).
func TestHostileDocumentsCommandLine(t *testing.T) {
	dir := t.TempDir()
	for _, k := range hostile.Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			path, err := hostile.Make(dir, k, modeltest.Reference(t))
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, k.Name+".pdf")
			for _, args := range [][]string{{"check", path}, {"export", "-o", out, path}} {
				code, stderr, took, rss := runProcess(t, args...)
				t.Logf("%s: exit %d in %v, %.0f MB: %s", args[0], code, took.Round(time.Millisecond), float64(rss)/(1<<20), strings.TrimSpace(stderr))
				if rss > maxHostileRSS {
					t.Errorf("%s took %.0f MB, over 300", args[0], float64(rss)/(1<<20))
				}
				switch {
				case k.Refused && code != 1:
					t.Errorf("%s: exit %d, want 1", args[0], code)
				case k.Refused && (strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "parcours: ") ||
					!strings.Contains(stderr, path) || !strings.Contains(stderr, k.Want)):
					t.Errorf("%s: stderr %q should be one line naming the file and saying %q", args[0], stderr, k.Want)
				case !k.Refused && code != 0:
					t.Errorf("%s: exit %d: %s", args[0], code, stderr)
				}
			}
			if _, err := os.Stat(out); (err == nil) == k.Refused {
				t.Errorf("PDF written: %v, document refused: %v", err == nil, k.Refused)
			}
		})
	}
}
