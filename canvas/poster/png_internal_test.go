package poster

import (
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// The encoder chains the checksums of its chunks: the same as the
// checksum of the whole, wherever the cuts fall, sums near the modulus
// and lengths of several times it included.
func TestAdlerCombine(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 300_000)
	for i := range data {
		data[i] = byte(r.IntN(256))
	}
	ones := make([]byte, 200_000)
	for i := range ones {
		ones[i] = 0xFF
	}
	for _, d := range [][]byte{data, ones, data[:10]} {
		for _, cut := range []int{0, 1, 5, 65520, 65521, 65522, 131042, len(d) / 2, len(d) - 1, len(d)} {
			if cut > len(d) {
				continue
			}
			a, b := d[:cut], d[cut:]
			got := adlerCombine(adler32.Checksum(a), adler32.Checksum(b), len(b))
			if want := adler32.Checksum(d); got != want {
				t.Errorf("%d bytes cut at %d: %08x, want %08x", len(d), cut, got, want)
			}
		}
	}
}
