package model_test

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/msg"
)

// JSON import is strict about the text itself: UTF-8 only (a byte order
// mark is accepted), no key twice, no absurd nesting, and each refusal
// names the line.
func TestImportIsStrictAboutText(t *testing.T) {
	msg.SetLanguage(msg.English)
	data, want := readRef(t)
	ref := string(data)
	d, err := model.ReadJSON(strings.NewReader("\uFEFF"+ref), "bom.json")
	if err != nil {
		t.Fatalf("a byte order mark is refused: %v", err)
	}
	if d.Title != want.Title {
		t.Errorf("title %q after a byte order mark", d.Title)
	}
	for _, c := range []struct{ name, text, want string }{
		{"latin-1", strings.Replace(ref, `"title": "Livraison`, "\n\"title\": \"Livr\xe9son", 1), "bad.json is not UTF-8 text: invalid bytes at line 4"},
		{"duplicate key", strings.Replace(ref, `"language": "fr",`, `"language": "fr", "language": "en",`, 1), `line 4: key "language" is given twice in the same object`},
		{"escaped duplicate", strings.Replace(ref, `"language": "fr",`, `"language": "fr", "langu\u0061ge": "en",`, 1), `key "language" is given twice`},
		{"deep", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "bad.json line 1: nested too deep"},
		{"deep but valid to Go", `{"format":"parcours/v1","title":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, "nested too deep"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := model.ReadJSON(strings.NewReader(c.text), "bad.json")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
}

// picture is an opaque PNG of w × h pixels, stripes that compress well.
func picture(w, h int) []byte {
	var b bytes.Buffer
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		if i%4 == 3 || (i/4/w)%16 < 8 {
			img.Pix[i] = 255
		}
	}
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Pictures are checked on the way in: what is not PNG or JPEG is refused,
// a picture within the limits is kept byte for byte, a larger one is
// scaled down to fit them.
func TestImportPictures(t *testing.T) {
	msg.SetLanguage(msg.English)
	data, _ := readRef(t)
	with := func(avatar []byte) string {
		return strings.Replace(string(data), `"quote": "`, `"avatar": "`+base64.StdEncoding.EncodeToString(avatar)+`", "quote": "`, 1)
	}
	if _, err := model.ReadJSON(strings.NewReader(with([]byte("GIF89a not ours"))), "x.json"); err == nil ||
		!strings.Contains(err.Error(), "avatar is not a PNG or JPEG picture") {
		t.Errorf("a GIF avatar: %v", err)
	}
	small := picture(40, 30)
	d, err := model.ReadJSON(strings.NewReader(with(small)), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(d.Personas[0].Avatar, small) {
		t.Error("a small picture was changed")
	}
	big := picture(6000, 5000) // 30 million pixels
	d, err = model.ReadJSON(strings.NewReader(with(big)), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	w, h, err := model.PictureSize(d.Personas[0].Avatar)
	if err != nil || w*h > model.MaxPicturePixels || w < 5000 || h*6 < w*5-12 || h*6 > w*5+12 {
		t.Errorf("scaled to %d × %d (%v), want just under %d pixels, same shape", w, h, err, model.MaxPicturePixels)
	}
}

// JSON import applies the limits and reference rules a document must
// meet to open: the one validation.
func TestImportLimits(t *testing.T) {
	msg.SetLanguage(msg.English)
	_, ref := readRef(t)
	for _, c := range []struct {
		name   string
		change func(d *model.Document)
		want   string
	}{
		{"long title", func(d *model.Document) { d.Journeys[0].Touchpoints[0].Title = strings.Repeat("é", 2001) },
			"title is 2001 characters long, at most 2000"},
		{"long note", func(d *model.Document) { d.Journeys[0].Touchpoints[0].Note = strings.Repeat("n", 20001) },
			"note is 20001 characters long, at most 20000"},
		{"many quotes", func(d *model.Document) { d.Journeys[0].Touchpoints[0].Quotes = make([]string, 1001) },
			"1001 quotes, at most 1000"},
		{"many KPIs", func(d *model.Document) { d.Journeys[0].Stages[0].KPIs = make([]model.KPI, 101) },
			"101 KPIs, at most 100"},
		{"long id", func(d *model.Document) { d.Journeys[0].Lanes[0].ID = strings.Repeat("l", 201) },
			"id must be valid UTF-8 text of at most 200 bytes"},
		{"self origin", func(d *model.Document) { d.Journeys[1].Origin = d.Journeys[1].ID },
			"origin names itself"},
		{"origin of another kind", func(d *model.Document) { d.Journeys[0].Touchpoints[0].Origin = d.Journeys[0].ID },
			"names a thing of another kind"},
		{"circle of origins", func(d *model.Document) {
			d.Journeys[0].Origin, d.Journeys[1].Origin = d.Journeys[1].ID, d.Journeys[0].ID
		}, "lead back to it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := model.Clone(ref)
			c.change(d)
			var b bytes.Buffer
			if err := model.WriteJSON(&b, d); err != nil {
				t.Fatal(err)
			}
			_, err := model.ReadJSON(&b, "x.json")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
	// A dangling origin is kept: its source may have been deleted since.
	d := model.Clone(ref)
	d.Journeys[1].Origin = "j-deleted"
	var b bytes.Buffer
	if err := model.WriteJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	if _, err := model.ReadJSON(&b, "x.json"); err != nil {
		t.Errorf("a dangling origin: %v", err)
	}
}
