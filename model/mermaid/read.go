package mermaid

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parcours/model"
	"parcours/model/msg"
)

// Error is a diagram that cannot be imported: its text names the file, the
// first bad line and how many lines are bad.
type Error struct {
	File string
	Line int // first bad line, from 1; 0 when the file as a whole is at fault
	Bad  int // bad lines found
	Text string
}

func (e *Error) Error() string { return e.Text }

// Is makes every diagram error a model.ErrInvalid: bad data, not a
// failure of the program.
func (e *Error) Is(target error) bool { return target == model.ErrInvalid }

// maxSize bounds what Read takes in: a journey diagram is a few kilobytes.
const maxSize = 16 << 20

// Read makes a document of one journey from the Mermaid journey diagram r
// (named name in messages), in the language lang of the note that names
// a task's other actors. It reads Mermaid's own grammar: keywords in any
// case; "%%" comment lines, "%%{…}%%" directives and a "---" front matter
// skipped; "#" starting a comment; accTitle and accDescr (on one line or
// in braces) read and left aside. Any bad line refuses the whole diagram;
// the error names the first one by its line number and counts them.
func Read(r io.Reader, name, lang string) (*model.Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &Error{File: name, Text: msg.T("mermaid.read", name, err)}
	}
	if len(data) > maxSize {
		return nil, &Error{File: name, Text: msg.T("mermaid.file", name, msg.T("mermaid.too_big", maxSize>>20))}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p := &parser{name: name, lang: lang}
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		if p.stop {
			break
		}
		p.line(i+1, strings.TrimSuffix(line, "\r"))
	}
	if p.bad > 0 {
		count := msg.T("mermaid.count.one")
		if p.bad > 1 {
			count = msg.T("mermaid.count.many", p.bad)
		}
		return nil, &Error{File: name, Line: p.first, Bad: p.bad, Text: msg.T("mermaid.at", name, p.first, p.firstText, count)}
	}
	if p.state == inDirective || p.state == inFrontMatter || p.state == inDescr {
		return nil, &Error{File: name, Line: p.openedAt, Bad: 1,
			Text: msg.T("mermaid.at", name, p.openedAt, msg.T("mermaid.unclosed"), msg.T("mermaid.count.one"))}
	}
	if !p.journey {
		return nil, &Error{File: name, Text: msg.T("mermaid.file", name, msg.T("mermaid.no_journey"))}
	}
	// Stages in the diagram's order, those without tasks too; tasks before
	// any section go to a stage without a name, first.
	b := model.NewBuilder(p.title, lang)
	if len(p.tasks) > 0 && p.tasks[0].section == "" {
		b.Stage("")
	}
	for _, s := range p.sections {
		b.Stage(s)
	}
	for _, t := range p.tasks {
		lane := t.actors[0]
		tp := &model.Touchpoint{Title: t.name, Emotion: t.emotion}
		if len(t.actors) > 1 {
			tp.Note = trLang(lang, "mermaid.other_actors", strings.Join(t.actors[1:], ", "))
		}
		b.Add(tp, t.section, lane)
	}
	doc, err := b.Document()
	if err != nil {
		return nil, &Error{File: name, Text: msg.T("mermaid.file", name, err)}
	}
	return doc, nil
}

// trLang words key in lang whatever the current language: the note goes
// into the document, whose language the caller chose.
func trLang(lang, key string, args ...any) string {
	en, fr := msg.Pair(key)
	f := en
	if lang == msg.French && fr != "" {
		f = fr
	}
	return strings.TrimSpace(fmt.Sprintf(f, args...))
}

type state int

const (
	inBody state = iota
	inFrontMatter
	inDirective
	inDescr
)

type task struct {
	section, name string
	emotion       int
	actors        []string // at least one; the first names the lane
}

type parser struct {
	name, lang string
	state      state
	openedAt   int // line where the front matter, directive or accDescr opened
	started    bool
	journey    bool
	stop       bool // not a journey diagram: nothing further to say
	title      string
	section    string
	sections   []string
	tasks      []task

	bad, first int
	firstText  string
}

func (p *parser) fail(line int, key string, args ...any) {
	p.bad++
	if p.first == 0 {
		p.first, p.firstText = line, msg.T(key, args...)
	}
}

