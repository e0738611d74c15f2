package sqlite

import (
	"path/filepath"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
)

// The goals (DESIGN: a big map stays responsive): opening a 1000-touchpoint
// journey ≤ 50 ms, saving one move ≤ 5 ms, on a real disk with full
// durability (synchronous=FULL, rollback journal).

func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.parcours")
	create(b, path, generated(1000))
	b.ResetTimer()
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		s, d, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Journeys[0].Touchpoints) != 1000 {
			b.Fatal("not loaded")
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchMove moves one touchpoint back and forth between two cells, each
// move saved to disk through the editor.
func benchMove(b *testing.B, from, to [2]int) { benchMoveIn(b, generated(1000), from, to) }

// moveBench is a store open on a copy of doc, with an editor saving into it.
func moveBench(b *testing.B, doc *model.Document) (*model.Editor, *model.Journey) {
	path := filepath.Join(b.TempDir(), "big.parcours")
	create(b, path, doc)
	s, d, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return model.NewEditor(d, s), d.Journeys[0]
}

// firstIn is the first touchpoint of a cell (stage, lane indexes).
func firstIn(j *model.Journey, cell [2]int) string {
	for _, t := range j.Touchpoints {
		if t.Stage == j.Stages[cell[0]].ID && t.Lane == j.Lanes[cell[1]].ID {
			return t.ID
		}
	}
	return ""
}

func benchMoveIn(b *testing.B, doc *model.Document, from, to [2]int) {
	ed, j := moveBench(b, doc)
	tp := firstIn(j, from)
	cells := [2][2]int{to, from}
	i := 0
	b.ResetTimer()
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		c := cells[i%2]
		i++
		if err := ed.Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: tp,
			Stage: j.Stages[c[0]].ID, Lane: j.Lanes[c[1]].ID, Slot: 3}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMoveSave: to the next lane within its stage (the usual drag).
func BenchmarkMoveSave(b *testing.B) { benchMove(b, [2]int{2, 1}, [2]int{2, 5}) }

// BenchmarkMoveSaveNextStage: into the next stage: the orders between the
// two slots are renumbered (a few dozen rows).
func BenchmarkMoveSaveNextStage(b *testing.B) { benchMove(b, [2]int{2, 1}, [2]int{3, 5}) }

// BenchmarkMoveSaveAcross: from the first stage to the last, the worst
// case: most of the timeline is renumbered and saved.
func BenchmarkMoveSaveAcross(b *testing.B) { benchMove(b, [2]int{0, 1}, [2]int{5, 5}) }

// BenchmarkMoveSaveWithReviews is BenchmarkMoveSave on a journey with 40
// reviews: every save validates them, and nothing else of them is touched.
func BenchmarkMoveSaveWithReviews(b *testing.B) {
	benchMoveIn(b, modeltest.WithReviews(generated(1000), 40), [2]int{2, 1}, [2]int{2, 5})
}

// BenchmarkOpenWithReviews is BenchmarkOpen with 40 reviews (ten years of
// quarterly reviews) of the 1000-touchpoint journey; the goal is that they
// add at most 30 ms to opening it.
func BenchmarkOpenWithReviews(b *testing.B) {
	path := filepath.Join(b.TempDir(), "reviewed.parcours")
	create(b, path, modeltest.WithReviews(generated(1000), 40))
	b.ResetTimer()
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		s, d, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Journeys[0].Reviews) != 40 || len(d.Journeys[0].Reviews[39].Touchpoints) != 1000 {
			b.Fatal("not loaded")
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// The same moves on a 20 000-touchpoint journey (6 stages × 8 lanes, the
// map of the window's benchmarks); the goal is ≤ 6 ms for a move saved,
// whether done, undone or redone, of one card or of several.
func big() *model.Document { return modeltest.Generated(20000, 6, 8) }

// BenchmarkMoveSave20k: to the next lane within its stage.
func BenchmarkMoveSave20k(b *testing.B) { benchMoveIn(b, big(), [2]int{2, 1}, [2]int{2, 5}) }

// BenchmarkMoveSaveNextStage20k: between the first two stages, as the
// window's drop benchmark does: some 3300 orders shift by one.
func BenchmarkMoveSaveNextStage20k(b *testing.B) { benchMoveIn(b, big(), [2]int{0, 1}, [2]int{1, 5}) }

// BenchmarkMoveSaveAcross20k: from the first stage to the last, the worst
// case: 5/6 of the timeline shifts.
func BenchmarkMoveSaveAcross20k(b *testing.B) { benchMoveIn(b, big(), [2]int{0, 1}, [2]int{5, 5}) }

// BenchmarkMoveUndoRedo20k undoes and redoes, in turn, a move from the
// first stage to the last.
func BenchmarkMoveUndoRedo20k(b *testing.B) {
	ed, j := moveBench(b, big())
	if err := ed.Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: firstIn(j, [2]int{0, 1}),
		Stage: j.Stages[5].ID, Lane: j.Lanes[5].ID, Slot: 3}); err != nil {
		b.Fatal(err)
	}
	i := 0
	b.ResetTimer()
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		i++
		step := ed.Undo
		if i%2 == 0 {
			step = ed.Redo
		}
		if err := step(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMoveGroup20k moves five cards of the first stage, taken from
// all over it, together into the second stage and back.
func BenchmarkMoveGroup20k(b *testing.B) {
	ed, j := moveBench(b, big())
	var ids, lanes []string
	for k := range 5 {
		t := j.Touchpoints[k*600+7]
		ids, lanes = append(ids, t.ID), append(lanes, t.Lane)
	}
	stages := [2]string{j.Stages[1].ID, j.Stages[0].ID}
	i := 0
	b.ResetTimer()
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		if err := ed.Do(&model.MoveTouchpoints{Name: "move", Journey: j.ID, Touchpoints: ids, Lanes: lanes,
			Stage: stages[i%2], Slot: 2}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
