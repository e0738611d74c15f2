package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"parcours"
	"parcours/assets"
	"parcours/model"
	"parcours/model/insight"
	"parcours/model/msg"
	"parcours/model/sqlite"
	"parcours/model/survey"
)

// command is one subcommand: its synopsis (CONTRACTS.md §1), its options,
// its arguments and what it does.
type command struct {
	name     string
	synopsis string   // after "parcours "
	args     []string // placeholders; those in [brackets] are optional
	flags    []flagSpec
	run      func(e *env, p *parser, args []string) error
}

// flagSpec is an option: its name, the placeholder of its value in help,
// and the message key of its description.
type flagSpec struct{ name, value, help string }

func (c *command) minArgs() int {
	n := 0
	for _, a := range c.args {
		if !strings.HasPrefix(a, "[") {
			n++
		}
	}
	return n
}

var commands []*command

func init() {
	commands = []*command{
		{name: "new", synopsis: "new [--template NAME] [--lang fr|en] FILE.parcours",
			args: []string{"FILE.parcours"},
			flags: []flagSpec{
				{"template", "NAME", "cli.help.new.template"},
				{"lang", "fr|en", "cli.help.new.lang"},
			},
			run: runNew},
		{name: "import", synopsis: "import [--format json|mermaid|csv|xlsx] IN -o OUT.parcours",
			args: []string{"IN"},
			flags: []flagSpec{{"o", "OUT.parcours", "cli.help.import.o"},
				{"format", "json|mermaid|csv|xlsx", "formats.help.import.format"}},
			run: runImport},
		{name: "export", synopsis: "export [--format json|pdf|png|svg|mermaid|csv|xlsx] -o OUT [--journey ID|all] [--paper A0|A1|A2|A3|A4|WxHmm] [--orientation landscape|portrait] [--tile A4|A3] [--view micro|macro] [--dpi N] [--split N] FILE.parcours",
			args: []string{"FILE.parcours"},
			flags: []flagSpec{
				{"format", "json|pdf|png|svg|mermaid|csv|xlsx", "cli.help.export.format"},
				{"o", "OUT", "cli.help.export.o"},
				{"journey", "ID|all", "cli.help.export.journey"},
				{"paper", "A0|A1|A2|A3|A4|WxHmm", "cli.help.export.paper"},
				{"orientation", "landscape|portrait", "cli.help.export.orientation"},
				{"tile", "A4|A3", "cli.help.export.tile"},
				{"view", "micro|macro", "cli.help.export.view"},
				{"dpi", "N", "cli.help.export.dpi"},
				{"logo", "FILE", "print.help.logo"},
				{"footer", "TEXT", "print.help.footer"},
				{"doc-version", "TEXT", "print.help.doc_version"},
				{"with", "plan,compare,trends", "print.help.with"},
				{"without", "persona,opportunities,quotes", "print.help.without"},
				{"split", "N", "print.help.split"},
			},
			run: runExport},
		{name: "import-survey", synopsis: "import-survey [--journey ID] [--scale 10|5] FILE.parcours SURVEY.csv",
			args: []string{"FILE.parcours", "SURVEY.csv"},
			flags: []flagSpec{
				{"journey", "ID", "cli.help.import-survey.journey"},
				{"scale", "10|5", "cli.help.import-survey.scale"},
				{"review", "YYYY-MM-DD", "cli.help.import-survey.review"},
			},
			run: runImportSurvey},
		{name: "insights", synopsis: "insights [--journey ID] [--format text|json] FILE.parcours",
			args: []string{"FILE.parcours"},
			flags: []flagSpec{
				{"journey", "ID", "cli.help.insights.journey"},
				{"format", "text|json", "cli.help.insights.format"},
			},
			run: runInsights},
		planCommand,
		compareCommand,
		reviewCommand,
		reviewsCommand,
		diffCommand,
		mergeCommand,
		{name: "check", synopsis: "check FILE.parcours", args: []string{"FILE.parcours"}, run: runCheck},
		{name: "templates", synopsis: "templates", run: runTemplates},
		{name: "version", synopsis: "version", run: runVersion},
		{name: "help", synopsis: "help [COMMAND]", args: []string{"[COMMAND]"}, run: runHelp},
	}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// exists reports whether something, even a dangling link, is at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func runNew(e *env, p *parser, args []string) error {
	path := args[0]
	name := assets.DefaultTemplate
	if v, ok := p.get("template"); ok {
		var names []string
		for _, t := range assets.Templates() {
			names = append(names, t.Name)
		}
		var err error
		if name, err = choice("template", v, names...); err != nil {
			return err
		}
	}
	lang := msg.Language()
	if v, ok := p.get("lang"); ok {
		var err error
		if lang, err = choice("lang", v, msg.French, msg.English); err != nil {
			return err
		}
	}
	if err := checkNew(path); err != nil {
		return err
	}
	doc, err := assets.NewDocument(name, lang)
	if err != nil {
		return err
	}
	return create(path, doc)
}

