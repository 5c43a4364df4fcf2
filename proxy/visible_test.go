package proxy_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// TestRefusalsAreVisible: a body over the limit and a body that cannot be
// read are answered in the dialect's format, leave a decision record with
// action error, the account and the cause, and count as action "error" in
// sluice_requests_total; the in-flight gauge is back at 0 after them.
func TestRefusalsAreVisible(t *testing.T) {
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var logBuf bytes.Buffer
	dl := proxy.NewDecisionLog(&logBuf, 64)
	reg := prometheus.NewRegistry()
	g, err := proxy.New(proxy.Config{MaxBodyBytes: 1 << 10, Log: dl, Registerer: reg}, eng)
	if err != nil {
		t.Fatal(err)
	}
	h := proxy.NewHandler(g, http.NotFoundHandler())
	big := `{"model":"gpt-4o","messages":[{"role":"user","content":"` + strings.Repeat("x", 4<<10) + `"}]}`
	req := httptest.NewRequest(http.MethodPost, "/v1/chat/completions", strings.NewReader(big))
	req.Header.Set("Authorization", "Bearer sk-visible")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("oversize body: %d", w.Code)
	}
	req = httptest.NewRequest(http.MethodPost, "/v1/chat/completions", io.MultiReader(strings.NewReader(`{"model":`), errReader{}))
	req.Header.Set("Authorization", "Bearer sk-visible")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusBadRequest {
		t.Fatalf("unreadable body: %d", w.Code)
	}
	// a client that closes the connection before its body has come
	req = httptest.NewRequest(http.MethodPost, "/v1/chat/completions", io.MultiReader(strings.NewReader(`{"model":`), cutReader{}))
	req.Header.Set("Authorization", "Bearer sk-visible")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Body.Len() != 0 {
		t.Fatalf("answered a client that is gone: %q", w.Body.String())
	}
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(logBuf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d decision records, want 3:\n%s", len(lines), logBuf.String())
	}
	for i, want := range []struct {
		reason, outcome string
		status          int
	}{{"body_too_large", "refused", 413}, {"body_unreadable", "refused", 400}, {"body_incomplete", "client_gone", 499}} {
		d := parseDecision(t, []byte(lines[i]))
		if *d.Action != "error" || len(d.Reasons) == 0 || d.Reasons[len(d.Reasons)-1] != want.reason {
			t.Errorf("record %d: action %s reasons %v, want error %s", i, *d.Action, d.Reasons, want.reason)
		}
		if d.Status != want.status || d.Outcome != want.outcome || d.DurationMs == nil {
			t.Errorf("record %d: status %d outcome %q, want %d %q with a duration", i, d.Status, d.Outcome, want.status, want.outcome)
		}
	}
	if strings.Contains(logBuf.String(), "sk-visible") {
		t.Error("the raw key is in the decision log")
	}
	mf, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var errs, inflight float64 = -1, -1
	for _, f := range mf {
		switch f.GetName() {
		case "sluice_requests_total":
			for _, m := range f.GetMetric() {
				if labels(m) == "openai/error" {
					errs = m.GetCounter().GetValue()
				}
			}
		case "sluice_in_flight_requests":
			inflight = f.GetMetric()[0].GetGauge().GetValue()
		}
	}
	if errs != 3 || inflight != 0 {
		t.Errorf("sluice_requests_total{openai,error} %v, in flight %v; want 3 and 0", errs, inflight)
	}
}

// labels is a metric's dialect and action labels, "dialect/action".
func labels(m *dto.Metric) string {
	var d, a string
	for _, l := range m.GetLabel() {
		switch l.GetName() {
		case "dialect":
			d = l.GetValue()
		case "action":
			a = l.GetValue()
		}
	}
	return d + "/" + a
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("broken body") }

// cutReader is a body whose client closed the connection midway.
type cutReader struct{}

func (cutReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }
