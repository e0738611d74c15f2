package compare_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/compare"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func readRef(t testing.TB) *model.Document { return modeltest.Reference(t) }

// brief writes a change compactly, for tables worked out by hand.
func brief(c compare.Change) string {
	switch c.Kind {
	case compare.Added:
		return fmt.Sprintf("+ %s (%s, %d)", c.Target, c.ToStage, c.ToEmotion)
	case compare.Removed:
		return fmt.Sprintf("- %s (%s, %d)", c.Current, c.FromStage, c.FromEmotion)
	case compare.Moved:
		return fmt.Sprintf("> %s→%s %s→%s", c.Current, c.Target, c.FromStage, c.ToStage)
	case compare.Emotion:
		return fmt.Sprintf("~ %s→%s %d→%d", c.Current, c.Target, c.FromEmotion, c.ToEmotion)
	case compare.Changed:
		return fmt.Sprintf("* %s→%s %s", c.Current, c.Target, strings.Join(c.Fields, ","))
	}
	return "?" + string(c.Kind)
}

func briefs(r compare.Result) []string {
	out := []string{}
	for _, c := range r.Changes {
		out = append(out, brief(c))
	}
	return out
}

// tp is a touchpoint spec: "id stage title emotion [origin]" is too
// fragile with spaces in titles, hence a struct.
type tp struct {
	id, stage, title string
	emotion          int
	origin           string
}

// journey builds a journey with the given stage names (ids are the
// journey id, "-", the name, so that they differ between journeys) and
// one lane "Équipe"; touchpoints go on the timeline in the order given,
// which must follow the stage order.
func journey(id string, stages []string, ts ...tp) *model.Journey {
	j := &model.Journey{ID: id, Title: "Journey " + id, Lanes: []*model.Lane{{ID: id + "-lane", Name: "Équipe", Owned: true}}}
	for _, s := range stages {
		j.Stages = append(j.Stages, &model.Stage{ID: id + "-" + s, Name: s})
	}
	for i, t := range ts {
		j.Touchpoints = append(j.Touchpoints, &model.Touchpoint{ID: t.id, Stage: id + "-" + t.stage, Lane: id + "-lane",
			Order: i + 1, Title: t.title, Channel: model.ChannelWeb, Emotion: t.emotion, Origin: t.origin})
	}
	j.Timeline()
	return j
}

var s12 = []string{"S1", "S2"}

