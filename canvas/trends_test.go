package canvas_test

import (
	"testing"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/insight"
)

func kpiBand(t *testing.T, s *canvas.Scene) *canvas.Band {
	t.Helper()
	for i := range s.Bands {
		if s.Bands[i].Kind == canvas.BandKPIs {
			return &s.Bands[i]
		}
	}
	t.Fatal("no KPI row")
	return nil
}

func TestKPITrendsBesideTheirKPIs(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	j.AddReview(insight.TakeReview(j, "r-1", "2026-03-31", ""))
	j.Stages[0].KPIs[0].Value = "2,5 %" // Commande's conversion falls
	j.AddReview(insight.TakeReview(j, "r-2", "2026-06-30", ""))
	j.Stages[0].KPIs = append(j.Stages[0].KPIs, model.KPI{Name: "Paniers abandonnés", Value: "60 %", Target: "40 %"})
	j.Stages[2].KPIs = []model.KPI{{Name: "Livrés au premier passage", Value: "82 %", Target: "95 %"}}

	plain := kpiBand(t, canvas.LayoutWith(d, j, canvas.Options{}))
	for _, c := range plain.Cells {
		if c.Trends != nil {
			t.Fatal("trends without the option")
		}
	}
	b := kpiBand(t, canvas.LayoutWith(d, j, canvas.Options{Trends: true}))
	c := b.Cells[0]
	if len(c.Trends) != 2 || len(c.Trends[0]) != 2 || c.Trends[1] != nil {
		t.Fatalf("Commande's trends: %v", c.Trends)
	}
	line := c.Trends[0]
	first := c.Text.Lines[0]
	if line[0].Y >= line[1].Y { // falling: the last point lower on the page
		t.Errorf("a falling KPI drawn rising: %v", line)
	}
	lh := c.Text.LineHeight
	reg, _ := canvas.Fonts()
	for _, p := range line {
		if p.Y < first.Y || p.Y > first.Y+lh || p.X > c.Rect.X+c.Rect.W || p.X < c.Rect.X+c.Rect.W-16 {
			t.Errorf("point %v outside the strip beside the first line %v of %v", p, first, c.Rect)
		}
	}
	for _, l := range c.Text.Lines {
		if w := reg.Width(l.Text, c.Text.Size); l.X+w > line[0].X {
			t.Errorf("text %q runs into the trend", l.Text)
		}
	}
	// A stage never reviewed twice keeps its whole width for text.
	if b.Cells[2].Trends != nil || b.Cells[2].Text.Lines[0].X != plain.Cells[2].Text.Lines[0].X {
		t.Error("a stage without KPI trend changed")
	}
}
