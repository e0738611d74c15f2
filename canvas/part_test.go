package canvas_test

import (
	"math"
	"testing"

	"parcours/canvas"
	"parcours/model/modeltest"
)

// A part is the map of its stages alone: their columns follow the lane
// labels, their cards and curve points come along, shifted alike, and
// nothing of the other stages is left.
func TestPartIsTheMapOfItsStages(t *testing.T) {
	d := modeltest.Generated(120, 6, 8)
	s := canvas.LayoutWith(d, d.Journeys[0], canvas.Options{Quotes: true})
	whole := s.Part(0, len(s.Columns))
	if whole.Width != s.Width || len(whole.Cards) != len(s.Cards) || whole.Cards[7].Rect != s.Cards[7].Rect {
		t.Errorf("the part of every stage differs from the map")
	}
	p := s.Part(2, 4)
	if len(p.Columns) != 2 || p.Columns[0].StageID != s.Columns[2].StageID || p.Columns[0].Header.X != canvas.LabelWidth {
		t.Fatalf("part of stages 2-3: columns %+v", p.Columns)
	}
	dx := s.Columns[2].Header.X - canvas.LabelWidth
	if want := s.Columns[3].Header.X + s.Columns[3].Header.W - dx; math.Abs(p.Width-want) > 1e-9 {
		t.Errorf("part width %.1f, want %.1f", p.Width, want)
	}
	var ids []string
	for i, c := range s.Cards {
		if c.Column == 2 || c.Column == 3 {
			ids = append(ids, c.TouchpointID)
			got := p.Cards[p.CardIndex(c.TouchpointID)]
			if got.Rect.X != c.Rect.X-dx || got.Rect.Y != c.Rect.Y || got.Column != c.Column-2 ||
				got.Title.Lines[0].X != c.Title.Lines[0].X-dx || got.Face.Center.X != c.Face.Center.X-dx {
				t.Errorf("card %s not shifted with its stage", c.TouchpointID)
			}
			pt := p.Curve.Points[p.CardIndex(c.TouchpointID)]
			if pt.TouchpointID != c.TouchpointID || pt.X != s.Curve.Points[i].X-dx || pt.Y != s.Curve.Points[i].Y {
				t.Errorf("curve point of %s not shifted with its card", c.TouchpointID)
			}
		}
	}
	if len(p.Cards) != len(ids) || len(p.Curve.Points) != len(ids) {
		t.Errorf("%d cards and %d curve points in the part, want %d", len(p.Cards), len(p.Curve.Points), len(ids))
	}
	for _, c := range p.Cards {
		if c.Rect.X < canvas.LabelWidth || c.Rect.X+c.Rect.W > p.Width {
			t.Errorf("card %s outside the part", c.TouchpointID)
		}
	}
	for _, b := range p.AllBands() {
		if len(b.Cells) != 2 || b.Cells[0].Rect.X != canvas.LabelWidth || b.Rect.W != p.Width {
			t.Errorf("band %s of the part: %d cells, first at %.1f", b.Kind, len(b.Cells), b.Cells[0].Rect.X)
		}
	}
	for _, r := range p.Rows {
		if r.Rect.W != p.Width {
			t.Errorf("lane %s %.1f wide, want the part's %.1f", r.LaneID, r.Rect.W, p.Width)
		}
	}
	if p.Height != s.Height || p.Grid.Y != s.Grid.Y || p.Curve.Rect.Y != s.Curve.Rect.Y {
		t.Error("a part does not keep the map's heights")
	}
	// The map itself is left as it was.
	if s.Cards[0].Rect.X != canvas.LabelWidth+(canvas.SlotWidth-canvas.CardWidth)/2 || len(s.Columns) != 6 {
		t.Error("Part changed the map")
	}
}

// Runs never splits a stage and makes the widest run as narrow as any
// way of cutting would.
func TestRunsAreTheNarrowest(t *testing.T) {
	d := modeltest.Generated(200, 7, 8)
	s := canvas.Layout(d, d.Journeys[0])
	width := func(from, to int) float64 { return s.Part(from, to).Width }
	for n := 1; n <= 4; n++ {
		runs, widest := s.Runs(n)
		if len(runs) != n || runs[0][0] != 0 || runs[n-1][1] != len(s.Columns) {
			t.Fatalf("%d runs: %v", n, runs)
		}
		w := 0.0
		for i, r := range runs {
			if r[1] <= r[0] || (i > 0 && r[0] != runs[i-1][1]) {
				t.Fatalf("%d runs: %v are not neighbouring stages", n, runs)
			}
			w = max(w, width(r[0], r[1]))
		}
		if math.Abs(w-widest) > 1e-6 {
			t.Errorf("%d runs: widest %.1f, said %.1f", n, w, widest)
		}
		// Every way of cutting 7 stages into n runs.
		best := math.Inf(1)
		var try func(from, left int, widest float64)
		try = func(from, left int, wd float64) {
			if left == 1 {
				best = min(best, max(wd, width(from, len(s.Columns))))
				return
			}
			for to := from + 1; to <= len(s.Columns)-left+1; to++ {
				try(to, left-1, max(wd, width(from, to)))
			}
		}
		try(0, n, 0)
		if widest > best+1e-6 {
			t.Errorf("%d runs: widest %.1f, %.1f can be had", n, widest, best)
		}
	}
	if runs, _ := s.Runs(20); len(runs) != len(s.Columns) {
		t.Errorf("more runs than stages: %v", runs)
	}
}
