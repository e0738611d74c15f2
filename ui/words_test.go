package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parcours"
	"parcours/model/msg"
)

// The window (Fyne's lang, go-i18n) and the command line (msg) word every
// message that takes a count alike, whatever the count, in both languages.
func TestWindowAndMessagesCountAlike(t *testing.T) {
	verb := regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)
	for _, l := range []struct{ env, lang string }{{"en_GB.UTF-8", msg.English}, {"fr_FR.UTF-8", msg.French}} {
		t.Run(l.lang, func(t *testing.T) {
			useLanguage(t, l.env)
			counted := 0
			for _, k := range msg.Keys() {
				if msg.Forms(k, l.lang) == nil {
					continue
				}
				counted++
				for _, n := range []int{0, 1, 2, 1000000} {
					var args []any
					en, _ := msg.Pair(k)
					for _, v := range verb.FindAllString(en, -1) {
						switch {
						case v == "%%":
						case strings.HasSuffix(v, "d"):
							args = append(args, 7)
						default:
							args = append(args, "x")
						}
					}
					// The count is the first argument that changes the wording.
					for i := range args {
						if _, isInt := args[i].(int); isInt {
							a := append([]any(nil), args...)
							a[i] = n
							if c, ok := msg.Count(k, a...); ok && c == n {
								args = a
								break
							}
						}
					}
					if got, want := T(k, args...), msg.T(k, args...); got != want {
						t.Errorf("%s with %d: window %q, messages %q", k, n, got, want)
					}
				}
			}
			if counted < 15 {
				t.Errorf("only %d counted messages", counted)
			}
		})
	}
}

// What a user reads when counts are 0, 1 and 2, in English and French:
// the search bar's matches, the status after a copy, the selection, the
// measured touchpoints of each stage in the Insights tab.
func TestCountsReadInTheUsersLanguage(t *testing.T) {
	for _, c := range []struct {
		env                    string
		found0, found1, found2 string
		copied1, copied2       string
		selected2              string
		measured1, measured2   string
	}{
		{"en_GB.UTF-8", "0 found", "1 found", "2 found", "1 touchpoint copied", "2 touchpoints copied",
			"2 touchpoints selected", "(1 measured)", "(2 measured)"},
		{"fr_FR.UTF-8", "0 trouvé", "1 trouvé", "2 trouvés", "1 point de contact copié", "2 points de contact copiés",
			"2 points de contact sélectionnés", "(1 mesuré)", "(2 mesurés)"},
	} {
		t.Run(c.env, func(t *testing.T) {
			useLanguage(t, c.env)
			e := newTestEditor(t, sampleFile(t))
			test.Type(e.search.text, "zzz")
			if got := e.search.count.Text; got != c.found0 {
				t.Errorf("search with no match says %q, want %q", got, c.found0)
			}
			e.search.text.SetText("")
			test.Type(e.search.text, "Remise du colis")
			if got := e.search.count.Text; got != c.found1 {
				t.Errorf("search with one match says %q, want %q", got, c.found1)
			}
			e.search.text.SetText("")
			e.search.marker.SetSelectedIndex(1 + 4) // breaker: t-page-suivi, t-absent
			if got := e.search.count.Text; got != c.found2 {
				t.Errorf("search with two matches says %q, want %q", got, c.found2)
			}
			e.search.Clear()

			selectCard(t, e, "t-panier")
			press(t, e, &fyne.ShortcutCopy{})
			if got := e.status.Text; got != c.copied1 {
				t.Errorf("copying one card says %q, want %q", got, c.copied1)
			}
			e.sel = cardsSelection("t-remise", "t-absent")
			e.showSelection()
			press(t, e, &fyne.ShortcutCopy{})
			if got := e.status.Text; got != c.copied2 {
				t.Errorf("copying two cards says %q, want %q", got, c.copied2)
			}
			if got := e.inspector.cards.count.Text; got != c.selected2 {
				t.Errorf("two cards selected: %q, want %q", got, c.selected2)
			}

			// Livraison has one measured touchpoint (t-remise), Commande two.
			e.insights.SetVisible(true)
			var lines []string
			for _, o := range test.LaidOutObjects(e.insights.Content()) {
				if l, ok := o.(*widget.Label); ok {
					lines = append(lines, l.Text)
				}
			}
			all := strings.Join(lines, "\n")
			for stage, want := range map[string]string{"Livraison": c.measured1, "Commande": c.measured2} {
				found := false
				for _, l := range lines {
					found = found || strings.HasPrefix(l, stage+" — ") && strings.Contains(l, want)
				}
				if !found {
					t.Errorf("Insights: no %q for %s in\n%s", want, stage, all)
				}
			}
		})
	}
}

