package table

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"parcours/model"
	"parcours/model/msg"
	"parcours/model/sheet"
	"parcours/model/sheet/workbook"
)

// widths of the XLSX columns in characters; the wide ones wrap.
var widths = [nCols]float64{24, 22, 40, 16, 9, 28, 45, 8, 50}

// rows are j's touchpoints in timeline order, one cell per column: texts
// neutralised (sheet.Neutralize), channel and markers worded in lang
// (markers joined with "; " in English and ", " in French, quotes one a
// line), emotion an int, score a float64 or nil when not measured.
func rows(j *model.Journey, lang string) [][]any {
	sep := tr(lang, "plan.list_sep")
	n := sheet.Neutralize
	var out [][]any
	for _, t := range model.TimelineOf(j) {
		var stage, lane string
		if s := j.Stage(t.Stage); s != nil {
			stage = s.Name
		}
		if l := j.Lane(t.Lane); l != nil {
			lane = l.Name
		}
		var ms []string
		for _, m := range t.Markers.List() {
			ms = append(ms, markerWord(m, lang))
		}
		var score any
		if t.Score != nil {
			score = *t.Score
		}
		out = append(out, []any{n(stage), n(lane), n(t.Title), channelWord(t.Channel, lang), t.Emotion,
			strings.Join(ms, sep), n(t.Description), score, n(strings.Join(t.Quotes, "\n"))})
	}
	return out
}

// WriteCSV writes j's touchpoints as a CSV table in lang (sheet.WriteCSV:
// ";" and a byte order mark in French, "," in English, CRLF), the header
// in lang, the score with lang's decimal separator.
func WriteCSV(w io.Writer, j *model.Journey, lang string) error {
	var cells [][]string
	for _, r := range rows(j, lang) {
		c := make([]string, len(r))
		for i, v := range r {
			switch v := v.(type) {
			case string:
				c[i] = v
			case int:
				c[i] = strconv.Itoa(v)
			case float64:
				c[i] = sheet.FormatNumber(v, lang)
			}
		}
		cells = append(cells, c)
	}
	return sheet.WriteCSV(w, Header(lang), cells, lang)
}

// WriteXLSX writes j's touchpoints as an Excel workbook of one sheet,
// named in lang, with the cells of WriteCSV, emotion and score as numbers.
// A text longer than a cell holds is an error naming the touchpoint.
func WriteXLSX(w io.Writer, j *model.Journey, lang string) error {
	header := Header(lang)
	t := workbook.Table{Sheet: tr(lang, "table.sheet"), Columns: make([]workbook.Column, nCols), Rows: rows(j, lang)}
	for i := range t.Columns {
		t.Columns[i] = workbook.Column{Header: header[i], Width: widths[i], Wrap: widths[i] >= 20}
	}
	err := workbook.Write(w, t)
	var long *workbook.TooLongError
	if errors.As(err, &long) {
		tp := model.TimelineOf(j)[long.Row]
		return errors.New(msg.T("table.too_long", header[long.Column], tp.Title, long.Size, workbook.MaxCell))
	}
	return err
}
