package plan

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"parcours/model/msg"
	"parcours/model/sheet"
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

// Cells are a row's texts in lang, one per column, as a spreadsheet file
// carries them: kinds, statuses and yes/no worded in lang, impact and
// effort as plain integers, lists of touchpoints and stages joined with
// "; " in English and ", " in French, and every text that a spreadsheet
// would take for a formula neutralised (sheet.Neutralize).
func Cells(r Row, lang string) []string {
	yes := tr(lang, "plan.no")
	if r.QuickWin {
		yes = tr(lang, "plan.yes")
	}
	sep := tr(lang, "plan.list_sep")
	n := sheet.Neutralize
	return []string{n(r.ID), n(r.Title), word(lang, "kind.", string(r.Kind)),
		strconv.Itoa(r.Impact), strconv.Itoa(r.Effort), yes, n(r.Owner),
		word(lang, "plan.status.", string(r.Status)),
		n(strings.Join(r.Touchpoints, sep)), n(strings.Join(r.Stages, sep))}
}

// WriteCSV writes the plan as the spreadsheets of lang's users read it
// (sheet.WriteCSV): in French ";" between fields and a UTF-8 byte order
// mark first, in English ","; lines end with CRLF. The header is in lang,
// and so are kinds, statuses and yes/no; lists of touchpoints and stages
// are joined with "; " in English and ", " in French, so that the
// separator rarely needs quotes.
func WriteCSV(w io.Writer, rows []Row, lang string) error {
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = Cells(r, lang)
	}
	return sheet.WriteCSV(w, Header(lang), cells, lang)
}
