package sqlite_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/sqlite"
	"parcours/model/sqlite/hostile"
)

// driverWords are what a message for people must never hold.
var driverWords = []string{"sql:", "sqlite", "driver", "Scan error", "converting", "SQL logic", "no such"}

// Every hostile document is refused in plain words that name the file and
// what is wrong, or opens as a valid document that exports to JSON which
// imports again; the file is never changed by trying.
func TestHostileDocuments(t *testing.T) {
	dir := t.TempDir()
	for _, k := range hostile.Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			path, err := hostile.Make(dir, k, modeltest.Reference(t))
			if err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for name, open := range map[string]func(string) (*sqlite.Store, *model.Document, error){
				"Open": sqlite.Open, "OpenReadOnly": sqlite.OpenReadOnly} {
				st, d, err := open(path)
				if err != nil {
					t.Logf("%s: %v", name, err)
					if !k.Refused {
						t.Fatalf("%s refused a document it may open: %v", name, err)
					}
					var e *sqlite.Error
					if !errors.As(err, &e) {
						t.Fatalf("%s: %T is not *sqlite.Error", name, err)
					}
					if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), k.Want) {
						t.Errorf("%s: %q should name the file and say %q", name, err, k.Want)
					}
					for _, w := range driverWords {
						if strings.Contains(unquoted(err.Error()), w) {
							t.Errorf("%s: %q is not plain words (%q)", name, err, w)
						}
					}
					continue
				}
				if k.Refused {
					st.Close()
					t.Fatalf("%s opened a document it must refuse", name)
				}
				var b bytes.Buffer
				if err := model.WriteJSON(&b, d); err != nil {
					t.Fatal(err)
				}
				if _, err := model.ReadJSON(&b, "export.json"); err != nil {
					t.Errorf("%s: its JSON export does not import: %v", name, err)
				}
				st.Close()
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("trying to open it changed the file")
			}
		})
	}
}

// unquoted leaves out the names quoted from the file (“sqlite_stat1”).
func unquoted(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "“")
		if i < 0 {
			return b.String() + s
		}
		b.WriteString(s[:i])
		k := strings.Index(s[i:], "”")
		if k < 0 {
			return b.String()
		}
		s = s[i+k:]
	}
}
