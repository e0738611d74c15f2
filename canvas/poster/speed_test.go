package poster_test

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model"
	"parcours/model/modeltest"
)

// The painter writes the text and embeds the fonts itself (one byte a
// character for ASCII, two for the others), compresses on every core, and
// lays appendices out on other cores: none of it may show in the file.

// TestEncodingRoundTrips: characters of one, two and three bytes in the
// fonts' encoding, and the bytes PDF strings escape, come back from the
// file as they went in, on the poster and in the appendix.
func TestEncodingRoundTrips(t *testing.T) {
	d, j := shortJourney()
	chars := "Ĩĩ Ŝ č ꓐ ﬁ € œ ✓ — «(x)» \\ 100% Ωμ"
	j.Title = "Titre " + chars
	tp := j.Touchpoints[3]
	tp.Title = strings.Repeat("Un titre bien trop long pour sa carte ", 6)
	tp.Description = "Texte " + chars
	s := canvas.Layout(d, j)
	path := write(t, "encoding.pdf", []*canvas.Scene{s}, poster.Options{Journeys: []*model.Journey{j}})
	if p1 := pageText(t, path, 1); !strings.Contains(p1, "Titre "+chars) {
		t.Errorf("the poster does not give back %q:\n%s", chars, p1)
	}
	if p2 := pageText(t, path, 2); !strings.Contains(p2, "Description: Texte "+chars) {
		t.Errorf("the appendix does not give back %q:\n%s", chars, p2)
	}
	out := poppler(t, "pdffonts", path)
	for _, want := range []string{"+DejaVuSans ", "+DejaVuSans-Bold "} {
		if !strings.Contains(out, want) {
			t.Errorf("pdffonts shows no subset %q:\n%s", want, out)
		}
	}
}

// TestSameBytesOnAnyCores: the appendix is made on every core, and the
// streams compressed in pieces on every core: the file is the same
// whatever the number of cores and whichever finishes first.
func TestSameBytesOnAnyCores(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	date := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	for name, d := range map[string]*model.Document{
		"shortened": modeltest.Generated(300, 4, 5),
		"fitting":   modeltest.GeneratedFitting(300, 4, 5),
	} {
		scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}
		opts := poster.Options{Journeys: d.Journeys[:1], Date: date, Footer: "Confidentiel", Version: "2"}
		var first []byte
		for _, procs := range []int{1, 2, 4, 2} {
			runtime.GOMAXPROCS(procs)
			var b bytes.Buffer
			if err := poster.WritePDF(&b, scenes, opts); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b.Bytes()
			} else if !bytes.Equal(b.Bytes(), first) {
				t.Errorf("%s: the file made on %d cores differs from the one made on 1", name, procs)
			}
		}
	}
}

var (
	flateStream = regexp.MustCompile(`/Filter /FlateDecode [^>]*?/Length (\d+)[^>]*>>\nstream\n`)
	xrefEntry   = regexp.MustCompile(`(?m)^(\d{10}) 00000 n $`)
	startXref   = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`)
)

// TestFileStructure: the streams, compressed here in pieces on several
// cores, each decompress with a right checksum, and every entry of the
// cross-reference table, written again, points at its object.
func TestFileStructure(t *testing.T) {
	d := livraison(t)
	big := modeltest.Generated(300, 4, 5)
	a4, err := poster.ParsePaper("A4", "portrait")
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		scenes []*canvas.Scene
		opts   poster.Options
	}{
		"appendix": {[]*canvas.Scene{canvas.Layout(big, big.Journeys[0])}, poster.Options{Journeys: big.Journeys[:1], Footer: "Confidentiel"}},
		"tiled":    {[]*canvas.Scene{canvas.Layout(d, d.Journeys[0])}, poster.Options{Tile: &a4}},
	} {
		var b bytes.Buffer
		if err := poster.WritePDF(&b, c.scenes, c.opts); err != nil {
			t.Fatal(err)
		}
		file := b.Bytes()
		streams := flateStream.FindAllSubmatchIndex(file, -1)
		if len(streams) < 5 {
			t.Fatalf("%s: %d compressed streams", name, len(streams))
		}
		for _, m := range streams {
			n, _ := strconv.Atoi(string(file[m[2]:m[3]]))
			if !bytes.HasPrefix(file[m[1]+n:], []byte("\nendstream")) {
				t.Fatalf("%s: a stream's /Length %d is wrong", name, n)
			}
			r, err := zlib.NewReader(bytes.NewReader(file[m[1] : m[1]+n]))
			if err == nil {
				_, err = io.Copy(io.Discard, r)
			}
			if err != nil {
				t.Fatalf("%s: a stream does not decompress: %v", name, err)
			}
		}
		sx := startXref.FindSubmatch(file)
		if sx == nil {
			t.Fatalf("%s: no startxref at the end", name)
		}
		at, _ := strconv.Atoi(string(sx[1]))
		if !bytes.HasPrefix(file[at:], []byte("xref\n0 ")) {
			t.Fatalf("%s: startxref %d does not point at the table", name, at)
		}
		entries := xrefEntry.FindAllSubmatch(file[at:], -1)
		if len(entries) < 20 {
			t.Fatalf("%s: %d objects in the cross-reference table", name, len(entries))
		}
		for i, e := range entries {
			off, _ := strconv.Atoi(string(e[1]))
			if want := strconv.Itoa(i+1) + " 0 obj\n"; !bytes.HasPrefix(file[off:], []byte(want)) {
				t.Fatalf("%s: object %d's entry points at %q", name, i+1, file[off:min(off+20, len(file))])
			}
		}
	}
}
