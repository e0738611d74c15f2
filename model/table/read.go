package table

import (
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"parcours/model"
	"parcours/model/msg"
	"parcours/model/sheet"
	"parcours/model/sheet/workbook"
)

// Error is a table that cannot be imported: its text names the file, the
// first bad row (by its line in a CSV file, its row in a sheet) and how
// many rows are bad.
type Error struct {
	File string
	Line int // first bad line or row, from 1 (the header); 0 for the whole file
	Bad  int
	Text string
}

func (e *Error) Error() string { return e.Text }

// Is makes every table error a model.ErrInvalid: bad data.
func (e *Error) Is(target error) bool { return target == model.ErrInvalid }

// maxSize bounds what Read takes in.
const maxSize = 64 << 20

// row is a record of the table and where it is.
type row struct {
	line   int
	fields []string
}

// Read makes a document of one journey, in lang, from the table r (named
// name in messages), CSV or XLSX as format says. The journey is named
// after the file (name without its folder and extension). Rows are read
// as the survey's CSV rules say (separator from the header, BOM, decimal
// comma or point, UTF-8); in a workbook, the first sheet whose header
// names the stage, lane and title columns. Any bad row refuses the whole
// table; the error names the first one and counts them.
func Read(r io.Reader, name, format, lang string) (*model.Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &Error{File: name, Text: msg.T("table.read", name, err)}
	}
	if len(bytes.TrimSpace(data)) == 0 || len(data) > maxSize {
		return nil, &Error{File: name, Text: msg.T("table.file", name, msg.T("table.empty"))}
	}
	var (
		rows  []row
		cols  columns
		where func(line int) string
	)
	if format == "xlsx" {
		rows, cols, where, err = readXLSX(data, name)
	} else {
		rows, cols, where, err = readCSV(data, name)
	}
	if err != nil {
		return nil, err
	}
	title := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	b := model.NewBuilder(title, lang)
	var bad, first int
	var firstText string
	n := 0
	for _, r := range rows {
		if sheet.Blank(r.fields) {
			continue
		}
		n++
		t, stage, lane, problem := cols.touchpoint(r.fields)
		if problem != "" {
			bad++
			if first == 0 {
				first, firstText = r.line, problem
			}
			continue
		}
		b.Add(t, stage, lane)
	}
	if bad > 0 {
		count := ""
		if bad > 1 {
			count = msg.T("table.count", bad)
		}
		return nil, &Error{File: name, Line: first, Bad: bad, Text: where(first) + firstText + count}
	}
	if n == 0 {
		return nil, &Error{File: name, Text: msg.T("table.file", name, msg.T("table.no_rows"))}
	}
	doc, err := b.Document()
	if err != nil {
		return nil, &Error{File: name, Text: msg.T("table.file", name, err)}
	}
	return doc, nil
}

// readCSV reads the rows of a CSV table, its header checked.
func readCSV(data []byte, name string) ([]row, columns, func(int) string, error) {
	data = bytes.TrimPrefix(data, sheet.BOM)
	where := func(line int) string { return msg.T("table.line", name, line, "", "") }
	var cols columns
	sep, problem := sheet.Separator(data, func(h []string) string {
		c, p := header(h)
		if p == "" {
			cols = c
		}
		return p
	})
	if problem != "" {
		return nil, cols, nil, &Error{File: name, Line: 1, Bad: 0, Text: where(1) + problem}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	if _, err := cr.Read(); err != nil {
		return nil, cols, nil, &Error{File: name, Line: 1, Text: where(1) + sheet.Quoting(err)}
	}
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := sheet.ErrorLine(err)
			return nil, cols, nil, &Error{File: name, Line: line, Bad: 1, Text: where(line) + sheet.Quoting(err)}
		}
		line, _ := cr.FieldPos(0)
		rows = append(rows, row{line: line, fields: rec})
	}
	return rows, cols, where, nil
}

// readXLSX reads the rows of the first sheet whose header names the
// required columns.
func readXLSX(data []byte, name string) ([]row, columns, func(int) string, error) {
	sheets, err := workbook.Read(bytes.NewReader(data))
	if err != nil {
		return nil, columns{}, nil, &Error{File: name, Text: msg.T("table.file", name, msg.T("table.not_xlsx", err))}
	}
	var firstProblem string
	for i, s := range sheets {
		where := func(line int) string { return msg.T("table.row", name, s.Name, line, "", "") }
		var h []string
		if len(s.Rows) > 0 {
			h = s.Rows[0]
		}
		cols, problem := header(h)
		if problem != "" {
			if i == 0 {
				firstProblem = where(1) + problem
			}
			continue
		}
		var rows []row
		for n, r := range s.Rows[1:] {
			rows = append(rows, row{line: n + 2, fields: r})
		}
		return rows, cols, where, nil
	}
	if firstProblem == "" {
		firstProblem = msg.T("table.file", name, msg.T("table.empty"))
	}
	return nil, columns{}, nil, &Error{File: name, Line: 1, Text: firstProblem}
}

