package canvas_test

import (
	"reflect"
	"testing"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

// TestLayouterMatchesFreshLayout edits a journey the ways a user does and
// checks, after each edit, that the window's Layouter (which moves the
// cards it remembers) gives exactly the scene of a layout from nothing.
func TestLayouterMatchesFreshLayout(t *testing.T) {
	// The views in the order the Layouter is asked for them after each
	// edit: twice the same (the cards stay where they were), then the
	// other one and back (a scene without some of the cards before).
	for _, views := range [][]canvas.View{{canvas.Micro, canvas.Micro, canvas.Macro, canvas.Micro},
		{canvas.Macro, canvas.Macro, canvas.Micro, canvas.Macro}} {
		d := modeltest.Generated(300, 4, 5)
		j := d.Journeys[0]
		var lt canvas.Layouter
		var last *canvas.Scene // a scene laid out before: good until two more are
		check := func(what string) {
			t.Helper()
			for _, view := range views {
				opts := canvas.Options{View: view}
				var lastWas string
				if last != nil {
					lastWas = dump(last)
				}
				got, want := lt.Layout(d, j, opts), canvas.LayoutWith(d, j, opts)
				if last != nil && dump(last) != lastWas {
					t.Fatalf("view %d, after %s: the scene laid out before changed with the next", view, what)
				}
				last = got
				if !reflect.DeepEqual(got, want) {
					for i := range min(len(got.Cards), len(want.Cards)) {
						if !reflect.DeepEqual(got.Cards[i], want.Cards[i]) {
							t.Fatalf("view %d, after %s: card %d is\n%+v\nwant\n%+v", view, what, i, got.Cards[i], want.Cards[i])
						}
					}
					t.Fatalf("view %d, after %s: the scenes differ (%d and %d cards)", view, what, len(got.Cards), len(want.Cards))
				}
			}
		}
		check("the first layout")
		move := func(i int, stage, lane, slot int) {
			tp := j.Touchpoints[i]
			m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: tp.ID, Stage: j.Stages[stage].ID, Lane: j.Lanes[lane].ID, Slot: slot}
			if _, err := m.Apply(d); err != nil {
				t.Fatal(err)
			}
		}
		move(3, 1, 2, 0)
		check("a move to the next stage")
		move(3, 0, 0, 1)
		check("a move back")
		move(250, 0, 4, 0)
		check("a move across the timeline")
		j.Touchpoints[10].Title = "Réclamation par téléphone 📞, avec un titre bien plus long qu'avant"
		check("a new title")
		j.Touchpoints[11].Emotion = -2
		j.Touchpoints[12].Markers = model.MarkersOf(model.MarkerPain, model.MarkerTruth, model.MarkerBreaker)
		j.Touchpoints[13].Listened = !j.Touchpoints[13].Listened
		j.Touchpoints[14].Channel = model.Channels[len(model.Channels)-1]
		score := 7.5
		j.Touchpoints[15].Score = &score
		check("emotion, markers, listening, channel and score")
		j.Lanes[1].Color = "#123456"
		check("a lane's colour")
		// Every card in its own column: the cards are no longer numbered.
		for _, tp := range j.Touchpoints {
			tp.Lane = j.Lanes[0].ID
		}
		check("no card sharing a column")
		for i, tp := range j.Touchpoints {
			tp.Lane = j.Lanes[i%len(j.Lanes)].ID
		}
		check("numbered again")
		j.Touchpoints = j.Touchpoints[:len(j.Touchpoints)-40]
		j.Timeline()
		check("cards deleted")
		restore := msg.Language()
		other := msg.French
		if restore == msg.French {
			other = msg.English
		}
		msg.SetLanguage(other)
		check("another language")
		msg.SetLanguage(restore)
		check("the language back")
	}
}
