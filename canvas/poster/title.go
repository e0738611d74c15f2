package poster

import (
	"strings"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/msg"
)

// Shares of the title block's height.
const (
	titleShare    = 0.38 // journey title, bold
	subtitleShare = 0.16 // persona and objective
	dateShare     = 0.12
	legendShare   = 0.40 // at most this share of the block's width
	logoShare     = 0.25 // at most this share of what the legend leaves
)

// titleBlock paints, at the top of the page, the journey title, a line
// "Persona: … — Objective: …", the date when given, a legend of the
// symbols the map uses on the right, and a rule across the page at height
// rule, under the block. Page coordinates (k = 1).
func (p *painter) titleBlock(s *canvas.Scene, b canvas.Rect, rule float64, opts Options, logo *Image) {
	// The legend takes its share of the width, less what the title needs
	// to keep its size shrunk by no more than a third, down to a quarter.
	size := b.H * titleShare / canvas.PtToMM
	title := oneLine(p.bold.Printable(s.Title))
	room := b.W - 0.1*b.H - 0.67*p.bold.Width(title, size)
	if logo != nil {
		room -= logoShare * b.W
	}
	legendW := p.legend(s, b, max(min(legendShare*b.W, room), 0.25*b.W))
	w := b.W - legendW
	if legendW > 0 {
		w -= 0.1 * b.H
	}
	if logo != nil {
		lw := p.logo(logo, canvas.Rect{X: b.X, Y: b.Y, W: logoShare * w, H: b.H})
		b.X += lw + 0.15*b.H
		w -= lw + 0.15*b.H
	}

	// The title takes one line, shrunk a little if need be, or else two
	// lines at half the size (the same height), cut with an ellipsis.
	y := b.Y
	if tw := p.bold.Width(title, size); tw > w {
		if tw*0.6 <= w {
			size *= 0.995 * w / tw // a hair less, against rounding
			y = p.lines(true, size, canvas.Ink, b.X, y, w, 1, title)
		} else {
			y = p.lines(true, size/2, canvas.Ink, b.X, y, w, 2, title)
		}
	} else {
		y = p.lines(true, size, canvas.Ink, b.X, y, w, 1, title)
	}

	var parts []string
	if s.Persona != "" {
		parts = append(parts, msg.T("pdf.persona", s.Persona))
	}
	if s.Objective != "" {
		parts = append(parts, msg.T("pdf.objective", s.Objective))
	}
	if len(parts) > 0 {
		// One line, shrunk down to 60 % to fit, or else two lines at 80 %
		// (there is room for them), cut with an ellipsis.
		y += 0.04 * b.H
		size := b.H * subtitleShare / canvas.PtToMM
		sub := oneLine(p.reg.Printable(strings.Join(parts, " — ")))
		n := 1
		if tw := p.reg.Width(sub, size); tw > w {
			if tw*0.6 <= w {
				size *= 0.995 * w / tw // a hair less, against rounding
			} else {
				size, n = 0.8*size, 2
			}
		}
		y = p.lines(false, size, canvas.Ink, b.X, y, w, n, sub)
	}
	// Today's journey or the one aimed at, its target score, the date.
	facts := journeyFacts(s.State, s.TargetScore)
	if !opts.Date.IsZero() {
		facts = append(facts, msg.T("pdf.date", opts.Date.Format(msg.T("pdf.date_layout"))))
	}
	y += 0.04 * b.H
	p.lines(false, b.H*dateShare/canvas.PtToMM, canvas.MutedInk, b.X, y, w, 1, p.reg.Printable(strings.Join(facts, " · ")))

	// A rule between the title block and the map.
	p.setDraw(canvas.GridLine)
	p.setLine(0.3)
	p.line(b.X, rule, b.X+b.W, rule)
}

// lines draws s from top y in at most n lines of width w, the last cut
// with an ellipsis if need be, and returns the top of the next line.
func (p *painter) lines(bold bool, size float64, ink canvas.RGB, x, y, w float64, n int, s string) float64 {
	f := p.reg
	if bold {
		f = p.bold
	}
	lines, cut := f.Wrap(s, size, w, n)
	p.cut = p.cut || cut
	lh := (f.Ascent + f.Descent) * size * canvas.PtToMM
	p.setFont(bold, size)
	p.setInk(ink)
	for _, l := range lines {
		p.text(x, y+f.Ascent*size*canvas.PtToMM, l)
		y += lh
	}
	if len(lines) == 0 {
		y += lh
	}
	return y
}