func TestCompare(t *testing.T) {
	ref := readRef(t)
	for _, c := range []struct {
		name            string
		current, target *model.Journey
		want            []string
	}{
		{"delivery example, worked out by hand from testdata/livraison.json",
			ref.Journey("j-actuel"), ref.Journey("j-cible"), []string{
				"~ t-panier→ct-panier -1→1",
				"* t-panier→ct-panier title,markers",
				"~ t-page-suivi→ct-page-suivi -1→1",
				"* t-page-suivi→ct-page-suivi title,markers",
				"- t-appel-ou (Suivi, -2)",
				"+ ct-sms-livreur (Livraison, 2)",
				"~ t-absent→ct-absent -2→-1",
				"* t-absent→ct-absent title,markers",
				"~ t-retour→ct-retour -1→1",
				"* t-retour→ct-retour title,markers",
			}},
		{"the other way round: origins link current to target",
			ref.Journey("j-cible"), ref.Journey("j-actuel"), []string{
				"~ ct-panier→t-panier 1→-1",
				"* ct-panier→t-panier title,markers",
				"~ ct-page-suivi→t-page-suivi 1→-1",
				"* ct-page-suivi→t-page-suivi title,markers",
				"+ t-appel-ou (Suivi, -2)",
				"- ct-sms-livreur (Livraison, 2)",
				"~ ct-absent→t-absent -1→-2",
				"* ct-absent→t-absent title,markers",
				"~ ct-retour→t-retour 1→-1",
				"* ct-retour→t-retour title,markers",
			}},
		{"a journey against itself",
			ref.Journey("j-actuel"), ref.Journey("j-actuel"), []string{}},
		{"both empty", &model.Journey{ID: "a"}, &model.Journey{ID: "b"}, []string{}},
		{"nil journeys", nil, nil, []string{}},
		{"empty target: all removed, in order",
			journey("a", s12, tp{"t1", "S1", "Un", -1, ""}, tp{"t2", "S2", "Deux", 1, ""}),
			journey("b", s12), []string{"- t1 (S1, -1)", "- t2 (S2, 1)"}},
		{"empty current: all added, in order",
			nil, journey("b", s12, tp{"u1", "S1", "Un", 0, ""}, tp{"u2", "S2", "Deux", 2, ""}),
			[]string{"+ u1 (S1, 0)", "+ u2 (S2, 2)"}},
		{"no origin links: paired by title (trimmed, NFC)",
			journey("a", s12, tp{"t1", "S1", "Commande", 0, ""}, tp{"t2", "S1", "Créneau", -1, ""}, tp{"t3", "S2", "Appel", -2, ""}),
			journey("b", s12, tp{"u1", "S1", " Commande ", 0, ""}, tp{"u2", "S1", "Cre\u0301neau", 1, ""}, tp{"u3", "S2", "SMS", 2, ""}),
			[]string{"~ t2→u2 -1→1", "- t3 (S2, -2)", "+ u3 (S2, 2)"}},
		{"title matching is case-sensitive",
			journey("a", s12, tp{"t1", "S1", "appel", 0, ""}),
			journey("b", s12, tp{"u1", "S1", "Appel", 0, ""}),
			[]string{"- t1 (S1, 0)", "+ u1 (S1, 0)"}},
		{"origin wins over title",
			journey("a", s12, tp{"t1", "S1", "Appel", 0, ""}, tp{"t2", "S1", "SMS", 0, ""}),
			journey("b", s12, tp{"u1", "S1", "SMS", 0, "t1"}, tp{"u2", "S1", "Appel", 0, "t2"}),
			[]string{"* t1→u1 title", "* t2→u2 title"}},
		{"moved to another stage, by name",
			journey("a", s12, tp{"t1", "S1", "Un", 0, ""}, tp{"t2", "S1", "Deux", 0, ""}, tp{"t3", "S2", "Trois", 0, ""}),
			journey("b", s12, tp{"u1", "S1", "Un", 0, "t1"}, tp{"u3", "S1", "Trois", 1, "t3"}, tp{"u2", "S2", "Deux", 0, "t2"}),
			[]string{"> t3→u3 S2→S1", "~ t3→u3 0→1", "> t2→u2 S1→S2"}},
		{"moved within a stage: only the one off the longest run",
			journey("a", []string{"S1"}, tp{"t1", "S1", "A", 0, ""}, tp{"t2", "S1", "B", 0, ""}, tp{"t3", "S1", "C", 0, ""}, tp{"t4", "S1", "D", 0, ""}),
			journey("b", []string{"S1"}, tp{"u4", "S1", "D", 0, "t4"}, tp{"u1", "S1", "A", 0, "t1"}, tp{"u2", "S1", "B", 0, "t2"}, tp{"u3", "S1", "C", 0, "t3"}),
			[]string{"> t4→u4 S1→S1"}},
		{"added and removed touchpoints do not make the others move",
			journey("a", []string{"S1"}, tp{"t1", "S1", "A", 0, ""}, tp{"t2", "S1", "B", 0, ""}, tp{"t3", "S1", "C", 0, ""}),
			journey("b", []string{"S1"}, tp{"u0", "S1", "New", 0, ""}, tp{"u1", "S1", "A", 0, "t1"}, tp{"u3", "S1", "C", 0, "t3"}),
			[]string{"+ u0 (S1, 0)", "- t2 (S1, 0)"}},
		{"reordered stages move no touchpoint",
			journey("a", s12, tp{"t1", "S1", "A", 0, ""}, tp{"t2", "S2", "B", 0, ""}),
			journey("b", []string{"S2", "S1"}, tp{"u2", "S2", "B", 0, "t2"}, tp{"u1", "S1", "A", 0, "t1"}),
			[]string{}},
		{"a renamed stage moves its touchpoints",
			journey("a", s12, tp{"t1", "S1", "A", 0, ""}, tp{"t2", "S2", "B", 0, ""}),
			journey("b", []string{"S1", "Après"}, tp{"u1", "S1", "A", 0, "t1"}, tp{"u2", "Après", "B", 0, "t2"}),
			[]string{"> t2→u2 S2→Après"}},
		{"removed first: before everything; removed last: at the end",
			journey("a", []string{"S1"}, tp{"t0", "S1", "Gone", -2, ""}, tp{"t1", "S1", "A", 0, ""}, tp{"t2", "S1", "Gone too", -1, ""}),
			journey("b", []string{"S1"}, tp{"u9", "S1", "New", 2, ""}, tp{"u1", "S1", "A", 0, "t1"}),
			[]string{"- t0 (S1, -2)", "+ u9 (S1, 2)", "- t2 (S1, -1)"}},
		{"duplicate titles pair in timeline order; the extra one is added",
			journey("a", s12, tp{"t1", "S1", "Relance", -1, ""}, tp{"t2", "S2", "Relance", -2, ""}),
			journey("b", s12, tp{"u1", "S1", "Relance", 0, ""}, tp{"u2", "S2", "Relance", -2, ""}, tp{"u3", "S2", "Relance", 1, ""}),
			[]string{"~ t1→u1 -1→0", "+ u3 (S2, 1)"}},
		{"two copies of one touchpoint: the first is its pair",
			journey("a", []string{"S1"}, tp{"t1", "S1", "A", 0, ""}),
			journey("b", []string{"S1"}, tp{"u1", "S1", "A", 1, "t1"}, tp{"u2", "S1", "A", 0, "t1"}),
			[]string{"~ t1→u1 0→1", "+ u2 (S1, 0)"}},
		{"an origin that is not in the current journey falls back to the title",
			journey("a", []string{"S1"}, tp{"t1", "S1", "A", 0, ""}),
			journey("b", []string{"S1"}, tp{"u1", "S1", "A", 0, "elsewhere"}),
			[]string{}},
		{"empty titles never pair by title",
			journey("a", []string{"S1"}, tp{"t1", "S1", "", 0, ""}),
			journey("b", []string{"S1"}, tp{"u1", "S1", " ", 0, ""}),
			[]string{"- t1 (S1, 0)", "+ u1 (S1, 0)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := briefs(compare.Compare(c.current, c.target))
			if !slices.Equal(got, c.want) {
				t.Errorf("changes\n got  %q\n want %q", got, c.want)
			}
		})
	}
}

