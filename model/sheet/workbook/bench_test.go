package workbook

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// BenchmarkRead10000 reads a sheet of 10 000 rows of ten columns (a
// touchpoint table: texts repeated down a column, texts of their own,
// numbers, empty cells), as excelize writes it.
func BenchmarkRead10000(b *testing.B) {
	f := excelize.NewFile()
	for i := 1; i <= 10000; i++ {
		row := []any{fmt.Sprintf("Étape %d", i%8), fmt.Sprintf("Couloir %d", i%5), fmt.Sprintf("Point de contact n° %d « créneaux »", i),
			"Site web", i%5 - 2, "Irritant, Moment de vérité", fmt.Sprintf("Une description de %d mots qui revient rarement", i), float64(i%100) / 10, nil,
			"Verbatim : « trop cher »"}
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i), &row); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	f.Close()
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		sheets, err := Read(bytes.NewReader(data))
		if err != nil || len(sheets[0].Rows) != 10000 {
			b.Fatal(len(sheets), err)
		}
	}
}
