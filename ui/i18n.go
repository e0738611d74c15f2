package ui

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"parcours"
	"parcours/model/msg"
)

// registerTranslations hands the message catalog to Fyne's translation
// support, so that the window, Fyne's own dialogs and our messages all
// follow the same system language, and makes msg speak that language too.
func registerTranslations() {
	for _, l := range []string{msg.English, msg.French} {
		m := map[string]any{}
		for _, k := range msg.Keys() {
			en, fr := msg.Pair(k)
			switch forms := msg.Forms(k, l); {
			case forms != nil:
				m[k] = forms // go-i18n's plural forms: {"one": …, "other": …}
			case l == msg.French && fr != "":
				m[k] = fr
			default:
				m[k] = en
			}
		}
		data, _ := json.Marshal(m)
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(l)); err != nil {
			fyne.LogError("translations "+l, err)
		}
	}
	// "fr-FR", "fr" and "fr-CA" all mean French to us.
	if strings.HasPrefix(lang.SystemLocale().LanguageString(), msg.French) {
		msg.SetLanguage(msg.French)
	} else {
		msg.SetLanguage(msg.English)
	}
}

// T is the window's wording of a catalog key, formatted like fmt.Sprintf.
// A message that takes a count gets the plural form Fyne's lang (go-i18n,
// CLDR rules) picks for that count, as msg.T does for the command line.
func T(key string, args ...any) string {
	var f string
	if n, ok := msg.Count(key, args...); ok {
		f = lang.XN(key, key, n)
	} else {
		f = lang.L(key)
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// appVersion is the version Help → About shows: the one `parcours version`
// prints, from FyneApp.toml (Fyne's own metadata says 0.0.1 unless the app
// was built by `fyne package`).
func appVersion() string { return parcours.Version() }
