// Package sqlite owns the .parcours document file: one SQLite database per
// document, its schema and embedded migrations, loading a model.Document from
// it, saving each edit in its own transaction (it implements model.Saver),
// creating new files atomically, Save As of what the window shows,
// and the single-writer lock.
//
// Files are untrusted until checked. Open reads the first 100 bytes itself
// (the SQLite header and our application id at offset 68), then checks the
// schema version and runs quick_check on a read-only connection, and only
// then opens the read-write connection that sets pragmas and migrates: a
// file that is not ours is never written, not even its journal mode.
// Connections run with trusted_schema off and no extensions.
//
// One writer per document: Open takes flock(LOCK_EX|LOCK_NB) on the file. A
// document already held by another window or process, a file the user may
// not write, or one in a folder where the journal cannot be created, opens
// read-only, and ReadOnly says why in plain words.
//
// Load gives back the document as it was stored, with one normalisation:
// empty lists and byte slices load as nil, except Touchpoint.Quotes and
// Opportunity.Touchpoints, which load as empty non-nil slices. That is the
// shape model.ReadJSON produces, so a document read from JSON, stored and
// loaded again is reflect.DeepEqual to the original. Journey.Touchpoints load
// sorted by Order; times load as they were stored (RFC 3339 with
// nanoseconds; zero when unknown).
package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	sqlite3 "github.com/mattn/go-sqlite3"

	"parcours/model"
	"parcours/model/msg"
)

// ApplicationID is the value of PRAGMA application_id in every .parcours
// file: "PARC" in ASCII.
const ApplicationID int32 = 0x50415243

// SchemaVersion is the PRAGMA user_version this code writes and reads: the
// number of the last embedded migration.
const SchemaVersion = 2

// readableFrom is the oldest schema a read-only store reads without
// migrating it: version 2 only added the reviews table, so a version-1
// file reads as a document without reviews.
const readableFrom = 1

// Sentinel errors, for errors.Is. The errors returned wrap one of them behind
// a plain sentence naming the file.
var (
	ErrExists      = errors.New("file already exists")
	ErrNotDocument = errors.New("not a Parcours document")
	ErrNewer       = errors.New("made by a newer version of Parcours")
	ErrCorrupt     = errors.New("damaged document")
	ErrReadOnly    = errors.New("document is read-only")
	// ErrForeign is a file of ours whose schema or contents another
	// program changed: views, triggers, other tables, values of another
	// type or beyond the limits.
	ErrForeign = errors.New("changed by another program")
)

// Error is what this package returns: a sentence for people (msg.T, in the
// user's language) that names the file, a sentinel for programs, and the
// low-level cause when there is one.
type Error struct {
	Text  string
	Kind  error // one of the sentinels, or nil
	Cause error // what failed underneath, or nil
	quiet bool  // Cause is not for people (a driver's words): Error leaves it out
}

func (e *Error) Error() string {
	if e.Cause == nil || e.quiet {
		return e.Text
	}
	return e.Text + ": " + e.Cause.Error()
}

// Unwrap lets errors.Is and errors.As see the sentinel and the cause.
func (e *Error) Unwrap() []error {
	var out []error
	if e.Kind != nil {
		out = append(out, e.Kind)
	}
	if e.Cause != nil {
		out = append(out, e.Cause)
	}
	return out
}

func fail(kind, cause error, key string, args ...any) error {
	return &Error{Text: msg.T(key, args...), Kind: kind, Cause: cause}
}

// driverName is go-sqlite3 with a connect hook that treats every file as
// untrusted.
const driverName = "parcours-sqlite3"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		// trusted_schema off: views and triggers of a file cannot call
		// functions with side effects; cell_size_check: damaged pages are
		// found early; foreign_keys: the schema's references hold.
		_, err := c.Exec("PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON; PRAGMA foreign_keys=ON;", nil)
		// No value larger than a document may hold is ever made or read,
		// whatever a file holds (its schema and census are checked before
		// its rows, this is the last guard).
		c.SetLimit(sqlite3.SQLITE_LIMIT_LENGTH, valueLimit)
		return err
	}})
}

