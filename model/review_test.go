package model_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"parcours/model"
)

func TestNumberReadsKPITexts(t *testing.T) {
	for text, want := range map[string]float64{
		"3,1 %": 3.1, "18 000 / mois": 18000, "+12": 12, "−4,5 pts": -4.5, "-2": -2,
		"1,234.5": 1234.5, "1.234,5": 1234.5, "≥ 90 %": 90, "2 j": 2, "1 000 000": 1e6,
		"12\u202f500 €": 12500, "0.25": 0.25, "NPS 40": 40,
	} {
		got, ok := model.Number(text)
		if !ok || got != want {
			t.Errorf("Number(%q) = %v, %v; want %v", text, got, ok, want)
		}
	}
	for _, text := range []string{"", "élevé", "n/a", "—"} {
		if v, ok := model.Number(text); ok {
			t.Errorf("Number(%q) = %v, want no number", text, v)
		}
	}
}

func TestDirectionOfATarget(t *testing.T) {
	for _, c := range []struct {
		target        string
		prev, target0 float64
		want          int
	}{
		{"≥ 90 %", 95, 90, 1}, {"< 2 j", 1, 2, -1}, {"max 3", 5, 3, -1}, {"min 40", 10, 40, 1},
		{"3,5 %", 3.1, 3.5, 1}, {"9 000 / mois", 18000, 9000, -1}, {"30", 30, 30, 0},
	} {
		if got := model.Direction(c.target, c.prev, c.target0); got != c.want {
			t.Errorf("Direction(%q, %v) = %d, want %d", c.target, c.prev, got, c.want)
		}
	}
}

func score(v float64) *float64 { return &v }

func sampleReview(id, date string) *model.Review {
	return &model.Review{ID: id, Date: date, Note: "Revue « T3 »",
		Stages: []model.StageMeasure{{Stage: "s-gone", Name: "Achat", KPIs: []model.KPI{{Name: "NPS", Value: "+12", Target: "+30"}},
			AverageEmotion: score(-0.5), AverageScore: score(6.25)}, {Stage: "s-empty", Name: "Vide"}},
		Touchpoints: []model.TouchpointMeasure{{Touchpoint: "t-gone", Score: score(7.5), Responses: 12, Listened: true},
			{Touchpoint: "t-unmeasured"}}}
}

func TestReviewsRoundTripThroughJSON(t *testing.T) {
	_, d := readRef(t)
	j := d.Journeys[0]
	// Listed out of date order: import puts them in order.
	j.Reviews = []*model.Review{sampleReview("r-2", "2026-09-30"), sampleReview("r-1", "2026-06-30")}
	var first bytes.Buffer
	if err := model.WriteJSON(&first, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first.String(), `"reviews": [`) || !strings.Contains(first.String(), `"touchpoint": "t-unmeasured",`+"\n") {
		t.Fatalf("reviews not written as expected:\n%s", first.String())
	}
	back, err := model.ReadJSON(bytes.NewReader(first.Bytes()), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	rs := back.Journeys[0].Reviews
	if len(rs) != 2 || rs[0].ID != "r-2" && rs[0].Date != "2026-06-30" {
		t.Fatalf("reviews read back: %+v", rs)
	}
	if rs[0].Date != "2026-06-30" || rs[1].Date != "2026-09-30" {
		t.Fatalf("reviews not in date order: %s, %s", rs[0].Date, rs[1].Date)
	}
	m := rs[1].Touchpoints[0]
	if m.Touchpoint != "t-gone" || *m.Score != 7.5 || m.Responses != 12 || !m.Listened || rs[1].Touchpoints[1].Score != nil {
		t.Fatalf("touchpoint measures: %+v", rs[1].Touchpoints)
	}
	if s := rs[1].Stages[1]; s.AverageEmotion != nil || s.AverageScore != nil || s.KPIs != nil {
		t.Fatalf("an empty stage measure came back as %+v", s)
	}
	var second bytes.Buffer
	if err := model.WriteJSON(&second, back); err != nil {
		t.Fatal(err)
	}
	// The first export listed them out of order; sorted, it is stable.
	var third bytes.Buffer
	again, _ := model.ReadJSON(bytes.NewReader(second.Bytes()), "y.json")
	if err := model.WriteJSON(&third, again); err != nil {
		t.Fatal(err)
	}
	if second.String() != third.String() {
		t.Fatal("an export of an import of an export with reviews differs")
	}
}

func TestBadReviewsAreRefused(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(j *model.Journey)
		words string
	}{
		{"bad date", func(j *model.Journey) { j.Reviews = []*model.Review{sampleReview("r-1", "2026-02-30")} }, `review r-1: date "2026-02-30" is not a date written YYYY-MM-DD`},
		{"same day", func(j *model.Journey) {
			j.Reviews = []*model.Review{sampleReview("r-1", "2026-06-30"), sampleReview("r-2", "2026-06-30")}
		}, `reviews "r-1" and "r-2" are both dated 2026-06-30`},
		{"duplicate id", func(j *model.Journey) { j.Reviews = []*model.Review{sampleReview(j.Stages[0].ID, "2026-06-30")} }, "duplicate id"},
		{"score out of range", func(j *model.Journey) {
			r := sampleReview("r-1", "2026-06-30")
			r.Touchpoints[0].Score = score(11)
			j.Reviews = []*model.Review{r}
		}, "review r-1: score is 11"},
		{"touchpoint twice", func(j *model.Journey) {
			r := sampleReview("r-1", "2026-06-30")
			r.Touchpoints[1].Touchpoint = "t-gone"
			j.Reviews = []*model.Review{r}
		}, `touchpoints "t-gone" is listed twice`},
	} {
		_, d := readRef(t)
		c.edit(d.Journeys[0])
		err := model.Validate(d)
		if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), c.words) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.words)
		}
	}
	// An unknown key inside a review names it.
	_, d := readRef(t)
	d.Journeys[0].Reviews = []*model.Review{sampleReview("r-1", "2026-06-30")}
	var b bytes.Buffer
	_ = model.WriteJSON(&b, d)
	bad := strings.Replace(b.String(), `"date": "2026-06-30"`, `"date": "2026-06-30", "mood": 1`, 1)
	if _, err := model.ReadJSON(strings.NewReader(bad), "x.json"); err == nil || !strings.Contains(err.Error(), `review r-1: unknown key "mood"`) {
		t.Fatalf("unknown key: %v", err)
	}
}

