package model

import (
	"cmp"
	"fmt"
	"slices"

	"parcours/model/msg"
)

// Dragging cards is the gesture users repeat most, on maps of up to tens of
// thousands of touchpoints, so moves cost what they change: a move keeps
// every other touchpoint in its order, so the journey's timeline (which
// j.Touchpoints holds, orders 1..n, as Validate and every command leave it)
// is the same list with the moved cards taken out and put back elsewhere.
// The moved cards' cells and positions are enough to undo it, and the
// touchpoints between the two places only shift by a few orders: the delta
// names the moved cards in Changed and the others as a few Shifts.

// MoveTouchpoint puts a touchpoint in another cell and time slot: stage
// (column), lane (row) and Slot, its place among the other touchpoints of
// the destination stage (0 is first; past the end means last). Orders of the
// whole journey are renumbered so that they stay 1..n along the stages.
type MoveTouchpoint struct {
	Journey    string
	Touchpoint string
	Stage      string
	Lane       string
	Slot       int

	before arrangement
}

var _ Command = (*MoveTouchpoint)(nil)

// Label implements Command.
func (m *MoveTouchpoint) Label() string { return msg.T("edit.move") }

// Apply implements Command.
func (m *MoveTouchpoint) Apply(d *Document) (Delta, error) {
	j := d.Journey(m.Journey)
	if j == nil {
		return Delta{}, problem("edit.no_journey", m.Journey)
	}
	t := j.Touchpoint(m.Touchpoint)
	if t == nil {
		return Delta{}, problem("edit.no_touchpoint", m.Touchpoint, m.Journey)
	}
	if j.StageIndex(m.Stage) < 0 {
		return Delta{}, problem("edit.no_stage", m.Stage, m.Journey)
	}
	if j.Lane(m.Lane) == nil {
		return Delta{}, problem("edit.no_lane", m.Lane, m.Journey)
	}
	return m.before.move(j, []*Touchpoint{t}, []string{m.Lane}, m.Stage, m.Slot), nil
}

// Undo implements Command.
func (m *MoveTouchpoint) Undo(d *Document) (Delta, error) { return m.before.restore(d, m.Journey) }

// MoveTouchpoints moves several touchpoints together into one stage, in
// the order they had on the timeline, one after the other from Slot
// (counted among the stage's touchpoints that do not move); each goes to
// its lane in Lanes, so that a group keeps its shape.
type MoveTouchpoints struct {
	Name        string
	Journey     string
	Touchpoints []string
	Lanes       []string
	Stage       string
	Slot        int

	before arrangement
}

var _ Command = (*MoveTouchpoints)(nil)

// Label implements Command.
func (m *MoveTouchpoints) Label() string { return m.Name }

// Apply implements Command.
func (m *MoveTouchpoints) Apply(d *Document) (Delta, error) {
	j := d.Journey(m.Journey)
	if j == nil {
		return Delta{}, problem("edit.no_journey", m.Journey)
	}
	if j.StageIndex(m.Stage) < 0 {
		return Delta{}, problem("edit.no_stage", m.Stage, m.Journey)
	}
	if len(m.Lanes) != len(m.Touchpoints) {
		return Delta{}, fmt.Errorf("move: %d touchpoints for %d lanes", len(m.Touchpoints), len(m.Lanes))
	}
	group := make([]*Touchpoint, 0, len(m.Touchpoints))
	lanes := make(map[*Touchpoint]string, len(m.Touchpoints))
	for i, id := range m.Touchpoints {
		t := j.Touchpoint(id)
		if t == nil {
			return Delta{}, problem("edit.no_touchpoint", id, m.Journey)
		}
		if j.Lane(m.Lanes[i]) == nil {
			return Delta{}, problem("edit.no_lane", m.Lanes[i], m.Journey)
		}
		if _, twice := lanes[t]; !twice {
			group = append(group, t)
		}
		lanes[t] = m.Lanes[i]
	}
	// The group keeps its order on the timeline.
	cols := stageColumns(j)
	slices.SortStableFunc(group, func(a, b *Touchpoint) int {
		return cmp.Or(cmp.Compare(cols.of(a.Stage), cols.of(b.Stage)), cmp.Compare(a.Order, b.Order))
	})
	cells := make([]string, len(group))
	for i, t := range group {
		cells[i] = lanes[t]
	}
	return m.before.move(j, group, cells, m.Stage, m.Slot), nil
}

