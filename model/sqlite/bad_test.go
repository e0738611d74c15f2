package sqlite

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the plain driver, to make foreign files

	"parcours/model"
	"parcours/model/msg"
)

// plain runs SQL on a file with the stock driver, as another program would.
func plain(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// refused opens path both ways and checks that it is refused with kind, in
// words that name the file and contain want, and that nothing on disk
// changed.
func refused(t *testing.T, path string, kind error, want string) {
	t.Helper()
	u := remember(t, path)
	for name, open := range map[string]func(string) (*Store, *model.Document, error){
		"Open": Open, "OpenReadOnly": OpenReadOnly} {
		s, d, err := open(path)
		if err == nil {
			s.Close()
			t.Fatalf("%s accepted %s", name, path)
		}
		t.Logf("%s: %v", name, err)
		if s != nil || d != nil {
			t.Errorf("%s returned a store with its error", name)
		}
		if kind != nil && !errors.Is(err, kind) {
			t.Errorf("%s: %v is not %v", name, err, kind)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: %T is not *Error", name, err)
		}
		if !strings.Contains(e.Text, path) || !strings.Contains(e.Text, want) {
			t.Errorf("%s: message %q should name the file and say %q", name, e.Text, want)
		}
		if strings.Contains(e.Text, "sqlite") {
			t.Errorf("%s: message %q is not plain words", name, e.Text)
		}
	}
	u.check(t)
}

func TestRandomBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "random.parcours")
	b := make([]byte, 8192)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	refused(t, path, ErrNotDocument, "is not a Parcours document")
}

func TestEmptyAndShortFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty.parcours": "",
		"short.parcours": sqliteMagic + strings.Repeat("\x00", 40),
		"text.parcours":  "SQLite format 3 is what this text says, but it is text.\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		refused(t, path, ErrNotDocument, "is not a Parcours document")
	}
}

func TestForeignDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.parcours")
	plain(t, path, "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('hello')")
	refused(t, path, ErrNotDocument, "is not a Parcours document")
}

func TestForeignDatabaseInWALMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wal.parcours")
	plain(t, path, "PRAGMA journal_mode=WAL", "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('hello')")
	if got := names(t, dir); len(got) != 1 {
		t.Fatalf("setup left %v", got)
	}
	b, _ := os.ReadFile(path)
	if b[18] != 2 || b[19] != 2 {
		t.Fatal("setup: not a WAL database")
	}
	refused(t, path, ErrNotDocument, "is not a Parcours document")
}

func TestOurIdOnAnotherSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fake.parcours")
	plain(t, path, "CREATE TABLE notes (body TEXT)",
		fmt.Sprintf("PRAGMA application_id=%d", ApplicationID), "PRAGMA user_version=1")
	refused(t, path, ErrForeign, "was changed by another program and cannot be opened safely (unexpected table “notes”)")
	// And our id with no schema version at all.
	path0 := filepath.Join(t.TempDir(), "zero.parcours")
	plain(t, path0, "CREATE TABLE notes (body TEXT)", fmt.Sprintf("PRAGMA application_id=%d", ApplicationID))
	refused(t, path0, ErrCorrupt, "is damaged")
}

func TestOurIdInWALMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "walmode.parcours")
	create(t, path, livraison(t))
	plain(t, path, "PRAGMA journal_mode=WAL")
	refused(t, path, ErrCorrupt, "write-ahead log")
}

func TestTruncatedDocument(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.parcours")
	create(t, whole, generated(300))
	b, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "half.parcours")
	if err := os.WriteFile(path, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	refused(t, path, ErrCorrupt, "is damaged")
}

func TestDamagedPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "damaged.parcours")
	create(t, path, generated(300))
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over the middle of the file, past the header page.
	st, _ := f.Stat()
	junk := []byte(strings.Repeat("\xff\x13\x37", 700))
	if _, err := f.WriteAt(junk, st.Size()/2); err != nil {
		t.Fatal(err)
	}
	f.Close()
	refused(t, path, ErrCorrupt, "is damaged")
}

func TestNewerVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.parcours")
	create(t, path, livraison(t))
	plain(t, path, fmt.Sprintf("PRAGMA user_version=%d", SchemaVersion+1))
	refused(t, path, ErrNewer, "was made by a newer version of Parcours")
}

