package poster_test

import (
	"io"
	"testing"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/modeltest"
)

// BenchmarkPNG_A0_150dpi_1000 is the whole PNG export of the big journey
// on A0 at 150 dpi: painting and encoding (goal ≤ 2 s).
func BenchmarkPNG_A0_150dpi_1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	s := canvas.Layout(d, d.Journeys[0])
	b.ReportAllocs()
	for b.Loop() {
		if err := poster.WritePNG(io.Discard, s, poster.Options{}, 150); err != nil {
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
		if _, err := poster.Render(s, poster.Options{}, 150); err != nil {
			b.Fatal(err)
		}
	}
}
