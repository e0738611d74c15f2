package diff_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/diff"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	m.Run()
}

func jsonOf(t testing.TB, d *model.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func words(cs []diff.Change) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = diff.Words(c)
	}
	return out
}

func TestCompareListsChangesByID(t *testing.T) {
	a := modeltest.Reference(t)
	if cs, err := diff.Compare(a, a); err != nil || len(cs) != 0 {
		t.Fatalf("a document against itself: %v, %v", words(cs), err)
	}
	b := model.Clone(a)
	j := b.Journeys[0]
	j.Touchpoint("t-panier").Title = "Créneau au panier"
	j.Touchpoint("t-panier").Emotion = 1
	j.DeleteTouchpoints("t-push-jour")
	j.MoveStage("s-livraison", 0)
	j.Place(j.Touchpoint("t-rembourse"), j.Touchpoint("t-rembourse").Stage, j.Touchpoint("t-rembourse").Lane, 0)
	b.Title = "Nouveau titre"
	j.Stages[1].KPIs = nil
	b.Modified = b.Modified.AddDate(0, 0, 1)
	cs, err := diff.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(words(cs), "\n")
	for _, want := range []string{
		"~ document: title “" + a.Title + "” → “Nouveau titre”",
		"↕ stage s-livraison “Livraison” moved: place 3 → 1",
		`~ touchpoint t-panier “Créneau au panier”: emotion -1 → 1`,
		"~ touchpoint t-panier “Créneau au panier”: title “Choix du créneau au panier” → “Créneau au panier”",
		"↕ touchpoint t-rembourse “Remboursement confirmé” moved: place 11 → 8",
		"- touchpoint t-push-jour “Notification push le jour J” removed",
		"~ stage s-commande “Commande”: kpis [",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "modified") {
		t.Errorf("the modification time is listed:\n%s", got)
	}
	var js bytes.Buffer
	if err := diff.WriteJSON(&js, cs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `{"change":"removed","kind":"touchpoint","id":"t-push-jour","journey":"j-actuel","name":"Notification push le jour J","field":null,"old":null,"new":null}`) {
		t.Errorf("json:\n%s", js.String())
	}
}

func TestUnrelatedDocumentsAreRefused(t *testing.T) {
	a := modeltest.Reference(t)
	b := modeltest.Generated(5, 2, 2)
	if _, err := diff.Compare(a, b); !errors.Is(err, diff.ErrUnrelated) {
		t.Fatalf("compare: %v", err)
	}
	if _, _, err := diff.Merge(a, a, b, diff.Neither); !errors.Is(err, diff.ErrUnrelated) {
		t.Fatalf("merge: %v", err)
	}
}

// edit makes a random change of the kinds people make: rename, re-score,
// move a card, add or delete one, change a stage, reorder stages.
func edit(rng *rand.Rand, d *model.Document, n int) {
	j := d.Journeys[rng.IntN(len(d.Journeys))]
	for range n {
		if len(j.Touchpoints) == 0 {
			return
		}
		t := j.Touchpoints[rng.IntN(len(j.Touchpoints))]
		switch rng.IntN(7) {
		case 0:
			t.Title = fmt.Sprintf("Renamed %d", rng.IntN(1000))
		case 1:
			t.Emotion = rng.IntN(5) - 2
		case 2:
			s := j.Stages[rng.IntN(len(j.Stages))]
			j.Place(t, s.ID, j.Lanes[rng.IntN(len(j.Lanes))].ID, rng.IntN(5))
		case 3:
			nt := model.CloneTouchpoint(t)
			nt.ID, nt.Origin = model.NewID("t"), ""
			j.Place(nt, t.Stage, t.Lane, rng.IntN(5))
		case 4:
			j.DeleteTouchpoints(t.ID)
		case 5:
			j.Stages[rng.IntN(len(j.Stages))].Name = fmt.Sprintf("Étape %d", rng.IntN(1000))
		case 6:
			j.MoveStage(j.Stages[rng.IntN(len(j.Stages))].ID, rng.IntN(len(j.Stages)))
		}
	}
	if err := model.Validate(d); err != nil {
		panic(err)
	}
}

// The properties of a three-way merge: merging a document with itself
// gives it back; a change merged with the base, on either side, gives the
// change.
func TestMergeProperties(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		base := modeltest.Reference(t)
		if seed%2 == 1 {
			base = modeltest.Generated(60, 4, 3)
		}
		change := model.Clone(base)
		edit(rng, change, 1+rng.IntN(6))
		want := jsonOf(t, change)
		for name, args := range map[string][3]*model.Document{
			"itself":       {change, change, change},
			"change, base": {base, change, base},
			"base, change": {base, base, change},
			"change twice": {base, change, change},
		} {
			got, cs, err := diff.Merge(args[0], args[1], args[2], diff.Neither)
			if err != nil || len(cs) != 0 {
				t.Fatalf("seed %d, %s: %v, conflicts %v", seed, name, err, cs)
			}
			if g := jsonOf(t, got); g != want {
				t.Fatalf("seed %d, %s: the merge is not the change", seed, name)
			}
		}
	}
}

