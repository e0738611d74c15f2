// Package survey owns the import of survey answers from a CSV file
// (CONTRACTS.md §3): reading the file as French and English spreadsheet
// software writes it, matching each row to a touchpoint of a journey,
// averaging the scores, and the undoable edit that puts the results on the
// touchpoints. Read changes nothing; the edit is applied through
// model.Editor like any other, so that the import is one undo step.
//
// Decisions where the contract is silent:
//   - The separator is the first of ";", tab and "," under which the header
//     line names both a touchpoint and a score column.
//   - Two header columns for the same role ("id" and "touchpoint") are an
//     error: which one to use would be a guess.
//   - A line that is empty, or holds nothing but separators and spaces, is
//     skipped: spreadsheets write those for blank rows. It is not a row.
//   - A plain decimal number is ASCII digits with at most one decimal point
//     or comma between digits: "7", "6,5", "6.5". "+5", ".5", "6,", "1e1",
//     "0x1", "NaN", "Inf", "1 000", "1.000,5" are not numbers; a negative
//     number reads as a number out of range.
//   - With "," as separator, a row whose score is a whole number followed by
//     a field that is a whole number too ("t-a,6,5") is refused: it almost
//     surely is an unquoted decimal comma.
//   - A row shorter than the header is fine as long as it reaches the
//     touchpoint and score columns (a missing verbatim is an empty one); a
//     row longer than the header is bad unless the extra fields are empty.
//   - Text must be UTF-8 (Excel's older "CSV" format in Windows-1252 is
//     refused with a hint to save as "CSV UTF-8").
//   - With Scale 5, answers may be decimals between 1 and 5.
//   - The new score is the mean of the rows' scores rounded to two decimals
//     (insight.Round2), so that float noise never reaches the file.
//   - Verbatims are trimmed; an empty one is no verbatim; a verbatim already
//     in the touchpoint's quotes, or given twice in the file, is added once
//     (compared trimmed and in Unicode NFC).
//   - Touchpoint ids are matched exactly (spaces trimmed); titles exactly,
//     trimmed, in Unicode NFC, case counts.
//   - A header with no row below it is an error (no answers), as is an
//     empty file.
package survey

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
	"parcours/model/sheet"
)

// Options says how to read a survey.
type Options struct {
	// Scale is 10 (answers 0–10; the default when 0) or 5 (answers 1–5,
	// mapped to 0–10 as (s−1)×2.5).
	Scale int
}

// Change is what the import does to one touchpoint.
type Change struct {
	Touchpoint, Title string
	OldScore          *float64 // nil when it was not measured
	NewScore          float64
	OldResponses      int
	NewResponses      int      // the number of rows for this touchpoint
	NewQuotes         []string // verbatims not already in its quotes
	WasListened       bool
}

// Plan is a survey read against a journey: what importing it would change.
type Plan struct {
	Journey string
	Rows    int      // answers read (blank lines not counted)
	Changes []Change // in timeline order
}

// Error is a survey that cannot be imported. Its text names the file, the
// first bad row's line (the header is line 1) and how many rows are bad.
type Error struct {
	File string
	Line int // first bad line; 0 when the file as a whole is at fault
	Bad  int // bad rows found; 0 for a header or file problem
	Text string
}

func (e *Error) Error() string { return e.Text }

// Is makes every survey error a model.ErrInvalid: bad data, not a failure
// of the program.
func (e *Error) Is(target error) bool { return target == model.ErrInvalid }

type role int

const (
	roleTouchpoint role = iota
	roleScore
	roleVerbatim
)

var (
	roleNames = [...][]string{
		roleTouchpoint: {"touchpoint", "point de contact", "id"},
		roleScore:      {"score", "note"},
		roleVerbatim:   {"verbatim", "commentaire", "comment"},
	}
	roleKeys = [...]string{"survey.role.touchpoint", "survey.role.score", "survey.role.verbatim"}
)

// columns is where each role is in a row, -1 when absent.
type columns struct {
	at     [3]int
	fields int // fields of the header
}

