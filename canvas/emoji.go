package canvas

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"parcours/assets"
)

// The emoji users type in titles and quotes (📦 🚚 😀) are drawn from
// Noto Emoji's outlines, as paths, by every painter: the window's map, the
// PDF, the PNG and the SVG. The layout measures them with the same font
// (Font.advance falls back on it), so that they take on screen and on
// paper the room they were given. Only the characters that DejaVu lacks
// are taken from it: DejaVu's own symbols (✓ ☀ ★) keep their look.

var (
	emojiOnce sync.Once
	emojiFont *Font
)

// Emoji returns the emoji font shipped in assets, parsed at first use (a
// command that draws nothing does not pay for it).
func Emoji() *Font {
	emojiOnce.Do(func() {
		f, err := NewFont(assets.FontEmoji)
		if err != nil {
			// Compiled into the binary: failing here means the build is broken.
			panic(fmt.Sprintf("canvas: shipped emoji font unreadable: %v", err))
		}
		emojiFont = f
	})
	return emojiFont
}

// PathOp is one step of a glyph's outline.
type PathOp uint8

const (
	MoveTo PathOp = iota
	LineTo
	QuadTo  // P[0] is the control point, P[1] the end
	CubicTo // P[0], P[1] the control points, P[2] the end
	Close
)

// PathSeg is a step of an outline, in em from the glyph's origin on the
// baseline, y down.
type PathSeg struct {
	Op PathOp
	P  [3]Point
}

// Glyph is an emoji's drawing: its outline, filled with the non-zero
// winding rule, in em, its advance, and a box that holds it (its points'
// and control points' bounds).
type Glyph struct {
	Path    []PathSeg
	Advance float64
	Box     Rect
}

var (
	glyphMu sync.Mutex
	glyphs  = map[rune]*Glyph{}
)

// EmojiGlyph returns the outline of r in the emoji font, nil when the
// font lacks it. Outlines are read once and shared: callers must not
// change them.
func EmojiGlyph(r rune) *Glyph {
	e := Emoji()
	glyphMu.Lock()
	defer glyphMu.Unlock()
	if g, ok := glyphs[r]; ok {
		return g
	}
	g := e.outline(r)
	glyphs[r] = g
	return g
}

// outline reads r's outline, nil when the font has no glyph for it. The
// caller holds glyphMu; the font's buffer is guarded by its own lock.
func (f *Font) outline(r rune) *Glyph {
	f.mu.Lock()
	defer f.mu.Unlock()
	idx, err := f.f.GlyphIndex(&f.buf, r)
	if err != nil || idx == 0 {
		return nil
	}
	ppem := fixed.I(int(f.upem))
	segs, err := f.f.LoadGlyph(&f.buf, idx, ppem, nil)
	if err != nil {
		return nil
	}
	adv, err := f.f.GlyphAdvance(&f.buf, idx, ppem, font.HintingNone)
	if err != nil {
		return nil
	}
	em := func(p fixed.Point26_6) Point {
		return Point{X: float64(p.X) / 64 / f.upem, Y: float64(p.Y) / 64 / f.upem}
	}
	g := &Glyph{Advance: float64(adv) / 64 / f.upem, Path: make([]PathSeg, 0, len(segs)+8)}
	open := false
	for _, s := range segs {
		var ps PathSeg
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				g.Path = append(g.Path, PathSeg{Op: Close})
			}
			open = true
			ps = PathSeg{Op: MoveTo, P: [3]Point{em(s.Args[0])}}
		case sfnt.SegmentOpLineTo:
			ps = PathSeg{Op: LineTo, P: [3]Point{em(s.Args[0])}}
		case sfnt.SegmentOpQuadTo:
			ps = PathSeg{Op: QuadTo, P: [3]Point{em(s.Args[0]), em(s.Args[1])}}
		case sfnt.SegmentOpCubeTo:
			ps = PathSeg{Op: CubicTo, P: [3]Point{em(s.Args[0]), em(s.Args[1]), em(s.Args[2])}}
		}
		g.Path = append(g.Path, ps)
	}
	if open {
		g.Path = append(g.Path, PathSeg{Op: Close})
	}
	first := true
	var x0, y0, x1, y1 float64
	for _, sg := range g.Path {
		n := map[PathOp]int{MoveTo: 1, LineTo: 1, QuadTo: 2, CubicTo: 3}[sg.Op]
		for _, q := range sg.P[:n] {
			if first {
				x0, y0, x1, y1, first = q.X, q.Y, q.X, q.Y, false
			}
			x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
		}
	}
	g.Box = Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
	return g
}
