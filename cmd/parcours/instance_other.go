//go:build !unix

package main

import "parcours/ui"

// runGUI opens the editor window: without unix sockets, each parcours is a
// Parcours of its own.
func runGUI(path string) error { return ui.Run(path) }
