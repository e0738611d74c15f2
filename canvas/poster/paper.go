package poster

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"parcours/model/msg"
)

// Paper is a sheet size in millimetres as printed (orientation applied).
type Paper struct {
	Name string
	W, H float64
}

// MaxPaperSide is the longest sheet side accepted, in millimetres: beyond
// it no printer or plotter takes the paper, and PDF viewers start to
// struggle (the PDF 1.x page limit is 5080 mm).
const MaxPaperSide = 5000.0

// iso216 holds the portrait sizes of the named papers, in millimetres.
var iso216 = map[string][2]float64{
	"A0": {841, 1189},
	"A1": {594, 841},
	"A2": {420, 594},
	"A3": {297, 420},
	"A4": {210, 297},
}

// A0Landscape is the default poster sheet.
var A0Landscape = Paper{Name: "A0", W: 1189, H: 841}

// ParsePaper reads A0|A1|A2|A3|A4 (ISO 216, portrait sizes A0 841×1189 …
// A4 210×297; landscape swaps) or WxHmm (e.g. "600x400mm", taken as given,
// orientation ignored); orientation "landscape" (default when "") or
// "portrait". Sizes of zero, negative, or larger than 5000 mm are refused
// with a clear msg error.
func ParsePaper(name, orientation string) (Paper, error) {
	landscape := true
	switch strings.ToLower(strings.TrimSpace(orientation)) {
	case "", "landscape":
	case "portrait":
		landscape = false
	default:
		return Paper{}, errors.New(msg.T("pdf.orientation", orientation))
	}
	key := strings.ToUpper(strings.TrimSpace(name))
	if s, ok := iso216[key]; ok {
		p := Paper{Name: key, W: s[0], H: s[1]}
		if landscape {
			p.W, p.H = p.H, p.W
		}
		return p, nil
	}
	w, h, ok := parseCustom(strings.ToLower(strings.TrimSpace(name)))
	if !ok {
		return Paper{}, errors.New(msg.T("pdf.paper.unknown", name))
	}
	if !(w > 0 && h > 0 && w <= MaxPaperSide && h <= MaxPaperSide) {
		return Paper{}, errors.New(msg.T("pdf.paper.range", name, MaxPaperSide))
	}
	return Paper{Name: strings.TrimSpace(name), W: w, H: h}, nil
}

// parseCustom reads "WxHmm"; the separator may be x or ×, the numbers may
// use a decimal point or comma. Signs are read so that "-5x100mm" is
// reported as out of range rather than as an unknown paper.
func parseCustom(s string) (w, h float64, ok bool) {
	s, found := strings.CutSuffix(s, "mm")
	if !found {
		return 0, 0, false
	}
	s = strings.ReplaceAll(s, "×", "x")
	ws, hs, found := strings.Cut(s, "x")
	if !found {
		return 0, 0, false
	}
	num := func(t string) (float64, bool) {
		t = strings.ReplaceAll(strings.TrimSpace(t), ",", ".")
		if t == "" || strings.ContainsAny(t, "eEinfINFaA_") { // no exponents, NaN, Inf, 0x…
			return 0, false
		}
		v, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, false
		}
		return v, true
	}
	w, ok1 := num(ws)
	h, ok2 := num(hs)
	return w, h, ok1 && ok2
}
