package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"parcours/model"
)

// Search finds touchpoints by text, channel, lane, marker and emotion:
// matches are ringed on the map, the other cards dimmed, and next and
// previous walk through the matches.
type Search struct {
	e       *Editor
	bar     fyne.CanvasObject
	text    *widget.Entry
	channel *widget.Select
	lane    *widget.Select
	marker  *widget.Select
	emotion *widget.Select
	count   *widget.Label

	laneIDs []string
	matches []string // in timeline order
	current int
}

// NewSearch builds the search bar of editor e.
func NewSearch(e *Editor) *Search {
	s := &Search{e: e, count: widget.NewLabel("")}
	s.text = widget.NewEntry()
	s.text.SetPlaceHolder(T("ui.search_hint"))
	s.text.OnChanged = func(string) { s.Apply() }
	s.text.OnSubmitted = func(string) { s.Next(1) }
	any := T("ui.any")
	s.channel = widget.NewSelect(append([]string{any}, channelNames()...), func(string) { s.Apply() })
	s.lane = widget.NewSelect([]string{any}, func(string) { s.Apply() })
	s.marker = widget.NewSelect(append([]string{any}, markerNames()...), func(string) { s.Apply() })
	s.emotion = widget.NewSelect(append([]string{any}, emotionLabels...), func(string) { s.Apply() })
	for _, sel := range []*widget.Select{s.channel, s.lane, s.marker, s.emotion} {
		sel.SetSelectedIndex(0)
	}
	s.channel.PlaceHolder, s.lane.PlaceHolder = T("ui.channel"), T("ui.lane")
	clear := widget.NewButton(T("ui.clear"), s.Clear)
	prev := widget.NewButton("◀", func() { s.Next(-1) })
	next := widget.NewButton("▶", func() { s.Next(1) })
	filters := container.NewHBox(widget.NewLabel(T("ui.channel")), s.channel, widget.NewLabel(T("ui.lane")), s.lane,
		widget.NewLabel(T("ui.marker")), s.marker, widget.NewLabel(T("ui.emotion")), s.emotion, prev, next, s.count, clear)
	s.bar = container.NewBorder(nil, nil, widget.NewLabel(T("ui.find")), filters, s.text)
	return s
}

// Bar is the search bar's widget tree.
func (s *Search) Bar() fyne.CanvasObject { return s.bar }

// Focus puts the cursor in the text box (ctrl+F).
func (s *Search) Focus() { s.e.win.Canvas().Focus(s.text) }

// Clear removes every criterion.
func (s *Search) Clear() {
	s.text.SetText("")
	for _, sel := range []*widget.Select{s.channel, s.lane, s.marker, s.emotion} {
		sel.SetSelectedIndex(0)
	}
	s.Apply()
}

// fold makes matching ignore case and accents: "etape" finds "Étape".
func fold(s string) string {
	s = cases.Fold().String(norm.NFD.String(s))
	return strings.Map(func(r rune) rune {
		if r >= 0x300 && r <= 0x36F { // combining accents
			return -1
		}
		return r
	}, s)
}

// Apply finds the matches in the journey on screen and shows them.
func (s *Search) Apply() {
	j := s.e.Journey()
	if j == nil {
		return
	}
	// Lanes change with the journey.
	s.laneIDs = s.laneIDs[:0]
	names := []string{T("ui.any")}
	for _, l := range j.Lanes {
		s.laneIDs = append(s.laneIDs, l.ID)
		names = append(names, l.Name)
	}
	if !slices.Equal(names, s.lane.Options) {
		keep := s.lane.SelectedIndex()
		s.lane.Options = names
		if keep >= len(names) {
			keep = 0
		}
		s.lane.SetSelectedIndex(max(keep, 0))
	}
	m := Criteria{Text: s.text.Text, Emotion: 99}
	if i := s.channel.SelectedIndex(); i > 0 {
		m.Channel = model.Channels[i-1]
	}
	if i := s.lane.SelectedIndex(); i > 0 {
		m.Lane = s.laneIDs[i-1]
	}
	if i := s.marker.SelectedIndex(); i > 0 {
		m.Marker = model.AllMarkers[i-1]
	}
	if i := s.emotion.SelectedIndex(); i > 0 {
		m.Emotion = i - 3
	}
	if m.empty() {
		s.matches = nil
		s.count.SetText("")
		s.e.mapView.SetFilter(s.e.comparedRings())
		return
	}
	s.e.compared = nil
	s.matches = m.Find(j)
	set := make(map[string]bool, len(s.matches))
	for _, id := range s.matches {
		set[id] = true
	}
	s.count.SetText(T("ui.n_matches", len(s.matches)))
	s.e.mapView.SetFilter(set)
}

// Next selects the next (or previous, by -1) match and scrolls to it.
func (s *Search) Next(by int) {
	if len(s.matches) == 0 {
		return
	}
	s.current = ((s.current+by)%len(s.matches) + len(s.matches)) % len(s.matches)
	id := s.matches[s.current]
	s.e.sel = cardsSelection(id)
	s.e.showSelection()
	s.e.scrollTo(id)
}

// Criteria select touchpoints; empty ones select nothing.
type Criteria struct {
	Text    string
	Channel model.Channel
	Lane    string
	Marker  model.Marker
	Emotion int // 99: any
}

func (c Criteria) empty() bool {
	return strings.TrimSpace(c.Text) == "" && c.Channel == "" && c.Lane == "" && c.Marker == "" && c.Emotion == 99
}

// Find lists the ids of j's touchpoints that meet every criterion, in
// timeline order. Text is looked for, without case or accents, in the
// title, description, note and quotes.
func (c Criteria) Find(j *model.Journey) []string {
	text := fold(strings.TrimSpace(c.Text))
	var out []string
	for _, t := range model.TimelineOf(j) {
		if c.Channel != "" && t.Channel != c.Channel || c.Lane != "" && t.Lane != c.Lane ||
			c.Marker != "" && !t.Markers.Has(c.Marker) || c.Emotion != 99 && t.Emotion != c.Emotion {
			continue
		}
		if text != "" {
			hay := fold(t.Title + "\n" + t.Description + "\n" + t.Note + "\n" + strings.Join(t.Quotes, "\n"))
			if !strings.Contains(hay, text) {
				continue
			}
		}
		out = append(out, t.ID)
	}
	return out
}

// scrollTo brings a card into view.
func (e *Editor) scrollTo(id string) {
	s := e.mapView.Scene()
	i := s.CardIndex(id)
	if i < 0 {
		return
	}
	z := e.mapView.Zoom()
	c := s.Cards[i].Rect
	size := e.scroll.Size()
	off := fyne.NewPos(float32(c.X*z)-size.Width/2+float32(c.W*z)/2, float32(c.Y*z)-size.Height/2+float32(c.H*z)/2)
	off.X = max(0, off.X)
	off.Y = max(0, off.Y)
	e.scroll.ScrollToOffset(off)
	e.mapView.SetViewport(e.scroll.Offset, size)
}
