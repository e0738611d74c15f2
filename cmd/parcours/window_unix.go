//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"parcours/cmd/internal/instance"
)

// launchEditor hands path to the Parcours running on this display, and
// when none answers, replaces this process with the editor: same process
// id, same standard streams, and its exit status is the user's.
func launchEditor(path string) error {
	if path != "" {
		abs, err := filepath.Abs(path)
		if err != nil {
			return failure("cli.cannot_read", path, err)
		}
		path = abs
	}
	if sock, err := instance.SocketPath(); err == nil {
		ok, err := instance.Forward(sock, path)
		var refused *instance.RefusedError
		switch {
		case errors.As(err, &refused):
			return failure("cli.instance.failed", refused.Text)
		case ok && err == nil:
			return nil
		}
		// Nobody listens, or the one listening does not answer: the
		// editor decides (it waits for one still starting, or opens a
		// window of its own).
	}
	editor, err := findEditor()
	if err != nil {
		return err
	}
	err = syscall.Exec(editor, append([]string{editor}, editorArgs(path)...), os.Environ())
	return failure("cli.editor.start", editor, err)
}
