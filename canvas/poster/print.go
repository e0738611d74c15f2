package poster

// The printed poster: canvas Scenes — the same laid-out maps the window
// shows — painted onto pages of a chosen paper size, one journey per page,
// with a title block and the map scaled to fit inside the margins.
// Everything is vector; text is real text in the embedded DejaVu fonts the
// layout measured with, so it wraps as on screen and can be selected and
// searched. The PDF library's traps are guarded against: characters above
// U+FFFF never reach it, and its panics come back as errors.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/model"
	"parcours/model/compare"
	"parcours/model/msg"
)

// Options says how to print.
type Options struct {
	Paper  Paper     // default A0 landscape when zero
	Margin float64   // mm, default 10
	Date   time.Time // printed in the title block and footer; zero = omit

	// Tile, when not nil, prints each poster on sheets of this paper
	// (either orientation, whichever needs fewer sheets) to tape together:
	// an assembly guide page, then the sheets, each overlapping its
	// neighbours by TileOverlap mm inside a TileMargin mm unprintable edge,
	// with crop marks and its row and column (see Tile).
	Tile *Paper

	// Journeys are the journeys the scenes show, in the same order (the
	// list may be shorter, or hold nil, where a scene has none; a journey
	// split over several posters is given for each). When a
	// scene had to shorten a text — a card title, a stage text, the
	// objective in the title block — appendix pages after the posters list
	// every touchpoint of its journey with its full texts, so that nothing
	// is lost from the deliverable.
	Journeys []*model.Journey

	// Branding for client deliverables: a PNG or JPEG logo drawn at the
	// left of the title block (aspect kept); a footer line such as
	// "Confidential — for ACME only" and the document's version, printed
	// with the date at the bottom of every page when either is given.
	Logo    []byte
	Footer  string
	Version string

	// NoPersona leaves the persona card out: the map then has the whole
	// width under the title block.
	NoPersona bool

	// Pages of their own after the posters (and before the appendix):
	// with Plan, each journey's action plan — the impact/effort matrix and
	// the opportunities in priority order (model/plan); one page per
	// comparison of a current and a target journey — both emotion curves
	// on one chart and the differences listed (model/compare). They are
	// printed on the poster's paper, or on the tile paper when tiled.
	Plan        bool
	Comparisons []compare.Result
}

// DefaultMargin is the margin around the poster, in millimetres.
const DefaultMargin = 10.0

func (o Options) withDefaults() Options {
	if o.Paper.W == 0 && o.Paper.H == 0 {
		o.Paper = A0Landscape
	}
	if o.Margin == 0 {
		o.Margin = DefaultMargin
	}
	return o
}

// Check refuses options that cannot print: a paper of no size or larger
// than MaxPaperSide, margins that leave no room, tile paper too small. It
// depends on the options alone, so a command line can be checked before
// any work.
func (o Options) Check() error { return o.withDefaults().check() }

func (o Options) check() error {
	p := o.Paper
	if !(p.W > 0 && p.H > 0 && p.W <= MaxPaperSide && p.H <= MaxPaperSide) {
		return errors.New(msg.T("pdf.paper.range", p.Name, MaxPaperSide))
	}
	_, area, _ := pageLayout(o)
	if !(o.Margin >= 0) || math.IsInf(o.Margin, 0) || !(area.W > 0 && area.H > 0) {
		return errors.New(msg.T("pdf.margin", o.Margin, p.Name, p.W, p.H))
	}
	if o.Tile != nil {
		if _, err := Tile(p, *o.Tile); err != nil {
			return err
		}
	}
	return nil
}

// hasFooter tells whether pages carry the branding footer.
func (o Options) hasFooter() bool {
	return strings.TrimSpace(o.Footer) != "" || strings.TrimSpace(o.Version) != ""
}

// footerHeight is the height of the footer band on paper p.
func footerHeight(p Paper) float64 {
	return min(max(0.018*min(p.W, p.H), 4), 12)
}

// pageLayout splits the sheet inside the margins into the title block at
// the top, the area left for the map below it, and the footer band at the
// bottom (empty without a footer).
func pageLayout(o Options) (title, area, footer canvas.Rect) {
	p, margin := o.Paper, o.Margin
	th := max(0.08*p.H, 15)
	gap := max(3, 0.01*p.H)
	title = canvas.Rect{X: margin, Y: margin, W: p.W - 2*margin, H: th}
	top := margin + th + gap
	bottom := p.H - margin
	if o.hasFooter() {
		fh := footerHeight(p)
		footer = canvas.Rect{X: margin, Y: bottom - fh, W: p.W - 2*margin, H: fh}
		bottom -= fh + gap/2
	}
	area = canvas.Rect{X: margin, Y: top, W: p.W - 2*margin, H: bottom - top}
	return title, area, footer
}

