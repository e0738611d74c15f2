package svg

import (
	"math"
	"strconv"
	"unicode/utf8"

	"parcours/canvas"
)

var pow10 = [...]float64{1, 10, 100, 1000, 1e4, 1e5, 1e6}

// maxNum bounds the numbers written, in millimetres: far beyond any paper
// (MaxPaperSide), and within what every renderer reads.
const maxNum = 1e9

// appendNum appends v with at most decimals decimals (0…6), no trailing
// zeros and no leading zero: 12, 1.5, .25, -.5. NaN is written as 0.
func appendNum(b []byte, v float64, decimals int) []byte {
	if math.IsNaN(v) {
		v = 0
	}
	v = min(max(v, -maxNum), maxNum)
	p := pow10[decimals]
	n := int64(math.Round(v * p))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	ip, fp := n/int64(p), n%int64(p)
	if ip != 0 || fp == 0 {
		b = strconv.AppendInt(b, ip, 10)
	}
	if fp == 0 {
		return b
	}
	b = append(b, '.')
	for d := int64(p) / 10; d > 0 && fp > 0; d /= 10 {
		b = append(b, byte('0'+fp/d))
		fp %= d
	}
	return b
}

// roundNum is v as appendNum writes it with decimals.
func roundNum(v float64, decimals int) float64 {
	v = min(max(v, -maxNum), maxNum)
	if math.IsNaN(v) {
		return 0
	}
	return math.Round(v*pow10[decimals]) / pow10[decimals]
}

// appendSize appends a length that is no coordinate — a line width, a
// font size, a dash — to four significant digits, down to a millionth.
func appendSize(b []byte, v float64) []byte {
	a, d := math.Abs(v), 3
	for ; d < 6 && a < 1/pow10[d-3]; d++ {
	}
	return appendNum(b, v, d)
}

// isNumEnd tells whether c may end a number.
func isNumEnd(c byte) bool { return c >= '0' && c <= '9' || c == '.' }

// appendColor appends c as #rgb when it can, else #rrggbb.
func appendColor(b []byte, c canvas.RGB) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '#')
	if c.R>>4 == c.R&15 && c.G>>4 == c.G&15 && c.B>>4 == c.B&15 {
		return append(b, hex[c.R&15], hex[c.G&15], hex[c.B&15])
	}
	return append(b, hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15])
}

// appendEscaped appends s as XML character data, fit for an element's
// content or a double-quoted attribute: the markup characters as entities,
// tabs and line breaks as character references (so that a parser gives
// them back as they were), and the characters XML 1.0 does not allow —
// the other C0 controls, U+FFFE, U+FFFF, bytes that are not UTF-8 — left
// out, with DEL and the C1 controls, which it only tolerates and which no
// font draws.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&quot;"...)
			case c == '\t':
				b = append(b, "&#9;"...)
			case c == '\n':
				b = append(b, "&#10;"...)
			case c == '\r':
				b = append(b, "&#13;"...)
			case c < 0x20 || c == 0x7F:
				// not allowed (or no character at all): dropped
			default:
				b = append(b, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || r == 0xFFFE || r == 0xFFFF || (r >= 0x80 && r <= 0x9F) {
			i += n
			continue
		}
		b = append(b, s[i:i+n]...)
		i += n
	}
	return b
}