// line reads one line of the diagram.
func (p *parser) line(n int, raw string) {
	if !utf8.ValidString(raw) {
		p.fail(n, "mermaid.utf8")
		return
	}
	s := strings.TrimSpace(raw)
	switch p.state {
	case inFrontMatter:
		if s == "---" {
			p.state = inBody
		}
		return
	case inDirective:
		if strings.Contains(s, "}%%") {
			p.state = inBody
		}
		return
	case inDescr:
		_, rest, closed := strings.Cut(s, "}")
		if !closed {
			return
		}
		p.state = inBody
		s = strings.TrimSpace(rest)
	}
	if s == "" {
		return
	}
	if !p.started && s == "---" {
		p.started, p.state, p.openedAt = true, inFrontMatter, n
		return
	}
	p.started = true
	if strings.HasPrefix(s, "%%{") {
		if !strings.Contains(s[3:], "}%%") {
			p.state, p.openedAt = inDirective, n
		}
		return
	}
	if strings.HasPrefix(s, "%%") || strings.HasPrefix(s, "#") {
		return
	}
	lower := strings.ToLower(s)
	if word, rest, ok := keyword(s, lower, "acctitle", "accdescr"); ok {
		rest = strings.TrimSpace(rest)
		switch {
		case strings.HasPrefix(rest, ":"):
			return // accessibility texts: Parcours has no place for them
		case word == "accdescr" && strings.HasPrefix(rest, "{"):
			if _, after, closed := strings.Cut(rest[1:], "}"); closed {
				if after = strings.TrimSpace(after); after != "" {
					p.line(n, after)
				}
				return
			}
			p.state, p.openedAt = inDescr, n
			return
		}
	}
	// "#" begins a comment anywhere else.
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = strings.TrimSpace(s[:i])
		lower = strings.ToLower(s)
	}
	if !p.journey {
		_, rest, ok := keyword(s, lower, "journey")
		if !ok || (rest != "" && !startsWithSpace(rest)) {
			first, _, _ := strings.Cut(s, " ")
			p.fail(n, "mermaid.not_journey", first)
			p.stop = true
			return
		}
		p.journey = true
		// Mermaid reads on after the keyword: "journey title X" is fine.
		if rest = strings.TrimSpace(rest); rest != "" {
			p.line(n, rest)
		}
		return
	}
	if strings.ContainsRune(s, ';') {
		p.fail(n, "mermaid.semicolon")
		return
	}
	if _, _, ok := keyword(s, lower, "journey"); ok {
		p.fail(n, "mermaid.journey_twice")
		return
	}
	if _, rest, ok := keyword(s, lower, "title"); ok && startsWithSpace(rest) {
		p.title = unescape(rest)
		return
	}
	if _, rest, ok := keyword(s, lower, "section"); ok && startsWithSpace(rest) {
		if strings.ContainsRune(rest, ':') {
			p.fail(n, "mermaid.section_colon")
			return
		}
		p.section = unescape(rest)
		p.sections = append(p.sections, p.section)
		return
	}
	p.task(n, s)
}

// keyword reports whether the line starts with one of words (lower case),
// and returns it and what follows it.
func keyword(s, lower string, words ...string) (string, string, bool) {
	for _, w := range words {
		if strings.HasPrefix(lower, w) {
			return w, s[len(w):], true
		}
	}
	return "", "", false
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

// task reads "Task name: score: actor, actor".
func (p *parser) task(n int, s string) {
	name, data, ok := strings.Cut(s, ":")
	if !ok {
		p.fail(n, "mermaid.no_score", s)
		return
	}
	if strings.TrimSpace(name) == "" {
		p.fail(n, "mermaid.no_name")
		return
	}
	pieces := strings.Split(data, ":")
	if len(pieces) > 2 {
		p.fail(n, "mermaid.colons")
		return
	}
	score := strings.TrimSpace(pieces[0])
	v, err := strconv.Atoi(score)
	if score == "" || err != nil {
		p.fail(n, "mermaid.bad_score", score)
		return
	}
	t := task{section: p.section, name: unescape(name), emotion: min(2, max(-2, v-3))}
	if len(pieces) == 2 {
		for _, a := range strings.Split(pieces[1], ",") {
			if a = unescape(a); a != "" {
				t.actors = append(t.actors, a)
			}
		}
	}
	if len(t.actors) == 0 {
		t.actors = []string{trLang(p.lang, "mermaid.no_actor")}
	}
	p.tasks = append(p.tasks, t)
}
