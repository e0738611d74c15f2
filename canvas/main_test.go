package canvas_test

import (
	"os"
	"testing"

	"parcours/model/msg"
)

// Tests check English wordings whatever the developer's language.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}
