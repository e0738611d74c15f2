package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"parcours/canvas"
)

// minReadablePixels is the smallest size (pixels) at which a card's title
// is read without effort on screen: the opening zoom keeps titles at
// least this large.
const minReadablePixels = 9.0

// OpeningZoom is the zoom a journey opens at in a view width pixels wide:
// the whole width of the journey when its card titles stay readable there
// (never above 100 %), otherwise 100 %, from the first stage.
func OpeningZoom(s *canvas.Scene, width float32) float64 {
	if s == nil || s.Width <= 0 || width <= 0 {
		return DefaultZoom
	}
	// A little room, as with Fit, so that the scroll bar covers nothing.
	fit := min(DefaultZoom, 0.97*float64(width)/s.Width)
	if titleSize(s)*canvas.PtToMM*fit >= minReadablePixels {
		return fit
	}
	return DefaultZoom
}

// titleSize is the size (pt) of most card titles of s: the median, since
// the odd title with a word too long for its card is set a little
// smaller and should not keep the whole journey out of sight. An empty
// journey opens whole.
func titleSize(s *canvas.Scene) float64 {
	var sizes []float64
	for i := range s.Cards {
		if t := s.Cards[i].Title; len(t.Lines) > 0 {
			sizes = append(sizes, t.Size)
		}
	}
	if len(sizes) == 0 {
		return minReadablePixels / (canvas.PtToMM * MinZoom)
	}
	slices.Sort(sizes)
	return sizes[len(sizes)/2]
}

// ZoomToOpen sets the opening zoom and scrolls to the start of the
// journey, as soon as the view knows its size (a window opened with a
// document is not laid out yet).
func (v *MapView) ZoomToOpen() {
	v.opening = true
	v.applyOpening()
}

func (v *MapView) applyOpening() {
	if !v.opening || v.scene == nil || v.size.Width <= 0 {
		return
	}
	v.opening = false
	z := OpeningZoom(v.scene, v.size.Width)
	// Anchored at the map's top-left corner: the scroll goes back there.
	v.anchor = &zoomAnchor{at: v.offset}
	defer func() { v.anchor = nil }()
	if z != v.zoom {
		v.SetZoom(z)
	} else if v.OnZoom != nil {
		v.OnZoom()
	}
}

// sizeReporter is a layout that gives its one object all its room and
// says when that room changes: the map view must know how much of it is
// in sight, which a scroll container does not tell on a resize.
type sizeReporter struct {
	onResize func(fyne.Size)
	last     fyne.Size
}

// watchSize wraps o in a container that calls onResize with its new size.
func watchSize(o fyne.CanvasObject, onResize func(fyne.Size)) *fyne.Container {
	return container.New(&sizeReporter{onResize: onResize}, o)
}

func (l *sizeReporter) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size != l.last {
		l.last = size
		l.onResize(size)
	}
}

func (l *sizeReporter) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}
