package compare

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"parcours/model/insight"
	"parcours/model/msg"
)

// WriteText writes r as a report people read, in the current language: the
// two journeys, how many touchpoints each has and their average emotion,
// how many changes of each kind, then every change in target timeline
// order. Touchpoints are named by title with their ids in brackets.
func WriteText(w io.Writer, r Result) error {
	b := bufio.NewWriter(w)
	p := func(key string, args ...any) { b.WriteString(msg.T(key, args...) + "\n") }

	p("compare.text.title", r.CurrentTitle, r.Current, r.TargetTitle, r.Target)
	p("compare.text.summary", len(r.CurrentCurve), len(r.TargetCurve), average(r.CurrentCurve), average(r.TargetCurve))
	p("compare.text.counts", r.Count(Added), r.Count(Removed), r.Count(Moved), r.Count(Emotion), r.Count(Changed))
	if len(r.Changes) == 0 {
		p("compare.text.none")
	}
	for _, c := range r.Changes {
		name := msg.T("compare.text.pair", c.Title, c.Current, c.Target)
		switch c.Kind {
		case Added:
			p("compare.text.added", msg.T("compare.text.named", c.Title, c.Target), stage(c.ToStage), signed(c.ToEmotion))
		case Removed:
			p("compare.text.removed", msg.T("compare.text.named", c.Title, c.Current), stage(c.FromStage), signed(c.FromEmotion))
		case Moved:
			if c.FromStage != c.ToStage {
				p("compare.text.moved", name, stage(c.FromStage), stage(c.ToStage))
			} else {
				p("compare.text.moved_within", name, stage(c.ToStage))
			}
		case Emotion:
			p("compare.text.emotion", name, signed(c.FromEmotion), signed(c.ToEmotion))
		case Changed:
			words := make([]string, len(c.Fields))
			for i, f := range c.Fields {
				words[i] = msg.T("compare.field." + f)
				if f == FieldTitle {
					words[i] = msg.T("compare.text.was_title", c.FromTitle)
				}
			}
			p("compare.text.changed", name, strings.Join(words, ", "))
		}
	}
	return b.Flush()
}

func stage(name string) string {
	if name == "" {
		return msg.T("compare.text.unnamed")
	}
	return name
}

// signed writes an emotion with its sign: -1, 0, +2.
func signed(e int) string {
	if e > 0 {
		return "+" + strconv.Itoa(e)
	}
	return strconv.Itoa(e)
}

// average is the curve's mean emotion rounded to two decimals, signed, in
// the current language's decimal mark.
func average(ps []Point) string {
	if len(ps) == 0 {
		return msg.T("compare.text.no_average")
	}
	sum := 0
	for _, p := range ps {
		sum += p.Emotion
	}
	v := insight.Round2(float64(sum) / float64(len(ps)))
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if msg.Language() == msg.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	if v > 0 {
		s = "+" + s
	}
	return s
}
