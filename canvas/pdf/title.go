package pdf

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
	legendW := p.legend(b)
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
	size := b.H * titleShare / canvas.PtToMM
	title := oneLine(p.bold.Printable(s.Title))
	if tw := p.bold.Width(title, size); tw > w {
		if tw*0.6 <= w {
			size *= w / tw
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
				size *= w / tw
			} else {
				size, n = 0.8*size, 2
			}
		}
		y = p.lines(false, size, canvas.Ink, b.X, y, w, n, sub)
	}
	if !opts.Date.IsZero() {
		y += 0.04 * b.H
		d := msg.T("pdf.date", opts.Date.Format(msg.T("pdf.date_layout")))
		p.lines(false, b.H*dateShare/canvas.PtToMM, canvas.MutedInk, b.X, y, w, 1, p.reg.Printable(d))
	}

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

// oneLine turns line breaks into spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// legendItem is one symbol of the legend and what it means.
type legendItem struct {
	label string
	draw  func(p *painter, box canvas.Rect)
}

func legendItems(p *painter) []legendItem {
	var items []legendItem
	for _, m := range model.AllMarkers {
		items = append(items, legendItem{msg.T("marker." + string(m)),
			func(p *painter, box canvas.Rect) { p.badge(m, box) }})
	}
	face := func(measured bool) func(p *painter, box canvas.Rect) {
		return func(p *painter, box canvas.Rect) {
			p.face(canvas.Face{Center: canvas.Point{X: box.X + box.W/2, Y: box.Y + box.H/2},
				Radius: box.W / 2, Emotion: 1, Measured: measured})
		}
	}
	items = append(items,
		legendItem{msg.T("pdf.legend.measured"), face(true)},
		legendItem{msg.T("pdf.legend.assumed"), face(false)},
		legendItem{msg.T("pdf.legend.listened"), func(p *painter, box canvas.Rect) {
			p.listened(canvas.Point{X: box.X + box.W/2, Y: box.Y + box.H/2}, box.W/2)
		}})
	for i := range items {
		items[i].label = oneLine(p.reg.Printable(items[i].label))
	}
	return items
}

// legend draws the symbols' legend at the right of the title block, in
// two columns, and returns the width it took (0 when there is no room).
func (p *painter) legend(b canvas.Rect) float64 {
	items := legendItems(p)
	const rows = 4
	cols := (len(items) + rows - 1) / rows
	rowH := b.H / rows
	sym := 0.7 * rowH
	size := 0.5 * rowH / canvas.PtToMM
	gap := 0.35 * rowH
	colW := make([]float64, cols)
	for i, it := range items {
		c := i / rows
		colW[c] = max(colW[c], sym+gap+p.reg.Width(it.label, size))
	}
	total := 0.0
	for _, w := range colW {
		total += w
	}
	total += float64(cols-1) * 2 * gap
	scale := 1.0
	if limit := legendShare * b.W; total > limit {
		scale = limit / total
	}
	if scale < 0.5 {
		return 0 // a legend that small would not be read
	}
	rowH, sym, size, gap, total = rowH*scale, sym*scale, size*scale, gap*scale, total*scale
	for i := range colW {
		colW[i] *= scale
	}
	x0 := b.X + b.W - total
	top := b.Y + (b.H-rows*rowH)/2
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
