package model

import (
	"reflect"
	"slices"
)

// Edit is a command made of any change to the document: it keeps copies of
// the document before and after the change, so that undo and redo restore
// them exactly, and finds what to save by comparing them. Inspector
// fields, new and deleted stages, lanes and touchpoints, reordering,
// pasting and journeys all go through it; only dragging, which happens
// many times a second on large maps, has a command of its own (Move).
type Edit struct {
	Name   string
	Change func(d *Document) error

	before, after *Document
}

var _ Command = (*Edit)(nil)

// Label implements Command.
func (e *Edit) Label() string { return e.Name }

// Apply implements Command. The first time it runs Change; a redo restores
// the document as Change left it.
func (e *Edit) Apply(d *Document) (Delta, error) {
	if e.after != nil {
		now := Clone(d)
		restore(d, e.after)
		return Diff(now, d), nil
	}
	e.before = Clone(d)
	if err := e.Change(d); err != nil {
		restore(d, e.before)
		return Delta{}, err
	}
	for _, j := range d.Journeys {
		j.Timeline()
	}
	if err := Validate(d); err != nil {
		restore(d, e.before)
		return Delta{}, err
	}
	e.after = Clone(d)
	return Diff(e.before, d), nil
}

// Undo implements Command.
func (e *Edit) Undo(d *Document) (Delta, error) {
	now := Clone(d)
	restore(d, e.before)
	return Diff(now, d), nil
}

// restore makes d hold a copy of src, keeping d's own address so that
// those who hold it see the change.
func restore(d, src *Document) { *d = *Clone(src) }

// Clone copies a document deeply: nothing in the copy that can be edited is
// shared with d (the measures of reviews, which never change, are).
func Clone(d *Document) *Document {
	c := *d
	c.Personas = make([]*Persona, len(d.Personas))
	for i, p := range d.Personas {
		cp := *p
		cp.Channels = slices.Clone(p.Channels)
		cp.Avatar = slices.Clone(p.Avatar)
		c.Personas[i] = &cp
	}
	c.Journeys = make([]*Journey, len(d.Journeys))
	for i, j := range d.Journeys {
		c.Journeys[i] = CloneJourney(j)
	}
	return &c
}

// CloneJourney copies a journey deeply, ids included.
func CloneJourney(j *Journey) *Journey {
	c := *j
	c.Stages = make([]*Stage, len(j.Stages))
	for i, s := range j.Stages {
		cs := *s
		cs.KPIs = slices.Clone(s.KPIs)
		c.Stages[i] = &cs
	}
	c.Lanes = make([]*Lane, len(j.Lanes))
	for i, l := range j.Lanes {
		cl := *l
		c.Lanes[i] = &cl
	}
	c.Touchpoints = make([]*Touchpoint, len(j.Touchpoints))
	for i, t := range j.Touchpoints {
		c.Touchpoints[i] = CloneTouchpoint(t)
	}
	c.Opportunities = make([]*Opportunity, len(j.Opportunities))
	for i, o := range j.Opportunities {
		co := *o
		co.Touchpoints = slices.Clone(o.Touchpoints)
		c.Opportunities[i] = &co
	}
	if j.Reviews != nil {
		c.Reviews = make([]*Review, len(j.Reviews))
		for i, r := range j.Reviews {
			c.Reviews[i] = cloneReview(r)
		}
	}
	return &c
}

// CloneTouchpoint copies a touchpoint deeply.
func CloneTouchpoint(t *Touchpoint) *Touchpoint {
	c := *t
	if t.Score != nil {
		s := *t.Score
		c.Score = &s
	}
	c.Quotes = slices.Clone(t.Quotes)
	c.Image = slices.Clone(t.Image)
	return &c
}

// Diff lists what differs between two versions of a document: things to
// write as they are in after, and things after no longer has.
func Diff(before, after *Document) Delta {
	var d Delta
	if before.Title != after.Title || before.Language != after.Language {
		d.Changed = append(d.Changed, Ref{Kind: KindDocument})
	}
	diffList(&d, KindPersona, "", before.Personas, after.Personas,
		func(p *Persona) string { return p.ID }, func(a, b *Persona) bool { return reflect.DeepEqual(a, b) })
	diffList(&d, KindJourney, "", before.Journeys, after.Journeys,
		func(j *Journey) string { return j.ID }, sameJourneyMeta)
	for _, j := range after.Journeys {
		old := before.Journey(j.ID)
		if old == nil {
			old = &Journey{ID: j.ID}
		}
		diffJourney(&d, old, j)
	}
	for _, j := range before.Journeys {
		if after.Journey(j.ID) == nil {
			diffJourney(&d, j, &Journey{ID: j.ID})
		}
	}
	return d
}

func diffJourney(d *Delta, before, after *Journey) {
	id := after.ID
	same := func(a, b any) bool { return reflect.DeepEqual(a, b) }
	diffList(d, KindStage, id, before.Stages, after.Stages, func(s *Stage) string { return s.ID },
		func(a, b *Stage) bool { return same(a, b) })
	diffList(d, KindLane, id, before.Lanes, after.Lanes, func(l *Lane) string { return l.ID },
		func(a, b *Lane) bool { return same(a, b) })
	diffList(d, KindTouchpoint, id, before.Touchpoints, after.Touchpoints, func(t *Touchpoint) string { return t.ID },
		func(a, b *Touchpoint) bool { return same(a, b) })
	diffList(d, KindOpportunity, id, before.Opportunities, after.Opportunities, func(o *Opportunity) string { return o.ID },
		func(a, b *Opportunity) bool { return same(a, b) })
	diffList(d, KindReview, id, before.Reviews, after.Reviews, func(r *Review) string { return r.ID }, sameReview)
}

// diffList compares two lists of things by id: a thing is changed when it
// is new, differs, or sits at another position among its siblings.
func diffList[T any](d *Delta, kind Kind, journey string, before, after []T, id func(T) string, same func(a, b T) bool) {
	old := make(map[string]int, len(before))
	for i, x := range before {
		old[id(x)] = i
	}
	seen := make(map[string]bool, len(after))
	for i, x := range after {
		k := id(x)
		seen[k] = true
		if j, ok := old[k]; !ok || j != i || !same(before[j], x) {
			d.Changed = append(d.Changed, Ref{Kind: kind, Journey: journey, ID: k})
		}
	}
	for _, x := range before {
		if k := id(x); !seen[k] {
			d.Removed = append(d.Removed, Ref{Kind: kind, Journey: journey, ID: k})
		}
	}
}

func sameJourneyMeta(a, b *Journey) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Persona == b.Persona && a.Objective == b.Objective &&
		a.State == b.State && a.TargetScore == b.TargetScore && a.Origin == b.Origin
}
