package workbook

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// Namespaces and relationship types of the parts written.
const (
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsDocRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

func contentTypes(b *bufio.Writer) {
	const sml = "application/vnd.openxmlformats-officedocument.spreadsheetml."
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + sml + `sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + sml + `worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + sml + `styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="` + sml + `sharedStrings+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
}

func packageRels(b *bufio.Writer) {
	b.WriteString(`<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + nsDocRels + `/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsDocRels + `/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)
}

// appProps names the application, which spreadsheets show in a file's
// properties.
func appProps(b *bufio.Writer) {
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>Parcours</Application></Properties>`)
}

// workbookPart lists the one sheet and the range its filters cover, which
// Excel keeps as the hidden name _FilterDatabase.
func workbookPart(b *bufio.Writer, sheet, ref string) {
	b.WriteString(`<workbook xmlns="` + nsMain + `" xmlns:r="` + nsDocRels + `">` +
		`<bookViews><workbookView/></bookViews><sheets><sheet name="`)
	escape(b, sheet, true)
	b.WriteString(`" sheetId="1" r:id="rId1"/></sheets>` +
		`<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">`)
	quoted := "'"
	for _, r := range sheet {
		if r == '\'' {
			quoted += "'"
		}
		quoted += string(r)
	}
	escape(b, quoted+"'!"+absolute(ref), false)
	b.WriteString(`</definedName></definedNames></workbook>`)
}

// absolute is the range ref (A1:C4) with its rows and columns fixed
// ($A$1:$C$4).
func absolute(ref string) string {
	out := make([]byte, 0, len(ref)+4)
	letters := false
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		isLetter := c >= 'A' && c <= 'Z'
		if isLetter && !letters || !isLetter && letters {
			out = append(out, '$')
		}
		letters = isLetter
		out = append(out, c)
	}
	return string(out)
}

func workbookRels(b *bufio.Writer) {
	b.WriteString(`<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + nsDocRels + `/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsDocRels + `/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsDocRels + `/sharedStrings" Target="sharedStrings.xml"/>` +
		`</Relationships>`)
}

