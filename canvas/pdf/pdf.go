// Package pdf owns the printed poster: it paints canvas Scenes — the same
// laid-out maps the window shows — onto PDF pages of a chosen paper size,
// one journey per page, with a title block and the map scaled to fit inside
// the margins. Everything is vector; text is real text in the embedded
// DejaVu fonts the layout measured with, so it wraps as on screen and can be
// selected and searched. It also owns the paper sizes (ParsePaper) and
// guards against the PDF library's traps: characters above U+FFFF never
// reach it, and its panics come back as errors.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"parcours/assets"
	"parcours/canvas"
	"parcours/model/msg"
)

// Options says how to print.
type Options struct {
	Paper  Paper     // default A0 landscape when zero
	Margin float64   // mm, default 10
	Date   time.Time // printed in the title block; zero = omit
}

// DefaultMargin is the margin around the poster, in millimetres.
const DefaultMargin = 10.0

// Font family names given to fpdf; they name the embedded fonts in the
// file (fpdf writes them lower-cased, prefixed "utf8").
const (
	familyRegular = "DejaVuSans"
	familyBold    = "DejaVuSans-Bold"
)

func (o Options) withDefaults() Options {
	if o.Paper.W == 0 && o.Paper.H == 0 {
		o.Paper = A0Landscape
	}
	if o.Margin == 0 {
		o.Margin = DefaultMargin
	}
	return o
}

func (o Options) check() error {
	p := o.Paper
	if !(p.W > 0 && p.H > 0 && p.W <= MaxPaperSide && p.H <= MaxPaperSide) {
		return errors.New(msg.T("pdf.paper.range", p.Name, MaxPaperSide))
	}
	_, area := pageLayout(p, o.Margin)
	if !(o.Margin >= 0) || math.IsInf(o.Margin, 0) || !(area.W > 0 && area.H > 0) {
		return errors.New(msg.T("pdf.margin", o.Margin, p.Name, p.W, p.H))
	}
	return nil
}

// pageLayout splits the sheet inside the margins into the title block at
// the top and the area left for the map below it.
func pageLayout(p Paper, margin float64) (title, area canvas.Rect) {
	th := max(0.08*p.H, 15)
	gap := max(3, 0.01*p.H)
	title = canvas.Rect{X: margin, Y: margin, W: p.W - 2*margin, H: th}
	top := margin + th + gap
	area = canvas.Rect{X: margin, Y: top, W: p.W - 2*margin, H: p.H - margin - top}
	return title, area
}

// Placement is where Write puts scene on the page: the page position of
// the scene's origin (mm) and the scale k applied to every length and font
// size. The map fills the area under the title block as much as it can,
// keeping its aspect, centred, never cut.
func Placement(scene *canvas.Scene, opts Options) (x, y, k float64) {
	opts = opts.withDefaults()
	_, area := pageLayout(opts.Paper, opts.Margin)
	if scene == nil || !(scene.Width > 0) || !(scene.Height > 0) {
		return area.X, area.Y, 1
	}
	k = min(area.W/scene.Width, area.H/scene.Height)
	x = area.X + (area.W-scene.Width*k)/2
	y = area.Y + (area.H-scene.Height*k)/2
	return x, y, k
}

// Write paints one page per scene, each page being the journey's poster: a
// title block (journey title large, persona name, objective) then the map
// scaled to fit inside the margins (never cut, never overflowing, aspect
// kept, centred).
func Write(w io.Writer, scenes []*canvas.Scene, opts Options) (err error) {
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
	// fpdf panics on some inputs (characters above U+FFFF, malformed
	// UTF-8) while it writes the fonts; the guard in text keeps those out,
	// and this turns anything else it might throw into an error.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w", msg.T("pdf.failed"), errors.New(msg.T("pdf.crash", r)))
		}
	}()
	f := newDocument(opts)
	titles := make([]string, 0, len(scenes))
	for _, s := range scenes {
		titles = append(titles, strings.TrimSpace(s.Title))
	}
	f.SetTitle(safe(strings.Join(titles, " — ")), true)
	if len(scenes) == 1 && scenes[0].Objective != "" {
		f.SetSubject(safe(scenes[0].Objective), true)
	}
	p := newPainter(f)
	for _, s := range scenes {
		f.AddPageFormat("P", fpdf.SizeType{Wd: opts.Paper.W, Ht: opts.Paper.H})
		p.resetState()
		p.page(s, opts)
		if err := f.Error(); err != nil {
			return fmt.Errorf("%s: %w", msg.T("pdf.failed"), err)
		}
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("%s: %w", msg.T("pdf.failed"), err)
	}
	return nil
}

// newDocument makes an empty fpdf document with our fonts, in millimetres,
// without automatic page breaks.
func newDocument(opts Options) *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm",
		Size: fpdf.SizeType{Wd: opts.Paper.W, Ht: opts.Paper.H}})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	f.SetCreator("Parcours", true)
	if !opts.Date.IsZero() {
		// The same map on the same date gives the same bytes.
		f.SetCreationDate(opts.Date)
		f.SetModificationDate(opts.Date)
	}
	f.AddUTF8FontFromBytes(familyRegular, "", assets.FontRegular)
	f.AddUTF8FontFromBytes(familyBold, "", assets.FontBold)
	return f
}

// page paints one scene: title block, then the map.
func (p *painter) page(s *canvas.Scene, opts Options) {
	title, area := pageLayout(opts.Paper, opts.Margin)
	p.setTransform(0, 0, 1)
	p.titleBlock(s, title, (title.Y+title.H+area.Y)/2, opts)
	x, y, k := Placement(s, opts)
	p.setTransform(x, y, k)
	p.scene(s)
}

// safe is the last guard before fpdf sees a string: fpdf encodes text as
// UTF-16 without surrogates and panics in Output on any character above
// U+FFFF, and it misreads malformed UTF-8. Such characters become a visible
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
