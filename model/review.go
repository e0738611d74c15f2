package model

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"parcours/model/msg"
)

// Review is a dated snapshot of a journey's measures (« revue », seed 002:
// KPIs looked at again every quarter, say). It keeps what the journey
// measured that day: each stage's KPIs and averages, each touchpoint's
// score, responses and listening status. A review is history: it names
// stages and touchpoints by id, and they may since have been deleted, so
// its ids are not checked against the journey.
//
// The measures of a review never change once taken (only its date and
// note may be edited), so clones of a document share them: a journey with
// forty reviews of a thousand touchpoints is not copied at every edit.
type Review struct {
	ID          string
	Date        string // YYYY-MM-DD; a journey's reviews are kept in date order, one a day
	Note        string // what the review is, as people name it ("Revue T3")
	Stages      []StageMeasure
	Touchpoints []TouchpointMeasure
}

// StageMeasure is a stage as a review saw it.
type StageMeasure struct {
	Stage string // stage id
	Name  string // its name that day, for when it is gone
	KPIs  []KPI
	// AverageEmotion and AverageScore as insights computed them, rounded
	// to two decimals; nil when the stage had no touchpoint, or none
	// measured.
	AverageEmotion, AverageScore *float64
}

// TouchpointMeasure is a touchpoint's survey data as a review saw it.
type TouchpointMeasure struct {
	Touchpoint string   // touchpoint id
	Score      *float64 // nil when not measured
	Responses  int
	Listened   bool
}

// DateLayout is how review dates are written.
const DateLayout = "2006-01-02"

// ValidDate reports whether s is a calendar date written YYYY-MM-DD.
func ValidDate(s string) bool {
	_, err := time.Parse(DateLayout, s)
	return err == nil && len(s) == len(DateLayout)
}

