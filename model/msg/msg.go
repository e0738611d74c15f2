// Package msg owns the plain-language messages Parcours shows to people
// (command-line errors, validation problems, store errors) in French and
// English. The language is chosen once at start-up from the environment, as
// Fyne's own translations are, so every layer can word its errors for users
// without knowing who will print them.
package msg

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Language codes Parcours speaks.
const (
	English = "en"
	French  = "fr"
)

var current atomic.Value // string

func init() { current.Store(FromEnvironment()) }

// FromEnvironment reads the user's language the way POSIX programs do:
// LC_ALL, then LC_MESSAGES, then LANG, then LANGUAGE. Anything that is not
// French is English.
func FromEnvironment() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "fr") {
			return French
		}
		return English
	}
	return English
}

// SetLanguage switches the language of every message made after the call.
func SetLanguage(lang string) {
	if lang != French {
		lang = English
	}
	current.Store(lang)
}

// Language is the language messages are currently made in.
func Language() string { return current.Load().(string) }

// T formats the message key in the current language. A counted message
// takes the wording its count asks for (see Form). An unknown key is a
// programming error; it is shown as the key itself so that nothing is hidden.
func T(key string, args ...any) string {
	catalog, _ := loaded()
	m, ok := catalog[key]
	if !ok {
		return fmt.Sprint(append([]any{key, " "}, args...)...)
	}
	lang := Language()
	f := m.en
	if lang == French && m.fr != "" {
		f = m.fr
	}
	if n, ok := Count(key, args...); ok {
		f = Forms(key, lang)[Form(lang, n)]
	}
	return fmt.Sprintf(f, args...)
}

// Plural categories (CLDR) of the counted messages. French also has
// "many", for round millions; our messages word it as "other".
const (
	One   = "one"
	Many  = "many"
	Other = "other"
)

// Form is the plural category of the count n in lang, by the CLDR rules:
// One or Other (Many is worded as Other). In French 0 and 1 are One.
func Form(lang string, n int) string {
	tag := language.English
	if lang == French {
		tag = language.French
	}
	if n < 0 {
		n = -n
	}
	if plural.Cardinal.MatchPlural(tag, n%10000000, 0, 0, 0, 0) == plural.One {
		return One
	}
	return Other
}

// Forms gives the wordings of the counted message key in lang by plural
// category, as go-i18n (Fyne's lang) reads them, with every category the
// language's CLDR rule has; nil when key takes no count.
func Forms(key, lang string) map[string]string {
	_, plurals := loaded()
	p, ok := plurals[key]
	if !ok {
		return nil
	}
	if lang == French {
		return map[string]string{One: p.frOne, Many: p.frOther, Other: p.frOther}
	}
	return map[string]string{One: p.enOne, Other: p.enOther}
}

// Count is the count among the arguments of the message key, when key is
// a counted message and that argument is an integer.
func Count(key string, args ...any) (int, bool) {
	_, plurals := loaded()
	p, ok := plurals[key]
	if !ok || p.arg >= len(args) {
		return 0, false
	}
	switch n := args[p.arg].(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case int32:
		return int(n), true
	case uint:
		return int(n), true
	}
	return 0, false
}

// Has reports whether key is in the catalog (tests use it to keep the two
// languages complete).
func Has(key string) bool {
	catalog, _ := loaded()
	_, ok := catalog[key]
	return ok
}

// Keys lists every key of the catalog.
func Keys() []string {
	catalog, _ := loaded()
	ks := make([]string, 0, len(catalog))
	for k := range catalog {
		ks = append(ks, k)
	}
	return ks
}

// Pair returns both wordings of key, for tests.
func Pair(key string) (en, fr string) {
	catalog, _ := loaded()
	m := catalog[key]
	return m.en, m.fr
}

// Size words a number of bytes for people, in the language's units:
// bytes below 10 KB, then KB, then MB with one decimal.
func Size(n int64) string {
	switch {
	case n < 10<<10:
		return T("size.bytes", n)
	case n < 1<<20:
		return T("size.kb", (n+1023)/1024)
	}
	return T("size.mb", float64(n)/(1<<20))
}
