// Command benchdocs writes the documents .ci/bench-process times the export
// of, into the folder given: big.parcours, the generated journey of 1000
// touchpoints over 6 stages and 8 lanes whose long titles are shortened on
// the poster (so that an appendix of some 110 A4 pages lists them in full),
// and fitting.parcours, the same with titles that fit their cards.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"parcours/model"
	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchdocs FOLDER")
		os.Exit(2)
	}
	for name, d := range map[string]*model.Document{
		"big.parcours":     modeltest.Generated(1000, 6, 8),
		"fitting.parcours": modeltest.GeneratedFitting(1000, 6, 8),
	} {
		path := filepath.Join(os.Args[1], name)
		_ = os.Remove(path)
		st, err := sqlite.Create(path, d)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdocs:", err)
			os.Exit(1)
		}
		st.Close()
	}
}
