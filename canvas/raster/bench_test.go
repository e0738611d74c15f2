package raster_test

import (
	"io"
	"testing"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/canvas/raster"
	"parcours/model/modeltest"
)

// BenchmarkPNG_A0_150dpi_1000 is the whole PNG export of the big journey
// on A0 at 150 dpi: painting and encoding (goal ≤ 2 s).
func BenchmarkPNG_A0_150dpi_1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	s := canvas.Layout(d, d.Journeys[0])
	b.ReportAllocs()
	for b.Loop() {
		if err := raster.WritePNG(io.Discard, s, pdf.Options{}, 150); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender_A0_150dpi_1000 is the painting alone.
func BenchmarkRender_A0_150dpi_1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	s := canvas.Layout(d, d.Journeys[0])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := raster.Render(s, pdf.Options{}, 150); err != nil {
			b.Fatal(err)
		}
	}
}
