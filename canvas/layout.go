package canvas

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
)

// Dimensions of the map in millimetres. They are sized for a poster read
// at arm's length: a card narrow enough that many fit across, holding
// four lines of title at a size that stays readable once a long journey
// is scaled down to its paper (see the poster's goals in CONTRACTS §6).
const (
	LabelWidth   = 40.0
	HeaderHeight = 14.0
	SlotWidth    = 46.0
	CardWidth    = 40.0
	CardHeight   = 31.0
	LaneHeight   = CardHeight + 6
	CurveGap     = 4.0
	CurveHeight  = 38.0

	cardPad    = 2.0
	stripWidth = 1.6
	titleSize  = 11.0 // pt
	titleLines = 4
	// A title with a word too long for a line is made smaller, down to
	// this share of titleSize, before the word is broken.
	minTitleShare = 0.8
	numberGap     = 1.5 // between a card's number and its title
	channelSize   = 7.0
	nameSize      = 10.0
	stageSize     = 12.0
	lineSpacing   = 1.2
	faceRadius    = 3.2
	badgeSize     = 4.2
	iconSize      = 3.6 // a card's channel pictogram
	iconGap       = 0.8 // between the pictogram and the channel's name
	curvePad      = 6.0
	// The listened mark sits on the card's top-right corner and stays
	// inside the slot's margin.
	listenRadius = 1.7
)

// Text colours.
var (
	Ink      = RGB{0x22, 0x22, 0x22}
	MutedInk = RGB{0x55, 0x55, 0x55}
)

// View chooses which touchpoints a scene shows.
type View int

// Views: micro shows every touchpoint; macro only the key moments (those
// with a marker), laid out again compactly, with a summary per stage.
const (
	Micro View = iota
	Macro
)

// Options tune a layout.
type Options struct {
	View View
	// Quotes adds, under the curve, a row of the customers' quotes: those
	// of each stage's touchpoints (shown in the view), in timeline order.
	Quotes bool
	// NoOpportunities leaves out the row of opportunities under the curve.
	NoOpportunities bool
	// Trends draws, in the KPI row, each KPI's values over the journey's
	// reviews as a small line at the right of the KPI (issue 13).
	Trends bool
}

// Layout lays out journey j of document d in the micro view.
func Layout(d *model.Document, j *model.Journey) *Scene { return LayoutWith(d, j, Options{}) }

// LayoutWith lays out journey j of document d.
func LayoutWith(d *model.Document, j *model.Journey, opts Options) *Scene {
	lt := Layouter{once: true}
	return lt.Layout(d, j, opts)
}

// A Layouter lays a journey out again and again, as the window does after
// every edit. It remembers each card as it last laid it out: a card whose
// touchpoint shows the same thing is given again as it was when it stays
// in place, or moved to its new place, rather than laid out again, so that
// a drop on a map of 20 000 cards wraps one title, not 20 000. Its zero
// value is ready; it is not safe for concurrent use. A scene it gave is
// good until it has laid out two more: the one before the last has its
// cards written over.
type Layouter struct {
	lang  string // the language the cards were laid out in
	cards map[*model.Touchpoint]*laidCard
	prev  *Scene // the last scene laid out
	// prevOf and prevLaid are the touchpoints of prev's cards and their
	// laidCards: the next layout finds most of its cards there, in the
	// same order, without looking them up in cards.
	prevOf   []*model.Touchpoint
	prevLaid []*laidCard
	// spare is the cards of the scene laid out before prev, which nobody
	// looks at any more: the next scene's cards are written over them
	// rather than in 9 MB of new memory at 20 000 cards.
	spare []Card
	gen   int  // how many scenes it has laid out
	once  bool // lays out one scene: nothing to remember
}

