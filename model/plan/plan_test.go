package plan_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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

// tricky rows: texts a spreadsheet file must carry as they are.
func tricky() []plan.Row {
	return []plan.Row{
		{ID: "o-1", Title: "Créneaux du soir, du samedi; « vite »", Kind: model.Optimize, Impact: 4, Effort: 2, QuickWin: true,
			Owner: "Équipe \"Web\"", Status: model.Planned,
			Touchpoints: []string{"Page de suivi 📦", "Appel ; « où est mon colis ? »"}, Stages: []string{"Suivi", "Livraison"}},
		{ID: "o-2", Title: "Deux lignes\nsur le ticket 🎫", Kind: model.Transform, Impact: 1, Effort: 5,
			Owner: " espace devant", Status: model.Done, Touchpoints: []string{}, Stages: []string{}},
		{ID: "o-3", Title: "=SUM(1,2)", Kind: model.Repair, Impact: 3, Effort: 3, Owner: "", Status: model.Proposed,
			Touchpoints: []string{"x"}, Stages: []string{"y"}},
	}
}

func expected(lang string) [][]string {
	if lang == msg.French {
		return [][]string{
			{"Identifiant", "Titre", "Type", "Impact", "Effort", "Quick win", "Responsable", "Statut", "Points de contact", "Étapes"},
			{"o-1", "Créneaux du soir, du samedi; « vite »", "optimiser", "4", "2", "oui", "Équipe \"Web\"", "planifiée",
				"Page de suivi 📦, Appel ; « où est mon colis ? »", "Suivi, Livraison"},
			{"o-2", "Deux lignes\nsur le ticket 🎫", "transformer", "1", "5", "non", " espace devant", "réalisée", "", ""},
			{"o-3", "=SUM(1,2)", "réparer", "3", "3", "non", "", "proposée", "x", "y"},
		}
	}
	return [][]string{
		{"ID", "Title", "Kind", "Impact", "Effort", "Quick win", "Owner", "Status", "Touchpoints", "Stages"},
		{"o-1", "Créneaux du soir, du samedi; « vite »", "optimize", "4", "2", "yes", "Équipe \"Web\"", "planned",
			"Page de suivi 📦; Appel ; « où est mon colis ? »", "Suivi; Livraison"},
		{"o-2", "Deux lignes\nsur le ticket 🎫", "transform", "1", "5", "no", " espace devant", "done", "", ""},
		{"o-3", "=SUM(1,2)", "repair", "3", "3", "no", "", "proposed", "x", "y"},
	}
}

