package poster

// Posters as pictures: the same poster page as the PDF painted by the same
// painter on canvas/raster's surface, and the pixel budget of PNG exports
// (CONTRACTS.md §1).

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"math"
	"runtime"
	"sync/atomic"

	"parcours/canvas"
	"parcours/canvas/raster"
	"parcours/model/msg"
)

// Resolution limits (CONTRACTS.md §1).
const (
	MinDPI     = 10
	MaxDPI     = 1200
	DefaultDPI = 150
	// MaxPixels is the most pixels a picture may have: A0 at 1200 dpi
	// would be 2.2 billion, 9 GB of memory.
	MaxPixels = 200_000_000
)

// Size is the size in pixels of paper p at dpi: each side rounded to the
// nearest pixel.
func Size(p Paper, dpi int) (w, h int) {
	px := func(mm float64) int { return int(math.Round(mm / 25.4 * float64(dpi))) }
	return px(p.W), px(p.H)
}

// LargestDPI is the highest resolution, at most MaxDPI, at which paper p
// stays within MaxPixels; 0 when even MinDPI does not.
func LargestDPI(p Paper) int {
	dpi := MaxDPI
	if p.W > 0 && p.H > 0 {
		// A first guess from the area, then the exact rounding decides.
		dpi = min(MaxDPI, int(math.Sqrt(MaxPixels/(p.W/25.4*p.H/25.4)))+1)
	}
	for ; dpi >= MinDPI; dpi-- {
		if w, h := Size(p, dpi); int64(w)*int64(h) <= MaxPixels {
			return dpi
		}
	}
	return 0
}

// CheckDPI refuses a resolution outside MinDPI…MaxDPI, or one that would
// make a picture of paper p larger than MaxPixels, with a message naming
// the largest resolution allowed for that paper.
func CheckDPI(p Paper, dpi int) error {
	if dpi < MinDPI || dpi > MaxDPI {
		return errors.New(msg.T("png.dpi.range", dpi))
	}
	if w, h := Size(p, dpi); int64(w)*int64(h) > MaxPixels {
		name := p.Name
		if name == "" {
			name = fmt.Sprintf("%g × %g mm", p.W, p.H)
		}
		return errors.New(msg.T("png.dpi.budget", name, dpi, w, h, MaxPixels/1_000_000, LargestDPI(p)))
	}
	return nil
}

// Render paints the poster page of scene — exactly what WritePDF puts on
// a page with the same options, less tiling and appendix, which belong to
// paper — onto a new white picture at dpi. WritePNG writes the same
// pixels without holding the whole picture.
func Render(scene *canvas.Scene, opts Options, dpi int) (*image.RGBA, error) {
	pg, w, h, err := preparePicture(scene, opts, dpi)
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	white(img.Pix)
	if err := pg.paint(raster.NewSurface(img, float64(dpi)/25.4)); err != nil {
		return nil, fmt.Errorf("%s: %w", msg.T("png.failed"), err)
	}
	return img, nil
}

// preparePicture checks the resolution and prepares the page of scene
// for a picture of w × h pixels.
func preparePicture(scene *canvas.Scene, opts Options, dpi int) (pg *preparedPage, w, h int, err error) {
	if opts.Paper.W == 0 && opts.Paper.H == 0 {
		opts.Paper = A0Landscape
	}
	if err := CheckDPI(opts.Paper, dpi); err != nil {
		return nil, 0, 0, err
	}
	opts.Tile, opts.Journeys = nil, nil
	if pg, err = preparePage(scene, opts); err != nil {
		return nil, 0, 0, fmt.Errorf("%s: %w", msg.T("png.failed"), err)
	}
	w, h = Size(opts.Paper, dpi)
	return pg, w, h, nil
}

// white paints pix white, by doubling copies: a byte loop over A0's
// 140 MB took a fifth of a second.
func white(pix []byte) {
	if len(pix) > 0 {
		pix[0] = 0xFF
		for n := 1; n < len(pix); n *= 2 {
			copy(pix[n:], pix[:n])
		}
	}
}

// stripBytes is about the size of the strips WritePNG paints a picture
// by: two of them are in memory at once, where a whole A0 picture at
// 150 dpi is 140 MB. Small strips stay in the processor's caches while
// they are painted and compressed; each paints the whole page again, but
// skips almost all of it: from 1 to 16 MB, the time of the A0 poster of
// 1000 or 100 000 touchpoints hardly changed.
const stripBytes = 4 << 20

// stripRows is how many rows of a picture w pixels wide a strip has: a
// whole number of the encoder's chunks.
func stripRows(w int) int {
	return max(chunkRows, stripBytes/(4*max(w, 1))/chunkRows*chunkRows)
}

