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

// T formats the message key in the current language. An unknown key is a
// programming error; it is shown as the key itself so that nothing is hidden.
func T(key string, args ...any) string {
	m, ok := catalog[key]
	if !ok {
		return fmt.Sprint(append([]any{key, " "}, args...)...)
	}
	f := m.en
	if Language() == French && m.fr != "" {
		f = m.fr
	}
	return fmt.Sprintf(f, args...)
}

// Has reports whether key is in the catalog (tests use it to keep the two
// languages complete).
func Has(key string) bool { _, ok := catalog[key]; return ok }

// Keys lists every key of the catalog.
func Keys() []string {
	ks := make([]string, 0, len(catalog))
	for k := range catalog {
		ks = append(ks, k)
	}
	return ks
}

// Pair returns both wordings of key, for tests.
func Pair(key string) (en, fr string) { m := catalog[key]; return m.en, m.fr }

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
