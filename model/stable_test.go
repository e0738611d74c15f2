package model_test

import (
	"bytes"
	"strings"
	"testing"

	"parcours/model"
)

// The JSON export is what Git shows of a document (README, "Team work"):
// the same document gives the same bytes, and one changed field is one
// changed line.
func TestExportIsStableAndLineOriented(t *testing.T) {
	_, d := readRef(t)
	export := func(d *model.Document) []string {
		var b bytes.Buffer
		if err := model.WriteJSON(&b, d); err != nil {
			t.Fatal(err)
		}
		return strings.Split(b.String(), "\n")
	}
	first, again := export(d), export(model.Clone(d))
	if strings.Join(first, "\n") != strings.Join(again, "\n") {
		t.Fatal("two exports of one document differ")
	}
	c := model.Clone(d)
	s := 3.5
	c.Journeys[0].Touchpoint("t-panier").Score = &s
	c.Journeys[0].Stages[0].Name = "Commande en ligne"
	changed := export(c)
	if len(changed) != len(first) {
		t.Fatalf("%d lines, were %d", len(changed), len(first))
	}
	var diff []string
	for i := range first {
		if first[i] != changed[i] {
			diff = append(diff, changed[i])
		}
	}
	if len(diff) != 2 || strings.TrimSpace(diff[0]) != `"name": "Commande en ligne",` || strings.TrimSpace(diff[1]) != `"score": 3.5,` {
		t.Fatalf("changed lines: %q", diff)
	}
}