// shownShortcut is the shortcut text Fyne draws beside a menu item ("Ctrl+Shift+Del").
func shownShortcut(t *testing.T, it *fyne.MenuItem) string {
	t.Helper()
	var parts []string
	for _, o := range test.LaidOutObjects(widget.NewMenu(fyne.NewMenu("", it))) {
		if x, ok := o.(*fcanvas.Text); ok && x.Text != it.Label && x.Text != "" {
			parts = append(parts, x.Text)
		}
	}
	return strings.Join(parts, "")
}

// Help → Keyboard Shortcuts names every key as the menus draw it, in
// English and in French: "Del" in both, not « Suppr » beside a menu's "Del".
func TestShortcutsDialogNamesKeysAsTheMenusDo(t *testing.T) {
	for _, env := range []string{"en_GB.UTF-8", "fr_FR.UTF-8"} {
		t.Run(env, func(t *testing.T) {
			useLanguage(t, env)
			e := newTestEditor(t, sampleFile(t))
			var open *fyne.MenuItem
			for _, m := range e.Window().MainMenu().Items {
				for _, it := range m.Items {
					if it.Label == T("ui.shortcuts") {
						open = it
					}
				}
			}
			if open == nil {
				t.Fatal("no Help → Keyboard Shortcuts")
			}
			open.Action()
			top := e.Window().Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("the shortcuts dialog did not open")
			}
			var cells []string
			for _, o := range test.LaidOutObjects(top) {
				if l, ok := o.(*widget.Label); ok {
					cells = append(cells, l.Text)
				}
			}
			rows := map[string]string{} // action → keys
			for i := 0; i+1 < len(cells); i++ {
				if strings.HasPrefix(cells[i], "Ctrl+") || cells[i] == T("ui.key.delete") || cells[i] == "F2" || cells[i] == "F5" {
					rows[cells[i+1]] = cells[i]
				}
			}
			checked := 0
			for _, m := range e.Window().MainMenu().Items {
				for _, it := range m.Items {
					if it.Shortcut == nil || it.IsSeparator {
						continue
					}
					if _, ok := it.Shortcut.(fyne.KeyboardShortcut); !ok {
						continue
					}
					menu := shownShortcut(t, it)
					keys, found := "", false
					for action, k := range rows {
						if action == it.Label || strings.Contains(action, it.Label+" / ") || strings.HasSuffix(action, " / "+it.Label) {
							keys, found = k, true
						}
					}
					if !found {
						t.Errorf("%s (%s) is not in the shortcuts dialog", it.Label, menu)
						continue
					}
					checked++
					if !strings.Contains(keys, menu) {
						t.Errorf("%s: the menu shows %q, the dialog %q", it.Label, menu, keys)
					}
				}
			}
			if checked < 25 {
				t.Errorf("only %d menu shortcuts checked", checked)
			}
			key := regexp.MustCompile(`\bSuppr\b|\bMaj\+`)
			for _, c := range cells {
				if key.MatchString(c) {
					t.Errorf("the dialog says %q where the menus say Del and Shift", c)
				}
			}
		})
	}
}

// Help → About shows the version `parcours version` prints.
func TestAboutShowsTheProgramsVersion(t *testing.T) {
	e := newTestEditor(t, sampleFile(t))
	for _, m := range e.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == T("ui.about") {
				it.Action()
			}
		}
	}
	top := e.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Help → About opened nothing")
	}
	want := "Parcours " + parcours.Version() + " — "
	found := false
	for _, s := range textsOf(top) {
		found = found || strings.HasPrefix(s, want)
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			found = found || strings.HasPrefix(l.Text, want)
		}
	}
	if !found || parcours.Version() == "0.0.1" {
		t.Errorf("About does not say %q: %v", want, textsOf(top))
	}
}

// selectShowsWhole reports whether s is wide enough for its longest option,
// as Fyne's Select lays out its text (else it is cut with an ellipsis).
func selectShowsWhole(s *widget.Select) (bool, string) {
	th := s.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	room := s.Size().Width - pad*3 - th.Size(theme.SizeNameInlineIcon) - pad
	for _, o := range s.Options {
		if fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width > room+0.5 {
			return false, o
		}
	}
	return true, ""
}

