package dialect

import (
	"strings"
	"testing"
)

// BenchmarkUnescape measures unescaping 64 KB of prose with a few escaped
// quotes and of code whose every line holds escapes (see BenchmarkStr).
func BenchmarkUnescape(b *testing.B) {
	var prose, code strings.Builder
	for prose.Len() < 64<<10 {
		prose.WriteString(`The quick brown fox jumps over the \"lazy\" dog, again and again, until the end of the day. `)
	}
	for code.Len() < 64<<10 {
		code.WriteString(`\t\tif err := s.open(\"x\"); err != nil { return err } \n `)
	}
	for _, c := range []struct{ name, raw string }{{"prose", prose.String()}, {"code", code.String()}} {
		raw := []byte(c.raw)
		b.Run(c.name, func(b *testing.B) {
			dst := make([]byte, 0, len(raw)+64) // as the parser sizes its scratch
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				dst = unescape(dst[:0], raw)
			}
		})
	}
}
