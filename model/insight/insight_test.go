package insight_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

var update = flag.Bool("update", false, "rewrite testdata/livraison.insights.json")

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func f(v float64) *float64 { return &v }

// tp builds a touchpoint in stage s-1 on the owned lane l-own.
func tp(id string, emotion int, ms ...model.Marker) *model.Touchpoint {
	return &model.Touchpoint{ID: id, Stage: "s-1", Lane: "l-own", Title: "Title of " + id,
		Channel: model.ChannelWeb, Emotion: emotion, Markers: model.MarkersOf(ms...)}
}

// journey puts the touchpoints on the timeline in the order given. Stages
// and lanes default to one stage s-1, an owned lane l-own, a partner lane
// l-partner without leverage and a partner lane l-lever with leverage.
func journey(ts ...*model.Touchpoint) *model.Journey {
	j := &model.Journey{ID: "j-test", Title: "Test journey", State: model.Current, TargetScore: 7,
		Stages: []*model.Stage{{ID: "s-1", Name: "Stage one"}},
		Lanes: []*model.Lane{{ID: "l-own", Name: "Our team", Owned: true},
			{ID: "l-partner", Name: "Carrier", Owned: false},
			{ID: "l-lever", Name: "Friendly partner", Owned: false, Leverage: true}}}
	for i, t := range ts {
		t.Order = i + 1
	}
	j.Touchpoints = ts
	return j
}

func readRef(t testing.TB) *model.Document { return modeltest.Reference(t) }

func ids(prefix string, idx []int) []string {
	out := []string{}
	for _, i := range idx {
		out = append(out, prefix+string(rune('a'+i)))
	}
	return out
}

func TestPeaksAndDrops(t *testing.T) {
	cases := []struct {
		name         string
		emotions     []int
		peaks, drops []int // positions on the timeline
	}{
		{"empty journey", nil, nil, nil},
		{"single touchpoint high: no neighbour, never a peak", []int{2}, nil, nil},
		{"single touchpoint low: no neighbour, never a drop", []int{-2}, nil, nil},
		{"two, first higher", []int{1, 0}, []int{0}, nil},
		{"two, last higher", []int{0, 1}, []int{1}, nil},
		{"two equal highs", []int{1, 1}, nil, nil},
		{"two equal lows", []int{-1, -1}, nil, nil},
		{"high then low", []int{2, -2}, []int{0}, []int{1}},
		{"low then less low", []int{-1, 0}, nil, []int{0}},
		{"plateau 1,1,1: none higher than a neighbour", []int{1, 1, 1}, nil, nil},
		{"plateau -1,-1,-1", []int{-1, -1, -1}, nil, nil},
		{"flat top of two: both peaks", []int{0, 2, 2, 0}, []int{1, 2}, nil},
		{"flat bottom of two: both drops", []int{0, -2, -2, 0}, nil, []int{1, 2}},
		{"tie with a higher neighbour at the end", []int{1, 2, 2}, []int{1}, nil},
		{"summit in the middle", []int{1, 2, 1}, []int{1}, nil},
		{"valley: both ends peaks", []int{2, 1, 2}, []int{0, 2}, nil},
		{"below +1 is never a peak", []int{-1, 0, -1}, nil, []int{0, 2}},
		{"above -1 is never a drop", []int{1, 0, 1}, []int{0, 2}, nil},
		{"a higher low between lows", []int{-2, -1, -2}, nil, []int{0, 2}},
		{"first and last", []int{2, 0, 0, 0, 2}, []int{0, 4}, nil},
		{"on a slope, nothing", []int{-2, -1, 0, 1, 2}, []int{4}, []int{0}},
		{"all zero", []int{0, 0, 0}, nil, nil},
		{"the delivery curve", []int{-1, 1, 0, -1, -2, 1, 2, -2, 0, -1, 1},
			[]int{1, 6, 10}, []int{0, 4, 7, 9}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ts []*model.Touchpoint
			for i, e := range c.emotions {
				ts = append(ts, tp("t-"+string(rune('a'+i)), e))
			}
			r := insight.Analyze(journey(ts...))
			if want := ids("t-", c.peaks); !slices.Equal(r.Peaks, want) {
				t.Errorf("peaks %v, want %v", r.Peaks, want)
			}
			if want := ids("t-", c.drops); !slices.Equal(r.Drops, want) {
				t.Errorf("drops %v, want %v", r.Drops, want)
			}
		})
	}
}

