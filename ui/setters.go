package ui

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"parcours/model"
	"parcours/model/msg"
)

// The inspector's fields land here: each checks the value in plain words
// before anything is saved, then changes the document through one Edit.

var hexColor = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

func refuse(key string, args ...any) error { return errors.New(T(key, args...)) }

// editTouchpoint changes touchpoint id of the journey on screen.
func (e *Editor) editTouchpoint(id, name string, change func(t *model.Touchpoint)) error {
	return e.edit(name, func(_ *model.Document, j *model.Journey) error {
		t := j.Touchpoint(id)
		if t == nil {
			return errors.New(msg.T("edit.no_touchpoint", id, j.ID))
		}
		change(t)
		return nil
	})
}

// setTouchpointText sets one field of a touchpoint from its text in the
// inspector.
func (e *Editor) setTouchpointText(id, key, v string) error {
	name := T("ui.edit_field", T("ui.field."+key))
	switch key {
	case "title":
		if strings.TrimSpace(v) == "" {
			return refuse("ui.empty_title")
		}
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Title = strings.TrimSpace(v) })
	case "description":
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Description = v })
	case "note":
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Note = v })
	case "quotes":
		qs := lines(v)
		if qs == nil {
			qs = []string{}
		}
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Quotes = qs })
	case "channel":
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Channel = model.Channel(v) })
	case "emotion":
		n, err := strconv.Atoi(v)
		if err != nil || n < -2 || n > 2 {
			return refuse("ui.bad_emotion")
		}
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Emotion = n })
	case "listened":
		b := v == "true"
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Listened = b })
	case "markers":
		var ms model.Markers
		for _, m := range strings.Fields(v) {
			ms = ms.With(model.Marker(m))
		}
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Markers = ms })
	case "score":
		if strings.TrimSpace(v) == "" {
			return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Score, t.Responses = nil, 0 })
		}
		s, err := parseDecimal(v)
		if err != nil || math.IsNaN(s) || s < 0 || s > 10 {
			return refuse("ui.bad_score", v)
		}
		return e.editTouchpoint(id, name, func(t *model.Touchpoint) { t.Score = &s })
	}
	return nil
}

func (e *Editor) setTouchpointImage(id string, b []byte) {
	_ = e.editTouchpoint(id, T("ui.edit_field", T("ui.field.image")), func(t *model.Touchpoint) { t.Image = b })
}

// moveTo puts a touchpoint in another stage (at its end) or lane, from the
// inspector; an empty stage or lane keeps the current one.
func (e *Editor) moveTo(id, stage, lane string) {
	j := e.Journey()
	t := j.Touchpoint(id)
	if t == nil {
		return
	}
	if stage == "" {
		stage = t.Stage
	}
	if lane == "" {
		lane = t.Lane
	}
	slot := len(j.StageTouchpoints(stage))
	if stage == t.Stage {
		for i, x := range j.StageTouchpoints(stage) {
			if x.ID == id {
				slot = i
			}
		}
	}
	_ = e.Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: id, Stage: stage, Lane: lane, Slot: slot})
}

func (e *Editor) setStageText(id, key, v string) error {
	if key == "name" && strings.TrimSpace(v) == "" {
		return refuse("ui.empty_name")
	}
	var kpis []model.KPI
	if key == "kpis" {
		var err error
		if kpis, err = parseKPIs(v); err != nil {
			return err
		}
	}
	return e.edit(T("ui.edit_field", T("band."+key)), func(_ *model.Document, j *model.Journey) error {
		s := j.Stage(id)
		if s == nil {
			return errors.New(msg.T("edit.no_stage", id, j.ID))
		}
		switch key {
		case "name":
			s.Name = strings.TrimSpace(v)
		case "actions":
			s.Actions = v
		case "thoughts":
			s.Thoughts = v
		case "customer_goals":
			s.CustomerGoals = v
		case "business_goals":
			s.BusinessGoals = v
		case "kpis":
			s.KPIs = kpis
		}
		return nil
	})
}

func (e *Editor) editLane(id, name string, change func(l *model.Lane)) error {
	return e.edit(name, func(_ *model.Document, j *model.Journey) error {
		l := j.Lane(id)
		if l == nil {
			return errors.New(msg.T("edit.no_lane", id, j.ID))
		}
		change(l)
		return nil
	})
}

func (e *Editor) setLaneName(id, v string) error {
	if strings.TrimSpace(v) == "" {
		return refuse("ui.empty_name")
	}
	return e.editLane(id, T("ui.edit_field", T("ui.name")), func(l *model.Lane) { l.Name = strings.TrimSpace(v) })
}

func (e *Editor) setLaneColor(id, v string) error {
	v = strings.TrimSpace(v)
	if !hexColor.MatchString(v) {
		return refuse("ui.bad_color", v)
	}
	return e.editLane(id, T("ui.edit_field", T("ui.color")), func(l *model.Lane) { l.Color = strings.ToUpper(v) })
}

// setLaneOwnership: leverage only means something for a lane not owned.
func (e *Editor) setLaneOwnership(id string, owned, leverage bool) error {
	return e.editLane(id, T("ui.edit_field", T("ui.owned")), func(l *model.Lane) {
		l.Owned, l.Leverage = owned, leverage && !owned
	})
}