// Read parses the survey CSV r (named name in messages) against journey j
// and computes what importing it would change; it changes nothing. Any bad
// row makes it fail: the error names the first bad row by its line in the
// file (a quoted field over several lines counts each of them) and says how
// many rows are bad.
func Read(r io.Reader, name string, j *model.Journey, opts Options) (*Plan, error) {
	scale := opts.Scale
	if scale == 0 {
		scale = 10
	}
	if scale != 10 && scale != 5 {
		return nil, &Error{File: name, Text: msg.T("survey.scale", opts.Scale)}
	}
	if j == nil {
		return nil, &Error{File: name, Text: msg.T("survey.no_journey")}
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{File: name, Text: msg.T("survey.read", name, err)}
	}
	data = bytes.TrimPrefix(data, sheet.BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: name, Text: msg.T("survey.file", name, msg.T("survey.empty"))}
	}
	sep, cols, err := header(data, name)
	if err != nil {
		return nil, err
	}

	idx := newIndex(j)
	type answers struct {
		sum    float64
		n      int
		quotes []string
		seen   map[string]bool
	}
	got := map[*model.Touchpoint]*answers{}
	var (
		rows, bad, first int
		firstText        string
		stoppedAt        int
	)
	fail := func(line int, text string) {
		bad++
		if first == 0 {
			first, firstText = line, text
		}
	}

	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	if _, err := cr.Read(); err != nil { // the header, already checked
		return nil, &Error{File: name, Line: 1, Text: msg.T("survey.at1", name, 1, sheet.Quoting(err))}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := sheet.ErrorLine(err)
			fail(line, sheet.Quoting(err))
			stoppedAt = line
			break
		}
		line, _ := cr.FieldPos(0)
		if sheet.Blank(rec) {
			continue
		}
		rows++
		t, score, verbatim, text := row(rec, sep, cols, idx, j, scale)
		if text != "" {
			fail(line, text)
			continue
		}
		a := got[t]
		if a == nil {
			a = &answers{seen: map[string]bool{}}
			for _, q := range t.Quotes {
				a.seen[quoteKey(q)] = true
			}
			got[t] = a
		}
		a.sum += score
		a.n++
		if k := quoteKey(verbatim); k != "" && !a.seen[k] {
			a.seen[k] = true
			a.quotes = append(a.quotes, strings.TrimSpace(verbatim))
		}
	}

	if bad > 0 {
		count := msg.T("survey.count", bad)
		if stoppedAt > 0 {
			count = msg.T("survey.count.stopped", bad, stoppedAt)
		}
		return nil, &Error{File: name, Line: first, Bad: bad, Text: msg.T("survey.at", name, first, firstText, count)}
	}
	if rows == 0 {
		return nil, &Error{File: name, Text: msg.T("survey.file", name, msg.T("survey.no_rows"))}
	}

	p := &Plan{Journey: j.ID, Rows: rows}
	for _, t := range model.TimelineOf(j) {
		a := got[t]
		if a == nil {
			continue
		}
		c := Change{Touchpoint: t.ID, Title: t.Title, NewScore: insight.Round2(a.sum / float64(a.n)),
			OldResponses: t.Responses, NewResponses: a.n, NewQuotes: a.quotes, WasListened: t.Listened}
		if t.Score != nil {
			old := *t.Score
			c.OldScore = &old
		}
		p.Changes = append(p.Changes, c)
	}
	return p, nil
}

// header finds the separator and the columns (sheet.Separator): the first
// of ";", tab and "," under which the header names a touchpoint and a
// score column.
func header(data []byte, name string) (rune, columns, error) {
	var cols columns
	sep, problem := sheet.Separator(data, func(rec []string) string {
		c, p := headerColumns(rec)
		if p == "" {
			cols = c
		}
		return p
	})
	if problem != "" {
		return 0, columns{}, &Error{File: name, Line: 1, Text: msg.T("survey.at1", name, 1, problem)}
	}
	return sep, cols, nil
}

