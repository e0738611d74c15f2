package sqlite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"parcours/model"
	"parcours/model/modeltest"
)

func TestMigrationsMatchSchemaVersion(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != SchemaVersion || ms[len(ms)-1].version != SchemaVersion {
		t.Fatalf("%d migrations, last %d; SchemaVersion %d", len(ms), ms[len(ms)-1].version, SchemaVersion)
	}
}

func TestRoundTripLivraison(t *testing.T) {
	want := livraison(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "livraison.parcours")
	create(t, path, want)
	if got := names(t, dir); !slices.Equal(got, []string{"livraison.parcours"}) {
		t.Fatalf("folder holds %v", got)
	}
	s, got := mustOpen(t, path)
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("read-only: %s", why)
	}
	if !reflect.DeepEqual(got, livraison(t)) {
		t.Fatalf("loaded document differs:\n got %s\nwant %s", dump(got), dump(want))
	}
	if s.Path() != path {
		t.Errorf("Path() = %q", s.Path())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"livraison.parcours"}) {
		t.Fatalf("after close the folder holds %v", got)
	}
}

func dump(d *model.Document) string {
	var b strings.Builder
	if err := model.WriteJSON(&b, d); err != nil {
		return err.Error()
	}
	return b.String()
}

func TestPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.parcours")
	create(t, path, livraison(t))
	s, _ := mustOpen(t, path)
	for pragma, want := range map[string]int64{
		"application_id": int64(ApplicationID), "user_version": SchemaVersion,
		"foreign_keys": 1, "trusted_schema": 0, "synchronous": 2, // FULL
	} {
		var got int64
		if err := s.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %d, want %d", pragma, got, want)
		}
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
	// The header, as Open reads it.
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b[68:72]) != "PARC" || b[18] != 1 || b[19] != 1 {
		t.Errorf("header: application id %q, formats %d %d", b[68:72], b[18], b[19])
	}
}

// full is a document that sets every field, including the ones the
// reference example leaves out.
func full() *model.Document {
	d := generated(12)
	paris := time.FixedZone("", 2*3600)
	d.Created = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	d.Modified = time.Date(2026, 3, 2, 18, 45, 12, 123456789, paris)
	d.Personas[0].Avatar = modeltest.PNG(4, 3)
	d.Personas = append(d.Personas, &model.Persona{ID: "p-2", Name: "Émile 🚚", Age: "60+"})
	j := d.Journeys[0]
	j.Origin = "j-0"
	j.Stages[1].Actions, j.Stages[1].Thoughts, j.Stages[1].Width = "Clique", "« Enfin ! »", 62.5
	j.Stages[2].KPIs = nil
	tp := j.Touchpoints[4]
	zero := 0.0
	tp.Score, tp.Responses = &zero, 3
	tp.Image, tp.Note, tp.Origin = modeltest.PNG(3, 2), "À revoir 📦", "t-0000"
	tp.Markers = model.MarkersOf(model.AllMarkers...)
	tp.Quotes = []string{"un", "deux", "trois ; « quatre »"}
	j.Opportunities[0].Touchpoints = []string{}
	j2 := &model.Journey{ID: "j-2", Title: "Cible", State: model.Target, TargetScore: 8.5}
	d.Journeys = append(d.Journeys, j2)
	return d
}

func TestRoundTripEveryField(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.parcours")
	create(t, path, full())
	_, got := mustOpen(t, path)
	if want := full(); !reflect.DeepEqual(got, want) {
		t.Fatalf("loaded document differs:\n got %s\nwant %s", dump(got), dump(want))
	}
}

func TestMoveIsSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "move.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	j := d.Journeys[0]
	tp := j.Touchpoints[0]
	dest := j.Stages[len(j.Stages)-1]
	lane := j.Lanes[len(j.Lanes)-1]
	ed := model.NewEditor(d, s)
	if err := ed.Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: tp.ID, Stage: dest.ID, Lane: lane.ID, Slot: 1}); err != nil {
		t.Fatal(err)
	}
	want := orders(j)
	s.Close()

	_, d = mustOpen(t, path)
	j = d.Journeys[0]
	moved := j.Touchpoint(tp.ID)
	if moved.Stage != dest.ID || moved.Lane != lane.ID {
		t.Fatalf("touchpoint in %s/%s after reopening, want %s/%s", moved.Stage, moved.Lane, dest.ID, lane.ID)
	}
	if got := orders(j); !slices.Equal(got, want) {
		t.Fatalf("timeline after reopening %v, want %v", got, want)
	}
	if d.Modified.IsZero() {
		t.Error("modified not set")
	}
	// Everything but the placements and the modification time is as it was.
	orig := livraison(t)
	for _, x := range j.Touchpoints {
		o := orig.Journeys[0].Touchpoint(x.ID)
		x.Stage, x.Lane, x.Order = o.Stage, o.Lane, o.Order
	}
	slices.SortFunc(j.Touchpoints, func(a, b *model.Touchpoint) int { return a.Order - b.Order })
	d.Modified = orig.Modified
	if !reflect.DeepEqual(d, orig) {
		t.Fatal("a move changed more than placements")
	}
}

func TestUndoOfFirstMoveIsSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "undo.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	j := d.Journeys[0]
	before := orders(j)
	ed := model.NewEditor(d, s)
	if err := ed.Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: j.Touchpoints[0].ID,
		Stage: j.Stages[1].ID, Lane: j.Lanes[1].ID}); err != nil {
		t.Fatal(err)
	}
	if err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, d = mustOpen(t, path)
	if got := orders(d.Journeys[0]); !slices.Equal(got, before) {
		t.Fatalf("after undo the file holds %v, want %v", got, before)
	}
	if !reflect.DeepEqual(d.Journeys, livraison(t).Journeys) {
		t.Fatal("journeys differ from the original after undo")
	}
}

// orders lists "id@stage/lane#order" along the timeline.
func orders(j *model.Journey) []string {
	var out []string
	for _, t := range j.Touchpoints {
		out = append(out, fmt.Sprintf("%s@%s/%s#%d", t.ID, t.Stage, t.Lane, t.Order))
	}
	return out
}

