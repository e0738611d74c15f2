package model

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"parcours/model/msg"
)

// Format is the value of the "format" key of the JSON interchange.
const Format = "parcours/v1"

// ReadJSON parses a parcours/v1 document, refusing with a message that names
// the key or id anything CONTRACTS.md §2 rejects: another format, an unknown
// or missing key, a value of the wrong type or out of range, a reference to
// nothing, a duplicate id. name is the file name used in messages.
// Touchpoint orders are put back on the timeline (1..n, stage by stage).
//
// The text must be UTF-8 (a byte order mark first is skipped), with no key
// twice in an object and objects and lists nested at most maxNesting deep;
// it is read up to MaxJSONBytes.
func ReadJSON(r io.Reader, name string) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxJSONBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxJSONBytes {
		return nil, &invalid{msg.T("json.too_large", name, msg.Size(MaxJSONBytes))}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, &invalid{msg.T("json.utf8", name, lineOf(data, invalidUTF8(data)))}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err != nil {
		return nil, syntaxError(name, data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &invalid{msg.T("json.trailing", name)}
	}
	if err := structure(name, data); err != nil {
		return nil, err
	}
	m, ok := top.(map[string]any)
	if !ok {
		return nil, problem("json.not_object", name)
	}
	if f, ok := m["format"].(string); !ok || f != Format {
		return nil, problem("json.format", fmt.Sprint(m["format"]), Format)
	}
	r0 := &reader{}
	d := r0.document(m)
	if r0.err != nil {
		return nil, r0.err
	}
	// Any orders ≥ 1, each used once, are put back on the timeline; then
	// the document passes the validation every document passes.
	for _, j := range d.Journeys {
		if err := orders(j); err != nil {
			return nil, err
		}
		j.Timeline()
	}
	if err := Validate(d); err != nil {
		return nil, err
	}
	return d, nil
}

func syntaxError(name string, data []byte, err error) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &invalid{msg.T("json.empty", name)}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &invalid{msg.T("json.truncated", name)}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := min(int(se.Offset), len(data))
		if strings.Contains(se.Error(), "max depth") {
			return &invalid{msg.T("json.deep", name, lineOf(data, off), maxNesting)}
		}
		line := lineOf(data, off)
		col := off - bytes.LastIndexByte(data[:off], '\n')
		return &invalid{msg.T("json.syntax.at", name, line, col)}
	}
	return &invalid{msg.T("json.syntax", name, err)}
}

// MaxJSONBytes bounds a JSON document: every text and picture a document
// may hold, pictures in base64, and the keys around them.
const MaxJSONBytes = 2*MaxTextBytes + MaxPicturesBytes/3*4 + 64<<20

// maxNesting is how deep objects and lists may nest; parcours/v1 needs 7.
const maxNesting = 32

func lineOf(data []byte, off int) int { return 1 + bytes.Count(data[:off], []byte("\n")) }

// invalidUTF8 is the offset of the first byte that is not UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// structure walks JSON text already known to be valid and refuses a key
// given twice in one object (encoding/json keeps the last silently) and
// nesting deeper than maxNesting, naming the line.
func structure(name string, data []byte) error {
	type level struct {
		object bool
		keys   map[string]bool
		atKey  bool // the next string is a key
	}
	var stack []level
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '{', '[':
			if len(stack) >= maxNesting {
				return &invalid{msg.T("json.deep", name, lineOf(data, i), maxNesting)}
			}
			stack = append(stack, level{object: c == '{', atKey: c == '{'})
		case '}', ']':
			stack = stack[:len(stack)-1]
		case ',':
			if top := &stack[len(stack)-1]; top.object {
				top.atKey = true
			}
		case '"':
			end := i + 1
			escaped := false
			for ; end < len(data); end++ {
				if data[end] == '\\' {
					escaped = true
					end++
					continue
				}
				if data[end] == '"' {
					break
				}
			}
			if n := len(stack); n > 0 && stack[n-1].atKey {
				top := &stack[n-1]
				top.atKey = false
				key := string(data[i+1 : end])
				if escaped {
					_ = json.Unmarshal(data[i:end+1], &key)
				}
				if top.keys == nil {
					top.keys = map[string]bool{}
				}
				if top.keys[key] {
					return &invalid{msg.T("json.duplicate_key", name, lineOf(data, i), key)}
				}
				top.keys[key] = true
			}
			i = end
		}
	}
	return nil
}

