package insight_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/modeltest"
)

func TestTakeReviewKeepsTheMeasures(t *testing.T) {
	d := modeltest.Reference(t)
	j := d.Journeys[0]
	r := insight.TakeReview(j, "", "2026-09-30", "T3")
	if !strings.HasPrefix(r.ID, "r-") || r.Date != "2026-09-30" || r.Note != "T3" {
		t.Fatalf("review %+v", r)
	}
	rep := insight.Analyze(j)
	if len(r.Stages) != len(j.Stages) {
		t.Fatalf("%d stage measures for %d stages", len(r.Stages), len(j.Stages))
	}
	for i, s := range j.Stages {
		m := r.Stages[i]
		if m.Stage != s.ID || m.Name != s.Name || len(m.KPIs) != len(s.KPIs) {
			t.Fatalf("stage %s measured as %+v", s.ID, m)
		}
		if !same(m.AverageScore, rep.Stages[i].AverageScore) || !same(m.AverageEmotion, rep.Stages[i].AverageEmotion) {
			t.Fatalf("stage %s averages differ from the insights", s.ID)
		}
	}
	tl := model.TimelineOf(j)
	if len(r.Touchpoints) != len(tl) {
		t.Fatal("not every touchpoint measured")
	}
	for i, tp := range tl {
		m := r.Touchpoints[i]
		if m.Touchpoint != tp.ID || !same(m.Score, tp.Score) || m.Responses != tp.Responses || m.Listened != tp.Listened {
			t.Fatalf("touchpoint %s measured as %+v", tp.ID, m)
		}
	}
	// The snapshot does not follow later edits.
	if len(j.Stages[0].KPIs) > 0 {
		j.Stages[0].KPIs[0].Value = "changed"
		if r.Stages[0].KPIs[0].Value == "changed" {
			t.Fatal("the review shares its KPIs with the journey")
		}
	}
	if err := model.Validate(&model.Document{Language: "fr", Journeys: []*model.Journey{{ID: "j", State: model.Current,
		Reviews: []*model.Review{r}}}}); err != nil {
		t.Fatalf("a review taken is invalid: %v", err)
	}
}

func same(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// reviewed is a journey of one stage with the KPI values given, one review
// per value, dated a quarter apart.
func reviewed(target string, values ...string) *model.Journey {
	j := journey(tp("t-1", 0))
	for i, v := range values {
		j.Stages[0].KPIs = []model.KPI{{Name: "NPS", Value: v, Target: target}, {Name: "Words", Value: "good", Target: "better"}}
		j.AddReview(insight.TakeReview(j, "r-"+v, []string{"2026-03-31", "2026-06-30", "2026-09-30"}[i], ""))
	}
	return j
}

func TestKPIMovingAwayFromItsTargetFlagsTheStage(t *testing.T) {
	for _, c := range []struct {
		target, before, now string
		flagged             bool
	}{
		{"+30", "+20", "+12", true},                       // fell, away from a higher target
		{"+30", "+12", "+20", false},                      // rose toward it
		{"9 000 / mois", "12 000", "18 000 / mois", true}, // rose, away from a lower target
		{"9 000 / mois", "18 000", "12 000", false},
		{"3,5 %", "3,1 %", "3,9 %", false}, // passed the target: met, not away
		{"≥ 90 %", "95 %", "92 %", false},  // fell but still meets "at least"
		{"≥ 90 %", "92 %", "85 %", true},
		{"< 2 j", "1 j", "3 j", true},
		{"30", "30", "28", true}, // on target, then off it
		{"+30", "n/a", "+12", false},
		{"+30", "+12", "+12", false},
	} {
		j := reviewed(c.target, c.before, c.now)
		ds := insight.Drifts(j)
		if c.flagged != (len(ds) == 1) {
			t.Errorf("%s → %s (target %s): drifts %+v", c.before, c.now, c.target, ds)
			continue
		}
		if c.flagged {
			want := insight.Drift{Stage: "s-1", KPI: "NPS", Previous: c.before, Value: c.now, Target: c.target,
				Since: "2026-03-31", Date: "2026-06-30"}
			if ds[0] != want {
				t.Errorf("drift %+v, want %+v", ds[0], want)
			}
		}
	}
	// Only the last two reviews count.
	if ds := insight.Drifts(reviewed("+30", "+20", "+12", "+15")); len(ds) != 0 {
		t.Errorf("recovered since: %+v", ds)
	}
	if ds := insight.Drifts(reviewed("+30", "+12")); len(ds) != 0 {
		t.Errorf("one review: %+v", ds)
	}
}

func TestInsightsReportDriftsAsAnOptionalKey(t *testing.T) {
	plain := journey(tp("t-1", 0))
	b, _ := json.Marshal(insight.Analyze(plain))
	if strings.Contains(string(b), "review_stages") {
		t.Fatalf("the key is written without reviews: %s", b)
	}
	j := reviewed("+30", "+20", "+12")
	b, _ = json.Marshal(insight.Analyze(j))
	want := `,"review_stages":[{"stage":"s-1","kpi":"NPS","previous":"+20","value":"+12","target":"+30","since":"2026-03-31","date":"2026-06-30"}]}`
	if !strings.HasSuffix(string(b), want) {
		t.Fatalf("json %s\nwant it to end with %s", b, want)
	}
	var text bytes.Buffer
	if err := insight.WriteText(&text, j, insight.Analyze(j)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "Review these stages, a KPI moved away from its target since the previous review: 1\n  - Stage one [s-1] — NPS: +20 → +12 (target +30) since 2026-03-31\n") {
		t.Fatalf("text:\n%s", text.String())
	}
}