func TestWriteCSV(t *testing.T) {
	for _, lang := range []string{msg.English, msg.French} {
		var b bytes.Buffer
		if err := plan.WriteCSV(&b, tricky(), lang); err != nil {
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
		if want := expected(lang); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
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

func TestWriteXLSX(t *testing.T) {
	for _, lang := range []string{msg.English, msg.French} {
		var b bytes.Buffer
		if err := plan.WriteXLSX(&b, tricky(), lang); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("PK\x03\x04")) {
			t.Fatalf("%s: not a zip", lang)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		sheet := "Action plan"
		if lang == msg.French {
			sheet = "Plan d'action"
		}
		if got := f.GetSheetList(); !slices.Equal(got, []string{sheet}) {
			t.Errorf("%s: sheets %q", lang, got)
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		// GetRows leaves out the empty cells at the end of a row.
		want := expected(lang)
		for i := range want {
			for len(want[i]) > 0 && want[i][len(want[i])-1] == "" {
				want[i] = want[i][:len(want[i])-1]
			}
		}
		if fmt.Sprintf("%q", rows) != fmt.Sprintf("%q", want) {
			t.Errorf("%s: cells\n got  %q\n want %q", lang, rows, want)
		}

		// Impact and effort are numbers; the rest text (a formula stays text).
		for _, cell := range []string{"D2", "E2", "D4"} {
			if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s: %s is of type %v, want a number", lang, cell, typ)
			}
		}
		if typ, _ := f.GetCellType(sheet, "B4"); typ != excelize.CellTypeSharedString {
			t.Errorf("%s: B4 is of type %v, want a string", lang, typ)
		}
		if formula, _ := f.GetCellFormula(sheet, "B4"); formula != "" {
			t.Errorf("%s: B4 is a formula %q", lang, formula)
		}
		// A bold header, a frozen first row, widths.
		style, _ := f.GetCellStyle(sheet, "B1")
		if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("%s: header is not bold", lang)
		}
		if s, _ := f.GetCellStyle(sheet, "B2"); s == style {
			t.Errorf("%s: rows have the header's style", lang)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
			t.Errorf("%s: panes %+v %v", lang, panes, err)
		}
		if w, _ := f.GetColWidth(sheet, "B"); w < 30 {
			t.Errorf("%s: title column %v wide", lang, w)
		}
		f.Close()
	}
}

// The XML itself: numbers without a string type, the pane frozen.
func TestXLSXParts(t *testing.T) {
	var b bytes.Buffer
	if err := plan.WriteXLSX(&b, plan.Rows(readRef(t).Journey("j-actuel")), msg.English); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		f, err := z.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		return string(data)
	}
	sheet := part("xl/worksheets/sheet1.xml")
	for _, want := range []string{`state="frozen"`, `ySplit="1"`, `<c r="D2" s="3"><v>4</v></c>`, `<dimension ref="A1:J4">`, `<autoFilter ref="$A$1:$J$4">`} {
		if !strings.Contains(sheet, want) {
			t.Errorf("sheet lacks %s:\n%s", want, sheet)
		}
	}
	if ss := part("xl/sharedStrings.xml"); !strings.Contains(ss, "<t>Suivi en temps réel via l&#39;API transporteur</t>") {
		t.Errorf("shared strings lack a title:\n%s", ss)
	}
}

func TestXLSXRefusesWhatACellCannotHold(t *testing.T) {
	rows := []plan.Row{{ID: "o-long", Title: strings.Repeat("📦", 16384), Kind: model.Repair, Impact: 1, Effort: 1, Status: model.Done}}
	err := plan.WriteXLSX(io.Discard, rows, msg.English)
	if err == nil || !strings.Contains(err.Error(), "o-long") || !strings.Contains(err.Error(), "Title") {
		t.Errorf("error %v", err)
	}
	rows[0].Title = strings.Repeat("é", 32767)
	if err := plan.WriteXLSX(io.Discard, rows, msg.English); err != nil {
		t.Errorf("a full cell: %v", err)
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
	if plan.MajorProjects.Name() != "Projets structurels" || plan.QuickWins.Name() != "Quick wins" {
		t.Errorf("French names %q %q", plan.MajorProjects.Name(), plan.QuickWins.Name())
	}
	msg.SetLanguage(msg.English)
	for _, q := range plan.Quadrants {
		if strings.HasPrefix(q.Name(), "plan.") || strings.HasPrefix(q.Advice(), "plan.") {
			t.Errorf("%s has no wording", q)
		}
	}
}

func BenchmarkWriteXLSX1000(b *testing.B) {
	rows := make([]plan.Row, 1000)
	for i := range rows {
		rows[i] = plan.Row{ID: fmt.Sprintf("o-%d", i), Title: fmt.Sprintf("Opportunité n° %d « créneaux » 📦", i),
			Kind: model.Repair, Impact: i%5 + 1, Effort: i%3 + 1, Owner: "Équipe", Status: model.Planned,
			Touchpoints: []string{"Page de suivi", "Appel"}, Stages: []string{"Suivi"}}
	}
	for b.Loop() {
		if err := plan.WriteXLSX(io.Discard, rows, msg.French); err != nil {
			b.Fatal(err)
		}
	}
}