// moveStageTo puts a stage at insertion place at (0…n, counted with the
// stage still in its place), as a drop of its header says.
func (e *Editor) moveStageTo(id string, at int) {
	e.reorder(T("ui.move_stage"), at, func(j *model.Journey) int { return j.StageIndex(id) },
		func(j *model.Journey, to int) { j.MoveStage(id, to) })
}

// moveLaneTo puts a lane at insertion place at.
func (e *Editor) moveLaneTo(id string, at int) {
	e.reorder(T("ui.move_lane"), at, func(j *model.Journey) int { return j.LaneIndex(id) },
		func(j *model.Journey, to int) { j.MoveLane(id, to) })
}

// reorder moves the item now at index(j) to insertion place at, counted
// with the item still in its place; dropping it beside itself does nothing.
func (e *Editor) reorder(name string, at int, index func(*model.Journey) int, move func(*model.Journey, int)) {
	j := e.Journey()
	i := index(j)
	if i < 0 {
		return
	}
	if at > i {
		at--
	}
	if at == i {
		return
	}
	_ = e.edit(name, func(_ *model.Document, j *model.Journey) error { move(j, at); return nil })
}

// resizeStage sets a stage's width in mm; it never gets narrower than its
// cards need (the layout sees to that).
func (e *Editor) resizeStage(id string, width float64) {
	_ = e.edit(T("ui.resize_stage"), func(_ *model.Document, j *model.Journey) error {
		s := j.Stage(id)
		if s == nil {
			return errors.New(msg.T("edit.no_stage", id, j.ID))
		}
		s.Width = math.Round(width*10) / 10
		return nil
	})
}

// shiftStage moves a stage one place left (-1) or right (+1).
func (e *Editor) shiftStage(id string, by int) {
	if j := e.Journey(); j != nil {
		e.moveStageTo(id, shifted(j.StageIndex(id), by, len(j.Stages)))
	}
}

// shiftLane moves a lane one place up (-1) or down (+1).
func (e *Editor) shiftLane(id string, by int) {
	if j := e.Journey(); j != nil {
		e.moveLaneTo(id, shifted(j.LaneIndex(id), by, len(j.Lanes)))
	}
}

// shifted is the insertion place (counted with the item in place) one
// step away from index i among n items.
func shifted(i, by, n int) int {
	switch {
	case i < 0:
		return -1
	case by > 0:
		return min(n, i+2)
	default:
		return max(0, i-1)
	}
}

func (e *Editor) setJourneyText(key, v string) error {
	var score float64
	switch key {
	case "title":
		if strings.TrimSpace(v) == "" {
			return refuse("ui.empty_title")
		}
	case "target_score":
		s, err := parseDecimal(v)
		if err != nil || math.IsNaN(s) || s < 0 || s > 10 {
			return refuse("ui.bad_score", v)
		}
		score = s
	}
	return e.edit(T("ui.edit_field", T("ui.field."+key)), func(_ *model.Document, j *model.Journey) error {
		switch key {
		case "title":
			j.Title = strings.TrimSpace(v)
		case "objective":
			j.Objective = v
		case "target_score":
			j.TargetScore = score
		case "state":
			j.State = model.JourneyState(v)
		case "persona":
			j.Persona = v
		}
		return nil
	})
}

func (e *Editor) editPersona(id, name string, change func(p *model.Persona)) error {
	return e.Do(&model.Edit{Name: name, Change: func(d *model.Document) error {
		p := d.Persona(id)
		if p == nil {
			return errors.New(T("ui.no_persona"))
		}
		change(p)
		return nil
	}})
}

func (e *Editor) setPersonaText(id, key, v string) error {
	if key == "name" && strings.TrimSpace(v) == "" {
		return refuse("ui.empty_name")
	}
	return e.editPersona(id, T("ui.edit_field", T("ui.persona")), func(p *model.Persona) {
		switch key {
		case "name":
			p.Name = strings.TrimSpace(v)
		case "job":
			p.Job = v
		case "age":
			p.Age = v
		case "hobbies":
			p.Hobbies = v
		case "ambitions":
			p.Ambitions = v
		case "frustrations":
			p.Frustrations = v
		case "quote":
			p.Quote = v
		case "channels":
			p.Channels = nil
			for _, c := range strings.Fields(v) {
				p.Channels = append(p.Channels, model.Channel(c))
			}
		}
	})
}

func (e *Editor) setPersonaAvatar(id string, b []byte) error {
	return e.editPersona(id, T("ui.edit_field", T("ui.choose_avatar")), func(p *model.Persona) { p.Avatar = b })
}

// addPersona makes a new persona for the journey on screen.
func (e *Editor) addPersona() {
	id := model.NewID("p")
	_ = e.edit(T("ui.new_persona"), func(d *model.Document, j *model.Journey) error {
		d.Personas = append(d.Personas, &model.Persona{ID: id, Name: T("ui.new_persona_name")})
		j.Persona = id
		return nil
	})
}
