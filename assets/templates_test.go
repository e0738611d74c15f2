package assets_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"parcours/assets"
	"parcours/model"
)

var langs = []string{"fr", "en"}

func names(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, tpl := range assets.Templates() {
		out = append(out, tpl.Name)
	}
	return out
}

// load reads a template through the importer, which validates it.
func load(t *testing.T, name, lang string) *model.Document {
	t.Helper()
	b, ok := assets.TemplateJSON(name, lang)
	if !ok {
		t.Fatalf("TemplateJSON(%q, %q) not ok", name, lang)
	}
	d, err := model.ReadJSON(bytes.NewReader(b), name+"."+lang+".json")
	if err != nil {
		t.Fatalf("%s.%s: %v", name, lang, err)
	}
	return d
}

func TestTemplatesList(t *testing.T) {
	want := []string{"blank", "delivery", "onboarding", "purchase"}
	if got := names(t); !slices.Equal(got, want) {
		t.Fatalf("Templates() names = %q, want %q", got, want)
	}
	if !slices.Contains(want, assets.DefaultTemplate) || assets.DefaultTemplate != "purchase" {
		t.Errorf("DefaultTemplate = %q", assets.DefaultTemplate)
	}
	for _, tpl := range assets.Templates() {
		for _, lang := range langs {
			d := tpl.Description[lang]
			if strings.TrimSpace(d) == "" || strings.ContainsAny(d, "\n\r\t") {
				t.Errorf("%s: description[%s] = %q, want one non-empty line", tpl.Name, lang, d)
			}
		}
	}
	// The list is a copy: changing it does not change the next call.
	tpls := assets.Templates()
	tpls[0].Name = "x"
	tpls[0].Description["fr"] = "x"
	if again := assets.Templates(); again[0].Name != "blank" || again[0].Description["fr"] == "x" {
		t.Error("Templates() shares its storage with callers")
	}
	for _, c := range [][2]string{{"unknown", "fr"}, {"", "en"}, {"purchase", "de"}, {"purchase", ""},
		{"../purchase", "fr"}, {"Purchase", "fr"}} {
		if b, ok := assets.TemplateJSON(c[0], c[1]); ok || b != nil {
			t.Errorf("TemplateJSON(%q, %q) = %d bytes, %v; want nil, false", c[0], c[1], len(b), ok)
		}
	}
}

func TestTemplatesParseAndRoundTrip(t *testing.T) {
	for _, name := range names(t) {
		for _, lang := range langs {
			t.Run(name+"."+lang, func(t *testing.T) {
				d := load(t, name, lang)
				if d.Language != lang {
					t.Errorf("language = %q, want %q", d.Language, lang)
				}
				if d.Title == "" {
					t.Error("empty document title")
				}
				if len(d.Personas) != 1 || len(d.Journeys) != 1 {
					t.Fatalf("%d personas, %d journeys; want 1 and 1", len(d.Personas), len(d.Journeys))
				}
				j := d.Journeys[0]
				if j.Persona != d.Personas[0].ID || j.State != model.Current || j.TargetScore != 7 || j.Title == "" {
					t.Errorf("journey %s: persona %q, state %q, target %v, title %q", j.ID, j.Persona, j.State,
						j.TargetScore, j.Title)
				}
				for _, s := range j.Stages {
					if s.Name == "" {
						t.Errorf("stage %s has no name", s.ID)
					}
				}

				// The orders in the file are already on the timeline: the
				// importer, which renumbers them, changes nothing.
				raw, _ := assets.TemplateJSON(name, lang)
				var file struct {
					Journeys []struct {
						Touchpoints []struct {
							ID    string `json:"id"`
							Order int    `json:"order"`
						} `json:"touchpoints"`
					} `json:"journeys"`
				}
				if err := json.Unmarshal(raw, &file); err != nil {
					t.Fatal(err)
				}
				for i, tp := range file.Journeys[0].Touchpoints {
					if got := j.Touchpoints[i]; tp.Order != i+1 || got.ID != tp.ID || got.Order != tp.Order {
						t.Errorf("touchpoint %d in the file: %s order %d; on the timeline: %s order %d",
							i+1, tp.ID, tp.Order, got.ID, got.Order)
					}
				}

				var out bytes.Buffer
				if err := model.WriteJSON(&out, d); err != nil {
					t.Fatal(err)
				}
				back, err := model.ReadJSON(bytes.NewReader(out.Bytes()), "export.json")
				if err != nil {
					t.Fatalf("reading the export back: %v", err)
				}
				if !reflect.DeepEqual(d, back) {
					t.Errorf("export then import changed the document:\n%s", out.String())
				}
				var again bytes.Buffer
				if err := model.WriteJSON(&again, back); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(out.Bytes(), again.Bytes()) {
					t.Error("a second export differs from the first")
				}
			})
		}
	}
}

