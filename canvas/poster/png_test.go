package poster_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/modeltest"
)

// keep saves a picture under PDFCHECK_DIR, to look at.
func keepPicture(t *testing.T, name string, img image.Image) {
	t.Helper()
	dir := os.Getenv("PDFCHECK_DIR")
	if dir == "" {
		return
	}
	var b bytes.Buffer
	if err := poster.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSizeInPixels(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	a4 := paper(t, "A4", "portrait")
	var b bytes.Buffer
	if err := poster.WritePNG(&b, s, poster.Options{Paper: a4}, 50); err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	wantW, wantH := int(math.Round(210/25.4*50)), int(math.Round(297/25.4*50))
	if cfg.Width != wantW || cfg.Height != wantH || wantW != 413 || wantH != 585 {
		t.Errorf("A4 portrait at 50 dpi: %d × %d pixels, want %d × %d", cfg.Width, cfg.Height, wantW, wantH)
	}
	for _, tc := range []struct {
		paper poster.Paper
		dpi   int
		w, h  int
	}{
		{poster.A0Landscape, 150, 7022, 4967},
		{paper(t, "A4", "landscape"), 300, 3508, 2480},
		{paper(t, "600x400mm", ""), 10, 236, 157},
	} {
		if w, h := poster.Size(tc.paper, tc.dpi); w != tc.w || h != tc.h {
			t.Errorf("%s at %d dpi: %d × %d, want %d × %d", tc.paper.Name, tc.dpi, w, h, tc.w, tc.h)
		}
	}
}

// at reads the pixel under page position (x, y) mm.
func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) int { return int(x) - int(y) }
	abs := func(v int) int { return max(v, -v) }
	return abs(d(a.R, b.R)) <= tol && abs(d(a.G, b.G)) <= tol && abs(d(a.B, b.B)) <= tol
}

func rgba(c canvas.RGB) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xFF} }

// TestPixelsWhereTheLayoutPutThem reads the picture at places taken from
// the scene: every card's lane colour strip, the card's white body, a
// lane's background, the stage header, and paper white in the margin.
func TestPixelsWhereTheLayoutPutThem(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	const dpi = 150
	opts := poster.Options{Paper: paper(t, "A3", "landscape")}
	img, err := poster.Render(s, opts, dpi)
	if err != nil {
		t.Fatal(err)
	}
	keepPicture(t, "pixels-a3.png", img)
	x0, y0, k := poster.Placement(s, opts)
	page := func(p canvas.Point) (float64, float64) { return x0 + p.X*k, y0 + p.Y*k }
	if w := 1.6 * k / 25.4 * dpi; w < 3 {
		t.Fatalf("the colour strip is %.1f pixels wide: too thin to test", w)
	}
	for _, c := range s.Cards {
		// The middle of the strip on the card's left edge.
		x, y := page(canvas.Point{X: c.Rect.X + 0.8, Y: c.Rect.Y + c.Rect.H/2})
		if got := at(img, x, y, dpi); !near(got, rgba(c.Color), 6) {
			t.Errorf("card %s: strip pixel %v, want the lane colour %v", c.TouchpointID, got, c.Color)
		}
		// Between the title and the bottom row: white card.
		x, y = page(canvas.Point{X: c.Rect.X + c.Rect.W*0.75, Y: c.Rect.Y + c.Rect.H*0.55})
		if got := at(img, x, y, dpi); !near(got, rgba(canvas.CardFill), 6) {
			t.Errorf("card %s: body pixel %v, want white", c.TouchpointID, got)
		}
	}
	for _, r := range s.Rows {
		if !r.Owned {
			continue
		}
		// Right end of the lane, away from cards: its tint.
		x, y := page(canvas.Point{X: r.Rect.X + r.Rect.W - 3, Y: r.Rect.Y + r.Rect.H - 2})
		if got, want := at(img, x, y, dpi), rgba(canvas.Tint(r.Color, canvas.OwnedTint)); !near(got, want, 6) {
			t.Errorf("lane %s: pixel %v, want %v", r.LaneID, got, want)
		}
	}
	x, y := page(canvas.Point{X: s.Columns[0].Header.X + s.Columns[0].Header.W - 2, Y: s.Columns[0].Header.Y + 2})
	if got := at(img, x, y, dpi); !near(got, rgba(canvas.HeaderBG), 6) {
		t.Errorf("stage header pixel %v, want %v", got, canvas.HeaderBG)
	}
	if got := at(img, 3, 3, dpi); got != (color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}) {
		t.Errorf("margin pixel %v, want paper white", got)
	}
}

