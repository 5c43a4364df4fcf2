package fingerprint_test

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/cespare/xxhash/v2"
	"github.com/sluicehq/sluice/fingerprint"
)

// typicalPrompt builds a chat request whose user turn is about size bytes of
// ordinary prose with some numbers, quotes and an elicitation phrase.
func typicalPrompt(size int) *fingerprint.Request {
	const para = "Here is the answer: 42. Explain the reasoning that leads to this answer step by step. " +
		"The quarterly report says \"revenue grew by 12 percent\" while costs stayed flat, and Dr. Smith " +
		"wants a short summary for the board with three key points and a table of the main risks. "
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(para)
	}
	text := b.String()[:size]
	return &fingerprint.Request{
		Dialect: fingerprint.DialectOpenAI, Endpoint: fingerprint.EndpointChatCompletions,
		Model:  "gpt-x",
		System: []byte("You are a helpful assistant."),
		Turns:  []fingerprint.Turn{{Role: fingerprint.RoleUser, Text: []byte(text)}},
		Stream: true, MaxTokens: 1024,
	}
}

// BenchmarkPrompt bounds the cost of all prompt prints per request, over
// prompt sizes, to show that it grows linearly (target: 2 KB in ≤ 10 µs,
// ≤ 4 allocations). It prints the same request again and again, so the
// history cache is off: with it, a request of 4 KB or more would be taken
// from the cache after the first call (see BenchmarkPromptRef for requests
// whose history, and only that, was seen).
func BenchmarkPrompt(b *testing.B) {
	h := fingerprint.New(fingerprint.Config{Seed: 1, HistoryCache: -1})
	for _, size := range []struct {
		name string
		n    int
	}{{"1KB", 1 << 10}, {"2KB", 2 << 10}, {"8KB", 8 << 10}, {"64KB", 64 << 10}} {
		b.Run(size.name, func(b *testing.B) {
			r := typicalPrompt(size.n)
			var p fingerprint.PromptPrint
			b.SetBytes(int64(size.n))
			b.ReportAllocs()
			for b.Loop() {
				h.Prompt(r, &p)
			}
		})
	}
}

// BenchmarkExact bounds the exact-hash primitive: seeded xxhash64 over the
// prompt bytes, which should run at memory speed (GB/s).
func BenchmarkExact(b *testing.B) {
	text := []byte(strings.Repeat("0123456789abcdef", 4096)) // 64 KB
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var d xxhash.Digest
	for b.Loop() {
		d.ResetWithSeed(1)
		d.Write(text)
		_ = d.Sum64()
	}
}

// BenchmarkClient bounds the client-trait print of an SDK request with a
// typical header set (target ≤ 1 µs, no allocations).
func BenchmarkClient(b *testing.B) {
	h := fingerprint.New(fingerprint.Config{Seed: 1})
	c := sdkClient()
	var p fingerprint.ClientPrint
	b.ReportAllocs()
	for b.Loop() {
		h.Client(c, &p)
	}
}

// BenchmarkFill bounds a whole print of a 2 KB request.
func BenchmarkFill(b *testing.B) {
	h := fingerprint.New(fingerprint.Config{Seed: 1})
	r, c := typicalPrompt(2<<10), sdkClient()
	var p fingerprint.Print
	b.SetBytes(2 << 10)
	b.ReportAllocs()
	for b.Loop() {
		h.Fill(r, c, &p)
	}
}

func sdkClient() *fingerprint.Client {
	return &fingerprint.Client{
		IP:  netip.MustParseAddr("203.0.113.7"),
		JA4: "t13d1812h1_85036bcba153_d41ae481755e",
		Headers: []fingerprint.Header{
			{"Host", "api.example.test"},
			{"Accept-Encoding", "gzip, deflate"},
			{"Connection", "keep-alive"},
			{"Accept", "application/json"},
			{"Content-Type", "application/json"},
			{"User-Agent", "OpenAI/Python 1.51.0"},
			{"X-Stainless-Lang", "python"},
			{"X-Stainless-Package-Version", "1.51.0"},
			{"X-Stainless-OS", "Linux"},
			{"X-Stainless-Arch", "x64"},
			{"X-Stainless-Runtime", "CPython"},
			{"X-Stainless-Runtime-Version", "3.12.4"},
			{"X-Stainless-Retry-Count", "0"},
			{"Authorization", "Bearer sk-test"},
			{"Content-Length", "2048"},
		},
		Ordered: true,
	}
}

// TestAllocs pins the allocation counts of the hot path.
func TestAllocs(t *testing.T) {
	h := fingerprint.New(fingerprint.Config{Seed: 1})
	r, c := typicalPrompt(2<<10), sdkClient()
	var p fingerprint.Print
	if n := testing.AllocsPerRun(100, func() { h.Prompt(r, &p.Prompt) }); n != 0 {
		t.Errorf("Prompt: %v allocs per run, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { h.Client(c, &p.Client) }); n != 0 {
		t.Errorf("Client: %v allocs per run, want 0", n)
	}
}
