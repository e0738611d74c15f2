package msg

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
// catalog_*.go file and adds them here in init, so that the wording of one
// layer can change without touching the others. A counted message is in
// catalog with its "other" wordings and in plurals with all of them.
var (
	catalog = map[string]wording{}
	plurals = map[string]counted{}
)

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
