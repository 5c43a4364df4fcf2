package load_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/load"
	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// TestLongRequests: every long workload sends valid bodies that the
// dialect parsers read, of the size its name says, from LongKeys distinct
// keys; chat bodies are distinct, and each agent step re-sends the body of
// the step before it in its session.
func TestLongRequests(t *testing.T) {
	sizes := map[string][2]int{
		load.WorkloadChat2K:  {1800, 2300},
		load.WorkloadChat32K: {29 << 10, 35 << 10},
	}
	for _, kb := range load.AgentHistoryKB {
		// the window's four steps end with the first one over kb (or
		// the fourth step), and a step adds under 5 KB
		sizes[load.AgentWorkload(kb)] = [2]int{2 << 10, max(kb<<10, 14<<10) + 5<<10}
	}
	p := dialect.Get()
	defer dialect.Put(p)
	for _, w := range load.LongWorkloads() {
		reqs := load.LongRequests(w)
		if len(reqs) == 0 || len(reqs)%load.LongKeys != 0 {
			t.Fatalf("%s: %d requests, want a multiple of %d", w, len(reqs), load.LongKeys)
		}
		keys := map[string]bool{}
		bodies := map[string]bool{}
		sum, sampled := 0, 0
		for j := range reqs {
			r := &reqs[j]
			key := r.Header.Get("X-Api-Key")
			if a := r.Header.Get("Authorization"); a != "" {
				key = a[len("Bearer "):]
			}
			keys[key] = true
			sum += r.BodyLen()
			if j >= 500 && j%97 != 0 {
				continue // check a sample: the rest is the same code
			}
			sampled++
			body := r.BodyBytes()
			if n := r.BodyLen(); n != len(body) {
				t.Fatalf("%s: BodyLen %d, body %d bytes", w, n, len(body))
			}
			bodies[string(body)] = true
			if lo, hi := sizes[w][0], sizes[w][1]; len(body) < lo || len(body) > hi {
				t.Errorf("%s: request %d has %d bytes, want %d to %d", w, j, len(body), lo, hi)
			}
			if !json.Valid(body) {
				t.Fatalf("%s: request %d: invalid JSON: %.300s", w, j, body)
			}
			_, ep := dialect.Detect(r.Path)
			var fr fingerprint.Request
			if err := p.Parse(ep, body, &fr); err != nil {
				t.Fatalf("%s: request %d: %v", w, j, err)
			}
			if len(fr.Turns) == 0 {
				t.Fatalf("%s: request %d: no turns", w, j)
			}
		}
		if len(keys) != load.LongKeys {
			t.Errorf("%s: %d keys, want %d", w, len(keys), load.LongKeys)
		}
		t.Logf("%s: %d requests, %d bytes on average, %d distinct bodies in the sample", w, len(reqs), sum/len(reqs), len(bodies))
		if w == load.WorkloadChat2K || w == load.WorkloadChat32K {
			if len(bodies) != sampled {
				t.Errorf("%s: %d distinct bodies in a sample of %d", w, len(bodies), sampled)
			}
			continue
		}
		// the agent loop: step-major, each session's next step extends
		// the body of its previous one
		sessions := len(bodies) / 4
		for s := range sessions {
			for step := 1; step < 4; step++ {
				prev, next := reqs[(step-1)*sessions+s].BodyBytes(), reqs[step*sessions+s].BodyBytes()
				if !bytes.HasPrefix(next, prev[:len(prev)-2]) || len(next) <= len(prev) {
					t.Fatalf("%s: session %d step %d does not re-send step %d", w, s, step, step-1)
				}
			}
		}
	}
}

// TestPartsBody: a request whose body is in parts goes out with its
// Content-Length (never chunked), byte for byte, and successive
// SaturateFrom phases go on through the requests.
func TestPartsBody(t *testing.T) {
	reqs := load.LongRequests(load.AgentWorkload(10))[:8]
	var mu sync.Mutex
	var got []int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			t.Error(err)
		}
		if len(r.TransferEncoding) > 0 || r.ContentLength != int64(len(b)) {
			t.Errorf("Content-Length %d, transfer encoding %v, %d bytes read", r.ContentLength, r.TransferEncoding, len(b))
		}
		i := slices.IndexFunc(reqs, func(q load.Request) bool {
			return bytes.Equal(q.BodyBytes(), b) && q.Header.Get("X-Forwarded-For") == r.Header.Get("X-Forwarded-For")
		})
		if i < 0 {
			t.Errorf("a body of %d bytes that was not sent", len(b))
		}
		mu.Lock()
		got = append(got, i)
		mu.Unlock()
	}))
	defer srv.Close()
	c := load.NewClient()
	defer c.CloseIdle()
	var next int64
	for range 3 {
		var n load.Counts
		n, _, next = c.SaturateFrom(context.Background(), srv.URL, reqs, next, 1, 20*time.Millisecond)
		if n.OK == 0 || n.Total() != n.OK {
			t.Fatalf("counts %+v", n)
		}
	}
	if int(next) != len(got) {
		t.Fatalf("cursor %d after %d requests", next, len(got))
	}
	for i, j := range got {
		if j != i%len(reqs) {
			t.Fatalf("request %d sent reqs[%d], want reqs[%d]: phases do not go on where the last stopped", i, j, i%len(reqs))
		}
	}
}

// TestLongReport: the long table pairs each workload's rows and gives the
// median of the per-round CPU ratios, with the bound.
func TestLongReport(t *testing.T) {
	res := &load.Result{Rounds: 3}
	for _, w := range load.LongWorkloads()[:2] {
		res.Long = append(res.Long,
			&load.Row{Target: "bare-tuned", Workload: w, BodyBytes: 2048, CPUSat: []float64{50, 60, 55}, SatRPS: []float64{1000, 900, 950}},
			&load.Row{Target: "sluice-shadow", Workload: w, BodyBytes: 2048, CPUSat: []float64{75, 66, 110}, SatRPS: []float64{800, 800, 800}})
	}
	var text, md strings.Builder
	if err := res.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	t.Log(text.String())
	// ratios 1.5, 1.1, 2.0: median 1.5
	for _, want := range []string{"1.50× (1.10×–2.00×)", "≤ 1.15×", "≤ 1.30×", "chat-2k (2.0 KB): sluice-shadow CPU/req 1.50× bare-tuned (target ≤ 1.15×: not met)"} {
		if !strings.Contains(text.String(), want) || !strings.Contains(md.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text.String(), "fixed rate") {
		t.Error("a run of the long set alone prints the base set's header")
	}
}
