package poster_test

import (
	"fmt"
	"testing"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model"
	"parcours/model/compare"
	"parcours/model/modeltest"
)

// BenchmarkTiledA4_1000 is the A0 poster of the big journey tiled over A4
// sheets: the guide and 21 sheets (goal ≤ 1 s).
func BenchmarkTiledA4_1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}
	a4, err := poster.ParsePaper("A4", "portrait")
	if err != nil {
		b.Fatal(err)
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var c countingWriter
		if err := poster.WritePDF(&c, scenes, poster.Options{Tile: &a4}); err != nil {
			b.Fatal(err)
		}
		size = int(c)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkPosterA0_1000_Appendix is the A0 poster with the journey given,
// as the command line prints it: the generated titles do not fit their
// cards, so the appendix lists the 1000 touchpoints in full.
func BenchmarkPosterA0_1000_Appendix(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	scenes := []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var c countingWriter
		if err := poster.WritePDF(&c, scenes, poster.Options{Journeys: d.Journeys}); err != nil {
			b.Fatal(err)
		}
		size = int(c)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkPosterA0_1000_AllParts is the A0 poster with every part: the
// persona card, the quotes row, 100 opportunities and their action plan
// pages, and the comparison with a target journey in which every tenth
// touchpoint feels better (100 changes).
func BenchmarkPosterA0_1000_AllParts(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	cur := d.Journeys[0]
	for i := range 100 {
		tp := cur.Touchpoints[i*10]
		cur.Opportunities = append(cur.Opportunities, &model.Opportunity{ID: fmt.Sprintf("o-%d", i),
			Title: fmt.Sprintf("Opportunité %d : rappeler le client", i), Kind: model.Optimize,
			Touchpoints: []string{tp.ID}, Impact: i%5 + 1, Effort: i%3 + 1, Owner: "Service client", Status: model.Proposed})
	}
	tgt := d.Duplicate(cur.ID, "Cible")
	for i := 0; i < len(tgt.Touchpoints); i += 10 {
		tgt.Touchpoints[i].Emotion = min(tgt.Touchpoints[i].Emotion+1, 2)
	}
	scenes := []*canvas.Scene{canvas.LayoutWith(d, cur, canvas.Options{Quotes: true})}
	opts := poster.Options{Plan: true, Comparisons: []compare.Result{compare.Compare(cur, tgt)}, Journeys: []*model.Journey{cur}}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var c countingWriter
		if err := poster.WritePDF(&c, scenes, opts); err != nil {
			b.Fatal(err)
		}
		size = int(c)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}
