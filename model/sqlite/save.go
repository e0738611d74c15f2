package sqlite

import (
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"parcours/model"
)

var _ model.Saver = (*Store)(nil)

// Save writes one edit in one transaction: every thing in delta.Changed as
// it now is in d (a thing that is no longer in d is deleted; a touchpoint
// takes an ord between its neighbours', see keys.go), every thing in
// delta.Removed deleted, the positions of the siblings of whatever changed,
// and the modification time, which d.Modified then holds too. The
// touchpoints delta.Shifts renumbers keep their ord in the file: nothing of
// them is written. A journey new to the file is written with everything it
// holds. d is checked first, by what delta changes (model.ValidateEdit);
// invalid data, a read-only store, or a file that was deleted, replaced or
// made read-only while open are refused before anything is written.
//
// When a save fails, what it was to write is remembered and written with
// the next one that succeeds, as it then is in d: a caller that kept the
// edit in memory (the editor rolls it back) loses nothing, even though the
// next edits write only what they change.
func (s *Store) Save(d *model.Document, delta model.Delta) (err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fail(nil, nil, "store.closed", s.path)
	}
	defer func() {
		if err != nil && s.saved != nil {
			s.saved.unsure(delta)
		}
	}()
	if s.readOnly {
		return fail(ErrReadOnly, nil, "store.readonly_save", s.path, s.reason)
	}
	if err := s.validate(d, delta); err != nil {
		return fail(nil, err, "store.invalid", s.path)
	}
	if err := s.stillThere(); err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Second)
	if err := s.transaction(func(w *writer) error {
		if err := w.apply(delta); err != nil {
			return err
		}
		_, err := w.stmt(w.st.modified).Exec(formatTime(now))
		return err
	}, d); err != nil {
		return err
	}
	d.Modified = now
	return nil
}

// validate checks d before it is saved: by what delta changes (a move of
// a card on a big map is checked in a fraction of a millisecond), unless
// failed saves left more to write, which is rare: then all of d.
func (s *Store) validate(d *model.Document, delta model.Delta) error {
	if s.saved != nil && len(s.saved.pending) > 0 {
		return model.Validate(d)
	}
	return model.ValidateEdit(d, delta)
}

// stillThere refuses to save into a file that is no longer the one opened
// (SQLite would write on into a deleted file and lose everything), or that
// can no longer be written.
func (s *Store) stillThere() error {
	now, err := os.Stat(s.abs)
	if err != nil {
		return fail(nil, err, "store.gone", s.path)
	}
	was, err := s.file.Stat()
	if err != nil {
		return fail(nil, err, "store.cannot_save", s.path)
	}
	if !os.SameFile(now, was) {
		return fail(nil, nil, "store.replaced", s.path)
	}
	if ok, why := writable(s.abs); !ok {
		return fail(ErrReadOnly, nil, "store.now_readonly", s.path, why)
	}
	return nil
}

// transaction runs f in one write transaction on the store's connection.
func (s *Store) transaction(f func(*writer) error, d *model.Document) error {
	tx, err := s.db.Begin()
	if err != nil {
		return s.sqliteError(err, "store.cannot_save")
	}
	w := &writer{tx: tx, st: s.stmts, d: d, saved: s.saved, wrote: map[string]savedRow{}, index: map[string]map[string]*model.Touchpoint{}}
	if err := f(w); err != nil {
		_ = tx.Rollback()
		return s.sqliteError(err, "store.cannot_save")
	}
	if err := tx.Commit(); err != nil {
		_ = tx.Rollback()
		return s.sqliteError(err, "store.cannot_save")
	}
	s.saved.commit(w)
	return nil
}

// statements are prepared once per connection; a transaction binds them
// with tx.Stmt, which reuses the prepared statement of its connection.
type statements struct {
	meta, modified                                 *sql.Stmt
	persona, personaPos, personaDel                *sql.Stmt
	journey, journeyPos, journeyDel, journeyExists *sql.Stmt
	stage, stagePos, stageDel                      *sql.Stmt
	lane, lanePos, laneDel                         *sql.Stmt
	touchpoint, touchpointUpd, touchpointDel       *sql.Stmt
	placement, order                               *sql.Stmt
	opportunity, opportunityPos, opportunityDel    *sql.Stmt
	links, link                                    *sql.Stmt
	review, reviewDel                              *sql.Stmt
	all                                            []*sql.Stmt
}

