package model_test

import (
	"errors"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
)

// TestValidateEdit: the check of an edit by what it changes refuses what
// Validate refuses, whatever a command with a bug left in the touchpoints
// it names or in their journey, and accepts what Validate accepts.
func TestValidateEdit(t *testing.T) {
	cases := []struct {
		name    string
		corrupt func(j *model.Journey, moved *model.Touchpoint)
	}{
		{"nothing broken", nil},
		{"lane of nothing", func(_ *model.Journey, m *model.Touchpoint) { m.Lane = "l-nope" }},
		{"stage of nothing", func(_ *model.Journey, m *model.Touchpoint) { m.Stage = "s-nope" }},
		{"emotion out of range", func(_ *model.Journey, m *model.Touchpoint) { m.Emotion = 3 }},
		{"title not UTF-8", func(_ *model.Journey, m *model.Touchpoint) { m.Title = "caf\xe9" }},
		{"title too long", func(_ *model.Journey, m *model.Touchpoint) { m.Title = strings.Repeat("a", model.MaxShortText+1) }},
		{"unknown channel", func(_ *model.Journey, m *model.Touchpoint) { m.Channel = "pigeon" }},
		{"id of a lane", func(j *model.Journey, m *model.Touchpoint) { j.Lanes[7].ID = m.ID }},
		{"id of another touchpoint", func(j *model.Journey, m *model.Touchpoint) { j.Touchpoints[0].ID = m.ID }},
		{"two touchpoints swapped across stages", func(j *model.Journey, _ *model.Touchpoint) {
			a, b := j.Touchpoints[3], j.Touchpoints[len(j.Touchpoints)-3]
			a.Order, b.Order = b.Order, a.Order
		}},
		{"order given twice", func(j *model.Journey, _ *model.Touchpoint) { j.Touchpoints[4].Order = j.Touchpoints[5].Order }},
		{"origin itself", func(_ *model.Journey, m *model.Touchpoint) { m.Origin = m.ID }},
		{"origin a stage", func(j *model.Journey, m *model.Touchpoint) { m.Origin = j.Stages[0].ID }},
		{"origins in a circle", func(j *model.Journey, m *model.Touchpoint) {
			j.Touchpoints[0].Origin, j.Touchpoints[1].Origin = j.Touchpoints[1].ID, m.ID
			m.Origin = j.Touchpoints[0].ID
		}},
		{"origin of nothing in the document", func(_ *model.Journey, m *model.Touchpoint) { m.Origin = "t-elsewhere" }},
		{"texts over the document's total", func(j *model.Journey, _ *model.Touchpoint) {
			long := strings.Repeat("😀", model.MaxLongText)
			for _, t := range j.Touchpoints {
				t.Description, t.Note = long, long
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := modeltest.Generated(900, 6, 8)
			j := d.Journeys[0]
			m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: j.Touchpoints[20].ID, Stage: j.Stages[4].ID,
				Lane: j.Lanes[2].ID, Slot: 5}
			delta, err := m.Apply(d)
			if err != nil {
				t.Fatal(err)
			}
			if c.corrupt != nil {
				c.corrupt(j, j.Touchpoint(m.Touchpoint))
			}
			whole, edit := model.Validate(d), model.ValidateEdit(d, delta)
			if (whole == nil) != (edit == nil) {
				t.Fatalf("Validate: %v; ValidateEdit: %v", whole, edit)
			}
			if edit != nil && !errors.Is(edit, model.ErrInvalid) {
				t.Errorf("ValidateEdit: %v is not ErrInvalid", edit)
			}
			if (c.corrupt == nil || c.name == "origin of nothing in the document") != (edit == nil) {
				t.Errorf("ValidateEdit: %v", edit)
			}
		})
	}
}