func TestInvalidStoredData(t *testing.T) {
	dir := t.TempDir()
	for name, update := range map[string]string{
		"emotion":  "UPDATE touchpoints SET emotion = 7 WHERE id = 't-0003'",
		"quotes":   "UPDATE touchpoints SET quotes = '{' WHERE id = 't-0003'",
		"markers":  "UPDATE touchpoints SET markers = 'pain joy' WHERE id = 't-0003'",
		"created":  "UPDATE document SET created = 'yesterday'",
		"nometa":   "DELETE FROM document",
		"language": "UPDATE document SET language = 'de'",
	} {
		path := filepath.Join(dir, name+".parcours")
		create(t, path, generated(12))
		plain(t, path, update)
		refused(t, path, ErrCorrupt, "is damaged")
	}
	_, _, err := Open(filepath.Join(dir, "emotion.parcours"))
	if !strings.Contains(err.Error(), "t-0003") {
		t.Errorf("message %q does not name the touchpoint", err)
	}
}

func TestNotFound(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "doc.parcours")
	for _, open := range []func(string) (*Store, *model.Document, error){Open, OpenReadOnly} {
		_, _, err := open(path)
		if !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), path+" does not exist") {
			t.Errorf("Open = %v", err)
		}
	}
	_, err := Create(path, livraison(t))
	if err == nil || !strings.Contains(err.Error(), "the folder "+filepath.Dir(path)+" does not exist") {
		t.Errorf("Create = %v", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("folder holds %v", got)
	}
}

func TestFolderIsNotADocument(t *testing.T) {
	dir := t.TempDir()
	_, _, err := Open(dir)
	if !errors.Is(err, ErrNotDocument) || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("Open = %v", err)
	}
}

func TestCreateRefusesExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.parcours")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := remember(t, path)
	_, err := Create(path, livraison(t))
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), path+" already exists") {
		t.Fatalf("Create = %v", err)
	}
	u.check(t)
	// A document too.
	doc := filepath.Join(dir, "doc.parcours")
	create(t, doc, livraison(t))
	u = remember(t, doc)
	if _, err := Create(doc, generated(5)); !errors.Is(err, ErrExists) {
		t.Fatalf("Create = %v", err)
	}
	u.check(t)
}

func TestCreateRefusesInvalidDocument(t *testing.T) {
	dir := t.TempDir()
	d := livraison(t)
	d.Journeys[0].Lanes[0].Color = "rouge"
	_, err := Create(filepath.Join(dir, "bad.parcours"), d)
	if !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("Create = %v", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("folder holds %v", got)
	}
}

// readOnlyCase checks a document that opens read-only for reason: it loads,
// says why, refuses to save, and stays untouched.
func readOnlyCase(t *testing.T, path, reason string) {
	t.Helper()
	u := remember(t, path)
	s, d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ro, why := s.ReadOnly(); !ro || why != reason {
		t.Fatalf("ReadOnly = %v %q, want %q", ro, why, reason)
	}
	if len(d.Journeys) == 0 {
		t.Fatal("nothing loaded")
	}
	d.Title = "changed"
	err = s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindDocument}}})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), reason) {
		t.Fatalf("Save = %v", err)
	}
	u.check(t)
}

func TestOpenReadOnlyNeverLocks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.parcours")
	create(t, path, livraison(t))
	r, _, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if ro, why := r.ReadOnly(); !ro || why != msg.T("store.reason.requested") {
		t.Fatalf("ReadOnly = %v %q", ro, why)
	}
	// A writer can still open it.
	s, _ := mustOpen(t, path)
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("writer read-only: %s", why)
	}
	readOnlyCase(t, path, msg.T("store.reason.locked"))
}

func TestReadOnlyFileInjected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.parcours")
	create(t, path, livraison(t))
	fakeWritable(t, false, msg.T("store.reason.file"))
	readOnlyCase(t, path, msg.T("store.reason.file"))
}

// TestReadOnlyFile uses real permissions: chmod for ordinary users; as root,
// who ignores permission bits, the immutable attribute (chattr +i), which
// binds root too. It is skipped only when neither can be used.
func TestReadOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.parcours")
	create(t, path, livraison(t))
	protect(t, path, 0o444)
	readOnlyCase(t, path, msg.T("store.reason.file"))
}

func TestReadOnlyFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ro.parcours")
	create(t, path, livraison(t))
	protect(t, dir, 0o555)
	readOnlyCase(t, path, msg.T("store.reason.dir"))
}

