package sqlite

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
)

// sameOnDisk reopens the file and compares it with the document in memory.
func sameOnDisk(t *testing.T, path string, d *model.Document, what string) {
	t.Helper()
	r, got, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	r.Close()
	if want := numbered(d); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: file differs from memory:\n got %s\nwant %s", what, dump(got), dump(want))
	}
}

// rowsWritten counts the rows the store's connection changes while f runs.
func rowsWritten(t *testing.T, s *Store, f func()) int {
	t.Helper()
	count := func() (n int) {
		if err := s.db.QueryRow("SELECT total_changes()").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	f()
	return count() - before
}

// TestMovesSaved drives moves of one card and of groups, across stages and
// lanes, to the ends of the timeline and again and again into one slot
// (where the gaps between orders in the file run out), with undo and redo;
// the file reopened must always be the document in memory.
func TestMovesSaved(t *testing.T) {
	for _, c := range []struct {
		name  string
		dense bool
	}{{"spread", false}, {"file of an earlier version", true}} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "moves.parcours")
			create(t, path, generated(300))
			if c.dense {
				// Earlier versions wrote the orders 1..n, without gaps.
				s, _ := mustOpen(t, path)
				if _, err := s.db.Exec(`UPDATE touchpoints SET ord = (SELECT count(*) FROM touchpoints t2
					WHERE t2.journey_id = touchpoints.journey_id AND t2.ord <= touchpoints.ord)`); err != nil {
					t.Fatal(err)
				}
				s.Close()
			}
			s, d := mustOpen(t, path)
			j := d.Journeys[0]
			ed := model.NewEditor(d, s)
			do := func(what string, c model.Command) {
				t.Helper()
				if err := ed.Do(c); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				sameOnDisk(t, path, d, what)
			}
			move := func(what, id string, stage, lane, slot int) {
				t.Helper()
				do(what, &model.MoveTouchpoint{Journey: j.ID, Touchpoint: id, Stage: j.Stages[stage].ID,
					Lane: j.Lanes[lane].ID, Slot: slot})
			}
			move("to the next lane", "t-0100", 2, 5, 3)
			move("first stage to the last", "t-0001", 5, 3, 10)
			move("last of the timeline", "t-0002", 5, 0, 999)
			move("first of the timeline", "t-0299", 0, 7, 0)
			// Card after card dropped in the same slot halves the gap
			// there each time, until the cards around are spread out.
			for i := range 30 {
				move("same slot", j.Touchpoints[200+i].ID, 1, 1, 4)
			}
			for i := range 30 {
				move("first slot", j.Touchpoints[250].ID, 0, i%8, 0)
			}
			do("group", &model.MoveTouchpoints{Name: "group", Journey: j.ID, Stage: j.Stages[3].ID, Slot: 2,
				Touchpoints: []string{"t-0005", "t-0150", "t-0290", "t-0151"},
				Lanes:       []string{j.Lanes[0].ID, j.Lanes[1].ID, j.Lanes[2].ID, j.Lanes[3].ID}})
			for i := range 5 {
				if err := ed.Undo(); err != nil {
					t.Fatal(err)
				}
				sameOnDisk(t, path, d, "undo")
				if i%2 == 0 {
					if err := ed.Redo(); err != nil {
						t.Fatal(err)
					}
					sameOnDisk(t, path, d, "redo")
					if err := ed.Undo(); err != nil {
						t.Fatal(err)
					}
				}
			}
			rng := rand.New(rand.NewPCG(5, 6))
			for range 60 {
				if rng.IntN(4) == 0 && ed.CanUndo() {
					if err := ed.Undo(); err != nil {
						t.Fatal(err)
					}
					sameOnDisk(t, path, d, "random undo")
					continue
				}
				m := &model.MoveTouchpoints{Name: "random", Journey: j.ID, Stage: j.Stages[rng.IntN(6)].ID,
					Slot: rng.IntN(60)}
				for range 1 + rng.IntN(6) {
					m.Touchpoints = append(m.Touchpoints, j.Touchpoints[rng.IntN(len(j.Touchpoints))].ID)
					m.Lanes = append(m.Lanes, j.Lanes[rng.IntN(8)].ID)
				}
				do("random group", m)
			}
			for ed.CanUndo() {
				if err := ed.Undo(); err != nil {
					t.Fatal(err)
				}
			}
			sameOnDisk(t, path, d, "all undone")
		})
	}
}