// WritePNG writes the picture Render paints, without ever holding it:
// the page is painted strip by strip, top to bottom, each strip a small
// picture of some of the page's rows on which the painter paints the
// whole page, and each strip is compressed into the PNG while the next
// one is painted. A strip gets the pixels it has in Render's picture, but
// where a shape crossing its edge is anti-aliased a shade apart.
func WritePNG(w io.Writer, scene *canvas.Scene, opts Options, dpi int) error {
	return writePNG(w, scene, opts, dpi, 0)
}

// writePNG is WritePNG painting strips of rows rows, stripRows' when 0.
func writePNG(w io.Writer, scene *canvas.Scene, opts Options, dpi, rows int) error {
	pg, wd, ht, err := preparePicture(scene, opts, dpi)
	if err != nil {
		return err
	}
	if rows <= 0 {
		rows = stripRows(wd)
	}
	rows = min(rows, ht)
	fail := func(err error) error { return fmt.Errorf("%s: %w", msg.T("png.failed"), err) }
	bw := bufio.NewWriterSize(w, 1<<20)
	enc, err := newRGBEncoder(bw, wd, ht)
	if err != nil {
		return fail(err)
	}
	// Two strips go round: one painted while the other is compressed.
	free := make(chan []byte, 2)
	free <- nil
	free <- nil
	painted := make(chan *image.RGBA)
	written := make(chan error, 1)
	var failed atomic.Bool
	go func() {
		var err error
		for img := range painted {
			if err == nil {
				if err = enc.rows(img); err != nil {
					failed.Store(true)
				}
			}
			free <- img.Pix
		}
		written <- err
	}()
	page := image.Rect(0, 0, wd, ht)
	var s *raster.Surface
	for y := 0; y < ht && !failed.Load(); y += rows {
		pix := <-free
		if pix == nil {
			pix = make([]byte, 4*wd*rows)
		}
		img := &image.RGBA{Pix: pix[:4*wd*min(rows, ht-y)], Stride: 4 * wd, Rect: image.Rect(0, y, wd, min(y+rows, ht))}
		white(img.Pix)
		if s == nil {
			s = raster.NewSurface(img, float64(dpi)/25.4)
		}
		s.SetImage(img, page)
		if err = pg.paint(s); err != nil {
			break
		}
		painted <- img
	}
	close(painted)
	if werr := <-written; werr != nil {
		return fail(werr)
	}
	if err != nil {
		return fail(err)
	}
	if err := enc.close(); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	return nil
}

// Encode writes img as PNG, favouring speed: maps are mostly flat colour,
// which compresses well even so. An opaque RGBA picture — every poster —
// is written as RGB by rgbEncoder, on every core; anything else by
// image/png.
func Encode(w io.Writer, img image.Image) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var err error
	if rgba, ok := img.(*image.RGBA); ok && rgba.Opaque() {
		var enc *rgbEncoder
		if enc, err = newRGBEncoder(bw, rgba.Rect.Dx(), rgba.Rect.Dy()); err == nil {
			if err = enc.rows(rgba); err == nil {
				err = enc.close()
			}
		}
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(bw, img)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", msg.T("png.failed"), err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: %w", msg.T("png.failed"), err)
	}
	return nil
}

// chunkRows is how many rows the encoder compresses as one piece.
const chunkRows = 64

// rgbEncoder writes an opaque picture as an 8-bit RGB PNG, given its rows
// top to bottom, a strip at a time. Its rows are filtered (Up: a row like
// the one above is all zeros) and compressed by chunks of chunkRows rows
// on every core, each chunk a deflate stream flushed to a byte boundary,
// the last one closed: their concatenation is one zlib stream, written as
// an IDAT chunk a chunk, in order. image/png tried every filter on every
// row, on one core, and needed the whole picture.
type rgbEncoder struct {
	w      io.Writer
	wd, ht int
	y      int             // rows written
	above  []byte          // the last row written (RGBA), for the Up filter
	sum    uint32          // Adler-32 of the filtered rows written
	spare  []*pngChunk     // buffers of chunks written, to reuse
	tools  chan *pngWorker // what workers done leave to the next ones
}

// pngChunk is a chunk of rows filtered and compressed: out, its
// compressed bytes; sum and n, the Adler-32 and length of the filtered
// ones, which the writer chains in order.
type pngChunk struct {
	out  bytes.Buffer
	sum  uint32
	n    int
	done chan struct{}
}

// pngWorker is what a worker filters and compresses with.
type pngWorker struct {
	raw []byte
	fw  *flate.Writer
}

// adlerCombine is the Adler-32 of the bytes of a (sum a) then those of b
// (sum b, n bytes long), as zlib's adler32_combine computes it.
func adlerCombine(a, b uint32, n int) uint32 {
	const base = 65521
	rem := uint32(n % base)
	s1 := a & 0xffff
	s2 := rem * s1 % base
	s1 += b&0xffff + base - 1
	s2 += a>>16 + b>>16 + base - rem
	if s1 >= base {
		s1 -= base
	}
	if s1 >= base {
		s1 -= base
	}
	if s2 >= 2*base {
		s2 -= 2 * base
	}
	if s2 >= base {
		s2 -= base
	}
	return s2<<16 | s1
}

