package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"parcours/model"
	"parcours/model/msg"
)

// Prefer settles conflicts for one side.
type Prefer int

// Sides a conflict may be settled for.
const (
	Neither Prefer = iota
	Ours
	Theirs
)

// Conflict is a thing both sides changed in ways that do not combine.
type Conflict struct {
	Kind    Kind
	ID      string
	Journey string
	Name    string
	// What: "field" (the same field changed two ways), "removed_ours" or
	// "removed_theirs" (one side removed what the other changed), "added"
	// (both added the same id differently: its fields conflict), "moved"
	// (both moved it to different places).
	What  string
	Field string
	// Base, Ours and Theirs are the field's values (nil when absent), or
	// the places of a thing moved both ways.
	Base, Ours, Theirs json.RawMessage
}

// Merge combines ours and theirs, two versions made from base, by id:
// changes to different things or different fields combine; the same field
// changed two ways, a thing removed on one side and changed on the other,
// or moved both ways to different places, is a conflict. Orders merge so
// that each side's moves survive: the merged list follows ours, and a
// thing only theirs moved, or added, goes after the thing that precedes it
// in theirs (touchpoints within their stage). The modification time is the
// later of the two.
//
// With conflicts and prefer Neither, Merge returns them and no document.
// Otherwise the conflicts are settled for the side preferred, and Merge
// returns the merged document, which shares nothing with its inputs and
// has passed model.Validate, the validation of an import; an invalid
// result is an error that wraps model.ErrInvalid, in the import's words.
func Merge(base, ours, theirs *model.Document, prefer Prefer) (*model.Document, []Conflict, error) {
	m := &merger{b: parse(base), o: parse(ours), t: parse(theirs), prefer: prefer}
	if err := related(m.b, m.o, m.t); err != nil {
		return nil, nil, err
	}
	d := m.document()
	if len(m.conflicts) > 0 && prefer == Neither {
		return nil, m.conflicts, nil
	}
	for _, j := range d.Journeys {
		j.Timeline()
		j.SortReviews()
	}
	if err := model.Validate(d); err != nil {
		return nil, m.conflicts, fmt.Errorf("%s: %w", msg.T("diff.invalid"), err)
	}
	return model.Clone(d), m.conflicts, nil
}

type merger struct {
	b, o, t   *tree
	prefer    Prefer
	conflicts []Conflict
}

func (m *merger) conflict(c Conflict) { m.conflicts = append(m.conflicts, c) }

func (m *merger) document() *model.Document {
	d := m.thing(Document, "").(*model.Document)
	d.Modified = later(ours(m).Modified, theirs(m).Modified)
	for _, id := range m.order(Persona, m.b.personas, m.o.personas, m.t.personas) {
		d.Personas = append(d.Personas, m.thing(Persona, id).(*model.Persona))
	}
	for _, id := range m.order(Journey, m.b.journeys, m.o.journeys, m.t.journeys) {
		j := m.thing(Journey, id).(*model.Journey)
		ids := func(k Kind) []string {
			return m.order(k, m.b.lists[id][k], m.o.lists[id][k], m.t.lists[id][k])
		}
		var stages []string
		for _, sid := range ids(Stage) {
			j.Stages = append(j.Stages, m.thing(Stage, sid).(*model.Stage))
			stages = append(stages, sid)
		}
		for _, lid := range ids(Lane) {
			j.Lanes = append(j.Lanes, m.thing(Lane, lid).(*model.Lane))
		}
		j.Touchpoints = m.touchpoints(id, stages)
		for i, t := range j.Touchpoints {
			t.Order = i + 1
		}
		for _, oid := range ids(Opportunity) {
			j.Opportunities = append(j.Opportunities, m.thing(Opportunity, oid).(*model.Opportunity))
		}
		for _, rid := range ids(Review) {
			j.Reviews = append(j.Reviews, m.thing(Review, rid).(*model.Review))
		}
		d.Journeys = append(d.Journeys, j)
	}
	return d
}

