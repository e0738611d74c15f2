package poster

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/model/msg"
)

// Tiling on office paper (CONTRACTS.md §5).
const (
	// TileMargin is the edge of each sheet that office printers cannot
	// print, mm.
	TileMargin = 5.0
	// TileOverlap is how much of the poster two neighbouring sheets both
	// print, mm, to line them up and tape them together.
	TileOverlap = 10.0
)

// Sheet is one sheet of a tiled poster.
type Sheet struct {
	Row, Col int // from 0, the top-left sheet being 0, 0
	// Label names the sheet as in a spreadsheet: a letter for the row and
	// a number for the column, "B3" being the second row, third column.
	Label string
	// Area is the part of the poster page the sheet prints, in poster
	// millimetres: its printable area, the sheet less TileMargin on every
	// side. Neighbours' areas overlap by exactly TileOverlap.
	Area canvas.Rect
	// Trim is where the crop marks say to cut, in poster millimetres:
	// halfway through each overlap, and at the poster's own edge on the
	// outside. The trims of all sheets tile the poster exactly.
	Trim canvas.Rect
}

// Tiling is a poster cut into sheets.
type Tiling struct {
	Poster Paper
	// Paper is the sheets' paper in the orientation that needs fewer
	// sheets.
	Paper      Paper
	Rows, Cols int
	// Sheets are row by row, from the top left.
	Sheets []Sheet
}

// Tile cuts a poster of paper poster into sheets of paper sheet, turned
// whichever way needs fewer sheets (the poster's own orientation on a
// tie). The sheets' printable areas overlap by TileOverlap and, as a grid
// centred on the poster, cover all of it.
func Tile(poster, sheet Paper) (Tiling, error) {
	if !(sheet.W > 2*TileMargin+TileOverlap && sheet.H > 2*TileMargin+TileOverlap &&
		sheet.W <= MaxPaperSide && sheet.H <= MaxPaperSide) {
		return Tiling{}, errors.New(msg.T("print.tile.paper", sheet.Name))
	}
	if !(poster.W > 0 && poster.H > 0) {
		return Tiling{}, errors.New(msg.T("pdf.paper.range", poster.Name, MaxPaperSide))
	}
	portrait := Paper{Name: sheet.Name, W: min(sheet.W, sheet.H), H: max(sheet.W, sheet.H)}
	landscape := Paper{Name: sheet.Name, W: portrait.H, H: portrait.W}
	first, second := portrait, landscape
	if poster.W > poster.H {
		first, second = landscape, portrait
	}
	best := tileWith(poster, first)
	if t := tileWith(poster, second); t.Rows*t.Cols < best.Rows*best.Cols {
		best = t
	}
	return best, nil
}

// tileCount is how many sheets of printable length print, overlapping by
// TileOverlap, cover length.
func tileCount(length, print float64) int {
	const eps = 1e-9
	if length <= print+eps {
		return 1
	}
	return int(math.Ceil((length-print)/(print-TileOverlap)-eps)) + 1
}

func tileWith(poster, sheet Paper) Tiling {
	pw, ph := sheet.W-2*TileMargin, sheet.H-2*TileMargin
	t := Tiling{Poster: poster, Paper: sheet, Cols: tileCount(poster.W, pw), Rows: tileCount(poster.H, ph)}
	// The grid is centred: what it covers beyond the poster is shared
	// equally between the outer sheets.
	x0 := -(float64(t.Cols-1)*(pw-TileOverlap) + pw - poster.W) / 2
	y0 := -(float64(t.Rows-1)*(ph-TileOverlap) + ph - poster.H) / 2
	edge := func(i, n int, start, step, print, length float64) (lo, hi float64) {
		a := start + float64(i)*step
		lo, hi = a+TileOverlap/2, a+print-TileOverlap/2
		if i == 0 {
			lo = 0
		}
		if i == n-1 {
			hi = length
		}
		return lo, hi
	}
	t.Sheets = make([]Sheet, 0, t.Rows*t.Cols)
	for r := 0; r < t.Rows; r++ {
		for c := 0; c < t.Cols; c++ {
			area := canvas.Rect{X: x0 + float64(c)*(pw-TileOverlap), Y: y0 + float64(r)*(ph-TileOverlap), W: pw, H: ph}
			tx0, tx1 := edge(c, t.Cols, x0, pw-TileOverlap, pw, poster.W)
			ty0, ty1 := edge(r, t.Rows, y0, ph-TileOverlap, ph, poster.H)
			t.Sheets = append(t.Sheets, Sheet{Row: r, Col: c, Label: RowLetters(r) + strconv.Itoa(c+1),
				Area: area, Trim: canvas.Rect{X: tx0, Y: ty0, W: tx1 - tx0, H: ty1 - ty0}})
		}
	}
	return t
}

