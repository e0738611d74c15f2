package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// Every schema version this build knows, made by its own migrations, is
// accepted as it is: a migration added later is verified with no code of
// its own. The file at the last version is what Create writes.
func TestEveryVersionVerifies(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= len(ms); v++ {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.parcours", v))
		db, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms[:v] {
			if _, err := db.Exec(m.sql); err != nil {
				t.Fatalf("%s: %v", m.name, err)
			}
		}
		s := &Store{path: path}
		if err := s.verifySchema(db, v); err != nil {
			t.Errorf("version %d: %v", v, err)
		}
		// The same file checked against another version's schema is
		// refused, when the versions differ.
		if v > 1 {
			if err := s.verifySchema(db, v-1); err == nil {
				t.Errorf("version %d passes as version %d", v, v-1)
			}
		}
		db.Close()
	}
	path := filepath.Join(t.TempDir(), "new.parcours")
	create(t, path, livraison(t))
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := (&Store{path: path}).verifySchema(db, SchemaVersion); err != nil {
		t.Errorf("a new document: %v", err)
	}
}

// Comments and layout do not count; anything else in the text does.
func TestNormalSQL(t *testing.T) {
	base := normalSQL("CREATE TABLE t (\n    a TEXT NOT NULL, -- the a\n    b INTEGER /* b */ DEFAULT '--  x'\n) STRICT")
	for _, same := range []string{
		"CREATE TABLE t ( a TEXT NOT NULL, b INTEGER DEFAULT '--  x' ) STRICT",
		"CREATE  TABLE t (\ta TEXT NOT NULL,\r\n b INTEGER DEFAULT '--  x'\n) STRICT -- end",
	} {
		if got := normalSQL(same); got != base {
			t.Errorf("%q\n gives %q\nwant %q", same, got, base)
		}
	}
	for _, other := range []string{
		"CREATE TABLE t ( a TEXT NOT NULL, b INTEGER DEFAULT '-- x' ) STRICT",
		"CREATE TABLE t ( a TEXT NOT NULL CHECK (length(a) < 1e9), b INTEGER DEFAULT '--  x' ) STRICT",
		"CREATE TABLE t ( a TEXT NOT NULL, b INTEGER DEFAULT '--  x' )",
		"CREATE TABLE t ( a TEXT NOT NULL, b INTEGER DEFAULT \"--  x\" ) STRICT",
	} {
		if got := normalSQL(other); got == base {
			t.Errorf("%q passes as the same schema", other)
		}
	}
}
