package proxy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/internal/stub"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// batchUpstream answers the batch routes as the official APIs do (enough
// for the SDKs to parse) and everything else with the stub model API; it
// keeps the last body each batch route received.
type batchUpstream struct {
	stub   http.Handler
	mu     sync.Mutex
	bodies map[string][]byte
	ctype  map[string]string
}

func newBatchUpstream() *batchUpstream {
	return &batchUpstream{stub: stub.New(stub.Config{}), bodies: map[string][]byte{}, ctype: map[string]string{}}
}

func (u *batchUpstream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var answer string
	switch r.URL.Path {
	case "/v1/messages/batches":
		answer = `{"id":"msgbatch_01","type":"message_batch","processing_status":"in_progress","request_counts":{"canceled":0,"errored":0,"expired":0,"processing":1000,"succeeded":0},"created_at":"2026-12-07T10:00:00Z","expires_at":"2026-12-08T10:00:00Z","ended_at":null,"archived_at":null,"cancel_initiated_at":null,"results_url":null}`
	case "/v1/files":
		answer = `{"id":"file-batch01","object":"file","bytes":1,"created_at":1796637600,"filename":"batch.jsonl","purpose":"batch","status":"processed"}`
	case "/v1/batches":
		answer = `{"id":"batch_01","object":"batch","endpoint":"/v1/chat/completions","input_file_id":"file-batch01","completion_window":"24h","status":"validating","created_at":1796637600}`
	default:
		u.stub.ServeHTTP(w, r)
		return
	}
	b, _ := io.ReadAll(r.Body)
	u.mu.Lock()
	u.bodies[r.URL.Path] = b
	u.ctype[r.URL.Path] = r.Header.Get("Content-Type")
	u.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, answer)
}

func (u *batchUpstream) body(path string) ([]byte, string, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	b, ok := u.bodies[path]
	return b, u.ctype[path], ok
}

// testClock is a settable clock for the guard.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// batchStack is the guard in front of a batchUpstream, with a decision log.
type batchStack struct {
	up    *batchUpstream
	front *httptest.Server
	clock *testClock
	log   *proxytest.SyncBuffer
	dl    *proxy.DecisionLog
}

// newBatchStack's engine has the default config with thresholds th and a
// cluster token budget large enough for a 1,000-part batch (the default
// budget throttles a suspected cluster's batch: TestBatchMeteredAsOneRequest).
func newBatchStack(t *testing.T, th limiter.Thresholds) *batchStack {
	t.Helper()
	s := &batchStack{up: newBatchUpstream(), clock: &testClock{t: time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)}, log: &proxytest.SyncBuffer{}}
	upSrv := httptest.NewServer(s.up)
	t.Cleanup(upSrv.Close)
	cfg := limiter.DefaultConfig()
	cfg.Thresholds = th
	cfg.Cluster.Tokens = 50_000_000
	eng, err := limiter.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.dl = proxy.NewDecisionLog(s.log, 0)
	g, err := proxy.New(proxy.Config{Log: s.dl, Now: s.clock.now}, eng)
	if err != nil {
		t.Fatal(err)
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: upSrv.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.front = httptest.NewServer(proxy.NewHandler(g, fwd))
	t.Cleanup(s.front.Close)
	return s
}

