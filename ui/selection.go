package ui

import (
	"slices"

	"parcours/model"
)

// selKind is what the selection holds.
type selKind int

const (
	selNone  selKind = iota // the journey itself
	selCards                // one or more touchpoints
	selStage
	selLane
)

// selection is what the inspector shows and what edit commands act on.
// It holds ids, so that it survives a new layout, undo and redo.
type selection struct {
	kind selKind
	ids  []string
}

func cardsSelection(ids ...string) selection {
	if len(ids) == 0 {
		return selection{}
	}
	return selection{kind: selCards, ids: ids}
}

func (s selection) cardSet() map[string]bool {
	m := make(map[string]bool, len(s.ids))
	if s.kind == selCards {
		for _, id := range s.ids {
			m[id] = true
		}
	}
	return m
}

func (s selection) one() string {
	if len(s.ids) == 1 {
		return s.ids[0]
	}
	return ""
}

// within drops what journey j no longer has (after an undo, a delete).
func (s selection) within(j *model.Journey) selection {
	keep := slices.DeleteFunc(slices.Clone(s.ids), func(id string) bool {
		switch s.kind {
		case selCards:
			return j.Touchpoint(id) == nil
		case selStage:
			return j.Stage(id) == nil
		case selLane:
			return j.Lane(id) == nil
		}
		return true
	})
	if len(keep) == 0 {
		return selection{}
	}
	return selection{kind: s.kind, ids: keep}
}

// toggled adds id to a card selection, or removes it when there.
func (s selection) toggled(id string) selection {
	if s.kind != selCards {
		return cardsSelection(id)
	}
	if i := slices.Index(s.ids, id); i >= 0 {
		return cardsSelection(slices.Delete(slices.Clone(s.ids), i, i+1)...)
	}
	return cardsSelection(append(slices.Clone(s.ids), id)...)
}

// same says whether s and o hold the same things.
func (s selection) same(o selection) bool {
	return s.kind == o.kind && slices.Equal(s.ids, o.ids)
}