func protect(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if os.Geteuid() != 0 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(path, fi.Mode().Perm()) })
		return
	}
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("running as root and chattr +i is not available here (%v: %s); TestReadOnlyFileInjected covers the logic", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
}

func TestOpenedTwiceInOneProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twice.parcours")
	create(t, path, livraison(t))
	first, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if ro, why := first.ReadOnly(); ro {
		t.Fatalf("first read-only: %s", why)
	}
	readOnlyCase(t, path, "already open in another window")
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, _ := mustOpen(t, path)
	if ro, why := again.ReadOnly(); ro {
		t.Fatalf("after the first closed, still read-only: %s", why)
	}
}

// holdOpen is the other process of TestOpenedByAnotherProcess, which runs
// the test binary again with PARCOURS_TEST_HOLD set (TestMain calls it): it
// holds the document open for writing until its standard input closes.
func holdOpen(path string) {
	s, _, err := Open(path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	if ro, why := s.ReadOnly(); ro {
		fmt.Println("read-only:", why)
		os.Exit(1)
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	s.Close()
	os.Exit(0)
}

func TestOpenedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.parcours")
	create(t, path, livraison(t))
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "PARCOURS_TEST_HOLD="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "ready\n" {
		stdin.Close()
		cmd.Wait()
		t.Fatalf("helper said %q", line)
	}
	readOnlyCase(t, path, "already open in another window")
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	s, _ := mustOpen(t, path)
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("after the other process ended, still read-only: %s", why)
	}
}

func TestMessagesInFrench(t *testing.T) {
	msg.SetLanguage(msg.French)
	defer msg.SetLanguage(msg.English)
	path := filepath.Join(t.TempDir(), "texte.parcours")
	if err := os.WriteFile(path, []byte("bonjour"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Open(path)
	if err == nil || err.Error() != path+" n'est pas un document Parcours" {
		t.Fatalf("Open = %v", err)
	}
	for _, k := range msg.Keys() {
		if strings.HasPrefix(k, "store.") {
			if en, fr := msg.Pair(k); en == "" || fr == "" || en == fr && !strings.HasPrefix(k, "store.reason") {
				t.Errorf("%s: %q / %q", k, en, fr)
			}
		}
	}
}

// crashMidTransaction is the other process of TestCrashLeavesHotJournal,
// which runs the test binary again with PARCOURS_TEST_CRASH set (TestMain
// calls it): it starts changing the document and waits to be killed in
// the middle of the transaction.
func crashMidTransaction(path string) {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(1)
	// A tiny page cache spills changed pages into the file before the
	// commit: the journal then holds the only good copy, it is hot.
	if _, err := db.Exec("PRAGMA cache_size=1"); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	tx, err := db.Begin()
	if err == nil {
		// Enough rows that pages are written to the file before commit.
		_, err = tx.Exec("UPDATE touchpoints SET title = 'half-written', description = hex(randomblob(200))")
	}
	if err == nil {
		_, err = tx.Exec("UPDATE document SET title = 'half-written'")
	}
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	select {}
}

func TestCrashLeavesHotJournal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crash.parcours")
	want := generated(300)
	create(t, path, want)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "PARCOURS_TEST_CRASH="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	cmd.Process.Kill()
	cmd.Wait()
	if line != "ready\n" {
		t.Fatalf("helper said %q", line)
	}
	if fi, err := os.Stat(path + "-journal"); err != nil {
		t.Fatalf("no journal left by the crash: %v", err)
	} else {
		b, _ := os.ReadFile(path + "-journal")
		t.Logf("journal %d bytes: % x", fi.Size(), b[:min(len(b), 32)])
	}

	// Read-only, it cannot be repaired: a clear refusal, nothing touched.
	u := remember(t, path)
	_, _, err = OpenReadOnly(path)
	t.Logf("OpenReadOnly: %v", err)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "not closed properly") {
		t.Errorf("OpenReadOnly = %v", err)
	}
	u.check(t)

	// Opened for editing, SQLite rolls the half transaction back.
	s, got := mustOpen(t, path)
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("read-only: %s", why)
	}
	if got.Title != want.Title || got.Journeys[0].Touchpoints[0].Title != want.Journeys[0].Touchpoints[0].Title {
		t.Fatalf("not rolled back: %q", got.Title)
	}
	if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("journal still there: %v", err)
	}
}
