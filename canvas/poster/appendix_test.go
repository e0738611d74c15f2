package poster_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os/exec"
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

// shortJourney is a small journey whose every text fits on the poster.
func shortJourney() (*model.Document, *model.Journey) {
	d := modeltest.Generated(6, 2, 2)
	j := d.Journeys[0]
	j.Title = "Court"
	j.Objective = "Simple"
	for i, tp := range j.Touchpoints {
		tp.Title = "Point " + string(rune('A'+i))
	}
	return d, j
}

func TestAppendixExactlyWhenShortened(t *testing.T) {
	d, j := shortJourney()
	s := canvas.Layout(d, j)
	if poster.Shortened(s) {
		t.Fatal("the short journey shortens a text")
	}
	opts := poster.Options{Journeys: []*model.Journey{j}}
	path := write(t, "no-appendix.pdf", []*canvas.Scene{s}, opts)
	if n := pages(t, poppler(t, "pdfinfo", path)); n != 1 {
		t.Errorf("%d pages without anything shortened, want 1", n)
	}

	// One title too long for its card.
	long := "Le client reçoit un SMS l'informant que son colis a été remis au transporteur, avec un lien vers la page de suivi, puis un second message la veille de la livraison pour choisir un créneau — et ce titre continue jusqu'à la fin: FINDUTITRE"
	tp := j.Touchpoints[3]
	tp.Title = long
	tp.Description = "Une description complète du point de contact."
	tp.Note = "À revoir avec le transporteur."
	tp.Quotes = []string{"Je ne savais pas quand le livreur passerait.", "Le SMS est arrivé trop tard."}
	tp.Markers = model.Markers(0).With(model.MarkerPain).With(model.MarkerTruth)
	score := 4.5
	tp.Score, tp.Responses = &score, 12
	j.Opportunities = []*model.Opportunity{{ID: "o1", Title: "Créneaux du soir", Kind: model.Optimize,
		Touchpoints: []string{tp.ID}, Impact: 4, Effort: 2, Owner: "Équipe CRM", Status: model.Planned}}
	s = canvas.Layout(d, j)
	if !poster.Shortened(s) {
		t.Fatal("the long title was not shortened")
	}
	path = write(t, "appendix.pdf", []*canvas.Scene{s}, opts)
	n := pages(t, poppler(t, "pdfinfo", path))
	if n != 3 {
		t.Fatalf("%d pages with a long title, want the poster and two appendix pages", n)
	}
	// The appendix is A4 portrait.
	if sz := pageSizes(t, path, 2); math.Abs(sz[1][0]-595.28) > 0.1 || math.Abs(sz[1][1]-841.89) > 0.1 {
		t.Errorf("appendix page %v pt, want A4 portrait", sz[1])
	}
	if page := pageText(t, path, 1); strings.Contains(page, "FINDUTITRE") {
		t.Fatal("the poster shows the end of the long title: nothing was shortened")
	}
	if p3 := pageText(t, path, 3); !strings.HasPrefix(p3, "Full texts — Court (continued)") {
		t.Errorf("page 3 does not start with the running head:\n%s", p3)
	}
	text := pageText(t, path, 2) + " " + pageText(t, path, 3)
	for _, want := range []string{"Full texts — Court", "Objective: Simple", "Stage 1 — Étape 1", "Stage 2 — Étape 2",
		"4. " + long, "Description: Une description complète", "Note: À revoir avec le transporteur.",
		"“Je ne savais pas quand le livreur passerait.”", "“Le SMS est arrivé trop tard.”",
		"Score: 4.5/10 (12 responses)", "Markers: Pain point, Moment of truth", "Lane: Service",
		"Opportunities", "Créneaux du soir", "impact 4/5", "effort 2/5", "quick win", "owner: Équipe CRM", "planned",
		"1. Point A", "6. Point F"} {
		if !strings.Contains(text, want) {
			t.Errorf("appendix lacks %q:\n%s", want, text)
		}
	}
	// Stage order, then timeline order.
	if strings.Index(text, "Stage 1") > strings.Index(text, "1. Point A") || strings.Index(text, "3. Point C") > strings.Index(text, "Stage 2") ||
		strings.Index(text, "Stage 2") > strings.Index(text, "5. Point E") {
		t.Errorf("appendix out of order:\n%s", text)
	}

	// Without the journey there is nothing to list.
	path = write(t, "no-journey.pdf", []*canvas.Scene{s}, poster.Options{})
	if n := pages(t, poppler(t, "pdfinfo", path)); n != 1 {
		t.Errorf("%d pages without Journeys, want 1", n)
	}
}

