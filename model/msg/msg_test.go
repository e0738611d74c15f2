package msg

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// Every message exists in both languages with the same arguments, so that
// a French user never sees English and no argument is lost in translation.
func TestCatalogIsCompleteInBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		en, fr := Pair(k)
		if en == "" || fr == "" {
			t.Errorf("%s: missing wording (en %q, fr %q)", k, en, fr)
			continue
		}
		if a, b := verb.FindAllString(en, -1), verb.FindAllString(fr, -1); !slices.Equal(a, b) {
			t.Errorf("%s: arguments differ: en %v, fr %v", k, a, b)
		}
	}
}

// A counted message has its one and other wordings in both languages,
// with the same arguments, and its count is an integer argument.
func TestCountedMessagesAreComplete(t *testing.T) {
	_, plurals := loaded()
	if len(plurals) == 0 {
		t.Fatal("no counted message")
	}
	for k, p := range plurals {
		want := verb.FindAllString(p.enOther, -1)
		if p.arg >= len(want) || want[p.arg] != "%d" {
			t.Errorf("%s: argument %d is not a %%d in %q", k, p.arg, p.enOther)
		}
		for _, f := range []string{p.enOne, p.enOther, p.frOne, p.frOther} {
			if f == "" {
				t.Errorf("%s: a wording is missing", k)
			}
			if got := verb.FindAllString(f, -1); !slices.Equal(got, want) {
				t.Errorf("%s: %q has arguments %v, want %v", k, f, got, want)
			}
		}
		if p.enOne == p.enOther && p.frOne == p.frOther {
			t.Errorf("%s: one and other are worded alike in both languages", k)
		}
	}
}

// French "one" covers 0 and 1, English "one" only 1: the CLDR rules.
func TestCountedMessagesFollowEachLanguage(t *testing.T) {
	defer SetLanguage(English)
	for _, c := range []struct {
		lang, key string
		args      []any
		want      string
	}{
		{English, "ui.copied", []any{0}, "0 touchpoints copied"},
		{English, "ui.copied", []any{1}, "1 touchpoint copied"},
		{English, "ui.copied", []any{2}, "2 touchpoints copied"},
		{French, "ui.copied", []any{0}, "0 point de contact copié"},
		{French, "ui.copied", []any{1}, "1 point de contact copié"},
		{French, "ui.copied", []any{2}, "2 points de contact copiés"},
		{French, "ui.copied", []any{1000000}, "1000000 points de contact copiés"},
		// The count is the message's fourth argument here.
		{English, "ui.insights.stage", []any{"Achat", "+1", "7", 0}, "Achat — emotion +1, score 7 (0 measured)"},
		{French, "ui.insights.stage", []any{"Achat", "+1", "7", 0}, "Achat — émotion +1, note 7 (0 mesuré)"},
		{French, "ui.insights.stage", []any{"Achat", "+1", "7", 1}, "Achat — émotion +1, note 7 (1 mesuré)"},
		{French, "ui.insights.stage", []any{"Achat", "+1", "7", 2}, "Achat — émotion +1, note 7 (2 mesurés)"},
		{English, "survey.count.stopped", []any{1, 4}, "1 bad row up to line 4, past which the file cannot be read"},
		{French, "survey.count.stopped", []any{2, 4}, "2 lignes erronées jusqu'à la ligne 4, au-delà de laquelle le fichier est illisible"},
	} {
		SetLanguage(c.lang)
		if got := T(c.key, c.args...); got != c.want {
			t.Errorf("%s %s%v: %q, want %q", c.lang, c.key, c.args, got, c.want)
		}
	}
	for n, want := range map[int][2]string{0: {Other, One}, 1: {One, One}, 2: {Other, Other}, 1000000: {Other, Other}} {
		if en, fr := Form(English, n), Form(French, n); en != want[0] || fr != want[1] {
			t.Errorf("%d: forms en %s fr %s, want %v", n, en, fr, want)
		}
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	for _, c := range []struct{ lcAll, lang, want string }{
		{"", "fr_FR.UTF-8", French},
		{"", "fr_CA.UTF-8", French},
		{"", "en_GB.UTF-8", English},
		{"C.UTF-8", "fr_FR.UTF-8", English},
		{"fr_BE.UTF-8", "en_US.UTF-8", French},
		{"", "", English},
	} {
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LANG", c.lang)
		if got := FromEnvironment(); got != c.want {
			t.Errorf("LC_ALL=%q LANG=%q: %s, want %s", c.lcAll, c.lang, got, c.want)
		}
	}
	SetLanguage(French)
	if T("edit.nothing_undo") != "rien à annuler" {
		t.Error("French wording not used")
	}
	SetLanguage(English)
}
