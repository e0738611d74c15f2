package canvas

// Part is the map of the stages from…to-1 alone, as if the journey had
// only them: the lane labels at the left, then those stages' columns with
// their names and texts, their cards and their part of the emotion curve,
// shifted left to follow the labels. Everything else — the heights, the
// rows, the wrapping of every text, the cards' numbers, peaks and advice
// — is the whole map's, so that the parts of a poster printed one under
// the other, or on several sheets, read as one map. A range out of bounds
// is clamped; an empty one gives the labels alone.
func (s *Scene) Part(from, to int) *Scene {
	from, to = max(0, min(from, len(s.Columns))), max(0, min(to, len(s.Columns)))
	to = max(from, to)
	p := *s
	dx := 0.0
	if from < len(s.Columns) {
		dx = s.Columns[from].Header.X - LabelWidth
	}
	right := LabelWidth
	if to > from {
		last := s.Columns[to-1].Header
		right = last.X + last.W - dx
	}
	p.Width = right
	p.Grid.W = right - p.Grid.X
	p.Columns = make([]Column, 0, to-from)
	for i := from; i < to; i++ {
		c := s.Columns[i]
		c.Header.X -= dx
		c.Body.X -= dx
		c.Name = c.Name.shifted(dx)
		c.Slots = make([]float64, len(s.Columns[i].Slots))
		for k, x := range s.Columns[i].Slots {
			c.Slots[k] = x - dx
		}
		p.Columns = append(p.Columns, c)
	}
	part := func(bs []Band) []Band {
		out := make([]Band, len(bs))
		for i, b := range bs {
			b.Rect.W = right
			b.Cells = nil
			for _, c := range bs[i].Cells {
				if c.Column >= from && c.Column < to {
					c.Column -= from
					c.Rect.X -= dx
					c.Text = c.Text.shifted(dx)
					b.Cells = append(b.Cells, c)
				}
			}
			out[i] = b
		}
		return out
	}
	p.Bands, p.Below = part(s.Bands), part(s.Below)
	p.Rows = make([]Row, len(s.Rows))
	for i, r := range s.Rows {
		r.Rect.W = right
		p.Rows[i] = r
	}
	p.Cards = nil
	p.Curve.Points = nil
	p.Curve.Rect.W = right - p.Curve.Rect.X
	for i := range s.Cards {
		c := s.Cards[i]
		if c.Column < from || c.Column >= to {
			continue
		}
		c.Column -= from
		c.Rect.X -= dx
		c.Title = c.Title.shifted(dx)
		c.Channel = c.Channel.shifted(dx)
		c.NumberText = c.NumberText.shifted(dx)
		c.ChannelIcon.Box.X -= dx
		c.Face.Center.X -= dx
		c.Listen.X -= dx
		c.Badges = make([]Badge, len(s.Cards[i].Badges))
		for k, b := range s.Cards[i].Badges {
			b.Rect.X -= dx
			c.Badges[k] = b
		}
		p.Cards = append(p.Cards, c)
		if i < len(s.Curve.Points) {
			pt := s.Curve.Points[i]
			pt.X -= dx
			pt.Face.Center.X -= dx
			p.Curve.Points = append(p.Curve.Points, pt)
		}
	}
	return &p
}

// shifted is t moved dx to the left.
func (t Text) shifted(dx float64) Text {
	if len(t.Lines) == 0 {
		return t
	}
	lines := make([]Line, len(t.Lines))
	for i, l := range t.Lines {
		l.X -= dx
		lines[i] = l
	}
	t.Lines = lines
	return t
}
