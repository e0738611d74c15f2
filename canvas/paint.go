package canvas

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/draw"
	_ "image/jpeg" // logos may be JPEG
	"image/png"

	"parcours/model/msg"
)

// PaintStyle says how a shape is painted: filled, stroked, or both (the
// fill under the stroke). It is the vocabulary of the poster's surfaces
// (canvas/poster.Surface), which every backend speaks.
type PaintStyle uint8

const (
	Fill PaintStyle = iota + 1
	Stroke
	FillStroke
)

// Fills and Strokes tell what a style paints.
func (s PaintStyle) Fills() bool   { return s == Fill || s == FillStroke }
func (s PaintStyle) Strokes() bool { return s == Stroke || s == FillStroke }

// Font family names: painters select fonts by these names, the PDF embeds
// the fonts under them (after a subset's tag: ABCDEF+DejaVuSans), and
// other surfaces map them to their own faces of the same TrueType files.
const (
	FamilyRegular = "DejaVuSans"
	FamilyBold    = "DejaVuSans-Bold"
)

// Image is a picture put on the poster (the logo): decoded once, for its
// size and for surfaces that paint pixels, and re-encoded as a plain 8-bit
// PNG (or kept as the JPEG it was) for the PDF.
type Image struct {
	Image image.Image
	// W and H are the size in pixels.
	W, H int
	// Data is what the PDF embeds, Kind its type (PNG or JPG) and Name a
	// hash of Data that names it in the file.
	Data       []byte
	Kind, Name string
}

// ParseImage reads a PNG or JPEG image. Anything else — another format, a
// damaged file, an image of no pixels — is refused with a plain message.
func ParseImage(b []byte) (*Image, error) {
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, errors.New(msg.T("print.logo.bad", err))
	}
	r := img.Bounds()
	if r.Dx() <= 0 || r.Dy() <= 0 {
		return nil, errors.New(msg.T("print.logo.bad", "0 × 0"))
	}
	im := &Image{Image: img, W: r.Dx(), H: r.Dy()}
	switch format {
	case "jpeg":
		// fpdf embeds JPEG files as they are, except CMYK ones it cannot
		// describe; those are re-encoded below like any other image.
		if _, isCMYK := img.(*image.CMYK); !isCMYK {
			im.Data, im.Kind = b, "JPG"
		}
	case "png":
	default:
		return nil, errors.New(msg.T("print.logo.bad", format))
	}
	if im.Data == nil {
		// fpdf reads only 8-bit, non-interlaced PNG: write the pixels
		// again in the one form it always understands.
		n := image.NewNRGBA(image.Rect(0, 0, im.W, im.H))
		draw.Draw(n, n.Bounds(), img, r.Min, draw.Src)
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, n); err != nil {
			return nil, errors.New(msg.T("print.logo.bad", err))
		}
		im.Data, im.Kind = buf.Bytes(), "PNG"
	}
	sum := sha256.Sum256(im.Data)
	im.Name = "logo-" + hex.EncodeToString(sum[:8])
	return im, nil
}
