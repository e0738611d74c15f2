package canvas

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"parcours/assets"
)

// PtToMM converts a font size in points to millimetres.
const PtToMM = 25.4 / 72

// Font measures text with the same TrueType file the screen and the PDF
// draw with, and knows which characters that file can show.
type Font struct {
	f    *sfnt.Font
	upem float64
	mu   sync.Mutex
	buf  sfnt.Buffer
	adv  map[rune]float64 // advance in em; -1 when the font lacks the glyph
	// Ascent and Descent are in em, for placing baselines.
	Ascent, Descent float64
	// Bold tells painters which face of theirs matches this one.
	Bold bool
}

var (
	fontsOnce     sync.Once
	regular, bold *Font
	errFonts      error
)

// Fonts returns the regular and bold faces shipped in assets.
func Fonts() (reg, b *Font) {
	fontsOnce.Do(func() {
		regular, errFonts = NewFont(assets.FontRegular)
		if errFonts == nil {
			bold, errFonts = NewFont(assets.FontBold)
		}
		if errFonts == nil {
			bold.Bold = true
		}
	})
	if errFonts != nil {
		// The fonts are compiled into the binary: failing here means the
		// build itself is broken, not the user's data.
		panic(fmt.Sprintf("canvas: shipped fonts unreadable: %v", errFonts))
	}
	return regular, bold
}

// NewFont parses a TrueType font.
func NewFont(ttf []byte) (*Font, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	ft := &Font{f: f, upem: float64(f.UnitsPerEm()), adv: map[rune]float64{}}
	m, err := f.Metrics(&ft.buf, fixed.I(int(f.UnitsPerEm())), font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("font metrics: %w", err)
	}
	ft.Ascent = float64(m.Ascent) / 64 / ft.upem
	ft.Descent = float64(m.Descent) / 64 / ft.upem
	return ft, nil
}

// advance returns the width of r in em, or -1 when the font has no glyph.
// Callers hold f.mu.
func (f *Font) advance(r rune) float64 {
	if a, ok := f.adv[r]; ok {
		return a
	}
	a := -1.0
	if idx, err := f.f.GlyphIndex(&f.buf, r); err == nil && idx != 0 {
		if adv, err := f.f.GlyphAdvance(&f.buf, idx, fixed.I(int(f.upem)), font.HintingNone); err == nil {
			a = float64(adv) / 64 / f.upem
		}
	}
	f.adv[r] = a
	return a
}

// Has reports whether the font can draw r.
func (f *Font) Has(r rune) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.advance(r) >= 0
}

// Width is the width of s in millimetres at size points. Characters the font
// lacks count as nothing: call Printable first.
func (f *Font) Width(s string, size float64) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	w := 0.0
	for _, r := range s {
		if a := f.advance(r); a > 0 {
			w += a
		}
	}
	return w * size * PtToMM
}

// invisible characters change how their neighbours look (emoji
// presentation, joining) but show nothing themselves: dropping them loses
// nothing a reader would see.
func invisible(r rune) bool {
	return r == 0xFE0E || r == 0xFE0F || r == 0x200D || r == 0x200B || r == 0xFEFF
}

// Printable returns s with every character the font cannot draw replaced by
// a visible stand-in such as [U+1F4E6], so that neither the screen nor the
// PDF drops it silently or shows an empty box. Control characters other
// than newlines become spaces.
func (f *Font) Printable(s string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || invisible(r) || (unicode.IsControl(r) && r != '\n') || (r != '\n' && f.advance(r) < 0) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case invisible(r):
		case r == '\n':
			b.WriteRune(r)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case r == utf8.RuneError || f.advance(r) < 0:
			fmt.Fprintf(&b, "[U+%04X]", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Ellipsis ends text that did not fit.
const Ellipsis = "…"

// Wrap breaks s into lines no wider than width mm at size points, breaking
// at spaces and, for words longer than a line, between characters. When
// more than maxLines lines would be needed, the last line ends with an
// ellipsis and cut is true. s must already be Printable.
func (f *Font) Wrap(s string, size, width float64, maxLines int) (lines []string, cut bool) {
	if maxLines <= 0 {
		return nil, s != ""
	}
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			try := w
			if line != "" {
				try = line + " " + w
			}
			if f.Width(try, size) <= width {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			// A word wider than the line is broken between characters.
			for f.Width(w, size) > width {
				n := f.fit(w, size, width)
				lines = append(lines, w[:n])
				w = w[n:]
			}
			line = w
		}
		lines = append(lines, line)
	}
	if len(lines) == 1 && lines[0] == "" {
		return nil, false
	}
	if len(lines) <= maxLines {
		return lines, false
	}
	lines = lines[:maxLines]
	last := strings.TrimRight(lines[maxLines-1], " ")
	for last != "" && f.Width(last+Ellipsis, size) > width {
		_, n := utf8.DecodeLastRuneInString(last)
		last = strings.TrimRight(last[:len(last)-n], " ")
	}
	lines[maxLines-1] = last + Ellipsis
	return lines, true
}

// fit is how many bytes of s fit in width; at least one character, so that
// wrapping always moves on.
func (f *Font) fit(s string, size, width float64) int {
	n := 0
	for i, r := range s {
		if i > 0 && f.Width(s[:i+utf8.RuneLen(r)], size) > width {
			return n
		}
		n = i + utf8.RuneLen(r)
	}
	return n
}
