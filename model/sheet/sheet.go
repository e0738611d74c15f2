// Package sheet owns what every spreadsheet file of Parcours shares, read
// or written: CSV as French and English spreadsheet software writes it
// (separator found from the header, byte order mark, decimal comma or
// point, quoting errors worded for people), the CSV that those programs
// read back (";" and a byte order mark in French, "," in English, CRLF),
// and the neutralisation of texts that a spreadsheet would take for a
// formula. The survey import, the action plan and the touchpoint table
// use it; it knows nothing of what their columns mean.
package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"parcours/model/msg"
)

// BOM is the UTF-8 byte order mark that spreadsheet software writes first.
var BOM = []byte("\xef\xbb\xbf")

// Separators are tried in this order on a header line.
var Separators = []rune{';', '\t', ','}

// triggers are the first characters that make a spreadsheet read a cell
// as a formula (OWASP's list for CSV injection).
const triggers = "=+-@\t\r"

// Neutralize makes s safe to open in a spreadsheet: a text that starts
// with "=", "+", "-", "@", a tab or a carriage return, after any
// apostrophes, gets one more apostrophe first, which spreadsheets read as
// "this is text". Restore undoes it exactly, so that a file that goes to a
// spreadsheet and back keeps its texts.
func Neutralize(s string) string {
	rest := strings.TrimLeft(s, "'")
	if rest != "" && strings.IndexByte(triggers, rest[0]) >= 0 {
		return "'" + s
	}
	return s
}

// Restore is the text that Neutralize turned into s.
func Restore(s string) string {
	rest := strings.TrimLeft(s, "'")
	if len(rest) < len(s) && rest != "" && strings.IndexByte(triggers, rest[0]) >= 0 {
		return s[1:]
	}
	return s
}

// WriteCSV writes a header and rows as the spreadsheets of lang's users
// read them: in French ";" between fields and a UTF-8 byte order mark
// first (French Excel expects both), in English "," and no mark; every
// line ends with CRLF; a field is quoted only when it holds the separator,
// a quote (doubled), a line break (written CRLF) or starts with a space.
// The cells are written as given: neutralising them is the caller's
// choice, column by column.
func WriteCSV(w io.Writer, header []string, rows [][]string, lang string) error {
	b := bufio.NewWriter(w)
	cw := csv.NewWriter(b)
	cw.UseCRLF = true
	if lang == msg.French {
		cw.Comma = ';'
		b.Write(BOM)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return b.Flush()
}

// Separator finds the separator of a CSV file (its byte order mark already
// stripped): the first of Separators under which accept takes the header
// line. When none is taken, it returns what accept said under the one that
// splits the header into most fields (or what stopped the reading of the
// line) as problem.
func Separator(data []byte, accept func(header []string) (problem string)) (sep rune, problem string) {
	bestFields := -1
	for _, s := range Separators {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.Comma = s
		cr.FieldsPerRecord = -1
		rec, err := cr.Read()
		if err != nil {
			if problem == "" && bestFields < 0 {
				problem = Quoting(err)
			}
			continue
		}
		p := accept(rec)
		if p == "" {
			return s, ""
		}
		if len(rec) > bestFields {
			bestFields, problem = len(rec), p
		}
	}
	return 0, problem
}

// ErrorLine is the line of the file where a CSV reading error starts (the
// first line of its record), 0 when the error does not say.
func ErrorLine(err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine
	}
	return 0
}

// Quoting words a CSV reading error for people.
func Quoting(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return msg.T("survey.row.bare_quote")
	case errors.Is(err, csv.ErrQuote):
		return msg.T("survey.row.quote")
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return msg.T("survey.row.syntax", err)
}

// Blank reports whether a row holds nothing but spaces: spreadsheets write
// such rows for empty lines.
func Blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// PlainNumber reads a plain decimal number as spreadsheets write it in
// French and English: an optional minus sign, ASCII digits, and at most
// one decimal point or comma followed by digits. "+5", ".5", "6,", "1e1",
// "0x5", "NaN", "Inf", "1 000" and "1.000,5" are not plain numbers.
func PlainNumber(s string) (float64, bool) {
	body := strings.TrimPrefix(s, "-")
	intPart, frac, hasSep := strings.Cut(strings.Replace(body, ",", ".", 1), ".")
	if !Digits(intPart) || (hasSep && !Digits(frac)) {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// Digits reports whether s is one or more ASCII digits.
func Digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FormatNumber writes v as a plain decimal number of lang: a decimal comma
// in French, a point in English; no exponent, no trailing zeros.
func FormatNumber(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang == msg.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
