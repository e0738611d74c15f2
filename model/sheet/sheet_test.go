package sheet

import (
	"bytes"
	"testing"

	"parcours/model/msg"
)

func TestNeutralize(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"=SUM(A1:A2)", "'=SUM(A1:A2)"},
		{"+33 6 12", "'+33 6 12"},
		{"-20 % sur la livraison", "'-20 % sur la livraison"},
		{"@cmd", "'@cmd"},
		{"\tindent", "'\tindent"},
		{"\rx", "'\rx"},
		{"'=already", "''=already"}, // so that Restore gives it back
		{"l'=x", "l'=x"},
		{"plain", "plain"},
		{"", ""},
		{"'", "'"},
		{"'quoted'", "'quoted'"},
		{" =space first", " =space first"},
	} {
		if got := Neutralize(c.in); got != c.out {
			t.Errorf("Neutralize(%q) = %q, want %q", c.in, got, c.out)
		}
		if back := Restore(Neutralize(c.in)); back != c.in {
			t.Errorf("Restore(Neutralize(%q)) = %q", c.in, back)
		}
	}
	// A text a person typed with an apostrophe before a formula sign, as
	// Excel lets one do, reads as the text after it.
	if got := Restore("'=typed"); got != "=typed" {
		t.Errorf("Restore('=typed) = %q", got)
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, []string{"a", "b"}, [][]string{{"x;y", "1,5"}, {" z", "q\"\nr"}}, msg.French); err != nil {
		t.Fatal(err)
	}
	if want := "\ufeffa;b\r\n\"x;y\";1,5\r\n\" z\";\"q\"\"\r\nr\"\r\n"; b.String() != want {
		t.Errorf("French:\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	if err := WriteCSV(&b, []string{"a", "b"}, [][]string{{"x;y", "1,5"}}, msg.English); err != nil {
		t.Fatal(err)
	}
	if want := "a,b\r\nx;y,\"1,5\"\r\n"; b.String() != want {
		t.Errorf("English:\n%q\nwant\n%q", b.String(), want)
	}
}

func TestSeparator(t *testing.T) {
	accept := func(h []string) string {
		if len(h) >= 2 {
			return ""
		}
		return "one column"
	}
	for in, want := range map[string]rune{"a;b\n1;2\n": ';', "a\tb\n": '\t', "a,b\n": ',', "a;b,c\n": ';'} {
		if got, p := Separator([]byte(in), accept); got != want || p != "" {
			t.Errorf("%q: %q %q, want %q", in, got, p, want)
		}
	}
	if _, p := Separator([]byte("abc\n"), accept); p != "one column" {
		t.Errorf("no separator: problem %q", p)
	}
}

func TestPlainNumber(t *testing.T) {
	for s, want := range map[string]float64{"7": 7, "6,5": 6.5, "6.5": 6.5, "-1": -1, "10": 10} {
		if v, ok := PlainNumber(s); !ok || v != want {
			t.Errorf("%q: %v %v", s, v, ok)
		}
	}
	for _, s := range []string{"+5", ".5", "6,", "1e1", "0x5", "NaN", "Inf", "1 000", "1.000,5", ""} {
		if _, ok := PlainNumber(s); ok {
			t.Errorf("%q read as a number", s)
		}
	}
	if FormatNumber(6.5, msg.French) != "6,5" || FormatNumber(6.5, msg.English) != "6.5" || FormatNumber(7, msg.French) != "7" {
		t.Error("FormatNumber")
	}
}