func TestAppendixOfAThousandTouchpoints(t *testing.T) {
	d, j := hostile()
	s := canvas.Layout(d, j)
	path := write(t, "hostile-appendix.pdf", []*canvas.Scene{s}, poster.Options{Journeys: []*model.Journey{j}})
	n := pages(t, poppler(t, "pdfinfo", path))
	if n < 50 {
		t.Fatalf("%d pages for 1000 touchpoints", n)
	}
	text := strings.Join(strings.Fields(poppler(t, "pdftotext", path, "-")), " ")
	// Every touchpoint, numbered in timeline order.
	last := 0
	for i := 1; i <= 1000; i++ {
		k := strings.Index(text[last:], " "+itoa(i)+". ")
		if k < 0 {
			t.Fatalf("touchpoint %d is missing from the appendix", i)
		}
		last += k
	}
	// The 2000-character title in full, wrapped over lines.
	full := strings.Join(strings.Fields(j.Touchpoints[2].Title), " ")
	if !strings.Contains(text, full) {
		t.Error("the 2000-character title is not in the appendix in full")
	}
	for _, want := range []string{"Emoji 📦🚚", "Combining", "(parentheses) \\backslash\\ and % per cent"} {
		if !strings.Contains(text, want) {
			t.Errorf("appendix lacks %q", want)
		}
	}
	// Lines stay inside the page: nothing runs off its right edge.
	out, err := exec.Command("pdftotext", "-bbox", "-f", "2", "-l", "4", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
		if x := atof(m[1]); x > 595.28-30 {
			t.Fatalf("a word ends at x = %.1f pt, in the right margin", x)
		}
	}
}

func TestBranding(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	logo := testPNG(t, 300, 100, color.RGBA{0xC0, 0x10, 0x20, 0xFF})
	date := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	a3 := paper(t, "A3", "landscape")
	opts := poster.Options{Paper: a3, Logo: logo, Footer: "Confidentiel — usage interne", Version: "2.1", Date: date}
	path := write(t, "branded.pdf", []*canvas.Scene{s}, opts)
	text := pageText(t, path, 1)
	for _, want := range []string{"Confidentiel — usage interne", "Version 2.1 · 2026-05-14"} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q:\n%s", want, text)
		}
	}
	images := poppler(t, "pdfimages", "-list", path)
	if lines := strings.Split(strings.TrimSpace(images), "\n"); len(lines) != 3 || !strings.Contains(lines[2], " 300   100 ") {
		t.Errorf("want the 300 × 100 logo once:\n%s", images)
	}
	// The map moves up to leave the footer its room, still inside the margins.
	_, y, k := poster.Placement(s, opts)
	if bottom := y + s.Height*k; bottom > a3.H-poster.DefaultMargin-4 {
		t.Errorf("map bottom at %.1f mm runs into the footer", bottom)
	}

	// The same on tiles: the logo is embedded once for the whole poster
	// and shown on the guide's picture and the sheets.
	a4 := paper(t, "A4", "portrait")
	opts.Tile = &a4
	path = write(t, "branded-tiled.pdf", []*canvas.Scene{s}, opts)
	images = poppler(t, "pdfimages", "-list", path)
	if lines := strings.Split(strings.TrimSpace(images), "\n"); len(lines) < 3 {
		t.Errorf("no logo on the tiled poster:\n%s", images)
	}
	if g := pageText(t, path, 1); !strings.Contains(g, "Confidentiel — usage interne") {
		t.Errorf("the guide has no footer:\n%s", g)
	}

	// JPEG, and a PNG fpdf cannot read itself (16 bits per channel).
	for name, b := range map[string][]byte{"jpeg": testJPEG(t), "png16": testPNG16(t)} {
		opts := poster.Options{Paper: a3, Logo: b}
		path := write(t, "logo-"+name+".pdf", []*canvas.Scene{s}, opts)
		if images := poppler(t, "pdfimages", "-list", path); len(imageRow.FindAllString(images, -1)) != 1 {
			t.Errorf("%s logo:\n%s", name, images)
		}
	}
	// Not an image: a plain error, no PDF.
	err := poster.WritePDF(&bytes.Buffer{}, []*canvas.Scene{s}, poster.Options{Logo: []byte("GIF89a not really")})
	if err == nil || !strings.Contains(err.Error(), "PNG or JPEG") {
		t.Errorf("bad logo: err = %v", err)
	}
	if _, err := poster.ParseImage(nil); err == nil {
		t.Error("empty logo: no error")
	}
}

