package plan_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
	"parcours/model/plan"
)

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func readRef(t testing.TB) *model.Document { return modeltest.Reference(t) }

func TestRowsOfTheDeliveryExample(t *testing.T) {
	j := readRef(t).Journey("j-actuel")
	got := plan.Rows(j)
	want := []plan.Row{
		{ID: "o-creneaux", Title: "Créneaux du soir et du samedi", Kind: model.Optimize, Impact: 4, Effort: 3,
			Owner: "Site e-commerce", Status: model.Proposed,
			Touchpoints: []string{"Choix du créneau au panier"}, Stages: []string{"Commande"}},
		{ID: "o-suivi-temps-reel", Title: "Suivi en temps réel via l'API transporteur", Kind: model.Repair, Impact: 5, Effort: 4,
			Owner: "Site e-commerce", Status: model.Planned,
			Touchpoints: []string{"Page de suivi 📦", "Appel « où est mon colis ? »"}, Stages: []string{"Suivi"}},
		{ID: "o-retour-qr", Title: "Retour par QR code, sans imprimante", Kind: model.Innovate, Impact: 3, Effort: 2,
			Owner: "Service client", Status: model.Proposed,
			Touchpoints: []string{"Demande de retour en ligne"}, Stages: []string{"Après-livraison"}},
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("rows\n got  %+v\n want %+v", got, want)
	}
	if rows := plan.Rows(readRef(t).Journey("j-cible")); rows == nil || len(rows) != 0 {
		t.Errorf("a journey without opportunities: %v", rows)
	}
	if rows := plan.Rows(nil); rows == nil || len(rows) != 0 {
		t.Errorf("nil journey: %v", rows)
	}
}

// Stages come each once, in stage order, whatever the order of the
// touchpoints; a touchpoint id that is not there is left out.
func TestRowStages(t *testing.T) {
	j := readRef(t).Journey("j-actuel")
	j.Opportunities = []*model.Opportunity{{ID: "o-x", Title: "X", Kind: model.Transform, Impact: 4, Effort: 1,
		Status: model.Done, Touchpoints: []string{"t-retour", "t-panier", "gone", "t-avis", "t-confirmation"}}}
	r := plan.Rows(j)[0]
	if !slices.Equal(r.Stages, []string{"Commande", "Après-livraison"}) {
		t.Errorf("stages %q", r.Stages)
	}
	if !slices.Equal(r.Touchpoints, []string{"Demande de retour en ligne", "Choix du créneau au panier", "Enquête de satisfaction", "E-mail de confirmation"}) {
		t.Errorf("touchpoints %q", r.Touchpoints)
	}
	if !r.QuickWin {
		t.Error("impact 4, effort 1 is a quick win")
	}
}

// sample rows: ids say what they are, so that orders read easily.
func sample() []plan.Row {
	return []plan.Row{
		{ID: "a", Title: "écrire", Kind: model.Transform, Impact: 3, Effort: 2, Owner: "Zoé", Status: model.Done},
		{ID: "b", Title: "Appeler", Kind: model.Repair, Impact: 5, Effort: 4, Owner: "", Status: model.Planned},
		{ID: "c", Title: "zapper", Kind: model.Optimize, Impact: 4, Effort: 2, QuickWin: true, Owner: "Élodie", Status: model.Proposed},
		{ID: "d", Title: "Étudier", Kind: model.Innovate, Impact: 5, Effort: 1, QuickWin: true, Owner: "alain", Status: model.Planned},
		{ID: "e", Title: "", Kind: model.Repair, Impact: 3, Effort: 4, Owner: "Bruno", Status: model.Proposed},
	}
}

func TestSort(t *testing.T) {
	for _, c := range []struct {
		key  plan.SortKey
		desc bool
		want string
	}{
		{plan.ByImpact, false, "aecbd"},
		{plan.ByImpact, true, "bdcae"}, // ties keep their order in both directions
		{plan.ByEffort, false, "dacbe"},
		{plan.ByEffort, true, "beacd"},
		{plan.ByTitle, false, "bad" + "ce"}, // Appeler, écrire, Étudier, zapper; empty last
		{plan.ByTitle, true, "cdab" + "e"},
		{plan.ByStatus, false, "cebda"},
		{plan.ByStatus, true, "abdce"},
		{plan.ByOwner, false, "decab"}, // alain, Bruno, Élodie, Zoé; empty last
		{plan.ByOwner, true, "aced" + "b"},
		{plan.ByKind, false, "becda"},
		{plan.ByKind, true, "adcbe"},
		{plan.ByPriority, false, "dcbae"}, // quick wins (impact 5, then 4), then impact 5, then 3 by effort
		{plan.ByPriority, true, "eabcd"},
		{plan.SortKey("nope"), false, "abcde"},
	} {
		rows := sample()
		plan.Sort(rows, c.key, c.desc)
		got := ""
		for _, r := range rows {
			got += r.ID
		}
		if got != c.want {
			t.Errorf("sort by %s (descending %v): %s, want %s", c.key, c.desc, got, c.want)
		}
	}
	for _, k := range plan.SortKeys {
		if !k.Valid() {
			t.Errorf("%s is not valid", k)
		}
	}
	if plan.SortKey("Impact").Valid() || !plan.NaturalDescending(plan.ByImpact) || plan.NaturalDescending(plan.ByEffort) {
		t.Error("Valid or NaturalDescending")
	}
}

