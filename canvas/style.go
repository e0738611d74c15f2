package canvas

import "parcours/model"

// Shape is how a marker badge is drawn. Markers differ by shape as well as
// by colour, so that they stay apart for colour-blind readers and on a
// black-and-white print.
type Shape int

// Badge shapes.
const (
	Triangle Shape = iota // pain point: a warning sign
	Star                  // enchantment
	Diamond               // moment of truth
	Circle                // maker « ça passe »
	Square                // breaker « ça casse »
)

// MarkerStyle is the shape and colour of a marker's badge. The colours come
// from the Okabe–Ito palette, which colour-blind readers can tell apart.
func MarkerStyle(m model.Marker) (Shape, RGB) {
	switch m {
	case model.MarkerPain:
		return Triangle, RGB{0xD5, 0x5E, 0x00} // vermilion
	case model.MarkerEnchantment:
		return Star, RGB{0xE6, 0x9F, 0x00} // orange
	case model.MarkerTruth:
		return Diamond, RGB{0x00, 0x72, 0xB2} // blue
	case model.MarkerMaker:
		return Circle, RGB{0x00, 0x9E, 0x73} // bluish green
	default:
		return Square, RGB{0xCC, 0x79, 0xA7} // reddish purple
	}
}

// EmotionColor fills an emotion face, from -2 (vermilion) through neutral
// grey to +2 (bluish green); the mouth tells the same thing without colour.
func EmotionColor(e int) RGB {
	switch {
	case e <= -2:
		return RGB{0xD5, 0x5E, 0x00}
	case e == -1:
		return RGB{0xF0, 0xA0, 0x60}
	case e == 0:
		return RGB{0xBB, 0xBB, 0xBB}
	case e == 1:
		return RGB{0x7C, 0xCB, 0xA2}
	default:
		return RGB{0x00, 0x9E, 0x73}
	}
}

// Mouth returns the three points of a face's mouth, relative to its centre
// in units of its radius: a smile for positive emotions, a frown for
// negative ones, flat for neutral.
func Mouth(e int) (left, mid, right Point) {
	curve := float64(e) * 0.14
	return Point{-0.45, 0.3}, Point{0, 0.3 + curve}, Point{0.45, 0.3}
}

// Tint mixes c with white; share 0 gives c, 1 gives white. Lane rows are
// tinted with their lane's colour.
func Tint(c RGB, share float64) RGB {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*share) }
	return RGB{mix(c.R), mix(c.G), mix(c.B)}
}

// Lane backgrounds: owned lanes are tinted with their colour; lanes not
// owned are grey and drawn with a dashed outline, so that the difference
// survives a grey-scale print.
const (
	OwnedTint    = 0.85
	NotOwnedTint = 0.93
)

// Surfaces.
var (
	Paper     = RGB{0xFF, 0xFF, 0xFF}
	CardFill  = RGB{0xFF, 0xFF, 0xFF}
	GridLine  = RGB{0xCC, 0xCC, 0xCC}
	HeaderBG  = RGB{0x2F, 0x3E, 0x4E}
	HeaderInk = RGB{0xFF, 0xFF, 0xFF}
	NotOwned  = RGB{0xE4, 0xE4, 0xE4}
	CurveInk  = RGB{0x2F, 0x3E, 0x4E}
)

// Stage texts and advice.
var (
	BandFill    = RGB{0xFA, 0xFA, 0xF7}
	BandAltFill = RGB{0xF1, 0xF3, 0xF5}
	// BelowTargetInk marks a stage whose measured score is under target.
	BelowTargetInk = RGB{0xD5, 0x5E, 0x00}
	// AdviceInk rings a card where a listening point is advised; NoLeverInk
	// where the partner gives no lever.
	AdviceInk  = RGB{0x00, 0x72, 0xB2}
	NoLeverInk = RGB{0x77, 0x77, 0x77}
)

// BelowTargetBar is the height in mm of the bar under a stage name whose
// score is below target.
const BelowTargetBar = 1.4

// Peak and drop marks on the curve.
var (
	PeakInk = RGB{0x00, 0x9E, 0x73}
	DropInk = RGB{0xD5, 0x5E, 0x00}
)

// The impact/effort matrix of the action plan: each quadrant tinted, on
// screen and on paper alike. The tints are opaque (a PDF has no
// transparency here), the colours of the Okabe–Ito palette mixed with
// white: quick wins bluish green, major projects blue, fill-ins orange,
// thankless tasks grey.
var (
	QuickWinsTint     = RGB{0xAA, 0xDF, 0xD0}
	MajorProjectsTint = RGB{0xBF, 0xDC, 0xEC}
	FillInsTint       = RGB{0xF9, 0xE7, 0xBF}
	ThanklessTint     = RGB{0xEC, 0xEC, 0xEC}
)

// The two emotion curves of a comparison: the current journey in grey,
// the target journey in blue (told apart by line width too: the current
// one is thinner).
var (
	CurrentCurveInk = RGB{0x77, 0x77, 0x77}
	TargetCurveInk  = RGB{0x00, 0x72, 0xB2}
)
