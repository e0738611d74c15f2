package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
	"parcours/model/review"
	"parcours/model/sqlite"
)

// reviewCommand is `parcours review add|rename|delete`: periodic reviews of
// a journey's measures (CONTRACTS.md §6 "Reviews"), each one undoable step
// saved in one transaction, as from the window.
var reviewCommand = &command{name: "review",
	synopsis: "review add|rename|delete [--journey ID] [--date YYYY-MM-DD] [--note TEXT] [--id REVIEW] FILE.parcours",
	args:     []string{"add|rename|delete", "FILE.parcours"},
	flags: []flagSpec{
		{"journey", "ID", "cli.help.review.journey"},
		{"date", "YYYY-MM-DD", "cli.help.review.date"},
		{"note", "TEXT", "cli.help.review.note"},
		{"id", "REVIEW", "cli.help.review.id"},
	},
	run: runReview}

// reviewsCommand is `parcours reviews`: every measure over the reviews.
var reviewsCommand = &command{name: "reviews",
	synopsis: "reviews [--journey ID] [--format text|json|csv] FILE.parcours",
	args:     []string{"FILE.parcours"},
	flags: []flagSpec{
		{"journey", "ID", "cli.help.reviews.journey"},
		{"format", "text|json|csv", "cli.help.reviews.format"},
	},
	run: runReviews}

// reviewFlags lists, for each action, the options it needs and those it
// takes; any other is a mistake (exit 2) rather than ignored.
var reviewFlags = map[string]struct{ need, may []string }{
	"add":    {need: []string{"date"}, may: []string{"journey", "note"}},
	"rename": {need: []string{"id", "note"}, may: []string{"journey"}},
	"delete": {need: []string{"id"}, may: []string{"journey"}},
}

func runReview(e *env, p *parser, args []string) error {
	action, path := args[0], args[1]
	spec, ok := reviewFlags[action]
	if !ok {
		return usage("cli.review.action", action)
	}
	for _, f := range p.cmd.flags {
		_, given := p.get(f.name)
		needed := slices.Contains(spec.need, f.name)
		if needed && !given {
			return usage("cli.review.needs", action, flagName(f.name))
		}
		if given && !needed && !slices.Contains(spec.may, f.name) {
			return usage("cli.review.not_with", flagName(f.name), action)
		}
	}
	date, _ := p.get("date")
	if action == "add" && !model.ValidDate(date) {
		return usage("cli.review.date", date)
	}
	st, doc, err := openForWriting(path)
	if err != nil {
		return err
	}
	defer st.Close()
	jid, _ := p.get("journey")
	note, _ := p.get("note")
	id, _ := p.get("id")
	var j *model.Journey
	if action == "add" || jid != "" {
		if j, err = pickJourney(path, doc, jid); err != nil {
			return err
		}
	} else {
		for _, x := range doc.Journeys {
			if x.Review(id) != nil {
				j = x
			}
		}
	}
	if action != "add" && (j == nil || j.Review(id) == nil) {
		return failure("cli.review.no_review", path, id, reviewIDs(doc))
	}
	var c model.Command
	switch action {
	case "add":
		if other := j.ReviewOn(date); other != nil {
			return failure("cli.review.same_day", path, j.ID, date, other.ID)
		}
		r := insight.TakeReview(j, "", date, note)
		c = model.AddReview(j.ID, r)
		defer func() {
			if err == nil {
				fmt.Fprintln(e.stdout, msg.T("cli.review.added", r.ID, j.ID, date))
			}
		}()
	case "rename":
		c = model.RenameReview(j.ID, id, note)
	default:
		c = model.DeleteReview(j.ID, id)
	}
	err = model.NewEditor(doc, st).Do(c)
	return err
}

// reviewIDs lists the document's review ids for a message, or says there
// are none.
func reviewIDs(doc *model.Document) string {
	var ids []string
	for _, j := range doc.Journeys {
		for _, r := range j.Reviews {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return msg.T("cli.review.none")
	}
	return msg.T("cli.review.ids", strings.Join(ids, ", "))
}

// openForWriting opens a document to change it: one that cannot be written
// (read-only, or open in another window) is refused and left as it was.
func openForWriting(path string) (*sqlite.Store, *model.Document, error) {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil, failure("cli.not_found", path)
	}
	st, doc, err := sqlite.Open(path)
	if err != nil {
		return nil, nil, err
	}
	if ro, why := st.ReadOnly(); ro {
		st.Close()
		return nil, nil, failure("cli.read_only", path, why)
	}
	return st, doc, nil
}

func runReviews(e *env, p *parser, args []string) error {
	format, err := p.choose("format", "text", "json", "csv")
	if err != nil {
		return err
	}
	id, _ := p.get("journey")
	if id == "all" {
		return usage("cli.one_journey")
	}
	s, doc, err := openDocument(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	j, err := pickJourney(args[0], doc, id)
	if err != nil {
		return err
	}
	t := review.Of(j)
	switch format {
	case "json":
		return review.WriteJSON(e.stdout, t)
	case "csv":
		return review.WriteCSV(e.stdout, t)
	}
	return review.WriteText(e.stdout, j, t)
}

// surveyReview is the import-survey option --review DATE: the import and
// a review of the journey as the survey leaves it, one undoable step. The
// review's note names the survey file.
func surveyReview(p *parser, path string, j *model.Journey, imp model.Command, csvPath string) (model.Command, error) {
	date, ok := p.get("review")
	if !ok {
		return imp, nil
	}
	if !model.ValidDate(date) {
		return nil, usage("cli.review.date", date)
	}
	if other := j.ReviewOn(date); other != nil {
		return nil, failure("cli.review.same_day", path, j.ID, date, other.ID)
	}
	take := insight.ReviewNow(j.ID, date, msg.T("cli.review.survey_note", filepath.Base(csvPath)))
	return &model.Batch{Name: imp.Label(), Commands: []model.Command{imp, take}}, nil
}