// The timeline is by stage, then order; the slice's own order does not count.
func TestTimelineOrder(t *testing.T) {
	a, b, c := tp("t-a", 0), tp("t-b", 2), tp("t-c", 0)
	j := journey(a, b, c)
	j.Stages = append(j.Stages, &model.Stage{ID: "s-2", Name: "Stage two"})
	// t-a is in the second stage: the timeline is b, c, a.
	a.Stage, a.Order, b.Order, c.Order = "s-2", 1, 1, 2
	j.Touchpoints = []*model.Touchpoint{a, c, b}
	r := insight.Analyze(j)
	if !slices.Equal(r.Peaks, []string{"t-b"}) || r.First != "t-b" || r.Last != "t-a" {
		t.Errorf("peaks %v first %q last %q, want [t-b] t-b t-a", r.Peaks, r.First, r.Last)
	}
	if len(r.Drops) != 0 {
		t.Errorf("drops %v", r.Drops)
	}
}

func TestIsKey(t *testing.T) {
	cases := []struct {
		name    string
		emotion int
		markers []model.Marker
		key     bool
		reasons []insight.Reason
	}{
		{"neutral, no marker", 0, nil, false, nil},
		{"enchantment and maker are not key", 2, []model.Marker{model.MarkerEnchantment, model.MarkerMaker}, false, nil},
		{"pain", 0, []model.Marker{model.MarkerPain}, true, []insight.Reason{"pain"}},
		{"truth even when happy", 2, []model.Marker{model.MarkerTruth}, true, []insight.Reason{"truth"}},
		{"breaker", 1, []model.Marker{model.MarkerBreaker}, true, []insight.Reason{"breaker"}},
		{"emotion -1", -1, nil, true, []insight.Reason{"low_emotion"}},
		{"emotion -2", -2, nil, true, []insight.Reason{"low_emotion"}},
		{"emotion 0 is not low", 0, []model.Marker{model.MarkerMaker}, false, nil},
		{"every reason, in contract order whatever the marker order", -2,
			[]model.Marker{model.MarkerBreaker, model.MarkerTruth, model.MarkerEnchantment, model.MarkerPain}, true,
			[]insight.Reason{"pain", "truth", "breaker", "low_emotion"}},
		{"breaker before low emotion", -1, []model.Marker{model.MarkerBreaker}, true,
			[]insight.Reason{"breaker", "low_emotion"}},
		{"truth before breaker", 0, []model.Marker{model.MarkerBreaker, model.MarkerTruth}, true,
			[]insight.Reason{"truth", "breaker"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			key, reasons := insight.IsKey(tp("t-x", c.emotion, c.markers...))
			if key != c.key || !slices.Equal(reasons, c.reasons) {
				t.Errorf("IsKey = %v %v, want %v %v", key, reasons, c.key, c.reasons)
			}
		})
	}
}

