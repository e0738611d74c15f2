// Package insight owns what Parcours concludes from a journey map, by the
// rules of CONTRACTS.md §4: the emotion curve's peaks and drops, the key
// touchpoints and where to put listening points (surveys) on them, the key
// touchpoints where a survey would be useless because no one can act on the
// answers, the stage averages against the journey's target score, and quick
// wins. It reads the model and changes nothing; it does no I/O beyond
// writing a report to the writer it is given.
//
// Decisions where the contract is silent:
//   - A touchpoint with no neighbour (the only one of its journey) is never a
//     peak or a drop: the rule asks it to be higher (lower) than at least one
//     neighbour.
//   - On a plateau, the rule is read literally: in 0, 2, 2, 0 both 2s are
//     peaks (each is not lower than either neighbour and higher than one);
//     in 1, 1, 1 none is.
//   - Averages are plain means of touchpoints (a stage score is not weighted
//     by the number of survey responses behind each touchpoint). They are
//     rounded by Round2; below_target compares the rounded value, the one
//     printed.
//   - A touchpoint whose lane is unknown (validation forbids it) is treated
//     as on an owned lane.
//   - A listened touchpoint is never advised, whatever its lane.
package insight

import (
	"math"
	"slices"
	"strings"

	"parcours/model"
	"parcours/model/msg"
)

// Reason is why a touchpoint is a key touchpoint.
type Reason string

// Reason codes, in the order they are listed.
const (
	ReasonPain       Reason = "pain"
	ReasonTruth      Reason = "truth"
	ReasonBreaker    Reason = "breaker"
	ReasonLowEmotion Reason = "low_emotion"
)

// Advice is a key touchpoint without a listening point yet, with what to do about it.
type Advice struct {
	Touchpoint string
	Reasons    []Reason
	// Reason is the advice in plain words, in the language messages were
	// made in when Analyze ran.
	Reason string
}

// StageInsight sums up one stage.
type StageInsight struct {
	Stage string
	// AverageEmotion and AverageScore are rounded to two decimals; nil when
	// the stage has no touchpoint, or no measured touchpoint.
	AverageEmotion, AverageScore *float64
	BelowTarget                  bool
	Touchpoints                  int // touchpoints in the stage
	Measured                     int // those with a score
	Responses                    int // survey answers behind the measured scores
}

// Report is everything Analyze concludes about one journey. Lists of
// touchpoints are in timeline order.
type Report struct {
	Journey         string
	Stages          []StageInsight // in stage order
	ListeningPoints []Advice       // key, not listened, on a lane we can act on
	NoLever         []Advice       // key, not listened, on a partner's lane without leverage
	Peaks, Drops    []string
	First, Last     string // first and last touchpoint ids on the timeline, "" when none
	PerChannel      map[model.Channel]int
	PerLane         map[string]int // by lane id
	// Drifts are the KPIs that moved away from their target between the
	// journey's last two reviews: "review this stage".
	Drifts  []Drift
	Reviews int // how many reviews the journey has
}

