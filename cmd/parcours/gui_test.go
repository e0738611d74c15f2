package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parcours/model"
	"parcours/model/sqlite"
)

// TestAppOpensSampleAndClosesCleanly starts the real program under its own
// Xvfb, waits for its window to show the sample document, asks it to quit
// as a session manager would (SIGTERM), and checks that it exits with
// status 0 leaving the document intact and unlocked.
func TestAppOpensSampleAndClosesCleanly(t *testing.T) {
	for _, tool := range []string{"xvfb-run", "xwininfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run .ci/install-deps", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parcours")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	doc := filepath.Join(dir, "livraison.parcours")
	data, err := os.ReadFile("../../assets/sample/livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.ReadJSON(bytes.NewReader(data), "livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Create(doc, d)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, _ := os.ReadFile(doc)

	script := `"$BIN" "$DOC" 2>"$LOG" & pid=$!
for i in $(seq 1 150); do
  if xwininfo -root -tree | grep -q 'livraison.parcours'; then
    kill -TERM $pid; wait $pid; exit $?
  fi
  kill -0 $pid 2>/dev/null || { echo "parcours exited before showing its window"; exit 3; }
  sleep 0.2
done
echo "no window after 30 s"; kill -KILL $pid; exit 4`
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "BIN="+bin, "DOC="+doc, "LOG="+filepath.Join(dir, "log"),
		"HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LANG=C.UTF-8")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	log, _ := os.ReadFile(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatalf("app run: %v\n%s\napp log:\n%s", err, out, log)
	}
	t.Logf("window shown and closed in %v", time.Since(start).Round(time.Millisecond))
	if strings.Contains(string(log), "panic") {
		t.Errorf("the app panicked:\n%s", log)
	}
	after, _ := os.ReadFile(doc)
	if sha256.Sum256(before) != sha256.Sum256(after) {
		t.Error("opening and closing changed the document")
	}
	// The lock is released: the document opens for writing again.
	st, _, err = sqlite.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if ro, why := st.ReadOnly(); ro {
		t.Errorf("document still locked after the app quit: %s", why)
	}
}