// reader turns the generic JSON tree into the model, keeping the first
// problem it meets.
type reader struct{ err error }

type object struct {
	r     *reader
	m     map[string]any
	where string
}

func (r *reader) fail(key string, args ...any) {
	if r.err == nil {
		r.err = problem(key, args...)
	}
}

// open checks that v is an object with every required key and no key
// outside required and optional.
func (r *reader) open(v any, where string, required, optional []string) *object {
	m, ok := v.(map[string]any)
	if !ok {
		r.fail("json.not_object", where)
		return &object{r: r, m: map[string]any{}, where: where}
	}
	o := &object{r: r, m: m, where: where}
	for _, k := range required {
		if _, ok := m[k]; !ok {
			r.fail("json.missing_key", where, k)
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(required, k) && !slices.Contains(optional, k) {
			r.fail("json.unknown_key", where, k)
		}
	}
	return o
}

func (o *object) typeErr(key, want string) { o.r.fail("json.type", o.where, key, msg.T(want)) }

func (o *object) str(key string) string {
	v, ok := o.m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		o.typeErr(key, "type.string")
	}
	return s
}

func (o *object) has(key string) bool { _, ok := o.m[key]; return ok }

func (o *object) num(key string) float64 {
	v, ok := o.m[key]
	if !ok {
		return 0
	}
	n, ok := v.(json.Number)
	if !ok {
		o.typeErr(key, "type.number")
		return 0
	}
	f, err := n.Float64()
	if err != nil || math.IsInf(f, 0) {
		o.typeErr(key, "type.number")
	}
	return f
}

func (o *object) integer(key string) int {
	f := o.num(key)
	if f != math.Trunc(f) || math.Abs(f) > 1<<31 {
		o.typeErr(key, "type.integer")
		return 0
	}
	return int(f)
}

func (o *object) boolean(key string) bool {
	v, ok := o.m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		o.typeErr(key, "type.bool")
	}
	return b
}

func (o *object) list(key string) []any {
	v, ok := o.m[key]
	if !ok {
		return nil
	}
	l, ok := v.([]any)
	if !ok {
		o.typeErr(key, "type.list")
	}
	return l
}

func (o *object) strings(key string) []string {
	l := o.list(key)
	out := make([]string, 0, len(l))
	for _, v := range l {
		s, ok := v.(string)
		if !ok {
			o.typeErr(key, "type.string")
			return out
		}
		out = append(out, s)
	}
	return out
}

func (o *object) bytes(key string) []byte {
	s := o.str(key)
	if s == "" {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		o.typeErr(key, "type.base64")
	}
	return b
}

// picture reads a base64 picture and readies it for the document
// (FitPicture): oversized ones are scaled down, anything that is not a PNG
// or JPEG picture is refused.
func (o *object) picture(key string) []byte {
	b := o.bytes(key)
	if len(b) == 0 || o.r.err != nil {
		return b
	}
	fitted, err := FitPicture(b, o.where, key)
	if err != nil {
		o.r.err = err
		return nil
	}
	return fitted
}

func (o *object) time(key string) time.Time {
	s := o.str(key)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		o.typeErr(key, "type.time")
	}
	return t
}

// id reads the "id" key first so that messages about the object name it.
func (r *reader) id(v any, kind string) string {
	if m, ok := v.(map[string]any); ok {
		if s, ok := m["id"].(string); ok {
			return msg.T(kind, s)
		}
	}
	return msg.T(kind, "?")
}