// upsert writes a row whatever was there, without deleting it first (an
// INSERT OR REPLACE would delete it, and cascade to its dependents).
func upsert(table string, cols ...string) string {
	set := make([]string, 0, len(cols)-1)
	for _, c := range cols[1:] {
		set = append(set, c+" = excluded."+c)
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s) DO UPDATE SET %s",
		table, strings.Join(cols, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "),
		cols[0], strings.Join(set, ", "))
}

// update writes the columns of an existing row, by id (the first column);
// its parameters are in the same order as upsert's, so one argument list
// serves both.
func update(table string, cols ...string) string {
	set := make([]string, 0, len(cols)-1)
	for i, c := range cols[1:] {
		set = append(set, fmt.Sprintf("%s = ?%d", c, i+2))
	}
	return fmt.Sprintf("UPDATE %s SET %s WHERE %s = ?1", table, strings.Join(set, ", "), cols[0])
}

var touchpointColumns = []string{"id", "journey_id", "stage_id", "lane_id", "ord", "title", "channel",
	"description", "emotion", "score", "responses", "listened", "markers", "quotes", "note", "image", "origin"}

func prepare(db *sql.DB) (*statements, error) {
	st := &statements{}
	for _, p := range []struct {
		s *(*sql.Stmt)
		q string
	}{
		{&st.meta, upsert("document", "id", "title", "language", "created", "modified")},
		{&st.modified, `UPDATE document SET modified = ? WHERE id = 1`},
		{&st.persona, upsert("personas", "id", "position", "name", "job", "age", "hobbies", "ambitions",
			"frustrations", "channels", "quote", "avatar")},
		{&st.personaPos, `UPDATE personas SET position = ?1 WHERE id = ?2 AND position <> ?1`},
		{&st.personaDel, `DELETE FROM personas WHERE id = ?`},
		{&st.journey, upsert("journeys", "id", "position", "title", "persona_id", "objective", "state",
			"target_score", "origin")},
		{&st.journeyPos, `UPDATE journeys SET position = ?1 WHERE id = ?2 AND position <> ?1`},
		{&st.journeyDel, `DELETE FROM journeys WHERE id = ?`},
		{&st.journeyExists, `SELECT count(*) FROM journeys WHERE id = ?`},
		{&st.stage, upsert("stages", "id", "journey_id", "position", "name", "customer_goals",
			"business_goals", "actions", "thoughts", "kpis", "width")},
		{&st.stagePos, `UPDATE stages SET position = ?1 WHERE id = ?2 AND position <> ?1`},
		{&st.stageDel, `DELETE FROM stages WHERE id = ?`},
		{&st.lane, upsert("lanes", "id", "journey_id", "position", "name", "owned", "leverage", "color")},
		{&st.lanePos, `UPDATE lanes SET position = ?1 WHERE id = ?2 AND position <> ?1`},
		{&st.laneDel, `DELETE FROM lanes WHERE id = ?`},
		{&st.touchpoint, upsert("touchpoints", touchpointColumns...)},
		{&st.touchpointUpd, update("touchpoints", touchpointColumns...)},
		{&st.placement, `UPDATE touchpoints SET stage_id = ?2, lane_id = ?3, ord = ?4 WHERE id = ?1`},
		{&st.order, `UPDATE touchpoints SET ord = ?2 WHERE id = ?1`},
		{&st.touchpointDel, `DELETE FROM touchpoints WHERE id = ?`},
		{&st.opportunity, upsert("opportunities", "id", "journey_id", "position", "title", "kind",
			"impact", "effort", "owner", "status")},
		{&st.opportunityPos, `UPDATE opportunities SET position = ?1 WHERE id = ?2 AND position <> ?1`},
		{&st.opportunityDel, `DELETE FROM opportunities WHERE id = ?`},
		{&st.links, `DELETE FROM opportunity_touchpoints WHERE opportunity_id = ?`},
		{&st.link, `INSERT INTO opportunity_touchpoints (opportunity_id, touchpoint_id, position) VALUES (?, ?, ?)`},
		{&st.review, upsert("reviews", "id", "journey_id", "date", "note", "stages", "touchpoints")},
		{&st.reviewDel, `DELETE FROM reviews WHERE id = ?`},
	} {
		s, err := db.Prepare(p.q)
		if err != nil {
			_ = st.close()
			return nil, fmt.Errorf("prepare %q: %w", p.q, err)
		}
		*p.s = s
		st.all = append(st.all, s)
	}
	return st, nil
}

