package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run "parcours" as a command: testscript runs
// this test binary again under that name.
func TestMain(m *testing.M) {
	testscript.Main(removeBuilt{m}, map[string]func(){
		"parcours": func() { os.Exit(process(os.Args[1:])) },
	})
}

// TestScripts runs testdata/script/*.txtar. $TESTDATA is the repository's
// testdata folder (reference document, survey sample).
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("TESTDATA", testdata)
			// Messages in English unless a script says otherwise.
			e.Setenv("LANG", "C.UTF-8")
			return nil
		},
	})
}
