package proxy_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/sluicehq/sluice/proxy"
)

// flakySink fails while full is set, like a full disk.
type flakySink struct {
	mu   sync.Mutex
	full bool
	b    strings.Builder
}

func (f *flakySink) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.full {
		return 0, errors.New("no space left on device")
	}
	return f.b.Write(p)
}

// TestDecisionLogWriteFailureIsReported: a sink that fails is reported
// (OnError, Lost) at once, not at shutdown, and the log resumes when the
// sink takes bytes again.
func TestDecisionLogWriteFailureIsReported(t *testing.T) {
	sink := &flakySink{full: true}
	l := proxy.NewDecisionLog(sink, 1)
	reported := make(chan uint64, 8)
	l.OnError(func(err error, lost uint64) { reported <- lost })
	l.Write(&proxy.Record{RequestID: "lost-1"})
	if lost := <-reported; lost < 1 {
		t.Errorf("reported %d records lost, want at least 1", lost)
	}
	sink.mu.Lock()
	sink.full = false
	sink.mu.Unlock()
	l.Write(&proxy.Record{RequestID: "kept-2"})
	err := l.Close()
	if err == nil || !strings.Contains(err.Error(), "no space") {
		t.Errorf("Close: %v, want the first write error", err)
	}
	if l.Lost() < 1 {
		t.Errorf("Lost %d", l.Lost())
	}
	if out := sink.b.String(); !strings.Contains(out, "kept-2") || strings.Contains(out, "lost-1") {
		t.Errorf("sink after recovery: %q", out)
	}
}
