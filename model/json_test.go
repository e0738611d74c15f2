package model_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/msg"
)

func readRef(t testing.TB) ([]byte, *model.Document) {
	t.Helper()
	data, err := os.ReadFile("../testdata/livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.ReadJSON(bytes.NewReader(data), "livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	return data, d
}

// canonical decodes JSON generically, with every "markers" list sorted in
// export order: markers are a set, the reference lists one pair the other
// way round.
func canonical(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	rank := map[string]int{}
	for i, m := range model.AllMarkers {
		rank[string(m)] = i
	}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if l, ok := e.([]any); ok && k == "markers" {
					sort.Slice(l, func(a, b int) bool { return rank[l[a].(string)] < rank[l[b].(string)] })
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return v
}

func TestReferenceRoundTripsWithoutLoss(t *testing.T) {
	data, d := readRef(t)
	var out bytes.Buffer
	if err := model.WriteJSON(&out, d); err != nil {
		t.Fatal(err)
	}
	if got, want := canonical(t, out.Bytes()), canonical(t, data); !reflect.DeepEqual(got, want) {
		t.Fatalf("export differs from the reference:\n%s", out.String())
	}
	first := out.String()
	again, err := model.ReadJSON(&out, "export")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, d) {
		t.Error("re-import differs from the first import")
	}
	var second bytes.Buffer
	if err := model.WriteJSON(&second, again); err != nil {
		t.Fatal(err)
	}
	if second.String() != first {
		t.Error("a second export differs from the first")
	}
	if n := len(d.Journeys[1].Touchpoints); n != 11 || d.Journeys[1].Origin != "j-actuel" {
		t.Errorf("target journey: %d touchpoints, origin %q", n, d.Journeys[1].Origin)
	}
	tp := d.Journeys[0].Touchpoint("t-page-suivi")
	if !tp.Markers.Has(model.MarkerPain) || !tp.Markers.Has(model.MarkerBreaker) || tp.Markers.Has(model.MarkerTruth) {
		t.Errorf("markers %v", tp.Markers.List())
	}
	if tp.Score == nil || *tp.Score != 4.5 || tp.Responses != 188 {
		t.Errorf("score lost: %v %d", tp.Score, tp.Responses)
	}
	if d.Journeys[0].Touchpoint("t-preparation").Score != nil {
		t.Error("an unmeasured touchpoint got a score")
	}
}

func TestMarkersAreASet(t *testing.T) {
	data, _ := readRef(t)
	s := strings.Replace(string(data), `"pain",
            "breaker"`, `"breaker",
            "pain"`, 1)
	d, err := model.ReadJSON(strings.NewReader(s), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Journeys[0].Touchpoint("t-page-suivi").Markers.List(); !reflect.DeepEqual(got, []model.Marker{"pain", "breaker"}) {
		t.Errorf("exported order %v", got)
	}
}

func TestImportRejectsBadDocuments(t *testing.T) {
	msg.SetLanguage(msg.English)
	data, _ := readRef(t)
	ref := string(data)
	cases := []struct {
		name, from, to, want string
	}{
		{"unknown format", `"parcours/v1"`, `"parcours/v9"`, `unknown format "parcours/v9"`},
		{"unknown key", `"objective": "Réduire`, `"objectif": "x", "objective": "Réduire`, `journey j-actuel: unknown key "objectif"`},
		{"missing key", `"title": "E-mail de confirmation",`, ``, `touchpoint t-confirmation: missing key "title"`},
		{"duplicate id", `"id": "t-confirmation"`, `"id": "t-panier"`, `duplicate id "t-panier"`},
		{"reference to nothing", `"lane": "l-crm",
          "order": 2`, `"lane": "l-nowhere",
          "order": 2`, `lane "l-nowhere" refers to nothing`},
		{"emotion out of range", `"emotion": -2,
          "score": 3,`, `"emotion": -3,
          "score": 3,`, `touchpoint t-appel-ou: emotion is -3`},
		{"score out of range", `"score": 5.5`, `"score": 12`, `touchpoint t-panier: score is 12`},
		{"impact out of range", `"impact": 4`, `"impact": 9`, `opportunity o-creneaux: impact is 9`},
		{"bad channel", `"channel": "sms"`, `"channel": "pigeon"`, `channel "pigeon"`},
		{"bad marker", `"maker"`, `"mayo"`, `markers "mayo"`},
		{"opportunity to nothing", `"t-retour"
          ],`, `"t-nope"
          ],`, `touchpoints "t-nope" refers to nothing`},
		{"wrong type", `"owned": true`, `"owned": "yes"`, `key "owned" must be true or false`},
		{"null score", `"score": 5.5`, `"score": null`, `key "score" must be a number`},
		{"bad colour", `"#4E79A7"`, `"blue"`, `colour "blue"`},
		{"syntax", `"journeys": [`, `"journeys": [,`, `line 2`},
		{"duplicate order", `"order": 2,`, `"order": 1,`, `share order 1`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := strings.Replace(ref, c.from, c.to, 1)
			if s == ref {
				t.Fatalf("case does not change the document")
			}
			_, err := model.ReadJSON(strings.NewReader(s), "bad.json")
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			if c.name != "syntax" && !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

func TestImportMessagesInFrench(t *testing.T) {
	msg.SetLanguage(msg.French)
	defer msg.SetLanguage(msg.English)
	_, err := model.ReadJSON(strings.NewReader(`{"format":"parcours/v1","title":"x","language":"fr","personas":[],"journeys":[],"truc":1}`), "x.json")
	if err == nil || !strings.Contains(err.Error(), `clé "truc" inconnue`) {
		t.Fatalf("got %v", err)
	}
}

func TestOrdersAreNormalisedAlongTheStages(t *testing.T) {
	data, _ := readRef(t)
	// Give t-panier (stage 1) a number after every touchpoint of stage 2.
	s := strings.Replace(string(data), `"order": 1,`, `"order": 40,`, 1)
	d, err := model.ReadJSON(strings.NewReader(s), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	j := d.Journeys[0]
	if j.Touchpoint("t-confirmation").Order != 1 || j.Touchpoint("t-panier").Order != 2 {
		t.Errorf("orders: confirmation %d, panier %d", j.Touchpoint("t-confirmation").Order, j.Touchpoint("t-panier").Order)
	}
}
