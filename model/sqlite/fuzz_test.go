package sqlite_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/sqlite"
	"parcours/model/sqlite/hostile"
)

// FuzzOpen opens documents made of arbitrary bytes: whatever a file holds,
// opening it never panics, refuses it with a *sqlite.Error that holds no
// words of the database driver, or gives a valid document whose JSON
// export imports again. The seeds are a valid document and small hostile
// ones (go test runs them; go test -fuzz FuzzOpen mutates them).
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	for _, k := range hostile.Kinds() {
		if !strings.HasPrefix(k.Name, "zero-blob") && !strings.HasPrefix(k.Name, "word-") &&
			!strings.HasPrefix(k.Name, "too-many") && !strings.HasPrefix(k.Name, "quotes-over") {
			path, err := hostile.Make(dir, k, modeltest.Reference(f))
			if err != nil {
				f.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	valid := filepath.Join(dir, "valid.parcours")
	st, err := sqlite.Create(valid, modeltest.Reference(f))
	if err != nil {
		f.Fatal(err)
	}
	st.Close()
	b, err := os.ReadFile(valid)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.parcours")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		st, d, err := sqlite.OpenReadOnly(path)
		if err != nil {
			var e *sqlite.Error
			if !errors.As(err, &e) {
				t.Fatalf("%T is not *sqlite.Error: %v", err, err)
			}
			for _, w := range []string{"sql: ", "Scan error", "converting driver", "SQL logic error", "no such"} {
				if strings.Contains(err.Error(), w) {
					t.Fatalf("driver words in %q", err)
				}
			}
			return
		}
		defer st.Close()
		if err := model.Validate(d); err != nil {
			t.Fatalf("opened an invalid document: %v", err)
		}
		var out bytes.Buffer
		if err := model.WriteJSON(&out, d); err != nil {
			t.Fatal(err)
		}
		if _, err := model.ReadJSON(&out, "export.json"); err != nil {
			t.Fatalf("the export of an opened document does not import: %v", err)
		}
	})
}
