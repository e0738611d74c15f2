package msg

import "sync"

type wording struct{ en, fr string }

// counted is a message that takes a count: its wordings for one thing and
// for several, in both languages. The count is argument arg of the message
// (0 for the first), an integer printed with %d. Which wording a count
// takes follows the language's CLDR plural rule: English says "1 touchpoint"
// and "0 touchpoints", French says « 0 point de contact » and « 1 point de
// contact » (one covers 0 and 1), « 2 points de contact ».
type counted struct {
	arg            int
	enOne, enOther string
	frOne, frOther string
}

// catalog holds every message. Each layer keeps its messages in its own
// catalog_*.go file and adds them here through lazily, so that the wording
// of one layer can change without touching the others. A counted message is
// in catalog with its "other" wordings and in plurals with all of them.
// Read them through loaded.
var (
	catalog = map[string]wording{}
	plurals = map[string]counted{}
)

// The catalogs are filled on first use, not at start: a thousand map
// entries cost a millisecond or more, which `parcours version` and every
// command that says nothing would pay for nothing (issue 12).
var (
	loaders []func()
	load    sync.Once
)

// lazily registers a function that fills the catalogs; it runs, with the
// others, the first time a message is looked up. (It returns a value so
// that a catalog file registers with a var declaration.)
func lazily(fill func()) bool {
	loaders = append(loaders, fill)
	return true
}

// loaded fills the catalogs if they are not yet, and returns them.
func loaded() (map[string]wording, map[string]counted) {
	load.Do(func() {
		for _, fill := range loaders {
			fill()
		}
	})
	return catalog, plurals
}

func add(m map[string]wording) {
	for k, v := range m {
		if _, dup := catalog[k]; dup {
			panic("msg: duplicate key " + k)
		}
		catalog[k] = v
	}
}

func addCounted(m map[string]counted) {
	for k, v := range m {
		add(map[string]wording{k: {v.enOther, v.frOther}})
		plurals[k] = v
	}
}
