//go:build !unix

package main

import "parcours/ui"

// openOrForward opens the editor window: without unix sockets, each
// parcours is a Parcours of its own.
func openOrForward(path string) error { return ui.Run(path) }
