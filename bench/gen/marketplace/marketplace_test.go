package marketplace

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(Write, Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, Write, small(t), Small(1), Small(2))
}

func TestConfigs(t *testing.T) {
	f, s := Full(7), Small(7)
	if f.Span != 6*time.Hour || s.Span != f.Span || !s.Start.Equal(f.Start) || f.Scale != 1 || s.Scale < 0.3 || s.Scale > 0.34 {
		t.Fatalf("Full %+v, Small %+v", f, s)
	}
	want := []string{"naive", "disguised", "reseller_harvest", "logprob", "agentic", "churn", "pivot", "low_slow"}
	cl := Classes()
	for _, c := range want {
		if !cl[c] {
			t.Errorf("campaign class %s missing", c)
		}
	}
	n := 0
	for _, camp := range cl {
		if camp {
			n++
		}
	}
	if n != len(want) {
		t.Errorf("%d campaign classes, want %d", n, len(want))
	}
}

// credential is the key a record carries where its dialect wants it.
func credential(r tracefmt.Record) (string, error) {
	auth, na := gentest.Header(r.Headers, "authorization")
	key, nk := gentest.Header(r.Headers, "x-api-key")
	if r.Path == "/v1/messages" {
		if v, n := gentest.Header(r.Headers, "anthropic-version"); nk != 1 || na != 0 || n != 1 || v == "" {
			return "", fmt.Errorf("/v1/messages with %d x-api-key, %d authorization, %d anthropic-version", nk, na, n)
		}
		return key, nil
	}
	if na != 1 || nk != 0 || !strings.HasPrefix(auth, "Bearer sk-") {
		return "", fmt.Errorf("%s with authorization %q (%d) and %d x-api-key", r.Path, auth, na, nk)
	}
	return strings.TrimPrefix(auth, "Bearer "), nil
}

func checkBody(path string, b map[string]any) error {
	if m, _ := b["model"].(string); m == "" {
		return fmt.Errorf("no model")
	}
	switch path {
	case "/v1/chat/completions":
		if _, ok := b["messages"].([]any); !ok {
			return fmt.Errorf("chat without messages")
		}
	case "/v1/messages":
		mt, ok := b["max_tokens"].(float64)
		if _, okm := b["messages"].([]any); !okm || !ok || mt < 1 {
			return fmt.Errorf("messages without messages or max_tokens")
		}
		if th, ok := b["thinking"].(map[string]any); ok {
			if th["budget_tokens"].(float64) >= mt || b["temperature"] != nil {
				return fmt.Errorf("thinking budget not below max_tokens, or a temperature with thinking")
			}
		}
	case "/v1/responses":
		if b["input"] == nil {
			return fmt.Errorf("responses without input")
		}
	case "/v1/completions":
		if _, ok := b["prompt"].(string); !ok {
			return fmt.Errorf("completions without prompt")
		}
	default:
		return fmt.Errorf("path %s", path)
	}
	return nil
}

