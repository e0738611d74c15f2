package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tricky is a table whose texts hold what XML and OOXML escape, spaces
// a spreadsheet would trim, a formula, the longest cell, and whose numbers
// are negative, fractional, huge and tiny.
func tricky() Table {
	return Table{Sheet: "Plan d'action", Columns: []Column{{Header: "Titre", Width: 45, Wrap: true}, {Header: " Émotion "},
		{Header: "Note", Width: 9}, {Header: "Vide", Width: 12.5}},
		Rows: [][]any{
			{"=SUM(1,2)", -2, 6.5, nil},
			{" deux\r\nlignes\tet une tabulation ", 0, 1e21, ""},
			{"<b>&amp; \"guillemets\" 'apostrophes' 📦", 3, 1.5e-7},
			{"_x0041_ reste _x0041_, _x005F_ aussi; contrôle \x01\x1f fin", int64(-7), float32(0.25), true},
			{strings.Repeat("é", MaxCell)},
			{nil, nil, nil, nil},
			{"Deux\nlignes", 1, 2, "Deux\nlignes"},
		}}
}

// expected is what reading t back gives: its cells as text, numbers as
// written, empty cells at a row's end left out, a row of no cell empty.
func expected(t Table) [][]string {
	var rows [][]string
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Header
	}
	rows = append(rows, head)
	for _, r := range t.Rows {
		var cells []string
		for _, v := range r {
			s := ""
			switch v := v.(type) {
			case nil:
			case bool:
				s = "0"
				if v {
					s = "1"
				}
			case float32:
				s = fmt.Sprint(v)
			case float64:
				s = strconv.FormatFloat(v, 'f', -1, 64)
			default:
				s = fmt.Sprint(v)
			}
			cells = append(cells, s)
		}
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		rows = append(rows, cells)
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	for i := range rows {
		if len(rows[i]) == 0 {
			rows[i] = nil
		}
	}
	return rows
}

// TestExcelizeReadsWhatWeWrite: an independent implementation of the
// format finds in our file the same cells, the styles, widths, frozen
// pane and filters.
func TestExcelizeReadsWhatWeWrite(t *testing.T) {
	tab := tricky()
	var b bytes.Buffer
	if err := Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := tab.Sheet
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{sheet}) {
		t.Fatalf("sheets %q", got)
	}
	want := expected(tab)
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%q", rows) != fmt.Sprintf("%q", want) {
		t.Errorf("excelize reads\n%s\nwant\n%s", short(rows), short(want))
	}
	ours, err := Read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(ours) != 1 || !reflect.DeepEqual(ours[0].Rows, rows) {
		t.Errorf("we read\n%s\nexcelize\n%s", short(ours), short(rows))
	}

	// Cell types: numbers are numbers (excelize says "unset" for a cell
	// without a type, which is a number), texts shared strings, truth a bool.
	for cell, typ := range map[string]excelize.CellType{"A2": excelize.CellTypeSharedString, "B2": excelize.CellTypeUnset,
		"C3": excelize.CellTypeUnset, "D5": excelize.CellTypeBool, "A4": excelize.CellTypeSharedString} {
		if got, err := f.GetCellType(sheet, cell); err != nil || got != typ {
			t.Errorf("%s is of type %v (%v), want %v", cell, got, err, typ)
		}
	}
	if formula, _ := f.GetCellFormula(sheet, "A2"); formula != "" {
		t.Errorf("A2 is a formula %q", formula)
	}

	// Styles: the header bold, a line below, at the top; wrapped columns
	// wrap, the others not; empty cells and rows keep their column's style.
	style := func(cell string) *excelize.Style {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, cell := range []string{"A1", "B1", "D1"} {
		s := style(cell)
		if s.Font == nil || !s.Font.Bold || s.Alignment == nil || s.Alignment.Vertical != "top" ||
			len(s.Border) != 1 || s.Border[0].Type != "bottom" || s.Border[0].Style != 1 {
			t.Errorf("header %s: %+v %+v %+v", cell, s.Font, s.Alignment, s.Border)
		}
	}
	for cell, wrap := range map[string]bool{"A2": true, "A7": true, "B2": false, "C3": false, "D2": false, "D7": false} {
		s := style(cell)
		if s.Font != nil && s.Font.Bold || s.Alignment == nil || s.Alignment.Vertical != "top" || s.Alignment.WrapText != wrap || len(s.Border) != 0 {
			t.Errorf("%s: %+v %+v %+v, want wrap %v", cell, s.Font, s.Alignment, s.Border, wrap)
		}
	}
	for col, want := range map[string]bool{"A": true, "B": false, "D": false} {
		id, err := f.GetColStyle(sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		if s, _ := f.GetStyle(id); s.Alignment == nil || s.Alignment.WrapText != want || s.Alignment.Vertical != "top" {
			t.Errorf("column %s style %+v", col, s.Alignment)
		}
	}
	for col, want := range map[string]float64{"A": 45, "B": 9.140625, "C": 9, "D": 12.5} {
		if w, err := f.GetColWidth(sheet, col); err != nil || w != want {
			t.Errorf("column %s is %v wide (%v), want %v", col, w, err, want)
		}
	}

	// The first row stays in view; the filters cover the table.
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" || panes.ActivePane != "bottomLeft" {
		t.Errorf("panes %+v %v", panes, err)
	}
	if dim, err := f.GetSheetDimension(sheet); err != nil || dim != "A1:D8" {
		t.Errorf("dimension %q %v", dim, err)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm._FilterDatabase" || names[0].RefersTo != "'Plan d''action'!$A$1:$D$8" || names[0].Scope != sheet {
		t.Errorf("defined names %+v", names)
	}
	var ws struct {
		AutoFilter struct {
			Ref string `xml:"ref,attr"`
		} `xml:"autoFilter"`
	}
	if err := xml.Unmarshal([]byte(part(t, b.Bytes(), "xl/worksheets/sheet1.xml")), &ws); err != nil || ws.AutoFilter.Ref != "$A$1:$D$8" {
		t.Errorf("autoFilter %q %v", ws.AutoFilter.Ref, err)
	}
}

