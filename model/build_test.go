package model_test

import (
	"slices"
	"testing"

	"parcours/model"
)

// TestBuilder: stages and lanes in order of first appearance, found again
// by their trimmed name; touchpoints in their stage's order, added order
// within a stage; lanes coloured from the palette; a valid document.
func TestBuilder(t *testing.T) {
	b := model.NewBuilder("Carte", "fr")
	add := func(title, stage, lane string) { b.Add(&model.Touchpoint{Title: title}, stage, lane) }
	add("a", "Commande", "Web")
	add("b", "Livraison", "Transporteur")
	add("c", " Commande ", "Web") // the same stage and lane, spaces aside
	add("d", "Suivi", "Service client")
	b.Stage("Fidélité") // a stage without touchpoints
	doc, err := b.Document()
	if err != nil {
		t.Fatal(err)
	}
	j := doc.Journeys[0]
	var stages, lanes, colors, titles []string
	for _, s := range j.Stages {
		stages = append(stages, s.Name)
	}
	for _, l := range j.Lanes {
		lanes, colors = append(lanes, l.Name), append(colors, l.Color)
		if !l.Owned {
			t.Errorf("lane %s not owned", l.Name)
		}
	}
	for _, tp := range j.Touchpoints {
		titles = append(titles, tp.Title)
		if tp.Channel != model.ChannelOther || tp.ID == "" || tp.Quotes == nil {
			t.Errorf("%s: channel %q, id %q, quotes %v", tp.Title, tp.Channel, tp.ID, tp.Quotes)
		}
	}
	if want := []string{"Commande", "Livraison", "Suivi", "Fidélité"}; !slices.Equal(stages, want) {
		t.Errorf("stages %q, want %q", stages, want)
	}
	if want := []string{"Web", "Transporteur", "Service client"}; !slices.Equal(lanes, want) {
		t.Errorf("lanes %q, want %q", lanes, want)
	}
	if !slices.Equal(colors, model.LanePalette[:3]) {
		t.Errorf("colours %q", colors)
	}
	if want := []string{"a", "c", "b", "d"}; !slices.Equal(titles, want) {
		t.Errorf("timeline %q, want %q", titles, want)
	}
	if j.Title != "Carte" || doc.Language != "fr" || j.State != model.Current || j.TargetScore != 7 || doc.Created.IsZero() {
		t.Errorf("journey settings: %q %q %q %v %v", j.Title, doc.Language, j.State, j.TargetScore, doc.Created)
	}
}
