package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parcours/model/msg"
)

// englishEnv makes messages English whatever the machine's language.
func englishEnv(t *testing.T) {
	t.Helper()
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(k, "")
	}
	t.Setenv("LANG", "C.UTF-8")
}

func runMain(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestExitStatus checks what testscript's "!" cannot: 1 when the work
// fails, 2 when the command line is wrong, and one line on stderr.
func TestExitStatus(t *testing.T) {
	englishEnv(t)
	// The reference document is found from the package folder; the other
	// paths are relative to a temporary folder.
	ref, err := filepath.Abs(filepath.Join("..", "..", "testdata", "livraison.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if code, _, stderr := runMain("new", "--template", "blank", "doc.parcours"); code != 0 {
		t.Fatalf("new: %d %s", code, stderr)
	}
	if err := os.WriteFile("junk.parcours", []byte("not a document at all, not even close"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("bad.json", []byte(`{"format": "parcours/v2"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"version"}, 0},
		{[]string{"--version"}, 0},
		{[]string{"templates"}, 0},
		{[]string{"help"}, 0},
		{[]string{"help", "export"}, 0},
		{[]string{"export", "--help"}, 0},
		{[]string{"check", "doc.parcours"}, 0},
		{[]string{"export", "-o", "out.json", "doc.parcours"}, 0},
		{[]string{"export", "doc.parcours", "-o", "out.pdf", "--paper", "A4"}, 0},
		{[]string{"export", "-o", "out.png", "--dpi", "20", "doc.parcours"}, 0},
		{[]string{"export", "-o", "tiled.pdf", "--tile", "A3", "doc.parcours"}, 0},
		{[]string{"export", "-o", "macro.pdf", "--view", "macro", "doc.parcours"}, 0},
		{[]string{"import", ref, "-o", "ref.parcours"}, 0},
		{[]string{"export", "--journey", "all", "-o", "all.pdf", "ref.parcours"}, 0},
		{[]string{"insights", "ref.parcours"}, 0},
		{[]string{"insights", "--format", "json", "--journey", "j-cible", "ref.parcours"}, 0},

		{[]string{"new", "doc.parcours"}, 1},
		{[]string{"new", "nodir/x.parcours"}, 1},
		{[]string{"import", ref, "-o", "doc.parcours"}, 1},
		{[]string{"import", "bad.json", "-o", "bad.parcours"}, 1},
		{[]string{"import", "missing.json", "-o", "m.parcours"}, 1},
		{[]string{"check", "junk.parcours"}, 1},
		{[]string{"check", "missing.parcours"}, 1},
		{[]string{"export", "-o", "x.pdf", "--journey", "nope", "doc.parcours"}, 1},
		{[]string{"export", "-o", "x.png", "--journey", "nope", "doc.parcours"}, 1},
		{[]string{"export", "-o", "x.pdf", "--tile", "A3", "--journey", "nope", "doc.parcours"}, 1},
		{[]string{"export", "-o", "x.png", "--logo", "missing.png", "doc.parcours"}, 1},
		{[]string{"export", "-o", "x.pdf", "--logo", "bad.json", "doc.parcours"}, 1},
		{[]string{"export", "-o", "nodir/x.pdf", "doc.parcours"}, 1},
		{[]string{"export", "--format", "json", "-o", "doc.parcours", "doc.parcours"}, 1},
		{[]string{"insights", "--journey", "nope", "doc.parcours"}, 1},
		{[]string{"insights", "junk.parcours"}, 1},
		{[]string{"import-survey", "doc.parcours", "missing.csv"}, 1},
		{[]string{"import-survey", "junk.parcours", "bad.json"}, 1},

		{[]string{"frobnicate"}, 2},
		{[]string{"--frobnicate"}, 2},
		{[]string{"help", "frobnicate"}, 2},
		{[]string{"help", "new", "export"}, 2},
		{[]string{"check"}, 2},
		{[]string{"check", "a.parcours", "b.parcours"}, 2},
		{[]string{"check", "--bogus", "doc.parcours"}, 2},
		{[]string{"new", "--template", "nope", "y.parcours"}, 2},
		{[]string{"new", "--lang", "de", "y.parcours"}, 2},
		{[]string{"new", "--lang", "fr", "--lang", "en", "y.parcours"}, 2},
		{[]string{"new", "y.parcours", "--template"}, 2},
		{[]string{"import", ref}, 2},
		{[]string{"import", "-o", "y.parcours"}, 2},
		{[]string{"export", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.tiff", "doc.parcours"}, 2},
		{[]string{"export", "--format", "tiff", "-o", "x.pdf", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.json", "--paper", "A3", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.pdf", "--dpi", "300", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.png", "--dpi", "5", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.pdf", "--paper", "B5", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.pdf", "--orientation", "up", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.pdf", "--view", "zoom", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.pdf", "--tile", "A0", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.png", "--tile", "A4", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.png", "--dpi", "1200", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.png", "--paper", "15x15mm", "doc.parcours"}, 2},
		{[]string{"export", "--format", "png", "-o", "-", "--journey", "all", "doc.parcours"}, 2},
		{[]string{"export", "-o", "x.json", "--footer", "secret", "doc.parcours"}, 2},
		{[]string{"import-survey", "doc.parcours"}, 2},
		{[]string{"import-survey", "--scale", "7", "doc.parcours", "s.csv"}, 2},
		{[]string{"insights", "--format", "xml", "doc.parcours"}, 2},
		{[]string{"insights", "--journey", "all", "doc.parcours"}, 2},
		{[]string{"a.parcours", "b.parcours"}, 2},
	} {
		code, stdout, stderr := runMain(tc.args...)
		if code != tc.code {
			t.Errorf("parcours %s: exit %d, want %d (stderr %q)", strings.Join(tc.args, " "), code, tc.code, stderr)
			continue
		}
		if code == 0 {
			if stderr != "" {
				t.Errorf("parcours %s: stderr %q on success", strings.Join(tc.args, " "), stderr)
			}
			continue
		}
		if !oneErrorLine.MatchString(stderr) {
			t.Errorf("parcours %s: stderr %q is not one line \"parcours: …\"", strings.Join(tc.args, " "), stderr)
		}
		if stdout != "" {
			t.Errorf("parcours %s: stdout %q on failure", strings.Join(tc.args, " "), stdout)
		}
	}
	for _, name := range []string{"x.pdf", "x.png", "x.json", "x.svg", "x.tiff", "y.parcours", "bad.parcours", "m.parcours"} {
		if _, err := os.Lstat(name); err == nil {
			t.Errorf("%s was left behind by a failed command", name)
		}
	}
}

var oneErrorLine = regexp.MustCompile(`\Aparcours: [^\n]+\n\z`)

// TestWindow checks which command lines open the editor, and how its
// failures and panics come out.
func TestWindow(t *testing.T) {
	englishEnv(t)
	t.Chdir(t.TempDir())
	var opened []string
	var fail error
	openWindow = func(path string) error { opened = append(opened, path); return fail }
	t.Cleanup(func() { openWindow = launchEditor })

	for _, args := range [][]string{nil, {"x.parcours"}, {"dir/y.parcours"}} {
		opened = nil
		if code, _, stderr := runMain(args...); code != 0 || stderr != "" {
			t.Errorf("parcours %v: exit %d, stderr %q", args, code, stderr)
		}
		want := ""
		if len(args) == 1 {
			want = args[0]
		}
		if len(opened) != 1 || opened[0] != want {
			t.Errorf("parcours %v opened %q, want [%q]", args, opened, want)
		}
	}
	// A file without a dot is a document when it is there, else a typo.
	if err := os.WriteFile("notes", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	opened = nil
	if code, _, _ := runMain("notes"); code != 0 || len(opened) != 1 {
		t.Errorf("parcours notes: exit %d, opened %q", code, opened)
	}
	for _, arg := range []string{"nothere", "-"} {
		opened = nil
		if code, _, _ := runMain(arg); code != 2 || len(opened) != 0 {
			t.Errorf("parcours %s: exit %d, opened %q", arg, code, opened)
		}
	}

	fail = errors.New("no display:\ncannot open the window")
	code, _, stderr := runMain("x.parcours")
	if code != 1 || stderr != "parcours: no display: cannot open the window\n" {
		t.Errorf("window failure: exit %d, stderr %q", code, stderr)
	}
	fail = nil

	openWindow = func(string) error { panic("boom") }
	code, _, stderr = runMain()
	if code != 1 || !oneErrorLine.MatchString(stderr) || !strings.Contains(stderr, "boom") ||
		strings.Contains(stderr, "goroutine") {
		t.Errorf("panic: exit %d, stderr %q", code, stderr)
	}
}

// TestMessages keeps the command line's messages in both languages, with
// the same arguments.
func TestMessages(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)
	n := 0
	for _, k := range msg.Keys() {
		if !strings.HasPrefix(k, "cli.") {
			continue
		}
		n++
		en, fr := msg.Pair(k)
		if en == "" || fr == "" {
			t.Errorf("%s: missing wording (en %q, fr %q)", k, en, fr)
			continue
		}
		if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(fr, -1); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%s: English verbs %v, French verbs %v", k, a, b)
		}
	}
	if n == 0 {
		t.Fatal("no cli.* messages")
	}
	for _, c := range commands {
		for _, key := range []string{"cli.help." + c.name} {
			if !msg.Has(key) {
				t.Errorf("no help for %s", c.name)
			}
		}
		for _, f := range c.flags {
			if !msg.Has(f.help) {
				t.Errorf("no help for %s %s", c.name, flagName(f.name))
			}
		}
	}
}
