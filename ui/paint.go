package ui

import (
	"image"
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"golang.org/x/image/vector"

	"parcours/canvas"
	"parcours/model"
)

// The painter's side of the scene: turning canvas shapes into Fyne
// objects at a zoom of px pixels per millimetre.

func rgb(c canvas.RGB) color.Color { return color.NRGBA{c.R, c.G, c.B, 0xFF} }

func pos(p canvas.Point, zoom float64) fyne.Position {
	return fyne.NewPos(float32(p.X*zoom), float32(p.Y*zoom))
}

func place(o fyne.CanvasObject, r canvas.Rect, zoom float64) {
	o.Move(fyne.NewPos(float32(r.X*zoom), float32(r.Y*zoom)))
	o.Resize(fyne.NewSize(float32(r.W*zoom), float32(r.H*zoom)))
}

// textObjects keeps one canvas.Text per line of a scene text.
type textObjects struct{ lines []*fcanvas.Text }

// set updates the lines to show t, relative to origin (mm), reusing the
// objects it already has.
func (to *textObjects) set(t canvas.Text, origin canvas.Point, zoom float64, add func(fyne.CanvasObject)) {
	for len(to.lines) < len(t.Lines) {
		l := fcanvas.NewText("", color.Black)
		to.lines = append(to.lines, l)
		add(l)
	}
	size := float32(t.Size * canvas.PtToMM * zoom)
	for i, l := range to.lines {
		if i >= len(t.Lines) || size < minTextPixels {
			l.Hide()
			continue
		}
		ln := t.Lines[i]
		l.Text = ln.Text
		l.TextSize = size
		l.TextStyle = fyne.TextStyle{Bold: t.Bold}
		l.Color = rgb(t.Color)
		// Fyne places text by the top of its box; centre that box in the
		// scene's line box so that baselines match the poster's.
		h := fyne.MeasureText("Ag", size, l.TextStyle).Height
		l.Move(fyne.NewPos(float32((ln.X-origin.X)*zoom), float32((ln.Y-origin.Y)*zoom+(t.LineHeight*zoom-float64(h))/2)))
		l.Show()
		l.Refresh()
	}
}

// faceObjects draws an emotion face: a disc, two eyes, a mouth.
type faceObjects struct {
	box        *fyne.Container // set when the face stands alone (on the curve)
	disc       *fcanvas.Circle
	eyeL, eyeR *fcanvas.Circle
	mouth      *fcanvas.BezierCurve
	flat       *fcanvas.Line // a neutral mouth: Fyne draws a flat Bézier as dots
}

func newFace(add func(fyne.CanvasObject)) *faceObjects {
	f := &faceObjects{disc: fcanvas.NewCircle(color.White), eyeL: fcanvas.NewCircle(color.Black),
		eyeR:  fcanvas.NewCircle(color.Black),
		mouth: fcanvas.NewQuadraticBezierCurve(fyne.Position{}, fyne.Position{}, fyne.Position{}, color.Black),
		flat:  fcanvas.NewLine(color.Black)}
	for _, o := range f.objects() {
		add(o)
	}
	return f
}

