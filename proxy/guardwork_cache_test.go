package proxy

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// BenchmarkGuardWorkAgent: the guard's work (identity, parse, prints,
// decision) per request of an agent loop whose history grows to 50 and
// 100 KB, as the load harness's agent workloads send it: 125 sessions,
// each sending its four consecutive steps that reach the history length,
// step by step across the sessions, again and again (so each step's
// history was seen), OpenAI and Anthropic alternately; a step adds a tool
// call and a tool result of 0.8 to 4 KB of code (escaped quotes, \n and
// \t) or prose.
//
//	go test -run '^$' -bench 'GuardWorkAgent' -benchmem ./proxy/
func BenchmarkGuardWorkAgent(b *testing.B) {
	for _, kb := range []int{50, 100} {
		reqs := agentBodies(kb << 10)
		g := newWorkGuard(b)
		now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
		eval := func(r agentBody) {
			st := g.getState()
			if _, err := g.evaluate(now, st, &arrival{ep: r.ep, h: workHeader, peer: workPeer, body: r.body}); err != nil {
				b.Fatal(err)
			}
			g.putState(st)
			now = now.Add(time.Millisecond)
		}
		for _, r := range reqs { // the first round
			eval(r)
		}
		size := 0
		for _, r := range reqs {
			size += len(r.body)
		}
		b.Run(fmt.Sprintf("agent-%dk/evaluate", kb), func(b *testing.B) {
			b.SetBytes(int64(size / len(reqs)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				eval(reqs[i%len(reqs)])
				i++
			}
		})
		b.Run(fmt.Sprintf("agent-%dk/parse", kb), func(b *testing.B) {
			st := g.getState()
			defer g.putState(st)
			b.SetBytes(int64(size / len(reqs)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				r := reqs[i%len(reqs)]
				i++
				if err := st.parser.Parse(r.ep, r.body, &st.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type agentBody struct {
	ep   fingerprint.Endpoint
	body []byte
}

var (
	agentIdents = strings.Fields(`ctx req res err buf cfg opts item items key val name path size count index offset limit handler server client store cache entry node conn row rows query result state token user account order`)
	agentShapes = []string{
		`func (%s *%s) %s(%s %s) (%s, error) {`, `if err != nil {`, `return nil, fmt.Errorf(\"%s: %%w\", err)`,
		`for i, %s := range %s {`, `%s := %s.%s(%s)`, `%s[%s] = %s`, `}`, `// %s %s the %s of %s before it is %s.`,
		`%s, err := %s.%s(ctx, %s)`, `defer %s.Close()`,
	}
	agentWords = strings.Fields(`the a of to and in that is for it with as was on be by this are from at or an which have not has but were they their been more can would its will also into other than only some what when about there these over such after most may new used first where many two between through how time should both each those being while under`)
)

func agentText(r *rand.Rand, n int, code bool) string {
	var b strings.Builder
	depth := 0
	for b.Len() < n {
		if !code {
			w := agentWords[r.IntN(len(agentWords))]
			if r.IntN(50) == 0 {
				w = `\"` + w + `\"`
			}
			b.WriteString(w + " ")
			continue
		}
		shape := agentShapes[r.IntN(len(agentShapes))]
		if shape == `}` {
			if depth == 0 {
				continue
			}
			depth--
		}
		b.WriteString(strings.Repeat(`\t`, depth))
		for strings.Contains(shape, "%s") {
			shape = strings.Replace(shape, "%s", agentIdents[r.IntN(len(agentIdents))], 1)
		}
		b.WriteString(strings.ReplaceAll(shape, "%%", "%") + ` \n `)
		if strings.HasSuffix(shape, "{") && depth < 4 {
			depth++
		}
	}
	return b.String()
}

// agentBodies returns the agent loop's requests at a history of hist
// bytes, in the order the load harness sends them.
func agentBodies(hist int) []agentBody {
	const sessions, window = 125, 4
	r := rand.New(rand.NewPCG(16, uint64(hist)))
	steps := make([][]agentBody, window)
	for s := range sessions {
		anthropic := s%2 == 1
		var buf []byte
		sys, task := agentText(r, 2000, false), agentText(r, 200+r.IntN(600), false)
		if anthropic {
			buf = fmt.Appendf(nil, `{"model":"claude-sonnet-4-5","max_tokens":4096,"system":"%s","tools":[{"name":"read_file","input_schema":{"type":"object"}}],"messages":[{"role":"user","content":"%s"}`, sys, task)
		} else {
			buf = fmt.Appendf(nil, `{"model":"gpt-4o","max_tokens":4096,"tools":[{"type":"function","function":{"name":"read_file"}}],"messages":[{"role":"system","content":"%s"},{"role":"user","content":"%s"}`, sys, task)
		}
		ends := []int{len(buf)}
		for len(buf)+2 < hist+1 || len(ends) < window {
			id := fmt.Sprint(r.Uint64())
			result := agentText(r, 800+r.IntN(3200), r.IntN(10) >= 3)
			if anthropic {
				buf = fmt.Appendf(buf, `,{"role":"assistant","content":[{"type":"text","text":"%s"},{"type":"tool_use","id":"toolu_%s","name":"read_file","input":{"path":"src/a.go"}}]}`, agentText(r, 60+r.IntN(140), false), id)
				buf = fmt.Appendf(buf, `,{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_%s","content":"%s"}]}`, id, result)
			} else {
				buf = fmt.Appendf(buf, `,{"role":"assistant","content":null,"tool_calls":[{"id":"call_%s","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"src/a.go\"}"}}]}`, id)
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
			steps[w] = append(steps[w], agentBody{ep, append(buf[:end:end], "]}"...)})
		}
	}
	var out []agentBody
	for _, st := range steps {
		out = append(out, st...)
	}
	return out
}
