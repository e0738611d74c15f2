package table

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

// summary is a journey as a table holds it: stages, lanes (those with
// touchpoints, in order of first appearance on the timeline), then per
// touchpoint in timeline order every column.
func summary(j *model.Journey) []string {
	var out []string
	for _, s := range j.Stages {
		out = append(out, "stage "+s.Name)
	}
	seen := map[string]bool{}
	for _, t := range model.TimelineOf(j) {
		if !seen[t.Lane] {
			seen[t.Lane] = true
			out = append(out, "lane "+j.Lane(t.Lane).Name)
		}
	}
	for _, t := range model.TimelineOf(j) {
		score := "-"
		if t.Score != nil {
			score = fmt.Sprint(*t.Score)
		}
		out = append(out, fmt.Sprintf("%s | %s | %q | %s | %d | %v | %q | %s | %q", j.Stage(t.Stage).Name, j.Lane(t.Lane).Name,
			t.Title, t.Channel, t.Emotion, t.Markers.List(), t.Description, score, t.Quotes))
	}
	return out
}

func same(t *testing.T, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("%q came back as %q", w, g)
		}
	}
}

// tricky is the reference journey with texts a spreadsheet would take for
// formulas, and separators, quotes and line breaks in its cells.
func tricky(t *testing.T) *model.Journey {
	j := modeltest.Reference(t).Journeys[0]
	tl := model.TimelineOf(j)
	tl[0].Title = "=HYPERLINK(\"http://x\",\"clic\")"
	tl[1].Title = "-20 % sur la livraison"
	tl[1].Description = "+33 6 12 34 56 78; appeler\navant 18 h"
	tl[2].Title = "@SUM(A1)"
	tl[2].Quotes = []string{"« Trop tard », dit-il", "=1+1"}
	tl[3].Title = "'=déjà protégé"
	j.Stages[0].Name = "Commande, choix; « vite »"
	j.Lanes[0].Name = "\tTab"
	return j
}

// TestRoundTrip: map → table → map keeps every column, in both formats
// and both languages.
func TestRoundTrip(t *testing.T) {
	for _, format := range []string{"xlsx", "csv"} {
		for _, lang := range []string{msg.English, msg.French} {
			t.Run(format+"-"+lang, func(t *testing.T) {
				j := tricky(t)
				var b bytes.Buffer
				write := WriteCSV
				if format == "xlsx" {
					write = WriteXLSX
				}
				if err := write(&b, j, lang); err != nil {
					t.Fatal(err)
				}
				doc, err := Read(bytes.NewReader(b.Bytes()), "carte."+format, format, lang)
				if err != nil {
					t.Fatalf("%v\n%s", err, b.String())
				}
				want := summary(j)
				for i := range want {
					want[i] = strings.Replace(want[i], "\tTab", "Tab", 1) // cells are trimmed
				}
				same(t, summary(doc.Journeys[0]), want)
				if doc.Journeys[0].Title != "carte" || doc.Language != lang {
					t.Errorf("title %q, language %q", doc.Journeys[0].Title, doc.Language)
				}
			})
		}
	}
}

// TestFormulaNeutralised: a formula-looking title is written with an
// apostrophe first, in the CSV and in the workbook.
func TestFormulaNeutralised(t *testing.T) {
	j := tricky(t)
	var b bytes.Buffer
	if err := WriteCSV(&b, j, msg.English); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\"", ",'-20 % sur la livraison,", "'@SUM(A1)", "''=déjà protégé",
		"\"'+33 6 12 34 56 78; appeler\r\navant 18 h\""} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("CSV lacks %s:\n%s", want, b.String())
		}
	}
	// Emotions are numbers, not texts: "-2" stays as it is.
	if !strings.Contains(b.String(), ",-2,") {
		t.Errorf("a negative emotion was touched:\n%s", b.String())
	}
	b.Reset()
	if err := WriteXLSX(&b, j, msg.English); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Touchpoints", "C2"); v != "'=HYPERLINK(\"http://x\",\"clic\")" {
		t.Errorf("C2 = %q", v)
	}
	if formula, _ := f.GetCellFormula("Touchpoints", "C2"); formula != "" {
		t.Errorf("C2 is a formula %q", formula)
	}
	for _, cell := range []string{"E2", "H2"} {
		if typ, _ := f.GetCellType("Touchpoints", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s is of type %v, want a number", cell, typ)
		}
	}
}

// TestFrenchCSV reads a CSV as French Excel saves it: a byte order mark,
// ";", a decimal comma, French channel and marker names, a quoted cell
// over two lines holding the separator, a blank line.
func TestFrenchCSV(t *testing.T) {
	f, err := os.Open("testdata/francais.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Read(f, "testdata/francais.csv", "csv", msg.French)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"stage Commande", "stage Livraison", "stage Suivi",
		"lane Site e-commerce", "lane Marketing CRM", "lane Transporteur", "lane Service client",
		`Commande | Site e-commerce | "Choix du créneau" | web | -1 | [pain truth] | "Peu de créneaux le soir" | 6.5 | ["Pas de créneau après 18 h ; dommage" "Trop cher"]`,
		`Commande | Marketing CRM | "E-mail de confirmation" | email | 1 | [] | "" | - | []`,
		`Livraison | Transporteur | "Remise en main propre" | face_to_face | 2 | [maker] | "" | 9 | []`,
		`Suivi | Service client | "Appel « où est mon colis ? »" | phone | -2 | [breaker] | "" | - | []`,
	}
	same(t, summary(doc.Journeys[0]), want)
	if doc.Journeys[0].Title != "francais" {
		t.Errorf("title %q", doc.Journeys[0].Title)
	}
}

