package model_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"parcours/model"
)

// FuzzReadJSON imports arbitrary bytes: never a panic; a refusal is
// ErrInvalid in plain words; what is accepted is valid, and its export
// imports again to the same export.
func FuzzReadJSON(f *testing.F) {
	ref, err := os.ReadFile("../testdata/livraison.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(ref)
	for _, s := range []string{
		"\uFEFF" + string(ref),
		`{"format":"parcours/v1","title":"a","title":"b","language":"fr","personas":[],"journeys":[]}`,
		`{"format":"parcours/v1","title":"\xff","language":"fr","personas":[],"journeys":[]}`,
		strings.Repeat("[", 100000),
		`{"format":"parcours/v1","title":"x","language":"en","personas":[{"id":"p","name":"","job":"","age":"","hobbies":"","ambitions":"","frustrations":"","channels":[],"quote":"","avatar":"R0lGODlh"}],"journeys":[]}`,
		`{"format":"parcours/v1","title":"x","language":"en","personas":[],"journeys":[{"id":"j","title":"","persona":"","objective":"","state":"current","target_score":1e999,"stages":[],"lanes":[],"touchpoints":[],"opportunities":[],"origin":"j"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := model.ReadJSON(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			if !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("%v is not ErrInvalid", err)
			}
			return
		}
		if err := model.Validate(d); err != nil {
			t.Fatalf("accepted an invalid document: %v", err)
		}
		var first, second bytes.Buffer
		if err := model.WriteJSON(&first, d); err != nil {
			t.Fatal(err)
		}
		d2, err := model.ReadJSON(bytes.NewReader(first.Bytes()), "export.json")
		if err != nil {
			t.Fatalf("its export does not import: %v", err)
		}
		if err := model.WriteJSON(&second, d2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatal("export of the import of the export differs")
		}
	})
}
