package ui

import (
	"bytes"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/msg"
)

// edit runs change on the journey on screen as one undoable, saved step.
// The change finds what it edits by id in the document it is given: undo
// and redo replace the document's contents, so pointers kept from before
// would be stale.
func (e *Editor) edit(name string, change func(d *model.Document, j *model.Journey) error) error {
	if e.editor == nil {
		return nil
	}
	jid := e.journey
	return e.Do(&model.Edit{Name: name, Change: func(d *model.Document) error {
		j := d.Journey(jid)
		if j == nil {
			return errors.New(msg.T("edit.no_journey", jid))
		}
		return change(d, j)
	}})
}

// moveCards drops cards on a cell, as one step of undo. The grabbed card,
// ids[0], lands where it is dropped; the other selected cards keep their
// order on the timeline around it and their lanes relative to its lane,
// whichever card of the group was grabbed.
func (e *Editor) moveCards(ids []string, d canvas.Drop) {
	s, j := e.mapView.Scene(), e.Journey()
	if s == nil || j == nil || d.Column >= len(s.Columns) || d.Row >= len(s.Rows) || len(ids) == 0 {
		return
	}
	stage, lane := s.Columns[d.Column].StageID, s.Rows[d.Row].LaneID
	if len(ids) == 1 {
		_ = e.Do(&model.MoveTouchpoint{Journey: e.journey, Touchpoint: ids[0], Stage: stage, Lane: lane, Slot: d.Slot})
		return
	}
	grabbed := j.Touchpoint(ids[0])
	if grabbed == nil {
		return
	}
	moving := map[string]bool{}
	for _, id := range ids {
		moving[id] = true
	}
	// The drop slot counts the stage's cards but the grabbed one; the
	// command counts those that stay.
	slot, seen := 0, 0
	for _, t := range j.StageTouchpoints(stage) {
		if t == grabbed {
			continue
		}
		if seen++; seen > d.Slot {
			break
		}
		if !moving[t.ID] {
			slot++
		}
	}
	by := j.LaneIndex(lane) - j.LaneIndex(grabbed.Lane)
	c := &model.MoveTouchpoints{Name: T("ui.move_cards", len(ids)), Journey: e.journey, Stage: stage, Slot: slot}
	for _, t := range model.TimelineOf(j) {
		if moving[t.ID] {
			row := max(0, min(len(j.Lanes)-1, j.LaneIndex(t.Lane)+by))
			c.Touchpoints = append(c.Touchpoints, t.ID)
			c.Lanes = append(c.Lanes, j.Lanes[row].ID)
		}
	}
	_ = e.Do(c)
}

// selectHit answers a click on the map.
func (e *Editor) selectHit(h canvas.Hit, additive bool) {
	e.win.Canvas().Unfocus() // the keyboard goes back to the map
	s := e.mapView.Scene()
	switch h.Kind {
	case canvas.HitCard:
		id := s.Cards[h.Index].TouchpointID
		if additive {
			e.sel = e.sel.toggled(id)
		} else {
			e.sel = cardsSelection(id)
		}
	case canvas.HitStage, canvas.HitBand:
		e.sel = selection{kind: selStage, ids: []string{s.Columns[h.Index].StageID}}
	case canvas.HitLane:
		e.sel = selection{kind: selLane, ids: []string{s.Rows[h.Index].LaneID}}
	default:
		if additive {
			return
		}
		e.sel = selection{}
	}
	e.showSelection()
}

func (e *Editor) selectCards(ids []string, additive bool) {
	if additive && e.sel.kind == selCards {
		for _, id := range ids {
			if !slices.Contains(e.sel.ids, id) {
				e.sel.ids = append(e.sel.ids, id)
			}
		}
	} else {
		e.sel = cardsSelection(ids...)
	}
	e.showSelection()
}

func (e *Editor) showSelection() {
	e.mapView.SetSelected(e.sel.cardSet())
	e.inspector.Show(e.sel)
}