// Undo implements Command.
func (m *MoveTouchpoints) Undo(d *Document) (Delta, error) { return m.before.restore(d, m.Journey) }

// arrangement is where the touchpoints of a journey were before a move, so
// that undo puts them back exactly.
type arrangement struct {
	// moved are the moved cards as they were, by position: enough when
	// the journey was in timeline order.
	moved []spot
	// all is every placement, kept only when the journey was not in
	// timeline order (a document built by hand, never one that was
	// validated and edited through commands).
	all map[string]placement
}

// spot is where a moved card was: its cell and its index in
// j.Touchpoints; after is its index once moved, to find it quickly again.
type spot struct {
	id          string
	stage, lane string
	at, after   int
}

type placement struct {
	stage, lane string
	order       int
}

// move takes group (in timeline order) out of the journey and puts it back
// one after the other at slot of stage, the i-th card in lanes[i]; it
// remembers in a where they were.
func (a *arrangement) move(j *Journey, group []*Touchpoint, lanes []string, stage string, slot int) Delta {
	*a = arrangement{}
	ordered := inTimeline(j)
	if !ordered {
		a.all = placements(j)
		j.Touchpoints = TimelineOf(j)
	}
	var rest []*Touchpoint
	if ordered {
		// In timeline order a card's index is its order less one.
		rest = make([]*Touchpoint, 0, len(j.Touchpoints))
		from := 0
		for _, t := range group {
			a.moved = append(a.moved, spot{id: t.ID, stage: t.Stage, lane: t.Lane, at: t.Order - 1})
			rest = append(rest, j.Touchpoints[from:t.Order-1]...)
			from = t.Order
		}
		rest = append(rest, j.Touchpoints[from:]...)
	} else {
		rest = slices.DeleteFunc(slices.Clone(j.Touchpoints), memberOf(group))
	}
	at := slotIndex(j, rest, j.StageIndex(stage), slot)
	for i, t := range group {
		t.Stage, t.Lane = stage, lanes[i]
	}
	j.Touchpoints = slices.Insert(rest, at, group...)
	for i := range a.moved {
		a.moved[i].after = at + i
	}
	return renumber(j, group, ordered)
}

// restore undoes the move a remembers.
func (a *arrangement) restore(d *Document, journey string) (Delta, error) {
	j := d.Journey(journey)
	if j == nil {
		return Delta{}, problem("edit.no_journey", journey)
	}
	if a.all != nil {
		return restorePlacements(j, a.all), nil
	}
	// The touchpoints may be other copies than those moved (an edit undone
	// since restores copies of the document): they are found by id.
	group := make([]*Touchpoint, len(a.moved))
	for i, s := range a.moved {
		if s.after < len(j.Touchpoints) && j.Touchpoints[s.after].ID == s.id {
			group[i] = j.Touchpoints[s.after]
		} else if group[i] = j.Touchpoint(s.id); group[i] == nil {
			return Delta{}, problem("edit.no_touchpoint", s.id, journey)
		}
	}
	ordered := inTimeline(j)
	rest := slices.DeleteFunc(slices.Clone(j.Touchpoints), memberOf(group))
	seq := make([]*Touchpoint, 0, len(j.Touchpoints))
	for i, s := range a.moved {
		// Back at its index: the cards before it are in place already.
		take := min(s.at-len(seq), len(rest))
		seq = append(seq, rest[:take]...)
		rest = rest[take:]
		group[i].Stage, group[i].Lane = s.stage, s.lane
		seq = append(seq, group[i])
	}
	j.Touchpoints = append(seq, rest...)
	return renumber(j, group, ordered), nil
}

