//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parcours"
	"parcours/model"
	"parcours/model/sqlite"
)

// TestSecondCommandOpensWindowInRunningApp drives the real programs under
// their own Xvfb: Parcours runs on one document (parcours became
// parcours-editor); `parcours OTHER` hands OTHER over itself, exits at once,
// and the running Parcours shows OTHER in a second window, writable;
// `parcours FIRST` again opens no third window. SIGTERM then ends the one
// process, both documents unlocked.
func TestSecondCommandOpensWindowInRunningApp(t *testing.T) {
	for _, tool := range []string{"xvfb-run", "xwininfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run .ci/install-deps", tool)
		}
	}
	dir := t.TempDir()
	bin := programs(t)
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

// TestCommandsWithoutTheEditor: parcours alone, the editor not installed
// beside it nor on PATH, runs its commands; asked for a window it says, in
// the user's language, on one line, that the editor is missing, and exits 1.
func TestCommandsWithoutTheEditor(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "parcours")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	doc := filepath.Join(dir, "carte.parcours")
	run := func(lang string, args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+filepath.Join(dir, "nothing"), "LANG="+lang, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=",
			"XDG_RUNTIME_DIR="+privateDir(t), "DISPLAY=:0")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, stdout.String(), stderr.String()
	}
	if code, out, stderr := run("C.UTF-8", "version"); code != 0 || out != "parcours "+parcours.Version()+"\n" || stderr != "" {
		t.Errorf("version: exit %d, %q, %q", code, out, stderr)
	}
	if code, _, stderr := run("C.UTF-8", "new", "--template", "delivery", doc); code != 0 {
		t.Fatalf("new: exit %d, %q", code, stderr)
	}
	if code, out, stderr := run("C.UTF-8", "check", doc); code != 0 || !strings.HasPrefix(out, "OK: 1 journeys") {
		t.Errorf("check: exit %d, %q, %q", code, out, stderr)
	}
	for lang, want := range map[string]string{
		"C.UTF-8":     "parcours: the editor window is not installed: no parcours-editor next to " + bin + " nor on PATH",
		"fr_FR.UTF-8": "parcours: la fenêtre d'édition n'est pas installée : pas de parcours-editor à côté de " + bin + " ni dans le PATH",
	} {
		for _, args := range [][]string{{doc}, nil} {
			code, out, stderr := run(lang, args...)
			if code != 1 || out != "" || !oneErrorLine.MatchString(stderr) || !strings.HasPrefix(stderr, want) {
				t.Errorf("LANG=%s parcours %v: exit %d, stdout %q, stderr %q; want exit 1 and %q…", lang, args, code, out, stderr, want)
			}
		}
	}
}

// TestWindowWithoutDisplay: without any display, parcours FILE becomes the
// editor, found beside the program's real file when parcours is reached
// through a link elsewhere, and the editor says in one line that no window
// can open, exit 1, as parcours always did.
func TestWindowWithoutDisplay(t *testing.T) {
	bin := programs(t)
	dir := t.TempDir()
	link := filepath.Join(dir, "parcours")
	if err := os.Symlink(bin, link); err != nil {
		t.Fatal(err)
	}
	for _, exe := range []string{bin, link} {
		cmd := exec.Command(exe, filepath.Join(dir, "carte.parcours"))
		cmd.Env = append(os.Environ(), "PATH="+filepath.Join(dir, "nothing"), "DISPLAY=", "WAYLAND_DISPLAY=", "LANG=C.UTF-8",
			"LC_ALL=", "LC_MESSAGES=", "LANGUAGE=", "XDG_RUNTIME_DIR="+privateDir(t), "HOME="+dir)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 1 || stdout.Len() > 0 || !oneErrorLine.MatchString(stderr.String()) ||
			!strings.HasPrefix(stderr.String(), "parcours: cannot open a window: no display") {
			t.Errorf("%s FILE without a display: %v, stdout %q, stderr %q", exe, err, stdout.String(), stderr.String())
		}
	}
}

// privateDir is a folder only this user may enter, for XDG_RUNTIME_DIR.
func privateDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestNoWindowToolkitInTheCommandLine: parcours links neither Fyne nor the
// editor's packages; their loading and initialisation would be paid by
// every command (issue 12).
func TestNoWindowToolkitInTheCommandLine(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	window := regexp.MustCompile(`^(fyne\.io/|github\.com/go-gl/|github\.com/yuin/goldmark|github\.com/go-text/|parcours/ui(/|$))`)
	n := 0
	for _, pkg := range strings.Fields(string(out)) {
		n++
		if window.MatchString(pkg) {
			t.Errorf("parcours links %s, a package of the window", pkg)
		}
	}
	if n < 20 {
		t.Fatalf("go list -deps gave %d packages: %s", n, out)
	}
}
