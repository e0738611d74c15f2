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
