package poster

// Posters as SVG documents: the same poster page as the PDF painted by the
// same painter on canvas/svg's surface.

import (
	"errors"
	"fmt"
	"io"

	"parcours/canvas"
	"parcours/canvas/svg"
	"parcours/model/msg"
)

// Write paints one poster page of scene as an SVG document: the page of
// opts.Paper (width/height in mm, viewBox in mm), exactly as the PDF page.
// Tiling and the appendix belong to paper and are left out, as in a PNG.
// The document is made in memory and written at once: a failure leaves
// nothing half-written behind by this function, and the writer's error
// comes back wrapped with what was being done.
func WriteSVG(w io.Writer, scene *canvas.Scene, opts Options) error {
	if opts.Paper.W == 0 && opts.Paper.H == 0 {
		opts.Paper = A0Landscape
	}
	opts.Tile, opts.Journeys = nil, nil
	if err := opts.Check(); err != nil {
		return err
	}
	if scene == nil {
		return errors.New(msg.T("pdf.no_scene"))
	}
	s := svg.NewSurface()
	s.Begin(opts.Paper.W, opts.Paper.H, scene.Title)
	if err := Paint(s, scene, opts); err != nil {
		return fmt.Errorf("%s: %w", msg.T("svg.failed"), err)
	}
	if err := s.Err(); err != nil {
		return fmt.Errorf("%s: %w", msg.T("svg.failed"), err)
	}
	s.End()
	if _, err := s.WriteTo(w); err != nil {
		return fmt.Errorf("%s: %w", msg.T("svg.write"), err)
	}
	return nil
}
