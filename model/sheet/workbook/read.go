package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"parcours/model/msg"
)

// Read reads every sheet of the workbook r, in the workbook's order, as
// a spreadsheet library reads them raw: a cell's text as stored (shared
// and inline texts, numbers, truth values as 1 and 0), empty cells at the
// end of a row left out, those between filled with "", rows without a
// cell empty. A workbook bigger than the limits (MaxUnpacked, MaxCells,
// MaxStrings, MaxSheets), a part missing or damaged, a cell outside the
// sheet, is an error in plain words; nothing in the file makes Read panic.
func Read(r io.Reader) ([]Sheet, error) {
	return read(r, limits{unpacked: MaxUnpacked, cells: MaxCells, strings: MaxStrings, sheets: MaxSheets, parts: maxParts})
}

// limits are the bounds Read keeps to; tests make them small.
type limits struct {
	unpacked                      int64
	cells, strings, sheets, parts int
}

func read(r io.Reader, lim limits) ([]Sheet, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.unpacked+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.unpacked {
		return nil, errors.New(msg.T("workbook.too_big", megabytes(lim.unpacked)))
	}
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
		// A compound file: Excel 97-2003, or an encrypted workbook.
		return nil, errors.New(msg.T("workbook.compound"))
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New(msg.T("workbook.not_zip"))
	}
	if len(z.File) > lim.parts {
		return nil, errors.New(msg.T("workbook.too_many_parts", lim.parts))
	}
	rd := &reader{parts: make(map[string]*zip.File, len(z.File)), lim: lim, left: lim.unpacked}
	for _, f := range z.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if _, dup := rd.parts[name]; !dup {
			rd.parts[name] = f
		}
	}
	return rd.read()
}

// reader reads the parts of one workbook within the budget left.
type reader struct {
	parts map[string]*zip.File // by name in lower case
	lim   limits
	left  int64 // bytes that may still be unpacked
	cells int   // cells and rows kept so far
	sst   []string
}

// Relationship types, by the end of their name (the same in the
// transitional and strict namespaces).
const (
	relOffice  = "/officeDocument"
	relStrings = "/sharedStrings"
)

func (rd *reader) read() ([]Sheet, error) {
	wb := "xl/workbook.xml"
	pkg, err := rd.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	for _, rel := range pkg {
		if strings.HasSuffix(rel.typ, relOffice) {
			wb = rel.target
			break
		}
	}
	sheets, err := rd.workbook(wb)
	if err != nil {
		return nil, err
	}
	dir, base := path.Split(wb)
	rels, err := rd.rels(dir+"_rels/"+base+".rels", dir)
	if err != nil {
		return nil, err
	}
	byID := map[string]string{}
	strs := "xl/sharedStrings.xml"
	for _, rel := range rels {
		byID[rel.id] = rel.target
		if strings.HasSuffix(rel.typ, relStrings) {
			strs = rel.target
		}
	}
	if rd.has(strs) {
		if err := rd.sharedStrings(strs); err != nil {
			return nil, err
		}
	}
	out := make([]Sheet, 0, len(sheets))
	for _, s := range sheets {
		target, ok := byID[s.id]
		if !ok {
			return nil, errors.New(msg.T("workbook.no_sheet_part", s.name))
		}
		if !rd.has(target) {
			return nil, errors.New(msg.T("workbook.missing", target))
		}
		rows, err := rd.sheet(target, s.name)
		if err != nil {
			return nil, err
		}
		out = append(out, Sheet{Name: s.name, Rows: rows})
	}
	return out, nil
}

func (rd *reader) has(name string) bool {
	_, ok := rd.parts[strings.ToLower(name)]
	return ok
}

// relationship is one line of a .rels part, its target resolved to a part
// name.
type relationship struct{ id, typ, target string }

