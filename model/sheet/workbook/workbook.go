// Package workbook writes and reads Excel workbooks (XLSX, Office Open XML
// SpreadsheetML) of one table: a header row and rows of cells. Written, the
// sheet has a bold header that stays in view (frozen pane) with filters,
// column widths set and long texts wrapped; texts are text cells and
// numbers number cells. Read gives back every sheet's cells as text, and
// refuses in plain words what a file from anyone could use to exhaust
// memory or time. It stands apart from model/sheet so that what only reads
// CSV does not link it; the action plan (model/plan/xlsx) and the
// touchpoint table (model/table) use it.
//
// It is our own code on archive/zip and encoding/xml rather than a
// spreadsheet library: the one table we write and the cells we read are a
// small part of the format, and a general library costs its initialisation
// on every start of every command.
package workbook

import (
	"fmt"

	"parcours/model"
)

// MaxCell is the most UTF-16 code units a spreadsheet cell holds.
const MaxCell = 32767

// Limits of what Read takes from a workbook: many times what a table of
// the largest document needs (model.MaxTouchpoints rows of ten columns,
// model.MaxTextBytes of text), and no more.
const (
	// MaxUnpacked bounds the bytes of all the parts read, once unpacked.
	MaxUnpacked = 2 * model.MaxTextBytes
	// MaxCells bounds the cells of all the sheets, the empty ones before a
	// full one and the rows counted.
	MaxCells = 10 * model.MaxTouchpoints
	// MaxStrings bounds the texts of the shared string table.
	MaxStrings = MaxCells
	// MaxSheets bounds the sheets of a workbook.
	MaxSheets = 1000
	// maxParts bounds the files in the zip: a sheet has a handful of
	// parts (its own, its relationships, drawings, comments).
	maxParts = 20 * MaxSheets
	// maxDepth bounds how deep the elements of a part nest; SpreadsheetML
	// needs about ten levels.
	maxDepth = 100
	// maxRows and maxColumns are the size of a sheet (A1 to XFD1048576).
	maxRows    = 1048576
	maxColumns = 16384
)

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

// Sheet is one sheet of a workbook as read: its name and its rows of
// cells as text (numbers as the file stores them, with a decimal point),
// rows[0] being the sheet's first row. A row may be shorter than others:
// empty cells at its end are left out.
type Sheet struct {
	Name string
	Rows [][]string
}
