package ui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/sys/unix"

	"fyne.io/fyne/v2"
)

// filePrefs keeps the window's settings (recent documents, panel widths,
// each document's zoom…) in one JSON file that several Parcours windows
// share. Fyne's own store rewrites its file in place and reloads it when
// it changes: a second instance starting while the first saves reads
// half a file ("Preferences load error: EOF") and may write it back. Here
// every change is merged into what is on disk under a lock and the file
// replaced whole (temporary file, then rename), so a reader sees the old
// file or the new one, and two instances keep each other's settings.
type filePrefs struct {
	path string

	mu        sync.Mutex
	values    map[string]any
	listeners []func()
}

var _ fyne.Preferences = (*filePrefs)(nil)

// openPrefs reads the settings at path; a missing or unreadable file
// gives empty settings (they are a convenience, never a reason not to
// start).
func openPrefs(path string) *filePrefs {
	p := &filePrefs{path: path, values: map[string]any{}}
	if v, err := p.readDisk(); err == nil {
		p.values = v
	}
	return p
}

func (p *filePrefs) readDisk() (map[string]any, error) {
	b, err := os.ReadFile(p.path)
	if err != nil {
		return nil, err
	}
	v := map[string]any{}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	return v, nil
}

// set changes one key (nil removes it) here and on disk.
func (p *filePrefs) set(key string, value any) {
	p.mu.Lock()
	if value == nil {
		delete(p.values, key)
	} else {
		p.values[key] = value
	}
	listeners := append([]func(){}, p.listeners...)
	p.mu.Unlock()
	if err := p.save(key, value); err != nil {
		fyne.LogError("save settings", err)
	}
	for _, l := range listeners {
		l()
	}
}

// save writes key into the file as it is on disk now, whole or not at all.
func (p *filePrefs) save(key string, value any) error {
	if err := os.MkdirAll(filepath.Dir(p.path), 0o700); err != nil {
		return err
	}
	lock, err := os.OpenFile(p.path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	defer lock.Close()
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX); err != nil {
		return err
	}
	defer unix.Flock(int(lock.Fd()), unix.LOCK_UN)
	disk, err := p.readDisk()
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		disk = nil // a damaged file is replaced by this instance's settings
	}
	p.mu.Lock()
	if disk == nil {
		disk = map[string]any{}
		for k, v := range p.values {
			disk[k] = v
		}
	}
	if value == nil {
		delete(disk, key)
	} else {
		disk[key] = value
	}
	b, err := json.MarshalIndent(disk, "", "  ")
	p.mu.Unlock()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p.path), ".settings-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p.path)
}

func (p *filePrefs) get(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[key]
	return v, ok
}

// getAs reads key as a T, or fallback when it is missing or of another
// type.
func getAs[T any](p *filePrefs, key string, fallback T) T {
	v, ok := p.get(key)
	if !ok {
		return fallback
	}
	if t, ok := fromJSON(v, fallback).(T); ok {
		return t
	}
	return fallback
}

// fromJSON converts a value read from the file, where numbers are float64
// and lists []any, to the type of like; values set since are as given.
func fromJSON(v, like any) any {
	l, isList := v.([]any)
	switch like.(type) {
	case int:
		if f, ok := v.(float64); ok {
			return int(f)
		}
	case []int:
		if isList {
			return collect(l, func(x any) (int, bool) { f, ok := x.(float64); return int(f), ok })
		}
	case []float64:
		if isList {
			return collect(l, func(x any) (float64, bool) { f, ok := x.(float64); return f, ok })
		}
	case []string:
		if isList {
			return collect(l, func(x any) (string, bool) { s, ok := x.(string); return s, ok })
		}
	case []bool:
		if isList {
			return collect(l, func(x any) (bool, bool) { b, ok := x.(bool); return b, ok })
		}
	}
	return v
}

