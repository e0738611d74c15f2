package mermaid

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mmdc finds the Mermaid CLI that .ci/install-mermaid installs (npm package
// @mermaid-js/mermaid-cli, driving Debian's chromium).
func mmdc(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PARCOURS_MMDC"); p != "" {
		return p
	}
	dir := os.Getenv("PARCOURS_MERMAID_DIR")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(cache, "parcours", "mermaid-cli")
	}
	p := filepath.Join(dir, "node_modules", ".bin", "mmdc")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("the Mermaid CLI is missing (%s): run .ci/install-mermaid", p)
	}
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Fatal("chromium is missing: run .ci/install-mermaid")
	}
	return p
}

// TestExportRendersWithMermaid draws an export, tricky texts included, with
// Mermaid itself: the CLI must accept it and the picture must show every
// section and task.
func TestExportRendersWithMermaid(t *testing.T) {
	bin := mmdc(t)
	dir := t.TempDir()
	j := tricky(t)
	var b bytes.Buffer
	if err := Write(&b, j); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "journey.mmd"), filepath.Join(dir, "journey.svg")
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// As root, Chromium needs --no-sandbox; the other flags keep it off a
	// network it would not reach.
	conf := filepath.Join(dir, "puppeteer.json")
	if err := os.WriteFile(conf, []byte(`{"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox",
 "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
 "--disable-sync", "--no-first-run", "--user-data-dir=`+filepath.Join(dir, "profile")+`"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--quiet", "-p", conf, "-i", in, "-o", out)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mmdc refuses the export: %v\n%s\n%s", err, msg, b.String())
	}
	svg, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(svg), zwsp, "")
	for _, s := range j.Stages {
		if want := strings.ReplaceAll(escape(inText, s.Name), zwsp, ""); !strings.Contains(text, want) {
			t.Errorf("section %q is not in the picture", want)
		}
	}
	for _, tp := range j.Touchpoints {
		want := strings.ReplaceAll(escape(inText, tp.Title), zwsp, "")
		if want != "" && !strings.Contains(text, htmlEscape(want)) {
			t.Errorf("task %q is not in the picture", want)
		}
	}
	if os.Getenv("PARCOURS_KEEP_SVG") != "" {
		_ = os.WriteFile(os.Getenv("PARCOURS_KEEP_SVG"), svg, 0o644)
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
