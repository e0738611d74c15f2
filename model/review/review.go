// Package review reads a journey's periodic reviews (model.Review) over
// time: the table of every measure from review to review that `parcours
// reviews` prints (text, JSON, CSV), and the trend of one KPI or stage
// average with its last change in words, which the window draws as a small
// line. Taking a review is insight.TakeReview; flagging a KPI that moved
// away from its target is insight.Drifts. It reads the model and changes
// nothing.
package review

import (
	"math"
	"slices"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
)

// Measure names what a row of the table measures.
type Measure string

// Measures, in the order a stage's or a touchpoint's rows come.
const (
	KPI            Measure = "kpi"
	AverageEmotion Measure = "average_emotion"
	AverageScore   Measure = "average_score"
	Score          Measure = "score"
	Responses      Measure = "responses"
	Listened       Measure = "listened"
)

// Row is one measure over the reviews.
type Row struct {
	Measure    Measure
	Stage      string // stage id, for KPI and average rows
	Touchpoint string // touchpoint id, for score, responses and listened rows
	Name       string // the KPI's name; the stage's or touchpoint's name
	// Values has one entry per review, oldest first: the KPI's text, a
	// float64 (averages, scores), an int (responses), a bool (listened), or
	// nil when that review did not measure it.
	Values []any
}

// Table is every measure of a journey's reviews.
type Table struct {
	Journey string
	Reviews []*model.Review // oldest first
	Rows    []Row
}

// Of builds the table of j's reviews. Rows come stage by stage (the
// journey's stages in order, then stages only reviews know, as they first
// appear): each KPI by name in order of first appearance, then the average
// emotion and score; then touchpoint by touchpoint (the timeline, then
// those only reviews know): score, responses, listened. Stages and
// touchpoints are named as the journey names them now, else as the last
// review that saw them.
func Of(j *model.Journey) Table {
	t := Table{Journey: j.ID, Reviews: j.Reviews, Rows: []Row{}}
	n := len(j.Reviews)
	var stageIDs []string
	stageName := map[string]string{}
	for _, s := range j.Stages {
		stageIDs = append(stageIDs, s.ID)
		stageName[s.ID] = s.Name
	}
	var tpIDs []string
	tpName := map[string]string{}
	for _, tp := range model.TimelineOf(j) {
		tpIDs = append(tpIDs, tp.ID)
		tpName[tp.ID] = tp.Title
	}
	known := map[string]bool{}
	for _, id := range tpIDs {
		known[id] = true
	}
	for _, r := range j.Reviews {
		for _, s := range r.Stages {
			if _, ok := stageName[s.Stage]; !ok {
				stageIDs = append(stageIDs, s.Stage)
			}
			if j.Stage(s.Stage) == nil {
				stageName[s.Stage] = s.Name
			}
		}
		for _, m := range r.Touchpoints {
			if !known[m.Touchpoint] {
				known[m.Touchpoint] = true
				tpIDs = append(tpIDs, m.Touchpoint)
			}
		}
	}
	for _, sid := range stageIDs {
		var kpis []string
		for _, r := range j.Reviews {
			if m := r.Stage(sid); m != nil {
				for _, k := range m.KPIs {
					if !slices.Contains(kpis, k.Name) {
						kpis = append(kpis, k.Name)
					}
				}
			}
		}
		for _, name := range kpis {
			row := Row{Measure: KPI, Stage: sid, Name: name, Values: make([]any, n)}
			for i, r := range j.Reviews {
				if m := r.Stage(sid); m != nil {
					if k := slices.IndexFunc(m.KPIs, func(x model.KPI) bool { return x.Name == name }); k >= 0 {
						row.Values[i] = m.KPIs[k].Value
					}
				}
			}
			t.Rows = append(t.Rows, row)
		}
		for _, what := range []Measure{AverageEmotion, AverageScore} {
			row := Row{Measure: what, Stage: sid, Name: stageName[sid], Values: make([]any, n)}
			for i, r := range j.Reviews {
				if m := r.Stage(sid); m != nil {
					v := m.AverageEmotion
					if what == AverageScore {
						v = m.AverageScore
					}
					if v != nil {
						row.Values[i] = *v
					}
				}
			}
			t.Rows = append(t.Rows, row)
		}
	}
	// Each review's touchpoints by id, built once: a journey of a
	// thousand touchpoints and forty reviews is 40 000 look-ups.
	byID := make([]map[string]*model.TouchpointMeasure, n)
	for i, r := range j.Reviews {
		byID[i] = make(map[string]*model.TouchpointMeasure, len(r.Touchpoints))
		for k := range r.Touchpoints {
			byID[i][r.Touchpoints[k].Touchpoint] = &r.Touchpoints[k]
		}
	}
	for _, id := range tpIDs {
		name, ok := tpName[id]
		if !ok {
			name = id
		}
		rows := [3]Row{{Measure: Score}, {Measure: Responses}, {Measure: Listened}}
		for k := range rows {
			rows[k].Touchpoint, rows[k].Name, rows[k].Values = id, name, make([]any, n)
		}
		for i := range j.Reviews {
			m := byID[i][id]
			if m == nil {
				continue
			}
			if m.Score != nil {
				rows[0].Values[i] = *m.Score
			}
			rows[1].Values[i] = m.Responses
			rows[2].Values[i] = m.Listened
		}
		t.Rows = append(t.Rows, rows[:]...)
	}
	return t
}

