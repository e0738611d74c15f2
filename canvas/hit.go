package canvas

import "slices"

// CardAt returns the index of the card under the point, or -1.
func (s *Scene) CardAt(x, y float64) int {
	for i := range s.Cards {
		if s.Cards[i].Rect.Contains(x, y) {
			return i
		}
	}
	return -1
}

// CardIndex returns the index of the card of touchpoint id, or -1.
func (s *Scene) CardIndex(id string) int {
	for i := range s.Cards {
		if s.Cards[i].TouchpointID == id {
			return i
		}
	}
	return -1
}

// Drop is where a card dropped at a point lands: a cell (column, row) and
// a time slot within the column's stage, counted without the moving card.
type Drop struct {
	Column, Row int
	Slot        int
	// Step is the column of cards it lands in, within the stage, once the
	// map is laid out again.
	Step int
	// Line is where to draw the insertion mark while dragging: across the
	// row, in the gap at the left of the place the card lands in.
	Line Rect
}

// DropAt says where a card dragged to (x, y) would land; ok is false
// outside the grid, where a drop does nothing. moving is the touchpoint
// being dragged ("" for a new one), left out of the slot count.
//
// The card lands in the stage and lane under the point, after the stage's
// other cards that read before the point: those in a column of cards left
// of it, those above it in its column, and in its own cell, a card whose
// middle is left of it. So a card dropped in an empty place of a column
// lands there, and one dropped on a card goes before or after it.
func (s *Scene) DropAt(x, y float64, moving string) (d Drop, ok bool) {
	if !s.Grid.Contains(x, y) {
		return Drop{}, false
	}
	d.Column, d.Row = -1, -1
	for i := range s.Columns {
		if b := s.Columns[i].Body; x >= b.X && x < b.X+b.W {
			d.Column = i
			break
		}
	}
	for i := range s.Rows {
		if r := s.Rows[i].Rect; y >= r.Y && y < r.Y+r.H {
			d.Row = i
			break
		}
	}
	if d.Column < 0 || d.Row < 0 {
		return Drop{}, false
	}
	col := s.Columns[d.Column]
	step := len(col.Slots) // past the last column of cards: after them all
	for k, left := range col.Slots {
		if x < left+SlotWidth {
			step = k
			break
		}
	}
	// The rows of the stage's other cards in timeline order, with the new
	// one in its place: laid out again, they tell its column of cards.
	var rows []int
	for i := range s.Cards {
		c := &s.Cards[i]
		if c.Column != d.Column || c.TouchpointID == moving {
			continue
		}
		if c.Step < step || (c.Step == step && (c.Row < d.Row || (c.Row == d.Row && c.Rect.X+c.Rect.W/2 < x))) {
			d.Slot++
		}
		rows = append(rows, c.Row)
	}
	rows = slices.Insert(rows, d.Slot, d.Row)
	for i := 1; i <= d.Slot; i++ {
		if rows[i] <= rows[i-1] {
			d.Step++
		}
	}
	lineX := min(col.Body.X+float64(d.Step)*SlotWidth+(SlotWidth-CardWidth)/4, col.Body.X+col.Body.W-0.5)
	row := s.Rows[d.Row].Rect
	d.Line = Rect{lineX - 0.5, row.Y + 1, 1, row.H - 2}
	return d, true
}

// HitKind is what lies under a point.
type HitKind int

// Things a point can hit.
const (
	HitNothing HitKind = iota
	HitCard            // Index: in Cards
	HitStage           // Index: in Columns (its name band)
	HitLane            // Index: in Rows (its label)
	HitBand            // Index: in Columns; Band says which row of texts
	HitCell            // an empty place of the grid: Index column, Row row
)

// Hit is the answer of HitAt.
type Hit struct {
	Kind  HitKind
	Index int
	Row   int
	Band  BandKind
}

// HitAt says what is under (x, y): a card first, then a stage name, a lane
// label, a stage text or an empty cell.
func (s *Scene) HitAt(x, y float64) Hit {
	if i := s.CardAt(x, y); i >= 0 {
		return Hit{Kind: HitCard, Index: i}
	}
	col := -1
	for i := range s.Columns {
		if h := s.Columns[i].Header; x >= h.X && x < h.X+h.W {
			col = i
			break
		}
	}
	if col >= 0 && s.Columns[col].Header.Contains(x, y) {
		return Hit{Kind: HitStage, Index: col}
	}
	for i := range s.Rows {
		if s.Rows[i].Label.Contains(x, y) {
			return Hit{Kind: HitLane, Index: i}
		}
	}
	for _, b := range s.AllBands() {
		if col >= 0 && b.Rect.Contains(x, y) {
			return Hit{Kind: HitBand, Index: col, Band: b.Kind}
		}
	}
	if d, ok := s.DropAt(x, y, ""); ok {
		return Hit{Kind: HitCell, Index: d.Column, Row: d.Row}
	}
	return Hit{}
}

// CardsIn lists the cards that overlap r, for rubber-band selection.
func (s *Scene) CardsIn(r Rect) []int {
	var out []int
	for i := range s.Cards {
		c := s.Cards[i].Rect
		if c.X < r.X+r.W && r.X < c.X+c.W && c.Y < r.Y+r.H && r.Y < c.Y+c.H {
			out = append(out, i)
		}
	}
	return out
}

// StageInsertAt is the place among the stages of a stage dropped at x:
// before the first column whose middle is right of x.
func (s *Scene) StageInsertAt(x float64) int {
	for i, c := range s.Columns {
		if x < c.Header.X+c.Header.W/2 {
			return i
		}
	}
	return len(s.Columns)
}

// LaneInsertAt is the place among the lanes of a lane dropped at y.
func (s *Scene) LaneInsertAt(y float64) int {
	for i, r := range s.Rows {
		if y < r.Rect.Y+r.Rect.H/2 {
			return i
		}
	}
	return len(s.Rows)
}

// StageGap is the mark for a stage dropped at insertion place i: a thin
// line across the headers and the grid.
func (s *Scene) StageGap(i int) Rect {
	x := s.Width
	if i < len(s.Columns) {
		x = s.Columns[i].Header.X
	}
	return Rect{X: x - 0.6, Y: 0, W: 1.2, H: s.Grid.Y + s.Grid.H}
}

// LaneGap is the mark for a lane dropped at insertion place i.
func (s *Scene) LaneGap(i int) Rect {
	y := s.Grid.Y + s.Grid.H
	if i < len(s.Rows) {
		y = s.Rows[i].Rect.Y
	}
	return Rect{X: 0, Y: y - 0.6, W: s.Width, H: 1.2}
}

// ResizeGrip is how close (mm) to a stage's right edge a drag resizes it.
const ResizeGrip = 2.5

// StageEdgeAt returns the column whose right header edge is near x, y, or -1.
func (s *Scene) StageEdgeAt(x, y float64) int {
	for i, c := range s.Columns {
		edge := c.Header.X + c.Header.W
		if y >= c.Header.Y && y < c.Header.Y+c.Header.H && x >= edge-ResizeGrip && x <= edge+0.5 {
			return i
		}
	}
	return -1
}
