// Package plan turns a journey's opportunities into an action plan
// (plan d'action): one row per opportunity with the touchpoints and stages
// it is about, sorted as people ask, written as CSV for those who run it
// in a spreadsheet (package plan/xlsx writes it as an Excel workbook); and
// the impact/effort matrix that tells quick wins from structural projects
// (projets structurels). It reads the model and changes nothing.
package plan

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"parcours/model"
	"parcours/model/insight"
)

// Row is one opportunity of the plan.
type Row struct {
	ID, Title      string
	Kind           model.OpportunityKind
	Impact, Effort int // 1…5
	QuickWin       bool
	Owner          string
	Status         model.OpportunityStatus
	Touchpoints    []string // titles, in the opportunity's order
	Stages         []string // names of the touchpoints' stages, each once, in stage order
}

// Rows lists the journey's opportunities in their order. A touchpoint id
// the journey does not hold (validation forbids it) is left out.
func Rows(j *model.Journey) []Row {
	if j == nil {
		return []Row{}
	}
	rows := make([]Row, 0, len(j.Opportunities))
	for _, o := range j.Opportunities {
		r := Row{ID: o.ID, Title: o.Title, Kind: o.Kind, Impact: o.Impact, Effort: o.Effort,
			QuickWin: insight.QuickWin(o), Owner: o.Owner, Status: o.Status,
			Touchpoints: []string{}, Stages: []string{}}
		cols := []int{}
		for _, id := range o.Touchpoints {
			t := j.Touchpoint(id)
			if t == nil {
				continue
			}
			r.Touchpoints = append(r.Touchpoints, t.Title)
			if c := j.StageIndex(t.Stage); c >= 0 && !slices.Contains(cols, c) {
				cols = append(cols, c)
			}
		}
		slices.Sort(cols)
		for _, c := range cols {
			r.Stages = append(r.Stages, j.Stages[c].Name)
		}
		rows = append(rows, r)
	}
	return rows
}

// SortKey names a column to sort the plan by.
type SortKey string

// Sort keys.
const (
	ByImpact   SortKey = "impact"
	ByEffort   SortKey = "effort"
	ByTitle    SortKey = "title"
	ByStatus   SortKey = "status"
	ByOwner    SortKey = "owner"
	ByKind     SortKey = "kind"
	ByPriority SortKey = "priority" // quick wins first, then impact high to low, then effort low to high
)

// SortKeys lists every key.
var SortKeys = []SortKey{ByPriority, ByImpact, ByEffort, ByTitle, ByStatus, ByOwner, ByKind}

// Valid reports whether k is a known key.
func (k SortKey) Valid() bool { return slices.Contains(SortKeys, k) }

// NaturalDescending tells the direction a key is first sorted in, the one
// people expect: impact from high to low, everything else ascending
// (effort low to high, texts A to Z, status and kind in their order,
// priority most urgent first).
func NaturalDescending(k SortKey) bool { return k == ByImpact }

// Sort orders rows by key, ascending or descending. It is stable: rows
// that tie keep their order, in both directions. Statuses sort in their
// workflow order (proposed, planned, done), kinds as réparer, optimiser,
// innover, transformer; titles and owners by the Unicode collation (accents
// after their letter, case ignored first), empty ones last in both
// directions. Ascending priority puts the most urgent first.
func Sort(rows []Row, key SortKey, descending bool) {
	var by func(a, b Row) int
	switch key {
	case ByImpact:
		by = func(a, b Row) int { return cmp.Compare(a.Impact, b.Impact) }
	case ByEffort:
		by = func(a, b Row) int { return cmp.Compare(a.Effort, b.Effort) }
	case ByStatus:
		by = func(a, b Row) int {
			return cmp.Compare(rank(model.OpportunityStatuses, a.Status), rank(model.OpportunityStatuses, b.Status))
		}
	case ByKind:
		by = func(a, b Row) int {
			return cmp.Compare(rank(model.OpportunityKinds, a.Kind), rank(model.OpportunityKinds, b.Kind))
		}
	case ByPriority:
		by = func(a, b Row) int {
			if a.QuickWin != b.QuickWin {
				if a.QuickWin {
					return -1
				}
				return 1
			}
			if c := cmp.Compare(b.Impact, a.Impact); c != 0 {
				return c
			}
			return cmp.Compare(a.Effort, b.Effort)
		}
	case ByTitle, ByOwner:
		col := collate.New(language.Und, collate.IgnoreWidth)
		text := func(r Row) string { return r.Title }
		if key == ByOwner {
			text = func(r Row) string { return r.Owner }
		}
		slices.SortStableFunc(rows, func(a, b Row) int {
			ta, tb := strings.TrimSpace(text(a)), strings.TrimSpace(text(b))
			switch {
			case ta == "" || tb == "":
				return cmp.Compare(boolInt(ta == ""), boolInt(tb == ""))
			case descending:
				return col.CompareString(tb, ta)
			}
			return col.CompareString(ta, tb)
		})
		return
	default:
		return
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		if descending {
			return by(b, a)
		}
		return by(a, b)
	})
}

func rank[T comparable](list []T, v T) int {
	if i := slices.Index(list, v); i >= 0 {
		return i
	}
	return len(list)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
