package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parcours/canvas"
	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

// benchSizes are the map sizes the gesture benchmarks run at: a large
// real map and a generated stress case.
var benchSizes = []int{1000, 20000}

// forSizes runs bench as a sub-benchmark per map size.
func forSizes(b *testing.B, bench func(b *testing.B, n int)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { bench(b, n) })
	}
}

// bigEditor opens an n-touchpoint journey (6 stages × 8 lanes) in a
// 1400×860 window.
func bigEditor(b *testing.B, n int) *Editor {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.parcours")
	st, err := sqlite.Create(path, modeltest.Generated(n, 6, 8))
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	a := test.NewTempApp(b)
	e := NewEditor(a)
	b.Cleanup(e.Close)
	e.Window().Resize(fyne.NewSize(1400, 860))
	if err := e.Open(path); err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkDragEvent is one pointer move while dragging a card: from the
// event to the card's objects moved and the drop mark placed.
func BenchmarkDragEvent(b *testing.B) { forSizes(b, benchDragEvent) }

func benchDragEvent(b *testing.B, n int) {
	e := bigEditor(b, n)
	v := e.View()
	c := v.Scene().Cards[3].Rect
	start := px(v, c.X+c.W/2, c.Y+c.H/2)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start}, Dragged: fyne.NewDelta(1, 1)})
	p, dx := start, float32(3)
	b.ReportAllocs()
	for b.Loop() {
		dx = -dx
		p = p.Add(fyne.NewDelta(dx, 0))
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(dx, 0)})
	}
}

// BenchmarkZoomStep is one zoom step on a big map: new
// scale, cards in view redrawn, the rest left hidden.
func BenchmarkZoomStep(b *testing.B) { forSizes(b, benchZoomStep) }

func benchZoomStep(b *testing.B, n int) {
	e := bigEditor(b, n)
	v := e.View()
	z := v.Zoom()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if i%2 == 0 {
			v.SetZoom(z)
		} else {
			v.SetZoom(z * ZoomStep)
		}
	}
}

// BenchmarkDropAndSave is the end of a drag on a big map:
// the move applied, saved to disk, laid out again and shown.
func BenchmarkDropAndSave(b *testing.B) { forSizes(b, benchDropAndSave) }

func benchDropAndSave(b *testing.B, n int) {
	e := bigEditor(b, n)
	v := e.View()
	s := v.Scene()
	stages := []string{s.Columns[0].StageID, s.Columns[1].StageID}
	b.ReportAllocs()
	defer modeltest.CPUPerOp(b)()
	i := 0
	for b.Loop() {
		i++
		e.moveCards([]string{"t-0003"}, dropIn(e, stages[i%2]))
	}
}

func dropIn(e *Editor, stage string) (d canvas.Drop) {
	s := e.View().Scene()
	for i, c := range s.Columns {
		if c.StageID == stage {
			d.Column = i
		}
	}
	d.Row = 1
	return d
}
