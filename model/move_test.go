package model_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"math/rand/v2"
	"slices"

	"parcours/model"
	"parcours/model/modeltest"
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
		wantRenumbered     int // touchpoints whose cell or order changes
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
			was := placed(j)
			m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: c.id, Stage: c.stage, Lane: c.lane, Slot: c.slot}
			delta, err := m.Apply(d)
			if err != nil {
				t.Fatal(err)
			}
			tp := j.Touchpoint(c.id)
			if tp.Stage != c.stage || tp.Lane != c.lane || tp.Order != c.wantOrder {
				t.Errorf("now %s/%s order %d, want %s/%s order %d", tp.Stage, tp.Lane, tp.Order, c.stage, c.lane, c.wantOrder)
			}
			if n := len(differences(was, j)); n != c.wantRenumbered {
				t.Errorf("%d touchpoints changed, want %d", n, c.wantRenumbered)
			}
			checkDelta(t, was, j, delta, c.id)
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
			moved := placed(j)
			undo, err := m.Undo(d)
			if err != nil {
				t.Fatal(err)
			}
			checkDelta(t, moved, j, undo, c.id)
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
	// The first card to the end: the ten others go down by one, back up
	// on undo, down again on redo.
	want := []model.Delta{
		{Changed: []model.Ref{{Kind: model.KindTouchpoint, Journey: "j-actuel", ID: "t-panier"}},
			Shifts: []model.Shift{{Journey: "j-actuel", From: 2, To: 11, By: -1}}},
		{Changed: []model.Ref{{Kind: model.KindTouchpoint, Journey: "j-actuel", ID: "t-panier"}},
			Shifts: []model.Shift{{Journey: "j-actuel", From: 1, To: 10, By: 1}}},
	}
	want = append(want, want[0])
	if !reflect.DeepEqual(rs.deltas, want) {
		t.Errorf("deltas of do, undo, redo:\n%+v\nwant\n%+v", rs.deltas, want)
	}
}

// where is a touchpoint's cell and order.
type where struct {
	stage, lane string
	order       int
}

func placed(j *model.Journey) map[string]where {
	m := make(map[string]where, len(j.Touchpoints))
	for _, t := range j.Touchpoints {
		m[t.ID] = where{t.Stage, t.Lane, t.Order}
	}
	return m
}

// differences lists the touchpoints whose cell or order is not what was.
func differences(was map[string]where, j *model.Journey) []string {
	var out []string
	for _, t := range j.Touchpoints {
		if was[t.ID] != (where{t.Stage, t.Lane, t.Order}) {
			out = append(out, t.ID)
		}
	}
	return out
}

// checkDelta replays a move's delta as a store does on the placements the
// file held (was): the shifts in turn, each on the orders the previous ones
// left, then the touchpoints Changed names written as they are. The result
// must be the journey as it is now; Changed must name exactly the cards
// moved, and the shifts must not overlap.
func checkDelta(t *testing.T, was map[string]where, j *model.Journey, delta model.Delta, moved ...string) {
	t.Helper()
	file := make(map[string]where, len(was))
	for id, w := range was {
		file[id] = w
	}
	for _, s := range delta.Shifts {
		if s.Journey != j.ID || s.From > s.To || s.By == 0 {
			t.Errorf("shift %+v", s)
		}
		for id, w := range file {
			if w.order >= s.From && w.order <= s.To {
				w.order += s.By
				file[id] = w
			}
		}
	}
	var changed []string
	for _, r := range delta.Changed {
		if r.Kind != model.KindTouchpoint || r.Journey != j.ID {
			t.Errorf("changed %+v", r)
		}
		changed = append(changed, r.ID)
		tp := j.Touchpoint(r.ID)
		file[r.ID] = where{tp.Stage, tp.Lane, tp.Order}
	}
	slices.Sort(changed)
	moved = slices.Clone(moved)
	slices.Sort(moved)
	if !slices.Equal(changed, moved) {
		t.Errorf("delta names %v, want the cards moved %v", changed, moved)
	}
	if len(delta.Removed) != 0 {
		t.Errorf("a move removes %v", delta.Removed)
	}
	if len(file) != len(j.Touchpoints) {
		t.Fatalf("%d touchpoints replayed, %d in the journey", len(file), len(j.Touchpoints))
	}
	if wrong := differences(file, j); len(wrong) > 0 {
		t.Errorf("replaying the delta leaves %d touchpoints wrong, first %s: %+v, now %+v",
			len(wrong), wrong[0], file[wrong[0]], placed(j)[wrong[0]])
	}
}

