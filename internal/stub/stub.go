// Package stub is a model API stand-in that speaks the OpenAI (chat
// completions, completions, responses) and Anthropic (messages) dialects,
// streaming (SSE) and not, with deterministic answers, real usage counts and
// a configurable latency. Tests, the load harness and `sluice demo` put it
// behind the proxy; it never touches the network beyond its listener.
package stub

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Config configures the stub. Zero fields take defaults.
type Config struct {
	// Latency is waited before the response headers (non-streamed) or the
	// first event (streamed).
	Latency time.Duration
	// EventDelay is waited between streamed events.
	EventDelay time.Duration
	// Words is the length of an answer in words when max_tokens does not cap
	// it. Default 24.
	Words int
}

// Server is the stub's http.Handler. Safe for concurrent use.
type Server struct {
	cfg      Config
	requests atomic.Int64
}

// New returns a stub server.
func New(cfg Config) *Server {
	if cfg.Words <= 0 {
		cfg.Words = 24
	}
	return &Server{cfg: cfg}
}

// Requests returns how many model requests the stub answered.
func (s *Server) Requests() int64 { return s.requests.Load() }

// request is the part of a request body the stub looks at.
type request struct {
	Model               string          `json:"model"`
	Stream              bool            `json:"stream"`
	MaxTokens           int             `json:"max_tokens"`
	MaxCompletionTokens int             `json:"max_completion_tokens"`
	MaxOutputTokens     int             `json:"max_output_tokens"`
	N                   int             `json:"n"`
	Logprobs            json.RawMessage `json:"logprobs"`
	TopLogprobs         int             `json:"top_logprobs"`
	Thinking            *struct {
		Type string `json:"type"`
	} `json:"thinking"`
	StreamOptions *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
	// ReasoningEffort (chat) and Reasoning (responses) make the answer
	// carry reasoning: chat reasoning_content, a responses reasoning item.
	ReasoningEffort string          `json:"reasoning_effort"`
	Reasoning       json.RawMessage `json:"reasoning"`
	Include         []string        `json:"include"`
	Messages        json.RawMessage `json:"messages"`
	Prompt          json.RawMessage `json:"prompt"`
	Input           json.RawMessage `json:"input"`
	System          json.RawMessage `json:"system"`
}

func (r *request) maxOut() int {
	for _, v := range []int{r.MaxTokens, r.MaxCompletionTokens, r.MaxOutputTokens} {
		if v > 0 {
			return v
		}
	}
	return 0
}

// reasons reports whether the answer carries OpenAI reasoning.
func (r *request) reasons() bool {
	return r.ReasoningEffort != "" || (len(r.Reasoning) > 0 && string(r.Reasoning) != "null")
}

func (r *request) wantsLogprobs() bool {
	for _, inc := range r.Include {
		if inc == "message.output_text.logprobs" {
			return true
		}
	}
	return r.TopLogprobs > 0 || (len(r.Logprobs) > 0 && string(r.Logprobs) != "false" && string(r.Logprobs) != "null" && string(r.Logprobs) != "0")
}

// promptTokens counts the words of the prompt fields, a stand-in for tokens.
func (r *request) promptTokens() int {
	n := 0
	for _, raw := range []json.RawMessage{r.Messages, r.Prompt, r.Input, r.System} {
		n += len(strings.Fields(string(raw)))
	}
	return max(n, 1)
}

// thought is the reasoning text of answers that carry reasoning.
const thought = "Let me work through this step by step."

var vocabulary = strings.Fields("the answer follows from the given facts and a short check of each step confirms it while the result holds for every case we tried so far")

// answer returns the words of the deterministic answer.
func (s *Server) answer(r *request) []string {
	n := s.cfg.Words
	if m := r.maxOut(); m > 0 && m < n {
		n = m
	}
	out := make([]string, n)
	for i := range out {
		out[i] = vocabulary[i%len(vocabulary)]
	}
	return out
}