// TestRecords checks every record of the small trace: its label, window,
// method, path, credential, headers and body; every class present; each
// account one credential and no two accounts one; each campaign longer
// than an hour.
func TestRecords(t *testing.T) {
	tr := small(t)
	recs, labels := gentest.ReadBack(t, tr)
	if len(recs) < 25000 || len(recs) > 50000 {
		t.Errorf("%d records in the small trace, want 25,000-50,000", len(recs))
	}
	cfg := Small(1)
	classes := Classes()
	perClass := map[string]int{}
	first, last := map[string]time.Time{}, map[string]time.Time{}
	creds, owner := map[string]string{}, map[string]string{}
	for i, r := range recs {
		l := labels[i]
		camp, ok := classes[l.Class]
		if !ok || camp != l.Campaign || l.Account == "" {
			t.Fatalf("line %d: bad label %+v", i+1, l)
		}
		prefix := l.Class + "-"
		if strings.HasPrefix(l.Class, "reseller_") {
			prefix = "reseller-" // one key pool, two classes
		}
		if !strings.HasPrefix(l.Account, prefix) {
			t.Fatalf("line %d: account %q of class %s", i+1, l.Account, l.Class)
		}
		perClass[l.Class]++
		if _, ok := first[l.Class]; !ok {
			first[l.Class] = r.TS
		}
		last[l.Class] = r.TS
		if r.TS.Before(cfg.Start) || !r.TS.Before(cfg.Start.Add(cfg.Span)) || r.Method != "POST" {
			t.Fatalf("line %d: %s at %s", i+1, r.Method, r.TS)
		}
		cred, err := credential(r)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if prev, ok := creds[l.Account]; ok && prev != cred {
			t.Fatalf("line %d: account %s changed its credential", i+1, l.Account)
		}
		creds[l.Account] = cred
		if o, ok := owner[cred]; ok && o != l.Account {
			t.Fatalf("line %d: accounts %s and %s share a credential", i+1, o, l.Account)
		}
		owner[cred] = l.Account
		if ua, n := gentest.Header(r.Headers, "user-agent"); n != 1 || ua == "" {
			t.Fatalf("line %d: user-agent %q (%d)", i+1, ua, n)
		}
		if cl, _ := gentest.Header(r.Headers, "content-length"); cl != strconv.Itoa(len(r.Body)) {
			t.Fatalf("line %d: content-length %s for %d bytes", i+1, cl, len(r.Body))
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("line %d: body: %v", i+1, err)
		}
		if err := checkBody(r.Path, body); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
	}
	for c, camp := range classes {
		if perClass[c] == 0 {
			t.Errorf("class %s absent", c)
			continue
		}
		if camp && last[c].Sub(first[c]) <= time.Hour {
			t.Errorf("campaign %s spans %s", c, last[c].Sub(first[c]))
		}
	}
	if legit := len(recs) - campaignRecords(labels); 2*legit <= len(recs) {
		t.Errorf("legitimate records %d of %d: not the majority", legit, len(recs))
	}
}

func campaignRecords(labels []tracefmt.Label) int {
	n := 0
	for _, l := range labels {
		if l.Campaign {
			n++
		}
	}
	return n
}

// TestWorld checks what the trace promises about its world: the new model
// appears only from the release on, the pivot campaign moves to it within
// the half hour and so do some legitimate users; the reseller's keys carry
// both its customers and its harvest.
func TestWorld(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	release := Small(1).Start.Add(ReleaseAfter)
	pivotNew, pivotOld, legitEarly := 0, 0, 0
	reseller := map[string]map[string]bool{}
	for i, r := range recs {
		l := labels[i]
		var b struct{ Model string }
		if err := json.Unmarshal(r.Body, &b); err != nil {
			t.Fatal(err)
		}
		isNew := b.Model == NewModel
		if isNew && r.TS.Before(release) {
			t.Fatalf("line %d: %s before the release", i+1, NewModel)
		}
		after := r.TS.Sub(release)
		switch {
		case l.Class == "pivot" && after > 30*time.Minute:
			if isNew {
				pivotNew++
			} else {
				pivotOld++
			}
		case !l.Campaign && isNew && after < 15*time.Minute:
			legitEarly++
		}
		if strings.HasPrefix(l.Class, "reseller_") {
			if reseller[l.Account] == nil {
				reseller[l.Account] = map[string]bool{}
			}
			reseller[l.Account][l.Class] = true
		}
	}
	if pivotOld != 0 || pivotNew == 0 {
		t.Errorf("pivot after release+30m: %d on the new model, %d on the old", pivotNew, pivotOld)
	}
	if legitEarly < 20 {
		t.Errorf("only %d legitimate requests on the new model in its first 15 minutes", legitEarly)
	}
	both := 0
	for _, cs := range reseller {
		if len(cs) == 2 {
			both++
		}
	}
	if both == 0 || both != len(reseller) {
		t.Errorf("%d of %d reseller keys carry both classes", both, len(reseller))
	}
}