// TestSaveDeltas edits the document in memory as commands would and saves
// each change; the file must then hold exactly the document in memory.
func TestSaveDeltas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "delta.parcours")
	create(t, path, full())
	s, d := mustOpen(t, path)
	j := d.Journeys[0]
	save := func(changed, removed []model.Ref) {
		t.Helper()
		if err := s.Save(d, model.Delta{Changed: changed, Removed: removed}); err != nil {
			t.Fatal(err)
		}
		r, got, err := OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		if want := numbered(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("file differs from memory:\n got %s\nwant %s", dump(got), dump(want))
		}
	}
	ref := func(k model.Kind, id string) model.Ref { return model.Ref{Kind: k, Journey: j.ID, ID: id} }

	d.Title = "Nouveau titre"
	save([]model.Ref{{Kind: model.KindDocument}}, nil)

	// A stage inserted in the middle shifts its siblings.
	st := &model.Stage{ID: "s-new", Name: "Nouvelle", KPIs: []model.KPI{{Name: "a", Value: "b", Target: "c"}}}
	j.Stages = slices.Insert(j.Stages, 1, st)
	save([]model.Ref{ref(model.KindStage, st.ID)}, nil)

	// A lane moved to the front.
	l := j.Lanes[5]
	j.Lanes = slices.Insert(slices.Delete(j.Lanes, 5, 6), 0, l)
	save([]model.Ref{ref(model.KindLane, l.ID)}, nil)

	// A touchpoint edited; an opportunity relinked.
	tp := j.Touchpoints[3]
	tp.Title, tp.Score, tp.Markers, tp.Quotes = "Modifié", nil, model.MarkersOf(model.MarkerMaker), []string{"q"}
	o := j.Opportunities[1]
	o.Touchpoints = []string{j.Touchpoints[7].ID, tp.ID, j.Touchpoints[0].ID}
	o.Status = model.Done
	save([]model.Ref{ref(model.KindTouchpoint, tp.ID), ref(model.KindOpportunity, o.ID)}, nil)

	// A touchpoint removed: its opportunity links go, orders are renumbered.
	gone := j.Touchpoints[0]
	j.Touchpoints = j.Touchpoints[1:]
	var changed []model.Ref
	for i, x := range j.Touchpoints {
		x.Order = i + 1
		changed = append(changed, ref(model.KindTouchpoint, x.ID))
	}
	for _, op := range j.Opportunities {
		if i := slices.Index(op.Touchpoints, gone.ID); i >= 0 {
			op.Touchpoints = slices.Delete(op.Touchpoints, i, i+1)
			changed = append(changed, ref(model.KindOpportunity, op.ID))
		}
	}
	save(changed, []model.Ref{ref(model.KindTouchpoint, gone.ID)})

	// A stage removed with its touchpoints: only the stage is listed, the
	// touchpoints and links go with it.
	victim := j.Stages[len(j.Stages)-1]
	removed := []model.Ref{ref(model.KindStage, victim.ID)}
	keep := j.Touchpoints[:0]
	for _, x := range j.Touchpoints {
		if x.Stage != victim.ID {
			keep = append(keep, x)
		}
	}
	j.Touchpoints = keep
	for _, op := range j.Opportunities {
		op.Touchpoints = slices.DeleteFunc(op.Touchpoints, func(id string) bool { return j.Touchpoint(id) == nil })
	}
	j.Stages = j.Stages[:len(j.Stages)-1]
	var ops []model.Ref
	for _, op := range j.Opportunities {
		ops = append(ops, ref(model.KindOpportunity, op.ID))
	}
	save(ops, removed)

	// A new journey, listed alone, is written with everything in it.
	nj := generated(30).Journeys[0]
	nj.ID, nj.Persona = "j-new", "p-2"
	for _, x := range nj.Stages {
		x.ID = "n" + x.ID
	}
	for _, x := range nj.Lanes {
		x.ID = "n" + x.ID
	}
	for _, x := range nj.Touchpoints {
		x.ID, x.Stage, x.Lane = "n"+x.ID, "n"+x.Stage, "n"+x.Lane
	}
	for _, x := range nj.Opportunities {
		x.ID = "n" + x.ID
		for i := range x.Touchpoints {
			x.Touchpoints[i] = "n" + x.Touchpoints[i]
		}
	}
	d.Journeys = slices.Insert(d.Journeys, 0, nj)
	save([]model.Ref{{Kind: model.KindJourney, ID: nj.ID}}, nil)

	// A persona removed, its journey no longer pointing at it.
	d.Personas = d.Personas[:1]
	nj.Persona = ""
	save([]model.Ref{{Kind: model.KindJourney, ID: nj.ID}}, []model.Ref{{Kind: model.KindPersona, ID: "p-2"}})

	// A journey removed: everything in it goes.
	d.Journeys = d.Journeys[1:]
	save(nil, []model.Ref{{Kind: model.KindJourney, ID: nj.ID}})
	var n int
	if err := s.db.QueryRow(`SELECT (SELECT count(*) FROM stages WHERE id LIKE 'ns-%') +
		(SELECT count(*) FROM touchpoints WHERE id LIKE 'nt-%') +
		(SELECT count(*) FROM opportunity_touchpoints WHERE touchpoint_id LIKE 'nt-%')`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d rows of the removed journey left (%v)", n, err)
	}

	// A thing listed as changed but gone from memory is removed.
	last := d.Personas[0]
	d.Personas = nil
	j.Persona = ""
	save([]model.Ref{{Kind: model.KindPersona, ID: last.ID}, {Kind: model.KindJourney, ID: j.ID}}, nil)
}

