package load

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
)

// The long-body workloads (issue 16): what sluice costs on the traffic
// worth protecting, long prompts and agent loops, against a bare reverse
// proxy. Every request carries one of LongKeys API keys, rotated per
// request (request j the key j mod LongKeys, independent of its body, as a
// gateway's key pool sends), its own client address and an SDK user
// agent, and CannedHeader, so that the upstream answers without parsing
// the body and the proxy under test owns its core.
const (
	WorkloadChat2K  = "chat-2k"  // one system prompt and one user turn, about 2 KB
	WorkloadChat32K = "chat-32k" // a conversation: system prompt, history, a 1 KB last user turn; about 32 KB
)

// AgentWorkload names the agent loop measured at a history of kb KB.
func AgentWorkload(kb int) string { return "agent-" + strconv.Itoa(kb) + "k" }

// AgentHistoryKB are the history lengths the agent loop is measured at.
var AgentHistoryKB = []int{10, 25, 50, 100}

// LongWorkloads lists the long-body workloads in report order.
func LongWorkloads() []string {
	w := []string{WorkloadChat2K, WorkloadChat32K}
	for _, kb := range AgentHistoryKB {
		w = append(w, AgentWorkload(kb))
	}
	return w
}

// LongKeys is the number of API keys the long workloads rotate.
const LongKeys = 10000

// CannedHeader asks the harness's upstream for a fixed answer in the
// request's dialect, its body drained unread; proxies pass it on.
const CannedHeader = "X-Load-Canned"

// Sizes of the long workloads.
const (
	chat2KBytes      = 2 << 10
	chat32KBytes     = 32 << 10
	chatLastTurn     = 1 << 10 // the last user turn of a chat-32k conversation
	chat2KRequests   = 10 * LongKeys
	chat32KRequests  = 3 * LongKeys
	agentSessions    = 125 // × agentWindow bodies: a divisor of LongKeys
	agentWindow      = 4   // consecutive steps of each session per history length
	proseCorpusBytes = 16 << 20
	codeCorpusBytes  = 4 << 20
)

// LongRequests returns the requests of a long workload (see
// LongWorkloads), or nil for another name. Bodies are distinct text: each
// chat body is cut from a 16 MB corpus of generated prose at its own
// offset (apart from the system prompts, a few per dialect as popular
// apps send them), so a phase sends no body twice; an agent session's
// steps re-send its whole history, as an agent loop does. The same name
// gives the same requests.
func LongRequests(workload string) []Request {
	b := newLongBuilder()
	switch workload {
	case WorkloadChat2K:
		return b.chat(chat2KRequests, chat2KBytes, false)
	case WorkloadChat32K:
		return b.chat(chat32KRequests, chat32KBytes, true)
	}
	for _, kb := range AgentHistoryKB {
		if workload == AgentWorkload(kb) {
			return b.agent(agentSessions, kb<<10)
		}
	}
	return nil
}

// longBuilder holds what the long workloads are cut from.
type longBuilder struct {
	r            *rand.Rand
	seq          int64 // windows cut so far
	prose, code  []byte
	headers      map[int]http.Header // by key<<1 | anthropic
	systemOpenAI [][]byte            // message prefixes with a system prompt
	systemAnthr  [][]byte
}

// longCorpora are the prose and code every long workload is cut from,
// generated once per process.
var longCorpora = sync.OnceValues(func() (prosed, coded []byte) {
	return prose(rand.New(rand.NewPCG(16, 1)), proseCorpusBytes), code(rand.New(rand.NewPCG(16, 2)), codeCorpusBytes)
})

func newLongBuilder() *longBuilder {
	p, c := longCorpora()
	b := &longBuilder{r: rand.New(rand.NewPCG(16, 3)), prose: p, code: c, headers: map[int]http.Header{}}
	for range 6 {
		sys := b.window(b.prose, 300+b.r.IntN(700))
		b.systemOpenAI = append(b.systemOpenAI, fmt.Appendf(nil, `{"model":"gpt-4o-mini","max_tokens":1024,"temperature":0.7,"messages":[{"role":"system","content":"%s"}`, sys))
		b.systemAnthr = append(b.systemAnthr, fmt.Appendf(nil, `{"model":"claude-sonnet-4-5","max_tokens":1024,"system":"%s","messages":[`, sys))
	}
	return b
}

var (
	openAIAgents    = []string{"OpenAI/Python 1.99.9", "OpenAI/JS 5.12.0", "python-httpx/0.28.1"}
	anthropicAgents = []string{"Anthropic/Python 0.64.0", "Anthropic/JS 0.60.0", "curl/8.5.0"}
)

