package poster

import (
	"parcours/canvas"
)

// Long journeys on a poster: when the map on one band of stages would be
// printed small, it is wrapped onto two or three bands, one under the
// other, each with the lane labels, its stages' headers and texts, its
// cards and its part of the emotion curve. Stages are never split.

// MaxBands is the most bands a poster wraps the map onto.
const MaxBands = 3

// bandGap is the room between two bands, in scene mm.
const bandGap = 10.0

// wrapGain is how much larger a wrapped map must print than on fewer
// bands for the poster to wrap it: a map read across is simpler.
const wrapGain = 1.08

// wrapping is how the poster lays the map out: its stage ranges, one per
// band (from, to), and the size of the whole in scene mm.
type wrapping struct {
	ranges [][2]int
	w, h   float64
}

// wrapped is the map of s on n bands (n ≥ 1, at most one stage a band):
// the stages shared out into n runs whose widest is as narrow as can be.
func wrapped(s *canvas.Scene, n int) wrapping {
	runs, w := s.Runs(n)
	return wrapping{ranges: runs, w: w, h: float64(len(runs))*s.Height + float64(len(runs)-1)*bandGap}
}

// wrapFor picks the bands of s for a map area: the number of bands that
// prints it largest, fit(w, h) being the scale of a map of w × h mm; one
// band unless more print it wrapGain times larger.
func wrapFor(s *canvas.Scene, fit func(w, h float64) float64) wrapping {
	best := wrapped(s, 1)
	k := fit(best.w, best.h)
	for n := 2; n <= min(MaxBands, len(s.Columns)); n++ {
		wr := wrapped(s, n)
		if kn := fit(wr.w, wr.h); kn > k*wrapGain {
			best, k = wr, kn
		}
	}
	return best
}

// bands paints the map of s as wr lays it out, the transform's origin
// being the top-left of the whole.
func (p *painter) bands(s *canvas.Scene, wr wrapping) {
	if len(wr.ranges) <= 1 {
		p.scene(s)
		return
	}
	ox, oy, k := p.ox, p.oy, p.k
	for i, r := range wr.ranges {
		p.setTransform(ox, oy+float64(i)*(s.Height+bandGap)*k, k)
		// Half the gap to the next band is more than anything of a
		// band reaches beyond its box.
		if p.visible(canvas.Rect{W: wr.w, H: s.Height}, bandGap/2) {
			p.scene(p.part(s, r))
		}
	}
	p.setTransform(ox, oy, k)
}

// partCache is the last part of a map made for painting it: a page
// painted strip by strip, top to bottom, paints each band of its map on
// a few strips in a row, and makes its part once.
type partCache struct {
	of    *canvas.Scene
	stage [2]int
	part  *canvas.Scene
}

// part is the part of s of stages r (canvas.Scene.Part), from the cache
// when it holds it.
func (p *painter) part(s *canvas.Scene, r [2]int) *canvas.Scene {
	c := p.parts
	if c == nil {
		return s.Part(r[0], r[1])
	}
	if c.of != s || c.stage != r || c.part == nil {
		// The former part goes before the next is made: a part of a
		// hundred thousand touchpoints is tens of megabytes.
		c.part = nil
		c.of, c.stage, c.part = s, r, s.Part(r[0], r[1])
	}
	return c.part
}

// Band is one band of a poster's map: the stages From…To-1 it shows
// (canvas.Scene.Part) and where that part goes on the page: its origin at
// (X, Y), page mm, every length scaled by K.
type Band struct {
	From, To int
	X, Y, K  float64
}

// Bands says how Write lays the map of scene out on its poster: one band
// of every stage, or, for a long journey, two or three one under the
// other.
func Bands(scene *canvas.Scene, opts Options) []Band {
	m := placeMap(scene, opts.withDefaults())
	if scene == nil || len(m.wrap.ranges) == 0 {
		return []Band{{X: m.x, Y: m.y, K: m.k}}
	}
	out := make([]Band, len(m.wrap.ranges))
	for i, r := range m.wrap.ranges {
		out[i] = Band{From: r[0], To: r[1], X: m.x, Y: m.y + float64(i)*(scene.Height+bandGap)*m.k, K: m.k}
	}
	return out
}

// MapBox is the rectangle the whole map takes on its poster, every band
// included, page mm.
func MapBox(scene *canvas.Scene, opts Options) canvas.Rect {
	m := placeMap(scene, opts.withDefaults())
	return canvas.Rect{X: m.x, Y: m.y, W: m.wrap.w * m.k, H: m.wrap.h * m.k}
}
