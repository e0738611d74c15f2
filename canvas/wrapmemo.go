package canvas

import (
	"slices"
	"sync"
)

// Laying a map out again after an edit wraps every card's title again,
// though nearly all of them are what they were: on a map of 20 000 cards
// that was most of the work of a drop. Wrap remembers its answers.

type wrapKey struct {
	f                   *Font
	s                   string
	size, width, indent float64
	maxLines            int
}

type wrapped struct {
	lines []string
	cut   bool
}

// wrapMemoSize bounds the memo: the texts of a few very large maps. Past
// it the memo starts again empty.
const wrapMemoSize = 1 << 16

var wrapMemo struct {
	sync.RWMutex
	m map[wrapKey]wrapped
}

// Wrap breaks s into lines no wider than width mm at size points, breaking
// at spaces and, for words longer than a line, between characters. When
// more than maxLines lines would be needed, the last line ends with an
// ellipsis and cut is true. s must already be Printable. The lines are the
// caller's to change.
func (f *Font) Wrap(s string, size, width float64, maxLines int) (lines []string, cut bool) {
	return f.WrapIndent(s, size, width, 0, maxLines)
}

// WrapIndent is Wrap with the first line indent mm narrower, to leave
// room at its left (for a card's number).
func (f *Font) WrapIndent(s string, size, width, indent float64, maxLines int) (lines []string, cut bool) {
	k := wrapKey{f, s, size, width, indent, maxLines}
	wrapMemo.RLock()
	w, ok := wrapMemo.m[k]
	wrapMemo.RUnlock()
	if !ok {
		w.lines, w.cut = f.wrap(s, size, width, indent, maxLines)
		wrapMemo.Lock()
		if wrapMemo.m == nil || len(wrapMemo.m) >= wrapMemoSize {
			wrapMemo.m = make(map[wrapKey]wrapped)
		}
		wrapMemo.m[k] = w
		wrapMemo.Unlock()
	}
	return slices.Clone(w.lines), w.cut
}