// Store is an open .parcours file. Its methods may be called from several
// goroutines. It keeps a descriptor of the file open until Close, for the
// flock and to read the header: POSIX drops every lock a process holds on
// a file when any of its descriptors of that file closes, so a Store never
// closes one while its connection may hold SQLite's locks. Two Stores on one
// file in one process (a second, read-only window) are fine as long as one
// is not closed while the other is in the middle of a save.
type Store struct {
	mu       sync.Mutex
	path     string // as given, for messages
	abs      string
	file     *os.File // held open for the store's life; flocked when writable
	db       *sql.DB  // one connection
	readOnly bool
	reason   string
	stmts    *statements
	saved    *contents // what the file holds, to write moves narrowly
	closed   bool
	version  int // the file's user_version once connected
}

// Path is the file's path as it was given.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether edits cannot be saved, and why in plain words
// ("" when the store is writable).
func (s *Store) ReadOnly() (bool, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readOnly, s.reason
}

// Close releases the file and its lock. Closing twice is harmless.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var errs []error
	if s.stmts != nil {
		errs = append(errs, s.stmts.close())
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
	}
	// The descriptor goes last: closing any descriptor of the file drops
	// SQLite's POSIX locks, so it must outlive the connection.
	errs = append(errs, s.file.Close())
	if err := errors.Join(errs...); err != nil {
		return fail(nil, err, "store.cannot_save", s.path)
	}
	return nil
}

// Open opens a document for editing. When the file cannot be written
// (read-only file, folder not writable so the journal cannot be created,
// read-only disk) or another window or process holds it, it opens read-only:
// ReadOnly then reports why.
func Open(path string) (*Store, *model.Document, error) { return open(path, false, nil) }

// OpenReadOnly never writes and never takes the writer lock (check, export).
func OpenReadOnly(path string) (*Store, *model.Document, error) { return open(path, true, nil) }

// open opens path; held, when not nil, is a descriptor of the file that
// already holds the writer lock (Create and SaveAs lock before the file
// appears under its name).
func open(path string, readOnly bool, held *os.File) (_ *Store, _ *model.Document, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, fail(nil, err, "store.cannot_open", path)
	}
	f := held
	if f == nil {
		// A FIFO or a device would block or never end: only regular
		// files are documents (looked at before opening, which is what
		// blocks on a FIFO).
		if fi, err := os.Stat(abs); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			return nil, nil, fail(ErrNotDocument, nil, "store.not_regular", path)
		}
		if f, err = os.Open(abs); err != nil {
			return nil, nil, openError(path, err)
		}
	}
	s := &Store{path: path, abs: abs, file: f}
	defer func() {
		if err != nil {
			s.closeQuietly()
		}
	}()
	if err := s.checkSize(); err != nil {
		return nil, nil, err
	}
	if err := checkHeader(path, f); err != nil {
		return nil, nil, err
	}
	switch {
	case readOnly:
		s.readOnly, s.reason = true, msg.T("store.reason.requested")
	default:
		if ok, why := writable(abs); !ok {
			s.readOnly, s.reason = true, why
		} else if held == nil && !tryLock(f) {
			s.readOnly, s.reason = true, msg.T("store.reason.locked")
		}
	}
	if err := s.connect(); err != nil {
		return nil, nil, err
	}
	d, err := s.load()
	if err != nil {
		return nil, nil, err
	}
	if err := model.Validate(d); err != nil {
		return nil, nil, fail(ErrCorrupt, err, "store.corrupt_data", path)
	}
	keys := numberTimelines(d)
	if !s.readOnly {
		if s.stmts, err = prepare(s.db); err != nil {
			return nil, nil, fail(nil, err, "store.cannot_open", path)
		}
		s.saved = newContents()
		s.saved.keys = keys
	}
	return s, d, nil
}

