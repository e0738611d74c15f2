// Package mermaid owns journeys as Mermaid `journey` diagrams, the text
// that developers and product people write in Markdown (GitHub, GitLab,
// Notion and Confluence draw them):
//
//	journey
//	  title Recevoir ma commande
//	  section Commande
//	    Passer commande: 4: Site web
//
// Write turns one journey into a diagram: stages are sections, touchpoints
// tasks in timeline order, the score is emotion + 3 (1…5), the actor the
// lane's name, the title the journey's. Read makes a document of one
// journey from a diagram: lanes from the actors (a task with several
// actors goes to the first one's lane, the others are named in its note),
// emotion is score − 3 clamped to −2…+2, channel other, no markers.
//
// Mermaid's grammar leaves no way to quote (its entity codes start with
// "#", which begins a comment in a journey), so the characters it cannot
// take in a text are written as look-alikes that Read turns back:
// ":" as "꞉" (U+A789) in task names, sections and actors, "#" as "♯"
// (U+266F), ";" as "\u037e" (U+037E), "," as "‚" (U+201A) in actors. Line
// breaks and tabs become spaces. "%%" (a comment when it comes second on
// a line) gets a zero-width space (U+200B) between its signs, and a text
// that is empty, starts with "%" (a comment too), or that Mermaid would
// read as a keyword ("title …", "section …", "journey", "accTitle",
// "accDescr"), starts with one; Read drops them. So what a diagram can hold — the journey's title, the stages and
// their order, each touchpoint's title, place on the timeline, emotion
// and lane — comes back as it was.
package mermaid

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"parcours/model"
)

const zwsp = "\u200b"

// inText maps what Mermaid cannot take inside a task name or a section to
// its look-alike; inActor adds the comma; inTitle is the journey's title,
// where a colon is fine.
var (
	inText  = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ", "%%", "%"+zwsp+"%", ":", "꞉", "#", "♯", ";", "\u037e")
	inActor = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ", "%%", "%"+zwsp+"%", ":", "꞉", "#", "♯", ";", "\u037e", ",", "‚")
	inTitle = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ", "%%", "%"+zwsp+"%", "#", "♯", ";", "\u037e")
	// back turns the look-alikes into what they stand for. U+037E (Greek
	// question mark) looks like ";" in every font with Greek letters.
	back = strings.NewReplacer("꞉", ":", "♯", "#", "\u037e", ";", "‚", ",", "%"+zwsp+"%", "%%")
)

// keywords are the words Mermaid's lexer reads at the start of a line
// before it reads a task name.
var keywords = []string{"journey", "title", "section", "acctitle", "accdescr", "---", "%"}

// escape writes s for a place of the diagram that r describes: trimmed,
// its impossible characters replaced, and a zero-width space first when
// it would be empty or read as a keyword.
func escape(r *strings.Replacer, s string) string {
	s = strings.TrimSpace(r.Replace(s))
	lower := strings.ToLower(s)
	for _, k := range keywords {
		if strings.HasPrefix(lower, k) {
			return zwsp + s
		}
	}
	if s == "" {
		return zwsp
	}
	return s
}

// unescape is the text a diagram's text stands for.
func unescape(s string) string {
	return strings.TrimPrefix(back.Replace(strings.TrimSpace(s)), zwsp)
}

// Write writes journey j as a Mermaid journey diagram. Every stage is a
// section, even one without touchpoints, so that the stages come back.
func Write(w io.Writer, j *model.Journey) error {
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, "journey")
	if strings.TrimSpace(j.Title) != "" {
		fmt.Fprintf(b, "  title %s\n", escape(inTitle, j.Title))
	}
	lanes := make(map[string]string, len(j.Lanes))
	for _, l := range j.Lanes {
		lanes[l.ID] = escape(inActor, l.Name)
	}
	timeline := model.TimelineOf(j)
	for _, s := range j.Stages {
		fmt.Fprintf(b, "  section %s\n", escape(inText, s.Name))
		for _, t := range timeline {
			if t.Stage != s.ID {
				continue
			}
			fmt.Fprintf(b, "    %s: %d: %s\n", escape(inText, t.Title), t.Emotion+3, lanes[t.Lane])
		}
	}
	return b.Flush()
}
