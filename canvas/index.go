package canvas

import (
	"math"
	"slices"
)

// Index finds the rectangles of a scene (cards, pieces of the curve) that
// overlap a region without looking at the others, so that what a window
// does for the part of a map on screen costs the same on a map of twenty
// cards as on one of twenty thousand. It is a uniform grid of buckets:
// each bucket lists the rectangles that touch it. An Index is read-only
// once made and may be read from several goroutines.
type Index struct {
	rects      []Rect
	x0, y0     float64 // the grid's top-left
	cell       float64 // the side of a bucket, mm
	cols, rows int
	start      []int32 // bucket b holds items[start[b]:start[b+1]]
	items      []int32
}

// indexCell is the side of a bucket: about a card with its margins, so
// that a screenful of map looks at a few dozen buckets.
const indexCell = 2 * SlotWidth

// NewIndex indexes rects; queries answer their positions in rects.
func NewIndex(rects []Rect) *Index {
	ix := &Index{rects: rects, cell: indexCell}
	if len(rects) == 0 {
		return ix
	}
	x1, y1 := math.Inf(-1), math.Inf(-1)
	ix.x0, ix.y0 = math.Inf(1), math.Inf(1)
	for _, r := range rects {
		ix.x0, ix.y0 = math.Min(ix.x0, r.X), math.Min(ix.y0, r.Y)
		x1, y1 = math.Max(x1, r.X+r.W), math.Max(y1, r.Y+r.H)
	}
	ix.cols = max(1, int(math.Ceil((x1-ix.x0)/ix.cell)))
	ix.rows = max(1, int(math.Ceil((y1-ix.y0)/ix.cell)))
	// Two passes, counting then filling, so that the buckets share one
	// array instead of holding a slice each.
	ix.start = make([]int32, ix.cols*ix.rows+1)
	for _, r := range rects {
		c0, r0, c1, r1 := ix.span(r)
		for y := r0; y <= r1; y++ {
			for x := c0; x <= c1; x++ {
				ix.start[y*ix.cols+x+1]++
			}
		}
	}
	for b := 1; b < len(ix.start); b++ {
		ix.start[b] += ix.start[b-1]
	}
	ix.items = make([]int32, ix.start[len(ix.start)-1])
	next := slices.Clone(ix.start[:len(ix.start)-1])
	for i, r := range rects {
		c0, r0, c1, r1 := ix.span(r)
		for y := r0; y <= r1; y++ {
			for x := c0; x <= c1; x++ {
				b := y*ix.cols + x
				ix.items[next[b]] = int32(i)
				next[b]++
			}
		}
	}
	return ix
}

// span is the range of buckets a rectangle touches, clamped to the grid.
func (ix *Index) span(r Rect) (c0, r0, c1, r1 int) {
	clamp := func(v float64, n int) int { return max(0, min(n-1, int(math.Floor(v)))) }
	c0, c1 = clamp((r.X-ix.x0)/ix.cell, ix.cols), clamp((r.X+r.W-ix.x0)/ix.cell, ix.cols)
	r0, r1 = clamp((r.Y-ix.y0)/ix.cell, ix.rows), clamp((r.Y+r.H-ix.y0)/ix.cell, ix.rows)
	return c0, r0, c1, r1
}

// Len is the number of rectangles indexed.
func (ix *Index) Len() int { return len(ix.rects) }

// Query appends to out the positions of the rectangles that overlap q
// (edges touching count), in increasing order, and returns it.
func (ix *Index) Query(q Rect, out []int) []int {
	if len(ix.rects) == 0 || q.W < 0 || q.H < 0 {
		return out
	}
	from := len(out)
	qc0, qr0, qc1, qr1 := ix.span(q)
	for y := qr0; y <= qr1; y++ {
		for x := qc0; x <= qc1; x++ {
			b := y*ix.cols + x
			for _, i := range ix.items[ix.start[b]:ix.start[b+1]] {
				r := ix.rects[i]
				if r.X > q.X+q.W || q.X > r.X+r.W || r.Y > q.Y+q.H || q.Y > r.Y+r.H {
					continue
				}
				// A rectangle over several buckets is reported from the
				// first of them that the query looks at, and only there.
				c0, r0, _, _ := ix.span(r)
				if max(c0, qc0) != x || max(r0, qr0) != y {
					continue
				}
				out = append(out, int(i))
			}
		}
	}
	slices.Sort(out[from:])
	return out
}

// At returns the position of a rectangle that contains (x, y), right and
// bottom edges excluded as in Rect.Contains, or -1; of several, the first.
func (ix *Index) At(x, y float64) int {
	if len(ix.rects) == 0 {
		return -1
	}
	c, r, _, _ := ix.span(Rect{X: x, Y: y})
	b := r*ix.cols + c
	found := -1
	for _, i := range ix.items[ix.start[b]:ix.start[b+1]] {
		if ix.rects[i].Contains(x, y) && (found < 0 || int(i) < found) {
			found = int(i)
		}
	}
	return found
}

// CardRects lists the rectangles of a scene's cards, in scene order, for
// an Index.
func (s *Scene) CardRects() []Rect {
	rs := make([]Rect, len(s.Cards))
	for i := range s.Cards {
		rs[i] = s.Cards[i].Rect
	}
	return rs
}

// CurveRects lists, for each point of the emotion curve, the part of the
// curve band it draws: from the previous point (or itself, the first) to
// itself, with its face, the full height of the band.
func (s *Scene) CurveRects() []Rect {
	rs := make([]Rect, len(s.Curve.Points))
	band := s.Curve.Rect
	for i, p := range s.Curve.Points {
		x0, x1 := p.X, p.X
		if i > 0 {
			prev := s.Curve.Points[i-1].X
			x0, x1 = math.Min(prev, p.X), math.Max(prev, p.X)
		}
		r := p.Face.Radius
		rs[i] = Rect{X: x0 - r, Y: band.Y, W: x1 - x0 + 2*r, H: band.H}
	}
	return rs
}
