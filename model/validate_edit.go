package model

import "parcours/model/msg"

// The store checks every edit before it writes it, so that a command with
// a bug cannot put invalid data in a file. Checking the whole document
// costs some 20 ms on a 20 000-touchpoint map, more than the rest of a
// drag's save; the edits made most often (moves, survey scores, one
// card's fields) change a few touchpoints, and for them the check costs
// what they change.

// narrowEdit is the most touchpoints an edit may name and still be checked
// by what it changes.
const narrowEdit = 64

// ValidateEdit checks d after an edit that changed only what delta names,
// d having been valid before it (Validate: opening and import check
// everything, untrusted files included). It refuses what Validate refuses.
//
// When delta names at most a few dozen touchpoints and nothing else (and
// shifts orders), those touchpoints are checked as Validate checks them:
// their values, pictures, stage and lane, their id unique in the document,
// their origin; and so is what changing any touchpoint can break: the
// orders of their journeys (1..n along the stages, which is one pass over
// j.Touchpoints), the counts and the totals of text and pictures. Any other
// edit, or a journey whose touchpoints are not 1..n in order (Validate
// allows gaps in orders, which no command leaves), is checked by Validate.
func ValidateEdit(d *Document, delta Delta) error {
	if !narrow(d, delta) {
		return Validate(d)
	}
	doc := func() string { return msg.T("where.document") }
	v := validator{seen: map[string]Kind{}}
	if err := v.counts(doc, d); err != nil {
		return err
	}
	journeys := map[string]bool{}
	for _, s := range delta.Shifts {
		journeys[s.Journey] = true
	}
	for _, r := range delta.Changed {
		journeys[r.Journey] = true
	}
	ids := newTally()
	var changed []*Touchpoint
	for id := range journeys {
		j := d.Journey(id)
		if j == nil || !inTimeline(j) {
			return Validate(d)
		}
		stages := make(map[string]int, len(j.Stages))
		for i, s := range j.Stages {
			stages[s.ID] = i
		}
		lanes := make(map[string]bool, len(j.Lanes))
		for _, l := range j.Lanes {
			lanes[l.ID] = true
		}
		for _, r := range delta.Changed {
			if r.Journey != id {
				continue
			}
			t := j.Touchpoint(r.ID)
			if t == nil {
				// Gone: opportunities may still name it.
				return Validate(d)
			}
			if _, twice := v.seen[t.ID]; twice {
				continue
			}
			if err := v.id("where.touchpoint", t.Order-1, t.ID, KindTouchpoint); err != nil {
				return err
			}
			if err := v.touchpoint(stages, lanes, t); err != nil {
				return err
			}
			ids.want(t.ID)
			ids.want(t.Origin)
			changed = append(changed, t)
		}
	}
	eachID(d, ids.meet)
	for _, t := range changed {
		if n, _ := ids.met(t.ID); n != 1 {
			return problem("valid.duplicate_id", t.ID)
		}
		if err := originOf(d, t, ids); err != nil {
			return err
		}
	}
	return totals(d)
}

// narrow tells an edit of a few touchpoints.
func narrow(d *Document, delta Delta) bool {
	if len(delta.Removed) > 0 || len(delta.Changed) > narrowEdit {
		return false
	}
	for _, r := range delta.Changed {
		if r.Kind != KindTouchpoint {
			return false
		}
	}
	return len(d.Journeys) > 0
}

// originOf checks t's origin as Validate does: a touchpoint or nothing in
// the document, and a chain of origins that does not come back to t
// (the document was valid before, so a circle would go through t).
func originOf(d *Document, t *Touchpoint, ids *tally) error {
	v := validator{seen: map[string]Kind{}}
	if n, k := ids.met(t.Origin); n > 0 {
		v.seen[t.Origin] = k
	}
	if err := v.origin(at("where.touchpoint", t.ID), t.ID, t.Origin, KindTouchpoint); err != nil {
		return err
	}
	id := t.Origin
	for steps := 0; id != ""; steps++ {
		if id == t.ID {
			return problem("valid.origin_cycle", id)
		}
		if steps > narrowEdit {
			// A chain this long goes round another circle, through
			// another touchpoint of the edit.
			return Validate(d)
		}
		next := touchpointAnywhere(d, id)
		if next == nil {
			return nil
		}
		id = next.Origin
	}
	return nil
}

