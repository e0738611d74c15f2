package poster_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/msg"
)

func paper(t testing.TB, name, orientation string) poster.Paper {
	t.Helper()
	p, err := poster.ParsePaper(name, orientation)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// fewest is how many sheets of printable length print, overlapping by
// TileOverlap, it takes to cover length, counted one by one.
func fewest(length, print float64) int {
	n := 1
	for float64(n)*print-float64(n-1)*poster.TileOverlap < length-1e-9 {
		n++
	}
	return n
}

func TestTileGeometry(t *testing.T) {
	var posters []poster.Paper
	for _, name := range []string{"A0", "A1", "A2", "A3", "A4"} {
		posters = append(posters, paper(t, name, "landscape"), paper(t, name, "portrait"))
	}
	posters = append(posters, paper(t, "3000x200mm", ""), paper(t, "200x3000mm", ""),
		paper(t, "5000x5000mm", ""), paper(t, "190x277mm", ""), paper(t, "200x287mm", ""), paper(t, "10x10mm", ""))
	for _, tileName := range []string{"A4", "A3"} {
		tile := paper(t, tileName, "portrait")
		for _, big := range posters {
			name := big.Name + " " + strconv.FormatFloat(big.W, 'f', -1, 64) + "x" + strconv.FormatFloat(big.H, 'f', -1, 64) + " on " + tileName
			tl, err := poster.Tile(big, tile)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			checkTiling(t, name, tl, tile)
		}
	}
}

func checkTiling(t *testing.T, name string, tl poster.Tiling, tile poster.Paper) {
	t.Helper()
	const eps = 1e-9
	P := tl.Poster
	// The orientation that needs fewer sheets.
	pw, ph := tile.W-2*poster.TileMargin, tile.H-2*poster.TileMargin
	want := min(fewest(P.W, pw)*fewest(P.H, ph), fewest(P.W, ph)*fewest(P.H, pw))
	if len(tl.Sheets) != want || tl.Rows*tl.Cols != want {
		t.Errorf("%s: %d sheets (%d × %d), want %d", name, len(tl.Sheets), tl.Rows, tl.Cols, want)
	}
	if !(tl.Paper.W == tile.W && tl.Paper.H == tile.H || tl.Paper.W == tile.H && tl.Paper.H == tile.W) {
		t.Errorf("%s: sheets of %v × %v mm", name, tl.Paper.W, tl.Paper.H)
	}
	for i, sh := range tl.Sheets {
		if sh.Row != i/tl.Cols || sh.Col != i%tl.Cols {
			t.Fatalf("%s: sheet %d is row %d column %d", name, i, sh.Row, sh.Col)
		}
		if want := poster.RowLetters(sh.Row) + strconv.Itoa(sh.Col+1); sh.Label != want {
			t.Errorf("%s: sheet %d labelled %q, want %q", name, i, sh.Label, want)
		}
		// The printable area of the sheet, whole.
		if math.Abs(sh.Area.W-(tl.Paper.W-2*poster.TileMargin)) > eps || math.Abs(sh.Area.H-(tl.Paper.H-2*poster.TileMargin)) > eps {
			t.Errorf("%s %s: area %v × %v mm", name, sh.Label, sh.Area.W, sh.Area.H)
		}
		// The trim lies inside the area.
		if sh.Trim.X < sh.Area.X-eps || sh.Trim.Y < sh.Area.Y-eps ||
			sh.Trim.X+sh.Trim.W > sh.Area.X+sh.Area.W+eps || sh.Trim.Y+sh.Trim.H > sh.Area.Y+sh.Area.H+eps {
			t.Errorf("%s %s: trim %+v outside area %+v", name, sh.Label, sh.Trim, sh.Area)
		}
		// Neighbours overlap by exactly 10 mm and share their trim line.
		if sh.Col > 0 {
			left := tl.Sheets[i-1]
			if o := left.Area.X + left.Area.W - sh.Area.X; math.Abs(o-poster.TileOverlap) > eps {
				t.Errorf("%s: %s and %s overlap by %v mm", name, left.Label, sh.Label, o)
			}
			if math.Abs(left.Trim.X+left.Trim.W-sh.Trim.X) > eps {
				t.Errorf("%s: trims of %s and %s do not meet", name, left.Label, sh.Label)
			}
		}
		if sh.Row > 0 {
			up := tl.Sheets[i-tl.Cols]
			if o := up.Area.Y + up.Area.H - sh.Area.Y; math.Abs(o-poster.TileOverlap) > eps {
				t.Errorf("%s: %s and %s overlap by %v mm", name, up.Label, sh.Label, o)
			}
			if math.Abs(up.Trim.Y+up.Trim.H-sh.Trim.Y) > eps {
				t.Errorf("%s: trims of %s and %s do not meet", name, up.Label, sh.Label)
			}
		}
	}
	// Together they cover the whole poster, and the trims tile it.
	first, last := tl.Sheets[0], tl.Sheets[len(tl.Sheets)-1]
	if first.Area.X > eps || first.Area.Y > eps || last.Area.X+last.Area.W < P.W-eps || last.Area.Y+last.Area.H < P.H-eps {
		t.Errorf("%s: the sheets cover %v…%v × %v…%v of %v × %v mm", name,
			first.Area.X, last.Area.X+last.Area.W, first.Area.Y, last.Area.Y+last.Area.H, P.W, P.H)
	}
	if first.Trim.X != 0 || first.Trim.Y != 0 || math.Abs(last.Trim.X+last.Trim.W-P.W) > eps || math.Abs(last.Trim.Y+last.Trim.H-P.H) > eps {
		t.Errorf("%s: trims from %+v to %+v do not span the poster", name, first.Trim, last.Trim)
	}
}

func TestTileA0OnA4(t *testing.T) {
	tl, err := poster.Tile(poster.A0Landscape, paper(t, "A4", "portrait"))
	if err != nil {
		t.Fatal(err)
	}
	// 1189 mm across 200 mm wide printable areas: 7 columns; 841 mm down
	// 287 mm: 3 rows. Landscape sheets would need 5 × 5.
	if tl.Rows != 3 || tl.Cols != 7 || tl.Paper.W != 210 || tl.Paper.H != 297 {
		t.Errorf("A0 on A4: %d × %d sheets of %v × %v mm, want 3 × 7 portrait", tl.Rows, tl.Cols, tl.Paper.W, tl.Paper.H)
	}
	// Same answer whichever way the tile paper is given.
	if tl2, _ := poster.Tile(poster.A0Landscape, paper(t, "A4", "landscape")); tl2.Rows != 3 || tl2.Cols != 7 {
		t.Errorf("A4 given landscape: %d × %d", tl2.Rows, tl2.Cols)
	}
	if got := []string{tl.Sheets[0].Label, tl.Sheets[6].Label, tl.Sheets[7].Label, tl.Sheets[20].Label}; strings.Join(got, " ") != "A1 A7 B1 C7" {
		t.Errorf("labels %v", got)
	}
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := poster.RowLetters(i); got != want {
			t.Errorf("RowLetters(%d) = %q, want %q", i, got, want)
		}
	}
	if _, err := poster.Tile(poster.A0Landscape, poster.Paper{Name: "tiny", W: 15, H: 300}); err == nil {
		t.Error("a sheet with no room to print: no error")
	}
}

