package poster_test

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/modeltest"
)

var updateSVG = flag.Bool("update-svg", false, "rewrite the SVG drawings of testdata/svg/ with the current writer")

// The drawings of testdata/svg/ are the SVG documents the writer made
// before it was made smaller (issue 12: fewer bytes per touchpoint): the
// sample journey on A0, and a dense generated journey on A4 whose cards
// are a few millimetres wide, where rounding shows first. Written again
// with -update-svg only when the picture is meant to change.
var sameCases = []struct {
	name  string
	scene func(t *testing.T) *canvas.Scene
	paper [2]string
	dpi   int
}{
	{"livraison-a0", func(t *testing.T) *canvas.Scene { _, _, s := reference(t); return s }, [2]string{"A0", "landscape"}, 60},
	{"generated-150-a4", func(t *testing.T) *canvas.Scene {
		d := modeltest.Generated(150, 6, 8)
		return canvas.Layout(d, d.Journeys[0])
	}, [2]string{"A4", "landscape"}, 400},
}

// TestSVGLooksAsBefore renders the SVG the writer makes now and the one it
// made before with two renderers of their own, librsvg and Chromium, and
// compares them pixel by pixel: the same picture, but for the
// anti-aliasing of edges moved by the rounding of coordinates (a few
// thousandths of a millimetre). Chromium is the one that reads textLength,
// which librsvg ignores: it shows that a card's texts, which no longer
// carry it, are set where the layout measured them.
func TestSVGLooksAsBefore(t *testing.T) {
	for _, tc := range sameCases {
		t.Run(tc.name, func(t *testing.T) {
			opts := poster.Options{Paper: paper(t, tc.paper[0], tc.paper[1]),
				Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC), Footer: "Confidentiel", Version: "2"}
			now := writeSVG(t, tc.name+".svg", tc.scene(t), opts)
			golden := filepath.Join("testdata", "svg", tc.name+".svg")
			if *updateSVG {
				if err := os.WriteFile(golden, now, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			parse(t, now)
			for _, r := range []struct {
				name   string
				render func(*testing.T, []byte, int) image.Image
				reach  int
			}{{"rsvg", rsvg, 0}, {"chromium", chromium, 1}} {
				a, b := r.render(t, before, tc.dpi), r.render(t, now, tc.dpi)
				keepPNG(t, tc.name+"-"+r.name+"-before.png", a)
				keepPNG(t, tc.name+"-"+r.name+"-now.png", b)
				if err := samePicture(a, b, r.reach); err != nil {
					t.Errorf("%s: %d bytes before, %d now: %v", r.name, len(before), len(now), err)
				}
			}
		})
	}
}

// svgPageSize finds the root's width and height in millimetres.
var svgPageSize = regexp.MustCompile(`width="([0-9.]+)mm" height="([0-9.]+)mm"`)

// chromium renders an SVG document with headless Chromium at dpi: the
// page made dpi/25.4 pixels a millimetre, then screenshot whole. The
// browser comes with the Mermaid CLI's (.ci/install-mermaid, which
// `make test` runs).
func chromium(t *testing.T, data []byte, dpi int) image.Image {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is missing: run .ci/install-mermaid")
	}
	m := svgPageSize.FindSubmatchIndex(data)
	if m == nil {
		t.Fatal("the SVG's root has no width and height in mm")
	}
	px := func(i int) int {
		mm, err := strconv.ParseFloat(string(data[m[i]:m[i+1]]), 64)
		if err != nil {
			t.Fatal(err)
		}
		return int(math.Round(mm / 25.4 * float64(dpi)))
	}
	w, h := px(2), px(4)
	sized := append(append([]byte{}, data[:m[0]]...), fmt.Sprintf(`width="%d" height="%d"`, w, h)...)
	sized = append(sized, data[m[1]:]...)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "page.svg"), filepath.Join(dir, "page.png")
	if err := os.WriteFile(in, sized, 0o644); err != nil {
		t.Fatal(err)
	}
	// As root, Chromium needs --no-sandbox; the other flags keep it off a
	// network it would not reach and out of the user's profile.
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--force-device-scale-factor=1",
		fmt.Sprintf("--window-size=%d,%d", w, h), "--screenshot="+out, "file://"+in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if o, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, o)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatalf("chromium made no picture: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Fatalf("chromium's picture is %v, want %d×%d", img.Bounds(), w, h)
	}
	return img
}

// samePicture compares two renderings of one page: the same size, no pixel
// off by more than the anti-aliasing of an edge moved by a fraction of a
// pixel, and such pixels rare. (librsvg anti-aliases a text's letters a
// little differently under a translation: a tenth of a percent of the
// dense page, within 31 of 255.)
//
// With reach 1, a pixel may instead match one of its eight neighbours in
// the other picture: Chromium sets a line that has no textLength at its
// font's own advances, which puts a letter up to a pixel from where the
// same line stretched to the layout's width was (the worst pixel in place
// is then 120 off, and 64 within a pixel's reach, on the dense page at
// 400 dpi). A letter, a shape or a card moved by more than a pixel, or a
// colour changed, still fails: some of its pixels find nothing alike
// within reach.
func samePicture(pa, pb image.Image, reach int) error {
	if pa.Bounds() != pb.Bounds() {
		return fmt.Errorf("pictures of %v and %v", pa.Bounds(), pb.Bounds())
	}
	a, b := toRGBA(pa), toRGBA(pb)
	r := a.Bounds()
	const (
		tiny = 8  // of 255: invisible
		edge = 96 // an edge moved by a third of a pixel at most
	)
	off := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if colorDiff(a.RGBAAt(x, y), b.RGBAAt(x, y)) > tiny {
				off++
			}
		}
	}
	worst, where := 0, image.Point{}
	for _, pair := range [2][2]*image.RGBA{{a, b}, {b, a}} {
		if w, at := farthest(pair[0], pair[1], reach); w > worst {
			worst, where = w, at
		}
	}
	n := r.Dx() * r.Dy()
	if worst > edge || off*200 > n {
		return fmt.Errorf("%d pixels of %d differ by more than %d, the worst by %d (within %d pixel) at %v", off, n, tiny, worst, reach, where)
	}
	return nil
}

// farthest is the pixel of a least like anything of b within reach of it:
// how far off its likest is, and where.
func farthest(a, b *image.RGBA, reach int) (int, image.Point) {
	r := a.Bounds()
	worst, where := 0, image.Point{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := a.RGBAAt(x, y)
			best := 256
			for dy := -reach; dy <= reach && best > worst; dy++ {
				for dx := -reach; dx <= reach && best > worst; dx++ {
					if q := image.Pt(x+dx, y+dy); q.In(r) {
						best = min(best, colorDiff(p, b.RGBAAt(q.X, q.Y)))
					}
				}
			}
			if best > worst {
				worst, where = best, image.Point{X: x, Y: y}
			}
		}
	}
	return worst, where
}

// toRGBA is img as premultiplied RGBA, read without a conversion a pixel.
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok {
		return r
	}
	r := image.NewRGBA(img.Bounds())
	draw.Draw(r, r.Bounds(), img, r.Bounds().Min, draw.Src)
	return r
}

// colorDiff is how far apart two colours are, of 255.
func colorDiff(p, q color.RGBA) int {
	return max(absDiff(p.R, q.R), absDiff(p.G, q.G), absDiff(p.B, q.B), absDiff(p.A, q.A))
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
