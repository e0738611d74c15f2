package svg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestPathForms(t *testing.T) {
	for _, tc := range []struct {
		draw func(p *pathData)
		want string
	}{
		{func(p *pathData) { p.move(1, 2); p.line(3, 4) }, "M1 2 3 4"},
		{func(p *pathData) { p.move(100.5, 200.25); p.line(101, 200.25); p.line(101, 199) }, "M100.5 200.25h.5V199"},
		{func(p *pathData) { p.move(500, 400); p.line(500.1, 400.2); p.line(500.2, 400.3) }, "M500 400l.1.2.1.1"},
		{func(p *pathData) { p.move(0, 0); p.line(1, 1); p.close(); p.move(5, 5); p.line(6, 7) }, "M0 0 1 1ZM5 5 6 7"},
		{func(p *pathData) { p.move(300, 300); p.curve('C', 300.5, 300, 300.5, 301, 301, 301) }, "M300 300c.5 0 .5 1 1 1"},
		{func(p *pathData) { p.move(-1, -2); p.line(-3, -2) }, "M-1-2H-3"},
		{func(p *pathData) { p.move(10, 10); p.line(10.5, 11); p.line(11, 11.5) }, "M10 10l.5 1 .5.5"},
		{func(p *pathData) { p.move(10, 10); p.line(10.5, 10.5); p.line(10.5, 11) }, "M10 10l.5.5V11"},
	} {
		var p pathData
		tc.draw(&p)
		if got := string(p.d); got != tc.want {
			t.Errorf("path %q, want %q", got, tc.want)
		}
	}
}

// TestPathLandsExactly draws random paths of lines and curves, near and
// far apart, and reads their d back: every point is where its absolute
// coordinates, rounded, put it, however many relative steps led there.
func TestPathLandsExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	coord := func(at float64) float64 {
		if r.IntN(4) == 0 {
			return r.Float64()*2400 - 1200
		}
		return at + r.NormFloat64()*r.Float64()*3
	}
	for range 200 {
		var p pathData
		var want [][2]float64
		x, y := coord(0), coord(0)
		p.move(x, y)
		want = append(want, [2]float64{x, y})
		for range 50 {
			switch r.IntN(5) {
			case 0:
				x = coord(x)
			case 1:
				y = coord(y)
			case 2:
				x, y = coord(x), coord(y)
			case 3:
				p.curve('C', coord(x), coord(y), coord(x), coord(y), coord(x), coord(y))
				x, y = p.lastPoint()
				want = append(want, [2]float64{x, y})
				continue
			case 4:
				p.close()
				x, y = want[0][0], want[0][1]
				want = append(want, [2]float64{x, y})
				x, y = coord(x), coord(y)
				p.move(x, y)
				want = append(want, [2]float64{x, y})
				want = want[len(want)-1:]
				continue
			}
			p.line(x, y)
			want = append(want, [2]float64{x, y})
		}
		got, err := endPoints(string(p.d))
		if err != nil {
			t.Fatalf("%v in %s", err, p.d)
		}
		got = got[len(got)-len(want):]
		for i := range want {
			for k := range 2 {
				if w := math.Round(want[i][k]*1000) / 1000; math.Abs(got[i][k]-w) > 1e-9 {
					t.Fatalf("point %d: %v, want %v (%s)", i, got[i], w, p.d)
				}
			}
		}
	}
}

// lastPoint is the current point in mm.
func (p *pathData) lastPoint() (float64, float64) {
	return float64(p.cx) / unitsPerMM, float64(p.cy) / unitsPerMM
}

// endPoints reads path data of M, L, H, V, C, Q, A and Z, absolute and
// relative, and returns the end point of each segment.
func endPoints(d string) ([][2]float64, error) {
	var pts [][2]float64
	var cx, cy, sx, sy float64
	var cmd byte
	i := 0
	num := func() (float64, error) {
		for i < len(d) && d[i] == ' ' {
			i++
		}
		j := i
		if j < len(d) && d[j] == '-' {
			j++
		}
		dot := false
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.' && !dot) {
			dot = dot || d[j] == '.'
			j++
		}
		v, err := strconv.ParseFloat(d[i:j], 64)
		i = j
		return v, err
	}
	nums := func(n int) ([]float64, error) {
		v := make([]float64, n)
		for k := range v {
			var err error
			if v[k], err = num(); err != nil {
				return nil, err
			}
		}
		return v, nil
	}
	for i < len(d) {
		if c := d[i]; strings.IndexByte("MmLlHhVvCcQqAaZz", c) >= 0 {
			cmd = c
			i++
			if c == 'Z' || c == 'z' {
				cx, cy = sx, sy
				pts = append(pts, [2]float64{cx, cy})
				continue
			}
		}
		rel := cmd >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = cx, cy
		}
		var v []float64
		var err error
		switch cmd | 0x20 {
		case 'm', 'l':
			v, err = nums(2)
			if err == nil {
				cx, cy = ox+v[0], oy+v[1]
			}
			if cmd|0x20 == 'm' {
				sx, sy = cx, cy
				cmd = map[byte]byte{'M': 'L', 'm': 'l'}[cmd]
			}
		case 'h':
			v, err = nums(1)
			if err == nil {
				cx = ox + v[0]
			}
		case 'v':
			v, err = nums(1)
			if err == nil {
				cy = oy + v[0]
			}
		case 'c':
			v, err = nums(6)
			if err == nil {
				cx, cy = ox+v[4], oy+v[5]
			}
		case 'q':
			v, err = nums(4)
			if err == nil {
				cx, cy = ox+v[2], oy+v[3]
			}
		case 'a':
			v, err = nums(7)
			if err == nil {
				cx, cy = ox+v[5], oy+v[6]
			}
		default:
			return nil, fmt.Errorf("no command at %d", i)
		}
		if err != nil {
			return nil, err
		}
		pts = append(pts, [2]float64{cx, cy})
	}
	return pts, nil
}