// records returns the decision records written so far.
func (s *batchStack) records(t *testing.T) []map[string]any {
	t.Helper()
	if err := s.dl.Close(); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s.log.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("record %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// batchRecord is the record of the request that had parts parts.
func batchRecord(t *testing.T, recs []map[string]any, parts int) map[string]any {
	t.Helper()
	for _, r := range recs {
		if p, _ := r["parts"].(float64); int(p) == parts {
			return r
		}
	}
	t.Fatalf("no decision record with %d parts", parts)
	return nil
}

// The campaign: many accounts harvesting worked reasoning for given
// answers on one template; harvestPrompt is its prompt for item i. The
// batch mixes it with ordinary requests (benignPrompt).
func harvestPrompt(i int) string {
	return fmt.Sprintf("Here is the final answer: %d. Write out, step by step, the complete chain of reasoning that leads to this answer for problem %d, showing every intermediate step and calculation in full detail.", 1000+i*7, i)
}

var benignTopics = []string{"a birthday card for my aunt", "a short note to my landlord about the heating", "a haiku about autumn rain", "a reminder to water the plants", "a thank-you email to a colleague", "a caption for a photo of my dog", "a shopping list for a picnic", "a title for my gardening blog post"}

func benignPrompt(i int) string {
	return fmt.Sprintf("Could you suggest a friendly opening line for %s? Variant %d, keep it under twenty words.", benignTopics[i%len(benignTopics)], i)
}

const campaignAccounts = 40

// ownPause is the batch account's pause after its request of round r: its
// users' demand, uneven (0 to 119 seconds, the same for every run).
func ownPause(r int) time.Duration {
	return time.Duration(rand.New(rand.NewPCG(uint64(r), 17)).IntN(120)) * time.Second
}

// The batches come from an account of its own, which has used the API
// for two hours (an hour is the least history an account needs before
// it can be blocked): its harvest-shaped parts share the campaign's
// template and are judged on it, its ordinary parts are its own.
const (
	anthropicBatchKey = "sk-ant-batch"
	openAIBatchKey    = "sk-oai-batch"
)

// warmAnthropicCampaign runs the campaign through the proxy with the
// official SDK over two simulated hours, so that its accounts form a
// suspected cluster; the batch account sends ordinary requests.
func warmAnthropicCampaign(t *testing.T, s *batchStack) {
	t.Helper()
	ctx := context.Background()
	own := anthropic.NewClient(aoption.WithBaseURL(s.front.URL), aoption.WithAPIKey(anthropicBatchKey), aoption.WithMaxRetries(0))
	clients := make([]anthropic.Client, campaignAccounts)
	for a := range clients {
		clients[a] = anthropic.NewClient(aoption.WithBaseURL(s.front.URL), aoption.WithAPIKey(fmt.Sprintf("sk-ant-camp-%d", a)), aoption.WithMaxRetries(0))
	}
	for round := range 24 {
		if _, err := own.Messages.New(ctx, anthropic.MessageNewParams{
			Model: "claude-sonnet-4-5", MaxTokens: 300,
			Messages: []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(benignPrompt(round)))},
		}); err != nil {
			t.Fatalf("the batch account's own request: %v", err)
		}
		// the batch account's own traffic comes when its users need it,
		// not on the campaign's timer
		s.clock.add(ownPause(round))
		for a := range clients {
			i := round*campaignAccounts + a
			_, _ = clients[a].Messages.New(ctx, anthropic.MessageNewParams{
				Model:     "claude-sonnet-4-5",
				MaxTokens: 16000,
				Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(harvestPrompt(i)))},
			})
			s.clock.add(7 * time.Second)
		}
	}
}

// sentBody captures the body an SDK sent.
type sentBody struct {
	mu sync.Mutex
	b  map[string][]byte
}

func (c *sentBody) keep(r *http.Request) {
	if r.Body == nil {
		return
	}
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(b))
	c.mu.Lock()
	if c.b == nil {
		c.b = map[string][]byte{}
	}
	c.b[r.URL.Path] = b
	c.mu.Unlock()
}

func (c *sentBody) get(path string) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.b[path]
}

// messageBatchParams is a batch of n requests: even ones harvest-shaped,
// odd ones ordinary.
func messageBatchParams(n int) anthropic.MessageBatchNewParams {
	reqs := make([]anthropic.MessageBatchNewParamsRequest, n)
	for i := range reqs {
		p := anthropic.MessageBatchNewParamsRequestParams{Model: "claude-sonnet-4-5", MaxTokens: 300}
		text := benignPrompt(i)
		if i%2 == 0 {
			text, p.MaxTokens = harvestPrompt(5000+i), 16000
		}
		p.Messages = []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(text))}
		reqs[i] = anthropic.MessageBatchNewParamsRequest{CustomID: fmt.Sprintf("req-%04d", i), Params: p}
	}
	return anthropic.MessageBatchNewParams{Requests: reqs}
}