func (s *Store) closeQuietly() {
	if s.stmts != nil {
		_ = s.stmts.close()
	}
	if s.db != nil {
		_ = s.db.Close()
	}
	_ = s.file.Close()
	s.closed = true
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fail(nil, err, "store.not_found", path)
	case errors.Is(err, syscall.EISDIR):
		return fail(ErrNotDocument, nil, "store.is_dir", path)
	}
	return fail(nil, err, "store.cannot_open", path)
}

// sqliteMagic begins every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// checkHeader reads the first 100 bytes itself, before SQLite sees the file.
func checkHeader(path string, f *os.File) error {
	var h [100]byte
	n, err := f.ReadAt(h[:], 0)
	if errors.Is(err, syscall.EISDIR) {
		return fail(ErrNotDocument, nil, "store.is_dir", path)
	}
	if n < len(h) {
		if err != nil && !errors.Is(err, io.EOF) {
			return fail(nil, err, "store.cannot_read", path)
		}
		return fail(ErrNotDocument, nil, "store.not_document", path)
	}
	if string(h[:16]) != sqliteMagic || int32(binary.BigEndian.Uint32(h[68:72])) != ApplicationID {
		return fail(ErrNotDocument, nil, "store.not_document", path)
	}
	// Bytes 56…59 are the text encoding: Parcours writes UTF-8 (1).
	if enc := binary.BigEndian.Uint32(h[56:60]); enc != 1 {
		return fail(ErrForeign, nil, "store.foreign", path, msg.T("schema.encoding", enc))
	}
	// Bytes 18 and 19 are the read and write format: 1 for a rollback
	// journal, 2 for WAL. Parcours writes only the first.
	if h[18] != 1 || h[19] != 1 {
		if h[18] == 2 && h[19] == 2 {
			return fail(ErrCorrupt, nil, "store.wal", path)
		}
		return fail(ErrNotDocument, nil, "store.not_document", path)
	}
	return nil
}

