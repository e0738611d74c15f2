package poster_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

// write makes the SVG document of scene. With PDFCHECK_DIR set, a copy is
// kept there under name, to look at.
func writeSVG(t *testing.T, name string, s *canvas.Scene, opts poster.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := poster.WriteSVG(&b, s, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	keep(t, name, b.Bytes())
	return b.Bytes()
}

func keep(t *testing.T, name string, data []byte) {
	t.Helper()
	if dir := os.Getenv("PDFCHECK_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func keepPNG(t *testing.T, name string, img image.Image) {
	t.Helper()
	if os.Getenv("PDFCHECK_DIR") == "" {
		return
	}
	var b bytes.Buffer
	if err := poster.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	keep(t, name, b.Bytes())
}

// doc is what the XML parser reads of an SVG document.
type doc struct {
	root  xml.StartElement
	title string
	texts []string // the contents of the <text> elements, in order
	count map[string]int
}

// parse reads data with encoding/xml, failing the test unless it is a
// well-formed document with an <svg> root.
func parse(t *testing.T, data []byte) doc {
	t.Helper()
	d := doc{count: map[string]int{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []string
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				d.root = tok.Copy()
			}
			stack = append(stack, tok.Name.Local)
			d.count[tok.Name.Local]++
			cur.Reset()
		case xml.EndElement:
			switch tok.Name.Local {
			case "text":
				d.texts = append(d.texts, cur.String())
			case "title":
				d.title = cur.String()
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			cur.Write(tok)
		}
	}
	if d.root.Name.Local != "svg" || d.root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("root element %v, want svg in the SVG namespace", d.root.Name)
	}
	return d
}

func (d doc) attr(name string) string {
	for _, a := range d.root.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (d doc) has(text string) bool {
	for _, s := range d.texts {
		if s == text {
			return true
		}
	}
	return false
}

// flat is every text of the document, one space between.
func (d doc) flat() string { return strings.Join(strings.Fields(strings.Join(d.texts, " ")), " ") }

func reference(t *testing.T) (*model.Document, *model.Journey, *canvas.Scene) {
	d := modeltest.Reference(t)
	j := d.Journeys[0]
	return d, j, canvas.Layout(d, j)
}

func TestPageSize(t *testing.T) {
	_, _, s := reference(t)
	for _, tc := range []struct {
		name                string
		paper               poster.Paper
		width, height, vbox string
	}{
		{"default", poster.Paper{}, "1189mm", "841mm", "0 0 1189 841"},
		{"a0", poster.A0Landscape, "1189mm", "841mm", "0 0 1189 841"},
		{"a1", paper(t, "A1", "landscape"), "841mm", "594mm", "0 0 841 594"},
		{"a4", paper(t, "A4", "portrait"), "210mm", "297mm", "0 0 210 297"},
		{"custom", paper(t, "600x400mm", ""), "600mm", "400mm", "0 0 600 400"},
	} {
		d := parse(t, writeSVG(t, "size-"+tc.name+".svg", s, poster.Options{Paper: tc.paper}))
		if w, h, v := d.attr("width"), d.attr("height"), d.attr("viewBox"); w != tc.width || h != tc.height || v != tc.vbox {
			t.Errorf("%s: width %q height %q viewBox %q, want %q %q %q", tc.name, w, h, v, tc.width, tc.height, tc.vbox)
		}
		if d.count["text"] < 50 || d.count["rect"] == 0 || d.count["path"] == 0 {
			t.Errorf("%s: elements %v: the poster is missing", tc.name, d.count)
		}
	}
}

// TestTexts finds the poster's texts as <text> elements: the journey's
// title, each line of the stage names and card titles as the layout wrapped
// them, the persona, the date, and the parcel emoji's stand-in.
func TestTexts(t *testing.T) {
	doc, j, s := reference(t)
	date := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	d := parse(t, writeSVG(t, "livraison.svg", s, poster.Options{Date: date}))
	flat := d.flat()
	ps := doc.Persona(j.Persona)
	for _, want := range []string{j.Title, "Livraison", "Transporteur", "Choix du créneau", ps.Name, ps.Job,
		date.Format(msg.T("pdf.date_layout"))} {
		if !strings.Contains(flat, want) {
			t.Errorf("the texts lack %q:\n%s", want, flat)
		}
	}
	if d.title != j.Title {
		t.Errorf("<title> %q, want %q", d.title, j.Title)
	}
	lines := 0
	for _, c := range s.Columns {
		for _, l := range c.Name.Lines {
			lines++
			if !d.has(l.Text) {
				t.Errorf("stage name line %q is not a <text>", l.Text)
			}
		}
	}
	reg, _ := canvas.Fonts()
	for _, c := range s.Cards {
		for _, l := range c.Title.Lines {
			if l.Text == "" {
				continue // the line of a card's number alone, before a long word
			}
			lines++
			// An emoji is drawn as a path, its character a <text> of its own.
			for _, part := range strings.FieldsFunc(l.Text, reg.IsEmoji) {
				if !d.has(part) && !d.has(strings.TrimSpace(part)) {
					t.Errorf("card title line %q: %q is not a <text>", l.Text, part)
				}
			}
		}
	}
	if lines < 20 {
		t.Errorf("only %d lines of stage names and card titles", lines)
	}
	if !strings.Contains(flat, "Page de suivi 📦") || strings.Contains(flat, "[U+1F4E6]") {
		t.Errorf("the parcel emoji is not drawn with its character as text:\n%s", flat)
	}
}

// TestMarkupInTexts puts the XML's own characters and characters XML does
// not allow in texts: they come back from the parser as they were, less
// the characters XML cannot hold.
func TestMarkupInTexts(t *testing.T) {
	d := modeltest.Reference(t)
	j := d.Journeys[0]
	const title = `Retours <urgents> & "express" — l'été « ça casse »`
	j.Title = title
	j.Touchpoints[0].Title = `a<b & c>d "q" ]]> fin`
	s := canvas.Layout(d, j)
	// Straight into the scene, past the layout's own clean-up.
	s.Cards[1].Title.Lines[0].Text = "ctl\x00\x01\x1b\x7f\u0085 \xff tab\tend 😀 \uFFFE\uFFFF ok"
	doc := parse(t, writeSVG(t, "markup.svg", s, poster.Options{}))
	if !doc.has(title) || doc.title != title {
		t.Errorf("title %q not found as a <text> and <title> (title %q):\n%s", title, doc.title, doc.flat())
	}
	if flat := doc.flat(); !strings.Contains(flat, `a<b & c>d "q" ]]> fin`) {
		t.Errorf("card title lost its markup characters:\n%s", flat)
	}
	// The painter shows the emoji and the bad byte by their stand-ins.
	if want := "ctl [U+FFFD] tab\tend [U+1F600]  ok"; !doc.has(want) {
		t.Errorf("control characters: no <text> %q in\n%q", want, doc.texts)
	}
}

// TestHostile writes the big journey with emoji, CJK, a 2000-character
// title and control characters: a well-formed document.
func TestSVGHostile(t *testing.T) {
	d := modeltest.Generated(1000, 6, 8)
	j := d.Journeys[0]
	j.Title = "Parcours 🚚📦 漢字 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " + string(rune(0x20000))
	j.Objective = strings.Repeat("Réduire les appels ", 200)
	titles := []string{"Emoji 📦🚚👍🏽 and flags 🇫🇷", "漢字かな交じり文", strings.Repeat("Très long titre de point de contact ", 56)[:2000],
		"Combining: e\u0301 a\u0300 \u20DD", "Supplementary plane: 𝔸 𠀀 \U0010FFFD", "Controls\tand\x00nul \u200d\ufe0f", "bad \xff\xfe UTF-8"}
	for i, tp := range j.Touchpoints {
		tp.Title = titles[i%len(titles)]
	}
	s := canvas.Layout(d, j)
	s.Title = "raw \x00 <&> 📦 \xf0\x9f"
	s.Cards[0].Title.Lines[0].Text = "raw 📦 𝔘 \xf0\x9f"
	doc := parse(t, writeSVG(t, "hostile.svg", s, poster.Options{Paper: paper(t, "A2", "landscape")}))
	if doc.count["text"] < 1000 {
		t.Errorf("%d texts", doc.count["text"])
	}
	if doc.title != "raw  <&> 📦 " {
		t.Errorf("<title> %q", doc.title)
	}
}

func TestLogo(t *testing.T) {
	_, _, s := reference(t)
	red := color.NRGBA{0xC0, 0x10, 0x20, 0xFF}
	logo := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	for i := 0; i < len(logo.Pix); i += 4 {
		logo.Pix[i], logo.Pix[i+1], logo.Pix[i+2], logo.Pix[i+3] = red.R, red.G, red.B, red.A
	}
	var lb bytes.Buffer
	if err := png.Encode(&lb, logo); err != nil {
		t.Fatal(err)
	}
	a4 := paper(t, "A4", "portrait")
	data := writeSVG(t, "logo.svg", s, poster.Options{Paper: a4, Logo: lb.Bytes(), Footer: "Confidential & <internal>", Version: "1"})
	d := parse(t, data)
	if d.count["image"] == 0 || !bytes.Contains(data, []byte(`xlink:href="data:image/png;base64,`)) {
		t.Fatalf("no PNG picture in the document (%v)", d.count)
	}
	if !strings.Contains(d.flat(), "Confidential & <internal>") {
		t.Errorf("footer missing:\n%s", d.flat())
	}
	img := rsvg(t, data, 100)
	keepPNG(t, "logo-rsvg.png", img)
	// The title block starts at the 10 mm margin and is 8 % of the page
	// high; a square logo fills its height at its left.
	th := 0.08 * 297
	if got := at(img, 10+th/2, 10+th/2, 100); !near(got, color.RGBA(red), 6) {
		t.Errorf("logo pixel %v, want %v", got, red)
	}

	// A photograph stays a JPEG.
	lb.Reset()
	if err := jpeg.Encode(&lb, logo, nil); err != nil {
		t.Fatal(err)
	}
	data = writeSVG(t, "logo-jpeg.svg", s, poster.Options{Paper: a4, Logo: lb.Bytes()})
	parse(t, data)
	if !bytes.Contains(data, []byte(`xlink:href="data:image/jpeg;base64,`)) {
		t.Error("the JPEG logo is not embedded as JPEG")
	}
	if got := at(rsvg(t, data, 100), 10+th/2, 10+th/2, 100); !near(got, color.RGBA(red), 12) {
		t.Errorf("JPEG logo pixel %v, want %v", got, red)
	}
}

// rsvg renders an SVG document with librsvg at dpi. The tool is required:
// CI installs librsvg2-bin (.ci/install-deps).
func rsvg(t *testing.T, data []byte, dpi int) image.Image {
	t.Helper()
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		t.Fatalf("rsvg-convert not found: install librsvg2-bin (apt-get install librsvg2-bin) to run these tests")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "page.svg"), filepath.Join(dir, "page.png")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d := strconv.Itoa(dpi)
	if o, err := exec.Command("rsvg-convert", "-d", d, "-p", d, "-b", "white", "-f", "png", "-o", out, in).CombinedOutput(); err != nil {
		t.Fatalf("rsvg-convert: %v\n%s", err, o)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func rgbaAt(img image.Image, x, y int) color.RGBA {
	r, g, b, a := img.At(x, y).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// at reads the pixel under page position (x, y) mm.
func at(img image.Image, x, y float64, dpi int) color.RGBA {
	return rgbaAt(img, int(x/25.4*float64(dpi)), int(y/25.4*float64(dpi)))
}

// TestLooksLikeThePNG renders the document with librsvg and compares it
// with canvas/raster's picture of the same page: not blank, the same size,
// the same colours on the whole and almost everywhere.
func TestLooksLikeThePNG(t *testing.T) {
	_, _, s := reference(t)
	const dpi = 60
	opts := poster.Options{Paper: paper(t, "A3", "landscape"), Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC),
		Footer: "Confidentiel", Version: "2"}
	ours := rsvg(t, writeSVG(t, "look.svg", s, opts), dpi)
	ref, err := poster.Render(s, opts, dpi)
	if err != nil {
		t.Fatal(err)
	}
	if d := ours.Bounds().Size().Sub(ref.Bounds().Size()); d.X < -1 || d.X > 1 || d.Y < -1 || d.Y > 1 {
		t.Fatalf("librsvg's picture is %v, raster's %v", ours.Bounds(), ref.Bounds())
	}
	keepPNG(t, "look-rsvg.png", ours)
	keepPNG(t, "look-raster.png", ref)

	r := ref.Bounds().Intersect(ours.Bounds())
	n := float64(r.Dx() * r.Dy())
	var sumO, sumR [3]float64
	far, diff, ink := 0, 0.0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			o, p := rgbaAt(ours, x, y), ref.RGBAAt(x, y)
			dd := 0.0
			for i, v := range [3][2]uint8{{o.R, p.R}, {o.G, p.G}, {o.B, p.B}} {
				sumO[i] += float64(v[0])
				sumR[i] += float64(v[1])
				dd += math.Abs(float64(v[0]) - float64(v[1]))
			}
			dd /= 3
			diff += dd
			if dd > 80 {
				far++
			}
			if o != (color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}) {
				ink++
			}
		}
	}
	if float64(ink)/n < 0.2 {
		t.Fatalf("librsvg's picture is almost blank: %.1f %% of pixels not white", 100*float64(ink)/n)
	}
	for i := range sumO {
		if mo, mr := sumO[i]/n, sumR[i]/n; math.Abs(mo-mr) > 2 {
			t.Errorf("channel %d: mean %.2f in librsvg's picture, %.2f in raster's", i, mo, mr)
		}
	}
	t.Logf("mean difference %.2f, %.2f %% of pixels far off, %.1f %% inked", diff/n, 100*float64(far)/n, 100*float64(ink)/n)
	if mean := diff / n; mean > 4 || float64(far)/n > 0.02 {
		t.Errorf("librsvg's picture differs from raster's: mean difference %.2f, %.2f %% of pixels far off", mean, 100*float64(far)/n)
	}
}

func TestErrors(t *testing.T) {
	_, _, s := reference(t)
	err := poster.WriteSVG(failingWriter{}, s, poster.Options{})
	if err == nil || !errors.Is(err, os.ErrPermission) || !strings.HasPrefix(err.Error(), msg.T("svg.write")+": ") {
		t.Errorf("failing writer: %v", err)
	}
	for _, tc := range []struct {
		name  string
		scene *canvas.Scene
		opts  poster.Options
	}{
		{"no scene", nil, poster.Options{}},
		{"no width", s, poster.Options{Paper: poster.Paper{Name: "x", W: 0, H: 10}}},
		{"margins", s, poster.Options{Paper: paper(t, "A4", "portrait"), Margin: 200}},
		{"bad logo", s, poster.Options{Logo: []byte("nope")}},
	} {
		var b bytes.Buffer
		if err := poster.WriteSVG(&b, tc.scene, tc.opts); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
		if b.Len() != 0 {
			t.Errorf("%s: %d bytes written on failure", tc.name, b.Len())
		}
	}
}
