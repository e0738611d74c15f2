package sqlite

import (
	"bytes"
	"path/filepath"
	"testing"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/modeltest"
)

func jsonOf(t testing.TB, d *model.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestReviewsAreSavedAndLoaded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.parcours")
	d := livraison(t)
	d.Journeys[0].AddReview(insight.TakeReview(d.Journeys[0], "r-old", "2026-03-31", "Revue T1"))
	create(t, path, d)
	s, got := mustOpen(t, path)
	if jsonOf(t, got) != jsonOf(t, d) {
		t.Fatal("a document created with a review loads differently")
	}
	j := got.Journeys[0]
	e := model.NewEditor(got, s)
	steps := []model.Command{
		model.AddReview(j.ID, insight.TakeReview(j, "r-new", "2026-06-30", "Revue T2")),
		model.RenameReview(j.ID, "r-old", "Revue de printemps"),
		model.DeleteReview(j.ID, "r-new"),
	}
	for _, c := range steps {
		if err := e.Do(c); err != nil {
			t.Fatal(err)
		}
		s2, again, err := OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		if jsonOf(t, again) != jsonOf(t, got) {
			t.Fatalf("after %q the file holds another document", c.Label())
		}
		s2.Close()
	}
	if err := e.Undo(); err != nil {
		t.Fatal(err)
	}
	_, again, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if r := again.Journeys[0].Review("r-new"); r == nil || len(r.Touchpoints) != len(j.Touchpoints) {
		t.Fatal("undoing the delete did not bring the review back whole")
	}
}

// A version-1 document (before reviews) is read as it is when opened
// read-only, and migrated when opened for writing.
func TestVersionOneDocument(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.parcours")
	create(t, path, livraison(t))
	plain(t, path, "DROP TABLE reviews", "PRAGMA user_version=1")
	u := remember(t, path)
	s, d, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("a version-1 document cannot be read: %v", err)
	}
	s.Close()
	u.check(t)
	if jsonOf(t, d) != jsonOf(t, livraison(t)) {
		t.Fatal("a version-1 document reads differently")
	}
	s, d = mustOpen(t, path)
	if err := model.NewEditor(d, s).Do(model.AddReview(d.Journeys[0].ID,
		insight.TakeReview(d.Journeys[0], "r-1", "2026-09-30", ""))); err != nil {
		t.Fatalf("a migrated document cannot take a review: %v", err)
	}
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion {
		t.Fatalf("user_version %d (%v), want %d", version, err, SchemaVersion)
	}
}

// Measures written by other means (spaces, escapes) are read all the same.
func TestTouchpointMeasuresInAnyJSONForm(t *testing.T) {
	for _, text := range []string{
		`[{"t":"t-1","s":7.5,"r":12,"l":true},{"t":"t-2"}]`,
		`[ {"l": true, "r": 12, "s": 7.5, "t": "t-1"}, {"t": "t-2", "l": false} ]`,
		`[{"t":"t\u002d1","s":7.5,"r":12,"l":true},{"t":"t-2","s":null}]`,
	} {
		got, err := decodeTouchpointMeasures([]byte(text), map[string]string{})
		if err != nil || len(got) != 2 || got[0].Touchpoint != "t-1" || *got[0].Score != 7.5 ||
			got[0].Responses != 12 || !got[0].Listened || got[1].Touchpoint != "t-2" || got[1].Score != nil {
			t.Errorf("%s: %+v, %v", text, got, err)
		}
	}
	for _, text := range []string{`{}`, `[{"t":1}]`, `[`, `[{"t":"x"},]`} {
		if _, err := decodeTouchpointMeasures([]byte(text), map[string]string{}); err == nil {
			t.Errorf("%s accepted", text)
		}
	}
}

func TestGeneratedReviewsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.parcours")
	d := modeltest.WithReviews(generated(200), 8)
	create(t, path, d)
	_, got := mustOpen(t, path)
	if jsonOf(t, got) != jsonOf(t, d) {
		t.Fatal("generated reviews load differently")
	}
}
