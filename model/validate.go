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
	if err := text(msg.T("where.document"), "title", d.Title); err != nil {
		return err
	}
	seen := map[string]bool{}
	id := func(where, v string) error {
		if v == "" {
			return problem("valid.empty_id", where)
		}
		if !utf8.ValidString(v) {
			return problem("valid.text", where, "id")
		}
		if seen[v] {
			return problem("valid.duplicate_id", v)
		}
		seen[v] = true
		return nil
	}
	for i, p := range d.Personas {
		where := msg.T("where.persona", p.ID)
		if err := id(msg.T("where.item", msg.T("where.persona", ""), i+1), p.ID); err != nil {
			return err
		}
		for _, c := range p.Channels {
			if !c.Valid() {
				return problem("valid.enum", where, "channels", c, joinAny(Channels))
			}
		}
		for k, v := range map[string]string{"name": p.Name, "job": p.Job, "age": p.Age, "hobbies": p.Hobbies,
			"ambitions": p.Ambitions, "frustrations": p.Frustrations, "quote": p.Quote} {
			if err := text(where, k, v); err != nil {
				return err
			}
		}
	}
	for i, j := range d.Journeys {
		if err := id(msg.T("where.item", msg.T("where.journey", ""), i+1), j.ID); err != nil {
			return err
		}
		if err := validateJourney(d, j, id); err != nil {
			return err
		}
	}
	return nil
}

func validateJourney(d *Document, j *Journey, id func(where, v string) error) error {
	where := msg.T("where.journey", j.ID)
	if j.Persona != "" && d.Persona(j.Persona) == nil {
		return problem("valid.ref", where, "persona", j.Persona)
	}
	if !slices.Contains(JourneyStates, j.State) {
		return problem("valid.enum", where, "state", j.State, joinAny(JourneyStates))
	}
	if err := number(where, "target_score", j.TargetScore, 0, 10); err != nil {
		return err
	}
	for k, v := range map[string]string{"title": j.Title, "objective": j.Objective} {
		if err := text(where, k, v); err != nil {
			return err
		}
	}
	for i, s := range j.Stages {
		if err := id(msg.T("where.item", msg.T("where.stage", ""), i+1), s.ID); err != nil {
			return err
		}
		sw := msg.T("where.stage", s.ID)
		if err := number(sw, "width", s.Width, 0, 5000); err != nil {
			return err
		}
		for k, v := range map[string]string{"name": s.Name, "customer_goals": s.CustomerGoals,
			"business_goals": s.BusinessGoals, "actions": s.Actions, "thoughts": s.Thoughts} {
			if err := text(sw, k, v); err != nil {
				return err
			}
		}
		for _, k := range s.KPIs {
			for f, v := range map[string]string{"name": k.Name, "value": k.Value, "target": k.Target} {
				if err := text(sw, "kpis."+f, v); err != nil {
					return err
				}
			}
		}
	}
	for i, l := range j.Lanes {
		if err := id(msg.T("where.item", msg.T("where.lane", ""), i+1), l.ID); err != nil {
			return err
		}
		lw := msg.T("where.lane", l.ID)
		if !colorRE.MatchString(l.Color) {
			return problem("valid.color", lw, l.Color)
		}
		if err := text(lw, "name", l.Name); err != nil {
			return err
		}
	}
	orders := map[int]string{}
	for i, t := range j.Touchpoints {
		if err := id(msg.T("where.item", msg.T("where.touchpoint", ""), i+1), t.ID); err != nil {
			return err
		}
		if err := validateTouchpoint(j, t); err != nil {
			return err
		}
		if other, dup := orders[t.Order]; dup {
			return problem("valid.order_dup", where, other, t.ID, t.Order)
		}
		orders[t.Order] = t.ID
	}
	for i, o := range j.Opportunities {
		if err := id(msg.T("where.item", msg.T("where.opportunity", ""), i+1), o.ID); err != nil {
			return err
		}
		ow := msg.T("where.opportunity", o.ID)
		if !slices.Contains(OpportunityKinds, o.Kind) {
			return problem("valid.enum", ow, "kind", o.Kind, joinAny(OpportunityKinds))
		}
		if !slices.Contains(OpportunityStatuses, o.Status) {
			return problem("valid.enum", ow, "status", o.Status, joinAny(OpportunityStatuses))
		}
		if err := integer(ow, "impact", o.Impact, 1, 5); err != nil {
			return err
		}
		if err := integer(ow, "effort", o.Effort, 1, 5); err != nil {
			return err
		}
		linked := map[string]bool{}
		for _, tid := range o.Touchpoints {
			if j.Touchpoint(tid) == nil {
				return problem("valid.ref", ow, "touchpoints", tid)
			}
			if linked[tid] {
				return problem("valid.duplicate", ow, "touchpoints", tid)
			}
			linked[tid] = true
		}
		for k, v := range map[string]string{"title": o.Title, "owner": o.Owner} {
			if err := text(ow, k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateTouchpoint(j *Journey, t *Touchpoint) error {
	tw := msg.T("where.touchpoint", t.ID)
	if j.Stage(t.Stage) == nil {
		return problem("valid.ref", tw, "stage", t.Stage)
	}
	if j.Lane(t.Lane) == nil {
		return problem("valid.ref", tw, "lane", t.Lane)
	}
	if t.Order < 1 {
		return problem("valid.range", tw, "order", t.Order, "≥ 1")
	}
	if !t.Channel.Valid() {
		return problem("valid.enum", tw, "channel", t.Channel, joinAny(Channels))
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
		return problem("valid.range", tw, "responses", t.Responses, "≥ 0")
	}
	for k, v := range map[string]string{"title": t.Title, "description": t.Description, "note": t.Note} {
		if err := text(tw, k, v); err != nil {
			return err
		}
	}
	for _, q := range t.Quotes {
		if err := text(tw, "quotes", q); err != nil {
			return err
		}
	}
	return nil
}

func number(where, key string, v, lo, hi float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		return problem("valid.range", where, key, v, fmt.Sprintf("%g…%g", lo, hi))
	}
	return nil
}

func integer(where, key string, v, lo, hi int) error {
	if v < lo || v > hi {
		return problem("valid.range", where, key, v, fmt.Sprintf("%d…%d", lo, hi))
	}
	return nil
}

func text(where, key, v string) error {
	if !utf8.ValidString(v) {
		return problem("valid.text", where, key)
	}
	return nil
}
