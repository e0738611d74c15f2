package sqlite

import (
	"slices"

	"parcours/model"
)

// Orders on disk. In memory a journey's touchpoints have the orders 1..n
// along the timeline; in the file, ord only has to sort them the same way
// (unique, ≥ 1, following the stages, which Validate checks on opening).
// The file keeps gaps between them, so that a move writes the moved cards
// alone: a card dropped between two others takes an ord between theirs,
// and the thousands of touchpoints a move renumbers in memory keep theirs.
// Writing them all again would rewrite, and journal, a sixth of the table's
// pages for a move across one stage of a 20 000-touchpoint map.
//
// Opening reads the ord of each touchpoint into the store (contents.keys)
// and numbers the document 1..n. Where a gap is used up, the touchpoints
// around it are spread out again: a window around the place, twice as wide
// each time until it has room, at most the whole journey, so that writing
// every touchpoint again is rare. Files of earlier versions, whose ord are
// 1..n without gaps, open as they are; their first moves spread them out.
// Earlier versions open files with gaps too (they accept any unique orders
// that follow the stages, as JSON import does).

const (
	// keyGap separates neighbours once spread: some twenty cards can
	// be dropped one after another at the same place before it runs out.
	keyGap = 1 << 20
	// minGap is the least room a window is spread out with.
	minGap = 1 << 10
)

// placed is a touchpoint to write, with its journey.
type placed struct {
	j *model.Journey
	t *model.Touchpoint
}

// keyOf is the ord of t: as this transaction places it, else as the file
// holds it.
func (w *writer) keyOf(t *model.Touchpoint) (int64, bool) {
	if k, ok := w.keys[t.ID]; ok {
		return k, true
	}
	if w.saved != nil {
		k, ok := w.saved.keys[t.ID]
		return k, ok
	}
	return 0, false
}

// setKey places seq[i]; a touchpoint the edit did not name (write false)
// is written with the edit.
func (w *writer) setKey(j *model.Journey, t *model.Touchpoint, k int64, write bool) {
	if w.keys == nil {
		w.keys = map[string]int64{}
	}
	if old, ok := w.keyOf(t); ok && old == k {
		return
	}
	if _, again := w.keys[t.ID]; !again && write {
		w.rekeyed = append(w.rekeyed, placed{j, t})
	}
	w.keys[t.ID] = k
}

// timeline is j's touchpoints sorted by order (as they are kept).
func timeline(j *model.Journey) []*model.Touchpoint {
	byOrder := func(a, b *model.Touchpoint) int { return a.Order - b.Order }
	if slices.IsSortedFunc(j.Touchpoints, byOrder) {
		return j.Touchpoints
	}
	return slices.SortedFunc(slices.Values(j.Touchpoints), byOrder)
}

// spread places every touchpoint of a timeline keyGap apart (a journey
// written whole).
func (w *writer) spread(seq []*model.Touchpoint) {
	for i, t := range seq {
		w.setKey(nil, t, int64(i+1)*keyGap, false)
	}
}

// placeAll places the touchpoints refs names, journey by journey.
func (w *writer) placeAll(refs []model.Ref) error {
	named := map[string][]string{}
	for _, r := range refs {
		if r.Kind == model.KindTouchpoint {
			named[r.Journey] = append(named[r.Journey], r.ID)
		}
	}
	for id, ids := range named {
		if j := w.d.Journey(id); j != nil {
			w.place(j, ids)
		}
	}
	return nil
}

