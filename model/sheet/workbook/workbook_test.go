package workbook

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestWriteRead: texts stay texts (a formula too), numbers are numbers,
// nil is an empty cell, and Read gives the cells back by sheet.
func TestWriteRead(t *testing.T) {
	tab := Table{Sheet: "Carte", Columns: []Column{{Header: "Titre", Width: 30, Wrap: true}, {Header: "Émotion"}, {Header: "Note"}},
		Rows: [][]any{{"=SUM(1,2)", -2, 6.5}, {"Deux\nlignes", 0, nil}}}
	var b bytes.Buffer
	if err := Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	sheets, err := Read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sheet{{Name: "Carte", Rows: [][]string{{"Titre", "Émotion", "Note"}, {"=SUM(1,2)", "-2", "6.5"}, {"Deux\nlignes", "0"}}}}
	if !reflect.DeepEqual(sheets, want) {
		t.Errorf("read back %q, want %q", sheets, want)
	}
	if _, err := Read(strings.NewReader("PK not really")); err == nil {
		t.Error("a broken file was read")
	}
}

func TestTooLong(t *testing.T) {
	tab := Table{Sheet: "S", Columns: []Column{{Header: "A"}, {Header: "B"}},
		Rows: [][]any{{"ok", "ok"}, {"ok", strings.Repeat("é", MaxCell+1)}}}
	err := Write(&bytes.Buffer{}, tab)
	var long *TooLongError
	if !errors.As(err, &long) || long.Row != 1 || long.Column != 1 || long.Size != MaxCell+1 {
		t.Errorf("error %v", err)
	}
}
