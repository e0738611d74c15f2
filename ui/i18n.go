package ui

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"parcours/model/msg"
)

// registerTranslations hands the message catalog to Fyne's translation
// support, so that the window, Fyne's own dialogs and our messages all
// follow the same system language, and makes msg speak that language too.
func registerTranslations() {
	for _, l := range []string{msg.English, msg.French} {
		m := map[string]string{}
		for _, k := range msg.Keys() {
			en, fr := msg.Pair(k)
			if l == msg.French && fr != "" {
				m[k] = fr
			} else {
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
func T(key string, args ...any) string {
	f := lang.L(key)
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}
