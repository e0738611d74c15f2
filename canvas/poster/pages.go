package poster

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/model"
	"parcours/model/compare"
	"parcours/model/msg"
	"parcours/model/plan"
)

// Pages of their own after the posters (Options.Plan, Options.Comparisons):
// handouts to read and discuss, each with a heading, its content and the
// branding footer. They are laid out in a design space whose short side is
// handoutShort mm, as on A4, and scaled to their paper: on A0 every length
// and every font is four times as large, so that the page looks the same.
const (
	handoutShort = 210.0 // mm, the design space's short side
	hoMargin     = 12.0  // mm
	hoHeading    = 16.0  // pt
	hoSub        = 8.5
	hoSection    = 9.5
	hoBody       = 8.0
	hoSmall      = 7.0
	hoGap        = 6.0 // mm between blocks
	hoSpacing    = 1.3 // line height / font size
)

// Sizes the action plan's table and the list of differences are tried at,
// largest first. At the smallest, a list that still does not fit goes on
// following pages.
var (
	tableSizes = []float64{8, 7.5, 7, 6.5}
	listSizes  = []float64{8.5, 8, 7.5, 7}
)

// Signs of the differences (compare.ChangeLine's first character) in
// colour: added green, removed vermilion, moved blue, emotion orange.
var changeInk = map[compare.ChangeKind]canvas.RGB{
	compare.Added:   {R: 0x00, G: 0x9E, B: 0x73},
	compare.Removed: {R: 0xD5, G: 0x5E, B: 0x00},
	compare.Moved:   {R: 0x00, G: 0x72, B: 0xB2},
	compare.Emotion: {R: 0xC8, G: 0x80, B: 0x00},
	compare.Changed: {R: 0x55, G: 0x55, B: 0x55},
}

// hoLine is the height of a line of text at size points, mm.
func hoLine(size float64) float64 { return size * canvas.PtToMM * hoSpacing }

// handout is the paper of the pages after the posters and their design
// space: w × h mm drawn k times larger on the paper.
type handout struct {
	paper Paper
	k     float64
	w, h  float64
}

// handoutPaper is the paper of the pages after the posters: the poster's;
// when the posters are tiled, the tile paper turned landscape, as these
// pages are then handouts on office paper.
func handoutPaper(o Options) Paper {
	if o.Tile == nil {
		return o.Paper
	}
	t := *o.Tile
	return Paper{Name: t.Name, W: max(t.W, t.H), H: min(t.W, t.H)}
}

func newHandout(o Options) handout {
	pp := handoutPaper(o)
	k := min(pp.W, pp.H) / handoutShort
	return handout{paper: pp, k: k, w: pp.W / k, h: pp.H / k}
}

// extraPages adds, after the posters, the action plan of each journey
// (Options.Plan) and a page for each comparison (Options.Comparisons),
// each continued on following pages when its list is long.
func (p *painter) extraPages(f *pdf.Document, opts Options) {
	cut := p.cut
	defer func() { p.cut = cut }()
	if opts.Plan {
		done := map[*model.Journey]bool{} // a journey split over posters has one plan
		for _, j := range opts.Journeys {
			if j != nil && !done[j] {
				done[j] = true
				p.planPages(f, opts, j)
			}
		}
	}
	for _, r := range opts.Comparisons {
		p.comparisonPages(f, opts, r)
	}
	p.setTransform(0, 0, 1)
}

// font is the regular or the bold face.
func (p *painter) font(bold bool) *canvas.Font {
	if bold {
		return p.bold
	}
	return p.reg
}

// wrap breaks s, made printable, into lines no wider than w at size
// points, without limit.
func (p *painter) wrap(bold bool, size, w float64, s string) []string {
	f := p.font(bold)
	return wrapAll(f, f.Printable(s), size, w)
}

// drawLines draws lines from top y, one every hoLine(size), and returns
// the top of the next line.
func (p *painter) drawLines(bold bool, size float64, ink canvas.RGB, x, y float64, lines []string) float64 {
	f := p.font(bold)
	p.setFont(bold, size)
	p.setInk(ink)
	lh := hoLine(size)
	base := f.Ascent*size*canvas.PtToMM + (lh-size*canvas.PtToMM)/2
	for _, l := range lines {
		p.text(x, y+base, l)
		y += lh
	}
	return y
}

// centred draws s, printable, centred on (cx, cy): its x-height in the
// middle.
func (p *painter) centred(bold bool, size float64, ink canvas.RGB, cx, cy float64, s string) {
	p.setFont(bold, size)
	p.setInk(ink)
	p.text(cx-p.font(bold).Width(s, size)/2, cy+0.36*size*canvas.PtToMM, s)
}

