// Package workbook writes and reads Excel workbooks (XLSX) of one table:
// a header row and rows of cells. Written, the sheet has a bold header
// that stays in view (frozen pane) with filters, column widths set and
// long texts wrapped; texts are text cells and numbers number cells.
// Read gives back every sheet's cells as text. It stands apart from
// model/sheet so that what only reads CSV does not link the spreadsheet
// library; the action plan (model/plan/xlsx) and the touchpoint table
// (model/table) use it.
package workbook

import (
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// MaxCell is the most UTF-16 code units a spreadsheet cell holds.
const MaxCell = excelize.TotalCellChars

// Column is a column of the table: its header, its width in characters
// (0: the spreadsheet's own) and whether its long texts wrap.
type Column struct {
	Header string
	Width  float64
	Wrap   bool
}

// Table is what Write puts on the sheet named Sheet. A cell is a string
// (a text cell), an int or a float64 (a number cell) or nil (empty).
type Table struct {
	Sheet   string
	Columns []Column
	Rows    [][]any
}

// TooLongError is a text longer than a cell holds; Row counts the table's
// rows from 0, Column its columns.
type TooLongError struct{ Row, Column, Size int }

func (e *TooLongError) Error() string {
	return fmt.Sprintf("row %d, column %d: %d UTF-16 units, more than a cell's %d", e.Row+1, e.Column+1, e.Size, MaxCell)
}

// Write writes t as a workbook of one sheet. A text longer than a cell
// holds is a *TooLongError (rather than a silent cut), found before
// anything is written.
func Write(w io.Writer, t Table) (err error) {
	for n, row := range t.Rows {
		for i, c := range row {
			if s, ok := c.(string); ok {
				if size := len(utf16.Encode([]rune(s))); size > MaxCell {
					return &TooLongError{Row: n, Column: i, Size: size}
				}
			}
		}
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	sheet := t.Sheet
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Vertical: "top"},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	top, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(t.Columns))
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if c.Width > 0 {
			if err := f.SetColWidth(sheet, col, col, c.Width); err != nil {
				return err
			}
		}
		style := top
		if c.Wrap {
			style = wrap
		}
		if err := f.SetColStyle(sheet, col, style); err != nil {
			return err
		}
		head[i] = c.Header
	}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last+"1", bold); err != nil {
		return err
	}
	for n, row := range t.Rows {
		vals := append([]any(nil), row...)
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	ref := fmt.Sprintf("A1:%s%d", last, len(t.Rows)+1)
	if err := f.AutoFilter(sheet, ref, nil); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, ref); err != nil {
		return err
	}
	return f.Write(w)
}

// Sheet is one sheet of a workbook as read: its name and its rows of
// cells as text (numbers as the file stores them, with a decimal point),
// rows[0] being the sheet's first row. A row may be shorter than others:
// empty cells at its end are left out.
type Sheet struct {
	Name string
	Rows [][]string
}

// Read reads every sheet of the workbook r, in the workbook's order.
func Read(r io.Reader) (_ []Sheet, err error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	var out []Sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		out = append(out, Sheet{Name: name, Rows: rows})
	}
	return out, nil
}