// newRGBEncoder writes the PNG's header for a picture of wd × ht pixels.
func newRGBEncoder(w io.Writer, wd, ht int) (*rgbEncoder, error) {
	e := &rgbEncoder{w: w, wd: wd, ht: ht, sum: 1, tools: make(chan *pngWorker, runtime.GOMAXPROCS(0))}
	if _, err := w.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		return nil, err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB
	if err := e.chunk("IHDR", ihdr[:]); err != nil {
		return nil, err
	}
	if err := e.chunk("IDAT", []byte{0x78, 0x01}); err != nil { // zlib, fastest
		return nil, err
	}
	return e, nil
}

func (e *rgbEncoder) chunk(kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, p := range [][]byte{head[:], data, tail[:]} {
		if _, err := e.w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// rows writes img's rows, the picture's next ones, img as wide as the
// picture.
func (e *rgbEncoder) rows(img *image.RGBA) error {
	b := img.Bounds()
	if b.Dx() != e.wd || e.y+b.Dy() > e.ht {
		return fmt.Errorf("rows of %d × %d pixels after row %d of a picture of %d × %d", b.Dx(), b.Dy(), e.y, e.wd, e.ht)
	}
	n := (b.Dy() + chunkRows - 1) / chunkRows
	chunks := make([]*pngChunk, n)
	for i := range chunks {
		if k := len(e.spare); k > 0 {
			chunks[i], e.spare = e.spare[k-1], e.spare[:k-1]
			chunks[i].out.Reset()
		} else {
			chunks[i] = &pngChunk{}
		}
		chunks[i].done = make(chan struct{})
	}
	row := func(y int) []byte { return img.Pix[img.PixOffset(b.Min.X, y):][: 4*e.wd : 4*e.wd] }
	last := e.y+b.Dy() == e.ht // the end of the zlib stream
	// Workers take chunks in order; the chunks wait, compressed, for
	// the ones before them to be written.
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), n) {
		go func() {
			var wk *pngWorker
			select {
			case wk = <-e.tools:
			default:
				wk = &pngWorker{}
				wk.fw, _ = flate.NewWriter(nil, flate.BestSpeed)
			}
			defer func() { e.tools <- wk }()
			stride := 1 + 3*e.wd
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				c := chunks[i]
				y0, y1 := b.Min.Y+i*chunkRows, min(b.Min.Y+(i+1)*chunkRows, b.Max.Y)
				if size := (y1 - y0) * stride; cap(wk.raw) < size {
					wk.raw = make([]byte, size)
				}
				raw := wk.raw[:(y1-y0)*stride]
				for y := y0; y < y1; y++ {
					out := raw[(y-y0)*stride:][:stride:stride]
					cur, above := row(y), e.above
					if y > b.Min.Y {
						above = row(y - 1)
					}
					out[0] = 2 // Up
					out = out[1:]
					if above == nil {
						for x, o := 0, 0; o+2 < len(out); x, o = x+4, o+3 {
							out[o], out[o+1], out[o+2] = cur[x], cur[x+1], cur[x+2]
						}
						continue
					}
					for x, o := 0, 0; o+2 < len(out) && x+2 < len(cur) && x+2 < len(above); x, o = x+4, o+3 {
						out[o], out[o+1], out[o+2] = cur[x]-above[x], cur[x+1]-above[x+1], cur[x+2]-above[x+2]
					}
				}
				c.sum, c.n = adler32.Checksum(raw), len(raw)
				wk.fw.Reset(&c.out)
				wk.fw.Write(raw)
				if last && i == n-1 {
					wk.fw.Close()
				} else {
					wk.fw.Flush()
				}
				close(c.done)
			}
		}()
	}
	var err error
	for _, c := range chunks {
		<-c.done
		e.sum = adlerCombine(e.sum, c.sum, c.n)
		if err == nil {
			err = e.chunk("IDAT", c.out.Bytes())
		}
		e.spare = append(e.spare, c)
	}
	if b.Dy() > 0 {
		e.above = append(e.above[:0], row(b.Max.Y-1)...)
	}
	e.y += b.Dy()
	return err
}

// close ends the picture, all of whose rows must have been written.
func (e *rgbEncoder) close() error {
	if e.y != e.ht {
		return fmt.Errorf("%d rows of a picture of %d written", e.y, e.ht)
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], e.sum)
	if err := e.chunk("IDAT", sum[:]); err != nil {
		return err
	}
	return e.chunk("IEND", nil)
}
