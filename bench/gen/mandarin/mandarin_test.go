package mandarin

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

func generate(t *testing.T, cfg Config) ([]byte, []Label) {
	t.Helper()
	var trace bytes.Buffer
	var labels []Label
	line := make([]byte, 0, 1<<14)
	err := Generate(cfg, func(r Record, l Label) error {
		line = append(r.AppendJSON(line[:0]), '\n')
		trace.Write(line)
		labels = append(labels, l)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return trace.Bytes(), labels
}

func TestDeterministic(t *testing.T) {
	a, la := generate(t, Small(3))
	b, lb := generate(t, Small(3))
	if !bytes.Equal(a, b) || len(la) != len(lb) {
		t.Fatal("same seed, different traces")
	}
	for i := range la {
		if la[i] != lb[i] {
			t.Fatalf("same seed, label %d differs", i)
		}
	}
	c, _ := generate(t, Small(4))
	if sha256.Sum256(a) == sha256.Sum256(c) {
		t.Fatal("different seeds, same trace")
	}
}

// TestContract checks every record against the trace-record contract of
// docs/contracts.md and the labels against the records.
func TestContract(t *testing.T) {
	trace, labels := generate(t, Small(1))
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(labels) {
		t.Fatalf("%d records, %d labels", len(recs), len(labels))
	}
	keyOf := map[string]string{} // label account -> credential
	classes := map[string]int{}
	zh := 0
	for i, w := range recs {
		if w.RequestID != labels[i].RequestID {
			t.Fatalf("record %d: request id %q, label %q", i, w.RequestID, labels[i].RequestID)
		}
		if w.Method != "POST" {
			t.Fatalf("record %d: method %q", i, w.Method)
		}
		var body map[string]any
		if err := json.Unmarshal(w.Body, &body); err != nil {
			t.Fatalf("record %d: body: %v", i, err)
		}
		if _, ok := body["model"].(string); !ok {
			t.Fatalf("record %d: no model", i)
		}
		cred, clen := "", ""
		for _, h := range w.Headers {
			switch strings.ToLower(h[0]) {
			case "authorization":
				cred = strings.TrimPrefix(h[1], "Bearer ")
			case "x-api-key":
				cred = h[1]
			case "content-length":
				clen = h[1]
			}
		}
		if clen != "" && clen != strconv.Itoa(len(w.Body)) {
			t.Fatalf("record %d: content-length %s, body %d bytes", i, clen, len(w.Body))
		}
		if cred == "" {
			t.Fatalf("record %d: no credential", i)
		}
		if k, ok := keyOf[labels[i].Account]; ok && k != cred {
			t.Fatalf("record %d: account %s changed key", i, labels[i].Account)
		}
		keyOf[labels[i].Account] = cred
		switch w.Path {
		case pathChat:
			if _, ok := body["messages"]; !ok {
				t.Fatalf("record %d: chat without messages", i)
			}
		case pathResponses:
			if _, ok := body["input"]; !ok {
				t.Fatalf("record %d: responses without input", i)
			}
		case pathMessages:
			if _, ok := body["max_tokens"]; !ok {
				t.Fatalf("record %d: messages without max_tokens", i)
			}
		default:
			t.Fatalf("record %d: path %q", i, w.Path)
		}
		if IsCampaign(labels[i].Class) != labels[i].Campaign {
			t.Fatalf("record %d: campaign flag", i)
		}
		classes[labels[i].Class]++
		if bytes.ContainsAny(w.Body, "的是了") {
			zh++
		}
	}
	for _, c := range Classes {
		if classes[c] == 0 {
			t.Errorf("class %s has no records", c)
		}
	}
	if share := float64(zh) / float64(len(recs)); share < 0.35 {
		t.Errorf("Chinese share %.2f, want about half", share)
	}
}
