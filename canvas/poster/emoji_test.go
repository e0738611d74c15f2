package poster_test

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"parcours/canvas"
	"parcours/canvas/poster"
)

// emojiBox is where the poster draws the parcel emoji of the reference
// map's "Page de suivi 📦" card, page mm, and the scene.
func emojiBox(t *testing.T, opts poster.Options) (*canvas.Scene, canvas.Rect) {
	t.Helper()
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	c := s.Cards[s.CardIndex("t-page-suivi")]
	_, bold := canvas.Fonts()
	x0, y0, k := poster.Placement(s, opts)
	for _, l := range c.Title.Lines {
		before, _, ok := strings.Cut(l.Text, "📦")
		if !ok {
			continue
		}
		size := c.Title.Size * k // points on the page
		x := x0 + (l.X+bold.Width(before, c.Title.Size))*k
		base := y0 + (l.Y+c.Title.Baseline)*k
		w := canvas.EmojiGlyph('📦').Advance * size * canvas.PtToMM
		return s, canvas.Rect{X: x, Y: base - 0.8*size*canvas.PtToMM, W: w, H: 0.8 * size * canvas.PtToMM}
	}
	t.Fatalf("no 📦 in the card's title lines %+v", c.Title.Lines)
	return nil, canvas.Rect{}
}

// inked counts the inked pixels of img in box (page mm) at dpi: the
// emoji are line drawings, a few pixels wide at this size.
func inked(img image.Image, box canvas.Rect, dpi int) (dark, all int) {
	px := func(mm float64) int { return int(mm / 25.4 * float64(dpi)) }
	for y := px(box.Y); y <= px(box.Y+box.H); y++ {
		for x := px(box.X); x <= px(box.X+box.W); x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if (r+g+b)/3 < 0xB000 {
				dark++
			}
			all++
		}
	}
	return dark, all
}

// TestEmojiDrawnInPicturesAndSVG finds the parcel emoji drawn where the
// layout measured it, in the PNG and in the SVG rendered by librsvg: ink
// on part of its box, not a stand-in's text nor nothing.
func TestEmojiDrawnInPicturesAndSVG(t *testing.T) {
	a3 := paper(t, "A3", "landscape")
	opts := poster.Options{Paper: a3}
	s, box := emojiBox(t, opts)
	const dpi = 200
	img, err := poster.Render(s, opts, dpi)
	if err != nil {
		t.Fatal(err)
	}
	keepPicture(t, "emoji.png", img)
	var b bytes.Buffer
	if err := poster.WriteSVG(&b, s, opts); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "[U+1F4E6]") {
		t.Error("the SVG writes the parcel as a stand-in")
	}
	for name, pic := range map[string]image.Image{"PNG": img, "SVG": rsvg(t, b.Bytes(), dpi)} {
		dark, all := inked(pic, box, dpi)
		if all == 0 || dark*20 < all || dark*10 > all*8 {
			t.Errorf("%s: %d dark pixels of %d where the parcel goes (%+v mm): want a drawing", name, dark, all, box)
		}
		// Right of it, the card is blank: the drawing ends where it was measured to.
		after := canvas.Rect{X: box.X + box.W*1.15, Y: box.Y, W: box.W, H: box.H}
		if dark, _ := inked(pic, after, dpi); dark > 0 {
			t.Errorf("%s: %d dark pixels after the parcel", name, dark)
		}
	}
}
