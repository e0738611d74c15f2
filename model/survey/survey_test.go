package survey_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
	"parcours/model/survey"
)

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func readRef(t testing.TB) *model.Document { return modeltest.Reference(t) }

func docJSON(t testing.TB, d *model.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(t testing.TB, d *model.Document, csv string, opts survey.Options) (*survey.Plan, error) {
	t.Helper()
	return survey.Read(strings.NewReader(csv), "enquete.csv", d.Journey("j-actuel"), opts)
}

// want is what a plan should hold for one touchpoint.
type want struct {
	score     float64
	responses int
	quotes    []string
}

func checkPlan(t *testing.T, p *survey.Plan, rows int, w map[string]want) {
	t.Helper()
	if p.Journey != "j-actuel" || p.Rows != rows {
		t.Errorf("plan for %q with %d rows, want j-actuel, %d", p.Journey, p.Rows, rows)
	}
	got := map[string]survey.Change{}
	for _, c := range p.Changes {
		got[c.Touchpoint] = c
	}
	if len(got) != len(w) {
		t.Errorf("changes %v, want %d touchpoints", p, len(w))
	}
	for id, x := range w {
		c, ok := got[id]
		if !ok {
			t.Errorf("no change for %s in %v", id, p)
			continue
		}
		if c.NewScore != x.score || c.NewResponses != x.responses || !slices.Equal(c.NewQuotes, x.quotes) {
			t.Errorf("%s: score %v responses %d quotes %q, want %v %d %q", id, c.NewScore, c.NewResponses,
				c.NewQuotes, x.score, x.responses, x.quotes)
		}
	}
}

func TestLocales(t *testing.T) {
	two := map[string]want{
		"t-panier": {6, 1, []string{"Enfin ; merci, vraiment"}},
		"t-remise": {9.5, 1, nil},
	}
	cases := []struct {
		name string
		csv  string
		want map[string]want
	}{
		{"French Excel: BOM, semicolon, decimal comma, CRLF",
			"\ufefftouchpoint;score;verbatim\r\nt-panier;6,0;\"Enfin ; merci, vraiment\"\r\nt-remise;9,5;\r\n", two},
		{"English: comma, decimal point, LF",
			"touchpoint,score,verbatim\nt-panier,6.0,\"Enfin ; merci, vraiment\"\nt-remise,9.5,\n", two},
		{"English with a quoted decimal comma",
			"touchpoint,score,verbatim\nt-panier,\"6,0\",\"Enfin ; merci, vraiment\"\nt-remise,\"9,5\",\n", two},
		{"tab-separated",
			"touchpoint\tscore\tverbatim\nt-panier\t6\tEnfin ; merci, vraiment\nt-remise\t9.5\t\n", two},
		{"French header names, odd case and spaces",
			" Point De Contact ;NOTE;  Commentaire \nt-panier;6;Enfin ; merci, vraiment\nt-remise; 9,5 ;\n",
			// ";" inside an unquoted field splits it: the verbatim is "Enfin", and " merci, vraiment" is an extra field
			nil},
		{"French header names, quoted verbatim",
			" Point De Contact ;NOTE;  Commentaire \nt-panier;6;\"Enfin ; merci, vraiment\"\nt-remise; 9,5 ;\n", two},
		{"id, note, comment; columns in another order",
			"comment;note;id\n\"Enfin ; merci, vraiment\";6;t-panier\n;9,5;t-remise\n", two},
		{"quoted header names",
			"\"touchpoint\";\"score\";\"verbatim\"\n\"t-panier\";\"6\";\"Enfin ; merci, vraiment\"\n\"t-remise\";\"9,5\";\"\"\n", two},
		{"no verbatim column, no final newline",
			"touchpoint;score\nt-panier;6\nt-remise;9,5", map[string]want{
				"t-panier": {6, 1, nil}, "t-remise": {9.5, 1, nil}}},
		{"row shorter than the header lacks only its verbatim",
			"touchpoint;score;verbatim\nt-panier;6\nt-remise;9,5;Top\n", map[string]want{
				"t-panier": {6, 1, nil}, "t-remise": {9.5, 1, []string{"Top"}}}},
		{"trailing empty fields are fine",
			"touchpoint;score;verbatim\nt-panier;6;;;\nt-remise;9,5;;\n", map[string]want{
				"t-panier": {6, 1, nil}, "t-remise": {9.5, 1, nil}}},
		{"quotes, separators and newlines inside quoted fields",
			"touchpoint;score;verbatim\r\nt-panier;6;\"Il a dit \"\"bof\"\" ; puis\r\nplus rien\"\r\nt-remise;10;\"a;b\"\r\n",
			map[string]want{"t-panier": {6, 1, []string{"Il a dit \"bof\" ; puis\nplus rien"}},
				"t-remise": {10, 1, []string{"a;b"}}}},
		{"blank lines and lines of separators are skipped",
			"touchpoint;score\n\nt-panier;6\n;;\n   \r\nt-remise;0\n\n", map[string]want{
				"t-panier": {6, 1, nil}, "t-remise": {0, 1, nil}}},
		{"titles: trimmed, with emoji; ids and titles mixed",
			"touchpoint;score\n  Page de suivi 📦  ;5,5\nt-page-suivi;6,5\nRemise du colis en main propre;8\n",
			map[string]want{"t-page-suivi": {6, 2, nil}, "t-remise": {8, 1, nil}}},
		{"title in decomposed Unicode (NFD) matches the NFC title",
			"touchpoint;score\nRemboursement confirme\u0301;8\n", map[string]want{"t-rembourse": {8, 1, nil}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readRef(t)
			p, err := read(t, d, c.csv, survey.Options{})
			if c.want == nil {
				if err == nil {
					t.Fatalf("read %v, want an error", p)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			rows := 0
			for _, w := range c.want {
				rows += w.responses
			}
			checkPlan(t, p, rows, c.want)
		})
	}
}

func TestBadRows(t *testing.T) {
	cases := []struct {
		name     string
		csv      string
		prep     func(j *model.Journey)
		opts     survey.Options
		line     int    // first bad line
		bad      int    // bad rows counted
		contains string // in the message
	}{
		// The example of the brief, word for word.
		{"score out of range, two bad rows", "touchpoint;score\nt-panier;6\nt-remise;12\nt-absent;-1\n", nil, survey.Options{},
			3, 2, `enquete.csv line 3: score "12" is not between 0 and 10 (2 bad rows)`},
		{"unknown touchpoint", "touchpoint;score\nt-panier;6\nt-nowhere;5\n", nil, survey.Options{},
			3, 1, `enquete.csv line 3: no touchpoint has the id or title "t-nowhere" in journey j-actuel (1 bad row)`},
		{"title differs in case", "touchpoint;score\npage de suivi 📦;5\n", nil, survey.Options{},
			2, 1, `no touchpoint has the id or title "page de suivi 📦"`},
		{"ambiguous title", "touchpoint;score\nE-mail de confirmation;5\n",
			func(j *model.Journey) { j.Touchpoint("t-avis").Title = "E-mail de confirmation" }, survey.Options{},
			2, 1, `touchpoints t-confirmation, t-avis share the title "E-mail de confirmation": give the id instead`},
		{"empty touchpoint", "touchpoint;score\n;5\n", nil, survey.Options{}, 2, 1, "the touchpoint is empty"},
		{"NaN", "touchpoint;score\nt-panier;NaN\n", nil, survey.Options{}, 2, 1, `score "NaN" is not a plain number`},
		{"Inf", "touchpoint;score\nt-panier;Inf\n", nil, survey.Options{}, 2, 1, `score "Inf" is not a plain number`},
		{"+Inf", "touchpoint;score\nt-panier;+Inf\n", nil, survey.Options{}, 2, 1, `score "+Inf" is not a plain number`},
		{"exponent", "touchpoint;score\nt-panier;1e1\n", nil, survey.Options{}, 2, 1, `score "1e1" is not a plain number`},
		{"hexadecimal", "touchpoint;score\nt-panier;0x5\n", nil, survey.Options{}, 2, 1, `score "0x5" is not a plain number`},
		{"plus sign", "touchpoint;score\nt-panier;+5\n", nil, survey.Options{}, 2, 1, `score "+5" is not a plain number`},
		{"no leading digit", "touchpoint;score\nt-panier;,5\n", nil, survey.Options{}, 2, 1, `score ",5" is not a plain number`},
		{"trailing separator", "touchpoint;score\nt-panier;6,\n", nil, survey.Options{}, 2, 1, `score "6," is not a plain number`},
		{"thousands separator and decimal", "touchpoint;score\nt-panier;\"1.000,5\"\n", nil, survey.Options{}, 2, 1, `score "1.000,5" is not a plain number`},
		{"space as thousands separator", "touchpoint;score\nt-panier;1 000\n", nil, survey.Options{}, 2, 1, `score "1 000" is not a plain number`},
		{"non-ASCII digits", "touchpoint;score\nt-panier;٥\n", nil, survey.Options{}, 2, 1, `score "٥" is not a plain number`},
		{"word", "touchpoint;score\nt-panier;bien\n", nil, survey.Options{}, 2, 1, `score "bien" is not a plain number`},
		{"empty score", "touchpoint;score\nt-panier;\n", nil, survey.Options{}, 2, 1, "the score is empty"},
		{"blank score", "touchpoint;score\nt-panier;   \n", nil, survey.Options{}, 2, 1, "the score is empty"},
		{"just above 10", "touchpoint;score\nt-panier;10,01\n", nil, survey.Options{}, 2, 1, `score "10,01" is not between 0 and 10`},
		{"negative", "touchpoint;score\nt-panier;-0,5\n", nil, survey.Options{}, 2, 1, `score "-0,5" is not between 0 and 10`},
		{"too few fields", "touchpoint;score;verbatim\nt-panier\n", nil, survey.Options{}, 2, 1,
			"too few fields (1): the score is in column 2"},
		{"too many fields", "touchpoint;score;verbatim\nt-panier;6;ok;encore\n", nil, survey.Options{}, 2, 1,
			"too many fields (4, the header has 3)"},
		{"unquoted decimal comma, comma separator, no verbatim", "touchpoint,score\nt-panier,6,5\n", nil, survey.Options{}, 2, 1,
			"too many fields (3, the header has 2)"},
		{"unquoted decimal comma, comma separator, with verbatim", "touchpoint,score,verbatim\nt-panier,6,5,\n", nil, survey.Options{}, 2, 1,
			`score "6" is followed by "5": with a comma as separator, put a decimal comma in quotes ("6,5")`},
		{"unterminated quote", "touchpoint;score;verbatim\nt-panier;6;ok\nt-remise;9;\"jamais fermé\n", nil, survey.Options{}, 3, 1,
			"enquete.csv line 3: a quoted field is not closed properly"},
		{"bare quote", "touchpoint;score;verbatim\nt-panier;6;il a dit \"non\"\n", nil, survey.Options{}, 2, 1,
			"a quote inside a field that does not start with one"},
		{"text after a closing quote", "touchpoint;score;verbatim\nt-panier;6;\"non\" merci\n", nil, survey.Options{}, 2, 1,
			"a quoted field is not closed properly"},
		{"bad rows, then quoting that stops reading", "touchpoint;score;verbatim\nt-nowhere;6\nt-panier;11\nt-remise;6;a\"b\nt-nope;1\n",
			nil, survey.Options{}, 2, 3, "(3 bad rows up to line 4, past which the file cannot be read)"},
		{"only the quoting is bad", "touchpoint;score;verbatim\nt-panier;6;a\"b\n", nil, survey.Options{}, 2, 1,
			"(1 bad row up to line 2, past which the file cannot be read)"},
		{"not UTF-8 (Windows-1252)", "touchpoint;score;verbatim\nt-panier;6;caf\xe9\n", nil, survey.Options{}, 2, 1,
			"not UTF-8: save the file as “CSV UTF-8”"},
		{"a quoted field over three lines counts them", "touchpoint;score;verbatim\nt-panier;6;\"un\ndeux\ntrois\"\nt-nope;5\n",
			nil, survey.Options{}, 5, 1, "enquete.csv line 5:"},
		{"blank lines count as lines", "touchpoint;score\n\n\r\n;;\nt-nope;5\n", nil, survey.Options{}, 5, 1, "enquete.csv line 5:"},
		{"one row with two problems counts once", "touchpoint;score\nt-nope;99\n", nil, survey.Options{}, 2, 1,
			`no touchpoint has the id or title "t-nope" in journey j-actuel (1 bad row)`},
		{"scale 5: 0 is out of range", "touchpoint;score\nt-panier;0\n", nil, survey.Options{Scale: 5}, 2, 1,
			`score "0" is not between 1 and 5`},
		{"scale 5: 6 is out of range", "touchpoint;score\nt-panier;3\nt-remise;6\n", nil, survey.Options{Scale: 5}, 3, 1,
			`score "6" is not between 1 and 5`},
		{"many bad rows", "touchpoint;score\n" + strings.Repeat("t-panier;x\n", 250), nil, survey.Options{}, 2, 250,
			"(250 bad rows)"},

		// The file as a whole.
		{"missing score column", "touchpoint;verbatim\nt-panier;ok\n", nil, survey.Options{}, 1, 0,
			"enquete.csv line 1: no score column (its header must be one of: score, note)"},
		{"missing touchpoint column", "titre;note\nt-panier;5\n", nil, survey.Options{}, 1, 0,
			"enquete.csv line 1: no touchpoint column (its header must be one of: touchpoint, point de contact, id)"},
		{"header of one column", "touchpoint\nt-panier\n", nil, survey.Options{}, 1, 0, "no score column"},
		{"two touchpoint columns", "id;touchpoint;score\nt-panier;x;5\n", nil, survey.Options{}, 1, 0,
			`enquete.csv line 1: columns "id" and "touchpoint" are both a touchpoint column: keep only one`},
		{"two verbatim columns", "touchpoint;score;Comment;commentaire\n", nil, survey.Options{}, 1, 0,
			`columns "Comment" and "commentaire" are both a verbatim column`},
		{"empty file", "", nil, survey.Options{}, 0, 0, "enquete.csv: the file is empty"},
		{"BOM and blank lines only", "\ufeff\r\n\r\n  \n", nil, survey.Options{}, 0, 0, "the file is empty"},
		{"header only", "touchpoint;score;verbatim\r\n", nil, survey.Options{}, 0, 0, "enquete.csv: no answers below the header line"},
		{"header and blank rows only", "touchpoint;score\n;\n\n", nil, survey.Options{}, 0, 0, "no answers"},
		{"unsupported scale", "touchpoint;score\nt-panier;5\n", nil, survey.Options{Scale: 7}, 0, 0,
			"survey scale 7 is not supported: use 10 or 5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readRef(t)
			if c.prep != nil {
				c.prep(d.Journey("j-actuel"))
			}
			before := docJSON(t, d)
			p, err := read(t, d, c.csv, c.opts)
			if err == nil {
				t.Fatalf("read %v, want an error", p)
			}
			if p != nil {
				t.Errorf("a plan with the error: %v", p)
			}
			if !strings.Contains(err.Error(), c.contains) {
				t.Errorf("error %q\nlacks %q", err, c.contains)
			}
			var se *survey.Error
			if !errors.As(err, &se) || se.Line != c.line || se.Bad != c.bad || se.File != "enquete.csv" {
				t.Errorf("error %#v, want line %d and %d bad rows", se, c.line, c.bad)
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("not ErrInvalid: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message on several lines: %q", err)
			}
			// All or nothing: the document is exactly as it was.
			if after := docJSON(t, d); !bytes.Equal(before, after) {
				t.Error("the document changed")
			}
		})
	}
}

func TestFrenchMessages(t *testing.T) {
	msg.SetLanguage(msg.French)
	defer msg.SetLanguage(msg.English)
	d := readRef(t)
	_, err := read(t, d, "point de contact;note\nt-panier;6\nt-remise;12\nt-absent;-1\n", survey.Options{})
	const want = `enquete.csv ligne 3 : la note "12" n'est pas comprise entre 0 et 10 (2 lignes erronées)`
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant  %s", err, want)
	}
	_, err = read(t, d, "touchpoint;verbatim\n", survey.Options{})
	if err == nil || err.Error() != "enquete.csv ligne 1 : aucune colonne note (son en-tête doit être l'un de : score, note)" {
		t.Errorf("error %v", err)
	}
}

func TestScale5(t *testing.T) {
	d := readRef(t)
	p, err := read(t, d, "touchpoint;score\nt-panier;1\nt-page-suivi;3\nt-remise;5\nt-absent;2,5\nt-absent;4\n", survey.Options{Scale: 5})
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, p, 5, map[string]want{
		"t-panier": {0, 1, nil}, "t-page-suivi": {5, 1, nil}, "t-remise": {10, 1, nil},
		"t-absent": {5.63, 2, nil}, // (3.75 + 7.5) / 2 = 5.625 → 5.63
	})
	if c := p.Changes[len(p.Changes)-1]; c.Touchpoint != "t-absent" || c.NewScore != 5.63 {
		t.Errorf("t-absent %v, want 5.63", c.NewScore)
	}
	// 0 is the default scale of 10.
	p10, err := read(t, d, "touchpoint;score\nt-panier;10\n", survey.Options{Scale: 10})
	p0, err0 := read(t, d, "touchpoint;score\nt-panier;10\n", survey.Options{})
	if err != nil || err0 != nil || !reflect.DeepEqual(p10, p0) {
		t.Errorf("scale 10 %v %v, default %v %v", p10, err, p0, err0)
	}
}

