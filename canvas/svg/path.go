package svg

import "math"

// pathData builds the d attribute of a path. Positions are rounded to
// the coordinates' decimals once, to whole units (thousandths of a
// millimetre), and each segment is written absolute or relative to the
// point before, whichever is shorter, a line along an axis as H or V,
// and a command letter only where it changes: the emotion curve of a
// thousand touchpoints, whose points are a millimetre apart, in half the
// bytes. The relative numbers are differences of whole units, so that no
// rounding adds up along a path: every point lands where its absolute
// coordinates would put it.
type pathData struct {
	d      []byte
	cx, cy int64 // the current point, in units
	sx, sy int64 // the start of the subpath
	last   byte  // the command a number may continue; 0 when a letter must come
	a, b   []byte
}

// unitsPerMM is the units of path coordinates in a millimetre.
var unitsPerMM = pow10[coordDecimals]

// units rounds a coordinate in mm to units, within what appendNum writes.
func units(v float64) int64 {
	if math.IsNaN(v) {
		return 0
	}
	return int64(math.Round(min(max(v, -maxNum), maxNum) * unitsPerMM))
}

// arcFlags stands for an arc's rotation and flags among its numbers: no
// rotation, the small arc, clockwise. (No coordinate is as small: units
// stops at -maxNum.)
const arcFlags = math.MinInt64

func (p *pathData) reset() { p.d, p.last = p.d[:0], 0 }

func (p *pathData) empty() bool { return len(p.d) == 0 }

// move starts a subpath at (x, y), mm.
func (p *pathData) move(x, y float64) {
	X, Y := units(x), units(y)
	if len(p.d) == 0 {
		p.d = p.appendSeg(p.d, 'M', X, Y)
		p.last = 'M'
	} else {
		p.choose('M', 'm', []int64{X, Y}, []int64{X - p.cx, Y - p.cy})
	}
	p.cx, p.cy, p.sx, p.sy = X, Y, X, Y
	// Numbers after a moveto are linetos of the same kind.
	switch p.last {
	case 'M':
		p.last = 'L'
	case 'm':
		p.last = 'l'
	}
}

// line draws a line to (x, y), mm.
func (p *pathData) line(x, y float64) {
	X, Y := units(x), units(y)
	switch {
	case Y == p.cy:
		p.choose('H', 'h', []int64{X}, []int64{X - p.cx})
	case X == p.cx:
		p.choose('V', 'v', []int64{Y}, []int64{Y - p.cy})
	default:
		p.choose('L', 'l', []int64{X, Y}, []int64{X - p.cx, Y - p.cy})
	}
	p.cx, p.cy = X, Y
}

// curve draws a cubic (C) or quadratic (Q) Bézier curve through control
// points to the last point of xy, pairs in mm.
func (p *pathData) curve(c byte, xy ...float64) {
	abs, rel := make([]int64, len(xy)), make([]int64, len(xy))
	for i, v := range xy {
		abs[i] = units(v)
		rel[i] = abs[i] - p.cx
		if i%2 == 1 {
			rel[i] = abs[i] - p.cy
		}
	}
	p.choose(c, c+'a'-'A', abs, rel)
	p.cx, p.cy = abs[len(abs)-2], abs[len(abs)-1]
}

// arc draws a clockwise arc of radius r, mm, to (x, y): a quarter circle
// of a rounded corner.
func (p *pathData) arc(r, x, y float64) {
	X, Y, R := units(x), units(y), units(r)
	// The radii, then the flags (no rotation, small arc, clockwise).
	p.choose('A', 'a', []int64{R, R, arcFlags, X, Y}, []int64{R, R, arcFlags, X - p.cx, Y - p.cy})
	p.cx, p.cy = X, Y
}

// close ends the subpath at its start.
func (p *pathData) close() {
	if len(p.d) == 0 {
		return
	}
	p.d = append(p.d, 'Z')
	p.cx, p.cy, p.last = p.sx, p.sy, 0
}

// choose appends the shorter of the absolute and relative forms.
func (p *pathData) choose(absCmd, relCmd byte, abs, rel []int64) {
	p.a = p.appendSeg(p.a[:0], absCmd, abs...)
	p.b = p.appendSeg(p.b[:0], relCmd, rel...)
	if len(p.b) < len(p.a) {
		p.d = append(p.d, p.b...)
		p.last = relCmd
	} else {
		p.d = append(p.d, p.a...)
		p.last = absCmd
	}
}

// lastHasPoint tells whether the number that b (after p.d) ends with has a
// decimal point.
func (p *pathData) lastHasPoint(b []byte) bool {
	for _, buf := range [2][]byte{b, p.d} {
		for i := len(buf) - 1; i >= 0; i-- {
			switch c := buf[i]; {
			case c == '.':
				return true
			case c < '0' || c > '9':
				return false
			}
		}
	}
	return false
}

// appendSeg appends the command c with its numbers, in units, after what
// p.d ends with: the letter left out when c repeats the last command.
func (p *pathData) appendSeg(b []byte, c byte, nums ...int64) []byte {
	if c != p.last || len(p.d) == 0 {
		b = append(b, c)
	}
	for _, n := range nums {
		prev := byte(0)
		if len(b) > 0 {
			prev = b[len(b)-1]
		} else if len(p.d) > 0 {
			prev = p.d[len(p.d)-1]
		}
		if n == arcFlags {
			b = append(b, " 0 0 1"...)
			continue
		}
		// A space between two numbers, but before a minus sign, and
		// before a number that starts with its point after one that has
		// one (".5.25" is .5 and .25).
		if isNumEnd(prev) && n >= 0 && !(n > 0 && n < int64(unitsPerMM) && p.lastHasPoint(b)) {
			b = append(b, ' ')
		}
		b = appendNum(b, float64(n)/unitsPerMM, coordDecimals)
	}
	return b
}
