package canvas

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"parcours/assets"
	"parcours/model/msg"
)

// PtToMM converts a font size in points to millimetres.
const PtToMM = 25.4 / 72

// Font measures text with the same TrueType file the screen and the PDF
// draw with, and knows which characters that file can show.
type Font struct {
	f    *sfnt.Font
	upem float64
	mu   sync.Mutex // guards buf, and the making of adv's pages
	buf  sfnt.Buffer
	// adv caches each character's advance in em, -1 when the font lacks
	// the glyph, by pages of 256 characters: read without a lock, as
	// measuring text is most of laying it out.
	adv [(unicode.MaxRune + 1) >> 8]atomic.Pointer[advances]
	// ascii holds the advances of the ASCII characters, read at once.
	ascii [utf8.RuneSelf]float64
	// Ascent and Descent are in em, for placing baselines.
	Ascent, Descent float64
	// Bold tells painters which face of theirs matches this one.
	Bold bool
	// emoji draws the characters the font lacks, when it has them.
	emoji *Font
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
			regular.emoji, bold.emoji = Emoji(), Emoji()
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
	ft := &Font{f: f, upem: float64(f.UnitsPerEm())}
	m, err := f.Metrics(&ft.buf, fixed.I(int(f.UnitsPerEm())), font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("font metrics: %w", err)
	}
	ft.Ascent = float64(m.Ascent) / 64 / ft.upem
	ft.Descent = float64(m.Descent) / 64 / ft.upem
	for r := range ft.ascii {
		ft.ascii[r] = ft.lookup(rune(r))
	}
	return ft, nil
}

// advances are the advances of 256 consecutive characters, as the bits of
// float64 values; 0 stands for not looked up yet, so a zero advance is
// kept as -0 (which compares and adds as 0).
type advances [256]atomic.Uint64

// advance returns the width of r in em, or -1 when neither the font nor
// the emoji font (Emoji) has a glyph for it.
func (f *Font) advance(r rune) float64 {
	if r >= 0 && r < utf8.RuneSelf {
		return f.ascii[r]
	}
	a := f.own(r)
	if a < 0 && f.emoji != nil {
		return f.emoji.own(r)
	}
	return a
}

// own returns the width of r in em in the font's own glyphs, or -1.
func (f *Font) own(r rune) float64 {
	if r >= 0 && r < utf8.RuneSelf {
		return f.ascii[r]
	}
	if r >= 0 && r <= unicode.MaxRune {
		if page := f.adv[r>>8].Load(); page != nil {
			if v := page[r&0xFF].Load(); v != 0 {
				return math.Float64frombits(v)
			}
		}
	}
	return f.lookup(r)
}

// IsEmoji reports whether r is drawn from the emoji font: the font lacks
// it and the emoji font has it (see Emoji).
func (f *Font) IsEmoji(r rune) bool {
	return r >= utf8.RuneSelf && f.emoji != nil && f.own(r) < 0 && f.emoji.own(r) >= 0
}

// lookup reads r's advance in the font and caches it.
func (f *Font) lookup(r rune) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	a := -1.0
	if idx, err := f.f.GlyphIndex(&f.buf, r); err == nil && idx != 0 {
		if adv, err := f.f.GlyphAdvance(&f.buf, idx, fixed.I(int(f.upem)), font.HintingNone); err == nil {
			a = float64(adv) / 64 / f.upem
		}
	}
	if r < 0 || r > unicode.MaxRune {
		return a
	}
	page := f.adv[r>>8].Load()
	if page == nil {
		page = new(advances)
		f.adv[r>>8].Store(page)
	}
	v := math.Float64bits(a)
	if v == 0 {
		v = math.Float64bits(math.Copysign(0, -1))
	}
	page[r&0xFF].Store(v)
	return a
}

// Has reports whether the font can draw r.
func (f *Font) Has(r rune) bool {
	return f.advance(r) >= 0
}

// Width is the width of s in millimetres at size points. Characters the font
// lacks count as nothing: call Printable first.
func (f *Font) Width(s string, size float64) float64 {
	return f.em(0, s) * size * PtToMM
}

// em adds the advances of s to w, in em, one character after the other:
// Width(a+b) is em(em(0, a), b) scaled, to the last bit.
func (f *Font) em(w float64, s string) float64 {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		if a := f.advance(r); a > 0 {
			w += a
		}
	}
	return w
}

// invisible characters change how their neighbours look (emoji
// presentation, joining) but show nothing themselves: dropping them loses
// nothing a reader would see.
func invisible(r rune) bool {
	return r == 0xFE0E || r == 0xFE0F || r == 0x200D || r == 0x200B || r == 0xFEFF
}

