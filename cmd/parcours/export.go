package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/model"
	"parcours/model/atomic"
	"parcours/model/msg"
)

// DPI limits of the PNG export (CONTRACTS.md §1).
const (
	minDPI = 10
	maxDPI = 1200
)

// exportPlan is an export command line, checked before the document is
// opened.
type exportPlan struct {
	in, out string
	format  string // json, pdf or png
	paper   pdf.Paper
	journey string // "" for the first, "all", or an id
}

func runExport(e *env, p *parser, args []string) error {
	plan, err := planExport(p, args[0])
	if err != nil {
		return err
	}
	if plan.out != "-" {
		if err := checkOutput(plan.out); err != nil {
			return err
		}
	}
	s, doc, err := openDocument(plan.in)
	if err != nil {
		return err
	}
	defer s.Close()
	if plan.out != "-" && sameFile(plan.in, plan.out) {
		return failure("cli.same_file", plan.out)
	}
	var write func(io.Writer) error
	switch plan.format {
	case "json":
		write = func(w io.Writer) error { return model.WriteJSON(w, doc) }
	case "pdf":
		journeys, err := pickJourneys(plan.in, doc, plan.journey)
		if err != nil {
			return err
		}
		scenes := make([]*canvas.Scene, 0, len(journeys))
		for _, j := range journeys {
			scenes = append(scenes, canvas.Layout(doc, j))
		}
		opts := pdf.Options{Paper: plan.paper, Date: doc.Modified}
		write = func(w io.Writer) error { return pdf.Write(w, scenes, opts) }
	}
	return output(e, plan.out, write)
}

// planExport reads and checks export's options.
func planExport(p *parser, in string) (*exportPlan, error) {
	plan := &exportPlan{in: in}
	out, ok := p.get("o")
	if !ok || out == "" {
		return nil, usage("cli.missing_flag", "-o OUT", "parcours "+p.cmd.synopsis)
	}
	plan.out = out
	if v, ok := p.get("format"); ok {
		f, err := choice("format", v, "json", "pdf", "png")
		if err != nil {
			return nil, err
		}
		plan.format = f
	} else {
		ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
		switch ext {
		case "json", "pdf", "png":
			plan.format = ext
		default:
			return nil, usage("cli.no_format", out)
		}
	}
	given := func(name string) bool { _, ok := p.get(name); return ok }
	switch plan.format {
	case "json":
		for _, name := range []string{"journey", "paper", "orientation", "tile", "view", "dpi"} {
			if given(name) {
				return nil, usage("cli.not_for_json", flagName(name))
			}
		}
		return plan, nil
	case "pdf":
		if given("dpi") {
			return nil, usage("cli.not_for_format", "--dpi", "PDF")
		}
	}
	plan.journey, _ = p.get("journey")
	paper, ok := p.get("paper")
	if !ok {
		paper = "A0"
	}
	orientation, _ := p.get("orientation")
	var err error
	if plan.paper, err = pdf.ParsePaper(paper, orientation); err != nil {
		return nil, &usageError{err.Error()}
	}
	tile, tiled := p.get("tile")
	if tiled {
		if _, err := choice("tile", tile, "A4", "A3"); err != nil {
			return nil, err
		}
	}
	view, _ := p.get("view")
	if given("view") {
		if view, err = choice("view", view, "micro", "macro"); err != nil {
			return nil, err
		}
	}
	if v, ok := p.get("dpi"); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || n < minDPI || n > maxDPI {
			return nil, usage("cli.bad_value", v, "--dpi", msg.T("cli.dpi_range", minDPI, maxDPI))
		}
	}
	// Parsed and accepted by the contract, but not in this version.
	switch {
	case plan.format == "png":
		return nil, failure("cli.not_yet.png")
	case tiled:
		return nil, failure("cli.not_yet.tile")
	case view == "macro":
		return nil, failure("cli.not_yet.macro")
	}
	return plan, nil
}

// checkOutput refuses an output whose folder is missing, or that is a
// folder, before any work is done.
func checkOutput(out string) error {
	dir := filepath.Dir(out)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return failure("cli.no_dir", out, dir)
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return failure("cli.is_dir", out)
	}
	return nil
}

func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// pickJourneys selects the journeys to print: the first by default, every
// one for "all", or the one with the given id.
func pickJourneys(path string, doc *model.Document, id string) ([]*model.Journey, error) {
	if len(doc.Journeys) == 0 {
		return nil, failure("cli.no_journeys", path)
	}
	switch id {
	case "":
		return doc.Journeys[:1], nil
	case "all":
		return doc.Journeys, nil
	}
	if j := doc.Journey(id); j != nil {
		return []*model.Journey{j}, nil
	}
	ids := make([]string, len(doc.Journeys))
	for i, j := range doc.Journeys {
		ids[i] = j.ID
	}
	return nil, failure("cli.no_journey", path, id, strings.Join(ids, ", "))
}

// contentError marks an error of the export itself (not of the file
// system) inside atomic.WriteFile.
type contentError struct{ error }

// output writes the export to out whole or not at all ("-": standard
// output, once it is complete).
func output(e *env, out string, write func(io.Writer) error) error {
	if out == "-" {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		if _, err := e.stdout.Write(b.Bytes()); err != nil {
			return failure("cli.cannot_write", out, cause(err))
		}
		return nil
	}
	err := atomic.WriteFile(out, func(w io.Writer) error {
		if err := write(w); err != nil {
			return contentError{inFile(out, err)}
		}
		return nil
	})
	var ce contentError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ce):
		return ce.error
	default:
		var pe *os.PathError
		if errors.As(err, &pe) {
			return failure("cli.cannot_write", out, pe.Err)
		}
		return err
	}
}