// handoutPage starts a page of hd: the footer when there is one, the
// heading in bold (shrunk a little to fit on one line, or cut), sub under
// it when given, and a rule. It returns the room left for the content, in
// design mm; the transform is the design space's.
func (p *painter) handoutPage(f *pdf.Document, opts Options, hd handout, heading, sub string) canvas.Rect {
	p.addPage(f, hd.paper.W, hd.paper.H)
	p.setTransform(0, 0, hd.k)
	m := hoMargin
	w := hd.w - 2*m
	bottom := hd.h - m
	if opts.hasFooter() {
		fh := footerHeight(Paper{W: hd.w, H: hd.h})
		p.footer(canvas.Rect{X: m, Y: bottom - fh, W: w, H: fh}, opts)
		bottom -= fh + 4
	}
	// The heading takes one line, shrunk a little if need be, or else two
	// lines, cut with an ellipsis.
	title := oneLine(p.bold.Printable(heading))
	size, n := hoHeading, 1
	if tw := p.bold.Width(title, size); tw > w {
		size *= max(0.8, w/tw*0.999)
		if tw*size/hoHeading > w {
			n = 2
		}
	}
	y := p.lines(true, size, canvas.Ink, m, m, w, n, title)
	if sub != "" {
		y = p.lines(false, hoSub, canvas.MutedInk, m, y+0.8, w, 2, oneLine(p.reg.Printable(sub)))
	}
	y += 2.5
	p.solid()
	p.setDraw(canvas.HeaderBG)
	p.setLine(0.5)
	p.line(m, y, m+w, y)
	top := y + hoGap
	return canvas.Rect{X: m, Y: top, W: w, H: bottom - top}
}

// continuedRoom is the least height a following page of hd leaves for
// its content, under a heading of two lines: no row of a table, no item
// of a list is made taller, so that each fits on a page.
func (p *painter) continuedRoom(opts Options, hd handout) float64 {
	bottom := hd.h - hoMargin
	if opts.hasFooter() {
		bottom -= footerHeight(Paper{W: hd.w, H: hd.h}) + 4
	}
	return bottom - (hoMargin + 2*(p.bold.Ascent+p.bold.Descent)*hoHeading*canvas.PtToMM + 2.5 + hoGap)
}

// capLines keeps at most n of lines (one at least), the last ending with
// an ellipsis when some were left out, within width w at size points.
func capLines(f *canvas.Font, lines []string, n int, w, size float64) []string {
	n = max(1, n)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n:n]
	last := strings.TrimRight(lines[n-1], " ")
	for last != "" && f.Width(last+canvas.Ellipsis, size) > w {
		_, k := utf8.DecodeLastRuneInString(last)
		last = strings.TrimRight(last[:len(last)-k], " ")
	}
	lines[n-1] = last + canvas.Ellipsis
	return lines
}

// section draws a block's title and returns the top of what follows.
func (p *painter) section(x, y, w float64, s string) float64 {
	return p.lines(true, hoSection, canvas.HeaderBG, x, y, w, 1, oneLine(p.bold.Printable(s))) + 1.5
}

// The action plan.

// planPages prints j's action plan: the impact/effort matrix with a
// numbered disc for each opportunity and the quadrants' legend, and the
// opportunities in priority order as a table, numbered as on the matrix;
// the table goes on following pages when it is long.
func (p *painter) planPages(f *pdf.Document, opts Options, j *model.Journey) {
	hd := newHandout(opts)
	rows := plan.Rows(j)
	plan.Sort(rows, plan.ByPriority, false)
	quick := 0
	counts := map[plan.Quadrant]int{}
	for _, r := range rows {
		if r.QuickWin {
			quick++
		}
		counts[plan.QuadrantOf(r.Impact, r.Effort)]++
	}
	title := strings.TrimSpace(j.Title)
	body := p.handoutPage(f, opts, hd, msg.T("print.plan.title", title), msg.T("print.plan.summary", len(rows), quick))

	var grid, legend, table canvas.Rect
	if body.W >= 1.25*body.H {
		// Landscape: the matrix and its legend on the left, the list on
		// the right. The column narrows to the matrix when the height
		// limits it.
		mw := 0.38 * body.W
		for range 3 {
			lh := p.quadrantLegendHeight(mw)
			grid = matrixGrid(canvas.Rect{X: body.X, Y: body.Y, W: mw, H: body.H - lh - hoGap})
			legend = canvas.Rect{X: body.X, Y: matrixBottom(grid) + hoGap, W: mw, H: lh}
			if grid.W+axisGutter >= mw-0.5 {
				break
			}
			mw = grid.W + axisGutter
		}
		x := body.X + mw + 1.5*hoGap
		table = canvas.Rect{X: x, Y: body.Y, W: body.X + body.W - x, H: body.H}
	} else {
		// Portrait: the matrix with its legend at its right, the list
		// under them.
		grid = matrixGrid(canvas.Rect{X: body.X, Y: body.Y, W: 0.52 * body.W, H: 0.48 * body.H})
		x := grid.X + grid.W + 1.5*hoGap
		legend = canvas.Rect{X: x, Y: grid.Y, W: body.X + body.W - x}
		legend.H = p.quadrantLegendHeight(legend.W)
		y := max(matrixBottom(grid), legend.Y+legend.H) + hoGap
		table = canvas.Rect{X: body.X, Y: y, W: body.W, H: body.Y + body.H - y}
	}
	p.matrix(j, plan.Numbers(rows), grid)
	p.quadrantLegend(counts, legend)

	y := p.section(table.X, table.Y, table.W, msg.T("print.plan.list"))
	table.H -= y - table.Y
	table.Y = y
	if len(rows) == 0 {
		p.drawLines(false, hoBody, canvas.MutedInk, table.X, table.Y, p.wrap(false, hoBody, table.W, msg.T("print.plan.none")))
		return
	}
	p.planTable(f, opts, hd, title, rows, table)
}

