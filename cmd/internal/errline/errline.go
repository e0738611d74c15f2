// Package errline writes a message on stderr the way both Parcours
// programs do (CONTRACTS.md §1): one line, "parcours: " then what is wrong
// (or the warning), whatever line breaks its causes hold.
package errline

import (
	"fmt"
	"io"
	"strings"
)

// Write prints text to w as one line.
func Write(w io.Writer, text string) {
	fmt.Fprintln(w, "parcours: "+OneLine(text))
}

// OneLine keeps a message on one line.
func OneLine(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	return strings.TrimSpace(s)
}
