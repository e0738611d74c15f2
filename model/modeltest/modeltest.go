// Package modeltest makes documents for tests and benchmarks: big generated
// journeys with accents and emoji, deterministic so that figures compare
// across runs.
package modeltest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"parcours/model"
)

var lanePalette = []string{"#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7"}

// Generated returns a document with one journey of n touchpoints spread
// over the given numbers of stages and lanes (1000 over 6 × 8 is the size
// the performance goals are set for).
func Generated(n, stages, lanes int) *model.Document {
	return generate(n, stages, lanes, func(i int) string {
		return fmt.Sprintf("Point de contact n° %d : réception de l'e-mail « commande expédiée » 📦", i)
	})
}

// GeneratedFitting is Generated with card titles short enough to fit their
// cards, and a customer quote on the first touchpoint of each stage only
// (a thousand would not fit the poster's quotes row), so that a poster of
// it shortens nothing and needs no appendix: the poster alone, as a
// well-kept map prints.
func GeneratedFitting(n, stages, lanes int) *model.Document {
	d := generate(n, stages, lanes, func(i int) string {
		return fmt.Sprintf("Point de contact n° %d : e-mail « colis expédié »", i)
	})
	quoted := map[string]bool{}
	for _, t := range d.Journeys[0].Touchpoints {
		if quoted[t.Stage] {
			t.Quotes = nil
		}
		quoted[t.Stage] = true
	}
	return d
}

// generate makes the journey of Generated; title(i) is the title of the
// i-th touchpoint, from 1.
func generate(n, stages, lanes int, title func(i int) string) *model.Document {
	rng := rand.New(rand.NewPCG(1, 2))
	j := &model.Journey{ID: "j-gen", Title: fmt.Sprintf("Parcours généré — %d points de contact", n),
		Persona: "p-gen", Objective: "Mesurer la vitesse de l'éditeur", State: model.Current, TargetScore: 7}
	for s := 0; s < stages; s++ {
		j.Stages = append(j.Stages, &model.Stage{ID: fmt.Sprintf("s-%d", s+1), Name: fmt.Sprintf("Étape %d", s+1),
			CustomerGoals: "Comprendre où en est sa demande", BusinessGoals: "Éviter les appels entrants",
			Actions: "Consulte, compare, décide", Thoughts: "« Est-ce que ça vaut le coup ? »",
			KPIs: []model.KPI{{Name: "NPS", Value: "+12", Target: "+30"}}})
	}
	for l := 0; l < lanes; l++ {
		j.Lanes = append(j.Lanes, &model.Lane{ID: fmt.Sprintf("l-%d", l+1), Name: fmt.Sprintf("Service %d", l+1),
			Owned: l%4 != 3, Leverage: l%8 == 7, Color: lanePalette[l%len(lanePalette)]})
	}
	for i := 0; i < n; i++ {
		t := &model.Touchpoint{ID: fmt.Sprintf("t-%04d", i+1),
			Stage:   j.Stages[i*stages/max(n, 1)].ID,
			Lane:    j.Lanes[rng.IntN(lanes)].ID,
			Order:   i + 1,
			Title:   title(i + 1),
			Channel: model.Channels[rng.IntN(len(model.Channels))],
			Emotion: rng.IntN(5) - 2, Listened: rng.IntN(3) == 0,
			Description: "Le client reçoit une notification et vérifie le créneau de livraison proposé.",
			Quotes:      []string{"Je ne savais pas quand le livreur passerait."},
			Note:        "Vérifier avec l'équipe CRM",
		}
		if rng.IntN(2) == 0 {
			s := float64(rng.IntN(21)) / 2
			t.Score, t.Responses = &s, 1+rng.IntN(300)
		}
		for _, m := range model.AllMarkers {
			if rng.IntN(6) == 0 {
				t.Markers = t.Markers.With(m)
			}
		}
		j.Touchpoints = append(j.Touchpoints, t)
	}
	return &model.Document{Title: "Document généré", Language: "fr",
		Personas: []*model.Persona{{ID: "p-gen", Name: "Claire Dubois", Job: "Cheffe de projet", Age: "30-39",
			Channels: []model.Channel{model.ChannelSMS, model.ChannelEmail}}},
		Journeys: []*model.Journey{j}}
}

// Reference reads the team's reference document (testdata/livraison.json
// at the root of the module: two journeys, every field), failing the test
// when it cannot.
func Reference(t testing.TB) *model.Document {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "..", "..", "testdata", "livraison.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := model.ReadJSON(f, "livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// PNG is a small picture of w × h pixels, a gradient, for avatars and
// touchpoint pictures: the store accepts only real PNG or JPEG pictures.
func PNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / max(w, 1)), uint8(y * 255 / max(h, 1)), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}