// Layout lays out journey j of document d, as LayoutWith does.
func (lt *Layouter) Layout(d *model.Document, j *model.Journey, opts Options) *Scene {
	reg, bold := Fonts()
	s := &Scene{JourneyID: j.ID, Title: reg.Printable(j.Title), Objective: reg.Printable(j.Objective), View: opts.View,
		State: j.State, TargetScore: j.TargetScore}
	if p := d.Persona(j.Persona); p != nil {
		s.Persona = reg.Printable(p.Name)
		// A copy: the scene may be printed on another goroutine while the
		// persona is being edited.
		c := *p
		c.Channels = slices.Clone(p.Channels)
		s.Profile = &c
	}
	report := insight.Analyze(j)
	s.Insights = report
	timeline := model.TimelineOf(j)
	shown := timeline
	if opts.View == Macro {
		shown = make([]*model.Touchpoint, 0, len(timeline))
		for _, t := range timeline {
			if t.Markers != 0 {
				shown = append(shown, t)
			}
		}
	}
	perStage := make(map[string][]*model.Touchpoint, len(j.Stages))
	for _, t := range shown {
		perStage[t.Stage] = append(perStage[t.Stage], t)
	}

	// Columns of cards: a stage's touchpoints share a column as long as
	// each one's lane is below the previous one's, so that the map reads
	// left to right across the columns and top to bottom within one.
	rowOf := make(map[string]int, len(j.Lanes))
	for i, l := range j.Lanes {
		rowOf[l.ID] = i
	}
	steps := Steps(shown, rowOf)
	x := LabelWidth
	colOf := make(map[string]int, len(j.Stages))
	below := make(map[string]bool, len(report.Stages))
	for _, si := range report.Stages {
		below[si.Stage] = si.BelowTarget
	}
	nSteps := make(map[string]int, len(j.Stages))
	for i, t := range shown {
		nSteps[t.Stage] = max(nSteps[t.Stage], steps[i]+1)
	}
	for i, st := range j.Stages {
		colOf[st.ID] = i
		n := max(nSteps[st.ID], 1)
		w := max(float64(n)*SlotWidth, st.Width)
		c := Column{StageID: st.ID, Header: Rect{x, 0, w, HeaderHeight}, BelowTarget: below[st.ID]}
		for k := 0; k < n; k++ {
			c.Slots = append(c.Slots, x+float64(k)*SlotWidth)
		}
		c.Name = block(bold, bold.Printable(st.Name), stageSize, Rect{x + cardPad, 0, w - 2*cardPad, HeaderHeight}, 2, true, HeaderInk)
		s.Columns = append(s.Columns, c)
		x += w
	}
	s.Width = max(x, LabelWidth+SlotWidth)

	// Stage texts between the names and the lanes.
	y := HeaderHeight
	if opts.View == Macro {
		s.Bands = append(s.Bands, s.band(BandSummary, y, func(i int) string {
			return summary(j, j.Stages[i], report.Stages[i], len(j.StageTouchpoints(j.Stages[i].ID))-len(perStage[j.Stages[i].ID]))
		}))
		y = bandBottom(s.Bands)
	}
	for _, k := range []BandKind{BandActions, BandThoughts, BandCustomerGoals, BandBusinessGoals, BandKPIs} {
		if k == BandKPIs && opts.Trends {
			s.Bands = append(s.Bands, s.kpiTrends(j, y))
		} else {
			s.Bands = append(s.Bands, s.band(k, y, func(i int) string { return StageText(j.Stages[i], k) }))
		}
		y = bandBottom(s.Bands)
	}
	gridTop := y
	gridBottom := gridTop + LaneHeight*float64(len(j.Lanes))
	for i := range s.Columns {
		c := &s.Columns[i]
		c.Body = Rect{c.Header.X, gridTop, c.Header.W, gridBottom - gridTop}
	}
	s.Grid = Rect{LabelWidth, gridTop, s.Width - LabelWidth, gridBottom - gridTop}

	for i, l := range j.Lanes {
		y := gridTop + float64(i)*LaneHeight
		r := Row{LaneID: l.ID, Rect: Rect{0, y, s.Width, LaneHeight}, Label: Rect{0, y, LabelWidth, LaneHeight},
			Owned: l.Owned, Leverage: l.Leverage, Color: ParseColor(l.Color)}
		label := Rect{cardPad + stripWidth, y + cardPad, LabelWidth - 2*cardPad - stripWidth, LaneHeight - 2*cardPad}
		statusH := channelSize * PtToMM * lineSpacing
		r.Name = block(bold, bold.Printable(l.Name), nameSize, Rect{label.X, label.Y, label.W, label.H - statusH}, 4, true, Ink)
		r.Status = block(reg, msg.T(LaneStatus(l)), channelSize, Rect{label.X, label.Y + label.H - statusH, label.W, statusH}, 1, false, MutedInk)
		s.Rows = append(s.Rows, r)
	}

	// Curve band.
	top := gridBottom + CurveGap
	s.Curve.Rect = Rect{LabelWidth, top, s.Width - LabelWidth, CurveHeight}
	for e := -2; e <= 2; e++ {
		s.Curve.Levels[e+2] = top + curvePad + float64(2-e)/4*(CurveHeight-2*curvePad)
	}
	s.Curve.Label = block(bold, msg.T("canvas.curve"), nameSize, Rect{cardPad, top, LabelWidth - 2*cardPad, CurveHeight}, 3, true, Ink)

	// Under the curve: the quotes, then the opportunities, one row after
	// the other.
	s.Height = top + CurveHeight
	y = s.Height + CurveGap
	if opts.Quotes {
		// One quote a paragraph: past bandMaxLines+1 of them a cell is cut
		// whatever they say, so the rest are not even put together.
		quotes := make([]strings.Builder, len(j.Stages))
		count := make([]int, len(j.Stages))
		for _, t := range shown {
			col, ok := colOf[t.Stage]
			if !ok {
				continue
			}
			for _, q := range t.Quotes {
				if strings.TrimSpace(q) == "" || count[col] > bandMaxLines {
					continue
				}
				if count[col] > 0 {
					quotes[col].WriteByte('\n')
				}
				quotes[col].WriteString(Quoted(q))
				count[col]++
			}
		}
		s.Below = append(s.Below, s.band(BandQuotes, y, func(i int) string { return quotes[i].String() }))
		y = bandBottom(s.Below)
	}
	if !opts.NoOpportunities {
		// Each in the stage of its first touchpoint.
		oppText := make([]string, len(j.Stages))
		for _, o := range j.Opportunities {
			col := 0
			if len(o.Touchpoints) > 0 {
				if t := j.Touchpoint(o.Touchpoints[0]); t != nil {
					col = max(colOf[t.Stage], 0)
				}
			}
			if oppText[col] != "" {
				oppText[col] += "\n"
			}
			oppText[col] += opportunityText(o)
		}
		s.Below = append(s.Below, s.band(BandOpportunities, y, func(i int) string { return oppText[i] }))
	}
	if len(s.Below) > 0 {
		s.Height = bandBottom(s.Below)
	}

	// The report's lists are in timeline order, as the timeline is: each
	// is read along it, without a map of ids.
	peaks, drops := inTimeline(timeline, report.Peaks), inTimeline(timeline, report.Drops)
	listen, noLever := inTimeline(timeline, adviceIDs(report.ListeningPoints)), inTimeline(timeline, adviceIDs(report.NoLever))
	// Each card's place on the whole timeline, as the appendix numbers it:
	// shown is the timeline, or in the macro view a part of it in order.
	place := make([]int, len(shown))
	for i, k := 0, 0; i < len(shown) && k < len(timeline); k++ {
		if timeline[k] == shown[i] {
			place[i] = k + 1
			i++
		}
	}
	// The cards sharing a column follow one another in shown: each card's
	// rank among them, and how many they are.
	rank, share := make([]int, len(shown)), make([]int, len(shown))
	for from := 0; from < len(shown); {
		to := from + 1
		for to < len(shown) && shown[to].Stage == shown[from].Stage && steps[to] == steps[from] {
			to++
		}
		for i := from; i < to; i++ {
			rank[i], share[i] = i-from, to-from
		}
		s.Numbered = s.Numbered || to-from > 1
		from = to
	}
	slotInStage := make([]int, len(j.Stages))
	spots := make([]spot, 0, len(shown))
	s.Curve.Points = make([]CurvePoint, 0, len(shown))
	cardOf := make([]*model.Touchpoint, 0, len(shown))
	advice := make([]Advice, 0, len(shown))
	for i, t := range shown {
		ci, ok1 := colOf[t.Stage]
		ri, ok2 := rowOf[t.Lane]
		if !ok1 || !ok2 {
			continue // validation keeps this from happening
		}
		slot := slotInStage[ci]
		slotInStage[ci]++
		k, m := rank[i], share[i]
		col := s.Columns[ci]
		cx := col.Slots[steps[i]] + (SlotWidth-CardWidth)/2
		cy := s.Rows[ri].Rect.Y + (LaneHeight-CardHeight)/2
		// The card itself is laid out below.
		spots = append(spots, spot{Rect: Rect{cx, cy, CardWidth, CardHeight}, column: ci, row: ri, slot: slot,
			step: steps[i], number: place[i]})
		cardOf = append(cardOf, t)
		at := place[i] - 1 // on the timeline
		switch {
		case listen[at]:
			advice = append(advice, AdviseListening)
		case noLever[at]:
			advice = append(advice, NoLever)
		default:
			advice = append(advice, NoAdvice)
		}
		// The cards of a column share its width on the curve, in their
		// order: the curve keeps moving right, each point under its card.
		px := cx + CardWidth*(float64(k)+0.5)/float64(m)
		p := CurvePoint{TouchpointID: t.ID, Point: Point{px, s.Curve.Levels[t.Emotion+2]}, Emotion: t.Emotion,
			Peak: peaks[at], Drop: drops[at]}
		p.Face = Face{Center: p.Point, Radius: min(faceRadius, 0.45*CardWidth/float64(m)), Emotion: t.Emotion, Measured: t.Score != nil}
		s.Curve.Points = append(s.Curve.Points, p)
	}
	lt.cardsOf(s, spots, cardOf, advice)
	return s
}

