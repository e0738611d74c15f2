package ui

import (
	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/review"
)

// Sparkline draws a series of values as a small line, the last point as a
// dot: a KPI or a stage average over the journey's reviews.
type Sparkline struct {
	widget.BaseWidget
	values []float64
}

var _ fyne.Widget = (*Sparkline)(nil)

// NewSparkline draws values, oldest first.
func NewSparkline(values []float64) *Sparkline {
	s := &Sparkline{values: values}
	s.ExtendBaseWidget(s)
	return s
}

// Values are the points drawn, for tests.
func (s *Sparkline) Values() []float64 { return s.values }

// CreateRenderer implements fyne.Widget.
func (s *Sparkline) CreateRenderer() fyne.WidgetRenderer {
	r := &sparkRenderer{s: s, dot: fcanvas.NewCircle(theme.Color(theme.ColorNamePrimary))}
	for range max(len(s.values)-1, 0) {
		l := fcanvas.NewLine(theme.Color(theme.ColorNamePrimary))
		l.StrokeWidth = 1.5
		r.lines = append(r.lines, l)
	}
	return r
}

type sparkRenderer struct {
	s     *Sparkline
	lines []*fcanvas.Line
	dot   *fcanvas.Circle
}

func (r *sparkRenderer) Layout(size fyne.Size) {
	vs := r.s.values
	if len(vs) == 0 {
		r.dot.Hide()
		return
	}
	lo, hi := vs[0], vs[0]
	for _, v := range vs {
		lo, hi = min(lo, v), max(hi, v)
	}
	const pad = 3
	at := func(i int) fyne.Position {
		x := float32(pad)
		if len(vs) > 1 {
			x += (size.Width - 2*pad) * float32(i) / float32(len(vs)-1)
		}
		y := size.Height / 2
		if hi > lo {
			y = pad + (size.Height-2*pad)*float32((hi-vs[i])/(hi-lo))
		}
		return fyne.NewPos(x, y)
	}
	for i, l := range r.lines {
		l.Position1, l.Position2 = at(i), at(i+1)
	}
	p := at(len(vs) - 1)
	r.dot.Move(p.SubtractXY(2.5, 2.5))
	r.dot.Resize(fyne.NewSize(5, 5))
	r.dot.Show()
}

func (r *sparkRenderer) MinSize() fyne.Size { return fyne.NewSize(90, 22) }
func (r *sparkRenderer) Refresh()           { r.Layout(r.s.Size()); fcanvas.Refresh(r.s) }
func (r *sparkRenderer) Destroy()           {}
func (r *sparkRenderer) Objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(r.lines)+1)
	for _, l := range r.lines {
		out = append(out, l)
	}
	return append(out, r.dot)
}

// trendRow is one measure's line in the insights: its name, its sparkline
// and its last change in words ("−12 % since 2026-09-30").
func trendRow(name string, ps []review.Point, relative bool) fyne.CanvasObject {
	vs := make([]float64, len(ps))
	for i, p := range ps {
		vs[i] = p.Value
	}
	text := name
	if c := review.LastChange(ps, relative); c != "" {
		text = T("ui.trends.row", name, c)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, NewSparkline(vs), nil, l)
}

// trends are the insights' section on reviews: the stages to review (a
// KPI moved away from its target since the previous review), then for
// each stage its average score and emotion and each KPI over the
// journey's reviews. Nothing when the journey has no review yet.
func trends(j *model.Journey) []fyne.CanvasObject {
	if len(j.Reviews) == 0 {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewSeparator()}
	if ds := insight.Drifts(j); len(ds) > 0 {
		out = append(out, heading(T("ui.trends.review", len(ds))))
		for _, d := range ds {
			name := d.Stage
			if s := j.Stage(d.Stage); s != nil {
				name = s.Name
			}
			l := widget.NewLabel(T("ui.trends.drift", name, d.KPI, d.Previous, d.Value, d.Target, d.Since))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.DangerImportance
			out = append(out, l)
		}
	}
	out = append(out, heading(T("ui.trends", len(j.Reviews))))
	for _, s := range j.Stages {
		if rows := stageTrends(j, s); len(rows) > 0 {
			name := widget.NewLabelWithStyle(s.Name, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
			out = append(out, name)
			out = append(out, rows...)
		}
	}
	return out
}

// stageTrends are a stage's rows of trends: its average score and emotion,
// then each of its KPIs, over the reviews that measured them.
func stageTrends(j *model.Journey, s *model.Stage) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	if ps := review.AverageTrend(j, s.ID, true); len(ps) > 0 {
		rows = append(rows, trendRow(T("ui.trends.score"), ps, true))
	}
	if ps := review.AverageTrend(j, s.ID, false); len(ps) > 0 {
		rows = append(rows, trendRow(T("ui.trends.emotion"), ps, false))
	}
	for _, k := range s.KPIs {
		if ps := review.KPITrend(j, s.ID, k.Name); len(ps) > 0 {
			rows = append(rows, trendRow(k.Name, ps, true))
		}
	}
	return rows
}
