package workbook

import "strconv"

// columnName is the letters of column n, from 1: A, Z, AA, XFD.
func columnName(n int) string {
	var b [4]byte
	i := len(b)
	for n > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}

// cellName is the reference of the cell at column col and row row, from 1.
func cellName(col, row int) string {
	return columnName(col) + strconv.Itoa(row)
}

// parseCell reads a cell reference such as B12 (letters in either case):
// its column and row from 1, ok false when it is not one or lies outside
// the sheet.
func parseCell(ref string) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		if col > maxColumns {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	for _, c := range []byte(ref[i:]) {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
		if row > maxRows {
			return 0, 0, false
		}
	}
	return col, row, row >= 1
}
