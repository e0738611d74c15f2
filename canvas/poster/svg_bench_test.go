package poster_test

import (
	"bytes"
	"testing"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/modeltest"
)

// BenchmarkSVGA0_1000 is the whole SVG export of the big journey on A0;
// it reports the document's size.
func BenchmarkSVGA0_1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	s := canvas.Layout(d, d.Journeys[0])
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := poster.WriteSVG(&buf, s, poster.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "svg-bytes")
}
