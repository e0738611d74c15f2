package model

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"unicode/utf8"

	"parcours/model/msg"
)

// ErrInvalid marks every validation failure, so callers can tell bad data
// from failed I/O with errors.Is.
var ErrInvalid = errors.New("invalid document")

type invalid struct{ text string }

func (e *invalid) Error() string        { return e.text }
func (e *invalid) Is(target error) bool { return target == ErrInvalid }

func problem(key string, args ...any) error { return &invalid{msg.T(key, args...)} }

var colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// Validate checks everything import and the store refuse: ids present and
// unique in the document, references that point somewhere, values in range,
// known enumerations, valid UTF-8, and touchpoint orders that are unique in
// their journey. It reports the first problem, naming the id and the key.
//
// It also checks the limits of limits.go (lengths of texts, counts, sizes
// of pictures), that origins name no thing of another kind and go round
// no circle, and the timeline: a journey's touchpoint orders are 1…n
// without gaps, every touchpoint of stage k before every touchpoint of
// stage k+1. Opening a document and importing JSON run exactly this.
func Validate(d *Document) error {
	if d.Language != "fr" && d.Language != "en" {
		return problem("valid.language", d.Language)
	}
	doc := func() string { return msg.T("where.document") }
	v := validator{seen: make(map[string]Kind, 64)}
	if err := short(doc, &v, "title", d.Title); err != nil {
		return err
	}
	if err := v.counts(doc, d); err != nil {
		return err
	}
	for i, p := range d.Personas {
		if err := v.id("where.persona", i, p.ID, KindPersona); err != nil {
			return err
		}
		where := at("where.persona", p.ID)
		if err := count(where, "channels", len(p.Channels), len(Channels)); err != nil {
			return err
		}
		for _, c := range p.Channels {
			if !c.Valid() {
				return problem("valid.enum", where(), "channels", c, joinAny(Channels))
			}
		}
		if err := short(where, &v, "name", p.Name, "job", p.Job, "age", p.Age); err != nil {
			return err
		}
		if err := long(where, &v, "hobbies", p.Hobbies, "ambitions", p.Ambitions,
			"frustrations", p.Frustrations, "quote", p.Quote); err != nil {
			return err
		}
		if err := v.picture(where, "avatar", p.Avatar); err != nil {
			return err
		}
	}
	for i, j := range d.Journeys {
		if err := v.id("where.journey", i, j.ID, KindJourney); err != nil {
			return err
		}
		if err := v.journey(d, j); err != nil {
			return err
		}
	}
	if err := totals(d); err != nil {
		return err
	}
	return v.origins(d)
}

// validator remembers the ids met so far, with their kind: they are unique
// in the document, and origins name things of their own kind.
type validator struct {
	seen    map[string]Kind
	scratch map[string]bool // reused by each review's check
}

// counts checks the numbers of things in the whole document before any of
// them is looked at.
func (v *validator) counts(where place, d *Document) error {
	var stages, lanes, touchpoints, opportunities, links, reviews int
	for _, j := range d.Journeys {
		reviews += len(j.Reviews)
		stages += len(j.Stages)
		lanes += len(j.Lanes)
		touchpoints += len(j.Touchpoints)
		opportunities += len(j.Opportunities)
		for _, o := range j.Opportunities {
			links += len(o.Touchpoints)
		}
	}
	for _, c := range []struct {
		what   string
		n, max int
	}{{"personas", len(d.Personas), MaxPersonas}, {"journeys", len(d.Journeys), MaxJourneys},
		{"stages", stages, MaxStages}, {"lanes", lanes, MaxLanes}, {"touchpoints", touchpoints, MaxTouchpoints},
		{"opportunities", opportunities, MaxOpportunities}, {"links", links, MaxLinks},
		{"reviews", reviews, MaxReviews}} {
		if err := count(where, c.what, c.n, c.max); err != nil {
			return err
		}
	}
	return nil
}

