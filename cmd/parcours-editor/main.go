// Command parcours-editor is the Parcours editor window. `parcours` with
// no command, or with a document's path, hands the file to the Parcours
// already running on the display or becomes this program (CONTRACTS.md
// §1); the desktop entry starts it directly. It is the one program that
// links the window toolkit, so that the commands of `parcours` start
// without loading it. The first one on a display serves the others' files
// (cmd/internal/instance).
//
//	parcours-editor [FILE.parcours]
package main

import (
	"io"
	"os"
	"strings"

	"parcours/cmd/internal/errline"
	"parcours/model/msg"
)

func main() { os.Exit(Main(os.Args[1:], os.Stderr)) }

// Main opens the window on the document args names (none: the last one)
// and returns the exit status once the last window is closed: 0, or 1
// when no window could open (one line on stderr, as parcours says it), or
// 2 when the command line is wrong.
func Main(args []string, stderr io.Writer) (code int) {
	msg.SetLanguage(msg.FromEnvironment())
	defer func() {
		if r := recover(); r != nil {
			errline.Write(stderr, msg.T("cli.panic", r))
			code = 1
		}
	}()
	path := ""
	switch {
	case len(args) > 1:
		errline.Write(stderr, msg.T("cli.extra_arg", args[1], "parcours-editor [FILE.parcours]"))
		return 2
	case len(args) == 1 && strings.HasPrefix(args[0], "-"):
		errline.Write(stderr, msg.T("cli.unknown_flag_top", args[0]))
		return 2
	case len(args) == 1:
		path = args[0]
	}
	if err := open(path); err != nil {
		errline.Write(stderr, err.Error())
		return 1
	}
	return 0
}