// Analyze applies the insight rules to j. It does not change j.
func Analyze(j *model.Journey) Report {
	r := Report{Stages: []StageInsight{}, ListeningPoints: []Advice{}, NoLever: []Advice{},
		Peaks: []string{}, Drops: []string{}, PerChannel: map[model.Channel]int{}, PerLane: map[string]int{}}
	if j == nil {
		return r
	}
	r.Journey = j.ID
	r.Drifts, r.Reviews = Drifts(j), len(j.Reviews)
	tl := model.TimelineOf(j)
	if len(tl) > 0 {
		r.First, r.Last = tl[0].ID, tl[len(tl)-1].ID
	}

	type sums struct {
		emotion, score       float64
		n, measured, answers int
	}
	byStage := make(map[string]*sums, len(j.Stages))
	for _, s := range j.Stages {
		byStage[s.ID] = &sums{}
	}
	lanes := make(map[string]*model.Lane, len(j.Lanes))
	for _, l := range j.Lanes {
		lanes[l.ID] = l
	}

	// Advice says the same thing of many touchpoints: its text is put
	// together once per reasons, lane and rule.
	type adviceKey struct {
		rule    string
		reasons uint8 // a bit per reason
		lane    *model.Lane
		laneID  string // for a touchpoint on no known lane
	}
	said := map[adviceKey]string{}
	advise := func(t *model.Touchpoint, rs []Reason, l *model.Lane, rule string) Advice {
		k := adviceKey{rule: rule, lane: l}
		for _, r := range rs {
			k.reasons |= 1 << slices.Index(reasonOrder, r)
		}
		if l == nil {
			k.laneID = t.Lane
		}
		text, ok := said[k]
		if !ok {
			text = advice(t, rs, l, rule).Reason
			said[k] = text
		}
		return Advice{Touchpoint: t.ID, Reasons: rs, Reason: text}
	}
	for i, t := range tl {
		r.PerChannel[t.Channel]++
		r.PerLane[t.Lane]++
		if s := byStage[t.Stage]; s != nil {
			s.n++
			s.emotion += float64(t.Emotion)
			if t.Score != nil {
				s.measured++
				s.score += *t.Score
				s.answers += t.Responses
			}
		}
		switch curve(tl, i) {
		case 1:
			r.Peaks = append(r.Peaks, t.ID)
		case -1:
			r.Drops = append(r.Drops, t.ID)
		}
		key, reasons := IsKey(t)
		if !key || t.Listened {
			continue
		}
		l := lanes[t.Lane]
		switch {
		case l == nil || l.Owned:
			r.ListeningPoints = append(r.ListeningPoints, advise(t, reasons, l, "insight.advice.owned"))
		case l.Leverage:
			r.ListeningPoints = append(r.ListeningPoints, advise(t, reasons, l, "insight.advice.leverage"))
		default:
			r.NoLever = append(r.NoLever, advise(t, reasons, l, "insight.advice.no_lever"))
		}
	}

	for _, st := range j.Stages {
		s := byStage[st.ID]
		si := StageInsight{Stage: st.ID, Touchpoints: s.n, Measured: s.measured, Responses: s.answers}
		if s.n > 0 {
			si.AverageEmotion = ptr(Round2(s.emotion / float64(s.n)))
		}
		if s.measured > 0 {
			si.AverageScore = ptr(Round2(s.score / float64(s.measured)))
			si.BelowTarget = *si.AverageScore < j.TargetScore
		}
		r.Stages = append(r.Stages, si)
	}
	return r
}

// curve tells whether the touchpoint at i of the timeline is a peak (1), a
// drop (-1) or neither (0).
func curve(tl []*model.Touchpoint, i int) int {
	e := tl[i].Emotion
	var around [2]int
	nb := around[:0]
	if i > 0 {
		nb = append(nb, tl[i-1].Emotion)
	}
	if i+1 < len(tl) {
		nb = append(nb, tl[i+1].Emotion)
	}
	if len(nb) == 0 {
		return 0
	}
	notLower, notHigher, higher, lower := true, true, false, false
	for _, n := range nb {
		notLower = notLower && e >= n
		notHigher = notHigher && e <= n
		higher = higher || e > n
		lower = lower || e < n
	}
	switch {
	case e >= 1 && notLower && higher:
		return 1
	case e <= -1 && notHigher && lower:
		return -1
	}
	return 0
}

// IsKey reports whether t is a key touchpoint (a pain, truth or breaker
// marker, or an emotion of −1 or less) and why, in the order pain, truth,
// breaker, low_emotion. The list is shared by every touchpoint with the
// same reasons: read it, do not change it.
func IsKey(t *model.Touchpoint) (bool, []Reason) {
	var set uint8
	if t.Markers.Has(model.MarkerPain) {
		set |= 1
	}
	if t.Markers.Has(model.MarkerTruth) {
		set |= 2
	}
	if t.Markers.Has(model.MarkerBreaker) {
		set |= 4
	}
	if t.Emotion <= -1 {
		set |= 8
	}
	return set != 0, slices.Clip(reasonSets[set])
}

// reasonSets holds every list of reasons IsKey gives, by its bits in
// reasonOrder: a big map's thousands of key moments share sixteen lists.
var reasonSets = func() (sets [16][]Reason) {
	for set := range sets {
		for i, r := range reasonOrder {
			if set&(1<<i) != 0 {
				sets[set] = append(sets[set], r)
			}
		}
	}
	return sets
}()