func TestReviewEditsUndo(t *testing.T) {
	_, d := readRef(t)
	j := d.Journeys[0]
	e := model.NewEditor(d, nil)
	if err := e.Do(model.AddReview(j.ID, sampleReview("r-b", "2026-09-30"))); err != nil {
		t.Fatal(err)
	}
	if err := e.Do(model.AddReview(j.ID, sampleReview("r-a", "2026-06-30"))); err != nil {
		t.Fatal(err)
	}
	j = d.Journey(j.ID)
	if len(j.Reviews) != 2 || j.Reviews[0].ID != "r-a" {
		t.Fatalf("added out of date order: %v", j.Reviews)
	}
	if err := e.Do(model.AddReview(j.ID, sampleReview("r-c", "2026-09-30"))); err == nil || !strings.Contains(err.Error(), "both dated 2026-09-30") {
		t.Fatalf("a second review the same day: %v", err)
	}
	if err := e.Do(model.RenameReview(j.ID, "r-b", "Revue de rentrée")); err != nil {
		t.Fatal(err)
	}
	if got := d.Journey(j.ID).Review("r-b").Label(); got != "2026-09-30 — Revue de rentrée" {
		t.Fatalf("renamed: %q", got)
	}
	if err := e.Do(model.DeleteReview(j.ID, "r-a")); err != nil {
		t.Fatal(err)
	}
	if err := e.Do(model.DeleteReview(j.ID, "r-a")); err == nil || !strings.Contains(err.Error(), `no review "r-a"`) {
		t.Fatalf("deleting twice: %v", err)
	}
	if d.Journey(j.ID).Review("r-a") != nil {
		t.Fatal("not deleted")
	}
	if err := e.Undo(); err != nil { // delete
		t.Fatal(err)
	}
	if d.Journey(j.ID).Review("r-a") == nil {
		t.Fatal("delete not undone")
	}
	if err := e.Undo(); err != nil { // rename
		t.Fatal(err)
	}
	if got := d.Journey(j.ID).Review("r-b").Note; got != "Revue « T3 »" {
		t.Fatalf("rename not undone: %q", got)
	}
	if err := e.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := d.Journey(j.ID).Review("r-b").Note; got != "Revue de rentrée" {
		t.Fatalf("rename not redone: %q", got)
	}
}

func TestDeltaOfAReviewEdit(t *testing.T) {
	_, d := readRef(t)
	j := d.Journeys[0]
	before := model.Clone(d)
	j.AddReview(sampleReview("r-1", "2026-06-30"))
	delta := model.Diff(before, d)
	if len(delta.Changed) != 1 || delta.Changed[0] != (model.Ref{Kind: model.KindReview, Journey: j.ID, ID: "r-1"}) {
		t.Fatalf("adding a review: %+v", delta)
	}
	// A clone shares the measures but not the review: renaming the copy
	// leaves the original as it was, and nothing else is seen as changed.
	c := model.Clone(d)
	c.Journeys[0].Reviews[0].Note = "autre"
	if d.Journeys[0].Reviews[0].Note == "autre" {
		t.Fatal("the clone's review is the original's")
	}
	delta = model.Diff(d, c)
	if len(delta.Changed) != 1 || len(delta.Removed) != 0 {
		t.Fatalf("renaming: %+v", delta)
	}
}

func TestDuplicateLeavesReviewsBehind(t *testing.T) {
	_, d := readRef(t)
	d.Journeys[0].AddReview(sampleReview("r-1", "2026-06-30"))
	c := d.Duplicate(d.Journeys[0].ID, "Cible")
	if len(c.Reviews) != 0 || len(d.Journeys[0].Reviews) != 1 {
		t.Fatal("a target copy took the reviews of its source")
	}
	if err := model.Validate(d); err != nil {
		t.Fatal(err)
	}
}