// RowLetters names row i (from 0) as a spreadsheet names columns: A … Z,
// AA, AB …
func RowLetters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// tiled prints scene as an assembly guide and its sheets. The poster is
// drawn once, as a PDF form that every sheet and the guide's picture show
// through a clip and a translation: everything stays vector and the file
// grows by a few bytes per sheet. It reports whether the poster had to
// shorten a text.
func (p *painter) tiled(f *pdf.Document, s *canvas.Scene, opts Options, logo *Image, t *Tiling) (shortened bool) {
	// Pictures are registered in the document first: the template then
	// shares them.
	if logo != nil {
		f.RegisterImage(logo)
	}
	if s.Profile != nil && !opts.NoPersona {
		if img := personaAvatar(s.Profile); img != nil {
			f.RegisterImage(img)
		}
	}
	var cut bool
	tpl := f.PageForm(opts.Paper.W, opts.Paper.H, func(surface *pdf.Surface) {
		q := newPainter(surface)
		q.resetState()
		q.page(s, opts, logo)
		q.flush()
		cut = q.cut
	})

	p.guide(f, s, opts, t, tpl)
	for i := range t.Sheets {
		p.sheet(f, opts, t, &t.Sheets[i], tpl)
	}
	return cut || Shortened(s)
}

// sheet prints one sheet: its part of the poster, clipped to the
// printable area, then its crop marks and its label on top.
func (p *painter) sheet(f *pdf.Document, opts Options, t *Tiling, sh *Sheet, tpl *pdf.PageForm) {
	p.addPage(f, t.Paper.W, t.Paper.H)
	p.setTransform(0, 0, 1)
	m := TileMargin
	p.flush()
	f.ClipRect(m, m, t.Paper.W-2*m, t.Paper.H-2*m)
	f.UseForm(tpl, m-sh.Area.X, m-sh.Area.Y, opts.Paper.W, opts.Paper.H)
	f.ClipEnd()

	// The trim box on the sheet.
	trim := canvas.Rect{X: m + sh.Trim.X - sh.Area.X, Y: m + sh.Trim.Y - sh.Area.Y, W: sh.Trim.W, H: sh.Trim.H}
	printable := canvas.Rect{X: m, Y: m, W: t.Paper.W - 2*m, H: t.Paper.H - 2*m}
	p.cropMarks(trim, printable)
	p.sheetLabel(sh, t, trim, printable)
}

// Crop marks: short lines along the trim lines, outside the trim box,
// starting cropGap from its corners, in black on a white underlay so
// that they show on any colour.
const (
	cropGap    = 1.0
	cropLength = 3.8
	cropLine   = 0.2
	cropHalo   = 0.8
)

func (p *painter) cropMarks(trim, printable canvas.Rect) {
	type seg struct{ x1, y1, x2, y2 float64 }
	var segs []seg
	for _, cx := range []float64{trim.X, trim.X + trim.W} {
		for _, cy := range []float64{trim.Y, trim.Y + trim.H} {
			dx, dy := -1.0, -1.0
			if cx > trim.X {
				dx = 1
			}
			if cy > trim.Y {
				dy = 1
			}
			segs = append(segs,
				seg{cx + dx*cropGap, cy, cx + dx*(cropGap+cropLength), cy},
				seg{cx, cy + dy*cropGap, cx, cy + dy*(cropGap+cropLength)})
		}
	}
	// Keep what lies inside the printable area, at least a millimetre of it.
	x0, x1 := printable.X, printable.X+printable.W
	y0, y1 := printable.Y, printable.Y+printable.H
	var kept []seg
	for _, s := range segs {
		if s.y1 == s.y2 && (s.y1 < y0 || s.y1 > y1) || s.x1 == s.x2 && (s.x1 < x0 || s.x1 > x1) {
			continue
		}
		s = seg{min(max(s.x1, x0), x1), min(max(s.y1, y0), y1), min(max(s.x2, x0), x1), min(max(s.y2, y0), y1)}
		if math.Abs(s.x2-s.x1)+math.Abs(s.y2-s.y1) >= 1 {
			kept = append(kept, s)
		}
	}
	p.solid()
	p.setDraw(canvas.Paper)
	p.setLine(cropHalo)
	for _, s := range kept {
		p.line(s.x1, s.y1, s.x2, s.y2)
	}
	p.setDraw(canvas.RGB{})
	p.setLine(cropLine)
	for _, s := range kept {
		p.line(s.x1, s.y1, s.x2, s.y2)
	}
}

