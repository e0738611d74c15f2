package diff

import (
	"encoding/json"
	"reflect"
	"slices"
	"time"

	"parcours/model"
)

// spec is one field of a kind of thing: its JSON name, how to compare it
// between two objects, its value as JSON, and how to copy it from one
// object to another.
type spec struct {
	name string
	eq   func(a, b any) bool
	val  func(o any) any
	set  func(dst, src any)
}

// plain is a field compared with ==.
func plain[T any, V comparable](name string, at func(*T) *V) spec {
	return spec{name: name,
		eq:  func(a, b any) bool { return *at(a.(*T)) == *at(b.(*T)) },
		val: func(o any) any { return *at(o.(*T)) },
		set: func(dst, src any) { *at(dst.(*T)) = *at(src.(*T)) }}
}

// deep is a field of lists or pointers, compared by content.
func deep[T any, V any](name string, at func(*T) *V) spec {
	return spec{name: name,
		eq:  func(a, b any) bool { return reflect.DeepEqual(*at(a.(*T)), *at(b.(*T))) },
		val: func(o any) any { return *at(o.(*T)) },
		set: func(dst, src any) { *at(dst.(*T)) = *at(src.(*T)) }}
}

// shown changes how a field's value is shown (the JSON's form of it).
func shown(s spec, val func(o any) any) spec { s.val = val; return s }

func kpis(ks []model.KPI) any {
	out := make([]map[string]string, len(ks))
	for i, k := range ks {
		out[i] = map[string]string{"name": k.Name, "value": k.Value, "target": k.Target}
	}
	return out
}

