package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// A command whose output cannot be written has not done its work: exit 1
// with one line, as `parcours check doc > /dev/full`.
func TestStdoutThatCannotBeWritten(t *testing.T) {
	englishEnv(t)
	t.Chdir(t.TempDir())
	if code, _, stderr := runMain("new", "doc.parcours"); code != 0 {
		t.Fatal(stderr)
	}
	for _, args := range [][]string{{"version"}, {"templates"}, {"check", "doc.parcours"}, {"help"},
		{"insights", "doc.parcours"}, {"export", "--format", "json", "-o", "-", "doc.parcours"}} {
		var errb strings.Builder
		code := Main(args, strings.NewReader(""), fullWriter{}, &errb)
		if code != 1 || strings.Count(errb.String(), "\n") != 1 || !strings.HasPrefix(errb.String(), "parcours: ") ||
			!strings.HasSuffix(errb.String(), ": no space left on device\n") {
			t.Errorf("%v: exit %d, %q", args, code, errb.String())
		}
	}
}

// -o never replaces what is not a regular file: a symbolic link, a pipe,
// a device are refused, named, and left as they were.
func TestOutputsThatAreNotRegularFiles(t *testing.T) {
	englishEnv(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := runMain("new", "doc.parcours"); code != 0 {
		t.Fatal(stderr)
	}
	if err := os.WriteFile("target.json", []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target.json", "link.json"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"link.json", "pipe.json", "/dev/null"} {
		for _, args := range [][]string{{"export", "--format", "json", "-o", out, "doc.parcours"},
			{"plan", "--format", "csv", "-o", out, "doc.parcours"}} {
			code, _, stderr := runMain(args...)
			if code != 1 || !strings.Contains(stderr, out+" exists and is not a regular file") {
				t.Errorf("%v: exit %d, %q", args, code, stderr)
			}
		}
	}
	if fi, err := os.Lstat("link.json"); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if fi, err := os.Lstat("pipe.json"); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	if b, _ := os.ReadFile("target.json"); string(b) != "kept" {
		t.Errorf("the link's target became %q", b)
	}
	// A pipe given as a document is refused at once, not waited on.
	code, _, stderr := runMain("check", "pipe.json")
	if code != 1 || !strings.Contains(stderr, "pipe.json is not a regular file") {
		t.Errorf("check of a pipe: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat("/dev/null"); errors.Is(err, os.ErrNotExist) {
		t.Error("/dev/null is gone")
	}
}

// tempFiles lists the temporary files in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), ".tmp-journal") {
			out = append(out, e.Name())
		}
	}
	return out
}

// SIGINT and SIGTERM in the middle of an export remove the output being
// written: exit 1, one line, no temporary file, no output.
func TestInterruptedExportLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "big.parcours")
	st, err := sqlite.Create(doc, modeltest.Generated(1000, 6, 8))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		out := filepath.Join(dir, "out.png")
		cmd := exec.Command(exe, "export", "--paper", "A0", "--dpi", "350", "-o", out, doc)
		cmd.Args[0] = "parcours"
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
		var errb strings.Builder
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for len(tempFiles(t, dir)) == 0 && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
		if len(tempFiles(t, dir)) == 0 {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatal("the export made no temporary file within 30 s")
		}
		_ = cmd.Process.Signal(sig)
		_ = cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.HasPrefix(errb.String(), "parcours: interrupted") {
			t.Errorf("%v: exit %d, %q", sig, code, errb.String())
		}
		if left := tempFiles(t, dir); len(left) > 0 {
			t.Errorf("%v left %v", sig, left)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: an output was written", sig)
		}
	}
}

// Temporary files left by a killed run for the same output, that nobody
// holds, are removed by the next run; one that another process is
// writing (it holds it locked) is left alone.
func TestStaleTemporariesAreRemoved(t *testing.T) {
	englishEnv(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := runMain("new", "doc.parcours"); code != 0 {
		t.Fatal(stderr)
	}
	stale := ".out.json.0123456789ab.tmp"
	held := ".out.json.abcdefabcdef.tmp"
	other := ".other.json.0123456789ab.tmp"
	for _, name := range []string{stale, stale + "-journal", held, other} {
		if err := os.WriteFile(name, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(held)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain("export", "-o", "out.json", "doc.parcours"); code != 0 {
		t.Fatal(stderr)
	}
	got := tempFiles(t, dir)
	if strings.Join(got, " ") != other+" "+held {
		t.Errorf("left %v, want %s and %s", got, held, other)
	}
}
