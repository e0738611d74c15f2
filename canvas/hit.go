package canvas

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
	// Line is where to draw the insertion mark while dragging: the x of
	// the gap the card will go into, across the row.
	Line Rect
}

// DropAt says where a card dragged to (x, y) would land; ok is false
// outside the grid, where a drop does nothing. moving is the touchpoint
// being dragged ("" for a new one), left out of the slot count.
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
	// The slot is the number of the stage's other cards whose middle lies
	// left of the pointer; the mark goes in the gap before the next one.
	lineX := col.Body.X
	for i := range s.Cards {
		c := &s.Cards[i]
		if c.Column != d.Column || c.TouchpointID == moving {
			continue
		}
		mid := c.Rect.X + c.Rect.W/2
		if mid < x {
			d.Slot++
			lineX = c.Rect.X + c.Rect.W + (SlotWidth-CardWidth)/2
		}
	}
	row := s.Rows[d.Row].Rect
	d.Line = Rect{lineX - 0.5, row.Y + 1, 1, row.H - 2}
	return d, true
}
