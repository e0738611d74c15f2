package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
)

// AppendixPaper is the paper of the appendix pages: texts to read at hand
// print best on office paper, whatever the poster's size.
var AppendixPaper = Paper{Name: "A4", W: 210, H: 297}

// Sizes of the appendix, in points, and its margin in mm.
const (
	appMargin   = 15.0
	appHeading  = 14.0
	appStage    = 11.5
	appTitle    = 9.5
	appBody     = 8.5
	appMeta     = 7.5
	appSpacing  = 1.3 // line height / font size
	appIndent   = 5.0 // mm, texts under a touchpoint's title
	appQuoteGap = 3.0 // mm, quotes further in
)

// flow lays text out down A4 pages, starting a new page when the current
// one is full. Page coordinates.
type flow struct {
	p       *painter
	f       *fpdf.Fpdf
	opts    Options
	y       float64
	bottom  float64
	running string // repeated at the top of every page after the first
	pages   int
}

func (fl *flow) newPage() {
	pg := AppendixPaper
	fl.f.AddPageFormat("P", fpdf.SizeType{Wd: pg.W, Ht: pg.H})
	fl.pages++
	p := fl.p
	p.resetState()
	p.setTransform(0, 0, 1)
	w := pg.W - 2*appMargin
	fl.bottom = pg.H - appMargin
	if fl.opts.hasFooter() {
		fo := fl.opts
		fo.Paper = pg
		fh := footerHeight(pg)
		p.footer(canvas.Rect{X: appMargin, Y: fl.bottom - fh, W: w, H: fh}, fo)
		fl.bottom -= fh + 3
	}
	fl.y = appMargin
	if fl.pages > 1 {
		fl.y = p.lines(false, appMeta, canvas.MutedInk, appMargin, fl.y, w, 1, fl.running)
		p.cut = false // a long title cut in the running head is in full on the first page
		p.setDraw(canvas.GridLine)
		p.setLine(0.2)
		p.line(appMargin, fl.y+1, appMargin+w, fl.y+1)
		fl.y += 4
	}
}

// room makes sure h mm are left on the page.
func (fl *flow) room(h float64) {
	if fl.y+h > fl.bottom {
		fl.newPage()
	}
}

