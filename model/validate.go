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
func Validate(d *Document) error {
	if d.Language != "fr" && d.Language != "en" {
		return problem("valid.language", d.Language)
	}
	if err := texts(func() string { return msg.T("where.document") }, "title", d.Title); err != nil {
		return err
	}
	v := validator{seen: make(map[string]bool, 64)}
	for i, p := range d.Personas {
		if err := v.id("where.persona", i, p.ID); err != nil {
			return err
		}
		where := at("where.persona", p.ID)
		for _, c := range p.Channels {
			if !c.Valid() {
				return problem("valid.enum", where(), "channels", c, joinAny(Channels))
			}
		}
		if err := texts(where, "name", p.Name, "job", p.Job, "age", p.Age, "hobbies", p.Hobbies,
			"ambitions", p.Ambitions, "frustrations", p.Frustrations, "quote", p.Quote); err != nil {
			return err
		}
	}
	for i, j := range d.Journeys {
		if err := v.id("where.journey", i, j.ID); err != nil {
			return err
		}
		if err := v.journey(d, j); err != nil {
			return err
		}
	}
	return nil
}

// validator remembers the ids met so far: they are unique in the document.
type validator struct {
	seen    map[string]bool
	scratch map[string]bool // reused by each review's check
}

// id checks the id of the i-th item of a kind ("where.stage").
func (v *validator) id(kind string, i int, id string) error {
	if id == "" {
		return problem("valid.empty_id", msg.T("where.item", msg.T(kind, ""), i+1))
	}
	if !utf8.ValidString(id) {
		return problem("valid.text", msg.T("where.item", msg.T(kind, ""), i+1), "id")
	}
	if v.seen[id] {
		return problem("valid.duplicate_id", id)
	}
	v.seen[id] = true
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
	if err := texts(where, "title", j.Title, "objective", j.Objective); err != nil {
		return err
	}
	stages := make(map[string]bool, len(j.Stages))
	for i, s := range j.Stages {
		if err := v.id("where.stage", i, s.ID); err != nil {
			return err
		}
		stages[s.ID] = true
		sw := at("where.stage", s.ID)
		if err := number(sw, "width", s.Width, 0, 5000); err != nil {
			return err
		}
		if err := texts(sw, "name", s.Name, "customer_goals", s.CustomerGoals, "business_goals", s.BusinessGoals,
			"actions", s.Actions, "thoughts", s.Thoughts); err != nil {
			return err
		}
		for _, k := range s.KPIs {
			if err := texts(sw, "kpis.name", k.Name, "kpis.value", k.Value, "kpis.target", k.Target); err != nil {
				return err
			}
		}
	}
	lanes := make(map[string]bool, len(j.Lanes))
	for i, l := range j.Lanes {
		if err := v.id("where.lane", i, l.ID); err != nil {
			return err
		}
		lanes[l.ID] = true
		lw := at("where.lane", l.ID)
		if !colorRE.MatchString(l.Color) {
			return problem("valid.color", lw(), l.Color)
		}
		if err := texts(lw, "name", l.Name); err != nil {
			return err
		}
	}
	orders := make(map[int]string, len(j.Touchpoints))
	touchpoints := make(map[string]bool, len(j.Touchpoints))
	for i, t := range j.Touchpoints {
		if err := v.id("where.touchpoint", i, t.ID); err != nil {
			return err
		}
		touchpoints[t.ID] = true
		if err := validateTouchpoint(stages, lanes, t); err != nil {
			return err
		}
		if other, dup := orders[t.Order]; dup {
			return problem("valid.order_dup", where(), other, t.ID, t.Order)
		}
		orders[t.Order] = t.ID
	}
	for i, o := range j.Opportunities {
		if err := v.id("where.opportunity", i, o.ID); err != nil {
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
		if err := texts(ow, "title", o.Title, "owner", o.Owner); err != nil {
			return err
		}
	}
	for i, r := range j.Reviews {
		if err := v.id("where.review", i, r.ID); err != nil {
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
	return nil
}

// review checks a review's own values; the stages and touchpoints it names
// may no longer exist (it is history).
func (v *validator) review(r *Review) error {
	rw := at("where.review", r.ID)
	if !ValidDate(r.Date) {
		return problem("valid.date", rw(), "date", r.Date)
	}
	if err := texts(rw, "note", r.Note); err != nil {
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
		if err := texts(rw, "stages.name", s.Name); err != nil {
			return err
		}
		for _, k := range s.KPIs {
			if err := texts(rw, "kpis.name", k.Name, "kpis.value", k.Value, "kpis.target", k.Target); err != nil {
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

func validateTouchpoint(stages, lanes map[string]bool, t *Touchpoint) error {
	tw := at("where.touchpoint", t.ID)
	if !stages[t.Stage] {
		return problem("valid.ref", tw(), "stage", t.Stage)
	}
	if !lanes[t.Lane] {
		return problem("valid.ref", tw(), "lane", t.Lane)
	}
	if t.Order < 1 {
		return problem("valid.range", tw(), "order", t.Order, "≥ 1")
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
	if err := texts(tw, "title", t.Title, "description", t.Description, "note", t.Note); err != nil {
		return err
	}
	for _, q := range t.Quotes {
		if err := texts(tw, "quotes", q); err != nil {
			return err
		}
	}
	return nil
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

// texts checks key, value pairs for valid UTF-8.
func texts(where place, kv ...string) error {
	for i := 0; i+1 < len(kv); i += 2 {
		if !utf8.ValidString(kv[i+1]) {
			return problem("valid.text", where(), kv[i])
		}
	}
	return nil
}