// set draws face fc relative to origin. An assumed emotion (not measured)
// is a hollow face, so that nobody takes a guess for data.
func (f *faceObjects) set(fc canvas.Face, origin canvas.Point, zoom float64) {
	c := canvas.Point{X: fc.Center.X - origin.X, Y: fc.Center.Y - origin.Y}
	r := fc.Radius
	col := rgb(canvas.EmotionColor(fc.Emotion))
	if fc.Measured {
		f.disc.FillColor, f.disc.StrokeColor = col, rgb(canvas.CurveInk)
		f.disc.StrokeWidth = float32(0.15 * zoom)
	} else {
		f.disc.FillColor, f.disc.StrokeColor = color.White, col
		f.disc.StrokeWidth = float32(0.5 * zoom)
	}
	place(f.disc, canvas.Rect{X: c.X - r, Y: c.Y - r, W: 2 * r, H: 2 * r}, zoom)
	er := r * 0.13
	place(f.eyeL, canvas.Rect{X: c.X - r*0.35 - er, Y: c.Y - r*0.3 - er, W: 2 * er, H: 2 * er}, zoom)
	place(f.eyeR, canvas.Rect{X: c.X + r*0.35 - er, Y: c.Y - r*0.3 - er, W: 2 * er, H: 2 * er}, zoom)
	l, m, rt := canvas.Mouth(fc.Emotion)
	// Bezier points are relative to the curve object, which covers the face.
	at := func(p canvas.Point) fyne.Position {
		return fyne.NewPos(float32((1+p.X)*r*zoom), float32((1+p.Y)*r*zoom))
	}
	// The control point of a quadratic curve sits twice as far as the
	// curve's middle.
	ctl := canvas.Point{X: m.X, Y: 2*m.Y - (l.Y+rt.Y)/2}
	f.mouth.StartPoint, f.mouth.EndPoint = at(l), at(rt)
	f.mouth.ControlPoints = []fyne.Position{at(ctl)}
	f.mouth.StrokeWidth = float32(math.Max(1, 0.3*zoom))
	place(f.mouth, canvas.Rect{X: c.X - r, Y: c.Y - r, W: 2 * r, H: 2 * r}, zoom)
	f.flat.StrokeWidth = f.mouth.StrokeWidth
	f.flat.Position1, f.flat.Position2 = pos(canvas.Point{X: c.X + l.X*r, Y: c.Y + l.Y*r}, zoom), pos(canvas.Point{X: c.X + rt.X*r, Y: c.Y + rt.Y*r}, zoom)
	for _, o := range f.objects() {
		o.Show()
		o.Refresh()
	}
	if fc.Emotion == 0 {
		f.mouth.Hide()
	} else {
		f.flat.Hide()
	}
}

func (f *faceObjects) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{f.disc, f.eyeL, f.eyeR, f.mouth, f.flat}
}

