package canvas

import (
	"strconv"

	"parcours/model"
	"parcours/model/msg"
)

// Dimensions of the map in millimetres. They are sized for a poster read
// at arm's length and for a card that holds three lines of title.
const (
	LabelWidth   = 40.0
	HeaderHeight = 14.0
	SlotWidth    = 50.0
	CardWidth    = 44.0
	CardHeight   = 30.0
	LaneHeight   = CardHeight + 8
	CurveGap     = 4.0
	CurveHeight  = 45.0

	cardPad     = 2.0
	stripWidth  = 1.6
	titleSize   = 9.0 // pt
	channelSize = 7.0
	nameSize    = 10.0
	stageSize   = 12.0
	lineSpacing = 1.2
	faceRadius  = 3.2
	badgeSize   = 4.2
	curvePad    = 6.0
)

// Text colours.
var (
	Ink      = RGB{0x22, 0x22, 0x22}
	MutedInk = RGB{0x55, 0x55, 0x55}
)

// Layout lays out journey j of document d.
func Layout(d *model.Document, j *model.Journey) *Scene {
	reg, bold := Fonts()
	s := &Scene{JourneyID: j.ID, Title: reg.Printable(j.Title), Objective: reg.Printable(j.Objective)}
	if p := d.Persona(j.Persona); p != nil {
		s.Persona = reg.Printable(p.Name)
	}
	timeline := model.TimelineOf(j)
	perStage := make(map[string][]*model.Touchpoint, len(j.Stages))
	for _, t := range timeline {
		perStage[t.Stage] = append(perStage[t.Stage], t)
	}
	gridTop := HeaderHeight
	gridBottom := gridTop + LaneHeight*float64(len(j.Lanes))

	// Columns: one time slot per touchpoint, so that every card has its
	// own x and its point on the curve sits right under it.
	x := LabelWidth
	colOf := make(map[string]int, len(j.Stages))
	for i, st := range j.Stages {
		colOf[st.ID] = i
		n := max(len(perStage[st.ID]), 1)
		w := max(float64(n)*SlotWidth, st.Width)
		c := Column{StageID: st.ID,
			Header: Rect{x, 0, w, HeaderHeight},
			Body:   Rect{x, gridTop, w, gridBottom - gridTop}}
		for k := 0; k < n; k++ {
			c.Slots = append(c.Slots, x+float64(k)*SlotWidth)
		}
		c.Name = block(bold, bold.Printable(st.Name), stageSize, Rect{x + cardPad, 0, w - 2*cardPad, HeaderHeight}, 2, true, HeaderInk)
		s.Columns = append(s.Columns, c)
		x += w
	}
	s.Width = max(x, LabelWidth+SlotWidth)
	s.Grid = Rect{LabelWidth, gridTop, s.Width - LabelWidth, gridBottom - gridTop}

	rowOf := make(map[string]int, len(j.Lanes))
	for i, l := range j.Lanes {
		rowOf[l.ID] = i
		y := gridTop + float64(i)*LaneHeight
		r := Row{LaneID: l.ID, Rect: Rect{0, y, s.Width, LaneHeight}, Label: Rect{0, y, LabelWidth, LaneHeight},
			Owned: l.Owned, Leverage: l.Leverage, Color: ParseColor(l.Color)}
		label := Rect{cardPad + stripWidth, y + cardPad, LabelWidth - 2*cardPad - stripWidth, LaneHeight - 2*cardPad}
		statusH := channelSize * PtToMM * lineSpacing
		r.Name = block(bold, bold.Printable(l.Name), nameSize, Rect{label.X, label.Y, label.W, label.H - statusH}, 4, true, Ink)
		r.Status = block(reg, msg.T(laneStatus(l)), channelSize, Rect{label.X, label.Y + label.H - statusH, label.W, statusH}, 1, false, MutedInk)
		s.Rows = append(s.Rows, r)
	}

	// Curve band.
	top := gridBottom + CurveGap
	s.Curve.Rect = Rect{LabelWidth, top, s.Width - LabelWidth, CurveHeight}
	for e := -2; e <= 2; e++ {
		s.Curve.Levels[e+2] = top + curvePad + float64(2-e)/4*(CurveHeight-2*curvePad)
	}
	s.Curve.Label = block(bold, msg.T("canvas.curve"), nameSize, Rect{cardPad, top, LabelWidth - 2*cardPad, CurveHeight}, 3, true, Ink)
	s.Height = top + CurveHeight

	slotInStage := map[string]int{}
	s.Cards = make([]Card, 0, len(timeline))
	s.Curve.Points = make([]CurvePoint, 0, len(timeline))
	for _, t := range timeline {
		ci, ok1 := colOf[t.Stage]
		ri, ok2 := rowOf[t.Lane]
		if !ok1 || !ok2 {
			continue // validation keeps this from happening
		}
		slot := slotInStage[t.Stage]
		slotInStage[t.Stage]++
		col := s.Columns[ci]
		cx := col.Slots[slot] + (SlotWidth-CardWidth)/2
		cy := s.Rows[ri].Rect.Y + (LaneHeight-CardHeight)/2
		card := layoutCard(t, Rect{cx, cy, CardWidth, CardHeight}, s.Rows[ri].Color)
		card.Column, card.Row, card.Slot = ci, ri, slot
		s.Cards = append(s.Cards, card)
		px := cx + CardWidth/2
		p := CurvePoint{TouchpointID: t.ID, Point: Point{px, s.Curve.Levels[t.Emotion+2]}, Emotion: t.Emotion}
		p.Face = Face{Center: p.Point, Radius: faceRadius, Emotion: t.Emotion, Measured: t.Score != nil}
		s.Curve.Points = append(s.Curve.Points, p)
	}
	return s
}

func layoutCard(t *model.Touchpoint, r Rect, color RGB) Card {
	reg, bold := Fonts()
	c := Card{TouchpointID: t.ID, Rect: r, Color: color, Listened: t.Listened, Emotion: t.Emotion}
	inner := Rect{r.X + stripWidth + cardPad, r.Y + cardPad, r.W - stripWidth - 2*cardPad, r.H - 2*cardPad}
	bottom := inner.Y + inner.H // bottom row: face, channel, badges
	rowH := 2 * faceRadius
	c.Face = Face{Center: Point{inner.X + faceRadius, bottom - faceRadius}, Radius: faceRadius,
		Emotion: t.Emotion, Measured: t.Score != nil}
	titleBox := Rect{inner.X, inner.Y, inner.W, inner.H - rowH - 1}
	c.Title = block(bold, bold.Printable(t.Title), titleSize, titleBox, 3, false, Ink)

	markers := t.Markers.List()
	bx := inner.X + inner.W
	for i := len(markers) - 1; i >= 0; i-- {
		bx -= badgeSize
		c.Badges = append([]Badge{{Marker: markers[i], Rect: Rect{bx, bottom - (rowH+badgeSize)/2, badgeSize, badgeSize}}}, c.Badges...)
		bx -= 0.6
	}
	chX := inner.X + 2*faceRadius + 1.2
	chBox := Rect{chX, bottom - rowH, bx - chX - 0.5, rowH}
	c.Channel = block(reg, msg.T("channel."+string(t.Channel)), channelSize, chBox, 1, true, MutedInk)
	return c
}

func laneStatus(l *model.Lane) string {
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
// the top.
func block(f *Font, s string, size float64, box Rect, maxLines int, middle bool, color RGB) Text {
	lh := size * PtToMM * lineSpacing
	maxLines = min(maxLines, max(1, int(box.H/lh)))
	lines, cut := f.Wrap(s, size, box.W, maxLines)
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
