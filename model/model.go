// Package model owns the customer journey map as Parcours understands it:
// documents, personas, journeys, stages, department lanes, touchpoints and
// opportunities; their validation; the parcours/v1 JSON interchange; and the
// edits people make, as commands that can be applied and undone. It knows
// nothing of screens or files on disk: the UI draws it, model/sqlite keeps it.
package model

import (
	"slices"
	"strings"
	"time"
)

// Document is one .parcours file: several journeys that share personas.
type Document struct {
	Title    string
	Language string // "fr" or "en"
	Personas []*Persona
	Journeys []*Journey
	Created  time.Time // zero when unknown
	Modified time.Time // zero when unknown
}

// Persona is the customer a journey is drawn for.
type Persona struct {
	ID           string
	Name         string
	Job          string
	Age          string // an age range, "30-39"
	Hobbies      string
	Ambitions    string
	Frustrations string
	Channels     []Channel // preferred channels
	Quote        string
	Avatar       []byte // PNG or JPEG, nil when none
}

// JourneyState says whether a map shows today's journey or the one aimed at.
type JourneyState string

// Journey states.
const (
	Current JourneyState = "current"
	Target  JourneyState = "target"
)

// Journey is one map: stages as columns, lanes as rows, touchpoints in cells.
type Journey struct {
	ID            string
	Title         string // from the customer's point of view
	Persona       string // persona id, may be empty
	Objective     string // the problem to solve
	State         JourneyState
	TargetScore   float64 // 0..10
	Origin        string  // id of the journey this one was duplicated from
	Stages        []*Stage
	Lanes         []*Lane
	Touchpoints   []*Touchpoint // kept sorted by Order
	Opportunities []*Opportunity
	Reviews       []*Review // in date order
}

// KPI is a stage indicator with its current value and target, as free text
// ("3,1 %", "18 000 / mois").
type KPI struct {
	Name, Value, Target string
}

// Stage is a column of the map (Découverte, Achat…).
type Stage struct {
	ID            string
	Name          string
	CustomerGoals string
	BusinessGoals string
	Actions       string
	Thoughts      string
	KPIs          []KPI
	Width         float64 // mm; 0 means automatic
}

// Lane is a row of the map: a department, owned by the company or not.
type Lane struct {
	ID       string
	Name     string
	Owned    bool
	Leverage bool   // not owned, but the partner acts on our feedback
	Color    string // #RRGGBB
}

// Touchpoint is one moment where the customer meets the company.
type Touchpoint struct {
	ID          string
	Stage       string
	Lane        string
	Order       int // place on the journey's timeline, 1..n
	Title       string
	Channel     Channel
	Description string
	Emotion     int      // -2..+2
	Score       *float64 // 0..10, nil when not measured
	Responses   int      // survey answers behind Score
	Listened    bool
	Markers     Markers
	Quotes      []string
	Note        string
	Image       []byte
	Origin      string
}

// Opportunity is an improvement linked to touchpoints.
type Opportunity struct {
	ID          string
	Title       string
	Kind        OpportunityKind
	Touchpoints []string
	Impact      int // 1..5
	Effort      int // 1..5
	Owner       string
	Status      OpportunityStatus
}

// Journey returns the journey with the given id, or nil.
func (d *Document) Journey(id string) *Journey {
	for _, j := range d.Journeys {
		if j.ID == id {
			return j
		}
	}
	return nil
}

// JobAndAge is how a persona card presents the persona: "job · age
// range", either left out when empty.
func (p *Persona) JobAndAge() string {
	var kept []string
	for _, s := range []string{p.Job, p.Age} {
		if s = strings.TrimSpace(s); s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " · ")
}

// Persona returns the persona with the given id, or nil.
func (d *Document) Persona(id string) *Persona {
	for _, p := range d.Personas {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Stage returns the stage with the given id, or nil.
func (j *Journey) Stage(id string) *Stage {
	if i := j.StageIndex(id); i >= 0 {
		return j.Stages[i]
	}
	return nil
}

// StageIndex is the column of the stage, or -1.
func (j *Journey) StageIndex(id string) int {
	return slices.IndexFunc(j.Stages, func(s *Stage) bool { return s.ID == id })
}

// Lane returns the lane with the given id, or nil.
func (j *Journey) Lane(id string) *Lane {
	if i := j.LaneIndex(id); i >= 0 {
		return j.Lanes[i]
	}
	return nil
}

// LaneIndex is the row of the lane, or -1.
func (j *Journey) LaneIndex(id string) int {
	return slices.IndexFunc(j.Lanes, func(l *Lane) bool { return l.ID == id })
}

// Touchpoint returns the touchpoint with the given id, or nil.
func (j *Journey) Touchpoint(id string) *Touchpoint {
	for _, t := range j.Touchpoints {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Opportunity returns the opportunity with the given id, or nil.
func (j *Journey) Opportunity(id string) *Opportunity {
	for _, o := range j.Opportunities {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// Timeline puts the touchpoints in timeline order and renumbers Order 1..n,
// so that every touchpoint of stage k comes before every touchpoint of stage
// k+1.
func (j *Journey) Timeline() {
	j.Touchpoints = TimelineOf(j)
	for i, t := range j.Touchpoints {
		t.Order = i + 1
	}
}

// TimelineOf returns the journey's touchpoints sorted by stage column, then
// by order, without changing the journey. Touchpoints of an unknown stage go
// last.
func TimelineOf(j *Journey) []*Touchpoint {
	col := make(map[string]int, len(j.Stages))
	for i, s := range j.Stages {
		col[s.ID] = i
	}
	key := func(t *Touchpoint) int {
		if c, ok := col[t.Stage]; ok {
			return c
		}
		return len(j.Stages)
	}
	cmp := func(a, b *Touchpoint) int {
		if ka, kb := key(a), key(b); ka != kb {
			return ka - kb
		}
		return a.Order - b.Order
	}
	out := slices.Clone(j.Touchpoints)
	// Edits keep the touchpoints in timeline order: checking it is one
	// pass (a stage's touchpoints follow one another, so its column is
	// looked up once a run), where sorting a big map's 20 000 touchpoints
	// again took more time than laying them out.
	sorted, last, lastKey, prev, prevOrder := true, "", 0, -1, 0
	for i, t := range out {
		if i == 0 || t.Stage != last {
			last, lastKey = t.Stage, key(t)
		}
		if lastKey < prev || (lastKey == prev && t.Order < prevOrder) {
			sorted = false
			break
		}
		prev, prevOrder = lastKey, t.Order
	}
	if !sorted {
		slices.SortStableFunc(out, cmp)
	}
	return out
}

// StageTouchpoints lists the touchpoints of a stage in timeline order.
func (j *Journey) StageTouchpoints(stageID string) []*Touchpoint {
	var out []*Touchpoint
	for _, t := range j.Touchpoints {
		if t.Stage == stageID {
			out = append(out, t)
		}
	}
	return out
}
