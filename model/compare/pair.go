package compare

import "parcours/model"

// FirstMadeFrom is the first journey of the document made from current
// (whose Source is current), or nil.
func FirstMadeFrom(d *model.Document, current *model.Journey) *model.Journey {
	if d == nil || current == nil {
		return nil
	}
	for _, j := range d.Journeys {
		if j != current && Source(d, j) == current {
			return j
		}
	}
	return nil
}

// Counterpart pairs journey j with the journey it is compared with: a
// target with its source, else a current journey with the first target
// made from it. Both are nil when j has neither.
func Counterpart(d *model.Document, j *model.Journey) (current, target *model.Journey) {
	if src := Source(d, j); src != nil {
		return src, j
	}
	if tgt := FirstMadeFrom(d, j); tgt != nil {
		return j, tgt
	}
	return nil, nil
}