// Placement is where Write puts scene on the page: the page position of
// the scene's origin (mm) and the scale k applied to every length and font
// size. The map fills the area under the title block, less the persona
// card, as much as it can, keeping its aspect, centred, never cut. A map
// wrapped onto bands has its first band there (see Bands and MapBox).
func Placement(scene *canvas.Scene, opts Options) (x, y, k float64) {
	m := placeMap(scene, opts.withDefaults())
	return m.x, m.y, m.k
}

// PersonaBox is where Write puts the persona card (page mm), and false
// when the poster has none.
func PersonaBox(scene *canvas.Scene, opts Options) (canvas.Rect, bool) {
	m := placeMap(scene, opts.withDefaults())
	return m.persona, m.cols > 0
}

// mapPlace is where the map and the persona card go on a poster page.
type mapPlace struct {
	x, y, k float64     // the scene's origin and scale
	wrap    wrapping    // the map's bands
	persona canvas.Rect // the persona card; zero when there is none
	cols    int         // its columns of text: 1 beside the map, more above; 0 without card
	size    float64     // its text size, points
	avatar  *Image      // the persona's picture, decoded; nil for none
}

// placeMap puts the map in the area under the title block and, when the
// journey has a persona and it is not left out, the persona card either
// as a column at the map's left or as a strip above it, whichever leaves
// the map larger. Card and map are centred together. A long map is
// wrapped onto bands (see wrapFor).
func placeMap(s *canvas.Scene, opts Options) mapPlace {
	title, area, _ := pageLayout(opts)
	if s == nil || !(s.Width > 0) || !(s.Height > 0) {
		return mapPlace{x: area.X, y: area.Y, k: 1}
	}
	if s.Profile == nil || opts.NoPersona {
		wr := wrapFor(s, func(w, h float64) float64 { return min(area.W/w, area.H/h) })
		k := min(area.W/wr.w, area.H/wr.h)
		return mapPlace{x: area.X + (area.W-wr.w*k)/2, y: area.Y + (area.H-wr.h*k)/2, k: k, wrap: wr}
	}
	img := personaAvatar(s.Profile)
	sub := title.H * subtitleShare / canvas.PtToMM
	smallest := personaMinBody * sub
	gap := 0.015 * min(area.W, area.H)
	cw := personaColumnShare * area.W
	bodyFor := func(k float64) float64 {
		// Never much larger than the map's own texts (some 8 pt at scale k,
		// which the card must not outweigh).
		return max(min(personaBody*sub, 1.6*8*k), smallest)
	}
	// The card's texts depend on the map's scale, and the best bands on
	// the room the card leaves: the bands are chosen for the room it
	// takes beside a map on one band, then the card is planned for them.
	one := bodyFor(min(area.W/s.Width, area.H/s.Height))
	sh1, _ := planPersona(s.Profile, img, area.W, personaStripShare*area.H, stripColumns(area.W, one), one, smallest)
	wr := wrapFor(s, func(w, h float64) float64 {
		return max(min((area.W-cw-gap)/w, area.H/h), min(area.W/w, (area.H-sh1-gap)/h))
	})
	fit := func(w, h float64) float64 { return min(w/wr.w, h/wr.h) }
	body := bodyFor(fit(area.W, area.H))

	// A column at the map's left, as long as its texts.
	ch, csize := planPersona(s.Profile, img, cw, area.H, 1, body, smallest)
	kc := fit(area.W-cw-gap, area.H)
	// A strip above the map, of columns of a readable measure.
	cols := stripColumns(area.W, body)
	sh, ssize := planPersona(s.Profile, img, area.W, personaStripShare*area.H, cols, body, smallest)
	ks := fit(area.W, area.H-sh-gap)

	if kc >= ks {
		mw, mh := wr.w*kc, wr.h*kc
		x := area.X + (area.W-cw-gap-mw)/2
		y := area.Y + (area.H-max(mh, ch))/2
		return mapPlace{x: x + cw + gap, y: y, k: kc, wrap: wr, persona: canvas.Rect{X: x, Y: y, W: cw, H: ch}, cols: 1, size: csize, avatar: img}
	}
	mw, mh := wr.w*ks, wr.h*ks
	y := area.Y + (area.H-sh-gap-mh)/2
	return mapPlace{x: area.X + (area.W-mw)/2, y: y + sh + gap, k: ks, wrap: wr,
		persona: canvas.Rect{X: area.X, Y: y, W: area.W, H: sh}, cols: cols, size: ssize, avatar: img}
}