// SelectAll selects every card of the journey on screen.
func (e *Editor) SelectAll() {
	s := e.mapView.Scene()
	if s == nil {
		return
	}
	ids := make([]string, len(s.Cards))
	for i, c := range s.Cards {
		ids[i] = c.TouchpointID
	}
	e.sel = cardsSelection(ids...)
	e.showSelection()
}

// selectedTouchpoints lists the selected cards in timeline order.
func (e *Editor) selectedTouchpoints() []*model.Touchpoint {
	j := e.Journey()
	if j == nil || e.sel.kind != selCards {
		return nil
	}
	set := e.sel.cardSet()
	var out []*model.Touchpoint
	for _, t := range j.Touchpoints {
		if set[t.ID] {
			out = append(out, t)
		}
	}
	return out
}

// DeleteSelection deletes the selected cards, stage or lane (with the
// cards in it, after asking).
func (e *Editor) DeleteSelection() {
	j := e.Journey()
	if j == nil {
		return
	}
	switch e.sel.kind {
	case selCards:
		ids := slices.Clone(e.sel.ids)
		del := func() {
			_ = e.edit(T("ui.delete_cards", len(ids)), func(_ *model.Document, j *model.Journey) error {
				j.DeleteTouchpoints(ids...)
				return nil
			})
		}
		if q := unlinkQuestion(j, ids); q != "" {
			e.confirmDelete(T("ui.delete_cards_q", len(ids))+"\n\n"+q, del)
		} else {
			del()
		}
	case selStage:
		id := e.sel.one()
		st := j.Stage(id)
		if st == nil {
			return
		}
		e.confirmDelete(T("ui.delete_stage_q", st.Name, len(j.StageTouchpoints(id)))+unlinkNote(j, touchpointIDs(j.StageTouchpoints(id))), func() {
			_ = e.edit(T("ui.delete_stage"), func(_ *model.Document, j *model.Journey) error {
				j.DeleteStage(id)
				return nil
			})
		})
	case selLane:
		id := e.sel.one()
		l := j.Lane(id)
		if l == nil {
			return
		}
		var in []string
		for _, t := range j.Touchpoints {
			if t.Lane == id {
				in = append(in, t.ID)
			}
		}
		e.confirmDelete(T("ui.delete_lane_q", l.Name, len(in))+unlinkNote(j, in), func() {
			_ = e.edit(T("ui.delete_lane"), func(_ *model.Document, j *model.Journey) error {
				j.DeleteLane(id)
				return nil
			})
		})
	}
}

// unlinkQuestion names the opportunities that deleting the touchpoints
// ids would unlink, saying which would be left without any touchpoint;
// "" when there are none.
func unlinkQuestion(j *model.Journey, ids []string) string {
	opps := j.LinkedOpportunities(ids...)
	if len(opps) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(T("ui.unlinks"))
	for _, o := range opps {
		b.WriteString("\n• « " + o.Title + " »")
		if !slices.ContainsFunc(o.Touchpoints, func(id string) bool { return !slices.Contains(ids, id) }) {
			b.WriteString(" " + T("ui.unlinks_last"))
		}
	}
	return b.String()
}

// unlinkNote is unlinkQuestion as a paragraph after another question.
func unlinkNote(j *model.Journey, ids []string) string {
	if q := unlinkQuestion(j, ids); q != "" {
		return "\n\n" + q
	}
	return ""
}

func touchpointIDs(ts []*model.Touchpoint) []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

func (e *Editor) confirmDelete(question string, yes func()) {
	e.show(dialog.NewConfirm(T("ui.delete"), question, func(ok bool) {
		if ok {
			yes()
		}
	}, e.win))
}

// clipboardDocument wraps copied cards in a parcours/v1 document holding
// the stages and lanes they sit in, so that the system clipboard carries
// plain JSON other tools and other windows can read.
func clipboardDocument(from *model.Journey, ts []*model.Touchpoint) *model.Document {
	j := &model.Journey{ID: "clipboard", Title: from.Title, State: model.Current, TargetScore: from.TargetScore,
		Stages: from.Stages, Lanes: from.Lanes}
	for _, t := range ts {
		c := model.CloneTouchpoint(t)
		j.Touchpoints = append(j.Touchpoints, c)
	}
	return &model.Document{Title: "Parcours", Language: msg.Language(), Journeys: []*model.Journey{j}}
}

