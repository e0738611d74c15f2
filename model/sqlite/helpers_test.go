package sqlite

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

// TestMain runs the tests, or, when a test started this binary as the
// other process it needs, that process.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	if path := os.Getenv("PARCOURS_TEST_HOLD"); path != "" {
		holdOpen(path)
	}
	if path := os.Getenv("PARCOURS_TEST_CRASH"); path != "" {
		crashMidTransaction(path)
	}
	os.Exit(m.Run())
}

func livraison(t testing.TB) *model.Document { return modeltest.Reference(t) }

// generated builds a deterministic document: one persona, one journey of 6
// stages × 8 lanes holding n touchpoints in timeline order, and a few
// opportunities. It has the shape Load gives back (nil empty lists, empty
// Quotes and Opportunity.Touchpoints slices).
func generated(n int) *model.Document {
	d := &model.Document{Title: "Parcours généré", Language: "fr"}
	d.Personas = []*model.Persona{{ID: "p-1", Name: "Claire", Job: "Cheffe de projet", Age: "30-39",
		Channels: []model.Channel{model.ChannelSMS, model.ChannelApp}, Quote: "« Vite. »"}}
	j := &model.Journey{ID: "j-1", Title: "Recevoir ma commande", Persona: "p-1",
		Objective: "Moins d'appels", State: model.Current, TargetScore: 7}
	d.Journeys = []*model.Journey{j}
	for s := range 6 {
		j.Stages = append(j.Stages, &model.Stage{ID: fmt.Sprintf("s-%d", s), Name: fmt.Sprintf("Étape %d", s+1),
			CustomerGoals: "Savoir quand ça arrive", BusinessGoals: "Moins d'appels",
			KPIs: []model.KPI{{Name: "NPS", Value: "32", Target: "40"}}})
	}
	for l := range 8 {
		j.Lanes = append(j.Lanes, &model.Lane{ID: fmt.Sprintf("l-%d", l), Name: fmt.Sprintf("Service %d", l+1),
			Owned: l%3 != 2, Leverage: l%3 == 2 && l%2 == 0, Color: fmt.Sprintf("#%02x80%02x", l*30, 255-l*30)})
	}
	for i := range n {
		t := &model.Touchpoint{ID: fmt.Sprintf("t-%04d", i), Stage: fmt.Sprintf("s-%d", i*6/n),
			Lane: fmt.Sprintf("l-%d", i%8), Order: i + 1, Title: fmt.Sprintf("Point de contact n° %d", i+1),
			Channel:     model.Channels[i%len(model.Channels)],
			Description: "Le client reçoit une notification et consulte la page de suivi de sa commande.",
			Emotion:     i%5 - 2, Listened: i%4 == 0, Quotes: []string{}}
		if i%3 == 0 {
			v := float64(i%11) * 0.9
			t.Score, t.Responses = &v, i%17+1
		}
		if i%7 == 0 {
			t.Markers = model.MarkersOf(model.MarkerPain, model.MarkerTruth)
		}
		if i%5 == 0 {
			t.Quotes = []string{"« Je ne sais jamais quand il passe. »"}
		}
		j.Touchpoints = append(j.Touchpoints, t)
	}
	for o := range min(10, n/3) {
		j.Opportunities = append(j.Opportunities, &model.Opportunity{ID: fmt.Sprintf("o-%d", o),
			Title: "Créneau de deux heures", Kind: model.OpportunityKinds[o%4],
			Touchpoints: []string{j.Touchpoints[3*o+2].ID, j.Touchpoints[3*o].ID},
			Impact:      o%5 + 1, Effort: (o+2)%5 + 1, Owner: "Logistique", Status: model.Proposed})
	}
	return d
}

func TestGeneratedIsValid(t *testing.T) {
	for _, n := range []int{12, 1000} {
		if err := model.Validate(generated(n)); err != nil {
			t.Fatalf("generated(%d): %v", n, err)
		}
	}
}

func sum(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// names lists a folder, to see that nothing was left beside a document.
func names(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	slices.Sort(out)
	return out
}

// untouched remembers a file and its folder, and checks later that neither
// changed: same bytes, no file added or removed beside it.
type untouched struct {
	path, sum string
	dir       []string
}

func remember(t testing.TB, path string) untouched {
	return untouched{path, sum(t, path), names(t, filepath.Dir(path))}
}

func (u untouched) check(t testing.TB) {
	t.Helper()
	if got := sum(t, u.path); got != u.sum {
		t.Errorf("%s changed on disk", u.path)
	}
	if got := names(t, filepath.Dir(u.path)); !slices.Equal(got, u.dir) {
		t.Errorf("folder changed: %v, was %v", got, u.dir)
	}
}

// create makes a document file from d and closes it.
func create(t testing.TB, path string, d *model.Document) {
	t.Helper()
	s, err := Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func mustOpen(t testing.TB, path string) (*Store, *model.Document) {
	t.Helper()
	s, d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, d
}

// fakeWritable makes every file look read-only for the reason given, for
// the test's duration (root ignores permission bits).
func fakeWritable(t *testing.T, ok bool, why string) {
	old := writable
	writable = func(string) (bool, string) { return ok, why }
	t.Cleanup(func() { writable = old })
}

// numbered is d as opening its file gives it back: the file keeps each
// journey's timeline, and opening numbers it 1..n (a document edited by
// hand, not through commands, may have gaps in its orders).
func numbered(d *model.Document) *model.Document {
	if !slices.ContainsFunc(d.Journeys, gaps) {
		return d // model.Clone would make empty lists nil
	}
	c := model.Clone(d)
	for _, j := range c.Journeys {
		j.Touchpoints = slices.SortedStableFunc(slices.Values(j.Touchpoints),
			func(a, b *model.Touchpoint) int { return a.Order - b.Order })
		for i, t := range j.Touchpoints {
			t.Order = i + 1
		}
	}
	return c
}

func gaps(j *model.Journey) bool {
	return slices.ContainsFunc(j.Touchpoints, func(t *model.Touchpoint) bool {
		return t.Order < 1 || t.Order > len(j.Touchpoints) || j.Touchpoints[t.Order-1] != t
	})
}