// Review returns the review with the given id, or nil.
func (j *Journey) Review(id string) *Review {
	for _, r := range j.Reviews {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ReviewOn returns the journey's review of that date, or nil.
func (j *Journey) ReviewOn(date string) *Review {
	for _, r := range j.Reviews {
		if r.Date == date {
			return r
		}
	}
	return nil
}

// AddReview puts r among the journey's reviews, in date order.
func (j *Journey) AddReview(r *Review) {
	i, _ := slices.BinarySearchFunc(j.Reviews, r.Date, func(x *Review, d string) int { return strings.Compare(x.Date, d) })
	j.Reviews = slices.Insert(j.Reviews, i, r)
}

// SortReviews puts the journey's reviews in date order (an import may
// list them in any order).
func (j *Journey) SortReviews() {
	slices.SortStableFunc(j.Reviews, func(a, b *Review) int { return strings.Compare(a.Date, b.Date) })
}

// DeleteReview removes a review; it reports whether there was one.
func (j *Journey) DeleteReview(id string) bool {
	n := len(j.Reviews)
	j.Reviews = slices.DeleteFunc(j.Reviews, func(r *Review) bool { return r.ID == id })
	return len(j.Reviews) != n
}

// Stage returns the measure of a stage in the review, or nil.
func (r *Review) Stage(id string) *StageMeasure {
	for i := range r.Stages {
		if r.Stages[i].Stage == id {
			return &r.Stages[i]
		}
	}
	return nil
}

// Label is how a review is named in lists: its date, then its note.
func (r *Review) Label() string {
	if strings.TrimSpace(r.Note) == "" {
		return r.Date
	}
	return r.Date + " — " + r.Note
}

// cloneReview copies a review's own fields; the measures are shared (they
// never change in place).
func cloneReview(r *Review) *Review {
	c := *r
	return &c
}

// sameReview compares two reviews; measures taken once are shared, so
// the common case is decided without walking them.
func sameReview(a, b *Review) bool {
	if a.ID != b.ID || a.Date != b.Date || a.Note != b.Note ||
		len(a.Stages) != len(b.Stages) || len(a.Touchpoints) != len(b.Touchpoints) {
		return false
	}
	sharedS := len(a.Stages) == 0 || &a.Stages[0] == &b.Stages[0]
	sharedT := len(a.Touchpoints) == 0 || &a.Touchpoints[0] == &b.Touchpoints[0]
	if sharedS && sharedT {
		return true
	}
	return sameMeasures(a, b)
}

func sameMeasures(a, b *Review) bool {
	for i := range a.Stages {
		x, y := &a.Stages[i], &b.Stages[i]
		if x.Stage != y.Stage || x.Name != y.Name || !slices.Equal(x.KPIs, y.KPIs) ||
			!sameFloat(x.AverageEmotion, y.AverageEmotion) || !sameFloat(x.AverageScore, y.AverageScore) {
			return false
		}
	}
	for i := range a.Touchpoints {
		x, y := &a.Touchpoints[i], &b.Touchpoints[i]
		if x.Touchpoint != y.Touchpoint || x.Responses != y.Responses || x.Listened != y.Listened ||
			!sameFloat(x.Score, y.Score) {
			return false
		}
	}
	return true
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// Number reads the first number of a KPI text as people write them in
// French and English: "3,1 %" is 3.1, "18 000 / mois" is 18000, "+12" is
// 12, "1,234.5" is 1234.5, "≥ 90 %" is 90. It reports false when the text
// holds no number.
func Number(text string) (float64, bool) {
	rs := []rune(text)
	start := -1
	for i, r := range rs {
		if unicode.IsDigit(r) {
			start = i
			break
		}
	}
	if start < 0 {
		return 0, false
	}
	neg := start > 0 && (rs[start-1] == '-' || rs[start-1] == '−')
	var digits strings.Builder
	var seps []rune // separators met between digits, in order
	sepAt := []int{}
	i := start
	for ; i < len(rs); i++ {
		r := rs[i]
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
			continue
		}
		isSep := r == ',' || r == '.' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\''
		if isSep && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' {
			seps = append(seps, r)
			sepAt = append(sepAt, digits.Len())
			continue
		}
		break
	}
	s := digits.String()
	// The decimal mark is the last , or . when it is not followed by
	// exactly three digits as a thousands group would be, or when the other
	// mark was used before it.
	dec := -1
	for k := len(seps) - 1; k >= 0; k-- {
		if seps[k] != ',' && seps[k] != '.' {
			continue
		}
		tail := len(s) - sepAt[k]
		other := false
		for _, x := range seps[:k] {
			if (x == ',' || x == '.') && x != seps[k] {
				other = true
			}
		}
		same := 0
		for _, x := range seps {
			if x == seps[k] {
				same++
			}
		}
		if other || (tail != 3 && same == 1) {
			dec = sepAt[k]
		}
		break
	}
	if dec >= 0 {
		s = s[:dec] + "." + s[dec:]
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// Direction says which way a KPI's value should go to meet its target:
// +1 up, −1 down, 0 unknown. A target may say it ("≥ 90 %", "< 2 j",
// "max 3", "min 40"); otherwise the side the previous value was on tells
// it (below the target: up).
func Direction(target string, previous, goal float64) int {
	t := strings.ToLower(strings.TrimSpace(target))
	switch {
	case strings.HasPrefix(t, "≥"), strings.HasPrefix(t, ">"), strings.HasPrefix(t, "min"):
		return 1
	case strings.HasPrefix(t, "≤"), strings.HasPrefix(t, "<"), strings.HasPrefix(t, "max"):
		return -1
	case previous < goal:
		return 1
	case previous > goal:
		return -1
	}
	return 0
}

// AddReview is the edit that adds review r to a journey. A review on a
// date the journey already has one for is refused: trends read "since
// DATE", and two measures of one day would make that ambiguous.
func AddReview(journey string, r *Review) Command {
	return &Edit{Name: msg.T("edit.review_add"), Change: func(d *Document) error {
		return d.AddReview(journey, func(*Journey) *Review { return r })
	}}
}

// AddReview adds to journey the review take makes of it, in date order,
// refusing a journey that is not there or a day that has a review
// already; edits call it.
func (d *Document) AddReview(journey string, take func(*Journey) *Review) error {
	j := d.Journey(journey)
	if j == nil {
		return problem("edit.no_journey", journey)
	}
	r := take(j)
	if other := j.ReviewOn(r.Date); other != nil {
		return problem("valid.review_same_day", msg.T("where.journey", j.ID), other.ID, r.ID, r.Date)
	}
	j.AddReview(r)
	return nil
}

// RenameReview is the edit that changes the note a review is named by.
func RenameReview(journey, id, note string) Command {
	return &Edit{Name: msg.T("edit.review_rename"), Change: func(d *Document) error {
		r, err := reviewOf(d, journey, id)
		if err != nil {
			return err
		}
		r.Note = note
		return nil
	}}
}

// DeleteReview is the edit that removes a review.
func DeleteReview(journey, id string) Command {
	return &Edit{Name: msg.T("edit.review_delete"), Change: func(d *Document) error {
		if _, err := reviewOf(d, journey, id); err != nil {
			return err
		}
		d.Journey(journey).DeleteReview(id)
		return nil
	}}
}

func reviewOf(d *Document, journey, id string) (*Review, error) {
	j := d.Journey(journey)
	if j == nil {
		return nil, problem("edit.no_journey", journey)
	}
	r := j.Review(id)
	if r == nil {
		return nil, problem("edit.no_review", id, journey)
	}
	return r, nil
}
