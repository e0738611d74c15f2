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

// Runs shares the stages out into n runs of neighbouring stages (at most
// one stage a run, at least one run), each given as from, to for Part,
// such that the widest of their Parts is as narrow as can be; widest is
// that width, mm. Stages are never split.
func (s *Scene) Runs(n int) (runs [][2]int, widest float64) {
	cols := len(s.Columns)
	n = max(1, min(n, cols))
	width := func(from, to int) float64 {
		if to <= from {
			return LabelWidth
		}
		last := s.Columns[to-1].Header
		return last.X + last.W - s.Columns[from].Header.X + LabelWidth
	}
	if n <= 1 {
		return [][2]int{{0, cols}}, max(s.Width, width(0, cols))
	}
	// The least widest of runs from stage i on, shared into k runs, and
	// where the first of them ends: a table of stages × runs.
	const none = -1.0
	best := make([][]float64, cols+1)
	cut := make([][]int, cols+1)
	for i := range best {
		best[i] = make([]float64, n+1)
		cut[i] = make([]int, n+1)
		for k := range best[i] {
			best[i][k] = none
		}
	}
	for i := cols - 1; i >= 0; i-- {
		best[i][1], cut[i][1] = width(i, cols), cols
		for k := 2; k <= n && k <= cols-i; k++ {
			for to := i + 1; to <= cols-(k-1); to++ {
				w := max(width(i, to), best[to][k-1])
				if best[i][k] == none || w < best[i][k] {
					best[i][k], cut[i][k] = w, to
				}
			}
		}
	}
	for i, k := 0, n; k > 0; k-- {
		runs = append(runs, [2]int{i, cut[i][k]})
		i = cut[i][k]
	}
	return runs, best[0][n]
}
