// Package gentest holds the checks that the tests of most generators
// under bench/gen share: the same seed gives the same bytes, the trace
// reads back through tracefmt's strict reader with a label for every
// record, every class is present, the size stays in its bounds, and every
// request is well formed for its API. What a generator's traffic is meant
// to show stays in its own tests.
package gentest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Trace is a generated trace and its labels, as written.
type Trace struct {
	Trace, Labels []byte
	N             int // records
}

// WriteFunc writes the trace of a C and its labels and returns the number
// of records: a generator's Write.
type WriteFunc[C any] func(cfg C, trace, labels io.Writer) (int, error)

// Generate writes the trace of cfg; an error fails t.
func Generate[C any](t testing.TB, write WriteFunc[C], cfg C) Trace {
	t.Helper()
	var tb, lb bytes.Buffer
	n, err := write(cfg, &tb, &lb)
	if err != nil {
		t.Fatal(err)
	}
	return Trace{Trace: tb.Bytes(), Labels: lb.Bytes(), N: n}
}

// Once returns a function that generates the trace of cfg on its first
// call and returns that same trace on every call: the trace a package's
// tests share.
func Once[C any](write WriteFunc[C], cfg C) func(testing.TB) Trace {
	var (
		once sync.Once
		tr   Trace
	)
	return func(t testing.TB) Trace {
		once.Do(func() { tr = Generate(t, write, cfg) })
		return tr
	}
}

// Deterministic checks that cfg, written once more, gives the bytes of tr
// (its trace), and that other gives another trace.
func Deterministic[C any](t *testing.T, write WriteFunc[C], tr Trace, cfg, other C) {
	t.Helper()
	again := Generate(t, write, cfg)
	if !bytes.Equal(tr.Trace, again.Trace) || !bytes.Equal(tr.Labels, again.Labels) {
		t.Fatal("the same seed gave different traces")
	}
	if bytes.Equal(tr.Trace, Generate(t, write, other).Trace) {
		t.Fatal("two seeds gave the same trace")
	}
}

// ReadBack reads tr with tracefmt's strict reader and its labels strictly
// (no unknown fields), and checks that every record has its label, line
// for line.
func ReadBack(t testing.TB, tr Trace) ([]tracefmt.Record, []tracefmt.Label) {
	t.Helper()
	recs, err := tracefmt.ReadRecords(bytes.NewReader(tr.Trace))
	if err != nil {
		t.Fatal(err)
	}
	var labels []tracefmt.Label
	sc := bufio.NewScanner(bytes.NewReader(tr.Labels))
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var l tracefmt.Label
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("label line %d: %v", n, err)
		}
		labels = append(labels, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(labels) {
		t.Fatalf("%d records, %d labels", len(recs), len(labels))
	}
	for i, r := range recs {
		if labels[i].RequestID != r.RequestID {
			t.Fatalf("line %d: label %q for record %q", i+1, labels[i].RequestID, r.RequestID)
		}
	}
	return recs, labels
}

// Header returns the value of the last header called name (in any case)
// and how many there are.
func Header(hs [][2]string, name string) (string, int) {
	v, n := "", 0
	for _, h := range hs {
		if strings.EqualFold(h[0], name) {
			v, n = h[1], n+1
		}
	}
	return v, n
}

// Spec is what CheckRecords holds a trace to.
type Spec struct {
	Classes    map[string]bool // every class and whether it is a campaign: a generator's Classes()
	Start, End time.Time       // the window
	Min, Max   int             // bounds of the number of records; Max 0: no bounds
	Paths      []string        // the paths a request may have

	// AccountPrefix, when not nil, names the prefix a label's account must
	// have (the default is the class and a dash): a reseller whose one key
	// pool carries both its customers and its harvest names its accounts
	// after itself, not after either class.
	AccountPrefix func(l tracefmt.Label) string

	// Check, when not nil, checks what else a generator promises of a
	// record, given its label and its decoded body.
	Check func(r tracefmt.Record, l tracefmt.Label, body map[string]any) error
}

