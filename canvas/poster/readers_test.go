package poster_test

import (
	"os/exec"
	"strings"
	"testing"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model"
	"parcours/model/compare"
	"parcours/model/modeltest"
)

// tool runs a PDF reader that CI installs (.ci/install-deps) and returns
// its output and whether it exited 0.
func tool(t *testing.T, name string, args ...string) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: run .ci/install-deps (apt-get install qpdf mupdf-tools)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out), err == nil
}

// independentReaders checks the PDF at path with two readers that share
// no code with fpdf, Poppler or each other: qpdf finds nothing wrong in
// its structure and streams, and MuPDF draws every page without a warning
// (but the one about colour management, which its Debian build lacks). It
// returns the text MuPDF extracts.
func independentReaders(t *testing.T, path string) string {
	t.Helper()
	if out, ok := tool(t, "qpdf", "--check", path); !ok || !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check %s:\n%s", path, out)
	}
	out, ok := tool(t, "mutool", "draw", "-o", "/dev/null", path)
	if !ok {
		t.Errorf("mutool draw %s failed:\n%s", path, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if (strings.Contains(l, "warning") || strings.Contains(l, "error")) && !strings.Contains(l, "ICC") {
			t.Errorf("mutool draw %s: %s", path, l)
		}
	}
	text, ok := tool(t, "mutool", "draw", "-F", "txt", "-o", "-", path)
	if !ok {
		t.Errorf("mutool draw -F txt %s failed:\n%s", path, text)
	}
	return text
}

// TestIndependentReaders reads every kind of page — poster, tiled sheets
// and their guide, appendix, action plan, comparison, and a poster of a
// thousand touchpoints — with qpdf and MuPDF, and the texts back with
// MuPDF and Poppler: accents, « », ·, —, and ﬁ (U+FB01, beyond the
// one-byte-or-two encoding) come back as they were typed (MuPDF once
// dropped every character outside the CMaps' codespace).
func TestIndependentReaders(t *testing.T) {
	d, cur, _, tgt := planDoc(t)
	// A character from U+8000 on goes through the fonts' twins.
	cur.Touchpoints[0].Note = "Créneau conﬁrmé"
	s := canvas.Layout(d, cur)
	a4 := paper(t, "A4", "landscape")
	opts := poster.Options{Paper: a4, Journeys: []*model.Journey{cur}, Plan: true,
		Comparisons: []compare.Result{compare.Compare(cur, tgt)},
		Footer:      "Confidentiel — diffusion interne", Version: "2"}
	if !poster.Shortened(s) {
		t.Fatal("the map fits on A4: this test needs an appendix")
	}
	tiled := opts
	tiled.Paper, tiled.Tile = poster.A0Landscape, &a4
	big := modeltest.Generated(1000, 6, 8)
	for _, tc := range []struct {
		name   string
		scenes []*canvas.Scene
		opts   poster.Options
		texts  bool
	}{
		{"readers-poster.pdf", []*canvas.Scene{s}, opts, true},
		{"readers-tiled.pdf", []*canvas.Scene{s}, tiled, true},
		{"readers-1000.pdf", []*canvas.Scene{canvas.Layout(big, big.Journeys[0])}, poster.Options{}, false},
	} {
		path := write(t, tc.name, tc.scenes, tc.opts)
		mu := independentReaders(t, path)
		if !tc.texts {
			continue
		}
		pop := poppler(t, "pdftotext", path, "-")
		for _, want := range []string{"Réduire de moitié", "« où est mon colis ? »", " · ", "Confidentiel — diffusion", "Livraison sans souci", "Créneau conﬁrmé"} {
			for reader, text := range map[string]string{"MuPDF": mu, "Poppler": pop} {
				// MuPDF spells ligatures out, as a search would.
				flat := strings.ReplaceAll(strings.Join(strings.Fields(text), " "), "ﬁ", "fi")
				if !strings.Contains(flat, strings.ReplaceAll(want, "ﬁ", "fi")) {
					t.Errorf("%s: %s does not give back %q", tc.name, reader, want)
				}
			}
		}
	}
}
