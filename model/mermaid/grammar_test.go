package mermaid

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
)

// This file ports the lexer and grammar of Mermaid's journey diagrams
// (packages/mermaid/src/diagrams/user-journey/parser/journey.jison) to Go,
// rule for rule, so that the tests can check what Mermaid itself makes of
// an export without a browser. Jison tries the rules in order and takes
// the first that matches; JavaScript's \s (which the port spells out: Go's
// \s is ASCII only) includes the no-break and typographic spaces but not
// the zero-width space the export uses.

const jsSpace = `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

type rule struct {
	re   *regexp.Regexp
	kind string // "" skips
	next string // lexer state entered; "pop" leaves the state
}

func r(pattern, kind, next string) rule {
	return rule{regexp.MustCompile(`(?i)^(?:` + strings.ReplaceAll(pattern, `\s`, `[`+jsSpace+`]`) + `)`), kind, next}
}

var rules = map[string][]rule{
	"": {
		// \%%(?!\{)[^\n]* in the source; Mermaid 11.17's CLI drops a line
		// whose task starts with a single "%" as well, so the port does.
		r(`%(?:[^{\n][^\n]*)?`, "", ""),
		r(`[^}]%%[^\n]*`, "", ""),
		r(`\n+`, "NEWLINE", ""),
		r(`\s+`, "", ""),
		r(`#[^\n]*`, "", ""),
		r(`journey`, "journey", ""),
		r(`title\s[^#\n;]+`, "title", ""),
		r(`accTitle\s*:\s*`, "acc_title", "acc_title"),
		r(`accDescr\s*:\s*`, "acc_descr", "acc_descr"),
		r(`accDescr\s*\{\s*`, "", "acc_descr_multiline"),
		r(`section\s[^#:\n;]+`, "section", ""),
		r(`[^#:\n;]+`, "taskName", ""),
		r(`:[^#\n;]+`, "taskData", ""),
		r(`:`, ":", ""),
		r(`(?s:.)`, "INVALID", ""),
	},
	"acc_title":           {r(`[^\n]*`, "acc_title_value", "pop")},
	"acc_descr":           {r(`[^\n]*`, "acc_descr_value", "pop")},
	"acc_descr_multiline": {r(`\}`, "", "pop"), r(`[^}]*`, "acc_descr_multiline_value", "")},
}

type token struct{ kind, text string }

// lex cuts a diagram into Mermaid's tokens.
func lex(text string) ([]token, error) {
	var out []token
	state := ""
	for pos := 0; pos < len(text); {
		matched := false
		for _, ru := range rules[state] {
			m := ru.re.FindString(text[pos:])
			if m == "" {
				continue
			}
			matched = true
			pos += len(m)
			if ru.kind == "INVALID" {
				return out, fmt.Errorf("invalid character %q", m)
			}
			if ru.kind != "" {
				out = append(out, token{ru.kind, m})
			}
			switch ru.next {
			case "":
			case "pop":
				state = ""
			default:
				state = ru.next
			}
			break
		}
		if !matched {
			return out, fmt.Errorf("nothing matches at %q", text[pos:])
		}
	}
	return out, nil
}

// statement is what the grammar makes of a line, as journeyDb receives it.
type statement struct{ kind, a, b, c string }

// parse runs the grammar: "journey", then statements, each a title, a
// section, an accessibility text, or a task name followed by its data.
func parse(text string) ([]statement, error) {
	tokens, err := lex(text)
	if err != nil {
		return nil, err
	}
	if len(tokens) == 0 || tokens[0].kind != "journey" {
		return nil, fmt.Errorf("expected journey first, got %v", tokens)
	}
	var out []statement
	for i := 1; i < len(tokens); i++ {
		t := tokens[i]
		switch t.kind {
		case "NEWLINE", "acc_descr_multiline_value":
		case "title":
			out = append(out, statement{"title", t.text[6:], "", ""})
		case "section":
			out = append(out, statement{"section", t.text[8:], "", ""})
		case "acc_title", "acc_descr":
			if i+1 >= len(tokens) || !strings.HasSuffix(tokens[i+1].kind, "_value") {
				return nil, fmt.Errorf("%s without a value", t.kind)
			}
			i++
		case "taskName":
			if i+1 >= len(tokens) || tokens[i+1].kind != "taskData" {
				return nil, fmt.Errorf("task %q without its data", t.text)
			}
			out = append(out, statement{"task", t.text, tokens[i+1].text, ""})
			i++
		default:
			return nil, fmt.Errorf("unexpected %s %q", t.kind, t.text)
		}
	}
	return out, nil
}

