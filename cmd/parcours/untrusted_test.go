package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
