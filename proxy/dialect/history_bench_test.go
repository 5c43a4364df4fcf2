package dialect_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// Benchmarks of Parse on traffic that re-sends its history, with the
// history cache (cached) and without it (nocache):
//
//	go test -run '^$' -bench 'History' -benchmem ./proxy/dialect
//
// conv64KB-seen-last1KB is the guard work benchmark's conversation: 64 KB
// of history seen before, and a new 1 KB last user turn per request. The
// agent loops are the load harness's (bench/load): 125 sessions, OpenAI
// and Anthropic alternately, each sending the four consecutive steps that
// reach the history length, step by step across the sessions, so that a
// step comes 125 requests after the step it extends; a step adds a tool
// call and a tool result of 0.8 to 4 KB of escape-dense code or prose.

func withHistory(b *testing.B, on bool) {
	if on {
		dialect.SetHistoryCache(dialect.DefaultHistoryCache)
	} else {
		dialect.SetHistoryCache(0)
	}
	b.Cleanup(func() { dialect.SetHistoryCache(dialect.DefaultHistoryCache) })
}

const convPara = `The committee reviewed the proposal in detail, noting that the budget for 2026 exceeds the cap by 4.5 percent and that the \"phase two\" schedule is optimistic. `

// convBody is the guard work benchmark's 64 KB conversation; the eight
// digits after the last `"content":"` count requests.
func convBody() []byte {
	var b strings.Builder
	b.WriteString(`{"model":"gpt-4o","max_tokens":256,"messages":[{"role":"system","content":"You are a helpful assistant. Answer precisely and cite your sources."}`)
	user := "Can you look at the following excerpt and tell me what the author means? " + strings.Repeat(convPara, 12)
	assistant := "The author argues that the proposal is sound in principle but too expensive. " + strings.Repeat("In particular, the schedule assumes that the contractor finishes the foundations before winter, which past projects rarely managed; see `schedule.md` for the dates. ", 11)
	for b.Len() < 63<<10 {
		b.WriteString(`,{"role":"user","content":"` + user + `"},{"role":"assistant","content":"` + assistant + `"}`)
	}
	last := strings.Repeat(convPara, 1<<10/len(convPara)+1)[:1<<10]
	b.WriteString(`,{"role":"user","content":"00000000 ` + strings.TrimRight(last, `\`) + `"}]}`)
	return []byte(b.String())
}

// counter returns the eight-digit counter of the last turn.
func counter(body []byte) []byte {
	i := bytes.LastIndex(body, []byte(`"content":"`)) + len(`"content":"`)
	return body[i : i+8]
}

// count advances a counter.
func count(d []byte) {
	for j := len(d) - 1; j >= 0; j-- {
		if d[j] == '9' {
			d[j] = '0'
			continue
		}
		d[j]++
		return
	}
}

var (
	agentIdents = strings.Fields(`ctx req res err buf cfg opts item items key val name path size count index offset limit handler server client store cache entry node conn row rows query result state token user account order`)
	agentFuncs  = strings.Fields(`Get Put Load Store Parse Format Open Close Read Write Send Handle Validate Reset Len Next`)
	agentShapes = []string{
		`func (%s *%s) %s(%s %s) (%s, error) {`, `if err != nil {`, `return nil, fmt.Errorf(\"%s: %%w\", err)`,
		`for i, %s := range %s {`, `%s := %s.%s(%s)`, `%s[%s] = %s`, `}`, `// %s %s the %s of %s before it is %s.`,
		`%s, err := %s.%s(ctx, %s)`, `defer %s.Close()`,
	}
	agentWords = strings.Fields(`the a of to and in that is for it with as was on be by this are from at or an which have not has but were they their been more can would its will also into other than only some what when about there these over such after most may new used first where many two between through how time should both each those being while under`)
)

// agentCode is about n bytes of Go-like source as a JSON string: lines
// ending in \n, indented with \t, escaped quotes.
func agentCode(r *rand.Rand, n int) string {
	var b strings.Builder
	depth := 0
	for b.Len() < n {
		shape := agentShapes[r.IntN(len(agentShapes))]
		if shape == `}` {
			if depth == 0 {
				continue
			}
			depth--
		}
		b.WriteString(strings.Repeat(`\t`, depth))
		line := shape
		for strings.Contains(line, "%s") {
			w := agentIdents[r.IntN(len(agentIdents))]
			if r.IntN(2) == 0 {
				w = agentFuncs[r.IntN(len(agentFuncs))]
			}
			line = strings.Replace(line, "%s", w, 1)
		}
		b.WriteString(strings.ReplaceAll(line, "%%", "%"))
		b.WriteString(` \n `)
		if strings.HasSuffix(shape, "{") && depth < 4 {
			depth++
		}
	}
	return b.String()
}

// agentProse is about n bytes of prose with a few escaped quotes.
func agentProse(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		w := agentWords[r.IntN(len(agentWords))]
		if r.IntN(50) == 0 {
			w = `\"` + w + `\"`
		}
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return b.String()
}

type agentReq struct {
	ep   fingerprint.Endpoint
	body []byte
}

// agentLoop returns the requests of the agent loop at a history of hist
// bytes, in the order the load harness sends them.
func agentLoop(hist int) []agentReq {
	const sessions, window = 125, 4
	r := rand.New(rand.NewPCG(16, uint64(hist)))
	steps := make([][]agentReq, window)
	for s := range sessions {
		anthropic := s%2 == 1
		var buf []byte
		sys, task := agentProse(r, 2000), agentProse(r, 200+r.IntN(600))
		tools := `[{"name":"read_file","description":"Read a file.","input_schema":{"type":"object","properties":{"path":{"type":"string"}}}}]`
		if anthropic {
			buf = fmt.Appendf(nil, `{"model":"claude-sonnet-4-5","max_tokens":4096,"system":"%s","tools":%s,"messages":[{"role":"user","content":"%s"}`, sys, tools, task)
		} else {
			buf = fmt.Appendf(nil, `{"model":"gpt-4o","max_tokens":4096,"tools":%s,"messages":[{"role":"system","content":"%s"},{"role":"user","content":"%s"}`, tools, sys, task)
		}
		ends := []int{len(buf)}
		for len(buf)+2 < hist+1 || len(ends) < window {
			id := fmt.Sprint(r.Uint64())
			arg := "src/" + agentIdents[r.IntN(len(agentIdents))] + ".go"
			result := agentCode(r, 800+r.IntN(3200))
			if r.IntN(10) < 3 {
				result = agentProse(r, 800+r.IntN(3200))
			}
			if anthropic {
				buf = fmt.Appendf(buf, `,{"role":"assistant","content":[{"type":"text","text":"%s"},{"type":"tool_use","id":"toolu_%s","name":"read_file","input":{"path":"%s"}}]}`, agentProse(r, 60+r.IntN(140)), id, arg)
				buf = fmt.Appendf(buf, `,{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_%s","content":"%s"}]}`, id, result)
			} else {
				buf = fmt.Appendf(buf, `,{"role":"assistant","content":null,"tool_calls":[{"id":"call_%s","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"%s\"}"}}]}`, id, arg)
				buf = fmt.Appendf(buf, `,{"role":"tool","tool_call_id":"call_%s","content":"%s"}`, id, result)
			}
			ends = append(ends, len(buf))
		}
		k := len(ends) - 1
		for k > 0 && ends[k-1]+2 >= hist {
			k--
		}
		k = max(k, window-1)
		ep := fingerprint.EndpointChatCompletions
		if anthropic {
			ep = fingerprint.EndpointMessages
		}
		for w := range window {
			end := ends[k-window+1+w]
			steps[w] = append(steps[w], agentReq{ep, append(buf[:end:end], "]}"...)})
		}
	}
	var out []agentReq
	for _, st := range steps {
		out = append(out, st...)
	}
	return out
}

// agentGrowth returns agent loops that grow to hist bytes, step by step
// across the sessions: every request is a new step.
func agentGrowth(sessions, hist int) []agentReq {
	r := rand.New(rand.NewPCG(17, uint64(hist)))
	bufs := make([][]byte, sessions)
	var out []agentReq
	for grown := false; !grown; {
		grown = true
		for s := range bufs {
			anthropic := s%2 == 1
			ep := fingerprint.EndpointChatCompletions
			if anthropic {
				ep = fingerprint.EndpointMessages
			}
			buf := bufs[s]
			switch {
			case buf == nil && anthropic:
				buf = fmt.Appendf(nil, `{"model":"claude-sonnet-4-5","max_tokens":4096,"system":"%s","messages":[{"role":"user","content":"%s"}`, agentProse(r, 2000), agentProse(r, 500))
			case buf == nil:
				buf = fmt.Appendf(nil, `{"model":"gpt-4o","max_tokens":4096,"messages":[{"role":"system","content":"%s"},{"role":"user","content":"%s"}`, agentProse(r, 2000), agentProse(r, 500))
			case len(buf) >= hist:
				continue
			case anthropic:
				id := fmt.Sprint(r.Uint64())
				buf = fmt.Appendf(buf, `,{"role":"assistant","content":[{"type":"text","text":"%s"},{"type":"tool_use","id":"toolu_%s","name":"read_file","input":{"path":"src/a.go"}}]}`, agentProse(r, 100), id)
				buf = fmt.Appendf(buf, `,{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_%s","content":"%s"}]}`, id, agentCode(r, 800+r.IntN(3200)))
			default:
				id := fmt.Sprint(r.Uint64())
				buf = fmt.Appendf(buf, `,{"role":"assistant","content":null,"tool_calls":[{"id":"call_%s","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"src/a.go\"}"}}]}`, id)
				buf = fmt.Appendf(buf, `,{"role":"tool","tool_call_id":"call_%s","content":"%s"}`, id, agentCode(r, 800+r.IntN(3200)))
			}
			bufs[s] = buf
			grown = false
			out = append(out, agentReq{ep, append(buf[:len(buf):len(buf)], "]}"...)})
		}
	}
	return out
}

// BenchmarkHistory: Parse on a conversation whose history was seen and on
// agent loops, with and without the history cache (see above).
func BenchmarkHistory(b *testing.B) {
	body := convBody()
	ctr := counter(body)
	for _, on := range []bool{true, false} {
		name := map[bool]string{true: "cached", false: "nocache"}[on]
		b.Run("conv64KB-seen-last1KB/"+name, func(b *testing.B) {
			withHistory(b, on)
			p := dialect.Get()
			defer dialect.Put(p)
			var req fingerprint.Request
			for range 3 {
				count(ctr)
				if err := p.Parse(fingerprint.EndpointChatCompletions, body, &req); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				count(ctr)
				if err := p.Parse(fingerprint.EndpointChatCompletions, body, &req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	grow := agentGrowth(32, 100<<10)
	for _, on := range []bool{true, false} {
		name := map[bool]string{true: "cached", false: "nocache"}[on]
		b.Run("agent-grow100k/"+name, func(b *testing.B) {
			withHistory(b, on)
			p := dialect.Get()
			defer dialect.Put(p)
			var req fingerprint.Request
			size := 0
			for _, r := range grow {
				size += len(r.body)
			}
			b.SetBytes(int64(size / len(grow)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i == len(grow) { // start again, every step new
					b.StopTimer()
					if on {
						dialect.SetHistoryCache(dialect.DefaultHistoryCache)
					}
					i = 0
					b.StartTimer()
				}
				r := grow[i]
				i++
				if err := p.Parse(r.ep, r.body, &req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, kb := range []int{10, 25, 50, 100} {
		reqs := agentLoop(kb << 10)
		size := 0
		for _, r := range reqs {
			size += len(r.body)
		}
		for _, on := range []bool{true, false} {
			name := map[bool]string{true: "cached", false: "nocache"}[on]
			b.Run(fmt.Sprintf("agent-%dk/%s", kb, name), func(b *testing.B) {
				withHistory(b, on)
				p := dialect.Get()
				defer dialect.Put(p)
				var req fingerprint.Request
				for _, r := range reqs { // one pass: the first round of the load
					if err := p.Parse(r.ep, r.body, &req); err != nil {
						b.Fatal(err)
					}
				}
				b.SetBytes(int64(size / len(reqs)))
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					r := reqs[i%len(reqs)]
					i++
					if err := p.Parse(r.ep, r.body, &req); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
