// Package xlsx owns the action plan as an Excel workbook: the rows of
// model/plan written as one sheet, with its styles, frozen header, filters
// and column widths. It stands apart from model/plan so that what only
// reads the plan (the poster, the window's matrix) does not link the
// spreadsheet library.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"parcours/model/msg"
	"parcours/model/plan"
)

// maxCell is the most UTF-16 code units a spreadsheet cell holds.
const maxCell = excelize.TotalCellChars

// widths of the sheet's columns in characters, by code of plan.Columns. A
// column 20 wide or more, except the id, wraps its long texts.
var widths = map[string]float64{"id": 20, "title": 45, "kind": 14, "impact": 9, "effort": 9,
	"quick_win": 11, "owner": 22, "status": 13, "touchpoints": 50, "stages": 30}

// Write writes the plan as an Excel workbook of one sheet, named in lang:
// a bold header row that stays in view (frozen pane) with filters, the
// same cells as plan.WriteCSV, except impact and effort, which are
// numbers; columns wide enough to read, long texts wrapped. A text longer
// than a cell holds (32 767 UTF-16 units) is an error naming the
// opportunity, rather than a silent cut.
func Write(w io.Writer, rows []plan.Row, lang string) (err error) {
	columns, header := plan.Columns(), plan.Header(lang)
	cells := make([][]string, len(rows))
	for n, r := range rows {
		cells[n] = plan.Cells(r, lang)
		for i, c := range cells[n] {
			if size := len(utf16.Encode([]rune(c))); size > maxCell {
				return errors.New(msg.T("plan.xlsx.too_long", r.ID, header[i], size, maxCell))
			}
		}
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	sheet := plan.SheetName(lang)
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
	last, _ := excelize.ColumnNumberToName(len(columns))
	for i, code := range columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width, ok := widths[code]
		if ok {
			if err := f.SetColWidth(sheet, col, col, width); err != nil {
				return err
			}
		}
		style := top
		if width >= 20 && code != "id" {
			style = wrap
		}
		if err := f.SetColStyle(sheet, col, style); err != nil {
			return err
		}
	}
	head := make([]any, len(columns))
	for i, h := range header {
		head[i] = h
	}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last+"1", bold); err != nil {
		return err
	}
	for n, r := range rows {
		vals := make([]any, len(columns))
		for i, c := range cells[n] {
			switch columns[i] {
			case "impact":
				vals[i] = r.Impact
			case "effort":
				vals[i] = r.Effort
			default:
				vals[i] = c
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	ref := fmt.Sprintf("A1:%s%d", last, len(rows)+1)
	if err := f.AutoFilter(sheet, ref, nil); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, ref); err != nil {
		return err
	}
	return f.Write(w)
}
