package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cutTexts lists what a user would see cut in o, laid out in a window
// width px wide: a control narrower than its text, a word broken inside
// because it does not fit its label, anything past the window's right edge.
func cutTexts(t *testing.T, o fyne.CanvasObject, width float32) []string {
	t.Helper()
	var cut []string
	d := fyne.CurrentApp().Driver()
	pad := theme.InnerPadding()
	for _, x := range test.LaidOutObjects(o) {
		if !x.Visible() {
			continue
		}
		pos, size := d.AbsolutePositionForObject(x), x.Size()
		var name string
		var wrapped *widget.Label
		switch w := x.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				if c.Visible() && c.Position().Y+c.Size().Height > size.Height+0.5 {
					cut = append(cut, "a container's content runs past its bottom, over what follows")
				}
			}
		case *widget.Button:
			name = "button " + w.Text
			if size.Width+0.5 < w.MinSize().Width {
				cut = append(cut, name+": narrower than its text")
			}
		case *widget.Check:
			name = "check " + w.Text
			if size.Width+0.5 < w.MinSize().Width {
				cut = append(cut, name+": narrower than its text")
			}
		case *widget.Select:
			name = "select " + w.Selected
			if size.Width+0.5 < w.MinSize().Width {
				cut = append(cut, name+": narrower than its text")
			}
		case *widget.Label:
			name, wrapped = "label "+w.Text, w
		case *tapLabel:
			name, wrapped = "label "+w.Text, &w.Label
		}
		if wrapped != nil && wrapped.Text != "" {
			th := wrapped.Theme()
			size := th.Size(theme.SizeNameText)
			if wrapped.SizeName != "" {
				size = th.Size(wrapped.SizeName)
			}
			for _, word := range strings.Fields(wrapped.Text) {
				if fyne.MeasureText(word, size, wrapped.TextStyle).Width > x.Size().Width-2*pad+0.5 {
					cut = append(cut, name+": the word "+word+" does not fit")
				}
			}
		}
		if name != "" && pos.X+size.Width > width+0.5 {
			cut = append(cut, name+": past the right edge")
		}
	}
	return cut
}

// The action plan in a side panel 360 and 420 px wide, in French and in
// English, as a list and as a matrix: no word broken, no column or button
// clipped. PARCOURS_SHOTS=dir saves what it looks like.
func TestActionPlanFitsTheSidePanel(t *testing.T) {
	for _, env := range []string{"fr_FR.UTF-8", "en_GB.UTF-8"} {
		for _, width := range []float32{360, 420} {
			for _, matrix := range []bool{false, true} {
				name := env[:2] + "-" + map[bool]string{false: "list", true: "matrix"}[matrix] + "-" + map[float32]string{360: "360", 420: "420"}[width]
				t.Run(name, func(t *testing.T) {
					useLanguage(t, env)
					e := newTestEditor(t, sampleFile(t))
					fyne.CurrentApp().Settings().SetTheme(newTheme())
					p := NewPlanPanel(e)
					p.SetVisible(true)
					p.matrix.SetChecked(matrix)
					w := test.NewWindow(container.NewVScroll(p.Content()))
					defer w.Close()
					w.Resize(fyne.NewSize(width, 860))
					if got := w.Canvas().Size().Width; got > width+0.5 {
						t.Fatalf("the panel's content widens it to %v px", got)
					}
					for _, c := range cutTexts(t, w.Content(), width) {
						t.Error(c)
					}
					discs := 0
					var first *oppDisc
					for _, o := range test.LaidOutObjects(p.Content()) {
						if d, ok := o.(*oppDisc); ok {
							discs++
							if first == nil {
								first = d
							}
						}
					}
					if first != nil {
						// A click on a number opens its opportunity.
						test.Tap(first)
						if e.Window().Canvas().Overlays().Top() == nil {
							t.Error("clicking an opportunity's number opened nothing")
						}
					}
					if want := map[bool]int{false: 0, true: 6}[matrix]; discs != want { // 3 in the cells, 3 in the key
						t.Errorf("%d numbered discs, want %d", discs, want)
					}
					if dir := os.Getenv("PARCOURS_SHOTS"); dir != "" {
						f, err := os.Create(filepath.Join(dir, name+".png"))
						if err != nil {
							t.Fatal(err)
						}
						defer f.Close()
						if err := png.Encode(f, w.Canvas().Capture()); err != nil {
							t.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// The Insights tab too: its links wrap, its buttons keep their words,
// nothing runs past a 360 or 420 px side panel.
func TestInsightsFitTheSidePanel(t *testing.T) {
	for _, env := range []string{"fr_FR.UTF-8", "en_GB.UTF-8"} {
		for _, width := range []float32{360, 420} {
			t.Run(fmt.Sprintf("%s-%v", env[:2], width), func(t *testing.T) {
				useLanguage(t, env)
				e := newTestEditor(t, sampleFile(t))
				fyne.CurrentApp().Settings().SetTheme(newTheme())
				p := NewInsightsPanel(e)
				p.SetVisible(true)
				w := test.NewWindow(container.NewVScroll(p.Content()))
				defer w.Close()
				w.Resize(fyne.NewSize(width, 860))
				if got := w.Canvas().Size().Width; got > width+0.5 {
					t.Fatalf("the panel's content widens it to %v px", got)
				}
				for _, c := range cutTexts(t, w.Content(), width) {
					t.Error(c)
				}
			})
		}
	}
}