func (r *reader) document(m map[string]any) *Document {
	o := r.open(m, msg.T("where.document"),
		[]string{"format", "title", "language", "personas", "journeys"}, []string{"created", "modified"})
	d := &Document{Title: o.str("title"), Language: o.str("language"),
		Created: o.time("created"), Modified: o.time("modified")}
	for _, v := range o.list("personas") {
		d.Personas = append(d.Personas, r.persona(v))
	}
	for _, v := range o.list("journeys") {
		d.Journeys = append(d.Journeys, r.journey(v))
	}
	return d
}

func (r *reader) persona(v any) *Persona {
	o := r.open(v, r.id(v, "where.persona"),
		[]string{"id", "name", "job", "age", "hobbies", "ambitions", "frustrations", "channels", "quote"},
		[]string{"avatar"})
	p := &Persona{ID: o.str("id"), Name: o.str("name"), Job: o.str("job"), Age: o.str("age"),
		Hobbies: o.str("hobbies"), Ambitions: o.str("ambitions"), Frustrations: o.str("frustrations"),
		Quote: o.str("quote"), Avatar: o.picture("avatar")}
	for _, c := range o.strings("channels") {
		p.Channels = append(p.Channels, Channel(c))
	}
	return p
}

func (r *reader) journey(v any) *Journey {
	o := r.open(v, r.id(v, "where.journey"),
		[]string{"id", "title", "persona", "objective", "state", "target_score", "stages", "lanes",
			"touchpoints", "opportunities"}, []string{"origin", "reviews"})
	j := &Journey{ID: o.str("id"), Title: o.str("title"), Persona: o.str("persona"),
		Objective: o.str("objective"), State: JourneyState(o.str("state")),
		TargetScore: o.num("target_score"), Origin: o.str("origin")}
	for _, v := range o.list("stages") {
		j.Stages = append(j.Stages, r.stage(v))
	}
	for _, v := range o.list("lanes") {
		j.Lanes = append(j.Lanes, r.lane(v))
	}
	for _, v := range o.list("touchpoints") {
		j.Touchpoints = append(j.Touchpoints, r.touchpoint(v))
	}
	for _, v := range o.list("opportunities") {
		j.Opportunities = append(j.Opportunities, r.opportunity(v))
	}
	for _, v := range o.list("reviews") {
		j.Reviews = append(j.Reviews, r.review(v))
	}
	j.SortReviews()
	return j
}

func (r *reader) review(v any) *Review {
	where := r.id(v, "where.review")
	o := r.open(v, where, []string{"id", "date", "stages", "touchpoints"}, []string{"note"})
	rv := &Review{ID: o.str("id"), Date: o.str("date"), Note: o.str("note")}
	for _, sv := range o.list("stages") {
		s := r.open(sv, where, []string{"stage", "name"}, []string{"kpis", "average_emotion", "average_score"})
		m := StageMeasure{Stage: s.str("stage"), Name: s.str("name"),
			AverageEmotion: s.optNum("average_emotion"), AverageScore: s.optNum("average_score")}
		for i, kv := range s.list("kpis") {
			k := r.open(kv, msg.T("where.kpi", i+1, m.Stage), []string{"name", "value", "target"}, nil)
			m.KPIs = append(m.KPIs, KPI{Name: k.str("name"), Value: k.str("value"), Target: k.str("target")})
		}
		rv.Stages = append(rv.Stages, m)
	}
	for _, tv := range o.list("touchpoints") {
		t := r.open(tv, where, []string{"touchpoint", "listened"}, []string{"score", "responses"})
		rv.Touchpoints = append(rv.Touchpoints, TouchpointMeasure{Touchpoint: t.str("touchpoint"),
			Score: t.optNum("score"), Responses: t.integer("responses"), Listened: t.boolean("listened")})
	}
	return rv
}

