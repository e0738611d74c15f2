package model

import (
	"fmt"
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
	return restorePlacements(d, m.Journey, m.before)
}

// restorePlacements puts every touchpoint of a journey back in the cell
// and place it had before a move.
func restorePlacements(d *Document, journey string, before map[string]placement) (Delta, error) {
	j := d.Journey(journey)
	if j == nil {
		return Delta{}, problem("edit.no_journey", journey)
	}
	now := placements(j)
	for _, t := range j.Touchpoints {
		if p, ok := before[t.ID]; ok {
			t.Stage, t.Lane, t.Order = p.stage, p.lane, p.order
		}
	}
	slices.SortStableFunc(j.Touchpoints, func(a, b *Touchpoint) int { return a.Order - b.Order })
	return changedPlacements(j, now), nil
}

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

	before map[string]placement
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
	moving := make(map[string]string, len(m.Touchpoints))
	for i, id := range m.Touchpoints {
		if j.Touchpoint(id) == nil {
			return Delta{}, problem("edit.no_touchpoint", id, m.Journey)
		}
		if j.Lane(m.Lanes[i]) == nil {
			return Delta{}, problem("edit.no_lane", m.Lanes[i], m.Journey)
		}
		moving[id] = m.Lanes[i]
	}
	m.before = placements(j)
	var group, rest []*Touchpoint
	for _, t := range TimelineOf(j) {
		if _, ok := moving[t.ID]; ok {
			group = append(group, t)
		} else {
			rest = append(rest, t)
		}
	}
	col := j.StageIndex(m.Stage)
	at, inStage := 0, 0
	for _, x := range rest {
		c := j.StageIndex(x.Stage)
		if c < col || (c == col && inStage < m.Slot) {
			at++
			if c == col {
				inStage++
			}
		}
	}
	for _, t := range group {
		t.Stage, t.Lane = m.Stage, moving[t.ID]
	}
	j.Touchpoints = slices.Insert(rest, at, group...)
	for i, x := range j.Touchpoints {
		x.Order = i + 1
	}
	return changedPlacements(j, m.before), nil
}

// Undo implements Command.
func (m *MoveTouchpoints) Undo(d *Document) (Delta, error) {
	return restorePlacements(d, m.Journey, m.before)
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