func TestSaveSetsModified(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	start := time.Now().Add(-time.Second)
	d.Title = "x"
	if err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindDocument}}}); err != nil {
		t.Fatal(err)
	}
	if d.Modified.Before(start) {
		t.Fatalf("Modified = %v", d.Modified)
	}
	s.Close()
	_, got := mustOpen(t, path)
	if !got.Modified.Equal(d.Modified) || got.Title != "x" {
		t.Fatalf("file: %v %q; memory %v", got.Modified, got.Title, d.Modified)
	}
}

func TestSaveRefusesInvalidData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	u := remember(t, path)
	tp := d.Journeys[0].Touchpoints[0]
	tp.Emotion = 9
	err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindTouchpoint, Journey: d.Journeys[0].ID, ID: tp.ID}}})
	if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tp.ID) || !strings.Contains(err.Error(), "v.parcours") {
		t.Fatalf("Save = %v", err)
	}
	u.check(t)
}

func TestEditorRollsBackWhenSaveFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.parcours")
	create(t, path, livraison(t))
	s, d, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u := remember(t, path)
	j := d.Journeys[0]
	before := orders(j)
	err = model.NewEditor(d, s).Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: j.Touchpoints[0].ID,
		Stage: j.Stages[1].ID, Lane: j.Lanes[1].ID})
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Do = %v", err)
	}
	if !slices.Equal(orders(j), before) {
		t.Fatal("the edit stayed in memory")
	}
	u.check(t)
}

func TestSaveAs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.parcours")
	create(t, path, full())
	s, d := mustOpen(t, path)
	copyPath := filepath.Join(dir, "copie ? #1 %.parcours") // characters a URI must escape
	c, err := s.SaveAs(copyPath, d)
	if err != nil {
		t.Fatal(err)
	}
	if ro, why := c.ReadOnly(); ro {
		t.Fatalf("copy read-only: %s", why)
	}
	if c.Path() != copyPath {
		t.Errorf("Path = %q", c.Path())
	}
	// The copy is locked by c.
	s2, _, err := Open(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if ro, _ := s2.ReadOnly(); !ro {
		t.Error("copy not locked")
	}
	s2.Close()
	// Both stay usable.
	d.Title = "original"
	if err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindDocument}}}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	_, got := mustOpen(t, copyPath)
	if want := full(); !reflect.DeepEqual(got, want) {
		t.Fatalf("copy differs:\n got %s\nwant %s", dump(got), dump(want))
	}
	s.Close()
	_, orig := mustOpen(t, path)
	if orig.Title != "original" {
		t.Fatalf("original title %q", orig.Title)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"a.parcours", "copie ? #1 %.parcours"}) {
		t.Fatalf("folder holds %v", got)
	}
}

func TestSaveAsReplacesAFileButNotAnOpenDocument(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)

	// Onto itself while it holds the lock: refused, nothing changes.
	u := remember(t, path)
	if _, err := s.SaveAs(path, d); err == nil || !strings.Contains(err.Error(), "another window") {
		t.Fatalf("SaveAs onto itself = %v", err)
	}
	u.check(t)

	// Onto an existing file nobody holds: replaced.
	other := filepath.Join(dir, "old.txt")
	if err := os.WriteFile(other, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := s.SaveAs(other, d)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, d, err := OpenReadOnly(other); err != nil || d.Title != livraison(t).Title {
		t.Fatalf("replaced file: %v", err)
	}

	// From a read-only store: the copy is writable.
	r, rd, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	c, err = r.SaveAs(filepath.Join(dir, "b.parcours"), rd)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if ro, why := c.ReadOnly(); ro {
		t.Fatalf("copy of a read-only document is read-only: %s", why)
	}
}

