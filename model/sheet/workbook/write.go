package workbook

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
)

// The styles of the cells, by their index in styles.xml's cellXfs: the
// header (bold, a line below), wrapped texts and the rest, all aligned at
// the top of their row.
const (
	styleHeader = 1
	styleWrap   = 2
	styleTop    = 3
)

// Write writes t as a workbook of one sheet. A text longer than a cell
// holds is a *TooLongError (rather than a silent cut), found before
// anything is written.
//
// The texts go to the shared string table, as Excel writes them: every
// reader knows it, and a text repeated down a column (a stage, a lane, a
// status) is stored once.
func Write(w io.Writer, t Table) error {
	for n, row := range t.Rows {
		for i, c := range row {
			if s, ok := c.(string); ok {
				if size := utf16Len(s); size > MaxCell {
					return &TooLongError{Row: n, Column: i, Size: size}
				}
			}
		}
	}
	if err := checkSheetName(t.Sheet); err != nil {
		return err
	}
	if len(t.Columns) == 0 || len(t.Columns) > maxColumns || len(t.Rows)+1 > maxRows {
		return fmt.Errorf("a sheet holds 1 to %d columns and %d rows, not %d and %d", maxColumns, maxRows, len(t.Columns), len(t.Rows)+1)
	}
	z := zip.NewWriter(w)
	b := bufio.NewWriterSize(nil, 64<<10)
	part := func(name string, write func(b *bufio.Writer)) error {
		f, err := z.Create(name)
		if err != nil {
			return err
		}
		b.Reset(f)
		b.WriteString(xml.Header)
		write(b)
		return b.Flush()
	}
	ref := fmt.Sprintf("A1:%s", cellName(len(t.Columns), len(t.Rows)+1))
	strs := sharedStrings{index: map[string]int{}}
	for _, p := range []struct {
		name  string
		write func(b *bufio.Writer)
	}{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/app.xml", appProps},
		{"xl/workbook.xml", func(b *bufio.Writer) { workbookPart(b, t.Sheet, ref) }},
		{"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/styles.xml", styles},
		{"xl/worksheets/sheet1.xml", func(b *bufio.Writer) { worksheet(b, t, ref, &strs) }},
		{"xl/sharedStrings.xml", strs.write},
	} {
		if err := part(p.name, p.write); err != nil {
			return err
		}
	}
	return z.Close()
}

// utf16Len is the length of s in UTF-16 code units, as a cell counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// checkSheetName refuses a name a spreadsheet does not take for a sheet.
func checkSheetName(name string) error {
	switch {
	case name == "":
		return errors.New("a sheet needs a name")
	case utf16Len(name) > 31:
		return fmt.Errorf("sheet name %q is longer than 31 characters", name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Errorf("sheet name %q begins or ends with an apostrophe", name)
	case strings.ContainsAny(name, ":\\/?*[]"):
		return fmt.Errorf("sheet name %q holds one of : \\ / ? * [ ]", name)
	}
	return nil
}