// logo draws the logo as large as it fits in box, aspect kept, centred
// vertically at the left of the box, and returns the width it took.
func (p *painter) logo(img *Image, box canvas.Rect) float64 {
	if !(box.W > 0 && box.H > 0) {
		return 0
	}
	aspect := float64(img.W) / float64(img.H)
	h := box.H
	w := h * aspect
	if w > box.W {
		w, h = box.W, box.W/aspect
	}
	p.f.Picture(img, p.x(box.X), p.y(box.Y+(box.H-h)/2), p.l(w), p.l(h))
	return w
}

// footer draws the branding footer in band b: a rule, the confidentiality
// line on the left, the version and the date on the right. Page
// coordinates.
func (p *painter) footer(b canvas.Rect, opts Options) {
	p.solid()
	p.setDraw(canvas.GridLine)
	p.setLine(0.25 * b.H / 10)
	p.line(b.X, b.Y, b.X+b.W, b.Y)
	size := 0.45 * b.H / canvas.PtToMM
	base := b.Y + b.H/2 + 0.5*p.reg.Ascent*size*canvas.PtToMM
	var right []string
	if v := strings.TrimSpace(opts.Version); v != "" {
		right = append(right, msg.T("print.footer.version", oneLine(v)))
	}
	if !opts.Date.IsZero() {
		right = append(right, opts.Date.Format(msg.T("pdf.date_layout")))
	}
	r := p.reg.Printable(strings.Join(right, " · "))
	rw := p.reg.Width(r, size)
	p.setInk(canvas.MutedInk)
	p.setFont(false, size)
	p.text(b.X+b.W-rw, base, r)
	left := oneLine(p.reg.Printable(opts.Footer))
	if left == "" {
		return
	}
	room := b.W - rw - 0.1*b.W
	if room <= 0 {
		return
	}
	// The line shrinks to fit, down to two thirds of its size; beyond
	// that it is cut with an ellipsis.
	lsize := size
	if lw := p.bold.Width(left, size); lw > room {
		lsize = max(size*room/lw, size*2/3)
	}
	lines, _ := p.bold.Wrap(left, lsize, room, 1)
	if len(lines) > 0 {
		p.setFont(true, lsize)
		p.setInk(canvas.Ink)
		p.text(b.X, base, lines[0])
	}
}

// legendColumns measures the legend in columns of rows items, rows of
// height rowH: each column's width and the total.
func legendColumns(p *painter, items []legendItem, rows int, rowH float64) (colW []float64, total float64) {
	cols := (len(items) + rows - 1) / rows
	sym, size, gap := 0.7*rowH, 0.5*rowH/canvas.PtToMM, 0.35*rowH
	colW = make([]float64, cols)
	for i, it := range items {
		c := i / rows
		colW[c] = max(colW[c], sym+gap+p.reg.Width(it.label, size))
	}
	for _, w := range colW {
		total += w
	}
	return colW, total + float64(cols-1)*2*gap
}

// oneLine turns line breaks into spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// legendItem is one symbol of the legend and what it means.
type legendItem struct {
	label string
	draw  func(p *painter, box canvas.Rect)
}

