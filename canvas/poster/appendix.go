package poster

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"parcours/canvas"
	"parcours/canvas/pdf"
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

// The appendix is made in three steps, so that its work is spread over the
// cores and mostly done while other work goes on:
//
//  1. appendixTexts: the texts, each wrapped into lines — most of the
//     work — touchpoints on every core, while the posters are painted;
//  2. place: the lines flowed down the A4 pages, arithmetic only;
//  3. paintPages: the pages painted, on every core, while fpdf writes the
//     rest of the document — the pages are in it by then, as markers of
//     the content to come, and the characters they use are known from
//     step 1.
//
// The pages are the same as if the texts were painted one after the other
// as they are flowed.

// appText is a text of the appendix, wrapped, with how it goes on the
// page: after a gap (mm), at an indent (mm), the first keep lines on the
// same page.
type appText struct {
	bold        bool
	size        float64
	ink         canvas.RGB
	indent, gap float64
	keep        int
	lines       []string
}

// appStep is a step of the flow: a text, or (text nil) making sure room mm
// are left on the page.
type appStep struct {
	room float64
	text *appText
}

// stepper collects steps, and in doc's fonts the characters they use.
type stepper struct {
	steps     []appStep
	doc       *pdf.Doc
	reg, bold *canvas.Font
}

func newStepper(doc *pdf.Doc) *stepper {
	reg, bold := canvas.Fonts()
	return &stepper{doc: doc, reg: reg, bold: bold}
}

func (b *stepper) room(h float64) { b.steps = append(b.steps, appStep{room: h}) }

