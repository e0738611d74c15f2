package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"parcours/model"
	"parcours/model/msg"
)

// Once the schema is known to be ours, the values in it are still
// untrusted: STRICT tables check types when a row is written, not when it
// is read, and a file can be written by anything. Before a single row is
// read into memory, a census counts the rows of every table and measures
// every value in SQL (its type, and its size with octet_length, which
// reads no content): what is of another type, larger than a document may
// hold, or too many is refused in plain words before it costs memory.
// Everything here is read from the file's own schema, so a table added by a
// later migration is counted with no code of its own.

const (
	// maxValueBytes bounds one stored text: a long text, or a list of
	// quotes in its JSON form (escapes included).
	maxValueBytes = 8 << 20
	// valueLimit is SQLite's own limit on a value it makes or reads
	// (SQLITE_LIMIT_LENGTH): the last guard against a huge one.
	valueLimit = 32 << 20
	// maxFileBytes bounds the file itself, checked before quick_check
	// reads it all: every text and picture a document may hold, and room
	// for the pages around them.
	maxFileBytes = 2*model.MaxTextBytes + model.MaxPicturesBytes + 64<<20
	// openTimeout is the last guard on the queries that check and read a
	// document: none should take more than a few seconds.
	openTimeout = 30 * time.Second
)

// rowLimits bounds the rows of each table; the document table holds
// exactly one. Tables of later migrations get defaultRowLimit.
var rowLimits = map[string]int{
	"document": 1, "personas": model.MaxPersonas, "journeys": model.MaxJourneys,
	"stages": model.MaxStages, "lanes": model.MaxLanes, "touchpoints": model.MaxTouchpoints,
	"opportunities": model.MaxOpportunities, "opportunity_touchpoints": model.MaxLinks,
	"reviews": model.MaxReviews,
}

const defaultRowLimit = model.MaxTouchpoints

// things names the rows of each table in the user's words (a "where."
// key of model/msg) and columns by their JSON keys.
var (
	things = map[string]string{"personas": "where.persona", "journeys": "where.journey",
		"stages": "where.stage", "lanes": "where.lane", "touchpoints": "where.touchpoint",
		"opportunities": "where.opportunity", "opportunity_touchpoints": "where.opportunity",
		"reviews": "where.review"}
	keys = map[string]string{"ord": "order", "persona_id": "persona", "journey_id": "journey",
		"stage_id": "stage", "lane_id": "lane", "opportunity_id": "opportunity",
		"touchpoint_id": "touchpoints"}
)

type column struct {
	name, decl string
	types      []string // the typeof() values it may hold
	maxBytes   int      // 0: not measured (numbers)
}

// columnsOf reads a table's columns from the file and what each may hold.
func columnsOf(ctx context.Context, db *sql.DB, table string) (cols []column, pk string, err error) {
	rows, err := db.QueryContext(ctx, `SELECT name, upper(type), "notnull", pk FROM pragma_table_xinfo(?)`, table)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	for rows.Next() {
		var c column
		var notNull, key int
		if err := rows.Scan(&c.name, &c.decl, &notNull, &key); err != nil {
			return nil, "", err
		}
		switch {
		case strings.Contains(c.decl, "INT"):
			c.types = []string{"integer"}
		case strings.Contains(c.decl, "REAL") || strings.Contains(c.decl, "FLOA") || strings.Contains(c.decl, "DOUB"):
			c.types = []string{"real", "integer"}
		case strings.Contains(c.decl, "TEXT") || strings.Contains(c.decl, "CHAR") || strings.Contains(c.decl, "CLOB"):
			c.types, c.maxBytes = []string{"text"}, textCap(c.name)
		case strings.Contains(c.decl, "BLOB"):
			c.types, c.maxBytes = []string{"blob"}, model.MaxPictureBytes
		default:
			c.types, c.maxBytes = []string{"integer", "real", "text", "blob"}, maxValueBytes
		}
		if notNull == 0 && key == 0 {
			c.types = append(c.types, "null")
		}
		if key == 1 {
			pk = c.name
		}
		cols = append(cols, c)
	}
	return cols, pk, rows.Err()
}

// shortColumns hold ids, names and titles (model.MaxShortText characters,
// up to 4 bytes each), by their column names in every table.
var shortColumns = map[string]bool{"title": true, "name": true, "job": true, "age": true, "owner": true,
	"channel": true, "state": true, "kind": true, "status": true, "color": true, "language": true,
	"created": true, "modified": true}

// textCap is the most bytes a text column may hold: ids and origins are
// short, names and titles too, other texts up to maxValueBytes.
func textCap(name string) int {
	switch {
	case name == "id" || name == "origin" || strings.HasSuffix(name, "_id"):
		return model.MaxIDBytes
	case shortColumns[name]:
		return 4 * model.MaxShortText
	}
	return maxValueBytes
}