var pageSizeN = regexp.MustCompile(`Page\s+(\d+) size:\s+([0-9.]+) x ([0-9.]+) pts`)

// pageSizes lists the size of every page, in points.
func pageSizes(t *testing.T, path string, n int) [][2]float64 {
	t.Helper()
	out := poppler(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(n), path)
	var sizes [][2]float64
	for _, m := range pageSizeN.FindAllStringSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

func pageText(t *testing.T, path string, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	return strings.Join(strings.Fields(poppler(t, "pdftotext", "-f", n, "-l", n, path, "-")), " ")
}

func TestTiledPDF(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	if poster.Shortened(s) {
		t.Fatal("the reference journey shortens a text: this test expects no appendix")
	}
	a4 := paper(t, "A4", "portrait")
	opts := poster.Options{Tile: &a4}
	tl, err := poster.Tile(poster.A0Landscape, a4)
	if err != nil {
		t.Fatal(err)
	}

	// Two marks in the poster: one in the middle of the overlap of A1 and
	// A2 (and of row A), one in the middle of B4's trim, far from every
	// other sheet. They replace texts of the scene, at the places wanted.
	x, y, k := poster.Placement(s, opts)
	a1, a2, b4 := tl.Sheets[0], tl.Sheets[1], tl.Sheets[tl.Cols+3]
	// A mark is a small text of the scene, moved to where it is wanted.
	const markSize = 1.2 // pt, before scaling
	reg, _ := canvas.Fonts()
	place := func(into *canvas.Text, text string, px, py float64) {
		w := reg.Width(text, markSize*k)
		if w > poster.TileOverlap-2 {
			t.Fatalf("mark %s is %.1f mm wide on paper: too wide for the overlap", text, w)
		}
		baseline := reg.Ascent * markSize * canvas.PtToMM
		*into = canvas.Text{Size: markSize, Baseline: baseline, LineHeight: 1, Color: canvas.Ink,
			Lines: []canvas.Line{{Text: text, X: (px - w/2 - x) / k, Y: (py-y)/k - baseline}}}
	}
	overlapX := (a2.Area.X + a1.Area.X + a1.Area.W) / 2
	place(&s.Curve.Label, "OVERLAPMARK", overlapX, a1.Trim.Y+a1.Trim.H/2+40)
	place(&s.Rows[0].Status, "LONEMARK", b4.Trim.X+b4.Trim.W/2, b4.Trim.Y+b4.Trim.H/2)

	path := write(t, "tiled-a4.pdf", []*canvas.Scene{s}, opts)
	n := pages(t, poppler(t, "pdfinfo", path))
	if n != 1+len(tl.Sheets) {
		t.Fatalf("%d pages, want the guide and %d sheets", n, len(tl.Sheets))
	}
	sizes := pageSizes(t, path, n)
	if len(sizes) != n {
		t.Fatalf("pdfinfo gave %d page sizes for %d pages", len(sizes), n)
	}
	// The guide is A4 turned like the poster; the sheets A4 portrait.
	if math.Abs(sizes[0][0]-841.89) > 0.1 || math.Abs(sizes[0][1]-595.28) > 0.1 {
		t.Errorf("guide page %v pt, want A4 landscape", sizes[0])
	}
	for i, sz := range sizes[1:] {
		if math.Abs(sz[0]-595.28) > 0.1 || math.Abs(sz[1]-841.89) > 0.1 {
			t.Errorf("sheet %d: %v pt, want A4 portrait", i+1, sz)
		}
	}

	guide := pageText(t, path, 1)
	for _, want := range []string{"Assembly guide", d.Journeys[0].Title, "21 sheets", "A4 portrait", "A0 landscape, 1189 × 841 mm",
		"rows A to C", "columns 1 to 7", "10 mm", "A1", "C7", "actual size"} {
		if !strings.Contains(guide, want) {
			t.Errorf("guide page lacks %q:\n%s", want, guide)
		}
	}
	for i, sh := range tl.Sheets {
		text := pageText(t, path, i+2)
		if want := "Sheet " + sh.Label + " — row " + poster.RowLetters(sh.Row) + ", column " + strconv.Itoa(sh.Col+1); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q:\n%s", i+2, want, text)
		}
		over := strings.Contains(text, "OVERLAPMARK")
		if wantOver := sh.Label == "A1" || sh.Label == "A2"; over != wantOver {
			t.Errorf("sheet %s: OVERLAPMARK shown %v, want %v", sh.Label, over, wantOver)
		}
		lone := strings.Contains(text, "LONEMARK")
		if lone != (sh.Label == "B4") {
			t.Errorf("sheet %s: LONEMARK shown %v", sh.Label, lone)
		}
	}
	// The guide's picture is the poster itself, drawn small.
	if !strings.Contains(guide, "OVERLAPMARK") {
		t.Errorf("the guide's picture does not show the poster's texts:\n%s", guide)
	}
}