func TestDeliveryDetails(t *testing.T) {
	d := readRef(t)
	target := d.Journey("j-cible")
	current := compare.Source(d, target)
	if current == nil || current.ID != "j-actuel" {
		t.Fatalf("Source(j-cible) = %v, want j-actuel", current)
	}
	if compare.Source(d, current) != nil {
		t.Error("j-actuel has no origin, yet has a source")
	}
	if ft := compare.FirstTarget(d); ft != target {
		t.Errorf("FirstTarget = %v", ft)
	}
	r := compare.Compare(current, target)
	if r.Current != "j-actuel" || r.Target != "j-cible" || r.TargetTitle != target.Title {
		t.Errorf("journeys %q %q %q", r.Current, r.Target, r.TargetTitle)
	}
	first := r.Changes[0]
	want := compare.Change{Kind: compare.Emotion, Current: "t-panier", Target: "ct-panier",
		Title: "Créneaux du soir et du samedi", FromTitle: "Choix du créneau au panier",
		FromStage: "Commande", ToStage: "Commande", FromEmotion: -1, ToEmotion: 1}
	if fmt.Sprint(first) != fmt.Sprint(want) {
		t.Errorf("first change\n got  %+v\n want %+v", first, want)
	}
	removed := r.Changes[4]
	if removed.Title != "Appel « où est mon colis ? »" || removed.Target != "" || removed.FromTitle != "" {
		t.Errorf("removed %+v", removed)
	}
	counts := map[compare.ChangeKind]int{compare.Added: 1, compare.Removed: 1, compare.Moved: 0, compare.Emotion: 4, compare.Changed: 4}
	for k, n := range counts {
		if r.Count(k) != n {
			t.Errorf("%s: %d, want %d", k, r.Count(k), n)
		}
	}

	// Curves: one point per touchpoint in timeline order, with the pair.
	if len(r.CurrentCurve) != 11 || len(r.TargetCurve) != 11 {
		t.Fatalf("curves of %d and %d points", len(r.CurrentCurve), len(r.TargetCurve))
	}
	var cur, tgt []int
	for i, p := range r.CurrentCurve {
		cur = append(cur, p.Emotion)
		if p.Order != i+1 {
			t.Errorf("current point %d has order %d", i, p.Order)
		}
	}
	for _, p := range r.TargetCurve {
		tgt = append(tgt, p.Emotion)
	}
	if want := []int{-1, 1, 0, -1, -2, 1, 2, -2, 0, -1, 1}; !slices.Equal(cur, want) {
		t.Errorf("current curve %v, want %v", cur, want)
	}
	if want := []int{1, 1, 0, 1, 1, 2, 2, -1, 0, 1, 1}; !slices.Equal(tgt, want) {
		t.Errorf("target curve %v, want %v", tgt, want)
	}
	if p := r.CurrentCurve[4]; p.Touchpoint != "t-appel-ou" || p.Pair != "" {
		t.Errorf("t-appel-ou point %+v", p)
	}
	if p := r.TargetCurve[5]; p.Touchpoint != "ct-sms-livreur" || p.Pair != "" || p.Title != "SMS du livreur 30 min avant" {
		t.Errorf("ct-sms-livreur point %+v", p)
	}
	if p := r.TargetCurve[0]; p.Pair != "t-panier" {
		t.Errorf("ct-panier point %+v", p)
	}
}

