package proxy_test

import (
	"io"
	"net/netip"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

func benchRecord() proxy.Record {
	return proxy.Record{
		TS:        time.Date(2026, 4, 22, 10, 0, 0, 123e6, time.UTC),
		RequestID: "q7b2k9x1-00000000000004d2",
		Account:   0x1234abcd5678ef90,
		IP:        netip.MustParseAddr("203.0.113.7"),
		Cluster:   0x0fedcba987654321,
		Score:     0.125,
		Action:    limiter.ActionAllow,
		Dialect:   fingerprint.DialectOpenAI,
		Model:     "gpt-4o-mini",
		Tokens:    612,
	}
}

// BenchmarkAppendRecord bounds the encoding of one decision record (done
// on the log's writer goroutine, off the request path).
func BenchmarkAppendRecord(b *testing.B) {
	r := benchRecord()
	buf := make([]byte, 0, 1024)
	b.ReportAllocs()
	for b.Loop() {
		buf = proxy.AppendRecord(buf[:0], &r)
	}
	b.SetBytes(int64(len(buf)))
}

// BenchmarkDecisionLogWrite bounds what a request pays for its decision
// record: the hand-off to the writer goroutine (the encoding and the write
// happen there, to io.Discard here), from all cores at once.
func BenchmarkDecisionLogWrite(b *testing.B) {
	l := proxy.NewDecisionLog(io.Discard, 0)
	r := benchRecord()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			l.Write(&r)
		}
	})
	b.StopTimer()
	if err := l.Close(); err != nil {
		b.Fatal(err)
	}
}
