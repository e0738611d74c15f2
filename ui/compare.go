package ui

import (
	"bytes"
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/model/compare"
)

// Curve colours of the comparison, the printed comparison's: the current
// journey in grey, the target one in blue (told apart by line width too:
// the current one is thinner).
var (
	currentInk = rgb(canvas.CurrentCurveInk)
	targetInk  = rgb(canvas.TargetCurveInk)
)

// showComparison compares the journey on screen with the one it was made
// from (or, for a current journey, with its first target): both emotion
// curves on one chart, and every difference listed.
func (e *Editor) showComparison() {
	doc, j := e.Document(), e.Journey()
	if j == nil {
		return
	}
	cur, tgt := compare.Source(doc, j), j
	if cur == nil {
		// The journey on screen is a current one: find a target made from it.
		for _, x := range doc.Journeys {
			if compare.Source(doc, x) == j {
				cur, tgt = j, x
				break
			}
		}
	}
	if cur == nil {
		e.showInfo(T("ui.compare"), T("ui.compare_none"))
		return
	}
	r := compare.Compare(cur, tgt)
	var report bytes.Buffer
	_ = compare.WriteText(&report, r)
	text := widget.NewLabel(report.String())
	text.Wrapping = fyne.TextWrapWord
	legend := container.NewHBox(swatch(currentInk), widget.NewLabel(T("compare.curve.current")+" : "+r.CurrentTitle),
		swatch(targetInk), widget.NewLabel(T("compare.curve.target")+" : "+r.TargetTitle))
	body := container.NewBorder(container.NewVBox(legend, newCurvesChart(r)), nil, nil, nil, container.NewVScroll(text))
	d := dialog.NewCustom(T("ui.compare"), T("ui.close"), body, e.win)
	d.Resize(fyne.NewSize(900, 680))
	e.show(d)
}

// newCurvesChart draws both emotion curves on one chart: each spread over
// the width along its own timeline, levels −2…+2 from bottom to top, where
// canvas.CurvesChart puts them (in pixels here).
func newCurvesChart(r compare.Result) fyne.CanvasObject {
	const w, h = 840.0, 220.0
	ch := canvas.CurvesChart(r, canvas.Rect{W: w, H: h})
	objs := []fyne.CanvasObject{}
	bg := fcanvas.NewRectangle(rgb(canvas.Paper))
	bg.Resize(fyne.NewSize(w, h))
	objs = append(objs, bg)
	for i, y := range ch.Levels {
		l := fcanvas.NewLine(rgb(canvas.GridLine))
		if i == 2 {
			l.StrokeWidth = 2
		}
		l.Position1, l.Position2 = fyne.NewPos(float32(ch.Left), float32(y)), fyne.NewPos(float32(ch.Right), float32(y))
		objs = append(objs, l)
	}
	plot := func(pts []canvas.Point, ink color.Color, width float32) {
		at := func(p canvas.Point) fyne.Position { return fyne.NewPos(float32(p.X), float32(p.Y)) }
		for i, p := range pts {
			if i > 0 {
				l := fcanvas.NewLine(ink)
				l.StrokeWidth = width
				l.Position1, l.Position2 = at(pts[i-1]), at(p)
				objs = append(objs, l)
			}
			dot := fcanvas.NewCircle(ink)
			dot.Resize(fyne.NewSize(2*width+4, 2*width+4))
			dot.Move(at(p).SubtractXY(width+2, width+2))
			objs = append(objs, dot)
		}
	}
	plot(ch.Current, currentInk, 2)
	plot(ch.Target, targetInk, 3)
	c := container.NewWithoutLayout(objs...)
	return container.NewGridWrap(fyne.NewSize(w, h), c)
}