// fields of each kind, in the order of the JSON reference. The document's
// modification time is a field of its own that every save changes.
var fields = map[Kind][]spec{
	Document: {
		plain("title", func(d *model.Document) *string { return &d.Title }),
		plain("language", func(d *model.Document) *string { return &d.Language }),
		{name: "created",
			eq:  func(a, b any) bool { return a.(*model.Document).Created.Equal(b.(*model.Document).Created) },
			val: func(o any) any { return timeValue(o.(*model.Document).Created) },
			set: func(dst, src any) { dst.(*model.Document).Created = src.(*model.Document).Created }},
	},
	Persona: {
		plain("name", func(p *model.Persona) *string { return &p.Name }),
		plain("job", func(p *model.Persona) *string { return &p.Job }),
		plain("age", func(p *model.Persona) *string { return &p.Age }),
		plain("hobbies", func(p *model.Persona) *string { return &p.Hobbies }),
		plain("ambitions", func(p *model.Persona) *string { return &p.Ambitions }),
		plain("frustrations", func(p *model.Persona) *string { return &p.Frustrations }),
		deep("channels", func(p *model.Persona) *[]model.Channel { return &p.Channels }),
		plain("quote", func(p *model.Persona) *string { return &p.Quote }),
		deep("avatar", func(p *model.Persona) *[]byte { return &p.Avatar }),
	},
	Journey: {
		plain("title", func(j *model.Journey) *string { return &j.Title }),
		plain("persona", func(j *model.Journey) *string { return &j.Persona }),
		plain("objective", func(j *model.Journey) *string { return &j.Objective }),
		plain("state", func(j *model.Journey) *model.JourneyState { return &j.State }),
		plain("target_score", func(j *model.Journey) *float64 { return &j.TargetScore }),
		plain("origin", func(j *model.Journey) *string { return &j.Origin }),
	},
	Stage: {
		plain("name", func(s *model.Stage) *string { return &s.Name }),
		plain("customer_goals", func(s *model.Stage) *string { return &s.CustomerGoals }),
		plain("business_goals", func(s *model.Stage) *string { return &s.BusinessGoals }),
		plain("actions", func(s *model.Stage) *string { return &s.Actions }),
		plain("thoughts", func(s *model.Stage) *string { return &s.Thoughts }),
		shown(deep("kpis", func(s *model.Stage) *[]model.KPI { return &s.KPIs }),
			func(o any) any { return kpis(o.(*model.Stage).KPIs) }),
		plain("width", func(s *model.Stage) *float64 { return &s.Width }),
	},
	Lane: {
		plain("name", func(l *model.Lane) *string { return &l.Name }),
		plain("owned", func(l *model.Lane) *bool { return &l.Owned }),
		plain("color", func(l *model.Lane) *string { return &l.Color }),
		plain("leverage", func(l *model.Lane) *bool { return &l.Leverage }),
	},
	Touchpoint: {
		plain("stage", func(t *model.Touchpoint) *string { return &t.Stage }),
		plain("lane", func(t *model.Touchpoint) *string { return &t.Lane }),
		plain("title", func(t *model.Touchpoint) *string { return &t.Title }),
		plain("channel", func(t *model.Touchpoint) *model.Channel { return &t.Channel }),
		plain("description", func(t *model.Touchpoint) *string { return &t.Description }),
		plain("emotion", func(t *model.Touchpoint) *int { return &t.Emotion }),
		deep("score", func(t *model.Touchpoint) **float64 { return &t.Score }),
		plain("listened", func(t *model.Touchpoint) *bool { return &t.Listened }),
		shown(plain("markers", func(t *model.Touchpoint) *model.Markers { return &t.Markers }),
			func(o any) any { return orEmpty(o.(*model.Touchpoint).Markers.List()) }),
		deep("quotes", func(t *model.Touchpoint) *[]string { return &t.Quotes }),
		plain("note", func(t *model.Touchpoint) *string { return &t.Note }),
		plain("responses", func(t *model.Touchpoint) *int { return &t.Responses }),
		deep("image", func(t *model.Touchpoint) *[]byte { return &t.Image }),
		plain("origin", func(t *model.Touchpoint) *string { return &t.Origin }),
	},
	Opportunity: {
		plain("title", func(o *model.Opportunity) *string { return &o.Title }),
		plain("kind", func(o *model.Opportunity) *model.OpportunityKind { return &o.Kind }),
		deep("touchpoints", func(o *model.Opportunity) *[]string { return &o.Touchpoints }),
		plain("impact", func(o *model.Opportunity) *int { return &o.Impact }),
		plain("effort", func(o *model.Opportunity) *int { return &o.Effort }),
		plain("owner", func(o *model.Opportunity) *string { return &o.Owner }),
		plain("status", func(o *model.Opportunity) *model.OpportunityStatus { return &o.Status }),
	},
	Review: {
		plain("date", func(r *model.Review) *string { return &r.Date }),
		plain("note", func(r *model.Review) *string { return &r.Note }),
		// Measures are taken once and never edited: two reviews of one id
		// hold the same, so they are compared (and shown) by size.
		shown(deep("stages", func(r *model.Review) *[]model.StageMeasure { return &r.Stages }),
			func(o any) any { return len(o.(*model.Review).Stages) }),
		shown(deep("touchpoints", func(r *model.Review) *[]model.TouchpointMeasure { return &r.Touchpoints }),
			func(o any) any { return len(o.(*model.Review).Touchpoints) }),
	},
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// value is a field's value as JSON, nil for a missing thing.
func value(s spec, th *thing) json.RawMessage {
	if th == nil {
		return nil
	}
	b, err := model.PlainJSON(s.val(th.obj))
	if err != nil {
		return json.RawMessage("null")
	}
	return b
}

// same reports whether a field is the same in two versions of a thing
// (missing things are the same only as each other).
func same(s spec, a, b *thing) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return s.eq(a.obj, b.obj)
}

// unchanged reports whether every field of a thing is the same in both.
func unchanged(kind Kind, a, b *thing) bool {
	return !slices.ContainsFunc(fields[kind], func(s spec) bool { return !same(s, a, b) })
}

// timeValue shows a time as the JSON does: RFC 3339 in UTC, null when
// unknown; two times are the same instant or not.
type timeValue time.Time

// MarshalJSON implements json.Marshaler.
func (t timeValue) MarshalJSON() ([]byte, error) {
	if time.Time(t).IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(time.Time(t).UTC().Format(time.RFC3339))
}