func (st *statements) close() error {
	var errs []error
	for _, s := range st.all {
		errs = append(errs, s.Close())
	}
	st.all = nil
	return errors.Join(errs...)
}

// writer writes parts of d inside one transaction.
type writer struct {
	tx    *sql.Tx
	st    *statements
	d     *model.Document
	bound map[*sql.Stmt]*sql.Stmt
	index map[string]map[string]*model.Touchpoint // journey → id → touchpoint, for the journeys of many refs

	saved    *contents           // nil when building a new file
	wrote    map[string]savedRow // touchpoints written, for saved
	keys     map[string]int64    // ord of the touchpoints placed by this transaction
	rekeyed  []placed            // touchpoints placed anew that the edit did not name
	dropped  []string            // touchpoints deleted, for saved
	cascaded bool                // touchpoints may have been deleted with their stage, lane or journey
}

func (w *writer) stmt(s *sql.Stmt) *sql.Stmt {
	if b, ok := w.bound[s]; ok {
		return b
	}
	if w.bound == nil {
		w.bound = map[*sql.Stmt]*sql.Stmt{}
	}
	b := w.tx.Stmt(s)
	w.bound[s] = b
	return b
}

func (w *writer) exec(s *sql.Stmt, args ...any) error {
	_, err := w.stmt(s).Exec(args...)
	return err
}

// order in which kinds are written; deletions go the other way.
var kinds = []model.Kind{model.KindDocument, model.KindPersona, model.KindJourney, model.KindStage,
	model.KindLane, model.KindTouchpoint, model.KindOpportunity, model.KindReview}

// siblings names a list whose positions must be written again.
type siblings struct {
	kind    model.Kind
	journey string
}