// spot is where a card goes: its rectangle and its place in the scene.
type spot struct {
	Rect
	column, row, slot, step, number int
}

// cardsOf lays out the cards of s at spots, for the touchpoints cardOf:
// those it remembers unchanged are given again or moved, the others
// wrapped again (most of the work: on every core).
func (lt *Layouter) cardsOf(s *Scene, spots []spot, cardOf []*model.Touchpoint, advice []Advice) {
	if lang := msg.Language(); lt.cards != nil && lt.lang != lang {
		lt.cards, lt.prev, lt.prevOf, lt.prevLaid = nil, nil, nil, nil // channel names are in another language
	}
	prev, prevOf, prevLaid := lt.prev, lt.prevOf, lt.prevLaid
	lt.gen++
	if n := len(spots); cap(lt.spare) >= n && !lt.once {
		s.Cards = lt.spare[:n] // every card is written whole below
	} else {
		s.Cards = make([]Card, n)
	}
	lt.spare = nil
	laid := make([]*laidCard, len(spots)) // each card's, as remembered or laid out now
	added := make([]bool, len(spots))     // not remembered before
	inParts(len(spots), func(from, to int) {
		// First what each card is: as it was, moved, or laid out
		// again; then the lists of those not as they were, from two
		// arrays the part's cards share.
		var lines, badges int
		k := 0                             // this part's cards are at i+k in the last scene's, mostly
		moving := make([]bool, to-from)    // not where it was
		numbers := make([]string, to-from) // a number to write on a card moved
		for i := from; i < to; i++ {
			sp, t, c := &spots[i], cardOf[i], &s.Cards[i]
			color := s.Rows[sp.row].Color
			var l *laidCard
			if j := i + k; j >= 0 && j < len(prevOf) && prevOf[j] == t {
				l = prevLaid[j]
			} else if l = lt.cards[t]; l != nil && l.gen == lt.gen-1 {
				k = l.at - i
			}
			if l != nil {
				f := faceOf(t, color)
				f.indent = l.face.indent // the number's room is checked below
				if f != l.face {
					l = nil
				}
			}
			if l != nil && l.gen == lt.gen-1 && prev.Cards[l.at].Rect == sp.Rect && prev.Cards[l.at].Number == sp.number &&
				(len(prev.Cards[l.at].NumberText.Lines) > 0) == s.Numbered {
				*c = prev.Cards[l.at] // where it was, as it was
			} else if n, ok := l.renumbered(sp.number, s.Numbered); ok {
				*c = l.card
				moving[i-from], numbers[i-from] = true, n
			} else {
				l = &laidCard{}
				*l = layoutCard(t, color, sp.number, s.Numbered)
				added[i] = true
				*c = l.card
				moving[i-from] = true
			}
			if moving[i-from] {
				lines += len(c.Title.Lines) + len(c.NumberText.Lines) + len(c.Channel.Lines)
				badges += len(c.Badges)
			}
			laid[i] = l
		}
		lineBuf, badgeBuf := make([]Line, lines), make([]Badge, badges)
		for i := from; i < to; i++ {
			sp, c := &spots[i], &s.Cards[i]
			if moving[i-from] {
				lineBuf, badgeBuf = c.move(sp.X, sp.Y, lineBuf, badgeBuf)
			}
			if n := numbers[i-from]; n != "" {
				c.Number = sp.number
				c.NumberText.Lines[0].Text = n // the card's own line, once moved
			}
			c.Column, c.Row, c.Slot, c.Step = sp.column, sp.row, sp.slot, sp.step
			c.Advice = advice[i]
			// Each touchpoint's laidCard is reached from here only, by
			// one worker.
			laid[i].at, laid[i].gen = i, lt.gen
		}
	})
	if lt.once {
		return
	}
	if lt.prev != nil {
		lt.spare = lt.prev.Cards
	}
	lt.lang, lt.prev, lt.prevOf, lt.prevLaid = msg.Language(), s, cardOf, laid
	if lt.cards == nil || len(lt.cards) > 2*len(cardOf)+1024 {
		// Forget the touchpoints that are gone (another journey, deleted
		// cards): only what this layout holds is kept.
		lt.cards = make(map[*model.Touchpoint]*laidCard, len(cardOf))
		for i := range added {
			added[i] = true
		}
	}
	for i, a := range added {
		if a {
			lt.cards[cardOf[i]] = laid[i]
		}
	}
}