func TestSaveAfterFileDeleted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gone.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	d.Title = "x"
	err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindDocument}}})
	if err == nil || !strings.Contains(err.Error(), "deleted or moved") {
		t.Fatalf("Save = %v", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Fatalf("folder holds %v", got)
	}
	// Save As rescues the work.
	c, err := s.SaveAs(path, d)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}

func TestSaveAfterFileReplaced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	if err := os.Rename(path, path+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("someone else's"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := remember(t, path)
	err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindDocument}}})
	if err == nil || !strings.Contains(err.Error(), "replaced") {
		t.Fatalf("Save = %v", err)
	}
	u.check(t)
}

func TestSaveAfterFileMadeReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	u := remember(t, path)
	fakeWritable(t, false, "you are not allowed to change this file")
	err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindDocument}}})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "no longer be changed") {
		t.Fatalf("Save = %v", err)
	}
	u.check(t)
}

func TestClosedStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.parcours")
	create(t, path, livraison(t))
	s, d := mustOpen(t, path)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindDocument}}}); err == nil {
		t.Fatal("Save on a closed store succeeded")
	}
}

// TestNarrowWrites checks the short cut that writes a moved touchpoint's
// placement alone: content changed in any way is still written, rows
// deleted behind its back are inserted again, and a failed save teaches it
// nothing.
func TestNarrowWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "narrow.parcours")
	create(t, path, generated(40))
	s, d := mustOpen(t, path)
	j := d.Journeys[0]
	ref := func(id string) model.Ref { return model.Ref{Kind: model.KindTouchpoint, Journey: j.ID, ID: id} }
	check := func() {
		t.Helper()
		r, got, err := OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		if want := numbered(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("file differs from memory:\n got %s\nwant %s", dump(got), dump(want))
		}
	}
	ed := model.NewEditor(d, s)
	move := func(tp string, stage, lane int) {
		t.Helper()
		if err := ed.Do(&model.MoveTouchpoint{Journey: j.ID, Touchpoint: tp, Stage: j.Stages[stage].ID,
			Lane: j.Lanes[lane].ID}); err != nil {
			t.Fatal(err)
		}
		check()
	}
	move("t-0001", 5, 3) // every touchpoint written whole once
	move("t-0001", 0, 0) // now narrowly
	move("t-0030", 1, 2)

	// Content changed in place, even inside a list, is written.
	tp := j.Touchpoint("t-0005")
	tp.Quotes = append(tp.Quotes, "premier")
	if err := s.Save(d, model.Delta{Changed: []model.Ref{ref(tp.ID)}}); err != nil {
		t.Fatal(err)
	}
	tp.Quotes[0] = "changé sur place"
	tp.Image = modeltest.PNG(2, 3)
	if err := s.Save(d, model.Delta{Changed: []model.Ref{ref(tp.ID)}}); err != nil {
		t.Fatal(err)
	}
	tp.Image[len(tp.Image)-1] ^= 0xFF // in place, past what the header says
	if err := s.Save(d, model.Delta{Changed: []model.Ref{ref(tp.ID)}}); err != nil {
		t.Fatal(err)
	}
	check()

	// A stage removed takes its touchpoints with it (cascade); putting
	// them back must insert them again.
	victim := j.Stages[2]
	saved := slices.Clone(j.Touchpoints)
	j.Stages = slices.Delete(slices.Clone(j.Stages), 2, 3)
	j.Touchpoints = slices.DeleteFunc(slices.Clone(j.Touchpoints), func(x *model.Touchpoint) bool { return x.Stage == victim.ID })
	for _, o := range j.Opportunities {
		o.Touchpoints = slices.DeleteFunc(o.Touchpoints, func(id string) bool { return j.Touchpoint(id) == nil })
	}
	if err := s.Save(d, model.Delta{Removed: []model.Ref{{Kind: model.KindStage, Journey: j.ID, ID: victim.ID}}}); err != nil {
		t.Fatal(err)
	}
	check()
	j.Stages = slices.Insert(j.Stages, 2, victim)
	j.Touchpoints = saved
	back := []model.Ref{{Kind: model.KindStage, Journey: j.ID, ID: victim.ID}}
	for _, x := range saved {
		if x.Stage == victim.ID {
			back = append(back, ref(x.ID))
		}
	}
	if err := s.Save(d, model.Delta{Changed: back}); err != nil {
		t.Fatal(err)
	}
	for _, o := range j.Opportunities { // links were cascaded away too
		if err := s.Save(d, model.Delta{Changed: []model.Ref{{Kind: model.KindOpportunity, Journey: j.ID, ID: o.ID}}}); err != nil {
			t.Fatal(err)
		}
	}
	check()

	// A row deleted behind the store's back (as a cascade would) while it
	// remembers its content is written whole again.
	move("t-0035", 0, 1)
	move("t-0035", 5, 1)
	if _, err := s.db.Exec("DELETE FROM touchpoints WHERE id = 't-0035'"); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(d, model.Delta{Changed: []model.Ref{ref("t-0035")}}); err != nil {
		t.Fatal(err)
	}
	check()

	// A save that fails at commit (the new stage it points to was not
	// listed) must not be remembered as written.
	tp = j.Touchpoint("t-0010")
	oldTitle, oldStage := tp.Title, tp.Stage
	ns := &model.Stage{ID: "s-unlisted", Name: "Pas enregistrée"}
	j.Stages = append(j.Stages, ns)
	tp.Title, tp.Stage = "X", ns.ID
	if err := s.Save(d, model.Delta{Changed: []model.Ref{ref(tp.ID)}}); err == nil {
		t.Fatal("save with a dangling stage succeeded")
	}
	j.Stages = j.Stages[:len(j.Stages)-1]
	tp.Title, tp.Stage = oldTitle, oldStage
	check()
	tp.Title = "X"
	if err := s.Save(d, model.Delta{Changed: []model.Ref{ref(tp.ID)}}); err != nil {
		t.Fatal(err)
	}
	check()
}

