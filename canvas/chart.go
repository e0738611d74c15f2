package canvas

import (
	"parcours/model/compare"
	"parcours/model/plan"
)

// QuadrantTint is the tint of a quadrant of the impact/effort matrix, the
// same in the window and on the printed action plan.
func QuadrantTint(q plan.Quadrant) RGB {
	switch q {
	case plan.QuickWins:
		return QuickWinsTint
	case plan.MajorProjects:
		return MajorProjectsTint
	case plan.FillIns:
		return FillInsTint
	}
	return ThanklessTint
}

// Chart is the geometry of the comparison chart: both emotion curves of a
// current and a target journey on one chart, each spread over the width
// along its own timeline, levels −2…+2 from bottom to top. The window
// draws it in pixels and the PDF in millimetres: the numbers are the same,
// in the unit of the box.
type Chart struct {
	Box Rect
	// Levels are the heights of the emotions −2…+2: Levels[0] is −2, at
	// the bottom, Levels[4] is +2, at the top.
	Levels [5]float64
	// Left and Right are the ends of the level lines.
	Left, Right float64
	// Current and Target are the points of the two curves, one for each
	// point of compare.Result's CurrentCurve and TargetCurve, in the same
	// order.
	Current, Target []Point
}

// Level is the height of emotion e, −2…+2 (clamped).
func (c Chart) Level(e int) float64 { return c.Levels[max(-2, min(2, e))+2] }

// CurvesChart places both curves of r in box. A padding of a sixteenth of
// the box's smaller side is left around the level lines, twice that at
// both ends of the curves; a curve of a single point has it in the middle.
func CurvesChart(r compare.Result, box Rect) Chart {
	pad := min(box.W, box.H) / 16
	c := Chart{Box: box, Left: box.X + pad, Right: box.X + box.W - pad}
	for i := range c.Levels {
		c.Levels[i] = box.Y + pad + float64(4-i)/4*(box.H-2*pad)
	}
	curve := func(pts []compare.Point) []Point {
		out := make([]Point, len(pts))
		for i, p := range pts {
			x := box.X + box.W/2
			if len(pts) > 1 {
				x = box.X + 2*pad + float64(i)*(box.W-4*pad)/float64(len(pts)-1)
			}
			out[i] = Point{X: x, Y: c.Level(p.Emotion)}
		}
		return out
	}
	c.Current, c.Target = curve(r.CurrentCurve), curve(r.TargetCurve)
	return c
}
