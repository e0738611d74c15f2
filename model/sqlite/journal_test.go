package sqlite

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// staleJournal leaves at path+"-journal" the hot journal of a transaction
// on another document that was at path, then removes that document.
func staleJournal(t *testing.T, path string) {
	t.Helper()
	create(t, path, generated(200))
	db, err := sql.Open("sqlite3", path+"?_journal_mode=DELETE&_sync=FULL")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	// A cache of a few pages makes SQLite sync the journal and write
	// changed pages into the file before the commit: a crash then would
	// leave exactly this journal, hot.
	if _, err := db.Exec("PRAGMA cache_size = 2"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("UPDATE touchpoints SET title = title || ' changed', note = hex(randomblob(300))"); err != nil {
		t.Fatal(err)
	}
	journal, err := os.ReadFile(path + "-journal")
	if err != nil {
		t.Fatalf("no journal during the transaction: %v", err)
	}
	tx.Rollback()
	db.Close()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+"-journal", journal, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A new document never picks up a journal another document left beside
// its name: Create and Save As remove it, and the new file holds exactly
// what was written.
func TestNewDocumentIgnoresAStaleJournal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.parcours")
	staleJournal(t, path)
	want := livraison(t)
	s, err := Create(path, want)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path + "-journal"); !os.IsNotExist(err) {
		t.Errorf("journal still there: %v", err)
	}
	if _, got := mustOpen(t, path); !reflect.DeepEqual(got, want) {
		t.Error("the new document is not what was written")
	}

	other := filepath.Join(dir, "copy.parcours")
	staleJournal(t, other)
	src, d := mustOpen(t, path)
	defer src.Close()
	c, err := src.SaveAs(other, d)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, got := mustOpen(t, other); !reflect.DeepEqual(got, want) {
		t.Error("the copy is not what the window shows")
	}
}
