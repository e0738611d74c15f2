// Command parcours edits customer journey maps. Without a command, or with a
// document's path, it opens the editor window (the program parcours-editor,
// see window.go); its commands create, import, export and check documents
// from scripts (CONTRACTS.md §1).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"parcours/cmd/internal/errline"
	"parcours/model/atomic"
	"parcours/model/msg"
)

func main() { os.Exit(process(os.Args[1:])) }

// process runs the command line as the whole process: Main, with the
// signal handling of a command (the tests run it under the name parcours).
func process(args []string) int {
	if len(args) > 0 && lookup(args[0]) != nil {
		cleanUpOnSignal()
	}
	return Main(args, os.Stdin, os.Stdout, os.Stderr)
}

// cleanUpOnSignal makes SIGINT and SIGTERM remove the temporary files a
// command was writing (the output, or a new document not yet in place)
// before it exits 1: an interrupted command leaves what was there as it
// was, and nothing else. (The window keeps Fyne's own handling.)
func cleanUpOnSignal() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-sig
		atomic.RemoveAll()
		fmt.Fprintln(os.Stderr, "parcours: "+msg.T("cli.interrupted"))
		os.Exit(1)
	}()
}

// env is what a command reads and writes besides files.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// Main runs the command line args (without the program name) and returns
// the exit status: 0 success, 1 the work failed, 2 the command line is
// wrong. Every failure is one line on stderr starting with "parcours: ".
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	msg.SetLanguage(msg.FromEnvironment())
	defer func() {
		if r := recover(); r != nil {
			errline.Write(stderr, msg.T("cli.panic", r))
			code = 1
		}
	}()
	out := &checkedWriter{w: stdout}
	err := run(args, &env{stdin: stdin, stdout: out, stderr: stderr})
	if err == nil && out.err != nil {
		// What a command printed did not reach its reader (a full disk,
		// a closed pipe): the work is not done.
		err = failure("cli.stdout", cause(out.err))
	}
	if err == nil {
		return 0
	}
	var exit editorExit
	if errors.As(err, &exit) {
		return int(exit)
	}
	errline.Write(stderr, err.Error())
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

func run(args []string, e *env) error {
	if len(args) == 0 {
		return openWindow("")
	}
	first := args[0]
	switch first {
	case "-h", "-help", "--help":
		return runCommand(lookup("help"), args[1:], e)
	case "--version", "-version":
		return runCommand(lookup("version"), args[1:], e)
	}
	if c := lookup(first); c != nil {
		return runCommand(c, args[1:], e)
	}
	if strings.HasPrefix(first, "-") && first != "-" {
		return usage("cli.unknown_flag_top", first)
	}
	if looksLikePath(first) {
		if len(args) > 1 {
			return usage("cli.extra_arg", args[1], "parcours [FILE.parcours]")
		}
		return openWindow(first)
	}
	return usage("cli.unknown_command", first)
}

// looksLikePath tells a document's path from a mistyped command: it has a
// dot or a slash, or it is there.
func looksLikePath(s string) bool {
	if strings.ContainsAny(s, `./\`) {
		return true
	}
	_, err := os.Stat(s)
	return err == nil
}

func runCommand(c *command, args []string, e *env) error {
	p := newParser(c)
	pos, err := p.parse(args)
	if errors.Is(err, errHelp) {
		return commandHelp(e.stdout, c)
	}
	if err != nil {
		return err
	}
	if len(pos) < c.minArgs() {
		return usage("cli.missing_arg", c.args[len(pos)], "parcours "+c.synopsis)
	}
	if len(pos) > len(c.args) {
		return usage("cli.extra_arg", pos[len(c.args)], "parcours "+c.synopsis)
	}
	return c.run(e, p, pos)
}

// checkedWriter keeps the first error of writing to standard output, so
// that a command whose output was lost does not exit 0.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}
