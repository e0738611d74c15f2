package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Two instances writing their settings at once keep each other's keys,
// and the file is whole JSON whenever it is read.
func TestSettingsSharedByTwoInstances(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parcours", "settings.json")
	a, b := openPrefs(path), openPrefs(path)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	bad := make(chan string, 1)
	go func() { // a third instance starting over and over
		for {
			select {
			case <-stop:
				return
			default:
			}
			if data, err := os.ReadFile(path); err == nil && !json.Valid(data) {
				select {
				case bad <- string(data):
				default:
				}
			}
		}
	}()
	for i := range 50 {
		wg.Add(2)
		go func() { defer wg.Done(); a.SetInt("a."+string(rune('A'+i%26)), i) }()
		go func() { defer wg.Done(); b.SetStringList("b.recent", []string{"x", string(rune('a' + i%26))}) }()
	}
	wg.Wait()
	close(stop)
	select {
	case data := <-bad:
		t.Fatalf("a reader saw a half-written file: %q", data)
	default:
	}
	c := openPrefs(path)
	if got := c.StringList("b.recent"); len(got) != 2 || got[0] != "x" {
		t.Errorf("b's list: %v", got)
	}
	for i := range 26 {
		if _, ok := c.get("a." + string(rune('A'+i))); !ok {
			t.Errorf("a's key %c lost", 'A'+i)
		}
	}
	c.RemoveValue("b.recent")
	if len(openPrefs(path).StringList("b.recent")) != 0 {
		t.Error("a removed key came back")
	}
}

// A damaged settings file is a fresh start, not a failure.
func TestDamagedSettingsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	if err := os.WriteFile(path, []byte(`{"ui.language": "fr", `), 0o600); err != nil {
		t.Fatal(err)
	}
	p := openPrefs(path)
	if p.String("ui.language") != "" {
		t.Error("read a value out of a damaged file")
	}
	p.SetBool("ui.left_hidden", true)
	if !openPrefs(path).Bool("ui.left_hidden") {
		t.Error("the damaged file was not replaced")
	}
}
