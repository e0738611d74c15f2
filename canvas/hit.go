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
	for _, b := range append(s.Bands[:len(s.Bands):len(s.Bands)], s.Opportunities) {
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
