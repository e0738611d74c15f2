package diff

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"parcours/model"
	"parcours/model/msg"
)

// Op is what happened to a thing.
type Op string

// Ops.
const (
	Added   Op = "added"
	Removed Op = "removed"
	Moved   Op = "moved"
	Changed Op = "changed"
)

// Change is one difference, by id.
type Change struct {
	Op      Op
	Kind    Kind
	ID      string // "" for the document
	Journey string // the journey of a stage, lane, touchpoint, opportunity or review
	Name    string // its title or name (in B, or in A when removed)
	Field   string // for Changed
	// Old and New are the field's JSON values (nil when absent) for
	// Changed, and the 1-based places among the siblings (the timeline for
	// touchpoints) for Moved.
	Old, New json.RawMessage
}

// ErrUnrelated is returned when two documents share no journey or persona
// id: they are not versions of one document, and a diff or merge of them
// would mean nothing.
var ErrUnrelated = errors.New("documents share no id")

// related refuses trees that share no journey or persona id (both having some).
func related(ts ...*tree) error {
	first := ts[0].ids()
	for _, t := range ts[1:] {
		other := t.ids()
		if len(first) == 0 || len(other) == 0 {
			continue
		}
		shared := false
		for id := range other {
			if first[id] {
				shared = true
				break
			}
		}
		if !shared {
			return ErrUnrelated
		}
	}
	return nil
}

// Compare lists what changed from a to b: the document's own fields; then
// personas; then journey by journey (in b's order, removed ones last):
// the journey's fields, then its stages, lanes, touchpoints, opportunities
// and reviews. In each list, things come in b's order — added, moved,
// changed field by field — then those removed, in a's order. A thing
// moved when it left the order of its siblings both documents hold (the
// fewest such moves); a touchpoint, when it left the order of the others
// of its stage (reordering stages moves no touchpoint; one that changed
// stage is a change of its stage field). Places are 1-based, on the
// journey's timeline for touchpoints. The modification time, which every
// save changes, is not a difference.
func Compare(a, b *model.Document) ([]Change, error) {
	ta, tb := parse(a), parse(b)
	if err := related(ta, tb); err != nil {
		return nil, err
	}
	var out []Change
	out = changes(out, ta.doc, tb.doc)
	out = list(out, ta, tb, Persona, ta.personas, tb.personas)
	out = list(out, ta, tb, Journey, ta.journeys, tb.journeys)
	return out, nil
}

// changes adds a change per field that differs between two versions of a
// thing.
func changes(out []Change, a, b *thing) []Change {
	for _, s := range fields[a.kind] {
		if !same(s, a, b) {
			out = append(out, Change{Op: Changed, Kind: a.kind, ID: b.id, Journey: b.journey, Name: b.name(),
				Field: s.name, Old: value(s, a), New: value(s, b)})
		}
	}
	return out
}

// list compares one list of things, and the things inside journeys.
func list(out []Change, ta, tb *tree, kind Kind, a, b []string) []Change {
	in := index(a)
	mv := moved(a, b)
	if kind == Touchpoint {
		mv = movedInStages(ta, tb, a, b)
	}
	inB := index(b)
	for i, id := range b {
		nb := tb.get(kind, id)
		j, ok := in[id]
		if !ok {
			out = append(out, Change{Op: Added, Kind: kind, ID: id, Journey: nb.journey, Name: nb.name()})
			if kind == Journey {
				out = journeyLists(out, ta, tb, id)
			}
			continue
		}
		if mv[id] {
			out = append(out, Change{Op: Moved, Kind: kind, ID: id, Journey: nb.journey, Name: nb.name(),
				Old: place(j), New: place(i)})
		}
		out = changes(out, ta.get(kind, id), nb)
		if kind == Journey {
			out = journeyLists(out, ta, tb, id)
		}
	}
	for _, id := range a {
		if _, ok := inB[id]; !ok {
			na := ta.get(kind, id)
			out = append(out, Change{Op: Removed, Kind: kind, ID: id, Journey: na.journey, Name: na.name()})
		}
	}
	return out
}