func ours(m *merger) *model.Document   { return m.o.doc.obj.(*model.Document) }
func theirs(m *merger) *model.Document { return m.t.doc.obj.(*model.Document) }

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// clone copies the object of a thing, without the lists a document or a
// journey holds (the merge fills them).
func clone(obj any) any {
	switch o := obj.(type) {
	case *model.Document:
		return &model.Document{Title: o.Title, Language: o.Language, Created: o.Created, Modified: o.Modified}
	case *model.Persona:
		c := *o
		return &c
	case *model.Journey:
		c := *o
		c.Stages, c.Lanes, c.Touchpoints, c.Opportunities, c.Reviews = nil, nil, nil, nil, nil
		return &c
	case *model.Stage:
		c := *o
		return &c
	case *model.Lane:
		c := *o
		return &c
	case *model.Touchpoint:
		c := *o
		return &c
	case *model.Opportunity:
		c := *o
		return &c
	case *model.Review:
		c := *o
		return &c
	}
	panic(fmt.Sprintf("diff: no clone for %T", obj))
}

// thing merges a thing that survives (order decided that), field by field:
// what one side changed is taken; a field both changed two ways is a
// conflict, settled for the side preferred (ours while listing them). Base
// may lack it (both sides added it): every field that differs conflicts.
// Slices are shared with the inputs until Merge clones the result.
func (m *merger) thing(kind Kind, id string) any {
	b, o, t := m.b.get(kind, id), m.o.get(kind, id), m.t.get(kind, id)
	switch {
	case o == nil:
		return clone(t.obj)
	case t == nil:
		return clone(o.obj)
	}
	dst := clone(o.obj)
	what := "field"
	if b == nil {
		what = "added"
	}
	for _, s := range fields[kind] {
		switch {
		case same(s, o, b):
			s.set(dst, t.obj)
		case same(s, t, b), same(s, o, t):
		default:
			m.conflict(Conflict{Kind: kind, ID: id, Journey: o.journey, Name: o.name(), What: what, Field: s.name,
				Base: value(s, b), Ours: value(s, o), Theirs: value(s, t)})
			if m.prefer == Theirs {
				s.set(dst, t.obj)
			}
		}
	}
	return dst
}

// changed reports whether a side changed a thing of base, or anything
// inside it when it is a journey.
func changed(kind Kind, id string, b, side *tree) bool {
	if !unchanged(kind, b.get(kind, id), side.get(kind, id)) {
		return true
	}
	return kind == Journey && len(journeyLists(nil, b, side, id)) > 0
}

// order merges a list of ids: which things survive, and in what order.
func (m *merger) order(kind Kind, base, ours, theirs []string) []string {
	return m.arrange(kind, base, ours, theirs, m.survivors(kind, base, ours, theirs))
}

// survivors decides which things of a list the merge keeps: those both
// sides kept, those either added, and, when one side removed a thing the
// other changed, as the conflict is settled.
func (m *merger) survivors(kind Kind, base, ours, theirs []string) map[string]bool {
	inB, inO, inT := index(base), index(ours), index(theirs)
	keep := map[string]bool{}
	for _, id := range base {
		_, o := inO[id]
		_, t := inT[id]
		switch {
		case o && t:
			keep[id] = true
		case o && !t: // theirs removed it
			if changed(kind, id, m.b, m.o) {
				m.removedConflict(kind, id, "removed_theirs")
				keep[id] = m.prefer != Theirs
			}
		case t && !o: // ours removed it
			if changed(kind, id, m.b, m.t) {
				m.removedConflict(kind, id, "removed_ours")
				keep[id] = m.prefer == Theirs
			}
		}
	}
	for _, l := range [][]string{ours, theirs} {
		for _, id := range l {
			if _, ok := inB[id]; !ok {
				keep[id] = true
			}
		}
	}
	return keep
}