// mermaidTask is journeyDb.addTask: the score is the number before the
// second colon, the actors the comma-separated list after it.
func mermaidTask(name, data string) (string, string, []string) {
	pieces := strings.Split(data[1:], ":")
	var people []string
	if len(pieces) > 1 {
		for _, p := range strings.Split(pieces[1], ",") {
			people = append(people, strings.TrimSpace(p))
		}
	}
	return name, strings.TrimSpace(pieces[0]), people
}

// TestExportParsesAsMermaid: Mermaid's grammar reads every section, task,
// score and actor of an export where the export meant them, tricky texts
// included.
func TestExportParsesAsMermaid(t *testing.T) {
	for _, j := range []*model.Journey{modeltest.Reference(t).Journeys[0], tricky(t)} {
		var b bytes.Buffer
		if err := Write(&b, j); err != nil {
			t.Fatal(err)
		}
		stmts, err := parse(b.String())
		if err != nil {
			t.Fatalf("Mermaid's grammar refuses the export: %v\n%s", err, b.String())
		}
		var want []statement
		if j.Title != "" {
			want = append(want, statement{"title", escape(inTitle, j.Title), "", ""})
		}
		for _, s := range j.Stages {
			want = append(want, statement{"section", escape(inText, s.Name), "", ""})
			for _, tp := range model.TimelineOf(j) {
				if tp.Stage == s.ID {
					want = append(want, statement{"task", escape(inText, tp.Title), fmt.Sprint(tp.Emotion + 3),
						escape(inActor, j.Lane(tp.Lane).Name)})
				}
			}
		}
		if len(stmts) != len(want) {
			t.Fatalf("%d statements, want %d:\n%s", len(stmts), len(want), b.String())
		}
		for i, s := range stmts {
			if s.kind == "task" {
				name, score, people := mermaidTask(s.a, s.b)
				s = statement{"task", strings.TrimSpace(name), score, strings.Join(people, "|")}
			}
			if s != want[i] {
				t.Errorf("statement %d: Mermaid reads %q, the export meant %q", i+1, s, want[i])
			}
		}
	}
}

// TestExamplesParseBothWays: the test diagrams are Mermaid's to begin with:
// its grammar accepts them, and Read finds the tasks it finds.
func TestExamplesParseBothWays(t *testing.T) {
	for _, name := range []string{"docs-example.mmd", "spec-tasks.mmd"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		// Mermaid takes the front matter and directives off before parsing.
		text = regexp.MustCompile(`(?s)^---\n.*?\n---\n`).ReplaceAllString(text, "")
		text = regexp.MustCompile(`%%\{.*?\}%%\n`).ReplaceAllString(text, "")
		stmts, err := parse(text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var tasks []string
		for _, s := range stmts {
			if s.kind == "task" {
				n, score, _ := mermaidTask(s.a, s.b)
				tasks = append(tasks, strings.TrimSpace(n)+" "+score)
			}
		}
		doc := readFile(t, "testdata/"+name)
		var got []string
		for _, tp := range model.TimelineOf(doc.Journeys[0]) {
			got = append(got, fmt.Sprintf("%s %d", tp.Title, tp.Emotion+3))
		}
		if strings.Join(got, ",") != strings.Join(tasks, ",") {
			t.Errorf("%s: Read found %v, Mermaid %v", name, got, tasks)
		}
	}
}
