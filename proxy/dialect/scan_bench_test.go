package dialect

import (
	"strings"
	"testing"
)

// BenchmarkStr measures the string scan on 64 KB of prose without escapes
// and on 64 KB of code whose every line ends in an escaped newline and
// holds escaped quotes (a tool result in an agent's history).
func BenchmarkStr(b *testing.B) {
	prose := strings.Repeat("The quick brown fox jumps over the lazy dog, again and again. ", 1100)[:64<<10]
	var code strings.Builder
	for code.Len() < 64<<10 {
		code.WriteString(`    if err := s.open(\"x\"); err != nil { return err }\n`)
	}
	for _, c := range []struct{ name, body string }{{"prose", prose}, {"code", code.String()[:64<<10-2]}} {
		doc := []byte(`"` + c.body + `"`)
		b.Run(c.name, func(b *testing.B) {
			var s scanner
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				s.reset(doc)
				if _, _, _, err := s.str(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