// QuickWin reports whether an opportunity is a quick win: impact 4 or more
// for an effort of 2 or less.
func QuickWin(o *model.Opportunity) bool { return o.Impact >= 4 && o.Effort <= 2 }

// Round2 rounds x to two decimals, half away from zero, as a person would
// round the decimal number x stands for: x is first brought to the nearest
// millionth, which absorbs binary noise (2.675 is held as 2.67499999…, and
// still rounds to 2.68), then rounded to hundredths. It never returns −0.
func Round2(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	if math.Abs(x) >= 1e9 {
		return math.Round(x*100) / 100
	}
	micro := math.Round(x * 1e6)
	h := math.Floor((math.Abs(micro) + 5000) / 10000)
	if micro < 0 {
		h = -h
	}
	if h == 0 {
		return 0
	}
	return h / 100
}

func ptr(f float64) *float64 { return &f }

// ReasonText names a reason in the current language ("pain point").
func ReasonText(r Reason) string { return msg.T("insight.reason." + string(r)) }

// reasonOrder lists the reasons in the order IsKey gives them.
var reasonOrder = []Reason{ReasonPain, ReasonTruth, ReasonBreaker, ReasonLowEmotion}

func reasonList(rs []Reason) string {
	words := make([]string, len(rs))
	for i, r := range rs {
		words[i] = ReasonText(r)
	}
	return strings.Join(words, ", ")
}

func advice(t *model.Touchpoint, rs []Reason, l *model.Lane, key string) Advice {
	lane := t.Lane
	if l != nil && l.Name != "" {
		lane = l.Name
	}
	return Advice{Touchpoint: t.ID, Reasons: rs, Reason: msg.T(key, reasonList(rs), lane)}
}

// The wire types fix the keys and their order (CONTRACTS.md §4).
type (
	wReport struct {
		Journey         string    `json:"journey"`
		Stages          []wStage  `json:"stages"`
		ListeningPoints []wAdvice `json:"listening_points"`
		NoLever         []wAdvice `json:"no_lever"`
		Peaks           []string  `json:"peaks"`
		Drops           []string  `json:"drops"`
		// Added with reviews (issue 13); absent when no KPI drifted.
		ReviewStages []wDrift `json:"review_stages,omitempty"`
	}
	wDrift struct {
		Stage    string `json:"stage"`
		KPI      string `json:"kpi"`
		Previous string `json:"previous"`
		Value    string `json:"value"`
		Target   string `json:"target"`
		Since    string `json:"since"`
		Date     string `json:"date"`
	}
	wStage struct {
		Stage          string   `json:"stage"`
		AverageEmotion *float64 `json:"average_emotion"`
		AverageScore   *float64 `json:"average_score"`
		BelowTarget    bool     `json:"below_target"`
	}
	wAdvice struct {
		Touchpoint string   `json:"touchpoint"`
		Reasons    []Reason `json:"reasons"`
		Reason     string   `json:"reason"`
	}
)

// MarshalJSON writes the report as `parcours insights --format json` prints
// it: the keys of CONTRACTS.md §4 only, in that order, empty lists as [].
func (r Report) MarshalJSON() ([]byte, error) {
	w := wReport{Journey: r.Journey, Stages: make([]wStage, 0, len(r.Stages)),
		ListeningPoints: wireAdvice(r.ListeningPoints), NoLever: wireAdvice(r.NoLever),
		Peaks: orEmpty(r.Peaks), Drops: orEmpty(r.Drops)}
	for _, s := range r.Stages {
		w.Stages = append(w.Stages, wStage{Stage: s.Stage, AverageEmotion: s.AverageEmotion,
			AverageScore: s.AverageScore, BelowTarget: s.BelowTarget})
	}
	for _, d := range r.Drifts {
		w.ReviewStages = append(w.ReviewStages, wDrift(d))
	}
	return model.PlainJSON(w)
}

func wireAdvice(as []Advice) []wAdvice {
	out := make([]wAdvice, 0, len(as))
	for _, a := range as {
		out = append(out, wAdvice{Touchpoint: a.Touchpoint, Reasons: orEmpty(a.Reasons), Reason: a.Reason})
	}
	return out
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
