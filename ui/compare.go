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

// Curve colours of the comparison: the current journey in grey, the
// target one in blue (told apart by line style too: the current one is
// thinner).
var (
	currentInk = color.NRGBA{0x77, 0x77, 0x77, 0xFF}
	targetInk  = color.NRGBA{0x00, 0x72, 0xB2, 0xFF}
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
		dialog.ShowInformation(T("ui.compare"), T("ui.compare_none"), e.win)
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
	d.Show()
}

// newCurvesChart draws both emotion curves on one chart: each spread over
// the width along its own timeline, levels −2…+2 from bottom to top.
func newCurvesChart(r compare.Result) fyne.CanvasObject {
	const w, h, pad = 840.0, 220.0, 14.0
	objs := []fyne.CanvasObject{}
	bg := fcanvas.NewRectangle(rgb(canvas.Paper))
	bg.Resize(fyne.NewSize(w, h))
	objs = append(objs, bg)
	level := func(e int) float32 { return float32(pad + float64(2-e)/4*(h-2*pad)) }
	for e := -2; e <= 2; e++ {
		l := fcanvas.NewLine(rgb(canvas.GridLine))
		if e == 0 {
			l.StrokeWidth = 2
		}
		l.Position1, l.Position2 = fyne.NewPos(pad, level(e)), fyne.NewPos(w-pad, level(e))
		objs = append(objs, l)
	}
	plot := func(pts []compare.Point, ink color.Color, width float32) {
		x := func(i int) float32 {
			if len(pts) < 2 {
				return w / 2
			}
			return float32(pad*2 + float64(i)*(w-4*pad)/float64(len(pts)-1))
		}
		for i := range pts {
			if i > 0 {
				l := fcanvas.NewLine(ink)
				l.StrokeWidth = width
				l.Position1, l.Position2 = fyne.NewPos(x(i-1), level(pts[i-1].Emotion)), fyne.NewPos(x(i), level(pts[i].Emotion))
				objs = append(objs, l)
			}
			dot := fcanvas.NewCircle(ink)
			dot.Resize(fyne.NewSize(2*width+4, 2*width+4))
			dot.Move(fyne.NewPos(x(i)-width-2, level(pts[i].Emotion)-width-2))
			objs = append(objs, dot)
		}
	}
	plot(r.CurrentCurve, currentInk, 2)
	plot(r.TargetCurve, targetInk, 3)
	c := container.NewWithoutLayout(objs...)
	return container.NewGridWrap(fyne.NewSize(w, h), c)
}
