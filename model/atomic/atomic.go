// Package atomic writes output files whole or not at all: into a temporary
// file in the target's directory, synced, then renamed over the target. A
// failure leaves no partial file behind and the old file, if any, intact.
package atomic

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"parcours/model/msg"
)

// ErrNotRegular is a target that exists and is not a regular file: a
// symbolic link, a pipe, a device. Renaming over it would replace it by a
// file (or, for a device, write where the user did not mean), so it is
// refused.
var ErrNotRegular = errors.New("not a regular file")

// CheckTarget refuses a path that exists and is not a regular file.
func CheckTarget(path string) error {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("%s: %w", msg.T("file.not_regular", path), ErrNotRegular)
}

// WriteFile calls write with a temporary file next to path and, when it
// succeeds, renames that file to path.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if st, serr := os.Stat(dir); serr != nil || !st.IsDir() {
		return fmt.Errorf("%s: %w", msg.T("file.no_dir", dir), os.ErrNotExist)
	}
	if err := CheckTarget(path); err != nil {
		return err
	}
	tmp, err := Temp(path, 0o666)
	if err != nil {
		return fmt.Errorf("%s: %w", msg.T("file.cannot_write", path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			Remove(tmp.Name())
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
	// Looked at again: the target may have become a link or a pipe
	// while the output was made.
	if err = CheckTarget(path); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", msg.T("file.cannot_write", path), err)
	}
	Forget(tmp.Name())
	return nil
}
