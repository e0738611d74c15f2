package main

import (
	"bytes"
	"crypto/sha256"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/sqlite"
	"parcours/ui"
)

// TestAppOpensSampleAndClosesCleanly starts the real program under its own
// Xvfb, waits for its window to show the sample document, asks it to quit
// as a session manager would (SIGTERM), and checks that it exits with
// status 0 leaving the document intact and unlocked.
func TestAppOpensSampleAndClosesCleanly(t *testing.T) {
	dir, bin, doc, d := appUnderTest(t, "xvfb-run", "dbus-run-session", "xwininfo", "import")
	before, _ := os.ReadFile(doc)

	shot := filepath.Join(dir, "shot")
	script := `"$BIN" "$DOC" 2>"$LOG" & pid=$!
for i in $(seq 1 150); do
  if xwininfo -root -tree | grep -q 'livraison.parcours'; then
    # A loaded machine draws late: pictures at 2, 5 and 10 s.
    sleep 2; import -window root "$SHOT-1.png"
    sleep 3; import -window root "$SHOT-2.png"
    sleep 5; import -window root "$SHOT-3.png"
    kill -TERM $pid
    # It closes its document and quits; past 20 s it hangs, and says so.
    for i in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.2; done
    kill -0 $pid 2>/dev/null && { echo "still running 20 s after SIGTERM"; kill -KILL $pid; exit 5; }
    wait $pid; exit $?
  fi
  kill -0 $pid 2>/dev/null || { echo "parcours exited before showing its window"; exit 3; }
  sleep 0.2
done
echo "no window after 30 s"; kill -KILL $pid; exit 4`
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "dbus-run-session", "sh", "-c", script)
	cmd.Env = desktopEnv(t, dir, "BIN="+bin, "DOC="+doc, "LOG="+filepath.Join(dir, "log"), "SHOT="+shot)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	log, _ := os.ReadFile(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatalf("app run: %v\n%s\napp log:\n%s", err, out, log)
	}
	t.Logf("window shown and closed in %v", time.Since(start).Round(time.Millisecond))
	if len(log) > 0 {
		t.Errorf("a normal start printed:\n%s", log)
	}
	drawn := shot + "-3.png"
	for _, s := range []string{shot + "-1.png", shot + "-2.png"} {
		if hasHeader(s) {
			drawn = s
			break
		}
	}
	checkScreenshot(t, drawn, d)
	after, _ := os.ReadFile(doc)
	if sha256.Sum256(before) != sha256.Sum256(after) {
		t.Error("opening and closing changed the document")
	}
	// The lock is released: the document opens for writing again.
	st, _, err := sqlite.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if ro, why := st.ReadOnly(); ro {
		t.Errorf("document still locked after the app quit: %s", why)
	}
}

// appUnderTest builds the programs and stores the sample in a temporary
// folder: the folder, the parcours binary (the editor beside it), the
// document and its contents. The tools are those the test drives the
// window with.
func appUnderTest(t *testing.T, tools ...string) (dir, bin, doc string, d *model.Document) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run .ci/install-deps", tool)
		}
	}
	dir = t.TempDir()
	bin = programs(t)
	doc = filepath.Join(dir, "livraison.parcours")
	data, err := os.ReadFile("../../assets/sample/livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err = model.ReadJSON(bytes.NewReader(data), "livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Create(doc, d)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return dir, bin, doc, d
}

// desktopEnv is the environment of a user's desktop session, in dir: a
// home with the usual folders, a private runtime folder, English.
func desktopEnv(t *testing.T, dir string, vars ...string) []string {
	t.Helper()
	home := filepath.Join(dir, "home")
	for _, sub := range []string{"Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos"} {
		if err := os.MkdirAll(filepath.Join(home, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	run := filepath.Join(dir, "run")
	if err := os.MkdirAll(run, 0o700); err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(), append([]string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"), "XDG_RUNTIME_DIR=" + run, "LANG=C.UTF-8", "LANGUAGE=", "LC_ALL="}, vars...)...)
}

// TestAppExportsThroughTheWindow drives the real program under its own
// Xvfb with the keyboard, as a user would: ctrl+E opens File → Export…,
// Enter confirms it, the file chooser opens in the document's folder with
// the document's name, Enter saves. The poster appears there, the window
// is still up, and nothing was printed on the way.
func TestAppExportsThroughTheWindow(t *testing.T) {
	dir, bin, doc, _ := appUnderTest(t, "xvfb-run", "xdotool", "dbus-run-session", "import")
	pdf := filepath.Join(dir, "livraison.pdf")
	script := `"$BIN" "$DOC" 2>"$LOG" & pid=$!
wid=
for i in $(seq 1 150); do
  wid=$(xdotool search --name 'livraison.parcours' 2>/dev/null | head -1)
  [ -n "$wid" ] && break
  kill -0 $pid 2>/dev/null || { echo "parcours exited before showing its window"; exit 3; }
  sleep 0.2
done
[ -n "$wid" ] || { echo "no window after 30 s"; kill -KILL $pid; exit 4; }
sleep 1.5
xdotool windowfocus --sync "$wid"; sleep 0.3
xdotool key --clearmodifiers ctrl+e; sleep 1.5
xdotool key Return; sleep 1.5
xdotool key Return
for i in $(seq 1 100); do [ -s "$PDF" ] && break; sleep 0.2; done
sleep 1
import -window root "$SHOT"
kill -0 $pid 2>/dev/null || { echo "parcours is gone after the export"; exit 5; }
kill -TERM $pid; wait $pid; exit $?`
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1400x860x24", "dbus-run-session", "sh", "-c", script)
	cmd.Env = desktopEnv(t, dir, "BIN="+bin, "DOC="+doc, "LOG="+filepath.Join(dir, "log"), "PDF="+pdf, "SHOT="+filepath.Join(dir, "shot.png"))
	out, err := cmd.CombinedOutput()
	log, _ := os.ReadFile(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatalf("app run: %v\n%s\napp log:\n%s", err, out, log)
	}
	if len(log) > 0 {
		t.Errorf("the app printed:\n%s", log)
	}
	b, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-1024:], []byte("%%EOF")) {
		t.Fatalf("no complete poster at %s: %v", pdf, err)
	}
}

// hasHeader says whether a screenshot shows a stage header yet.
func hasHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return false
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == canvas.HeaderBG.R && uint8(g>>8) == canvas.HeaderBG.G && uint8(bl>>8) == canvas.HeaderBG.B {
				return true
			}
		}
	}
	return false
}

