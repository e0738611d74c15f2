// Package instance is the one-Parcours-per-display protocol that both
// programs speak: the editor window (cmd/parcours-editor) listens on a unix
// socket, and `parcours FILE` (cmd/parcours) or a second editor hands FILE
// to it, which opens a window on it. The client side needs no window
// toolkit, so the command line can forward a file without linking one.
//
// The socket lives in XDG_RUNTIME_DIR (the user's own, private), or failing
// that in a private folder of the system's temporary one; its name depends
// on the display, so that Parcours on another X or Wayland display (a
// test's Xvfb) is another instance. A lock file beside it says which
// process serves: a socket left by a crash is replaced, and two started
// together do not both serve. Without unix sockets (Windows) the package
// is empty and each window is a Parcours of its own.
package instance