// origins checks what journeys and touchpoints say they were made from:
// not themselves, not a thing of another kind, and no circle. An origin
// may name nothing in the document: its source may have been deleted
// since, or lie in another document (a paste).
func (v *validator) origins(d *Document) error {
	jorigin := make(map[string]string, len(d.Journeys))
	torigin := map[string]string{}
	for _, j := range d.Journeys {
		if err := v.origin(at("where.journey", j.ID), j.ID, j.Origin, KindJourney); err != nil {
			return err
		}
		jorigin[j.ID] = j.Origin
		for _, t := range j.Touchpoints {
			if err := v.origin(at("where.touchpoint", t.ID), t.ID, t.Origin, KindTouchpoint); err != nil {
				return err
			}
			if t.Origin != "" {
				torigin[t.ID] = t.Origin
			}
		}
	}
	for _, m := range []map[string]string{jorigin, torigin} {
		if err := circles(m); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) origin(where place, id, origin string, kind Kind) error {
	if origin == "" {
		return nil
	}
	if len(origin) > MaxIDBytes || !utf8.ValidString(origin) {
		return problem("valid.id_text", where(), "origin", MaxIDBytes)
	}
	if origin == id {
		return problem("valid.origin_self", where())
	}
	if k, ok := v.seen[origin]; ok && k != kind {
		return problem("valid.origin_kind", where(), origin)
	}
	return nil
}

// circles finds an origin that leads back to itself; each chain is walked
// once, so it stays linear in the number of things.
func circles(origin map[string]string) error {
	const (
		walking = 1
		done    = 2
	)
	state := make(map[string]int, len(origin))
	for start := range origin {
		var path []string
		id := start
		for id != "" && state[id] == 0 {
			state[id] = walking
			path = append(path, id)
			id = origin[id]
		}
		if id != "" && state[id] == walking {
			return problem("valid.origin_cycle", id)
		}
		for _, p := range path {
			state[p] = done
		}
	}
	return nil
}

// id checks the id of the i-th item of a kind ("where.stage").
func (v *validator) id(where string, i int, id string, kind Kind) error {
	if id == "" {
		return problem("valid.empty_id", msg.T("where.item", msg.T(where, ""), i+1))
	}
	if len(id) > MaxIDBytes || !utf8.ValidString(id) {
		return problem("valid.id_text", msg.T("where.item", msg.T(where, ""), i+1), "id", MaxIDBytes)
	}
	if _, dup := v.seen[id]; dup {
		return problem("valid.duplicate_id", id)
	}
	v.seen[id] = kind
	return nil
}

func (v *validator) journey(d *Document, j *Journey) error {
	where := at("where.journey", j.ID)
	if j.Persona != "" && d.Persona(j.Persona) == nil {
		return problem("valid.ref", where(), "persona", j.Persona)
	}
	if !slices.Contains(JourneyStates, j.State) {
		return problem("valid.enum", where(), "state", j.State, joinAny(JourneyStates))
	}
	if err := number(where, "target_score", j.TargetScore, 0, 10); err != nil {
		return err
	}
	if err := short(where, v, "title", j.Title); err != nil {
		return err
	}
	if err := long(where, v, "objective", j.Objective); err != nil {
		return err
	}
	stages := make(map[string]int, len(j.Stages))
	for i, s := range j.Stages {
		if err := v.id("where.stage", i, s.ID, KindStage); err != nil {
			return err
		}
		stages[s.ID] = i
		sw := at("where.stage", s.ID)
		if err := number(sw, "width", s.Width, 0, 5000); err != nil {
			return err
		}
		if err := short(sw, v, "name", s.Name); err != nil {
			return err
		}
		if err := long(sw, v, "customer_goals", s.CustomerGoals, "business_goals", s.BusinessGoals,
			"actions", s.Actions, "thoughts", s.Thoughts); err != nil {
			return err
		}
		if err := count(sw, "kpis", len(s.KPIs), MaxKPIs); err != nil {
			return err
		}
		for _, k := range s.KPIs {
			if err := short(sw, v, "kpis.name", k.Name, "kpis.value", k.Value, "kpis.target", k.Target); err != nil {
				return err
			}
		}
	}
	lanes := make(map[string]bool, len(j.Lanes))
	for i, l := range j.Lanes {
		if err := v.id("where.lane", i, l.ID, KindLane); err != nil {
			return err
		}
		lanes[l.ID] = true
		lw := at("where.lane", l.ID)
		if !colorRE.MatchString(l.Color) {
			return problem("valid.color", lw(), l.Color)
		}
		if err := short(lw, v, "name", l.Name); err != nil {
			return err
		}
	}
	touchpoints := make(map[string]bool, len(j.Touchpoints))
	for i, t := range j.Touchpoints {
		if err := v.id("where.touchpoint", i, t.ID, KindTouchpoint); err != nil {
			return err
		}
		touchpoints[t.ID] = true
		if err := v.touchpoint(stages, lanes, t); err != nil {
			return err
		}
	}
	if err := orders(j); err != nil {
		return err
	}
	for i, o := range j.Opportunities {
		if err := v.id("where.opportunity", i, o.ID, KindOpportunity); err != nil {
			return err
		}
		ow := at("where.opportunity", o.ID)
		if !slices.Contains(OpportunityKinds, o.Kind) {
			return problem("valid.enum", ow(), "kind", o.Kind, joinAny(OpportunityKinds))
		}
		if !slices.Contains(OpportunityStatuses, o.Status) {
			return problem("valid.enum", ow(), "status", o.Status, joinAny(OpportunityStatuses))
		}
		if err := integer(ow, "impact", o.Impact, 1, 5); err != nil {
			return err
		}
		if err := integer(ow, "effort", o.Effort, 1, 5); err != nil {
			return err
		}
		for k, tid := range o.Touchpoints {
			if !touchpoints[tid] {
				return problem("valid.ref", ow(), "touchpoints", tid)
			}
			if slices.Contains(o.Touchpoints[:k], tid) {
				return problem("valid.duplicate", ow(), "touchpoints", tid)
			}
		}
		if err := short(ow, v, "title", o.Title, "owner", o.Owner); err != nil {
			return err
		}
	}
	for i, r := range j.Reviews {
		if err := v.id("where.review", i, r.ID, KindReview); err != nil {
			return err
		}
		if err := v.review(r); err != nil {
			return err
		}
		if i > 0 && j.Reviews[i-1].Date >= r.Date {
			if j.Reviews[i-1].Date == r.Date {
				return problem("valid.review_same_day", where(), j.Reviews[i-1].ID, r.ID, r.Date)
			}
			return problem("valid.review_order", where(), r.ID)
		}
	}
	return timeline(where, j, stages)
}

// orders checks that a journey's touchpoint orders are whole numbers ≥ 1,
// each used once: what JSON import needs before it puts them back on the
// timeline.
func orders(j *Journey) error {
	seen := make(map[int]string, len(j.Touchpoints))
	for _, t := range j.Touchpoints {
		if t.Order < 1 {
			return problem("valid.range", msg.T("where.touchpoint", t.ID), "order", t.Order, "≥ 1")
		}
		if other, dup := seen[t.Order]; dup {
			return problem("valid.order_dup", msg.T("where.journey", j.ID), other, t.ID, t.Order)
		}
		seen[t.Order] = t.ID
	}
	return nil
}

// review checks a review's own values; the stages and touchpoints it names
// may no longer exist (it is history).
func (v *validator) review(r *Review) error {
	rw := at("where.review", r.ID)
	if !ValidDate(r.Date) {
		return problem("valid.date", rw(), "date", r.Date)
	}
	if err := long(rw, v, "note", r.Note); err != nil {
		return err
	}
	// One set for every review: forty reviews of a thousand touchpoints
	// are checked at every save.
	if v.scratch == nil {
		v.scratch = make(map[string]bool, len(r.Touchpoints))
	}
	seen := v.scratch
	clear(seen)
	for _, s := range r.Stages {
		if s.Stage == "" {
			return problem("valid.empty", rw(), "stages.stage")
		}
		if seen[s.Stage] {
			return problem("valid.duplicate", rw(), "stages", s.Stage)
		}
		seen[s.Stage] = true
		if err := short(rw, v, "stages.name", s.Name); err != nil {
			return err
		}
		for _, k := range s.KPIs {
			if err := short(rw, v, "kpis.name", k.Name, "kpis.value", k.Value, "kpis.target", k.Target); err != nil {
				return err
			}
		}
		if s.AverageEmotion != nil {
			if err := number(rw, "average_emotion", *s.AverageEmotion, -2, 2); err != nil {
				return err
			}
		}
		if s.AverageScore != nil {
			if err := number(rw, "average_score", *s.AverageScore, 0, 10); err != nil {
				return err
			}
		}
	}
	clear(seen)
	for _, t := range r.Touchpoints {
		if t.Touchpoint == "" {
			return problem("valid.empty", rw(), "touchpoints.touchpoint")
		}
		if seen[t.Touchpoint] {
			return problem("valid.duplicate", rw(), "touchpoints", t.Touchpoint)
		}
		seen[t.Touchpoint] = true
		if t.Score != nil {
			if err := number(rw, "score", *t.Score, 0, 10); err != nil {
				return err
			}
		}
		if t.Responses < 0 {
			return problem("valid.range", rw(), "responses", t.Responses, "≥ 0")
		}
	}
	return nil
}

// timeline checks that the orders follow the stages: a touchpoint of a
// later order is in the same stage or a later one. Orders are known unique
// and ≥ 1 by now. Touchpoints are kept in order, so this is one pass; other
// slices are sorted first.
func timeline(where place, j *Journey, stages map[string]int) error {
	ts := j.Touchpoints
	if !slices.IsSortedFunc(ts, byOrder) {
		ts = slices.SortedFunc(slices.Values(ts), byOrder)
	}
	for k := 1; k < len(ts); k++ {
		if prev, t := ts[k-1], ts[k]; stages[t.Stage] < stages[prev.Stage] {
			return problem("valid.order_stage", where(), t.ID, t.Order, prev.ID, prev.Order)
		}
	}
	return nil
}

func byOrder(a, b *Touchpoint) int { return a.Order - b.Order }

func (v *validator) touchpoint(stages map[string]int, lanes map[string]bool, t *Touchpoint) error {
	tw := at("where.touchpoint", t.ID)
	if _, ok := stages[t.Stage]; !ok {
		return problem("valid.ref", tw(), "stage", t.Stage)
	}
	if !lanes[t.Lane] {
		return problem("valid.ref", tw(), "lane", t.Lane)
	}
	if !t.Channel.Valid() {
		return problem("valid.enum", tw(), "channel", t.Channel, joinAny(Channels))
	}
	if err := integer(tw, "emotion", t.Emotion, -2, 2); err != nil {
		return err
	}
	if t.Score != nil {
		if err := number(tw, "score", *t.Score, 0, 10); err != nil {
			return err
		}
	}
	if t.Responses < 0 {
		return problem("valid.range", tw(), "responses", t.Responses, "≥ 0")
	}
	if err := short(tw, v, "title", t.Title); err != nil {
		return err
	}
	if err := long(tw, v, "description", t.Description, "note", t.Note); err != nil {
		return err
	}
	if err := count(tw, "quotes", len(t.Quotes), MaxQuotes); err != nil {
		return err
	}
	size := 0
	for _, q := range t.Quotes {
		if err := long(tw, v, "quotes", q); err != nil {
			return err
		}
		size += len(q)
	}
	if size > MaxQuotesBytes {
		return problem("valid.quotes_bytes", tw(), megabytes(size), megabytes(MaxQuotesBytes))
	}
	return v.picture(tw, "image", t.Image)
}

// place names where a problem is; it is worded only when there is one, so
// that validating a large valid document (before every save) stays cheap.
type place func() string

func at(key string, id any) place { return func() string { return msg.T(key, id) } }

func number(where place, key string, v, lo, hi float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		return problem("valid.range", where(), key, v, fmt.Sprintf("%g…%g", lo, hi))
	}
	return nil
}