// header returns the headers of key k for a request in the given dialect:
// the same secret in either dialect's credential header (one account),
// the key's own address and user agent.
func (b *longBuilder) header(k int, anthropic bool) http.Header {
	id := k << 1
	if anthropic {
		id |= 1
	}
	if h, ok := b.headers[id]; ok {
		return h
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", 100+k>>16&255, k>>8&255, k&255|1))
	h.Set(CannedHeader, "1")
	key := fmt.Sprintf("sk-long-%07d", k)
	if anthropic {
		h.Set("User-Agent", anthropicAgents[k%len(anthropicAgents)])
		h.Set("X-Api-Key", key)
		h.Set("Anthropic-Version", "2023-06-01")
	} else {
		h.Set("User-Agent", openAIAgents[k%len(openAIAgents)])
		h.Set("Authorization", "Bearer "+key)
	}
	b.headers[id] = h
	return h
}

func pathOf(anthropic bool) string {
	if anthropic {
		return "/v1/messages"
	}
	return "/v1/chat/completions"
}

// window returns about n bytes of corpus c, cut at spaces (never inside
// an escape), at the next offset of a low-discrepancy sequence: successive
// windows start far apart, and no two of a builder's windows start at one
// offset.
func (b *longBuilder) window(c []byte, n int) []byte {
	n = min(n, len(c)/2)
	b.seq++
	const phi = 0.6180339887498949
	f := float64(b.seq) * phi
	f -= float64(int64(f))
	return windowAt(c, int(f*float64(len(c)-n-2)), n)
}

var (
	userOpen      = []byte(`,{"role":"user","content":"`)
	userOpenFirst = []byte(`{"role":"user","content":"`)
	assistantOpen = []byte(`,{"role":"assistant","content":"`)
	turnClose     = []byte(`"}`)
	bodyClose     = []byte(`]}`)
)

// chat returns n chat requests of about size bytes (±1/16), half OpenAI
// chat completions and half Anthropic messages. Short bodies are a system
// prompt and one user turn; with conv set, a conversation: system prompt,
// pairs of user and assistant turns of 1 to 4 KB each, and a last user
// turn of about chatLastTurn bytes.
func (b *longBuilder) chat(n, size int, conv bool) []Request {
	out := make([]Request, n)
	for j := range out {
		anthropic := j%2 == 1
		sys := b.systemOpenAI
		if anthropic {
			sys = b.systemAnthr
		}
		prefix := sys[b.r.IntN(len(sys))]
		parts := [][]byte{prefix}
		total := len(prefix) + len(bodyClose)
		first := anthropic // Anthropic's messages start with the first turn
		turn := func(role []byte, n int) {
			if first {
				role, first = userOpenFirst, false
			}
			w := b.window(b.prose, n)
			parts = append(parts, role, w, turnClose)
			total += len(role) + len(w) + len(turnClose)
		}
		target := size - size/16 + b.r.IntN(size/8)
		if conv {
			last := chatLastTurn - chatLastTurn/8 + b.r.IntN(chatLastTurn/4)
			for rem := target - total - last - 64; rem > 2<<10; rem = target - total - last - 64 {
				pair := min(2<<10+b.r.IntN(6<<10), rem)
				turn(userOpen, pair*2/5)
				turn(assistantOpen, pair-pair*2/5-2*len(assistantOpen))
			}
		}
		turn(userOpen, max(target-total-len(userOpen)-len(turnClose), 64))
		parts = append(parts, bodyClose)
		out[j] = Request{Method: http.MethodPost, Path: pathOf(anthropic), Header: b.header(j%LongKeys, anthropic), Parts: parts}
	}
	return out
}

var agentTools = []struct{ name, arg string }{
	{"read_file", "path"}, {"write_file", "path"}, {"run_command", "command"}, {"search_code", "query"}, {"list_dir", "path"},
}

// agentHead returns the start of an agent session's body through its
// first user turn: the model, the tool definitions and the system prompt
// (a few per dialect, as one agent product sends them), and the task.
func (b *longBuilder) agentHead(anthropic bool) []byte {
	var tools []byte
	tools = append(tools, '[')
	tr := rand.New(rand.NewPCG(16, 4)) // the same tools in every session
	for i, t := range agentTools {
		if i > 0 {
			tools = append(tools, ',')
		}
		desc := windowAt(b.prose, tr.IntN(len(b.prose)/2), 200+tr.IntN(300))
		schema := fmt.Sprintf(`{"type":"object","properties":{"%s":{"type":"string","description":"the %s to use"}},"required":["%s"]}`, t.arg, t.arg, t.arg)
		if anthropic {
			tools = fmt.Appendf(tools, `{"name":"%s","description":"%s","input_schema":%s}`, t.name, desc, schema)
		} else {
			tools = fmt.Appendf(tools, `{"type":"function","function":{"name":"%s","description":"%s","parameters":%s}}`, t.name, desc, schema)
		}
	}
	tools = append(tools, ']')
	sys := windowAt(b.prose, b.r.IntN(2)*(len(b.prose)/3), 2000) // two agent products
	task := b.window(b.prose, 200+b.r.IntN(600))
	if anthropic {
		return fmt.Appendf(nil, `{"model":"claude-sonnet-4-5","max_tokens":4096,"system":"%s","tools":%s,"messages":[{"role":"user","content":"%s"}`, sys, tools, task)
	}
	return fmt.Appendf(nil, `{"model":"gpt-4o","max_tokens":4096,"tools":%s,"messages":[{"role":"system","content":"%s"},{"role":"user","content":"%s"}`, tools, sys, task)
}

// session returns one agent session's messages through each step: step k
// is buf[:ends[k]] closed by "]}"; step 0 is the task alone, and every
// step adds the assistant's tool call (a sentence and the call) and the
// tool's result (code or prose, 0.8 to 4 KB). It grows until a step
// reaches upTo bytes, and to agentWindow steps at least.
func (b *longBuilder) session(anthropic bool, upTo int) (buf []byte, ends []int) {
	buf = b.agentHead(anthropic)
	ends = append(ends, len(buf))
	for len(buf)+len(bodyClose) < upTo || len(ends) < agentWindow {
		t := agentTools[b.r.IntN(len(agentTools))]
		id := strconv.FormatUint(b.r.Uint64(), 36)
		arg := fmt.Sprintf("src/%s/%s.go", codeIdents[b.r.IntN(len(codeIdents))], codeIdents[b.r.IntN(len(codeIdents))])
		corpus := b.code
		if b.r.IntN(10) < 3 {
			corpus = b.prose
		}
		result := b.window(corpus, 800+b.r.IntN(3200))
		if anthropic {
			say := b.window(b.prose, 60+b.r.IntN(140))
			buf = fmt.Appendf(buf, `,{"role":"assistant","content":[{"type":"text","text":"%s"},{"type":"tool_use","id":"toolu_%s","name":"%s","input":{"%s":"%s"}}]}`, say, id, t.name, t.arg, arg)
			buf = fmt.Appendf(buf, `,{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_%s","content":"%s"}]}`, id, result)
		} else {
			buf = fmt.Appendf(buf, `,{"role":"assistant","content":null,"tool_calls":[{"id":"call_%s","type":"function","function":{"name":"%s","arguments":"{\"%s\":\"%s\"}"}}]}`, id, t.name, t.arg, arg)
			buf = fmt.Appendf(buf, `,{"role":"tool","tool_call_id":"call_%s","content":"%s"}`, id, result)
		}
		ends = append(ends, len(buf))
	}
	return buf, ends
}

// agent returns the agent loop's requests at a history of about hist
// bytes: sessions sessions (alternately OpenAI and Anthropic), each
// contributing its agentWindow consecutive steps that end with the first
// body of at least hist bytes. They are sent step by step across the
// sessions (every session's first step of the window, then every
// session's second, ...; then the window again), so that each step but
// the window's first follows the step whose whole body it re-sends, a
// few hundred requests earlier, as concurrent agent loops do.
func (b *longBuilder) agent(sessions, hist int) []Request {
	steps := make([][][][]byte, agentWindow) // [step in window][session] parts
	for s := range sessions {
		anthropic := s%2 == 1
		buf, ends := b.session(anthropic, hist+1)
		k := len(ends) - 1
		for k > 0 && ends[k-1]+len(bodyClose) >= hist {
			k--
		}
		k = max(k, agentWindow-1)
		for w := range agentWindow {
			steps[w] = append(steps[w], [][]byte{buf[:ends[k-agentWindow+1+w]:ends[k-agentWindow+1+w]], bodyClose})
		}
	}
	var bodies [][][]byte
	for _, st := range steps {
		bodies = append(bodies, st...)
	}
	out := make([]Request, LongKeys)
	for j := range out {
		s := j % len(bodies) % sessions
		anthropic := s%2 == 1
		out[j] = Request{Method: http.MethodPost, Path: pathOf(anthropic), Header: b.header(j%LongKeys, anthropic), Parts: bodies[j%len(bodies)]}
	}
	return out
}

// windowAt is window at a fixed offset.
func windowAt(c []byte, at, n int) []byte {
	at = min(at, len(c)-n-2)
	for at < len(c)-n-1 && c[at] != ' ' {
		at++
	}
	at++
	j := at + n
	for j > at && c[j] != ' ' {
		j--
	}
	return c[at:j]
}
