package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// The editor window is a program of its own, parcours-editor: this one
// links no window toolkit, so that a command starts without loading one
// (issue 12). `parcours` and `parcours FILE` hand the file to the running
// Parcours when there is one (window_unix.go), and otherwise become the
// editor.

// openWindow opens the editor on path ("" for the last document); tests
// replace it.
var openWindow = launchEditor

// editorName is the window program's name, installed beside this one.
const editorName = "parcours-editor"

// findEditor is the window program installed with this one: beside this
// program's real file (symlinks resolved: ~/.local/bin/parcours may be a
// link into a build folder), beside the link itself, then on PATH.
func findEditor() (string, error) {
	name := editorName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	self, err := os.Executable()
	if err != nil {
		self = os.Args[0]
	}
	dirs := []string{filepath.Dir(self)}
	if real, err := filepath.EvalSymlinks(self); err == nil && filepath.Dir(real) != dirs[0] {
		dirs = []string{filepath.Dir(real), dirs[0]}
	}
	for _, dir := range dirs {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && (runtime.GOOS == "windows" || fi.Mode()&0o111 != 0) {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return filepath.Abs(p)
	}
	return "", failure("cli.editor.missing", name, self)
}

// editorArgs are the editor's arguments for path.
func editorArgs(path string) []string {
	if path == "" {
		return nil
	}
	return []string{path}
}

// editorExit is the editor's exit status where it ran as a child
// (window_other.go): the editor has already said what went wrong, and
// parcours exits with its status, silently.
type editorExit int

func (e editorExit) Error() string {
	return fmt.Sprintf("the editor window exited with status %d", int(e))
}
