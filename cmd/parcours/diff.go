package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parcours/model"
	"parcours/model/diff"
	"parcours/model/msg"
	"parcours/model/sqlite"
)

// diffCommand is `parcours diff` (CONTRACTS.md §6 "Team work"): what
// changed between two versions of a document, by id.
var diffCommand = &command{name: "diff",
	synopsis: "diff [--format text|json] A B",
	args:     []string{"A", "B"},
	flags:    []flagSpec{{"format", "text|json", "cli.help.diff.format"}},
	run:      runDiff}

// mergeCommand is `parcours merge`: the three-way merge Git's merge driver
// calls.
var mergeCommand = &command{name: "merge",
	synopsis: "merge BASE OURS THEIRS -o OUT [--prefer ours|theirs]",
	args:     []string{"BASE", "OURS", "THEIRS"},
	flags: []flagSpec{
		{"o", "OUT", "cli.help.merge.o"},
		{"prefer", "ours|theirs", "cli.help.merge.prefer"},
	},
	run: runMerge}

// sqliteMagic begins every SQLite file, and so every .parcours document.
const sqliteMagic = "SQLite format 3\x00"

// loadAny reads a document from a .parcours file or from parcours/v1 JSON,
// whichever the file holds (Git hands the merge driver files without
// extension), read-only. It reports whether it was a .parcours file.
func loadAny(path string) (*model.Document, bool, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, false, err
	}
	head := make([]byte, len(sqliteMagic))
	n, _ := io.ReadFull(f, head)
	f.Close()
	if string(head[:n]) == sqliteMagic {
		s, d, err := openDocument(path)
		if err != nil {
			return nil, false, err
		}
		s.Close()
		return d, true, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false, failure("cli.cannot_read", path, cause(err))
	}
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) == 0 || t[0] != '{' {
		return nil, false, failure("cli.diff.not_document", path)
	}
	d, err := model.ReadJSON(bytes.NewReader(data), path)
	if err != nil {
		return nil, false, inFile(path, err)
	}
	return d, false, nil
}

func unrelated(err error, paths ...string) error {
	if errors.Is(err, diff.ErrUnrelated) {
		if len(paths) == 2 {
			return failure("cli.diff.unrelated", paths[0], paths[1])
		}
		return failure("cli.merge.unrelated", paths[0], paths[1], paths[2])
	}
	return err
}

func runDiff(e *env, p *parser, args []string) error {
	format, err := p.choose("format", "text", "json")
	if err != nil {
		return err
	}
	a, _, err := loadAny(args[0])
	if err != nil {
		return err
	}
	b, _, err := loadAny(args[1])
	if err != nil {
		return err
	}
	cs, err := diff.Compare(a, b)
	if err != nil {
		return unrelated(err, args[0], args[1])
	}
	if format == "json" {
		return diff.WriteJSON(e.stdout, cs)
	}
	return diff.WriteText(e.stdout, cs)
}

func runMerge(e *env, p *parser, args []string) error {
	out, ok := p.get("o")
	if !ok || out == "" {
		return usage("cli.missing_flag", "-o OUT", "parcours "+p.cmd.synopsis)
	}
	prefer := diff.Neither
	if v, ok := p.get("prefer"); ok {
		side, err := choice("prefer", v, "ours", "theirs")
		if err != nil {
			return err
		}
		prefer = map[string]diff.Prefer{"ours": diff.Ours, "theirs": diff.Theirs}[side]
	}
	if fi, err := os.Stat(filepath.Dir(out)); err != nil || !fi.IsDir() {
		return failure("cli.no_folder", out, filepath.Dir(out))
	}
	var docs [3]*model.Document
	var native bool
	for i, path := range args {
		d, isDoc, err := loadAny(path)
		if err != nil {
			return err
		}
		docs[i] = d
		if i == 1 {
			native = isDoc
		}
	}
	merged, conflicts, err := diff.Merge(docs[0], docs[1], docs[2], prefer)
	if err != nil {
		return unrelated(err, args...)
	}
	if merged == nil {
		if err := diff.WriteConflicts(e.stdout, conflicts); err != nil {
			return err
		}
		return failure("cli.merge.conflicts", len(conflicts), out)
	}
	if len(conflicts) > 0 {
		side := map[diff.Prefer]string{diff.Ours: "ours", diff.Theirs: "theirs"}[prefer]
		fmt.Fprintln(e.stdout, msg.T("cli.merge.settled", len(conflicts), side))
		if err := diff.WriteConflicts(e.stdout, conflicts); err != nil {
			return err
		}
	}
	// The result is written as OUT's extension says, else as OURS is (Git
	// names its files without one): a .parcours document, or JSON.
	switch strings.ToLower(filepath.Ext(out)) {
	case ".json":
		native = false
	case ".parcours":
		native = true
	}
	if !native {
		return output(e, out, func(w io.Writer) error { return model.WriteJSON(w, merged) })
	}
	return replaceDocument(out, merged)
}

// replaceDocument writes d as a .parcours document at path, replacing what
// is there whole or not at all: it is built in a folder of its own beside
// path, then renamed over it.
func replaceDocument(path string, d *model.Document) error {
	dir, err := os.MkdirTemp(filepath.Dir(path), ".parcours-merge-")
	if err != nil {
		return failure("cli.cannot_write", path, cause(err))
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, filepath.Base(path))
	s, err := sqlite.Create(tmp, d)
	if err != nil {
		return inFile(path, err)
	}
	if err := s.Close(); err != nil {
		return inFile(path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return failure("cli.cannot_write", path, cause(err))
	}
	return nil
}