func headerColumns(rec []string) (columns, string) {
	c := columns{at: [3]int{-1, -1, -1}, fields: len(rec)}
	if !utf8.ValidString(strings.Join(rec, "")) {
		return c, msg.T("survey.row.utf8")
	}
	for i, f := range rec {
		f = strings.ToLower(strings.TrimSpace(f))
		for r, names := range roleNames {
			if !slices.Contains(names, f) {
				continue
			}
			if prev := c.at[r]; prev >= 0 {
				return c, msg.T("survey.header.twice", strings.TrimSpace(rec[prev]), strings.TrimSpace(rec[i]), msg.T(roleKeys[r]))
			}
			c.at[r] = i
		}
	}
	for _, r := range []role{roleTouchpoint, roleScore} {
		if c.at[r] < 0 {
			return c, msg.T("survey.header.missing", msg.T(roleKeys[r]), strings.Join(roleNames[r], ", "))
		}
	}
	return c, ""
}

func quoteKey(q string) string { return norm.NFC.String(strings.TrimSpace(q)) }

// index finds touchpoints by id, then by title.
type index struct {
	byID    map[string]*model.Touchpoint
	byTitle map[string][]*model.Touchpoint
}

func newIndex(j *model.Journey) index {
	x := index{byID: make(map[string]*model.Touchpoint, len(j.Touchpoints)),
		byTitle: make(map[string][]*model.Touchpoint, len(j.Touchpoints))}
	for _, t := range model.TimelineOf(j) {
		x.byID[t.ID] = t
		k := quoteKey(t.Title)
		x.byTitle[k] = append(x.byTitle[k], t)
	}
	return x
}

// row reads one answer; text is what is wrong with it, "" when nothing.
func row(rec []string, sep rune, cols columns, idx index, j *model.Journey, scale int) (t *model.Touchpoint, score float64, verbatim, text string) {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return nil, 0, "", msg.T("survey.row.utf8")
		}
	}
	if len(rec) > cols.fields && !sheet.Blank(rec[cols.fields:]) {
		return nil, 0, "", msg.T("survey.row.many", len(rec), cols.fields)
	}
	for _, r := range []role{roleTouchpoint, roleScore} {
		if cols.at[r] >= len(rec) {
			return nil, 0, "", msg.T("survey.row.few", len(rec), msg.T(roleKeys[r]), cols.at[r]+1)
		}
	}

	key := strings.TrimSpace(rec[cols.at[roleTouchpoint]])
	switch ts := idx.byTitle[norm.NFC.String(key)]; {
	case key == "":
		return nil, 0, "", msg.T("survey.row.no_touchpoint")
	case idx.byID[key] != nil:
		t = idx.byID[key]
	case len(ts) == 1:
		t = ts[0]
	case len(ts) > 1:
		ids := make([]string, len(ts))
		for i, x := range ts {
			ids[i] = x.ID
		}
		return nil, 0, "", msg.T("survey.row.ambiguous", strings.Join(ids, ", "), key)
	default:
		return nil, 0, "", msg.T("survey.row.unknown", key, j.ID)
	}

	s := strings.TrimSpace(rec[cols.at[roleScore]])
	if s == "" {
		return nil, 0, "", msg.T("survey.row.no_score")
	}
	v, ok := sheet.PlainNumber(s)
	if !ok {
		return nil, 0, "", msg.T("survey.row.not_number", s)
	}
	if next := cols.at[roleScore] + 1; sep == ',' && next < len(rec) && sheet.Digits(s) {
		if n := strings.TrimSpace(rec[next]); sheet.Digits(n) {
			return nil, 0, "", msg.T("survey.row.split", s, n, s, n)
		}
	}
	lo, hi := 0, 10
	if scale == 5 {
		lo, hi = 1, 5
	}
	if v < float64(lo) || v > float64(hi) {
		return nil, 0, "", msg.T("survey.row.range", s, lo, hi)
	}
	if scale == 5 {
		v = (v - 1) * 2.5
	}
	if c := cols.at[roleVerbatim]; c >= 0 && c < len(rec) {
		verbatim = rec[c]
	}
	return t, v, verbatim, ""
}

