package poster

import "testing"

func TestSafeKeepsFpdfInTheBasicPlane(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"Été « œuvre » ✓ 漢字":   "Été « œuvre » ✓ 漢字",
		"Page de suivi 📦":      "Page de suivi [U+1F4E6]",
		"𝔘\U00020000":          "[U+1D518][U+20000]",
		"bad \xff\xfe end":     "bad [U+FFFD][U+FFFD] end",
		"cut \xf0\x9f":         "cut [U+FFFD][U+FFFD]",
		"kept \uFFFD":          "kept \uFFFD",
		"max BMP \uFFFC\uFFFD": "max BMP \uFFFC\uFFFD",
	} {
		if got := safe(in); got != want {
			t.Errorf("safe(%q) = %q, want %q", in, got, want)
		}
	}
}
