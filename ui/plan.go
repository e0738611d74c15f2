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
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
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
	// One control a line: the panel is narrow (about 360 px) and its
	// French words are long; nothing here may be wider than the panel.
	p.box = container.NewBorder(container.NewVBox(
		widget.NewButton(T("ui.add_opportunity"), func() { e.editOpportunity("", e.selectedIDs()) }),
		widget.NewButton(T("ui.export_plan"), e.askExportPlan),
		container.NewBorder(nil, nil, widget.NewLabel(T("ui.sort_by")), nil, p.sortBy),
		p.reverse, p.matrix,
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
		title := newTapLabel(r.Title, func() { p.e.editOpportunity(id, nil) })
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
// quadrant tinted, as the printed action plan does: a numbered disc for each
// opportunity in its cell, numbered by priority, and under the grid the
// numbered titles, wrapped at word boundaries. Titles in the cells would
// not fit a side panel: a fifth of it is narrower than many a French word.
func (p *PlanPanel) matrixView() fyne.CanvasObject {
	j := p.e.Journey()
	rows := plan.Rows(j)
	plan.Sort(rows, plan.ByPriority, false)
	numbers := plan.Numbers(rows)
	disc := func(id string) fyne.CanvasObject {
		return newOppDisc(numbers[id], func() { p.e.editOpportunity(id, nil) })
	}
	cells := plan.Matrix(j)
	grid := container.New(matrixLayout{})
	light := lightTheme{newTheme()}
	level := func(n int) fyne.CanvasObject {
		return widget.NewLabelWithStyle(fmt.Sprint(n), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	for impact := 5; impact >= 1; impact-- {
		grid.Add(level(impact))
		for effort := 1; effort <= 5; effort++ {
			var discs []fyne.CanvasObject
			for _, id := range cells[impact-1][effort-1] {
				if _, ok := numbers[id]; ok {
					discs = append(discs, disc(id))
				}
			}
			bg := fcanvas.NewRectangle(quadrantColor(plan.QuadrantOf(impact, effort)))
			in := container.New(layout.NewGridWrapLayout(fyne.NewSquareSize(discSize)), discs...)
			grid.Add(container.NewThemeOverride(container.NewStack(bg, container.NewPadded(in)), light))
		}
	}
	grid.Add(widget.NewLabel(""))
	for effort := 1; effort <= 5; effort++ {
		grid.Add(level(effort))
	}
	key := container.NewVBox()
	for i, r := range rows {
		if numbers[r.ID] != i+1 {
			continue // listed twice
		}
		l := newTapLabel(r.Title, func() { p.e.editOpportunity(r.ID, nil) })
		key.Add(container.NewBorder(nil, nil, container.NewCenter(disc(r.ID)), nil, l))
	}
	legend := container.NewVBox()
	for _, q := range []plan.Quadrant{plan.QuadrantOf(5, 1), plan.QuadrantOf(5, 5), plan.QuadrantOf(1, 1), plan.QuadrantOf(1, 5)} {
		l := widget.NewLabel(q.Name() + " — " + q.Advice())
		l.Wrapping = fyne.TextWrapWord
		legend.Add(container.NewBorder(nil, nil, swatch(quadrantColor(q)), nil, l))
	}
	axes := widget.NewLabel(T("ui.matrix_axes", msg.T("plan.matrix.impact"), msg.T("plan.matrix.effort")))
	axes.Wrapping = fyne.TextWrapWord
	return container.NewVBox(axes, grid, key, widget.NewSeparator(), legend)
}

// discSize is the side of an opportunity's disc on the matrix, px.
const discSize = 24

// matrixLayout lays out the matrix's grid: six objects a line, the impact
// level then five cells, and a last line of effort levels. The level column
// is as narrow as its numbers; the cells share the rest of the width, as
// square as the width allows, and tall enough for their discs. Its least
// width is a disc a cell, so that the matrix shrinks with the panel.
type matrixLayout struct{}

func (matrixLayout) geometry(objects []fyne.CanvasObject, width float32) (axis, cell float32, heights []float32) {
	gap := theme.Padding()
	for i := 0; i < len(objects); i += 6 {
		axis = max(axis, objects[i].MinSize().Width)
	}
	cell = max(discSize+2*gap, (width-axis-5*gap)/5)
	for i := 0; i < len(objects); i += 6 {
		// Cells are as tall as two lines of discs, whatever the width, so
		// that MinSize (which cannot know the width) is what Layout uses.
		h := float32(0)
		if last := i+6 >= len(objects); !last {
			h = 2*discSize + 3*gap
		}
		for _, o := range objects[i:min(i+6, len(objects))] {
			h = max(h, o.MinSize().Height)
		}
		heights = append(heights, h)
	}
	return axis, cell, heights
}

func (l matrixLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	axis, cell, heights := l.geometry(objects, size.Width)
	y := float32(0)
	for i, o := range objects {
		row, col := i/6, i%6
		if col == 0 && row > 0 {
			y += heights[row-1] + gap
		}
		x, w := float32(0), axis
		if col > 0 {
			x, w = axis+gap+float32(col-1)*(cell+gap), cell
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, heights[row]))
	}
}

func (l matrixLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	gap := theme.Padding()
	axis, _, heights := l.geometry(objects, 0)
	h := float32(0)
	for _, x := range heights {
		h += x
	}
	return fyne.NewSize(axis+5*(discSize+3*gap), h+gap*float32(max(0, len(heights)-1)))
}

// oppDisc is an opportunity's number in a dark disc, as on the printed
// matrix; a click opens the opportunity.
type oppDisc struct {
	widget.BaseWidget
	n     int
	onTap func()
}

func newOppDisc(n int, onTap func()) *oppDisc {
	d := &oppDisc{n: n, onTap: onTap}
	d.ExtendBaseWidget(d)
	return d
}

func (d *oppDisc) CreateRenderer() fyne.WidgetRenderer {
	size := fcanvas.NewRectangle(color.Transparent)
	size.SetMinSize(fyne.NewSquareSize(discSize))
	t := fcanvas.NewText(fmt.Sprint(d.n), rgb(canvas.HeaderInk))
	t.TextStyle.Bold = true
	t.TextSize = theme.CaptionTextSize()
	return widget.NewSimpleRenderer(container.NewStack(size, fcanvas.NewCircle(rgb(canvas.HeaderBG)), container.NewCenter(t)))
}

func (d *oppDisc) Tapped(*fyne.PointEvent) {
	if d.onTap != nil {
		d.onTap()
	}
}

// Cursor shows the disc can be clicked.
func (d *oppDisc) Cursor() desktop.Cursor { return desktop.PointerCursor }

// tapLabel is a text that wraps at word boundaries and opens something
// when clicked: an opportunity's title, however long, in a narrow panel
// (a button would not wrap, and would widen the panel).
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel(text string, onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.TextStyle.Bold = true
	l.ExtendBaseWidget(l)
	return l
}

func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// Cursor shows the text can be clicked.
func (l *tapLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }

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