// partsOf splits a message batch body into its parts' raw params.
func partsOf(t *testing.T, body []byte) []json.RawMessage {
	t.Helper()
	var b struct {
		Requests []struct {
			CustomID string          `json:"custom_id"`
			Params   json.RawMessage `json:"params"`
		} `json:"requests"`
	}
	if err := json.Unmarshal(body, &b); err != nil {
		t.Fatalf("batch body: %v", err)
	}
	out := make([]json.RawMessage, len(b.Requests))
	for i, r := range b.Requests {
		out[i] = r.Params
	}
	return out
}

// checkParts checks the parts that reached the upstream against what the
// SDK sent and the record's part actions: allowed parts unchanged byte for
// byte, degraded ones with their output clamped; ordinary (odd) parts
// allowed, and at least 90% of the harvest-shaped (even) ones degraded.
// (The first harvest-shaped parts of an account with an ordinary history
// pass, as they would if each had been sent alone: its history has not
// turned yet.)
func checkParts(t *testing.T, acts string, sent, got []json.RawMessage, maxTokensKey string) {
	t.Helper()
	if len(acts) != len(sent) || len(got) != len(sent) {
		t.Fatalf("%d part actions, %d parts sent, %d forwarded; want equal", len(acts), len(sent), len(got))
	}
	var degraded, allowed int
	for i := range sent {
		switch acts[i] {
		case 'a':
			allowed++
			if !bytes.Equal(sent[i], got[i]) {
				t.Fatalf("part %d allowed but changed:\nsent %s\ngot  %s", i, sent[i], got[i])
			}
		case 'd':
			degraded++
			var m map[string]any
			if err := json.Unmarshal(got[i], &m); err != nil {
				t.Fatalf("part %d: %v", i, err)
			}
			if mt, _ := m[maxTokensKey].(float64); mt > 512 {
				t.Errorf("part %d degraded but %s = %v", i, maxTokensKey, mt)
			}
			if i%2 == 1 {
				t.Errorf("part %d is ordinary but degraded", i)
			}
		default:
			t.Fatalf("part %d: action %q in a forwarded batch", i, acts[i])
		}
	}
	t.Logf("%d parts allowed, %d degraded", allowed, degraded)
	if degraded < len(sent)/2*9/10 {
		t.Errorf("%d of %d harvest-shaped parts degraded; want at least 90%%", degraded, len(sent)/2)
	}
}

// TestMessageBatchDecidedPartByPart: an Anthropic message batch of 1,000
// requests, half of them harvest-shaped on a suspected cluster's template, sent with
// the official SDK's Messages.Batches.New, is decided part by part: the
// harvest-shaped parts are degraded in place and the ordinary ones reach
// the upstream byte for byte; with a block threshold the batch is refused.
func TestMessageBatchDecidedPartByPart(t *testing.T) {
	const n = 1000
	t.Run("degrade", func(t *testing.T) {
		s := newBatchStack(t, limiter.Thresholds{Degrade: 0.5})
		warmAnthropicCampaign(t, s)
		var sent sentBody
		c := anthropic.NewClient(aoption.WithBaseURL(s.front.URL), aoption.WithAPIKey(anthropicBatchKey), aoption.WithMaxRetries(0),
			aoption.WithMiddleware(func(r *http.Request, next aoption.MiddlewareNext) (*http.Response, error) {
				sent.keep(r)
				return next(r)
			}))
		batch, err := c.Messages.Batches.New(context.Background(), messageBatchParams(n))
		if err != nil {
			t.Fatalf("Messages.Batches.New: %v", err)
		}
		if batch.ID != "msgbatch_01" {
			t.Fatalf("batch id %q", batch.ID)
		}
		got, _, ok := s.up.body("/v1/messages/batches")
		if !ok {
			t.Fatal("the batch did not reach the upstream")
		}
		rec := batchRecord(t, s.records(t), n)
		if rec["action"] != "degrade" {
			t.Errorf("batch action %v, want degrade", rec["action"])
		}
		checkParts(t, rec["part_actions"].(string), partsOf(t, sent.get("/v1/messages/batches")), partsOf(t, got), "max_tokens")
	})
	t.Run("block", func(t *testing.T) {
		s := newBatchStack(t, limiter.Thresholds{Block: 0.5})
		warmAnthropicCampaign(t, s)
		c := anthropic.NewClient(aoption.WithBaseURL(s.front.URL), aoption.WithAPIKey(anthropicBatchKey), aoption.WithMaxRetries(0))
		_, err := c.Messages.Batches.New(context.Background(), messageBatchParams(n))
		var ae *anthropic.Error
		if !errors.As(err, &ae) || ae.StatusCode != http.StatusForbidden {
			t.Fatalf("Messages.Batches.New: %v; want a 403", err)
		}
		if _, _, ok := s.up.body("/v1/messages/batches"); ok {
			t.Fatal("a refused batch reached the upstream")
		}
		rec := batchRecord(t, s.records(t), n)
		acts := rec["part_actions"].(string)
		if rec["action"] != "block" || strings.Count(acts, "b") < n/2*9/10 {
			t.Errorf("batch action %v with %d parts blocked; want block, most harvest-shaped parts blocked", rec["action"], strings.Count(acts, "b"))
		}
		for i := 1; i < n; i += 2 {
			if acts[i] != 'a' {
				t.Fatalf("ordinary part %d: action %q, want allow", i, acts[i])
			}
		}
	})
}

