package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAccessLog: one line per request once its response ended, with the
// status, the bytes sent, the request id and the path without its query;
// a streamed response still flushes through the wrapper.
func TestAccessLog(t *testing.T) {
	var out bytes.Buffer
	l := newAccessLog(&out, 16)
	h := l.handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "rid-"+r.URL.Path[1:])
		switch r.URL.Path {
		case "/refused":
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"error":{}}`)
		case "/stream":
			if _, ok := w.(http.Flusher); !ok {
				t.Error("the wrapper hides http.Flusher")
			}
			if err := http.NewResponseController(w).Flush(); err != nil {
				t.Errorf("ResponseController.Flush: %v", err)
			}
			io.WriteString(w, "data: x\n\n")
		default:
			io.WriteString(w, "hello")
		}
	}))
	srv := httptest.NewServer(h)
	for _, p := range []string{"/ok?key=sk-secret", "/refused", "/stream"} {
		res, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	srv.Close()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "sk-secret") {
		t.Error("the query string reached the access log")
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	want := []struct {
		id, path string
		status   float64
		bytes    float64
	}{{"rid-ok", "/ok", 200, 5}, {"rid-refused", "/refused", 429, 12}, {"rid-stream", "/stream", 200, 9}}
	for i, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		w := want[i]
		if m["request_id"] != w.id || m["path"] != w.path || m["status"] != w.status || m["bytes"] != w.bytes || m["method"] != "GET" {
			t.Errorf("line %d: %v, want %+v", i, m, w)
		}
		if _, ok := m["duration_ms"].(float64); !ok {
			t.Errorf("line %d: no duration", i)
		}
	}
}
