// Package svg writes journey-map posters as SVG documents: the same poster
// page as the PDF — title block, legend, persona card, map, footer — drawn
// by the same painter (canvas/pdf.Paint) onto a surface that writes SVG
// elements instead of PDF operators. Sizes are page millimetres, as in the
// PDF: the document is as wide and high as the paper, and its viewBox is
// the paper in millimetres, so one user unit is one millimetre.
//
// Texts are real <text> elements, which a browser lets people select and
// search. The fonts are named, not embedded: see fontFamily.
package svg

import (
	"errors"
	"fmt"
	"io"

	"parcours/canvas"
	"parcours/canvas/pdf"
	"parcours/model/msg"
)

// Write paints one poster page of scene as an SVG document: the page of
// opts.Paper (width/height in mm, viewBox in mm), exactly as the PDF page.
// Tiling and the appendix belong to paper and are left out, as in a PNG.
// The document is made in memory and written at once: a failure leaves
// nothing half-written behind by this function, and the writer's error
// comes back wrapped with what was being done.
func Write(w io.Writer, scene *canvas.Scene, opts pdf.Options) error {
	if opts.Paper.W == 0 && opts.Paper.H == 0 {
		opts.Paper = pdf.A0Landscape
	}
	opts.Tile, opts.Journeys = nil, nil
	if err := opts.Check(); err != nil {
		return err
	}
	if scene == nil {
		return errors.New(msg.T("pdf.no_scene"))
	}
	s := newSurface()
	s.begin(opts.Paper, scene.Title)
	if err := pdf.Paint(s, scene, opts); err != nil {
		return fmt.Errorf("%s: %w", msg.T("svg.failed"), err)
	}
	if s.err != nil {
		return fmt.Errorf("%s: %w", msg.T("svg.failed"), s.err)
	}
	s.end()
	if _, err := w.Write(s.out); err != nil {
		return fmt.Errorf("%s: %w", msg.T("svg.write"), err)
	}
	return nil
}
