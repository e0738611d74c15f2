package ui

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

// digest sums what a document holds, its modification time aside (each
// save sets it to the clock).
func digest(d *model.Document) string {
	c := model.Clone(d)
	c.Modified = time.Time{}
	var b bytes.Buffer
	if err := model.WriteJSON(&b, c); err != nil {
		panic(err)
	}
	s := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(s[:8])
}

// dragInOtherProcess is the window of TestKilledWindowKeepsTheGesturesBefore, which
// runs the test binary again with PARCOURS_DRAGS naming a document
// (TestMain calls it). It opens it in a window and drags cards one after
// another, the same cards to the same places every run (a seeded
// sequence), and prints the digest of the document it shows after each
// gesture.
func dragInOtherProcess(path string) {
	n, _ := strconv.Atoi(os.Getenv("PARCOURS_DRAGS_N"))
	a := test.NewApp()
	e := NewEditor(a)
	e.Window().Resize(fyne.NewSize(1400, 860))
	if err := e.Open(path); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	rng := rand.New(rand.NewPCG(15, 15))
	fmt.Println("gesture 0", digest(e.Document()))
	for i := 1; i <= n; i++ {
		v := e.View()
		s := v.Scene()
		c := s.Cards[rng.IntN(len(s.Cards))].Rect
		to := s.Cards[rng.IntN(len(s.Cards))].Rect
		p := px(v, c.X+c.W/2, c.Y+c.H/2)
		end := px(v, to.X+to.W/2, to.Y+to.H*0.9)
		// A stream of pointer moves from the card to the drop point.
		const steps = 8
		step := fyne.NewDelta((end.X-p.X)/steps, (end.Y-p.Y)/steps)
		for k := 0; k < steps; k++ {
			p = p.Add(step)
			v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: step})
		}
		v.DragEnd()
		fmt.Println("gesture", i, digest(e.Document()))
	}
	os.Exit(0)
}

// runDrags starts the helper on path for n gestures.
func runDrags(t *testing.T, path string, n int) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "PARCOURS_DRAGS="+path, "PARCOURS_DRAGS_N="+strconv.Itoa(n))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(out)
}

// readGesture reads the helper's next "gesture N DIGEST" line.
func readGesture(r *bufio.Reader) (int, string, bool) {
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return 0, "", false
		}
		if f := strings.Fields(line); len(f) == 3 && f[0] == "gesture" {
			n, _ := strconv.Atoi(f[1])
			return n, f[2], true
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A window killed (SIGKILL) in the middle of a stream of drags on a
// 1000-touchpoint map leaves a valid document that holds exactly the
// gestures made before the kill: those it reported, and at most the one
// it was saving.
func TestKilledWindowKeepsTheGesturesBefore(t *testing.T) {
	const gestures = 30
	dir := t.TempDir()
	initial := filepath.Join(dir, "initial.parcours")
	st, err := sqlite.Create(initial, modeltest.Generated(1000, 6, 8))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	// The whole sequence once, for the digest after each gesture.
	ref := filepath.Join(dir, "ref.parcours")
	copyFile(t, initial, ref)
	cmd, r := runDrags(t, ref, gestures)
	var want []string
	for {
		n, d, ok := readGesture(r)
		if !ok {
			break
		}
		if n != len(want) {
			t.Fatalf("gesture %d after %d", n, len(want))
		}
		want = append(want, d)
	}
	if err := cmd.Wait(); err != nil || len(want) != gestures+1 {
		t.Fatalf("reference run: %v, %d gestures", err, len(want)-1)
	}
	moved := 0
	for i := 1; i < len(want); i++ {
		if want[i] != want[i-1] {
			moved++
		}
	}
	if moved < gestures/2 {
		t.Fatalf("only %d of %d drags changed the document", moved, gestures)
	}

	rng := rand.New(rand.NewPCG(9, 15))
	for trial := range 3 {
		path := filepath.Join(dir, fmt.Sprintf("killed-%d.parcours", trial))
		copyFile(t, initial, path)
		cmd, r := runDrags(t, path, gestures)
		killAt := 1 + rng.IntN(gestures-2)
		last := -1
		for last < killAt {
			n, _, ok := readGesture(r)
			if !ok {
				t.Fatal("the helper stopped early")
			}
			last = n
		}
		time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		_ = cmd.Process.Kill()
		// Gestures it reported between the last read and the kill.
		rest, _ := io.ReadAll(r)
		for _, line := range strings.Split(string(rest), "\n") {
			if f := strings.Fields(line); len(f) == 3 && f[0] == "gesture" {
				last, _ = strconv.Atoi(f[1])
			}
		}
		_ = cmd.Wait()
		st, d, err := sqlite.Open(path)
		if err != nil {
			t.Fatalf("trial %d: the document does not open after the kill: %v", trial, err)
		}
		st.Close()
		got := digest(d)
		switch {
		case got == want[last]:
			t.Logf("trial %d: killed after gesture %d, the document holds exactly gestures 1…%d", trial, last, last)
		case last+1 < len(want) && got == want[last+1]:
			t.Logf("trial %d: killed after gesture %d, the document holds gestures 1…%d (the last saved, not reported)", trial, last, last+1)
		default:
			t.Errorf("trial %d: killed after gesture %d, the document holds neither gestures 1…%d nor 1…%d", trial, last, last, last+1)
		}
	}
}
