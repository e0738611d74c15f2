package linux

import (
	"bufio"
	"database/sql"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	_ "github.com/mattn/go-sqlite3"

	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

const id = "app.parcours.editor"

var sizes = []int{16, 24, 32, 48, 64, 128, 256}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run .ci/install-deps", tool)
		}
	}
}

// sandbox is a home of its own: HOME, XDG_DATA_HOME, XDG_CONFIG_HOME and
// BINDIR under a temporary folder, and nothing of the system's user.
type sandbox struct {
	dir, data, bin string
	env            []string
}

func newSandbox(t *testing.T) *sandbox {
	dir := t.TempDir()
	s := &sandbox{dir: dir, data: filepath.Join(dir, "data"), bin: filepath.Join(dir, "bin")}
	s.env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+s.data,
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "BINDIR="+s.bin,
		// The generic desktop: xdg-mime asks the shared MIME database
		// (through mimetype) rather than a desktop's own tools.
		"XDG_CURRENT_DESKTOP=", "KDE_FULL_SESSION=", "GNOME_DESKTOP_SESSION_ID=", "DESKTOP_SESSION=")
	return s
}

func (s *sandbox) run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = s.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// files lists every file under dir, relative to it.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// TestInstallAndUninstall installs into a temporary XDG_DATA_HOME, then
// asks the freedesktop tools what a document is and what opens it, and
// uninstalls.
func TestInstallAndUninstall(t *testing.T) {
	need(t, "xdg-mime", "xdg-open", "mimetype", "desktop-file-validate", "update-mime-database", "update-desktop-database")
	s := newSandbox(t)
	// The programs installed are stand-ins that write down their name
	// and arguments.
	args := filepath.Join(s.dir, "args")
	fakes := []string{}
	for _, name := range []string{"parcours", "parcours-editor"} {
		fake := filepath.Join(s.dir, name+"-built")
		script := "#!/bin/sh\nprintf '%s\\n' " + name + " \"$@\" > '" + args + "'\n"
		if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		fakes = append(fakes, fake)
	}
	s.run(t, "./install", append([]string{"install"}, fakes...)...)

	// What was installed.
	want := []string{"applications/" + id + ".desktop", "mime/packages/" + id + ".xml"}
	for _, n := range sizes {
		dir := "icons/hicolor/" + strconv.Itoa(n) + "x" + strconv.Itoa(n)
		want = append(want, dir+"/apps/"+id+".png", dir+"/mimetypes/application-x-parcours.png")
	}
	got := files(t, s.data)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s not installed; installed: %v", w, got)
		}
	}
	for _, name := range []string{"parcours", "parcours-editor"} {
		if fi, err := os.Stat(filepath.Join(s.bin, name)); err != nil || fi.Mode()&0o111 == 0 {
			t.Errorf("%s is not installed as an executable in BINDIR: %v", name, err)
		}
	}

	// A document, the same renamed without its extension, a foreign SQLite
	// file, and the same named like a document.
	doc := filepath.Join(s.dir, "livraison.parcours")
	st, err := sqlite.Create(doc, modeltest.Reference(t))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	data, _ := os.ReadFile(doc)
	bare := filepath.Join(s.dir, "livraison")
	if err := os.WriteFile(bare, data, 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(s.dir, "notes.db")
	db, err := sql.Open("sqlite3", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes (body TEXT); PRAGMA application_id=1234"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, c := range []struct{ file, want string }{
		{doc, "application/x-parcours"},
		{bare, "application/x-parcours"}, // by its magic
		{foreign, "application/vnd.sqlite3"},
	} {
		if got := s.run(t, "xdg-mime", "query", "filetype", c.file); got != c.want {
			t.Errorf("xdg-mime query filetype %s = %q, want %q", filepath.Base(c.file), got, c.want)
		}
	}
	if got := s.run(t, "xdg-mime", "query", "default", "application/x-parcours"); got != id+".desktop" {
		t.Errorf("xdg-mime query default application/x-parcours = %q, want %s.desktop", got, id)
	}
	entry := filepath.Join(s.data, "applications", id+".desktop")
	s.run(t, "desktop-file-validate", entry)
	text, _ := os.ReadFile(entry)
	if exe := "Exec=" + filepath.Join(s.bin, "parcours-editor") + " %f\n"; !strings.Contains(string(text), exe) {
		t.Errorf("the installed entry does not run the installed editor by its path (%q):\n%s", exe, text)
	}

	// A double-click is xdg-open: the installed editor gets the document,
	// a name with a space in it included.
	spaced := filepath.Join(s.dir, "ma carte.parcours")
	if err := os.WriteFile(spaced, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s.env = append(s.env, "DISPLAY=:0")
	s.run(t, "xdg-open", spaced)
	var opened []byte
	for range 50 { // xdg-open may leave the program running on its own
		if opened, _ = os.ReadFile(args); len(opened) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if want := "parcours-editor\n" + spaced + "\n"; string(opened) != want {
		t.Errorf("xdg-open ran %q, want %q", opened, want)
	}

	s.run(t, "./install", "uninstall")
	for _, f := range files(t, s.data) {
		if slices.Contains(want, f) {
			t.Errorf("%s left behind by uninstall", f)
		}
	}
	for _, name := range []string{"parcours", "parcours-editor"} {
		if _, err := os.Stat(filepath.Join(s.bin, name)); !os.IsNotExist(err) {
			t.Errorf("%s is left behind by uninstall: %v", name, err)
		}
	}
	if got := s.run(t, "xdg-mime", "query", "filetype", doc); got == "application/x-parcours" {
		t.Error("after uninstall a document is still known as application/x-parcours")
	}
	if got := s.run(t, "xdg-mime", "query", "default", "application/x-parcours"); got != "" {
		t.Errorf("after uninstall application/x-parcours still opens with %q", got)
	}
}

// fyneApp is the part of FyneApp.toml that `fyne package` puts in the
// desktop entry.
type fyneApp struct {
	Details struct {
		Icon, Name, ID string
	}
	LinuxAndBSD struct {
		GenericName, Comment, ExecParams string
		Categories, Keywords             []string
	}
	Website string
}

// TestDesktopEntryAgreesWithFyneApp checks the desktop entry against what
// `fyne package` writes from FyneApp.toml (its app.desktop template) for
// the window program, parcours-editor: every key it would write has the
// same value here. The file is named
// after the app id and so is its icon (installed at the hicolor sizes
// rather than as one pixmap); the entry adds the MIME type it opens.
func TestDesktopEntryAgreesWithFyneApp(t *testing.T) {
	var app fyneApp
	if _, err := toml.DecodeFile("../../FyneApp.toml", &app); err != nil {
		t.Fatal(err)
	}
	if app.Website != "" {
		t.Errorf("FyneApp.toml names a website, %q: leave it out until there is a real one", app.Website)
	}
	if app.Details.ID != id {
		t.Errorf("FyneApp.toml's ID is %q, the entry's %q", app.Details.ID, id)
	}
	list := func(items []string) string { return strings.Join(items, ";") + ";" }
	want := map[string]string{
		"Type": "Application", "Name": app.Details.Name, "GenericName": app.LinuxAndBSD.GenericName,
		"Exec": "parcours-editor" + app.LinuxAndBSD.ExecParams, "Comment": app.LinuxAndBSD.Comment,
		"Categories": list(app.LinuxAndBSD.Categories), "Keywords": list(app.LinuxAndBSD.Keywords),
		"Icon": id, "MimeType": "application/x-parcours;", "TryExec": "parcours-editor",
	}
	got := readEntry(t, id+".desktop")
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s=%q in the desktop entry, want %q", k, got[k], v)
		}
	}
	need(t, "desktop-file-validate")
	if out, err := exec.Command("desktop-file-validate", id+".desktop").CombinedOutput(); err != nil {
		t.Errorf("desktop-file-validate: %v\n%s", err, out)
	}
}

func readEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	keys := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			keys[k] = v
		}
	}
	return keys
}

// TestIcons checks that each hicolor icon has the size its folder says.
func TestIcons(t *testing.T) {
	for _, n := range sizes {
		f, err := os.Open(filepath.Join("icons", strconv.Itoa(n)+".png"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != n || cfg.Height != n {
			t.Errorf("icons/%d.png is %d×%d", n, cfg.Width, cfg.Height)
		}
	}
}
