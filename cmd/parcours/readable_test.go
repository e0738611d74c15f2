package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

// An export whose card titles would print too small still writes the
// poster (exit 0), and says so in one line on stderr naming the fixes; a
// readable one prints nothing. --split prints that many posters; it is for
// PDF only and takes a whole number.
func TestExportSaysWhenTitlesAreTooSmall(t *testing.T) {
	englishEnv(t)
	t.Chdir(t.TempDir())
	for name, n := range map[string]int{"big.parcours": 300, "small.parcours": 30} {
		st, err := sqlite.Create(name, modeltest.Generated(n, 6, 8))
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	code, stdout, stderr := runMain("export", "-o", "big.pdf", "big.parcours")
	if code != 0 || stdout != "" {
		t.Fatalf("export: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat("big.pdf"); err != nil {
		t.Fatalf("no poster written: %v", err)
	}
	want := regexp.MustCompile(`^parcours: warning: the card titles of “Parcours généré — 300 points de contact” would print at 4\.6 pt, under the 6 pt a poster can be read at: split its stages over 2 posters \(--split 2\), or print it on a larger paper \(--paper \d+x\d+mm, tiled on office sheets with --tile A3\)\n$`)
	if !want.MatchString(stderr) {
		t.Errorf("stderr %q", stderr)
	}
	// The fix it names: no warning, two posters.
	code, _, stderr = runMain("export", "--split", "2", "-o", "split.pdf", "big.parcours")
	if code != 0 || stderr != "" {
		t.Errorf("export --split 2: exit %d, stderr %q", code, stderr)
	}
	if out, err := exec.Command("pdftotext", "-l", "2", "split.pdf", "-").CombinedOutput(); err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	} else if !strings.Contains(string(out), "(1/2)") || !strings.Contains(string(out), "(2/2)") {
		t.Errorf("the split posters are not numbered 1/2 and 2/2")
	}
	if code, _, stderr := runMain("export", "-o", "small.pdf", "small.parcours"); code != 0 || stderr != "" {
		t.Errorf("a readable poster: exit %d, stderr %q", code, stderr)
	}
	t.Setenv("LANG", "fr_FR.UTF-8")
	_, _, stderr = runMain("export", "-o", "big.pdf", "big.parcours")
	if !strings.HasPrefix(stderr, "parcours: attention : les titres des cartes de « Parcours généré — 300 points de contact » s'imprimeraient en 4,6 pt") ||
		!strings.Contains(stderr, "--split 2") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("French warning %q", stderr)
	}
	t.Setenv("LANG", "C.UTF-8")
	for _, args := range [][]string{
		{"export", "--split", "0", "-o", "x.pdf", "big.parcours"},
		{"export", "--split", "two", "-o", "x.pdf", "big.parcours"},
		{"export", "--split", "2", "-o", "x.png", "big.parcours"},
		{"export", "--split", "2", "-o", "x.svg", "big.parcours"},
		{"export", "--split", "2", "-o", "x.json", "big.parcours"},
	} {
		if code, _, stderr := runMain(args...); code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