// ServeHTTP answers model requests; other paths get 404 in OpenAI format.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if id := r.Header.Get("X-Request-Id"); id != "" {
		w.Header().Set("X-Request-Id", id)
	}
	if r.Method == http.MethodGet && r.URL.Path == "/v1/models" {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"object":"list","data":[{"id":"stub-model","object":"model","created":0,"owned_by":"stub"}]}`))
		return
	}
	var req request
	if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&req) != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"message":"stub: bad request","type":"invalid_request_error","param":null,"code":null}}`))
		return
	}
	s.requests.Add(1)
	if req.Model == "" {
		req.Model = "stub-model"
	}
	if s.cfg.Latency > 0 {
		time.Sleep(s.cfg.Latency)
	}
	switch r.URL.Path {
	case "/v1/chat/completions":
		s.chat(w, &req)
	case "/v1/completions":
		s.completions(w, &req)
	case "/v1/responses":
		s.responses(w, &req)
	case "/v1/messages":
		s.messages(w, &req)
	default:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"error":{"message":"stub: unknown path","type":"invalid_request_error","param":null,"code":"not_found"}}`))
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// sse writes one server-sent event and flushes it.
type sse struct {
	w     http.ResponseWriter
	f     http.Flusher
	delay time.Duration
	n     int
}

func newSSE(w http.ResponseWriter, delay time.Duration) *sse {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	f, _ := w.(http.Flusher)
	return &sse{w: w, f: f, delay: delay}
}

func (e *sse) send(event string, v any) {
	if e.n > 0 && e.delay > 0 {
		time.Sleep(e.delay)
	}
	e.n++
	if event != "" {
		fmt.Fprintf(e.w, "event: %s\n", event)
	}
	b, _ := json.Marshal(v)
	fmt.Fprintf(e.w, "data: %s\n\n", b)
	if e.f != nil {
		e.f.Flush()
	}
}

func (e *sse) raw(data string) {
	fmt.Fprintf(e.w, "data: %s\n\n", data)
	if e.f != nil {
		e.f.Flush()
	}
}

func logprobsFor(tok string, top int) map[string]any {
	tops := []map[string]any{}
	for i := 0; i < top; i++ {
		tops = append(tops, map[string]any{"token": tok + strconv.Itoa(i), "logprob": -float64(i) - 0.5, "bytes": nil})
	}
	return map[string]any{"content": []map[string]any{{"token": tok, "logprob": -0.25, "bytes": nil, "top_logprobs": tops}}}
}

func (s *Server) chat(w http.ResponseWriter, req *request) {
	words := s.answer(req)
	n := max(req.N, 1)
	pt, ct, rt := req.promptTokens(), len(words)*n, 0
	if req.reasons() {
		rt = len(strings.Fields(thought)) * n
		ct += rt
	}
	usage := map[string]any{"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct,
		"completion_tokens_details": map[string]any{"reasoning_tokens": rt}}
	finish := "stop"
	if m := req.maxOut(); m > 0 && m <= len(words) {
		finish = "length"
	}
	if !req.Stream {
		choices := []map[string]any{}
		for i := 0; i < n; i++ {
			m := map[string]any{"role": "assistant", "content": strings.Join(words, " "), "refusal": nil}
			if req.reasons() {
				m["reasoning_content"] = thought
			}
			c := map[string]any{"index": i, "message": m, "finish_reason": finish, "logprobs": nil}
			if req.wantsLogprobs() {
				c["logprobs"] = logprobsFor(words[0], req.TopLogprobs)
			}
			choices = append(choices, c)
		}
		writeJSON(w, map[string]any{"id": "chatcmpl-stub", "object": "chat.completion", "created": 1700000000, "model": req.Model, "choices": choices, "usage": usage})
		return
	}
	e := newSSE(w, s.cfg.EventDelay)
	chunk := func(choices []map[string]any) map[string]any {
		return map[string]any{"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": 1700000000, "model": req.Model, "choices": choices}
	}
	for i := 0; i < n; i++ {
		e.send("", chunk([]map[string]any{{"index": i, "delta": map[string]any{"role": "assistant", "content": ""}, "finish_reason": nil}}))
		if req.reasons() {
			e.send("", chunk([]map[string]any{{"index": i, "delta": map[string]any{"reasoning_content": thought}, "finish_reason": nil}}))
		}
	}
	for j, word := range words {
		if j > 0 {
			word = " " + word
		}
		for i := 0; i < n; i++ {
			c := map[string]any{"index": i, "delta": map[string]any{"content": word}, "finish_reason": nil}
			if req.wantsLogprobs() {
				c["logprobs"] = logprobsFor(word, req.TopLogprobs)
			}
			e.send("", chunk([]map[string]any{c}))
		}
	}
	for i := 0; i < n; i++ {
		e.send("", chunk([]map[string]any{{"index": i, "delta": map[string]any{}, "finish_reason": finish}}))
	}
	if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
		c := chunk([]map[string]any{})
		c["usage"] = usage
		e.send("", c)
	}
	e.raw("[DONE]")
}

func (s *Server) completions(w http.ResponseWriter, req *request) {
	words := s.answer(req)
	pt, ct := req.promptTokens(), len(words)
	usage := map[string]any{"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct}
	if !req.Stream {
		writeJSON(w, map[string]any{"id": "cmpl-stub", "object": "text_completion", "created": 1700000000, "model": req.Model,
			"choices": []map[string]any{{"text": strings.Join(words, " "), "index": 0, "logprobs": nil, "finish_reason": "stop"}}, "usage": usage})
		return
	}
	e := newSSE(w, s.cfg.EventDelay)
	for j, word := range words {
		if j > 0 {
			word = " " + word
		}
		e.send("", map[string]any{"id": "cmpl-stub", "object": "text_completion", "created": 1700000000, "model": req.Model,
			"choices": []map[string]any{{"text": word, "index": 0, "logprobs": nil, "finish_reason": nil}}})
	}
	e.send("", map[string]any{"id": "cmpl-stub", "object": "text_completion", "created": 1700000000, "model": req.Model,
		"choices": []map[string]any{{"text": "", "index": 0, "logprobs": nil, "finish_reason": "stop"}}})
	if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
		e.send("", map[string]any{"id": "cmpl-stub", "object": "text_completion", "created": 1700000000, "model": req.Model, "choices": []any{}, "usage": usage})
	}
	e.raw("[DONE]")
}

func (s *Server) responses(w http.ResponseWriter, req *request) {
	words := s.answer(req)
	text := strings.Join(words, " ")
	pt, ct := req.promptTokens(), len(words)
	rt := 0
	if req.reasons() {
		rt = len(strings.Fields(thought))
		ct += rt
	}
	usage := map[string]any{"input_tokens": pt, "output_tokens": ct, "total_tokens": pt + ct,
		"input_tokens_details": map[string]any{"cached_tokens": 0}, "output_tokens_details": map[string]any{"reasoning_tokens": rt}}
	lps := func(t string) []any {
		if !req.wantsLogprobs() || t == "" {
			return []any{}
		}
		return []any{map[string]any{"token": t, "logprob": -0.25, "bytes": []int{}, "top_logprobs": []any{}}}
	}
	msg := func(t string, status string) map[string]any {
		return map[string]any{"type": "message", "id": "msg_stub", "status": status, "role": "assistant",
			"content": []map[string]any{{"type": "output_text", "text": t, "annotations": []any{}, "logprobs": lps(t)}}}
	}
	reasoning := map[string]any{"type": "reasoning", "id": "rs_stub", "summary": []map[string]any{{"type": "summary_text", "text": thought}}}
	outputs := func(t, status string) []map[string]any {
		if req.reasons() {
			return []map[string]any{reasoning, msg(t, status)}
		}
		return []map[string]any{msg(t, status)}
	}
	oi := 0 // output index of the message
	resp := func(status string, output []map[string]any, u any) map[string]any {
		return map[string]any{"id": "resp_stub", "object": "response", "created_at": 1700000000, "status": status, "model": req.Model,
			"output": output, "usage": u, "parallel_tool_calls": true, "tool_choice": "auto", "tools": []any{}, "temperature": 1.0, "top_p": 1.0}
	}
	if !req.Stream {
		writeJSON(w, resp("completed", outputs(text, "completed"), usage))
		return
	}
	e := newSSE(w, s.cfg.EventDelay)
	seq := 0
	next := func() int { seq++; return seq - 1 }
	e.send("response.created", map[string]any{"type": "response.created", "sequence_number": next(), "response": resp("in_progress", []map[string]any{}, nil)})
	if req.reasons() {
		e.send("response.output_item.added", map[string]any{"type": "response.output_item.added", "sequence_number": next(), "output_index": 0,
			"item": map[string]any{"type": "reasoning", "id": "rs_stub", "summary": []any{}}})
		e.send("response.reasoning_summary_part.added", map[string]any{"type": "response.reasoning_summary_part.added", "sequence_number": next(), "item_id": "rs_stub", "output_index": 0, "summary_index": 0,
			"part": map[string]any{"type": "summary_text", "text": ""}})
		e.send("response.reasoning_summary_text.delta", map[string]any{"type": "response.reasoning_summary_text.delta", "sequence_number": next(), "item_id": "rs_stub", "output_index": 0, "summary_index": 0, "delta": thought})
		e.send("response.reasoning_summary_text.done", map[string]any{"type": "response.reasoning_summary_text.done", "sequence_number": next(), "item_id": "rs_stub", "output_index": 0, "summary_index": 0, "text": thought})
		e.send("response.reasoning_summary_part.done", map[string]any{"type": "response.reasoning_summary_part.done", "sequence_number": next(), "item_id": "rs_stub", "output_index": 0, "summary_index": 0,
			"part": map[string]any{"type": "summary_text", "text": thought}})
		e.send("response.output_item.done", map[string]any{"type": "response.output_item.done", "sequence_number": next(), "output_index": 0, "item": reasoning})
		oi = 1
	}
	e.send("response.output_item.added", map[string]any{"type": "response.output_item.added", "sequence_number": next(), "output_index": oi,
		"item": map[string]any{"type": "message", "id": "msg_stub", "status": "in_progress", "role": "assistant", "content": []any{}}})
	e.send("response.content_part.added", map[string]any{"type": "response.content_part.added", "sequence_number": next(), "item_id": "msg_stub", "output_index": oi, "content_index": 0,
		"part": map[string]any{"type": "output_text", "text": "", "annotations": []any{}, "logprobs": []any{}}})
	for j, word := range words {
		if j > 0 {
			word = " " + word
		}
		e.send("response.output_text.delta", map[string]any{"type": "response.output_text.delta", "sequence_number": next(), "item_id": "msg_stub", "output_index": oi, "content_index": 0, "delta": word, "logprobs": lps(word)})
	}
	e.send("response.output_text.done", map[string]any{"type": "response.output_text.done", "sequence_number": next(), "item_id": "msg_stub", "output_index": oi, "content_index": 0, "text": text, "logprobs": lps(text)})
	e.send("response.content_part.done", map[string]any{"type": "response.content_part.done", "sequence_number": next(), "item_id": "msg_stub", "output_index": oi, "content_index": 0,
		"part": map[string]any{"type": "output_text", "text": text, "annotations": []any{}, "logprobs": lps(text)}})
	e.send("response.output_item.done", map[string]any{"type": "response.output_item.done", "sequence_number": next(), "output_index": oi, "item": msg(text, "completed")})
	e.send("response.completed", map[string]any{"type": "response.completed", "sequence_number": next(), "response": resp("completed", outputs(text, "completed"), usage)})
}

func (s *Server) messages(w http.ResponseWriter, req *request) {
	words := s.answer(req)
	text := strings.Join(words, " ")
	pt, ct := req.promptTokens(), len(words)
	thinking := req.Thinking != nil && (req.Thinking.Type == "enabled" || req.Thinking.Type == "adaptive")
	stop := "end_turn"
	if m := req.maxOut(); m > 0 && m <= len(words) {
		stop = "max_tokens"
	}
	if thinking {
		ct += len(strings.Fields(thought))
	}
	if !req.Stream {
		content := []map[string]any{}
		if thinking {
			content = append(content, map[string]any{"type": "thinking", "thinking": thought, "signature": "c2lnbmF0dXJl"})
		}
		content = append(content, map[string]any{"type": "text", "text": text})
		writeJSON(w, map[string]any{"id": "msg_stub", "type": "message", "role": "assistant", "model": req.Model, "content": content,
			"stop_reason": stop, "stop_sequence": nil, "usage": map[string]any{"input_tokens": pt, "output_tokens": ct}})
		return
	}
	e := newSSE(w, s.cfg.EventDelay)
	e.send("message_start", map[string]any{"type": "message_start", "message": map[string]any{"id": "msg_stub", "type": "message", "role": "assistant", "model": req.Model,
		"content": []any{}, "stop_reason": nil, "stop_sequence": nil, "usage": map[string]any{"input_tokens": pt, "output_tokens": 1}}})
	idx := 0
	if thinking {
		e.send("content_block_start", map[string]any{"type": "content_block_start", "index": idx, "content_block": map[string]any{"type": "thinking", "thinking": "", "signature": ""}})
		e.send("content_block_delta", map[string]any{"type": "content_block_delta", "index": idx, "delta": map[string]any{"type": "thinking_delta", "thinking": thought}})
		e.send("content_block_delta", map[string]any{"type": "content_block_delta", "index": idx, "delta": map[string]any{"type": "signature_delta", "signature": "c2lnbmF0dXJl"}})
		e.send("content_block_stop", map[string]any{"type": "content_block_stop", "index": idx})
		idx++
	}
	e.send("content_block_start", map[string]any{"type": "content_block_start", "index": idx, "content_block": map[string]any{"type": "text", "text": ""}})
	e.send("ping", map[string]any{"type": "ping"})
	for j, word := range words {
		if j > 0 {
			word = " " + word
		}
		e.send("content_block_delta", map[string]any{"type": "content_block_delta", "index": idx, "delta": map[string]any{"type": "text_delta", "text": word}})
	}
	e.send("content_block_stop", map[string]any{"type": "content_block_stop", "index": idx})
	e.send("message_delta", map[string]any{"type": "message_delta", "delta": map[string]any{"stop_reason": stop, "stop_sequence": nil}, "usage": map[string]any{"output_tokens": ct}})
	e.send("message_stop", map[string]any{"type": "message_stop"})
}