// rels reads the relationships part name, its targets relative to dir; a
// missing part has none.
func (rd *reader) rels(name, dir string) ([]relationship, error) {
	if !rd.has(name) {
		return nil, nil
	}
	var out []relationship
	err := rd.parse(name, func(p *parser, start xml.StartElement) error {
		if p.depth != 2 || start.Name.Local != "Relationship" {
			return nil
		}
		var rel relationship
		external := false
		for _, a := range start.Attr {
			switch a.Name.Local {
			case "Id":
				rel.id = a.Value
			case "Type":
				rel.typ = a.Value
			case "Target":
				rel.target = a.Value
			case "TargetMode":
				external = a.Value == "External"
			}
		}
		if external {
			return nil
		}
		if strings.HasPrefix(rel.target, "/") {
			rel.target = path.Clean(rel.target)[1:]
		} else {
			rel.target = path.Join(dir, rel.target)
		}
		out = append(out, rel)
		return nil
	})
	return out, err
}

// sheetRef is a sheet as the workbook part lists it.
type sheetRef struct{ name, id string }

func (rd *reader) workbook(name string) ([]sheetRef, error) {
	if !rd.has(name) {
		return nil, errors.New(msg.T("workbook.missing", name))
	}
	var out []sheetRef
	err := rd.parse(name, func(p *parser, start xml.StartElement) error {
		if p.depth != 3 || start.Name.Local != "sheet" || p.path[1] != "sheets" {
			return nil
		}
		if len(out) == rd.lim.sheets {
			return errors.New(msg.T("workbook.too_many_sheets", rd.lim.sheets))
		}
		var s sheetRef
		for _, a := range start.Attr {
			switch {
			case a.Name.Local == "name" && a.Name.Space == "":
				s.name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "" && a.Name.Space != "xmlns":
				s.id = a.Value
			}
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// sharedStrings reads the workbook's table of texts.
func (rd *reader) sharedStrings(name string) error {
	rd.sst = []string{}
	return rd.parse(name, func(p *parser, start xml.StartElement) error {
		if p.depth != 2 || start.Name.Local != "si" {
			return nil
		}
		if len(rd.sst) == rd.lim.strings {
			return errors.New(msg.T("workbook.too_many_strings", rd.lim.strings))
		}
		s, err := p.richText()
		rd.sst = append(rd.sst, s)
		return err
	})
}

// sheet reads the rows of the worksheet part name, the sheet called
// sheet in messages. Rows and cells go where their references put them;
// a row or cell that comes back (a row number not after the last one, a
// column not after the last cell) is added at the end of the current row,
// as spreadsheet libraries read it.
func (rd *reader) sheet(name, sheet string) ([][]string, error) {
	rows := [][]string{}
	var (
		cells       []string
		rowNum      int // the row's number as the file gives it
		at          int // the number of the row being read
		col         int // the last cell's column
		inSheetData bool
	)
	flush := func() error {
		if len(cells) == 0 {
			return nil
		}
		if err := rd.count(at - len(rows)); err != nil {
			return err
		}
		for len(rows) < at-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, cells)
		cells = nil
		return nil
	}
	err := rd.parse(name, func(p *parser, start xml.StartElement) error {
		switch start.Name.Local {
		case "sheetData":
			inSheetData = p.depth == 2
			return nil
		case "row":
			if !inSheetData {
				return nil
			}
			if r, ok := attr(start, "r"); ok {
				n, err := strconv.Atoi(r)
				if err != nil || n < 1 || n > maxRows {
					return errors.New(msg.T("workbook.bad_row", sheet, r))
				}
				rowNum = n
			} else if rowNum++; rowNum > maxRows {
				return errors.New(msg.T("workbook.bad_row", sheet, strconv.Itoa(rowNum)))
			}
			if rowNum > at {
				if err := flush(); err != nil {
					return err
				}
				at, col = rowNum, 0
			}
			return nil
		case "c":
			if !inSheetData || at == 0 {
				return nil
			}
			col++
			ref, hasRef := attr(start, "r")
			if hasRef {
				c, _, ok := parseCell(ref)
				if !ok {
					return errors.New(msg.T("workbook.bad_cell", sheet, ref))
				}
				col = c
			}
			v, err := p.cell(start, rd.sst)
			if err != nil {
				if errors.Is(err, errNoText) {
					if !hasRef {
						ref = cellName(col, at)
					}
					return errors.New(msg.T("workbook.bad_text", sheet, ref, *v))
				}
				return err
			}
			if v == nil {
				return nil
			}
			blank := max(col-len(cells)-1, 0)
			if err := rd.count(blank + 1); err != nil {
				return err
			}
			for range blank {
				cells = append(cells, "")
			}
			cells = append(cells, *v)
		}
		return nil
	}, func(p *parser, end xml.EndElement) {
		if end.Name.Local == "sheetData" && p.depth == 1 {
			inSheetData = false
		}
	})
	if err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return rows, nil
}

// megabytes is n bytes in MB, rounded up.
func megabytes(n int64) int64 { return (n + 1<<20 - 1) >> 20 }

// count takes n cells or rows from the budget of MaxCells.
func (rd *reader) count(n int) error {
	rd.cells += n
	if rd.cells > rd.lim.cells {
		return errors.New(msg.T("workbook.too_many_cells", rd.lim.cells))
	}
	return nil
}

func attr(start xml.StartElement, local string) (string, bool) {
	for _, a := range start.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// errNoText is a cell that refers to a shared text the table lacks.
var errNoText = errors.New("no such shared text")

// cell reads the rest of the cell element start: its value as text, nil
// when it has none (neither a value nor a formula).
func (p *parser) cell(start xml.StartElement, sst []string) (*string, error) {
	typ, _ := attr(start, "t")
	var (
		v, inline       string
		hasF, hasInline bool
	)
	depth := p.depth
	for {
		tok, err := p.inner()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if v, err = p.text(); err != nil {
					return nil, err
				}
			case "f":
				hasF = true
			case "is":
				hasInline = true
				if inline, err = p.richText(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			if p.depth < depth {
				goto value
			}
		}
	}
value:
	switch typ {
	case "s":
		if v != "" {
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || i < 0 || i >= len(sst) {
				return &v, errNoText
			}
			v = sst[i]
		}
	case "inlineStr":
		if hasInline {
			v = inline
		}
	}
	if v == "" && !hasF {
		return nil, nil
	}
	return &v, nil
}

// richText reads the rest of a text element (a shared string's si, an
// inline string's is): its own t, then the t of each of its runs r, with
// the escapes _xHHHH_ undone. Phonetic runs (rPh) are left out.
func (p *parser) richText() (string, error) {
	var (
		own  string
		runs []string
	)
	depth := p.depth
	for {
		tok, err := p.inner()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "t" && p.depth == depth+1:
				if own, err = p.text(); err != nil {
					return "", err
				}
			case t.Name.Local == "r" && p.depth == depth+1:
				runs = append(runs, "")
			case t.Name.Local == "t" && p.depth == depth+2 && p.path[depth] == "r":
				if runs[len(runs)-1], err = p.text(); err != nil {
					return "", err
				}
			}
		case xml.EndElement:
			if p.depth < depth {
				s := own + strings.Join(runs, "")
				return unescape(s), nil
			}
		}
	}
}

// isEscapeLike tells whether s begins with _xHHHH_, OOXML's escape of a
// character that XML cannot hold.
func isEscapeLike(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// unescape undoes the escapes _xHHHH_ of s; _x005F_ is "_". An escape of
// what is not a character (a lone surrogate) is dropped.
func unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isEscapeLike(s[i:]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		n, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
		if r := rune(n); utf8.ValidRune(r) {
			b.WriteRune(r)
		}
		i += 7
	}
	return b.String()
}