// Copy puts the selected cards on the clipboard.
func (e *Editor) Copy() {
	j, ts := e.Journey(), e.selectedTouchpoints()
	if len(ts) == 0 {
		return
	}
	var b bytes.Buffer
	if err := model.WriteJSON(&b, clipboardDocument(j, ts)); err == nil {
		e.app.Clipboard().SetContent(b.String())
	}
	e.setStatus(T("ui.copied", len(ts)))
}

// Cut copies the selected cards and deletes them.
func (e *Editor) Cut() {
	if len(e.selectedTouchpoints()) == 0 {
		return
	}
	e.Copy()
	e.DeleteSelection()
}

// Paste adds the cards on the clipboard to the journey on screen, in the
// stages and lanes of the same names, and selects them.
func (e *Editor) Paste() {
	text := e.app.Clipboard().Content()
	if !strings.Contains(text, model.Format) {
		return
	}
	doc, err := model.ReadJSON(strings.NewReader(text), T("ui.clipboard"))
	if err != nil || len(doc.Journeys) != 1 || len(doc.Journeys[0].Touchpoints) == 0 {
		return
	}
	from := doc.Journeys[0]
	var ids []string
	err = e.edit(T("ui.paste_cards", len(from.Touchpoints)), func(_ *model.Document, j *model.Journey) error {
		ids = j.Paste(from, from.Touchpoints)
		return nil
	})
	if err == nil {
		e.sel = cardsSelection(ids...)
		e.showSelection()
	}
}

// DuplicateSelection copies the selected cards right after themselves.
func (e *Editor) DuplicateSelection() {
	ts := e.selectedTouchpoints()
	if len(ts) == 0 {
		return
	}
	srcIDs := make([]string, len(ts))
	for i, t := range ts {
		srcIDs[i] = t.ID
	}
	var ids []string
	err := e.edit(T("ui.duplicate_cards", len(ts)), func(_ *model.Document, j *model.Journey) error {
		var src []*model.Touchpoint
		for _, id := range srcIDs {
			src = append(src, j.Touchpoint(id))
		}
		ids = j.Paste(j, src)
		return nil
	})
	if err == nil {
		e.sel = cardsSelection(ids...)
		e.showSelection()
	}
}

// AddTouchpoint puts a new card of a channel in a cell and selects it.
func (e *Editor) AddTouchpoint(stage, lane string, slot int, ch model.Channel) {
	id := model.NewID("t")
	err := e.edit(T("ui.add_touchpoint"), func(_ *model.Document, j *model.Journey) error {
		t := &model.Touchpoint{ID: id, Channel: ch, Title: T("channel." + string(ch)), Quotes: []string{}}
		j.Place(t, stage, lane, slot)
		return nil
	})
	if err == nil {
		e.sel = cardsSelection(id)
		e.showSelection()
	}
}

// AddStage adds a stage at index (-1: last) and selects it.
func (e *Editor) AddStage(index int) {
	j := e.Journey()
	if j == nil {
		return
	}
	if index < 0 {
		index = len(j.Stages)
	}
	id := model.NewID("s")
	err := e.edit(T("ui.add_stage"), func(_ *model.Document, j *model.Journey) error {
		j.InsertStage(&model.Stage{ID: id, Name: T("ui.new_stage_name", len(j.Stages)+1)}, index)
		return nil
	})
	if err == nil {
		e.sel = selection{kind: selStage, ids: []string{id}}
		e.showSelection()
	}
}

// lanePalette gives new lanes colours colour-blind readers can tell apart.
var lanePalette = model.LanePalette

