package dialect

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestUnescape checks the word-at-a-time unescape against the appending
// one and against encoding/json on random strings dense in escapes, at
// every alignment and with dst's spare capacity just large enough.
func TestUnescape(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u0041`, `\u00e9`, `\u4e2d`, `\uD83D\uDE00`, `\ud83d\ude00`, `\ud800`, `\udc00`, `\ud800\u0041`, `\ud800\ud800`, `\ud83d`, `a`, `bc`, `hello world `, `中文`, "\xff", "\xc3", `0123456789abcdef`}
	for range 20000 {
		var raw []byte
		for n := r.IntN(30); n > 0; n-- {
			raw = append(raw, pieces[r.IntN(len(pieces))]...)
		}
		var s scanner
		quoted := append(append([]byte{'"'}, raw...), '"')
		s.reset(quoted)
		if _, _, _, err := s.str(); err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		want := unescapeAppend(nil, raw)
		pre := []byte("pre")[:r.IntN(4)]
		dst := make([]byte, len(pre), len(pre)+len(raw)+8+r.IntN(3))
		copy(dst, pre)
		got := unescape(dst, raw)
		if !bytes.Equal(got[:len(pre)], pre) || !bytes.Equal(got[len(pre):], want) {
			t.Fatalf("%q: unescape %q, unescapeAppend %q", raw, got[len(pre):], want)
		}
		if utf8.Valid(raw) {
			var ref string
			if err := json.Unmarshal(quoted, &ref); err != nil {
				t.Fatal(err)
			}
			if string(want) != ref {
				t.Fatalf("%q: %q, encoding/json %q", raw, want, ref)
			}
		}
	}
}
