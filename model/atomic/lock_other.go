//go:build !unix

package atomic

import (
	"os"
	"time"
)

func lock(*os.File) {}

// ownedAndFree, without flock, takes a leftover to be one a day after it
// was last written.
func ownedAndFree(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > 24*time.Hour
}
