package sim

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// convo is a dialect-neutral request: the conversation and the knobs. encode
// writes it in either dialect; every class goes through the same encoder, so
// field order and shape depend on the dialect and endpoint only.
type convo struct {
	model       string
	system      string
	turns       []turn
	tools       []toolDef
	temperature *float64
	maxTokens   int
	n           int
	stream      bool
	logprobs    bool
	topLogprobs int
	logitBias   map[string]int
	thinking    int  // Anthropic thinking budget, or OpenAI reasoning effort when > 0
	responses   bool // OpenAI /v1/responses instead of chat completions
}

type turnRole uint8

const (
	roleUser turnRole = iota
	roleAssistant
	roleTool
)

type turn struct {
	role turnRole
	text string
	// call is set on an assistant turn that calls a tool, and on the tool
	// turn that answers it.
	call *toolCall
}

type toolCall struct {
	id   string
	name string
	args string // JSON object
}

type toolDef struct {
	name, desc string
	params     json.RawMessage
}

func temp(v float64) *float64 { return &v }

// OpenAI chat completions.
type oaiBody struct {
	Model       string          `json:"model"`
	Messages    []oaiMsg        `json:"messages"`
	Tools       []oaiTool       `json:"tools,omitempty"`
	Temperature *float64        `json:"temperature,omitempty"`
	MaxTokens   int             `json:"max_tokens,omitempty"`
	N           int             `json:"n,omitempty"`
	Stream      bool            `json:"stream,omitempty"`
	Logprobs    bool            `json:"logprobs,omitempty"`
	TopLogprobs int             `json:"top_logprobs,omitempty"`
	LogitBias   map[string]int  `json:"logit_bias,omitempty"`
	Effort      string          `json:"reasoning_effort,omitempty"`
	StreamOpts  json.RawMessage `json:"stream_options,omitempty"`
}

type oaiMsg struct {
	Role       string        `json:"role"`
	Content    *string       `json:"content"`
	ToolCalls  []oaiToolCall `json:"tool_calls,omitempty"`
	ToolCallID string        `json:"tool_call_id,omitempty"`
}

type oaiToolCall struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

type oaiTool struct {
	Type     string `json:"type"`
	Function struct {
		Name        string          `json:"name"`
		Description string          `json:"description"`
		Parameters  json.RawMessage `json:"parameters"`
	} `json:"function"`
}

// OpenAI responses.
type oaiResponses struct {
	Model        string   `json:"model"`
	Instructions string   `json:"instructions,omitempty"`
	Input        []oaiMsg `json:"input"`
	Temperature  *float64 `json:"temperature,omitempty"`
	MaxOutput    int      `json:"max_output_tokens,omitempty"`
	Stream       bool     `json:"stream,omitempty"`
}

// Anthropic messages.
type antBody struct {
	Model       string       `json:"model"`
	MaxTokens   int          `json:"max_tokens"`
	System      string       `json:"system,omitempty"`
	Messages    []antMsg     `json:"messages"`
	Tools       []antTool    `json:"tools,omitempty"`
	Temperature *float64     `json:"temperature,omitempty"`
	Stream      bool         `json:"stream,omitempty"`
	Thinking    *antThinking `json:"thinking,omitempty"`
}

type antMsg struct {
	Role    string `json:"role"`
	Content any    `json:"content"`
}

type antBlock struct {
	Type      string          `json:"type"`
	Text      string          `json:"text,omitempty"`
	ID        string          `json:"id,omitempty"`
	Name      string          `json:"name,omitempty"`
	Input     json.RawMessage `json:"input,omitempty"`
	ToolUseID string          `json:"tool_use_id,omitempty"`
	Content   string          `json:"content,omitempty"`
}

type antTool struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	InputSchema json.RawMessage `json:"input_schema"`
}

type antThinking struct {
	Type         string `json:"type"`
	BudgetTokens int    `json:"budget_tokens"`
}

// encode returns the path and the JSON body of c in dialect d.
func (c *convo) encode(d Dialect) (string, []byte, error) {
	if d == Anthropic {
		b, err := marshal(c.anthropic())
		return "/v1/messages", b, err
	}
	if c.responses && len(c.tools) == 0 {
		b, err := marshal(c.openaiResponses())
		return "/v1/responses", b, err
	}
	b, err := marshal(c.openai())
	return "/v1/chat/completions", b, err
}

// marshal writes v as the SDKs do: no HTML escaping, no trailing newline.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