// A duplicate is identical to its source; each edit then shows.
func TestDuplicateThenEdit(t *testing.T) {
	d := readRef(t)
	tgt := d.Duplicate("j-actuel", "Cible")
	src := d.Journey("j-actuel")
	if compare.Source(d, tgt) != src {
		t.Fatal("Source of a duplicate is not its original")
	}
	if got := briefs(compare.Compare(src, tgt)); len(got) != 0 {
		t.Fatalf("a fresh duplicate differs: %q", got)
	}
	// Measured data are not design changes.
	for _, x := range tgt.Touchpoints {
		x.Score, x.Responses, x.Listened, x.Quotes = nil, 0, !x.Listened, nil
	}
	if got := briefs(compare.Compare(src, tgt)); len(got) != 0 {
		t.Fatalf("survey data count as changes: %q", got)
	}
	byOrigin := func(id string) *model.Touchpoint {
		for _, x := range tgt.Touchpoints {
			if x.Origin == id {
				return x
			}
		}
		t.Fatalf("no copy of %s", id)
		return nil
	}
	conf := byOrigin("t-confirmation")
	conf.Channel, conf.Description, conf.Note, conf.Image = model.ChannelSMS, "autre", "vu", []byte{1}
	conf.Markers = conf.Markers.With(model.MarkerMaker)
	// The copy's lanes have new ids but the same names: the same lanes.
	// Another lane is a change.
	rem := byOrigin("t-rembourse")
	crm := byOrigin("t-avis").Lane
	rem.Lane = crm // from Service client to Marketing CRM
	tgt.DeleteTouchpoints(byOrigin("t-preparation").ID)
	got := briefs(compare.Compare(src, tgt))
	want := []string{
		"* t-confirmation→" + conf.ID + " channel,markers,description,note,image",
		"- t-preparation (Suivi, 0)",
		"* t-rembourse→" + rem.ID + " lane",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes\n got  %q\n want %q", got, want)
	}
}