func integer(where place, key string, v, lo, hi int) error {
	if v < lo || v > hi {
		return problem("valid.range", where(), key, v, fmt.Sprintf("%d…%d", lo, hi))
	}
	return nil
}

// texts checks key, value pairs: valid UTF-8, at most max characters.
func (v *validator) texts(where place, max int, kv ...string) error {
	for i := 0; i+1 < len(kv); i += 2 {
		t := kv[i+1]
		if !utf8.ValidString(t) {
			return problem("valid.text", where(), kv[i])
		}
		// Bytes first: counting the characters of a huge text is not
		// needed to know that it is too long.
		if len(t) > max {
			if n := utf8.RuneCountInString(t); n > max {
				return problem("valid.too_long", where(), kv[i], n, max)
			}
		}
	}
	return nil
}

func short(where place, v *validator, kv ...string) error { return v.texts(where, MaxShortText, kv...) }
func long(where place, v *validator, kv ...string) error  { return v.texts(where, MaxLongText, kv...) }

// count refuses more than max things of a kind ("touchpoints").
func count(where place, what string, n, max int) error {
	if n > max {
		return problem("valid.too_many", where(), n, msg.T("count."+what), max)
	}
	return nil
}

// picture checks an avatar or a touchpoint's picture from its header alone:
// PNG or JPEG, within the limits of bytes and pixels.
func (v *validator) picture(where place, key string, b []byte) error {
	if len(b) == 0 {
		return nil
	}
	if len(b) > MaxPictureBytes {
		return problem("valid.picture_bytes", where(), key, megabytes(len(b)), megabytes(MaxPictureBytes))
	}
	w, h, err := PictureSize(b)
	if err != nil {
		return problem("valid.picture", where(), key)
	}
	if w*h > MaxPicturePixels {
		return problem("valid.picture_pixels", where(), key, w, h, MaxPicturePixels/1000000)
	}
	return nil
}

func megabytes(n int) string { return msg.Size(int64(n)) }