// TestSameAsThePDF compares the picture with poppler's rendering of the
// PDF page made with the same options: the same drawing, pixel for pixel
// but for anti-aliasing.
func TestSameAsThePDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm not found: install poppler-utils")
	}
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	const dpi = 60
	opts := poster.Options{Paper: paper(t, "A3", "landscape"), Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC),
		Footer: "Confidentiel", Version: "2"}
	img, err := poster.Render(s, opts, dpi)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := poster.WritePDF(&b, []*canvas.Scene{s}, opts); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "page.pdf"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-singlefile", filepath.Join(dir, "page.pdf"), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// Poppler rounds the page size up, we round it to the nearest pixel.
	if d := ref.Bounds().Size().Sub(img.Bounds().Size()); d.X < 0 || d.X > 1 || d.Y < 0 || d.Y > 1 {
		t.Fatalf("poppler's page is %v, ours %v", ref.Bounds(), img.Bounds())
	}
	keepPicture(t, "same-ours.png", img)
	keepPicture(t, "same-poppler.png", ref)
	far, sum := 0, 0.0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			a := img.RGBAAt(x, y)
			cr, cg, cb, _ := ref.At(x, y).RGBA()
			dd := (math.Abs(float64(a.R)-float64(cr>>8)) + math.Abs(float64(a.G)-float64(cg>>8)) + math.Abs(float64(a.B)-float64(cb>>8))) / 3
			sum += dd
			if dd > 80 {
				far++
			}
		}
	}
	n := float64(r.Dx() * r.Dy())
	if mean := sum / n; mean > 3 || float64(far)/n > 0.01 {
		t.Errorf("the picture differs from the PDF page: mean difference %.2f, %.2f %% of pixels far off", mean, 100*float64(far)/n)
	}
}

func TestLogoAndFooter(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	red := color.RGBA{0xC0, 0x10, 0x20, 0xFF}
	logo := image.NewNRGBA(image.Rect(0, 0, 100, 100))
	for i := 0; i < len(logo.Pix); i += 4 {
		logo.Pix[i], logo.Pix[i+1], logo.Pix[i+2], logo.Pix[i+3] = red.R, red.G, red.B, red.A
	}
	var lb bytes.Buffer
	if err := png.Encode(&lb, logo); err != nil {
		t.Fatal(err)
	}
	a4 := paper(t, "A4", "portrait")
	const dpi = 100
	img, err := poster.Render(s, poster.Options{Paper: a4, Logo: lb.Bytes(), Footer: "Confidential", Version: "1"}, dpi)
	if err != nil {
		t.Fatal(err)
	}
	keepPicture(t, "logo-a4.png", img)
	// The title block starts at the 10 mm margin and is 8 % of the page
	// high; a square logo fills its height at its left.
	th := 0.08 * 297
	if got := at(img, 10+th/2, 10+th/2, dpi); !near(got, red, 4) {
		t.Errorf("logo pixel %v, want %v", got, red)
	}
	if _, err := poster.Render(s, poster.Options{Logo: []byte("nope")}, 20); err == nil || !strings.Contains(err.Error(), "PNG or JPEG") {
		t.Errorf("bad logo: %v", err)
	}
}

func TestDPILimits(t *testing.T) {
	a0 := poster.A0Landscape
	if got := poster.LargestDPI(a0); got != 359 {
		t.Errorf("largest DPI for A0: %d, want 359", got)
	}
	w, h := poster.Size(a0, 359)
	w2, h2 := poster.Size(a0, 360)
	if w*h > poster.MaxPixels || w2*h2 <= poster.MaxPixels {
		t.Errorf("A0 at 359 dpi is %d pixels, at 360 %d", w*h, w2*h2)
	}
	if got := poster.LargestDPI(paper(t, "A4", "portrait")); got != 1200 {
		t.Errorf("largest DPI for A4: %d, want 1200", got)
	}
	for _, tc := range []struct {
		paper poster.Paper
		dpi   int
		want  string // in the error; "" for none
	}{
		{a0, 10, ""},
		{a0, 359, ""},
		{a0, 9, "outside 10…1200"},
		{a0, 1201, "outside 10…1200"},
		{a0, 0, "outside 10…1200"},
		{a0, -150, "outside 10…1200"},
		{a0, 360, "A0 at 360 dpi would be 16852 × 11920 pixels, more than the limit of 200 million: use --dpi 359 or less"},
		{a0, 1200, "use --dpi 359 or less"},
		{paper(t, "5000x5000mm", ""), 100, "use --dpi 71 or less"},
		{paper(t, "A4", "portrait"), 1200, ""},
	} {
		err := poster.CheckDPI(tc.paper, tc.dpi)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s at %d dpi: %v", tc.paper.Name, tc.dpi, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s at %d dpi: error %v, want %q", tc.paper.Name, tc.dpi, err, tc.want)
		}
	}
	// Render refuses too, before it allocates anything.
	d := livraison(t)
	if _, err := poster.Render(canvas.Layout(d, d.Journeys[0]), poster.Options{}, 1200); err == nil {
		t.Error("A0 at 1200 dpi rendered")
	}
	if _, err := poster.Render(canvas.Layout(d, d.Journeys[0]), poster.Options{Paper: poster.Paper{Name: "x", W: 0, H: 10}}, 50); err == nil {
		t.Error("a paper of no width rendered")
	}
	if _, err := poster.Render(nil, poster.Options{}, 50); err == nil {
		t.Error("no scene rendered")
	}
}

