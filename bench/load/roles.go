package load

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/stub"
	"github.com/sluicehq/sluice/proxy"
)

// EventDelay is the pace of the upstream's streamed events for requests
// that carry StreamHeader: about the pace of a fast model's tokens.
const EventDelay = time.Millisecond

// Upstream returns the harness's upstream: the stub model API without
// delays, and for requests carrying StreamHeader a stub that paces its
// events EventDelay apart and stamps each flushed event with an SSE comment
// ": t=<unix ns>" (ignored by SSE clients) for the per-event latency.
// Requests carrying CannedHeader get a fixed answer in their dialect (by
// path) with usage counts, their body drained unread: long bodies then
// cost the upstream, which shares its core with the load generator, next
// to nothing.
func Upstream() http.Handler {
	fast := stub.New(stub.Config{})
	paced := stub.New(stub.Config{EventDelay: EventDelay})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(CannedHeader) != "" {
			canned(w, r)
			return
		}
		if r.Header.Get(StreamHeader) != "" {
			paced.ServeHTTP(&stampWriter{ResponseWriter: w}, r)
			return
		}
		fast.ServeHTTP(w, r)
	})
}

var (
	cannedOpenAI    = []byte(`{"id":"chatcmpl-load","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"the answer follows from the given facts and a short check of each step confirms it while the result holds for every case we tried so far"},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":512,"completion_tokens":24,"total_tokens":536}}`)
	cannedAnthropic = []byte(`{"id":"msg_load","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"the answer follows from the given facts and a short check of each step confirms it while the result holds for every case we tried so far"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":512,"output_tokens":24}}`)
	cannedLength    = [2]string{strconv.Itoa(len(cannedOpenAI)), strconv.Itoa(len(cannedAnthropic))}
)

// canned drains r's body and answers with the fixed response of its
// dialect.
func canned(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	body, n := cannedOpenAI, cannedLength[0]
	if strings.HasPrefix(r.URL.Path, "/v1/messages") {
		body, n = cannedAnthropic, cannedLength[1]
	}
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{n}
	_, _ = w.Write(body)
}

// stampWriter appends a time stamp comment to every flushed event.
type stampWriter struct {
	http.ResponseWriter
	buf [32]byte
}

func (s *stampWriter) Flush() {
	b := append(s.buf[:0], ": t="...)
	b = strconv.AppendInt(b, time.Now().UnixNano(), 10)
	b = append(b, '\n', '\n')
	_, _ = s.ResponseWriter.Write(b)
	http.NewResponseController(s.ResponseWriter).Flush()
}

func (s *stampWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// BareProxy returns the reference reverse proxy: httputil.ReverseProxy to
// upstream with http.DefaultTransport, or with sluice's tuned transport
// (proxy.NewTransport) when tuned is set. Nothing else: no full-duplex
// fix, no buffer pool.
func BareProxy(upstream string, tuned bool) (http.Handler, error) {
	u, err := url.Parse(upstream)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("load: bad upstream URL %q", upstream)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	if tuned {
		rp.Transport = proxy.NewTransport(proxy.UpstreamConfig{URL: upstream})
	}
	return rp, nil
}

// MetricsHandler serves go_memstats_mallocs_total, the cumulative heap
// allocation count, in the Prometheus text format that sluice's admin
// /metrics uses, so that the harness reads allocations per request from
// the bare proxy and from sluice alike.
func MetricsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		// as client_golang's Go collector: small and tiny allocations
		s := []metrics.Sample{{Name: "/gc/heap/allocs:objects"}, {Name: "/gc/heap/tiny/allocs:objects"}}
		metrics.Read(s)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		fmt.Fprintf(w, "go_memstats_mallocs_total %d\n", s[0].Value.Uint64()+s[1].Value.Uint64())
	})
}
