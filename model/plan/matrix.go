package plan

import (
	"parcours/model"
	"parcours/model/msg"
)

// Matrix places the journey's opportunities on the 5 × 5 impact/effort
// grid: cell [impact-1][effort-1] holds the ids of the opportunities with
// that impact and effort, in their order. A value out of 1…5 (validation
// forbids it) is put on the nearest edge, so that none is lost.
func Matrix(j *model.Journey) [5][5][]string {
	var m [5][5][]string
	if j == nil {
		return m
	}
	for _, o := range j.Opportunities {
		i, e := clamp(o.Impact)-1, clamp(o.Effort)-1
		m[i][e] = append(m[i][e], o.ID)
	}
	return m
}

func clamp(v int) int { return max(1, min(5, v)) }

// Quadrant is a quarter of the impact/effort matrix.
type Quadrant string

// The four quadrants. Quick wins are exactly the quick wins of
// CONTRACTS.md §4 (impact ≥ 4, effort ≤ 2).
const (
	QuickWins     Quadrant = "quick_wins"     // impact ≥ 4, effort ≤ 2: quick win
	MajorProjects Quadrant = "major_projects" // impact ≥ 4, effort ≥ 3: projet structurel
	FillIns       Quadrant = "fill_ins"       // impact ≤ 3, effort ≤ 2: petite amélioration
	Thankless     Quadrant = "thankless"      // impact ≤ 3, effort ≥ 3: tâche ingrate
)

// Quadrants lists the quadrants: high impact first, low effort first.
var Quadrants = []Quadrant{QuickWins, MajorProjects, FillIns, Thankless}

// QuadrantOf tells which quadrant an impact and an effort fall in.
func QuadrantOf(impact, effort int) Quadrant {
	switch high, cheap := impact >= 4, effort <= 2; {
	case high && cheap:
		return QuickWins
	case high:
		return MajorProjects
	case cheap:
		return FillIns
	}
	return Thankless
}

// Name is the quadrant's name in the current language (quick wins,
// projets structurels…).
func (q Quadrant) Name() string { return msg.T("plan.quadrant." + string(q)) }

// Advice says in the current language what to do with the quadrant's
// opportunities.
func (q Quadrant) Advice() string { return msg.T("plan.quadrant." + string(q) + ".advice") }

// Numbers gives each opportunity of rows its number from 1, in the order of
// rows (an id listed twice keeps its first number): the numbers the
// impact/effort matrix shows, on paper and on screen, and the list beside
// it repeats, with rows sorted by priority.
func Numbers(rows []Row) map[string]int {
	n := make(map[string]int, len(rows))
	for i, r := range rows {
		if _, dup := n[r.ID]; !dup {
			n[r.ID] = i + 1
		}
	}
	return n
}
