package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	sqlite3 "github.com/mattn/go-sqlite3"

	"parcours/model"
	"parcours/model/msg"
)

// kpi is how a stage indicator is kept in the kpis JSON column; the tags
// fix the stored names whatever the Go fields are called.
type kpi struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Target string `json:"target"`
}

// load reads the whole document in one read transaction, under the
// deadline of openTimeout.
func (s *Store) load() (*model.Document, error) {
	ctx, cancel := context.WithTimeout(background, openTimeout)
	defer cancel()
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: s.readOnly})
	if err != nil {
		return nil, s.sqliteError(err, "store.cannot_read")
	}
	defer tx.Rollback()
	d, err := loadDocument(ctx, tx, s.version)
	if err != nil {
		var de dataError
		if errors.As(err, &de) {
			return nil, fail(ErrCorrupt, err, "store.corrupt_data", s.path)
		}
		if e := s.slowOrBig(err); e != nil {
			return nil, e
		}
		// SQLite failing to read (I/O, busy, damaged pages) is worded as
		// such; anything else (the census and the schema check leave
		// nothing the rows could hold that Scan refuses) is damage, worded
		// without the driver's words.
		var se sqlite3.Error
		if errors.As(err, &se) && se.Code != sqlite3.ErrError {
			return nil, s.sqliteError(err, "store.cannot_read")
		}
		return nil, &Error{Text: msg.T("store.corrupt_data", s.path), Kind: ErrCorrupt, Cause: err, quiet: true}
	}
	return d, nil
}

// dataError is stored data the model cannot take (bad JSON, unknown
// marker, a row pointing at nothing), in the user's words.
type dataError struct{ text string }

func (e dataError) Error() string { return e.text }

func bad(key string, args ...any) error { return dataError{msg.T(key, args...)} }