func (w *writer) apply(delta model.Delta) error {
	if w.saved != nil {
		// What failed saves left unwritten goes with this one.
		delta.Changed = append(slices.Clip(delta.Changed), w.saved.pending...)
	}
	// Shifts need no writing: the touchpoints they renumber keep their
	// place in the file (see keys.go); those that moved get one.
	w.indexMany(delta.Changed)
	if err := w.placeAll(delta.Changed); err != nil {
		return err
	}
	moved := map[siblings]bool{}
	for _, k := range kinds {
		for _, r := range delta.Changed {
			if r.Kind == k {
				if err := w.write(r, moved); err != nil {
					return err
				}
			}
		}
	}
	for i := len(kinds) - 1; i >= 0; i-- {
		for _, r := range delta.Removed {
			if r.Kind == kinds[i] {
				if err := w.remove(r, moved); err != nil {
					return err
				}
			}
		}
	}
	for _, x := range w.rekeyed {
		// Touchpoints the edit did not name, given another place to
		// make room.
		if err := w.touchpoint(x.j, x.t); err != nil {
			return err
		}
	}
	for g := range moved {
		if err := w.positions(g); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) write(r model.Ref, moved map[siblings]bool) error {
	d := w.d
	if r.Kind == model.KindDocument {
		return w.meta()
	}
	if r.Kind == model.KindPersona {
		p := d.Persona(r.ID)
		if p == nil {
			return w.remove(r, moved)
		}
		moved[siblings{kind: model.KindPersona}] = true
		return w.persona(p)
	}
	if r.Kind == model.KindJourney {
		j := d.Journey(r.ID)
		if j == nil {
			return w.remove(r, moved)
		}
		moved[siblings{kind: model.KindJourney}] = true
		var n int
		if err := w.stmt(w.st.journeyExists).QueryRow(j.ID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return w.journeyWhole(j)
		}
		return w.journey(j)
	}
	j := d.Journey(r.Journey)
	if j == nil {
		return w.remove(r, moved)
	}
	switch r.Kind {
	case model.KindStage:
		if i := j.StageIndex(r.ID); i >= 0 {
			moved[siblings{model.KindStage, j.ID}] = true
			return w.stage(j, j.Stages[i], i)
		}
	case model.KindLane:
		if i := j.LaneIndex(r.ID); i >= 0 {
			moved[siblings{model.KindLane, j.ID}] = true
			return w.lane(j, j.Lanes[i], i)
		}
	case model.KindTouchpoint:
		if t := w.touchpointOf(j, r.ID); t != nil {
			return w.touchpoint(j, t)
		}
	case model.KindOpportunity:
		for i, o := range j.Opportunities {
			if o.ID == r.ID {
				moved[siblings{model.KindOpportunity, j.ID}] = true
				return w.opportunity(j, o, i)
			}
		}
	case model.KindReview:
		// Reviews are kept in date order: they have no position.
		if rv := j.Review(r.ID); rv != nil {
			return w.review(j, rv)
		}
	default:
		return fmt.Errorf("unknown kind %d", r.Kind)
	}
	return w.remove(r, moved)
}

// indexMany indexes by id the touchpoints of each journey that refs name
// many of (an edit that renumbers a journey names every touchpoint after
// the change), so that each is found at once; a few are looked for.
func (w *writer) indexMany(refs []model.Ref) {
	count := map[string]int{}
	for _, r := range refs {
		if r.Kind == model.KindTouchpoint {
			count[r.Journey]++
		}
	}
	for id, n := range count {
		j := w.d.Journey(id)
		if j == nil || n < 16 || len(j.Touchpoints) < 64 {
			continue
		}
		m := make(map[string]*model.Touchpoint, len(j.Touchpoints))
		for _, t := range j.Touchpoints {
			m[t.ID] = t
		}
		w.index[j.ID] = m
	}
}

// touchpointOf finds a touchpoint of a journey.
func (w *writer) touchpointOf(j *model.Journey, id string) *model.Touchpoint {
	if m, ok := w.index[j.ID]; ok {
		return m[id]
	}
	return j.Touchpoint(id)
}

func (w *writer) remove(r model.Ref, moved map[siblings]bool) error {
	var s *sql.Stmt
	switch r.Kind {
	case model.KindPersona:
		s = w.st.personaDel
		moved[siblings{kind: model.KindPersona}] = true
	case model.KindJourney:
		s = w.st.journeyDel
		moved[siblings{kind: model.KindJourney}] = true
		w.cascaded = true
	case model.KindStage:
		s = w.st.stageDel
		moved[siblings{model.KindStage, r.Journey}] = true
		w.cascaded = true
	case model.KindLane:
		s = w.st.laneDel
		moved[siblings{model.KindLane, r.Journey}] = true
		w.cascaded = true
	case model.KindTouchpoint:
		s = w.st.touchpointDel
		w.dropped = append(w.dropped, r.ID)
	case model.KindOpportunity:
		s = w.st.opportunityDel
		moved[siblings{model.KindOpportunity, r.Journey}] = true
	case model.KindReview:
		s = w.st.reviewDel
	default:
		return fmt.Errorf("cannot remove kind %d", r.Kind)
	}
	return w.exec(s, r.ID)
}

// positions writes the place of every member of a list, as it is in d.
func (w *writer) positions(g siblings) error {
	var ids []string
	var s *sql.Stmt
	switch g.kind {
	case model.KindPersona:
		s = w.st.personaPos
		for _, p := range w.d.Personas {
			ids = append(ids, p.ID)
		}
	case model.KindJourney:
		s = w.st.journeyPos
		for _, j := range w.d.Journeys {
			ids = append(ids, j.ID)
		}
	default:
		j := w.d.Journey(g.journey)
		if j == nil {
			return nil
		}
		switch g.kind {
		case model.KindStage:
			s = w.st.stagePos
			for _, x := range j.Stages {
				ids = append(ids, x.ID)
			}
		case model.KindLane:
			s = w.st.lanePos
			for _, x := range j.Lanes {
				ids = append(ids, x.ID)
			}
		case model.KindOpportunity:
			s = w.st.opportunityPos
			for _, x := range j.Opportunities {
				ids = append(ids, x.ID)
			}
		}
	}
	for i, id := range ids {
		if err := w.exec(s, i, id); err != nil {
			return err
		}
	}
	return nil
}

// whole writes the entire document (Create).
func (w *writer) whole() error {
	if err := w.meta(); err != nil {
		return err
	}
	for _, p := range w.d.Personas {
		if err := w.persona(p); err != nil {
			return err
		}
	}
	for _, j := range w.d.Journeys {
		if err := w.journeyWhole(j); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) journeyWhole(j *model.Journey) error {
	if err := w.journey(j); err != nil {
		return err
	}
	w.spread(timeline(j))
	for i, st := range j.Stages {
		if err := w.stage(j, st, i); err != nil {
			return err
		}
	}
	for i, l := range j.Lanes {
		if err := w.lane(j, l, i); err != nil {
			return err
		}
	}
	for _, t := range j.Touchpoints {
		if err := w.touchpoint(j, t); err != nil {
			return err
		}
	}
	for i, o := range j.Opportunities {
		if err := w.opportunity(j, o, i); err != nil {
			return err
		}
	}
	for _, r := range j.Reviews {
		if err := w.review(j, r); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) meta() error {
	d := w.d
	return w.exec(w.st.meta, 1, d.Title, d.Language, formatTime(d.Created), formatTime(d.Modified))
}

// jsonList encodes a list column; nil is stored as [].
func jsonList[T any](v []T) (string, error) {
	if v == nil {
		v = []T{}
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// orNull stores empty text and empty bytes as NULL where a column has a
// meaning for "none".
func orNull[T string | []byte](v T) any {
	if len(v) == 0 {
		return nil
	}
	return v
}

func (w *writer) persona(p *model.Persona) error {
	channels, err := jsonList(p.Channels)
	if err != nil {
		return err
	}
	return w.exec(w.st.persona, p.ID, indexOf(w.d.Personas, p), p.Name, p.Job, p.Age, p.Hobbies, p.Ambitions, p.Frustrations,
		channels, p.Quote, orNull(p.Avatar))
}

func (w *writer) journey(j *model.Journey) error {
	return w.exec(w.st.journey, j.ID, indexOf(w.d.Journeys, j), j.Title, orNull(j.Persona), j.Objective, string(j.State),
		j.TargetScore, j.Origin)
}

func indexOf[T comparable](list []T, x T) int {
	for i, v := range list {
		if v == x {
			return i
		}
	}
	return 0
}

func (w *writer) stage(j *model.Journey, st *model.Stage, pos int) error {
	ks := make([]kpi, len(st.KPIs))
	for i, k := range st.KPIs {
		ks[i] = kpi(k)
	}
	kpis, err := jsonList(ks)
	if err != nil {
		return err
	}
	return w.exec(w.st.stage, st.ID, j.ID, pos, st.Name, st.CustomerGoals, st.BusinessGoals, st.Actions,
		st.Thoughts, kpis, st.Width)
}

func (w *writer) lane(j *model.Journey, l *model.Lane, pos int) error {
	return w.exec(w.st.lane, l.ID, j.ID, pos, l.Name, l.Owned, l.Leverage, l.Color)
}

func (w *writer) touchpoint(j *model.Journey, t *model.Touchpoint) error {
	ord, ok := w.keyOf(t)
	if !ok {
		return fmt.Errorf("touchpoint %s has no place on the timeline", t.ID)
	}
	var h uint64
	if w.saved != nil {
		// A move renumbers many touchpoints and changes nothing else in
		// them: when the file is known to hold the same content, write
		// only the placement (usually the order alone, which no index or
		// reference involves). The row must still be there: a cascade
		// may have deleted it, and then it is written whole.
		h = w.saved.fingerprint(j, t)
		if old, ok := w.saved.rows[t.ID]; ok && old.sum == h {
			now := savedRow{h, t.Stage, t.Lane}
			var res sql.Result
			var err error
			if old.stage == t.Stage && old.lane == t.Lane {
				res, err = w.stmt(w.st.order).Exec(t.ID, ord)
			} else {
				res, err = w.stmt(w.st.placement).Exec(t.ID, t.Stage, t.Lane, ord)
			}
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			if n > 0 {
				w.wrote[t.ID] = now
				return nil
			}
		}
	}
	quotes, err := jsonList(t.Quotes)
	if err != nil {
		return err
	}
	var score any
	if t.Score != nil {
		score = *t.Score
	}
	args := []any{t.ID, j.ID, t.Stage, t.Lane, ord, t.Title, string(t.Channel),
		t.Description, t.Emotion, score, t.Responses, t.Listened, markersText(t.Markers), quotes, t.Note,
		orNull(t.Image), t.Origin}
	// Most writes are of rows already there: update first, insert only
	// when there was nothing to update.
	res, err := w.stmt(w.st.touchpointUpd).Exec(args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		if err := w.exec(w.st.touchpoint, args...); err != nil {
			return err
		}
	}
	if w.saved != nil {
		w.wrote[t.ID] = savedRow{h, t.Stage, t.Lane}
	}
	return nil
}

// contents remembers what the file holds: the ord of every touchpoint
// (keys), and for each touchpoint written since the store opened, its cell
// (stage and lane) and a fingerprint of everything but its placement. It is
// updated only once a transaction has committed, so it never claims more
// than the file holds; a touchpoint whose fingerprint it does not know is
// written whole.
//
// It also remembers what failed saves were to write (pending): the file
// does not hold it, while the caller may still hold the edit. The next
// save that succeeds writes it as d then has it.
type contents struct {
	seed    maphash.Seed
	rows    map[string]savedRow
	keys    map[string]int64
	pending []model.Ref
}

type savedRow struct {
	sum         uint64
	stage, lane string
}

func newContents() *contents {
	return &contents{seed: maphash.MakeSeed(), rows: map[string]savedRow{}, keys: map[string]int64{}}
}

// unsure remembers what a save that failed was to write.
func (c *contents) unsure(delta model.Delta) {
	c.pending = append(c.pending, delta.Changed...)
	c.pending = append(c.pending, delta.Removed...)
}

// fingerprint hashes every column of a touchpoint but its placement.
func (c *contents) fingerprint(j *model.Journey, t *model.Touchpoint) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	var b [8]byte
	num := func(v uint64) {
		binary.LittleEndian.PutUint64(b[:], v)
		h.Write(b[:])
	}
	str := func(s string) {
		num(uint64(len(s)))
		h.WriteString(s)
	}
	flag := func(v bool) {
		if v {
			num(1)
		} else {
			num(0)
		}
	}
	str(j.ID)
	str(t.Title)
	str(string(t.Channel))
	str(t.Description)
	num(uint64(t.Emotion))
	flag(t.Score != nil)
	if t.Score != nil {
		num(math.Float64bits(*t.Score))
	}
	num(uint64(t.Responses))
	flag(t.Listened)
	num(uint64(t.Markers))
	num(uint64(len(t.Quotes)))
	for _, q := range t.Quotes {
		str(q)
	}
	str(t.Note)
	num(uint64(len(t.Image)))
	h.Write(t.Image)
	str(t.Origin)
	return h.Sum64()
}

// commit records what a committed transaction wrote.
func (c *contents) commit(w *writer) {
	if w.cascaded {
		clear(c.rows)
	}
	for _, id := range w.dropped {
		delete(c.rows, id)
		delete(c.keys, id)
	}
	for id, r := range w.wrote {
		c.rows[id] = r
	}
	for id, k := range w.keys {
		c.keys[id] = k
	}
	c.pending = nil
}

func (w *writer) opportunity(j *model.Journey, o *model.Opportunity, pos int) error {
	if err := w.exec(w.st.opportunity, o.ID, j.ID, pos, o.Title, string(o.Kind), o.Impact, o.Effort,
		o.Owner, string(o.Status)); err != nil {
		return err
	}
	if err := w.exec(w.st.links, o.ID); err != nil {
		return err
	}
	for i, tid := range o.Touchpoints {
		if err := w.exec(w.st.link, o.ID, tid, i); err != nil {
			return err
		}
	}
	return nil
}