// arrange orders the things kept: as ours has them, then each thing that
// only theirs moved, or that ours does not have, after the thing before it
// in theirs. A thing both moved to different places is a conflict.
func (m *merger) arrange(kind Kind, base, ours, theirs []string, keep map[string]bool) []string {
	inB, inO, inT := index(base), index(ours), index(theirs)
	movedO, movedT := moved(base, ours), moved(base, theirs)
	out := make([]string, 0, len(ours)+len(theirs))
	for _, id := range ours {
		if keep[id] {
			out = append(out, id)
		}
	}
	for _, id := range theirs {
		if !keep[id] {
			continue
		}
		_, o := inO[id]
		place := !o
		if movedT[id] {
			if movedO[id] {
				if before(ours, id, keep) != before(theirs, id, keep) {
					th := m.t.get(kind, id)
					m.conflict(Conflict{Kind: kind, ID: id, Journey: th.journey, Name: th.name(), What: "moved",
						Base: placeOf(inB, id), Ours: placeOf(inO, id), Theirs: placeOf(inT, id)})
					place = m.prefer == Theirs
				}
			} else {
				place = true
			}
		}
		if !place {
			continue
		}
		if i := slices.Index(out, id); i >= 0 {
			out = slices.Delete(out, i, i+1)
		}
		at := 0
		if p := before(theirs, id, inList(out)); p != "" {
			at = slices.Index(out, p) + 1
		}
		out = slices.Insert(out, at, id)
	}
	return out
}

// touchpoints merges a journey's timeline: which touchpoints survive, and
// their places stage by stage (in the merged stage order), so that
// reordering stages, which moves whole groups along the timeline, moves no
// touchpoint. It returns the merged touchpoints in timeline order.
func (m *merger) touchpoints(journey string, stages []string) []*model.Touchpoint {
	lists := func(t *tree) []string { return t.lists[journey][Touchpoint] }
	keep := m.survivors(Touchpoint, lists(m.b), lists(m.o), lists(m.t))
	merged := map[string]*model.Touchpoint{}
	for _, l := range [][]string{lists(m.o), lists(m.t)} {
		for _, id := range l {
			if keep[id] && merged[id] == nil {
				merged[id] = m.thing(Touchpoint, id).(*model.Touchpoint)
			}
		}
	}
	inStage := func(t *tree, stage string) []string {
		var out []string
		for _, id := range lists(t) {
			if stageOf(t.get(Touchpoint, id)) == stage {
				out = append(out, id)
			}
		}
		return out
	}
	var out []*model.Touchpoint
	placed := map[string]bool{}
	for _, st := range stages {
		here := map[string]bool{}
		for id, t := range merged {
			here[id] = t.Stage == st
		}
		for _, id := range m.arrange(Touchpoint, inStage(m.b, st), inStage(m.o, st), inStage(m.t, st), here) {
			out = append(out, merged[id])
			placed[id] = true
		}
	}
	// A touchpoint left in a stage the merge no longer has: validation
	// names it.
	for _, l := range [][]string{lists(m.o), lists(m.t)} {
		for _, id := range l {
			if keep[id] && !placed[id] {
				out = append(out, merged[id])
				placed[id] = true
			}
		}
	}
	return out
}

func inList(l []string) map[string]bool {
	m := make(map[string]bool, len(l))
	for _, id := range l {
		m[id] = true
	}
	return m
}

// before is the nearest id before id in list that is in keep, or "".
func before(list []string, id string, keep map[string]bool) string {
	i := slices.Index(list, id)
	for k := i - 1; k >= 0; k-- {
		if keep[list[k]] {
			return list[k]
		}
	}
	return ""
}

func placeOf(in map[string]int, id string) json.RawMessage {
	if i, ok := in[id]; ok {
		return place(i)
	}
	return nil
}

func (m *merger) removedConflict(kind Kind, id, what string) {
	th := m.b.get(kind, id)
	m.conflict(Conflict{Kind: kind, ID: id, Journey: th.journey, Name: th.name(), What: what})
}

// ConflictWords names a conflict for people, with the words of Words.
func ConflictWords(c Conflict) string {
	what := thingWords(c.Kind, c.ID, c.Name)
	switch c.What {
	case "removed_ours":
		return "! " + msg.T("diff.conflict.removed_ours", what)
	case "removed_theirs":
		return "! " + msg.T("diff.conflict.removed_theirs", what)
	case "moved":
		return "! " + msg.T("diff.conflict.moved", what, string(c.Base), string(c.Ours), string(c.Theirs))
	}
	return "! " + msg.T("diff.conflict.field", what, c.Field, show(c.Base), show(c.Ours), show(c.Theirs))
}

// WriteConflicts lists conflicts for people, one a line.
func WriteConflicts(w io.Writer, cs []Conflict) error {
	var b bytes.Buffer
	for _, c := range cs {
		b.WriteString(ConflictWords(c) + "\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}