// text adds s wrapped at the given indent, after a gap; keep is how many
// lines must go together on the first page (a heading with the start of
// what follows).
func (b *stepper) text(bold bool, size float64, ink canvas.RGB, indent, gap float64, keep int, s string) {
	f, ft := b.reg, b.doc.Fonts(false)
	if bold {
		f, ft = b.bold, b.doc.Fonts(true)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	w := AppendixPaper.W - 2*appMargin - indent
	printable := f.Printable(s)
	lines := wrapAll(f, printable, size, w)
	// The lines' characters are the text's, and the spaces that join
	// its words.
	ft.UseText(safe(printable))
	ft.Use(' ')
	b.doc.UseEmoji(f, printable)
	b.steps = append(b.steps, appStep{text: &appText{bold: bold, size: size, ink: ink, indent: indent, gap: gap, keep: keep, lines: lines}})
}

// lineHeight is the height of a line of the appendix at size points, mm.
func lineHeight(size float64) float64 { return size * canvas.PtToMM * appSpacing }

// appendixTexts makes the steps of a journey's appendix: every touchpoint
// with its full texts, stage by stage in timeline order, then the stages'
// texts and the opportunities. The touchpoints are taken by chunks by as
// many goroutines as join in (work).
type appendixTexts struct {
	j        *model.Journey
	persona  *model.Persona // printed beside the map; nil when not
	number   map[string]int
	perStage map[string][]*model.Touchpoint
	listed   []*model.Touchpoint // in the order they are listed
	tpSteps  [][]appStep

	next, left atomic.Int64   // the next chunk to take; chunks not done
	done       chan struct{}  // closed once every chunk is done, or one failed
	closeDone  func()         // closes done, once
	failed     atomic.Bool    // no more chunks are taken
	workers    sync.WaitGroup // the goroutines started by help
	mu         sync.Mutex
	runes      []*pdf.Doc // the characters each worker's steps use
	panicked   atomic.Value
}

// textsChunk is how many touchpoints a worker takes at a time.
const textsChunk = 25

func newAppendixTexts(j *model.Journey, persona *model.Persona) *appendixTexts {
	t := &appendixTexts{j: j, persona: persona, done: make(chan struct{})}
	t.closeDone = sync.OnceFunc(func() { close(t.done) })
	timeline := model.TimelineOf(j)
	t.number = make(map[string]int, len(timeline))
	t.perStage = make(map[string][]*model.Touchpoint, len(j.Stages))
	for i, tp := range timeline {
		t.number[tp.ID] = i + 1
		t.perStage[tp.Stage] = append(t.perStage[tp.Stage], tp)
	}
	for _, st := range j.Stages {
		t.listed = append(t.listed, t.perStage[st.ID]...)
	}
	t.tpSteps = make([][]appStep, len(t.listed))
	chunks := (len(t.listed) + textsChunk - 1) / textsChunk
	t.left.Store(int64(chunks))
	if chunks == 0 {
		t.closeDone()
	}
	return t
}

// help starts one more goroutine on the touchpoints.
func (t *appendixTexts) help() {
	t.workers.Add(1)
	go func() {
		defer t.workers.Done()
		t.work()
	}()
}

// work takes chunks of touchpoints until none is left.
func (t *appendixTexts) work() {
	defer func() {
		if r := recover(); r != nil {
			t.panicked.Store(fmt.Sprint(r))
			t.failed.Store(true)
			t.closeDone() // whoever waits is let go, to panic in turn
		}
	}()
	c := newStepper(pdf.NewCharacters())
	t.mu.Lock()
	t.runes = append(t.runes, c.doc)
	t.mu.Unlock()
	for !t.failed.Load() {
		from := int(t.next.Add(1)-1) * textsChunk
		if from >= len(t.listed) {
			break
		}
		for i := from; i < min(from+textsChunk, len(t.listed)); i++ {
			c.steps = nil
			tp := t.listed[i]
			c.touchpoint(t.j, tp, t.number[tp.ID])
			t.tpSteps[i] = c.steps
		}
		if t.left.Add(-1) == 0 {
			t.closeDone()
		}
	}
}

// steps joins in the work, waits for it and returns the steps of the
// appendix and its running head, noting the characters they use in doc.
func (t *appendixTexts) steps(doc *pdf.Doc) (steps []appStep, running string) {
	t.work()
	<-t.done
	if r := t.panicked.Load(); r != nil {
		panic(r)
	}
	t.mu.Lock()
	for _, c := range t.runes {
		doc.Adopt(c)
	}
	t.mu.Unlock()

	j := t.j
	b := newStepper(doc)
	title := strings.TrimSpace(j.Title)
	// The running head: the title, cut to leave room for "(continued)".
	head, _ := b.reg.Wrap(oneLine(b.reg.Printable(title)), appMeta, 0.7*(AppendixPaper.W-2*appMargin), 1)
	running = msg.T("print.appendix.running", strings.Join(head, ""))
	b.text(true, appHeading, canvas.Ink, 0, 0, 1, msg.T("print.appendix.title", title))
	b.text(false, appBody, canvas.MutedInk, 0, 1.5, 1, msg.T("print.appendix.intro"))
	b.text(false, appBody, canvas.Ink, 0, 1.5, 1, strings.Join(journeyFacts(j.State, j.TargetScore), " · "))
	if strings.TrimSpace(j.Objective) != "" {
		b.text(false, appBody, canvas.Ink, 0, 1, 1, msg.T("pdf.objective", j.Objective))
	}
	if ps := t.persona; ps != nil {
		// The persona card's texts, which the poster may have cut.
		b.text(true, appStage, canvas.HeaderBG, 0, 5, 3, msg.T("ui.persona_card"))
		for _, sec := range personaSections(ps) {
			text := sec.text
			if sec.label != "" {
				text = msg.T("print.field", sec.label, text)
			}
			b.text(sec.bold, appBody, canvas.Ink, 0, 0.6, 1, text)
		}
	}
	k := 0
	for si, st := range j.Stages {
		b.text(true, appStage, canvas.HeaderBG, 0, 5, 3, msg.T("print.appendix.stage", si+1, st.Name))
		for _, kind := range []canvas.BandKind{canvas.BandCustomerGoals, canvas.BandBusinessGoals, canvas.BandActions, canvas.BandThoughts} {
			if v := canvas.StageText(st, kind); strings.TrimSpace(v) != "" {
				b.text(false, appBody, canvas.MutedInk, 0, 0.6, 1, msg.T("print.field", msg.T("band."+string(kind)), v))
			}
		}
		for _, kp := range st.KPIs {
			b.text(false, appBody, canvas.MutedInk, 0, 0.6, 1, msg.T("print.field", msg.T("band.kpis"), msg.T("canvas.kpi", kp.Name, kp.Value, kp.Target)))
		}
		tps := t.perStage[st.ID]
		if len(tps) == 0 {
			b.text(false, appBody, canvas.MutedInk, 0, 1.5, 1, msg.T("print.appendix.no_touchpoint"))
		}
		for range tps {
			b.steps = append(b.steps, t.tpSteps[k]...)
			k++
		}
	}
	if len(j.Opportunities) > 0 {
		b.text(true, appStage, canvas.HeaderBG, 0, 5, 3, msg.T("band.opportunities"))
		for _, o := range j.Opportunities {
			b.opportunity(o, j, t.number)
		}
	}
	return b.steps, running
}

// decorate paints what appendix page n (from 1) has besides its texts —
// the footer, and from the second page on the running head — and returns
// where its texts start and where they must end.
func decorate(p *painter, n int, opts Options, running string) (top, bottom float64) {
	pg := AppendixPaper
	p.setTransform(0, 0, 1)
	w := pg.W - 2*appMargin
	bottom = pg.H - appMargin
	if opts.hasFooter() {
		fo := opts
		fo.Paper = pg
		fh := footerHeight(pg)
		p.footer(canvas.Rect{X: appMargin, Y: bottom - fh, W: w, H: fh}, fo)
		bottom -= fh + 3
	}
	top = appMargin
	if n > 1 {
		top = p.lines(false, appMeta, canvas.MutedInk, appMargin, top, w, 1, running)
		p.cut = false // a long title cut in the running head is in full on the first page
		p.setDraw(canvas.GridLine)
		p.setLine(0.2)
		p.line(appMargin, top+1, appMargin+w, top+1)
		top += 4
	}
	return top, bottom
}

// appLine is a line of text placed on a page: its baseline's y.
type appLine struct {
	text *appText
	line string
	y    float64
}

// place flows the steps down pages whose texts go from top[0] to
// bottom[0] on the first page, from top[1] to bottom[1] on the others.
func place(steps []appStep, top, bottom [2]float64) [][]appLine {
	reg, bold := canvas.Fonts()
	pages := [][]appLine{nil}
	y, end := top[0], bottom[0]
	room := func(h float64) {
		if y+h > end {
			pages = append(pages, nil)
			y, end = top[1], bottom[1]
		}
	}
	for _, st := range steps {
		t := st.text
		if t == nil {
			room(st.room)
			continue
		}
		f := reg
		if t.bold {
			f = bold
		}
		lh := lineHeight(t.size)
		y += t.gap
		room(float64(min(max(t.keep, 1), len(t.lines))) * lh)
		asc := f.Ascent * t.size * canvas.PtToMM
		for _, l := range t.lines {
			room(lh)
			last := len(pages) - 1
			pages[last] = append(pages[last], appLine{text: t, line: l, y: y + asc + (lh-t.size*canvas.PtToMM)/2})
			y += lh
		}
	}
	return pages
}

// appendixJob is the appendix of a journey, made on other cores while
// the document is made.
type appendixJob struct {
	opts    Options
	texts   *appendixTexts
	doc     *pdf.Doc // the characters it uses
	running string
	pages   [][]appLine
	laidOut chan struct{}

	contents []*pdf.Later // the pages' contents, once painted
	forms    *pdf.FormSet // the forms they may place
	nextPage atomic.Int64 // the first page of the next chunk to paint
	painting sync.WaitGroup
	mu       sync.Mutex
	painters []*pdf.Doc // the characters each painter used

	panicked atomic.Value
}

// pagesChunk is how many pages a painter takes at a time.
const pagesChunk = 6

// startAppendix starts making the appendix of journey j: its texts and
// their pages. persona is the persona whose card the poster prints, nil
// when none.
func startAppendix(parent *pdf.Doc, j *model.Journey, persona *model.Persona, opts Options) *appendixJob {
	texts := newAppendixTexts(j, persona)
	a := &appendixJob{opts: opts, doc: parent.Child(), texts: texts, laidOut: make(chan struct{})}
	scratch := parent.Child()
	texts.help()
	go func() {
		defer close(a.laidOut)
		defer a.recover()
		steps, running := texts.steps(a.doc)
		// The pages' frames, from painting the first two on a surface
		// thrown away: the running head is the same on every page after
		// the first.
		p := newPainter(pdf.NewDetachedSurface(scratch, pdf.FormSet{}))
		var top, bottom [2]float64
		for n := range 2 {
			p.addPage(nil, AppendixPaper.W, AppendixPaper.H)
			top[n], bottom[n] = decorate(p, n+1, opts, running)
		}
		a.doc.Adopt(scratch)
		a.running = running
		a.pages = place(steps, top, bottom)
	}()
	return a
}

func (a *appendixJob) recover() {
	if r := recover(); r != nil {
		a.panicked.Store(fmt.Sprint(r))
	}
}

// repanic passes on, to the goroutine making the document, a panic of the
// appendix's goroutines.
func (a *appendixJob) repanic() {
	if r := a.panicked.Load(); r != nil {
		panic(r)
	}
}

// addTo adds the appendix's pages to the document f: each page's content
// is a marker of what is being painted, on every core, meanwhile (see
// paint). The characters of the pages are noted in doc at once, for the
// font subsets. Waiting for the texts, it joins in their work.
func (a *appendixJob) addTo(f *pdf.Document, p *painter, doc *pdf.Doc) {
	a.texts.work()
	<-a.laidOut
	a.repanic()
	doc.Adopt(a.doc)
	a.contents = make([]*pdf.Later, len(a.pages))
	for i := range a.pages {
		p.addPage(f, AppendixPaper.W, AppendixPaper.H)
		if i == 0 {
			a.prepareEmoji(p)
			p.flush()
		}
		a.contents[i] = f.Later()
	}
	forms := p.f.(*pdf.Surface).FormSet()
	a.forms = &forms
	for range min(runtime.GOMAXPROCS(0), (len(a.pages)+pagesChunk-1)/pagesChunk) {
		a.painting.Add(1)
		go func() {
			defer a.painting.Done()
			a.paint(doc)
		}()
	}
}

// prepareEmoji makes, on the main surface, the forms of the emoji the
// pages' lines draw, which the detached surfaces painting them cannot
// make: an emoji is then a few bytes a line, as on the poster.
func (a *appendixJob) prepareEmoji(p *painter) {
	s, ok := p.f.(*pdf.Surface)
	if !ok {
		return
	}
	for _, page := range a.pages {
		for _, l := range page {
			f := p.font(l.text.bold)
			for _, r := range l.line {
				if r < 0x80 || !f.IsEmoji(r) {
					continue
				}
				e := newEmojiForm(r, l.text.size, l.text.ink)
				if e.g != nil && !s.HasForm(e.key) {
					s.Prepare(e.key, e.w, e.h, func(s *pdf.Surface) { e.paint(s) })
				}
			}
		}
	}
}

// paint takes chunks of pages to paint, on a detached surface of its own,
// until none is left, and hands each page to the compressors once painted.
func (a *appendixJob) paint(doc *pdf.Doc) {
	defer a.recover()
	child := doc.Child()
	a.mu.Lock()
	a.painters = append(a.painters, child)
	a.mu.Unlock()
	s := pdf.NewDetachedSurface(child, *a.forms)
	p := newPainter(s)
	for {
		from := int(a.nextPage.Add(pagesChunk)) - pagesChunk
		if from >= len(a.pages) {
			return
		}
		for n := from; n < min(from+pagesChunk, len(a.pages)); n++ {
			p.addPage(nil, AppendixPaper.W, AppendixPaper.H)
			decorate(p, n+1, a.opts, a.running)
			for _, l := range a.pages[n] {
				p.setFont(l.text.bold, l.text.size)
				p.setInk(l.text.ink)
				p.text(appMargin+l.text.indent, l.y, l.line)
			}
			doc.Deliver(a.contents[n], s.TakePage())
		}
	}
}

// finish joins in the painting, waits for it, and checks that the pages
// use no character their texts did not announce (a subset would lack its
// glyph).
func (a *appendixJob) finish(doc *pdf.Doc) {
	a.paint(doc)
	a.wait()
	a.repanic()
	for _, c := range a.painters {
		if !doc.Covers(c) {
			panic("pdf: the appendix uses characters its texts did not announce")
		}
	}
}

// wait returns once nothing of the appendix runs.
func (a *appendixJob) wait() {
	<-a.laidOut
	a.texts.workers.Wait()
	a.painting.Wait()
}

// touchpoint adds one touchpoint: its number and title, a line of facts
// (lane, channel, emotion, score, listening point, markers), then its
// description, note and quotes in full.
func (b *stepper) touchpoint(j *model.Journey, t *model.Touchpoint, n int) {
	// The title goes with the first line of facts.
	b.room(2.2 + lineHeight(appTitle) + lineHeight(appMeta))
	b.text(true, appTitle, canvas.Ink, 0, 2.2, 3, strconv.Itoa(n)+". "+t.Title)
	var facts []string
	if l := j.Lane(t.Lane); l != nil {
		facts = append(facts, msg.T("print.tp.lane", l.Name, msg.T(canvas.LaneStatus(l))))
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
	b.text(false, appMeta, canvas.MutedInk, appIndent, 0.3, 1, strings.Join(facts, " · "))
	if strings.TrimSpace(t.Description) != "" {
		b.text(false, appBody, canvas.Ink, appIndent, 0.5, 1, msg.T("print.field", msg.T("print.tp.description"), t.Description))
	}
	if strings.TrimSpace(t.Note) != "" {
		b.text(false, appBody, canvas.Ink, appIndent, 0.5, 1, msg.T("print.field", msg.T("print.tp.note"), t.Note))
	}
	if len(t.Quotes) > 0 {
		b.room(0.7 + 2*lineHeight(appBody))
		b.text(false, appBody, canvas.Ink, appIndent, 0.5, 2, msg.T("print.tp.quotes"))
		for _, q := range t.Quotes {
			b.text(false, appBody, canvas.Ink, appIndent+appQuoteGap, 0.2, 1, canvas.Quoted(q))
		}
	}
}

// opportunity adds one opportunity: title, facts, and the touchpoints it
// is linked to.
func (b *stepper) opportunity(o *model.Opportunity, j *model.Journey, number map[string]int) {
	b.text(true, appTitle, canvas.Ink, 0, 2.2, 2, o.Title)
	facts := []string{msg.T("kind." + string(o.Kind)), msg.T("print.opp.impact", o.Impact), msg.T("print.opp.effort", o.Effort)}
	if insight.QuickWin(o) {
		facts = append(facts, msg.T("canvas.quick_win"))
	}
	if strings.TrimSpace(o.Owner) != "" {
		facts = append(facts, msg.T("print.opp.owner", o.Owner))
	}
	facts = append(facts, msg.T("print.opp.status."+string(o.Status)))
	b.text(false, appMeta, canvas.MutedInk, appIndent, 0.3, 1, strings.Join(facts, " · "))
	var tps []string
	for _, id := range o.Touchpoints {
		if t := j.Touchpoint(id); t != nil {
			tps = append(tps, strconv.Itoa(number[id])+". "+oneLine(t.Title))
		}
	}
	if len(tps) > 0 {
		b.text(false, appBody, canvas.Ink, appIndent, 0.5, 1, msg.T("print.field", msg.T("print.opp.touchpoints"), strings.Join(tps, " ; ")))
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
// journeyFacts says whether the journey is today's or the one aimed at,
// and its target experience score.
func journeyFacts(state model.JourneyState, target float64) []string {
	facts := []string{msg.T("print.appendix.current")}
	if state == model.Target {
		facts[0] = msg.T("print.appendix.target")
	}
	return append(facts, msg.T("print.appendix.target_score", decimal(target)))
}

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
	var line []byte
	for {
		para := s
		nl := strings.IndexByte(s, '\n')
		if nl >= 0 {
			para = s[:nl]
		}
		line = line[:0]
		lw := 0.0
		flush := func() {
			lines = append(lines, string(line))
			line = line[:0]
			lw = 0
		}
		for {
			word := nextWord(&para)
			if word == "" {
				break
			}
			ww := f.Width(word, size)
			if len(line) > 0 && lw+space+ww <= width {
				line = append(line, ' ')
				line = append(line, word...)
				lw += space + ww
				continue
			}
			if len(line) > 0 {
				flush()
			}
			if ww <= width {
				line = append(line, word...)
				lw = ww
				continue
			}
			// A word wider than the line is broken between characters.
			for word != "" {
				r, n := utf8.DecodeRuneInString(word)
				rw := f.Width(word[:n], size)
				if len(line) > 0 && lw+rw > width {
					flush()
				}
				line = utf8.AppendRune(line, r)
				lw += rw
				word = word[n:]
			}
		}
		flush()
		if nl < 0 {
			break
		}
		s = s[nl+1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// nextWord takes the next word off *s, as strings.Fields splits: at
// Unicode white space; "" when there is none left.
func nextWord(s *string) string {
	t := *s
	i := 0
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	j := i
	for j < len(t) {
		if c := t[j]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[j:])
		if unicode.IsSpace(r) {
			break
		}
		j += n
	}
	*s = t[j:]
	return t[i:j]
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
