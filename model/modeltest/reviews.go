package modeltest

import (
	"fmt"
	"math/rand/v2"

	"parcours/model"
	"parcours/model/insight"
)

// WithReviews adds n quarterly reviews to the first journey of d, the
// oldest first, each a snapshot of the journey with its scores and first
// KPI value varied as a real journey's would be from quarter to quarter.
// The journey is left as the last review saw it.
func WithReviews(d *model.Document, n int) *model.Document {
	j := d.Journeys[0]
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < n; i++ {
		for _, t := range j.Touchpoints {
			if t.Score != nil {
				s := float64(rng.IntN(21)) / 2
				t.Score = &s
				t.Responses = 1 + rng.IntN(300)
			}
		}
		for _, s := range j.Stages {
			if len(s.KPIs) > 0 {
				s.KPIs[0].Value = fmt.Sprintf("+%d", 5+rng.IntN(30))
			}
		}
		year, quarter := 2017+i/4, i%4
		date := fmt.Sprintf("%d-%s", year, []string{"03-31", "06-30", "09-30", "12-31"}[quarter])
		j.AddReview(insight.TakeReview(j, fmt.Sprintf("r-%03d", i+1), date, fmt.Sprintf("Revue T%d %d", quarter+1, year)))
	}
	return d
}
