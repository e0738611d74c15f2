package model

import (
	"bytes"
	"errors"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"

	xdraw "golang.org/x/image/draw"
)

// errPicture is a picture that is not a PNG or JPEG image.
var errPicture = errors.New("not a PNG or JPEG picture")

// PictureSize reads the size in pixels of a PNG or JPEG picture from its
// header, without decoding it.
func PictureSize(b []byte) (w, h int, err error) {
	c, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") || c.Width <= 0 || c.Height <= 0 {
		return 0, 0, errPicture
	}
	return c.Width, c.Height, nil
}

// FitPicture readies a picture on its way into a document (JSON import,
// picture chooser): a PNG or JPEG within the limits is kept as it is; one
// with up to twice MaxPicturePixels, or over MaxPictureBytes, is scaled down
// to fit, and stored as PNG when it has transparency, else as JPEG. Its
// size is read before anything is decoded, so a picture whose header
// announces more pixels than that (a decompression bomb) is refused
// without costing its memory. where and key name it in messages.
func FitPicture(b []byte, where, key string) ([]byte, error) {
	if len(b) == 0 {
		return b, nil
	}
	w, h, err := PictureSize(b)
	if err != nil {
		return nil, problem("valid.picture", where, key)
	}
	if w*h <= MaxPicturePixels && len(b) <= MaxPictureBytes {
		return b, nil
	}
	if w*h > 2*MaxPicturePixels || len(b) > 4*MaxPictureBytes {
		return nil, problem("valid.picture_pixels", where, key, w, h, 2*MaxPicturePixels/1000000)
	}
	src, format, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, problem("valid.picture", where, key)
	}
	// Scaled to the pixels allowed; if it is still over the bytes
	// allowed, scaled again by what it is over (twice at most).
	f := 1.0
	if over := float64(w) * float64(h) / MaxPicturePixels; over > 1 {
		f = 1 / math.Sqrt(over)
	}
	for range 3 {
		nw, nh := max(1, int(float64(w)*f)), max(1, int(float64(h)*f))
		out, err := encodeScaled(src, format, nw, nh)
		if err != nil {
			return nil, problem("valid.picture", where, key)
		}
		if len(out) <= MaxPictureBytes {
			return out, nil
		}
		f *= 0.9 * math.Sqrt(float64(MaxPictureBytes)/float64(len(out)))
	}
	return nil, problem("valid.picture_bytes", where, key, megabytes(len(b)), megabytes(MaxPictureBytes))
}

func encodeScaled(src image.Image, format string, w, h int) ([]byte, error) {
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	var err error
	if format == "png" && !dst.Opaque() {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, dst)
	} else {
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 90})
	}
	return buf.Bytes(), err
}
