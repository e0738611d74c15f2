package poster

import (
	"strings"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/msg"
)

// The persona card is printed beside the map (a column at its left) or
// above it (a strip under the title block), whichever leaves the map
// larger. A column takes a share of the width under the title block, a
// strip at most a share of its height; either is as long as its texts.
const (
	personaColumnShare = 0.17
	personaStripShare  = 0.25
	// Text sizes, as shares of the title block's subtitle size: the body
	// as printed, and the smallest it may shrink to when the card is full.
	personaBody    = 0.6
	personaMinBody = 0.3
)

// personaSection is one part of the card: a label (may be empty) and its
// text.
type personaSection struct {
	label, text string
	bold        bool    // the name
	scale       float64 // of the body size
	ink         canvas.RGB
}

// personaSections lists what the card shows, in reading order, leaving out
// the empty fields.
func personaSections(ps *model.Persona) []personaSection {
	var out []personaSection
	add := func(label, text string) {
		if text = strings.TrimSpace(text); text != "" {
			out = append(out, personaSection{label: label, text: text, scale: 1, ink: canvas.Ink})
		}
	}
	if name := strings.TrimSpace(ps.Name); name != "" {
		out = append(out, personaSection{text: name, bold: true, scale: 1.5, ink: canvas.Ink})
	}
	if who := ps.JobAndAge(); who != "" {
		out = append(out, personaSection{text: who, scale: 1, ink: canvas.MutedInk})
	}
	add(msg.T("ui.hobbies"), ps.Hobbies)
	add(msg.T("ui.ambitions"), ps.Ambitions)
	add(msg.T("ui.frustrations"), ps.Frustrations)
	var channels []string
	for _, c := range ps.Channels {
		channels = append(channels, msg.T("channel."+string(c)))
	}
	add(msg.T("print.persona.channels"), strings.Join(channels, ", "))
	if q := strings.TrimSpace(ps.Quote); q != "" {
		out = append(out, personaSection{text: canvas.Quoted(q), scale: 1.1, ink: canvas.HeaderBG})
	}
	return out
}

// personaLine is a line of the card laid out: its text, font and place
// (left end of the baseline), page mm.
type personaLine struct {
	text string
	bold bool
	size float64
	ink  canvas.RGB
	x, y float64
}

// personaLayout is a persona card laid out in its box.
type personaLayout struct {
	box    canvas.Rect
	avatar canvas.Rect // zero without a picture
	img    *Image
	lines  []personaLine // the heading first
	fits   bool          // false when texts had to be cut
}