// sheetLabel names the sheet in its top-left corner, in the strip that is
// cut off (or, on the top row, in the poster's blank margin), and puts
// scissors on the edges to cut.
func (p *painter) sheetLabel(sh *Sheet, t *Tiling, trim, printable canvas.Rect) {
	const size = 7.0 // pt
	mm := size * canvas.PtToMM
	label := p.reg.Printable(msg.T("print.sheet.label", sh.Label, RowLetters(sh.Row), sh.Col+1, t.Rows, t.Cols))
	band := trim.Y - printable.Y // printable strip above the trim line
	base := trim.Y + 1.2 + p.reg.Ascent*mm
	if band >= 1.2*mm+0.6 {
		base = trim.Y - 0.6 - p.reg.Descent*mm
	}
	x := max(trim.X, printable.X) + cropGap + 1
	w := p.reg.Width(label, size)
	p.setFill(canvas.Paper)
	p.rect(canvas.Rect{X: x - 0.6, Y: base - p.reg.Ascent*mm - 0.3, W: w + 1.2, H: (p.reg.Ascent+p.reg.Descent)*mm + 0.6}, Fill)
	p.setFont(false, size)
	p.setInk(canvas.Ink)
	p.text(x, base, label)

	// Scissors in the strips to cut away: left of the left trim line on
	// every column but the first, above the top one on every row but the
	// first.
	const scissors = "✂" // U+2702, in DejaVu Sans
	sw := p.reg.Width(scissors, 9)
	p.setFont(false, 9)
	p.setInk(canvas.MutedInk)
	if sh.Col > 0 && trim.X-printable.X >= sw {
		p.text(trim.X-sw-0.3, trim.Y+trim.H/2, scissors)
	}
	if sh.Row > 0 && trim.Y-printable.Y >= 2.5 {
		p.text(trim.X+trim.W/2, trim.Y-0.5, scissors)
	}
}

// guidePaper is the tile paper turned like the poster.
func guidePaper(t *Tiling) Paper {
	g := t.Paper
	if (t.Poster.W >= t.Poster.H) != (g.W >= g.H) {
		g.W, g.H = g.H, g.W
	}
	return g
}

// Ink of the sheet grid on the guide's picture.
var guideGrid = canvas.RGB{R: 0xD5, G: 0x5E, B: 0x00}

// guide prints the assembly guide: a title, what the poster is made of, a
// small picture of the whole poster with the grid of sheets and their
// labels, and the steps to assemble it, in the user's language.
func (p *painter) guide(f *pdf.Document, s *canvas.Scene, opts Options, t *Tiling, tpl *pdf.PageForm) {
	g := guidePaper(t)
	p.addPage(f, g.W, g.H)
	p.setTransform(0, 0, 1)
	m := 12.0
	w := g.W - 2*m
	bottom := g.H - m
	if opts.hasFooter() {
		fo := opts
		fo.Paper = g
		fh := footerHeight(g)
		p.footer(canvas.Rect{X: m, Y: bottom - fh, W: w, H: fh}, fo)
		bottom -= fh + 3
	}

	y := p.lines(true, 16, canvas.Ink, m, m, w, 1, p.bold.Printable(msg.T("print.guide.title")))
	y = p.lines(true, 11, canvas.Ink, m, y+1, w, 2, oneLine(p.bold.Printable(s.Title)))
	const body = 9.0 // pt
	y = p.paragraph(false, body, canvas.Ink, m, y+2, w, guideSummary(t))

	// The steps go at the bottom; the picture takes the room between.
	steps := []string{
		msg.T("print.guide.step.print", t.Paper.Name),
		msg.T("print.guide.step.layout"),
		msg.T("print.guide.step.cut"),
		msg.T("print.guide.step.overlap", TileOverlap),
		msg.T("print.guide.step.trim"),
	}
	lh := body * canvas.PtToMM * 1.3
	numW := p.reg.Width("5.  ", body)
	var wrapped [][]string
	stepsH := 0.0
	for _, st := range steps {
		l, _ := p.reg.Wrap(p.reg.Printable(st), body, w-numW, 6)
		wrapped = append(wrapped, l)
		stepsH += float64(len(l))*lh + 0.8
	}
	top := bottom - stepsH
	box := canvas.Rect{X: m, Y: y + 4, W: w, H: top - 4 - (y + 4)}
	if box.H > 10 {
		p.guidePicture(f, opts, t, tpl, box)
	}
	p.setFont(false, body)
	p.setInk(canvas.Ink)
	asc := p.reg.Ascent * body * canvas.PtToMM
	yy := top
	for i, l := range wrapped {
		p.text(m, yy+asc, strconv.Itoa(i+1)+".")
		for _, line := range l {
			p.text(m+numW, yy+asc, line)
			yy += lh
		}
		yy += 0.8
	}
}