// legendItems lists the symbols and colours the scene uses, with what
// they mean, in a fixed order.
func legendItems(p *painter, s *canvas.Scene) []legendItem {
	var used model.Markers
	var measured, assumed, listened, advise, noLever, peak, drop, below, owned, notOwned bool
	for i := range s.Cards {
		c := &s.Cards[i]
		for _, b := range c.Badges {
			used = used.With(b.Marker)
		}
		listened = listened || c.Listened
		advise = advise || c.Advice == canvas.AdviseListening
		noLever = noLever || c.Advice == canvas.NoLever
	}
	for i := range s.Curve.Points {
		pt := &s.Curve.Points[i]
		measured = measured || pt.Face.Measured
		assumed = assumed || !pt.Face.Measured
		peak, drop = peak || pt.Peak, drop || pt.Drop
	}
	for i := range s.Columns {
		below = below || s.Columns[i].BelowTarget
	}
	for i := range s.Rows {
		owned = owned || s.Rows[i].Owned
		notOwned = notOwned || !s.Rows[i].Owned
	}

	var items []legendItem
	add := func(on bool, key string, draw func(p *painter, box canvas.Rect)) {
		if on {
			items = append(items, legendItem{oneLine(p.reg.Printable(msg.T(key))), draw})
		}
	}
	centre := func(box canvas.Rect) canvas.Point { return canvas.Point{X: box.X + box.W/2, Y: box.Y + box.H/2} }
	for _, m := range model.AllMarkers {
		add(used.Has(m), "marker."+string(m), func(p *painter, box canvas.Rect) { p.badge(m, box) })
	}
	face := func(measured bool) func(p *painter, box canvas.Rect) {
		return func(p *painter, box canvas.Rect) {
			p.face(canvas.Face{Center: centre(box), Radius: box.W / 2, Emotion: 1, Measured: measured})
		}
	}
	add(measured, "pdf.legend.measured", face(true))
	add(assumed, "pdf.legend.assumed", face(false))
	add(listened, "pdf.legend.listened", func(p *painter, box canvas.Rect) { p.listened(centre(box), box.W/2) })
	add(advise, "pdf.legend.advise", func(p *painter, box canvas.Rect) {
		p.advice(canvas.AdviseListening, centre(box), box.W/2)
	})
	add(noLever, "pdf.legend.no_lever", func(p *painter, box canvas.Rect) { p.advice(canvas.NoLever, centre(box), box.W/2) })
	triangle := func(up bool) func(p *painter, box canvas.Rect) {
		return func(p *painter, box canvas.Rect) {
			c, h := centre(box), 0.4*box.H
			ink, tip := canvas.PeakInk, c.Y-h
			if !up {
				ink, tip, h = canvas.DropInk, c.Y+h, -h
			}
			p.setFill(ink)
			p.polygon([]canvas.Point{{X: c.X - 0.45*box.W, Y: c.Y + h}, {X: c.X + 0.45*box.W, Y: c.Y + h}, {X: c.X, Y: tip}}, Fill)
		}
	}
	add(peak, "pdf.legend.peak", triangle(true))
	add(drop, "pdf.legend.drop", triangle(false))
	add(below, "pdf.legend.below_target", func(p *painter, box canvas.Rect) {
		p.setFill(canvas.HeaderBG)
		p.rect(canvas.Rect{X: box.X, Y: box.Y + 0.15*box.H, W: box.W, H: 0.7 * box.H}, Fill)
		p.setFill(canvas.BelowTargetInk)
		p.rect(canvas.Rect{X: box.X, Y: box.Y + 0.62*box.H, W: box.W, H: 0.23 * box.H}, Fill)
	})
	lane := func(owned bool) func(p *painter, box canvas.Rect) {
		return func(p *painter, box canvas.Rect) {
			r := canvas.Rect{X: box.X, Y: box.Y + 0.15*box.H, W: box.W, H: 0.7 * box.H}
			if owned {
				p.setFill(canvas.Tint(canvas.ParseColor("#0072B2"), canvas.OwnedTint))
				p.rect(r, Fill)
				return
			}
			p.setFill(canvas.NotOwned)
			p.rect(r, Fill)
			p.setDraw(dashInk)
			p.setLine(0.06 * box.W)
			p.setDash(0.2*box.W, 0.12*box.W)
			p.rect(r, Stroke)
			p.solid()
		}
	}
	add(owned && notOwned, "pdf.legend.owned", lane(true))
	add(owned && notOwned, "pdf.legend.not_owned", lane(false))
	return items
}

// legend draws the legend of the symbols the scene uses at the right of
// the title block, four to a column, at most limit wide, and returns the
// width it took (0 when there is no room).
func (p *painter) legend(s *canvas.Scene, b canvas.Rect, limit float64) float64 {
	items := legendItems(p, s)
	if len(items) == 0 {
		return 0
	}
	// Four rows in the block's height, or more and smaller when that lets
	// the text be larger within the legend's share of the width.
	rows, rowH, total := 0, 0.0, 0.0
	var colW []float64
	for n := 4; n <= 8; n++ {
		h := b.H / float64(n)
		w, t := legendColumns(p, items, n, h)
		k := min(1, limit/t)
		if h*k > rowH {
			rows, rowH, colW, total = n, h*k, w, t*k
			for i := range colW {
				colW[i] *= k
			}
		}
		if k == 1 {
			break // more rows would only be smaller
		}
	}
	if rowH < 0.5*b.H/4 {
		return 0 // a legend that small would not be read
	}
	sym, size, gap := 0.7*rowH, 0.5*rowH/canvas.PtToMM, 0.35*rowH
	top := b.Y + (b.H-float64(rows)*rowH)/2
	x0 := b.X + b.W - total
	for i, it := range items {
		c, r := i/rows, i%rows
		x := x0
		for k := 0; k < c; k++ {
			x += colW[k] + 2*gap
		}
		y := top + float64(r)*rowH
		box := canvas.Rect{X: x, Y: y + (rowH-sym)/2, W: sym, H: sym}
		p.solid()
		it.draw(p, box)
		p.setFont(false, size)
		p.setInk(canvas.Ink)
		mm := size * canvas.PtToMM
		// Baseline so that the text's x-height sits in the middle of the row.
		p.text(x+sym+gap, y+rowH/2+0.35*mm, it.label)
	}
	return total
}
