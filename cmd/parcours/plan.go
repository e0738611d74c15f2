package main

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"parcours/model"
	"parcours/model/compare"
	"parcours/model/msg"
	"parcours/model/plan"
	"parcours/model/plan/xlsx"
	"parcours/model/sqlite"
)

// planCommand is `parcours plan` (CONTRACTS.md §6 "Action plan"): the
// journey's opportunities as a CSV or XLSX action plan.
var planCommand = &command{name: "plan",
	synopsis: "plan [--journey ID] [--sort KEY] [--format csv|xlsx] -o OUT FILE.parcours",
	args:     []string{"FILE.parcours"},
	flags: []flagSpec{
		{"journey", "ID", "cli.help.plan.journey"},
		{"sort", "KEY", "cli.help.plan.sort"},
		{"format", "csv|xlsx", "cli.help.plan.format"},
		{"o", "OUT", "cli.help.plan.o"},
	},
	run: runPlan}

// compareCommand is `parcours compare` (CONTRACTS.md §6 "Current vs
// target").
var compareCommand = &command{name: "compare",
	synopsis: "compare [--current ID] [--target ID] [--format text|json] FILE.parcours",
	args:     []string{"FILE.parcours"},
	flags: []flagSpec{
		{"current", "ID", "cli.help.compare.current"},
		{"target", "ID", "cli.help.compare.target"},
		{"format", "text|json", "cli.help.compare.format"},
	},
	run: runCompare}

// compare goes into the commands list right after plan (commands.go
// lists plan; this file's init runs after that file's).
func runPlan(e *env, p *parser, args []string) error {
	in := args[0]
	out, ok := p.get("o")
	if !ok || out == "" {
		return usage("cli.missing_flag", "-o OUT", "parcours "+p.cmd.synopsis)
	}
	var format string
	if v, ok := p.get("format"); ok {
		f, err := choice("format", v, "csv", "xlsx")
		if err != nil {
			return err
		}
		format = f
	} else {
		switch ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), ".")); ext {
		case "csv", "xlsx":
			format = ext
		default:
			return usage("cli.plan.no_format", out)
		}
	}
	key := plan.ByPriority
	if v, ok := p.get("sort"); ok {
		names := make([]string, len(plan.SortKeys))
		for i, k := range plan.SortKeys {
			names[i] = string(k)
		}
		k, err := choice("sort", v, names...)
		if err != nil {
			return err
		}
		key = plan.SortKey(k)
	}
	id, _ := p.get("journey")
	if id == "all" {
		return usage("cli.one_journey")
	}
	s, j, err := openForJourneyOutput(in, out, id)
	if err != nil {
		return err
	}
	defer s.Close()
	rows := plan.Rows(j)
	plan.Sort(rows, key, plan.NaturalDescending(key))
	lang := msg.Language()
	return output(e, out, func(w io.Writer) error {
		if format == "xlsx" {
			return xlsx.Write(w, rows, lang)
		}
		return plan.WriteCSV(w, rows, lang)
	})
}

func runCompare(e *env, p *parser, args []string) error {
	format, err := p.choose("format", "text", "json")
	if err != nil {
		return err
	}
	curID, _ := p.get("current")
	tgtID, _ := p.get("target")
	if curID == "all" || tgtID == "all" {
		return usage("cli.one_journey")
	}
	if curID != "" && curID == tgtID {
		return usage("cli.compare.same", curID)
	}
	path := args[0]
	s, doc, err := openDocument(path)
	if err != nil {
		return err
	}
	defer s.Close()

	var target, current *model.Journey
	if tgtID != "" {
		if target, err = pickJourney(path, doc, tgtID); err != nil {
			return err
		}
	} else if curID == "" {
		if target = compare.FirstTarget(doc); target == nil {
			return failure("cli.compare.no_target", path)
		}
	}
	if curID != "" {
		if current, err = pickJourney(path, doc, curID); err != nil {
			return err
		}
		if target == nil {
			// Only --current: the first journey made from it.
			if target = compare.FirstMadeFrom(doc, current); target == nil {
				return failure("cli.compare.no_target", path)
			}
		}
	} else if current = compare.Source(doc, target); current == nil {
		return failure("cli.compare.no_source", target.ID, path)
	}

	r := compare.Compare(current, target)
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return compare.WriteText(e.stdout, r)
}

// openForJourneyOutput is the start of an export of one journey to out
// ("-": standard output): out may be written and is not the document, the
// document in opens (read-only), and journey id (the first when "") is in
// it. The caller closes the store.
func openForJourneyOutput(in, out, id string) (*sqlite.Store, *model.Journey, error) {
	if out != "-" {
		if err := checkOutput(out); err != nil {
			return nil, nil, err
		}
	}
	s, doc, err := openDocument(in)
	if err != nil {
		return nil, nil, err
	}
	if out != "-" && sameFile(in, out) {
		s.Close()
		return nil, nil, failure("cli.same_file", out)
	}
	j, err := pickJourney(in, doc, id)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, j, nil
}