// Command returns the edit that imports the plan in one undoable step: each
// touchpoint of the plan gets the average as its score, the number of rows
// as its responses, becomes listened, and gets the new verbatims added to
// its quotes. Undo puts back exactly what was there.
func (p *Plan) Command() model.Command { return &importSurvey{plan: p} }

type importSurvey struct {
	plan    *Plan
	before  []state
	changed []model.Ref
}

type state struct {
	id        string
	score     *float64
	responses int
	listened  bool
	quotes    []string
}

var _ model.Command = (*importSurvey)(nil)

// Label implements model.Command.
func (c *importSurvey) Label() string { return msg.T("survey.label") }

// Apply implements model.Command.
func (c *importSurvey) Apply(d *model.Document) (model.Delta, error) {
	j := d.Journey(c.plan.Journey)
	if j == nil {
		return model.Delta{}, &Error{Text: msg.T("survey.gone_journey", c.plan.Journey)}
	}
	byID := touchpointsByID(j)
	ts := make([]*model.Touchpoint, len(c.plan.Changes))
	for i, ch := range c.plan.Changes {
		if ts[i] = byID[ch.Touchpoint]; ts[i] == nil {
			return model.Delta{}, &Error{Text: msg.T("survey.gone", ch.Touchpoint, j.ID)}
		}
	}
	c.before = c.before[:0]
	c.changed = c.changed[:0]
	for i, ch := range c.plan.Changes {
		t := ts[i]
		c.before = append(c.before, state{id: t.ID, score: t.Score, responses: t.Responses, listened: t.Listened, quotes: t.Quotes})
		quotes := t.Quotes
		var have map[string]bool
		for _, q := range ch.NewQuotes {
			if have == nil {
				have = make(map[string]bool, len(t.Quotes))
				for _, x := range t.Quotes {
					have[quoteKey(x)] = true
				}
			}
			if k := quoteKey(q); !have[k] {
				have[k] = true
				if len(quotes) == len(t.Quotes) { // never write into the old backing array
					quotes = slices.Clip(slices.Clone(quotes))
				}
				quotes = append(quotes, q)
			}
		}
		same := t.Score != nil && *t.Score == ch.NewScore && t.Responses == ch.NewResponses &&
			t.Listened && len(quotes) == len(t.Quotes)
		score := ch.NewScore
		t.Score, t.Responses, t.Listened, t.Quotes = &score, ch.NewResponses, true, quotes
		if !same {
			c.changed = append(c.changed, model.Ref{Kind: model.KindTouchpoint, Journey: j.ID, ID: t.ID})
		}
	}
	return model.Delta{Changed: slices.Clone(c.changed)}, nil
}

// Undo implements model.Command.
func (c *importSurvey) Undo(d *model.Document) (model.Delta, error) {
	j := d.Journey(c.plan.Journey)
	if j == nil {
		return model.Delta{}, &Error{Text: msg.T("survey.gone_journey", c.plan.Journey)}
	}
	byID := touchpointsByID(j)
	ts := make([]*model.Touchpoint, len(c.before))
	for i, s := range c.before {
		if ts[i] = byID[s.id]; ts[i] == nil {
			return model.Delta{}, &Error{Text: msg.T("survey.gone", s.id, j.ID)}
		}
	}
	for i, s := range c.before {
		ts[i].Score, ts[i].Responses, ts[i].Listened, ts[i].Quotes = s.score, s.responses, s.listened, s.quotes
	}
	return model.Delta{Changed: slices.Clone(c.changed)}, nil
}

// touchpointsByID indexes the journey once, so that a survey of every
// touchpoint stays linear in their number.
func touchpointsByID(j *model.Journey) map[string]*model.Touchpoint {
	m := make(map[string]*model.Touchpoint, len(j.Touchpoints))
	for _, t := range j.Touchpoints {
		m[t.ID] = t
	}
	return m
}

// String describes the plan for logs and tests.
func (p *Plan) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d rows", p.Journey, p.Rows)
	for _, c := range p.Changes {
		fmt.Fprintf(&b, "; %s=%v×%d", c.Touchpoint, c.NewScore, c.NewResponses)
	}
	return b.String()
}
