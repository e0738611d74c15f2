package ui

import (
	"os"
	"testing"

	"parcours/model/msg"
)

// Tests run in English, with the catalog handed to Fyne as Run does.
func TestMain(m *testing.M) {
	for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		os.Setenv(k, "C.UTF-8")
	}
	registerTranslations()
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}
