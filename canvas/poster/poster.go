// Package poster owns the printed page, whatever the medium: paper sizes
// and their parsing, the poster options, the page composition — title
// block, legend, persona card, map painting, footer —, tiling on office
// paper with its assembly guide, the appendix, the action plan and
// comparison pages, all painted on a backend-neutral Surface; and Job, one
// export of journey posters: which journeys, in which view, with which
// parts, on which paper, as a PDF, as PNG pictures or as SVG drawings. The
// command line and the window both describe an export as a Job and let it
// paint, so that both print the same thing.
//
// The backends — canvas/pdf, canvas/svg, canvas/raster — implement Surface
// in canvas's types; this package drives them, none of them imports
// another, and only canvas/pdf knows the PDF library.
package poster

import (
	"errors"
	"io"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/compare"
	"parcours/model/msg"
)

// Job is an export: the journeys of a document to print, how their maps
// are laid out (view, quotes, opportunities), the poster options (paper,
// tiling, branding, persona card, action plan pages) and, for pictures,
// the DPI.
type Job struct {
	Doc      *model.Document
	Journeys []*model.Journey
	Layout   canvas.Options
	Options  Options
	// Compare adds, after the posters, a page comparing each journey with
	// its counterpart (a target with its source, a current journey with
	// its first target), each pair once. PDF only.
	Compare bool
	DPI     int // PNG only; 0 means DefaultDPI
	// Split prints each journey's map on that many posters (PDF only),
	// its stages shared out among them, never split (see Readability);
	// 0 or 1 prints one poster a journey.
	Split int
}

// Scene lays out journey jr as the job prints it.
func (j Job) Scene(jr *model.Journey) *canvas.Scene { return canvas.LayoutWith(j.Doc, jr, j.Layout) }

// Scenes lays out each journey once: the maps of the posters, in order,
// several for a journey when the job splits it.
func (j Job) Scenes() []*canvas.Scene {
	scenes := make([]*canvas.Scene, 0, len(j.Journeys))
	for _, jr := range j.Journeys {
		s := j.Scene(jr)
		if j.Split > 1 {
			scenes = append(scenes, parts(s, j.Split)...)
			continue
		}
		scenes = append(scenes, s)
	}
	return scenes
}

// Pair is a current journey and a target journey to compare.
type Pair struct{ Current, Target *model.Journey }

// Pairs pairs the printed journeys with their counterparts, each pair
// once, in the order of the journeys; it is an error when none has one.
// It compares nothing: a command line or a dialog checks with it, cheaply.
func (j Job) Pairs() ([]Pair, error) {
	seen := map[Pair]bool{}
	var out []Pair
	for _, jr := range j.Journeys {
		cur, tgt := compare.Counterpart(j.Doc, jr)
		if cur == nil || seen[Pair{cur, tgt}] {
			continue
		}
		seen[Pair{cur, tgt}] = true
		out = append(out, Pair{cur, tgt})
	}
	if len(out) == 0 {
		return nil, errors.New(msg.T("print.compare.none"))
	}
	return out, nil
}

func (j Job) options() Options {
	o := j.Options
	o.Journeys = j.Journeys
	if o.Date.IsZero() {
		o.Date = j.Doc.Modified
	}
	return o
}

func (j Job) dpi() int {
	if j.DPI == 0 {
		return DefaultDPI
	}
	return j.DPI
}

// WritePDF writes one page (or one tiled set of sheets) per journey, the
// action plan and comparison pages when asked for, then the appendix when
// texts were shortened.
func (j Job) WritePDF(w io.Writer, scenes []*canvas.Scene) error {
	o := j.options()
	if len(scenes) != len(j.Journeys) {
		// A split map: the journey of each poster.
		o.Journeys = make([]*model.Journey, len(scenes))
		for i, s := range scenes {
			o.Journeys[i] = j.journey(s.JourneyID)
		}
	}
	if j.Compare {
		pairs, err := j.Pairs()
		if err != nil {
			return err
		}
		for _, p := range pairs {
			o.Comparisons = append(o.Comparisons, compare.Compare(p.Current, p.Target))
		}
	}
	return WritePDF(w, scenes, o)
}

// WriteSVG writes the drawing of scene, the poster page as in the PDF.
func (j Job) WriteSVG(w io.Writer, scene *canvas.Scene) error {
	return WriteSVG(w, scene, j.options())
}

// WritePNG writes the picture of scene.
func (j Job) WritePNG(w io.Writer, scene *canvas.Scene) error {
	return WritePNG(w, scene, j.options(), j.dpi())
}
