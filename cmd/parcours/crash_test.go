package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

// killAfter runs the command line in a process of its own and kills it
// (SIGKILL) after d, or lets it finish first.
func killAfter(t *testing.T, d time.Duration, args ...string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Args[0] = "parcours"
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		_ = cmd.Process.Kill()
		<-done
	}
}

// kill -9 at any moment of import, import-survey or export never leaves a
// partial output or a half-applied edit: the output is absent or whole,
// the document holds the state before or after, and the next run removes
// what the killed one left.
func TestKilledCommandsLeaveNoHalfWork(t *testing.T) {
	englishEnv(t)
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(15, 9))
	big := modeltest.Generated(3000, 6, 8)
	var js bytes.Buffer
	if err := model.WriteJSON(&js, big); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "big.json")
	if err := os.WriteFile(in, js.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("touchpoint;score;verbatim\n")
	for _, tp := range big.Journeys[0].Touchpoints {
		csv.WriteString(tp.ID + ";7;Très bien\n")
	}
	survey := filepath.Join(dir, "survey.csv")
	if err := os.WriteFile(survey, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for trial := range 8 {
		wait := time.Duration(rng.IntN(1500)) * time.Millisecond

		// import: no document, or the whole of it.
		doc := filepath.Join(dir, "imported.parcours")
		os.Remove(doc)
		killAfter(t, wait, "import", in, "-o", doc)
		if _, err := os.Stat(doc); err == nil {
			st, d, err := sqlite.OpenReadOnly(doc)
			if err != nil {
				t.Fatalf("trial %d: import killed after %v left a document that does not open: %v", trial, wait, err)
			}
			st.Close()
			if len(d.Journeys[0].Touchpoints) != 3000 {
				t.Fatalf("trial %d: a partial import", trial)
			}
		}

		// import-survey: the document before or after, never between.
		doc = filepath.Join(dir, "survey.parcours")
		os.Remove(doc)
		st, err := sqlite.Create(doc, big)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		killAfter(t, wait, "import-survey", doc, survey)
		st, d, err := sqlite.Open(doc) // writable: rolls a hot journal back
		if err != nil {
			t.Fatalf("trial %d: import-survey killed after %v: %v", trial, wait, err)
		}
		st.Close()
		updated := 0
		for _, tp := range d.Journeys[0].Touchpoints {
			if slices.Contains(tp.Quotes, "Très bien") {
				updated++
			}
		}
		if updated != 0 && updated != 3000 {
			t.Fatalf("trial %d: %d of 3000 touchpoints updated", trial, updated)
		}
		t.Logf("trial %d, killed after %v: survey %s", trial, wait, map[bool]string{true: "done", false: "not done"}[updated > 0])

		// export: the old output as it was, or the new one whole.
		out := filepath.Join(dir, "out.json")
		if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		killAfter(t, wait, "export", "-o", out, doc)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != "old" {
			got, err := model.ReadJSON(bytes.NewReader(b), "out.json")
			if err != nil || !reflect.DeepEqual(got.Journeys[0].Stages, d.Journeys[0].Stages) {
				t.Fatalf("trial %d: export killed after %v left a partial output: %v", trial, wait, err)
			}
		}
		// The next run removes what a killed one left.
		if code, _, stderr := runMain("export", "-o", out, doc); code != 0 {
			t.Fatal(stderr)
		}
		if code, _, stderr := runMain("check", doc); code != 0 {
			t.Fatal(stderr)
		}
		os.Remove(filepath.Join(dir, "imported.parcours"))
		if code, _, stderr := runMain("import", in, "-o", filepath.Join(dir, "imported.parcours")); code != 0 {
			t.Fatal(stderr)
		}
		if left := tempFiles(t, dir); len(left) > 0 {
			t.Fatalf("trial %d: left %v after the next runs", trial, left)
		}
	}
}
