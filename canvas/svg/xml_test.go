package svg

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"testing"

	"parcours/canvas"
)

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		want string
	}{
		{0, 3, "0"}, {12, 3, "12"}, {1.5, 3, "1.5"}, {0.25, 3, ".25"}, {-0.5, 3, "-.5"},
		{1189, 3, "1189"}, {2.0004, 3, "2"}, {2.0005, 3, "2.001"}, {-0.0004, 3, "0"},
		{123.456789, 3, "123.457"}, {0.1, 2, ".1"}, {-12.3, 3, "-12.3"},
		{math.NaN(), 3, "0"}, {math.Inf(1), 0, "1000000000"}, {math.Inf(-1), 0, "-1000000000"},
	} {
		if got := string(appendNum(nil, tc.v, tc.dec)); got != tc.want {
			t.Errorf("appendNum(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
	}
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0.2, ".2"}, {1.23456, "1.235"}, {0.123456, ".1235"}, {0.0123456, ".01235"},
		{0.00123456, ".001235"}, {0.0001234, ".000123"}, {841, "841"}, {0.01, ".01"},
	} {
		if got := string(appendSize(nil, tc.v)); got != tc.want {
			t.Errorf("appendSize(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestColors(t *testing.T) {
	for c, want := range map[canvas.RGB]string{
		{}: "#000", {R: 255, G: 255, B: 255}: "#fff", {R: 0x22, G: 0x22, B: 0x22}: "#222",
		{R: 0xd5, G: 0x5e, B: 0x00}: "#d55e00", {R: 0x11, G: 0x22, B: 0x34}: "#112234",
	} {
		if got := string(appendColor(nil, c)); got != want {
			t.Errorf("%v: %q, want %q", c, got, want)
		}
	}
}

// TestEscaped reads escaped strings back with encoding/xml, in content and
// in an attribute.
func TestEscaped(t *testing.T) {
	for in, want := range map[string]string{
		`a<b & c>d "q" 'x' ]]>`:             `a<b & c>d "q" 'x' ]]>`,
		"tab\tline\ncr\r.":                  "tab\tline\ncr\r.",
		"nul\x00 esc\x1b del\x7f c1\u0085.": "nul esc del c1.",
		"bad \xff\xfe utf-8 \xf0\x9f.":      "bad  utf-8 .",
		"nonchars \uFFFE\uFFFF ok \uFFFD":   "nonchars  ok \uFFFD",
		"« été » 📦 漢字 \U0010FFFD":           "« été » 📦 漢字 \U0010FFFD",
	} {
		doc := `<e a="` + string(appendEscaped(nil, in)) + `">` + string(appendEscaped(nil, in)) + `</e>`
		var e struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.NewDecoder(strings.NewReader(doc)).Decode(&e); err != nil {
			t.Errorf("%q: %v\n%s", in, err, doc)
			continue
		}
		if e.Text != want || e.A != want {
			t.Errorf("%q: read back %q and %q, want %q", in, e.Text, e.A, want)
		}
	}
}

// TestGroups checks that consecutive elements of one style share a <g>,
// that an element alone keeps its style, and that styles of strokes are
// classes of the style sheet.
func TestGroups(t *testing.T) {
	s := NewSurface()
	s.SetLineJoinStyle("round") // as the painter sets it; caps stay butt
	s.SetFillColor(255, 0, 0)
	s.Rect(1, 2, 3, 4, canvas.Fill)
	s.Rect(5, 6, 7, 8, canvas.Fill)
	s.SetFillColor(0, 0, 255)
	s.Circle(1, 1, 1, canvas.Fill)
	s.SetDrawColor(0, 255, 0)
	s.SetLineWidth(0.5)
	s.SetDashPattern([]float64{1, 0.5}, 0.25)
	s.SetLineCapStyle("butt")
	s.Line(0, 0, 10, 10)
	s.SetDashPattern(nil, 0)
	s.RoundedRectExt(0, 0, 10, 5, 1, 0, 2, 0, canvas.FillStroke)
	s.flushHeld()
	want := `<g fill="#f00">
<rect x="1" y="2" width="3" height="4"/>
<rect x="5" y="6" width="7" height="8"/>
</g>
<circle cx="1" cy="1" r="1" fill="#00f"/>
<path d="M0 0 10 10" class="a"/>
<path d="M1 0h9V3A2 2 0 0 1 8 5H0V1A1 1 0 0 1 1 0Z" class="b"/>
`
	if got := string(s.out); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	rules := `.a{fill:none;stroke:#0f0;stroke-width:.5px;stroke-linecap:butt;stroke-dasharray:1px,.5px;stroke-dashoffset:.25px}
.b{fill:#00f;stroke:#0f0;stroke-width:.5px;stroke-linecap:butt}
`
	if got := string(s.sheet.rules); got != rules {
		t.Errorf("style sheet\n%s\nwant\n%s", got, rules)
	}
}

func TestClassNames(t *testing.T) {
	for n, want := range map[int]string{0: "a", 25: "z", 26: "A", 51: "Z", 52: "ab", 53: "bb", 52 * 62: "aab"} {
		if got := className(n); got != want {
			t.Errorf("className(%d) = %q, want %q", n, got, want)
		}
	}
	// A full sheet writes the style as attributes.
	s := NewSurface()
	for i := range maxClasses {
		s.sheet.class([]byte(strconv.Itoa(i)))
	}
	s.SetDrawColor(0, 255, 0)
	s.Line(0, 0, 1, 1)
	s.flushHeld()
	if want := `<path d="M0 0 1 1" fill="none" stroke="#0f0" stroke-width=".2px" stroke-linecap="butt" stroke-linejoin="miter"/>` + "\n"; string(s.out) != want {
		t.Errorf("full sheet: %s, want %s", s.out, want)
	}
}

// TestTextLengthOutsideCards checks that a text carries the width the
// layout measured it at, in the font set, but not within a card's group
// (Origin), whose texts are written from its origin and inherit its style.
func TestTextLengthOutsideCards(t *testing.T) {
	s := NewSurface()
	s.SetTextColor(0x22, 0x22, 0x22)
	s.SetFont(canvas.FamilyBold, "", 10)
	s.Text(10, 20, "Étape")
	s.Origin(30.5, 40.25)
	s.Text(30.5, 40.25, "Carte n° 1")
	s.Text(30.5, 44.25, "suite")
	s.InvisibleText(33, 44.25, 10, '📦', 3.5)
	s.EndOrigin()
	s.flushHeld()
	_, bold := canvas.Fonts()
	w := string(appendNum(nil, bold.Width("Étape", 10), coordDecimals))
	want := `<text x="10" y="20" textLength="` + w + `" class="a">Étape</text>
<g transform="translate(30.5 40.25)" class="a"><text>Carte n° 1</text><text y="4">suite</text><text x="2.5" y="4" fill-opacity="0">📦</text></g>
`
	if got := string(s.out); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
