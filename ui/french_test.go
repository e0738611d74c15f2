package ui

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parcours/model/msg"
)

// englishOnly maps every English wording that French words differently to
// its key: finding one of them in the French window means a string was
// left untranslated.
func englishOnly() map[string]string {
	m := map[string]string{}
	for _, k := range msg.Keys() {
		en, fr := msg.Pair(k)
		if en != fr && !strings.Contains(en, "%") && len(en) > 2 {
			m[en] = k
		}
	}
	return m
}

func useLanguage(t *testing.T, lang string) {
	t.Helper()
	for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(k, lang)
	}
	registerTranslations()
	t.Cleanup(func() {
		for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
			os.Setenv(k, "C.UTF-8")
		}
		registerTranslations()
		msg.SetLanguage(msg.English)
	})
}

// textsOf collects every text drawn under o: labels, choices, hints.
func textsOf(o fyne.CanvasObject) []string {
	var out []string
	for _, o := range test.LaidOutObjects(o) {
		switch x := o.(type) {
		case *fcanvas.Text:
			out = append(out, x.Text)
		case *widget.Check:
			out = append(out, x.Text)
		case *widget.Select:
			out = append(out, x.Options...)
		case *widget.RadioGroup:
			out = append(out, x.Options...)
		case *widget.CheckGroup:
			out = append(out, x.Options...)
		case *widget.Entry:
			out = append(out, x.PlaceHolder)
		}
	}
	return out
}

// texts collects every text the window draws, and the menus.
func texts(e *Editor) []string {
	out := textsOf(e.Window().Content())
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			out = append(out, it.Label)
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range e.Window().MainMenu().Items {
		out = append(out, m.Label)
		walk(m.Items)
	}
	return out
}

func TestFrenchWindowHasNoEnglishLeft(t *testing.T) {
	useLanguage(t, "fr_FR.UTF-8")
	if msg.Language() != msg.French || T("ui.file") != "Fichier" {
		t.Fatalf("French not active: %q", T("ui.file"))
	}
	e := newTestEditor(t, sampleFile(t))
	english := englishOnly()
	check := func(where string) {
		t.Helper()
		for _, s := range texts(e) {
			if k, ok := english[strings.TrimSpace(s)]; ok {
				t.Errorf("%s: English %q (%s) in the French window", where, s, k)
			}
		}
	}
	check("journey")
	selectCard(t, e, "t-panier")
	check("touchpoint")
	s := e.View().Scene()
	e.selectHit(s.HitAt(s.Columns[0].Header.X+2, 2), false)
	check("stage")
	e.selectHit(s.HitAt(2, s.Rows[0].Rect.Y+2), false)
	check("lane")
	e.viewMode.SetSelected(T("ui.macro"))
	check("macro view")
	e.sel = cardsSelection("t-remise", "t-absent")
	e.showSelection()
	check("several cards")
	// The walk does see the window: these French words are found, and
	// their English twins would have been caught.
	for _, want := range []string{"Fichier", "Couloir", "Courbe", "Objectifs du client", "Synthèse", "Supprimer"} {
		found := false
		for _, s := range texts(e) {
			found = found || s == want
		}
		if !found {
			t.Errorf("%q not shown", want)
		}
	}
	for _, en := range []string{"File", "Lane", "Customer goals", "Summary", "Delete"} {
		if _, ok := english[en]; !ok {
			t.Errorf("the check would miss %q", en)
		}
	}
}

func TestLanguageSettingAppliesAtStart(t *testing.T) {
	for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(k, "en_GB.UTF-8")
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "fr")
	applyLanguagePreference(a)
	registerTranslations()
	t.Cleanup(func() {
		for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
			os.Setenv(k, "C.UTF-8")
		}
		registerTranslations()
		msg.SetLanguage(msg.English)
	})
	if T("ui.file") != "Fichier" || msg.Language() != msg.French {
		t.Fatalf("the French setting did not win over an English system: %q", T("ui.file"))
	}
}

// Every menu item can be reached from the keyboard: each has a shortcut
// (Fyne's menu bar has no keyboard navigation of its own), except the
// submenu of recent files, which ctrl+shift+O reaches as a dialog.
func TestEveryMenuItemHasAShortcut(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	seen := map[string]string{}
	for _, m := range e.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.IsSeparator || it.ChildMenu != nil {
				continue
			}
			if it.Shortcut == nil {
				t.Errorf("%s → %s has no shortcut", m.Label, it.Label)
				continue
			}
			if other, dup := seen[it.Shortcut.ShortcutName()]; dup {
				t.Errorf("%s and %s share a shortcut", other, it.Label)
			}
			seen[it.Shortcut.ShortcutName()] = it.Label
		}
	}
}

// The export dialog, with its parts and pages, speaks French too.
func TestFrenchExportDialog(t *testing.T) {
	useLanguage(t, "fr_FR.UTF-8")
	e := newTestEditor(t, sampleFile(t))
	if e.showExport() == nil {
		t.Fatal("no export dialog")
	}
	english := englishOnly()
	shown := textsOf(e.Window().Canvas().Overlays().Top())
	for _, s := range shown {
		if k, ok := english[strings.TrimSpace(s)]; ok {
			t.Errorf("English %q (%s) in the French export dialog", s, k)
		}
	}
	for _, want := range []string{"Fiche persona", "Verbatims", "Plan d'action et matrice", "Actuel et cible"} {
		if !slices.Contains(shown, want) {
			t.Errorf("%q not shown in the export dialog: %q", want, shown)
		}
	}
}
