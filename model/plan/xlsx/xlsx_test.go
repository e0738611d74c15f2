package xlsx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
	"parcours/model/plan"
	"parcours/model/plan/xlsx"
)

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func TestWriteXLSX(t *testing.T) {
	for _, lang := range []string{msg.English, msg.French} {
		var b bytes.Buffer
		if err := xlsx.Write(&b, modeltest.TrickyPlanRows(), lang); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("PK\x03\x04")) {
			t.Fatalf("%s: not a zip", lang)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		sheet := "Action plan"
		if lang == msg.French {
			sheet = "Plan d'action"
		}
		if got := f.GetSheetList(); !slices.Equal(got, []string{sheet}) {
			t.Errorf("%s: sheets %q", lang, got)
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		// GetRows leaves out the empty cells at the end of a row.
		want := modeltest.TrickyPlanCells(lang)
		for i := range want {
			for len(want[i]) > 0 && want[i][len(want[i])-1] == "" {
				want[i] = want[i][:len(want[i])-1]
			}
		}
		if fmt.Sprintf("%q", rows) != fmt.Sprintf("%q", want) {
			t.Errorf("%s: cells\n got  %q\n want %q", lang, rows, want)
		}

		// Impact and effort are numbers; the rest text (a formula stays text).
		for _, cell := range []string{"D2", "E2", "D4"} {
			if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s: %s is of type %v, want a number", lang, cell, typ)
			}
		}
		if typ, _ := f.GetCellType(sheet, "B4"); typ != excelize.CellTypeSharedString {
			t.Errorf("%s: B4 is of type %v, want a string", lang, typ)
		}
		if formula, _ := f.GetCellFormula(sheet, "B4"); formula != "" {
			t.Errorf("%s: B4 is a formula %q", lang, formula)
		}
		// A bold header, a frozen first row, widths.
		style, _ := f.GetCellStyle(sheet, "B1")
		if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("%s: header is not bold", lang)
		}
		if s, _ := f.GetCellStyle(sheet, "B2"); s == style {
			t.Errorf("%s: rows have the header's style", lang)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
			t.Errorf("%s: panes %+v %v", lang, panes, err)
		}
		if w, _ := f.GetColWidth(sheet, "B"); w < 30 {
			t.Errorf("%s: title column %v wide", lang, w)
		}
		f.Close()
	}
}

// The XML itself: numbers without a string type, the pane frozen.
func TestXLSXParts(t *testing.T) {
	var b bytes.Buffer
	if err := xlsx.Write(&b, plan.Rows(modeltest.Reference(t).Journey("j-actuel")), msg.English); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		f, err := z.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		return string(data)
	}
	sheet := part("xl/worksheets/sheet1.xml")
	for _, want := range []string{`state="frozen"`, `ySplit="1"`, `<c r="D2" s="3"><v>4</v></c>`, `<dimension ref="A1:J4">`, `<autoFilter ref="$A$1:$J$4">`} {
		if !strings.Contains(sheet, want) {
			t.Errorf("sheet lacks %s:\n%s", want, sheet)
		}
	}
	if ss := part("xl/sharedStrings.xml"); !strings.Contains(ss, "<t>Suivi en temps réel via l&#39;API transporteur</t>") {
		t.Errorf("shared strings lack a title:\n%s", ss)
	}
}

func TestXLSXRefusesWhatACellCannotHold(t *testing.T) {
	rows := []plan.Row{{ID: "o-long", Title: strings.Repeat("📦", 16384), Kind: model.Repair, Impact: 1, Effort: 1, Status: model.Done}}
	err := xlsx.Write(io.Discard, rows, msg.English)
	if err == nil || !strings.Contains(err.Error(), "o-long") || !strings.Contains(err.Error(), "Title") {
		t.Errorf("error %v", err)
	}
	rows[0].Title = strings.Repeat("é", 32767)
	if err := xlsx.Write(io.Discard, rows, msg.English); err != nil {
		t.Errorf("a full cell: %v", err)
	}
}

func BenchmarkWriteXLSX1000(b *testing.B) {
	rows := make([]plan.Row, 1000)
	for i := range rows {
		rows[i] = plan.Row{ID: fmt.Sprintf("o-%d", i), Title: fmt.Sprintf("Opportunité n° %d « créneaux » 📦", i),
			Kind: model.Repair, Impact: i%5 + 1, Effort: i%3 + 1, Owner: "Équipe", Status: model.Planned,
			Touchpoints: []string{"Page de suivi", "Appel"}, Stages: []string{"Suivi"}}
	}
	for b.Loop() {
		if err := xlsx.Write(io.Discard, rows, msg.French); err != nil {
			b.Fatal(err)
		}
	}
}