// columns is where each column is in a row, -1 when absent.
type columns struct {
	at     [nCols]int
	fields int
}

// header finds the columns by their names; problem says what is wrong.
func header(rec []string) (columns, string) {
	c := columns{fields: len(rec)}
	for i := range c.at {
		c.at[i] = -1
	}
	if !utf8.ValidString(strings.Join(rec, "")) {
		return c, msg.T("table.row.utf8")
	}
	for i, f := range rec {
		k := fold(strings.TrimPrefix(f, "\ufeff"))
		for col, ns := range names {
			for _, n := range ns {
				if k != n {
					continue
				}
				if prev := c.at[col]; prev >= 0 {
					return c, msg.T("table.header.twice", strings.TrimSpace(rec[prev]), strings.TrimSpace(f), msg.T("table.col."+codes[col]))
				}
				c.at[col] = i
			}
		}
	}
	for _, col := range required {
		if c.at[col] < 0 {
			return c, msg.T("table.header.missing", msg.T("table.col."+codes[col]), strings.Join(headerNames(col), ", "))
		}
	}
	return c, ""
}

// headerNames are the names a column may have, as people write them.
func headerNames(col int) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range append([]string{tr(msg.English, "table.col."+codes[col]), tr(msg.French, "table.col."+codes[col])}, names[col]...) {
		if !seen[fold(n)] {
			seen[fold(n)] = true
			out = append(out, n)
		}
	}
	return out
}

// cell is the text of column col in rec, trimmed, "" when absent.
func (c columns) cell(rec []string, col int) string {
	if i := c.at[col]; i >= 0 && i < len(rec) {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

// text is a text cell: as written, its neutralisation undone.
func (c columns) text(rec []string, col int) string {
	return sheet.Restore(c.cell(rec, col))
}

// touchpoint reads one row; problem says what is wrong with it.
func (c columns) touchpoint(rec []string) (t *model.Touchpoint, stage, lane, problem string) {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return nil, "", "", msg.T("table.row.utf8")
		}
	}
	if len(rec) > c.fields && !sheet.Blank(rec[c.fields:]) {
		return nil, "", "", msg.T("table.row.many", len(rec), c.fields)
	}
	for _, col := range required {
		if c.cell(rec, col) == "" {
			return nil, "", "", msg.T("table.row.empty", strings.ToLower(msg.T("table.col."+codes[col])))
		}
	}
	t = &model.Touchpoint{Title: c.text(rec, colTitle), Description: c.text(rec, colDescription), Channel: model.ChannelOther}
	if s := c.cell(rec, colChannel); s != "" {
		channels, _ := words()
		ch, ok := channels[fold(s)]
		if !ok {
			return nil, "", "", msg.T("table.row.channel", s, wordList(len(model.Channels), func(i int) string {
				return channelWord(model.Channels[i], msg.Language())
			}))
		}
		t.Channel = ch
	}
	if s := c.cell(rec, colEmotion); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < -2 || v > 2 {
			return nil, "", "", msg.T("table.row.emotion", s)
		}
		t.Emotion = v
	}
	if s := c.cell(rec, colMarkers); s != "" {
		for _, m := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
			if strings.TrimSpace(m) == "" {
				continue
			}
			_, markers := words()
			mk, ok := markers[fold(m)]
			if !ok {
				return nil, "", "", msg.T("table.row.marker", strings.TrimSpace(m), wordList(len(model.AllMarkers), func(i int) string {
					return markerWord(model.AllMarkers[i], msg.Language())
				}))
			}
			t.Markers = t.Markers.With(mk)
		}
	}
	if s := c.cell(rec, colScore); s != "" {
		v, ok := sheet.PlainNumber(s)
		if !ok || v < 0 || v > 10 {
			return nil, "", "", msg.T("table.row.score", s)
		}
		t.Score = &v
	}
	for _, q := range strings.Split(c.text(rec, colQuotes), "\n") {
		if q = strings.TrimSpace(q); q != "" {
			t.Quotes = append(t.Quotes, q)
		}
	}
	return t, c.text(rec, colStage), c.text(rec, colLane), ""
}

func wordList(n int, word func(int) string) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = word(i)
	}
	return strings.Join(ws, ", ")
}
