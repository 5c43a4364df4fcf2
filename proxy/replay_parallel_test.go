package proxy_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// simTrace is internal/sim's Small scenario compressed to half an hour and
// half its accounts (every class active, campaigns throttled), as trace
// lines.
var simTrace = sync.OnceValues(func() ([]byte, error) {
	s := sim.Small()
	s.Duration = 30 * time.Minute
	s.Scale = 0.5
	for i := range s.Classes {
		s.Classes[i].From /= 6
	}
	var out []byte
	err := sim.Generate(s, func(r sim.Record, _ sim.Label) error {
		out = append(r.AppendJSON(out), '\n')
		return nil
	})
	return out, err
})

// Hostile lines mixed into the generated trace: each is decided in its
// place, as an error with the reason named, or (the batches, the escaped
// request id) as a request.
var hostileLines = []struct{ line, reason string }{
	{`{"ts":"2026-04-22T13:00:00Z","request_id":"cut`, "malformed_record"},
	{`not json at all`, "malformed_record"},
	{`{"ts":"yesterday","request_id":"bad-ts","path":"/v1/messages","body":{}}`, "bad_ts"},
	{`{"ts":"2026-04-22T13:00:00Z","request_id":"bad-hdr","headers":[["x"]],"body":{}}`, "bad_header"},
	{`{"ts":"2026-04-22T13:00:00Z","path":"/v1/messages","body":{}}`, "missing_request_id"},
	{`{"ts":"2026-04-22T13:00:00Z","request_id":"bad-ip","ip":"300.1.1.1","path":"/v1/messages","body":{}}`, "bad_ip"},
	{`{"ts":"2026-04-22T13:00:00Z","request_id":"bad-path","path":"/v1/messages;x","body":{}}`, "bad_path"},
	{`{"ts":"2026-04-22T13:00:00Z","request_id":"bad-body","ip":"198.51.100.9","method":"POST","path":"/v1/chat/completions","headers":[["authorization","Bearer sk-h"]],"body":{"model":"m","messages":7}}`, "bad_body"},
	// the fast pass reads the ts, the full scan finds the record broken:
	// the error keeps the record's own ts
	{`{"ts":"2026-04-22T13:00:09Z","request_id":"late-break","path":"/v1/messages","body":{"model":"m"} junk }}`, "malformed_record@2026-04-22T13:00:09.000Z"},
	{`{"ts":"2026-04-22T13:00:00Z","request_id":"esc\u0061ped-\"id\"","ip":"198.51.100.9","method":"POST","path":"/v1/chat/completions","headers":[["authorization","Bearer sk-h"]],"body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi there"}]}}`, ""},
	{`{"ts":"2026-04-22T13:00:01Z","request_id":"batch","ip":"198.51.100.9","method":"POST","path":"/v1/messages/batches","headers":[["x-api-key","sk-ant-h"]],"body":{"requests":[{"custom_id":"a","params":{"model":"claude","max_tokens":64,"messages":[{"role":"user","content":"hello"}]}},{"custom_id":"b","params":{"model":"claude","max_tokens":64,"messages":[{"role":"user","content":"again"}]}}]}}`, ""},
	{`{"ts":"2026-04-22T13:00:02Z","request_id":"bad-batch","ip":"198.51.100.9","method":"POST","path":"/v1/messages/batches","headers":[["x-api-key","sk-ant-h"]],"body":{"requests":[{"custom_id":"a","params":{"model":"claude","max_tokens":64,"messages":[{"role":"user","content":"hello"}]}},{"custom_id":"b","params":{"model":"claude","max_tokens":"x","messages":[]}}]}}`, "bad_body"},
}

