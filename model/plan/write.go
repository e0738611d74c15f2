package plan

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"parcours/model/msg"
)

// columns of the plan, in order. Their headers are the messages
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

// SheetName is the plan's name in lang, as a spreadsheet names the sheet
// that holds it ("Action plan", "Plan d'action").
func SheetName(lang string) string { return tr(lang, "plan.sheet") }

// Columns are the codes of the plan's columns, in order: id, title, kind,
// impact, effort, quick_win, owner, status, touchpoints, stages. Header
// words them in a language; Cells fills them for a row. The slice is the
// caller's.
func Columns() []string { return slices.Clone(columns) }

// Header is the first line of the plan in lang ("fr" or anything else for
// English, whatever the current language), one header per column.
func Header(lang string) []string {
	h := make([]string, len(columns))
	for i, c := range columns {
		h[i] = tr(lang, "plan.col."+c)
	}
	return h
}

// Cells are a row's texts in lang, one per column: kinds, statuses and
// yes/no worded in lang, impact and effort as plain integers, lists of
// touchpoints and stages joined with "; " in English and ", " in French.
func Cells(r Row, lang string) []string {
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
	lines := make([][]string, 0, len(rows)+1)
	lines = append(lines, Header(lang))
	for _, r := range rows {
		lines = append(lines, Cells(r, lang))
	}
	return WriteSheetCSV(w, lines, lang)
}

// WriteSheetCSV writes lines (the header first) as lang's spreadsheets
// read a CSV file: in French ";" between fields and a UTF-8 byte order
// mark first, in English ","; CRLF line ends; encoding/csv's quoting. The
// action plan and the table of reviews share it.
func WriteSheetCSV(w io.Writer, lines [][]string, lang string) error {
	b := bufio.NewWriter(w)
	cw := csv.NewWriter(b)
	cw.UseCRLF = true
	if lang == msg.French {
		cw.Comma = ';'
		b.WriteString("\ufeff")
	}
	if err := cw.WriteAll(lines); err != nil {
		return err
	}
	return b.Flush()
}
