package poster_test

import (
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

func livraison(t testing.TB) *model.Document { return modeltest.Reference(t) }

// poppler runs one of the poppler-utils on file and returns its output.
// The tools are required: CI installs poppler-utils.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s not found: install poppler-utils (apt-get install poppler-utils) to run these tests", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// write makes the PDF into a file and returns its path. With PDFCHECK_DIR
// set, a copy is kept there under name, to look at.
func write(t *testing.T, name string, scenes []*canvas.Scene, opts poster.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := poster.WritePDF(&buf, scenes, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PDFCHECK_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

var pageSize = regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`)

func pageSizePts(t *testing.T, info string) (w, h float64) {
	t.Helper()
	m := pageSize.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page size in pdfinfo output:\n%s", info)
	}
	w, _ = strconv.ParseFloat(m[1], 64)
	h, _ = strconv.ParseFloat(m[2], 64)
	return w, h
}

func pages(t *testing.T, info string) int {
	t.Helper()
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page count in pdfinfo output:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestPageSizes(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	for _, tc := range []struct {
		paper, orientation string
		w, h               float64 // pt
	}{
		{"A0", "landscape", 3370.39, 2383.94},
		{"A4", "portrait", 595.28, 841.89},
		{"600x400mm", "", 1700.79, 1133.86},
	} {
		paper, err := poster.ParsePaper(tc.paper, tc.orientation)
		if err != nil {
			t.Fatal(err)
		}
		path := write(t, "size.pdf", []*canvas.Scene{s}, poster.Options{Paper: paper})
		w, h := pageSizePts(t, poppler(t, "pdfinfo", path))
		if math.Abs(w-tc.w) > 0.1 || math.Abs(h-tc.h) > 0.1 {
			t.Errorf("%s %s: page %.2f x %.2f pt, want %.2f x %.2f", tc.paper, tc.orientation, w, h, tc.w, tc.h)
		}
	}
	// The zero Options mean A0 landscape.
	path := write(t, "default.pdf", []*canvas.Scene{s}, poster.Options{})
	if w, h := pageSizePts(t, poppler(t, "pdfinfo", path)); math.Abs(w-3370.39) > 0.1 || math.Abs(h-2383.94) > 0.1 {
		t.Errorf("default page %.2f x %.2f pt, want A0 landscape", w, h)
	}
}

func TestOnePagePerScene(t *testing.T) {
	d := livraison(t)
	scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0]), canvas.Layout(d, d.Journeys[1])}
	path := write(t, "two.pdf", scenes, poster.Options{})
	if n := pages(t, poppler(t, "pdfinfo", path)); n != 2 {
		t.Fatalf("%d pages, want 2", n)
	}
	text := poppler(t, "pdftotext", "-f", "2", "-l", "2", path, "-")
	if !strings.Contains(text, d.Journeys[1].Title) {
		t.Errorf("page 2 does not show journey %q", d.Journeys[1].Title)
	}
}

func TestFontsEmbedded(t *testing.T) {
	d := livraison(t)
	path := write(t, "fonts.pdf", []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}, poster.Options{})
	out := poppler(t, "pdffonts", path)
	found := map[string]bool{}
	for _, line := range strings.Split(out, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 7 {
			continue
		}
		// name type… encoding emb sub uni object ID
		name, emb := strings.ToLower(f[0]), f[len(f)-5]
		if emb != "yes" {
			t.Errorf("font %s not embedded:\n%s", f[0], out)
		}
		for _, want := range []string{"dejavusans", "dejavusans-bold"} {
			if strings.HasSuffix(name, want) {
				found[want] = true
			}
		}
	}
	if !found["dejavusans"] || !found["dejavusans-bold"] {
		t.Errorf("want DejaVuSans and DejaVuSans-Bold embedded, pdffonts says:\n%s", out)
	}
}

func TestTextsSelectable(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	date := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	path := write(t, "livraison.pdf", []*canvas.Scene{canvas.Layout(d, j)}, poster.Options{Date: date})
	text := poppler(t, "pdftotext", path, "-")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{j.Title, "Livraison", "Transporteur", "Choix du créneau", "Claire Dubois",
		"Page de suivi 📦", date.Format(msg.T("pdf.date_layout"))} {
		if !strings.Contains(flat, want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(flat, "Page de suivi ?") || strings.Contains(text, "[U+1F4E6]") {
		t.Errorf("the parcel emoji is not drawn as an emoji with its character behind:\n%s", text)
	}
	// MuPDF finds the emoji too.
	mu := strings.Join(strings.Fields(independentReaders(t, path)), " ")
	if !strings.Contains(mu, "Page de suivi 📦") || strings.Contains(mu, "[U+1F4E6]") {
		t.Errorf("mutool's text lacks the parcel emoji:\n%s", mu)
	}
}

func TestFrenchTitleBlock(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.French)
	d := livraison(t)
	j := d.Journeys[0]
	date := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	a4, err := poster.ParsePaper("A4", "portrait")
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, "livraison-a4.pdf", []*canvas.Scene{canvas.Layout(d, j)}, poster.Options{Paper: a4, Date: date})
	flat := strings.Join(strings.Fields(poppler(t, "pdftotext", path, "-")), " ")
	for _, want := range []string{"Persona : Claire Dubois — Objectif : Réduire", "Date : 14/05/2026", "Point de douleur", "Courbe émotionnelle"} {
		if !strings.Contains(flat, want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, flat)
		}
	}
}

func TestSameDateSameBytes(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	opts := poster.Options{Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)}
	var a, b bytes.Buffer
	if err := poster.WritePDF(&a, []*canvas.Scene{s}, opts); err != nil {
		t.Fatal(err)
	}
	if err := poster.WritePDF(&b, []*canvas.Scene{s}, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same map on the same date differ")
	}
}

func TestMapFitsInsideMargins(t *testing.T) {
	d := livraison(t)
	big := modeltest.Generated(200, 6, 8)
	scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0]), canvas.Layout(big, big.Journeys[0])}
	for _, paper := range []string{"A0", "A3", "A4", "3000x200mm", "200x3000mm"} {
		for _, orientation := range []string{"landscape", "portrait"} {
			p, err := poster.ParsePaper(paper, orientation)
			if err != nil {
				t.Fatal(err)
			}
			for _, margin := range []float64{0, 25} {
				// Without the persona card: the map alone is centred (see
				// TestPersonaCardBesideTheMap).
				opts := poster.Options{Paper: p, Margin: margin, NoPersona: true}
				m := margin
				if m == 0 {
					m = poster.DefaultMargin
				}
				for _, s := range scenes {
					_, _, k := poster.Placement(s, opts)
					box := poster.MapBox(s, opts)
					x, y := box.X, box.Y
					const eps = 1e-9
					if k <= 0 || x < m-eps || x+box.W > p.W-m+eps || y+box.H > p.H-m+eps {
						t.Errorf("%s %s margin %v: map at (%.2f, %.2f) × %.4f = %.1f × %.1f mm overflows",
							paper, orientation, m, x, y, k, box.W, box.H)
					}
					// Under the title block: at least 15 mm or 8 % of the page.
					if y < m+max(15, 0.08*p.H)-eps {
						t.Errorf("%s %s: map top %.2f runs into the title block", paper, orientation, y)
					}
					// It fills the area in one direction, centred in the other.
					left, right := x-m, p.W-m-(x+box.W)
					if math.Abs(left-right) > 1e-6 {
						t.Errorf("%s %s: not centred, %.2f mm left, %.2f mm right", paper, orientation, left, right)
					}
					fillsW := math.Abs(left) < 1e-6
					fillsH := math.Abs(p.H-m-(y+box.H)) < 1e-6
					if !fillsW && !fillsH {
						t.Errorf("%s %s: map fills neither the width nor the height", paper, orientation)
					}
				}
			}
		}
	}
}

func TestParsePaper(t *testing.T) {
	for _, tc := range []struct {
		name, orientation string
		w, h              float64
	}{
		{"A0", "", 1189, 841},
		{"A0", "landscape", 1189, 841},
		{"A0", "portrait", 841, 1189},
		{"A1", "landscape", 841, 594},
		{"A1", "portrait", 594, 841},
		{"A2", "landscape", 594, 420},
		{"A2", "portrait", 420, 594},
		{"A3", "landscape", 420, 297},
		{"A3", "portrait", 297, 420},
		{"A4", "landscape", 297, 210},
		{"A4", "portrait", 210, 297},
		{"a4", "Portrait", 210, 297},
		{"600x400mm", "", 600, 400},
		{"600x400mm", "portrait", 600, 400}, // taken as given
		{"400x600mm", "landscape", 400, 600},
		{"420.5x297mm", "", 420.5, 297},
		{"5000x5000mm", "", 5000, 5000},
	} {
		p, err := poster.ParsePaper(tc.name, tc.orientation)
		if err != nil {
			t.Errorf("ParsePaper(%q, %q): %v", tc.name, tc.orientation, err)
			continue
		}
		if p.W != tc.w || p.H != tc.h {
			t.Errorf("ParsePaper(%q, %q) = %v × %v, want %v × %v", tc.name, tc.orientation, p.W, p.H, tc.w, tc.h)
		}
	}
	for _, tc := range [][2]string{
		{"A7", ""}, {"A5", ""}, {"0x100mm", ""}, {"100x0mm", ""}, {"-5x100mm", ""}, {"6000x100mm", ""},
		{"100x5001mm", ""}, {"abc", ""}, {"", ""}, {"600x400", ""}, {"600mm", ""}, {"NaNxNaNmm", ""},
		{"1e3x100mm", ""}, {"infx100mm", ""}, {"A4", "sideways"},
	} {
		if p, err := poster.ParsePaper(tc[0], tc[1]); err == nil {
			t.Errorf("ParsePaper(%q, %q) = %+v, want an error", tc[0], tc[1], p)
		} else if strings.TrimSpace(err.Error()) == "" || strings.Contains(err.Error(), "pdf.") {
			t.Errorf("ParsePaper(%q, %q): unclear error %q", tc[0], tc[1], err)
		}
	}
}

func TestBadOptions(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	a4, _ := poster.ParsePaper("A4", "portrait")
	for name, opts := range map[string]poster.Options{
		"margin too wide":  {Paper: a4, Margin: 120},
		"negative margin":  {Paper: a4, Margin: -1},
		"NaN margin":       {Paper: a4, Margin: math.NaN()},
		"paper of nothing": {Paper: poster.Paper{Name: "x", W: -1, H: 100}},
	} {
		if err := poster.WritePDF(io.Discard, []*canvas.Scene{s}, opts); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := poster.WritePDF(io.Discard, nil, poster.Options{}); err == nil {
		t.Error("no scenes: no error")
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrPermission }

func TestWriteErrorIsReturned(t *testing.T) {
	d := livraison(t)
	err := poster.WritePDF(failingWriter{}, []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}, poster.Options{})
	if err == nil || !strings.Contains(err.Error(), os.ErrPermission.Error()) {
		t.Fatalf("err = %v, want the writer's error", err)
	}
}

// hostile is the big generated journey with the titles that break PDF
// libraries.
func hostile() (*model.Document, *model.Journey) {
	d := modeltest.Generated(1000, 6, 8)
	j := d.Journeys[0]
	j.Title = "Parcours 🚚📦 漢字 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " + string(rune(0x20000))
	j.Objective = strings.Repeat("Réduire les appels ", 200)
	titles := []string{
		"Emoji 📦🚚👍🏽 and flags 🇫🇷",
		"漢字かな交じり文",
		strings.Repeat("Très long titre de point de contact ", 56)[:2000],
		"Combining: e\u0301 a\u0300 n\u0303 o\u0308\u0304 \u20DD",
		"Supplementary plane: 𝔸 𠀀 \U0010FFFD",
		"Controls\tand\x00nul \u200d\ufe0f zero-width",
		"(parentheses) \\backslash\\ and % per cent",
	}
	for i, tp := range j.Touchpoints {
		tp.Title = titles[i%len(titles)]
	}
	return d, j
}

func TestHostileTextDoesNotCrash(t *testing.T) {
	d, j := hostile()
	s := canvas.Layout(d, j)
	// Texts straight into the scene, bypassing Printable: the painter's own
	// guard must still keep fpdf from panicking.
	s.Title = "Raw " + string(rune(0x1F4E6)) + " title \xff\xfe bad UTF-8 " + string(rune(0x20000))
	s.Cards[0].Title.Lines[0].Text = "raw 📦 𝔘 \xf0\x9f"
	s.Curve.Label.Lines[0].Text = "🚚"
	path := write(t, "hostile.pdf", []*canvas.Scene{s}, poster.Options{})
	info := poppler(t, "pdfinfo", path)
	if n := pages(t, info); n != 1 {
		t.Errorf("%d pages", n)
	}
	text := poppler(t, "pdftotext", path, "-")
	// Emoji are drawn and searchable; what no font has is a stand-in.
	for _, want := range []string{"Raw 📦 title", "raw 📦 [U+1D518]", "🚚", "[U+20000]"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
}

// Every message of the three media has both wordings, and PNG and SVG
// have messages of their own.
func TestMessagesInBothLanguages(t *testing.T) {
	for _, prefix := range []string{"pdf.", "png.", "svg."} {
		n := 0
		for _, k := range msg.Keys() {
			if !strings.HasPrefix(k, prefix) {
				continue
			}
			n++
			if en, fr := msg.Pair(k); en == "" || fr == "" {
				t.Errorf("message %s lacks a wording: en %q, fr %q", k, en, fr)
			}
		}
		if n == 0 && prefix != "pdf." {
			t.Errorf("no %s* messages", prefix)
		}
	}
}

func BenchmarkPosterA0_1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	s := canvas.Layout(d, d.Journeys[0])
	scenes := []*canvas.Scene{s}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var c countingWriter
		if err := poster.WritePDF(&c, scenes, poster.Options{}); err != nil {
			b.Fatal(err)
		}
		size = int(c)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkEmptyDocument measures the fixed cost of a document: loading
// and subsetting the two fonts.
func BenchmarkEmptyDocument(b *testing.B) {
	s := &canvas.Scene{Title: "x", Width: 100, Height: 100}
	for b.Loop() {
		if err := poster.WritePDF(io.Discard, []*canvas.Scene{s}, poster.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func TestPersonaCardBesideTheMap(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	ps := d.Persona(j.Persona)
	big := modeltest.Generated(200, 6, 8)
	big.Personas = append(big.Personas, ps)
	big.Journeys[0].Persona = ps.ID
	for _, s := range []*canvas.Scene{canvas.Layout(d, j), canvas.Layout(big, big.Journeys[0])} {
		for _, paper := range []string{"A0", "A3", "A4", "3000x200mm", "200x3000mm"} {
			for _, orientation := range []string{"landscape", "portrait"} {
				p, err := poster.ParsePaper(paper, orientation)
				if err != nil {
					t.Fatal(err)
				}
				opts := poster.Options{Paper: p}
				card, ok := poster.PersonaBox(s, opts)
				if !ok {
					t.Fatalf("%s %s: no persona card for a journey with a persona", paper, orientation)
				}
				m := poster.MapBox(s, opts)
				const eps = 1e-9
				for name, r := range map[string]canvas.Rect{"map": m, "card": card} {
					if r.W <= 0 || r.H <= 0 || r.X < 10-eps || r.Y < 10+max(15, 0.08*p.H)-eps || r.X+r.W > p.W-10+eps || r.Y+r.H > p.H-10+eps {
						t.Errorf("%s %s: %s %+v leaves the page's area", paper, orientation, name, r)
					}
				}
				if card.X < m.X+m.W && m.X < card.X+card.W && card.Y < m.Y+m.H && m.Y < card.Y+card.H {
					t.Errorf("%s %s: card %+v overlaps the map %+v", paper, orientation, card, m)
				}
				// Card and map are centred together, across the page.
				left := min(card.X, m.X) - 10
				right := p.W - 10 - max(card.X+card.W, m.X+m.W)
				if math.Abs(left-right) > 1e-6 {
					t.Errorf("%s %s: card and map not centred: %.2f mm left, %.2f mm right", paper, orientation, left, right)
				}
				if _, ok := poster.PersonaBox(s, poster.Options{Paper: p, NoPersona: true}); ok {
					t.Errorf("%s %s: a persona card with NoPersona", paper, orientation)
				}
			}
		}
	}
	alone := *j
	alone.Persona = ""
	if _, ok := poster.PersonaBox(canvas.Layout(d, &alone), poster.Options{}); ok {
		t.Error("a persona card for a journey without persona")
	}
}

func TestPersonaCardTexts(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	ps := d.Persona(j.Persona)
	path := write(t, "persona.pdf", []*canvas.Scene{canvas.Layout(d, j)}, poster.Options{})
	flat := strings.Join(strings.Fields(poppler(t, "pdftotext", path, "-")), " ")
	for _, want := range []string{ps.Name, ps.Job, ps.Age, strings.ToUpper(msg.T("ui.frustrations")),
		strings.Fields(ps.Frustrations)[0], msg.T("print.appendix.current"), msg.T("print.appendix.target_score", "7")} {
		if !strings.Contains(flat, want) {
			t.Errorf("the poster lacks %q:\n%s", want, flat)
		}
	}
	path = write(t, "no-persona.pdf", []*canvas.Scene{canvas.Layout(d, j)}, poster.Options{NoPersona: true})
	flat = strings.Join(strings.Fields(poppler(t, "pdftotext", path, "-")), " ")
	if strings.Contains(flat, strings.ToUpper(msg.T("ui.frustrations"))) {
		t.Errorf("the persona card is printed with NoPersona:\n%s", flat)
	}
}

// The legend explains every symbol the poster uses, and only those.
func TestLegendListsWhatIsUsed(t *testing.T) {
	d := livraison(t)
	flat := d.Journeys[0]
	flatCopy := *flat
	flatCopy.Touchpoints = nil
	for _, tp := range flat.Touchpoints {
		c := *tp
		c.Emotion, c.Markers, c.Score, c.Listened = 0, 0, nil, false
		flatCopy.Touchpoints = append(flatCopy.Touchpoints, &c)
	}
	for _, j := range []*model.Journey{flat, &flatCopy} {
		s := canvas.Layout(d, j)
		uses := map[string]bool{}
		for _, c := range s.Cards {
			for _, b := range c.Badges {
				uses["marker."+string(b.Marker)] = true
			}
			uses["pdf.legend.listened"] = uses["pdf.legend.listened"] || c.Listened
			uses["pdf.legend.advise"] = uses["pdf.legend.advise"] || c.Advice == canvas.AdviseListening
			uses["pdf.legend.no_lever"] = uses["pdf.legend.no_lever"] || c.Advice == canvas.NoLever
		}
		for _, p := range s.Curve.Points {
			uses["pdf.legend.peak"] = uses["pdf.legend.peak"] || p.Peak
			uses["pdf.legend.drop"] = uses["pdf.legend.drop"] || p.Drop
			uses["pdf.legend.measured"] = uses["pdf.legend.measured"] || p.Face.Measured
			uses["pdf.legend.assumed"] = uses["pdf.legend.assumed"] || !p.Face.Measured
		}
		for _, c := range s.Columns {
			uses["pdf.legend.below_target"] = uses["pdf.legend.below_target"] || c.BelowTarget
		}
		path := write(t, "legend.pdf", []*canvas.Scene{s}, poster.Options{})
		text := strings.Join(strings.Fields(poppler(t, "pdftotext", path, "-")), " ")
		if j == flat && (!uses["pdf.legend.advise"] || !uses["pdf.legend.peak"] || !uses["marker.pain"]) {
			t.Fatalf("the reference should use advice rings, peaks and pain points: %v", uses)
		}
		keys := []string{"pdf.legend.listened", "pdf.legend.advise", "pdf.legend.no_lever", "pdf.legend.peak", "pdf.legend.drop",
			"pdf.legend.measured", "pdf.legend.assumed", "pdf.legend.below_target"}
		for _, m := range model.AllMarkers {
			keys = append(keys, "marker."+string(m))
		}
		for _, k := range keys {
			if got := strings.Contains(text, msg.T(k)); got != uses[k] {
				t.Errorf("%s: legend shows %q: %v, the map uses it: %v", j.Title, msg.T(k), got, uses[k])
			}
		}
	}
}

// The persona's picture is printed on the card; one that cannot be read
// is left out, and the poster is still made.
func TestPersonaAvatar(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	ps := d.Persona(j.Persona)
	icon, err := os.ReadFile("../../assets/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		avatar []byte
		image  bool
	}{{"avatar.pdf", icon, true}, {"junk-avatar.pdf", []byte("not a picture"), false}} {
		ps.Avatar = tc.avatar
		for _, tile := range []bool{false, true} {
			opts := poster.Options{}
			if tile {
				a4, _ := poster.ParsePaper("A4", "portrait")
				opts.Tile = &a4
			}
			path := write(t, tc.name, []*canvas.Scene{canvas.Layout(d, j)}, opts)
			images := poppler(t, "pdfimages", "-list", path)
			if has := strings.Count(images, "\n") > 2; has != tc.image {
				t.Errorf("%s tiled %v: images %v, want %v:\n%s", tc.name, tile, has, tc.image, images)
			}
		}
	}
}