// layoutPersona lays the card of ps out in box at body size (points):
// its heading, the avatar (on top in a column, cols = 1; on the left in a
// strip) and the sections flowed down cols columns. It tells whether
// everything fitted; when not, the last line that did ends with an
// ellipsis.
func layoutPersona(ps *model.Persona, img *Image, box canvas.Rect, cols int, size float64) personaLayout {
	reg, bold := canvas.Fonts()
	out := personaLayout{box: box, img: img, fits: true}
	pad := 0.8 * size * canvas.PtToMM
	in := canvas.Rect{X: box.X + pad, Y: box.Y + pad, W: box.W - 2*pad, H: box.H - 2*pad}

	hsz := 0.85 * size
	head := strings.ToUpper(bold.Printable(msg.T("ui.persona_card")))
	out.lines = append(out.lines, personaLine{text: head, bold: true, size: hsz, ink: canvas.HeaderBG,
		x: in.X, y: in.Y + bold.Ascent*hsz*canvas.PtToMM})
	hh := (bold.Ascent + bold.Descent) * hsz * canvas.PtToMM * 1.5
	in.Y += hh
	in.H -= hh

	if img != nil {
		aspect := float64(img.W) / float64(img.H)
		if cols == 1 {
			h := min(0.4*in.W/aspect, 0.3*in.H)
			out.avatar = canvas.Rect{X: in.X, Y: in.Y, W: h * aspect, H: h}
			in.Y += h + pad/2
			in.H -= h + pad/2
		} else {
			w := min(in.H*aspect, 0.8*in.W/float64(cols+1))
			out.avatar = canvas.Rect{X: in.X, Y: in.Y, W: w, H: w / aspect}
			in.X += w + pad
			in.W -= w + pad
		}
	}
	if !(in.W > 0 && in.H > 0) {
		out.fits = false
		return out
	}

	gap := 1.5 * size * canvas.PtToMM
	colW := (in.W - float64(cols-1)*gap) / float64(cols)
	col, y := 0, in.Y
	// put adds a line of height lh, in the next column when this one is
	// full; false when no column is left.
	put := func(l personaLine, f *canvas.Font, lh float64) bool {
		if y+lh > in.Y+in.H+1e-9 {
			col++
			y = in.Y
			if col >= cols || lh > in.H {
				return false
			}
		}
		l.x = in.X + float64(col)*(colW+gap)
		l.y = y + f.Ascent*l.size*canvas.PtToMM
		out.lines = append(out.lines, l)
		y += lh
		return true
	}
	// ellipsis ends the last line placed, saying that more was cut.
	ellipsis := func(rest string) {
		out.fits = false
		last := &out.lines[len(out.lines)-1]
		f := reg
		if last.bold {
			f = bold
		}
		if cut, _ := f.Wrap(last.text+" "+rest, last.size, colW, 1); len(cut) > 0 {
			last.text = cut[0]
		}
	}
	for i, s := range personaSections(ps) {
		f := reg
		if s.bold {
			f = bold
		}
		sz := size * s.scale
		lh := (f.Ascent + f.Descent) * sz * canvas.PtToMM * 1.05
		if i > 0 && y > in.Y {
			y += 0.5 * size * canvas.PtToMM // air between sections
		}
		text := f.Printable(s.text)
		if s.label != "" {
			lsz := 0.75 * size
			llh := (bold.Ascent + bold.Descent) * lsz * canvas.PtToMM * 1.1
			if y+llh+lh > in.Y+in.H && y > in.Y {
				y = in.Y + in.H + 1 // a label never ends a column
			}
			if !put(personaLine{text: strings.ToUpper(bold.Printable(s.label)), bold: true, size: lsz, ink: canvas.MutedInk}, bold, llh) {
				ellipsis(text)
				return out
			}
		}
		lines := wrapAll(f, text, sz, colW)
		for k, l := range lines {
			if !put(personaLine{text: l, bold: s.bold, size: sz, ink: s.ink}, f, lh) {
				ellipsis(strings.Join(lines[k:], " "))
				return out
			}
		}
	}
	return out
}

// planPersona sizes the persona card: a column of width w at most h high,
// or (cols > 1) a strip of width w and of cols columns at most h high.
// The box is as high as the texts need at the body size; when that is
// more than h, the texts shrink until they fit, down to the smallest size,
// and are cut beyond. It returns the card's height and text size.
func planPersona(ps *model.Persona, img *Image, w, h float64, cols int, body, smallest float64) (height, size float64) {
	fits := func(hh, sz float64) bool {
		return layoutPersona(ps, img, canvas.Rect{W: w, H: hh}, cols, sz).fits
	}
	if fits(h, body) {
		// The lowest box that holds everything, to a tenth of a millimetre.
		lo, hi := 0.0, h
		for hi-lo > 0.1 {
			mid := (lo + hi) / 2
			if fits(mid, body) {
				hi = mid
			} else {
				lo = mid
			}
		}
		return hi, body
	}
	lo, hi := smallest, body
	if !fits(h, lo) {
		return h, lo
	}
	for hi-lo > 0.05 {
		mid := (lo + hi) / 2
		if fits(h, mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return h, lo
}

// personaCard paints the persona card, with its decoded picture (nil for
// none), laid out in box at size points.
func (p *painter) personaCard(ps *model.Persona, img *Image, box canvas.Rect, cols int, size float64) {
	l := layoutPersona(ps, img, box, cols, size)
	p.cut = p.cut || !l.fits
	p.solid()
	p.setFill(canvas.BandFill)
	r := 0.6 * size * canvas.PtToMM
	p.roundedRect(box, r, r, r, r, Fill)
	if l.img != nil {
		p.f.Picture(l.img, l.avatar.X, l.avatar.Y, l.avatar.W, l.avatar.H)
	}
	for _, ln := range l.lines {
		p.setFont(ln.bold, ln.size)
		p.setInk(ln.ink)
		p.text(ln.x, ln.y, ln.text)
	}
}

// personaAvatar decodes the persona's picture; one that cannot be read is
// left out rather than stopping the print (the editor accepted it).
func personaAvatar(ps *model.Persona) *Image {
	if len(ps.Avatar) == 0 {
		return nil
	}
	img, err := ParseImage(ps.Avatar)
	if err != nil {
		return nil
	}
	return img
}