// movedInStages finds the touchpoints that left the order of the others
// of their stage.
func movedInStages(ta, tb *tree, a, b []string) map[string]bool {
	group := func(t *tree, ids []string) map[string][]string {
		g := map[string][]string{}
		for _, id := range ids {
			s := stageOf(t.get(Touchpoint, id))
			g[s] = append(g[s], id)
		}
		return g
	}
	ga, gb := group(ta, a), group(tb, b)
	out := map[string]bool{}
	for s, ids := range gb {
		for id := range moved(ga[s], ids) {
			out[id] = true
		}
	}
	return out
}

func place(i int) json.RawMessage { return json.RawMessage(strconv.Itoa(i + 1)) }

// journeyLists compares the things inside one journey (absent on one
// side: everything added, or removed).
func journeyLists(out []Change, ta, tb *tree, id string) []Change {
	for _, k := range children {
		out = list(out, ta, tb, k, ta.lists[id][k], tb.lists[id][k])
	}
	return out
}

// Words names a change for people, in the current language; conflicts are
// worded from the same pieces.
func Words(c Change) string {
	what := thingWords(c.Kind, c.ID, c.Name)
	switch c.Op {
	case Added:
		return "+ " + msg.T("diff.added", what)
	case Removed:
		return "- " + msg.T("diff.removed", what)
	case Moved:
		return "↕ " + msg.T("diff.moved", what, string(c.Old), string(c.New))
	}
	return "~ " + msg.T("diff.changed", what, c.Field, show(c.Old), show(c.New))
}

// thingWords is "touchpoint t-1 “Title”", in the current language.
func thingWords(kind Kind, id, name string) string {
	if kind == Document {
		return msg.T("diff.kind.document")
	}
	s := msg.T("diff.kind."+string(kind)) + " " + id
	if name != "" {
		s += " “" + name + "”"
	}
	return s
}

// WriteText writes the changes for people, one a line, in the current
// language, after a count.
func WriteText(w io.Writer, cs []Change) error {
	b := bufio.NewWriter(w)
	counts := map[Op]int{}
	for _, c := range cs {
		counts[c.Op]++
	}
	b.WriteString(msg.T("diff.summary", counts[Added], counts[Removed], counts[Moved], counts[Changed]) + "\n")
	for _, c := range cs {
		b.WriteString(Words(c) + "\n")
	}
	return b.Flush()
}

// wChange is a change in the JSON of `parcours diff --format json`.
type wChange struct {
	Change  Op              `json:"change"`
	Kind    Kind            `json:"kind"`
	ID      *string         `json:"id"`
	Journey *string         `json:"journey"`
	Name    string          `json:"name"`
	Field   *string         `json:"field"`
	Old     json.RawMessage `json:"old"`
	New     json.RawMessage `json:"new"`
}

func wire(c Change) wChange {
	w := wChange{Change: c.Op, Kind: c.Kind, Name: c.Name, Old: c.Old, New: c.New}
	if c.ID != "" || c.Kind != Document {
		id := c.ID
		w.ID = &id
	}
	if c.Journey != "" {
		j := c.Journey
		w.Journey = &j
	}
	if c.Field != "" {
		f := c.Field
		w.Field = &f
	}
	if w.Old == nil {
		w.Old = json.RawMessage("null")
	}
	if w.New == nil {
		w.New = json.RawMessage("null")
	}
	return w
}

// WriteJSON writes the changes for scripts, the same in every language:
// {"changes": [CHANGE, …]}, one change a line, CHANGE being {"change",
// "kind", "id", "journey", "name", "field", "old", "new"} with null where a
// key does not apply.
func WriteJSON(w io.Writer, cs []Change) error {
	return writeLines(w, "changes", len(cs), func(i int) any { return wire(cs[i]) })
}

// writeLines writes {"key": [item, …]} with one item a line.
func writeLines(w io.Writer, key string, n int, item func(int) any) error {
	b := bufio.NewWriter(w)
	b.WriteString("{\"" + key + "\": [")
	for i := 0; i < n; i++ {
		line, err := model.PlainJSON(item(i))
		if err != nil {
			return err
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  ")
		b.Write(line)
	}
	if n > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	return b.Flush()
}
