package canvas_test

import (
	"math"
	"reflect"
	"testing"

	"parcours/canvas"
	"parcours/model"
)

func TestEveryChannelHasItsOwnIcon(t *testing.T) {
	seen := map[model.Channel]model.Channel{}
	for _, c := range model.Channels {
		icon := canvas.ChannelIcon(c)
		if len(icon) == 0 {
			t.Errorf("%s: no icon", c)
			continue
		}
		for other := range seen {
			if reflect.DeepEqual(icon, canvas.ChannelIcon(other)) {
				t.Errorf("%s and %s have the same icon", c, other)
			}
		}
		seen[c] = c
	}
	if !reflect.DeepEqual(canvas.ChannelIcon("telepathy"), canvas.ChannelIcon(model.ChannelOther)) {
		t.Error("an unknown channel does not get the icon of other")
	}
}

// TestIconShapesAreWellFormedInsideTheBox checks every shape, with the
// width of its line, lies inside the unit box.
func TestIconShapesAreWellFormedInsideTheBox(t *testing.T) {
	const half = canvas.IconStroke / 2
	inside := func(v, reach float64) bool {
		return !math.IsNaN(v) && v-reach >= -1e-9 && v+reach <= 1+1e-9
	}
	for _, c := range model.Channels {
		for i, s := range canvas.ChannelIcon(c) {
			where := func(format string, args ...any) {
				t.Helper()
				t.Errorf("%s shape %d (kind %d): "+format, append([]any{c, i, s.Kind}, args...)...)
			}
			reach := half
			switch s.Kind {
			case canvas.IconCircle:
				if len(s.Points) != 1 || !(s.R > 0) {
					where("a circle needs one centre and a radius, has %d points, R %g", len(s.Points), s.R)
					continue
				}
				reach += s.R
			case canvas.IconRoundRect:
				if len(s.Points) != 2 {
					where("a rounded rectangle needs two corners, has %d", len(s.Points))
					continue
				}
				a, b := s.Points[0], s.Points[1]
				if !(a.X < b.X && a.Y < b.Y) || s.R < 0 || 2*s.R > min(b.X-a.X, b.Y-a.Y) {
					where("corners %v %v, radius %g", a, b, s.R)
				}
			case canvas.IconPolyline:
				if len(s.Points) < 2 {
					where("a line needs two points, has %d", len(s.Points))
				}
				if s.Fill {
					where("an open line cannot be filled")
				}
			case canvas.IconPolygon:
				if len(s.Points) < 3 {
					where("a polygon needs three points, has %d", len(s.Points))
				}
			default:
				where("unknown kind")
			}
			for _, p := range s.Points {
				if !inside(p.X, reach) || !inside(p.Y, reach) {
					where("%v (reaching %.3f) leaves the unit box", p, reach)
				}
			}
		}
	}
}