// badgeObject draws a marker in its shape and colour.
func badgeObject(b canvas.Badge, origin canvas.Point, zoom float64) fyne.CanvasObject {
	shape, c := canvas.MarkerStyle(b.Marker)
	fill := rgb(c)
	r := canvas.Rect{X: b.Rect.X - origin.X, Y: b.Rect.Y - origin.Y, W: b.Rect.W, H: b.Rect.H}
	var o fyne.CanvasObject
	switch shape {
	case canvas.Triangle:
		p := fcanvas.NewRegularPolygon(3, fill)
		o = p
	case canvas.Diamond:
		p := fcanvas.NewRegularPolygon(4, fill)
		o = p
	case canvas.Circle:
		o = fcanvas.NewCircle(fill)
	case canvas.Star:
		pts := make([]fyne.Position, 10)
		for i := range pts {
			rad := 0.5
			if i%2 == 1 {
				rad = 0.22
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			pts[i] = fyne.NewPos(float32(0.5+rad*math.Cos(a)), float32(0.52+rad*math.Sin(a)))
		}
		p := fcanvas.NewArbitraryPolygon(pts, fill)
		p.NormalizedPoints = true
		o = p
	default:
		rect := fcanvas.NewRectangle(fill)
		r = canvas.Rect{X: r.X + r.W*0.1, Y: r.Y + r.H*0.1, W: r.W * 0.8, H: r.H * 0.8}
		o = rect
	}
	place(o, r, zoom)
	return o
}

// Below this many pixels a card's channel pictogram is not drawn: it could
// not be made out.
const minIconPixels = 7.0

// pictures keeps the channel pictograms rendered at the sizes the cards
// show them: a dozen pictures per zoom, whatever the number of cards, each
// shown by the canvas.Image of every card of its channel.
var pictures struct {
	sync.Mutex
	m map[pictureKey]image.Image
}

type pictureKey struct {
	channel model.Channel
	size    int
}

// maxPictures bounds the cache: the pictograms of a few zoom levels.
const maxPictures = 8 * 13

// channelPicture is channel c's pictogram, size pixels square.
func channelPicture(c model.Channel, size int) image.Image {
	if !c.Valid() {
		c = model.ChannelOther
	}
	k := pictureKey{c, size}
	pictures.Lock()
	defer pictures.Unlock()
	if img, ok := pictures.m[k]; ok {
		return img
	}
	if pictures.m == nil || len(pictures.m) >= maxPictures {
		pictures.m = make(map[pictureKey]image.Image, 2*len(model.Channels))
	}
	img := iconPicture(canvas.ChannelIcon(c), size, canvas.MutedInk)
	pictures.m[k] = img
	return img
}

// iconPicture renders a pictogram's shapes (in the unit box) on a
// transparent picture size pixels square, in ink, with the poster's line
// width: each line is a band with round ends and joins, each filled shape
// its outline, all added to one rasterizer.
func iconPicture(shapes []canvas.IconShape, size int, ink canvas.RGB) *image.NRGBA {
	var r vector.Rasterizer
	r.Reset(size, size)
	k := float64(size)
	hw := canvas.IconStroke * k / 2
	// Every piece is added turning the same way round, so that where
	// pieces overlap their coverage adds up instead of cancelling out.
	add := func(pts []canvas.Point) {
		a := 0.0
		for i, p := range pts {
			q := pts[(i+1)%len(pts)]
			a += p.X*q.Y - q.X*p.Y
		}
		n := len(pts)
		at := func(i int) canvas.Point {
			if a < 0 {
				return pts[n-1-i]
			}
			return pts[i]
		}
		r.MoveTo(float32(at(0).X), float32(at(0).Y))
		for i := 1; i < n; i++ {
			r.LineTo(float32(at(i).X), float32(at(i).Y))
		}
		r.ClosePath()
	}
	ring := func(c canvas.Point, rad float64) []canvas.Point {
		n := max(8, int(math.Ceil(math.Pi*math.Sqrt(rad/0.2))))
		pts := make([]canvas.Point, n)
		for i := range pts {
			a := 2 * math.Pi * float64(i) / float64(n)
			pts[i] = canvas.Point{X: c.X + rad*math.Cos(a), Y: c.Y + rad*math.Sin(a)}
		}
		return pts
	}
	stroke := func(pts []canvas.Point, closed bool) {
		n := len(pts)
		segs := n - 1
		if closed {
			segs = n
		}
		for i := range segs {
			a, b := pts[i], pts[(i+1)%n]
			l := math.Hypot(b.X-a.X, b.Y-a.Y)
			if l == 0 {
				continue
			}
			nx, ny := -(b.Y-a.Y)/l*hw, (b.X-a.X)/l*hw
			add([]canvas.Point{{X: a.X + nx, Y: a.Y + ny}, {X: b.X + nx, Y: b.Y + ny}, {X: b.X - nx, Y: b.Y - ny}, {X: a.X - nx, Y: a.Y - ny}})
		}
		for _, p := range pts {
			add(ring(p, hw))
		}
	}
	px := func(u canvas.Point) canvas.Point { return canvas.Point{X: u.X * k, Y: u.Y * k} }
	for _, s := range shapes {
		var pts []canvas.Point
		closed := true
		switch s.Kind {
		case canvas.IconCircle:
			if s.Fill {
				add(ring(px(s.Points[0]), s.R*k+hw))
				continue
			}
			pts = ring(px(s.Points[0]), s.R*k)
		case canvas.IconRoundRect:
			a, b, rad := px(s.Points[0]), px(s.Points[1]), s.R*k
			corners := [4]canvas.Point{{X: b.X - rad, Y: a.Y + rad}, {X: b.X - rad, Y: b.Y - rad}, {X: a.X + rad, Y: b.Y - rad}, {X: a.X + rad, Y: a.Y + rad}}
			for i, c := range corners {
				for j := range 5 {
					t := (float64(i-1) + float64(j)/4) * math.Pi / 2
					pts = append(pts, canvas.Point{X: c.X + rad*math.Cos(t), Y: c.Y + rad*math.Sin(t)})
				}
			}
		default:
			closed = s.Kind == canvas.IconPolygon
			for _, u := range s.Points {
				pts = append(pts, px(u))
			}
		}
		if s.Fill {
			add(pts)
		}
		stroke(pts, closed)
	}
	mask := image.NewAlpha(image.Rect(0, 0, size, size))
	r.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	img := image.NewNRGBA(mask.Rect)
	for i, a := range mask.Pix {
		p := img.Pix[4*i : 4*i+4 : 4*i+4]
		p[0], p[1], p[2], p[3] = ink.R, ink.G, ink.B, a
	}
	return img
}
