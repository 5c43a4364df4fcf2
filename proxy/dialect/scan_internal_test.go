package dialect

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestSpecial checks the SWAR test of str against a bytewise scan: some
// byte is flagged iff one is special, and the lowest flagged is the first.
func TestSpecial(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '\\', 'a', 0x7f, 0x80, 0xa0, 0xdc, 0xff}
	var w [8]byte
	for range 200000 {
		for i := range w {
			if r.IntN(3) == 0 {
				w[i] = byte(r.Uint32())
			} else {
				w[i] = alphabet[r.IntN(len(alphabet))]
			}
		}
		first := -1
		for i, c := range w {
			if c < 0x20 || c == '"' || c == '\\' {
				first = i
				break
			}
		}
		m := special(binary.LittleEndian.Uint64(w[:]))
		got := -1
		if m != 0 {
			got = bits.TrailingZeros64(m) >> 3
		}
		if got != first {
			t.Fatalf("%x: special says %d, want %d", w, got, first)
		}
	}
}