func TestListeningAdvice(t *testing.T) {
	cases := []struct {
		name     string
		lane     string
		listened bool
		emotion  int
		markers  []model.Marker
		want     string // "listen", "no_lever" or ""
		text     []string
	}{
		{"owned, pain", "l-own", false, 0, []model.Marker{model.MarkerPain}, "listen",
			[]string{"(pain point)", "lane we own (Our team)", "listening point"}},
		{"owned, already listened", "l-own", true, -2, []model.Marker{model.MarkerPain}, "", nil},
		{"owned, not key", "l-own", false, 1, []model.Marker{model.MarkerMaker}, "", nil},
		{"partner with leverage", "l-lever", false, -1, nil, "listen",
			[]string{"(negative emotion)", "partner's lane (Friendly partner) that acts on our feedback", "share the answers"}},
		{"partner with leverage, listened", "l-lever", true, -1, nil, "", nil},
		{"partner without leverage", "l-partner", false, 0, []model.Marker{model.MarkerTruth}, "no_lever",
			[]string{"(moment of truth)", "partner's lane (Carrier)", "would frustrate customers whose feedback cannot change anything",
				"work with the partner", "its own surveys, contract terms", "causes on our side"}},
		{"partner without leverage, listened: never advised", "l-partner", true, -2,
			[]model.Marker{model.MarkerBreaker}, "", nil},
		{"partner without leverage, not key", "l-partner", false, 2, []model.Marker{model.MarkerEnchantment}, "", nil},
		{"unknown lane counts as ours", "l-nowhere", false, -1, nil, "listen", []string{"lane we own (l-nowhere)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := tp("t-x", c.emotion, c.markers...)
			x.Lane, x.Listened = c.lane, c.listened
			r := insight.Analyze(journey(x))
			var got []insight.Advice
			switch c.want {
			case "listen":
				got = r.ListeningPoints
				if len(r.NoLever) != 0 {
					t.Errorf("no lever %v", r.NoLever)
				}
			case "no_lever":
				got = r.NoLever
				if len(r.ListeningPoints) != 0 {
					t.Errorf("listening points %v", r.ListeningPoints)
				}
			default:
				if len(r.ListeningPoints)+len(r.NoLever) != 0 {
					t.Fatalf("advised: %v %v", r.ListeningPoints, r.NoLever)
				}
				return
			}
			if len(got) != 1 || got[0].Touchpoint != "t-x" {
				t.Fatalf("advice %v", got)
			}
			_, reasons := insight.IsKey(x)
			if !slices.Equal(got[0].Reasons, reasons) {
				t.Errorf("reasons %v, want %v", got[0].Reasons, reasons)
			}
			for _, s := range c.text {
				if !strings.Contains(strings.ToLower(got[0].Reason), strings.ToLower(s)) {
					t.Errorf("reason %q lacks %q", got[0].Reason, s)
				}
			}
		})
	}
}

func TestStageAverages(t *testing.T) {
	scored := func(id string, emotion int, score float64) *model.Touchpoint {
		x := tp(id, emotion)
		x.Score, x.Responses = &score, 10
		return x
	}
	cases := []struct {
		name          string
		ts            []*model.Touchpoint
		emotion, scor *float64
		below         bool
		n, measured   int
	}{
		{"no touchpoints: both null", nil, nil, nil, false, 0, 0},
		{"none measured: score null, not below", []*model.Touchpoint{tp("t-a", -2), tp("t-b", -1)}, f(-1.5), nil, false, 2, 0},
		{"exactly at target is not below", []*model.Touchpoint{scored("t-a", 0, 6), scored("t-b", 0, 8)}, f(0), f(7), false, 2, 2},
		{"just below target", []*model.Touchpoint{scored("t-a", 0, 6.98)}, f(0), f(6.98), true, 1, 1},
		{"below target by rounding only 6.996 → 7.00, not below (the printed value counts)",
			[]*model.Touchpoint{scored("t-a", 0, 6.996)}, f(0), f(7), false, 1, 1},
		{"only measured ones count in the score", []*model.Touchpoint{scored("t-a", 1, 9), tp("t-b", -2), tp("t-c", -2)},
			f(-1), f(9), false, 3, 1},
		{"thirds round to two decimals", []*model.Touchpoint{tp("t-a", 1), tp("t-b", 1), tp("t-c", 0)}, f(0.67), nil, false, 3, 0},
		{"negative thirds", []*model.Touchpoint{tp("t-a", -1), tp("t-b", 0), tp("t-c", 0)}, f(-0.33), nil, false, 3, 0},
		{"2.675 rounds up, not down to 2.67", []*model.Touchpoint{scored("t-a", 0, 2.6), scored("t-b", 0, 2.75)},
			f(0), f(2.68), true, 2, 2},
		{"half away from zero on emotions", []*model.Touchpoint{tp("t-a", -1), tp("t-b", 0)}, f(-0.5), nil, false, 2, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := insight.Analyze(journey(c.ts...))
			if len(r.Stages) != 1 {
				t.Fatalf("%d stages", len(r.Stages))
			}
			s := r.Stages[0]
			if !eqPtr(s.AverageEmotion, c.emotion) || !eqPtr(s.AverageScore, c.scor) || s.BelowTarget != c.below ||
				s.Touchpoints != c.n || s.Measured != c.measured || s.Responses != 10*c.measured {
				t.Errorf("got emotion %v score %v below %v n %d measured %d responses %d; want %v %v %v %d %d %d",
					show(s.AverageEmotion), show(s.AverageScore), s.BelowTarget, s.Touchpoints, s.Measured, s.Responses,
					show(c.emotion), show(c.scor), c.below, c.n, c.measured, 10*c.measured)
			}
		})
	}
}

