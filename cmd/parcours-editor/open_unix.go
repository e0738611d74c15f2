//go:build unix

package main

import (
	"errors"
	"path/filepath"

	"parcours/cmd/internal/instance"
	"parcours/model/msg"
	"parcours/ui"
)

// open hands path to the Parcours running on this display, or, when none
// is, becomes the Parcours that the later ones hand their files to.
func open(path string) error {
	if path != "" {
		abs, err := filepath.Abs(path)
		if err != nil {
			return errors.New(msg.T("cli.cannot_read", path, err))
		}
		path = abs
	}
	sock, err := instance.SocketPath()
	if err != nil {
		// No private place for a socket: a Parcours of its own.
		return ui.Run(path)
	}
	requests, stop, err := instance.ServeOrForward(sock, path)
	switch {
	case errors.Is(err, instance.ErrForwarded):
		return nil
	case err != nil:
		var refused *instance.RefusedError
		if errors.As(err, &refused) {
			return errors.New(msg.T("cli.instance.failed", refused.Text))
		}
		return ui.Run(path)
	}
	defer stop()
	windows := make(chan ui.OpenRequest)
	go func() {
		for r := range requests {
			windows <- ui.OpenRequest(r)
		}
	}()
	return ui.RunServing(path, windows)
}