func (c *convo) openaiMsgs() []oaiMsg {
	msgs := make([]oaiMsg, 0, len(c.turns)+1)
	if c.system != "" {
		msgs = append(msgs, oaiMsg{Role: "system", Content: &c.system})
	}
	for i := range c.turns {
		t := &c.turns[i]
		switch t.role {
		case roleUser:
			msgs = append(msgs, oaiMsg{Role: "user", Content: &t.text})
		case roleAssistant:
			m := oaiMsg{Role: "assistant"}
			if t.text != "" || t.call == nil {
				m.Content = &t.text
			}
			if t.call != nil {
				var tc oaiToolCall
				tc.ID, tc.Type = t.call.id, "function"
				tc.Function.Name, tc.Function.Arguments = t.call.name, t.call.args
				m.ToolCalls = []oaiToolCall{tc}
			}
			msgs = append(msgs, m)
		case roleTool:
			msgs = append(msgs, oaiMsg{Role: "tool", Content: &t.text, ToolCallID: t.call.id})
		}
	}
	return msgs
}

func (c *convo) openai() *oaiBody {
	b := &oaiBody{
		Model: c.model, Messages: c.openaiMsgs(), Temperature: c.temperature,
		MaxTokens: c.maxTokens, N: c.n, Stream: c.stream,
		Logprobs: c.logprobs, TopLogprobs: c.topLogprobs, LogitBias: c.logitBias,
	}
	for _, t := range c.tools {
		var ot oaiTool
		ot.Type = "function"
		ot.Function.Name, ot.Function.Description, ot.Function.Parameters = t.name, t.desc, t.params
		b.Tools = append(b.Tools, ot)
	}
	if c.thinking > 0 {
		b.Effort = "high"
		if c.thinking < 4000 {
			b.Effort = "medium"
		}
	}
	if c.stream {
		b.StreamOpts = json.RawMessage(`{"include_usage":true}`)
	}
	return b
}

func (c *convo) openaiResponses() *oaiResponses {
	msgs := c.openaiMsgs()
	if c.system != "" {
		msgs = msgs[1:]
	}
	return &oaiResponses{Model: c.model, Instructions: c.system, Input: msgs,
		Temperature: c.temperature, MaxOutput: c.maxTokens, Stream: c.stream}
}

func (c *convo) anthropic() *antBody {
	b := &antBody{Model: c.model, MaxTokens: c.maxTokens, System: c.system,
		Temperature: c.temperature, Stream: c.stream}
	if b.MaxTokens <= 0 {
		b.MaxTokens = 1024
	}
	if c.thinking > 0 {
		b.Thinking = &antThinking{Type: "enabled", BudgetTokens: c.thinking}
		if b.MaxTokens <= c.thinking {
			b.MaxTokens = c.thinking + 4096
		}
		b.Temperature = nil
	}
	for _, t := range c.tools {
		b.Tools = append(b.Tools, antTool{Name: t.name, Description: t.desc, InputSchema: t.params})
	}
	b.Messages = make([]antMsg, 0, len(c.turns))
	for i := range c.turns {
		t := &c.turns[i]
		switch {
		case t.role == roleUser:
			b.Messages = append(b.Messages, antMsg{Role: "user", Content: t.text})
		case t.role == roleAssistant && t.call == nil:
			b.Messages = append(b.Messages, antMsg{Role: "assistant", Content: t.text})
		case t.role == roleAssistant:
			blocks := make([]antBlock, 0, 2)
			if t.text != "" {
				blocks = append(blocks, antBlock{Type: "text", Text: t.text})
			}
			blocks = append(blocks, antBlock{Type: "tool_use", ID: t.call.id, Name: t.call.name, Input: json.RawMessage(t.call.args)})
			b.Messages = append(b.Messages, antMsg{Role: "assistant", Content: blocks})
		case t.role == roleTool:
			b.Messages = append(b.Messages, antMsg{Role: "user", Content: []antBlock{{Type: "tool_result", ToolUseID: t.call.id, Content: t.text}}})
		}
	}
	return b
}

// Models by dialect. Index 0 is the newest, largest model.
var models = [2][]string{
	OpenAI:    {"gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o3-mini"},
	Anthropic: {"claude-opus-4-1", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-3-5-haiku-latest", "claude-sonnet-4-0"},
}

// logitBias builds a bias map over count token ids starting at from.
func logitBias(from, count, bias int) map[string]int {
	m := make(map[string]int, count)
	for i := 0; i < count; i++ {
		m[strconv.Itoa(from+i*7)] = bias
	}
	return m
}
