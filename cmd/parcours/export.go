package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/cmd/internal/errline"
	"parcours/model"
	"parcours/model/atomic"
	"parcours/model/msg"
)

// maxSplit is the most posters --split shares a journey out over (a
// journey has fewer stages than that; more posters than stages print one
// stage each).
const maxSplit = 99

// DPI limits of the PNG export (CONTRACTS.md §1).
const (
	minDPI = poster.MinDPI
	maxDPI = poster.MaxDPI
)

// Branding options of export, beyond CONTRACTS.md §1 (see §6 "Poster
// options"). They are added here, to the export command's list, so that
// the export's options live with the export.
// exportPlan is an export command line, checked before the document is
// opened.
type exportPlan struct {
	in, out string
	format  string // json, pdf, png or svg
	paper   poster.Paper
	tile    *poster.Paper
	layout  canvas.Options // view, quotes, opportunities
	dpi     int
	journey string // "" for the first, "all", or an id
	logo    string // file name, "" for none
	footer  string
	version string
	// Parts: the persona card left out, the action plan and comparison
	// pages added.
	noPersona     bool
	plan, compare bool
	// split prints each journey on that many posters (0: one).
	split int
}

func runExport(e *env, p *parser, args []string) (err error) {
	if format, ok := journeyExport(p); ok {
		return runJourneyExport(e, p, args[0], format)
	}
	plan, err := planExport(p, args[0])
	if err != nil {
		return err
	}
	if plan.out != "-" {
		if err := checkOutput(plan.out); err != nil {
			return err
		}
	}
	tuned := os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" // else they have the last word
	if plan.format == "pdf" && tuned {
		// A PDF export makes megabytes of garbage (16 MB for the poster of
		// 1000 touchpoints and its appendix), and then the process ends:
		// not collecting it saves a fifth of its time, for a few megabytes
		// more. The garbage is collected only if the heap nears 256 MB, for
		// maps far beyond a thousand touchpoints.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(256 << 20))
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
	}
	if plan.format == "png" && tuned {
		// A picture is painted by strips of a few megabytes: what the
		// export keeps is the document and its map, some 200 MB at
		// 100 000 touchpoints, whose painting makes garbage at a fast
		// pace. At the usual pace the heap grew to twice what is kept
		// (450 MB); the garbage is collected sooner when the heap nears
		// 320 MB, which cost no time there. Smaller maps never near it.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(320 << 20))
	}
	s, doc, err := openDocument(plan.in)
	if err != nil {
		return err
	}
	defer s.Close()
	if plan.out != "-" && sameFile(plan.in, plan.out) {
		return failure("cli.same_file", plan.out)
	}
	if plan.format == "json" {
		return output(e, plan.out, func(w io.Writer) error { return model.WriteJSON(w, doc) })
	}

	journeys, err := pickJourneys(plan.in, doc, plan.journey)
	if err != nil {
		return err
	}
	job := poster.Job{Doc: doc, Journeys: journeys, Layout: plan.layout, DPI: plan.dpi, Compare: plan.compare, Split: plan.split,
		Options: poster.Options{Paper: plan.paper, Tile: plan.tile, Footer: plan.footer, Version: plan.version,
			NoPersona: plan.noPersona, Plan: plan.plan}}
	if plan.logo != "" {
		if job.Options.Logo, err = readLogo(plan.logo); err != nil {
			return err
		}
	}
	if job.Compare {
		// Checked before anything is written.
		if _, err := job.Pairs(); err != nil {
			return inFile(plan.in, err)
		}
	}
	scenes := job.Scenes()
	// Titles too small to read are never printed silently: the poster is
	// written, and one line says what would make it readable.
	defer func() {
		if err == nil {
			if w := job.Readability(scenes); w != nil {
				errline.Write(e.stderr, msg.T("cli.warning", w.Error()))
			}
		}
	}()
	if plan.format == "pdf" {
		return output(e, plan.out, func(w io.Writer) error { return job.WritePDF(w, scenes) })
	}

	picture := func(s *canvas.Scene) func(io.Writer) error {
		if plan.format == "svg" {
			return func(w io.Writer) error { return job.WriteSVG(w, s) }
		}
		return func(w io.Writer) error { return job.WritePNG(w, s) }
	}
	if plan.journey != "all" {
		return output(e, plan.out, picture(scenes[0]))
	}
	names := pictureNames(plan.out, "."+plan.format, journeys)
	writes := make([]func(io.Writer) error, len(scenes))
	for i, s := range scenes {
		if err := checkOutput(names[i]); err != nil {
			return err
		}
		if sameFile(plan.in, names[i]) {
			return failure("cli.same_file", names[i])
		}
		writes[i] = picture(s)
	}
	return outputAll(names, writes)
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
		f, err := choice("format", v, exportFormats...)
		if err != nil {
			return nil, err
		}
		plan.format = f
	} else {
		ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
		switch ext {
		case "json", "pdf", "png", "svg":
			plan.format = ext
		default:
			return nil, usage("cli.no_format", out)
		}
	}
	given := func(name string) bool { _, ok := p.get(name); return ok }
	switch plan.format {
	case "json":
		for _, name := range []string{"journey", "paper", "orientation", "tile", "view", "dpi", "logo", "footer", "doc-version", "with", "without", "split"} {
			if given(name) {
				return nil, usage("cli.not_for_json", flagName(name))
			}
		}
		return plan, nil
	case "pdf":
		if given("dpi") {
			return nil, usage("cli.not_for_format", "--dpi", "PDF")
		}
	case "png", "svg":
		names := []string{"tile", "split"}
		if plan.format == "svg" {
			names = append(names, "dpi") // a drawing, of any resolution
		}
		for _, name := range names {
			if given(name) {
				return nil, usage("print.cli.not_for_picture", flagName(name), strings.ToUpper(plan.format))
			}
		}
		// --with adds pages, but for trends, which are on the poster.
		if with, _ := parts(p, "with", "plan", "compare", "trends"); with["plan"] || with["compare"] {
			return nil, usage("print.cli.not_for_picture", flagName("with"), strings.ToUpper(plan.format))
		}
	}
	plan.journey, _ = p.get("journey")
	paper, ok := p.get("paper")
	if !ok {
		paper = "A0"
	}
	orientation, _ := p.get("orientation")
	var err error
	if plan.paper, err = poster.ParsePaper(paper, orientation); err != nil {
		return nil, &usageError{err.Error()}
	}
	if tile, tiled := p.get("tile"); tiled {
		if tile, err = choice("tile", tile, "A4", "A3"); err != nil {
			return nil, err
		}
		// Either orientation: the tiling turns the sheets as it needs.
		t, err := poster.ParsePaper(tile, "portrait")
		if err != nil {
			return nil, &usageError{err.Error()}
		}
		plan.tile = &t
	}
	if err := (poster.Options{Paper: plan.paper, Tile: plan.tile}).Check(); err != nil {
		return nil, &usageError{err.Error()}
	}
	if view, ok := p.get("view"); ok {
		if view, err = choice("view", view, "micro", "macro"); err != nil {
			return nil, err
		}
		if view == "macro" {
			plan.layout.View = canvas.Macro
		}
	}
	with, err := parts(p, "with", "plan", "compare", "trends")
	if err != nil {
		return nil, err
	}
	plan.plan, plan.compare, plan.layout.Trends = with["plan"], with["compare"], with["trends"]
	without, err := parts(p, "without", "persona", "opportunities", "quotes")
	if err != nil {
		return nil, err
	}
	plan.noPersona, plan.layout.NoOpportunities, plan.layout.Quotes = without["persona"], without["opportunities"], !without["quotes"]
	if v, ok := p.get("split"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > maxSplit {
			return nil, usage("cli.bad_value", v, "--split", msg.T("print.split.range", maxSplit))
		}
		plan.split = n
	}
	plan.dpi = poster.DefaultDPI
	if v, ok := p.get("dpi"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < minDPI || n > maxDPI {
			return nil, usage("cli.bad_value", v, "--dpi", msg.T("cli.dpi_range", minDPI, maxDPI))
		}
		plan.dpi = n
	}
	if plan.format == "png" {
		// The pixel budget depends on the command line alone.
		if err := poster.CheckDPI(plan.paper, plan.dpi); err != nil {
			return nil, &usageError{err.Error()}
		}
	}
	if (plan.format == "png" || plan.format == "svg") && plan.journey == "all" && plan.out == "-" {
		return nil, usage("print.cli.all_to_stdout", strings.ToUpper(plan.format))
	}
	plan.logo, _ = p.get("logo")
	if given("logo") && strings.TrimSpace(plan.logo) == "" {
		return nil, usage("cli.flag_needs_value", "--logo", p.cmd.name)
	}
	plan.footer, _ = p.get("footer")
	plan.version, _ = p.get("doc-version")
	return plan, nil
}