// TestMissingColumn: a sheet without a lane column is refused at its
// header, naming the names it may have.
func TestMissingColumn(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Stage", "Title", "Emotion"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Order", "Pay", 1})
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	_, err := Read(bytes.NewReader(b.Bytes()), "map.xlsx", "xlsx", msg.English)
	want := "map.xlsx, sheet Sheet1, row 1: no Lane column (its header may be: Lane, Couloir, department, departement, service)"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	var te *Error
	if !errors.As(err, &te) || te.Line != 1 || !errors.Is(err, model.ErrInvalid) {
		t.Errorf("error %#v", err)
	}
	_, err = Read(strings.NewReader("Étape;Titre\nA;B\n"), "carte.csv", "csv", msg.English)
	if err == nil || !strings.HasPrefix(err.Error(), "carte.csv line 1: no Lane column") {
		t.Errorf("CSV without lanes: %v", err)
	}
}

// TestBadRows: all or nothing, the first bad row named by its line, the
// bad rows counted.
func TestBadRows(t *testing.T) {
	csv := "stage,lane,title,channel,emotion,markers,score\n" +
		"A,L,ok,web,1,,7\n" +
		"A,L,bad channel,pigeon,0,,\n" +
		"A,L,bad emotion,web,3,,\n" +
		"A,L,bad marker,web,0,pain; wow,\n" +
		"A,L,bad score,web,0,,11\n" +
		",L,no stage,web,0,,\n"
	_, err := Read(strings.NewReader(csv), "x.csv", "csv", msg.English)
	want := `x.csv line 3: unknown channel "pigeon" (channels: Website, App, E-mail, SMS, Push, Tracking page, Phone, Chat, Social media, Store, Face to face, Paper, Other) (5 bad rows)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	for _, c := range []struct{ row, want string }{
		{"A,L,x,web,3,,", `x.csv line 2: emotion "3" is not a whole number from -2 to 2`},
		{"A,L,x,web,0,pain; wow,", `x.csv line 2: unknown marker "wow" (markers: Pain point, Enchantment, Moment of truth, Maker, Breaker)`},
		{"A,L,x,web,0,,11", `x.csv line 2: score "11" is not a number from 0 to 10`},
		{"A,L,x,web,0,,1e1", `x.csv line 2: score "1e1" is not a number from 0 to 10`},
		{",L,x,web,0,,", `x.csv line 2: no stage`},
		{"A,,x,web,0,,", `x.csv line 2: no lane`},
		{"A,L,x,web,0,,,extra", `x.csv line 2: 8 fields where the header has 7`},
		{"A,L,\"x,web,0,,", `x.csv line 2: `},
	} {
		_, err := Read(strings.NewReader("stage,lane,title,channel,emotion,markers,score\n"+c.row+"\n"), "x.csv", "csv", msg.English)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %s", c.row, err, c.want)
		}
	}
	if _, err := Read(strings.NewReader("stage,lane,title\n"), "x.csv", "csv", msg.English); err == nil ||
		err.Error() != "x.csv: a header but no touchpoint below it" {
		t.Errorf("no rows: %v", err)
	}
}

// TestWorkbookSheets: the first sheet with the table's columns is the one
// read, whatever comes before it.
func TestWorkbookSheets(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Notes"})
	f.NewSheet("Carte")
	f.SetSheetRow("Carte", "A1", &[]any{"Phase", "Service", "Point de contact", "Note"})
	f.SetSheetRow("Carte", "A2", &[]any{"Achat", "Magasin", "Passage en caisse", 7.5})
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	doc, err := Read(bytes.NewReader(b.Bytes()), "carte.xlsx", "xlsx", msg.French)
	if err != nil {
		t.Fatal(err)
	}
	same(t, summary(doc.Journeys[0]), []string{"stage Achat", "lane Magasin",
		`Achat | Magasin | "Passage en caisse" | other | 0 | [] | "" | 7.5 | []`})
	if _, err := Read(strings.NewReader("not a zip"), "x.xlsx", "xlsx", msg.English); err == nil ||
		!strings.HasPrefix(err.Error(), "x.xlsx: not an Excel workbook (.xlsx)") {
		t.Errorf("not a workbook: %v", err)
	}
}

// TestHeaderNamesBothLanguages: Write's headers in either language are
// read back.
func TestHeaderNamesBothLanguages(t *testing.T) {
	for _, lang := range []string{msg.English, msg.French} {
		c, problem := header(Header(lang))
		if problem != "" {
			t.Fatalf("%s: %s", lang, problem)
		}
		for i, at := range c.at {
			if at != i {
				t.Errorf("%s: column %s found at %d", lang, codes[i], at)
			}
		}
	}
	if !reflect.DeepEqual(Header(msg.French)[:3], []string{"Étape", "Couloir", "Titre"}) {
		t.Errorf("French header %q", Header(msg.French))
	}
}
