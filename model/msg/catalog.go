package msg

type wording struct{ en, fr string }

// catalog holds every message. Each layer keeps its messages in its own
// catalog_*.go file and adds them here in init, so that the wording of one
// layer can change without touching the others.
var catalog = map[string]wording{}

func add(m map[string]wording) {
	for k, v := range m {
		if _, dup := catalog[k]; dup {
			panic("msg: duplicate key " + k)
		}
		catalog[k] = v
	}
}
