package canvas_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"parcours/canvas"
	"parcours/model/modeltest"
)

// The index answers what a look at every rectangle answers.
func TestIndexAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rects := make([]canvas.Rect, 3000)
	for i := range rects {
		// Small cards and a few rectangles spanning many buckets.
		w, h := 10+rng.Float64()*40, 10+rng.Float64()*30
		if i%97 == 0 {
			w, h = 500+rng.Float64()*2000, 300
		}
		rects[i] = canvas.Rect{X: rng.Float64()*20000 - 100, Y: rng.Float64()*800 - 50, W: w, H: h}
	}
	ix := canvas.NewIndex(rects)
	for k := 0; k < 500; k++ {
		q := canvas.Rect{X: rng.Float64()*21000 - 500, Y: rng.Float64()*900 - 100, W: rng.Float64() * 900, H: rng.Float64() * 600}
		var want []int
		for i, r := range rects {
			if r.X <= q.X+q.W && q.X <= r.X+r.W && r.Y <= q.Y+q.H && q.Y <= r.Y+r.H {
				want = append(want, i)
			}
		}
		if got := ix.Query(q, nil); !slices.Equal(got, want) {
			t.Fatalf("query %+v: got %d rects %v…, want %d", q, len(got), got[:min(5, len(got))], len(want))
		}
		x, y := q.X, q.Y
		wantAt := -1
		for i, r := range rects {
			if r.Contains(x, y) {
				wantAt = i
				break
			}
		}
		if got := ix.At(x, y); got != wantAt {
			t.Fatalf("At(%g, %g) = %d, want %d", x, y, got, wantAt)
		}
	}
	if got := canvas.NewIndex(nil).Query(canvas.Rect{W: 10, H: 10}, nil); len(got) != 0 {
		t.Errorf("empty index found %v", got)
	}
}

// The part of a scene on screen is found without looking at the rest.
func TestIndexFindsTheCardsAndCurveInView(t *testing.T) {
	d := modeltest.Generated(2000, 6, 8)
	s := canvas.Layout(d, d.Journeys[0])
	cards, curve := canvas.NewIndex(s.CardRects()), canvas.NewIndex(s.CurveRects())
	view := canvas.Rect{X: s.Width / 2, Y: 0, W: 350, H: s.Height}
	got := cards.Query(view, nil)
	if len(got) == 0 || len(got) > 20 {
		t.Fatalf("%d cards in a 350 mm wide view", len(got))
	}
	for _, i := range got {
		if r := s.Cards[i].Rect; r.X+r.W < view.X || r.X > view.X+view.W {
			t.Errorf("card %d at %+v is out of view", i, r)
		}
	}
	pts := curve.Query(view, nil)
	if len(pts) < len(got) {
		t.Errorf("%d curve points for %d cards in view", len(pts), len(got))
	}
	c := s.Cards[got[0]].Rect
	if i := cards.At(c.X+1, c.Y+1); i != got[0] {
		t.Errorf("At a card's corner found %d, want %d", i, got[0])
	}
}
