package poster_test

import (
	"bytes"
	"errors"
	"fmt"
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
	var cards []canvas.Card
	for _, sc := range scenes {
		cards = append(cards, sc.Cards...)
	}
	for _, c := range cards {
		for i, l := range c.Title.Lines {
			if l.Text == "" {
				continue // the number alone, before a long first word
			}
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
	// The posters come first, one page each.
	out, err := exec.Command("pdftotext", "-bbox-layout", "-l", strconv.Itoa(len(scenes)), path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	paper := job.Options.Paper
	if paper.W == 0 {
		paper = poster.A0Landscape
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
	for _, g := range titleGoals {
		job := defaultJob(mapOf(t, g.n))
		least, most, lines := titleSizes(t, job, "titles-"+g.name)
		t.Logf("%s: card titles %.2f…%.2f pt (%d lines)", g.name, least, most, lines)
		if least < g.goal {
			t.Errorf("%s touchpoints: card titles at %.2f pt, want at least %.0f pt", g.name, least, g.goal)
		}
		if w := job.Readability(job.Scenes()); w != nil {
			t.Errorf("%s touchpoints: warned %q", g.name, w)
		}
	}
}

// A map whose titles would print under 6 pt is said so, with what would
// fix it; and the fixes named do fix it, read back from the PDF.
func TestUnreadableTitlesAreSaid(t *testing.T) {
	for _, n := range []int{300, 1000} {
		job := defaultJob(mapOf(t, n))
		scenes := job.Scenes()
		err := job.Readability(scenes)
		var w *poster.SmallTitles
		if !errors.As(err, &w) {
			t.Fatalf("%d touchpoints: Readability = %v, want a *SmallTitles", n, err)
		}
		size := job.TitleSize(scenes[0])
		least := size
		if n < 1000 { // reading back a thousand cards takes Poppler long
			least, _, _ = titleSizes(t, job, fmt.Sprintf("small-%d", n))
		}
		t.Logf("%d touchpoints: %v (titles read back at %.2f pt)", n, w, least)
		if w.Size >= poster.MinTitleSize || math.Abs(w.Size-size) > 1e-9 || math.Abs(least-size) > 0.01 {
			t.Errorf("%d touchpoints: warned of %.2f pt, the job says %.2f, the PDF %.2f", n, w.Size, size, least)
		}
		line := w.Error()
		if strings.Contains(line, "\n") || !strings.Contains(line, w.Journey) || !strings.Contains(line, "--paper "+w.Paper.Name) {
			t.Errorf("%d touchpoints: warning %q", n, line)
		}
		if w.Paper.Name == "" {
			t.Errorf("%d touchpoints: no paper named", n)
		} else {
			bigger := job
			bigger.Options.Paper = w.Paper
			bigger.Options.Tile = &poster.Paper{Name: "A3", W: 297, H: 420}
			if got := bigger.TitleSize(scenes[0]); got < poster.MinTitleSize {
				t.Errorf("%d touchpoints: on %s the titles print at %.2f pt", n, w.Paper.Name, got)
			}
			if err := bigger.Readability(scenes); err != nil {
				t.Errorf("%d touchpoints: on %s still %v", n, w.Paper.Name, err)
			}
		}
		if n == 1000 {
			// Even one stage a poster is too small: no split is offered.
			if w.Split != 0 || strings.Contains(line, "--split") {
				t.Errorf("1000 touchpoints: split offered in %q", line)
			}
			continue
		}
		if w.Split < 2 || !strings.Contains(line, fmt.Sprintf("--split %d", w.Split)) {
			t.Fatalf("%d touchpoints: split %d in %q", n, w.Split, line)
		}
		split := job
		split.Split = w.Split
		parts := split.Scenes()
		if len(parts) != w.Split {
			t.Fatalf("split over %d: %d posters", w.Split, len(parts))
		}
		least, _, _ = titleSizes(t, split, fmt.Sprintf("split-%d", n))
		if least < poster.MinTitleSize {
			t.Errorf("split over %d posters: titles at %.2f pt", w.Split, least)
		}
		if err := split.Readability(parts); err != nil {
			t.Errorf("split over %d posters: %v", w.Split, err)
		}
	}
}

// A journey split over posters: each poster has its title block numbered
// (1/2…), the lane labels and its own stages, every stage on one poster;
// the appendix lists every touchpoint once.
func TestSplitPosters(t *testing.T) {
	d := mapOf(t, 300)
	job := defaultJob(d)
	job.Split = 3
	var buf bytes.Buffer
	scenes := job.Scenes()
	if len(scenes) != 3 {
		t.Fatalf("%d posters, want 3", len(scenes))
	}
	if err := job.WritePDF(&buf, scenes); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "split.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	j := d.Journeys[0]
	seen := map[string]int{}
	for page := 1; page <= 3; page++ {
		out, err := exec.Command("pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").CombinedOutput()
		if err != nil {
			t.Fatalf("pdftotext: %v\n%s", err, out)
		}
		text := string(out)
		if !strings.Contains(text, fmt.Sprintf("%s (%d/3)", j.Title, page)) {
			t.Errorf("poster %d has no numbered title", page)
		}
		for _, l := range j.Lanes {
			if !strings.Contains(text, l.Name) {
				t.Errorf("poster %d has no label for lane %s", page, l.Name)
			}
		}
		for _, st := range j.Stages {
			if strings.Contains(text, st.Name+"\n") {
				seen[st.Name]++
			}
		}
	}
	for _, st := range j.Stages {
		if seen[st.Name] != 1 {
			t.Errorf("stage %s on %d posters, want one", st.Name, seen[st.Name])
		}
	}
	out, err := exec.Command("pdftotext", "-f", "4", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	if got := strings.Count(string(out), j.Touchpoints[0].Description); got != len(j.Touchpoints) {
		t.Errorf("the appendix lists %d touchpoints' descriptions, want each of the %d once", got, len(j.Touchpoints))
	}
}
