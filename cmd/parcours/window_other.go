//go:build !unix

package main

import (
	"errors"
	"os"
	"os/exec"
)

// launchEditor runs the editor and waits for it, passing its exit status
// on: without exec(2), parcours stays as its parent. Without unix sockets
// there is no running Parcours to hand the file to.
func launchEditor(path string) error {
	editor, err := findEditor()
	if err != nil {
		return err
	}
	cmd := exec.Command(editor, editorArgs(path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return editorExit(ee.ExitCode())
	}
	if err != nil {
		return failure("cli.editor.start", editor, err)
	}
	return nil
}