// Point is one review's value of a measure.
type Point struct {
	Date  string
	Value float64
}

// KPITrend is the series of a stage's KPI over the journey's reviews (its
// value read by model.Number; reviews where it has none are left out).
func KPITrend(j *model.Journey, stage, kpi string) []Point {
	var out []Point
	for _, r := range j.Reviews {
		if m := r.Stage(stage); m != nil {
			if k := slices.IndexFunc(m.KPIs, func(x model.KPI) bool { return x.Name == kpi }); k >= 0 {
				if v, ok := model.Number(m.KPIs[k].Value); ok {
					out = append(out, Point{r.Date, v})
				}
			}
		}
	}
	return out
}

// AverageTrend is the series of a stage's average emotion (score false)
// or score (score true) over the reviews that measured it.
func AverageTrend(j *model.Journey, stage string, score bool) []Point {
	var out []Point
	for _, r := range j.Reviews {
		if m := r.Stage(stage); m != nil {
			v := m.AverageEmotion
			if score {
				v = m.AverageScore
			}
			if v != nil {
				out = append(out, Point{r.Date, *v})
			}
		}
	}
	return out
}

// LastChange words the last step of a series: "−12 % since 2026-09-30"
// (relative, for values that keep their sign), or "−0.5 since 2026-09-30"
// (absolute, for values around zero such as emotions, or when relative is
// meaningless), "no change since …", or "" with fewer than two points.
func LastChange(ps []Point, relative bool) string {
	if len(ps) < 2 {
		return ""
	}
	a, b := ps[len(ps)-2], ps[len(ps)-1]
	if a.Value == b.Value {
		return msg.T("review.trend.same", a.Date)
	}
	if relative && a.Value != 0 && (a.Value > 0) == (b.Value > 0) && b.Value != 0 {
		pct := math.Round((b.Value - a.Value) / math.Abs(a.Value) * 100)
		if pct == 0 {
			pct = math.Copysign(0, b.Value-a.Value)
		}
		return msg.T("review.trend.percent", signed(insight.Decimal(math.Abs(pct), false), pct), a.Date)
	}
	d := insight.Round2(b.Value - a.Value)
	return msg.T("review.trend.delta", signed(insight.Decimal(math.Abs(d), false), d), a.Date)
}

// signed puts a true minus sign (or a plus) before a magnitude.
func signed(s string, v float64) string {
	if math.Signbit(v) {
		return "−" + s
	}
	return "+" + s
}
