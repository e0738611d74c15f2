package main

// runGUI opens the editor window, or hands path to the Parcours already
// running (instance.go); main keeps no other tie to Fyne.
func runGUI(path string) error { return openOrForward(path) }
