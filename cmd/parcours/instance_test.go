//go:build unix

package main

import (
	"bytes"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parcours/model"
	"parcours/model/sqlite"
)

// runtimeDir gives the test a private XDG_RUNTIME_DIR and a display name
// of its own.
func runtimeDir(t *testing.T) string {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", dir)
	t.Setenv("DISPLAY", ":"+t.Name())
	t.Setenv("WAYLAND_DISPLAY", "")
	return dir
}

// TestForwardToRunningInstance: the first serves; a later one hands its
// file over and gets the answer of the window; after stop nobody listens.
func TestForwardToRunningInstance(t *testing.T) {
	dir := runtimeDir(t)
	sock, err := socketPath()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(sock) != dir {
		t.Errorf("socket %s is not in XDG_RUNTIME_DIR %s", sock, dir)
	}
	requests, stop, err := serveOrForward(sock, "/docs/first.parcours")
	if err != nil {
		t.Fatalf("the first Parcours does not serve: %v", err)
	}
	got := make(chan string, 4)
	go func() {
		for r := range requests {
			got <- r.Path
			if strings.HasSuffix(r.Path, "broken.parcours") {
				r.Reply(errors.New("broken.parcours is not a Parcours document"))
				continue
			}
			r.Reply(nil)
		}
	}()

	if _, _, err := serveOrForward(sock, "/docs/second.parcours"); !errors.Is(err, errForwarded) {
		t.Fatalf("the second Parcours did not hand its file over: %v", err)
	}
	if p := <-got; p != "/docs/second.parcours" {
		t.Errorf("the running Parcours was asked for %q", p)
	}
	_, _, err = serveOrForward(sock, "/docs/broken.parcours")
	var fe *forwardError
	if !errors.As(err, &fe) || !strings.Contains(fe.text, "not a Parcours document") {
		t.Errorf("the window's refusal did not come back: %v", err)
	}
	<-got

	stop()
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Errorf("the socket is left after stop: %v", err)
	}
	// Nobody serves now: the next one serves.
	_, stop, err = serveOrForward(sock, "")
	if err != nil {
		t.Fatalf("after the first quit, the next does not serve: %v", err)
	}
	stop()
}

// TestStaleSocket: a socket file left by a Parcours that crashed does not
// stop the next one from serving.
func TestStaleSocket(t *testing.T) {
	runtimeDir(t)
	sock, err := socketPath()
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	l.Close()
	if _, err := os.Stat(sock); err != nil {
		t.Fatalf("no stale socket to test with: %v", err)
	}
	_, stop, err := serveOrForward(sock, "/docs/a.parcours")
	if err != nil {
		t.Fatalf("a stale socket stops Parcours from serving: %v", err)
	}
	stop()
}

// TestSocketPlace: one socket per display; a runtime folder others may
// enter is not used.
func TestSocketPlace(t *testing.T) {
	dir := runtimeDir(t)
	a, _ := socketPath()
	t.Setenv("DISPLAY", ":other")
	b, _ := socketPath()
	if a == b {
		t.Error("two displays share one socket")
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := socketPath()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(c) == dir {
		t.Error("the socket went into a folder others may enter")
	}
	if fi, err := os.Stat(filepath.Dir(c)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("fallback folder %s is not private: %v", filepath.Dir(c), fi.Mode())
	}
}

// TestSecondCommandOpensWindowInRunningApp drives the real program under
// its own Xvfb: Parcours runs on one document; `parcours OTHER` exits at
// once and the running Parcours shows OTHER in a second window, writable;
// `parcours FIRST` again opens no third window. SIGTERM then ends the one
// process, both documents unlocked.
func TestSecondCommandOpensWindowInRunningApp(t *testing.T) {
	for _, tool := range []string{"xvfb-run", "xwininfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run .ci/install-deps", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parcours")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	data, err := os.ReadFile("../../assets/sample/livraison.json")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{"first": filepath.Join(dir, "premier.parcours"), "second": filepath.Join(dir, "second.parcours")}
	for _, path := range docs {
		d, err := model.ReadJSON(bytes.NewReader(data), "livraison.json")
		if err != nil {
			t.Fatal(err)
		}
		st, err := sqlite.Create(path, d)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	run := filepath.Join(dir, "run")
	if err := os.Mkdir(run, 0o700); err != nil {
		t.Fatal(err)
	}
	script := `cd "$DIR"
"$BIN" premier.parcours 2>"$DIR/log1" & pid=$!
wait_for() { for i in $(seq 1 150); do
    [ "$(xwininfo -root -tree | grep -c "$1")" -ge "$2" ] && return 0
    kill -0 $pid 2>/dev/null || { echo "parcours exited"; exit 3; }
    sleep 0.2
  done; echo "no window $1 after 30 s"; xwininfo -root -tree | grep -i parcours; kill -KILL $pid; exit 4; }
wait_for premier.parcours 1
timeout 30 "$BIN" second.parcours 2>"$DIR/log2" || { echo "second parcours failed: $?"; cat "$DIR/log2"; exit 5; }
wait_for second.parcours 1
timeout 30 "$BIN" "$DIR/premier.parcours" 2>>"$DIR/log2" || { echo "third parcours failed: $?"; exit 6; }
sleep 1
echo "premier windows: $(xwininfo -root -tree | grep -c '"premier.parcours')"
echo "second windows: $(xwininfo -root -tree | grep -c '"second.parcours')"
echo "processes: $(pgrep -c -f "^$BIN")"
kill -TERM $pid; wait $pid; echo "exit $?"`
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "BIN="+bin, "DIR="+dir, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_RUNTIME_DIR="+run, "LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	log1, _ := os.ReadFile(filepath.Join(dir, "log1"))
	log2, _ := os.ReadFile(filepath.Join(dir, "log2"))
	if err != nil {
		t.Fatalf("run: %v\n%s\nfirst log:\n%s\nlater logs:\n%s", err, out, log1, log2)
	}
	t.Logf("%s", out)
	for _, want := range []string{"premier windows: 1\n", "second windows: 1\n", "processes: 1\n", "exit 0\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("want %q in:\n%s\nlogs:\n%s\n%s", want, out, log1, log2)
		}
	}
	for name, path := range docs {
		st, _, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if ro, why := st.ReadOnly(); ro {
			t.Errorf("%s document still locked after Parcours quit: %s", name, why)
		}
		st.Close()
	}
}
