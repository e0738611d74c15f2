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
		if l := ChangeLine(c); l != "" {
			b.WriteString(l + "\n")
		}
	}
	return b.Flush()
}

// ChangeLine is the line of the text report (WriteText) that tells c, in
// the current language and without a line break: indented by two spaces,
// a sign (+ added, - removed, > moved, ~ emotion, * otherwise changed),
// the touchpoint by title with its ids in brackets, and what happened. It
// is "" for a kind it does not know.
func ChangeLine(c Change) string {
	name := msg.T("compare.text.pair", c.Title, c.Current, c.Target)
	switch c.Kind {
	case Added:
		return msg.T("compare.text.added", msg.T("compare.text.named", c.Title, c.Target), stage(c.ToStage), signed(c.ToEmotion))
	case Removed:
		return msg.T("compare.text.removed", msg.T("compare.text.named", c.Title, c.Current), stage(c.FromStage), signed(c.FromEmotion))
	case Moved:
		if c.FromStage != c.ToStage {
			return msg.T("compare.text.moved", name, stage(c.FromStage), stage(c.ToStage))
		}
		return msg.T("compare.text.moved_within", name, stage(c.ToStage))
	case Emotion:
		return msg.T("compare.text.emotion", name, signed(c.FromEmotion), signed(c.ToEmotion))
	case Changed:
		words := make([]string, len(c.Fields))
		for i, f := range c.Fields {
			words[i] = msg.T("compare.field." + f)
			if f == FieldTitle {
				words[i] = msg.T("compare.text.was_title", c.FromTitle)
			}
		}
		return msg.T("compare.text.changed", name, strings.Join(words, ", "))
	}
	return ""
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
