package sqlite

import (
	"bytes"
	"encoding/json"
	"strconv"

	"parcours/model"
)

// decodeTouchpointMeasures reads a review's touchpoints column. Forty
// reviews of a thousand touchpoints are 40 000 of these objects on every
// opening, which encoding/json takes 25 ms to decode: the form Parcours
// writes ({"t":"id","s":7.5,"r":12,"l":true}, ids without escapes) is read
// by hand, and anything else (escaped ids, spaces, a file written by other
// means) by encoding/json.
//
// ids is a table of the ids already read: every review names the same
// touchpoints, so each id is one string shared by all of them.
func decodeTouchpointMeasures(b []byte, ids map[string]string) ([]model.TouchpointMeasure, error) {
	if out, ok := fastMeasures(b, ids); ok {
		return out, nil
	}
	var ts []touchpointMeasure
	if err := json.Unmarshal(b, &ts); err != nil {
		return nil, err
	}
	out := make([]model.TouchpointMeasure, len(ts))
	for i, t := range ts {
		out[i] = model.TouchpointMeasure(t)
	}
	return out, nil
}

// fastMeasures parses the compact form json.Marshal gives for
// []touchpointMeasure; it reports false on anything else.
func fastMeasures(b []byte, ids map[string]string) ([]model.TouchpointMeasure, bool) {
	p := 0
	eat := func(c byte) bool {
		if p < len(b) && b[p] == c {
			p++
			return true
		}
		return false
	}
	// raw reads a string without escapes, as the bytes between its quotes.
	raw := func() ([]byte, bool) {
		if !eat('"') {
			return nil, false
		}
		start := p
		for p < len(b) && b[p] != '"' {
			if b[p] == '\\' || b[p] < 0x20 {
				return nil, false
			}
			p++
		}
		if p >= len(b) {
			return nil, false
		}
		p++
		return b[start : p-1], true
	}
	// str reads an id, shared through ids.
	str := func() (string, bool) {
		r, ok := raw()
		if !ok {
			return "", false
		}
		s, ok := ids[string(r)] // no copy to look up
		if !ok {
			s = string(r)
			if ids != nil {
				ids[s] = s
			}
		}
		return s, true
	}
	num := func() (string, bool) {
		start := p
		for p < len(b) && (b[p] >= '0' && b[p] <= '9' || b[p] == '.' || b[p] == '-' || b[p] == 'e' || b[p] == 'E' || b[p] == '+') {
			p++
		}
		return string(b[start:p]), p > start
	}
	if !eat('[') {
		return nil, false
	}
	n := bytes.Count(b, []byte("{"))
	out := make([]model.TouchpointMeasure, 0, n)
	scores := make([]float64, 0, n) // one allocation for every score of the review
	if eat(']') {
		return out, p == len(b)
	}
	for {
		if !eat('{') {
			return nil, false
		}
		var m model.TouchpointMeasure
		seen := 0
		for {
			key, ok := raw()
			if !ok || !eat(':') || len(key) != 1 {
				return nil, false
			}
			switch key[0] {
			case 't':
				if m.Touchpoint, ok = str(); !ok {
					return nil, false
				}
			case 's':
				n, ok := num()
				f, err := strconv.ParseFloat(n, 64)
				if !ok || err != nil || len(scores) == cap(scores) {
					return nil, false
				}
				scores = append(scores, f)
				m.Score = &scores[len(scores)-1]
			case 'r':
				n, ok := num()
				v, err := strconv.Atoi(n)
				if !ok || err != nil {
					return nil, false
				}
				m.Responses = v
			case 'l':
				switch {
				case len(b)-p >= 4 && string(b[p:p+4]) == "true":
					m.Listened, p = true, p+4
				case len(b)-p >= 5 && string(b[p:p+5]) == "false":
					p += 5
				default:
					return nil, false
				}
			default:
				return nil, false
			}
			seen++
			if eat('}') {
				break
			}
			if !eat(',') || seen > 4 {
				return nil, false
			}
		}
		out = append(out, m)
		if eat(']') {
			return out, p == len(b)
		}
		if !eat(',') {
			return nil, false
		}
	}
}