// inTimeline marks the touchpoints of timeline whose ids are in ids, which
// follow the timeline's order.
func inTimeline(timeline []*model.Touchpoint, ids []string) []bool {
	out := make([]bool, len(timeline))
	k := 0
	for p, t := range timeline {
		if k < len(ids) && ids[k] == t.ID {
			out[p] = true
			k++
		}
	}
	return out
}

func adviceIDs(as []insight.Advice) []string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.Touchpoint
	}
	return ids
}

// Steps says, for each touchpoint of shown (in timeline order), which
// column of cards it takes within its stage, from 0: a touchpoint shares
// the column of the one before it in the same stage when its lane (row)
// is below that one's; otherwise it starts the next column. Reading the
// columns left to right, each top to bottom, gives back the timeline.
func Steps(shown []*model.Touchpoint, rowOf map[string]int) []int {
	out := make([]int, len(shown))
	for i, t := range shown {
		if i == 0 || shown[i-1].Stage != t.Stage {
			continue
		}
		prev, ok1 := rowOf[shown[i-1].Lane]
		cur, ok2 := rowOf[t.Lane]
		out[i] = out[i-1]
		if !ok1 || !ok2 || cur <= prev {
			out[i]++
		}
	}
	return out
}

// inParts calls f on parts [from, to) of 0…n-1 that together cover it, one
// part per core when there are many; a panic of f is passed on to the
// caller.
func inParts(n int, f func(from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), n/128)
	if workers < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failure any
	run := func(from, to int) {
		defer func() {
			if r := recover(); r != nil {
				mu.Lock()
				failure = r
				mu.Unlock()
			}
		}()
		f(from, to)
	}
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(w*n/workers, (w+1)*n/workers)
		}()
	}
	run(0, n/workers)
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
}

