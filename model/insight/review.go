package insight

import (
	"math"
	"slices"

	"parcours/model"
	"parcours/model/msg"
)

// TakeReview is the snapshot of j's measures a review keeps: each stage's
// KPIs and averages (as Analyze computes them), each touchpoint's score,
// responses and listening status in timeline order. It does not change j.
func TakeReview(j *model.Journey, id, date, note string) *model.Review {
	if id == "" {
		id = model.NewID("r")
	}
	rv := &model.Review{ID: id, Date: date, Note: note}
	rep := Analyze(j)
	for i, s := range j.Stages {
		m := model.StageMeasure{Stage: s.ID, Name: s.Name, KPIs: slices.Clone(s.KPIs)}
		if i < len(rep.Stages) {
			m.AverageEmotion, m.AverageScore = rep.Stages[i].AverageEmotion, rep.Stages[i].AverageScore
		}
		rv.Stages = append(rv.Stages, m)
	}
	for _, t := range model.TimelineOf(j) {
		m := model.TouchpointMeasure{Touchpoint: t.ID, Responses: t.Responses, Listened: t.Listened}
		if t.Score != nil {
			v := *t.Score
			m.Score = &v
		}
		rv.Touchpoints = append(rv.Touchpoints, m)
	}
	return rv
}

// Drift is a KPI that moved away from its target between the journey's
// last two reviews: the seed's signal that the stage needs work again.
type Drift struct {
	Stage    string // stage id
	KPI      string // its name
	Previous string // value at the previous review
	Value    string // value at the last review
	Target   string // target at the last review
	Since    string // date of the previous review
	Date     string // date of the last review
}

// Drifts compares the journey's last review with the one before it: a KPI
// (matched by stage id and KPI name) whose value moved away from its target
// is listed, in stage order then KPI order. Values and targets are read by
// model.Number; a KPI without numbers on either review is left out. Moving
// away means the value went the wrong way (model.Direction) and does not
// meet the target now; with no direction known (the previous value was
// exactly on target), any move away from the target counts.
func Drifts(j *model.Journey) []Drift {
	out := []Drift{}
	if j == nil || len(j.Reviews) < 2 {
		return out
	}
	last, prev := j.Reviews[len(j.Reviews)-1], j.Reviews[len(j.Reviews)-2]
	for _, s := range last.Stages {
		before := prev.Stage(s.Stage)
		if before == nil {
			continue
		}
		for _, k := range s.KPIs {
			i := slices.IndexFunc(before.KPIs, func(x model.KPI) bool { return x.Name == k.Name })
			if i < 0 {
				continue
			}
			if movedAway(before.KPIs[i], k) {
				out = append(out, Drift{Stage: s.Stage, KPI: k.Name, Previous: before.KPIs[i].Value,
					Value: k.Value, Target: k.Target, Since: prev.Date, Date: last.Date})
			}
		}
	}
	return out
}

func movedAway(before, now model.KPI) bool {
	was, ok1 := model.Number(before.Value)
	is, ok2 := model.Number(now.Value)
	goal, ok3 := model.Number(now.Target)
	if !ok1 || !ok2 || !ok3 || was == is {
		return false
	}
	switch model.Direction(now.Target, was, goal) {
	case 1:
		return is < was && is < goal
	case -1:
		return is > was && is > goal
	}
	return math.Abs(is-goal) > math.Abs(was-goal)
}

// ReviewNow is the edit that takes a review of journey as it is when the
// edit first runs: after a survey import in the same Batch, the review
// sees the new scores (a redo puts back that same review). It is refused
// like model.AddReview: one review a day.
func ReviewNow(journey, date, note string) model.Command {
	var taken *model.Review
	return &model.Edit{Name: msg.T("edit.review_add"), Change: func(d *model.Document) error {
		return d.AddReview(journey, func(j *model.Journey) *model.Review {
			if taken == nil {
				taken = TakeReview(j, "", date, note)
			}
			return taken
		})
	}}
}
