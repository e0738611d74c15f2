package insight

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"

	"parcours/model"
	"parcours/model/msg"
)

// WriteText writes r as a report people read, in the current language:
// each stage's averages against the target score, the listening points to
// set up and why, the key touchpoints without lever and what to do instead,
// the peaks and drops of the emotion curve, the first and last touchpoints,
// and how many touchpoints each channel and lane has. Touchpoints, stages
// and lanes are named by their titles and names, with ids in brackets so
// that scripts and the JSON can be matched. j is the journey r was made
// from.
func WriteText(w io.Writer, j *model.Journey, r Report) error {
	if j == nil {
		j = &model.Journey{ID: r.Journey}
	}
	b := bufio.NewWriter(w)
	p := func(key string, args ...any) { b.WriteString(msg.T(key, args...) + "\n") }
	tp := func(id string) string {
		if t := j.Touchpoint(id); t != nil && t.Title != "" {
			return msg.T("insight.text.named", t.Title, id)
		}
		return id
	}
	laneName := func(id string) string {
		if l := j.Lane(id); l != nil && l.Name != "" {
			return l.Name
		}
		return id
	}

	p("insight.text.title", j.Title, j.ID)
	p("insight.text.target", number(j.TargetScore, false))

	b.WriteString("\n")
	p("insight.text.stages")
	if len(r.Stages) == 0 {
		p("insight.text.none")
	}
	for _, s := range r.Stages {
		name := s.Stage
		if st := j.Stage(s.Stage); st != nil && st.Name != "" {
			name = st.Name
		}
		var line string
		switch {
		case s.AverageEmotion == nil:
			line = msg.T("insight.text.stage_empty", name)
		case s.AverageScore == nil:
			line = msg.T("insight.text.stage_unmeasured", name, s.Touchpoints, number(*s.AverageEmotion, true))
		default:
			verdict := msg.T("insight.text.meets", number(j.TargetScore, false))
			if s.BelowTarget {
				verdict = msg.T("insight.text.below", number(j.TargetScore, false))
			}
			line = msg.T("insight.text.stage", name, s.Touchpoints, number(*s.AverageEmotion, true),
				number(*s.AverageScore, false), s.Measured, s.Responses, verdict)
		}
		b.WriteString("  " + line + "\n")
	}

	if r.Reviews >= 2 {
		b.WriteString("\n")
		p("insight.text.review_stages", len(r.Drifts))
		if len(r.Drifts) == 0 {
			p("insight.text.none")
		}
		for _, d := range r.Drifts {
			name := d.Stage
			if st := j.Stage(d.Stage); st != nil && st.Name != "" {
				name = msg.T("insight.text.named", st.Name, d.Stage)
			}
			p("insight.text.drift", name, d.KPI, d.Previous, d.Value, d.Target, d.Since)
		}
	}

	advices := func(head string, as []Advice) {
		b.WriteString("\n")
		p(head, len(as))
		if len(as) == 0 {
			p("insight.text.none")
		}
		for _, a := range as {
			lane := ""
			if t := j.Touchpoint(a.Touchpoint); t != nil {
				lane = laneName(t.Lane)
			}
			p("insight.text.advice", tp(a.Touchpoint), lane)
			b.WriteString("      " + a.Reason + "\n")
		}
	}
	advices("insight.text.listening", r.ListeningPoints)
	advices("insight.text.no_lever", r.NoLever)

	list := func(ids []string) string {
		if len(ids) == 0 {
			return msg.T("insight.text.none_inline")
		}
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = tp(id)
		}
		return strings.Join(names, msg.T("insight.text.sep"))
	}
	b.WriteString("\n")
	p("insight.text.peaks", list(r.Peaks))
	p("insight.text.drops", list(r.Drops))
	if r.First != "" {
		p("insight.text.first", tp(r.First))
		p("insight.text.last", tp(r.Last))
	} else {
		p("insight.text.no_touchpoints")
	}

	var counts []string
	for _, c := range model.Channels {
		if n := r.PerChannel[c]; n > 0 {
			counts = append(counts, msg.T("insight.text.count", msg.T("channel."+string(c)), n))
		}
	}
	var odd []string // channels validation refuses, should one be there
	for c, n := range r.PerChannel {
		if !c.Valid() && n > 0 {
			odd = append(odd, msg.T("insight.text.count", string(c), n))
		}
	}
	slices.Sort(odd)
	counts = append(counts, odd...)
	p("insight.text.per_channel", joinOrNone(counts))
	counts = counts[:0]
	for _, l := range j.Lanes {
		if n := r.PerLane[l.ID]; n > 0 {
			counts = append(counts, msg.T("insight.text.count", laneName(l.ID), n))
		}
	}
	p("insight.text.per_lane", joinOrNone(counts))
	return b.Flush()
}

func joinOrNone(s []string) string {
	if len(s) == 0 {
		return msg.T("insight.text.none_inline")
	}
	return strings.Join(s, ", ")
}

// number writes v the way the current language does (6.75, 6,75), with a
// + sign on positive values when signed.
func number(v float64, signed bool) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if msg.Language() == msg.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	if signed && v > 0 {
		s = "+" + s
	}
	return s
}

// Decimal writes v as reports do in the current language (6.75, 6,75),
// with a + sign on positive values when signed.
func Decimal(v float64, signed bool) string { return number(v, signed) }