func loadDocument(ctx context.Context, tx *sql.Tx, version int) (*model.Document, error) {
	d := &model.Document{}
	var created, modified sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT title, language, created, modified FROM document WHERE id = 1`).
		Scan(&d.Title, &d.Language, &created, &modified)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bad("load.no_document")
	}
	if err != nil {
		return nil, err
	}
	if d.Created, err = parseTime("created", created); err != nil {
		return nil, err
	}
	if d.Modified, err = parseTime("modified", modified); err != nil {
		return nil, err
	}
	r := rows{ctx, tx}
	if err := loadPersonas(r, d); err != nil {
		return nil, err
	}
	journeys, err := loadJourneys(r, d)
	if err != nil {
		return nil, err
	}
	for _, f := range []func(rows, map[string]*model.Journey) error{
		loadStages, loadLanes, loadTouchpoints, loadOpportunities} {
		if err := f(r, journeys); err != nil {
			return nil, err
		}
	}
	if version >= 2 {
		if err := loadReviews(r, journeys); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func parseTime(key string, v sql.NullString) (time.Time, error) {
	if !v.Valid || v.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v.String)
	if err != nil {
		return time.Time{}, bad("load.time", msg.T("where.document"), key, printable(v.String))
	}
	return t, nil
}

func formatTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.RFC3339Nano)
}

// rows reads a document's tables in one transaction, under a deadline.
type rows struct {
	ctx context.Context
	tx  *sql.Tx
}

// each runs query and calls scan for every row.
func (r rows) each(query string, scan func(*sql.Rows) error) error {
	rows, err := r.tx.QueryContext(r.ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// list decodes a JSON list column; an empty list gives nil.
func list[T any](where, column, text string) ([]T, error) {
	// encoding/json would put U+FFFD in place of invalid bytes: what is
	// not UTF-8 is refused, as everywhere else.
	if !utf8.ValidString(text) {
		return nil, bad("valid.text", where, column)
	}
	var out []T
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		return nil, bad("load.list", where, column)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

func blob(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}

func loadPersonas(r rows, d *model.Document) error {
	return r.each(`SELECT id, name, job, age, hobbies, ambitions, frustrations, channels, quote, avatar
		FROM personas ORDER BY position, id`, func(r *sql.Rows) error {
		p := &model.Persona{}
		var channels string
		if err := r.Scan(&p.ID, &p.Name, &p.Job, &p.Age, &p.Hobbies, &p.Ambitions, &p.Frustrations,
			&channels, &p.Quote, &p.Avatar); err != nil {
			return err
		}
		var err error
		if p.Channels, err = list[model.Channel](msg.T("where.persona", p.ID), "channels", channels); err != nil {
			return err
		}
		p.Avatar = blob(p.Avatar)
		d.Personas = append(d.Personas, p)
		return nil
	})
}

func loadJourneys(r rows, d *model.Document) (map[string]*model.Journey, error) {
	byID := map[string]*model.Journey{}
	err := r.each(`SELECT id, title, persona_id, objective, state, target_score, origin
		FROM journeys ORDER BY position, id`, func(r *sql.Rows) error {
		j := &model.Journey{}
		var persona sql.NullString
		if err := r.Scan(&j.ID, &j.Title, &persona, &j.Objective, &j.State, &j.TargetScore, &j.Origin); err != nil {
			return err
		}
		j.Persona = persona.String
		d.Journeys = append(d.Journeys, j)
		byID[j.ID] = j
		return nil
	})
	return byID, err
}

func journeyOf(journeys map[string]*model.Journey, id, where, jid string) (*model.Journey, error) {
	if j := journeys[jid]; j != nil {
		return j, nil
	}
	return nil, bad("valid.ref", msg.T(where, id), "journey", jid)
}

// flag reads a boolean column, kept as 0 or 1.
func flag(v int64, where, id, key string) (bool, error) {
	if v != 0 && v != 1 {
		return false, bad("load.bool", msg.T(where, id), key, v)
	}
	return v == 1, nil
}

func loadStages(r rows, journeys map[string]*model.Journey) error {
	return r.each(`SELECT id, journey_id, name, customer_goals, business_goals, actions, thoughts, kpis, width
		FROM stages ORDER BY journey_id, position, id`, func(r *sql.Rows) error {
		st := &model.Stage{}
		var jid, kpis string
		if err := r.Scan(&st.ID, &jid, &st.Name, &st.CustomerGoals, &st.BusinessGoals, &st.Actions,
			&st.Thoughts, &kpis, &st.Width); err != nil {
			return err
		}
		j, err := journeyOf(journeys, st.ID, "where.stage", jid)
		if err != nil {
			return err
		}
		ks, err := list[kpi](msg.T("where.stage", st.ID), "kpis", kpis)
		if err != nil {
			return err
		}
		for _, k := range ks {
			st.KPIs = append(st.KPIs, model.KPI(k))
		}
		j.Stages = append(j.Stages, st)
		return nil
	})
}

func loadLanes(r rows, journeys map[string]*model.Journey) error {
	return r.each(`SELECT id, journey_id, name, owned, leverage, color
		FROM lanes ORDER BY journey_id, position, id`, func(r *sql.Rows) error {
		l := &model.Lane{}
		var jid string
		var owned, leverage int64
		if err := r.Scan(&l.ID, &jid, &l.Name, &owned, &leverage, &l.Color); err != nil {
			return err
		}
		j, err := journeyOf(journeys, l.ID, "where.lane", jid)
		if err != nil {
			return err
		}
		if l.Owned, err = flag(owned, "where.lane", l.ID, "owned"); err != nil {
			return err
		}
		if l.Leverage, err = flag(leverage, "where.lane", l.ID, "leverage"); err != nil {
			return err
		}
		j.Lanes = append(j.Lanes, l)
		return nil
	})
}

// markerWords reads the markers column: marker words separated by spaces.
func markerWords(id, text string) (model.Markers, error) {
	var m model.Markers
	for _, w := range strings.Fields(text) {
		mk := model.Marker(w)
		if !mk.Valid() {
			return 0, bad("load.marker", msg.T("where.touchpoint", id), printable(w))
		}
		if m.Has(mk) {
			return 0, bad("valid.duplicate", msg.T("where.touchpoint", id), "markers", w)
		}
		m = m.With(mk)
	}
	return m, nil
}

func markersText(m model.Markers) string {
	ws := make([]string, 0, len(model.AllMarkers))
	for _, mk := range m.List() {
		ws = append(ws, string(mk))
	}
	return strings.Join(ws, " ")
}

func loadTouchpoints(r rows, journeys map[string]*model.Journey) error {
	return r.each(`SELECT id, journey_id, stage_id, lane_id, ord, title, channel, description, emotion,
		score, responses, listened, markers, quotes, note, image, origin
		FROM touchpoints ORDER BY journey_id, ord, id`, func(r *sql.Rows) error {
		t := &model.Touchpoint{}
		var jid, markers, quotes string
		var score sql.NullFloat64
		var listened int64
		if err := r.Scan(&t.ID, &jid, &t.Stage, &t.Lane, &t.Order, &t.Title, &t.Channel, &t.Description,
			&t.Emotion, &score, &t.Responses, &listened, &markers, &quotes, &t.Note, &t.Image, &t.Origin); err != nil {
			return err
		}
		j, err := journeyOf(journeys, t.ID, "where.touchpoint", jid)
		if err != nil {
			return err
		}
		if t.Listened, err = flag(listened, "where.touchpoint", t.ID, "listened"); err != nil {
			return err
		}
		if score.Valid {
			v := score.Float64
			t.Score = &v
		}
		if t.Markers, err = markerWords(t.ID, markers); err != nil {
			return err
		}
		if !utf8.ValidString(quotes) {
			return bad("valid.text", msg.T("where.touchpoint", t.ID), "quotes")
		}
		if err := json.Unmarshal([]byte(quotes), &t.Quotes); err != nil {
			return bad("load.list", msg.T("where.touchpoint", t.ID), "quotes")
		}
		if t.Quotes == nil {
			t.Quotes = []string{}
		}
		t.Image = blob(t.Image)
		j.Touchpoints = append(j.Touchpoints, t)
		return nil
	})
}

func loadOpportunities(r rows, journeys map[string]*model.Journey) error {
	byID := map[string]*model.Opportunity{}
	err := r.each(`SELECT id, journey_id, title, kind, impact, effort, owner, status
		FROM opportunities ORDER BY journey_id, position, id`, func(r *sql.Rows) error {
		o := &model.Opportunity{Touchpoints: []string{}}
		var jid string
		if err := r.Scan(&o.ID, &jid, &o.Title, &o.Kind, &o.Impact, &o.Effort, &o.Owner, &o.Status); err != nil {
			return err
		}
		j, err := journeyOf(journeys, o.ID, "where.opportunity", jid)
		if err != nil {
			return err
		}
		j.Opportunities = append(j.Opportunities, o)
		byID[o.ID] = o
		return nil
	})
	if err != nil {
		return err
	}
	return r.each(`SELECT opportunity_id, touchpoint_id FROM opportunity_touchpoints
		ORDER BY opportunity_id, position, touchpoint_id`, func(r *sql.Rows) error {
		var oid, tid string
		if err := r.Scan(&oid, &tid); err != nil {
			return err
		}
		o := byID[oid]
		if o == nil {
			return bad("load.link", printable(oid), printable(tid))
		}
		o.Touchpoints = append(o.Touchpoints, tid)
		return nil
	})
}