// optNum reads an optional number: nil when the key is absent.
func (o *object) optNum(key string) *float64 {
	if !o.has(key) {
		return nil
	}
	f := o.num(key)
	return &f
}

func (r *reader) stage(v any) *Stage {
	where := r.id(v, "where.stage")
	o := r.open(v, where, []string{"id", "name", "customer_goals", "business_goals"},
		[]string{"actions", "thoughts", "kpis", "width"})
	s := &Stage{ID: o.str("id"), Name: o.str("name"), CustomerGoals: o.str("customer_goals"),
		BusinessGoals: o.str("business_goals"), Actions: o.str("actions"), Thoughts: o.str("thoughts"),
		Width: o.num("width")}
	for i, kv := range o.list("kpis") {
		k := r.open(kv, msg.T("where.kpi", i+1, s.ID), []string{"name", "value", "target"}, nil)
		s.KPIs = append(s.KPIs, KPI{Name: k.str("name"), Value: k.str("value"), Target: k.str("target")})
	}
	return s
}

func (r *reader) lane(v any) *Lane {
	o := r.open(v, r.id(v, "where.lane"), []string{"id", "name", "owned", "color"}, []string{"leverage"})
	return &Lane{ID: o.str("id"), Name: o.str("name"), Owned: o.boolean("owned"),
		Leverage: o.boolean("leverage"), Color: o.str("color")}
}

func (r *reader) touchpoint(v any) *Touchpoint {
	where := r.id(v, "where.touchpoint")
	o := r.open(v, where,
		[]string{"id", "stage", "lane", "order", "title", "channel", "emotion", "listened", "markers", "quotes"},
		[]string{"score", "responses", "description", "note", "image", "origin"})
	t := &Touchpoint{ID: o.str("id"), Stage: o.str("stage"), Lane: o.str("lane"), Order: o.integer("order"),
		Title: o.str("title"), Channel: Channel(o.str("channel")), Description: o.str("description"),
		Emotion: o.integer("emotion"), Responses: o.integer("responses"), Listened: o.boolean("listened"),
		Quotes: o.strings("quotes"), Note: o.str("note"), Image: o.picture("image"), Origin: o.str("origin")}
	if o.has("score") {
		s := o.num("score")
		t.Score = &s
	}
	for _, m := range o.strings("markers") {
		mk := Marker(m)
		if !mk.Valid() {
			r.fail("valid.enum", where, "markers", m, joinAny(AllMarkers))
		}
		if t.Markers.Has(mk) {
			r.fail("valid.duplicate", where, "markers", m)
		}
		t.Markers = t.Markers.With(mk)
	}
	if t.Quotes == nil {
		t.Quotes = []string{}
	}
	return t
}

func (r *reader) opportunity(v any) *Opportunity {
	o := r.open(v, r.id(v, "where.opportunity"),
		[]string{"id", "title", "kind", "touchpoints", "impact", "effort", "owner", "status"}, nil)
	return &Opportunity{ID: o.str("id"), Title: o.str("title"), Kind: OpportunityKind(o.str("kind")),
		Touchpoints: o.strings("touchpoints"), Impact: o.integer("impact"), Effort: o.integer("effort"),
		Owner: o.str("owner"), Status: OpportunityStatus(o.str("status"))}
}