func collect[E any](l []any, conv func(any) (E, bool)) []E {
	out := make([]E, 0, len(l))
	for _, x := range l {
		if e, ok := conv(x); ok {
			out = append(out, e)
		}
	}
	return out
}

func (p *filePrefs) Bool(key string) bool { return getAs(p, key, false) }
func (p *filePrefs) BoolWithFallback(key string, fallback bool) bool {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetBool(key string, value bool) { p.set(key, value) }
func (p *filePrefs) BoolList(key string) []bool     { return getAs(p, key, []bool{}) }
func (p *filePrefs) BoolListWithFallback(key string, fallback []bool) []bool {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetBoolList(key string, value []bool) { p.set(key, value) }
func (p *filePrefs) Float(key string) float64             { return getAs(p, key, 0.0) }
func (p *filePrefs) FloatWithFallback(key string, fallback float64) float64 {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetFloat(key string, value float64) { p.set(key, value) }
func (p *filePrefs) FloatList(key string) []float64     { return getAs(p, key, []float64{}) }
func (p *filePrefs) FloatListWithFallback(key string, fallback []float64) []float64 {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetFloatList(key string, value []float64) { p.set(key, value) }
func (p *filePrefs) Int(key string) int                       { return getAs(p, key, 0) }
func (p *filePrefs) IntWithFallback(key string, fallback int) int {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetInt(key string, value int) { p.set(key, float64(value)) }
func (p *filePrefs) IntList(key string) []int     { return getAs(p, key, []int{}) }
func (p *filePrefs) IntListWithFallback(key string, fallback []int) []int {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetIntList(key string, value []int) { p.set(key, value) }
func (p *filePrefs) String(key string) string           { return getAs(p, key, "") }
func (p *filePrefs) StringWithFallback(key, fallback string) string {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetString(key string, value string) { p.set(key, value) }
func (p *filePrefs) StringList(key string) []string     { return getAs(p, key, []string{}) }
func (p *filePrefs) StringListWithFallback(key string, fallback []string) []string {
	return getAs(p, key, fallback)
}
func (p *filePrefs) SetStringList(key string, value []string) { p.set(key, value) }
func (p *filePrefs) RemoveValue(key string)                   { p.set(key, nil) }

func (p *filePrefs) AddChangeListener(l func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.listeners = append(p.listeners, l)
}

func (p *filePrefs) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]func(){}, p.listeners...)
}

// prefsApp is the Fyne app with its settings kept in a filePrefs; it is
// made the current app, so that Fyne's own dialogs (the file chooser's
// last folder) use the same safe store.
type prefsApp struct {
	fyne.App
	prefs *filePrefs
}

func (a *prefsApp) Preferences() fyne.Preferences { return a.prefs }

// withSafePrefs wraps a, keeping its settings in the user's configuration
// folder. The first time, the settings earlier versions kept in Fyne's
// store come along.
func withSafePrefs(a fyne.App) fyne.App {
	dir, err := os.UserConfigDir()
	if err != nil {
		return a // no home: Fyne's store, in memory, will do
	}
	path := filepath.Join(dir, "parcours", "settings.json")
	_, missing := os.Stat(path)
	w := &prefsApp{App: a, prefs: openPrefs(path)}
	if missing != nil {
		old := a.Preferences()
		if v := old.String(prefLastDocument); v != "" {
			w.prefs.SetString(prefLastDocument, v)
		}
		if v := old.StringList(prefRecent); len(v) > 0 {
			w.prefs.SetStringList(prefRecent, v)
		}
		if v := old.String(prefLanguage); v != "" {
			w.prefs.SetString(prefLanguage, v)
		}
	}
	// Fyne's store, now unused, would still be written back at exit, in
	// place: an instance starting at that moment reads half a file.
	if l, ok := a.Lifecycle().(interface{ SetOnStoppedHookExecuted(func()) }); ok {
		l.SetOnStoppedHookExecuted(func() {})
	}
	fyne.SetCurrentApp(w)
	return w
}