func quoteName(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func (c column) typeTest() string {
	return fmt.Sprintf("typeof(%s) NOT IN ('%s')", quoteName(c.name), strings.Join(c.types, "','"))
}

// census refuses, before any row is read, a file whose values are not of
// the types its columns declare, too large, or too many.
func (s *Store) census(ctx context.Context, db *sql.DB) error {
	var tables []string
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var texts, blobs int64
	for _, table := range tables {
		t, b, err := s.censusOf(ctx, db, table)
		if err != nil {
			return err
		}
		texts, blobs = texts+t, blobs+b
	}
	if texts > 2*model.MaxTextBytes {
		return fail(ErrForeign, nil, "store.too_large", s.path,
			msg.T("census.texts", megabytes(texts), megabytes(2*model.MaxTextBytes)))
	}
	if blobs > model.MaxPicturesBytes {
		return fail(ErrForeign, nil, "store.too_large", s.path,
			msg.T("census.pictures", megabytes(blobs), megabytes(model.MaxPicturesBytes)))
	}
	return nil
}

// censusOf checks one table and returns the bytes of its texts and blobs.
func (s *Store) censusOf(ctx context.Context, db *sql.DB, table string) (texts, blobs int64, err error) {
	cols, pk, err := columnsOf(ctx, db, table)
	if err != nil {
		return 0, 0, err
	}
	parts := []string{"count(*)",
		"coalesce(sum(" + sumOf(cols, "text") + "), 0)", "coalesce(sum(" + sumOf(cols, "blob") + "), 0)"}
	for _, c := range cols {
		parts = append(parts, "coalesce(sum("+c.typeTest()+"), 0)")
		if c.maxBytes > 0 {
			parts = append(parts, "coalesce(max(octet_length("+quoteName(c.name)+")), 0)")
		}
	}
	vals := make([]int64, len(parts))
	ptrs := make([]any, len(parts))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	q := "SELECT " + strings.Join(parts, ", ") + " FROM " + quoteName(table)
	if err := db.QueryRowContext(ctx, q).Scan(ptrs...); err != nil {
		return 0, 0, err
	}
	n := vals[0]
	limit, ok := rowLimits[table]
	if !ok {
		limit = defaultRowLimit
	}
	if table == "document" && n != 1 {
		return 0, 0, fail(ErrCorrupt, bad("census.document_rows", n), "store.corrupt_data", s.path)
	}
	if n > int64(limit) {
		return 0, 0, fail(ErrForeign, nil, "store.too_large", s.path, msg.T("census.rows", n, table, limit))
	}
	k := 3
	for _, c := range cols {
		bad := vals[k]
		k++
		if bad > 0 {
			var got string
			where, err := s.firstRow(ctx, db, table, pk, c.typeTest(), "typeof("+quoteName(c.name)+")", &got)
			if err != nil {
				return 0, 0, err
			}
			return 0, 0, fail(ErrForeign, nil, "store.foreign", s.path,
				msg.T("census.type", where, keyOf(c.name), msg.T("census.kind."+got), msg.T("census.kind."+c.types[0])))
		}
		if c.maxBytes > 0 {
			longest := vals[k]
			k++
			if longest > int64(c.maxBytes) {
				var size int64
				test := fmt.Sprintf("octet_length(%s) > %d", quoteName(c.name), c.maxBytes)
				where, err := s.firstRow(ctx, db, table, pk, test, "octet_length("+quoteName(c.name)+")", &size)
				if err != nil {
					return 0, 0, err
				}
				return 0, 0, fail(ErrForeign, nil, "store.too_large", s.path,
					msg.T("census.value", where, keyOf(c.name), megabytes(size), megabytes(int64(c.maxBytes))))
			}
		}
	}
	return vals[1], vals[2], nil
}

// sumOf adds up the sizes of the values of one type in a row.
func sumOf(cols []column, typ string) string {
	var terms []string
	for _, c := range cols {
		if c.maxBytes > 0 {
			q := quoteName(c.name)
			terms = append(terms, fmt.Sprintf("(CASE WHEN typeof(%s) = '%s' THEN octet_length(%s) ELSE 0 END)", q, typ, q))
		}
	}
	if len(terms) == 0 {
		return "0"
	}
	return strings.Join(terms, " + ")
}

// firstRow names, in the user's words, the first row where test holds,
// and reads what into dst.
func (s *Store) firstRow(ctx context.Context, db *sql.DB, table, pk, test, what string, dst any) (string, error) {
	id := "''"
	if pk != "" {
		q := quoteName(pk)
		id = fmt.Sprintf("CASE WHEN typeof(%s) = 'text' AND octet_length(%s) <= %d THEN %s ELSE '?' END", q, q, model.MaxIDBytes, q)
	}
	var name string
	q := fmt.Sprintf("SELECT %s, %s FROM %s WHERE %s LIMIT 1", id, what, quoteName(table), test)
	if err := db.QueryRowContext(ctx, q).Scan(&name, dst); err != nil {
		return "", err
	}
	name = printable(name)
	if table == "document" {
		return msg.T("where.document"), nil
	}
	if key, ok := things[table]; ok {
		return msg.T(key, name), nil
	}
	return table + " " + name, nil
}

func keyOf(column string) string {
	if k, ok := keys[column]; ok {
		return k
	}
	return column
}

func megabytes(n int64) string { return msg.Size(n) }

// checkSize refuses a file larger than any document may be, before
// quick_check reads all of it.
func (s *Store) checkSize() error {
	fi, err := s.file.Stat()
	if err != nil {
		return fail(nil, err, "store.cannot_read", s.path)
	}
	if fi.IsDir() {
		return fail(ErrNotDocument, nil, "store.is_dir", s.path)
	}
	if !fi.Mode().IsRegular() {
		return fail(ErrNotDocument, nil, "store.not_regular", s.path)
	}
	if fi.Size() > maxFileBytes {
		return fail(ErrForeign, nil, "store.too_large", s.path,
			msg.T("census.file", megabytes(fi.Size()), megabytes(maxFileBytes)))
	}
	return nil
}

// slowOrBig words the last guards: a query stopped by the deadline, or a
// value over SQLite's own limit.
func (s *Store) slowOrBig(err error) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isCode(err, sqlite3.ErrInterrupt):
		return fail(ErrForeign, nil, "store.too_slow", s.path)
	case isCode(err, sqlite3.ErrTooBig):
		return fail(ErrForeign, nil, "store.too_large", s.path, msg.T("census.too_big"))
	case isCode(err, sqlite3.ErrNomem):
		return fail(ErrForeign, nil, "store.too_large", s.path, msg.T("census.too_big"))
	}
	return nil
}
