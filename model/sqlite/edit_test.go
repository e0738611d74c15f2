package sqlite

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parcours/model"
)

// TestGenericEditsAreSavedAndUndone runs the kinds of change the inspector
// and the palette make through model.Edit and checks after each step that
// the file holds exactly what the editor shows.
func TestGenericEditsAreSavedAndUndone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.parcours")
	doc := livraison(t)
	st, err := Create(path, doc)
	if err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(doc, st)
	same := func(step string) {
		t.Helper()
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		var got *model.Document
		st, got, err = Open(path)
		if err != nil {
			t.Fatal(err)
		}
		ed.SetSaver(st)
		got.Modified = doc.Modified
		if !reflect.DeepEqual(normalised(got), normalised(doc)) {
			t.Fatalf("%s: the file differs from the editor", step)
		}
	}
	original := model.Clone(doc)
	steps := []struct {
		name   string
		change func(d *model.Document) error
	}{
		{"edit a touchpoint", func(d *model.Document) error {
			tp := d.Journeys[0].Touchpoint("t-panier")
			tp.Title, tp.Emotion, tp.Listened = "Choix du créneau 🕐", 1, true
			tp.Quotes = append(tp.Quotes, "« Enfin le soir ! »")
			return nil
		}},
		{"delete a stage and its touchpoints", func(d *model.Document) error {
			j := d.Journeys[0]
			j.Stages = j.Stages[1:]
			var keep []*model.Touchpoint
			for _, tp := range j.Touchpoints {
				if tp.Stage != "s-commande" {
					keep = append(keep, tp)
				}
			}
			j.Touchpoints = keep
			j.Opportunities = j.Opportunities[1:] // it pointed at t-panier
			return nil
		}},
		{"add a lane first", func(d *model.Document) error {
			j := d.Journeys[0]
			j.Lanes = append([]*model.Lane{{ID: "l-new", Name: "Partenaire", Color: "#000000", Leverage: true}}, j.Lanes...)
			return nil
		}},
		{"remove a journey", func(d *model.Document) error {
			d.Journeys = d.Journeys[:1]
			return nil
		}},
	}
	for _, s := range steps {
		if err := ed.Do(&model.Edit{Name: s.name, Change: s.change}); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		same(s.name)
	}
	for ed.CanUndo() {
		if err := ed.Undo(); err != nil {
			t.Fatal(err)
		}
		same("undo")
	}
	original.Modified = doc.Modified // every save stamps it
	if !reflect.DeepEqual(normalised(doc), normalised(original)) {
		t.Fatal("undoing everything did not give the original back")
	}
	for ed.CanRedo() {
		if err := ed.Redo(); err != nil {
			t.Fatal(err)
		}
		same("redo")
	}
	st.Close()
}

func TestInvalidEditIsRefusedAndNothingSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.parcours")
	doc := livraison(t)
	st, err := Create(path, doc)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before := sum(t, path)
	ed := model.NewEditor(doc, st)
	err = ed.Do(&model.Edit{Name: "bad score", Change: func(d *model.Document) error {
		s := 12.0
		d.Journeys[0].Touchpoint("t-panier").Score = &s
		return nil
	}})
	if err == nil {
		t.Fatal("a score of 12 was accepted")
	}
	if got := doc.Journeys[0].Touchpoint("t-panier").Score; got == nil || *got != 5.5 {
		t.Errorf("score in memory now %v", got)
	}
	if sum(t, path) != before || ed.CanUndo() {
		t.Error("a refused edit was saved or recorded")
	}
}

// normalised is the document as its JSON export: what a user can see of
// it, without nil-versus-empty differences.
func normalised(d *model.Document) string {
	var b strings.Builder
	if err := model.WriteJSON(&b, d); err != nil {
		return err.Error()
	}
	return b.String()
}