// text writes s wrapped at the given indent, after a gap, breaking pages
// between lines; keep is how many lines must go together on the first
// page (a heading with the start of what follows).
func (fl *flow) text(bold bool, size float64, ink canvas.RGB, indent, gap float64, keep int, s string) {
	p := fl.p
	f := p.reg
	if bold {
		f = p.bold
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	w := AppendixPaper.W - 2*appMargin - indent
	lines := wrapAll(f, f.Printable(s), size, w)
	lh := lineHeight(size)
	fl.y += gap
	fl.room(float64(min(max(keep, 1), len(lines))) * lh)
	asc := f.Ascent * size * canvas.PtToMM
	for _, l := range lines {
		fl.room(lh)
		p.setFont(bold, size)
		p.setInk(ink)
		p.text(appMargin+indent, fl.y+asc+(lh-size*canvas.PtToMM)/2, l)
		fl.y += lh
	}
}

// lineHeight is the height of a line of the appendix at size points, mm.
func lineHeight(size float64) float64 { return size * canvas.PtToMM * appSpacing }

// appendix lists every touchpoint of journey j with its full texts, stage
// by stage in timeline order, then the stages' texts and the
// opportunities, on as many A4 pages as it takes.
func (p *painter) appendix(f *fpdf.Fpdf, s *canvas.Scene, j *model.Journey, opts Options) {
	title := strings.TrimSpace(j.Title)
	// The running head: the title, cut to leave room for "(continued)".
	head, _ := p.reg.Wrap(oneLine(p.reg.Printable(title)), appMeta, 0.7*(AppendixPaper.W-2*appMargin), 1)
	fl := &flow{p: p, f: f, opts: opts, running: msg.T("print.appendix.running", strings.Join(head, ""))}
	fl.newPage()
	fl.text(true, appHeading, canvas.Ink, 0, 0, 1, msg.T("print.appendix.title", title))
	fl.text(false, appBody, canvas.MutedInk, 0, 1.5, 1, msg.T("print.appendix.intro"))
	var facts []string
	if j.State == model.Target {
		facts = append(facts, msg.T("print.appendix.target"))
	} else {
		facts = append(facts, msg.T("print.appendix.current"))
	}
	facts = append(facts, msg.T("print.appendix.target_score", decimal(j.TargetScore)))
	fl.text(false, appBody, canvas.Ink, 0, 1.5, 1, strings.Join(facts, " · "))
	if strings.TrimSpace(j.Objective) != "" {
		fl.text(false, appBody, canvas.Ink, 0, 1, 1, msg.T("pdf.objective", j.Objective))
	}

	timeline := model.TimelineOf(j)
	number := make(map[string]int, len(timeline))
	perStage := make(map[string][]*model.Touchpoint, len(j.Stages))
	for i, t := range timeline {
		number[t.ID] = i + 1
		perStage[t.Stage] = append(perStage[t.Stage], t)
	}
	for si, st := range j.Stages {
		fl.text(true, appStage, canvas.HeaderBG, 0, 5, 3, msg.T("print.appendix.stage", si+1, st.Name))
		for _, kind := range []canvas.BandKind{canvas.BandCustomerGoals, canvas.BandBusinessGoals, canvas.BandActions, canvas.BandThoughts} {
			if v := stageField(st, kind); strings.TrimSpace(v) != "" {
				fl.text(false, appBody, canvas.MutedInk, 0, 0.6, 1, msg.T("print.field", msg.T("band."+string(kind)), v))
			}
		}
		for _, k := range st.KPIs {
			fl.text(false, appBody, canvas.MutedInk, 0, 0.6, 1, msg.T("print.field", msg.T("band.kpis"), msg.T("canvas.kpi", k.Name, k.Value, k.Target)))
		}
		tps := perStage[st.ID]
		if len(tps) == 0 {
			fl.text(false, appBody, canvas.MutedInk, 0, 1.5, 1, msg.T("print.appendix.no_touchpoint"))
		}
		for _, t := range tps {
			fl.touchpoint(j, t, number[t.ID])
		}
	}
	if len(j.Opportunities) > 0 {
		fl.text(true, appStage, canvas.HeaderBG, 0, 5, 3, msg.T("band.opportunities"))
		for _, o := range j.Opportunities {
			fl.opportunity(o, j, number)
		}
	}
}

// touchpoint writes one touchpoint: its number and title, a line of facts
// (lane, channel, emotion, score, listening point, markers), then its
// description, note and quotes in full.
func (fl *flow) touchpoint(j *model.Journey, t *model.Touchpoint, n int) {
	// The title goes with the first line of facts.
	fl.room(2.2 + lineHeight(appTitle) + lineHeight(appMeta))
	fl.text(true, appTitle, canvas.Ink, 0, 2.2, 3, strconv.Itoa(n)+". "+t.Title)
	var facts []string
	if l := j.Lane(t.Lane); l != nil {
		facts = append(facts, msg.T("print.tp.lane", l.Name, msg.T(laneStatusKey(l))))
	}
	facts = append(facts, msg.T("print.tp.channel", msg.T("channel."+string(t.Channel))))
	facts = append(facts, msg.T("print.tp.emotion", emotionText(t.Emotion)))
	switch {
	case t.Score == nil:
		facts = append(facts, msg.T("print.tp.no_score"))
	case t.Responses > 0:
		facts = append(facts, msg.T("print.tp.score_n", decimal(*t.Score), t.Responses))
	default:
		facts = append(facts, msg.T("print.tp.score", decimal(*t.Score)))
	}
	if t.Listened {
		facts = append(facts, msg.T("print.tp.listened"))
	}
	if ms := t.Markers.List(); len(ms) > 0 {
		names := make([]string, len(ms))
		for i, m := range ms {
			names[i] = msg.T("marker." + string(m))
		}
		facts = append(facts, msg.T("print.tp.markers", strings.Join(names, ", ")))
	}
	fl.text(false, appMeta, canvas.MutedInk, appIndent, 0.3, 1, strings.Join(facts, " · "))
	if strings.TrimSpace(t.Description) != "" {
		fl.text(false, appBody, canvas.Ink, appIndent, 0.5, 1, msg.T("print.field", msg.T("print.tp.description"), t.Description))
	}
	if strings.TrimSpace(t.Note) != "" {
		fl.text(false, appBody, canvas.Ink, appIndent, 0.5, 1, msg.T("print.field", msg.T("print.tp.note"), t.Note))
	}
	if len(t.Quotes) > 0 {
		fl.room(0.7 + 2*lineHeight(appBody))
		fl.text(false, appBody, canvas.Ink, appIndent, 0.5, 2, msg.T("print.tp.quotes"))
		for _, q := range t.Quotes {
			fl.text(false, appBody, canvas.Ink, appIndent+appQuoteGap, 0.2, 1, msg.T("print.quote", strings.TrimSpace(q)))
		}
	}
}

// opportunity writes one opportunity: title, facts, and the touchpoints it
// is linked to.
func (fl *flow) opportunity(o *model.Opportunity, j *model.Journey, number map[string]int) {
	fl.text(true, appTitle, canvas.Ink, 0, 2.2, 2, o.Title)
	facts := []string{msg.T("kind." + string(o.Kind)), msg.T("print.opp.impact", o.Impact), msg.T("print.opp.effort", o.Effort)}
	if insight.QuickWin(o) {
		facts = append(facts, msg.T("canvas.quick_win"))
	}
	if strings.TrimSpace(o.Owner) != "" {
		facts = append(facts, msg.T("print.opp.owner", o.Owner))
	}
	facts = append(facts, msg.T("print.opp.status."+string(o.Status)))
	fl.text(false, appMeta, canvas.MutedInk, appIndent, 0.3, 1, strings.Join(facts, " · "))
	var tps []string
	for _, id := range o.Touchpoints {
		if t := j.Touchpoint(id); t != nil {
			tps = append(tps, strconv.Itoa(number[id])+". "+oneLine(t.Title))
		}
	}
	if len(tps) > 0 {
		fl.text(false, appBody, canvas.Ink, appIndent, 0.5, 1, msg.T("print.field", msg.T("print.opp.touchpoints"), strings.Join(tps, " ; ")))
	}
}

func stageField(st *model.Stage, k canvas.BandKind) string {
	switch k {
	case canvas.BandCustomerGoals:
		return st.CustomerGoals
	case canvas.BandBusinessGoals:
		return st.BusinessGoals
	case canvas.BandActions:
		return st.Actions
	case canvas.BandThoughts:
		return st.Thoughts
	}
	return ""
}

func laneStatusKey(l *model.Lane) string {
	switch {
	case l.Owned:
		return "canvas.owned"
	case l.Leverage:
		return "canvas.leverage"
	default:
		return "canvas.not_owned"
	}
}

// emotionText writes an emotion as the curve's ticks do: −2 … +2.
func emotionText(e int) string {
	switch {
	case e > 0:
		return "+" + strconv.Itoa(e)
	case e < 0:
		return "−" + strconv.Itoa(-e)
	}
	return "0"
}

// decimal writes a score with the user's decimal separator.
func decimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if msg.Language() == msg.French {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// wrapAll breaks s into lines no wider than width mm at size points,
// without limit of lines: at spaces, at line breaks, and between
// characters inside a word longer than a line. Unlike canvas.Font.Wrap,
// which measures each candidate line again, it adds up word widths, so
// that pages of long texts cost their length. s must be Printable.
func wrapAll(f *canvas.Font, s string, size, width float64) []string {
	space := f.Width(" ", size)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lw := 0.0
		flush := func() {
			lines = append(lines, line.String())
			line.Reset()
			lw = 0
		}
		for _, word := range strings.Fields(para) {
			ww := f.Width(word, size)
			if line.Len() > 0 && lw+space+ww <= width {
				line.WriteByte(' ')
				line.WriteString(word)
				lw += space + ww
				continue
			}
			if line.Len() > 0 {
				flush()
			}
			if ww <= width {
				line.WriteString(word)
				lw = ww
				continue
			}
			// A word wider than the line is broken between characters.
			for word != "" {
				r, n := utf8.DecodeRuneInString(word)
				rw := f.Width(word[:n], size)
				if line.Len() > 0 && lw+rw > width {
					flush()
				}
				line.WriteRune(r)
				lw += rw
				word = word[n:]
			}
		}
		flush()
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