// Printable returns s with every character that neither the font nor the
// emoji font can draw replaced by a visible stand-in such as [U+E000], so
// that neither the screen nor the PDF drops it silently or shows an empty
// box. Control characters other than newlines become spaces.
func (f *Font) Printable(s string) string {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c != '\n' && (c < 0x20 || c == 0x7F || f.advance(rune(c)) < 0) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || invisible(r) || unicode.IsControl(r) || f.advance(r) < 0 {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case invisible(r):
		case r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case r == utf8.RuneError || f.advance(r) < 0:
			standIn(&b, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// standIn writes the stand-in of r: [U+1F4E6], at least four hexadecimal
// digits.
func standIn(b *strings.Builder, r rune) {
	const hex = "0123456789ABCDEF"
	var d [8]byte
	k := len(d)
	for v := uint32(r); v != 0 || k > len(d)-4; v >>= 4 {
		k--
		d[k] = hex[v&0xF]
	}
	b.WriteString("[U+")
	b.Write(d[k:])
	b.WriteByte(']')
}

// Ellipsis ends text that did not fit.
const Ellipsis = "…"

// Wrap breaks s into lines no wider than width mm at size points, breaking
// at spaces and, for words longer than a line, between characters. When
// more than maxLines lines would be needed, the last line ends with an
// ellipsis and cut is true; the first line is indent mm narrower, to leave
// room at its left (for a card's number). s must already be Printable.
// Wrap and WrapIndent (in wrapmemo.go) remember the answers of wrap.
func (f *Font) wrap(s string, size, width, indent float64, maxLines int) (lines []string, cut bool) {
	if maxLines <= 0 {
		return nil, s != ""
	}
	full := width
	room := func() float64 {
		if len(lines) == 0 {
			return full - indent
		}
		return full
	}
	// Once more lines than maxLines are made, the rest cannot show: long
	// texts (a stage's hundred quotes) cost what is shown.
paragraphs:
	for _, para := range strings.Split(s, "\n") {
		if len(lines) > maxLines {
			break
		}
		words := strings.Fields(para)
		line := ""
		// The advances of line added up, so that each word measures the
		// line it would make without measuring the line again: the sum is
		// made in the same order as Width's, to the same last bit.
		lineEm := 0.0
		for _, w := range words {
			tryEm := f.em(0, w)
			if line != "" {
				tryEm = f.em(f.em(lineEm, " "), w)
			}
			if tryEm*size*PtToMM <= room() {
				if line != "" {
					line = line + " " + w
				} else {
					line = w
				}
				lineEm = tryEm
				continue
			}
			if line != "" {
				lines = append(lines, line)
			} else if len(lines) == 0 && indent > 0 && f.Width(w, size) <= full {
				// A word that only the indent keeps off the first line
				// starts the next one whole.
				lines = append(lines, "")
			}
			// A word wider than the line is broken between characters,
			// each piece measured once (linear in the word's length), and
			// no further than the lines that can show.
			for {
				n, em := f.fit(w, size, room())
				if n == len(w) {
					line, lineEm = w, em
					break
				}
				lines = append(lines, w[:n])
				w = w[n:]
				if len(lines) > maxLines {
					break paragraphs
				}
			}
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
	width = full
	if maxLines == 1 {
		width -= indent
	}
	for last != "" && f.Width(last+Ellipsis, size) > width {
		_, n := utf8.DecodeLastRuneInString(last)
		last = strings.TrimRight(last[:len(last)-n], " ")
	}
	lines[maxLines-1] = last + Ellipsis
	return lines, true
}

// fit is how many bytes of s fit in width, and their advances in em (added
// in Width's order, to the same last bit); at least one character, so that
// wrapping always moves on.
func (f *Font) fit(s string, size, width float64) (int, float64) {
	n, em := 0, 0.0
	for n < len(s) {
		r, k := utf8.DecodeRuneInString(s[n:])
		next := em
		if a := f.advance(r); a > 0 {
			next += a
		}
		if n > 0 && next*size*PtToMM > width {
			break
		}
		n, em = n+k, next
	}
	return n, em
}

// Quoted puts a customer's words between the language's quotation marks
// («  » in French, “ ” in English), once: marks the text already has
// around it are taken off first.
func Quoted(q string) string {
	q = strings.TrimSpace(q)
	for _, pair := range [][2]string{{"«", "»"}, {"“", "”"}, {"\"", "\""}, {"‘", "’"}} {
		if inner, ok := strings.CutPrefix(q, pair[0]); ok {
			if inner, ok := strings.CutSuffix(inner, pair[1]); ok {
				q = strings.TrimSpace(inner)
				break
			}
		}
	}
	return msg.T("print.quote", q)
}
