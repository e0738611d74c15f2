package canvas

import (
	"math"
	"sync"

	"parcours/model"
)

// The channel pictograms of touchpoint cards. Each is a handful of vector
// shapes in a unit box (0…1 × 0…1, y pointing down), drawn with lines of
// IconStroke in the muted ink: the poster scales them to the card's
// ChannelIcon box, the window renders them once per zoom into a picture.
// One geometry for every painter, as for the rest of the scene.

// IconKind is what an IconShape draws.
type IconKind int

// Icon shape kinds.
const (
	// IconCircle is centred on Points[0], of radius R.
	IconCircle IconKind = iota
	// IconPolyline is an open line through Points.
	IconPolyline
	// IconPolygon is a closed outline through Points.
	IconPolygon
	// IconRoundRect has its top-left corner at Points[0], its bottom-right
	// at Points[1], and corners of radius R.
	IconRoundRect
)

// IconShape is one stroke of a pictogram, in the unit box. A filled shape
// is filled and outlined in the same ink, so that its corners are rounded
// like the lines'; only closed shapes are filled.
type IconShape struct {
	Kind   IconKind
	Points []Point
	R      float64
	Fill   bool
}

// IconStroke is the width of a pictogram's lines, in units of its box.
const IconStroke = 0.075

// Pictogram is a card's channel icon: which channel, and the square it is
// drawn in.
type Pictogram struct {
	Channel model.Channel
	Box     Rect
}

// ChannelIcon returns the pictogram of channel c; an unknown channel gets
// the one of ChannelOther. The shapes are shared: do not modify them.
func ChannelIcon(c model.Channel) []IconShape {
	icons := channelIcons()
	if s, ok := icons[c]; ok {
		return s
	}
	return icons[model.ChannelOther]
}

// channelIcons are made on first use, not at start: a command that draws
// nothing does not pay for them (issue 12).
var channelIcons = sync.OnceValue(func() map[model.Channel][]IconShape {
	return map[model.Channel][]IconShape{
		model.ChannelWeb:          globeIcon(),
		model.ChannelApp:          phoneScreenIcon(),
		model.ChannelEmail:        envelopeIcon(),
		model.ChannelSMS:          speechIcon(),
		model.ChannelPush:         bellIcon(),
		model.ChannelTrackingPage: pinIcon(),
		model.ChannelPhone:        handsetIcon(),
		model.ChannelChat:         chatIcon(),
		model.ChannelSocial:       shareIcon(),
		model.ChannelStore:        shopIcon(),
		model.ChannelFaceToFace:   peopleIcon(),
		model.ChannelPaper:        sheetIcon(),
		model.ChannelOther:        dotsIcon(),
	}
})

// Shape makers.

func shapeCircle(x, y, r float64, fill bool) IconShape {
	return IconShape{Kind: IconCircle, Points: []Point{{x, y}}, R: r, Fill: fill}
}

func shapeLine(pts ...Point) IconShape { return IconShape{Kind: IconPolyline, Points: pts} }

func shapePolygon(pts ...Point) IconShape { return IconShape{Kind: IconPolygon, Points: pts} }

func shapeRoundRect(x0, y0, x1, y1, r float64) IconShape {
	return IconShape{Kind: IconRoundRect, Points: []Point{{x0, y0}, {x1, y1}}, R: r}
}

