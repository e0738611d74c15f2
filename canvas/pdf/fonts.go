package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	mbits "math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"

	"parcours/assets"
	"parcours/canvas"
)

// The fonts are embedded here rather than by fpdf, which reads the whole
// of each TrueType file into maps for every document, and writes a subset
// with its glyphs numbered anew: a third of the time of a poster. Here each
// file is read once, and a subset keeps the glyph numbers — the glyphs not
// used are left empty — so that it is the file's own tables, but for the
// glyph data, its index and the metrics of the glyphs left out, and the
// tables a PDF reader does not use dropped.

// ttFont is a TrueType file, read.
type ttFont struct {
	name      string // PostScript name
	data      []byte
	tables    map[string][]byte
	sf        *sfnt.Font
	numGlyphs int
	loca      []uint32 // numGlyphs+1 offsets into glyf
	advances  []uint16 // per glyph, font units
	upem      float64

	// The font descriptor's values, in thousandths of an em, as fpdf
	// computes them.
	ascent, descent, capHeight, stemV, italicAngle, missingWidth int
	bbox                                                         [4]int
}

var (
	ttOnce      sync.Once
	ttFonts     [2]*ttFont // regular, bold
	ttFontsErr  error
	errTrueType = errors.New("pdf: embedded font unreadable")
)

// trueTypeFonts reads the embedded fonts, once.
func trueTypeFonts() ([2]*ttFont, error) {
	ttOnce.Do(func() {
		for i, src := range [2]struct {
			name string
			data []byte
		}{{"DejaVuSans", assets.FontRegular}, {"DejaVuSans-Bold", assets.FontBold}} {
			ttFonts[i], ttFontsErr = readTrueType(src.name, src.data)
			if ttFontsErr != nil {
				return
			}
		}
	})
	return ttFonts, ttFontsErr
}

func readTrueType(name string, data []byte) (*ttFont, error) {
	fail := func(what string) (*ttFont, error) {
		return nil, fmt.Errorf("%w: %s: %s", errTrueType, name, what)
	}
	if len(data) < 12 || binary.BigEndian.Uint32(data) != 0x00010000 {
		return fail("not a TrueType font")
	}
	f := &ttFont{name: name, data: data, tables: map[string][]byte{}}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return fail("table directory")
	}
	for i := range n {
		e := data[12+16*i:]
		off, ln := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if uint64(off)+uint64(ln) > uint64(len(data)) {
			return fail("table " + string(e[:4]))
		}
		f.tables[string(e[:4])] = data[off : off+ln]
	}
	head, hhea, maxp, hmtx, loca := f.tables["head"], f.tables["hhea"], f.tables["maxp"], f.tables["hmtx"], f.tables["loca"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || f.tables["glyf"] == nil {
		return fail("tables")
	}
	u16 := binary.BigEndian.Uint16
	i16 := func(b []byte) int { return int(int16(u16(b))) }
	f.upem = float64(u16(head[18:]))
	f.numGlyphs = int(u16(maxp[4:]))
	longLoca := u16(head[50:]) == 1
	f.loca = make([]uint32, f.numGlyphs+1)
	for g := range f.loca {
		switch {
		case longLoca && len(loca) >= 4*(g+1):
			f.loca[g] = binary.BigEndian.Uint32(loca[4*g:])
		case !longLoca && len(loca) >= 2*(g+1):
			f.loca[g] = 2 * uint32(u16(loca[2*g:]))
		default:
			return fail("loca")
		}
		if g > 0 && f.loca[g] < f.loca[g-1] || int(f.loca[g]) > len(f.tables["glyf"]) {
			return fail("loca")
		}
	}
	metrics := int(u16(hhea[34:]))
	if metrics == 0 || len(hmtx) < 4*metrics {
		return fail("hmtx")
	}
	f.advances = make([]uint16, f.numGlyphs)
	for g := range f.advances {
		f.advances[g] = u16(hmtx[4*min(g, metrics-1):])
	}
	var err error
	if f.sf, err = sfnt.Parse(data); err != nil {
		return fail(err.Error())
	}

	// The descriptor, as fpdf's utf8FontFile computes it.
	scale := 1000 / f.upem
	f.bbox = [4]int{int(float64(i16(head[36:])) * scale), int(float64(i16(head[38:])) * scale),
		int(float64(i16(head[40:])) * scale), int(float64(i16(head[42:])) * scale)}
	f.ascent = int(float64(i16(hhea[4:])) * scale)
	f.descent = int(float64(i16(hhea[6:])) * scale)
	f.capHeight = f.ascent
	weight := 500
	if os2 := f.tables["OS/2"]; len(os2) >= 78 {
		weight = int(u16(os2[4:]))
		if f.ascent == 0 {
			f.ascent = int(float64(i16(os2[68:])) * scale)
		}
		if f.descent == 0 {
			f.descent = int(float64(i16(os2[70:])) * scale)
		}
		if u16(os2) > 1 && len(os2) >= 90 {
			f.capHeight = int(float64(i16(os2[88:])) * scale)
		}
	}
	f.stemV = 50 + int(math.Pow(float64(weight)/65.0, 2))
	if post := f.tables["post"]; len(post) >= 8 {
		f.italicAngle = i16(post[4:])
	}
	f.missingWidth = int(math.Round(scale * float64(f.advances[0])))
	return f, nil
}