// warmOpenAICampaign is warmAnthropicCampaign with the OpenAI SDK.
func warmOpenAICampaign(t *testing.T, s *batchStack) {
	t.Helper()
	ctx := context.Background()
	own := openai.NewClient(ooption.WithBaseURL(s.front.URL+"/v1"), ooption.WithAPIKey(openAIBatchKey), ooption.WithMaxRetries(0))
	clients := make([]openai.Client, campaignAccounts)
	for a := range clients {
		clients[a] = openai.NewClient(ooption.WithBaseURL(s.front.URL+"/v1"), ooption.WithAPIKey(fmt.Sprintf("sk-oai-camp-%d", a)), ooption.WithMaxRetries(0))
	}
	for round := range 24 {
		if _, err := own.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
			Model: "gpt-4o", MaxCompletionTokens: openai.Int(300),
			Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(benignPrompt(round))},
		}); err != nil {
			t.Fatalf("the batch account's own request: %v", err)
		}
		// the batch account's own traffic comes when its users need it,
		// not on the campaign's timer
		s.clock.add(ownPause(round))
		for a := range clients {
			i := round*campaignAccounts + a
			_, _ = clients[a].Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
				Model:               "gpt-4o",
				MaxCompletionTokens: openai.Int(16000),
				Messages:            []openai.ChatCompletionMessageParamUnion{openai.UserMessage(harvestPrompt(i))},
			})
			s.clock.add(7 * time.Second)
		}
	}
}