// part is the text of a part of the zip data.
func part(t testing.TB, data []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// excelizeBook is a workbook as excelize writes it: shared strings, inline
// strings (its stream writer and SetCellDefault), a rich text of runs,
// sparse cells and rows, numbers, truth values, formulas with and without
// a value, several sheets, one hidden.
func excelizeBook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Étapes"))
	must(f.SetSheetRow("Étapes", "A1", &[]any{"Étape", "Couloir", "Titre", "Note", "Fait"}))
	must(f.SetSheetRow("Étapes", "A2", &[]any{"Achat", " Magasin ", "Passage\nen caisse", 7.5, true}))
	must(f.SetSheetRow("Étapes", "A3", &[]any{"Achat", nil, "=pas une formule", -2, false}))
	must(f.SetCellStr("Étapes", "C6", "loin, après deux lignes vides"))
	must(f.SetCellInt("Étapes", "F6", 42))
	must(f.SetCellDefault("Étapes", "B7", "texte en ligne"))
	must(f.SetCellDefault("Étapes", "D7", "12.50"))
	must(f.SetCellFloat("Étapes", "A8", 3.14159, -1, 64))
	must(f.SetCellFormula("Étapes", "E8", "SUM(D2:D3)"))
	must(f.SetCellValue("Étapes", "B9", 1.0e21))
	must(f.SetCellStr("Étapes", "A10", "_x0041_ et \x01"))
	must(f.SetCellRichText("Étapes", "B10", []excelize.RichTextRun{{Text: "gras ", Font: &excelize.Font{Bold: true}}, {Text: "puis normal"}}))
	_, err := f.NewSheet("Vide")
	must(err)
	_, err = f.NewSheet("Notes & « avis »")
	must(err)
	must(f.SetCellStr("Notes & « avis »", "XFD1", "tout au bout"))
	must(f.SetCellStr("Notes & « avis »", "A3", "après un trou"))
	must(f.SetSheetVisible("Vide", false))
	sw, err := f.NewStreamWriter("Flux")
	if err != nil {
		_, err = f.NewSheet("Flux")
		must(err)
		sw, err = f.NewStreamWriter("Flux")
		must(err)
	}
	for i := 1; i <= 5; i++ {
		must(sw.SetRow(fmt.Sprintf("A%d", i*2), []any{fmt.Sprintf("ligne %d", i), i, float64(i) / 4, nil, "fin"}))
	}
	must(sw.Flush())
	var b bytes.Buffer
	must(f.Write(&b))
	return b.Bytes()
}

// TestWeReadWhatExcelizeWrites: every sheet of an excelize workbook reads
// as excelize's own GetRows with raw values reads it.
func TestWeReadWhatExcelizeWrites(t *testing.T) {
	data := excelizeBook(t)
	ours, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	theirs := excelizeRows(t, data)
	if !reflect.DeepEqual(ours, theirs) {
		t.Errorf("we read\n%s\nexcelize\n%s", short(ours), short(theirs))
	}
	// What the comparison covers, lest both go wrong alike.
	if len(ours) != 4 || ours[0].Name != "Étapes" || ours[1].Name != "Vide" || ours[3].Name != "Flux" || len(ours[1].Rows) != 0 {
		t.Fatalf("sheets %q", ours)
	}
	rows := ours[0].Rows
	for _, c := range []struct {
		row  int
		want []string
	}{
		{1, []string{"Achat", " Magasin ", "Passage\nen caisse", "7.5", "1"}},
		{2, []string{"Achat", "", "=pas une formule", "-2", "0"}},
		{3, nil},
		{5, []string{"", "", "loin, après deux lignes vides", "", "", "42"}},
		{6, []string{"", "texte en ligne", "", "12.50"}},
		{7, []string{"3.14159", "", "", "", ""}},
		{8, []string{"", "1000000000000000000000"}},
		{9, []string{"A et \uFFFD", "gras puis normal"}}, // excelize writes no control character
	} {
		if !reflect.DeepEqual(rows[c.row], c.want) {
			t.Errorf("row %d: %q, want %q", c.row+1, rows[c.row], c.want)
		}
	}
	if far := ours[2].Rows[0]; len(far) != maxColumns || far[maxColumns-1] != "tout au bout" {
		t.Errorf("XFD1: %d cells", len(far))
	}
}

// excelizeRows is what excelize reads in data, sheet by sheet.
func excelizeRows(t testing.TB, data []byte) []Sheet {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Sheet{Name: name, Rows: rows})
	}
	return out
}

// short is v printed with long texts cut, for messages.
func short(v any) string {
	s := fmt.Sprintf("%q", v)
	return regexp.MustCompile(`é{20,}`).ReplaceAllString(s, "é…")
}

// excelizeRowsIfRead is excelizeRows, ok false when excelize refuses the
// file.
func excelizeRowsIfRead(data []byte) (_ []Sheet, ok bool) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var out []Sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, false
		}
		out = append(out, Sheet{Name: name, Rows: rows})
	}
	return out, true
}