// stripColumns is how many columns of text the persona card has as a
// strip w mm wide, its texts at body points: of a readable measure.
func stripColumns(w, body float64) int {
	return max(2, min(5, int(w/(40*body*canvas.PtToMM))))
}

// Write paints one poster per scene, each being the journey's map with a
// title block (journey title large, persona name, objective, legend) and
// the map scaled to fit inside the margins (never cut, never overflowing,
// aspect kept, centred): one page each, or with Options.Tile an assembly
// guide and the sheets. Appendix pages with the full texts follow when a
// poster had to shorten some (see Options.Journeys).
func WritePDF(w io.Writer, scenes []*canvas.Scene, opts Options) (err error) {
	opts = opts.withDefaults()
	if err := opts.check(); err != nil {
		return err
	}
	if len(scenes) == 0 {
		return errors.New(msg.T("pdf.no_scene"))
	}
	for _, s := range scenes {
		if s == nil {
			return errors.New(msg.T("pdf.no_scene"))
		}
	}
	logo, err := opts.logo()
	if err != nil {
		return err
	}
	var tiling *Tiling
	if opts.Tile != nil {
		t, err := Tile(opts.Paper, *opts.Tile)
		if err != nil {
			return err
		}
		tiling = &t
	}
	// fpdf panics on some inputs (characters above U+FFFF, malformed
	// UTF-8) while it writes the fonts; the guard in text keeps those out,
	// and this turns anything else it might throw into an error.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w", msg.T("pdf.failed"), errors.New(msg.T("pdf.crash", r)))
		}
	}()
	f := pdf.NewDocument(opts.Paper.W, opts.Paper.H, opts.Date)
	defer f.Close()
	titles := make([]string, 0, len(scenes))
	for _, s := range scenes {
		titles = append(titles, strings.TrimSpace(s.Title))
	}
	f.SetTitle(safe(strings.Join(titles, " — ")))
	if len(scenes) == 1 && scenes[0].Objective != "" {
		f.SetSubject(safe(scenes[0].Objective))
	}
	doc := f.Doc()
	// The appendices sure to be needed are laid out meanwhile, on another
	// core: they depend on the journeys alone.
	appendices := make([]*appendixJob, len(scenes))
	defer func() {
		for _, a := range appendices {
			if a != nil {
				a.wait()
			}
		}
	}()
	// A journey split over several posters has one appendix, after the
	// posters, where its first poster's would be.
	first := make([]int, len(scenes))
	seen := map[*model.Journey]int{}
	for i := range scenes {
		first[i] = i
		if i < len(opts.Journeys) && opts.Journeys[i] != nil {
			if f, ok := seen[opts.Journeys[i]]; ok {
				first[i] = f
			} else {
				seen[opts.Journeys[i]] = i
			}
		}
	}
	for i, s := range scenes {
		if i < len(opts.Journeys) && opts.Journeys[i] != nil && Shortened(s) && appendices[first[i]] == nil {
			appendices[first[i]] = startAppendix(doc, opts.Journeys[i], cardOf(scenes[i], opts), opts)
		}
	}
	p := newPainter(f.Surface())
	shortened := make([]bool, len(scenes))
	for i, s := range scenes {
		if tiling != nil {
			shortened[i] = p.tiled(f, s, opts, logo, tiling)
		} else {
			p.addPage(f, opts.Paper.W, opts.Paper.H)
			p.cut = false
			p.page(s, opts, logo)
			shortened[i] = p.cut || Shortened(s)
		}
		if err := f.Error(); err != nil {
			return fmt.Errorf("%s: %w", msg.T("pdf.failed"), err)
		}
	}
	p.extraPages(f, opts)
	if err := f.Error(); err != nil {
		return fmt.Errorf("%s: %w", msg.T("pdf.failed"), err)
	}
	for i := range scenes {
		if shortened[i] {
			shortened[first[i]] = true
		}
	}
	for i := range scenes {
		if shortened[i] && first[i] == i && i < len(opts.Journeys) && opts.Journeys[i] != nil {
			if appendices[i] == nil {
				appendices[i] = startAppendix(doc, opts.Journeys[i], cardOf(scenes[i], opts), opts)
			}
			appendices[i].addTo(f, p, doc)
		}
	}
	p.flush()
	if err := f.Error(); err != nil {
		return fmt.Errorf("%s: %w", msg.T("pdf.failed"), err)
	}
	return f.Output(w, func() {
		for _, a := range appendices {
			if a != nil && a.contents != nil {
				a.finish(doc)
			}
		}
	})
}

