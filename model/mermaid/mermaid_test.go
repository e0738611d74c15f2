package mermaid

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/msg"
)

func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func readFile(t *testing.T, path string) *model.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Read(f, filepath.Base(path), msg.English)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// summary is a journey as a diagram can hold it: title, stages, the
// lanes that hold touchpoints in the order they first appear on the
// timeline (a diagram has no other order for them), then per touchpoint
// in timeline order "stage | lane | title | emotion".
func summary(j *model.Journey) []string {
	out := []string{"title " + j.Title}
	for _, s := range j.Stages {
		out = append(out, "stage "+s.Name)
	}
	used := map[string]bool{}
	for _, t := range model.TimelineOf(j) {
		if !used[t.Lane] {
			used[t.Lane] = true
			out = append(out, "lane "+j.Lane(t.Lane).Name)
		}
	}
	for _, t := range model.TimelineOf(j) {
		out = append(out, strings.Join([]string{j.Stage(t.Stage).Name, j.Lane(t.Lane).Name, t.Title,
			string(rune('0' + t.Emotion + 2))}, " | "))
	}
	return out
}

// TestDocsExample imports the example of Mermaid's documentation (User
// Journey Diagram page).
func TestDocsExample(t *testing.T) {
	doc := readFile(t, "testdata/docs-example.mmd")
	j := doc.Journeys[0]
	want := []string{"title My working day", "stage Go to work", "stage Go home", "lane Me",
		"Go to work | Me | Make tea | 4", "Go to work | Me | Go upstairs | 2", "Go to work | Me | Do work | 0",
		"Go home | Me | Go downstairs | 4", "Go home | Me | Sit down | 4"}
	if got := summary(j); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// "Do work: 1: Me, Cat": the cat is named in the note; no lane of its own.
	do := model.TimelineOf(j)[2]
	if do.Note != "Other actors: Cat" || len(j.Lanes) != 1 {
		t.Errorf("Do work: note %q, %d lanes", do.Note, len(j.Lanes))
	}
	for _, tp := range j.Touchpoints {
		if tp.Channel != model.ChannelOther || tp.Markers != 0 || tp.Score != nil {
			t.Errorf("%s: channel %s, markers %v, score %v", tp.Title, tp.Channel, tp.Markers, tp.Score)
		}
	}
}

// TestSpecTasks imports the task lines of Mermaid's own parser tests —
// several actors, none, an empty list —, behind a front matter, a
// directive, a multi-line accDescr closed on the title's line, accTitle
// and comments.
func TestSpecTasks(t *testing.T) {
	doc := readFile(t, "testdata/spec-tasks.mmd")
	j := doc.Journeys[0]
	want := []string{"title Adding journey diagram functionality to mermaid",
		"stage Documentation", "stage Another section", "lane Alice", "lane Bob", "lane Customer", "lane Charlie",
		"Documentation | Alice | A task | 4", "Documentation | Bob | B task | 2", "Documentation | Customer | C task | 4",
		"Documentation | Charlie | D task | 4", "Documentation | Customer | E task | 4",
		"Another section | Customer | P task | 4", "Another section | Customer | Q task | 4",
		"Another section | Customer | R task | 4"}
	if got := summary(j); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := model.TimelineOf(j)[0].Note; n != "Other actors: Bob, Charlie" {
		t.Errorf("A task's note: %q", n)
	}
}

// tricky is the reference journey with texts Mermaid cannot take as they
// are.
func tricky(t *testing.T) *model.Journey {
	doc := modeltest.Reference(t)
	j := doc.Journeys[0]
	j.Title = "Livraison : suivi #2; étape 1"
	j.Stages[0].Name = "Commande: choix"
	j.Stages[1].Name = "section B"
	j.Lanes[0].Name = "Transporteur, sous-traité"
	tl := model.TimelineOf(j)
	tl[0].Title = "Title: the deed #1; signed"
	tl[1].Title = "journey planner"
	tl[2].Title = "%% not a comment"
	tl[3].Title = ""
	tl[4].Title = "accTitle: not accessible"
	tl[5].Title = "Ligne 1\nligne 2"
	tl[6].Title = "a%%b 100 %"
	tl[0].Emotion, tl[1].Emotion = -2, 2
	return j
}

// TestRoundTrip: what a diagram can hold survives export then import.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"reference", "tricky"} {
		t.Run(name, func(t *testing.T) {
			j := modeltest.Reference(t).Journeys[0]
			if name == "tricky" {
				j = tricky(t)
			}
			var b bytes.Buffer
			if err := Write(&b, j); err != nil {
				t.Fatal(err)
			}
			doc, err := Read(bytes.NewReader(b.Bytes()), "export.mmd", msg.French)
			if err != nil {
				t.Fatalf("%v\n%s", err, b.String())
			}
			want := summary(j)
			for i, w := range want {
				want[i] = strings.ReplaceAll(w, "\n", " ") // line breaks become spaces
			}
			got := summary(doc.Journeys[0])
			for i := range max(len(got), len(want)) {
				var g, w string
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Errorf("round trip: %q came back as %q", w, g)
				}
			}
			// And again: an export of the import is the same text.
			var again bytes.Buffer
			if err := Write(&again, doc.Journeys[0]); err != nil {
				t.Fatal(err)
			}
			if again.String() != b.String() {
				t.Errorf("second export differs:\n%s\nfirst:\n%s", again.String(), b.String())
			}
		})
	}
}

