package ui

import (
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/atomic"
	"parcours/model/msg"
	"parcours/model/plan"
	"parcours/model/plan/xlsx"
)

// PlanPanel is the action plan: the journey's opportunities as a list
// sorted as the user chooses, or placed on the impact/effort matrix, with
// exports to CSV and XLSX for those who run the plan in a spreadsheet.
type PlanPanel struct {
	e       *Editor
	box     *fyne.Container
	sortBy  *widget.Select
	reverse *widget.Check
	matrix  *widget.Check
	body    *fyne.Container
	visible bool
}

func sortLabel(k plan.SortKey) string {
	if k == plan.ByPriority {
		return T("ui.priority")
	}
	return T("plan.col." + string(k))
}

// NewPlanPanel builds the panel of editor e.
func NewPlanPanel(e *Editor) *PlanPanel {
	p := &PlanPanel{e: e, body: container.NewVBox()}
	var labels []string
	for _, k := range plan.SortKeys {
		labels = append(labels, sortLabel(k))
	}
	p.sortBy = widget.NewSelect(labels, func(string) { p.Refresh() })
	p.sortBy.SetSelectedIndex(0)
	p.reverse = widget.NewCheck(T("ui.reverse"), func(bool) { p.Refresh() })
	p.matrix = widget.NewCheck(T("ui.matrix"), func(bool) { p.Refresh() })
	p.box = container.NewBorder(container.NewVBox(
		container.NewHBox(widget.NewButton(T("ui.add_opportunity"), func() { e.editOpportunity("", e.selectedIDs()) }),
			widget.NewButton(T("ui.export_plan"), e.askExportPlan)),
		container.NewBorder(nil, nil, widget.NewLabel(T("ui.sort_by")), nil, p.sortBy),
		container.NewHBox(p.reverse, p.matrix),
	), nil, nil, nil, p.body)
	return p
}

// Content is the panel's widget tree.
func (p *PlanPanel) Content() fyne.CanvasObject { return p.box }

// SetVisible tells the panel whether it is on screen; it is filled only
// then.
func (p *PlanPanel) SetVisible(v bool) {
	p.visible = v
	p.Refresh()
}

// Refresh fills the panel from the journey on screen.
func (p *PlanPanel) Refresh() {
	j := p.e.Journey()
	if !p.visible || j == nil {
		return
	}
	if p.matrix.Checked {
		p.body.Objects = []fyne.CanvasObject{p.matrixView()}
		p.body.Refresh()
		return
	}
	rows := plan.Rows(j)
	key := plan.SortKeys[max(0, p.sortBy.SelectedIndex())]
	plan.Sort(rows, key, plan.NaturalDescending(key) != p.reverse.Checked)
	var items []fyne.CanvasObject
	for _, r := range rows {
		id := r.ID
		title := widget.NewButton(r.Title, func() { p.e.editOpportunity(id, nil) })
		title.Alignment = widget.ButtonAlignLeading
		detail := T("ui.plan_row", T("kind."+string(r.Kind)), r.Impact, r.Effort, T("plan.status."+string(r.Status)))
		if r.Owner != "" {
			detail += " · " + r.Owner
		}
		if r.QuickWin {
			detail += " · " + T("canvas.quick_win")
		}
		d := widget.NewLabel(detail)
		d.Wrapping = fyne.TextWrapWord
		del := widget.NewButton(T("ui.delete"), func() { p.e.deleteOpportunity(id) })
		items = append(items, container.NewBorder(nil, nil, nil, del, title), d)
		if len(r.Touchpoints) > 0 {
			l := widget.NewLabel("→ " + strings.Join(r.Touchpoints, ", "))
			l.Wrapping = fyne.TextWrapWord
			items = append(items, l)
		}
		items = append(items, widget.NewSeparator())
	}
	if len(items) == 0 {
		items = append(items, widget.NewLabel(T("ui.no_opportunities")))
	}
	p.body.Objects = items
	p.body.Refresh()
}

// matrixView places the opportunities on a 5×5 impact/effort grid, each
// quadrant tinted.
func (p *PlanPanel) matrixView() fyne.CanvasObject {
	j := p.e.Journey()
	cells := plan.Matrix(j)
	grid := container.NewGridWithColumns(6)
	light := lightTheme{newTheme()}
	for impact := 5; impact >= 1; impact-- {
		grid.Add(widget.NewLabelWithStyle(fmt.Sprint(impact), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
		for effort := 1; effort <= 5; effort++ {
			var titles []string
			for _, id := range cells[impact-1][effort-1] {
				if o := j.Opportunity(id); o != nil {
					titles = append(titles, o.Title)
				}
			}
			bg := fcanvas.NewRectangle(quadrantColor(plan.QuadrantOf(impact, effort)))
			l := widget.NewLabel(strings.Join(titles, "\n"))
			l.Wrapping = fyne.TextWrapWord
			l.SizeName = theme.SizeNameCaptionText
			grid.Add(container.NewThemeOverride(container.NewStack(bg, l), light))
		}
	}
	grid.Add(widget.NewLabel(""))
	for effort := 1; effort <= 5; effort++ {
		grid.Add(widget.NewLabelWithStyle(fmt.Sprint(effort), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	legend := container.NewVBox()
	for _, q := range []plan.Quadrant{plan.QuadrantOf(5, 1), plan.QuadrantOf(5, 5), plan.QuadrantOf(1, 1), plan.QuadrantOf(1, 5)} {
		l := widget.NewLabel(q.Name() + " — " + q.Advice())
		l.Wrapping = fyne.TextWrapWord
		legend.Add(container.NewBorder(nil, nil, swatch(quadrantColor(q)), nil, l))
	}
	axes := widget.NewLabel(T("ui.matrix_axes", msg.T("plan.matrix.impact"), msg.T("plan.matrix.effort")))
	return container.NewVBox(axes, grid, legend)
}

func swatch(c color.Color) fyne.CanvasObject {
	r := fcanvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(18, 18))
	return container.NewCenter(r)
}

// quadrantColor is the quadrant's tint, the one the printed action plan
// uses.
func quadrantColor(q plan.Quadrant) color.Color { return rgb(canvas.QuadrantTint(q)) }

// lightTheme is the theme's light variant whatever the user's: the
// matrix's opaque tints are light, and keep their text dark, as on paper.
type lightTheme struct{ fyne.Theme }

func (t lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

func (e *Editor) selectedIDs() []string {
	var ids []string
	for _, t := range e.selectedTouchpoints() {
		ids = append(ids, t.ID)
	}
	return ids
}

// askExportPlan writes the action plan to a CSV or XLSX file chosen by
// the user (by its extension; CSV when it has none).
func (e *Editor) askExportPlan() {
	j := e.Journey()
	if j == nil || e.store == nil {
		return
	}
	name := strings.TrimSuffix(filepath.Base(e.store.Path()), filepath.Ext(e.store.Path())) + "-plan.xlsx"
	e.askPath(name, "", func(path string) {
		if err := ExportPlan(path, e.Journey()); err != nil {
			e.showError(err)
			return
		}
		e.setStatus(T("ui.plan_exported", path))
	})
}

// ExportPlan writes the journey's action plan, sorted by priority, as
// XLSX or CSV after path's extension, whole or not at all.
func ExportPlan(path string, j *model.Journey) error {
	rows := plan.Rows(j)
	plan.Sort(rows, plan.ByPriority, false)
	write := plan.WriteCSV
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		write = xlsx.Write
	}
	return atomic.WriteFile(path, func(w io.Writer) error { return write(w, rows, msg.Language()) })
}
