package compare

import "parcours/model"

// The wire types fix the keys and their order (CONTRACTS.md §6, "Current
// vs target"). What is absent on one side is null, never "" or 0.
type (
	wResult struct {
		Current      string    `json:"current"`
		CurrentTitle string    `json:"current_title"`
		Target       string    `json:"target"`
		TargetTitle  string    `json:"target_title"`
		Changes      []wChange `json:"changes"`
		CurrentCurve []wPoint  `json:"current_curve"`
		TargetCurve  []wPoint  `json:"target_curve"`
	}
	wChange struct {
		Kind        ChangeKind `json:"kind"`
		Current     *string    `json:"current"`
		Target      *string    `json:"target"`
		Title       string     `json:"title"`
		FromTitle   *string    `json:"from_title"`
		FromStage   *string    `json:"from_stage"`
		ToStage     *string    `json:"to_stage"`
		FromEmotion *int       `json:"from_emotion"`
		ToEmotion   *int       `json:"to_emotion"`
		Fields      []string   `json:"fields"`
	}
	wPoint struct {
		Touchpoint string  `json:"touchpoint"`
		Order      int     `json:"order"`
		Emotion    int     `json:"emotion"`
		Title      string  `json:"title"`
		Pair       *string `json:"pair"`
	}
)

// MarshalJSON writes the result as `parcours compare --format json` prints
// it.
func (r Result) MarshalJSON() ([]byte, error) {
	w := wResult{Current: r.Current, CurrentTitle: r.CurrentTitle, Target: r.Target, TargetTitle: r.TargetTitle,
		Changes: make([]wChange, 0, len(r.Changes)), CurrentCurve: points(r.CurrentCurve), TargetCurve: points(r.TargetCurve)}
	for _, c := range r.Changes {
		wc := wChange{Kind: c.Kind, Title: c.Title, Fields: c.Fields}
		if wc.Fields == nil {
			wc.Fields = []string{}
		}
		if c.Current != "" {
			wc.Current, wc.FromTitle, wc.FromStage, wc.FromEmotion = &c.Current, &c.FromTitle, &c.FromStage, &c.FromEmotion
		}
		if c.Target != "" {
			wc.Target, wc.ToStage, wc.ToEmotion = &c.Target, &c.ToStage, &c.ToEmotion
		}
		if c.Current == "" || c.Target == "" {
			wc.FromTitle = nil
		}
		w.Changes = append(w.Changes, wc)
	}
	return model.PlainJSON(w)
}

func points(ps []Point) []wPoint {
	out := make([]wPoint, 0, len(ps))
	for _, p := range ps {
		wp := wPoint{Touchpoint: p.Touchpoint, Order: p.Order, Emotion: p.Emotion, Title: p.Title}
		if p.Pair != "" {
			wp.Pair = &p.Pair
		}
		out = append(out, wp)
	}
	return out
}
