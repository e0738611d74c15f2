// Package atomic writes output files whole or not at all: into a temporary
// file in the target's directory, synced, then renamed over the target. A
// failure leaves no partial file behind and the old file, if any, intact.
package atomic

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"parcours/model/msg"
)

// WriteFile calls write with a temporary file next to path and, when it
// succeeds, renames that file to path.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if st, serr := os.Stat(dir); serr != nil || !st.IsDir() {
		return fmt.Errorf("%s: %w", msg.T("file.no_dir", dir), os.ErrNotExist)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: %w", msg.T("file.cannot_write", path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", msg.T("file.cannot_write", path), err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", msg.T("file.cannot_write", path), err)
	}
	// CreateTemp makes files private; an export is an ordinary document.
	_ = os.Chmod(tmp.Name(), 0o644)
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", msg.T("file.cannot_write", path), err)
	}
	return nil
}