// PeakMark is the triangle over a peak (pointing up) or under a drop
// (pointing down), relative to the point: its three corners in mm.
func PeakMark(p CurvePoint) [3]Point {
	const w, h, gap = 1.6, 1.5, faceRadius + 0.6
	if p.Peak { // ▲ over the point
		y := p.Y - gap
		return [3]Point{{p.X - w/2, y}, {p.X + w/2, y}, {p.X, y - h}}
	}
	y := p.Y + gap // ▼ under it
	return [3]Point{{p.X - w/2, y}, {p.X + w/2, y}, {p.X, y + h}}
}

// Band text sizes.
const (
	bandSize     = 8.0 // pt
	bandMaxLines = 4
	bandPad      = 1.5
)

// band lays out one row of stage texts at y; text(i) is stage i's text.
// Its height fits the longest text, up to bandMaxLines lines.
func (s *Scene) band(kind BandKind, y float64, text func(i int) string) Band {
	return s.bandBeside(kind, y, text, func(int) float64 { return 0 })
}

// bandBeside is band with, in column i, reserve mm kept free at the right
// of the text (for the KPIs' trends).
func (s *Scene) bandBeside(kind BandKind, y float64, text func(i int) string, reserve func(i int) float64) Band {
	reg, bold := Fonts()
	lh := bandSize * PtToMM * lineSpacing
	texts := make([]string, len(s.Columns))
	lines := 1
	for i, c := range s.Columns {
		texts[i] = reg.Printable(text(i))
		l, _ := reg.Wrap(texts[i], bandSize, c.Header.W-2*cardPad-reserve(i), bandMaxLines)
		lines = max(lines, len(l))
	}
	h := float64(lines)*lh + 2*bandPad
	b := Band{Kind: kind, Rect: Rect{0, y, s.Width, h}}
	b.Label = block(bold, msg.T("band."+string(kind)), channelSize+0.5, Rect{cardPad, y + bandPad, LabelWidth - 2*cardPad, h - 2*bandPad}, bandMaxLines, false, MutedInk)
	for i, c := range s.Columns {
		box := Rect{c.Header.X + cardPad, y + bandPad, c.Header.W - 2*cardPad - reserve(i), h - 2*bandPad}
		b.Cells = append(b.Cells, Cell{Column: i, Rect: Rect{c.Header.X, y, c.Header.W, h},
			Text: block(reg, texts[i], bandSize, box, bandMaxLines, false, Ink)})
	}
	return b
}

