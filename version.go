// Package parcours holds what the program says about itself, from the one
// file that describes it: FyneApp.toml, which `fyne package` reads too. Its
// version is what `parcours version` prints and what Help → About shows.
package parcours

import (
	_ "embed"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed FyneApp.toml
var fyneApp string

// version overrides FyneApp.toml's version when a release build sets it
// with -ldflags "-X parcours.version=1.2.3".
var version string

// Version is the program's version: FyneApp.toml's [Details] Version,
// unless the build set another.
func Version() string {
	if version != "" {
		return version
	}
	var meta struct{ Details struct{ Version string } }
	if _, err := toml.Decode(fyneApp, &meta); err != nil || strings.TrimSpace(meta.Details.Version) == "" {
		// The file is embedded at build time and checked by a test:
		// this only happens to a broken build.
		return "unknown"
	}
	return meta.Details.Version
}