// AddLane adds a lane at index (-1: last) and selects it.
func (e *Editor) AddLane(index int) {
	j := e.Journey()
	if j == nil {
		return
	}
	if index < 0 {
		index = len(j.Lanes)
	}
	id := model.NewID("l")
	err := e.edit(T("ui.add_lane"), func(_ *model.Document, j *model.Journey) error {
		color := lanePalette[len(j.Lanes)%len(lanePalette)]
		j.InsertLane(&model.Lane{ID: id, Name: T("ui.new_lane_name", len(j.Lanes)+1), Owned: true, Color: color}, index)
		return nil
	})
	if err == nil {
		e.sel = selection{kind: selLane, ids: []string{id}}
		e.showSelection()
	}
}

// ToggleMarker adds a marker to a card, or removes it when it has it.
func (e *Editor) ToggleMarker(id string, m model.Marker) {
	_ = e.edit(T("ui.edit_markers"), func(_ *model.Document, j *model.Journey) error {
		t := j.Touchpoint(id)
		if t == nil {
			return errors.New(msg.T("edit.no_touchpoint", id, j.ID))
		}
		if t.Markers.Has(m) {
			t.Markers = t.Markers.Without(m)
		} else {
			t.Markers = t.Markers.With(m)
		}
		return nil
	})
}

// AddJourney adds an empty journey after the one on screen and shows it.
func (e *Editor) AddJourney() {
	doc := e.Document()
	if doc == nil {
		return
	}
	id := model.NewID("j")
	err := e.Do(&model.Edit{Name: T("ui.journey_add"), Change: func(d *model.Document) error {
		persona := ""
		if len(d.Personas) > 0 {
			persona = d.Personas[0].ID
		}
		j := &model.Journey{ID: id, Title: T("ui.new_journey_name"), Persona: persona, State: model.Current, TargetScore: 7,
			Stages: []*model.Stage{{ID: model.NewID("s"), Name: T("ui.new_stage_name", 1)}},
			Lanes:  []*model.Lane{{ID: model.NewID("l"), Name: T("ui.new_lane_name", 1), Owned: true, Color: lanePalette[0]}}}
		at := slices.IndexFunc(d.Journeys, func(x *model.Journey) bool { return x.ID == e.journey }) + 1
		d.Journeys = slices.Insert(d.Journeys, at, j)
		return nil
	}})
	if err == nil {
		e.ShowJourney(id)
	}
}

// DuplicateJourney copies the journey on screen (to make a target journey
// from the current one, say) and shows the copy.
func (e *Editor) DuplicateJourney() {
	j := e.Journey()
	if j == nil {
		return
	}
	src, title := j.ID, T("ui.copy_of", j.Title)
	var id string
	err := e.Do(&model.Edit{Name: T("ui.journey_duplicate"), Change: func(d *model.Document) error {
		c := d.Duplicate(src, title)
		if c == nil {
			return errors.New(msg.T("edit.no_journey", src))
		}
		c.State = model.Target
		id = c.ID
		return nil
	}})
	if err == nil {
		e.ShowJourney(id)
	}
}

