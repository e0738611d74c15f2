//go:build !unix

package main

import "parcours/ui"

// open opens the editor window: without unix sockets, each window is a
// Parcours of its own.
func open(path string) error { return ui.Run(path) }