func TestWriteCSV(t *testing.T) {
	for _, lang := range []string{msg.English, msg.French} {
		var b bytes.Buffer
		if err := plan.WriteCSV(&b, modeltest.TrickyPlanRows(), lang); err != nil {
			t.Fatal(err)
		}
		raw := b.String()
		comma := ','
		if lang == msg.French {
			comma = ';'
			if !strings.HasPrefix(raw, "\ufeffIdentifiant;Titre;") {
				t.Errorf("French CSV does not start with a BOM and the header: %q", raw[:20])
			}
			raw = strings.TrimPrefix(raw, "\ufeff")
		} else if !strings.HasPrefix(raw, "ID,Title,Kind,Impact,Effort,Quick win,Owner,Status,Touchpoints,Stages\r\n") {
			t.Errorf("English header: %q", raw[:80])
		}
		if strings.Count(raw, "\r\n") != strings.Count(raw, "\n") {
			t.Errorf("%s: a line ends without CR:\n%q", lang, raw)
		}
		r := csv.NewReader(strings.NewReader(raw))
		r.Comma = comma
		got, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, raw)
		}
		if want := modeltest.TrickyPlanCells(lang); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Errorf("%s: read back\n got  %q\n want %q", lang, got, want)
		}
	}
	// The language of the file, not of the messages.
	msg.SetLanguage(msg.French)
	var b bytes.Buffer
	if err := plan.WriteCSV(&b, nil, msg.English); err != nil {
		t.Fatal(err)
	}
	msg.SetLanguage(msg.English)
	if b.String() != "ID,Title,Kind,Impact,Effort,Quick win,Owner,Status,Touchpoints,Stages\r\n" {
		t.Errorf("empty English plan: %q", b.String())
	}
}

func TestMatrix(t *testing.T) {
	j := &model.Journey{Opportunities: []*model.Opportunity{
		{ID: "qw", Impact: 4, Effort: 2}, {ID: "qw2", Impact: 5, Effort: 1}, {ID: "qw3", Impact: 4, Effort: 2},
		{ID: "major", Impact: 4, Effort: 3}, {ID: "major2", Impact: 5, Effort: 5},
		{ID: "fill", Impact: 3, Effort: 2}, {ID: "fill2", Impact: 1, Effort: 1},
		{ID: "thankless", Impact: 3, Effort: 3}, {ID: "thankless2", Impact: 1, Effort: 5},
		{ID: "out", Impact: 9, Effort: 0},
	}}
	m := plan.Matrix(j)
	if got := m[3][1]; !slices.Equal(got, []string{"qw", "qw3"}) {
		t.Errorf("cell impact 4, effort 2: %q", got)
	}
	if got := m[4][0]; !slices.Equal(got, []string{"qw2", "out"}) {
		t.Errorf("cell impact 5, effort 1: %q", got)
	}
	n := 0
	for i := range 5 {
		for e := range 5 {
			for _, id := range m[i][e] {
				n++
				q := plan.QuadrantOf(i+1, e+1)
				if !strings.HasPrefix(id, map[plan.Quadrant]string{plan.QuickWins: "qw", plan.MajorProjects: "major",
					plan.FillIns: "fill", plan.Thankless: "thankless"}[q]) && id != "out" {
					t.Errorf("%s in quadrant %s", id, q)
				}
			}
		}
	}
	if n != len(j.Opportunities) {
		t.Errorf("%d opportunities on the grid, want %d", n, len(j.Opportunities))
	}
	// Quadrants agree with the quick-win rule of CONTRACTS.md §4.
	for i := 1; i <= 5; i++ {
		for e := 1; e <= 5; e++ {
			qw := i >= 4 && e <= 2
			if (plan.QuadrantOf(i, e) == plan.QuickWins) != qw {
				t.Errorf("impact %d effort %d: %s", i, e, plan.QuadrantOf(i, e))
			}
		}
	}
	for q, want := range map[plan.Quadrant][2]int{plan.MajorProjects: {4, 3}, plan.FillIns: {3, 2}, plan.Thankless: {3, 3}} {
		if got := plan.QuadrantOf(want[0], want[1]); got != q {
			t.Errorf("QuadrantOf(%d, %d) = %s, want %s", want[0], want[1], got, q)
		}
	}
	if m := plan.Matrix(nil); m[0][0] != nil {
		t.Error("nil journey")
	}
	// Names in both languages, with the seeds' words in French.
	msg.SetLanguage(msg.French)
	if plan.MajorProjects.Name() != "Projets structurels" || plan.QuickWins.Name() != "Gains rapides" {
		t.Errorf("French names %q %q", plan.MajorProjects.Name(), plan.QuickWins.Name())
	}
	msg.SetLanguage(msg.English)
	for _, q := range plan.Quadrants {
		if strings.HasPrefix(q.Name(), "plan.") || strings.HasPrefix(q.Advice(), "plan.") {
			t.Errorf("%s has no wording", q)
		}
	}
}

func TestNumbersFollowTheRows(t *testing.T) {
	rows := []plan.Row{{ID: "o-b"}, {ID: "o-a"}, {ID: "o-b"}, {ID: "o-c"}}
	n := plan.Numbers(rows)
	if n["o-b"] != 1 || n["o-a"] != 2 || n["o-c"] != 4 || len(n) != 3 {
		t.Errorf("numbers %v", n)
	}
}