func TestFrenchFooterAndAppendix(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.French)
	d, j := shortJourney()
	j.Touchpoints[0].Title = strings.Repeat("Très long titre ", 20)
	score := 7.25
	j.Touchpoints[0].Score = &score
	s := canvas.Layout(d, j)
	opts := poster.Options{Journeys: []*model.Journey{j}, Footer: "Confidentiel", Version: "1.0",
		Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)}
	path := write(t, "fr-appendix.pdf", []*canvas.Scene{s}, opts)
	if p := pageText(t, path, 1); !strings.Contains(p, "Version 1.0 · 14/05/2026") {
		t.Errorf("French footer:\n%s", p)
	}
	a := pageText(t, path, 2)
	for _, want := range []string{"Textes complets — Court", "Objectif : Simple", "Étape 1 — Étape 1", "Note : 7,25/10",
		"Couloir : Service", "« Je ne savais pas quand le livreur passerait. »", "Parcours actuel", "Confidentiel", "Version 1.0"} {
		if !strings.Contains(a, want) {
			t.Errorf("French appendix lacks %q:\n%s", want, a)
		}
	}
}

func testPNG(t *testing.T, w, h int, c color.RGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testPNG16(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA64(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testJPEG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 32))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var imageRow = regexp.MustCompile(`(?m)^\s*\d+\s+\d+\s+image\s`)

var bboxWord = regexp.MustCompile(`xMax="([0-9.]+)"`)

func itoa(i int) string { return strconv.Itoa(i) }

func atof(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// TestPrintMessages keeps the print.* and png.* messages in both
// languages, with the same arguments.
func TestPrintMessages(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	n := 0
	for _, k := range msg.Keys() {
		if !strings.HasPrefix(k, "print.") && !strings.HasPrefix(k, "png.") {
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
	if n < 40 {
		t.Errorf("only %d print.* and png.* messages", n)
	}
}

// A persona card too long for its place is cut on the poster, and the
// appendix gives its full texts.
func TestLongPersonaGoesToTheAppendix(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	ps := d.Persona(j.Persona)
	ps.Frustrations = strings.Repeat("Des créneaux flous, des appels sans réponse, ", 600) + "et pour finir le mot FINDELAFICHE."
	s := canvas.Layout(d, j)
	a4, err := poster.ParsePaper("A4", "landscape")
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, "long-persona.pdf", []*canvas.Scene{s}, poster.Options{Paper: a4, Journeys: []*model.Journey{j}})
	if n := pages(t, poppler(t, "pdfinfo", path)); n < 2 {
		t.Fatalf("%d page: the cut persona card called for no appendix", n)
	}
	page := strings.Join(strings.Fields(poppler(t, "pdftotext", "-f", "1", "-l", "1", path, "-")), " ")
	if strings.Contains(page, "FINDELAFICHE") || !strings.Contains(page, "…") {
		t.Errorf("the poster shows the whole persona card, or cuts it without an ellipsis")
	}
	appendix := strings.Join(strings.Fields(poppler(t, "pdftotext", "-f", "2", path, "-")), " ")
	if !strings.Contains(appendix, "FINDELAFICHE") || !strings.Contains(appendix, ps.Name) {
		t.Errorf("the appendix lacks the persona's full texts:\n%.600s", appendix)
	}
	// Left out of the poster, the persona is left out of its appendix.
	path = write(t, "no-persona-appendix.pdf", []*canvas.Scene{s}, poster.Options{Paper: a4, Journeys: []*model.Journey{j}, NoPersona: true})
	if n := pages(t, poppler(t, "pdfinfo", path)); n != 1 {
		if strings.Contains(poppler(t, "pdftotext", path, "-"), "FINDELAFICHE") {
			t.Errorf("the appendix gives the persona card the poster left out")
		}
	}
}

// The fitting map of the speed goals really fits, quotes row included: its
// poster needs no appendix (the process benchmark times the poster alone).
func TestGeneratedFittingFits(t *testing.T) {
	d := modeltest.GeneratedFitting(1000, 6, 8)
	s := canvas.LayoutWith(d, d.Journeys[0], canvas.Options{Quotes: true})
	if poster.Shortened(s) {
		t.Error("the fitting map has shortened texts")
	}
	if b := s.BelowBand(canvas.BandQuotes); b == nil || len(b.Cells[0].Text.Lines) == 0 {
		t.Error("the fitting map shows no quote")
	}
}
