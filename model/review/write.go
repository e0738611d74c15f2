package review

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
	"parcours/model/sheet"
)

// WriteJSON writes the table for scripts: {"journey", "reviews": [{"id",
// "date", "note"}], "measures": [{"measure", "stage", "touchpoint", "name",
// "values"}]}, stage and touchpoint null when they do not apply, one value
// per review (null when not measured). One measure a line, so that a
// thousand touchpoints stay readable and diff well.
func WriteJSON(w io.Writer, t Table) error {
	b := bufio.NewWriter(w)
	type wReview struct {
		ID   string `json:"id"`
		Date string `json:"date"`
		Note string `json:"note"`
	}
	type wRow struct {
		Measure    Measure `json:"measure"`
		Stage      *string `json:"stage"`
		Touchpoint *string `json:"touchpoint"`
		Name       string  `json:"name"`
		Values     []any   `json:"values"`
	}
	head, err := model.PlainJSON(t.Journey)
	if err != nil {
		return err
	}
	rs := make([]wReview, len(t.Reviews))
	for i, r := range t.Reviews {
		rs[i] = wReview{r.ID, r.Date, r.Note}
	}
	reviews, err := model.PlainJSON(rs)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "{\n  \"journey\": %s,\n  \"reviews\": %s,\n  \"measures\": [", head, reviews)
	for i, r := range t.Rows {
		wr := wRow{Measure: r.Measure, Name: r.Name, Values: r.Values}
		if r.Stage != "" {
			wr.Stage = &r.Stage
		}
		if r.Touchpoint != "" {
			wr.Touchpoint = &r.Touchpoint
		}
		line, err := model.PlainJSON(wr)
		if err != nil {
			return err
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    ")
		b.Write(line)
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	return b.Flush()
}

// label names a row for people: "Stage — KPI", "Stage — average score",
// "Touchpoint — score".
func label(r Row) string {
	if r.Measure == KPI {
		return msg.T("review.kpi_of", r.Name)
	}
	return r.Name + " — " + msg.T("review.measure."+string(r.Measure))
}

// cell words one value in the current language.
func cell(r Row, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		return x
	case float64:
		return insight.Decimal(x, r.Measure == AverageEmotion)
	case int:
		return strconv.Itoa(x)
	case bool:
		if x {
			return msg.T("review.yes")
		}
		return msg.T("review.no")
	}
	return fmt.Sprint(v)
}

// WriteText writes the table for people in the current language: the
// reviews, then one line per measure with a column per review, aligned.
func WriteText(w io.Writer, j *model.Journey, t Table) error {
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, msg.T("review.text.title", j.Title, j.ID, len(t.Reviews)))
	if len(t.Reviews) == 0 {
		fmt.Fprintln(b, msg.T("review.text.none"))
		return b.Flush()
	}
	for _, r := range t.Reviews {
		fmt.Fprintf(b, "  %s [%s]\n", r.Label(), r.ID)
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	head := []string{msg.T("review.text.measure")}
	for _, r := range t.Reviews {
		head = append(head, r.Date)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	stage, touchpoints := "", false
	for _, r := range t.Rows {
		if r.Stage == "" && !touchpoints {
			touchpoints = true
			fmt.Fprintln(tw, msg.T("review.text.touchpoints"))
		}
		if r.Stage != "" && r.Stage != stage {
			stage = r.Stage
			name := r.Stage
			if s := j.Stage(r.Stage); s != nil {
				name = s.Name
			}
			fmt.Fprintf(tw, "%s [%s]\n", name, r.Stage)
		}
		cells := []string{"  " + label(r)}
		if r.Stage == "" {
			cells[0] = fmt.Sprintf("  %s [%s]", label(r), r.Touchpoint)
		}
		for _, v := range r.Values {
			cells = append(cells, cell(r, v))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return b.Flush()
}

// WriteCSV writes the table for a spreadsheet, with the conventions of
// the action plan (sheet.WriteCSV, texts neutralised): columns measure (its code), stage,
// touchpoint, name, then one per review headed by its date; values as in
// the text table, decimals with the language's mark, "" when not measured.
// Like every report, it follows the current language.
func WriteCSV(w io.Writer, t Table) error {
	head := []string{msg.T("review.col.measure"), msg.T("review.col.stage"), msg.T("review.col.touchpoint"), msg.T("review.col.name")}
	for _, r := range t.Reviews {
		head = append(head, r.Date)
	}
	var lines [][]string
	n := sheet.Neutralize
	for _, r := range t.Rows {
		line := []string{string(r.Measure), n(r.Stage), n(r.Touchpoint), n(r.Name)}
		for _, v := range r.Values {
			if v == nil {
				line = append(line, "")
			} else {
				line = append(line, cell(r, v))
			}
		}
		lines = append(lines, line)
	}
	return sheet.WriteCSV(w, head, lines, msg.Language())
}
