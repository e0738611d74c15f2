package model

import (
	"slices"

	"parcours/model/msg"
)

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

	before map[string]placement
}

type placement struct {
	stage, lane string
	order       int
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
	m.before = placements(j)
	j.Place(t, m.Stage, m.Lane, m.Slot)
	return changedPlacements(j, m.before), nil
}

// Undo implements Command.
func (m *MoveTouchpoint) Undo(d *Document) (Delta, error) {
	j := d.Journey(m.Journey)
	if j == nil {
		return Delta{}, problem("edit.no_journey", m.Journey)
	}
	now := placements(j)
	for _, t := range j.Touchpoints {
		if p, ok := m.before[t.ID]; ok {
			t.Stage, t.Lane, t.Order = p.stage, p.lane, p.order
		}
	}
	slices.SortStableFunc(j.Touchpoints, func(a, b *Touchpoint) int { return a.Order - b.Order })
	return changedPlacements(j, now), nil
}

func placements(j *Journey) map[string]placement {
	p := make(map[string]placement, len(j.Touchpoints))
	for _, t := range j.Touchpoints {
		p[t.ID] = placement{t.Stage, t.Lane, t.Order}
	}
	return p
}

// changedPlacements lists the touchpoints whose cell or order differ from
// before, in timeline order.
func changedPlacements(j *Journey, before map[string]placement) Delta {
	var d Delta
	for _, t := range j.Touchpoints {
		if before[t.ID] != (placement{t.Stage, t.Lane, t.Order}) {
			d.Changed = append(d.Changed, Ref{Kind: KindTouchpoint, Journey: j.ID, ID: t.ID})
		}
	}
	return d
}