// renumber gives the touchpoints of j their orders 1..n along
// j.Touchpoints and says what changed: the cards of group, and every other
// touchpoint whose order changed. When the orders were 1..n before (ordered),
// those are given as shifts of ranges of orders, in an order that lets each
// apply to what the previous ones left (those going up from the last,
// then those going down from the first); otherwise each is named.
func renumber(j *Journey, group []*Touchpoint, ordered bool) Delta {
	var d Delta
	var up, down []Shift
	var run *Shift
	moved := memberOf(group)
	for i, x := range j.Touchpoints {
		now := i + 1
		if moved(x) {
			d.Changed = append(d.Changed, Ref{Kind: KindTouchpoint, Journey: j.ID, ID: x.ID})
			run = nil
		} else if by := now - x.Order; by != 0 && !ordered {
			d.Changed = append(d.Changed, Ref{Kind: KindTouchpoint, Journey: j.ID, ID: x.ID})
		} else if by == 0 {
			run = nil
		} else if run != nil && run.By == by && run.To+1 == x.Order {
			run.To++
		} else {
			list := &up
			if by < 0 {
				list = &down
			}
			*list = append(*list, Shift{Journey: j.ID, From: x.Order, To: x.Order, By: by})
			run = &(*list)[len(*list)-1]
		}
		x.Order = now
	}
	slices.Reverse(up)
	d.Shifts = append(up, down...)
	return d
}

// memberOf tells the cards of group: by a look through it for a few (a
// drag), by a set for many (a whole stage selected).
func memberOf(group []*Touchpoint) func(*Touchpoint) bool {
	if len(group) <= 8 {
		return func(t *Touchpoint) bool { return slices.Contains(group, t) }
	}
	set := make(map[*Touchpoint]bool, len(group))
	for _, t := range group {
		set[t] = true
	}
	return func(t *Touchpoint) bool { return set[t] }
}

// inTimeline reports whether j.Touchpoints is the journey's timeline as
// commands leave it: orders 1..n along the list, stage after stage.
func inTimeline(j *Journey) bool {
	cols := stageColumns(j)
	last := 0
	for i, t := range j.Touchpoints {
		c := cols.of(t.Stage)
		if t.Order != i+1 || c < last || c == len(j.Stages) {
			return false
		}
		last = c
	}
	return true
}

// columns finds the column of a stage, quickly for runs of touchpoints of
// one stage as a timeline has; an unknown stage is after the last.
type columns struct {
	j    *Journey
	last string
	col  int
}

func stageColumns(j *Journey) *columns { return &columns{j: j, col: -1} }

func (c *columns) of(stage string) int {
	if c.col < 0 || stage != c.last {
		c.last, c.col = stage, c.j.StageIndex(stage)
		if c.col < 0 {
			c.col = len(c.j.Stages)
		}
	}
	return c.col
}

// slotIndex is the index in seq, a timeline without the cards being
// placed, where cards put at slot of the stage of column col go: after
// every touchpoint of an earlier stage and after the first slot ones of
// their own stage.
func slotIndex(j *Journey, seq []*Touchpoint, col, slot int) int {
	cols := stageColumns(j)
	at, inStage := 0, 0
	for _, x := range seq {
		c := cols.of(x.Stage)
		if c < col || (c == col && inStage < slot) {
			at++
			if c == col {
				inStage++
			}
		}
	}
	return at
}

func placements(j *Journey) map[string]placement {
	p := make(map[string]placement, len(j.Touchpoints))
	for _, t := range j.Touchpoints {
		p[t.ID] = placement{t.Stage, t.Lane, t.Order}
	}
	return p
}

// restorePlacements puts every touchpoint of a journey back in the cell
// and order it had before a move, and names each one that changed.
func restorePlacements(j *Journey, before map[string]placement) Delta {
	var d Delta
	for _, t := range j.Touchpoints {
		if p, ok := before[t.ID]; ok && p != (placement{t.Stage, t.Lane, t.Order}) {
			t.Stage, t.Lane, t.Order = p.stage, p.lane, p.order
			d.Changed = append(d.Changed, Ref{Kind: KindTouchpoint, Journey: j.ID, ID: t.ID})
		}
	}
	slices.SortStableFunc(j.Touchpoints, func(a, b *Touchpoint) int { return a.Order - b.Order })
	return d
}