// styles holds the fonts (normal, bold), the border below the header and
// the cell formats styleHeader, styleWrap and styleTop.
func styles(b *bufio.Writer) {
	const font = `<sz val="11"/><name val="Calibri"/><family val="2"/>`
	const xf = `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">`
	b.WriteString(`<styleSheet xmlns="` + nsMain + `">` +
		`<fonts count="2"><font>` + font + `</font><font><b val="1"/>` + font + `</font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
		`<border><left/><right/><top/><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
		xf + `<alignment vertical="top" wrapText="1"/></xf>` +
		xf + `<alignment vertical="top"/></xf></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`<dxfs count="0"/><tableStyles count="0"/></styleSheet>`)
}

// defaultWidth is the width Excel gives a column of its default font
// (Calibri 11), written where a column has a style but no width of its own.
const defaultWidth = "9.140625"

// worksheet writes the table: the frozen header row, the columns' widths
// and styles, the cells (texts into strs), the filters over ref.
func worksheet(b *bufio.Writer, t Table, ref string, strs *sharedStrings) {
	b.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsDocRels + `">` +
		`<dimension ref="` + ref + `"></dimension>` +
		`<sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
		`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	styleOf := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		n := strconv.Itoa(i + 1)
		styleOf[i] = styleTop
		if c.Wrap {
			styleOf[i] = styleWrap
		}
		b.WriteString(`<col min="` + n + `" max="` + n + `" width="`)
		if c.Width > 0 {
			b.WriteString(strconv.FormatFloat(c.Width, 'f', -1, 64) + `" customWidth="1`)
		} else {
			b.WriteString(defaultWidth)
		}
		b.WriteString(`" style="` + strconv.Itoa(styleOf[i]) + `"/>`)
	}
	b.WriteString(`</cols><sheetData><row r="1">`)
	for i, c := range t.Columns {
		cell(b, i+1, 1, styleHeader, c.Header, strs)
	}
	b.WriteString(`</row>`)
	for n, row := range t.Rows {
		r := strconv.Itoa(n + 2)
		b.WriteString(`<row r="` + r + `">`)
		for i, v := range row {
			s := styleTop
			if i < len(styleOf) {
				s = styleOf[i]
			}
			cell(b, i+1, n+2, s, v, strs)
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData><autoFilter ref="` + absolute(ref) + `"></autoFilter></worksheet>`)
}

// cell writes one cell: a text (through the shared strings), a number, a
// truth value, or no value (nil, "").
func cell(b *bufio.Writer, col, row, style int, v any, strs *sharedStrings) {
	b.WriteString(`<c r="` + cellName(col, row) + `" s="` + strconv.Itoa(style) + `"`)
	var num string
	switch v := v.(type) {
	case nil:
	case string:
		if v != "" {
			b.WriteString(` t="s"><v>` + strconv.Itoa(strs.add(v)) + `</v></c>`)
			return
		}
	case int:
		num = strconv.Itoa(v)
	case int64:
		num = strconv.FormatInt(v, 10)
	case int32:
		num = strconv.FormatInt(int64(v), 10)
	case float64:
		num = formatFloat(v, 64)
	case float32:
		num = formatFloat(float64(v), 32)
	case bool:
		num = "0"
		if v {
			num = "1"
		}
		b.WriteString(` t="b"`)
	default:
		b.WriteString(` t="s"><v>` + strconv.Itoa(strs.add(fmt.Sprint(v))) + `</v></c>`)
		return
	}
	if num == "" {
		b.WriteString(`/>`)
		return
	}
	b.WriteString(`><v>` + num + `</v></c>`)
}

// formatFloat writes a number in full, without an exponent; NaN and the
// infinities, which a cell cannot hold as numbers, are left empty.
func formatFloat(v float64, bits int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, bits)
}

// sharedStrings is the workbook's table of texts, each stored once.
type sharedStrings struct {
	list  []string
	index map[string]int
	count int
}

// add gives the index of s in the table, adding it if new.
func (s *sharedStrings) add(text string) int {
	s.count++
	if i, ok := s.index[text]; ok {
		return i
	}
	s.index[text] = len(s.list)
	s.list = append(s.list, text)
	return len(s.list) - 1
}

func (s *sharedStrings) write(b *bufio.Writer) {
	b.WriteString(`<sst xmlns="` + nsMain + `" count="` + strconv.Itoa(s.count) + `" uniqueCount="` + strconv.Itoa(len(s.list)) + `">`)
	for _, t := range s.list {
		b.WriteString(`<si><t`)
		if first, last := t[0], t[len(t)-1]; isSpace(first) || isSpace(last) {
			b.WriteString(` xml:space="preserve"`)
		}
		b.WriteByte('>')
		escape(b, t, false)
		b.WriteString(`</t></si>`)
	}
	b.WriteString(`</sst>`)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// escape writes s as XML text, or as an attribute's value. What XML
// cannot hold (control characters) is written as OOXML's _xHHHH_, and a
// text that reads like one has its "_" written _x005F_, so that Excel and
// Read give back the text as it was. Invalid UTF-8 becomes U+FFFD.
func escape(b *bufio.Writer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\'':
			esc = "&#39;"
		case r == '"':
			esc = "&#34;"
		case r == '\r':
			esc = "&#xD;"
		case r == '\n' && attr:
			esc = "&#xA;"
		case r == '\t' && attr:
			esc = "&#x9;"
		case r == '\n' || r == '\t':
		case r == utf8.RuneError && size == 1:
			esc = "\uFFFD"
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			esc = "_x" + hex4(r) + "_"
		case r == '_' && isEscapeLike(s[i:]):
			esc = "_x005F_"
		}
		if esc != "" {
			b.WriteString(s[last:i])
			b.WriteString(esc)
			last = i + size
		}
		i += size
	}
	b.WriteString(s[last:])
}

func hex4(r rune) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[r>>12&15], digits[r>>8&15], digits[r>>4&15], digits[r&15]})
}
