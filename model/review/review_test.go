package review_test

import (
	"testing"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
	"parcours/model/review"
)

func f(v float64) *float64 { return &v }

func journey() *model.Journey {
	j := &model.Journey{ID: "j", Title: "J", State: model.Current, TargetScore: 7,
		Stages: []*model.Stage{{ID: "s-1", Name: "Achat", KPIs: []model.KPI{{Name: "NPS", Value: "+20", Target: "+30"}}}},
		Lanes:  []*model.Lane{{ID: "l", Name: "L", Owned: true, Color: "#112233"}},
		Touchpoints: []*model.Touchpoint{{ID: "t-1", Stage: "s-1", Lane: "l", Order: 1, Title: "Panier", Score: f(6), Responses: 10},
			{ID: "t-2", Stage: "s-1", Lane: "l", Order: 2, Title: "Paiement"}}}
	return j
}

func TestTableFollowsMeasuresAcrossDeletions(t *testing.T) {
	j := journey()
	j.AddReview(insight.TakeReview(j, "r-1", "2026-03-31", ""))
	j.Stages[0].KPIs[0].Value = "+12"
	j.Touchpoints[0].Score = f(4)
	j.DeleteTouchpoints("t-2")
	j.AddReview(insight.TakeReview(j, "r-2", "2026-06-30", ""))
	tab := review.Of(j)
	var rows []string
	for _, r := range tab.Rows {
		rows = append(rows, string(r.Measure)+":"+r.Stage+r.Touchpoint+":"+r.Name)
	}
	want := []string{"kpi:s-1:NPS", "average_emotion:s-1:Achat", "average_score:s-1:Achat",
		"score:t-1:Panier", "responses:t-1:Panier", "listened:t-1:Panier",
		"score:t-2:t-2", "responses:t-2:t-2", "listened:t-2:t-2"}
	if len(rows) != len(want) {
		t.Fatalf("rows %v", rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Fatalf("row %d is %s, want %s", i, rows[i], want[i])
		}
	}
	if v := tab.Rows[0].Values; v[0] != "+20" || v[1] != "+12" {
		t.Fatalf("KPI values %v", v)
	}
	if v := tab.Rows[3].Values; v[0] != 6.0 || v[1] != 4.0 {
		t.Fatalf("scores %v", v)
	}
	if v := tab.Rows[6].Values; v[0] != nil || v[1] != nil {
		t.Fatalf("an unmeasured, then deleted touchpoint: %v", v)
	}
	if v := tab.Rows[7].Values; v[0] != 0 || v[1] != nil {
		t.Fatalf("responses of a deleted touchpoint: %v", v)
	}
	if ps := review.KPITrend(j, "s-1", "NPS"); len(ps) != 2 || ps[1] != (review.Point{Date: "2026-06-30", Value: 12}) {
		t.Fatalf("KPI trend %v", ps)
	}
	if ps := review.AverageTrend(j, "s-1", true); len(ps) != 2 || ps[0].Value != 6 || ps[1].Value != 4 {
		t.Fatalf("score trend %v", ps)
	}
}

func TestLastChangeInWords(t *testing.T) {
	msg.SetLanguage(msg.English)
	defer msg.SetLanguage(msg.FromEnvironment())
	p := func(vs ...float64) []review.Point {
		var out []review.Point
		for i, v := range vs {
			out = append(out, review.Point{Date: []string{"2026-03-31", "2026-06-30", "2026-09-30"}[i], Value: v})
		}
		return out
	}
	for _, c := range []struct {
		ps       []review.Point
		relative bool
		want     string
	}{
		{p(25, 22), true, "−12 % since 2026-03-31"},
		{p(3, 25, 30), true, "+20 % since 2026-06-30"},
		{p(-0.5, 0.25), false, "+0.75 since 2026-03-31"},
		{p(2, -1), true, "−3 since 2026-03-31"}, // changed sign: a percentage means nothing
		{p(7, 7), true, "no change since 2026-03-31"},
		{p(7), true, ""},
	} {
		if got := review.LastChange(c.ps, c.relative); got != c.want {
			t.Errorf("%v: %q, want %q", c.ps, got, c.want)
		}
	}
	msg.SetLanguage(msg.French)
	if got := review.LastChange(p(0.5, 0.25), false); got != "−0,25 depuis le 2026-03-31" {
		t.Errorf("French: %q", got)
	}
}
