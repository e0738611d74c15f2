package ui

import (
	"errors"
	"image"
	"io"
	"path/filepath"
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
	width, height   *widget.Entry
	orientation     *widget.RadioGroup
	tile            *widget.Select
	dpi             *widget.Entry
	footer, version *widget.Entry
	// Parts of the poster, and pages added after it (PDF).
	persona, opportunities, quotes *widget.Check
	planPage, comparePage          *widget.Check
	logo                           []byte
	logoName                       *widget.Label
	preview                        *fcanvas.Image
	problem                        *widget.Label
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
	update := func(string) { f.refresh() }
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
	f.width, f.height = widget.NewEntry(), widget.NewEntry()
	f.width.SetText("1189")
	f.height.SetText("841")
	f.width.OnChanged, f.height.OnChanged = update, update
	f.tile = widget.NewSelect([]string{T("ui.export.no_tiling"), "A4", "A3"}, update)
	f.tile.SetSelectedIndex(0)
	f.dpi = widget.NewEntry()
	f.dpi.SetText(strconv.Itoa(poster.DefaultDPI))
	f.dpi.OnChanged = update
	check := func(key string, on bool) *widget.Check {
		c := widget.NewCheck(T(key), func(bool) { f.refresh() })
		c.SetChecked(on)
		return c
	}
	f.persona, f.opportunities, f.quotes = check("ui.export.persona", true), check("ui.export.opportunities", true), check("ui.export.quotes", true)
	f.planPage, f.comparePage = check("ui.export.plan_page", false), check("ui.export.compare_page", false)
	f.footer, f.version = widget.NewEntry(), widget.NewEntry()
	f.footer.SetPlaceHolder(T("ui.export.footer_hint"))
	f.footer.OnChanged, f.version.OnChanged = update, update
	f.preview = fcanvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	f.preview.FillMode = fcanvas.ImageFillContain
	f.preview.SetMinSize(fyne.NewSize(380, 270))
	logoButtons := container.NewHBox(
		widget.NewButton(T("ui.export.choose_logo"), func() {
			e.askImage(func(b []byte) {
				f.logo = b
				f.logoName.SetText(T("ui.export.logo_set", len(b)/1024))
				f.refresh()
			})
		}),
		widget.NewButton(T("ui.remove_image"), func() { f.logo = nil; f.logoName.SetText(T("ui.none")); f.refresh() }),
		f.logoName)
	form := widget.NewForm(
		widget.NewFormItem(T("ui.export.format"), f.format),
		widget.NewFormItem(T("ui.journey"), f.journeys),
		widget.NewFormItem(T("ui.view"), f.view),
		widget.NewFormItem(T("ui.export.paper"), f.paper),
		widget.NewFormItem(T("ui.export.custom_size"), container.NewGridWithColumns(2, f.width, f.height)),
		widget.NewFormItem(T("ui.export.orientation"), f.orientation),
		widget.NewFormItem(T("ui.export.tiling"), f.tile),
		widget.NewFormItem(T("ui.export.dpi"), f.dpi),
		widget.NewFormItem(T("ui.export.parts"), container.NewHBox(f.persona, f.opportunities, f.quotes)),
		widget.NewFormItem(T("ui.export.pages"), container.NewHBox(f.planPage, f.comparePage)),
		widget.NewFormItem(T("ui.export.logo"), logoButtons),
		widget.NewFormItem(T("ui.export.footer"), f.footer),
		widget.NewFormItem(T("ui.export.version"), f.version),
	)
	body := container.NewBorder(nil, f.problem, nil, container.NewVBox(heading(T("ui.export.preview")), f.preview), form)
	d := dialog.NewCustomConfirm(T("ui.export.title"), T("ui.export.go"), T("ui.cancel"), body, func(ok bool) {
		if ok {
			f.run()
		}
	}, e.win)
	d.Resize(fyne.NewSize(1100, 680))
	f.refresh()
	d.Show()
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
	if picture && (job.Options.Plan || job.Compare) {
		return job, format, errors.New(T("ui.export.png_pages"))
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
	if i := f.tile.SelectedIndex(); i > 0 {
		if picture {
			return job, format, errors.New(T("ui.export.png_tiles"))
		}
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

// refresh checks the form and draws the preview of the first page.
func (f *exportForm) refresh() {
	if f.preview == nil || f.problem == nil || f.dpi == nil || f.version == nil || f.comparePage == nil {
		return // still being built
	}
	job, _, err := f.job()
	if err != nil {
		f.problem.SetText(err.Error())
		f.problem.Show()
		return
	}
	f.problem.Hide()
	scene := job.Scene(job.Journeys[0])
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
	ext := "." + format
	name := strings.TrimSuffix(filepath.Base(e.store.Path()), filepath.Ext(e.store.Path())) + ext
	e.askPath(name, ext, func(path string) {
		var cancelled atomic.Bool
		bar := widget.NewProgressBarInfinite()
		progress := dialog.NewCustom(T("ui.exporting"), T("ui.cancel"), bar, e.win)
		progress.SetOnClosed(func() { cancelled.Store(true) })
		progress.Show()
		background(func() error {
			return ExportJob(path, job, format, &cancelled)
		}, func(err error) {
			bar.Stop()
			progress.SetOnClosed(nil)
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
