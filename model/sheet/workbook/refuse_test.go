package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"parcours/model/msg"
)

// book is a zip of the given parts; a part "-name" is left out of the
// usual skeleton (a workbook of one sheet S, with shared strings).
func book(t testing.TB, parts map[string]string) []byte {
	all := map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/sharedStrings.xml":     `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>un</t></si><si><t>deux</t></si></sst>`,
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>`),
	}
	for name, text := range parts {
		if strings.HasPrefix(name, "-") {
			delete(all, name[1:])
		} else {
			all[name] = text
		}
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, text := range all {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sheetXML(data string) string {
	return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + data + `</sheetData></worksheet>`
}

// small are limits a test reaches quickly.
var small = limits{unpacked: 1 << 20, cells: 100, strings: 10, sheets: 3, parts: 10}

// TestReadSkeleton: the skeleton the refusals below spoil is read.
func TestReadSkeleton(t *testing.T) {
	sheets, err := read(bytes.NewReader(book(t, nil)), small)
	if err != nil || fmt.Sprintf("%q", sheets) != `[{"S" [["un" "2"]]}]` {
		t.Errorf("%q %v", sheets, err)
	}
}

// TestReadRefuses: what is not a workbook, is damaged, or exceeds the
// limits is refused in plain words, in English and in French.
func TestReadRefuses(t *testing.T) {
	deep := strings.Repeat("<x>", maxDepth) + strings.Repeat("</x>", maxDepth)
	bomb := sheetXML(strings.Repeat("<x/>", 300<<10))
	stored := book(t, nil)
	// A byte of the stored sheet changed: its checksum no longer holds.
	var crc bytes.Buffer
	z := zip.NewWriter(&crc)
	w, _ := z.CreateHeader(&zip.FileHeader{Name: "xl/workbook.xml", Method: zip.Store})
	w.Write([]byte(`<workbook><sheets/></workbook>`))
	z.Close()
	damaged := bytes.Replace(crc.Bytes(), []byte("<sheets/>"), []byte("<sheetz/>"), 1)
	many := func(n int, format string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i+1)
		}
		return b.String()
	}
	for _, c := range []struct {
		name     string
		data     []byte
		en, fr   string
		lim      *limits
		language string
	}{
		{name: "not a zip", data: []byte("Étape;Couloir\nA;B\n"), en: "the file is not a zip archive, as an .xlsx file is",
			fr: "le fichier n'est pas une archive zip, comme l'est un fichier .xlsx"},
		{name: "compound file", data: append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...),
			en: "the file is an old Excel workbook (.xls) or one protected by a password: save it as .xlsx without a password"},
		{name: "no workbook part", data: book(t, map[string]string{"-xl/workbook.xml": ""}), en: "its part xl/workbook.xml is missing",
			fr: "sa partie xl/workbook.xml manque"},
		{name: "no sheet part", data: book(t, map[string]string{"-xl/worksheets/sheet1.xml": ""}), en: "its part xl/worksheets/sheet1.xml is missing"},
		{name: "no relationship", data: book(t, map[string]string{"-xl/_rels/workbook.xml.rels": ""}), en: "the part of sheet S is missing",
			fr: "la partie de la feuille S manque"},
		{name: "no such text", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row><c t="s"><v>0</v></c><c t="s"><v>7</v></c></row>`)}),
			en: `sheet S, cell B1: text number "7" is not in the workbook`, fr: `feuille S, cellule B1 : le texte numéro "7" n'est pas dans le classeur`},
		{name: "no text table", data: book(t, map[string]string{"-xl/sharedStrings.xml": ""}), en: `sheet S, cell A1: text number "0" is not in the workbook`},
		{name: "column beyond XFD", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="XFE1"><v>1</v></c></row>`)}),
			en: `sheet S: "XFE1" is not a cell of a sheet (A1 to XFD1048576)`, fr: `feuille S : "XFE1" n'est pas une cellule de feuille (de A1 à XFD1048576)`},
		{name: "cell below the last row", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1048577"><v>1</v></c></row>`)}),
			en: `sheet S: "A1048577" is not a cell of a sheet (A1 to XFD1048576)`},
		{name: "not a reference", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="1A"><v>1</v></c></row>`)}),
			en: `sheet S: "1A" is not a cell of a sheet (A1 to XFD1048576)`},
		{name: "row beyond the last", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1048577"><c><v>1</v></c></row>`)}),
			en: `sheet S: row "1048577" is not a row of a sheet (1 to 1048576)`},
		{name: "row 0", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="0"></row>`)}),
			en: `sheet S: row "0" is not a row of a sheet (1 to 1048576)`},
		{name: "row not a number", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="un"></row>`)}),
			en: `sheet S: row "un" is not a row of a sheet (1 to 1048576)`},
		{name: "nesting", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(deep)}),
			en: "its part xl/worksheets/sheet1.xml nests elements more than 100 deep", fr: "sa partie xl/worksheets/sheet1.xml imbrique des éléments sur plus de 100 niveaux"},
		{name: "entity", data: book(t, map[string]string{"xl/sharedStrings.xml": `<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
			"\n" + `<sst><si><t>&b;</t></si></sst>`}), en: "its part xl/sharedStrings.xml is not well-formed XML (line 2)"},
		{name: "external entity", data: book(t, map[string]string{"xl/sharedStrings.xml": `<!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]><sst><si><t>&e;</t></si></sst>`}),
			en: "its part xl/sharedStrings.xml is not well-formed XML (line 1)"},
		{name: "unclosed", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": "<worksheet>\n<sheetData>\n<row>"}),
			en: "its part xl/worksheets/sheet1.xml is not well-formed XML (line 3)", fr: "sa partie xl/worksheets/sheet1.xml n'est pas du XML bien formé (ligne 3)"},
		{name: "end tags crossed", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": "<worksheet>\n<sheetData><row></sheetData></row></worksheet>"}),
			en: "its part xl/worksheets/sheet1.xml is not well-formed XML (line 2)"},
		{name: "end tag of another prefix", data: book(t, map[string]string{"xl/workbook.xml": "<x:workbook xmlns:x=\"a\" xmlns:y=\"a\"></y:workbook>"}),
			en: "its part xl/workbook.xml is not well-formed XML (line 1)"},
		{name: "checksum", data: damaged, en: "its part xl/workbook.xml is damaged", fr: "sa partie xl/workbook.xml est abîmée"},
		{name: "bomb", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": bomb}), en: "it holds more than 1 MB once unpacked",
			fr: "il dépasse 1 Mo une fois décompressé"},
		{name: "one long text", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>` +
			strings.Repeat("&amp;", maxRun/5+1) + `</t></is></c></row>`)}), lim: &limits{unpacked: 4 << 20, cells: 100, strings: 10, sheets: 3, parts: 10},
			en: "its part xl/worksheets/sheet1.xml holds more than 1 MB in one piece, without markup, more than any cell holds",
			fr: "sa partie xl/worksheets/sheet1.xml contient plus de 1 Mo d'un seul tenant, sans balise, plus qu'aucune cellule n'en contient"},
		{name: "file too big", data: append(stored, make([]byte, 1<<20)...), en: "it holds more than 1 MB once unpacked"},
		{name: "cells", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(many(30, `<row r="%d"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>`))}),
			en: "it holds more than 100 cells", fr: "il contient plus de 100 cellules"},
		{name: "cells far apart", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="CV1"><v>1</v></c></row>`)}),
			en: "it holds more than 100 cells"},
		{name: "rows far apart", data: book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1048576"><c><v>1</v></c></row>`)}),
			en: "it holds more than 100 cells"},
		{name: "texts", data: book(t, map[string]string{"xl/sharedStrings.xml": "<sst>" + many(11, "<si><t>%d</t></si>") + "</sst>"}),
			en: "it holds more than 10 texts", fr: "il contient plus de 10 textes"},
		{name: "parts", data: book(t, map[string]string{"a": "", "b": "", "c": "", "d": "", "e": ""}),
			en: "its zip archive holds more than 10 files", fr: "son archive zip contient plus de 10 fichiers"},
		{name: "sheets", data: book(t, map[string]string{"xl/workbook.xml": "<workbook><sheets>" + many(4, `<sheet name="%d"/>`) + "</sheets></workbook>"}),
			en: "it holds more than 3 sheets", fr: "il contient plus de 3 feuilles"},
	} {
		for _, lang := range []string{msg.English, msg.French} {
			want := c.en
			if lang == msg.French {
				if c.fr == "" {
					continue
				}
				want = c.fr
			}
			msg.SetLanguage(lang)
			lim := small
			if c.lim != nil {
				lim = *c.lim
			}
			sheets, err := read(bytes.NewReader(c.data), lim)
			if err == nil || err.Error() != want {
				t.Errorf("%s (%s): %q, %v\nwant %s", c.name, lang, sheets, err, want)
			}
		}
	}
	msg.SetLanguage(msg.English)
}

// TestReadKeepsToTheLimits: right at the limits, a workbook is read.
func TestReadKeepsToTheLimits(t *testing.T) {
	var rows strings.Builder
	for i := range 10 {
		fmt.Fprintf(&rows, `<row r="%d"><c r="I%d"><v>1</v></c></row>`, i+1, i+1)
	}
	sheets, err := read(bytes.NewReader(book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(rows.String()),
		"xl/sharedStrings.xml": "<sst>" + strings.Repeat("<si><t>x</t></si>", 10) + "</sst>"})), small)
	if err != nil || len(sheets[0].Rows) != 10 || len(sheets[0].Rows[9]) != 9 {
		t.Errorf("%q %v", sheets, err)
	}
}
