// Package compare sets a target journey (parcours cible, the "to-be")
// beside the current journey it was made from (parcours actuel, the
// "as-is") and lists what differs: touchpoints added, removed, moved,
// with another emotion, or otherwise changed; and both emotion curves, to
// draw on one chart. It reads the model and changes nothing.
//
// Pairing. A target touchpoint is the same moment as the current
// touchpoint its Origin names (model.Document.Duplicate and Paste set it),
// or as a current touchpoint whose Origin names it (the journeys compared
// the other way round). Touchpoints left unpaired are then paired by identical title (spaces
// trimmed, Unicode NFC, case kept; an empty title pairs with nothing), the
// k-th of a title in the target with the k-th of that title in the current
// journey, in timeline order. When two target touchpoints have the same
// origin (pasted twice), the first on the timeline is the pair; the other
// is added, unless its title pairs it with another current touchpoint.
//
// Stages are compared by name, since their ids differ between two
// journeys: a touchpoint moved when its stage has another name. A
// touchpoint that stays in its stage moved when its place among the other
// paired touchpoints of the stage changed; the fewest such moves are
// reported (those off a longest run that kept its order). A renamed stage
// therefore moves all its touchpoints, and reordered stages move none:
// the stage order is not a touchpoint's change.
//
// Changed fields are those of the design, compared after pairing: title
// (as titles are paired: spaces around and Unicode forms do not count),
// channel, lane (by name), markers, description, note and image. Survey
// data (score, responses, listened, quotes) belong to the current journey
// and are not compared.
package compare

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"parcours/model"
)

// ChangeKind is what happened to a touchpoint between the two journeys.
type ChangeKind string

// Change kinds. A pair of touchpoints may have several changes, listed in
// this order: moved, emotion, changed.
const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Moved   ChangeKind = "moved"
	Emotion ChangeKind = "emotion"
	Changed ChangeKind = "changed"
)

// Kinds lists every change kind in report order.
var Kinds = []ChangeKind{Added, Removed, Moved, Emotion, Changed}

// Fields that a "changed" change may name, in this order.
const (
	FieldTitle       = "title"
	FieldChannel     = "channel"
	FieldLane        = "lane"
	FieldMarkers     = "markers"
	FieldDescription = "description"
	FieldNote        = "note"
	FieldImage       = "image"
)

// Change is one difference. Every change of a pair carries the whole
// context (both ids, titles, stages and emotions), so that a list can show
// any of them alone.
type Change struct {
	Kind ChangeKind
	// Current and Target are touchpoint ids, "" when absent (added:
	// no current; removed: no target).
	Current, Target string
	// Title is the target touchpoint's title (the current one's for a
	// removed touchpoint); FromTitle is the current one's when both exist.
	Title, FromTitle string
	// FromStage and ToStage are stage names, "" on the absent side.
	FromStage, ToStage string
	// FromEmotion and ToEmotion are −2…+2; 0 on the absent side.
	FromEmotion, ToEmotion int
	// Fields lists, for Changed, which fields differ (FieldTitle…).
	Fields []string
}

// Point is one touchpoint on an emotion curve.
type Point struct {
	Touchpoint string
	Order      int // 1…n on its journey's timeline
	Emotion    int
	Title      string
	// Pair is the id of the same moment in the other journey, "" when the
	// touchpoint was added or removed.
	Pair string
}

// Result is the comparison of two journeys.
type Result struct {
	Current, Target           string // journey ids
	CurrentTitle, TargetTitle string
	// Changes are in target timeline order; a removed touchpoint comes at
	// its current place: right after the changes of the target touchpoint
	// paired with the last paired touchpoint before it (at the start when
	// there is none), before what was added there.
	Changes                   []Change
	CurrentCurve, TargetCurve []Point
}