// parts reads option name, a comma-separated list of some of choices (in
// any case), as a set; an option not given is the empty set.
func parts(p *parser, name string, choices ...string) (map[string]bool, error) {
	v, ok := p.get(name)
	if !ok {
		return nil, nil
	}
	set := map[string]bool{}
	for _, item := range strings.Split(v, ",") {
		c, err := choice(name, strings.TrimSpace(item), choices...)
		if err != nil {
			return nil, err
		}
		set[c] = true
	}
	return set, nil
}

// readLogo reads and checks the logo file, so that a bad one stops the
// export before anything is written.
func readLogo(path string) ([]byte, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 64<<20))
	if err != nil {
		return nil, failure("print.logo.read", path, cause(err))
	}
	if _, err := poster.ParseImage(b); err != nil {
		return nil, inFile(path, err)
	}
	return b, nil
}

// pictureNames names the picture files of --journey all, of extension ext
// (".png", ".svg"): OUT-<journey id>.png, OUT without its extension. Characters that have no place in a file name
// become "_"; two journeys that would share a name are told apart by
// their rank.
func pictureNames(out, ext string, journeys []*model.Journey) []string {
	base := out
	if strings.EqualFold(filepath.Ext(out), ext) {
		base = strings.TrimSuffix(out, filepath.Ext(out))
	}
	seen := map[string]bool{}
	names := make([]string, len(journeys))
	for i, j := range journeys {
		id := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
				return r
			}
			return '_'
		}, j.ID)
		id = strings.TrimLeft(id, ".")
		name := base + "-" + id + ext
		if seen[strings.ToLower(name)] {
			name = base + "-" + id + "-" + strconv.Itoa(i+1) + ext
		}
		seen[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
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
	if err := atomic.CheckTarget(out); err != nil {
		return failure("cli.not_regular_out", out)
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
	return outputError(out, err)
}

// outputError words an error of atomic.WriteFile.
func outputError(out string, err error) error {
	var ce contentError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ce):
		return ce.error
	case errors.Is(err, atomic.ErrNotRegular):
		return failure("cli.not_regular_out", out)
	default:
		var pe *os.PathError
		if errors.As(err, &pe) {
			return failure("cli.cannot_write", out, pe.Err)
		}
		return err
	}
}

// outputAll writes several files all or none: each into a temporary file
// beside it, synced, and only when every one is complete are they renamed
// into place. On failure no temporary file is left and the outputs that
// existed are as they were.
func outputAll(names []string, writes []func(io.Writer) error) (err error) {
	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				atomic.Remove(t)
			}
		}
	}()
	for i, name := range names {
		f, err := atomic.Temp(name, 0o666)
		if err != nil {
			return failure("cli.cannot_write", name, cause(err))
		}
		temps = append(temps, f.Name())
		if err := writes[i](f); err != nil {
			f.Close()
			return inFile(name, err)
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return failure("cli.cannot_write", name, cause(err))
		}
		if err := f.Close(); err != nil {
			return failure("cli.cannot_write", name, cause(err))
		}
	}
	for _, name := range names {
		if atomic.CheckTarget(name) != nil {
			return failure("cli.not_regular_out", name)
		}
	}
	for i, name := range names {
		if err := os.Rename(temps[i], name); err != nil {
			temps = temps[i:]
			return failure("cli.cannot_write", name, cause(err))
		}
		atomic.Forget(temps[i])
	}
	return nil
}