// TestHostile paints the big journey with emoji, CJK, a 2000-character
// title and control characters: no crash, the picture of the right size.
func TestPNGHostile(t *testing.T) {
	d := modeltest.Generated(1000, 6, 8)
	j := d.Journeys[0]
	j.Title = "Parcours 🚚📦 漢字 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " + string(rune(0x20000))
	j.Objective = strings.Repeat("Réduire les appels ", 200)
	titles := []string{"Emoji 📦🚚👍🏽 and flags 🇫🇷", "漢字かな交じり文", strings.Repeat("Très long titre de point de contact ", 56)[:2000],
		"Combining: e\u0301 a\u0300 \u20DD", "Supplementary plane: 𝔸 𠀀 \U0010FFFD", "Controls\tand\x00nul \u200d\ufe0f", "bad \xff\xfe UTF-8"}
	for i, tp := range j.Touchpoints {
		tp.Title = titles[i%len(titles)]
	}
	s := canvas.Layout(d, j)
	s.Cards[0].Title.Lines[0].Text = "raw 📦 𝔘 \xf0\x9f"
	img, err := poster.Render(s, poster.Options{Paper: paper(t, "A2", "landscape")}, 72)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := poster.Size(paper(t, "A2", "landscape"), 72); img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Errorf("picture %v, want %d × %d", img.Bounds(), w, h)
	}
	keepPicture(t, "hostile.png", img)
}

// TestStripsAsTheWholePicture compares the PNG written strip by strip
// with the picture of the whole page, pixel by pixel: the same, but
// where a shape crossing a strip's edge is anti-aliased a shade apart.
// The strips are small here, so that their edges cross every kind of
// shape: texts, cards, faces, the curve, the logo and the persona's
// picture, emoji, dashed lanes.
func TestStripsAsTheWholePicture(t *testing.T) {
	red := image.NewNRGBA(image.Rect(0, 0, 60, 40))
	for i := 0; i < len(red.Pix); i += 4 {
		red.Pix[i], red.Pix[i+1], red.Pix[i+2], red.Pix[i+3] = 0xC0, 0x10, byte(i), 0xFF
	}
	var logo bytes.Buffer
	if err := png.Encode(&logo, red); err != nil {
		t.Fatal(err)
	}
	d := livraison(t)
	d.Journeys[0].Title += " 📦🚚"
	d.Personas[0].Avatar = logo.Bytes()
	long := modeltest.Generated(120, 6, 8)
	for _, tc := range []struct {
		name      string
		scene     *canvas.Scene
		opts      poster.Options
		dpi, rows int
	}{
		{"sample", canvas.Layout(d, d.Journeys[0]), poster.Options{Logo: logo.Bytes(), Footer: "Confidentiel", Version: "2"}, 50, 37},
		{"sample-a3", canvas.Layout(d, d.Journeys[0]), poster.Options{Paper: paper(t, "A3", "landscape")}, 150, 64},
		{"wrapped", canvas.LayoutWith(long, long.Journeys[0], canvas.Options{Quotes: true}), poster.Options{}, 40, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole, err := poster.Render(tc.scene, tc.opts, tc.dpi)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := poster.WritePNGStrips(&b, tc.scene, tc.opts, tc.dpi, tc.rows); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&b)
			if err != nil {
				t.Fatal(err)
			}
			keepPicture(t, "strips-"+tc.name+".png", got)
			if got.Bounds() != whole.Bounds() {
				t.Fatalf("strips make a picture of %v, the whole page %v", got.Bounds(), whole.Bounds())
			}
			differ, worst, inked := 0, 0, 0
			r := whole.Bounds()
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					a := whole.RGBAAt(x, y)
					if a != (color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}) {
						inked++
					}
					cr, cg, cb, _ := got.At(x, y).RGBA()
					dd := 0
					for _, v := range [3][2]int{{int(a.R), int(cr >> 8)}, {int(a.G), int(cg >> 8)}, {int(a.B), int(cb >> 8)}} {
						dd = max(dd, v[0]-v[1], v[1]-v[0])
					}
					if dd == 0 {
						continue
					}
					differ++
					worst = max(worst, dd)
				}
			}
			n := r.Dx() * r.Dy()
			t.Logf("%d × %d pixels, %d strips: %d differ, by at most %d", r.Dx(), r.Dy(), (r.Dy()+tc.rows-1)/tc.rows, differ, worst)
			if inked < n/10 {
				t.Fatalf("only %d pixels of %d are not white: nothing was painted", inked, n)
			}
			// A shape that crosses a strip's edge is rasterised from
			// the edge, its coordinates offset: its anti-aliased pixels
			// may be one or two levels of 255 apart, nothing a reader
			// could see. Anything missing or moved would be far more.
			if worst > 3 || differ > n/2000 {
				t.Errorf("%d pixels of %d differ from the whole picture's, by up to %d levels of 255", differ, n, worst)
			}
		})
	}
}