// guidePicture draws the whole poster small, centred in box, with the grid
// of trims and each sheet's label.
func (p *painter) guidePicture(f *pdf.Document, opts Options, t *Tiling, tpl *pdf.PageForm, box canvas.Rect) {
	P := t.Poster
	k := min(box.W/P.W, box.H/P.H)
	ox := box.X + (box.W-P.W*k)/2
	oy := box.Y + (box.H-P.H*k)/2
	p.flush()
	f.UseForm(tpl, ox, oy, P.W*k, P.H*k)
	p.resetState()
	p.solid()
	p.setDraw(canvas.MutedInk)
	p.setLine(0.2)
	p.rect(canvas.Rect{X: ox, Y: oy, W: P.W * k, H: P.H * k}, Stroke)
	p.setDraw(guideGrid)
	p.setLine(0.35)
	for _, sh := range t.Sheets {
		r := sh.Trim
		p.rect(canvas.Rect{X: ox + r.X*k, Y: oy + r.Y*k, W: r.W * k, H: r.H * k}, Stroke)
	}
	// Labels as large as the smallest cell allows, up to 14 pt.
	cellW, cellH := math.Inf(1), math.Inf(1)
	for _, sh := range t.Sheets {
		cellW, cellH = min(cellW, sh.Trim.W*k), min(cellH, sh.Trim.H*k)
	}
	size := min(14, 0.4*cellH/canvas.PtToMM)
	if lw := p.bold.Width("WW99", size); lw > 0.8*cellW {
		size *= 0.8 * cellW / lw
	}
	mm := size * canvas.PtToMM
	p.setFont(true, size)
	for _, sh := range t.Sheets {
		r := sh.Trim
		cx, cy := ox+(r.X+r.W/2)*k, oy+(r.Y+r.H/2)*k
		lw := p.bold.Width(sh.Label, size)
		p.setFill(canvas.Paper)
		p.roundedRect(canvas.Rect{X: cx - lw/2 - 0.3*mm, Y: cy - 0.6*mm, W: lw + 0.6*mm, H: 1.2 * mm}, 0.2*mm, 0.2*mm, 0.2*mm, 0.2*mm, Fill)
		p.setInk(guideGrid)
		p.text(cx-lw/2, cy+0.36*mm, sh.Label)
	}
}

// guideSummary says what the poster is made of.
func guideSummary(t *Tiling) string {
	sheets := msg.T("print.guide.sheets", len(t.Sheets))
	rows := msg.T("print.guide.rows_many", RowLetters(0), RowLetters(t.Rows-1))
	if t.Rows == 1 {
		rows = msg.T("print.guide.rows_one", RowLetters(0))
	}
	cols := msg.T("print.guide.cols_many", 1, t.Cols)
	if t.Cols == 1 {
		cols = msg.T("print.guide.cols_one")
	}
	return msg.T("print.guide.summary", paperName(t.Poster), mmNumber(t.Poster.W), mmNumber(t.Poster.H),
		sheets, paperName(t.Paper), rows, cols, TileOverlap)
}

// paperName is "A0 landscape", or a custom size's name as given.
func paperName(p Paper) string {
	if _, named := iso216[p.Name]; !named {
		return p.Name
	}
	if p.W > p.H {
		return msg.T("print.paper.landscape", p.Name)
	}
	return msg.T("print.paper.portrait", p.Name)
}

// mmNumber writes a length without useless decimals, with the user's
// decimal separator.
func mmNumber(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if msg.Language() == msg.French {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// paragraph draws s wrapped to width w from top y, without limit of lines,
// and returns the top of the next line.
func (p *painter) paragraph(bold bool, size float64, ink canvas.RGB, x, y, w float64, s string) float64 {
	f := p.reg
	if bold {
		f = p.bold
	}
	lines := wrapAll(f, f.Printable(s), size, w)
	lh := size * canvas.PtToMM * 1.3
	p.setFont(bold, size)
	p.setInk(ink)
	asc := f.Ascent * size * canvas.PtToMM
	for _, l := range lines {
		p.text(x, y+asc, l)
		y += lh
	}
	return y
}