// The wire types fix the key order of the output, which follows the
// reference example so that exports diff well under version control.
type (
	wDocument struct {
		Format   string     `json:"format"`
		Title    string     `json:"title"`
		Language string     `json:"language"`
		Personas []wPersona `json:"personas"`
		Journeys []wJourney `json:"journeys"`
		Created  string     `json:"created,omitempty"`
		Modified string     `json:"modified,omitempty"`
	}
	wPersona struct {
		ID           string    `json:"id"`
		Name         string    `json:"name"`
		Job          string    `json:"job"`
		Age          string    `json:"age"`
		Hobbies      string    `json:"hobbies"`
		Ambitions    string    `json:"ambitions"`
		Frustrations string    `json:"frustrations"`
		Channels     []Channel `json:"channels"`
		Quote        string    `json:"quote"`
		Avatar       []byte    `json:"avatar,omitempty"`
	}
	wJourney struct {
		ID            string         `json:"id"`
		Title         string         `json:"title"`
		Persona       string         `json:"persona"`
		Objective     string         `json:"objective"`
		State         JourneyState   `json:"state"`
		TargetScore   float64        `json:"target_score"`
		Stages        []wStage       `json:"stages"`
		Lanes         []wLane        `json:"lanes"`
		Touchpoints   []wTouchpoint  `json:"touchpoints"`
		Opportunities []wOpportunity `json:"opportunities"`
		Origin        string         `json:"origin,omitempty"`
		Reviews       []wReview      `json:"reviews,omitempty"`
	}
	wReview struct {
		ID          string               `json:"id"`
		Date        string               `json:"date"`
		Note        string               `json:"note,omitempty"`
		Stages      []wStageMeasure      `json:"stages"`
		Touchpoints []wTouchpointMeasure `json:"touchpoints"`
	}
	wStageMeasure struct {
		Stage          string   `json:"stage"`
		Name           string   `json:"name"`
		KPIs           []wKPI   `json:"kpis,omitempty"`
		AverageEmotion *float64 `json:"average_emotion,omitempty"`
		AverageScore   *float64 `json:"average_score,omitempty"`
	}
	wTouchpointMeasure struct {
		Touchpoint string   `json:"touchpoint"`
		Score      *float64 `json:"score,omitempty"`
		Responses  int      `json:"responses,omitempty"`
		Listened   bool     `json:"listened"`
	}
	wStage struct {
		ID            string  `json:"id"`
		Name          string  `json:"name"`
		CustomerGoals string  `json:"customer_goals"`
		BusinessGoals string  `json:"business_goals"`
		Actions       string  `json:"actions"`
		Thoughts      string  `json:"thoughts"`
		KPIs          []wKPI  `json:"kpis,omitempty"`
		Width         float64 `json:"width,omitempty"`
	}
	wKPI struct {
		Name   string `json:"name"`
		Value  string `json:"value"`
		Target string `json:"target"`
	}
	wLane struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Owned    bool   `json:"owned"`
		Color    string `json:"color"`
		Leverage *bool  `json:"leverage,omitempty"`
	}
	wTouchpoint struct {
		ID          string   `json:"id"`
		Stage       string   `json:"stage"`
		Lane        string   `json:"lane"`
		Order       int      `json:"order"`
		Title       string   `json:"title"`
		Channel     Channel  `json:"channel"`
		Description string   `json:"description"`
		Emotion     int      `json:"emotion"`
		Score       *float64 `json:"score,omitempty"`
		Listened    bool     `json:"listened"`
		Markers     []Marker `json:"markers"`
		Quotes      []string `json:"quotes"`
		Note        string   `json:"note"`
		Responses   int      `json:"responses,omitempty"`
		Image       []byte   `json:"image,omitempty"`
		Origin      string   `json:"origin,omitempty"`
	}
	wOpportunity struct {
		ID          string            `json:"id"`
		Title       string            `json:"title"`
		Kind        OpportunityKind   `json:"kind"`
		Touchpoints []string          `json:"touchpoints"`
		Impact      int               `json:"impact"`
		Effort      int               `json:"effort"`
		Owner       string            `json:"owner"`
		Status      OpportunityStatus `json:"status"`
	}
)

