package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"parcours/canvas"
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
