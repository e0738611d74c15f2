package poster_test

import (
	"bytes"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/canvas/poster"
	"parcours/model"
	"parcours/model/modeltest"
)

// The size of the card titles on an A0 landscape poster, micro view, the
// command line's default parts, read back out of the PDF (issue 11).
var titleGoals = []struct {
	name string
	n    int     // touchpoints of the generated map; 0 for the sample
	goal float64 // pt
}{
	{"sample", 0, 17},
	{"30", 30, 12},
	{"60", 60, 9},
	{"120", 120, 6},
}

// defaultJob is the export of the command line without options: A0
// landscape, micro view, quotes and opportunities, the persona card.
func defaultJob(d *model.Document) poster.Job {
	return poster.Job{Doc: d, Journeys: d.Journeys[:1], Layout: canvas.Options{Quotes: true}}
}

func mapOf(t testing.TB, n int) *model.Document {
	if n == 0 {
		return modeltest.Reference(t)
	}
	return modeltest.Generated(n, 6, 8)
}

var (
	pageTag = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	lineTag = regexp.MustCompile(`<line xMin="[0-9.-]+" yMin="([0-9.-]+)" xMax="[0-9.-]+" yMax="([0-9.-]+)">`)
	wordTag = regexp.MustCompile(`<word [^>]*>(.*)</word>`)
)

// titleSizes writes the job's PDF and reads back, with Poppler's
// pdftotext, the font size (pt) of every line of a card title on its
// poster pages (those of the poster's paper): the smallest and the
// largest. A line's box is as high as the bold face's ascent and descent
// at its size.
func titleSizes(t *testing.T, job poster.Job, name string) (least, most float64, lines int) {
	t.Helper()
	scenes := job.Scenes()
	// The lines of the card titles, the first after the card's number
	// when it has one; not those that some other text of the map also
	// has, in a band or a header.
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	want := map[string]bool{}
	for _, c := range scenes[0].Cards {
		for i, l := range c.Title.Lines {
			if i == 0 && len(c.NumberText.Lines) > 0 {
				want[flat(c.NumberText.Lines[0].Text+" "+l.Text)] = true
				continue
			}
			want[flat(l.Text)] = true
		}
	}
	other := []canvas.Text{scenes[0].Curve.Label}
	for _, b := range scenes[0].AllBands() {
		for _, c := range b.Cells {
			other = append(other, c.Text)
		}
	}
	for _, c := range scenes[0].Columns {
		other = append(other, c.Name)
	}
	for _, r := range scenes[0].Rows {
		other = append(other, r.Name, r.Status)
	}
	for _, t := range other {
		for _, l := range t.Lines {
			delete(want, flat(l.Text))
		}
	}
	var buf bytes.Buffer
	if err := job.WritePDF(&buf, scenes); err != nil {
		t.Fatalf("%s: WritePDF: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PDFCHECK_DIR"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, name+".pdf"), buf.Bytes(), 0o644)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils to run this test")
	}
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	paper := job.Options.Paper
	if paper.W == 0 {
		paper = pdf.A0Landscape
	}
	_, bold := canvas.Fonts()
	em := bold.Ascent + bold.Descent
	least, most = math.Inf(1), 0
	onPoster := false
	var words []string
	var h float64
	for _, l := range strings.Split(string(out), "\n") {
		if m := pageTag.FindStringSubmatch(l); m != nil {
			w, _ := strconv.ParseFloat(m[1], 64)
			onPoster = math.Abs(w-paper.W/25.4*72) < 1
			continue
		}
		if m := lineTag.FindStringSubmatch(l); m != nil {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			words, h = words[:0], y1-y0
			continue
		}
		if m := wordTag.FindStringSubmatch(l); m != nil {
			words = append(words, html.UnescapeString(m[1]))
			continue
		}
		if strings.TrimSpace(l) != "</line>" || !onPoster || !want[strings.Join(words, " ")] {
			continue
		}
		least, most = min(least, h/em), max(most, h/em)
		lines++
	}
	if lines == 0 {
		t.Fatalf("%s: no card title found in the PDF", name)
	}
	return least, most, lines
}

func TestPosterTitlesReadable(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads back four A0 posters")
	}
	for _, g := range titleGoals {
		least, most, lines := titleSizes(t, defaultJob(mapOf(t, g.n)), "titles-"+g.name)
		t.Logf("%s: card titles %.2f…%.2f pt (%d lines)", g.name, least, most, lines)
		if least < g.goal {
			t.Errorf("%s touchpoints: card titles at %.2f pt, want at least %.0f pt", g.name, least, g.goal)
		}
	}
}
