package model

import (
	"strings"
	"time"
)

// LanePalette gives lanes colours that colour-blind readers can tell
// apart; the n-th lane of a journey takes LanePalette[n mod len].
var LanePalette = []string{"#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"}

// Builder makes a one-journey document from touchpoints that name their
// stage and lane, as imports from other formats (Mermaid, spreadsheets)
// read them: stages and lanes are created in the order they first appear,
// found again by their exact name (spaces around it trimmed), and the
// touchpoints keep their order inside each stage.
type Builder struct {
	doc    *Document
	j      *Journey
	stages map[string]*Stage
	lanes  map[string]*Lane
}

// NewBuilder starts a document in lang ("fr" or "en") whose one journey
// has the given title; its other settings are those of a new map: current
// state, target score 7/10, no persona.
func NewBuilder(title, lang string) *Builder {
	now := time.Now().UTC().Truncate(time.Second)
	j := &Journey{ID: NewID("j"), Title: title, State: Current, TargetScore: 7}
	return &Builder{
		doc:    &Document{Title: title, Language: lang, Journeys: []*Journey{j}, Created: now, Modified: now},
		j:      j,
		stages: map[string]*Stage{}, lanes: map[string]*Lane{},
	}
}

// Journey is the journey being built.
func (b *Builder) Journey() *Journey { return b.j }

// Stage is the stage of that name, made at the end when new.
func (b *Builder) Stage(name string) *Stage {
	name = strings.TrimSpace(name)
	if s := b.stages[name]; s != nil {
		return s
	}
	s := &Stage{ID: NewID("s"), Name: name}
	b.stages[name] = s
	b.j.Stages = append(b.j.Stages, s)
	return s
}

// Lane is the lane of that name, made at the end when new: owned, in the
// next colour of the palette.
func (b *Builder) Lane(name string) *Lane {
	name = strings.TrimSpace(name)
	if l := b.lanes[name]; l != nil {
		return l
	}
	l := &Lane{ID: NewID("l"), Name: name, Owned: true, Color: LanePalette[len(b.j.Lanes)%len(LanePalette)]}
	b.lanes[name] = l
	b.j.Lanes = append(b.j.Lanes, l)
	return l
}

// Add puts t in the stage and lane of those names, after the touchpoints
// added before it; it gets an id when it has none.
func (b *Builder) Add(t *Touchpoint, stage, lane string) {
	if t.ID == "" {
		t.ID = NewID("t")
	}
	if t.Channel == "" {
		t.Channel = ChannelOther
	}
	if t.Quotes == nil {
		t.Quotes = []string{}
	}
	t.Stage, t.Lane = b.Stage(stage).ID, b.Lane(lane).ID
	t.Order = len(b.j.Touchpoints) + 1
	b.j.Touchpoints = append(b.j.Touchpoints, t)
}

// Document puts the touchpoints on the timeline (stage by stage) and
// returns the document, validated.
func (b *Builder) Document() (*Document, error) {
	b.j.Timeline()
	if err := Validate(b.doc); err != nil {
		return nil, err
	}
	return b.doc, nil
}
