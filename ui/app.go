// Package ui owns the Parcours window: the map editor widget that paints a
// canvas.Scene, the menus and shortcuts, the dialogs, and the translations
// of everything it shows. It edits documents only through model commands
// and keeps them in files only through model/sqlite.
package ui

import (
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"parcours/assets"
)

// AppID is the application id, also in FyneApp.toml.
const AppID = "app.parcours.editor"

// Run opens the window on the document at path, or on the last document
// when path is empty, and returns when the window is closed.
func Run(path string) error { return run(path, nil) }

// run is Run that also opens a window for each request (RunServing).
func run(path string, requests <-chan OpenRequest) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	prepareCache()
	a := app.NewWithID(AppID)
	a = withSafePrefs(a)
	applyLanguagePreference(a)
	registerTranslations()
	a.Settings().SetTheme(newTheme())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	e := NewEditor(a)
	ws := &windows{list: []*Editor{e}}
	if path == "" {
		path = a.Preferences().String(prefLastDocument)
		if _, err := os.Stat(path); err != nil {
			path = ""
		}
	}
	if path != "" {
		if err := e.Open(path); err != nil {
			e.showError(err)
		}
	}
	// A terminated process closes its document like a closed window does:
	// the file is left complete and its lock released. A window that
	// cannot do so in closeGrace (stuck, or a second signal) still ends:
	// the session is going away, and SQLite keeps the file whole anyway.
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	background(func() error {
		<-sig
		go func() {
			select {
			case <-sig:
			case <-time.After(closeGrace):
			}
			os.Exit(1)
		}()
		return nil
	}, func(error) { ws.closeAll(); a.Quit() })
	ws.serve(a, requests)
	e.Window().ShowAndRun()
	ws.closeAll()
	return nil
}

// closeGrace is how long a terminated window has to close its documents.
const closeGrace = 10 * time.Second

// applyLanguagePreference makes the language chosen in the window win over
// the system's: Fyne's translations read the environment, so the choice is
// put there before they are loaded (which is why it applies on restart).
func applyLanguagePreference(a fyne.App) {
	switch a.Preferences().String(prefLanguage) {
	case "fr":
		setLanguageEnv("fr_FR.UTF-8")
	case "en":
		setLanguageEnv("en_US.UTF-8")
	}
}

func setLanguageEnv(locale string) {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		os.Setenv(k, locale)
	}
}
