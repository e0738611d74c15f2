package pdf_test

import (
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/pdf"
)

func TestLook(t *testing.T) {
	d := livraison(t)
	a4, _ := pdf.ParsePaper("A4", "portrait")
	opts := pdf.Options{Tile: &a4, Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC), Footer: "Confidentiel — ne pas diffuser", Version: "1.2", Journeys: d.Journeys[:1]}
	write(t, "tiled.pdf", []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}, opts)
	opts.Tile = nil
	write(t, "poster.pdf", []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}, opts)
}

func TestLookA3(t *testing.T) {
	d := livraison(t)
	a3, _ := pdf.ParsePaper("A3", "landscape")
	opts := pdf.Options{Paper: a3, Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC), Footer: "Confidentiel — ne pas diffuser", Version: "1.2"}
	write(t, "a3.pdf", []*canvas.Scene{canvas.Layout(d, d.Journeys[0])}, opts)
}