func TestChangesToDifferentThingsCombine(t *testing.T) {
	base := modeltest.Reference(t)
	ours, theirs := model.Clone(base), model.Clone(base)
	oj, tj := ours.Journeys[0], theirs.Journeys[0]
	oj.Touchpoint("t-panier").Title = "Ours"
	tj.Touchpoint("t-panier").Emotion = 2 // another field of the same touchpoint
	oj.MoveStage("s-apres", 0)            // ours moves a stage
	tj.MoveLane(tj.Lanes[0].ID, 3)        // theirs moves a lane
	// Each side moves another card within its stage.
	oj.Place(oj.Touchpoint("t-retour"), "s-apres", oj.Touchpoint("t-retour").Lane, 0)
	tj.Place(tj.Touchpoint("t-remise"), "s-livraison", tj.Touchpoint("t-remise").Lane, 9)
	nt := &model.Touchpoint{ID: "t-new", Stage: "s-suivi", Lane: tj.Lanes[0].ID, Title: "Nouveau", Channel: model.ChannelSMS, Quotes: []string{}}
	tj.Place(nt, "s-suivi", nt.Lane, 1)
	ours.Title = "Titre à nous"
	got, cs, err := diff.Merge(base, ours, theirs, diff.Neither)
	if err != nil || len(cs) != 0 {
		t.Fatalf("%v, %v", err, cs)
	}
	j := got.Journeys[0]
	if tp := j.Touchpoint("t-panier"); tp.Title != "Ours" || tp.Emotion != 2 {
		t.Fatalf("fields did not combine: %+v", tp)
	}
	if j.Stages[0].ID != "s-apres" || j.Lanes[3].ID != tj.Lanes[3].ID {
		t.Fatal("the moves of stages and lanes did not both survive")
	}
	order := func(j *model.Journey, stage string) string {
		var ids []string
		for _, t := range j.StageTouchpoints(stage) {
			ids = append(ids, t.ID)
		}
		return strings.Join(ids, " ")
	}
	if order(j, "s-apres") != order(oj, "s-apres") || order(j, "s-livraison") != order(tj, "s-livraison") ||
		order(j, "s-suivi") != order(tj, "s-suivi") {
		t.Fatalf("card moves lost:\n%s | %s\n%s | %s\n%s | %s", order(j, "s-apres"), order(oj, "s-apres"),
			order(j, "s-livraison"), order(tj, "s-livraison"), order(j, "s-suivi"), order(tj, "s-suivi"))
	}
	if got.Title != "Titre à nous" {
		t.Fatal("the document's title was lost")
	}
}

func TestConflicts(t *testing.T) {
	base := modeltest.Reference(t)
	ours, theirs := model.Clone(base), model.Clone(base)
	ours.Journeys[0].Touchpoint("t-panier").Title = "Ours"
	theirs.Journeys[0].Touchpoint("t-panier").Title = "Theirs"
	ours.Journeys[0].DeleteTouchpoints("t-avis")
	theirs.Journeys[0].Touchpoint("t-avis").Note = "changed"
	got, cs, err := diff.Merge(base, ours, theirs, diff.Neither)
	if err != nil || got != nil || len(cs) != 2 {
		t.Fatalf("%v, %v, %v", got, cs, err)
	}
	var b bytes.Buffer
	_ = diff.WriteConflicts(&b, cs)
	want := "! touchpoint t-avis “Enquête de satisfaction” removed on our side, changed on theirs\n" +
		"! touchpoint t-panier “Ours”: title “Choix du créneau au panier” → ours “Ours”, theirs “Theirs”\n"
	if b.String() != want {
		t.Fatalf("conflicts:\n%s\nwant:\n%s", b.String(), want)
	}
	for prefer, title := range map[diff.Prefer]string{diff.Ours: "Ours", diff.Theirs: "Theirs"} {
		got, cs, err := diff.Merge(base, ours, theirs, prefer)
		if err != nil || len(cs) != 2 {
			t.Fatalf("prefer %d: %v %v", prefer, cs, err)
		}
		j := got.Journeys[0]
		if j.Touchpoint("t-panier").Title != title || (j.Touchpoint("t-avis") == nil) != (prefer == diff.Ours) {
			t.Fatalf("prefer %d not followed", prefer)
		}
	}
}

func TestAMergeThatWouldBeInvalidIsRefused(t *testing.T) {
	base := modeltest.Reference(t)
	ours, theirs := model.Clone(base), model.Clone(base)
	ours.Journeys[0].DeleteStage("s-suivi")
	// Theirs adds a card to the stage ours deleted.
	tj := theirs.Journeys[0]
	nt := &model.Touchpoint{ID: "t-new", Stage: "s-suivi", Lane: tj.Lanes[0].ID, Title: "Nouveau", Channel: model.ChannelSMS, Quotes: []string{}}
	tj.Place(nt, "s-suivi", nt.Lane, 0)
	_, _, err := diff.Merge(base, ours, theirs, diff.Neither)
	if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), `touchpoint t-new: stage "s-suivi" refers to nothing`) {
		t.Fatalf("got %v", err)
	}
}

func twoBig(b *testing.B) (*model.Document, *model.Document, *model.Document) {
	base := modeltest.Generated(1000, 6, 8)
	ours, theirs := model.Clone(base), model.Clone(base)
	edit(rand.New(rand.NewPCG(1, 1)), ours, 20)
	edit(rand.New(rand.NewPCG(2, 2)), theirs, 20)
	return base, ours, theirs
}

// The goal: diff and merge of two 1000-touchpoint documents ≤ 50 ms.
func BenchmarkDiff1000(b *testing.B) {
	base, ours, _ := twoBig(b)
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		if _, err := diff.Compare(base, ours); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMerge1000(b *testing.B) {
	base, ours, theirs := twoBig(b)
	defer modeltest.CPUPerOp(b)()
	for b.Loop() {
		if _, _, err := diff.Merge(base, ours, theirs, diff.Ours); err != nil {
			b.Fatal(err)
		}
	}
}
