// Package poster owns one export of journey posters: which journeys, in
// which view, on which paper, as a PDF or as PNG pictures. The command
// line and the window both describe an export as a Job and let it paint,
// so that both print the same thing.
package poster

import (
	"io"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/canvas/raster"
	"parcours/model"
)

// Job is an export: the journeys of a document to print, the view, the
// poster options (paper, tiling, branding) and, for pictures, the DPI.
type Job struct {
	Doc      *model.Document
	Journeys []*model.Journey
	View     canvas.View
	Options  pdf.Options
	DPI      int // PNG only; 0 means raster.DefaultDPI
}

// Scenes lays out each journey once.
func (j Job) Scenes() []*canvas.Scene {
	scenes := make([]*canvas.Scene, 0, len(j.Journeys))
	for _, jr := range j.Journeys {
		scenes = append(scenes, canvas.LayoutWith(j.Doc, jr, canvas.Options{View: j.View}))
	}
	return scenes
}

func (j Job) options() pdf.Options {
	o := j.Options
	o.Journeys = j.Journeys
	if o.Date.IsZero() {
		o.Date = j.Doc.Modified
	}
	return o
}

func (j Job) dpi() int {
	if j.DPI == 0 {
		return raster.DefaultDPI
	}
	return j.DPI
}

// WritePDF writes one page (or one tiled set of sheets) per journey, then
// the appendix when texts were shortened.
func (j Job) WritePDF(w io.Writer, scenes []*canvas.Scene) error {
	return pdf.Write(w, scenes, j.options())
}

// WritePNG writes the picture of scene.
func (j Job) WritePNG(w io.Writer, scene *canvas.Scene) error {
	return raster.WritePNG(w, scene, j.options(), j.dpi())
}
