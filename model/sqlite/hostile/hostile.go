// Package hostile makes hostile .parcours documents for tests: files with
// our application id and schema version, made by a valid document and then
// changed by "another program" (the stock SQLite driver, writable_schema
// included) to hold views, triggers, functions in constraints, huge blobs,
// decompression-bomb pictures, huge words, values of the wrong type,
// invalid text, non-finite numbers, broken or circular references, missing
// tables and duplicate rows. Each kind says whether Parcours must refuse
// it or may open it; either way it must do so in plain words, fast and in
// bounded memory. Tests of model/sqlite and of the command line use it.
package hostile

import (
	"bytes"
	"compress/zlib"
	"database/sql"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the stock driver, as another program would use

	"parcours/model"
	"parcours/model/sqlite"
)

// Kind is one sort of hostile document.
type Kind struct {
	Name string
	// Refused is true when Parcours must refuse the document; false when
	// it may open it (and then export it).
	Refused bool
	// Want is a piece of the refusal's message, in English ("" when it
	// opens).
	Want string
	// sql is run on the stock driver after the valid document is made.
	sql []string
	// args, when set, are bound to the single statement of sql.
	args []any
}

// Kinds lists every kind of hostile document.
func Kinds() []Kind {
	const first = "(SELECT min(rowid) FROM touchpoints)"
	foreign := "was changed by another program and cannot be opened safely"
	tooMuch := "holds more than Parcours can open safely"
	columns := "id, journey_id, stage_id, lane_id, ord, title, channel, description, emotion, score, responses, " +
		"listened, markers, quotes, note, image, origin"
	return []Kind{
		{Name: "view-recursive", Refused: true, Want: foreign + " (unexpected view “touchpoints”)", sql: []string{
			"DROP TABLE opportunity_touchpoints", "DROP TABLE touchpoints",
			"CREATE VIEW touchpoints (" + columns + ") AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) " +
				"SELECT 't' || x, 'j', 's', 'l', x, 'x', 'web', '', 0, NULL, 0, 0, '', '[]', '', NULL, '' FROM c"}},
		{Name: "view-printf", Refused: true, Want: foreign, sql: []string{
			"DROP TABLE opportunity_touchpoints", "DROP TABLE touchpoints",
			"CREATE VIEW touchpoints (" + columns + ") AS SELECT 't', 'j', 's', 'l', 1, printf('%.*c', 900000000, 'x'), " +
				"'web', '', 0, NULL, 0, 0, '', '[]', '', NULL, ''"}},
		{Name: "view-randomblob-cross-join", Refused: true, Want: foreign, sql: []string{
			"ALTER TABLE personas RENAME TO personas_kept",
			"CREATE VIEW personas AS SELECT a.* FROM personas_kept a, personas_kept b, personas_kept c, " +
				"(SELECT randomblob(900000000) AS r)"}},
		{Name: "trigger", Refused: true, Want: foreign + " (unexpected trigger “wipe”)", sql: []string{
			"CREATE TRIGGER wipe AFTER UPDATE ON touchpoints BEGIN DELETE FROM opportunities; " +
				"UPDATE document SET title = 'pwned'; END"}},
		{Name: "check-calling-functions", Refused: true, Want: foreign + " (table “document” is not as Parcours writes it)",
			sql: rewriteSchema("document", "CHECK (id = 1)", "CHECK (id = 1 AND length(randomblob(900000000)) > 0)")},
		{Name: "index-on-expression", Refused: true, Want: foreign + " (unexpected index “evil”)", sql: []string{
			"CREATE INDEX evil ON touchpoints (length(title) * 2)"}},
		{Name: "missing-table", Refused: true, Want: foreign, sql: []string{
			"DROP TABLE opportunity_touchpoints"}},
		{Name: "extra-table", Refused: true, Want: foreign + " (unexpected table “sqlite_stat1”)", sql: []string{
			"ANALYZE"}},
		{Name: "zero-blob-avatar", Refused: true, Want: tooMuch + " (persona ", sql: []string{
			"UPDATE personas SET avatar = zeroblob(80000000)"}},
		{Name: "zero-blob-image", Refused: true, Want: tooMuch + " (touchpoint ", sql: []string{
			"UPDATE touchpoints SET image = zeroblob(50000000) WHERE rowid = " + first}},
		{Name: "bomb-png-30000", Refused: true, Want: "avatar is 30000 × 30000 pixels", sql: []string{
			"UPDATE personas SET avatar = ?"}, args: []any{BombPNG(30000, 30000)}},
		{Name: "bomb-png-100000", Refused: true, Want: "image is 100000 × 100000 pixels", sql: []string{
			"UPDATE touchpoints SET image = ? WHERE rowid = " + first}, args: []any{BombPNG(100000, 100000)}},
		{Name: "not-a-picture", Refused: true, Want: "image is not a PNG or JPEG picture", sql: []string{
			"UPDATE touchpoints SET image = CAST('GIF89a, or a script' AS BLOB) WHERE rowid = " + first}},
		{Name: "word-10MB-title", Refused: true, Want: tooMuch + " (journey ", sql: []string{
			"UPDATE journeys SET title = printf('%.*c', 10000000, 'x')"}},
		{Name: "word-1MB-card-titles", Refused: true, Want: "title takes 977 KB, at most 8000 bytes", sql: []string{
			"UPDATE touchpoints SET title = printf('%.*c', 1000000, 'x')"}},
		{Name: "words-at-the-limits", sql: []string{
			fmt.Sprintf("UPDATE touchpoints SET title = printf('%%.*c', %d, 'x'), description = printf('%%.*c', %d, 'y'), "+
				"note = printf('%%.*c', %d, 'z')", model.MaxShortText, model.MaxLongText, model.MaxLongText),
			fmt.Sprintf("UPDATE journeys SET title = printf('%%.*c', %d, 'T'), objective = printf('%%.*c', %d, 'o')",
				model.MaxShortText, model.MaxLongText)}},
		{Name: "text-in-integer-column", Refused: true, Want: foreign + " (touchpoint ", sql: unstrict("touchpoints",
			"UPDATE touchpoints SET emotion = 'joyful' WHERE rowid = "+first)},
		{Name: "blob-in-text-column", Refused: true, Want: "title holds binary data where Parcours writes text", sql: unstrict("touchpoints",
			"UPDATE touchpoints SET title = x'00ff00ff' WHERE rowid = "+first)},
		{Name: "real-in-integer-column", Refused: true, Want: "order holds a number where Parcours writes a whole number",
			sql: unstrict("touchpoints", "UPDATE touchpoints SET ord = 1.5 WHERE rowid = "+first)},
		{Name: "null-in-not-null-column", Refused: true, Want: "note holds nothing where Parcours writes text",
			sql: relaxed("touchpoints", "note        TEXT NOT NULL", "note        TEXT",
				"UPDATE touchpoints SET note = NULL WHERE rowid = "+first)},
		{Name: "non-utf8-quote", Refused: true, Want: "quotes is not valid UTF-8 text", sql: []string{
			"UPDATE touchpoints SET quotes = CAST(x'5b22ff225d' AS TEXT) WHERE rowid = " + first}},
		{Name: "non-utf8-title", Refused: true, Want: "title is not valid UTF-8 text", sql: []string{
			"UPDATE touchpoints SET title = CAST(x'41ff42' AS TEXT) WHERE rowid = " + first}},
		{Name: "non-utf8-kpi", Refused: true, Want: "kpis is not valid UTF-8 text", sql: []string{
			"UPDATE stages SET kpis = CAST(x'5b7b226e616d65223a22ff222c2276616c7565223a22222c22746172676574223a22227d5d' AS TEXT)"}},
		{Name: "long-id", Refused: true, Want: "origin takes 1000 bytes, at most 200 bytes", sql: []string{
			"UPDATE touchpoints SET origin = printf('%.*c', 1000, 'i') WHERE rowid = " + first}},
		{Name: "long-text-in-range", Refused: true, Want: "description is 30000 characters long, at most 20000", sql: []string{
			"UPDATE touchpoints SET description = printf('%.*c', 30000, 'd') WHERE rowid = " + first}},
		{Name: "non-utf8-origin", Refused: true, Want: "origin must be valid UTF-8", sql: []string{
			"UPDATE touchpoints SET origin = CAST(x'74ff' AS TEXT) WHERE rowid = " + first}},
		{Name: "infinite-score", Refused: true, Want: "score is +Inf", sql: []string{
			"UPDATE touchpoints SET score = 9e999 WHERE rowid = " + first}},
		{Name: "minus-infinite-target", Refused: true, Want: "target_score is -Inf", sql: []string{
			"UPDATE journeys SET target_score = -9e999"}},
		{Name: "nan-score", sql: []string{ // SQLite keeps NaN as NULL: not measured
			"UPDATE touchpoints SET score = ? WHERE rowid = " + first}, args: []any{nan()}},
		{Name: "dangling-stage", Refused: true, Want: "refers to nothing", sql: []string{
			"UPDATE touchpoints SET stage_id = 's-nowhere' WHERE rowid = " + first}},
		{Name: "dangling-journey", Refused: true, Want: "journey \"j-nowhere\" refers to nothing", sql: []string{
			"UPDATE lanes SET journey_id = 'j-nowhere' WHERE rowid = (SELECT min(rowid) FROM lanes)"}},
		{Name: "dangling-link", Refused: true, Want: "refers to nothing", sql: []string{
			"UPDATE opportunity_touchpoints SET touchpoint_id = 't-nowhere' WHERE (opportunity_id, touchpoint_id) = " +
				"(SELECT opportunity_id, touchpoint_id FROM opportunity_touchpoints LIMIT 1)"}},
		{Name: "dangling-origin", sql: []string{ // the source may have been deleted since
			"UPDATE touchpoints SET origin = 't-deleted-since' WHERE rowid = " + first}},
		{Name: "self-origin", Refused: true, Want: "origin names itself", sql: []string{
			"UPDATE touchpoints SET origin = id WHERE rowid = " + first}},
		{Name: "origin-of-another-kind", Refused: true, Want: "names a thing of another kind", sql: []string{
			"UPDATE journeys SET origin = (SELECT min(id) FROM touchpoints)"}},
		{Name: "cyclic-origins", Refused: true, Want: "lead back to it", sql: []string{
			"UPDATE journeys SET origin = (SELECT max(id) FROM journeys) WHERE id = (SELECT min(id) FROM journeys)",
			"UPDATE journeys SET origin = (SELECT min(id) FROM journeys) WHERE id = (SELECT max(id) FROM journeys)"}},
		{Name: "duplicate-document-rows", Refused: true, Want: "2 document rows instead of one",
			sql: relaxed("document", "CHECK (id = 1)", "CHECK (id > 0)",
				"INSERT INTO document (id, title, language) VALUES (2, 'second', 'en')")},
		{Name: "no-document-row", Refused: true, Want: "0 document rows instead of one", sql: []string{
			"DELETE FROM document"}},
		{Name: "duplicate-id", Refused: true, Want: "duplicate id", sql: []string{
			"UPDATE lanes SET id = (SELECT min(id) FROM stages) WHERE rowid = (SELECT max(rowid) FROM lanes)"}},
		{Name: "order-against-stages", Refused: true, Want: "on the timeline", sql: []string{
			// The timeline backwards, whatever the gaps between the
			// orders of the file.
			"UPDATE touchpoints SET ord = 1000000000000 - ord WHERE journey_id = (SELECT min(journey_id) FROM touchpoints)"}},
		{Name: "duplicate-markers", Refused: true, Want: "markers \"pain\" is listed twice", sql: []string{
			"UPDATE touchpoints SET markers = 'pain pain' WHERE rowid = " + first}},
		{Name: "boolean-two", Refused: true, Want: "owned is 2, not true (1) or false (0)", sql: []string{
			"UPDATE lanes SET owned = 2"}},
		{Name: "too-many-rows", Refused: true, Want: "rows in table lanes, at most", sql: []string{
			fmt.Sprintf("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d) "+
				"INSERT INTO lanes SELECT 'l-many-' || x, (SELECT min(id) FROM journeys), 100 + x, 'L', 1, 0, '#000000' FROM c",
				model.MaxLanes+1)}},
		{Name: "quotes-over-a-megabyte", Refused: true, Want: "the quotes take", sql: []string{
			"UPDATE touchpoints SET quotes = '[' || (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200) " +
				"SELECT group_concat('\"' || printf('%.*c', 10000, 'q') || x || '\"', ',') FROM c) || ']' WHERE rowid = " + first}},
		{Name: "bad-date", Refused: true, Want: "created \"yesterday\" is not an RFC 3339 date", sql: []string{
			"UPDATE document SET created = 'yesterday'"}},
		{Name: "utf16-text-encoding", Refused: true, Want: foreign + " (text encoding UTF-16"},
	}
}

