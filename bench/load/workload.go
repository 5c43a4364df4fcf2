package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"

	"github.com/sluicehq/sluice/internal/sim"
)

// Request is one request the load generator sends; it is read-only once
// built and shared by concurrent senders.
type Request struct {
	Method, Path string
	Header       http.Header
	Body         []byte
	// Parts, when not nil, is the body instead of Body: byte slices sent
	// back to back, shared between requests (long bodies cut from one
	// corpus, a conversation's growing history).
	Parts [][]byte
	// Stream is true when the body asks for an SSE response.
	Stream bool
}

// BodyLen is the length of the request's body.
func (r *Request) BodyLen() int {
	if r.Parts == nil {
		return len(r.Body)
	}
	n := 0
	for _, p := range r.Parts {
		n += len(p)
	}
	return n
}

// BodyBytes returns the body as one slice (a copy when it is in Parts).
func (r *Request) BodyBytes() []byte {
	if r.Parts == nil {
		return r.Body
	}
	return bytes.Join(r.Parts, nil)
}

// StreamHeader routes a request to the upstream's paced stream (events
// EventDelay apart, each stamped with its send time); proxies pass it on.
const StreamHeader = "X-Load-Stream"

var (
	verbs  = strings.Fields("explain summarise compare translate outline review debug refactor document plan")
	topics = strings.Fields("recursion caching indexes closures retries pagination migrations generics channels transactions tokenizers queues")
	langs  = strings.Fields("Go Python Rust TypeScript Java SQL Kotlin Ruby")
	filler = strings.Fields("please keep it short and practical for a small team that ships weekly with a modest budget and little time to read long documents about it")
	agents = []string{"OpenAI/Python 1.99.9", "OpenAI/JS 5.12.0", "Anthropic/Python 0.64.0", "curl/8.5.0", "python-httpx/0.28.1", "Go-http-client/1.1"}
)

// question returns a benign, varied user prompt.
func question(r *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Can you %s %s in %s? ", verbs[r.IntN(len(verbs))], topics[r.IntN(len(topics))], langs[r.IntN(len(langs))])
	n := 10 + r.IntN(40)
	for range n {
		b.WriteString(filler[r.IntN(len(filler))])
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// AllowRequests returns n benign requests from the given number of
// accounts, half OpenAI chat completions and half Anthropic messages, each
// account on its own address (X-Forwarded-For, believed by a sluice that
// trusts loopback) and user agent. With stream set, each asks for an SSE
// response and carries StreamHeader. The same arguments give the same
// requests.
func AllowRequests(n, accounts int, stream bool) []Request {
	r := rand.New(rand.NewPCG(7, uint64(accounts)))
	out := make([]Request, n)
	for i := range out {
		acct := i % accounts
		h := http.Header{}
		h.Set("Content-Type", "application/json")
		h.Set("User-Agent", agents[acct%len(agents)])
		h.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", acct>>16&255, acct>>8&255, acct&255|1))
		if stream {
			h.Set(StreamHeader, "1")
		}
		q := question(r)
		var body any
		path := "/v1/chat/completions"
		if i%2 == 0 {
			h.Set("Authorization", fmt.Sprintf("Bearer sk-load-%07d", acct))
			body = map[string]any{
				"model": "gpt-4o-mini", "max_tokens": 256, "stream": stream, "temperature": 0.7,
				"messages": []map[string]string{{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": q}},
			}
		} else {
			path = "/v1/messages"
			h.Set("X-Api-Key", fmt.Sprintf("sk-ant-load-%07d", acct))
			h.Set("Anthropic-Version", "2023-06-01")
			body = map[string]any{
				"model": "claude-sonnet-4-5", "max_tokens": 256, "stream": stream,
				"messages": []map[string]string{{"role": "user", "content": q}},
			}
		}
		b, err := json.Marshal(body)
		if err != nil {
			panic(err) // static shapes: cannot fail
		}
		out[i] = Request{Method: http.MethodPost, Path: path, Header: h, Body: b, Stream: stream}
	}
	return out
}

// MixRequests returns up to max requests of scenario s (internal/sim), in
// trace order: the realistic mix of legitimate classes and distillation
// campaigns. Each record's address goes into X-Forwarded-For.
func MixRequests(s sim.Scenario, max int) ([]Request, error) {
	var out []Request
	errStop := fmt.Errorf("stop")
	err := sim.Generate(s, func(rec sim.Record, _ sim.Label) error {
		if len(out) >= max {
			return errStop
		}
		h := make(http.Header, len(rec.Headers)+1)
		for _, kv := range rec.Headers {
			h.Add(kv[0], kv[1])
		}
		h.Del("Content-Length")
		h.Del("Host")
		if rec.IP != "" {
			h.Set("X-Forwarded-For", rec.IP)
		}
		var knobs struct {
			Stream bool `json:"stream"`
		}
		_ = json.Unmarshal(rec.Body, &knobs)
		out = append(out, Request{Method: rec.Method, Path: rec.Path, Header: h, Body: []byte(rec.Body), Stream: knobs.Stream})
		return nil
	})
	if err != nil && err != errStop {
		return nil, err
	}
	return out, nil
}
