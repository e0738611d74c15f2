// Package xlsx owns the action plan as an Excel workbook: the rows of
// model/plan written as one sheet (model/sheet/workbook), with its column
// widths and number columns. It stands apart from model/plan so that what only
// reads the plan (the poster, the window's matrix) does not link the
// spreadsheet library.
package xlsx

import (
	"errors"
	"io"

	"parcours/model/msg"
	"parcours/model/plan"
	"parcours/model/sheet/workbook"
)

// widths of the sheet's columns in characters, by code of plan.Columns. A
// column 20 wide or more, except the id, wraps its long texts.
var widths = map[string]float64{"id": 20, "title": 45, "kind": 14, "impact": 9, "effort": 9,
	"quick_win": 11, "owner": 22, "status": 13, "touchpoints": 50, "stages": 30}

// Write writes the plan as an Excel workbook of one sheet, named in lang
// (workbook.Write): a bold header row that stays in view (frozen pane)
// with filters, the same cells as plan.WriteCSV, except impact and effort,
// which are numbers; columns wide enough to read, long texts wrapped. A
// text longer than a cell holds (32 767 UTF-16 units) is an error naming
// the opportunity, rather than a silent cut.
func Write(w io.Writer, rows []plan.Row, lang string) error {
	codes, header := plan.Columns(), plan.Header(lang)
	t := workbook.Table{Sheet: plan.SheetName(lang), Columns: make([]workbook.Column, len(codes))}
	for i, code := range codes {
		t.Columns[i] = workbook.Column{Header: header[i], Width: widths[code], Wrap: widths[code] >= 20 && code != "id"}
	}
	for _, r := range rows {
		cells := plan.Cells(r, lang)
		vals := make([]any, len(cells))
		for i, c := range cells {
			switch codes[i] {
			case "impact":
				vals[i] = r.Impact
			case "effort":
				vals[i] = r.Effort
			default:
				vals[i] = c
			}
		}
		t.Rows = append(t.Rows, vals)
	}
	err := workbook.Write(w, t)
	var long *workbook.TooLongError
	if errors.As(err, &long) {
		return errors.New(msg.T("plan.xlsx.too_long", rows[long.Row].ID, header[long.Column], long.Size, workbook.MaxCell))
	}
	return err
}