func TestTiledFrenchGuideAndAllJourneys(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.French)
	d := livraison(t)
	// A title too long for its card calls for the appendix.
	d.Journeys[0].Touchpoints[0].Title = strings.Repeat("Un titre bien trop long pour sa carte ", 5)
	scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0]), canvas.Layout(d, d.Journeys[1])}
	a3 := paper(t, "A3", "portrait")
	opts := poster.Options{Paper: paper(t, "A1", "portrait"), Tile: &a3, Journeys: d.Journeys}
	tl, _ := poster.Tile(opts.Paper, a3)
	path := write(t, "tiled-a3-fr.pdf", scenes, opts)
	n := pages(t, poppler(t, "pdfinfo", path))
	per := 1 + len(tl.Sheets)
	// The appendix of the first journey follows, in French too.
	if n <= 2*per {
		t.Fatalf("%d pages, want 2 × (guide + %d sheets) and the appendix", n, len(tl.Sheets))
	}
	if a := pageText(t, path, 2*per+1); !strings.Contains(a, "Textes complets — "+d.Journeys[0].Title) ||
		!strings.Contains(a, d.Journeys[0].Objective) {
		t.Errorf("page %d is not the French appendix of the first journey:\n%s", 2*per+1, a)
	}
	for _, first := range []int{1, per + 1} {
		g := pageText(t, path, first)
		for _, want := range []string{"Guide d'assemblage", "feuilles A3", "rangées A à C", "se chevauchent de 10 mm", "taille réelle"} {
			if !strings.Contains(g, want) {
				t.Errorf("page %d lacks %q:\n%s", first, want, g)
			}
		}
	}
	if g := pageText(t, path, per+1); !strings.Contains(g, d.Journeys[1].Title) {
		t.Errorf("the second guide does not name the second journey:\n%s", g)
	}
	if s := pageText(t, path, 2); !strings.Contains(s, "Feuille A1 — rangée A, colonne 1") {
		t.Errorf("first sheet label:\n%s", s)
	}
}
