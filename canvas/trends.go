package canvas

import (
	"parcours/model"
	"parcours/model/review"
)

// trendWidth is the strip a KPI's trend takes at the right of its cell.
const trendWidth = 14.0

// kpiTrends is the KPI row with trends (Options.Trends): in a stage whose
// KPIs were reviewed at least twice, the texts wrap in the cell less a
// strip at its right, where each such KPI has its values over the reviews
// as a small line, level with the KPI's first line of text (the lowest
// value at the bottom of that line, the highest at its top).
func (s *Scene) kpiTrends(j *model.Journey, y float64) Band {
	reg, _ := Fonts()
	lh := bandSize * PtToMM * lineSpacing
	series := make([][][]review.Point, len(j.Stages))
	for i, st := range j.Stages {
		for k, kp := range st.KPIs {
			if ps := review.KPITrend(j, st.ID, kp.Name); len(ps) >= 2 {
				if series[i] == nil {
					series[i] = make([][]review.Point, len(st.KPIs))
				}
				series[i][k] = ps
			}
		}
	}
	reserve := func(i int) float64 {
		if series[i] != nil {
			return trendWidth
		}
		return 0
	}
	b := s.bandBeside(BandKPIs, y, func(i int) string { return StageText(j.Stages[i], BandKPIs) }, reserve)
	for i := range b.Cells {
		c := &b.Cells[i]
		if series[c.Column] == nil || len(c.Text.Lines) == 0 {
			continue
		}
		st := j.Stages[c.Column]
		width := c.Rect.W - 2*cardPad - trendWidth
		x := c.Rect.X + c.Rect.W - cardPad - trendWidth + 1
		line := 0 // each KPI's first line: after the lines its predecessors wrapped into
		for k, kp := range st.KPIs {
			if line >= len(c.Text.Lines) {
				break
			}
			top := c.Text.Lines[line].Y
			c.Trends = append(c.Trends, trendLine(series[c.Column][k], Rect{x, top + 0.4, trendWidth - 1.5, lh - 0.8}))
			wrapped, _ := reg.Wrap(reg.Printable(StageText(&model.Stage{KPIs: []model.KPI{kp}}, BandKPIs)), bandSize, width, bandMaxLines)
			line += max(1, len(wrapped))
		}
	}
	return b
}

// trendLine places a series in r, oldest at the left; nil for no series.
func trendLine(ps []review.Point, r Rect) []Point {
	if len(ps) < 2 {
		return nil
	}
	lo, hi := ps[0].Value, ps[0].Value
	for _, p := range ps {
		lo, hi = min(lo, p.Value), max(hi, p.Value)
	}
	out := make([]Point, len(ps))
	for i, p := range ps {
		y := r.Y + r.H/2
		if hi > lo {
			y = r.Y + r.H*(hi-p.Value)/(hi-lo)
		}
		out[i] = Point{r.X + r.W*float64(i)/float64(len(ps)-1), y}
	}
	return out
}
