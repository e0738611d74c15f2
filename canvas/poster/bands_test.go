package poster_test

import (
	"strings"
	"testing"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/modeltest"
)

// A long journey wraps onto bands of whole stages, one under the other,
// each inside the map's box, the same scale for all; the poster shows
// every stage's name once and every lane's label on each band. A short
// one stays on one band.
func TestLongJourneyWrapsOntoBands(t *testing.T) {
	ref := livraison(t)
	if bs := poster.Bands(canvas.Layout(ref, ref.Journeys[0]), poster.Options{}); len(bs) != 1 || bs[0].From != 0 || bs[0].To != 4 {
		t.Errorf("the reference journey on bands %+v, want one of its four stages", bs)
	}
	d := modeltest.Generated(120, 6, 8)
	j := d.Journeys[0]
	s := canvas.LayoutWith(d, j, canvas.Options{Quotes: true})
	opts := poster.Options{}
	bs := poster.Bands(s, opts)
	if len(bs) < 2 || len(bs) > poster.MaxBands {
		t.Fatalf("120 touchpoints on %d bands", len(bs))
	}
	box := poster.MapBox(s, opts)
	_, _, k := poster.Placement(s, opts)
	for i, b := range bs {
		p := s.Part(b.From, b.To)
		if b.To <= b.From || (i == 0 && b.From != 0) || (i > 0 && b.From != bs[i-1].To) {
			t.Errorf("band %d shows stages %d…%d", i, b.From, b.To)
		}
		if b.K != k || b.X != box.X {
			t.Errorf("band %d at x %.1f scale %.3f, the map's are %.1f, %.3f", i, b.X, b.K, box.X, k)
		}
		const eps = 1e-6
		if b.Y < box.Y-eps || b.X+p.Width*b.K > box.X+box.W+eps || b.Y+p.Height*b.K > box.Y+box.H+eps {
			t.Errorf("band %d leaves the map's box %+v", i, box)
		}
		if i > 0 && b.Y < bs[i-1].Y+s.Height*k {
			t.Errorf("band %d overlaps the one above", i)
		}
	}
	if bs[len(bs)-1].To != len(s.Columns) {
		t.Errorf("the last band ends at stage %d of %d", bs[len(bs)-1].To, len(s.Columns))
	}
	// Printed: each stage's name once, each lane's label on every band.
	path := write(t, "bands.pdf", []*canvas.Scene{s}, opts)
	text := poppler(t, "pdftotext", "-f", "1", "-l", "1", path, "-")
	for _, st := range j.Stages {
		if n := strings.Count(text, st.Name+"\n"); n != 1 {
			t.Errorf("stage %s printed %d times", st.Name, n)
		}
	}
	for _, l := range j.Lanes {
		if n := strings.Count(text, l.Name+"\n"); n != len(bs) {
			t.Errorf("lane %s labelled %d times on %d bands", l.Name, n, len(bs))
		}
	}
}