func TestAveragingAndVerbatims(t *testing.T) {
	d := readRef(t)
	nfd := "Il n'y a jamais de cre\u0301neau le soir."
	csv := "touchpoint;score;verbatim\n" +
		"t-panier;6;Trop cher\n" +
		"t-panier;7;\" Trop cher \"\n" + // the same, with spaces
		"t-panier;8,5;Il n'y a jamais de créneau le soir.\n" + // already a quote
		"t-panier;4;" + nfd + "\n" + // the same in decomposed Unicode
		"t-panier;5;\n" + // no verbatim
		"t-panier;3;Livré à temps\n" +
		"t-confirmation;8;\n"
	p, err := read(t, d, csv, survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// (6+7+8.5+4+5+3)/6 = 33.5/6 = 5.58333… → 5.58
	checkPlan(t, p, 7, map[string]want{
		"t-panier":       {5.58, 6, []string{"Trop cher", "Livré à temps"}},
		"t-confirmation": {8, 1, nil},
	})
	c := p.Changes[0]
	if c.Touchpoint != "t-panier" || c.Title != "Choix du créneau au panier" || *c.OldScore != 5.5 ||
		c.OldResponses != 212 || c.WasListened {
		t.Errorf("change %+v", c)
	}
	if c := p.Changes[1]; c.Touchpoint != "t-confirmation" || !c.WasListened || c.OldResponses != 640 {
		t.Errorf("change %+v", c)
	}
}

// snapshot copies every touchpoint so that Undo can be checked field by
// field, nil and empty slices told apart.
func snapshot(j *model.Journey) []model.Touchpoint {
	var out []model.Touchpoint
	for _, t := range j.Touchpoints {
		c := *t
		if t.Score != nil {
			s := *t.Score
			c.Score = &s
		}
		c.Quotes = slices.Clone(t.Quotes)
		if t.Quotes != nil && c.Quotes == nil {
			c.Quotes = []string{}
		}
		out = append(out, c)
	}
	return out
}

type recorder struct{ deltas []model.Delta }

func (r *recorder) Save(d *model.Document, delta model.Delta) error {
	r.deltas = append(r.deltas, delta)
	return nil
}

func TestCommandApplyUndo(t *testing.T) {
	d := readRef(t)
	j := d.Journey("j-actuel")
	j.Touchpoint("t-absent").Quotes = nil // nil must come back as nil
	before, beforeJSON := snapshot(j), docJSON(t, d)
	p, err := read(t, d, "touchpoint;score;verbatim\nt-panier;6;Bien\nt-absent;2;\"\"\nt-absent;4;Enfin\n", survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	e := model.NewEditor(d, rec)
	if err := e.Do(p.Command()); err != nil {
		t.Fatal(err)
	}
	if e.UndoLabel() != "Import survey" {
		t.Errorf("label %q", e.UndoLabel())
	}
	pan, abs := j.Touchpoint("t-panier"), j.Touchpoint("t-absent")
	if *pan.Score != 6 || pan.Responses != 1 || !pan.Listened ||
		!slices.Equal(pan.Quotes, []string{"Il n'y a jamais de créneau le soir.", "Bien"}) {
		t.Errorf("t-panier %v %d %v %q", *pan.Score, pan.Responses, pan.Listened, pan.Quotes)
	}
	if *abs.Score != 3 || abs.Responses != 2 || !abs.Listened || !slices.Equal(abs.Quotes, []string{"Enfin"}) {
		t.Errorf("t-absent %v %d %v %q", *abs.Score, abs.Responses, abs.Listened, abs.Quotes)
	}
	wantDelta := model.Delta{Changed: []model.Ref{
		{Kind: model.KindTouchpoint, Journey: "j-actuel", ID: "t-panier"},
		{Kind: model.KindTouchpoint, Journey: "j-actuel", ID: "t-absent"}}}
	if len(rec.deltas) != 1 || !reflect.DeepEqual(rec.deltas[0], wantDelta) {
		t.Errorf("saved %+v, want %+v", rec.deltas, wantDelta)
	}
	if err := model.Validate(d); err != nil {
		t.Fatal(err)
	}

	if err := e.Undo(); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(j); !reflect.DeepEqual(after, before) {
		t.Errorf("undo left\n%+v\nwant\n%+v", after, before)
	}
	if !bytes.Equal(docJSON(t, d), beforeJSON) {
		t.Error("undo: JSON differs")
	}
	if len(rec.deltas) != 2 || !reflect.DeepEqual(rec.deltas[1], wantDelta) {
		t.Errorf("undo saved %+v", rec.deltas)
	}

	// Redo does it again, then importing the same answers again changes nothing.
	if err := e.Redo(); err != nil {
		t.Fatal(err)
	}
	if *pan.Score != 6 || !slices.Equal(pan.Quotes, []string{"Il n'y a jamais de créneau le soir.", "Bien"}) {
		t.Errorf("redo: t-panier %v %q", *pan.Score, pan.Quotes)
	}
	afterRedo := docJSON(t, d)
	p2, err := read(t, d, "touchpoint;score;verbatim\nt-panier;6;Bien\nt-absent;2;\"\"\nt-absent;4;Enfin\n", survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p2.Changes) != 2 || len(p2.Changes[0].NewQuotes) != 0 {
		t.Errorf("second plan %v %+v", p2, p2.Changes)
	}
	delta, err := p2.Command().Apply(d)
	if err != nil || !delta.Empty() {
		t.Errorf("second import: delta %+v, err %v", delta, err)
	}
	if !bytes.Equal(docJSON(t, d), afterRedo) {
		t.Error("second import changed the document")
	}
}

func TestCommandGoneTouchpoint(t *testing.T) {
	d := readRef(t)
	j := d.Journey("j-actuel")
	p, err := read(t, d, "touchpoint;score\nt-panier;6\nt-retour;4\n", survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	j.Touchpoints = slices.DeleteFunc(j.Touchpoints, func(t *model.Touchpoint) bool { return t.ID == "t-retour" })
	before := docJSON(t, d)
	if _, err := p.Command().Apply(d); err == nil || !strings.Contains(err.Error(), `touchpoint "t-retour" is no longer in journey "j-actuel"`) {
		t.Errorf("error %v", err)
	}
	if !bytes.Equal(docJSON(t, d), before) {
		t.Error("a failed apply changed the document")
	}
	d.Journeys = d.Journeys[1:]
	if _, err := p.Command().Apply(d); err == nil {
		t.Error("applied to a journey that is gone")
	}
}

// The sample of the repository, end to end: scores, responses, listened,
// quotes, in timeline order.
func TestSample(t *testing.T) {
	f, err := os.Open("../../testdata/enquete.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := readRef(t)
	j := d.Journey("j-actuel")
	before := docJSON(t, d)
	p, err := survey.Read(f, "enquete.csv", j, survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, docJSON(t, d)) {
		t.Fatal("Read changed the document")
	}
	f5, f45, f9 := 5.5, 4.5, 9.0
	wantChanges := []survey.Change{
		{Touchpoint: "t-panier", Title: "Choix du créneau au panier", OldScore: &f5, NewScore: 6, OldResponses: 212,
			NewResponses: 1, NewQuotes: []string{"Enfin un créneau le soir ; merci"}},
		{Touchpoint: "t-page-suivi", Title: "Page de suivi 📦", OldScore: &f45, NewScore: 5.5, OldResponses: 188,
			NewResponses: 1, NewQuotes: []string{"Statut plus clair qu'avant"}},
		{Touchpoint: "t-remise", Title: "Remise du colis en main propre", OldScore: &f9, NewScore: 9.5, OldResponses: 57,
			NewResponses: 1},
		{Touchpoint: "t-absent", Title: "Avis de passage (client absent)", NewScore: 2.5, NewResponses: 1,
			NewQuotes: []string{"Personne n'a sonné, j'étais là !"}},
	}
	if p.Journey != "j-actuel" || p.Rows != 4 || !reflect.DeepEqual(p.Changes, wantChanges) {
		t.Errorf("plan %+v\nwant %+v", p.Changes, wantChanges)
	}

	if _, err := p.Command().Apply(d); err != nil {
		t.Fatal(err)
	}
	for id, w := range map[string]struct {
		score  float64
		quotes []string
	}{
		"t-panier":     {6, []string{"Il n'y a jamais de créneau le soir.", "Enfin un créneau le soir ; merci"}},
		"t-page-suivi": {5.5, []string{"⚠️ Le statut ne bouge pas pendant deux jours.", "Statut plus clair qu'avant"}},
		"t-absent":     {2.5, []string{"Personne n'a sonné, j'étais là !"}},
		"t-remise":     {9.5, []string{"Livreur très aimable, colis parfait."}},
	} {
		x := j.Touchpoint(id)
		if x.Score == nil || *x.Score != w.score || x.Responses != 1 || !x.Listened || !slices.Equal(x.Quotes, w.quotes) {
			t.Errorf("%s: score %v responses %d listened %v quotes %q; want %v 1 true %q",
				id, x.Score, x.Responses, x.Listened, x.Quotes, w.score, w.quotes)
		}
	}
	// Untouched touchpoints stay as they were.
	if x := j.Touchpoint("t-appel-ou"); *x.Score != 3 || x.Responses != 95 || x.Listened {
		t.Errorf("t-appel-ou changed: %+v", x)
	}
	// The result is a valid document that survives the JSON round trip.
	out := docJSON(t, d)
	d2, err := model.ReadJSON(bytes.NewReader(out), "out.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(docJSON(t, d2), out) {
		t.Error("round trip differs")
	}
}

// surveyCSV writes n answers about the generated journey: ids and titles,
// French decimals, quoted verbatims with separators, CRLF.
func surveyCSV(j *model.Journey, n int) []byte {
	rng := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	b.WriteString("\ufefftouchpoint;score;verbatim\r\n")
	for i := range n {
		t := j.Touchpoints[rng.IntN(len(j.Touchpoints))]
		key := t.ID
		if i%4 == 0 {
			key = t.Title
		}
		fmt.Fprintf(&b, "%s;%d,%d;\"Réponse n° %d ; « très bien » 📦\"\r\n", key, rng.IntN(10), rng.IntN(10), i%50)
	}
	return b.Bytes()
}

func TestGenerated(t *testing.T) {
	d := modeltest.Generated(1000, 6, 8)
	j := d.Journeys[0]
	p, err := survey.Read(bytes.NewReader(surveyCSV(j, 10000)), "big.csv", j, survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Rows != 10000 {
		t.Errorf("%d rows", p.Rows)
	}
	sum := 0
	for _, c := range p.Changes {
		sum += c.NewResponses
	}
	if sum != 10000 {
		t.Errorf("%d responses", sum)
	}
	if _, err := p.Command().Apply(d); err != nil {
		t.Fatal(err)
	}
	if err := model.Validate(d); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkRead10000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	j := d.Journeys[0]
	data := surveyCSV(j, 10000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := survey.Read(bytes.NewReader(data), "big.csv", j, survey.Options{})
		if err != nil {
			b.Fatal(err)
		}
		c := p.Command()
		if _, err := c.Apply(d); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Undo(d); err != nil {
			b.Fatal(err)
		}
	}
}
