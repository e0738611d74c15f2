package ui

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
)

// Inspector is the side panel: the fields of the selected touchpoint,
// stage or lane, or of the journey and its persona when nothing is
// selected. A field is saved when the user presses Enter or leaves it;
// a value the document cannot take is refused with a message under the
// field, and nothing is saved.
type Inspector struct {
	e       *Editor
	content *fyne.Container
	scroll  *container.Scroll
	loading bool // true while fields are filled from the document
	// shown is the selection on show; committing is set while a field
	// being typed in is saved before the panel shows something else.
	shown      selection
	committing bool

	touchpoint *touchpointPanel
	cards      *cardsPanel
	stage      *stagePanel
	lane       *lanePanel
	journey    *journeyPanel
}

// NewInspector builds the panel for editor e.
func NewInspector(e *Editor) *Inspector {
	in := &Inspector{e: e, content: container.NewStack()}
	in.scroll = container.NewVScroll(in.content)
	in.touchpoint = newTouchpointPanel(in)
	in.cards = newCardsPanel(in)
	in.stage = newStagePanel(in)
	in.lane = newLanePanel(in)
	in.journey = newJourneyPanel(in)
	return in
}

// Content is the panel's widget tree, in its scroll.
func (in *Inspector) Content() fyne.CanvasObject { return in.scroll }

// Show fills the panel for the selection. What was being typed in a field
// is saved first, to what the field was showing; a new selection starts
// at the top of the panel.
func (in *Inspector) Show(sel selection) {
	if in.committing {
		return // the outer Show goes on with the document as now saved
	}
	other := !in.shown.same(sel)
	if other {
		in.commitTyping()
	}
	in.shown = sel
	j := in.e.Journey()
	var panel fyne.CanvasObject
	in.loading = true
	defer func() { in.loading = false }()
	switch {
	case j == nil:
		panel = widget.NewLabel("")
	case sel.kind == selCards && len(sel.ids) == 1:
		in.touchpoint.load(j, sel.ids[0])
		panel = in.touchpoint.box
	case sel.kind == selCards:
		in.cards.load(sel.ids)
		panel = in.cards.box
	case sel.kind == selStage:
		in.stage.load(j, sel.one())
		panel = in.stage.box
	case sel.kind == selLane:
		in.lane.load(j, sel.one())
		panel = in.lane.box
	default:
		in.journey.load(in.e.Document(), j)
		panel = in.journey.box
	}
	if len(in.content.Objects) != 1 || in.content.Objects[0] != panel {
		in.content.Objects = []fyne.CanvasObject{panel}
		in.content.Refresh()
	}
	if other {
		in.scroll.ScrollToTop()
	}
}

// commitTyping saves the field being typed in, if any, by taking the
// keyboard from it as clicking elsewhere would.
func (in *Inspector) commitTyping() {
	if _, ok := in.e.win.Canvas().Focused().(*field); ok {
		in.committing = true
		in.e.win.Canvas().Unfocus() // FocusLost saves the field
		in.committing = false
	}
}

// field is an entry saved on Enter (one line) or when left. Its problem
// label shows why a value was refused.
type field struct {
	widget.Entry
	commit  func(string) error
	loaded  string
	problem *widget.Label
	// pass lets the wheel scroll the panel over a multi-line field that
	// does not have the keyboard.
	pass *wheelPass
}

func newField(multiLine bool, commit func(string) error) *field {
	f := &field{commit: commit, problem: widget.NewLabel("")}
	f.MultiLine = multiLine
	if multiLine {
		f.Wrapping = fyne.TextWrapWord
		f.SetMinRowsVisible(3)
	}
	f.ExtendBaseWidget(f)
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	f.OnSubmitted = func(string) { f.submit() }
	return f
}

// load shows v, the document's value. Text being typed for the same
// value stays: the panel is reloaded after every edit, and what the user
// has not yet committed must not be lost.
func (f *field) load(v string) {
	if f.typing() && v == f.loaded {
		return
	}
	f.loaded = v
	f.SetText(v)
	f.problem.Hide()
}

