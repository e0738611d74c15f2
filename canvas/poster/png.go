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
// paper — onto a new white picture at dpi.
func Render(scene *canvas.Scene, opts Options, dpi int) (*image.RGBA, error) {
	if opts.Paper.W == 0 && opts.Paper.H == 0 {
		opts.Paper = A0Landscape
	}
	if err := CheckDPI(opts.Paper, dpi); err != nil {
		return nil, err
	}
	opts.Tile, opts.Journeys = nil, nil
	w, h := Size(opts.Paper, dpi)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	// White, by doubling copies: a byte loop over A0's 140 MB took a
	// fifth of a second.
	if pix := img.Pix; len(pix) > 0 {
		pix[0] = 0xFF
		for n := 1; n < len(pix); n *= 2 {
			copy(pix[n:], pix[:n])
		}
	}
	s := raster.NewSurface(img, float64(dpi)/25.4)
	if err := Paint(s, scene, opts); err != nil {
		return nil, fmt.Errorf("%s: %w", msg.T("png.failed"), err)
	}
	return img, nil
}

// WritePNG renders scene as Render does and writes it as a PNG file.
func WritePNG(w io.Writer, scene *canvas.Scene, opts Options, dpi int) error {
	img, err := Render(scene, opts, dpi)
	if err != nil {
		return err
	}
	return Encode(w, img)
}

// Encode writes img as PNG, favouring speed: maps are mostly flat colour,
// which compresses well even so. An opaque RGBA picture — every poster —
// is written as RGB by encodeRGB, on every core; anything else by
// image/png.
func Encode(w io.Writer, img image.Image) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var err error
	if rgba, ok := img.(*image.RGBA); ok && rgba.Opaque() {
		err = encodeRGB(bw, rgba)
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

// encodeRGB writes an opaque picture as an 8-bit RGB PNG. Its rows are
// filtered (Up: a row like the one above is all zeros) and compressed by
// bands on every core, each band a deflate stream flushed to a byte
// boundary, the last one closed: their concatenation is one zlib stream,
// written as an IDAT chunk a band, in order, while the next bands are
// made. image/png tried every filter on every row, on one core.
func encodeRGB(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	chunk := func(kind string, data []byte) error {
		var head [8]byte
		binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
		copy(head[4:], kind)
		crc := crc32.NewIEEE()
		crc.Write(head[4:])
		crc.Write(data)
		var tail [4]byte
		binary.BigEndian.PutUint32(tail[:], crc.Sum32())
		for _, p := range [][]byte{head[:], data, tail[:]} {
			if _, err := w.Write(p); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := w.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB
	if err := chunk("IHDR", ihdr[:]); err != nil {
		return err
	}
	const bandRows = 64
	bands := (ht + bandRows - 1) / bandRows
	type buffers struct {
		raw []byte
		out *bytes.Buffer
		fw  *flate.Writer
	}
	type band struct {
		raw, out []byte
		buf      *buffers // given back once written
		done     chan struct{}
	}
	all := make([]*band, bands)
	for i := range all {
		all[i] = &band{done: make(chan struct{})}
	}
	// Workers take bands in order; at most 2 per core are ahead of the
	// writer, so that memory stays a few bands, whose buffers go round.
	var next atomic.Int64
	ahead := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	free := make(chan *buffers, cap(ahead)+1)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for {
				ahead <- struct{}{}
				i := int(next.Add(1) - 1)
				if i >= bands {
					<-ahead
					return
				}
				bd := all[i]
				y0, y1 := b.Min.Y+i*bandRows, min(b.Min.Y+(i+1)*bandRows, b.Max.Y)
				var buf *buffers
				select {
				case buf = <-free:
					buf.out.Reset()
					buf.fw.Reset(buf.out)
				default:
					buf = &buffers{out: &bytes.Buffer{}}
					buf.fw, _ = flate.NewWriter(buf.out, flate.BestSpeed)
				}
				bd.buf = buf
				bd.raw = buf.raw[:0]
				for y := y0; y < y1; y++ {
					row := img.Pix[img.PixOffset(b.Min.X, y):][: 4*wd : 4*wd]
					var above []byte
					if y > b.Min.Y {
						above = img.Pix[img.PixOffset(b.Min.X, y-1):][: 4*wd : 4*wd]
					}
					bd.raw = append(bd.raw, 2) // Up
					for x := 0; x < 4*wd; x += 4 {
						if above == nil {
							bd.raw = append(bd.raw, row[x], row[x+1], row[x+2])
						} else {
							bd.raw = append(bd.raw, row[x]-above[x], row[x+1]-above[x+1], row[x+2]-above[x+2])
						}
					}
				}
				buf.raw = bd.raw
				buf.fw.Write(bd.raw)
				if i == bands-1 {
					buf.fw.Close()
				} else {
					buf.fw.Flush()
				}
				bd.out = buf.out.Bytes()
				close(bd.done)
			}
		}()
	}
	if err := chunk("IDAT", []byte{0x78, 0x01}); err != nil { // zlib, fastest
		return err
	}
	sum := adler32.New()
	var err error
	for _, bd := range all {
		<-bd.done
		sum.Write(bd.raw)
		if err == nil {
			err = chunk("IDAT", bd.out)
		}
		bd.raw, bd.out = nil, nil
		free <- bd.buf
		bd.buf = nil
		<-ahead
	}
	if err != nil {
		return err
	}
	if err := chunk("IDAT", sum.Sum(nil)); err != nil {
		return err
	}
	return chunk("IEND", nil)
}