// hostileTrace is the generated trace with hostileLines, blank lines and a
// line over the replay's line bound (guards from replayGuard) spread
// through it, and malformed lines first (before any ts: their records
// carry the zero time). want lists the line's reason per decision, "" for
// a generated record, and reason@ts for an error that keeps its own ts.
func hostileTrace(t testing.TB) (trace []byte, want []string) {
	t.Helper()
	gen, err := simTrace()
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(gen, []byte("\n"))
	var b bytes.Buffer
	add := func(line, reason string) {
		b.WriteString(line)
		b.WriteByte('\n')
		want = append(want, reason)
	}
	add(hostileLines[0].line, hostileLines[0].reason)
	add(hostileLines[2].line, hostileLines[2].reason)
	for i, l := range lines {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		b.Write(l)
		want = append(want, "")
		switch {
		case i%97 == 5:
			h := hostileLines[(i/97)%len(hostileLines)]
			add(h.line, h.reason)
		case i%211 == 7:
			b.WriteString("\n  \r\n\t\n") // blank: no decision
		case i == len(lines)/2:
			add(`{"ts":"2026-04-22T13:00:00Z","request_id":"huge","body":"`+strings.Repeat("x", 300<<10)+`"}`, "record_too_large")
		}
	}
	for _, h := range hostileLines {
		add(h.line, h.reason)
	}
	// the last line without its newline
	b.WriteString(hostileLines[9].line)
	want = append(want, "")
	return b.Bytes(), want
}

// replayGuard is a guard on the embedded defaults with bodies bounded to
// 64 KiB, so that a trace line over about 192 KiB is too long.
func replayGuard(t testing.TB) *proxy.Guard {
	t.Helper()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{MaxBodyBytes: 64 << 10, MaxBatchBytes: 64 << 10}, eng)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestReplayParallelIdentical: the parallel replay writes the serial
// replay's bytes and stats, whatever the number of workers, on a
// generated trace with hostile lines mixed in; the malformed lines are
// decided as errors in their places, with their reasons.
func TestReplayParallelIdentical(t *testing.T) {
	t.Parallel()
	trace, want := hostileTrace(t)
	var serial bytes.Buffer
	ss, err := replayGuard(t).Replay(bytes.NewReader(trace), &serial)
	if err != nil {
		t.Fatal(err)
	}
	if ss.Records != len(want) {
		t.Fatalf("serial: %d records, want %d", ss.Records, len(want))
	}
	sc := bufio.NewScanner(bytes.NewReader(serial.Bytes()))
	var actions = map[string]int{}
	clock := "0001-01-01T00:00:00.000Z" // the replay clock: the latest ts read
	for i := 0; sc.Scan(); i++ {
		d := parseDecision(t, sc.Bytes())
		actions[*d.Action]++
		switch want[i] {
		case "malformed_record", "bad_ts", "bad_header", "record_too_large":
			// no ts of its own: the clock's
			if *d.TS != clock {
				t.Errorf("decision %d: %s, want the replay clock %s", i, sc.Text(), clock)
			}
		default:
			clock = *d.TS
		}
		if want[i] == "" {
			continue
		}
		reason, ts, _ := strings.Cut(want[i], "@")
		if *d.Action != "error" || len(d.Reasons) == 0 || d.Reasons[len(d.Reasons)-1] != reason {
			t.Errorf("decision %d: %s, want error %s", i, sc.Text(), reason)
		}
		if ts != "" && !strings.HasPrefix(sc.Text(), `{"ts":"`+ts+`"`) {
			t.Errorf("decision %d: %s, want the record's own ts %s", i, sc.Text(), ts)
		}
	}
	t.Logf("%d records, actions %v", ss.Records, actions)
	if actions["throttle"]+actions["block"] == 0 || actions["allow"] == 0 {
		t.Errorf("actions %v: the trace should exercise the engine's state", actions)
	}
	for _, workers := range []int{2, 3, 8} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			t.Parallel()
			var par bytes.Buffer
			ps, err := replayGuard(t).ReplayParallel(bytes.NewReader(trace), &par, workers)
			if err != nil {
				t.Fatal(err)
			}
			if ps != ss {
				t.Errorf("stats %+v, serial %+v", ps, ss)
			}
			if !bytes.Equal(par.Bytes(), serial.Bytes()) {
				a, b := strings.Split(serial.String(), "\n"), strings.Split(par.String(), "\n")
				for i := range min(len(a), len(b)) {
					if a[i] != b[i] {
						t.Fatalf("decision %d differs:\nserial   %s\nparallel %s", i, a[i], b[i])
					}
				}
				t.Fatalf("%d decisions, serial %d", len(b), len(a))
			}
		})
	}
}

