package workbook

import (
	"bytes"
	"testing"
)

// FuzzRead: no file makes Read panic, and what it reads keeps to the
// limits. The seeds (run by go test) are a file we write, one excelize
// writes, the skeleton and some of its spoilt versions; go test -fuzz
// mutates them.
func FuzzRead(f *testing.F) {
	var ours bytes.Buffer
	if err := Write(&ours, Table{Sheet: "S", Columns: []Column{{Header: "A", Wrap: true}, {Header: "B", Width: 9}},
		Rows: [][]any{{"un", 1}, {nil, 2.5}, {"_x0041_ &", nil}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(ours.Bytes())
	f.Add(excelizeBook(f))
	f.Add(book(f, nil))
	f.Add(book(f, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="3"><c r="C3" t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c></row><row r="2"><c t="s"><v>1</v></c></row>`)}))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		sheets, err := read(bytes.NewReader(data), small)
		if err != nil {
			return
		}
		n := 0
		for _, s := range sheets {
			n += len(s.Rows)
			for _, r := range s.Rows {
				n += len(r)
			}
		}
		if n > small.cells || len(sheets) > small.sheets {
			t.Errorf("%d cells and rows in %d sheets", n, len(sheets))
		}
	})
}

// FuzzReadSheet mutates a sheet and its shared strings inside a sound
// zip, where mutating the zip would mostly spoil its checksums; what we
// read is what excelize reads, when both read it.
func FuzzReadSheet(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>`, `<si><t>un</t></si>`)
	f.Add(`<row r="2"><c r="C2" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></is></c><c t="b"><v>1</v></c></row><row><c><f>SUM(A1)</f></c></row>`, `<si><t>_x0041__x005F_x0041_</t></si>`)
	f.Add(`<row r="5"><c r="E5" t="str"><v>x</v></c></row><row r="3"><c r="A3"><v>1</v></c><c r="A3"><v>2</v></c></row>`, `<si><r><t>a</t></r><rPh><t>b</t></rPh></si>`)
	f.Fuzz(func(t *testing.T, sheet, strs string) {
		data := book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(sheet), "xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + strs + "</sst>"})
		ours, err := read(bytes.NewReader(data), small)
		if err != nil {
			return
		}
		theirs, ok := excelizeRowsIfRead(data)
		if ok && short(ours) != short(theirs) {
			t.Errorf("we read\n%s\nexcelize\n%s", short(ours), short(theirs))
		}
	})
}