// dsn builds the SQLite URI for a file. mode is ro or rw (never rwc: a
// connection never creates the file it opens).
func dsn(abs, mode string) string {
	var b strings.Builder
	b.WriteString("file:")
	for i := 0; i < len(abs); i++ {
		c := abs[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("/-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	b.WriteString("?mode=" + mode + "&_sync=FULL&_busy_timeout=5000")
	if mode == "rw" {
		b.WriteString("&_txlock=immediate")
	}
	return b.String()
}

func openDB(abs, mode string) (*sql.DB, error) {
	db, err := sql.Open(driverName, dsn(abs, mode))
	if err != nil {
		return nil, err
	}
	// One connection for the store's life: transactions and prepared
	// statements all run on it, and its locks are the document's.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// connect checks the file on a read-only connection (version, quick_check),
// then, for a writable store, opens the read-write connection, sets pragmas
// and migrates. A read-only store keeps the checking connection.
func (s *Store) connect() error {
	var version int
	ro, err := openDB(s.abs, "ro")
	if err == nil {
		version, err = s.check(ro)
	}
	if isExtended(err, sqlite3.ErrReadonlyRollback) && !s.readOnly {
		// A hot journal left by a crash: only a writer can roll it back.
		// The header already proved the file is ours, so let SQLite
		// recover it on the read-write connection and check there.
		if ro != nil {
			ro.Close()
		}
		if ro, err = openDB(s.abs, "rw"); err == nil {
			version, err = s.check(ro)
		}
	}
	if err != nil {
		if ro != nil {
			ro.Close()
		}
		var e *Error
		if !errors.As(err, &e) {
			err = s.sqliteError(err, "store.cannot_open")
		}
		return err
	}
	s.version = version
	if s.readOnly {
		s.db = ro
		if version < readableFrom {
			return fail(ErrReadOnly, nil, "store.old_readonly", s.path, s.reason)
		}
		return nil
	}
	if version < SchemaVersion {
		// A file of an older schema is read whole before it is migrated:
		// one that does not hold what that schema holds is refused as
		// damaged, not rewritten.
		s.db = ro
		d, err := s.load()
		s.db = nil
		if err == nil {
			if verr := model.Validate(d); verr != nil {
				err = fail(ErrCorrupt, verr, "store.corrupt_data", s.path)
			}
		}
		if err != nil {
			ro.Close()
			return err
		}
	}
	ro.Close()
	if s.db, err = openDB(s.abs, "rw"); err != nil {
		return s.sqliteError(err, "store.cannot_open")
	}
	if _, err := s.db.Exec("PRAGMA journal_mode=DELETE"); err != nil {
		return s.sqliteError(err, "store.cannot_open")
	}
	if version < SchemaVersion {
		if err := migrate(s.db, version); err != nil {
			return s.sqliteError(err, "store.cannot_open")
		}
		s.version = SchemaVersion
	}
	return nil
}

// check reads the application id, the schema version and quick_check.
func (s *Store) check(db *sql.DB) (int, error) {
	var app int32
	var version int
	err := db.QueryRow("PRAGMA application_id").Scan(&app)
	if err == nil {
		err = db.QueryRow("PRAGMA user_version").Scan(&version)
	}
	if err != nil {
		return 0, s.sqliteError(err, "store.cannot_open")
	}
	if app != ApplicationID {
		return 0, fail(ErrNotDocument, nil, "store.not_document", s.path)
	}
	if version > SchemaVersion {
		return 0, fail(ErrNewer, nil, "store.newer", s.path, version, SchemaVersion)
	}
	if version < 1 {
		// Create writes the schema before the file appears: version 0
		// with our id is a file something else left half made.
		return 0, fail(ErrCorrupt, nil, "store.corrupt", s.path)
	}
	// The schema before anything else reads the file: quick_check runs
	// CHECK constraints, and reading a view runs its query.
	if err := s.verifySchema(db, version); err != nil {
		return 0, err
	}
	// The census before quick_check: it words in the user's terms what
	// quick_check would report in SQLite's (a value of the wrong type, a
	// NULL where none may be).
	ctx, cancel := context.WithTimeout(background, openTimeout)
	defer cancel()
	if err := s.census(ctx, db); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return 0, err
		}
		return 0, s.sqliteError(err, "store.cannot_open")
	}
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return 0, s.sqliteError(err, "store.cannot_open")
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return 0, s.sqliteError(err, "store.cannot_open")
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, s.sqliteError(err, "store.cannot_open")
	}
	if len(problems) > 0 {
		// The first problem, on one line and short: the rest is for
		// SQLite's own tools.
		first := printable(problems[0])
		if len(first) > 120 {
			first = first[:120] + "…"
		}
		if len(problems) > 1 {
			first += msg.T("store.more_problems", len(problems)-1)
		}
		return 0, fail(ErrCorrupt, errors.New(first), "store.corrupt", s.path)
	}
	return version, nil
}

// sqliteError words a low-level SQLite error: damaged and foreign files get
// their own sentence.
func (s *Store) sqliteError(err error, key string) error {
	if e := s.slowOrBig(err); e != nil {
		return e
	}
	switch {
	case isCode(err, sqlite3.ErrCorrupt):
		return fail(ErrCorrupt, err, "store.corrupt", s.path)
	case isCode(err, sqlite3.ErrNotADB):
		return fail(ErrNotDocument, err, "store.not_document", s.path)
	case isExtended(err, sqlite3.ErrReadonlyRollback):
		return fail(ErrReadOnly, err, "store.hot_journal", s.path)
	}
	return fail(nil, err, key, s.path)
}

func isCode(err error, code sqlite3.ErrNo) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.Code == code
}

func isExtended(err error, code sqlite3.ErrNoExtended) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == code
}

var background = context.Background()
