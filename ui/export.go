package ui

import (
	"encoding/json"
	"errors"
	"image"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model"
	modelatomic "parcours/model/atomic"
)

// exportForm is the state of the Export dialog.
type exportForm struct {
	e               *Editor
	format          *widget.RadioGroup
	journeys        *widget.RadioGroup
	view            *widget.RadioGroup
	paper           *widget.Select
	width, height   *dialogEntry
	orientation     *widget.RadioGroup
	tile            *widget.Select
	split           *widget.Select // posters per journey
	dpi             *dialogEntry
	footer, version *dialogEntry
	// Parts of the poster, and pages added after it (PDF).
	persona, opportunities, quotes *widget.Check
	planPage, comparePage          *widget.Check
	logo                           []byte
	logoPath                       string
	logoName                       *widget.Label
	preview                        *fcanvas.Image
	problem                        *widget.Label
	// warning says when the poster would print its card titles too small
	// to read, and what would fix it; the export still goes.
	warning *widget.Label
}

var papers = []string{"A0", "A1", "A2", "A3", "A4"}

// askExport opens the Export dialog: paper, orientation, tiling, journey,
// view, branding, with a preview of the first page.
func (e *Editor) askExport() { e.showExport() }

// showExport shows the Export dialog and returns its form, nil when there
// is no journey to export.
func (e *Editor) showExport() *exportForm {
	if e.Journey() == nil {
		return nil
	}
	f := &exportForm{e: e, logoName: widget.NewLabel(T("ui.none")), problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.warning = widget.NewLabel("")
	f.warning.Importance = widget.WarningImportance
	f.warning.Wrapping = fyne.TextWrapWord
	f.warning.Hide()
	update := func(string) { e.released(); f.refresh() }
	f.format = widget.NewRadioGroup([]string{"PDF", "PNG", "SVG"}, update)
	f.journeys = widget.NewRadioGroup([]string{T("ui.export.this_journey"), T("ui.export.all_journeys")}, update)
	f.view = widget.NewRadioGroup([]string{T("ui.micro"), T("ui.macro")}, update)
	f.orientation = widget.NewRadioGroup([]string{T("ui.export.landscape"), T("ui.export.portrait")}, update)
	for _, r := range []*widget.RadioGroup{f.format, f.journeys, f.view, f.orientation} {
		r.Horizontal, r.Required = true, true
		r.SetSelected(r.Options[0])
	}
	f.paper = widget.NewSelect(append(append([]string{}, papers...), T("ui.export.custom")), update)
	f.paper.SetSelectedIndex(0)
	f.width, f.height = e.newDialogEntry(), e.newDialogEntry()
	f.width.SetText("1189")
	f.height.SetText("841")
	f.width.OnChanged, f.height.OnChanged = update, update
	f.tile = widget.NewSelect([]string{T("ui.export.no_tiling"), "A4", "A3"}, update)
	f.tile.SetSelectedIndex(0)
	f.split = widget.NewSelect([]string{"1", "2", "3", "4", "5", "6"}, update)
	f.split.SetSelectedIndex(0)
	f.dpi = e.newDialogEntry()
	f.dpi.SetText(strconv.Itoa(poster.DefaultDPI))
	f.dpi.OnChanged = update
	check := func(key string, on bool) *widget.Check {
		c := widget.NewCheck(T(key), func(bool) { e.released(); f.refresh() })
		c.SetChecked(on)
		return c
	}
	f.persona, f.opportunities, f.quotes = check("ui.export.persona", true), check("ui.export.opportunities", true), check("ui.export.quotes", true)
	f.planPage, f.comparePage = check("ui.export.plan_page", false), check("ui.export.compare_page", false)
	f.footer, f.version = e.newDialogEntry(), e.newDialogEntry()
	f.footer.SetPlaceHolder(T("ui.export.footer_hint"))
	f.footer.OnChanged, f.version.OnChanged = update, update
	f.preview = fcanvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	f.preview.FillMode = fcanvas.ImageFillContain
	f.preview.SetMinSize(fyne.NewSize(380, 270))
	logoButtons := container.NewHBox(
		widget.NewButton(T("ui.export.choose_logo"), func() {
			e.askImage(func(path string, b []byte) {
				f.setLogo(path, b)
				f.refresh()
			})
		}),
		widget.NewButton(T("ui.remove_image"), func() { f.setLogo("", nil); f.refresh() }),
		f.logoName)
	form := widget.NewForm(
		widget.NewFormItem(T("ui.export.format"), f.format),
		widget.NewFormItem(T("ui.journey"), f.journeys),
		widget.NewFormItem(T("ui.view"), f.view),
		widget.NewFormItem(T("ui.export.paper"), f.paper),
		widget.NewFormItem(T("ui.export.custom_size"), container.NewGridWithColumns(2, f.width, f.height)),
		widget.NewFormItem(T("ui.export.orientation"), f.orientation),
		widget.NewFormItem(T("ui.export.tiling"), f.tile),
		widget.NewFormItem(T("ui.export.split"), f.split),
		widget.NewFormItem(T("ui.export.dpi"), f.dpi),
		widget.NewFormItem(T("ui.export.parts"), container.NewHBox(f.persona, f.opportunities, f.quotes)),
		widget.NewFormItem(T("ui.export.pages"), container.NewHBox(f.planPage, f.comparePage)),
		widget.NewFormItem(T("ui.export.logo"), logoButtons),
		widget.NewFormItem(T("ui.export.footer"), f.footer),
		widget.NewFormItem(T("ui.export.version"), f.version),
	)
	body := container.NewBorder(nil, container.NewVBox(f.warning, f.problem), nil, container.NewVBox(heading(T("ui.export.preview")), f.preview), form)
	d := dialog.NewCustomConfirm(T("ui.export.title"), T("ui.export.go"), T("ui.cancel"), body, func(ok bool) {
		if ok {
			f.run()
		}
	}, e.win)
	d.Resize(fyne.NewSize(1100, 680))
	f.restore()
	f.refresh()
	e.show(d)
	return f
}

// job reads the form; a problem is refused in plain words.
func (f *exportForm) job() (poster.Job, string, error) {
	e := f.e
	doc := e.Document()
	format := strings.ToLower(f.format.Selected)
	orientation := "landscape"
	if f.orientation.Selected == T("ui.export.portrait") {
		orientation = "portrait"
	}
	name := f.paper.Selected
	if f.paper.SelectedIndex() == len(papers) {
		name = strings.TrimSpace(f.width.Text) + "x" + strings.TrimSpace(f.height.Text) + "mm"
	}
	paper, err := poster.ParsePaper(name, orientation)
	if err != nil {
		return poster.Job{}, format, err
	}
	job := poster.Job{Doc: doc, Journeys: []*model.Journey{e.Journey()},
		Layout: canvas.Options{Quotes: f.quotes.Checked, NoOpportunities: !f.opportunities.Checked},
		Options: poster.Options{Paper: paper, Logo: f.logo, Footer: f.footer.Text, Version: f.version.Text,
			NoPersona: !f.persona.Checked, Plan: f.planPage.Checked},
		Compare: f.comparePage.Checked}
	if f.view.Selected == T("ui.macro") {
		job.Layout.View = canvas.Macro
	}
	picture := format == "png" || format == "svg"
	if picture {
		// Pages after the poster and tiles are greyed out for pictures.
		job.Options.Plan, job.Compare = false, false
	}
	if job.Compare {
		if _, err := job.Pairs(); err != nil {
			return job, format, err
		}
	}
	if f.journeys.Selected == T("ui.export.all_journeys") {
		if picture {
			return job, format, errors.New(T("ui.export.png_one"))
		}
		job.Journeys = doc.Journeys
	}
	if i := f.split.SelectedIndex(); i > 0 && !picture {
		job.Split = i + 1
	}
	if i := f.tile.SelectedIndex(); i > 0 && !picture {
		t, _ := poster.ParsePaper(f.tile.Selected, "portrait")
		job.Options.Tile = &t
	}
	if err := job.Options.Check(); err != nil {
		return job, format, err
	}
	if format == "png" {
		n, err := strconv.Atoi(strings.TrimSpace(f.dpi.Text))
		if err != nil {
			return job, format, errors.New(T("ui.export.bad_dpi", f.dpi.Text))
		}
		if err := poster.CheckDPI(paper, n); err != nil {
			return job, format, err
		}
		job.DPI = n
	}
	return job, format, nil
}

// refresh greys out what does not apply to the chosen format, checks the
// form and draws the preview of the first page.
func (f *exportForm) refresh() {
	if f.preview == nil || f.problem == nil || f.dpi == nil || f.version == nil || f.comparePage == nil {
		return // still being built
	}
	format := strings.ToLower(f.format.Selected)
	picture := format == "png" || format == "svg"
	enable(!picture, f.tile, f.split, f.planPage, f.comparePage)
	enable(format == "png", f.dpi)
	enable(f.paper.SelectedIndex() == len(papers), f.width, f.height)
	if picture {
		f.journeys.SetSelected(f.journeys.Options[0])
		f.journeys.Disable()
	} else {
		f.journeys.Enable()
	}
	job, _, err := f.job()
	if err != nil {
		f.problem.SetText(err.Error())
		f.problem.Show()
		f.warning.Hide()
		return
	}
	f.problem.Hide()
	scenes := job.Scenes()
	var small *poster.SmallTitles
	if errors.As(job.Readability(scenes), &small) {
		f.warning.SetText(small.InWindow())
		f.warning.Show()
	} else {
		f.warning.Hide()
	}
	scene := scenes[0]
	// A low resolution is enough for a preview, and quick.
	dpi := max(10, int(380/(job.Options.Paper.W/25.4)))
	if img, err := poster.Render(scene, job.Options, dpi); err == nil {
		f.preview.Image = img
		f.preview.Refresh()
	}
}

// errCancelled stops an export the user cancelled; nothing is written.
var errCancelled = errors.New("cancelled")

// run asks where to write and exports in the background, with a progress
// bar and a Cancel button; a cancelled or failed export leaves no file.
func (f *exportForm) run() {
	e := f.e
	job, format, err := f.job()
	if err != nil {
		e.showError(err)
		return
	}
	f.remember()
	ext := "." + format
	name := strings.TrimSuffix(filepath.Base(e.store.Path()), filepath.Ext(e.store.Path())) + ext
	e.askPath(name, ext, func(path string) {
		// The progress dialog closes in two ways: its Cancel button, which
		// cancels the export, or the end of the export, which does not.
		var cancelled, finished atomic.Bool
		bar := widget.NewProgressBarInfinite()
		progress := dialog.NewCustom(T("ui.exporting"), T("ui.cancel"), bar, e.win)
		progress.SetOnClosed(func() {
			if !finished.Load() {
				cancelled.Store(true)
			}
		})
		e.show(progress)
		background(func() error {
			return ExportJob(path, job, format, &cancelled)
		}, func(err error) {
			finished.Store(true)
			bar.Stop()
			progress.Hide()
			switch {
			case errors.Is(err, errCancelled):
				e.setStatus(T("ui.export.cancelled"))
			case err != nil:
				e.showError(err)
			default:
				e.setStatus(T("ui.exported", path))
			}
		})
	})
}

// ExportJob writes an export to path, whole or not at all: when cancelled
// is set before the file is complete, nothing is written.
func ExportJob(path string, job poster.Job, format string, cancelled *atomic.Bool) error {
	scenes := job.Scenes()
	return modelatomic.WriteFile(path, func(w io.Writer) error {
		var err error
		switch format {
		case "png":
			err = job.WritePNG(w, scenes[0])
		case "svg":
			err = job.WriteSVG(w, scenes[0])
		default:
			err = job.WritePDF(w, scenes)
		}
		if err == nil && cancelled != nil && cancelled.Load() {
			return errCancelled
		}
		return err
	})
}

// enable enables or greys out widgets together.
func enable(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

func (f *exportForm) setLogo(path string, b []byte) {
	f.logo, f.logoPath = b, path
	if b == nil {
		f.logoName.SetText(T("ui.none"))
	} else {
		f.logoName.SetText(T("ui.export.logo_set", len(b)/1024))
	}
}

// exportChoices are the export dialog's choices, remembered per document.
type exportChoices struct {
	Format, Journeys, View, Paper, Width, Height, Orientation, Tile, Split, DPI string
	Persona, Opportunities, Quotes, PlanPage, ComparePage                       bool
	Footer, Version, Logo                                                       string
}

// remember keeps the dialog's choices for the next export of this document.
func (f *exportForm) remember() {
	c := exportChoices{Format: f.format.Selected, Journeys: f.journeys.Selected, View: f.view.Selected,
		Paper: f.paper.Selected, Width: f.width.Text, Height: f.height.Text, Orientation: f.orientation.Selected,
		Tile: f.tile.Selected, Split: f.split.Selected, DPI: f.dpi.Text, Persona: f.persona.Checked, Opportunities: f.opportunities.Checked,
		Quotes: f.quotes.Checked, PlanPage: f.planPage.Checked, ComparePage: f.comparePage.Checked,
		Footer: f.footer.Text, Version: f.version.Text, Logo: f.logoPath}
	if k := f.e.docKey("export"); k != "" {
		if b, err := json.Marshal(c); err == nil {
			f.e.app.Preferences().SetString(k, string(b))
		}
	}
}

// restore sets the choices made at this document's last export; a logo
// whose file is gone or no longer a picture is left out.
func (f *exportForm) restore() {
	k := f.e.docKey("export")
	if k == "" {
		return
	}
	var c exportChoices
	if json.Unmarshal([]byte(f.e.app.Preferences().String(k)), &c) != nil {
		return
	}
	pick := func(r *widget.RadioGroup, v string) {
		if slices.Contains(r.Options, v) {
			r.SetSelected(v)
		}
	}
	pick(f.format, c.Format)
	pick(f.journeys, c.Journeys)
	pick(f.view, c.View)
	pick(f.orientation, c.Orientation)
	if slices.Contains(f.paper.Options, c.Paper) {
		f.paper.SetSelected(c.Paper)
	}
	if slices.Contains(f.tile.Options, c.Tile) {
		f.tile.SetSelected(c.Tile)
	}
	if slices.Contains(f.split.Options, c.Split) {
		f.split.SetSelected(c.Split)
	}
	for _, x := range []struct {
		e *dialogEntry
		v string
	}{{f.width, c.Width}, {f.height, c.Height}, {f.dpi, c.DPI}, {f.footer, c.Footer}, {f.version, c.Version}} {
		if x.v != "" || x.e == f.footer || x.e == f.version {
			x.e.SetText(x.v)
		}
	}
	f.persona.SetChecked(c.Persona)
	f.opportunities.SetChecked(c.Opportunities)
	f.quotes.SetChecked(c.Quotes)
	f.planPage.SetChecked(c.PlanPage)
	f.comparePage.SetChecked(c.ComparePage)
	if c.Logo != "" {
		if b, err := os.ReadFile(c.Logo); err == nil && isImage(b) {
			f.setLogo(c.Logo, b)
		}
	}
}
