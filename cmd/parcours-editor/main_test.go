package main

import (
	"bytes"
	"testing"
)

// A wrong command line is said on one line, exit 2, before any window is
// tried (the window itself is driven by cmd/parcours's tests, which run
// this program through parcours).
func TestUsage(t *testing.T) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(k, "")
	}
	t.Setenv("LANG", "C.UTF-8")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"a.parcours", "b.parcours"}, "parcours: unexpected argument \"b.parcours\" (usage: parcours-editor [FILE.parcours])\n"},
		{[]string{"--help"}, "parcours: unknown option --help (see: parcours help)\n"},
	} {
		var stderr bytes.Buffer
		if code := Main(tc.args, &stderr); code != 2 || stderr.String() != tc.want {
			t.Errorf("parcours-editor %q: exit %d, stderr %q, want 2 and %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}