func bandBottom(bs []Band) float64 {
	last := bs[len(bs)-1].Rect
	return last.Y + last.H
}

// StageText is a stage's text for a band (KPIs one a line).
func StageText(st *model.Stage, k BandKind) string {
	switch k {
	case BandActions:
		return st.Actions
	case BandThoughts:
		return st.Thoughts
	case BandCustomerGoals:
		return st.CustomerGoals
	case BandBusinessGoals:
		return st.BusinessGoals
	case BandKPIs:
		var b strings.Builder
		for i, k := range st.KPIs {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(msg.T("canvas.kpi", k.Name, k.Value, k.Target))
		}
		return b.String()
	}
	return ""
}

// summary is a stage's line in the macro view: customer goal, average
// emotion and score, and how many touchpoints the view leaves out.
func summary(j *model.Journey, st *model.Stage, si insight.StageInsight, hidden int) string {
	emotion, score := "–", "–"
	if si.AverageEmotion != nil {
		emotion = strconv.FormatFloat(*si.AverageEmotion, 'f', -1, 64)
	}
	if si.AverageScore != nil {
		score = strconv.FormatFloat(*si.AverageScore, 'f', -1, 64) + "/10"
	}
	if msg.Language() == msg.French {
		emotion, score = strings.ReplaceAll(emotion, ".", ","), strings.ReplaceAll(score, ".", ",")
	}
	return msg.T("canvas.summary", st.CustomerGoals, emotion, score, hidden)
}

func opportunityText(o *model.Opportunity) string {
	t := msg.T("canvas.opportunity", o.Title, msg.T("kind."+string(o.Kind)), o.Impact, o.Effort)
	if insight.QuickWin(o) {
		t += " — " + msg.T("canvas.quick_win")
	}
	return t
}

// cardFace is what a card's drawing depends on besides its place: its
// touchpoint's shown fields, its lane's colour, and the room its number
// takes before the title.
type cardFace struct {
	title    string
	channel  model.Channel
	emotion  int
	measured bool
	listened bool
	markers  model.Markers
	color    RGB
	indent   float64 // mm before the title's first line (the number's room)
}

func faceOf(t *model.Touchpoint, color RGB) cardFace {
	return cardFace{title: t.Title, channel: t.Channel, emotion: t.Emotion, measured: t.Score != nil,
		listened: t.Listened, markers: t.Markers, color: color}
}

// laidCard is a card laid out at the origin: its title's size and the face
// it was drawn from, so that a later layout can tell whether it still
// holds, and where the last layout put it.
type laidCard struct {
	face cardFace
	size float64 // the title's size, pt
	card Card
	// at is its index in the cards of the gen-th scene its Layouter laid
	// out.
	at, gen int
}

