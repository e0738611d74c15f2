package main

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

// The export command in process, end to end: open the document, lay the
// journey out, write the A0 poster — `parcours export --format pdf -o - big.parcours`
// with the output thrown away. The whole process is timed with `make
// bench-process` (hyperfine on the built binary); the goal is ≤ 62 ms for
// the poster of 1000 touchpoints, 5 times faster than Dia (0.31 s) and 15
// times faster than LibreOffice Draw (1.0 s).

// BenchmarkExportPDF1000 is the big generated journey, whose long titles
// are shortened on the cards: the poster and some 110 A4 pages of
// appendix with the full texts.
func BenchmarkExportPDF1000(b *testing.B) {
	benchExport(b, modeltest.Generated(1000, 6, 8))
}

// BenchmarkExportPDF1000Fitting is the same journey with titles that fit
// their cards: the poster alone.
func BenchmarkExportPDF1000Fitting(b *testing.B) {
	benchExport(b, modeltest.GeneratedFitting(1000, 6, 8))
}

func benchExport(b *testing.B, d *model.Document) {
	path := filepath.Join(b.TempDir(), "big.parcours")
	st, err := sqlite.Create(path, d)
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	var stderr bytes.Buffer
	var size countingWriter
	b.ReportAllocs()
	for b.Loop() {
		size = 0
		if code := Main([]string{"export", "--format", "pdf", "-o", "-", path}, nil, &size, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)