// File → Language… shows its choices whole: « Langue du système », not
// « Langue du … ».
func TestLanguageDialogShowsItsChoicesWhole(t *testing.T) {
	for _, env := range []string{"fr_FR.UTF-8", "en_GB.UTF-8"} {
		t.Run(env, func(t *testing.T) {
			useLanguage(t, env)
			e := newTestEditor(t, sampleFile(t))
			fyne.CurrentApp().Settings().SetTheme(newTheme())
			e.Window().Resize(fyne.NewSize(1400, 860))
			for _, m := range e.Window().MainMenu().Items {
				for _, it := range m.Items {
					if it.Label == T("ui.language_setting") {
						it.Action()
					}
				}
			}
			top := e.Window().Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("File → Language… opened nothing")
			}
			n := 0
			for _, o := range test.LaidOutObjects(top) {
				if c, ok := o.(*choice); ok {
					s := &c.Select
					n++
					if whole, o := selectShowsWhole(s); !whole {
						t.Errorf("%q is cut in a %v px choice", o, s.Size().Width)
					}
				}
			}
			if n != 1 {
				t.Fatalf("%d choices in the Language dialog", n)
			}
			if dir := os.Getenv("PARCOURS_SHOTS"); dir != "" {
				f, err := os.Create(filepath.Join(dir, "language-"+env[:2]+".png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := png.Encode(f, e.Window().Canvas().Capture()); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// A listened touchpoint is one with a listening point (« point d'écoute »,
// the seeds' word), not a « maîtrisé » one; quick wins are « gains
// rapides ». Read in the French window: inspector, Insights, Action plan.
func TestFrenchSaysListeningPointAndGainsRapides(t *testing.T) {
	for _, k := range msg.Keys() {
		if _, fr := msg.Pair(k); strings.Contains(strings.ToLower(fr), "maîtris") || strings.Contains(strings.ToLower(fr), "quick win") && k != "plan.col.quick_win" {
			t.Errorf("%s: %q", k, fr)
		}
	}
	useLanguage(t, "fr_FR.UTF-8")
	e := newTestEditor(t, sampleFile(t))
	selectCard(t, e, "t-panier")
	e.insights.SetVisible(true)
	e.plan.SetVisible(true)
	e.plan.matrix.SetChecked(true)
	var all []string
	for _, o := range []fyne.CanvasObject{e.Window().Content(), e.insights.Content(), e.plan.Content()} {
		all = append(all, textsOf(o)...)
		for _, x := range test.LaidOutObjects(o) {
			switch w := x.(type) {
			case *widget.Label:
				all = append(all, w.Text)
			case *widget.Button:
				all = append(all, w.Text)
			}
		}
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"Point d'écoute en place (enquête)", "Marquer en place", "Gains rapides — "} {
		if !strings.Contains(text, want) {
			t.Errorf("the French window does not say %q", want)
		}
	}
	for _, bad := range []string{"aîtris", "Quick win", "Mark listened"} {
		if strings.Contains(text, bad) {
			t.Errorf("the French window says %q", bad)
		}
	}
}

// The survey preview counts its rows and touchpoints each with its own
// plural: "1 row; 1 touchpoint gets…", « 2 lignes ; 2 points de contact
// reçoivent… ».
func TestSurveyPreviewCountsRowsAndTouchpoints(t *testing.T) {
	for _, c := range []struct{ env, csv, want string }{
		{"en_GB.UTF-8", "touchpoint;score\nt-panier;7\n", "1 row; 1 touchpoint gets a new score and a listening point:"},
		{"en_GB.UTF-8", "touchpoint;score\nt-panier;7\nt-panier;8\nt-remise;6\n", "3 rows; 2 touchpoints get a new score and a listening point:"},
		{"fr_FR.UTF-8", "touchpoint;score\nt-panier;7\n", "1 ligne ; 1 point de contact reçoit une nouvelle note et un point d'écoute :"},
		{"fr_FR.UTF-8", "touchpoint;score\nt-panier;7\nt-panier;8\nt-remise;6\n", "3 lignes ; 2 points de contact reçoivent une nouvelle note et un point d'écoute :"},
	} {
		t.Run(c.env, func(t *testing.T) {
			useLanguage(t, c.env)
			e := newTestEditor(t, sampleFile(t))
			e.previewSurvey("enquete.csv", []byte(c.csv), 10)
			top := e.Window().Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no preview")
			}
			var labels []string
			for _, o := range test.LaidOutObjects(top) {
				if l, ok := o.(*widget.Label); ok {
					labels = append(labels, l.Text)
				}
			}
			if !slices.Contains(labels, c.want) {
				t.Errorf("the preview does not say %q: %q", c.want, labels)
			}
		})
	}
}
