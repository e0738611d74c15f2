package ui

import (
	"os"
	"testing"

	"parcours/model/msg"
)

// Tests run in English, with the catalog handed to Fyne as Run does; a
// test that needs a window in another process starts this binary as one.
func TestMain(m *testing.M) {
	for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		os.Setenv(k, "C.UTF-8")
	}
	registerTranslations()
	msg.SetLanguage(msg.English)
	if path := os.Getenv("PARCOURS_DRAGS"); path != "" {
		dragInOtherProcess(path) // a test's other process, not the tests
	}
	os.Exit(m.Run())
}
