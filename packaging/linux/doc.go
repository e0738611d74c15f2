// Package linux holds what installs Parcours as a desktop application for
// one user on Linux and the BSDs: the desktop entry, the MIME type
// application/x-parcours (glob and magic), the icons at the hicolor sizes
// and the install script that `make install` and `make uninstall` run. Its
// tests install into a temporary XDG_DATA_HOME and ask the freedesktop
// tools what they make of it. It has no code of its own.
package linux