// CheckRecords checks recs and their labels (from ReadBack) against spec:
// the number of records; every label of a known class, its campaign flag
// and an account named after the class (or Spec.AccountPrefix); every
// class present; every record
// a POST inside the window, to one of the paths, with the credential where
// its dialect wants it (one account, one credential, no two accounts
// sharing one), one user-agent, a content-length that is the body's, and
// a body with a model and what its API requires.
func CheckRecords(t *testing.T, recs []tracefmt.Record, labels []tracefmt.Label, spec Spec) {
	t.Helper()
	if spec.Max > 0 && (len(recs) < spec.Min || len(recs) > spec.Max) {
		t.Errorf("%d records, want %d-%d", len(recs), spec.Min, spec.Max)
	}
	paths := map[string]bool{}
	for _, p := range spec.Paths {
		paths[p] = true
	}
	perClass := map[string]int{}
	creds := map[string]string{}
	for i, r := range recs {
		l := labels[i]
		campaign, ok := spec.Classes[l.Class]
		prefix := l.Class + "-"
		if spec.AccountPrefix != nil {
			prefix = spec.AccountPrefix(l)
		}
		if !ok || campaign != l.Campaign || !strings.HasPrefix(l.Account, prefix) {
			t.Fatalf("line %d: bad label %+v", i+1, l)
		}
		perClass[l.Class]++
		if r.TS.Before(spec.Start) || !r.TS.Before(spec.End) {
			t.Fatalf("line %d: ts %s outside the window", i+1, r.TS.Format(time.RFC3339))
		}
		if r.Method != "POST" || !paths[r.Path] {
			t.Fatalf("line %d: %s %s", i+1, r.Method, r.Path)
		}
		cred, err := credential(r)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if prev, ok := creds[l.Account]; ok && prev != cred {
			t.Fatalf("line %d: account %s changed its credential", i+1, l.Account)
		}
		creds[l.Account] = cred
		if ua, n := Header(r.Headers, "user-agent"); n != 1 || ua == "" {
			t.Fatalf("line %d: user-agent %q (%d)", i+1, ua, n)
		}
		if cl, _ := Header(r.Headers, "content-length"); cl != strconv.Itoa(len(r.Body)) {
			t.Fatalf("line %d: content-length %s for a body of %d bytes", i+1, cl, len(r.Body))
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("line %d: body: %v", i+1, err)
		}
		if err := checkBody(r.Path, body); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if spec.Check != nil {
			if err := spec.Check(r, l, body); err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
		}
	}
	for c := range spec.Classes {
		if perClass[c] == 0 {
			t.Errorf("class %s absent", c)
		}
	}
	seen := map[string]string{}
	for a, c := range creds {
		if b, ok := seen[c]; ok {
			t.Errorf("accounts %s and %s share a credential", a, b)
		}
		seen[c] = a
	}
}

// credential returns the API key of r: x-api-key (and an
// anthropic-version) on /v1/messages, a Bearer sk- authorization on the
// OpenAI paths.
func credential(r tracefmt.Record) (string, error) {
	auth, na := Header(r.Headers, "authorization")
	key, nk := Header(r.Headers, "x-api-key")
	if r.Path == "/v1/messages" {
		if nk != 1 || na != 0 {
			return "", fmt.Errorf("/v1/messages with %d x-api-key and %d authorization", nk, na)
		}
		if v, n := Header(r.Headers, "anthropic-version"); n != 1 || v == "" {
			return "", fmt.Errorf("no anthropic-version")
		}
		return key, nil
	}
	if na != 1 || nk != 0 || !strings.HasPrefix(auth, "Bearer sk-") {
		return "", fmt.Errorf("%s with authorization %q (%d) and %d x-api-key", r.Path, auth, na, nk)
	}
	return strings.TrimPrefix(auth, "Bearer "), nil
}

// checkBody checks that body has a model and what the API of path
// requires; a thinking budget must stay below max_tokens.
func checkBody(path string, body map[string]any) error {
	if m, _ := body["model"].(string); m == "" {
		return fmt.Errorf("no model")
	}
	switch path {
	case "/v1/chat/completions":
		if _, ok := body["messages"].([]any); !ok {
			return fmt.Errorf("chat without messages")
		}
	case "/v1/messages":
		if _, ok := body["messages"].([]any); !ok || body["max_tokens"] == nil {
			return fmt.Errorf("messages without messages or max_tokens")
		}
		if th, ok := body["thinking"].(map[string]any); ok && th["budget_tokens"].(float64) >= body["max_tokens"].(float64) {
			return fmt.Errorf("thinking budget not below max_tokens")
		}
	case "/v1/responses":
		if body["input"] == nil {
			return fmt.Errorf("responses without input")
		}
	case "/v1/completions":
		if _, ok := body["prompt"].(string); !ok {
			return fmt.Errorf("completions without prompt")
		}
	}
	return nil
}

// FirstSeen returns the instant each account is first seen in recs and
// its class.
func FirstSeen(recs []tracefmt.Record, labels []tracefmt.Label) (first map[string]time.Time, class map[string]string) {
	first, class = map[string]time.Time{}, map[string]string{}
	for i, r := range recs {
		a := labels[i].Account
		if _, ok := first[a]; !ok {
			first[a], class[a] = r.TS, labels[i].Class
		}
	}
	return first, class
}
