package canvas_test

import (
	"testing"

	"parcours/canvas"
	"parcours/model/compare"
	"parcours/model/plan"
)

func curve(emotions ...int) []compare.Point {
	pts := make([]compare.Point, len(emotions))
	for i, e := range emotions {
		pts[i] = compare.Point{Order: i + 1, Emotion: e}
	}
	return pts
}

func inside(p canvas.Point, r canvas.Rect) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

func TestCurvesChart(t *testing.T) {
	for _, box := range []canvas.Rect{{W: 840, H: 220}, {X: 19, Y: 60.5, W: 266, H: 88}, {X: -5, Y: 3, W: 40, H: 400}} {
		r := compare.Result{CurrentCurve: curve(-1, 1, 0, -2, 2, 3), TargetCurve: curve(2, 2, -1, -3)}
		ch := canvas.CurvesChart(r, box)
		if ch.Box != box {
			t.Errorf("box %v: chart box %v", box, ch.Box)
		}
		// Levels from −2 at the bottom to +2 at the top, evenly, inside.
		for i := 1; i < 5; i++ {
			if !(ch.Levels[i] < ch.Levels[i-1]) {
				t.Errorf("box %v: levels not ordered upwards: %v", box, ch.Levels)
			}
			if d, d0 := ch.Levels[i-1]-ch.Levels[i], ch.Levels[0]-ch.Levels[1]; d-d0 > 1e-9 || d0-d > 1e-9 {
				t.Errorf("box %v: levels not evenly spaced: %v", box, ch.Levels)
			}
		}
		if !(ch.Levels[4] > box.Y && ch.Levels[0] < box.Y+box.H) || !(ch.Left > box.X && ch.Right < box.X+box.W && ch.Left < ch.Right) {
			t.Errorf("box %v: level lines %v from %v to %v not inside", box, ch.Levels, ch.Left, ch.Right)
		}
		if ch.Level(0) != ch.Levels[2] || ch.Level(5) != ch.Levels[4] || ch.Level(-9) != ch.Levels[0] {
			t.Errorf("box %v: Level does not read the levels, clamped", box)
		}
		for name, c := range map[string]struct {
			got  []canvas.Point
			want []compare.Point
		}{"current": {ch.Current, r.CurrentCurve}, "target": {ch.Target, r.TargetCurve}} {
			if len(c.got) != len(c.want) {
				t.Fatalf("box %v: %s curve has %d points for %d", box, name, len(c.got), len(c.want))
			}
			for i, p := range c.got {
				if !inside(p, box) {
					t.Errorf("box %v: %s point %d at %v outside", box, name, i, p)
				}
				if p.Y != ch.Level(c.want[i].Emotion) {
					t.Errorf("box %v: %s point %d at height %v, want its emotion's level %v", box, name, i, p.Y, ch.Level(c.want[i].Emotion))
				}
				if i > 0 && !(p.X > c.got[i-1].X) {
					t.Errorf("box %v: %s points not left to right: %v", box, name, c.got)
				}
			}
			// Each curve spans the same width, along its own timeline.
			if first, last := c.got[0].X, c.got[len(c.got)-1].X; first != ch.Current[0].X || last != ch.Current[len(ch.Current)-1].X {
				t.Errorf("box %v: %s curve spans %v…%v, the current one %v…%v", box, name, first, last,
					ch.Current[0].X, ch.Current[len(ch.Current)-1].X)
			}
		}
	}
}

func TestCurvesChartSinglePointAndEmpty(t *testing.T) {
	box := canvas.Rect{X: 10, Y: 20, W: 300, H: 100}
	ch := canvas.CurvesChart(compare.Result{CurrentCurve: curve(1)}, box)
	if len(ch.Current) != 1 || ch.Current[0].X != box.X+box.W/2 || ch.Current[0].Y != ch.Level(1) {
		t.Errorf("a single point is at %v, want the middle of the box at level +1", ch.Current)
	}
	if len(ch.Target) != 0 {
		t.Errorf("an empty curve has points: %v", ch.Target)
	}
}

func TestQuadrantTints(t *testing.T) {
	seen := map[canvas.RGB]plan.Quadrant{}
	for _, q := range plan.Quadrants {
		c := canvas.QuadrantTint(q)
		if o, dup := seen[c]; dup {
			t.Errorf("%s and %s have the same tint", q, o)
		}
		seen[c] = q
		// Light enough for dark text on it.
		if lum := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B); lum < 190 {
			t.Errorf("%s: tint %v too dark (%.0f)", q, c, lum)
		}
	}
}
