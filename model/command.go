package model

import (
	"errors"

	"parcours/model/msg"
)

// Kind names the sort of thing an edit touched, so the store knows which
// table to write.
type Kind int

// Kinds of stored things.
const (
	KindDocument Kind = iota
	KindPersona
	KindJourney
	KindStage
	KindLane
	KindTouchpoint
	KindOpportunity
	KindReview
)

// Ref points at one stored thing. Journey is empty for documents, personas
// and journeys themselves.
type Ref struct {
	Kind    Kind
	Journey string
	ID      string
}

// Delta is what an edit changed: things to write again as they now are in
// the document, things that no longer exist, and touchpoints that only
// moved along their journey's timeline.
//
// Changed names every touchpoint whose place among the others of its
// journey changed: those it does not name keep their order relative to
// each other (model/sqlite writes a move's moved cards alone on this
// ground).
type Delta struct {
	Changed []Ref
	Removed []Ref
	// Shifts renumber touchpoints whose order alone changed (a move
	// shifts thousands on a big map, in a few ranges). They apply in
	// turn, the first to the orders as they were before the edit, each
	// next one to the orders the previous ones left; then what Changed
	// names is as it now is. A touchpoint named in Changed or Removed
	// may lie in a range. They say which cards to draw again; a store
	// that keeps orders with gaps (model/sqlite) has nothing to write
	// for them.
	Shifts []Shift
}

// Shift says that the touchpoints of a journey whose order was From..To
// (both included) now have order+By, and that nothing else of them
// changed.
type Shift struct {
	Journey  string
	From, To int
	By       int
}

// Empty reports whether the edit changed nothing.
func (d Delta) Empty() bool { return len(d.Changed) == 0 && len(d.Removed) == 0 && len(d.Shifts) == 0 }

// Command is one user gesture as an edit of the document: applying it and
// undoing it each return what changed, so that the store can save exactly
// that in one transaction.
type Command interface {
	Apply(d *Document) (Delta, error)
	Undo(d *Document) (Delta, error)
	// Label says what the gesture was, in the user's language ("Move touchpoint").
	Label() string
}

// Saver keeps a document somewhere; model/sqlite implements it.
type Saver interface {
	Save(d *Document, delta Delta) error
}

// ErrNothing is returned by Undo and Redo when the history is empty.
var ErrNothing = errors.New("nothing to undo or redo")

// Editor applies commands to a document, saves each one as it happens and
// keeps the undo history. The window, the command line and the tests all
// edit through it.
type Editor struct {
	Doc   *Document
	saver Saver
	done  []Command
	redo  []Command
}

// NewEditor edits d, saving every change through s (nil: keep in memory).
func NewEditor(d *Document, s Saver) *Editor { return &Editor{Doc: d, saver: s} }

// SetSaver changes where edits are saved (after Save As, or when a document
// becomes read-only).
func (e *Editor) SetSaver(s Saver) { e.saver = s }

// Do applies c and saves it. When saving fails the edit is rolled back in
// memory too, so that the screen never shows what the file does not hold.
func (e *Editor) Do(c Command) error {
	if err := e.run(c.Apply, c.Undo); err != nil {
		return err
	}
	e.done = append(e.done, c)
	e.redo = e.redo[:0]
	return nil
}

// Undo reverts the last command.
func (e *Editor) Undo() error {
	if len(e.done) == 0 {
		return errors.Join(ErrNothing, errors.New(msg.T("edit.nothing_undo")))
	}
	c := e.done[len(e.done)-1]
	if err := e.run(c.Undo, c.Apply); err != nil {
		return err
	}
	e.done = e.done[:len(e.done)-1]
	e.redo = append(e.redo, c)
	return nil
}

// Redo applies again the last undone command.
func (e *Editor) Redo() error {
	if len(e.redo) == 0 {
		return errors.Join(ErrNothing, errors.New(msg.T("edit.nothing_redo")))
	}
	c := e.redo[len(e.redo)-1]
	if err := e.run(c.Apply, c.Undo); err != nil {
		return err
	}
	e.redo = e.redo[:len(e.redo)-1]
	e.done = append(e.done, c)
	return nil
}

// CanUndo and CanRedo tell menus whether to enable their items.
func (e *Editor) CanUndo() bool { return len(e.done) > 0 }

// CanRedo reports whether there is an undone command to apply again.
func (e *Editor) CanRedo() bool { return len(e.redo) > 0 }

// UndoLabel names the command Undo would revert, or "".
func (e *Editor) UndoLabel() string {
	if len(e.done) == 0 {
		return ""
	}
	return e.done[len(e.done)-1].Label()
}

// RedoLabel names the command Redo would apply, or "".
func (e *Editor) RedoLabel() string {
	if len(e.redo) == 0 {
		return ""
	}
	return e.redo[len(e.redo)-1].Label()
}

func (e *Editor) run(do, revert func(*Document) (Delta, error)) error {
	delta, err := do(e.Doc)
	if err != nil {
		return err
	}
	if e.saver == nil || delta.Empty() {
		return nil
	}
	if err := e.saver.Save(e.Doc, delta); err != nil {
		if _, rerr := revert(e.Doc); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	return nil
}

// Batch is several commands done as one gesture: moving several cards at
// once is one step of undo.
type Batch struct {
	Name     string
	Commands []Command
}

var _ Command = (*Batch)(nil)

// Label implements Command.
func (b *Batch) Label() string { return b.Name }

// Apply implements Command: every command in turn; when one fails, those
// already applied are undone.
func (b *Batch) Apply(d *Document) (Delta, error) {
	var all Delta
	for i, c := range b.Commands {
		delta, err := c.Apply(d)
		if err != nil {
			for k := i - 1; k >= 0; k-- {
				_, _ = b.Commands[k].Undo(d)
			}
			return Delta{}, err
		}
		all = all.merge(delta)
	}
	return all, nil
}

// Undo implements Command, in reverse order.
func (b *Batch) Undo(d *Document) (Delta, error) {
	var all Delta
	for i := len(b.Commands) - 1; i >= 0; i-- {
		delta, err := b.Commands[i].Undo(d)
		if err != nil {
			return all, err
		}
		all = all.merge(delta)
	}
	return all, nil
}

// merge adds o, which comes after d, to d, each thing once; shifts keep
// their turn.
func (d Delta) merge(o Delta) Delta {
	d.Shifts = append(d.Shifts, o.Shifts...)
	seen := make(map[Ref]bool, len(d.Changed)+len(d.Removed))
	for _, r := range d.Changed {
		seen[r] = true
	}
	for _, r := range o.Changed {
		if !seen[r] {
			d.Changed = append(d.Changed, r)
			seen[r] = true
		}
	}
	d.Removed = append(d.Removed, o.Removed...)
	return d
}