// TestExportGolden: the reference journey's diagram, line for line.
func TestExportGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, modeltest.Reference(t).Journeys[0]); err != nil {
		t.Fatal(err)
	}
	golden := "testdata/livraison.mmd"
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("export differs from %s:\n%s", golden, b.String())
	}
}

// TestEscapes: what the export writes for texts Mermaid cannot take.
func TestEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, tricky(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"  title Livraison : suivi ♯2\u037e étape 1\n", // a colon is fine in the title
		"  section Commande꞉ choix\n",
		"  section \u200bsection B\n",
		"    \u200bTitle꞉ the deed ♯1\u037e signed: 1: ",
		"    \u200bjourney planner: 5: ",
		"    \u200b%\u200b% not a comment: ",
		"    \u200b: ",
		"    Ligne 1 ligne 2: ",
		": Transporteur‚ sous-traité\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if tokens, err := lex(line); err != nil {
			t.Errorf("line %d %q: %v", i+1, line, err)
		} else if i > 0 && len(tokens) == 0 {
			t.Errorf("line %d %q reads as nothing", i+1, line)
		}
	}
}

// TestBadLines: bad lines are refused with their line number, all or
// nothing.
func TestBadLines(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"no score", "journey\nsection A\nMake tea\n", `x.mmd line 3: "Make tea" is not a task: write "Task: score: actors" (1 bad line)`},
		{"score", "journey\nsection A\nMake tea: five: Me\nSit: 2.5: Me\n", `x.mmd line 3: the score "five" is not a whole number (1 to 5) (2 bad lines)`},
		{"colons", "journey\nsection A\n\nTea: 5: Me: Cat\n", `x.mmd line 4: too many ":" in a task: "Task: score: actors" (1 bad line)`},
		{"semicolon", "journey\n  title A; B\n", `x.mmd line 2: Mermaid does not accept ";" in a journey (1 bad line)`},
		{"section colon", "journey\nsection A: B\n", `x.mmd line 2: a section name cannot hold ":" (1 bad line)`},
		{"no name", "journey\n: 5: Me\n", `x.mmd line 2: a task needs a name before its ":" (1 bad line)`},
		{"twice", "journey\njourney\n", `x.mmd line 2: a second "journey": one diagram per file (1 bad line)`},
		{"flowchart", "%% comment\nflowchart LR\nA --> B\n", `x.mmd line 2: a Mermaid journey diagram starts with "journey", not "flowchart" (1 bad line)`},
		{"empty", "\n%% nothing\n", `x.mmd: no Mermaid journey diagram in it (the first line should be "journey")`},
		{"unclosed", "journey\naccDescr {\nA: 5: Me\n", `x.mmd line 2: opened here and never closed (1 bad line)`},
		{"front matter", "---\ntitle: x\njourney\n", `x.mmd line 1: opened here and never closed (1 bad line)`},
		{"latin1", "journey\nsection Caf\xe9\n", `x.mmd line 2: the text is not UTF-8 (save the file as UTF-8) (1 bad line)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(c.text), "x.mmd", msg.English)
			if err == nil || doc != nil {
				t.Fatalf("accepted: %v", doc)
			}
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Error("not a model.ErrInvalid")
			}
		})
	}
}

// TestFrenchNote: the note naming other actors is in the document's
// language, and so is the lane of tasks without actors.
func TestFrenchNote(t *testing.T) {
	doc, err := Read(strings.NewReader("journey\nsection A\nT: 5: Moi, Chat\nU: 4\n"), "x.mmd", msg.French)
	if err != nil {
		t.Fatal(err)
	}
	j := doc.Journeys[0]
	tl := model.TimelineOf(j)
	if tl[0].Note != "Autres acteurs : Chat" || j.Lane(tl[1].Lane).Name != "Client" || doc.Language != "fr" {
		t.Errorf("note %q, lane %q, language %q", tl[0].Note, j.Lane(tl[1].Lane).Name, doc.Language)
	}
}

// TestJourneyLine: what follows "journey" on its line is read, as Mermaid
// reads it; "journeys" is not the keyword.
func TestJourneyLine(t *testing.T) {
	doc, err := Read(strings.NewReader("JOURNEY title Un jour\nsection A\nT: 4: Moi\n"), "x.mmd", msg.English)
	if err != nil || doc.Journeys[0].Title != "Un jour" {
		t.Fatalf("%v %v", doc, err)
	}
	_, err = Read(strings.NewReader("journeys\n"), "x.mmd", msg.English)
	if err == nil || !strings.Contains(err.Error(), `not "journeys"`) {
		t.Errorf("journeys: %v", err)
	}
}

// TestScoreClamped: emotion is score − 3 clamped to −2…+2.
func TestScoreClamped(t *testing.T) {
	doc, err := Read(strings.NewReader("journey\nsection S\nA: 0: X\nB: 1: X\nC: 3: X\nD: 5: X\nE: 9: X\nF: -4: X\n"), "x.mmd", msg.English)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, tp := range model.TimelineOf(doc.Journeys[0]) {
		got = append(got, tp.Emotion)
	}
	if want := []int{-2, -2, 0, 2, 2, -2}; !reflect.DeepEqual(got, want) {
		t.Errorf("emotions %v, want %v", got, want)
	}
}
