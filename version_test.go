package parcours

import (
	"os"
	"regexp"
	"testing"
)

// The version comes from FyneApp.toml as it is on disk: the file `fyne
// package` stamps on the packaged app.
func TestVersionIsFyneAppTomls(t *testing.T) {
	data, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if got := Version(); got != string(m[1]) {
		t.Errorf("Version() = %q, FyneApp.toml says %q", got, m[1])
	}
	version = "9.9.9"
	defer func() { version = "" }()
	if Version() != "9.9.9" {
		t.Error("a version set at build time is not used")
	}
}