// typing says whether the field has the keyboard and holds text not saved.
func (f *field) typing() bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(f)
	return c != nil && c.Focused() == f && f.Text != f.loaded
}

// FocusLost saves what was typed.
func (f *field) FocusLost() {
	f.Entry.FocusLost()
	if f.pass != nil {
		f.pass.Show()
	}
	f.submit()
}

// FocusGained gives the field the wheel, for its own text.
func (f *field) FocusGained() {
	if f.pass != nil {
		f.pass.Hide()
	}
	f.Entry.FocusGained()
}

func (f *field) submit() {
	if f.Text == f.loaded {
		f.problem.Hide()
		return
	}
	if err := f.commit(f.Text); err != nil {
		f.problem.SetText(err.Error())
		f.problem.Show()
		return
	}
	f.loaded = f.Text
	f.problem.Hide()
}

// row is a labelled field with its problem line under it. A multi-line
// field lets the wheel scroll the panel until it is clicked.
func (in *Inspector) row(label string, o fyne.CanvasObject, f *field) fyne.CanvasObject {
	if f != nil && f.MultiLine && o == fyne.CanvasObject(f) {
		o = container.NewStack(f, newWheelPass(f, in.scroll))
	}
	items := []fyne.CanvasObject{widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), o}
	if f != nil {
		items = append(items, f.problem)
	}
	return container.NewVBox(items...)
}