// rewriteSchema changes the SQL text of a table in sqlite_schema, as a
// program with writable_schema can, runs then, and leaves the text changed.
func rewriteSchema(table, from, to string, then ...string) []string {
	out := []string{"PRAGMA writable_schema = ON",
		fmt.Sprintf("UPDATE sqlite_schema SET sql = replace(sql, '%s', '%s') WHERE name = '%s'",
			strings.ReplaceAll(from, "'", "''"), strings.ReplaceAll(to, "'", "''"), table),
		"PRAGMA writable_schema = RESET"}
	return append(out, then...)
}

// relaxed runs stmt with a constraint of table's schema changed from
// from to to, then puts the schema back: it is ours again, the value stays.
func relaxed(table, from, to, stmt string) []string {
	out := rewriteSchema(table, from, to, stmt)
	return append(out, rewriteSchema(table, to, from)...)
}

// unstrict runs stmt with table's STRICT taken off, then puts it back.
func unstrict(table, stmt string) []string {
	out := rewriteSchema(table, ") STRICT", ")", stmt)
	return append(out, rewriteSchema(table, "\n)", "\n) STRICT")...)
}

func nan() float64 {
	var zero float64
	return zero / zero
}

// Make writes the hostile document of kind k in dir: base made by
// Parcours, then changed. It returns its path.
func Make(dir string, k Kind, base *model.Document) (string, error) {
	path := filepath.Join(dir, k.Name+".parcours")
	st, err := sqlite.Create(path, base)
	if err != nil {
		return "", err
	}
	if err := st.Close(); err != nil {
		return "", err
	}
	if k.Name == "utf16-text-encoding" {
		return path, utf16(path)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range k.sql {
		var err error
		if k.args != nil {
			_, err = db.Exec(s, k.args...)
		} else {
			_, err = db.Exec(s)
		}
		if err != nil {
			return "", fmt.Errorf("%s: %s: %w", k.Name, s, err)
		}
	}
	return path, db.Close()
}

// utf16 sets the text encoding field of the header (offset 56) to
// UTF-16le, as a database created with PRAGMA encoding would say.
func utf16(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteAt([]byte{0, 0, 0, 2}, 56); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// BombPNG is a PNG of a few kilobytes whose header says w × h pixels: a
// decoder that believes it allocates w × h × 4 bytes before reading a
// single pixel.
func BombPNG(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		b.Write(n[:])
		c := crc32.NewIEEE()
		c.Write([]byte(kind))
		c.Write(data)
		b.WriteString(kind)
		b.Write(data)
		binary.BigEndian.PutUint32(n[:], c.Sum32())
		b.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	_, _ = zw.Write(make([]byte, 4<<20)) // the first rows, all black
	_ = zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return b.Bytes()
}
