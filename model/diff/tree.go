// Package diff compares and merges versions of one document by id, for
// team work without a server: what changed between two documents (things
// added, removed, moved among their siblings, and each changed field, old
// → new), and the three-way merge of two versions made from a common base,
// field by field, where the same field changed two ways is a conflict.
//
// Things are personas, journeys, stages, lanes, touchpoints, opportunities
// and reviews, known by id; their fields are named by their parcours/v1
// JSON keys, and old and new values are shown as that JSON. Fields are
// read from the model through one table per kind (fields.go) rather than
// through the JSON: a thousand touchpoints compare in milliseconds. A
// merge is checked by model.Validate, the validation of an import, and an
// invalid result is refused, never returned. It does no I/O.
package diff

import (
	"encoding/json"
	"fmt"
	"slices"

	"parcours/model"
)

// Kind is the sort of thing a change is about; the words are the JSON's.
type Kind string

// Kinds of things, in the order changes are listed.
const (
	Document    Kind = "document"
	Persona     Kind = "persona"
	Journey     Kind = "journey"
	Stage       Kind = "stage"
	Lane        Kind = "lane"
	Touchpoint  Kind = "touchpoint"
	Opportunity Kind = "opportunity"
	Review      Kind = "review"
)

// children are the kinds of things inside a journey, in listing order.
var children = []Kind{Stage, Lane, Touchpoint, Opportunity, Review}

// thing is one object of the document: a *model.Persona, *model.Journey…
type thing struct {
	kind    Kind
	id      string
	journey string // the journey a stage, lane, touchpoint, opportunity or review belongs to
	obj     any
}

// name is how people know the thing: its title or name, else its date.
func (t *thing) name() string {
	if t == nil {
		return ""
	}
	switch o := t.obj.(type) {
	case *model.Document:
		return o.Title
	case *model.Persona:
		return o.Name
	case *model.Journey:
		return o.Title
	case *model.Stage:
		return o.Name
	case *model.Lane:
		return o.Name
	case *model.Touchpoint:
		return o.Title
	case *model.Opportunity:
		return o.Title
	case *model.Review:
		return o.Label()
	}
	return ""
}

// key identifies a thing in a document: ids are unique in a document, but
// the document itself has none.
type key struct {
	kind Kind
	id   string
}

// tree is a document as things and ordered lists of ids.
type tree struct {
	doc      *thing
	personas []string
	journeys []string
	lists    map[string]map[Kind][]string // journey id → kind → ids in order (touchpoints: timeline)
	things   map[key]*thing
}

func (t *tree) get(kind Kind, id string) *thing { return t.things[key{kind, id}] }

// ids of the journeys and personas: what makes two files versions of one
// document (templates reuse stage and lane ids such as s-apres, so those
// say nothing).
func (t *tree) ids() map[string]bool {
	out := make(map[string]bool, len(t.journeys)+len(t.personas))
	for _, id := range t.journeys {
		out[id] = true
	}
	for _, id := range t.personas {
		out[id] = true
	}
	return out
}

// parse lists the things of a document; it keeps pointers into d, which
// it does not change.
func parse(d *model.Document) *tree {
	t := &tree{lists: map[string]map[Kind][]string{}, things: map[key]*thing{}}
	t.doc = &thing{kind: Document, obj: d}
	t.things[key{Document, ""}] = t.doc
	add := func(kind Kind, id, journey string, obj any) string {
		t.things[key{kind, id}] = &thing{kind: kind, id: id, journey: journey, obj: obj}
		return id
	}
	for _, p := range d.Personas {
		t.personas = append(t.personas, add(Persona, p.ID, "", p))
	}
	for _, j := range d.Journeys {
		t.journeys = append(t.journeys, add(Journey, j.ID, "", j))
		lists := map[Kind][]string{}
		for _, s := range j.Stages {
			lists[Stage] = append(lists[Stage], add(Stage, s.ID, j.ID, s))
		}
		for _, l := range j.Lanes {
			lists[Lane] = append(lists[Lane], add(Lane, l.ID, j.ID, l))
		}
		for _, tp := range model.TimelineOf(j) {
			lists[Touchpoint] = append(lists[Touchpoint], add(Touchpoint, tp.ID, j.ID, tp))
		}
		for _, o := range j.Opportunities {
			lists[Opportunity] = append(lists[Opportunity], add(Opportunity, o.ID, j.ID, o))
		}
		for _, r := range j.Reviews {
			lists[Review] = append(lists[Review], add(Review, r.ID, j.ID, r))
		}
		t.lists[j.ID] = lists
	}
	return t
}

// stageOf is a touchpoint's stage id.
func stageOf(th *thing) string { return th.obj.(*model.Touchpoint).Stage }

// moved lists the ids common to before and after that left the order of
// the others: the fewest such, off a longest run that kept its order
// (longest increasing subsequence, n log n).
func moved(before, after []string) map[string]bool {
	pos := make(map[string]int, len(before))
	for i, id := range before {
		pos[id] = i
	}
	var seq []int // positions in before, in after's order
	var ids []string
	for _, id := range after {
		if p, ok := pos[id]; ok {
			seq = append(seq, p)
			ids = append(ids, id)
		}
	}
	tails := []int{} // tails[k]: index in seq of the smallest tail of a run of k+1
	prev := make([]int, len(seq))
	for i, p := range seq {
		k, _ := slices.BinarySearchFunc(tails, p, func(ti, v int) int { return seq[ti] - v })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(seq))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	out := map[string]bool{}
	for i, id := range ids {
		if !keep[i] {
			out[id] = true
		}
	}
	return out
}

func index(list []string) map[string]int {
	m := make(map[string]int, len(list))
	for i, id := range list {
		m[id] = i
	}
	return m
}

// show writes a JSON value for people: a string between quotes, the rest
// as JSON, a long value shortened; an absent value as an empty mark.
func show(v json.RawMessage) string {
	if v == nil || string(v) == "null" {
		return "∅"
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		if r := []rune(s); len(r) > 120 {
			return fmt.Sprintf("“%s…” (%d)", string(r[:100]), len(r))
		}
		return "“" + s + "”"
	}
	if r := []rune(string(v)); len(r) > 120 {
		return fmt.Sprintf("%s… (%d)", string(r[:100]), len(r))
	}
	return string(v)
}