// arcPoints returns n+1 points on the ellipse of centre (cx, cy) and radii
// rx, ry, from angle a0 to a1 in degrees (0 points right, 90 down).
func arcPoints(cx, cy, rx, ry, a0, a1 float64, n int) []Point {
	pts := make([]Point, n+1)
	for i := range pts {
		a := (a0 + (a1-a0)*float64(i)/float64(n)) * math.Pi / 180
		pts[i] = Point{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	return pts
}

// quadPoints returns n points of the quadratic curve from a (left out) to b
// bending towards c.
func quadPoints(a, c, b Point, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		t := float64(i+1) / float64(n)
		u := 1 - t
		pts[i] = Point{u*u*a.X + 2*u*t*c.X + t*t*b.X, u*u*a.Y + 2*u*t*c.Y + t*t*b.Y}
	}
	return pts
}

// joinPoints joins runs of points.
func joinPoints(runs ...[]Point) []Point {
	var pts []Point
	for _, r := range runs {
		pts = append(pts, r...)
	}
	return pts
}

func onePoint(x, y float64) []Point { return []Point{{x, y}} }

// The pictograms.

// globeIcon: web, a globe with a meridian and the equator.
func globeIcon() []IconShape {
	return []IconShape{
		shapeCircle(0.5, 0.5, 0.42, false),
		shapePolygon(arcPoints(0.5, 0.5, 0.17, 0.42, 0, 360, 32)[:32]...),
		shapeLine(Point{0.08, 0.5}, Point{0.92, 0.5}),
	}
}

// phoneScreenIcon: app, a smartphone with its home button.
func phoneScreenIcon() []IconShape {
	return []IconShape{
		shapeRoundRect(0.26, 0.06, 0.74, 0.94, 0.1),
		shapeLine(Point{0.43, 0.16}, Point{0.57, 0.16}),
		shapeCircle(0.5, 0.8, 0.05, true),
	}
}

// envelopeIcon: e-mail, an envelope and its flap.
func envelopeIcon() []IconShape {
	return []IconShape{
		shapeRoundRect(0.06, 0.2, 0.94, 0.8, 0.06),
		shapeLine(Point{0.1, 0.25}, Point{0.5, 0.55}, Point{0.9, 0.25}),
	}
}

// speechIcon: SMS, a speech bubble with three dots.
func speechIcon() []IconShape {
	const x0, y0, x1, y1, r = 0.08, 0.12, 0.92, 0.7, 0.12
	return []IconShape{
		shapePolygon(joinPoints(
			arcPoints(x1-r, y0+r, r, r, 270, 360, 4),
			arcPoints(x1-r, y1-r, r, r, 0, 90, 4),
			onePoint(0.44, y1), onePoint(0.24, 0.9), onePoint(0.3, y1),
			arcPoints(x0+r, y1-r, r, r, 90, 180, 4),
			arcPoints(x0+r, y0+r, r, r, 180, 270, 4),
		)...),
		shapeCircle(0.3, 0.41, 0.05, true),
		shapeCircle(0.5, 0.41, 0.05, true),
		shapeCircle(0.7, 0.41, 0.05, true),
	}
}

// bellIcon: push notification, a bell with its clapper.
func bellIcon() []IconShape {
	return []IconShape{
		shapePolygon(joinPoints(
			onePoint(0.1, 0.76),
			quadPoints(Point{0.1, 0.76}, Point{0.24, 0.66}, Point{0.24, 0.44}, 4),
			arcPoints(0.5, 0.44, 0.26, 0.27, 180, 360, 10)[1:],
			quadPoints(Point{0.76, 0.44}, Point{0.76, 0.66}, Point{0.9, 0.76}, 4),
		)...),
		shapeLine(arcPoints(0.5, 0.8, 0.1, 0.1, 0, 180, 6)...),
		shapeLine(Point{0.5, 0.07}, Point{0.5, 0.17}),
	}
}

// pinIcon: tracking page, a map pin.
func pinIcon() []IconShape {
	const cx, cy, r, tip = 0.5, 0.38, 0.3, 0.94
	// The pin's sides are tangent to its head.
	t := math.Acos(r/(tip-cy)) * 180 / math.Pi
	return []IconShape{
		shapePolygon(joinPoints(onePoint(cx, tip), arcPoints(cx, cy, r, r, 90-t, 90+t-360, 20))...),
		shapeCircle(cx, cy, 0.11, false),
	}
}

// handsetIcon: phone, a telephone handset: ear and mouth pieces joined
// by a curved handle, filled.
func handsetIcon() []IconShape {
	const cx, cy = 0.9, 0.1 // the handle bends around this point
	const outer, handle, pad = 0.78, 0.64, 0.5
	return []IconShape{{Kind: IconPolygon, Fill: true, Points: joinPoints(
		arcPoints(cx, cy, outer, outer, 95, 175, 12),
		arcPoints(cx, cy, pad, pad, 175, 152, 3),
		arcPoints(cx, cy, handle, handle, 148, 122, 4),
		arcPoints(cx, cy, pad, pad, 118, 95, 3),
	)}}
}

// chatIcon: chat, two overlapping speech bubbles; the front one hides
// the part of the back one it covers.
func chatIcon() []IconShape {
	const r = 0.1
	back := joinPoints(
		onePoint(0.64, 0.38),
		arcPoints(0.64-r, 0.1+r, r, r, 0, -90, 4),
		arcPoints(0.06+r, 0.1+r, r, r, -90, -180, 4),
		arcPoints(0.06+r, 0.52-r, r, r, 180, 90, 4),
		onePoint(0.2, 0.52), onePoint(0.12, 0.68), onePoint(0.32, 0.52), onePoint(0.36, 0.52),
	)
	front := joinPoints(
		arcPoints(0.36+r, 0.38+r, r, r, 180, 270, 4),
		arcPoints(0.94-r, 0.38+r, r, r, 270, 360, 4),
		arcPoints(0.94-r, 0.8-r, r, r, 0, 90, 4),
		onePoint(0.82, 0.8), onePoint(0.88, 0.94), onePoint(0.68, 0.8),
		arcPoints(0.36+r, 0.8-r, r, r, 90, 180, 4),
	)
	return []IconShape{shapeLine(back...), shapePolygon(front...)}
}

// shareIcon: social networks, three linked nodes.
func shareIcon() []IconShape {
	return []IconShape{
		shapeLine(Point{0.74, 0.2}, Point{0.26, 0.5}, Point{0.74, 0.8}),
		shapeCircle(0.74, 0.2, 0.12, true),
		shapeCircle(0.26, 0.5, 0.12, true),
		shapeCircle(0.74, 0.8, 0.12, true),
	}
}

// shopIcon: store, a shop front under a striped, scalloped awning, with
// its door.
func shopIcon() []IconShape {
	const top, eave, x0, x1, t0, t1 = 0.08, 0.36, 0.06, 0.94, 0.16, 0.84
	const n = 4
	w := (x1 - x0) / n
	shapes := []IconShape{shapePolygon(Point{t0, top}, Point{t1, top}, Point{x1, eave}, Point{x0, eave})}
	var scallops []Point
	for i := range n {
		pts := arcPoints(x0+w*(float64(i)+0.5), eave, w/2, w/2, 180, 0, 6)
		if i > 0 {
			pts = pts[1:]
		}
		scallops = append(scallops, pts...)
		if i > 0 {
			shapes = append(shapes, shapeLine(Point{t0 + (t1-t0)*float64(i)/n, top}, Point{x0 + w*float64(i), eave}))
		}
	}
	return append(shapes,
		shapeLine(scallops...),
		shapeLine(Point{0.15, 0.47}, Point{0.15, 0.9}),
		shapeLine(Point{0.85, 0.47}, Point{0.85, 0.9}),
		shapeLine(Point{0.06, 0.9}, Point{0.94, 0.9}),
		shapeLine(Point{0.4, 0.9}, Point{0.4, 0.62}, Point{0.6, 0.62}, Point{0.6, 0.9}),
	)
}

// peopleIcon: face to face, two people, head and shoulders.
func peopleIcon() []IconShape {
	shoulders := func(cx float64) IconShape {
		return shapePolygon(arcPoints(cx, 0.9, 0.2, 0.34, 180, 360, 12)...)
	}
	return []IconShape{
		shapeCircle(0.29, 0.31, 0.13, false),
		shapeCircle(0.71, 0.31, 0.13, false),
		shoulders(0.29),
		shoulders(0.71),
	}
}

// sheetIcon: paper, a sheet with a folded corner and lines of text.
func sheetIcon() []IconShape {
	return []IconShape{
		shapePolygon(Point{0.18, 0.06}, Point{0.6, 0.06}, Point{0.82, 0.28}, Point{0.82, 0.94}, Point{0.18, 0.94}),
		shapeLine(Point{0.6, 0.06}, Point{0.6, 0.28}, Point{0.82, 0.28}),
		shapeLine(Point{0.32, 0.46}, Point{0.68, 0.46}),
		shapeLine(Point{0.32, 0.62}, Point{0.68, 0.62}),
		shapeLine(Point{0.32, 0.78}, Point{0.56, 0.78}),
	}
}

// dotsIcon: any other channel, three dots.
func dotsIcon() []IconShape {
	return []IconShape{
		shapeCircle(0.22, 0.5, 0.08, true),
		shapeCircle(0.5, 0.5, 0.08, true),
		shapeCircle(0.78, 0.5, 0.08, true),
	}
}