// Paint paints one poster page — title block with logo and legend, the
// map, the footer — on surface, in page millimetres, exactly as Write puts
// it on a PDF page: other surfaces (canvas/raster's pictures) share the
// drawing as well as the layout.
func Paint(surface Surface, scene *canvas.Scene, opts Options) error {
	pg, err := preparePage(scene, opts)
	if err != nil {
		return err
	}
	return pg.paint(surface)
}

// preparedPage is a poster page ready to be painted, as many times as
// asked: a picture too big to hold is painted strip by strip, the whole
// page on each strip, its surface keeping what falls in the strip. What
// every painting would do again is done once: the options checked, the
// logo decoded; the part of a wrapped map painted last is kept for the
// next strip. The map is placed once: placing it decodes the persona's
// picture, which a surface scales once if it is the same.
type preparedPage struct {
	scene *canvas.Scene
	opts  Options
	logo  *Image
	place mapPlace
	parts partCache
}

func preparePage(scene *canvas.Scene, opts Options) (*preparedPage, error) {
	opts = opts.withDefaults()
	if err := opts.check(); err != nil {
		return nil, err
	}
	if scene == nil {
		return nil, errors.New(msg.T("pdf.no_scene"))
	}
	logo, err := opts.logo()
	if err != nil {
		return nil, err
	}
	return &preparedPage{scene: scene, opts: opts, logo: logo, place: placeMap(scene, opts)}, nil
}

// paint paints the page on surface.
func (pg *preparedPage) paint(surface Surface) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(msg.T("pdf.crash", r))
		}
	}()
	p := newPainter(surface)
	p.parts, p.placed = &pg.parts, &pg.place
	p.resetState()
	p.page(pg.scene, pg.opts, pg.logo)
	return nil
}

// cardOf is the persona whose card the poster of s prints, nil when none.
func cardOf(s *canvas.Scene, opts Options) *model.Persona {
	if opts.NoPersona {
		return nil
	}
	return s.Profile
}

// logo decodes Options.Logo, nil when there is none.
func (o Options) logo() (*Image, error) {
	if len(o.Logo) == 0 {
		return nil, nil
	}
	return ParseImage(o.Logo)
}

// Shortened reports whether any text of the scene had to be cut to fit
// (and ends with an ellipsis).
func Shortened(s *canvas.Scene) bool {
	if s.Curve.Label.Cut {
		return true
	}
	for i := range s.Columns {
		if s.Columns[i].Name.Cut {
			return true
		}
	}
	for i := range s.Rows {
		if s.Rows[i].Name.Cut || s.Rows[i].Status.Cut {
			return true
		}
	}
	for _, b := range s.AllBands() {
		if b.Label.Cut {
			return true
		}
		for k := range b.Cells {
			if b.Cells[k].Text.Cut {
				return true
			}
		}
	}
	for i := range s.Cards {
		if s.Cards[i].Title.Cut || s.Cards[i].Channel.Cut {
			return true
		}
	}
	return false
}

// page paints one scene: title block, then the map, then the footer.
func (p *painter) page(s *canvas.Scene, opts Options, logo *Image) {
	title, area, footer := pageLayout(opts)
	p.setTransform(0, 0, 1)
	p.titleBlock(s, title, (title.Y+title.H+area.Y)/2, opts, logo)
	if opts.hasFooter() {
		p.footer(footer, opts)
	}
	var m mapPlace
	if p.placed != nil {
		m = *p.placed
	} else {
		m = placeMap(s, opts)
	}
	if m.cols > 0 {
		p.personaCard(s.Profile, m.avatar, m.persona, m.cols, m.size)
	}
	p.setTransform(m.x, m.y, m.k)
	p.bands(s, m.wrap)
	p.setTransform(0, 0, 1)
}

// safe is the last guard before a string is written: the text's encoding
// (appendCode) and fpdf's, for the document's title, have two bytes a
// character at most — fpdf panics in Output on any character above U+FFFF
// — and malformed UTF-8 would be misread. Such characters become a visible
// stand-in, the one canvas uses: [U+1F4E6].
func safe(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xF0 { // lead byte of a 4-byte sequence, or invalid
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r > 0xFFFF || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			fmt.Fprintf(&b, "[U+%04X]", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
