// Package canvas owns the geometry of a journey map: from a model.Journey
// it computes, once, a Scene in millimetres — stage columns and their time
// slots, department lanes, touchpoint cards with their text already wrapped
// with the real font, the emotion curve — and answers hit-tests on it. The
// window and the PDF both paint the same Scene; nothing here knows Fyne or
// PDF.
package canvas

import (
	"parcours/model"
	"parcours/model/insight"
)

// Rect is a rectangle in millimetres, origin top-left, y pointing down.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether the point lies inside r (right and bottom edges
// excluded, so that neighbouring cells never both claim a point).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Point is a position in millimetres.
type Point struct{ X, Y float64 }

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// Line is one line of laid-out text; X, Y is the top-left of its line box.
type Line struct {
	Text string
	X, Y float64
}

// Text is a block of lines already wrapped to fit its box.
type Text struct {
	Lines []Line
	Size  float64 // points
	Bold  bool
	// Baseline is the distance from the top of a line box to its baseline, mm.
	Baseline float64
	// LineHeight is the distance between two lines, mm.
	LineHeight float64
	Color      RGB
	// Cut is true when the text did not fit and ends with an ellipsis.
	Cut bool
}

// Column is a stage.
type Column struct {
	StageID string
	Header  Rect // the stage name band above the lanes
	Body    Rect // the column across every lane
	Name    Text
	// BelowTarget is true when the stage's average measured score is
	// under the journey's target experience score.
	BelowTarget bool
	// Slots holds the left edge of each column of cards (SlotWidth wide)
	// in the stage, at least one. Touchpoints that follow one another
	// down the lanes share a column (see Steps).
	Slots []float64
}

// Row is a department lane.
type Row struct {
	LaneID   string
	Rect     Rect // the whole row, label included
	Label    Rect // the name band on the left
	Name     Text
	Status   Text // "owned" / "not owned" under the name
	Owned    bool
	Leverage bool
	Color    RGB
}

// Face is an emotion face: a circle whose mouth shows Emotion (-2..2).
// Measured is false while the emotion is an assumption (no score yet).
type Face struct {
	Center   Point
	Radius   float64
	Emotion  int
	Measured bool
}

// Badge is a marker drawn on a card.
type Badge struct {
	Marker model.Marker
	Rect   Rect
}

// Card is a touchpoint.
type Card struct {
	TouchpointID string
	Column, Row  int // indexes into Scene.Columns and Scene.Rows
	// Slot is the card's place among the stage's touchpoints shown, in
	// timeline order, from 0 (model.MoveTouchpoint's Slot).
	Slot int
	// Step is the column of cards it takes within its stage, from 0: an
	// index into its Column's Slots.
	Step int
	// Number is its place on the journey's whole timeline, from 1, as
	// the poster's appendix numbers it; NumberText writes it on the card
	// when the scene is Numbered.
	Number      int
	NumberText  Text
	Rect        Rect
	Color       RGB // the lane's colour
	Title       Text
	Channel     Text
	ChannelIcon Pictogram // the channel's pictogram, left of its name
	Face        Face
	Badges      []Badge
	Listened    bool
	// Listen is where the listened mark (or the advice to listen) sits:
	// centred on the card's top-right corner.
	Listen       Point
	ListenRadius float64
	Advice       Advice
	Emotion      int
}

// Advice is what the listening-point rules (CONTRACTS §4) say of a card.
type Advice int

// Advices.
const (
	NoAdvice        Advice = iota
	AdviseListening        // a key moment to put a listening point on
	NoLever                // a key moment on a partner's lane without leverage
)

// BandKind names a row of stage texts.
type BandKind string

// Bands above the grid, the macro view's summary, and the opportunities
// under the curve.
const (
	BandSummary       BandKind = "summary"
	BandActions       BandKind = "actions"
	BandThoughts      BandKind = "thoughts"
	BandCustomerGoals BandKind = "customer_goals"
	BandBusinessGoals BandKind = "business_goals"
	BandKPIs          BandKind = "kpis"
	BandOpportunities BandKind = "opportunities"
	BandQuotes        BandKind = "quotes"
)

// Cell is one stage's text in a band.
type Cell struct {
	Column int
	Rect   Rect
	Text   Text
	// Trends are, in the KPI row with Options.Trends, each KPI's values
	// over the journey's reviews as a small line beside its first line of
	// text (nil for a KPI reviewed fewer than twice).
	Trends [][]Point
}

// Band is a row of texts, one cell per stage.
type Band struct {
	Kind  BandKind
	Rect  Rect // the whole row, label included
	Label Text
	Cells []Cell
}

// CurvePoint is the emotion of one touchpoint on the curve, right under
// its card.
type CurvePoint struct {
	TouchpointID string
	Point
	Emotion int
	Face    Face
	// Peak and Drop follow CONTRACTS §4: emotional highs to reinforce and
	// lows to remove.
	Peak, Drop bool
}

// Curve is the emotion curve band under the lanes.
type Curve struct {
	Rect   Rect
	Label  Text
	Levels [5]float64 // y of emotion -2..+2
	Points []CurvePoint
}

// Scene is a whole journey map laid out in millimetres.
type Scene struct {
	JourneyID string
	Title     string
	Persona   string
	Objective string
	// Profile is a copy of the journey's persona, nil when it has none:
	// the poster prints its card. State and TargetScore are the journey's.
	Profile     *model.Persona
	State       model.JourneyState
	TargetScore float64
	Width       float64
	Height      float64
	// Grid is the area of the lane cells, right of the labels and under the
	// stage headers.
	Grid    Rect
	View    View
	Columns []Column
	// Bands are the rows of stage texts between the stage names and the
	// lanes; Below are the rows under the curve: the customers' quotes
	// (when asked for) and the opportunities (unless left out).
	Bands []Band
	Below []Band
	Rows  []Row
	Cards []Card
	Curve Curve
	// Numbered is true when some cards share a column: each card then
	// shows its place on the timeline, so that the eye follows the order.
	Numbered bool
	// Insights are what the insight rules concluded of the journey laid
	// out (the peaks, drops and advice drawn come from them): the window's
	// Insights panel shows them without working them out again.
	Insights insight.Report
}

// AllBands lists the rows of texts above the lanes, then those under the
// curve.
func (s *Scene) AllBands() []Band {
	return append(s.Bands[:len(s.Bands):len(s.Bands)], s.Below...)
}

// BelowBand returns the row under the curve of the given kind, or nil.
func (s *Scene) BelowBand(k BandKind) *Band {
	for i := range s.Below {
		if s.Below[i].Kind == k {
			return &s.Below[i]
		}
	}
	return nil
}
