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

func benchMoveIn(b *testing.B, doc *model.Document, from, to [2]int) {
	path := filepath.Join(b.TempDir(), "big.parcours")
	create(b, path, doc)
	s, d, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	j := d.Journeys[0]
	ed := model.NewEditor(d, s)
	var tp string
	for _, t := range j.Touchpoints {
		if t.Stage == j.Stages[from[0]].ID && t.Lane == j.Lanes[from[1]].ID {
			tp = t.ID
			break
		}
	}
	cells := [2][2]int{to, from}
	i := 0
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
