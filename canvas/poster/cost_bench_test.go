package poster_test

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model/modeltest"
)

// The costs of exports as the maps grow (issue 12), on maps from the
// generator (6 stages × 8 lanes). Each benchmark reports what its goal is
// about; `make bench` runs them all, and `go test -bench Cost -benchtime 1x`
// gives one measure of each.

// costScene lays out a generated journey of n touchpoints.
func costScene(b *testing.B, n int) *canvas.Scene {
	b.Helper()
	d := modeltest.Generated(n, 6, 8)
	return canvas.Layout(d, d.Journeys[0])
}

// BenchmarkCostTiled compares the A0 poster tiled on A4 with the A0
// poster itself, at growing sizes: the tiled one should cost at most twice
// the poster at every size (ratio-to-poster), the sheets showing one form
// of the poster that reuses the small forms.
func BenchmarkCostTiled(b *testing.B) {
	a4, err := poster.ParsePaper("A4", "portrait")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 10000} {
		scenes := []*canvas.Scene{costScene(b, n)}
		var plain time.Duration
		for _, tc := range []struct {
			name string
			opts poster.Options
		}{{"poster", poster.Options{}}, {"tiled", poster.Options{Tile: &a4}}} {
			b.Run(fmt.Sprintf("%s/n=%d", tc.name, n), func(b *testing.B) {
				var size int
				start := time.Now()
				for b.Loop() {
					var c countingWriter
					if err := poster.WritePDF(&c, scenes, tc.opts); err != nil {
						b.Fatal(err)
					}
					size = int(c)
				}
				per := time.Since(start) / time.Duration(b.N)
				b.ReportMetric(float64(size)/1e6, "MB")
				if tc.opts.Tile == nil {
					plain = per
				} else if plain > 0 {
					b.ReportMetric(float64(per)/float64(plain), "ratio-to-poster")
				}
			})
		}
	}
}

// BenchmarkCostSVG reports the SVG's bytes per touchpoint (goal ≤ 600).
func BenchmarkCostSVG(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		s := costScene(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := poster.WriteSVG(&buf, s, poster.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/float64(n), "bytes/touchpoint")
		})
	}
}

// BenchmarkCostPNG is the PNG export at 150 dpi on A0: at 100 touchpoints
// its time is the fixed cost (goal ≤ 0.4 s); at 100 000 its peak of heap
// in use (peak-heap-MB, sampled, goal ≤ 400 MB with what the process
// holds besides).
func BenchmarkCostPNG(b *testing.B) {
	for _, n := range []int{100, 100000} {
		s := costScene(b, n)
		runtime.GC()
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var peak atomic.Uint64
			done := make(chan struct{})
			go func() {
				var m runtime.MemStats
				for {
					select {
					case <-done:
						return
					case <-time.After(20 * time.Millisecond):
					}
					runtime.ReadMemStats(&m)
					if m.HeapInuse > peak.Load() {
						peak.Store(m.HeapInuse)
					}
				}
			}()
			for b.Loop() {
				if err := poster.WritePNG(io.Discard, s, poster.Options{}, 150); err != nil {
					b.Fatal(err)
				}
			}
			close(done)
			b.ReportMetric(float64(peak.Load())/1e6, "peak-heap-MB")
		})
	}
}