// titleSizeOf is the size of a card's title: a word too long for the
// card's width (« Remboursement ») makes the title a little smaller rather
// than broken, down to a floor.
func titleSizeOf(title string) float64 {
	_, bold := Fonts()
	size := titleSize
	w := cardTitleBox().W
	for word := range strings.FieldsSeq(title) {
		if ww := bold.Width(word, size); ww > w {
			size = max(size*w/ww*0.999, minTitleShare*titleSize)
		}
	}
	return size
}

// cardInner is the box inside a card at the origin, within its padding
// and right of its lane strip.
func cardInner() Rect {
	return Rect{stripWidth + cardPad, cardPad, CardWidth - stripWidth - 2*cardPad, CardHeight - 2*cardPad}
}

// cardTitleBox is where a card's title wraps, above the row of face,
// channel and badges.
func cardTitleBox() Rect {
	in := cardInner()
	return Rect{in.X, in.Y, in.W, in.H - 2*faceRadius - 1}
}

// numberIndent is the room a card's number takes before a title of the
// given size.
func numberIndent(n string, size float64) float64 {
	_, bold := Fonts()
	return bold.Width(n, size) + numberGap
}

// layoutCard lays out the card of t at the origin (its Rect at 0, 0);
// number is its place on the timeline, written before the title when
// numbered. at moves it to its place.
func layoutCard(t *model.Touchpoint, color RGB, number int, numbered bool) laidCard {
	reg, bold := Fonts()
	r := Rect{0, 0, CardWidth, CardHeight}
	c := Card{TouchpointID: t.ID, Rect: r, Color: color, Listened: t.Listened, Emotion: t.Emotion,
		Listen: Point{r.X + r.W, r.Y}, ListenRadius: listenRadius, Number: number}
	inner := cardInner()
	bottom := inner.Y + inner.H // bottom row: face, channel, badges
	rowH := 2 * faceRadius
	c.Face = Face{Center: Point{inner.X + faceRadius, bottom - faceRadius}, Radius: faceRadius,
		Emotion: t.Emotion, Measured: t.Score != nil}
	titleBox := cardTitleBox()
	title := bold.Printable(t.Title)
	size := titleSizeOf(title)
	face := faceOf(t, color)
	// The number is as large as the title, in the muted ink: text of one
	// size reads back as one block, so that a PDF reader finds the title
	// whole when searched.
	var n string
	if numbered {
		n = strconv.Itoa(number)
		face.indent = numberIndent(n, size)
	}
	c.Title = block(bold, title, size, titleBox, titleLines, false, Ink, face.indent)
	if numbered {
		// On the title's first line, sharing its baseline.
		c.NumberText = Text{Size: size, Bold: true, Color: MutedInk, LineHeight: c.Title.LineHeight,
			Baseline: c.Title.Baseline, Lines: []Line{{Text: n, X: titleBox.X, Y: titleBox.Y}}}
	}

	markers := t.Markers.List()
	bx := inner.X + inner.W
	// Badges shrink a little when many, so that the pictogram keeps its
	// room between them and the face.
	bs := badgeSize
	if n := float64(len(markers)); n > 0 {
		room := inner.W - (2*faceRadius + 1.2) - iconSize - 0.5 - (n-1)*0.6
		bs = max(min(badgeSize, room/n), 0.6*badgeSize)
	}
	for i := len(markers) - 1; i >= 0; i-- {
		bx -= bs
		c.Badges = append([]Badge{{Marker: markers[i], Rect: Rect{bx, bottom - (rowH+bs)/2, bs, bs}}}, c.Badges...)
		bx -= 0.6
	}
	// The channel's pictogram, then its name, between the face and the
	// badges, on the face's middle line.
	chX, chEnd := inner.X+2*faceRadius+1.2, bx-0.5
	icon := max(min(iconSize, chEnd-chX), 0)
	c.ChannelIcon = Pictogram{Channel: t.Channel, Box: Rect{chX, bottom - rowH/2 - icon/2, icon, icon}}
	tx := chX + icon + iconGap
	chBox := Rect{tx, bottom - rowH, max(chEnd-tx, 0), rowH}
	c.Channel = block(reg, msg.T("channel."+string(t.Channel)), channelSize, chBox, 1, true, MutedInk)
	// A channel name is a word of ours, not the user's text: shortening it
	// beside many badges loses nothing the poster's appendix should restore,
	// and where not even an ellipsis fits, the pictogram says it alone.
	c.Channel.Cut = false
	for _, l := range c.Channel.Lines {
		if reg.Width(l.Text, channelSize) > chBox.W {
			c.Channel.Lines = nil
		}
	}
	return laidCard{face: face, size: size, card: c}
}