// TestMovesReplay drives random moves of one card and of groups, with undo
// and redo, on a 600-touchpoint journey: every delta replayed on what the
// file held gives the journey as it is, and undoing everything restores
// the journey exactly.
func TestMovesReplay(t *testing.T) {
	d := modeltest.Generated(600, 6, 8)
	j := d.Journeys[0]
	start := timeline(j)
	rec := &recordingSaver{}
	e := model.NewEditor(d, rec)
	rng := rand.New(rand.NewPCG(3, 4))
	file := placed(j)
	step := func(what string, f func() error) {
		t.Helper()
		n := len(rec.deltas)
		if err := f(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if len(rec.deltas) == n {
			return
		}
		delta := rec.deltas[n]
		var moved []string
		for _, r := range delta.Changed {
			moved = append(moved, r.ID)
		}
		checkDelta(t, file, j, delta, moved...)
		if err := model.Validate(d); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		file = placed(j)
	}
	done := 0
	for i := range 300 {
		switch k := rng.IntN(10); {
		case k < 4:
			tp := j.Touchpoints[rng.IntN(len(j.Touchpoints))]
			was := where{tp.Stage, tp.Lane, tp.Order}
			m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: tp.ID, Stage: j.Stages[rng.IntN(6)].ID,
				Lane: j.Lanes[rng.IntN(8)].ID, Slot: rng.IntN(120)}
			step(fmt.Sprintf("move %d", i), func() error { return e.Do(m) })
			if tp.Stage != m.Stage || tp.Lane != m.Lane {
				t.Fatalf("move %d: %s is in %s/%s, was %+v", i, tp.ID, tp.Stage, tp.Lane, was)
			}
			done++
		case k < 7:
			m := &model.MoveTouchpoints{Name: "group", Journey: j.ID, Stage: j.Stages[rng.IntN(6)].ID, Slot: rng.IntN(120)}
			for range 1 + rng.IntN(12) {
				m.Touchpoints = append(m.Touchpoints, j.Touchpoints[rng.IntN(len(j.Touchpoints))].ID)
				m.Lanes = append(m.Lanes, j.Lanes[rng.IntN(8)].ID)
			}
			step(fmt.Sprintf("group %d", i), func() error { return e.Do(m) })
			done++
		case k < 9 && e.CanUndo():
			step(fmt.Sprintf("undo %d", i), e.Undo)
			done--
		case e.CanRedo():
			step(fmt.Sprintf("redo %d", i), e.Redo)
			done++
		}
	}
	for e.CanUndo() {
		step("undo all", e.Undo)
	}
	if timeline(j) != start {
		t.Error("undoing every move does not give the journey back")
	}
}

// TestMoveUndoAfterAnEditUndone: an edit undone restores copies of the
// document, so undoing a move before it finds its cards by id.
func TestMoveUndoAfterAnEditUndone(t *testing.T) {
	_, d := readRef(t)
	e := model.NewEditor(d, nil)
	before := timeline(d.Journeys[0])
	if err := e.Do(&model.MoveTouchpoint{Journey: "j-actuel", Touchpoint: "t-panier", Stage: "s-apres", Lane: "l-site", Slot: 1}); err != nil {
		t.Fatal(err)
	}
	if err := e.Do(&model.Edit{Name: "rename", Change: func(d *model.Document) error {
		d.Journeys[0].Touchpoint("t-panier").Title = "Panier validé"
		return nil
	}}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := e.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if got := timeline(d.Journeys[0]); got != before {
		t.Errorf("got\n%s\nwant\n%s", got, before)
	}
}

// BenchmarkMoveAndCheck20k is a move on a 20 000-touchpoint journey between
// its first two stages with the check the store makes before saving it,
// without the disk: the part of a drop that is the model's.
func BenchmarkMoveAndCheck20k(b *testing.B) {
	d := modeltest.Generated(20000, 6, 8)
	j := d.Journeys[0]
	id := j.Touchpoints[3].ID
	stages := [2]string{j.Stages[1].ID, j.Stages[0].ID}
	i := 0
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: id, Stage: stages[i%2], Lane: j.Lanes[1].ID, Slot: 3}
		i++
		delta, err := m.Apply(d)
		if err != nil {
			b.Fatal(err)
		}
		if err := model.ValidateEdit(d, delta); err != nil {
			b.Fatal(err)
		}
	}
}