func (e *Editor) askRenameJourney() {
	j := e.Journey()
	if j == nil {
		return
	}
	entry := e.newDialogEntry()
	entry.SetText(j.Title)
	d := dialog.NewForm(T("ui.journey_rename"), T("ui.ok"), T("ui.cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("ui.title"), entry)}, func(ok bool) {
			if ok {
				e.setJourneyTitle(entry.Text)
			}
		}, e.win)
	d.Resize(fyne.NewSize(560, 0))
	e.show(d)
	e.win.Canvas().Focus(entry)
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (e *Editor) setJourneyTitle(title string) {
	if strings.TrimSpace(title) == "" {
		e.showError(errors.New(T("ui.empty_title")))
		return
	}
	_ = e.edit(T("ui.journey_rename"), func(_ *model.Document, j *model.Journey) error {
		j.Title = title
		return nil
	})
}

func (e *Editor) askDeleteJourney() {
	j := e.Journey()
	if j == nil {
		return
	}
	id := j.ID
	e.confirmDelete(T("ui.journey_delete_q", j.Title, len(j.Touchpoints)), func() {
		_ = e.Do(&model.Edit{Name: T("ui.journey_delete"), Change: func(d *model.Document) error {
			d.Journeys = slices.DeleteFunc(d.Journeys, func(x *model.Journey) bool { return x.ID == id })
			return nil
		}})
	})
}

// renameSelection edits the name of what is selected in place (F2).
func (e *Editor) renameSelection() {
	s := e.mapView.Scene()
	if s == nil {
		return
	}
	switch e.sel.kind {
	case selCards:
		if i := s.CardIndex(e.sel.ids[0]); i >= 0 {
			e.editInPlace(canvas.Hit{Kind: canvas.HitCard, Index: i})
		}
	case selStage:
		for i, c := range s.Columns {
			if c.StageID == e.sel.one() {
				e.editInPlace(canvas.Hit{Kind: canvas.HitStage, Index: i})
			}
		}
	case selLane:
		for i, r := range s.Rows {
			if r.LaneID == e.sel.one() {
				e.editInPlace(canvas.Hit{Kind: canvas.HitLane, Index: i})
			}
		}
	}
}

// editInPlace opens an entry over the title of a card or the name of a
// stage or lane: Enter keeps the text, Escape leaves it as it was.
func (e *Editor) editInPlace(h canvas.Hit) {
	s := e.mapView.Scene()
	j := e.Journey()
	if s == nil || j == nil {
		return
	}
	var box canvas.Rect
	var text string
	var commit func(string)
	switch h.Kind {
	case canvas.HitCard:
		c := s.Cards[h.Index]
		t := j.Touchpoint(c.TouchpointID)
		box, text = canvas.Rect{X: c.Rect.X, Y: c.Rect.Y, W: c.Rect.W, H: 9}, t.Title
		e.sel = cardsSelection(t.ID)
		commit = func(v string) { e.setTouchpointText(t.ID, "title", v) }
	case canvas.HitStage:
		c := s.Columns[h.Index]
		st := j.Stage(c.StageID)
		box, text = c.Header, st.Name
		e.sel = selection{kind: selStage, ids: []string{st.ID}}
		commit = func(v string) { e.setStageText(st.ID, "name", v) }
	case canvas.HitLane:
		r := s.Rows[h.Index]
		l := j.Lane(r.LaneID)
		box, text = canvas.Rect{X: r.Label.X, Y: r.Label.Y, W: r.Label.W, H: 10}, l.Name
		e.sel = selection{kind: selLane, ids: []string{l.ID}}
		commit = func(v string) { e.setLaneName(l.ID, v) }
	default:
		return
	}
	e.showSelection()
	entry := newInlineEntry()
	entry.SetText(text)
	var pop *widget.PopUp
	entry.onDone = func(v string, keep bool) {
		pop.Hide()
		if keep && v != text {
			commit(v)
		}
	}
	pop = widget.NewPopUp(container.NewStack(entry), e.win.Canvas())
	z := e.mapView.Zoom()
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.mapView)
	w := float32(box.W * z)
	pop.Resize(fyne.NewSize(max(w, 160), entry.MinSize().Height))
	// Where the map draws it: the stage headers and lane names stay in sight.
	pop.ShowAtPosition(origin.Add(e.mapView.ScreenPos(box)))
	e.win.Canvas().Focus(entry)
	// The whole name is selected, so that typing replaces it.
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// inlineEntry is a one-line entry that reports Enter (keep) and Escape
// (cancel).
type inlineEntry struct {
	widget.Entry
	onDone func(text string, keep bool)
	done   bool
}

func newInlineEntry() *inlineEntry {
	e := &inlineEntry{}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(s string) { e.finish(true) }
	return e
}

func (e *inlineEntry) finish(keep bool) {
	if e.done {
		return
	}
	e.done = true
	if e.onDone != nil {
		e.onDone(e.Text, keep)
	}
}

// TypedKey cancels on Escape.
func (e *inlineEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.finish(false)
		return
	}
	e.Entry.TypedKey(k)
}

// FocusLost keeps the text, as clicking elsewhere does in other editors.
func (e *inlineEntry) FocusLost() {
	e.Entry.FocusLost()
	e.finish(true)
}