// TestReplayParallelEdges: the serial replay's edge cases, in parallel.
func TestReplayParallelEdges(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "\n\n  \n\t\n", "\r\n\r\n", "{", "{}\n{}", `{"ts":"2026-04-22T10:00:00Z","request_id":"h","body":"` + strings.Repeat("x", 200<<10) + `"}` + "\n{}\n"} {
		var a, b bytes.Buffer
		sa, err := replayGuard(t).Replay(strings.NewReader(in), &a)
		if err != nil {
			t.Fatal(err)
		}
		sb, err := replayGuard(t).ReplayParallel(strings.NewReader(in), &b, 2)
		if err != nil {
			t.Fatal(err)
		}
		if sa != sb || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("input %.40q: parallel %+v\n%s\nserial %+v\n%s", in, sb, b.String(), sa, a.String())
		}
	}
}

// failingReader returns its data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReplayParallelReadError: a read error ends the replay with the
// error, after the decisions of the lines before it, as in the serial
// replay.
func TestReplayParallelReadError(t *testing.T) {
	t.Parallel()
	trace, _ := hostileTrace(t)
	cut := trace[:len(trace)/3]
	errRead := errors.New("disk on fire")
	var a, b bytes.Buffer
	sa, erra := replayGuard(t).Replay(&failingReader{data: cut, err: errRead}, &a)
	sb, errb := replayGuard(t).ReplayParallel(&failingReader{data: cut, err: errRead}, &b, 3)
	if !errors.Is(erra, errRead) || !errors.Is(errb, errRead) {
		t.Fatalf("errors %v and %v, want %v", erra, errb, errRead)
	}
	if sa != sb || !bytes.Equal(a.Bytes(), b.Bytes()) || sa.Records == 0 {
		t.Fatalf("parallel %+v, serial %+v (%d and %d bytes)", sb, sa, b.Len(), a.Len())
	}
}

// failingWriter fails once it has taken n bytes.
type failingWriter struct{ n int }

var errWrite = errors.New("pipe gone")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

// TestReplayParallelWriteError: a write error stops the replay, its
// goroutines with it, and is returned.
func TestReplayParallelWriteError(t *testing.T) {
	t.Parallel()
	trace, _ := hostileTrace(t)
	_, err := replayGuard(t).ReplayParallel(bytes.NewReader(trace), &failingWriter{n: 20 << 10}, 4)
	if !errors.Is(err, errWrite) {
		t.Fatalf("error %v, want %v", err, errWrite)
	}
}

// BenchmarkReplayWorkers bounds the replay's throughput, in records per
// second of wall time and per second of the process's CPU time, and its
// allocations, serial (1) and parallel, on the trace named by
// SLUICE_BENCH_TRACE (default: the generated trace of
// TestReplayParallelIdentical, about 2 KB a record). The parallel
// replay's extra allocations are per chunk of records, not per record.
func BenchmarkReplayWorkers(b *testing.B) {
	data, err := benchTrace()
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Count(data, []byte{'\n'})
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprint(workers), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var cpu time.Duration
			cpuOK := true
			for b.Loop() {
				b.StopTimer()
				g := newDefaultGuard(b) // a fresh engine each time: the same decisions
				c0, ok0 := processCPU()
				b.StartTimer()
				if _, err := g.ReplayParallel(bytes.NewReader(data), io.Discard, workers); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				c1, ok1 := processCPU()
				cpu += c1 - c0
				cpuOK = cpuOK && ok0 && ok1
				b.StartTimer()
			}
			b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			if cpuOK && cpu > 0 {
				b.ReportMetric(float64(lines)*float64(b.N)/cpu.Seconds(), "records/cpu-s")
			}
		})
	}
}

func benchTrace() ([]byte, error) {
	if path := os.Getenv("SLUICE_BENCH_TRACE"); path != "" {
		return os.ReadFile(path)
	}
	return simTrace()
}
