package poster

import (
	"fmt"
	"math"
	"strings"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/msg"
)

// MinTitleSize is the smallest size, in points, at which a poster prints
// its card titles without saying so: a workshop poster is read from a step
// away, and under this size its titles are unreadable.
const MinTitleSize = 6.0

// parts shares the map of s out over n posters (Job.Split): the stages in
// n runs of neighbours, as even in width as can be, never split; each
// part titled with its number.
func parts(s *canvas.Scene, n int) []*canvas.Scene {
	runs, _ := s.Runs(n)
	if len(runs) <= 1 {
		return []*canvas.Scene{s}
	}
	out := make([]*canvas.Scene, len(runs))
	for i, r := range runs {
		out[i] = s.Part(r[0], r[1])
		out[i].Title = msg.T("print.split.title", s.Title, i+1, len(runs))
	}
	return out
}

// TitleSize is the size, in points, at which the poster of scene prints
// its card titles with the job's options (+Inf for a map without cards).
func (j Job) TitleSize(scene *canvas.Scene) float64 {
	return titleSize(scene, j.options())
}

func titleSize(s *canvas.Scene, o Options) float64 {
	if s == nil || len(s.Cards) == 0 {
		return math.Inf(1)
	}
	return s.Cards[0].Title.Size * Bands(s, o)[0].K
}

// partTitleSize is titleSize of the part of s of stages r (see parts),
// without copying its cards: the map's place on the poster does not
// depend on them, and the copies of a hundred thousand cards, for each
// number of posters tried, were most of an export's memory and a third of
// its time.
func partTitleSize(s *canvas.Scene, r [2]int, o Options) float64 {
	if len(s.Columns) == 0 || (r[0] <= 0 && r[1] >= len(s.Columns)) {
		return titleSize(s, o) // one part: the map itself (see parts)
	}
	for i := range s.Cards {
		if c := &s.Cards[i]; c.Column >= r[0] && c.Column < r[1] {
			frame := *s
			frame.Cards, frame.Curve.Points = nil, nil
			return c.Title.Size * Bands(frame.Part(r[0], r[1]), o)[0].K
		}
	}
	return math.Inf(1) // a part without cards
}

// SmallTitles says that a poster would print its card titles under
// MinTitleSize, and what would make them readable.
type SmallTitles struct {
	Journey string  // the journey's title
	Size    float64 // pt, the card titles as printed
	// Split is the fewest posters (Job.Split, --split) that would print
	// them at MinTitleSize or more; 0 when even one stage a poster would
	// not.
	Split int
	// Paper is a paper that would, printed whole or tiled on office
	// sheets; its Name is empty when none up to MaxPaperSide would.
	Paper Paper
}

// Error is the warning, on one line, in the user's language, naming the
// command line's options.
func (e *SmallTitles) Error() string { return e.text("") }

// InWindow is the warning naming the export dialog's choices instead.
func (e *SmallTitles) InWindow() string { return e.text("_ui") }

func (e *SmallTitles) text(where string) string {
	var fixes []string
	if e.Split > 1 {
		fixes = append(fixes, msg.T("print.small.split"+where, e.Split))
	}
	if e.Paper.Name != "" {
		fixes = append(fixes, msg.T("print.small.paper"+where, e.Paper.Name))
	}
	// Rounded down: a size just under the least never reads as the least.
	size := fmt.Sprintf("%.1f", math.Floor(e.Size*10)/10)
	if msg.Language() == msg.French {
		size = strings.ReplaceAll(size, ".", ",")
	}
	head := msg.T("print.small.head", e.Journey, size, MinTitleSize)
	if len(fixes) == 0 {
		return head + msg.T("print.small.none"+where)
	}
	return head + strings.Join(fixes, msg.T("print.small.or"))
}

// Readability checks the posters of scenes (as Scenes made them): a
// *SmallTitles for the first whose card titles would print under
// MinTitleSize, naming what would fix it; nil when every poster can be
// read. The export goes on either way: this is a warning, for the command
// line to print on stderr and the window to show.
func (j Job) Readability(scenes []*canvas.Scene) error {
	o := j.options()
	for _, s := range scenes {
		size := titleSize(s, o)
		if size >= MinTitleSize {
			continue
		}
		full := s
		if jr := j.journey(s.JourneyID); jr != nil && len(s.Columns) < len(jr.Stages) {
			full = j.Scene(jr) // a part of a split map: the whole map splits again
		}
		w := &SmallTitles{Journey: strings.TrimSpace(full.Title), Size: size}
		for n := 2; n <= len(full.Columns); n++ {
			ok := true
			runs, _ := full.Runs(n)
			for _, r := range runs {
				if partTitleSize(full, r, o) < MinTitleSize {
					ok = false
					break
				}
			}
			if ok {
				w.Split = n
				break
			}
		}
		w.Paper = largerPaper(s, o, size)
		return w
	}
	return nil
}

// journey is the printed journey of id, nil if none.
func (j Job) journey(id string) *model.Journey {
	for _, jr := range j.Journeys {
		if jr != nil && jr.ID == id {
			return jr
		}
	}
	return nil
}

// largerPaper is the smallest paper of the poster's proportions, in
// whole centimetres, that prints the card titles of s at MinTitleSize or
// more; none (no Name) past MaxPaperSide.
func largerPaper(s *canvas.Scene, o Options, size float64) Paper {
	base := o.Paper
	if base.W == 0 {
		base = A0Landscape
	}
	f := MinTitleSize / size
	for range 40 {
		w, h := math.Ceil(base.W*f/10)*10, math.Ceil(base.H*f/10)*10
		if w > MaxPaperSide || h > MaxPaperSide {
			break
		}
		p := Paper{Name: fmt.Sprintf("%gx%gmm", w, h), W: w, H: h}
		q := o
		q.Paper = p
		if titleSize(s, q) >= MinTitleSize {
			return p
		}
		f *= 1.05
	}
	return Paper{}
}
