package plan

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"parcours/model/msg"
)

// Columns of the plan, in order. Their headers are the messages
// plan.col.<name>.
var columns = []string{"id", "title", "kind", "impact", "effort", "quick_win", "owner", "status", "touchpoints", "stages"}

// tr words key in lang ("fr" or anything else for English), whatever the
// current language: a plan may be written for someone else's spreadsheet.
func tr(lang, key string, args ...any) string {
	en, fr := msg.Pair(key)
	f := en
	if lang == msg.French && fr != "" {
		f = fr
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// word is a code's wording in lang (réparer, planifiée…), or the code
// itself when it has none.
func word(lang, prefix, code string) string {
	if w := tr(lang, prefix+code); w != "" {
		return w
	}
	return code
}

// header is the first line of the plan in lang.
func header(lang string) []string {
	h := make([]string, len(columns))
	for i, c := range columns {
		h[i] = tr(lang, "plan.col."+c)
	}
	return h
}

// cells are a row's texts in lang; impact and effort as plain integers.
func cells(r Row, lang string) []string {
	yes := tr(lang, "plan.no")
	if r.QuickWin {
		yes = tr(lang, "plan.yes")
	}
	sep := tr(lang, "plan.list_sep")
	return []string{r.ID, r.Title, word(lang, "kind.", string(r.Kind)),
		strconv.Itoa(r.Impact), strconv.Itoa(r.Effort), yes, r.Owner,
		word(lang, "plan.status.", string(r.Status)),
		strings.Join(r.Touchpoints, sep), strings.Join(r.Stages, sep)}
}

// WriteCSV writes the plan as the spreadsheets of lang's users read it:
// in French ";" between fields and a UTF-8 byte order mark first (French
// Excel expects both), in English ","; lines end with CRLF; a field that
// holds the separator, a quote, a line break or starts with a space is
// quoted, its quotes doubled (encoding/csv). The header is in lang, and so
// are kinds, statuses and yes/no; lists of touchpoints and stages are
// joined with "; " in English and ", " in French, so that the separator
// rarely needs quotes.
func WriteCSV(w io.Writer, rows []Row, lang string) error {
	b := bufio.NewWriter(w)
	cw := csv.NewWriter(b)
	cw.UseCRLF = true
	if lang == msg.French {
		cw.Comma = ';'
		b.WriteString("\ufeff")
	}
	if err := cw.Write(header(lang)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(cells(r, lang)); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return b.Flush()
}

// maxCell is the most UTF-16 code units a spreadsheet cell holds.
const maxCell = excelize.TotalCellChars

// column widths, in characters, of the XLSX sheet.
var widths = []float64{20, 45, 14, 9, 9, 11, 22, 13, 50, 30}

// WriteXLSX writes the plan as an Excel workbook of one sheet, named in
// lang: a bold header row that stays in view (frozen pane) with filters,
// the same cells as WriteCSV, except impact and effort, which are numbers;
// columns wide enough to read, long texts wrapped. A text longer than a
// cell holds (32 767 UTF-16 units) is an error naming the opportunity,
// rather than a silent cut.
func WriteXLSX(w io.Writer, rows []Row, lang string) (err error) {
	for _, r := range rows {
		for i, c := range cells(r, lang) {
			if n := len(utf16.Encode([]rune(c))); n > maxCell {
				return errors.New(msg.T("plan.xlsx.too_long", r.ID, tr(lang, "plan.col."+columns[i]), n, maxCell))
			}
		}
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	sheet := tr(lang, "plan.sheet")
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
	for i, width := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
		style := top
		if width >= 20 && columns[i] != "id" {
			style = wrap
		}
		if err := f.SetColStyle(sheet, col, style); err != nil {
			return err
		}
	}
	head := make([]any, len(columns))
	for i, h := range header(lang) {
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
		for i, c := range cells(r, lang) {
			vals[i] = c
		}
		vals[3], vals[4] = r.Impact, r.Effort
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
