package main

import "parcours/ui"

// runGUI opens the editor window; main keeps no other tie to Fyne.
func runGUI(path string) error { return ui.Run(path) }
