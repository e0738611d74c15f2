package model_test

import (
	"slices"
	"testing"

	"parcours/model"
)

func TestJourneyOperationsKeepTheDocumentValid(t *testing.T) {
	_, d := readRef(t)
	j := d.Journeys[0]

	ids := j.Paste(j, []*model.Touchpoint{j.Touchpoint("t-panier")})
	ids = append(ids, j.Paste(d.Journeys[1], []*model.Touchpoint{d.Journeys[1].Touchpoint("ct-sms-livreur")})...)
	if len(ids) != 2 {
		t.Fatalf("pasted %v", ids)
	}
	dup := j.Touchpoint(ids[0])
	if dup.Origin != "t-panier" || dup.Stage != "s-commande" || dup.Order != 2 || dup.Title != "Choix du créneau au panier" {
		t.Errorf("duplicate %+v: want right after t-panier, remembering it", dup)
	}
	foreign := j.Touchpoint(ids[1])
	if foreign.Stage != "s-livraison" || foreign.Lane != "l-transport" {
		t.Errorf("a touchpoint from another journey went to %s/%s, want the stage and lane of the same names", foreign.Stage, foreign.Lane)
	}
	if err := model.Validate(d); err != nil {
		t.Fatal(err)
	}

	j.DeleteStage("s-suivi")
	for _, tp := range j.Touchpoints {
		if tp.Stage == "s-suivi" {
			t.Errorf("%s survived its stage", tp.ID)
		}
	}
	if o := j.Opportunity("o-suivi-temps-reel"); len(o.Touchpoints) != 0 {
		t.Errorf("opportunity still links %v", o.Touchpoints)
	}
	if err := model.Validate(d); err != nil {
		t.Fatal(err)
	}

	j.MoveStage("s-apres", 0)
	if j.Stages[0].ID != "s-apres" || j.Touchpoints[0].Stage != "s-apres" || j.Touchpoints[0].Order != 1 {
		t.Errorf("after moving the last stage first the timeline starts with %s (%s)", j.Touchpoints[0].ID, j.Touchpoints[0].Stage)
	}
	j.InsertLane(&model.Lane{ID: "l-x", Name: "Nouveau", Color: "#123456"}, 99)
	j.MoveLane("l-x", 0)
	if j.Lanes[0].ID != "l-x" {
		t.Errorf("lanes %v", j.Lanes[0].ID)
	}
	j.DeleteLane("l-transport")
	if j.Lane("l-transport") != nil || j.Touchpoint("t-remise") != nil {
		t.Error("lane or its touchpoints survived")
	}
	if err := model.Validate(d); err != nil {
		t.Fatal(err)
	}
}

func TestDuplicateJourneyForATarget(t *testing.T) {
	_, d := readRef(t)
	c := d.Duplicate("j-actuel", "Cible")
	if c == nil || d.Journeys[1] != c || c.Origin != "j-actuel" || c.Title != "Cible" {
		t.Fatalf("copy %+v", c)
	}
	src := d.Journey("j-actuel")
	if len(c.Touchpoints) != len(src.Touchpoints) || len(c.Opportunities) != len(src.Opportunities) {
		t.Fatal("the copy lost things")
	}
	for i, tp := range c.Touchpoints {
		if tp.Origin != src.Touchpoints[i].ID || tp.ID == src.Touchpoints[i].ID {
			t.Errorf("touchpoint %d: id %s origin %s", i, tp.ID, tp.Origin)
		}
		if c.StageIndex(tp.Stage) != src.StageIndex(src.Touchpoints[i].Stage) {
			t.Errorf("%s changed stage", tp.ID)
		}
	}
	if o := c.Opportunities[1]; len(o.Touchpoints) != 2 || c.Touchpoint(o.Touchpoints[0]) == nil {
		t.Errorf("opportunity links %v do not point into the copy", o.Touchpoints)
	}
	// The copy is independent of its source.
	c.Touchpoints[0].Quotes = append(c.Touchpoints[0].Quotes, "x")
	if slices.Contains(src.Touchpoints[0].Quotes, "x") {
		t.Error("the copy shares quotes with its source")
	}
	if err := model.Validate(d); err != nil {
		t.Fatal(err)
	}
}
