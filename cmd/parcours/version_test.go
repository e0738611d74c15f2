package main

import (
	"testing"

	"parcours"
)

// `parcours version` and `--version` print FyneApp.toml's version, the one
// Help → About shows.
func TestVersionIsTheAppsVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		code, out, _ := runMain(arg)
		if want := "parcours " + parcours.Version() + "\n"; code != 0 || out != want {
			t.Errorf("%s: exit %d, %q, want %q", arg, code, out, want)
		}
	}
}
