package proxy_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// gzipUpstream answers like an API behind a CDN: JSON compressed when the
// client accepts gzip.
type gzipUpstream struct{ batches atomic.Int32 }

func (u *gzipUpstream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
	var answer string
	switch r.URL.Path {
	case "/v1/files":
		answer = `{"id":"file-batch01","object":"file","bytes":1,"created_at":1796637600,"filename":"batch.jsonl","purpose":"batch","status":"processed"}`
	case "/v1/batches":
		u.batches.Add(1)
		answer = `{"id":"batch_01","object":"batch","input_file_id":"file-batch01","status":"validating"}`
	default:
		answer = `{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}`
	}
	w.Header().Set("Content-Type", "application/json")
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		_, _ = io.WriteString(zw, answer)
		_ = zw.Close()
		return
	}
	_, _ = io.WriteString(w, answer)
}

func reviewUpload(t *testing.T, url, key string, acceptGzip bool) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("purpose", "batch")
	fw, _ := mw.CreateFormFile("file", "batch.jsonl")
	line, _ := json.Marshal(map[string]any{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions",
		"body": map[string]any{"model": "gpt-4o", "messages": []map[string]string{{"role": "user", "content": "hello"}}}})
	fw.Write(append(line, '\n'))
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, url+"/v1/files", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+key)
	if acceptGzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	tr := &http.Transport{DisableCompression: !acceptGzip}
	res, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	t.Logf("upload (accept gzip %v): %d", acceptGzip, res.StatusCode)
}

func reviewCreate(t *testing.T, url, key string) int {
	req, _ := http.NewRequest(http.MethodPost, url+"/v1/batches", strings.NewReader(`{"input_file_id":"file-batch01","endpoint":"/v1/chat/completions","completion_window":"24h"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// TestBlockedBatchFileVerdictKeptWhenGzipAccepted: a batch file whose verdict
// is block is refused at POST /v1/batches -- unless the upload asked for a
// gzip response: keepFile then reads compressed bytes, keeps no verdict,
// and the batch passes as an unknown file.
func TestBlockedBatchFileVerdictKeptWhenGzipAccepted(t *testing.T) {
	for _, gz := range []bool{false, true} {
		up := &gzipUpstream{}
		upSrv := httptest.NewServer(up)
		defer upSrv.Close()
		eng, err := limiter.New(limiter.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		var log proxytest.SyncBuffer
		dl := proxy.NewDecisionLog(&log, 0)
		g, err := proxy.New(proxy.Config{Log: dl}, eng)
		if err != nil {
			t.Fatal(err)
		}
		fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: upSrv.URL}, nil)
		if err != nil {
			t.Fatal(err)
		}
		front := httptest.NewServer(proxy.NewHandler(g, fwd))
		defer front.Close()
		key := fmt.Sprintf("sk-review-%v", gz)
		// learn the account's cluster id, then have the operator block it
		req, _ := http.NewRequest(http.MethodPost, front.URL+"/v1/chat/completions", strings.NewReader(`{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}`))
		req.Header.Set("Authorization", "Bearer "+key)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		dl.Close()
		var rec struct{ Cluster string }
		json.Unmarshal([]byte(strings.SplitN(log.String(), "\n", 2)[0]), &rec)
		_, cid, ok := limiter.ParseID(rec.Cluster)
		if !ok {
			t.Fatalf("record %q", log.String())
		}
		eng.Override(limiter.ClusterID(cid), limiter.ActionBlock, time.Now().Add(time.Hour))

		reviewUpload(t, front.URL, key, gz)
		status := reviewCreate(t, front.URL, key)
		t.Logf("accept gzip %v: POST /v1/batches -> %d, reached upstream %d times", gz, status, up.batches.Load())
		if status != http.StatusForbidden || up.batches.Load() != 0 {
			t.Errorf("accept gzip %v: a batch of a blocked file was forwarded (status %d)", gz, status)
		}
	}
}