// wrapped is a label that wraps to the panel's width.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading is a bold title that wraps to its panel's width.
func heading(s string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// link is a text that does something when clicked and wraps to its
// panel's width (a button would widen the panel to its whole text).
func link(s string, tapped func()) *tapLabel {
	l := newTapLabel(s, tapped)
	l.Importance = widget.HighImportance
	return l
}

// lines splits a multi-line field into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// parseDecimal reads a number typed with a decimal point or comma.
func parseDecimal(s string) (float64, error) {
	return strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
}

func formatDecimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if msg.Language() == msg.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// emotionLabels are the five faces, worst first; emotionButtons the same
// as short as the inspector's buttons need them.
var (
	emotionLabels  = []string{"−2 ☹", "−1", "0", "+1", "+2 ☺"}
	emotionButtons = []string{"−2", "−1", "0", "+1", "+2"}
)

// ---- touchpoint ----

type touchpointPanel struct {
	in          *Inspector
	box         fyne.CanvasObject
	id          string
	title       *field
	description *field
	channel     *widget.Select
	stage       *widget.Select
	lane        *widget.Select
	emotion     *segmented
	score       *field
	responses   *widget.Label
	listened    *widget.Check
	markers     *widget.CheckGroup
	quotes      *field
	note        *field
	image       *fcanvas.Image
	imageNone   *widget.Label
	advice      *widget.Label
	opps        *fyne.Container

	stageIDs, laneIDs []string
}

func channelNames() []string {
	out := make([]string, len(model.Channels))
	for i, c := range model.Channels {
		out[i] = T("channel." + string(c))
	}
	return out
}

func markerNames() []string {
	out := make([]string, len(model.AllMarkers))
	for i, m := range model.AllMarkers {
		out[i] = T("marker." + string(m))
	}
	return out
}

func newTouchpointPanel(in *Inspector) *touchpointPanel {
	p := &touchpointPanel{in: in}
	e := in.e
	set := func(key string) func(string) error {
		return func(v string) error { return e.setTouchpointText(p.id, key, v) }
	}
	p.title = newField(false, set("title"))
	p.description = newField(true, set("description"))
	p.quotes = newField(true, set("quotes"))
	p.note = newField(true, set("note"))
	p.score = newField(false, set("score"))
	p.score.SetPlaceHolder(T("ui.not_measured"))
	p.responses = widget.NewLabel("")
	p.channel = widget.NewSelect(channelNames(), func(s string) {
		if !in.loading {
			if i := slices.Index(channelNames(), s); i >= 0 {
				_ = e.setTouchpointText(p.id, "channel", string(model.Channels[i]))
			}
		}
	})
	p.stage = widget.NewSelect(nil, func(string) {
		if !in.loading && p.stage.SelectedIndex() >= 0 {
			e.moveTo(p.id, p.stageIDs[p.stage.SelectedIndex()], "")
		}
	})
	p.lane = widget.NewSelect(nil, func(string) {
		if !in.loading && p.lane.SelectedIndex() >= 0 {
			e.moveTo(p.id, "", p.laneIDs[p.lane.SelectedIndex()])
		}
	})
	p.emotion = newSegmented(emotionLabels, emotionButtons, func(s string) {
		if !in.loading && s != "" {
			_ = e.setTouchpointText(p.id, "emotion", strconv.Itoa(slices.Index(emotionLabels, s)-2))
		}
	})
	p.listened = widget.NewCheck(T("ui.listened"), func(b bool) {
		if !in.loading {
			_ = e.setTouchpointText(p.id, "listened", strconv.FormatBool(b))
		}
	})
	p.markers = widget.NewCheckGroup(markerNames(), func(sel []string) {
		if !in.loading {
			var ms []string
			for i, name := range markerNames() {
				if slices.Contains(sel, name) {
					ms = append(ms, string(model.AllMarkers[i]))
				}
			}
			_ = e.setTouchpointText(p.id, "markers", strings.Join(ms, " "))
		}
	})
	p.image = fcanvas.NewImageFromResource(nil)
	p.image.FillMode = fcanvas.ImageFillContain
	p.image.SetMinSize(fyne.NewSize(240, 140))
	p.imageNone = widget.NewLabel(T("ui.no_image"))
	imageButtons := container.NewHBox(
		widget.NewButton(T("ui.choose_image"), func() { e.askImage(func(_ string, b []byte) { e.setTouchpointImage(p.id, b) }) }),
		widget.NewButton(T("ui.remove_image"), func() { e.setTouchpointImage(p.id, nil) }))
	p.advice = widget.NewLabel("")
	p.advice.Wrapping = fyne.TextWrapWord
	p.opps = container.NewVBox()
	p.box = container.NewVBox(
		heading(T("ui.touchpoint")),
		in.row(T("ui.title"), p.title, p.title),
		in.row(T("ui.description"), p.description, p.description),
		in.row(T("ui.channel"), p.channel, nil),
		in.row(T("ui.stage"), p.stage, nil),
		in.row(T("ui.lane"), p.lane, nil),
		in.row(T("ui.emotion"), p.emotion.box, nil),
		in.row(T("ui.score"), container.NewBorder(nil, nil, nil, p.responses, p.score), p.score),
		p.listened,
		in.row(T("ui.markers"), p.markers, nil),
		in.row(T("ui.quotes"), p.quotes, p.quotes),
		in.row(T("ui.note"), p.note, p.note),
		in.row(T("ui.image"), container.NewVBox(container.NewStack(p.imageNone, p.image), imageButtons), nil),
		in.row(T("ui.opportunities"), p.opps, nil),
		widget.NewButton(T("ui.add_opportunity"), func() { e.editOpportunity("", []string{p.id}) }),
		// Last, so that its coming and going moves no control under the
		// pointer.
		p.advice,
	)
	return p
}

func (p *touchpointPanel) load(j *model.Journey, id string) {
	t := j.Touchpoint(id)
	if t == nil {
		return
	}
	p.id = id
	p.title.load(t.Title)
	p.description.load(t.Description)
	p.quotes.load(strings.Join(t.Quotes, "\n"))
	p.note.load(t.Note)
	if t.Score != nil {
		p.score.load(formatDecimal(*t.Score))
		p.responses.SetText(T("ui.responses", t.Responses))
	} else {
		p.score.load("")
		p.responses.SetText("")
	}
	p.channel.SetSelected(T("channel." + string(t.Channel)))
	p.stageIDs, p.laneIDs = nil, nil
	var stages, lanes []string
	for _, s := range j.Stages {
		p.stageIDs, stages = append(p.stageIDs, s.ID), append(stages, s.Name)
	}
	for _, l := range j.Lanes {
		p.laneIDs, lanes = append(p.laneIDs, l.ID), append(lanes, l.Name)
	}
	p.stage.Options, p.lane.Options = stages, lanes
	p.stage.SetSelectedIndex(j.StageIndex(t.Stage))
	p.lane.SetSelectedIndex(j.LaneIndex(t.Lane))
	p.emotion.SetSelected(emotionLabels[t.Emotion+2])
	p.listened.SetChecked(t.Listened)
	var ms []string
	for _, m := range t.Markers.List() {
		ms = append(ms, T("marker."+string(m)))
	}
	p.markers.SetSelected(ms)
	if len(t.Image) > 0 {
		p.image.Resource = fyne.NewStaticResource(id+".img", t.Image)
		p.image.Show()
		p.imageNone.Hide()
	} else {
		p.image.Resource = nil
		p.image.Hide()
		p.imageNone.Show()
	}
	p.image.Refresh()
	p.advice.SetText(adviceText(j, t))
	p.opps.Objects = nil
	for _, o := range j.Opportunities {
		if slices.Contains(o.Touchpoints, id) {
			oid := o.ID
			p.opps.Add(link(o.Title, func() { p.in.e.editOpportunity(oid, nil) }))
		}
	}
	if len(p.opps.Objects) == 0 {
		p.opps.Add(widget.NewLabel(T("ui.none")))
	}
	p.opps.Refresh()
}

// adviceText is what the listening-point rules say of t.
func adviceText(j *model.Journey, t *model.Touchpoint) string {
	r := insight.Analyze(&model.Journey{ID: j.ID, Stages: j.Stages, Lanes: j.Lanes, Touchpoints: []*model.Touchpoint{t}})
	for _, a := range append(r.ListeningPoints, r.NoLever...) {
		return a.Reason
	}
	return ""
}

// ---- several cards ----

type cardsPanel struct {
	box   fyne.CanvasObject
	count *widget.Label
}

func newCardsPanel(in *Inspector) *cardsPanel {
	p := &cardsPanel{count: widget.NewLabel("")}
	p.box = container.NewVBox(heading(T("ui.touchpoints")), p.count,
		widget.NewButton(T("ui.duplicate"), in.e.DuplicateSelection),
		widget.NewButton(T("ui.delete"), in.e.DeleteSelection))
	return p
}

func (p *cardsPanel) load(ids []string) { p.count.SetText(T("ui.n_selected", len(ids))) }

// ---- stage ----

type stagePanel struct {
	box                                       fyne.CanvasObject
	id                                        string
	name, actions, thoughts, goals, biz, kpis *field
	touchpoints                               *widget.Label
	trends                                    *fyne.Container // over the reviews (trends.go)
}

func newStagePanel(in *Inspector) *stagePanel {
	p := &stagePanel{touchpoints: widget.NewLabel(""), trends: container.NewVBox()}
	e := in.e
	set := func(key string) func(string) error {
		return func(v string) error { return e.setStageText(p.id, key, v) }
	}
	p.name = newField(false, set("name"))
	p.actions = newField(true, set("actions"))
	p.thoughts = newField(true, set("thoughts"))
	p.goals = newField(true, set("customer_goals"))
	p.biz = newField(true, set("business_goals"))
	p.kpis = newField(true, set("kpis"))
	p.kpis.SetPlaceHolder(T("ui.kpis_hint"))
	p.box = container.NewVBox(heading(T("ui.stage")),
		in.row(T("ui.name"), p.name, p.name),
		in.row(T("band.actions"), p.actions, p.actions),
		in.row(T("band.thoughts"), p.thoughts, p.thoughts),
		in.row(T("band.customer_goals"), p.goals, p.goals),
		in.row(T("band.business_goals"), p.biz, p.biz),
		in.row(T("band.kpis"), p.kpis, p.kpis),
		p.trends,
		p.touchpoints,
		container.NewHBox(
			widget.NewButton(T("ui.move_left"), func() { e.shiftStage(p.id, -1) }),
			widget.NewButton(T("ui.move_right"), func() { e.shiftStage(p.id, 1) })),
		widget.NewButton(T("ui.delete_stage"), e.DeleteSelection),
	)
	return p
}

// kpiText writes KPIs one a line: name ; value ; target.
func kpiText(ks []model.KPI) string {
	var b strings.Builder
	for i, k := range ks {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s ; %s ; %s", k.Name, k.Value, k.Target)
	}
	return b.String()
}

func parseKPIs(s string) ([]model.KPI, error) {
	var out []model.KPI
	for _, l := range lines(s) {
		parts := strings.Split(l, ";")
		if len(parts) > 3 {
			return nil, errors.New(T("ui.kpis_hint"))
		}
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		out = append(out, model.KPI{Name: strings.TrimSpace(parts[0]), Value: strings.TrimSpace(parts[1]), Target: strings.TrimSpace(parts[2])})
	}
	return out, nil
}

func (p *stagePanel) load(j *model.Journey, id string) {
	s := j.Stage(id)
	if s == nil {
		return
	}
	p.id = id
	p.name.load(s.Name)
	p.actions.load(s.Actions)
	p.thoughts.load(s.Thoughts)
	p.goals.load(s.CustomerGoals)
	p.biz.load(s.BusinessGoals)
	p.kpis.load(kpiText(s.KPIs))
	p.trends.Objects = stageTrends(j, s)
	p.trends.Refresh()
	p.touchpoints.SetText(T("ui.n_touchpoints", len(j.StageTouchpoints(id))))
}

// ---- lane ----

type lanePanel struct {
	in       *Inspector
	box      fyne.CanvasObject
	id       string
	name     *field
	color    *field
	swatch   *fcanvas.Rectangle
	owned    *widget.Check
	leverage *widget.Check
}

func newLanePanel(in *Inspector) *lanePanel {
	p := &lanePanel{in: in}
	e := in.e
	p.name = newField(false, func(v string) error { return e.setLaneName(p.id, v) })
	p.color = newField(false, func(v string) error { return e.setLaneColor(p.id, v) })
	p.swatch = fcanvas.NewRectangle(color.Black)
	p.swatch.SetMinSize(fyne.NewSize(28, 28))
	p.owned = widget.NewCheck(T("ui.owned"), func(b bool) {
		if !in.loading {
			_ = e.setLaneOwnership(p.id, b, p.leverage.Checked)
		}
	})
	p.leverage = widget.NewCheck("", func(b bool) {
		if !in.loading {
			_ = e.setLaneOwnership(p.id, p.owned.Checked, b)
		}
	})
	swatches := container.NewHBox()
	for _, c := range lanePalette {
		c := c
		b := widget.NewButton("", func() { _ = e.setLaneColor(p.id, c) })
		rect := fcanvas.NewRectangle(rgb(canvas.ParseColor(c)))
		swatches.Add(container.NewStack(b, container.NewPadded(rect)))
	}
	p.box = container.NewVBox(heading(T("ui.lane")),
		in.row(T("ui.name"), p.name, p.name),
		p.owned,
		container.NewBorder(nil, nil, p.leverage, nil, wrapped(T("ui.leverage"))),
		wrapped(T("ui.leverage_hint")),
		in.row(T("ui.color"), container.NewBorder(nil, nil, p.swatch, nil, p.color), p.color),
		container.NewGridWrap(fyne.NewSize(30, 30), swatches.Objects...),
		container.NewHBox(
			widget.NewButton(T("ui.move_up"), func() { e.shiftLane(p.id, -1) }),
			widget.NewButton(T("ui.move_down"), func() { e.shiftLane(p.id, 1) })),
		widget.NewButton(T("ui.delete_lane"), e.DeleteSelection),
	)
	return p
}

func (p *lanePanel) load(j *model.Journey, id string) {
	l := j.Lane(id)
	if l == nil {
		return
	}
	p.id = id
	p.name.load(l.Name)
	p.color.load(l.Color)
	p.swatch.FillColor = rgb(canvas.ParseColor(l.Color))
	p.swatch.Refresh()
	p.owned.SetChecked(l.Owned)
	p.leverage.SetChecked(l.Leverage)
	if l.Owned {
		p.leverage.Disable()
	} else {
		p.leverage.Enable()
	}
}

// ---- journey and persona ----

type journeyPanel struct {
	in                    *Inspector
	box                   fyne.CanvasObject
	title, objective      *field
	target                *field
	state                 *widget.RadioGroup
	persona               *widget.Select
	personaIDs            []string
	pName, pJob, pAge     *field
	pHobbies, pAmbitions  *field
	pFrustrations, pQuote *field
	pChannels             *widget.CheckGroup
	avatar                *fcanvas.Image
	avatarOf              []byte // the picture avatar shows
	personaBox            *fyne.Container
	personaID             string
}

func newJourneyPanel(in *Inspector) *journeyPanel {
	p := &journeyPanel{in: in}
	e := in.e
	p.title = newField(false, func(v string) error { return e.setJourneyText("title", v) })
	p.objective = newField(true, func(v string) error { return e.setJourneyText("objective", v) })
	p.target = newField(false, func(v string) error { return e.setJourneyText("target_score", v) })
	p.state = widget.NewRadioGroup([]string{T("ui.state.current"), T("ui.state.target")}, func(s string) {
		if !in.loading && s != "" {
			v := string(model.Current)
			if s == T("ui.state.target") {
				v = string(model.Target)
			}
			_ = e.setJourneyText("state", v)
		}
	})
	p.state.Horizontal, p.state.Required = true, true
	p.persona = widget.NewSelect(nil, func(string) {
		if !in.loading && p.persona.SelectedIndex() >= 0 {
			if i := p.persona.SelectedIndex(); i < len(p.personaIDs) {
				_ = e.setJourneyText("persona", p.personaIDs[i])
			} else {
				e.addPersona()
			}
		}
	})
	pset := func(key string) func(string) error {
		return func(v string) error { return e.setPersonaText(p.personaID, key, v) }
	}
	p.pName = newField(false, pset("name"))
	p.pJob = newField(false, pset("job"))
	p.pAge = newField(false, pset("age"))
	p.pHobbies = newField(true, pset("hobbies"))
	p.pAmbitions = newField(true, pset("ambitions"))
	p.pFrustrations = newField(true, pset("frustrations"))
	p.pQuote = newField(true, pset("quote"))
	p.pChannels = widget.NewCheckGroup(channelNames(), func(sel []string) {
		if !in.loading {
			var cs []string
			for i, n := range channelNames() {
				if slices.Contains(sel, n) {
					cs = append(cs, string(model.Channels[i]))
				}
			}
			_ = e.setPersonaText(p.personaID, "channels", strings.Join(cs, " "))
		}
	})
	p.avatar = fcanvas.NewImageFromResource(nil)
	p.avatar.FillMode = fcanvas.ImageFillContain
	p.avatar.SetMinSize(fyne.NewSize(96, 96))
	p.personaBox = container.NewVBox(
		heading(T("ui.persona_card")),
		container.NewBorder(nil, nil, p.avatar, nil, container.NewVBox(
			widget.NewButton(T("ui.choose_avatar"), func() { e.askImage(func(_ string, b []byte) { _ = e.setPersonaAvatar(p.personaID, b) }) }),
			widget.NewButton(T("ui.remove_image"), func() { _ = e.setPersonaAvatar(p.personaID, nil) }))),
		in.row(T("ui.name"), p.pName, p.pName),
		in.row(T("ui.job"), p.pJob, p.pJob),
		in.row(T("ui.age"), p.pAge, p.pAge),
		in.row(T("ui.hobbies"), p.pHobbies, p.pHobbies),
		in.row(T("ui.ambitions"), p.pAmbitions, p.pAmbitions),
		in.row(T("ui.frustrations"), p.pFrustrations, p.pFrustrations),
		in.row(T("ui.preferred_channels"), p.pChannels, nil),
		in.row(T("ui.quote"), p.pQuote, p.pQuote),
	)
	p.box = container.NewVBox(heading(T("ui.journey")),
		in.row(T("ui.journey_title"), p.title, p.title),
		in.row(T("ui.objective"), p.objective, p.objective),
		in.row(T("ui.state"), p.state, nil),
		in.row(T("ui.target_score"), p.target, p.target),
		in.row(T("ui.persona"), p.persona, nil),
		p.personaBox,
	)
	return p
}

func (p *journeyPanel) load(d *model.Document, j *model.Journey) {
	p.title.load(j.Title)
	p.objective.load(j.Objective)
	p.target.load(formatDecimal(j.TargetScore))
	if j.State == model.Target {
		p.state.SetSelected(T("ui.state.target"))
	} else {
		p.state.SetSelected(T("ui.state.current"))
	}
	p.personaIDs = nil
	var names []string
	for _, ps := range d.Personas {
		p.personaIDs = append(p.personaIDs, ps.ID)
		names = append(names, ps.Name)
	}
	p.persona.Options = append(names, T("ui.new_persona"))
	p.persona.SetSelectedIndex(slices.Index(p.personaIDs, j.Persona))
	ps := d.Persona(j.Persona)
	if ps == nil {
		p.personaBox.Hide()
		return
	}
	p.personaBox.Show()
	p.personaID = ps.ID
	p.pName.load(ps.Name)
	p.pJob.load(ps.Job)
	p.pAge.load(ps.Age)
	p.pHobbies.load(ps.Hobbies)
	p.pAmbitions.load(ps.Ambitions)
	p.pFrustrations.load(ps.Frustrations)
	p.pQuote.load(ps.Quote)
	var cs []string
	for _, c := range ps.Channels {
		cs = append(cs, T("channel."+string(c)))
	}
	// The panel is loaded again after every edit of the map: what did not
	// change is left as it is (a check group redraws its icons, a picture
	// is decoded again).
	if !slices.Equal(p.pChannels.Selected, cs) {
		p.pChannels.SetSelected(cs)
	}
	if sameBytes(p.avatarOf, ps.Avatar) && (p.avatar.Resource != nil) == (len(ps.Avatar) > 0) {
		return
	}
	p.avatarOf = ps.Avatar
	if len(ps.Avatar) > 0 {
		p.avatar.Resource = fyne.NewStaticResource(ps.ID+".avatar", ps.Avatar)
	} else {
		p.avatar.Resource = nil
	}
	p.avatar.Refresh()
}

// sameBytes reports whether a and b are the same bytes in memory: an edit
// replaces a picture, it never changes one in place.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// askImage lets the user pick a PNG or JPEG file and hands its path and
// bytes on.
func (e *Editor) askImage(then func(path string, b []byte)) {
	e.askFile([]string{".png", ".jpg", ".jpeg"}, func(path string, _ []byte) {
		st, err := os.Stat(path)
		if err == nil && st.Size() > maxImageBytes {
			e.showError(errors.New(T("ui.image_too_big", path, maxImageBytes>>20)))
			return
		}
		b, err := os.ReadFile(path)
		if err != nil {
			e.showError(fmt.Errorf("%s: %w", T("ui.cannot_read", path), err))
			return
		}
		if !isImage(b) {
			e.showError(errors.New(T("ui.not_image", path)))
			return
		}
		// Scaled down on the way in when over the document's limits.
		if b, err = model.FitPicture(b, path, "image"); err != nil {
			e.showError(err)
			return
		}
		then(path, b)
	}, false)
}

// maxImageBytes keeps a screenshot in a document reasonable.
const maxImageBytes = 8 << 20

func isImage(b []byte) bool {
	return len(b) > 8 && (string(b[:8]) == "\x89PNG\r\n\x1a\n" || (b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF))
}
