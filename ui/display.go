package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"github.com/go-gl/glfw/v3.4/glfw"

	"parcours/model/msg"
)

// checkDisplay tells, before Fyne starts, whether a window can be opened
// at all. Fyne would log GLFW's failure and then crash on it; the user
// gets one plain line instead.
func checkDisplay() error {
	// Outside a Wayland session GLFW still tries Wayland first, and
	// libwayland prints an error when it finds no session: go straight to
	// X11, as Fyne then does too.
	if runtime.GOOS == "linux" && os.Getenv("WAYLAND_DISPLAY") == "" && os.Getenv("DISPLAY") != "" && os.Getenv("FYNE_PLATFORM") == "" {
		os.Setenv("FYNE_PLATFORM", "x11")
		glfw.InitHint(glfw.PlatformHint, int(glfw.PlatformX11))
	}
	if os.Getenv("WAYLAND_DISPLAY") == "" && os.Getenv("DISPLAY") == "" && runtime.GOOS == "linux" {
		return errors.New(msg.T("ui.no_display"))
	}
	if err := glfw.Init(); err != nil {
		return errors.New(msg.T("ui.no_display"))
	}
	glfw.Terminate()
	return nil
}

// prepareCache makes the folder Fyne keeps its cache in: Fyne creates only
// the last level, and complains at every start on a system where the
// user's cache folder does not exist yet.
func prepareCache() {
	if dir, err := os.UserCacheDir(); err == nil {
		_ = os.MkdirAll(filepath.Join(dir, "fyne"), 0o700)
	}
}