// checkScreenshot compares the colours on screen with the scene: each
// visible card shows its lane's colour on its left strip, and each lane's
// empty cells its tint (owned) or grey (not owned). The map's place in the
// window is found from the first stage header, the only dark blue there.
func checkScreenshot(t *testing.T, path string, d *model.Document) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if dst := os.Getenv("PARCOURS_SCREENSHOT"); dst != "" {
		data, _ := os.ReadFile(path)
		_ = os.WriteFile(dst, data, 0o644)
	}
	at := func(x, y int) canvas.RGB {
		r, g, b, _ := img.At(x, y).RGBA()
		return canvas.RGB{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8)}
	}
	near := func(a, b canvas.RGB) bool {
		d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
		return d(a.R, b.R) <= 6 && d(a.G, b.G) <= 6 && d(a.B, b.B) <= 6
	}
	// The first stage header: the first long run of its colour, scanning
	// rows from the top (the palette's stage swatch is short). The headers'
	// whole width on that row gives the zoom the window opened at.
	ox, oy, run := -1, -1, 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y && ox < 0; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			n := 0
			for x+n < bounds.Max.X && near(at(x+n, y), canvas.HeaderBG) {
				n++
			}
			if n >= 40 {
				ox, oy, run = x, y, n
				break
			}
			x += n
		}
	}
	if ox < 0 {
		t.Fatal("no stage header on screen")
	}
	s := canvas.Layout(d, d.Journeys[0])
	end := ox + run // past the last header pixel of the row
	for x := end; x < bounds.Max.X && x < end+8; x++ {
		if near(at(x, oy), canvas.HeaderBG) {
			for end = x; end < bounds.Max.X && near(at(end, oy), canvas.HeaderBG); end++ {
			}
			x = end
		}
	}
	first, last := s.Columns[0].Header, s.Columns[len(s.Columns)-1].Header
	zoom := float64(end-ox) / (last.X + last.W - first.X)
	if zoom < ui.MinZoom || zoom > ui.DefaultZoom*1.01 {
		t.Fatalf("the first stage header is %d px wide: zoom %.2f px/mm", run, zoom)
	}
	t.Logf("opened at %.2f px/mm", zoom)
	ox -= int(s.Columns[0].Header.X * zoom)
	px := func(x, y float64) (int, int) { return ox + int(x*zoom+0.5), oy + int(y*zoom+0.5) }
	// The map ends where the window's dark chrome begins: the status bar
	// below, the inspector on the right.
	dark := func(c canvas.RGB) bool { return int(c.R)+int(c.G)+int(c.B) < 3*90 }
	lx, by := px(0.3, s.Bands[0].Rect.Y+0.4) // clear of any text
	bottom, right := by, lx
	for bottom < bounds.Max.Y && !dark(at(lx, bottom)) {
		bottom++
	}
	for right < bounds.Max.X && !dark(at(right, by)) {
		right++
	}
	visible := func(x, y int) bool { return x < right-4 && y < bottom-4 }
	t.Logf("map origin (%d, %d), visible to x %d, y %d", ox, oy, right, bottom)
	checked := 0
	for _, c := range s.Cards {
		x, y := px(c.Rect.X+0.8, c.Rect.Y+c.Rect.H/2)
		if !visible(x, y) {
			continue
		}
		// The strip is 1.6 mm wide: a pixel or two either way, as the
		// zoom read off the headers is a little rounded.
		found := false
		for dx := -3; dx <= 3 && !found; dx++ {
			found = near(at(x+dx, y), c.Color)
		}
		if got := at(x, y); !found {
			t.Errorf("card %s: strip colour %v at (%d, %d), want its lane's %v", c.TouchpointID, got, x, y, c.Color)
		}
		checked++
	}
	for _, r := range s.Rows {
		// An empty place of the lane: just right of the label, near the top.
		x, y := px(r.Label.X+r.Label.W+1.5, r.Rect.Y+1.5)
		if !visible(x, y) {
			continue
		}
		want := canvas.Tint(r.Color, canvas.OwnedTint)
		if !r.Owned {
			want = canvas.NotOwned
		}
		if got := at(x, y); !near(got, want) {
			t.Errorf("lane %s: %v at (%d, %d), want %v", r.LaneID, got, x, y, want)
		}
		checked++
	}
	t.Logf("%d places of the map checked against the scene", checked)
	if checked < 5 {
		t.Errorf("only %d places of the map were on screen to check", checked)
	}
}
