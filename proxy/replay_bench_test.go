package proxy_test

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// BenchmarkReplay bounds replay throughput (records/s) on the trace named by
// SLUICE_BENCH_TRACE (default: the small test trace, repeated). Bodies of
// the simulator's traces are about 2 KB.
func BenchmarkReplay(b *testing.B) {
	path := os.Getenv("SLUICE_BENCH_TRACE")
	var data []byte
	var err error
	if path != "" {
		data, err = os.ReadFile(path)
	} else {
		data, err = os.ReadFile("testdata/trace.jsonl")
		data = bytes.Repeat(data, 200)
	}
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Count(data, []byte{'\n'})
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := newDefaultGuard(b).Replay(bytes.NewReader(data), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
