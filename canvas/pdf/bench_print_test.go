package pdf_test

import (
	"testing"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/model/modeltest"
)

// BenchmarkTiledA4_1000 is the A0 poster of the big journey tiled over A4
// sheets: the guide and 21 sheets (goal ≤ 1 s).
func BenchmarkTiledA4_1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}
	a4, err := pdf.ParsePaper("A4", "portrait")
	if err != nil {
		b.Fatal(err)
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var c countingWriter
		if err := pdf.Write(&c, scenes, pdf.Options{Tile: &a4}); err != nil {
			b.Fatal(err)
		}
		size = int(c)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkPosterA0_1000_Appendix is the A0 poster with the journey given,
// as the command line prints it: the generated titles do not fit their
// cards, so the appendix lists the 1000 touchpoints in full.
func BenchmarkPosterA0_1000_Appendix(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var c countingWriter
		if err := pdf.Write(&c, scenes, pdf.Options{Journeys: d.Journeys}); err != nil {
			b.Fatal(err)
		}
		size = int(c)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}
