package canvas_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parcours/canvas"
	"parcours/model/modeltest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// dump writes the geometry of the dense layout one line a thing: each
// stage's columns of cards, then each card in timeline order with its
// number, column, lane, box, title lines and point on the curve.
func dump(s *canvas.Scene) string {
	var b strings.Builder
	fmt.Fprintf(&b, "map %.2f × %.2f mm, grid %.2f…%.2f, curve %.2f…%.2f, numbered %v\n",
		s.Width, s.Height, s.Grid.Y, s.Grid.Y+s.Grid.H, s.Curve.Rect.Y, s.Curve.Rect.Y+s.Curve.Rect.H, s.Numbered)
	for _, c := range s.Columns {
		fmt.Fprintf(&b, "stage %s x %.2f w %.2f columns", c.StageID, c.Header.X, c.Header.W)
		for _, x := range c.Slots {
			fmt.Fprintf(&b, " %.2f", x)
		}
		b.WriteByte('\n')
	}
	for i, c := range s.Cards {
		var lines []string
		for _, l := range c.Title.Lines {
			lines = append(lines, l.Text)
		}
		p := s.Curve.Points[i]
		fmt.Fprintf(&b, "%3d %s stage %d column %d lane %d slot %d at %.2f,%.2f curve %.2f,%.2f r %.2f title %.2f pt %q\n",
			c.Number, c.TouchpointID, c.Column, c.Step, c.Row, c.Slot, c.Rect.X, c.Rect.Y, p.X, p.Y, p.Face.Radius,
			c.Title.Size, strings.Join(lines, " | "))
	}
	return b.String()
}

// TestDenseLayoutGolden holds the dense layout of the reference journey
// and of a generated one (30 touchpoints, 6 stages × 8 lanes) to golden
// files; go test ./canvas -run Golden -update rewrites them after a
// change made on purpose.
func TestDenseLayoutGolden(t *testing.T) {
	ref := livraison(t)
	gen := modeltest.Generated(30, 6, 8)
	for name, s := range map[string]*canvas.Scene{
		"dense-livraison.txt":    canvas.Layout(ref, ref.Journeys[0]),
		"dense-generated-30.txt": canvas.Layout(gen, gen.Journeys[0]),
	} {
		got := dump(s)
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./canvas -run Golden -update writes it)", err)
		}
		if got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Errorf("%s differs at line %d:\n got %s\nwant %s", path, i+1, gl[i], wl[i])
					break
				}
			}
			if len(gl) != len(wl) {
				t.Errorf("%s: %d lines, want %d", path, len(gl), len(wl))
			}
		}
	}
}
