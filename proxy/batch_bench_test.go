package proxy

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// batchBenchParts are ~2 KB /v1/messages bodies, each with its own
// question, adding up to 10 MB; batchBenchBody is the message batch that
// carries them.
var batchBenchParts, batchBenchBody = func() ([][]byte, []byte) {
	const total = 10 << 20
	doc := strings.Repeat("The parcel left the warehouse on Tuesday, was scanned twice in transit and then sat at the depot. ", 16)
	var parts [][]byte
	var b bytes.Buffer
	b.WriteString(`{"requests":[`)
	for n := 0; n < total; {
		p := []byte(fmt.Sprintf(`{"model":"claude-sonnet-4-5","max_tokens":1024,"system":"You are a support assistant. Answer briefly and cite the article id.","messages":[{"role":"user","content":"Ticket %d: %s What should the customer do next, and is a refund or a reshipment faster?"}]}`, len(parts), doc))
		if len(parts) > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"custom_id":"t-%d","params":`, len(parts))
		b.Write(p)
		b.WriteByte('}')
		parts = append(parts, p)
		n += len(p)
	}
	b.WriteString(`]}`)
	return parts, b.Bytes()
}()

// BenchmarkBatch compares a 10 MB message batch with the same parts sent
// as single requests, per byte: the parse alone (ParseAt over the batch in
// one pass against Parse of each part) and the whole judgement (parse,
// prints, engine). The batch must cost no more per byte than the singles.
func BenchmarkBatch(b *testing.B) {
	var size int64
	for _, p := range batchBenchParts {
		size += int64(len(p))
	}
	b.Run("parse/singles", func(b *testing.B) {
		p := dialect.Get()
		defer dialect.Put(p)
		var req fingerprint.Request
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for _, part := range batchBenchParts {
				if err := p.Parse(fingerprint.EndpointMessages, part, &req); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("parse/batch", func(b *testing.B) {
		p := dialect.Get()
		defer dialect.Put(p)
		var req fingerprint.Request
		var sc dialect.Scanner
		body := batchBenchBody
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			// the walk of batchJudge.messageParts, without the judging
			sc.Reset(body)
			_ = sc.Open('{')
			_, _ = sc.More(true, '}')
			_, _, _, _ = sc.Key()
			_ = sc.Open('[')
			n := 0
			for first := true; ; first = false {
				more, err := sc.More(first, ']')
				if err != nil {
					b.Fatal(err)
				}
				if !more {
					break
				}
				_ = sc.Open('{')
				for kfirst := true; ; kfirst = false {
					more, err := sc.More(kfirst, '}')
					if err != nil {
						b.Fatal(err)
					}
					if !more {
						break
					}
					s, e, _, _ := sc.Key()
					if string(body[s:e]) != "params" {
						_ = sc.Skip()
						continue
					}
					sc.Peek()
					end, err := p.ParseAt(fingerprint.EndpointMessages, body, sc.Pos(), &req)
					if err != nil {
						b.Fatal(err)
					}
					sc.Seek(end)
					n++
				}
			}
			if n != len(batchBenchParts) {
				b.Fatalf("%d parts, want %d", n, len(batchBenchParts))
			}
		}
	})
	newGuard := func(b *testing.B) *Guard {
		cfg := limiter.DefaultConfig()
		cfg.Account = limiter.Limit{} // unlimited: every part is decided in full
		eng, err := limiter.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		g, err := New(Config{}, eng)
		if err != nil {
			b.Fatal(err)
		}
		return g
	}
	r := httptest.NewRequest(http.MethodPost, "/v1/messages/batches", nil)
	r.Header.Set("X-Api-Key", "sk-bench")
	r.Header.Set("User-Agent", "Anthropic/Go 2.15.0")
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	b.Run("judge/singles", func(b *testing.B) {
		g := newGuard(b)
		peer, _ := ParsePeer(r.RemoteAddr)
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for _, part := range batchBenchParts {
				st := g.getState()
				if _, err := g.evaluate(now, st, &arrival{ep: fingerprint.EndpointMessages, h: r.Header, peer: peer, body: part}); err != nil {
					b.Fatal(err)
				}
				g.putState(st)
			}
		}
	})
	b.Run("judge/batch", func(b *testing.B) {
		g := newGuard(b)
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			st := g.getState()
			j := g.newJudge(r, st)
			j.now = now
			if err := j.messageBatch(batchBenchBody); err != nil {
				b.Fatal(err)
			}
			if len(st.batch.decs) != len(batchBenchParts) {
				b.Fatalf("%d parts decided, want %d", len(st.batch.decs), len(batchBenchParts))
			}
			g.putState(st)
		}
	})
}