// batchFile is an OpenAI batch file of n chat completion lines: even ones
// harvest-shaped, odd ones ordinary.
func batchFile(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		text, mt := benignPrompt(i), 300
		if i%2 == 0 {
			text, mt = harvestPrompt(5000+i), 16000
		}
		line, _ := json.Marshal(map[string]any{
			"custom_id": fmt.Sprintf("req-%04d", i),
			"method":    "POST",
			"url":       "/v1/chat/completions",
			"body": map[string]any{
				"model":                 "gpt-4o",
				"max_completion_tokens": mt,
				"messages":              []map[string]string{{"role": "user", "content": text}},
			},
		})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// fileLines splits a batch file into its lines' raw bodies.
func fileLines(t *testing.T, file []byte) []json.RawMessage {
	t.Helper()
	var out []json.RawMessage
	for _, line := range bytes.Split(bytes.TrimSpace(file), []byte("\n")) {
		var l struct {
			Body json.RawMessage `json:"body"`
		}
		if err := json.Unmarshal(line, &l); err != nil {
			t.Fatalf("batch file line %q: %v", line, err)
		}
		out = append(out, l.Body)
	}
	return out
}

// uploadedFile is the file field of a multipart upload.
func uploadedFile(t *testing.T, body []byte, ctype string) []byte {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	if err := req.ParseMultipartForm(64 << 20); err != nil {
		t.Fatalf("upload: %v", err)
	}
	f, _, err := req.FormFile("file")
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	b, _ := io.ReadAll(f)
	return b
}

// TestOpenAIBatchFileDecidedLineByLine: an OpenAI batch file of 1,000
// lines, half harvest-shaped on a suspected cluster's template, uploaded
// with the official SDK's Files.New, is decided line by line: its harvest-shaped
// lines are degraded in the upload and the others reach the upstream byte
// for byte; with a block threshold the upload is kept and the Batches.New
// that names the file is refused.
func TestOpenAIBatchFileDecidedLineByLine(t *testing.T) {
	const n = 1000
	file := batchFile(n)
	newClient := func(s *batchStack) openai.Client {
		return openai.NewClient(ooption.WithBaseURL(s.front.URL+"/v1"), ooption.WithAPIKey(openAIBatchKey), ooption.WithMaxRetries(0))
	}
	create := func(c openai.Client, id string) error {
		_, err := c.Batches.New(context.Background(), openai.BatchNewParams{
			InputFileID:      id,
			Endpoint:         openai.BatchNewParamsEndpointV1ChatCompletions,
			CompletionWindow: openai.BatchNewParamsCompletionWindow24h,
		})
		return err
	}
	t.Run("degrade", func(t *testing.T) {
		s := newBatchStack(t, limiter.Thresholds{Degrade: 0.5})
		warmOpenAICampaign(t, s)
		c := newClient(s)
		f, err := c.Files.New(context.Background(), openai.FileNewParams{File: openai.File(bytes.NewReader(file), "batch.jsonl", "application/jsonl"), Purpose: openai.FilePurposeBatch})
		if err != nil {
			t.Fatalf("Files.New: %v", err)
		}
		if err := create(c, f.ID); err != nil {
			t.Fatalf("Batches.New: %v", err)
		}
		up, ctype, ok := s.up.body("/v1/files")
		if !ok {
			t.Fatal("the file did not reach the upstream")
		}
		if _, _, ok := s.up.body("/v1/batches"); !ok {
			t.Fatal("the batch did not reach the upstream")
		}
		recs := s.records(t)
		rec := batchRecord(t, recs, n)
		if rec["action"] != "degrade" {
			t.Errorf("file action %v, want degrade", rec["action"])
		}
		checkParts(t, rec["part_actions"].(string), fileLines(t, file), fileLines(t, uploadedFile(t, up, ctype)), "max_completion_tokens")
	})
	t.Run("block", func(t *testing.T) {
		s := newBatchStack(t, limiter.Thresholds{Block: 0.5})
		warmOpenAICampaign(t, s)
		c := newClient(s)
		f, err := c.Files.New(context.Background(), openai.FileNewParams{File: openai.File(bytes.NewReader(file), "batch.jsonl", "application/jsonl"), Purpose: openai.FilePurposeBatch})
		if err != nil {
			t.Fatalf("Files.New: %v (the upload of a file to block is kept; the batch is refused)", err)
		}
		err = create(c, f.ID)
		var oe *openai.Error
		if !errors.As(err, &oe) || oe.StatusCode != http.StatusForbidden {
			t.Fatalf("Batches.New: %v; want a 403", err)
		}
		if _, _, ok := s.up.body("/v1/batches"); ok {
			t.Fatal("a refused batch reached the upstream")
		}
		recs := s.records(t)
		rec := batchRecord(t, recs, n)
		if rec["action"] != "block" {
			t.Errorf("file action %v, want block", rec["action"])
		}
		last := recs[len(recs)-1]
		if last["action"] != "block" || !strings.Contains(fmt.Sprint(last["reasons"]), "batch_file_verdict") {
			t.Errorf("the batch creation's record %v: want block with the file's verdict", last)
		}
	})
}