func touchpointAnywhere(d *Document, id string) *Touchpoint {
	for _, j := range d.Journeys {
		if t := j.Touchpoint(id); t != nil {
			return t
		}
	}
	return nil
}

// eachID calls f with the id of every thing in the document, and its kind.
func eachID(d *Document, f func(id string, k Kind)) {
	for _, p := range d.Personas {
		f(p.ID, KindPersona)
	}
	for _, j := range d.Journeys {
		f(j.ID, KindJourney)
		for _, s := range j.Stages {
			f(s.ID, KindStage)
		}
		for _, l := range j.Lanes {
			f(l.ID, KindLane)
		}
		for _, t := range j.Touchpoints {
			f(t.ID, KindTouchpoint)
		}
		for _, o := range j.Opportunities {
			f(o.ID, KindOpportunity)
		}
		for _, r := range j.Reviews {
			f(r.ID, KindReview)
		}
	}
}

// tally counts how often a few ids are met among all those of a document,
// and of which kind they are: by comparing them in turn when they are few,
// through a map when there are more.
type tally struct {
	ids   []string
	count []int
	kind  []Kind
	index map[string]int
}

func newTally() *tally { return &tally{} }

func (t *tally) want(id string) {
	if id == "" || t.find(id) >= 0 {
		return
	}
	t.ids = append(t.ids, id)
	t.count = append(t.count, 0)
	t.kind = append(t.kind, 0)
	if len(t.ids) > 8 {
		if t.index == nil {
			t.index = map[string]int{}
			for i, x := range t.ids {
				t.index[x] = i
			}
		}
		t.index[id] = len(t.ids) - 1
	}
}

func (t *tally) find(id string) int {
	if t.index != nil {
		if i, ok := t.index[id]; ok {
			return i
		}
		return -1
	}
	for i, x := range t.ids {
		if x == id {
			return i
		}
	}
	return -1
}

func (t *tally) meet(id string, k Kind) {
	if i := t.find(id); i >= 0 {
		t.count[i]++
		t.kind[i] = k
	}
}

// met says how often id was met, and its kind.
func (t *tally) met(id string) (int, Kind) {
	if i := t.find(id); i >= 0 {
		return t.count[i], t.kind[i]
	}
	return 0, 0
}

// totals checks the bytes of all the texts and all the pictures of the
// document together.
func totals(d *Document) error {
	text, pictures := sizes(d)
	if text > MaxTextBytes {
		return problem("valid.text_total", megabytes(text), megabytes(MaxTextBytes))
	}
	if pictures > MaxPicturesBytes {
		return problem("valid.pictures_total", megabytes(pictures), megabytes(MaxPicturesBytes))
	}
	return nil
}

// sizes adds up the bytes of every text Validate bounds, and of every
// picture.
func sizes(d *Document) (text, pictures int) {
	kpis := func(ks []KPI) {
		for _, k := range ks {
			text += len(k.Name) + len(k.Value) + len(k.Target)
		}
	}
	text += len(d.Title)
	for _, p := range d.Personas {
		text += len(p.Name) + len(p.Job) + len(p.Age) + len(p.Hobbies) + len(p.Ambitions) + len(p.Frustrations) + len(p.Quote)
		pictures += len(p.Avatar)
	}
	for _, j := range d.Journeys {
		text += len(j.Title) + len(j.Objective)
		for _, s := range j.Stages {
			text += len(s.Name) + len(s.CustomerGoals) + len(s.BusinessGoals) + len(s.Actions) + len(s.Thoughts)
			kpis(s.KPIs)
		}
		for _, l := range j.Lanes {
			text += len(l.Name)
		}
		for _, t := range j.Touchpoints {
			text += len(t.Title) + len(t.Description) + len(t.Note)
			for _, q := range t.Quotes {
				text += len(q)
			}
			pictures += len(t.Image)
		}
		for _, o := range j.Opportunities {
			text += len(o.Title) + len(o.Owner)
		}
		for _, r := range j.Reviews {
			text += len(r.Note)
			for _, s := range r.Stages {
				text += len(s.Name)
				kpis(s.KPIs)
			}
		}
	}
	return text, pictures
}