// TestMoveWritesTheMovedCard: a move across the whole timeline of a
// 2000-touchpoint map writes the moved card and the document's time, not
// the touchpoints it renumbers.
func TestMoveWritesTheMovedCard(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.parcours")
	create(t, path, modeltest.Generated(2000, 6, 8))
	s, d := mustOpen(t, path)
	j := d.Journeys[0]
	ed := model.NewEditor(d, s)
	for i, to := range []int{5, 0, 3} {
		m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: j.Touchpoints[10].ID, Stage: j.Stages[to].ID,
			Lane: j.Lanes[i].ID, Slot: 7}
		if n := rowsWritten(t, s, func() {
			if err := ed.Do(m); err != nil {
				t.Fatal(err)
			}
		}); n > 2 {
			t.Errorf("move %d wrote %d rows", i, n)
		}
	}
	for _, step := range []func() error{ed.Undo, ed.Undo, ed.Redo} {
		if n := rowsWritten(t, s, func() {
			if err := step(); err != nil {
				t.Fatal(err)
			}
		}); n > 2 {
			t.Errorf("undo or redo wrote %d rows", n)
		}
	}
	sameOnDisk(t, path, d, "after the moves")
}

// TestFailedSaveThenMove: what a failed save was to write is written by the
// next save that succeeds, whether the caller kept the edit in memory or
// the editor rolled it back; nothing is lost on reopening.
func TestFailedSaveThenMove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "failed.parcours")
	create(t, path, generated(200))
	s, d := mustOpen(t, path)
	j := d.Journeys[0]
	ed := model.NewEditor(d, s)
	moveTo := func(id string, stage, lane int) *model.MoveTouchpoint {
		return &model.MoveTouchpoint{Journey: j.ID, Touchpoint: id, Stage: j.Stages[stage].ID, Lane: j.Lanes[lane].ID, Slot: 2}
	}

	// The editor's move fails to save: it is rolled back in memory.
	fakeWritable(t, false, "test")
	before := dump(d)
	if err := ed.Do(moveTo("t-0003", 4, 2)); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("move on a file made read-only: %v", err)
	}
	if dump(d) != before {
		t.Fatal("the move that was not saved stayed in memory")
	}

	// A caller that keeps its edits although saving failed: a card moved
	// across the timeline (others renumbered) and another card's title.
	m := moveTo("t-0010", 5, 6)
	delta, err := m.Apply(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(d, delta); err == nil {
		t.Fatal("save on a file made read-only succeeded")
	}
	tp := j.Touchpoint("t-0150")
	tp.Title = "Changé pendant que le fichier était en lecture seule"
	if err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindTouchpoint, Journey: j.ID, ID: tp.ID}}}); err == nil {
		t.Fatal("save on a file made read-only succeeded")
	}

	// Writable again: the next move saves all of it.
	fakeWritable(t, true, "")
	if err := ed.Do(moveTo("t-0100", 0, 1)); err != nil {
		t.Fatal(err)
	}
	sameOnDisk(t, path, d, "after the failed saves and a move")
	if err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	sameOnDisk(t, path, d, "undo")
	s.Close()
	_, got := mustOpen(t, path)
	if got.Journeys[0].Touchpoint("t-0150").Title != tp.Title || got.Journeys[0].Touchpoint("t-0010").Stage != j.Stages[5].ID {
		t.Error("an edit whose save failed is not in the file")
	}
}
