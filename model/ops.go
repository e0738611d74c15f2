package model

import (
	"slices"
)

// The operations below change a journey in place; the editor wraps them
// in an Edit so that each is one undoable, saved step.

// Place puts t (already in j or not) in the given cell at slot, its place
// among the other touchpoints of the stage (past the end: last), and
// renumbers the timeline.
func (j *Journey) Place(t *Touchpoint, stage, lane string, slot int) {
	rest := slices.DeleteFunc(TimelineOf(j), func(x *Touchpoint) bool { return x == t })
	at := slotIndex(j, rest, j.StageIndex(stage), slot)
	t.Stage, t.Lane = stage, lane
	j.Touchpoints = slices.Insert(rest, at, t)
	for i, x := range j.Touchpoints {
		x.Order = i + 1
	}
}

// DeleteTouchpoints removes touchpoints and their links from opportunities.
func (j *Journey) DeleteTouchpoints(ids ...string) {
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		gone[id] = true
	}
	j.Touchpoints = slices.DeleteFunc(j.Touchpoints, func(t *Touchpoint) bool { return gone[t.ID] })
	for _, o := range j.Opportunities {
		o.Touchpoints = slices.DeleteFunc(o.Touchpoints, func(id string) bool { return gone[id] })
	}
	j.Timeline()
}

// LinkedOpportunities lists, in the journey's order, the opportunities
// linked to any of the touchpoints ids: those a deletion of them unlinks.
func (j *Journey) LinkedOpportunities(ids ...string) []*Opportunity {
	var out []*Opportunity
	for _, o := range j.Opportunities {
		if slices.ContainsFunc(o.Touchpoints, func(id string) bool { return slices.Contains(ids, id) }) {
			out = append(out, o)
		}
	}
	return out
}

// DeleteStage removes a stage and the touchpoints in it.
func (j *Journey) DeleteStage(id string) {
	var ids []string
	for _, t := range j.Touchpoints {
		if t.Stage == id {
			ids = append(ids, t.ID)
		}
	}
	j.Stages = slices.DeleteFunc(j.Stages, func(s *Stage) bool { return s.ID == id })
	j.DeleteTouchpoints(ids...)
}

// DeleteLane removes a lane and the touchpoints in it.
func (j *Journey) DeleteLane(id string) {
	var ids []string
	for _, t := range j.Touchpoints {
		if t.Lane == id {
			ids = append(ids, t.ID)
		}
	}
	j.Lanes = slices.DeleteFunc(j.Lanes, func(l *Lane) bool { return l.ID == id })
	j.DeleteTouchpoints(ids...)
}

// MoveStage puts a stage at index among the stages; its touchpoints follow
// it on the timeline.
func (j *Journey) MoveStage(id string, index int) {
	i := j.StageIndex(id)
	if i < 0 {
		return
	}
	s := j.Stages[i]
	j.Stages = slices.Delete(j.Stages, i, i+1)
	j.Stages = slices.Insert(j.Stages, clamp(index, 0, len(j.Stages)), s)
	j.Timeline()
}

// MoveLane puts a lane at index among the lanes.
func (j *Journey) MoveLane(id string, index int) {
	i := j.LaneIndex(id)
	if i < 0 {
		return
	}
	l := j.Lanes[i]
	j.Lanes = slices.Delete(j.Lanes, i, i+1)
	j.Lanes = slices.Insert(j.Lanes, clamp(index, 0, len(j.Lanes)), l)
}

// InsertStage adds a stage at index.
func (j *Journey) InsertStage(s *Stage, index int) {
	j.Stages = slices.Insert(j.Stages, clamp(index, 0, len(j.Stages)), s)
	j.Timeline()
}

// InsertLane adds a lane at index.
func (j *Journey) InsertLane(l *Lane, index int) {
	j.Lanes = slices.Insert(j.Lanes, clamp(index, 0, len(j.Lanes)), l)
}

// Paste adds copies of touchpoints of journey from to j with new ids, each
// remembering the one it was copied from. A touchpoint goes to the stage
// and lane of the same id in j, else of the same name, else the first; and
// right after its source when the source is in j (duplicate), else at the
// end of its stage. It returns the new ids.
func (j *Journey) Paste(from *Journey, ts []*Touchpoint) []string {
	if len(j.Stages) == 0 || len(j.Lanes) == 0 {
		return nil
	}
	stageNamed := func(id string) string {
		if s := from.Stage(id); s != nil {
			for _, x := range j.Stages {
				if x.Name == s.Name {
					return x.ID
				}
			}
		}
		return j.Stages[0].ID
	}
	laneNamed := func(id string) string {
		if l := from.Lane(id); l != nil {
			for _, x := range j.Lanes {
				if x.Name == l.Name {
					return x.ID
				}
			}
		}
		return j.Lanes[0].ID
	}
	var ids []string
	for _, src := range ts {
		t := CloneTouchpoint(src)
		t.ID = NewID("t")
		t.Origin = src.ID
		stage, lane := t.Stage, t.Lane
		if j.Stage(stage) == nil {
			stage = stageNamed(stage)
		}
		if j.Lane(lane) == nil {
			lane = laneNamed(lane)
		}
		slot := len(j.StageTouchpoints(stage))
		if orig := j.Touchpoint(src.ID); orig != nil && orig.Stage == stage {
			slot = slices.Index(j.StageTouchpoints(stage), orig) + 1
		}
		j.Place(t, stage, lane, slot)
		ids = append(ids, t.ID)
	}
	return ids
}

// Duplicate copies journey id with new ids throughout; every copy
// remembers its source in Origin (the journey and each touchpoint), so
// that a target journey can be compared with the current one.
func (d *Document) Duplicate(id, title string) *Journey {
	src := d.Journey(id)
	if src == nil {
		return nil
	}
	c := CloneJourney(src)
	c.ID, c.Origin, c.Title = NewID("j"), src.ID, title
	c.Reviews = nil // the reviews are the history of the source journey, not of the copy
	stageIDs, laneIDs, tpIDs := map[string]string{}, map[string]string{}, map[string]string{}
	for _, s := range c.Stages {
		stageIDs[s.ID] = NewID("s")
		s.ID = stageIDs[s.ID]
	}
	for _, l := range c.Lanes {
		laneIDs[l.ID] = NewID("l")
		l.ID = laneIDs[l.ID]
	}
	for _, t := range c.Touchpoints {
		tpIDs[t.ID] = NewID("t")
		t.Origin, t.ID = t.ID, tpIDs[t.ID]
		t.Stage, t.Lane = stageIDs[t.Stage], laneIDs[t.Lane]
	}
	for _, o := range c.Opportunities {
		o.ID = NewID("o")
		for i, tid := range o.Touchpoints {
			o.Touchpoints[i] = tpIDs[tid]
		}
	}
	i := slices.Index(d.Journeys, src)
	d.Journeys = slices.Insert(d.Journeys, i+1, c)
	return c
}

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }
