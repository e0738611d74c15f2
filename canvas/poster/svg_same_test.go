package poster_test

import (
	"flag"
	"fmt"
	"image"
	"os"
	"path/filepath"
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
// made before with librsvg, and compares them pixel by pixel: the same
// picture, but for the anti-aliasing of edges moved by the rounding of
// coordinates (a few thousandths of a millimetre).
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
			a, b := rsvg(t, before, tc.dpi), rsvg(t, now, tc.dpi)
			keepPNG(t, tc.name+"-before.png", a)
			keepPNG(t, tc.name+"-now.png", b)
			if err := samePicture(a, b); err != nil {
				t.Errorf("%d bytes before, %d now: %v", len(before), len(now), err)
			}
		})
	}
}

// samePicture compares two renderings of one page: the same size, no pixel
// off by more than the anti-aliasing of an edge moved by a fraction of a
// pixel, and such pixels rare. (librsvg anti-aliases a text's letters a
// little differently under a translation: a tenth of a percent of the
// dense page, within 31 of 255.)
func samePicture(a, b image.Image) error {
	if a.Bounds() != b.Bounds() {
		return fmt.Errorf("pictures of %v and %v", a.Bounds(), b.Bounds())
	}
	r := a.Bounds()
	const (
		tiny = 8  // of 255: invisible
		edge = 96 // an edge moved by a third of a pixel at most
	)
	off, worst := 0, 0
	var where image.Point
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p, q := rgbaAt(a, x, y), rgbaAt(b, x, y)
			d := max(absDiff(p.R, q.R), absDiff(p.G, q.G), absDiff(p.B, q.B), absDiff(p.A, q.A))
			if d > tiny {
				off++
			}
			if d > worst {
				worst, where = d, image.Point{X: x, Y: y}
			}
		}
	}
	n := r.Dx() * r.Dy()
	if worst > edge || off*200 > n {
		return fmt.Errorf("%d pixels of %d differ by more than %d, the worst by %d at %v", off, n, tiny, worst, where)
	}
	return nil
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
