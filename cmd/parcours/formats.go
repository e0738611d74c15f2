package main

import (
	"io"
	"path/filepath"
	"strings"

	"parcours/model"
	"parcours/model/mermaid"
	"parcours/model/msg"
	"parcours/model/table"
)

// The formats of one journey that `export` writes and `import` reads
// besides JSON (CONTRACTS.md §6 "Other formats"): a Mermaid journey
// diagram and a spreadsheet of touchpoints, CSV or XLSX.

// journeyFormats are export's formats that hold one journey, not a poster.
var journeyFormats = []string{"mermaid", "csv", "xlsx"}

// exportFormats lists every format of export, for its messages.
var exportFormats = []string{"json", "pdf", "png", "svg", "mermaid", "csv", "xlsx"}

// formatOfExt is the format an extension stands for, "" when none.
func formatOfExt(path string) string {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".mmd", ".mermaid":
		return "mermaid"
	case ".json", ".pdf", ".png", ".svg", ".csv", ".xlsx":
		return ext[1:]
	}
	return ""
}

// journeyExport reports whether the export asked for is one journey's
// table or diagram, and which.
func journeyExport(p *parser) (string, bool) {
	format, given := p.get("format")
	if !given {
		out, _ := p.get("o")
		format = formatOfExt(out)
	}
	for _, f := range journeyFormats {
		if strings.EqualFold(format, f) {
			return f, true
		}
	}
	return "", false
}

// runJourneyExport writes one journey (--journey, default the first) as a
// Mermaid diagram or a CSV or XLSX table of touchpoints, in the user's
// language. The poster's options do not apply.
func runJourneyExport(e *env, p *parser, in, format string) error {
	out, ok := p.get("o")
	if !ok || out == "" {
		return usage("cli.missing_flag", "-o OUT", "parcours "+p.cmd.synopsis)
	}
	for _, f := range p.cmd.flags {
		if _, given := p.get(f.name); given && f.name != "o" && f.name != "format" && f.name != "journey" {
			return usage("cli.not_for_format", flagName(f.name), formatName(format))
		}
	}
	id, _ := p.get("journey")
	if id == "all" {
		return usage("formats.one_journey", formatName(format))
	}
	s, j, err := openForJourneyOutput(in, out, id)
	if err != nil {
		return err
	}
	defer s.Close()
	lang := msg.Language()
	return output(e, out, func(w io.Writer) error {
		switch format {
		case "mermaid":
			return mermaid.Write(w, j)
		case "xlsx":
			return table.WriteXLSX(w, j, lang)
		}
		return table.WriteCSV(w, j, lang)
	})
}

func formatName(format string) string {
	if format == "mermaid" {
		return "Mermaid"
	}
	return strings.ToUpper(format)
}

// importFormat is the format of import's input: --format, or its
// extension; JSON otherwise (standard input included).
func importFormat(p *parser, in string) (string, error) {
	if v, ok := p.get("format"); ok {
		return choice("format", v, "json", "mermaid", "csv", "xlsx")
	}
	switch f := formatOfExt(in); f {
	case "mermaid", "csv", "xlsx":
		return f, nil
	}
	return "json", nil
}

// readImport reads a document in format from r, named name in messages.
// A diagram or a table becomes a document of one journey in the user's
// language.
func readImport(format string, r io.Reader, name string) (*model.Document, error) {
	switch format {
	case "mermaid":
		return mermaid.Read(r, name, msg.Language())
	case "csv", "xlsx":
		return table.Read(r, name, format, msg.Language())
	}
	return model.ReadJSON(r, name)
}
