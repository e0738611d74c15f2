//go:build unix && !linux

package sqlite

import "golang.org/x/sys/unix"

// renameNoReplace is not available here: Create needs hard links.
func renameNoReplace(tmp, path string) error { return unix.ENOTSUP }