// WriteJSON writes the whole document as parcours/v1, with touchpoint orders
// renumbered along the timeline. It does not change d.
func WriteJSON(w io.Writer, d *Document) error {
	out := wDocument{Format: Format, Title: d.Title, Language: d.Language,
		Personas: []wPersona{}, Journeys: []wJourney{}}
	if !d.Created.IsZero() {
		out.Created = d.Created.UTC().Format(time.RFC3339)
	}
	if !d.Modified.IsZero() {
		out.Modified = d.Modified.UTC().Format(time.RFC3339)
	}
	for _, p := range d.Personas {
		out.Personas = append(out.Personas, wPersona{ID: p.ID, Name: p.Name, Job: p.Job, Age: p.Age,
			Hobbies: p.Hobbies, Ambitions: p.Ambitions, Frustrations: p.Frustrations,
			Channels: orEmpty(p.Channels), Quote: p.Quote, Avatar: p.Avatar})
	}
	for _, j := range d.Journeys {
		out.Journeys = append(out.Journeys, wireJourney(j))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func wireJourney(j *Journey) wJourney {
	wj := wJourney{ID: j.ID, Title: j.Title, Persona: j.Persona, Objective: j.Objective, State: j.State,
		TargetScore: j.TargetScore, Origin: j.Origin, Stages: []wStage{}, Lanes: []wLane{},
		Touchpoints: []wTouchpoint{}, Opportunities: []wOpportunity{}}
	for _, s := range j.Stages {
		ws := wStage{ID: s.ID, Name: s.Name, CustomerGoals: s.CustomerGoals, BusinessGoals: s.BusinessGoals,
			Actions: s.Actions, Thoughts: s.Thoughts, Width: s.Width}
		for _, k := range s.KPIs {
			ws.KPIs = append(ws.KPIs, wKPI(k))
		}
		wj.Stages = append(wj.Stages, ws)
	}
	for _, l := range j.Lanes {
		wl := wLane{ID: l.ID, Name: l.Name, Owned: l.Owned, Color: l.Color}
		if !l.Owned || l.Leverage {
			lev := l.Leverage
			wl.Leverage = &lev
		}
		wj.Lanes = append(wj.Lanes, wl)
	}
	for i, t := range TimelineOf(j) {
		wj.Touchpoints = append(wj.Touchpoints, wTouchpoint{ID: t.ID, Stage: t.Stage, Lane: t.Lane,
			Order: i + 1, Title: t.Title, Channel: t.Channel, Description: t.Description, Emotion: t.Emotion,
			Score: t.Score, Listened: t.Listened, Markers: t.Markers.List(), Quotes: orEmpty(t.Quotes),
			Note: t.Note, Responses: t.Responses, Image: t.Image, Origin: t.Origin})
	}
	for _, o := range j.Opportunities {
		wj.Opportunities = append(wj.Opportunities, wOpportunity{ID: o.ID, Title: o.Title, Kind: o.Kind,
			Touchpoints: orEmpty(o.Touchpoints), Impact: o.Impact, Effort: o.Effort, Owner: o.Owner,
			Status: o.Status})
	}
	for _, r := range j.Reviews {
		wr := wReview{ID: r.ID, Date: r.Date, Note: r.Note, Stages: []wStageMeasure{},
			Touchpoints: make([]wTouchpointMeasure, 0, len(r.Touchpoints))}
		for _, s := range r.Stages {
			ws := wStageMeasure{Stage: s.Stage, Name: s.Name, AverageEmotion: s.AverageEmotion,
				AverageScore: s.AverageScore}
			for _, k := range s.KPIs {
				ws.KPIs = append(ws.KPIs, wKPI(k))
			}
			wr.Stages = append(wr.Stages, ws)
		}
		for _, t := range r.Touchpoints {
			wr.Touchpoints = append(wr.Touchpoints, wTouchpointMeasure(t))
		}
		wj.Reviews = append(wj.Reviews, wr)
	}
	return wj
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// PlainJSON marshals v as JSON without escaping <, > and & (reports and
// exports are read by people and scripts, not embedded in HTML).
func PlainJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