func TestJSON(t *testing.T) {
	d := readRef(t)
	b, err := json.Marshal(compare.Compare(d.Journey("j-actuel"), d.Journey("j-cible")))
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Current, Target string
		Changes         []map[string]any
		CurrentCurve    []map[string]any `json:"current_curve"`
		TargetCurve     []map[string]any `json:"target_curve"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if v.Current != "j-actuel" || v.Target != "j-cible" || len(v.Changes) != 10 || len(v.TargetCurve) != 11 {
		t.Fatalf("%s", b)
	}
	keys := func(m map[string]any) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return strings.Join(ks, " ")
	}
	if k := keys(v.Changes[0]); k != "current fields from_emotion from_stage from_title kind target title to_emotion to_stage" {
		t.Errorf("change keys %s", k)
	}
	removed, added := v.Changes[4], v.Changes[5]
	for _, k := range []string{"target", "to_stage", "to_emotion", "from_title"} {
		if val, ok := removed[k]; !ok || val != nil {
			t.Errorf("removed %s = %v, want null", k, val)
		}
	}
	for _, k := range []string{"current", "from_stage", "from_emotion", "from_title"} {
		if val, ok := added[k]; !ok || val != nil {
			t.Errorf("added %s = %v, want null", k, val)
		}
	}
	if f, ok := added["fields"].([]any); !ok || len(f) != 0 {
		t.Errorf("fields of added: %v, want []", added["fields"])
	}
	if v.Changes[1]["fields"].([]any)[0] != "title" || v.Changes[0]["from_emotion"] != -1.0 {
		t.Errorf("changes %v %v", v.Changes[0], v.Changes[1])
	}
	if p := v.CurrentCurve[4]; p["pair"] != nil || p["touchpoint"] != "t-appel-ou" || p["order"] != 5.0 {
		t.Errorf("point %v", p)
	}
	if !bytes.Contains(b, []byte(`"title":"Appel « où est mon colis ? »"`)) {
		t.Error("titles are escaped")
	}
	// Empty lists are [], never null.
	b, _ = json.Marshal(compare.Compare(nil, nil))
	if want := `{"current":"","current_title":"","target":"","target_title":"","changes":[],"current_curve":[],"target_curve":[]}`; string(b) != want {
		t.Errorf("empty: %s", b)
	}
}

func TestWriteText(t *testing.T) {
	d := readRef(t)
	r := compare.Compare(d.Journey("j-actuel"), d.Journey("j-cible"))
	for _, c := range []struct {
		lang string
		want []string
	}{
		{msg.English, []string{
			"Current vs target: Recevoir ma commande chez moi sans y penser [j-actuel] → Recevoir ma commande chez moi sans y penser (cible) [j-cible]\n",
			"Touchpoints: 11 → 11; average emotion: -0.18 → +0.82\n",
			"Differences — added: 1, removed: 1, moved: 0, emotion changed: 4, otherwise changed: 4\n",
			"  ~ Créneaux du soir et du samedi [t-panier → ct-panier] — emotion -1 → +1\n",
			"  * Créneaux du soir et du samedi [t-panier → ct-panier] — changed: title (was “Choix du créneau au panier”), markers\n",
			"  - Appel « où est mon colis ? » [t-appel-ou] — removed from Suivi, emotion -2\n",
			"  + SMS du livreur 30 min avant [ct-sms-livreur] — added in Livraison, emotion +2\n",
		}},
		{msg.French, []string{
			"Parcours actuel et cible : ",
			"Points de contact : 11 → 11 ; émotion moyenne : -0,18 → +0,82\n",
			"  ~ Créneaux du soir et du samedi [t-panier → ct-panier] — émotion -1 → +1\n",
			"— modifié : titre (avant : « Choix du créneau au panier »), marqueurs\n",
			"  - Appel « où est mon colis ? » [t-appel-ou] — supprimé de l'étape Suivi, émotion -2\n",
			"  + SMS du livreur 30 min avant [ct-sms-livreur] — ajouté à l'étape Livraison, émotion +2\n",
		}},
	} {
		msg.SetLanguage(c.lang)
		var b strings.Builder
		if err := compare.WriteText(&b, r); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s report lacks %q:\n%s", c.lang, w, b.String())
			}
		}
	}
	msg.SetLanguage(msg.English)

	// Moves and an empty comparison.
	var b strings.Builder
	r = compare.Compare(
		journey("a", s12, tp{"t1", "S1", "A", 0, ""}, tp{"t2", "S1", "B", 0, ""}, tp{"t3", "S1", "C", 0, ""}),
		journey("b", s12, tp{"u2", "S1", "B", 0, "t2"}, tp{"u1", "S1", "A", 0, "t1"}, tp{"u3", "S2", "C", 0, "t3"}))
	if err := compare.WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"  > B [t2 → u2] — moved within S1\n", "  > C [t3 → u3] — moved: S1 → S2\n"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, b.String())
		}
	}
	b.Reset()
	if err := compare.WriteText(&b, compare.Compare(nil, nil)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "average emotion: none → none\n") || !strings.Contains(b.String(), "  (no difference)\n") {
		t.Errorf("empty report:\n%s", b.String())
	}
}

func BenchmarkCompare1000(b *testing.B) {
	var ts, us []tp
	for i := range 1000 {
		ts = append(ts, tp{fmt.Sprintf("t%d", i), "S1", fmt.Sprintf("Point %d", i), i%5 - 2, ""})
		us = append(us, tp{fmt.Sprintf("u%d", i), "S1", fmt.Sprintf("Point %d", (i*7)%1000), i%3 - 1, ""})
	}
	cur, tgt := journey("a", []string{"S1"}, ts...), journey("b", []string{"S1"}, us...)
	b.ResetTimer()
	for b.Loop() {
		compare.Compare(cur, tgt)
	}
}

func TestCounterpart(t *testing.T) {
	cur := &model.Journey{ID: "a"}
	other := &model.Journey{ID: "b"}
	tgt := &model.Journey{ID: "c", Origin: "a"}
	second := &model.Journey{ID: "d", Origin: "a"}
	orphan := &model.Journey{ID: "e", Origin: "gone"}
	d := &model.Document{Journeys: []*model.Journey{cur, other, tgt, second, orphan}}
	for _, tc := range []struct {
		j        *model.Journey
		cur, tgt *model.Journey
	}{
		{cur, cur, tgt}, // a current journey: its first target
		{tgt, cur, tgt},
		{second, cur, second}, // a target: its own source
		{other, nil, nil},
		{orphan, nil, nil}, // its source is not in the document
	} {
		c, g := compare.Counterpart(d, tc.j)
		if c != tc.cur || g != tc.tgt {
			t.Errorf("Counterpart(%s) = %v, %v; want %v, %v", tc.j.ID, c, g, tc.cur, tc.tgt)
		}
	}
}
