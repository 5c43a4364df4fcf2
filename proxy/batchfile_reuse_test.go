package proxy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// TestBatchFileRunAgainIsCharged: a batch file's lines are metered once,
// at upload; every POST /v1/batches naming it runs the whole file upstream
// and is charged nothing, so the same 4 lines run 20 times while the same
// lines uploaded again are throttled.
func TestBatchFileRunAgainIsCharged(t *testing.T) {
	up := &gzipUpstream{}
	upSrv := httptest.NewServer(up)
	defer upSrv.Close()
	cfg := limiter.DefaultConfig()
	cfg.Account = limiter.Limit{Requests: 600, Tokens: 20_000}
	eng, err := limiter.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{}, eng)
	if err != nil {
		t.Fatal(err)
	}
	fwd, _ := proxy.NewForwarder(proxy.UpstreamConfig{URL: upSrv.URL}, nil)
	front := httptest.NewServer(proxy.NewHandler(g, fwd))
	defer front.Close()
	upload := func() int {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("purpose", "batch")
		fw, _ := mw.CreateFormFile("file", "batch.jsonl")
		for i := range 4 {
			line, _ := json.Marshal(map[string]any{"custom_id": fmt.Sprint(i), "method": "POST", "url": "/v1/chat/completions",
				"body": map[string]any{"model": "gpt-4o", "max_tokens": 4000, "messages": []map[string]string{{"role": "user", "content": fmt.Sprintf("question %d", i)}}}})
			fw.Write(append(line, '\n'))
		}
		mw.Close()
		req, _ := http.NewRequest(http.MethodPost, front.URL+"/v1/files", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer sk-reuse")
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	create := func() int {
		req, _ := http.NewRequest(http.MethodPost, front.URL+"/v1/batches", strings.NewReader(`{"input_file_id":"file-batch01","endpoint":"/v1/chat/completions","completion_window":"24h"}`))
		req.Header.Set("Authorization", "Bearer sk-reuse")
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	if s := upload(); s != 200 {
		t.Fatalf("first upload %d", s)
	}
	ok := 0
	for range 20 {
		if create() == 200 {
			ok++
		}
	}
	again := upload()
	t.Logf("one upload of 4 lines (~16k tokens of a 20k bucket); %d of 20 batches naming it reached the upstream (%d); the same file uploaded again: %d", ok, up.batches.Load(), again)
	_ = time.Second
	if ok > 1 && again == http.StatusTooManyRequests {
		t.Errorf("the file ran %d times upstream for one metering; uploading its lines once more is throttled", ok)
	}
}