// width is glyph g's advance in thousandths of an em, as fpdf rounds it.
func (f *ttFont) width(g uint16) int {
	return int(math.Round(1000 / f.upem * float64(f.advances[g])))
}

// glyphs returns the glyph of each character, 0 for those the font lacks.
func (f *ttFont) glyphs(runes []rune) []uint16 {
	var buf sfnt.Buffer
	gids := make([]uint16, len(runes))
	for i, r := range runes {
		if g, err := f.sf.GlyphIndex(&buf, r); err == nil {
			gids[i] = uint16(g)
		}
	}
	return gids
}

// subset returns the font program with only the given glyphs (and those
// their composite glyphs are made of, and .notdef) kept in glyf, the
// others empty, the numbers unchanged.
func (f *ttFont) subset(gids []uint16) []byte {
	glyf := f.tables["glyf"]
	keep := make([]bool, f.numGlyphs)
	var todo []uint16
	mark := func(g uint16) {
		if int(g) < f.numGlyphs && !keep[g] {
			keep[g] = true
			todo = append(todo, g)
		}
	}
	mark(0)
	for _, g := range gids {
		mark(g)
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		data := glyf[f.loca[g]:f.loca[g+1]]
		if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
			continue
		}
		// A composite glyph: its components.
		const (
			argsAreWords = 0x0001
			haveScale    = 0x0008
			moreComps    = 0x0020
			haveXYScale  = 0x0040
			have2x2      = 0x0080
		)
		for p := 10; p+4 <= len(data); {
			flags := binary.BigEndian.Uint16(data[p:])
			mark(binary.BigEndian.Uint16(data[p+2:]))
			p += 4
			if flags&argsAreWords != 0 {
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&haveScale != 0:
				p += 2
			case flags&haveXYScale != 0:
				p += 4
			case flags&have2x2 != 0:
				p += 8
			}
			if flags&moreComps == 0 {
				break
			}
		}
	}
	var newGlyf []byte
	newLoca := make([]byte, 4*(f.numGlyphs+1))
	for g := range f.numGlyphs {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, glyf[f.loca[g]:f.loca[g+1]]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*f.numGlyphs:], uint32(len(newGlyf)))

	// The metrics of the glyphs left out are zeros, which take no room
	// once compressed (PDF readers take the widths from the /W array).
	hmtx := slices.Clone(f.tables["hmtx"])
	metrics := int(binary.BigEndian.Uint16(f.tables["hhea"][34:]))
	for g := range f.numGlyphs {
		if keep[g] {
			continue
		}
		if g < metrics {
			clear(hmtx[4*g : 4*g+4])
		} else if at := 4*metrics + 2*(g-metrics); at+2 <= len(hmtx) {
			clear(hmtx[at : at+2])
		}
	}
	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	// No cmap: the CIDToGIDMap gives the glyphs.
	tables := map[string][]byte{"head": head, "loca": newLoca, "glyf": newGlyf, "hmtx": hmtx}
	for _, tag := range []string{"OS/2", "cvt ", "fpgm", "gasp", "hhea", "maxp", "prep"} {
		if t, ok := f.tables[tag]; ok {
			tables[tag] = t
		}
	}
	if post := f.tables["post"]; len(post) >= 32 {
		// Version 3: no glyph names.
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		tables["post"] = p
	}
	return assembleTrueType(tables)
}

