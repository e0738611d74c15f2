package model_test

import (
	"errors"
	"fmt"
	"testing"

	"parcours/model"
)

func timeline(j *model.Journey) string {
	s := ""
	for _, t := range j.Touchpoints {
		s += fmt.Sprintf("%d:%s/%s/%s ", t.Order, t.ID, t.Stage, t.Lane)
	}
	return s
}

func TestMoveTouchpoint(t *testing.T) {
	cases := []struct {
		name               string
		id, stage, lane    string
		slot               int
		wantOrder          int
		wantChanged        int
		firstOfNextStageAt int
	}{
		{"to the end of its own stage", "t-panier", "s-commande", "l-site", 5, 2, 2, 3},
		{"first of the next stage", "t-panier", "s-suivi", "l-sav", 0, 2, 2, 5},
		{"between two cards of another stage", "t-panier", "s-suivi", "l-sav", 1, 3, 3, 5},
		{"last of the journey", "t-panier", "s-apres", "l-site", 99, 11, 11, 0},
		{"only the lane changes", "t-confirmation", "s-commande", "l-sav", 1, 2, 1, 3},
		{"backwards to the first slot", "t-rembourse", "s-commande", "l-crm", 0, 1, 11, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, d := readRef(t)
			j := d.Journeys[0]
			before := timeline(j)
			m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: c.id, Stage: c.stage, Lane: c.lane, Slot: c.slot}
			delta, err := m.Apply(d)
			if err != nil {
				t.Fatal(err)
			}
			tp := j.Touchpoint(c.id)
			if tp.Stage != c.stage || tp.Lane != c.lane || tp.Order != c.wantOrder {
				t.Errorf("now %s/%s order %d, want %s/%s order %d", tp.Stage, tp.Lane, tp.Order, c.stage, c.lane, c.wantOrder)
			}
			if len(delta.Changed) != c.wantChanged {
				t.Errorf("delta names %d touchpoints, want %d", len(delta.Changed), c.wantChanged)
			}
			// Orders stay 1..n, stage by stage.
			lastCol := 0
			for i, x := range j.Touchpoints {
				if x.Order != i+1 {
					t.Fatalf("order %d at position %d: %s", x.Order, i, timeline(j))
				}
				col := j.StageIndex(x.Stage)
				if col < lastCol {
					t.Fatalf("stage order broken: %s", timeline(j))
				}
				lastCol = col
			}
			if err := model.Validate(d); err != nil {
				t.Fatal(err)
			}
			if _, err := m.Undo(d); err != nil {
				t.Fatal(err)
			}
			if after := timeline(j); after != before {
				t.Errorf("undo gave\n%s\nwant\n%s", after, before)
			}
		})
	}
}

func TestMoveRefusesUnknownTargets(t *testing.T) {
	_, d := readRef(t)
	for _, m := range []*model.MoveTouchpoint{
		{Journey: "j-nope", Touchpoint: "t-panier", Stage: "s-suivi", Lane: "l-site"},
		{Journey: "j-actuel", Touchpoint: "t-nope", Stage: "s-suivi", Lane: "l-site"},
		{Journey: "j-actuel", Touchpoint: "t-panier", Stage: "cs-suivi", Lane: "l-site"},
		{Journey: "j-actuel", Touchpoint: "t-panier", Stage: "s-suivi", Lane: "cl-site"},
	} {
		before := timeline(d.Journeys[0])
		if _, err := m.Apply(d); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%+v: got %v", m, err)
		}
		if timeline(d.Journeys[0]) != before {
			t.Errorf("%+v changed the journey", m)
		}
	}
}

type failingSaver struct{ calls int }

func (f *failingSaver) Save(*model.Document, model.Delta) error {
	f.calls++
	return errors.New("disk full")
}

type recordingSaver struct{ deltas []model.Delta }

func (r *recordingSaver) Save(_ *model.Document, d model.Delta) error {
	r.deltas = append(r.deltas, d)
	return nil
}

func TestEditorRollsBackWhatItCouldNotSave(t *testing.T) {
	_, d := readRef(t)
	before := timeline(d.Journeys[0])
	fs := &failingSaver{}
	e := model.NewEditor(d, fs)
	err := e.Do(&model.MoveTouchpoint{Journey: "j-actuel", Touchpoint: "t-panier", Stage: "s-apres", Lane: "l-site", Slot: 9})
	if err == nil || fs.calls != 1 {
		t.Fatalf("err %v after %d saves", err, fs.calls)
	}
	if timeline(d.Journeys[0]) != before {
		t.Error("the unsaved move stayed in memory")
	}
	if e.CanUndo() {
		t.Error("an unsaved move went into the history")
	}
}

func TestEditorUndoRedo(t *testing.T) {
	_, d := readRef(t)
	rs := &recordingSaver{}
	e := model.NewEditor(d, rs)
	before := timeline(d.Journeys[0])
	if err := e.Undo(); !errors.Is(err, model.ErrNothing) {
		t.Errorf("undo on an empty history: %v", err)
	}
	if err := e.Do(&model.MoveTouchpoint{Journey: "j-actuel", Touchpoint: "t-panier", Stage: "s-apres", Lane: "l-site", Slot: 9}); err != nil {
		t.Fatal(err)
	}
	moved := timeline(d.Journeys[0])
	if e.UndoLabel() == "" || e.CanRedo() {
		t.Errorf("label %q, can redo %v", e.UndoLabel(), e.CanRedo())
	}
	if err := e.Undo(); err != nil {
		t.Fatal(err)
	}
	if timeline(d.Journeys[0]) != before {
		t.Error("undo did not restore the journey")
	}
	if err := e.Redo(); err != nil {
		t.Fatal(err)
	}
	if timeline(d.Journeys[0]) != moved {
		t.Error("redo did not move again")
	}
	if len(rs.deltas) != 3 {
		t.Errorf("%d saves for do, undo, redo", len(rs.deltas))
	}
	for _, dl := range rs.deltas {
		if len(dl.Changed) != 11 {
			t.Errorf("a move of the first card to the end changes all 11 orders, delta has %d", len(dl.Changed))
		}
	}
}