// Save As from a read-only window writes what that window shows, even when
// another window changed the file since: the copy then takes the window's
// next edits without a clash.
func TestSaveAsFromAStaleReadOnlyWindow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shared.parcours")
	create(t, path, livraison(t))
	w, wd := mustOpen(t, path) // the writable window
	defer w.Close()
	r, rd, err := Open(path) // the second window: read-only, locked out
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if ro, _ := r.ReadOnly(); !ro {
		t.Fatal("second window writable")
	}
	// The first window adds a touchpoint at the start of the timeline.
	ed := model.NewEditor(wd, w)
	if err := ed.Do(&model.Edit{Name: "add", Change: func(d *model.Document) error {
		j := d.Journeys[0]
		j.Place(&model.Touchpoint{ID: "t-neuf", Title: "Nouveau", Channel: model.ChannelWeb, Quotes: []string{}},
			j.Stages[0].ID, j.Lanes[0].ID, 0)
		return nil
	}}); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.parcours")
	c, err := r.SaveAs(copyPath, rd)
	if err != nil {
		t.Fatal(err)
	}
	// The second window goes on editing its document, now saved to the copy.
	ed2 := model.NewEditor(rd, c)
	if err := ed2.Do(&model.Edit{Name: "retitle", Change: func(d *model.Document) error {
		tp := d.Journeys[0].Touchpoints[1]
		tp.Title = "changé"
		d.Journeys[0].Place(tp, tp.Stage, tp.Lane, 0)
		return nil
	}}); err != nil {
		t.Fatalf("edit after Save As: %v", err)
	}
	c.Close()
	_, got := mustOpen(t, copyPath)
	if !reflect.DeepEqual(got, rd) {
		t.Fatalf("copy differs from the window:\n got %s\nwant %s", dump(got), dump(rd))
	}
	if got.Journeys[0].Touchpoint("t-neuf") != nil {
		t.Error("the copy holds the other window's edit the window never showed")
	}
}
