package sqlite

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"parcours/model/msg"
)

// A document's schema is untrusted like the rest of it: a view in place of
// a table runs whatever query it holds when the table is read, a trigger
// runs on the user's next edit, a CHECK constraint or an index on an
// expression runs during quick_check or a write. So before anything reads a
// row or runs quick_check, the schema of the file must be exactly the one
// this build writes for the file's version: the schema Parcours would have
// made by applying its embedded migrations up to that version. Every other
// object (a view, a trigger, an extra table or index, a table written
// another way) makes the file foreign.

// schemaObject is one row of sqlite_schema, its SQL text normalised.
type schemaObject struct {
	Type, Name, Table, SQL string
}

func (o schemaObject) String() string { return o.Type + " " + o.Name }

var references struct {
	once      sync.Once
	byVersion map[int][]schemaObject
	err       error
}

// referenceSchema is the schema of a document at version, made once per
// process by applying the embedded migrations 1…version to a database in
// memory. A new migration is verified with no code of its own.
func referenceSchema(version int) ([]schemaObject, error) {
	references.once.Do(func() {
		references.byVersion, references.err = buildReferences()
	})
	if references.err != nil {
		return nil, references.err
	}
	ref, ok := references.byVersion[version]
	if !ok {
		return nil, fmt.Errorf("no reference schema for version %d", version)
	}
	return ref, nil
}

func buildReferences() (map[int][]schemaObject, error) {
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	out := make(map[int][]schemaObject, len(ms))
	for v := 1; v <= len(ms); v++ {
		db, err := sql.Open(driverName, "file:reference?mode=memory")
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		for _, m := range ms[:v] {
			if _, err := db.Exec(m.sql); err != nil {
				db.Close()
				return nil, fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		objs, err := readSchema(db)
		db.Close()
		if err != nil {
			return nil, err
		}
		out[v] = objs
	}
	return out, nil
}

// readSchema lists every object of the database, sorted.
func readSchema(db *sql.DB) ([]schemaObject, error) {
	rows, err := db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			return nil, err
		}
		o.SQL = normalSQL(o.SQL)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b schemaObject) int { return strings.Compare(a.String(), b.String()) })
	return out, nil
}

// verifySchema refuses a file whose schema is not exactly the reference of
// its version, naming the first object that differs.
func (s *Store) verifySchema(db *sql.DB, version int) error {
	ref, err := referenceSchema(version)
	if err != nil {
		return fail(nil, err, "store.cannot_open", s.path)
	}
	got, err := readSchema(db)
	if err != nil {
		return s.sqliteError(err, "store.cannot_open")
	}
	want := make(map[string]schemaObject, len(ref))
	for _, o := range ref {
		want[o.String()] = o
	}
	have := make(map[string]bool, len(got))
	for _, o := range got {
		have[o.String()] = true
		w, ok := want[o.String()]
		switch {
		case !ok:
			return s.foreign("schema.extra", o)
		case w != o:
			return s.foreign("schema.changed", o)
		}
	}
	for _, o := range ref {
		if !have[o.String()] {
			return s.foreign("schema.missing", o)
		}
	}
	return nil
}

func (s *Store) foreign(key string, o schemaObject) error {
	kind := o.Type
	if msg.Has("schema.kind." + kind) {
		kind = msg.T("schema.kind." + kind)
	}
	name := o.Name
	if len(name) > 60 {
		name = name[:60] + "…"
	}
	return fail(ErrForeign, nil, "store.foreign", s.path, msg.T(key, kind, printable(name)))
}

// printable keeps a name from the file fit to be printed on one line.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || r == 0xFFFD {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}

// normalSQL drops comments and folds runs of white space into one space
// outside quotes, so that a migration whose comments or layout were edited
// still matches the files it wrote. Nothing else changes: any other
// difference is a different schema.
func normalSQL(q string) string {
	var b strings.Builder
	b.Grow(len(q))
	space := false
	put := func(s string) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(s)
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			space = true
			i++
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			end := strings.IndexByte(q[i:], '\n')
			if end < 0 {
				end = len(q) - i
			}
			space = true
			i += end
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			end := strings.Index(q[i+2:], "*/")
			if end < 0 {
				i = len(q)
			} else {
				i += end + 4
			}
			space = true
		case c == '\'' || c == '"' || c == '`' || c == '[':
			closing := c
			if c == '[' {
				closing = ']'
			}
			k := i + 1
			for k < len(q) {
				if q[k] == closing {
					// A doubled quote is a quote inside the quotes.
					if closing != ']' && k+1 < len(q) && q[k+1] == closing {
						k += 2
						continue
					}
					break
				}
				k++
			}
			k = min(k+1, len(q))
			put(q[i:k])
			i = k
		default:
			k := i + 1
			for k < len(q) && !strings.ContainsRune(" \t\n\r\f'\"`[", rune(q[k])) &&
				!(q[k] == '-' && k+1 < len(q) && q[k+1] == '-') && !(q[k] == '/' && k+1 < len(q) && q[k+1] == '*') {
				k++
			}
			put(q[i:k])
			i = k
		}
	}
	return b.String()
}
