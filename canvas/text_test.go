package canvas

import (
	"strings"
	"testing"
)

// longWord is one unbroken word of n characters, mixing widths.
func longWord(n int) string { return strings.Repeat("Wéi", n/3) }

// A word far wider than the line is broken between characters, every line
// as full as it can be, and the lines give back the word.
func TestWrapBreaksALongWord(t *testing.T) {
	reg, _ := Fonts()
	w := longWord(3000)
	lines, cut := reg.Wrap(w, 10, 50, 1<<30)
	if cut {
		t.Fatal("cut with room for every line")
	}
	if got := strings.Join(lines, ""); got != w {
		t.Fatalf("lines do not give back the word (%d of %d bytes)", len(got), len(w))
	}
	for i, l := range lines {
		if reg.Width(l, 10) > 50 {
			t.Fatalf("line %d is %.2f mm wide, over 50", i, reg.Width(l, 10))
		}
		if i < len(lines)-1 {
			next := lines[i+1]
			r := []rune(next)[0]
			if reg.Width(l+string(r), 10) <= 50 {
				t.Fatalf("line %d could have held one more character", i)
			}
		}
	}
}

// Only what can be shown is measured: a long word in a card of three lines
// stops after the fourth.
func TestWrapLongWordCut(t *testing.T) {
	reg, _ := Fonts()
	lines, cut := reg.Wrap(longWord(400000), 10, 50, 3)
	if !cut || len(lines) != 3 || !strings.HasSuffix(lines[2], Ellipsis) {
		t.Fatalf("got %d lines, cut %v", len(lines), cut)
	}
}

// Wrapping one unbroken word of 400 000 characters on lines of 50 mm, every
// line kept (the appendix's case): linear in the word's length.
func BenchmarkWrapLongWord(b *testing.B) {
	reg, _ := Fonts()
	w := longWord(400000)
	for b.Loop() {
		reg.Wrap(w, 10, 50, 1<<30)
	}
}