// place gives the touchpoints ids of j (those an edit wrote, as they now
// are) an ord that sorts them where they are on the timeline, between the
// ords of their neighbours. The others keep theirs: an edit names every
// touchpoint whose place among the others changed (model.Delta), so those
// it does not name are in the same order in the file as in memory.
func (w *writer) place(j *model.Journey, ids []string) {
	seq := timeline(j)
	at := make([]int, 0, len(ids))
	for _, id := range ids {
		if t := w.touchpointOf(j, id); t != nil {
			// At its order, where the orders are 1..n.
			i := t.Order - 1
			if i < 0 || i >= len(seq) || seq[i] != t {
				i = slices.Index(seq, t)
			}
			at = append(at, i)
		}
	}
	slices.Sort(at)
	at = slices.Compact(at)
	all := at
	named := func(i int) bool { _, ok := slices.BinarySearch(all, i); return ok }
	for len(at) > 0 {
		// A run of named touchpoints side by side, between two that
		// keep their place.
		a, b := at[0], at[0]
		for len(at) > 0 && at[0] <= b+1 {
			b, at = at[0], at[1:]
		}
		var lo, hi int64
		if a > 0 {
			k, ok := w.keyOf(seq[a-1])
			if !ok {
				w.widen(j, seq, named, a, b)
				continue
			}
			lo = k
		}
		if b+1 < len(seq) {
			k, ok := w.keyOf(seq[b+1])
			if !ok {
				w.widen(j, seq, named, a, b)
				continue
			}
			hi = k
		}
		w.fill(j, seq, named, a, b, lo, hi, b+1 < len(seq))
	}
}

// fill places seq[a..b] between the ords lo and hi (no hi when !bounded:
// the end of the timeline). Members whose ords already sort them there
// keep them (an edit of a card's text); otherwise they share the room
// evenly, and where there is too little, a window around them is spread.
func (w *writer) fill(j *model.Journey, seq []*model.Touchpoint, named func(int) bool, a, b int, lo, hi int64, bounded bool) {
	n := int64(b - a + 1)
	keep, last := true, lo
	for _, t := range seq[a : b+1] {
		k, ok := w.keyOf(t)
		if !ok || k <= last || (bounded && k >= hi) {
			keep = false
			break
		}
		last = k
	}
	if keep {
		return
	}
	step := int64(keyGap)
	if bounded {
		step = (hi - lo) / (n + 1)
	}
	if step < 1 {
		w.widen(j, seq, named, a, b)
		return
	}
	for i := a; i <= b; i++ {
		w.setKey(j, seq[i], lo+int64(i-a+1)*step, !named(i))
	}
}

// widen spreads out the smallest window around seq[a..b], twice as wide
// each time, whose neighbours leave minGap between its members; the whole
// timeline if need be.
func (w *writer) widen(j *model.Journey, seq []*model.Touchpoint, named func(int) bool, a, b int) {
	for width := b - a + 1; ; width *= 2 {
		from, to := max(0, a-width), min(len(seq)-1, b+width)
		var lo int64
		if from > 0 {
			k, ok := w.keyOf(seq[from-1])
			if !ok {
				continue
			}
			lo = k
		}
		step := int64(keyGap)
		if to < len(seq)-1 {
			hi, ok := w.keyOf(seq[to+1])
			if !ok || hi <= lo {
				continue
			}
			step = (hi - lo) / int64(to-from+2)
		}
		if step >= minGap || (from == 0 && to == len(seq)-1) {
			for i := from; i <= to; i++ {
				w.setKey(j, seq[i], lo+int64(i-from+1)*step, !named(i))
			}
			return
		}
	}
}

// numberTimelines gives the touchpoints of a document just read their
// orders 1..n (they come sorted by ord) and returns the ords the file
// holds. It also makes each touchpoint's stage and lane the very strings
// of its stage's and lane's ids: every move compares the stages of the
// whole timeline, and equal strings that share their bytes compare at once.
func numberTimelines(d *model.Document) map[string]int64 {
	n := 0
	for _, j := range d.Journeys {
		n += len(j.Touchpoints)
	}
	keys := make(map[string]int64, n)
	for _, j := range d.Journeys {
		ids := make(map[string]string, len(j.Stages)+len(j.Lanes))
		for _, s := range j.Stages {
			ids[s.ID] = s.ID
		}
		for _, l := range j.Lanes {
			ids[l.ID] = l.ID
		}
		j.Touchpoints = timeline(j)
		for i, t := range j.Touchpoints {
			keys[t.ID] = int64(t.Order)
			t.Order = i + 1
			if id, ok := ids[t.Stage]; ok {
				t.Stage = id
			}
			if id, ok := ids[t.Lane]; ok {
				t.Lane = id
			}
		}
	}
	return keys
}