func eqPtr(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func show(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestRound2(t *testing.T) {
	cases := []struct{ in, want float64 }{
		{2.675, 2.68}, {2.665, 2.67}, {1.005, 1.01}, {0.125, 0.13}, {-2.675, -2.68},
		{1.0 / 3, 0.33}, {2.0 / 3, 0.67}, {-2.0 / 3, -0.67}, {10, 10}, {0, 0}, {6.994999, 6.99},
		{(2.6 + 2.75) / 2, 2.68}, {0.1 + 0.2, 0.3}, {4.445, 4.45},
	}
	for _, c := range cases {
		if got := insight.Round2(c.in); got != c.want {
			t.Errorf("Round2(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := insight.Round2(-0.001); got != 0 || math.Signbit(got) {
		t.Errorf("Round2(-0.001) = %v, want 0 (not -0)", got)
	}
}

func TestQuickWin(t *testing.T) {
	cases := []struct {
		impact, effort int
		want           bool
	}{{4, 2, true}, {3, 2, false}, {4, 3, false}, {5, 1, true}, {5, 2, true}, {4, 1, true}, {5, 5, false}, {1, 1, false}}
	for _, c := range cases {
		if got := insight.QuickWin(&model.Opportunity{Impact: c.impact, Effort: c.effort}); got != c.want {
			t.Errorf("QuickWin(impact %d, effort %d) = %v, want %v", c.impact, c.effort, got, c.want)
		}
	}
}

func TestEmptyJourney(t *testing.T) {
	j := &model.Journey{ID: "j-empty", TargetScore: 7}
	r := insight.Analyze(j)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"journey":"j-empty","stages":[],"listening_points":[],"no_lever":[],"peaks":[],"drops":[]}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
	if r.First != "" || r.Last != "" || len(r.PerChannel) != 0 || len(r.PerLane) != 0 {
		t.Errorf("first %q last %q channels %v lanes %v", r.First, r.Last, r.PerChannel, r.PerLane)
	}
	var out bytes.Buffer
	if err := insight.WriteText(&out, j, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "No touchpoints yet.") {
		t.Errorf("text:\n%s", out.String())
	}

	// Empty stages: null averages, never below target.
	j.Stages = []*model.Stage{{ID: "s-a"}, {ID: "s-b"}}
	b, _ = json.Marshal(insight.Analyze(j))
	const wantStages = `{"journey":"j-empty","stages":[` +
		`{"stage":"s-a","average_emotion":null,"average_score":null,"below_target":false},` +
		`{"stage":"s-b","average_emotion":null,"average_score":null,"below_target":false}],` +
		`"listening_points":[],"no_lever":[],"peaks":[],"drops":[]}`
	if string(b) != wantStages {
		t.Errorf("JSON\n%s\nwant\n%s", b, wantStages)
	}

	if r := insight.Analyze(nil); r.Journey != "" || r.Stages == nil {
		t.Errorf("nil journey: %+v", r)
	}
}

// The delivery example of the reference document, worked out by hand from
// CONTRACTS.md §4. Timeline (order, id, stage, lane, emotion, score,
// listened, markers):
//
//	 1 t-panier       commande  site (owned)       -1  5.5  no   pain
//	 2 t-confirmation commande  crm (owned)        +1  8    yes  -
//	 3 t-preparation  suivi     entrepôt (owned)    0  -    no   -
//	 4 t-page-suivi   suivi     site               -1  4.5  no   pain breaker
//	 5 t-appel-ou     suivi     sav (owned)        -2  3    no   pain truth
//	 6 t-push-jour    livraison transport (partner, no leverage) +1 - no maker
//	 7 t-remise       livraison transport          +2  9    no   truth enchantment
//	 8 t-absent       livraison transport          -2  -    no   pain breaker
//	 9 t-avis         après     crm                 0  6.5  yes  -
//	10 t-retour       après     site               -1  -    no   pain
//	11 t-rembourse    après     sav                +1  7.5  yes  maker
//
// Stages (target 7): commande emotion (-1+1)/2 = 0, score (5.5+8)/2 = 6.75
// below; suivi (0-1-2)/3 = -1, (4.5+3)/2 = 3.75 below; livraison
// (1+2-2)/3 = 0.33, 9 not below; après (0-1+1)/3 = 0, (6.5+7.5)/2 = 7, at
// the target so not below.
// Key and not listened: t-panier [pain low_emotion], t-page-suivi [pain
// breaker low_emotion], t-appel-ou [pain truth low_emotion], t-retour [pain
// low_emotion] on owned lanes → listening points; t-remise [truth] and
// t-absent [pain breaker low_emotion] on the carrier's lane, not owned and
// without leverage → no lever.
// Peaks: t-confirmation (+1 between -1 and 0), t-remise (+2 between +1 and
// -2), t-rembourse (last, +1 after -1); t-push-jour (+1) is not, its
// neighbour t-remise is higher. Drops: t-panier (first, -1 before +1),
// t-appel-ou (-2 between -1 and +1), t-absent (-2 between +2 and 0),
// t-retour (-1 between 0 and +1); t-page-suivi (-1) is not, its neighbour
// t-appel-ou is lower.
func TestDeliveryExample(t *testing.T) {
	d := readRef(t)
	j := d.Journey("j-actuel")
	r := insight.Analyze(j)

	type stage struct {
		id              string
		emotion, score  float64
		below           bool
		n, measured, rs int
	}
	wantStages := []stage{
		{"s-commande", 0, 6.75, true, 2, 2, 212 + 640},
		{"s-suivi", -1, 3.75, true, 3, 2, 188 + 95},
		{"s-livraison", 0.33, 9, false, 3, 1, 57},
		{"s-apres", 0, 7, false, 3, 2, 410 + 73},
	}
	if len(r.Stages) != len(wantStages) {
		t.Fatalf("%d stages", len(r.Stages))
	}
	for i, w := range wantStages {
		s := r.Stages[i]
		if s.Stage != w.id || *s.AverageEmotion != w.emotion || *s.AverageScore != w.score || s.BelowTarget != w.below ||
			s.Touchpoints != w.n || s.Measured != w.measured || s.Responses != w.rs {
			t.Errorf("stage %d: %s %v %v %v %d %d %d, want %+v", i, s.Stage, *s.AverageEmotion, *s.AverageScore,
				s.BelowTarget, s.Touchpoints, s.Measured, s.Responses, w)
		}
	}
	advice := func(as []insight.Advice) map[string][]insight.Reason {
		m := map[string][]insight.Reason{}
		for _, a := range as {
			m[a.Touchpoint] = a.Reasons
		}
		return m
	}
	adviceIDs := func(as []insight.Advice) []string {
		var s []string
		for _, a := range as {
			s = append(s, a.Touchpoint)
		}
		return s
	}
	if got, want := adviceIDs(r.ListeningPoints), []string{"t-panier", "t-page-suivi", "t-appel-ou", "t-retour"}; !slices.Equal(got, want) {
		t.Errorf("listening points %v, want %v", got, want)
	}
	lp := advice(r.ListeningPoints)
	for id, want := range map[string][]insight.Reason{
		"t-panier":     {"pain", "low_emotion"},
		"t-page-suivi": {"pain", "breaker", "low_emotion"},
		"t-appel-ou":   {"pain", "truth", "low_emotion"},
		"t-retour":     {"pain", "low_emotion"},
	} {
		if !slices.Equal(lp[id], want) {
			t.Errorf("%s reasons %v, want %v", id, lp[id], want)
		}
	}
	if got, want := adviceIDs(r.NoLever), []string{"t-remise", "t-absent"}; !slices.Equal(got, want) {
		t.Errorf("no lever %v, want %v", got, want)
	}
	nl := advice(r.NoLever)
	if !slices.Equal(nl["t-remise"], []insight.Reason{"truth"}) ||
		!slices.Equal(nl["t-absent"], []insight.Reason{"pain", "breaker", "low_emotion"}) {
		t.Errorf("no lever reasons %v", nl)
	}
	if want := []string{"t-confirmation", "t-remise", "t-rembourse"}; !slices.Equal(r.Peaks, want) {
		t.Errorf("peaks %v, want %v", r.Peaks, want)
	}
	if want := []string{"t-panier", "t-appel-ou", "t-absent", "t-retour"}; !slices.Equal(r.Drops, want) {
		t.Errorf("drops %v, want %v", r.Drops, want)
	}
	if r.First != "t-panier" || r.Last != "t-rembourse" {
		t.Errorf("first %q last %q", r.First, r.Last)
	}
	wantCh := map[model.Channel]int{"web": 2, "email": 3, "sms": 1, "push": 1, "tracking_page": 1, "phone": 1,
		"face_to_face": 1, "paper": 1}
	if !mapsEqual(r.PerChannel, wantCh) {
		t.Errorf("per channel %v, want %v", r.PerChannel, wantCh)
	}
	wantLane := map[string]int{"l-site": 3, "l-crm": 2, "l-entrepot": 1, "l-transport": 3, "l-sav": 2}
	if !mapsEqual(r.PerLane, wantLane) {
		t.Errorf("per lane %v, want %v", r.PerLane, wantLane)
	}

	// The same, byte for byte, as the golden file (English reasons).
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/livraison.insights.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("JSON differs from %s:\n%s", golden, got)
	}
	// Only the contract's keys, in its order.
	keys := regexp.MustCompile(`"([a-z_]+)":`).FindAllStringSubmatch(string(got), -1)
	var top []string
	for _, k := range keys {
		if !slices.Contains(top, k[1]) {
			top = append(top, k[1])
		}
	}
	wantKeys := []string{"journey", "stages", "stage", "average_emotion", "average_score", "below_target",
		"listening_points", "touchpoint", "reasons", "reason", "no_lever", "peaks", "drops"}
	if !slices.Equal(top, wantKeys) {
		t.Errorf("keys %v, want %v", top, wantKeys)
	}

	// In French, only the reason texts change.
	msg.SetLanguage(msg.French)
	defer msg.SetLanguage(msg.English)
	fr := insight.Analyze(j)
	if !strings.HasPrefix(fr.NoLever[0].Reason, "Moment clé (moment de vérité) sur le couloir d'un prestataire (Transporteur)") ||
		!strings.Contains(fr.NoLever[0].Reason, "frustrerait des clients") {
		t.Errorf("French reason %q", fr.NoLever[0].Reason)
	}
	for i := range fr.NoLever {
		fr.NoLever[i].Reason = r.NoLever[i].Reason
	}
	for i := range fr.ListeningPoints {
		fr.ListeningPoints[i].Reason = r.ListeningPoints[i].Reason
	}
	frJSON, _ := json.MarshalIndent(fr, "", "  ")
	if !bytes.Equal(append(frJSON, '\n'), want) {
		t.Errorf("French report differs beyond its reasons")
	}
}

func mapsEqual[K comparable](a, b map[K]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestWriteText(t *testing.T) {
	d := readRef(t)
	j := d.Journey("j-actuel")
	var out bytes.Buffer
	if err := insight.WriteText(&out, j, insight.Analyze(j)); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"Insights: Recevoir ma commande chez moi sans y penser [j-actuel]",
		"Target experience score: 7/10",
		"Commande — touchpoints: 2; average emotion: 0; average score: 6.75 (measured: 2, responses: 852), below the target 7",
		"Livraison — touchpoints: 3; average emotion: +0.33; average score: 9 (measured: 1, responses: 57), at or above the target 7",
		"Après-livraison — touchpoints: 3; average emotion: 0; average score: 7 (measured: 2, responses: 483), at or above the target 7",
		"Listening points to set up: 4",
		"  - Page de suivi 📦 [t-page-suivi] — Site e-commerce\n      Key moment (pain point, breaker, negative emotion)",
		"Key moments without lever (no survey there, act otherwise): 2",
		"  - Avis de passage (client absent) [t-absent] — Transporteur\n",
		"look for the causes on our side",
		"Emotional peaks to reinforce: E-mail de confirmation [t-confirmation]; Remise du colis en main propre [t-remise]; Remboursement confirmé [t-rembourse]",
		"Drops to remove: Choix du créneau au panier [t-panier]; Appel « où est mon colis ? » [t-appel-ou]; Avis de passage (client absent) [t-absent]; Demande de retour en ligne [t-retour]",
		"First touchpoint: Choix du créneau au panier [t-panier]",
		"Last touchpoint: Remboursement confirmé [t-rembourse]",
		"Touchpoints per channel: Website (2), E-mail (3), SMS (1), Push (1), Tracking page (1), Phone (1), Face to face (1), Paper (1)",
		"Touchpoints per lane: Site e-commerce (3), Marketing CRM (2), Entrepôt (1), Transporteur (3), Service client (2)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}

	msg.SetLanguage(msg.French)
	defer msg.SetLanguage(msg.English)
	out.Reset()
	if err := insight.WriteText(&out, j, insight.Analyze(j)); err != nil {
		t.Fatal(err)
	}
	text = out.String()
	for _, want := range []string{
		"Enseignements : Recevoir ma commande chez moi sans y penser [j-actuel]",
		"Commande — points de contact : 2 ; émotion moyenne : 0 ; note moyenne : 6,75 (mesurés : 2, réponses : 852), sous la cible 7",
		"émotion moyenne : +0,33",
		"Points d'écoute à mettre en place : 4",
		"Pics émotionnels à renforcer : E-mail de confirmation [t-confirmation] ; Remise du colis",
		"Points de contact par canal : Site web (2), E-mail (3)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("French text lacks %q:\n%s", want, text)
		}
	}
}

func TestWriteTextStageCases(t *testing.T) {
	x := tp("t-a", -1)
	j := journey(x)
	j.Stages = append(j.Stages, &model.Stage{ID: "s-2", Name: "Stage two"})
	var out bytes.Buffer
	if err := insight.WriteText(&out, j, insight.Analyze(j)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Stage one — touchpoints: 1; average emotion: -1; average score: not measured",
		"Stage two — no touchpoints",
		"Emotional peaks to reinforce: none",
		"Drops to remove: none", // a single touchpoint has no neighbour
		"First touchpoint: Title of t-a [t-a]",
		"Key moments without lever (no survey there, act otherwise): 0\n  (none)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, out.String())
		}
	}
}

// Every message of these packages has both languages and the same
// formatting verbs in each.
func TestMessages(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	n := 0
	for _, k := range msg.Keys() {
		if !strings.HasPrefix(k, "insight.") && !strings.HasPrefix(k, "survey.") {
			continue
		}
		n++
		en, fr := msg.Pair(k)
		if en == "" || fr == "" {
			t.Errorf("%s: missing a language", k)
		}
		if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(fr, -1); !slices.Equal(a, b) {
			t.Errorf("%s: verbs %v in English, %v in French", k, a, b)
		}
	}
	if n < 40 {
		t.Errorf("only %d insight and survey messages", n)
	}
	for _, c := range model.Channels {
		if !msg.Has("channel." + string(c)) {
			t.Errorf("no message channel.%s", c)
		}
	}
}

func BenchmarkAnalyze1000(b *testing.B) { benchAnalyze(b, 1000) }

// BenchmarkAnalyze20000: the window lays a journey out with its insights
// after every edit.
func BenchmarkAnalyze20000(b *testing.B) { benchAnalyze(b, 20000) }

func benchAnalyze(b *testing.B, n int) {
	j := modeltest.Generated(n, 6, 8).Journeys[0]
	b.ReportAllocs()
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		insight.Analyze(j)
	}
}

func TestWriteTextNilJourney(t *testing.T) {
	var out bytes.Buffer
	if err := insight.WriteText(&out, nil, insight.Analyze(nil)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "No touchpoints yet.") {
		t.Errorf("text:\n%s", out.String())
	}
}