// Count returns how many changes of kind k there are.
func (r Result) Count(k ChangeKind) int {
	n := 0
	for _, c := range r.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Source finds the journey a target was made from (its Origin), or nil
// when it has none, or names a journey that is not in the document, or
// itself.
func Source(d *model.Document, target *model.Journey) *model.Journey {
	if d == nil || target == nil || target.Origin == "" || target.Origin == target.ID {
		return nil
	}
	return d.Journey(target.Origin)
}

// FirstTarget is the first journey of the document made from another one
// that is still there (Source is not nil), or nil.
func FirstTarget(d *model.Document) *model.Journey {
	if d == nil {
		return nil
	}
	for _, j := range d.Journeys {
		if Source(d, j) != nil {
			return j
		}
	}
	return nil
}

// Compare lists what differs between the current journey and the target.
// Either may be nil, taken as an empty journey.
func Compare(current, target *model.Journey) Result {
	if current == nil {
		current = &model.Journey{}
	}
	if target == nil {
		target = &model.Journey{}
	}
	r := Result{Current: current.ID, Target: target.ID, CurrentTitle: current.Title, TargetTitle: target.Title,
		Changes: []Change{}, CurrentCurve: []Point{}, TargetCurve: []Point{}}
	cur, tgt := model.TimelineOf(current), model.TimelineOf(target)

	// pairOf[i] is the index in cur of the pair of tgt[i], or -1;
	// pairedTo[k] is the index in tgt of the pair of cur[k], or -1.
	pairOf, pairedTo := pair(cur, tgt)

	curStage, tgtStage := stageNames(current), stageNames(target)
	curLane, tgtLane := laneNames(current), laneNames(target)
	moved := movedInStage(cur, tgt, pairOf, curStage, tgtStage)

	// Removed touchpoints go after the target of their anchor, the last
	// paired touchpoint before them on the current timeline.
	removedAfter := map[int][]int{} // target index (-1: start) → current indexes
	anchor := -1
	for k := range cur {
		if pairedTo[k] >= 0 {
			anchor = pairedTo[k]
			continue
		}
		removedAfter[anchor] = append(removedAfter[anchor], k)
	}
	removed := func(at int) {
		for _, k := range removedAfter[at] {
			c := cur[k]
			r.Changes = append(r.Changes, Change{Kind: Removed, Current: c.ID, Title: c.Title,
				FromStage: curStage[c.Stage], FromEmotion: c.Emotion})
		}
	}

	removed(-1)
	for i, t := range tgt {
		if pairOf[i] < 0 {
			r.Changes = append(r.Changes, Change{Kind: Added, Target: t.ID, Title: t.Title,
				ToStage: tgtStage[t.Stage], ToEmotion: t.Emotion})
			removed(i)
			continue
		}
		c := cur[pairOf[i]]
		base := Change{Current: c.ID, Target: t.ID, Title: t.Title, FromTitle: c.Title,
			FromStage: curStage[c.Stage], ToStage: tgtStage[t.Stage],
			FromEmotion: c.Emotion, ToEmotion: t.Emotion}
		add := func(k ChangeKind, fields []string) {
			ch := base
			ch.Kind, ch.Fields = k, fields
			r.Changes = append(r.Changes, ch)
		}
		if base.FromStage != base.ToStage || moved[i] {
			add(Moved, nil)
		}
		if c.Emotion != t.Emotion {
			add(Emotion, nil)
		}
		if fs := fields(c, t, curLane, tgtLane); len(fs) > 0 {
			add(Changed, fs)
		}
		removed(i)
	}

	for k, c := range cur {
		p := Point{Touchpoint: c.ID, Order: k + 1, Emotion: c.Emotion, Title: c.Title}
		if pairedTo[k] >= 0 {
			p.Pair = tgt[pairedTo[k]].ID
		}
		r.CurrentCurve = append(r.CurrentCurve, p)
	}
	for i, t := range tgt {
		p := Point{Touchpoint: t.ID, Order: i + 1, Emotion: t.Emotion, Title: t.Title}
		if pairOf[i] >= 0 {
			p.Pair = cur[pairOf[i]].ID
		}
		r.TargetCurve = append(r.TargetCurve, p)
	}
	return r
}

// pair matches target touchpoints with current ones, by origin (target to
// current, then current to target), then by title.
func pair(cur, tgt []*model.Touchpoint) (pairOf, pairedTo []int) {
	pairOf, pairedTo = make([]int, len(tgt)), make([]int, len(cur))
	for i := range pairOf {
		pairOf[i] = -1
	}
	for k := range pairedTo {
		pairedTo[k] = -1
	}
	index := make(map[string]int, len(cur))
	for k, c := range cur {
		if _, dup := index[c.ID]; !dup {
			index[c.ID] = k
		}
	}
	for i, t := range tgt {
		if t.Origin == "" {
			continue
		}
		if k, ok := index[t.Origin]; ok && pairedTo[k] < 0 {
			pairOf[i], pairedTo[k] = k, i
		}
	}
	// The other way round: a current touchpoint copied from a target one
	// (the journeys compared in reverse).
	tindex := make(map[string]int, len(tgt))
	for i, t := range tgt {
		if _, dup := tindex[t.ID]; !dup {
			tindex[t.ID] = i
		}
	}
	for k, c := range cur {
		if c.Origin == "" || pairedTo[k] >= 0 {
			continue
		}
		if i, ok := tindex[c.Origin]; ok && pairOf[i] < 0 {
			pairOf[i], pairedTo[k] = k, i
		}
	}
	// By title: the unpaired current touchpoints of each title, in
	// timeline order, are taken in turn.
	byTitle := map[string][]int{}
	for k, c := range cur {
		if key := titleKey(c.Title); pairedTo[k] < 0 && key != "" {
			byTitle[key] = append(byTitle[key], k)
		}
	}
	for i, t := range tgt {
		if pairOf[i] >= 0 {
			continue
		}
		key := titleKey(t.Title)
		if ks := byTitle[key]; key != "" && len(ks) > 0 {
			pairOf[i], pairedTo[ks[0]] = ks[0], i
			byTitle[key] = ks[1:]
		}
	}
	return pairOf, pairedTo
}

// titleKey is how titles are compared: spaces trimmed, NFC.
func titleKey(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// movedInStage marks the target touchpoints that stayed in a stage of the
// same name but not in the order of the others: those off a longest
// increasing run of their current places, stage by stage.
func movedInStage(cur, tgt []*model.Touchpoint, pairOf []int, curStage, tgtStage map[string]string) []bool {
	moved := make([]bool, len(tgt))
	groups := map[string][]int{} // stage name → target indexes, in order
	var names []string
	for i, t := range tgt {
		k := pairOf[i]
		if k < 0 || curStage[cur[k].Stage] != tgtStage[t.Stage] {
			continue
		}
		name := tgtStage[t.Stage]
		if _, ok := groups[name]; !ok {
			names = append(names, name)
		}
		groups[name] = append(groups[name], i)
	}
	for _, name := range names {
		idx := groups[name]
		seq := make([]int, len(idx))
		for n, i := range idx {
			seq[n] = pairOf[i]
		}
		keep := lis(seq)
		for n, i := range idx {
			if !keep[n] {
				moved[i] = true
			}
		}
	}
	return moved
}

// lis marks a longest strictly increasing subsequence of seq (values are
// distinct): patience sorting with back links, O(n log n).
func lis(seq []int) []bool {
	keep := make([]bool, len(seq))
	if len(seq) == 0 {
		return keep
	}
	tails := []int{} // tails[l] = index in seq of the smallest tail of a run of length l+1
	prev := make([]int, len(seq))
	for n, v := range seq {
		l, _ := slices.BinarySearchFunc(tails, v, func(t, v int) int { return seq[t] - v })
		if l > 0 {
			prev[n] = tails[l-1]
		} else {
			prev[n] = -1
		}
		if l == len(tails) {
			tails = append(tails, n)
		} else {
			tails[l] = n
		}
	}
	for n := tails[len(tails)-1]; n >= 0; n = prev[n] {
		keep[n] = true
	}
	return keep
}

// fields lists what differs between two paired touchpoints, besides
// stage, place and emotion.
func fields(c, t *model.Touchpoint, curLane, tgtLane map[string]string) []string {
	var fs []string
	if titleKey(c.Title) != titleKey(t.Title) {
		fs = append(fs, FieldTitle)
	}
	if c.Channel != t.Channel {
		fs = append(fs, FieldChannel)
	}
	if curLane[c.Lane] != tgtLane[t.Lane] {
		fs = append(fs, FieldLane)
	}
	if c.Markers != t.Markers {
		fs = append(fs, FieldMarkers)
	}
	if c.Description != t.Description {
		fs = append(fs, FieldDescription)
	}
	if c.Note != t.Note {
		fs = append(fs, FieldNote)
	}
	if !bytes.Equal(c.Image, t.Image) {
		fs = append(fs, FieldImage)
	}
	return fs
}

// stageNames maps stage ids to names; a touchpoint of an unknown stage
// gets its stage id in brackets, which no name equals.
func stageNames(j *model.Journey) map[string]string {
	m := make(map[string]string, len(j.Stages))
	for _, t := range j.Touchpoints {
		m[t.Stage] = "[" + t.Stage + "]"
	}
	for _, s := range j.Stages {
		m[s.ID] = strings.TrimSpace(s.Name)
	}
	return m
}

func laneNames(j *model.Journey) map[string]string {
	m := make(map[string]string, len(j.Lanes))
	for _, t := range j.Touchpoints {
		m[t.Lane] = "[" + t.Lane + "]"
	}
	for _, l := range j.Lanes {
		m[l.ID] = strings.TrimSpace(l.Name)
	}
	return m
}
