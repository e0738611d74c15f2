package sqlite

import (
	"database/sql"
	"encoding/json"

	"parcours/model"
	"parcours/model/msg"
)

// The stored forms of a review's measures (migrations/0002_reviews.sql).
type (
	stageMeasure struct {
		Stage          string   `json:"stage"`
		Name           string   `json:"name"`
		KPIs           []kpi    `json:"kpis,omitempty"`
		AverageEmotion *float64 `json:"average_emotion,omitempty"`
		AverageScore   *float64 `json:"average_score,omitempty"`
	}
	touchpointMeasure struct {
		Touchpoint string   `json:"t"`
		Score      *float64 `json:"s,omitempty"`
		Responses  int      `json:"r,omitempty"`
		Listened   bool     `json:"l,omitempty"`
	}
)

func loadReviews(rs rows, journeys map[string]*model.Journey) error {
	ids := map[string]string{}
	return rs.each(`SELECT id, journey_id, date, note, stages, touchpoints
		FROM reviews ORDER BY journey_id, date, id`, func(r *sql.Rows) error {
		rv := &model.Review{}
		var jid string
		var stages, touchpoints []byte
		if err := r.Scan(&rv.ID, &jid, &rv.Date, &rv.Note, &stages, &touchpoints); err != nil {
			return err
		}
		j, err := journeyOf(journeys, rv.ID, "where.review", jid)
		if err != nil {
			return err
		}
		var ss []stageMeasure
		if err := json.Unmarshal(stages, &ss); err != nil {
			return bad("load.list", msg.T("where.review", rv.ID), "stages")
		}
		for _, s := range ss {
			m := model.StageMeasure{Stage: s.Stage, Name: s.Name, AverageEmotion: s.AverageEmotion,
				AverageScore: s.AverageScore}
			for _, k := range s.KPIs {
				m.KPIs = append(m.KPIs, model.KPI(k))
			}
			rv.Stages = append(rv.Stages, m)
		}
		ts, err := decodeTouchpointMeasures(touchpoints, ids)
		if err != nil {
			return bad("load.list", msg.T("where.review", rv.ID), "touchpoints")
		}
		if len(ts) > 0 {
			rv.Touchpoints = ts
		}
		j.Reviews = append(j.Reviews, rv)
		return nil
	})
}

func (w *writer) review(j *model.Journey, r *model.Review) error {
	ss := make([]stageMeasure, len(r.Stages))
	for i, s := range r.Stages {
		ss[i] = stageMeasure{Stage: s.Stage, Name: s.Name, AverageEmotion: s.AverageEmotion,
			AverageScore: s.AverageScore}
		for _, k := range s.KPIs {
			ss[i].KPIs = append(ss[i].KPIs, kpi(k))
		}
	}
	stages, err := json.Marshal(ss)
	if err != nil {
		return err
	}
	ts := make([]touchpointMeasure, len(r.Touchpoints))
	for i, t := range r.Touchpoints {
		ts[i] = touchpointMeasure(t)
	}
	touchpoints, err := json.Marshal(ts)
	if err != nil {
		return err
	}
	return w.exec(w.st.review, r.ID, j.ID, r.Date, r.Note, string(stages), string(touchpoints))
}
