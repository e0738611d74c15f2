package ui

import (
	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/model"
)

// Palette lists what can be dragged onto the map: a stage, a lane, a
// touchpoint of each channel, and the markers. Fyne has no drag and drop
// between widgets, so an item follows the pointer itself and finds the
// map under it through the driver's absolute positions.
type Palette struct {
	e   *Editor
	box fyne.CanvasObject
}

type paletteKind int

const (
	paletteStage paletteKind = iota
	paletteLane
	paletteTouchpoint
	paletteMarker
)

// NewPalette builds the palette of editor e.
func NewPalette(e *Editor) *Palette {
	p := &Palette{e: e}
	items := []fyne.CanvasObject{heading(T("ui.palette")),
		newPaletteItem(p, paletteStage, T("ui.stage"), "", ""),
		newPaletteItem(p, paletteLane, T("ui.lane"), "", ""),
		widget.NewSeparator(), widget.NewLabel(T("ui.touchpoints"))}
	for _, c := range model.Channels {
		items = append(items, newPaletteItem(p, paletteTouchpoint, T("channel."+string(c)), c, ""))
	}
	items = append(items, widget.NewSeparator(), widget.NewLabel(T("ui.markers")))
	for _, m := range model.AllMarkers {
		items = append(items, newPaletteItem(p, paletteMarker, T("marker."+string(m)), "", m))
	}
	p.box = container.NewVScroll(container.NewVBox(items...))
	return p
}

// Content is the palette's widget tree.
func (p *Palette) Content() fyne.CanvasObject { return p.box }

// paletteItem is one entry: drag it onto the map, or click it to add at a
// sensible place (after the selected card, at the end).
type paletteItem struct {
	widget.BaseWidget
	p       *Palette
	kind    paletteKind
	label   string
	channel model.Channel
	marker  model.Marker

	dragging bool
	at       fyne.Position // pointer, relative to the map view
}

var (
	_ fyne.Draggable = (*paletteItem)(nil)
	_ fyne.Tappable  = (*paletteItem)(nil)
)

func newPaletteItem(p *Palette, k paletteKind, label string, c model.Channel, m model.Marker) *paletteItem {
	it := &paletteItem{p: p, kind: k, label: label, channel: c, marker: m}
	it.ExtendBaseWidget(it)
	return it
}

// CreateRenderer implements fyne.Widget.
func (it *paletteItem) CreateRenderer() fyne.WidgetRenderer {
	var icon fyne.CanvasObject
	switch it.kind {
	case paletteMarker:
		icon = container.NewWithoutLayout(badgeObject(canvas.Badge{Marker: it.marker, Rect: canvas.Rect{W: 4, H: 4}}, canvas.Point{}, 4))
	case paletteStage:
		r := fcanvas.NewRectangle(rgb(canvas.HeaderBG))
		icon = r
	case paletteLane:
		r := fcanvas.NewRectangle(rgb(canvas.Tint(canvas.RGB{R: 0x4E, G: 0x79, B: 0xA7}, canvas.OwnedTint)))
		r.StrokeColor, r.StrokeWidth = rgb(canvas.RGB{R: 0x4E, G: 0x79, B: 0xA7}), 2
		icon = r
	default:
		icon = widget.NewIcon(channelIcon(it.channel))
	}
	holder := container.NewGridWrap(fyne.NewSize(18, 16), icon)
	// A name longer than the panel (« Notification push ») goes onto a
	// second line rather than being cut.
	text := widget.NewLabel(it.label)
	text.Wrapping = fyne.TextWrapWord
	bg := fcanvas.NewRectangle(theme.Color(theme.ColorNameButton))
	bg.CornerRadius = 4
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewBorder(nil, nil, container.NewCenter(holder), nil, text)))
}

// channelIcon is a picture for each channel, from Fyne's icon set.
func channelIcon(c model.Channel) fyne.Resource {
	switch c {
	case model.ChannelWeb:
		return theme.ComputerIcon()
	case model.ChannelApp:
		return theme.GridIcon()
	case model.ChannelEmail:
		return theme.MailComposeIcon()
	case model.ChannelSMS:
		return theme.MailReplyIcon()
	case model.ChannelPush:
		return theme.InfoIcon()
	case model.ChannelTrackingPage:
		return theme.SearchIcon()
	case model.ChannelPhone:
		return theme.VolumeUpIcon()
	case model.ChannelChat:
		return theme.MailReplyAllIcon()
	case model.ChannelSocial:
		return theme.MailForwardIcon()
	case model.ChannelStore:
		return theme.HomeIcon()
	case model.ChannelFaceToFace:
		return theme.AccountIcon()
	case model.ChannelPaper:
		return theme.DocumentIcon()
	}
	return theme.MoreHorizontalIcon()
}

