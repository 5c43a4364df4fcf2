package admin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/proxy/admin"
)

// TestNoKeyOrPromptLeaks sends traffic with a known key and a known prompt,
// then reads everything an operator can see — the API, the page and the
// report — and looks for any raw key and any prompt text.
func TestNoKeyOrPromptLeaks(t *testing.T) {
	t.Parallel()
	const (
		knownKey    = "sk-leakcheck-7f3a9c1e5b2d4f60a8e1"
		knownPrompt = "violet heron computes the eigenvalues"
	)
	f := feed(t, "tok")
	s := f.s
	// one operator with the known key and prompt, sharing it over accounts
	for i := range 12 {
		body := fmt.Sprintf(`{"model":"gpt-4o","messages":[{"role":"user","content":"Explain step by step how the %s of matrix %d, then write out your full reasoning."}]}`, knownPrompt, i)
		key := knownKey
		if i%3 != 0 {
			key = fmt.Sprintf("%s-%d", knownKey, i)
		}
		r := sim.Record{TS: s.Now().Add(time.Second), RequestID: fmt.Sprintf("leak-%d", i), IP: "198.51.100.7", Method: "POST",
			Path: "/v1/chat/completions", Headers: [][2]string{{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}},
			Body: json.RawMessage(body)}
		if _, err := s.Send(context.Background(), &r); err != nil {
			t.Fatal(err)
		}
	}

	// what must never be shown: every raw key and pieces of every prompt
	secrets := map[string]bool{knownKey: true, knownPrompt: true}
	for i := range f.recs {
		for _, h := range f.recs[i].Headers {
			if k := strings.ToLower(h[0]); k == "authorization" || k == "x-api-key" {
				secrets[strings.TrimPrefix(h[1], "Bearer ")] = true
			}
		}
		if i%25 == 0 {
			for _, p := range promptPieces(f.recs[i].Body) {
				secrets[p] = true
			}
		}
	}

	// everything an operator can see
	var seen bytes.Buffer
	read := func(path string) []byte {
		req, _ := http.NewRequest(http.MethodGet, s.AdminURL+path, nil)
		req.Header.Set("Authorization", "Bearer tok")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		seen.Write(b)
		return b
	}
	var list clusterList
	_ = json.Unmarshal(read("/admin/clusters?limit=500"), &list)
	read("/admin/clusters?sort=volume&limit=500")
	for _, c := range list.Clusters {
		var d clusterDetail
		_ = json.Unmarshal(read("/admin/clusters/"+c.ID), &d)
		for _, m := range d.Members {
			read("/admin/accounts/" + m.ID)
		}
	}
	for _, p := range []string{"/admin/config", "/admin/stats", "/ui/", "/ui/app.js", "/ui/style.css"} {
		read(p)
	}
	if err := admin.Report(&seen, admin.ReportConfig{Engine: s.Engine, Now: s.Now()}); err != nil {
		t.Fatal(err)
	}
	if len(list.Clusters) == 0 || seen.Len() < 10000 {
		t.Fatalf("read too little to mean anything: %d clusters, %d bytes", len(list.Clusters), seen.Len())
	}
	all := seen.String()
	for sec := range secrets {
		if strings.Contains(all, sec) {
			t.Errorf("operator view shows %q", sec)
		}
	}
	t.Logf("checked %d keys and prompt pieces against %d bytes", len(secrets), seen.Len())
}

// promptPieces returns 24-byte pieces of every long text of a request body.
func promptPieces(body []byte) []string {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if len(x) >= 48 {
				out = append(out, x[8:32])
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}