// Room around the matrix's grid, mm: its levels at the left, its title
// and the impact axis above, the efforts and the effort axis under it.
const axisGutter = 6.0

func matrixAbove() float64 { return hoLine(hoSection) + 1.5 + hoLine(hoSmall) + 0.8 }
func matrixBelow() float64 { return 0.8 + 2*hoLine(hoSmall) }

// matrixGrid is the square 5 × 5 grid of a matrix drawn in box, at its
// top left, as large as box allows.
func matrixGrid(box canvas.Rect) canvas.Rect {
	s := max(0, min(box.W-axisGutter, box.H-matrixAbove()-matrixBelow()))
	return canvas.Rect{X: box.X + axisGutter, Y: box.Y + matrixAbove(), W: s, H: s}
}

// matrixBottom is where the matrix of grid ends, under its effort axis.
func matrixBottom(grid canvas.Rect) float64 { return grid.Y + grid.H + matrixBelow() }

// matrixCell is the cell of an impact (1…5, bottom to top) and an effort
// (1…5, left to right) in grid.
func matrixCell(grid canvas.Rect, impact, effort int) canvas.Rect {
	c := grid.W / 5
	return canvas.Rect{X: grid.X + float64(effort-1)*c, Y: grid.Y + float64(5-impact)*c, W: c, H: c}
}

// matrix draws the impact/effort matrix in grid: its title and axes, the
// cells tinted by quadrant, each quadrant's name in its outer corner, and
// in each cell a disc for each of its opportunities, numbered by rank.
func (p *painter) matrix(j *model.Journey, rank map[string]int, grid canvas.Rect) {
	x0 := grid.X - axisGutter
	y := p.section(x0, grid.Y-matrixAbove(), grid.W+axisGutter, msg.T("print.plan.matrix"))
	p.lines(false, hoSmall, canvas.MutedInk, x0, y, grid.W+axisGutter, 1, p.reg.Printable("↑ "+msg.T("plan.matrix.impact")))
	if !(grid.W > 0) {
		return
	}
	c := grid.W / 5
	p.solid()
	for impact := 1; impact <= 5; impact++ {
		for effort := 1; effort <= 5; effort++ {
			p.setFill(canvas.QuadrantTint(plan.QuadrantOf(impact, effort)))
			p.rect(matrixCell(grid, impact, effort), Fill)
		}
	}
	// White seams between the cells, wider between the quadrants.
	p.setDraw(canvas.Paper)
	for i := 1; i < 5; i++ {
		p.setLine(0.5)
		if plan.QuadrantOf(5, i) != plan.QuadrantOf(5, i+1) {
			p.setLine(1.4)
		}
		x := grid.X + float64(i)*c
		p.line(x, grid.Y, x, grid.Y+grid.H)
		p.setLine(0.5)
		if plan.QuadrantOf(6-i, 1) != plan.QuadrantOf(5-i, 1) {
			p.setLine(1.4)
		}
		y := grid.Y + float64(i)*c
		p.line(grid.X, y, grid.X+grid.W, y)
	}

	// The quadrants' names, in their outer corners.
	nameSize := min(6.5, 0.15*c/canvas.PtToMM)
	cx, cy := grid.X+grid.W/2, grid.Y+grid.H/2
	for _, q := range plan.Quadrants {
		var b canvas.Rect
		first := true
		for impact := 1; impact <= 5; impact++ {
			for effort := 1; effort <= 5; effort++ {
				if plan.QuadrantOf(impact, effort) == q {
					b = union(b, matrixCell(grid, impact, effort), first)
					first = false
				}
			}
		}
		if first {
			continue
		}
		pad := 0.06 * c
		name := oneLine(p.bold.Printable(q.Name()))
		size := nameSize
		if w := p.bold.Width(name, size); w > b.W-2*pad {
			size *= max(0.7, (b.W-2*pad)/w)
		}
		lines, _ := p.bold.Wrap(name, size, b.W-2*pad, 1)
		if len(lines) == 0 {
			continue
		}
		w := p.bold.Width(lines[0], size)
		x := b.X + pad
		if b.X+b.W/2 > cx {
			x = b.X + b.W - pad - w
		}
		base := b.Y + pad + p.bold.Ascent*size*canvas.PtToMM
		if b.Y+b.H/2 > cy {
			base = b.Y + b.H - pad - p.bold.Descent*size*canvas.PtToMM
		}
		p.setFont(true, size)
		p.setInk(canvas.MutedInk)
		p.text(x, base, lines[0])
	}

	// Levels and axes.
	for i := 1; i <= 5; i++ {
		r := matrixCell(grid, i, 1)
		p.centred(true, hoSmall+0.5, canvas.MutedInk, grid.X-axisGutter/2, r.Y+r.H/2, strconv.Itoa(i))
		r = matrixCell(grid, 1, i)
		p.centred(true, hoSmall+0.5, canvas.MutedInk, r.X+r.W/2, grid.Y+grid.H+0.8+hoLine(hoSmall)/2, strconv.Itoa(i))
	}
	effort := oneLine(p.reg.Printable(msg.T("plan.matrix.effort") + " →"))
	ew := p.reg.Width(effort, hoSmall)
	p.drawLines(false, hoSmall, canvas.MutedInk, grid.X+grid.W-ew, grid.Y+grid.H+0.8+hoLine(hoSmall), []string{effort})

	// The opportunities, by rank in each cell.
	cells := plan.Matrix(j)
	for impact := 1; impact <= 5; impact++ {
		for effort := 1; effort <= 5; effort++ {
			var ns []int
			for _, id := range cells[impact-1][effort-1] {
				if n, ok := rank[id]; ok && !slices.Contains(ns, n) {
					ns = append(ns, n)
				}
			}
			slices.Sort(ns)
			p.discs(matrixCell(grid, impact, effort), ns)
		}
	}
}