// Dragged follows the pointer over the map and shows where a drop would
// land.
func (it *paletteItem) Dragged(e *fyne.DragEvent) {
	it.dragging = true
	d := fyne.CurrentApp().Driver()
	abs := d.AbsolutePositionForObject(it).Add(e.Position)
	it.at = abs.Subtract(d.AbsolutePositionForObject(it.p.e.mapView))
	it.p.e.previewDrop(it.kind, it.at)
}

// DragEnd drops the item where the pointer is.
func (it *paletteItem) DragEnd() {
	if !it.dragging {
		return
	}
	it.dragging = false
	it.p.e.mapView.SetPreview(nil)
	it.p.e.dropFromPalette(it.kind, it.channel, it.marker, it.at)
}

// Tapped adds the item without dragging.
func (it *paletteItem) Tapped(*fyne.PointEvent) {
	it.p.e.addFromPalette(it.kind, it.channel, it.marker)
}

// previewDrop shows where a palette item dragged to p (pixels, relative to
// the map) would land.
func (e *Editor) previewDrop(k paletteKind, p fyne.Position) {
	s := e.mapView.Scene()
	if s == nil {
		return
	}
	x, y := e.mapView.mm(p)
	var r *canvas.Rect
	switch k {
	case paletteTouchpoint:
		if d, ok := s.DropAt(x, y, ""); ok {
			r = &d.Line
		}
	case paletteStage:
		if x >= 0 && y >= 0 && x <= s.Width+canvas.SlotWidth && y <= s.Height {
			g := s.StageGap(s.StageInsertAt(x))
			r = &g
		}
	case paletteLane:
		if x >= 0 && y >= s.Grid.Y && x <= s.Width && y <= s.Grid.Y+s.Grid.H+canvas.LaneHeight {
			g := s.LaneGap(s.LaneInsertAt(y))
			r = &g
		}
	case paletteMarker:
		if i := s.CardAt(x, y); i >= 0 {
			c := s.Cards[i].Rect
			r = &canvas.Rect{X: c.X - 1, Y: c.Y - 1, W: c.W + 2, H: c.H + 2}
		}
	}
	e.mapView.SetPreview(r)
}

// dropFromPalette adds what was dropped at p (pixels, relative to the
// map). A drop where the item cannot go does nothing.
func (e *Editor) dropFromPalette(k paletteKind, ch model.Channel, m model.Marker, p fyne.Position) {
	s := e.mapView.Scene()
	if s == nil {
		return
	}
	x, y := e.mapView.mm(p)
	switch k {
	case paletteTouchpoint:
		if d, ok := s.DropAt(x, y, ""); ok {
			e.AddTouchpoint(s.Columns[d.Column].StageID, s.Rows[d.Row].LaneID, d.Slot, ch)
		}
	case paletteStage:
		if x >= 0 && y >= 0 && x <= s.Width+canvas.SlotWidth && y <= s.Height {
			e.AddStage(s.StageInsertAt(x))
		}
	case paletteLane:
		if x >= 0 && y >= s.Grid.Y && x <= s.Width && y <= s.Grid.Y+s.Grid.H+canvas.LaneHeight {
			e.AddLane(s.LaneInsertAt(y))
		}
	case paletteMarker:
		if i := s.CardAt(x, y); i >= 0 {
			id := s.Cards[i].TouchpointID
			if t := e.Journey().Touchpoint(id); t != nil && !t.Markers.Has(m) {
				e.ToggleMarker(id, m)
			}
		}
	}
}

// addFromPalette answers a click on a palette item: a card goes after the
// selected one (or at the end of the first cell), a stage or lane at the
// end, a marker onto the selected cards.
func (e *Editor) addFromPalette(k paletteKind, ch model.Channel, m model.Marker) {
	j := e.Journey()
	if j == nil {
		return
	}
	switch k {
	case paletteStage:
		e.AddStage(-1)
	case paletteLane:
		e.AddLane(-1)
	case paletteTouchpoint:
		if len(j.Stages) == 0 || len(j.Lanes) == 0 {
			return
		}
		stage, lane, slot := j.Stages[0].ID, j.Lanes[0].ID, len(j.StageTouchpoints(j.Stages[0].ID))
		if ts := e.selectedTouchpoints(); len(ts) > 0 {
			last := ts[len(ts)-1]
			stage, lane = last.Stage, last.Lane
			for i, t := range j.StageTouchpoints(stage) {
				if t.ID == last.ID {
					slot = i + 1
				}
			}
		}
		e.AddTouchpoint(stage, lane, slot, ch)
	case paletteMarker:
		for _, t := range e.selectedTouchpoints() {
			if !t.Markers.Has(m) {
				e.ToggleMarker(t.ID, m)
			}
		}
	}
}