// shape is everything about a document but its words: what must be the
// same in every language of one template.
func shape(d *model.Document) string {
	var b strings.Builder
	for _, p := range d.Personas {
		fmt.Fprintf(&b, "persona %s %v\n", p.ID, p.Channels)
	}
	for _, j := range d.Journeys {
		fmt.Fprintf(&b, "journey %s %s %s %v %s\n", j.ID, j.Persona, j.State, j.TargetScore, j.Origin)
		for _, s := range j.Stages {
			fmt.Fprintf(&b, "stage %s kpis=%d width=%v\n", s.ID, len(s.KPIs), s.Width)
		}
		for _, l := range j.Lanes {
			fmt.Fprintf(&b, "lane %s owned=%v leverage=%v %s\n", l.ID, l.Owned, l.Leverage, l.Color)
		}
		for _, tp := range j.Touchpoints {
			score := "-"
			if tp.Score != nil {
				score = fmt.Sprint(*tp.Score)
			}
			fmt.Fprintf(&b, "touchpoint %s %s %s %d %s emotion=%d score=%s responses=%d listened=%v %v quotes=%d\n",
				tp.ID, tp.Stage, tp.Lane, tp.Order, tp.Channel, tp.Emotion, score, tp.Responses, tp.Listened,
				tp.Markers.List(), len(tp.Quotes))
		}
		for _, o := range j.Opportunities {
			fmt.Fprintf(&b, "opportunity %s %s %v %d %d %s\n", o.ID, o.Kind, o.Touchpoints, o.Impact, o.Effort, o.Status)
		}
	}
	return b.String()
}

func TestTemplatesSameShapeInEveryLanguage(t *testing.T) {
	for _, name := range names(t) {
		fr, en := shape(load(t, name, "fr")), shape(load(t, name, "en"))
		if fr != en {
			t.Errorf("%s: fr and en differ\nfr:\n%s\nen:\n%s", name, fr, en)
		}
	}
}

func TestTemplateContents(t *testing.T) {
	stageNames := map[string][]string{
		"fr": {"Découverte", "Considération", "Décision", "Achat", "Après-achat", "Fidélisation"},
		"en": {"Awareness", "Consideration", "Decision", "Purchase", "Post-purchase", "Loyalty"},
	}
	blankStages := map[string][]string{"fr": {"Avant", "Pendant", "Après"}, "en": {"Before", "During", "After"}}
	for _, lang := range langs {
		j := load(t, "purchase", lang).Journeys[0]
		var got []string
		for _, s := range j.Stages {
			got = append(got, s.Name)
		}
		if !slices.Equal(got, stageNames[lang]) {
			t.Errorf("purchase.%s stages = %q, want %q", lang, got, stageNames[lang])
		}
		if !slices.ContainsFunc(j.Opportunities, func(o *model.Opportunity) bool { return o.Impact >= 4 && o.Effort <= 2 }) {
			t.Errorf("purchase.%s has no quick win", lang)
		}
		if !slices.ContainsFunc(j.Lanes, func(l *model.Lane) bool { return !l.Owned }) {
			t.Errorf("purchase.%s has no carrier lane that is not owned", lang)
		}

		j = load(t, "delivery", lang).Journeys[0]
		if !slices.ContainsFunc(j.Lanes, func(l *model.Lane) bool { return !l.Owned }) {
			t.Errorf("delivery.%s has no lane with owned=false", lang)
		}

		j = load(t, "onboarding", lang).Journeys[0]
		if !slices.ContainsFunc(j.Lanes, func(l *model.Lane) bool { return !l.Owned && l.Leverage }) {
			t.Errorf("onboarding.%s has no lane not owned with leverage", lang)
		}

		j = load(t, "blank", lang).Journeys[0]
		got = got[:0]
		for _, s := range j.Stages {
			got = append(got, s.Name)
		}
		if !slices.Equal(got, blankStages[lang]) || len(j.Lanes) != 2 || len(j.Touchpoints) != 0 ||
			len(j.Opportunities) != 0 {
			t.Errorf("blank.%s: stages %q, %d lanes, %d touchpoints, %d opportunities", lang, got, len(j.Lanes),
				len(j.Touchpoints), len(j.Opportunities))
		}

		for _, name := range []string{"delivery", "onboarding", "purchase"} {
			j := load(t, name, lang).Journeys[0]
			if n := len(j.Touchpoints); n < 10 {
				t.Errorf("%s.%s: %d touchpoints, want at least 10", name, lang, n)
			}
			if n := len(j.Opportunities); n < 2 {
				t.Errorf("%s.%s: %d opportunities, want at least 2", name, lang, n)
			}
		}
	}
}

// French typography: typographic apostrophes, and a no-break space inside
// « » and before ? ! : ; % €, never a plain one. English: curly quotes.
func TestTemplateTypography(t *testing.T) {
	badFR := regexp.MustCompile(`'|"[^"]*(« |[^"\x{a0}]»|«[^\x{a0}]| [?!:;»%€])`)
	badEN := regexp.MustCompile(`'|"[^"]*(«|»)`)
	for _, name := range names(t) {
		for _, lang := range langs {
			raw, _ := assets.TemplateJSON(name, lang)
			bad := badEN
			if lang == "fr" {
				bad = badFR
			}
			for i, line := range strings.Split(string(raw), "\n") {
				if bad.MatchString(line) {
					t.Errorf("%s.%s line %d: %s", name, lang, i+1, strings.TrimSpace(line))
				}
			}
		}
	}
}