// union is the rectangle around a and b; a alone when first.
func union(a, b canvas.Rect, first bool) canvas.Rect {
	if first {
		return b
	}
	x0, y0 := min(a.X, b.X), min(a.Y, b.Y)
	x1, y1 := max(a.X+a.W, b.X+b.W), max(a.Y+a.H, b.Y+b.H)
	return canvas.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// discs draws a numbered disc for each of ns in cell, in rows, centred
// between the strips where the quadrants' names go.
func (p *painter) discs(cell canvas.Rect, ns []int) {
	if len(ns) == 0 {
		return
	}
	area := canvas.Rect{X: cell.X + 0.08*cell.W, Y: cell.Y + 0.2*cell.H, W: 0.84 * cell.W, H: 0.6 * cell.H}
	n := len(ns)
	cols := int(math.Ceil(math.Sqrt(float64(n) * area.W / area.H)))
	cols = max(1, min(cols, n))
	rows := (n + cols - 1) / cols
	d := min(area.W/float64(cols), area.H/float64(rows))
	r := min(0.42*d, 0.15*cell.W)
	for i, num := range ns {
		row, col := i/cols, i%cols
		inRow := min(cols, n-row*cols)
		x := area.X + area.W/2 + (float64(col)-float64(inRow-1)/2)*d
		y := area.Y + area.H/2 + (float64(row)-float64(rows-1)/2)*d
		p.disc(canvas.Point{X: x, Y: y}, r, num)
	}
}

// disc is an opportunity's number in a dark disc.
func (p *painter) disc(c canvas.Point, r float64, n int) {
	p.solid()
	p.setFill(canvas.HeaderBG)
	p.circle(c, r, Fill)
	s := strconv.Itoa(n)
	size := 1.15 * r / canvas.PtToMM
	if w := p.bold.Width(s, size); w > 1.5*r {
		size *= 1.5 * r / w
	}
	p.centred(true, size, canvas.HeaderInk, c.X, c.Y, s)
}

// Sizes of the quadrants' legend.
const (
	legendSwatch = 3.6 // mm
	legendName   = 7.5 // pt
	legendAdvice = 6.8
	legendGap    = 2.2 // mm between items
)

// quadrantLegendItems are the legend's texts: each quadrant's name with
// how many opportunities it holds, and its advice.
func quadrantLegendItems(counts map[plan.Quadrant]int) [][2]string {
	items := make([][2]string, 0, len(plan.Quadrants))
	for _, q := range plan.Quadrants {
		items = append(items, [2]string{msg.T("print.plan.quadrant", q.Name(), counts[q]), q.Advice()})
	}
	return items
}

// quadrantLegendHeight is the height of the legend at width w.
func (p *painter) quadrantLegendHeight(w float64) float64 {
	h := 0.0
	tw := w - legendSwatch - 2
	for i, it := range quadrantLegendItems(nil) {
		if i > 0 {
			h += legendGap
		}
		h += float64(len(p.wrap(true, legendName, tw, it[0])))*hoLine(legendName) +
			float64(len(p.wrap(false, legendAdvice, tw, it[1])))*hoLine(legendAdvice)
	}
	return h
}

// quadrantLegend draws a swatch of each quadrant's tint with its name, its
// number of opportunities and the advice that goes with it.
func (p *painter) quadrantLegend(counts map[plan.Quadrant]int, box canvas.Rect) {
	y := box.Y
	tw := box.W - legendSwatch - 2
	for i, it := range quadrantLegendItems(counts) {
		if i > 0 {
			y += legendGap
		}
		p.solid()
		p.setFill(canvas.QuadrantTint(plan.Quadrants[i]))
		p.setDraw(canvas.GridLine)
		p.setLine(0.2)
		sw := canvas.Rect{X: box.X, Y: y + (hoLine(legendName)-legendSwatch)/2, W: legendSwatch, H: legendSwatch}
		p.rect(sw, FillStroke)
		x := box.X + legendSwatch + 2
		y = p.drawLines(true, legendName, canvas.Ink, x, y, p.wrap(true, legendName, tw, it[0]))
		y = p.drawLines(false, legendAdvice, canvas.MutedInk, x, y, p.wrap(false, legendAdvice, tw, it[1]))
	}
}

// planColumn is a column of the action plan's table: its header, whether
// it takes the width left (by its share) or only what its texts need, and
// whether its cells are centred.
type planColumn struct {
	head   string
	share  float64 // 0: as wide as its texts
	centre bool
}

func planColumns() []planColumn {
	return []planColumn{
		{head: msg.T("print.plan.number"), centre: true},
		{head: msg.T("plan.col.title"), share: 3.2},
		{head: msg.T("plan.col.kind")},
		{head: msg.T("plan.col.impact"), centre: true},
		{head: msg.T("plan.col.effort"), centre: true},
		{head: msg.T("print.plan.quick_win"), centre: true},
		{head: msg.T("plan.col.owner"), share: 1.5},
		{head: msg.T("plan.col.status")},
		{head: msg.T("plan.col.touchpoints"), share: 2.6},
	}
}

// planCells are a row's texts, column by column (the number is drawn as
// a disc).
func planCells(r plan.Row, n int) []string {
	yes := msg.T("plan.no")
	if r.QuickWin {
		yes = msg.T("plan.yes")
	}
	return []string{strconv.Itoa(n), r.Title, msg.T("kind." + string(r.Kind)),
		strconv.Itoa(r.Impact), strconv.Itoa(r.Effort), yes, r.Owner,
		msg.T("plan.status." + string(r.Status)), strings.Join(r.Touchpoints, msg.T("plan.list_sep"))}
}

// Padding in the table's cells, mm.
const (
	cellPadX = 1.2
	cellPadY = 1.0
)

// planTableLayout is the table wrapped at one width and size.
type planTableLayout struct {
	size    float64
	widths  []float64
	head    [][]string
	headH   float64
	cells   [][][]string // row, column, lines
	heights []float64
}

// layoutPlanTable wraps the table at width w and size points, no row
// taller than room with the header.
func (p *painter) layoutPlanTable(rows []plan.Row, w, size, room float64) planTableLayout {
	cols := planColumns()
	texts := make([][]string, len(rows))
	for i, r := range rows {
		texts[i] = planCells(r, i+1)
	}
	t := planTableLayout{size: size, widths: columnWidths(p, cols, texts, w, size)}
	lh := hoLine(size)
	lines := 1
	for k, c := range cols {
		hl := p.wrap(true, size, t.widths[k]-2*cellPadX, c.head)
		lines = max(lines, len(hl))
		t.head = append(t.head, hl)
	}
	t.headH = float64(lines)*lh + 2*cellPadY
	most := int((room - t.headH - 2*cellPadY) / lh)
	for i := range rows {
		row := make([][]string, len(cols))
		lines := 1
		for k, s := range texts[i] {
			if k == 0 {
				continue // the disc
			}
			w := t.widths[k] - 2*cellPadX
			row[k] = capLines(p.font(k == 1), p.wrap(k == 1, size, w, s), most, w, size)
			lines = max(lines, len(row[k]))
		}
		t.cells = append(t.cells, row)
		t.heights = append(t.heights, float64(lines)*lh+2*cellPadY)
	}
	return t
}

// columnWidths shares w between the columns: each is at least as wide as
// its longest word (the header's in bold); those without a share take
// their longest text, on one line; the others share what is left, none
// wider than its longest text needs. When the words alone do not fit, the
// columns are narrowed alike, and words broken.
func columnWidths(p *painter, cols []planColumn, texts [][]string, w, size float64) []float64 {
	n := len(cols)
	least, most := make([]float64, n), make([]float64, n)
	for k, c := range cols {
		for _, word := range strings.Fields(p.bold.Printable(c.head)) {
			least[k] = max(least[k], p.bold.Width(word, size))
		}
		most[k] = p.bold.Width(oneLine(p.bold.Printable(c.head)), size)
		for _, row := range texts {
			bold := k == 1
			f := p.font(bold)
			s := oneLine(f.Printable(row[k]))
			if k == 0 {
				s, f = row[k], p.bold // the disc holds the number
			}
			for _, word := range strings.Fields(s) {
				least[k] = max(least[k], f.Width(word, size))
			}
			most[k] = max(most[k], f.Width(s, size))
		}
		// A hair more than the texts, so that wrapping at the width less
		// the padding does not break them for a rounding.
		least[k] += 2*cellPadX + 0.05
		most[k] += 2*cellPadX + 0.05
		if c.share == 0 {
			least[k] = max(least[k], min(most[k], 2*least[k]))
		}
	}
	least[0] = max(least[0], hoLine(size)+2*cellPadX) // the number's disc
	widths := slices.Clone(least)
	sum := 0.0
	for _, v := range least {
		sum += v
	}
	if sum >= w {
		for k := range widths {
			widths[k] *= w / sum
		}
		return widths
	}
	// What is left goes to the columns with a share, by their shares, up
	// to what their texts need; then, alike, to all.
	left := w - sum
	for range n {
		shares := 0.0
		for k, c := range cols {
			if c.share > 0 && widths[k] < most[k] {
				shares += c.share
			}
		}
		if shares == 0 || left < 1e-9 {
			break
		}
		given := 0.0
		for k, c := range cols {
			if c.share > 0 && widths[k] < most[k] {
				add := min(left*c.share/shares, most[k]-widths[k])
				widths[k] += add
				given += add
			}
		}
		left -= given
	}
	if left > 1e-9 {
		for k := range widths {
			widths[k] += left / float64(n)
		}
	}
	return widths
}

// planTable draws the rows in box at the largest size of tableSizes at
// which they all fit, or else at the smallest, going on over following
// pages under the heading "(continued)", the table's header repeated.
func (p *painter) planTable(f *pdf.Document, opts Options, hd handout, title string, rows []plan.Row, box canvas.Rect) {
	room := p.continuedRoom(opts, hd)
	var t planTableLayout
	for _, size := range tableSizes {
		t = p.layoutPlanTable(rows, box.W, size, room)
		h := t.headH
		for _, rh := range t.heights {
			h += rh
		}
		if h <= box.H {
			break
		}
	}
	for from, fresh := 0, false; ; fresh = true {
		from = p.planTablePage(t, rows, from, box, fresh)
		if from >= len(rows) {
			return
		}
		box = p.handoutPage(f, opts, hd, msg.T("print.plan.running", title), "")
		t = p.layoutPlanTable(rows, box.W, t.size, room)
	}
}

// planTablePage draws the table's header and the rows from from on that
// fit in box, and returns the index of the first row left. On a fresh
// page one row at least is drawn.
func (p *painter) planTablePage(t planTableLayout, rows []plan.Row, from int, box canvas.Rect, fresh bool) int {
	end, y := from, box.Y+t.headH
	for end < len(rows) && y+t.heights[end] <= box.Y+box.H {
		y += t.heights[end]
		end++
	}
	if end == from {
		if !fresh {
			return from
		}
		end++
	}
	cols := planColumns()
	lh := hoLine(t.size)
	p.solid()
	p.setFill(canvas.HeaderBG)
	p.rect(canvas.Rect{X: box.X, Y: box.Y, W: box.W, H: t.headH}, Fill)
	x := box.X
	for k, c := range cols {
		lx := x + cellPadX
		if c.centre && len(t.head[k]) > 0 {
			lx = x + (t.widths[k]-p.bold.Width(t.head[k][0], t.size))/2
		}
		p.drawLines(true, t.size, canvas.HeaderInk, lx, box.Y+cellPadY, t.head[k])
		x += t.widths[k]
	}
	y = box.Y + t.headH
	for i := from; i < end; i++ {
		h := t.heights[i]
		if (i-from)%2 == 1 {
			p.setFill(canvas.BandAltFill)
			p.rect(canvas.Rect{X: box.X, Y: y, W: box.W, H: h}, Fill)
		}
		x := box.X
		for k, c := range cols {
			w := t.widths[k]
			if k == 0 {
				r := min(0.48*lh, (w-2*cellPadX)/2)
				p.disc(canvas.Point{X: x + w/2, Y: y + cellPadY + lh/2}, r, i+1)
				x += w
				continue
			}
			ink := canvas.Ink
			if k == 5 && !rows[i].QuickWin {
				ink = canvas.MutedInk
			}
			bold := k == 1 || (k == 5 && rows[i].QuickWin)
			for n, l := range t.cells[i][k] {
				lx := x + cellPadX
				if c.centre {
					lx = x + (w-p.font(bold).Width(l, t.size))/2
				}
				p.drawLines(bold, t.size, ink, lx, y+cellPadY+float64(n)*lh, []string{l})
			}
			x += w
		}
		y += h
	}
	p.setDraw(canvas.GridLine)
	p.setLine(0.3)
	p.line(box.X, y, box.X+box.W, y)
	return end
}

// The comparison of a current and a target journey.

// comparisonPages prints the comparison r: both emotion curves on one
// chart with their legend, then the differences, in the words of the
// text report (compare.ChangeLine), in columns on a landscape page, going
// on over following pages when they are many.
func (p *painter) comparisonPages(f *pdf.Document, opts Options, r compare.Result) {
	hd := newHandout(opts)
	cur, tgt := oneLine(r.CurrentTitle), oneLine(r.TargetTitle)
	counts := strings.TrimSpace(msg.T("compare.text.counts", r.Count(compare.Added), r.Count(compare.Removed),
		r.Count(compare.Moved), r.Count(compare.Emotion), r.Count(compare.Changed)))
	body := p.handoutPage(f, opts, hd, msg.T("print.compare.title", cur, tgt), counts)

	var items []changeItem
	for _, c := range r.Changes {
		if l := strings.TrimSpace(compare.ChangeLine(c)); l != "" {
			items = append(items, changeItem{kind: c.Kind, text: l})
		}
	}
	if len(items) == 0 {
		items = append(items, changeItem{text: strings.TrimSpace(msg.T("compare.text.none"))})
	}

	y := p.curvesLegend(cur, tgt, body.X, body.Y, body.W)
	axis := oneLine(p.reg.Printable(msg.T("print.compare.axis")))
	const gutter = 7.0 // mm at the left of the chart, for the levels
	// The chart takes a share of the page, more when the differences
	// leave room for it.
	least, most := 0.3, 0.42
	if body.W >= 1.25*body.H {
		least, most = 0.4, 0.55
	}
	below := 1 + hoLine(hoSmall-0.5) + hoGap + hoLine(hoSection) + 1.5
	listH := p.changeListHeight(items, body.W, listSizes[0], p.continuedRoom(opts, hd))
	ch := min(most*body.H, max(least*body.H, body.Y+body.H-(y+1.5)-below-listH))
	box := canvas.Rect{X: body.X + gutter, Y: y + 1.5, W: body.W - gutter, H: max(20, ch)}
	p.curvesChart(canvas.CurvesChart(r, box))
	y = p.lines(false, hoSmall-0.5, canvas.MutedInk, box.X, box.Y+box.H+1, box.W, 2, axis)
	y = p.section(body.X, y+hoGap, body.W, msg.T("print.compare.changes"))
	p.changeList(f, opts, hd, msg.T("print.compare.running", cur, tgt), items,
		canvas.Rect{X: body.X, Y: y, W: body.W, H: body.Y + body.H - y})
}

// curvesLegend names both curves, the current journey's and the target's,
// each after a sample of its line, on one line when they fit or else one
// under the other; it returns the top of what follows.
func (p *painter) curvesLegend(cur, tgt string, x, y, w float64) float64 {
	const sample, gap = 9.0, 8.0 // mm
	labels := [2]string{
		oneLine(p.reg.Printable(msg.T("print.field", msg.T("compare.curve.current"), cur))),
		oneLine(p.reg.Printable(msg.T("print.field", msg.T("compare.curve.target"), tgt))),
	}
	inks := [2]canvas.RGB{canvas.CurrentCurveInk, canvas.TargetCurveInk}
	widths := [2]float64{0.45, 0.75}
	lh := hoLine(hoBody)
	oneRow := 2*(sample+2)+gap+p.reg.Width(labels[0], hoBody)+p.reg.Width(labels[1], hoBody) <= w
	lx := x
	for i, l := range labels {
		if i == 1 && !oneRow {
			lx, y = x, y+lh
		}
		p.solid()
		p.setDraw(inks[i])
		p.setLine(widths[i])
		cy := y + lh/2
		p.line(lx, cy, lx+sample, cy)
		p.setFill(inks[i])
		p.circle(canvas.Point{X: lx + sample/2, Y: cy}, 2*widths[i], Fill)
		lines, _ := p.reg.Wrap(l, hoBody, w-(lx-x)-sample-2, 1)
		p.drawLines(false, hoBody, canvas.Ink, lx+sample+2, y, lines)
		if len(lines) > 0 {
			lx += sample + 2 + p.reg.Width(lines[0], hoBody) + gap
		}
	}
	return y + lh
}

// curvesChart draws the chart: the levels −2…+2 with their ticks at the
// left of the box, the current curve in thin grey, the target one in
// thicker blue, a dot on each touchpoint.
func (p *painter) curvesChart(ch canvas.Chart) {
	b := ch.Box
	p.solid()
	p.setFill(curveBG)
	p.rect(b, Fill)
	for i, y := range ch.Levels {
		p.setDraw(canvas.GridLine)
		p.setLine(0.2)
		if i == 2 {
			p.setDraw(levelZero)
			p.setLine(0.35)
		}
		p.line(ch.Left, y, ch.Right, y)
		tick := p.reg.Printable(emotionText(i - 2))
		p.setFont(false, hoSmall)
		p.setInk(canvas.MutedInk)
		p.text(b.X-1.5-p.reg.Width(tick, hoSmall), y+0.36*hoSmall*canvas.PtToMM, tick)
	}
	p.plot(ch.Current, canvas.CurrentCurveInk, 0.45, false)
	p.plot(ch.Target, canvas.TargetCurveInk, 0.75, true)
}

// plot draws a curve through pts, with a dot on each (ringed in white
// when ring, to stand out over the other curve).
func (p *painter) plot(pts []canvas.Point, ink canvas.RGB, width float64, ring bool) {
	if len(pts) == 0 {
		return
	}
	p.solid()
	p.setDraw(ink)
	p.setLine(width)
	if len(pts) > 1 {
		p.f.MoveTo(p.x(pts[0].X), p.y(pts[0].Y))
		for _, q := range pts[1:] {
			p.f.LineTo(p.x(q.X), p.y(q.Y))
		}
		p.f.DrawPath(Stroke)
	}
	r := 2 * width
	if len(pts) > 1 {
		// Dots no wider than the room between two of them.
		r = max(0.3, min(r, 0.4*(pts[len(pts)-1].X-pts[0].X)/float64(len(pts)-1)))
	}
	p.setFill(ink)
	style := Fill
	if ring {
		p.setDraw(canvas.Paper)
		p.setLine(0.25 * r)
		style = FillStroke
	}
	for _, q := range pts {
		p.circle(q, r, style)
	}
}

// changeItem is a difference to list: its kind (for the colour of its
// sign) and its line.
type changeItem struct {
	kind compare.ChangeKind
	text string
}

// wrappedItem is a difference wrapped for its column: its sign apart.
type wrappedItem struct {
	kind  compare.ChangeKind
	sign  string
	lines []string
}

// changeColumns is how many columns the differences take on a width.
func changeColumns(w float64) (cols int, colW float64) {
	cols = 1
	if w >= 230 {
		cols = 2
	}
	return cols, (w - float64(cols-1)*1.5*hoGap) / float64(cols)
}

// changeIndent is where the differences' texts start, after their sign.
func (p *painter) changeIndent(size float64) float64 {
	return p.bold.Width("+", size) + p.reg.Width("  ", size)
}

// wrapChanges wraps the differences for columns of width colW, the sign
// (compare.ChangeLine's first character) apart, none taller than room.
func (p *painter) wrapChanges(items []changeItem, colW, size, room float64) []wrappedItem {
	ws := make([]wrappedItem, 0, len(items))
	for _, it := range items {
		sign, rest := "", it.text
		if s, after, ok := strings.Cut(it.text, " "); ok && utf8.RuneCountInString(s) == 1 && strings.ContainsAny(s, "+-><~*") {
			sign, rest = s, after
		}
		w := colW
		if sign != "" {
			w -= p.changeIndent(size)
		}
		lines := capLines(p.reg, p.wrap(false, size, w, rest), int(room/hoLine(size)), w, size)
		ws = append(ws, wrappedItem{kind: it.kind, sign: sign, lines: lines})
	}
	return ws
}

// Space between two differences, mm.
const itemGap = 0.9

// changeFlow places the wrapped differences in cols columns of height h
// from the first on: the column and the top (from 0) of each that fits.
// On a fresh page, the first is placed even if it does not fit.
func changeFlow(ws []wrappedItem, cols int, h, size float64, fresh bool) (col []int, top []float64) {
	c, y := 0, 0.0
	for _, it := range ws {
		ih := float64(max(1, len(it.lines))) * hoLine(size)
		for y+ih > h && !(fresh && len(col) == 0 && y == 0) {
			c, y = c+1, 0
			if c >= cols || ih > h {
				return col, top
			}
		}
		col, top = append(col, c), append(top, y)
		y += ih + itemGap
	}
	return col, top
}

// changeListHeight is the height the differences need in columns on
// width w at size points.
func (p *painter) changeListHeight(items []changeItem, w, size, room float64) float64 {
	cols, colW := changeColumns(w)
	ws := p.wrapChanges(items, colW, size, room)
	total := 0.0
	for _, it := range ws {
		total += float64(max(1, len(it.lines)))*hoLine(size) + itemGap
	}
	return total / float64(cols)
}

// changeList lists the differences in box, in two columns when the page
// is wide, at the largest size of listSizes at which they fit, or else at
// the smallest, going on over following pages.
func (p *painter) changeList(f *pdf.Document, opts Options, hd handout, running string, items []changeItem, box canvas.Rect) {
	room := p.continuedRoom(opts, hd)
	cols, colW := changeColumns(box.W)
	size := listSizes[len(listSizes)-1]
	for _, s := range listSizes {
		ws := p.wrapChanges(items, colW, s, room)
		if col, _ := changeFlow(ws, cols, box.H, s, false); len(col) == len(ws) {
			size = s
			break
		}
	}
	ws := p.wrapChanges(items, colW, size, room)
	indent := p.changeIndent(size)
	for fresh := false; ; fresh = true {
		col, top := changeFlow(ws, cols, box.H, size, fresh)
		for i := range col {
			it := ws[i]
			x, y := box.X+float64(col[i])*(colW+1.5*hoGap), box.Y+top[i]
			if it.sign == "" {
				p.drawLines(false, size, canvas.MutedInk, x, y, it.lines)
				continue
			}
			ink, ok := changeInk[it.kind]
			if !ok {
				ink = canvas.Ink
			}
			p.drawLines(true, size, ink, x, y, []string{p.bold.Printable(it.sign)})
			p.drawLines(false, size, canvas.Ink, x+indent, y, it.lines)
		}
		ws = ws[len(col):]
		if len(ws) == 0 {
			return
		}
		// The following pages' lists have the same width.
		box = p.handoutPage(f, opts, hd, running, "")
	}
}