// checkNew refuses a path where a new document cannot go: something is
// there already, or its folder is missing.
func checkNew(path string) error {
	if exists(path) {
		return failure("cli.exists", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return failure("cli.no_folder", path, dir)
	}
	return nil
}

// create writes doc as a new document at path, never over a file.
func create(path string, doc *model.Document) error {
	s, err := sqlite.Create(path, doc)
	if errors.Is(err, sqlite.ErrExists) {
		return failure("cli.exists", path)
	}
	if err != nil {
		return err
	}
	return s.Close()
}

func runImport(e *env, p *parser, args []string) error {
	in := args[0]
	out, ok := p.get("o")
	if !ok || out == "" {
		return usage("cli.missing_flag", "-o OUT.parcours", "parcours "+p.cmd.synopsis)
	}
	format, err := importFormat(p, in)
	if err != nil {
		return err
	}
	if err := checkNew(out); err != nil {
		return err
	}
	var r io.Reader
	name := in
	if in == "-" {
		r, name = e.stdin, msg.T("cli.stdin")
	} else {
		f, err := openInput(in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	doc, err := readImport(format, r, name)
	if err != nil {
		return inFile(name, err)
	}
	return create(out, doc)
}

// openInput opens a file to read, with a plain message when it cannot.
func openInput(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, failure("cli.not_found", path)
	case err != nil:
		return nil, failure("cli.cannot_read", path, cause(err))
	case fi.IsDir():
		return nil, failure("cli.is_dir", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, failure("cli.cannot_read", path, cause(err))
	}
	return f, nil
}

// cause is the system's reason behind a file error, without the path the
// message already names.
func cause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// inFile makes sure a message about a file's content names the file.
func inFile(name string, err error) error {
	if strings.HasPrefix(err.Error(), name) {
		return err
	}
	return &wrapped{msg.T("cli.in_file", name, err.Error()), err}
}

// wrapped is an error reworded for people that still unwraps to its cause.
type wrapped struct {
	text  string
	cause error
}

func (w *wrapped) Error() string { return w.text }
func (w *wrapped) Unwrap() error { return w.cause }

// openDocument opens a document read-only (check, export). The store's
// messages name the file; a system error's own copy of the path (absolute)
// is left out.
func openDocument(path string) (*sqlite.Store, *model.Document, error) {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil, failure("cli.not_found", path)
	}
	s, doc, err := sqlite.OpenReadOnly(path)
	if err != nil {
		var se *sqlite.Error
		var pe *os.PathError
		if errors.As(err, &se) && errors.As(se.Cause, &pe) {
			return nil, nil, &wrapped{msg.T("cli.in_file", se.Text, pe.Err.Error()), err}
		}
		return nil, nil, err
	}
	return s, doc, nil
}

func runCheck(e *env, p *parser, args []string) error {
	s, doc, err := openDocument(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	var stages, lanes, touchpoints int
	for _, j := range doc.Journeys {
		stages += len(j.Stages)
		lanes += len(j.Lanes)
		touchpoints += len(j.Touchpoints)
	}
	// The same line in every language: scripts read it.
	fmt.Fprintf(e.stdout, "OK: %d journeys, %d stages, %d lanes, %d touchpoints\n",
		len(doc.Journeys), stages, lanes, touchpoints)
	return nil
}

func runTemplates(e *env, p *parser, args []string) error {
	for _, t := range assets.Templates() {
		fmt.Fprintf(e.stdout, "%s\t%s\n", t.Name, t.Description[msg.Language()])
	}
	return nil
}

func runVersion(e *env, p *parser, args []string) error {
	fmt.Fprintf(e.stdout, "parcours %s\n", parcours.Version())
	return nil
}

func runImportSurvey(e *env, p *parser, args []string) error {
	opts := survey.Options{Scale: 10}
	if v, ok := p.get("scale"); ok {
		if _, err := choice("scale", v, "10", "5"); err != nil {
			return err
		}
		opts.Scale, _ = strconv.Atoi(v)
	}
	path, csvPath := args[0], args[1]
	if v, ok := p.get("review"); ok && !model.ValidDate(v) {
		return usage("cli.review.date", v)
	}
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return failure("cli.not_found", path)
	}
	f, err := openInput(csvPath)
	if err != nil {
		return err
	}
	defer f.Close()
	st, doc, err := openForWriting(path)
	if err != nil {
		return err
	}
	defer st.Close()
	id, _ := p.get("journey")
	j, err := pickJourney(path, doc, id)
	if err != nil {
		return err
	}
	plan, err := survey.Read(f, csvPath, j, opts)
	if err != nil {
		return err
	}
	// Through the editor, like an import from the window: one undoable
	// step, saved in one transaction (with the review, when asked).
	c, err := surveyReview(p, path, j, plan.Command(), csvPath)
	if err != nil {
		return err
	}
	if err := model.NewEditor(doc, st).Do(c); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, msg.T("cli.survey_done", plan.Rows, len(plan.Changes), j.ID))
	return nil
}

func runInsights(e *env, p *parser, args []string) error {
	format, err := p.choose("format", "text", "json")
	if err != nil {
		return err
	}
	s, doc, err := openDocument(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	id, _ := p.get("journey")
	j, err := pickJourney(args[0], doc, id)
	if err != nil {
		return err
	}
	r := insight.Analyze(j)
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return insight.WriteText(e.stdout, j, r)
}

// pickJourney is the one journey a command works on: the first by default.
func pickJourney(path string, doc *model.Document, id string) (*model.Journey, error) {
	if id == "all" {
		return nil, usage("cli.one_journey")
	}
	js, err := pickJourneys(path, doc, id)
	if err != nil {
		return nil, err
	}
	return js[0], nil
}
