package poster

// Posters as pictures: the same poster page as the PDF painted by the same
// painter on canvas/raster's surface, and the pixel budget of PNG exports
// (CONTRACTS.md §1).

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"

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
	for i := range img.Pix {
		img.Pix[i] = 0xFF
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
// which compresses well even so.
func Encode(w io.Writer, img image.Image) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(bw, img); err != nil {
		return fmt.Errorf("%s: %w", msg.T("png.failed"), err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: %w", msg.T("png.failed"), err)
	}
	return nil
}
