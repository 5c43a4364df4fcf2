package shape

import (
	"io"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

var benchEvents = []struct {
	name string
	ep   fingerprint.Endpoint
	ev   string
}{
	{"anthropic text delta", fingerprint.EndpointMessages,
		"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\" answer\"}}"},
	{"chat chunk", fingerprint.EndpointChatCompletions,
		`data: {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","service_tier":"default","system_fingerprint":"fp_f9f4fb6dbf","choices":[{"index":0,"delta":{"content":" answer"},"logprobs":null,"finish_reason":null}],"usage":null}`},
	{"responses delta", fingerprint.EndpointResponses,
		`event: response.output_text.delta` + "\n" + `data: {"type":"response.output_text.delta","sequence_number":7,"item_id":"msg_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","output_index":1,"content_index":0,"delta":" answer","logprobs":[]}`},
}

// BenchmarkEvent bounds the cost of shaping one typical SSE event with the
// strip-reasoning and drop-logprobs measures on (target: ≤ 2 µs, ≤ 2
// allocations).
func BenchmarkEvent(b *testing.B) {
	for _, be := range benchEvents {
		b.Run(be.name, func(b *testing.B) {
			s := NewStream(io.NopCloser(strings.NewReader("")), StreamOptions{Endpoint: be.ep,
				Config: &Config{Measures: limiter.MeasureStripReasoning | limiter.MeasureDropLogprobs}})
			s.mark(0, true) // a stripped thinking block before: indexes renumbered
			ev := []byte(be.ev)
			b.SetBytes(int64(len(ev)))
			b.ReportAllocs()
			for b.Loop() {
				s.out = s.out[:0]
				s.event(ev)
			}
		})
	}
}

// BenchmarkStream bounds shaping a whole stream of 1,000 events read in
// 32 KiB pieces, as ReverseProxy reads it; ns/event includes splitting.
func BenchmarkStream(b *testing.B) {
	be := benchEvents[0]
	in := strings.Repeat(be.ev+"\n\n", 1000)
	buf := make([]byte, 32<<10)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		s := NewStream(io.NopCloser(strings.NewReader(in)), StreamOptions{Endpoint: be.ep,
			Config: &Config{Measures: limiter.MeasureStripReasoning | limiter.MeasureDropLogprobs}})
		for {
			if _, err := s.Read(buf); err != nil {
				break
			}
		}
		_ = s.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/event")
}

// BenchmarkMeter bounds the allow-path meter over the same stream.
func BenchmarkMeter(b *testing.B) {
	be := benchEvents[1]
	in := strings.Repeat(be.ev+"\n\n", 1000)
	buf := make([]byte, 32<<10)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		m := NewMeter(io.NopCloser(strings.NewReader(in)), true, StreamOptions{Endpoint: be.ep, StripUsage: true})
		for {
			if _, err := m.Read(buf); err != nil {
				break
			}
		}
		_ = m.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/event")
}

// TestEventAllocs pins the allocations of shaping a typical event.
func TestEventAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	for _, be := range benchEvents {
		s := NewStream(io.NopCloser(strings.NewReader("")), StreamOptions{Endpoint: be.ep,
			Config: &Config{Measures: limiter.MeasureStripReasoning | limiter.MeasureDropLogprobs}})
		ev := []byte(be.ev)
		s.event(ev)
		n := testing.AllocsPerRun(100, func() { s.out = s.out[:0]; s.event(ev) })
		if n > 2 {
			t.Errorf("%s: %.1f allocs per event, budget 2", be.name, n)
		}
	}
}