// renumbered says whether l's card can take another number: when the
// number takes the same room before the title (numbers of as many digits
// do), it needs no new wrapping of the title; n is the number's text.
func (l *laidCard) renumbered(number int, numbered bool) (n string, ok bool) {
	if l == nil {
		return "", false
	}
	if !numbered {
		return "", l.face.indent == 0 && len(l.card.NumberText.Lines) == 0
	}
	if len(l.card.NumberText.Lines) != 1 {
		return "", false
	}
	n = strconv.Itoa(number)
	return n, numberIndent(n, l.size) == l.face.indent
}

// move moves c, laid out at the origin, to x, y. Its lists are new,
// taken from the start of lines and badges, which must have room for
// them: the cards of a scene share a few arrays rather than each having
// its own. It returns what is left of lines and badges.
func (c *Card) move(x, y float64, lines []Line, badges []Badge) ([]Line, []Badge) {
	c.Rect.X += x
	c.Rect.Y += y
	c.Listen = Point{c.Listen.X + x, c.Listen.Y + y}
	c.Face.Center = Point{c.Face.Center.X + x, c.Face.Center.Y + y}
	c.ChannelIcon.Box.X += x
	c.ChannelIcon.Box.Y += y
	c.Title.Lines, lines = movedLines(c.Title.Lines, x, y, lines)
	c.NumberText.Lines, lines = movedLines(c.NumberText.Lines, x, y, lines)
	c.Channel.Lines, lines = movedLines(c.Channel.Lines, x, y, lines)
	if c.Badges != nil {
		bs := badges[:len(c.Badges):len(c.Badges)]
		for i, b := range c.Badges {
			b.Rect.X += x
			b.Rect.Y += y
			bs[i] = b
		}
		c.Badges, badges = bs, badges[len(bs):]
	}
	return lines, badges
}

// movedLines copies ls moved by x, y into the start of buf, and returns
// the copy and what is left of buf.
func movedLines(ls []Line, x, y float64, buf []Line) (moved, rest []Line) {
	if ls == nil {
		return nil, buf
	}
	out := buf[:len(ls):len(ls)]
	for i, l := range ls {
		out[i] = Line{Text: l.Text, X: l.X + x, Y: l.Y + y}
	}
	return out, buf[len(ls):]
}

// LaneStatus is the message key saying whether a lane is owned, not owned,
// or not owned with leverage.
func LaneStatus(l *model.Lane) string {
	switch {
	case l.Owned:
		return "canvas.owned"
	case l.Leverage:
		return "canvas.leverage"
	default:
		return "canvas.not_owned"
	}
}

// block wraps s into box; centred vertically when middle is true, else from
// the top. The first line is indent mm narrower, and starts that far right
// (none is given but for a card's title).
func block(f *Font, s string, size float64, box Rect, maxLines int, middle bool, color RGB, indent ...float64) Text {
	in := 0.0
	if len(indent) > 0 {
		in = indent[0]
	}
	lh := size * PtToMM * lineSpacing
	maxLines = min(maxLines, max(1, int(box.H/lh)))
	lines, cut := f.WrapIndent(s, size, box.W, in, maxLines)
	t := Text{Size: size, LineHeight: lh, Color: color, Cut: cut,
		Baseline: (lh-size*PtToMM)/2 + f.Ascent*size*PtToMM}
	t.Bold = f.Bold
	y := box.Y
	if middle {
		y += (box.H - lh*float64(len(lines))) / 2
	}
	t.Lines = make([]Line, len(lines))
	for i, l := range lines {
		t.Lines[i] = Line{Text: l, X: box.X, Y: y + float64(i)*lh}
	}
	if len(t.Lines) > 0 {
		t.Lines[0].X += in
	}
	return t
}

// ParseColor reads #RRGGBB; anything else is mid grey.
func ParseColor(s string) RGB {
	if len(s) != 7 || s[0] != '#' {
		return RGB{0x99, 0x99, 0x99}
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return RGB{0x99, 0x99, 0x99}
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}