// assembleTrueType writes a TrueType file of the given tables.
func assembleTrueType(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	out := make([]byte, 12+16*len(tags), size)
	n := len(tags)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel))
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		e := out[12+16*i:]
		copy(e, tag)
		binary.BigEndian.PutUint32(e[4:], checksum(t))
		binary.BigEndian.PutUint32(e[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is a TrueType table checksum.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// The text's encoding: a character's code is itself in one byte for
// ASCII, 0x8000 + r in two bytes below U+8000 (appendCode) — half the
// bytes of fpdf's two for every character, for text that is mostly ASCII.
// Each font's encoding CMap maps the codes of the characters it is used
// for to CIDs, which are the codes themselves (cidOf); its CIDToGIDMap
// maps those to glyphs, its ToUnicode CMap the codes back to the
// characters, for search and copy. CIDs equal to the codes keep them in
// the codespace: MuPDF re-keys the ToUnicode CMap by CID under the
// encoding's codespace and drops, with a warning, every CID outside it —
// with CIDs that were the characters, é (233) and « (171) came out as
// U+FFFD. The few characters from U+8000 on go through a twin of the font
// with fpdf's encoding: two bytes, the character itself (Identity-H), and
// a CIDFont of its own, as its CIDs would collide with the codes above.
const codeSpace = "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n"

// identityToUnicode is the twins' ToUnicode CMap: each code is the
// character (fpdf's).
const identityToUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// cidOf is the CID of r below U+8000 in the fonts' encoding: its code.
func cidOf(r rune) int {
	if r < 0x80 {
		return int(r)
	}
	return 0x8000 + int(r)
}

// codeHex is the code of r, below U+8000, in hexadecimal.
func codeHex(r rune) string {
	if r < 0x80 {
		return fmt.Sprintf("<%02X>", r)
	}
	return fmt.Sprintf("<%04X>", 0x8000+r)
}

// cmaps returns the encoding and ToUnicode CMaps of a font used for runes
// (those below U+8000 count).
func cmaps(name string, runes []rune) (encoding, toUnicode []byte) {
	var e, u bytes.Buffer
	head := func(b *bytes.Buffer, ordering, cmapName string, cmapType int) {
		fmt.Fprintf(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
			"/CIDSystemInfo <</Registry (Adobe) /Ordering (%s) /Supplement 0>> def\n"+
			"/CMapName /%s def\n/CMapType %d def\n%s", ordering, cmapName, cmapType, codeSpace)
	}
	head(&e, "Identity", name, 1)
	head(&u, "UCS", name+"-UCS", 2)
	low := runes
	for len(low) > 0 && low[len(low)-1] >= 0x8000 {
		low = low[:len(low)-1]
	}
	for at := 0; at < len(low); at += 100 {
		block := low[at:min(at+100, len(low))]
		fmt.Fprintf(&e, "%d begincidchar\n", len(block))
		fmt.Fprintf(&u, "%d beginbfchar\n", len(block))
		for _, r := range block {
			c := codeHex(r)
			fmt.Fprintf(&e, "%s %d\n", c, cidOf(r))
			fmt.Fprintf(&u, "%s <%04X>\n", c, r)
		}
		e.WriteString("endcidchar\n")
		u.WriteString("endbfchar\n")
	}
	for _, b := range []*bytes.Buffer{&e, &u} {
		b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	}
	return e.Bytes(), u.Bytes()
}

// fontSet is the document's fonts, ready to embed: the font programs and
// CIDToGIDMaps on their way through the compressors.
type fontSet struct {
	fonts         [2]embeddedFont
	wideToUnicode *deflateJob // the twins'
	// The invisible font of the emoji's characters (Surface.InvisibleText),
	// nil when none is written: its widths, its ToUnicode CMap and its
	// CIDToGIDMap, every code to glyph 0, which draws nothing.
	emojiWidths    string
	emojiToUnicode *deflateJob
	emojiCIDMap    *deflateJob
}

// emojiFont prepares the invisible font for the codes written with it.
func (fs *fontSet) emojiFont(used *Font, d *deflater) {
	var codes []rune
	for w, bits := range used.used {
		for bits != 0 {
			b := mbits.TrailingZeros64(bits)
			bits &^= 1 << b
			codes = append(codes, rune(w*64+b))
		}
	}
	if len(codes) == 0 {
		return
	}
	var u, w strings.Builder
	u.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Parcours-Emoji-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	w.WriteString("[")
	for at := 0; at < len(codes); at += 100 {
		block := codes[at:min(at+100, len(codes))]
		fmt.Fprintf(&u, "%d beginbfchar\n", len(block))
		for _, c := range block {
			r := emojiRune(int(c))
			u16 := utf16.Encode([]rune{r})
			fmt.Fprintf(&u, "<%04X> <", c)
			for _, v := range u16 {
				fmt.Fprintf(&u, "%04X", v)
			}
			u.WriteString(">\n")
			adv := 1.0
			if g := canvas.EmojiGlyph(r); g != nil {
				adv = g.Advance
			}
			fmt.Fprintf(&w, "%d [%d] ", c, int(math.Round(adv*1000)))
		}
		u.WriteString("endbfchar\n")
	}
	u.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	w.WriteString("]")
	fs.emojiWidths = w.String()
	fs.emojiToUnicode = &deflateJob{in: []byte(u.String())}
	fs.emojiCIDMap = &deflateJob{in: make([]byte, 2*(codes[len(codes)-1]+1))}
	d.add(fs.emojiToUnicode)
	d.add(fs.emojiCIDMap)
}

type embeddedFont struct {
	tt        *ttFont
	wide      bool   // characters from U+8000 on are used: the twin is
	base      string // subset tag and name
	widths    string // the /W array
	program   *deflateJob
	cidMap    *deflateJob
	encoding  *deflateJob
	toUnicode *deflateJob
	// The twin's CIDFont, for the characters from U+8000 on.
	wideWidths string
	wideCIDMap *deflateJob
}

// cidFont returns the CIDToGIDMap and the /W array of a CIDFont whose
// CIDs cid(r), in increasing order, are the glyphs gids of runes.
func cidFont(tt *ttFont, runes []rune, gids []uint16, cid func(rune) int) (cidMap []byte, widths string) {
	cidMap = make([]byte, 2)
	if len(runes) > 0 {
		cidMap = make([]byte, 2*(cid(runes[len(runes)-1])+1))
	}
	var w bytes.Buffer
	w.WriteString("[")
	prev := -2
	for k, r := range runes {
		c := cid(r)
		binary.BigEndian.PutUint16(cidMap[2*c:], gids[k])
		if c != prev+1 {
			if prev >= 0 {
				w.WriteString("] ")
			}
			w.WriteString(strconv.Itoa(c))
			w.WriteString(" [")
		} else {
			w.WriteByte(' ')
		}
		w.WriteString(strconv.Itoa(tt.width(gids[k])))
		prev = c
	}
	if prev >= 0 {
		w.WriteString("]")
	}
	w.WriteString("]")
	return cidMap, w.String()
}

// prepareFonts makes the subsets of the document's fonts, for the
// characters noted in doc, and hands their streams to d.
func prepareFonts(doc *Doc, d *deflater) (*fontSet, error) {
	tts, err := trueTypeFonts()
	if err != nil {
		return nil, err
	}
	fs := &fontSet{wideToUnicode: &deflateJob{in: []byte(identityToUnicode)}}
	d.add(fs.wideToUnicode)
	for i, tt := range tts {
		ft := &doc.fonts[i]
		var runes []rune
		for w, bits := range ft.used {
			for bits != 0 {
				b := mbits.TrailingZeros64(bits)
				bits &^= 1 << b
				if r := rune(w*64 + b); r != 0 {
					runes = append(runes, r)
				}
			}
		}
		gids := tt.glyphs(runes)
		// The subset's tag, from what it holds.
		h := fnv.New32a()
		for _, r := range runes {
			h.Write([]byte{byte(r >> 8), byte(r)})
		}
		tag := make([]byte, 6)
		for k, v := 0, h.Sum32(); k < 6; k, v = k+1, v/26 {
			tag[k] = byte('A' + v%26)
		}
		low := 0 // the runes below U+8000 come first
		for low < len(runes) && runes[low] < 0x8000 {
			low++
		}
		cidMap, widths := cidFont(tt, runes[:low], gids[:low], cidOf)
		enc, uni := cmaps("Parcours-"+tt.name, runes)
		ef := embeddedFont{tt: tt, wide: low < len(runes), base: string(tag) + "+" + tt.name, widths: widths,
			program: &deflateJob{in: tt.subset(gids)}, cidMap: &deflateJob{in: cidMap},
			encoding: &deflateJob{in: enc}, toUnicode: &deflateJob{in: uni}}
		jobs := []*deflateJob{ef.program, ef.cidMap, ef.encoding, ef.toUnicode}
		if ef.wide {
			var wideMap []byte
			wideMap, ef.wideWidths = cidFont(tt, runes[low:], gids[low:], func(r rune) int { return int(r) })
			ef.wideCIDMap = &deflateJob{in: wideMap}
			jobs = append(jobs, ef.wideCIDMap)
		}
		for _, j := range jobs {
			d.add(j)
		}
		fs.fonts[i] = ef
	}
	fs.emojiFont(&doc.fonts[2], d)
	return fs, nil
}

// fontObject is a PDF object of the fonts: a dictionary, and for a stream
// (job not nil) its compressed data, its /Length and /Filter added.
type fontObject struct {
	dict    string // for a stream, what its dictionary has besides /Length and /Filter
	job     *deflateJob
	length1 int // the font program's size, for /Length1
}

// objects returns the fonts' objects, numbered from first, and the
// entries of the /Font dictionaries of the resources.
func (fs *fontSet) objects(first int) (resources string, objs []fontObject) {
	wideUni := first
	objs = append(objs, fontObject{job: fs.wideToUnicode})
	n := first + 1
	regularDesc := 0
	for i, ef := range fs.fonts {
		tt := ef.tt
		type0, cid, desc, file, cidMap, enc, uni := n, n+1, n+2, n+3, n+4, n+5, n+6
		if i == 0 {
			regularDesc = desc
		}
		n += 7
		resources += "/F" + strconv.Itoa(i+1) + " " + strconv.Itoa(type0) + " 0 R\n"
		objs = append(objs,
			fontObject{dict: fmt.Sprintf("<</Type /Font\n/Subtype /Type0\n/BaseFont /%s\n/Encoding %d 0 R\n/DescendantFonts [%d 0 R]\n/ToUnicode %d 0 R>>", ef.base, enc, cid, uni)},
			fontObject{dict: fmt.Sprintf("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>\n/FontDescriptor %d 0 R\n/DW %d\n/W %s\n/CIDToGIDMap %d 0 R>>",
				ef.base, desc, tt.missingWidth, ef.widths, cidMap)},
			fontObject{dict: fmt.Sprintf("<</Type /FontDescriptor /FontName /%s\n/Ascent %d /Descent %d /CapHeight %d /Flags 4 /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
				ef.base, tt.ascent, tt.descent, tt.capHeight, tt.bbox[0], tt.bbox[1], tt.bbox[2], tt.bbox[3], tt.italicAngle, tt.stemV, tt.missingWidth, file)},
			fontObject{job: ef.program, length1: len(ef.program.in)},
			fontObject{job: ef.cidMap},
			fontObject{dict: "/Type /CMap /CMapName /Parcours-" + tt.name + " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> ", job: ef.encoding},
			fontObject{job: ef.toUnicode},
		)
		if ef.wide {
			wideCID, wideMap := n+1, n+2
			resources += "/F" + strconv.Itoa(i+3) + " " + strconv.Itoa(n) + " 0 R\n"
			objs = append(objs,
				fontObject{dict: fmt.Sprintf("<</Type /Font\n/Subtype /Type0\n/BaseFont /%s\n/Encoding /Identity-H\n/DescendantFonts [%d 0 R]\n/ToUnicode %d 0 R>>", ef.base, wideCID, wideUni)},
				fontObject{dict: fmt.Sprintf("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>\n/FontDescriptor %d 0 R\n/DW %d\n/W %s\n/CIDToGIDMap %d 0 R>>",
					ef.base, desc, tt.missingWidth, ef.wideWidths, wideMap)},
				fontObject{job: ef.wideCIDMap},
			)
			n += 3
		}
	}
	if fs.emojiToUnicode != nil {
		// Regular DejaVu's descriptor: a font to name, whose glyph 0 draws
		// nothing at text rendering mode 3 anyway.
		ef := fs.fonts[0]
		type0, cid, uni, cidMap := n, n+1, n+2, n+3
		resources += "/F5 " + strconv.Itoa(type0) + " 0 R\n"
		objs = append(objs,
			fontObject{dict: fmt.Sprintf("<</Type /Font\n/Subtype /Type0\n/BaseFont /%s\n/Encoding /Identity-H\n/DescendantFonts [%d 0 R]\n/ToUnicode %d 0 R>>", ef.base, cid, uni)},
			fontObject{dict: fmt.Sprintf("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>\n/FontDescriptor %d 0 R\n/DW 1000\n/W %s\n/CIDToGIDMap %d 0 R>>",
				ef.base, regularDesc, fs.emojiWidths, cidMap)},
			fontObject{job: fs.emojiToUnicode},
			fontObject{job: fs.emojiCIDMap},
		)
	}
	return resources, objs
}
