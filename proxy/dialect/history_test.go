package dialect

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

// The history cache must not change what Parse returns: these tests parse
// sequences of requests (conversations that grow, agent loops, regenerated
// and edited turns, corrupted histories) with a cache and without one, and
// compare the results field by field, nil-ness of texts and errors
// included.

const (
	chatEP      = fingerprint.EndpointChatCompletions
	messagesEP  = fingerprint.EndpointMessages
	responsesEP = fingerprint.EndpointResponses
)

// histCompare parses body with p (which uses a cache) and with a parser
// without one, and fails on any difference.
func histCompare(t testing.TB, p *Parser, ep fingerprint.Endpoint, body []byte) (cached bool) {
	t.Helper()
	var got, want fingerprint.Request
	err := p.Parse(ep, body, &got)
	ref := &Parser{noHist: true}
	wantErr := ref.Parse(ep, body, &want)
	if !reflect.DeepEqual(err, wantErr) {
		t.Fatalf("%v body %.300q...: error %v, without the cache %v", ep, body, err, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%v body %.300q...:\n cached   %s\n uncached %s", ep, body, dumpRequest(&got), dumpRequest(&want))
	}
	return p.replayed > 0
}

func dumpRequest(r *fingerprint.Request) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "model=%q system=%q(nil=%v) knobs=%+v turns:", r.Model, r.System, r.System == nil, *r)
	for i, t := range r.Turns {
		fmt.Fprintf(&sb, "\n  %d %d %q nil=%v", i, t.Role, t.Text, t.Text == nil)
	}
	return sb.String()
}

// histText returns about n bytes of JSON string content with every kind
// of escape: quotes, backslashes, control escapes, \u escapes of BMP
// characters, surrogate pairs and lone surrogates, raw UTF-8.
func histText(r *rand.Rand, n int) string {
	words := []string{"the", "agent", "reads", "file", "func", "return", "err", "nil", "budget", "phase", "two", "中文", "é", "naïve", "x := 1"}
	esc := []string{`\"`, `\\`, `\n`, `\t`, `\r`, `\/`, `\b`, `\f`, `\u00e9`, `\u4e2d`, `\ud83d\ude00`, `\ud800`, `\udc00x`, `\u0041`, `\"quoted\"`}
	var sb strings.Builder
	for sb.Len() < n {
		if r.IntN(4) == 0 {
			sb.WriteString(esc[r.IntN(len(esc))])
		} else {
			sb.WriteString(words[r.IntN(len(words))])
		}
		sb.WriteByte(' ')
	}
	return sb.String()
}

// histMessage returns one message of a conversation in the list kind of
// endpoint ep, the i-th of its conversation.
func histMessage(r *rand.Rand, ep fingerprint.Endpoint, i, size int) string {
	txt := func() string { return histText(r, 1+r.IntN(size)) }
	id := fmt.Sprintf("call_%d_%d", i, r.IntN(1000))
	switch ep {
	case messagesEP:
		if i%2 == 0 { // user
			switch r.IntN(5) {
			case 0:
				return `{"role":"user","content":"` + txt() + `"}`
			case 1:
				return `{"role":"user","content":[{"type":"text","text":"` + txt() + `"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}`
			case 2:
				return `{"content":[{"type":"tool_result","tool_use_id":"` + id + `","content":"` + txt() + `"}],"role":"user"}`
			case 3:
				return `{"role":"user","content":[{"type":"tool_result","tool_use_id":"` + id + `","content":[{"type":"text","text":"` + txt() + `"},{"type":"image","source":{}}]},{"type":"text","text":"` + txt() + `"}]}`
			}
			return `{"role":"user","content":[{"type":"image","source":{}}]}`
		}
		switch r.IntN(3) {
		case 0:
			return `{"role":"assistant","content":"` + txt() + `"}`
		case 1:
			return `{"role":"assistant","content":[{"type":"thinking","thinking":"` + txt() + `","signature":"abc"},{"type":"text","text":"` + txt() + `"},{"type":"tool_use","id":"` + id + `","name":"read_file","input":{"path":"src/a.go","n":[1,2.5,true,null]}}]}`
		}
		return `{"role":"assistant","content":[{"input":{"q":"` + txt() + `"},"type":"tool_use","id":"` + id + `","name":"search"}]}`
	case responsesEP:
		switch r.IntN(7) {
		case 0:
			return `{"role":"developer","content":"` + txt() + `"}`
		case 1:
			return `{"type":"message","role":"assistant","content":[{"type":"output_text","text":"` + txt() + `"}]}`
		case 2:
			return `{"type":"function_call","call_id":"` + id + `","name":"f","arguments":"{\"path\":\"` + txt() + `\"}"}`
		case 3:
			return `{"type":"function_call_output","call_id":"` + id + `","output":"` + txt() + `"}`
		case 4:
			return `{"type":"reasoning","content":[{"type":"reasoning_text","text":"` + txt() + `"}]}`
		case 5:
			return `{"role":"user","content":[{"type":"input_text","text":"` + txt() + `"},{"type":"input_image","image_url":"https://x/y.png"},{"type":"input_text","text":"` + txt() + `"}]}`
		}
		return `{"role":"user","content":"` + txt() + `"}`
	}
	switch r.IntN(8) {
	case 0:
		return `{"role":"system","content":"` + txt() + `"}`
	case 1:
		return `{"role":"developer","content":[{"type":"text","text":"` + txt() + `"},{"type":"text","text":"` + txt() + `"}]}`
	case 2:
		return `{"role":"assistant","content":null,"tool_calls":[{"id":"` + id + `","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"` + txt() + `\"}"}}]}`
	case 3:
		return `{"role":"tool","tool_call_id":"` + id + `","content":"` + txt() + `"}`
	case 4:
		return `{"role":"assistant","content":"` + txt() + `","function_call":{"name":"f","arguments":"` + txt() + `"}}`
	case 5:
		return `{"role":"user","content":[{"type":"text","text":"` + txt() + `"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}}]}`
	case 6:
		return `{"role":"user","content":""}`
	}
	return `{"role":"user","content":"` + txt() + `"}`
}

// histBody wraps messages in a body of endpoint ep; head varies the
// fields around the list (a system prompt or instructions first).
func histBody(ep fingerprint.Endpoint, head int, msgs []string) []byte {
	list := "[" + strings.Join(msgs, ",") + "]"
	switch ep {
	case messagesEP:
		if head%2 == 0 {
			return []byte(`{"model":"claude-sonnet-4-5","system":[{"type":"text","text":"be \"brief\""},{"type":"text","text":"two"}],"max_tokens":1024,"messages":` + list + `}`)
		}
		return []byte(`{"model":"claude-sonnet-4-5","messages":` + list + `,"stream":true,"system":"s\u00e9"}`)
	case responsesEP:
		if head%2 == 0 {
			return []byte(`{"model":"gpt-5","instructions":"i\n","input":` + list + `,"reasoning":{"effort":"low"}}`)
		}
		return []byte(`{"model":"gpt-5","input":` + list + `,"instructions":"late"}`)
	}
	if head%2 == 0 {
		return []byte(`{"model":"gpt-4o","messages":` + list + `,"max_tokens":256}`)
	}
	return []byte(`{"temperature":0.5,"messages":` + list + `}`)
}

var histEndpoints = []fingerprint.Endpoint{chatEP, messagesEP, responsesEP}

// TestHistoryIdentical parses growing conversations and agent loops step
// by step, with regenerated last turns, edited history, exact repeats,
// white-space changes and corrupted bodies mixed in, with the cache and
// without, and checks that the cache was used.
func TestHistoryIdentical(t *testing.T) {
	t.Parallel()
	for _, lo := range []int{256, histMinDefault} {
		for _, ep := range histEndpoints {
			t.Run(fmt.Sprintf("%v/min%d", ep, lo), func(t *testing.T) {
				t.Parallel()
				r := rand.New(rand.NewPCG(uint64(lo), uint64(ep)))
				p := &Parser{hist: newHistCache(1<<20, lo)}
				size := 400
				if lo > 256 {
					size = 2000
				}
				hits := 0
				for conv := range 12 {
					var msgs []string
					head := r.IntN(2)
					for step := 0; step < 30; step++ {
						for range 1 + r.IntN(3) {
							msgs = append(msgs, histMessage(r, ep, len(msgs), size))
						}
						body := histBody(ep, head, msgs)
						if histCompare(t, p, ep, body) {
							hits++
						}
						switch r.IntN(10) {
						case 0: // regenerate the last message
							alt := append(append([]string(nil), msgs[:len(msgs)-1]...), histMessage(r, ep, len(msgs)-1, size))
							histCompare(t, p, ep, histBody(ep, head, alt))
						case 1: // edit a message in the history
							alt := append([]string(nil), msgs...)
							alt[r.IntN(len(alt))] = histMessage(r, ep, 0, size)
							histCompare(t, p, ep, histBody(ep, head, alt))
						case 2: // the same body again
							histCompare(t, p, ep, body)
						case 3: // white space between messages
							alt := histBody(ep, head, msgs)
							alt = []byte(strings.Replace(string(alt), "},{", "} ,\n{", 1+r.IntN(3)))
							histCompare(t, p, ep, alt)
						case 4, 5: // a corrupted byte anywhere
							alt := append([]byte(nil), body...)
							alt[r.IntN(len(alt))] = "\"\\{}[],:\x01 \x00a"[r.IntN(12)]
							histCompare(t, p, ep, alt)
						case 6: // cut short
							histCompare(t, p, ep, body[:r.IntN(len(body))])
						case 7: // the other head
							histCompare(t, p, ep, histBody(ep, head+1, msgs))
						case 8: // an older step
							histCompare(t, p, ep, histBody(ep, head, msgs[:1+r.IntN(len(msgs))]))
						}
					}
					_ = conv
				}
				if hits == 0 {
					t.Errorf("the cache was never used")
				}
				t.Logf("%d of 360 steps from the cache", hits)
			})
		}
	}
}

// TestHistoryConcurrent parses agent loops on several goroutines sharing
// one small cache (evictions included), each compared with the uncached
// parse; run with -race.
func TestHistoryConcurrent(t *testing.T) {
	t.Parallel()
	c := newHistCache(256<<10, 256)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 7))
			p := &Parser{hist: c}
			ep := histEndpoints[g%len(histEndpoints)]
			var sessions [3][]string
			for range 150 {
				s := &sessions[r.IntN(len(sessions))]
				*s = append(*s, histMessage(r, ep, len(*s), 600), histMessage(r, ep, len(*s)+1, 600))
				if len(*s) > 60 {
					*s = (*s)[:2]
				}
				histCompare(t, p, ep, histBody(ep, 0, *s))
			}
		})
	}
	wg.Wait()
	if tot := c.total.Load(); tot > c.size {
		t.Errorf("cache holds %d bytes, size %d", tot, c.size)
	}
	checkIndex(t, c)
}

// checkIndex checks the index at rest: the entries account the cache's
// total, and every alias belongs to a chain that still has its own entry,
// so that no unaccounted entry keeps a chain alive.
func checkIndex(t *testing.T, c *histCache) {
	t.Helper()
	sets := c.index(true)
	own := map[*histNode]bool{}
	var total int64
	for i := range sets {
		for _, e := range sets[i].e {
			if e.node != nil && !e.alias {
				own[e.node] = true
				total += e.size
				if e.node.dead.Load() {
					t.Errorf("entry of a dropped chain")
				}
			}
		}
	}
	for i := range sets {
		for _, e := range sets[i].e {
			if e.node != nil && e.alias && !own[e.node] {
				t.Errorf("alias of a chain without its own entry")
			}
		}
	}
	if total != c.total.Load() {
		t.Errorf("entries account %d bytes, total %d", total, c.total.Load())
	}
}

// TestHistoryOlderStep: a body that re-sends an earlier state of a cached
// conversation (an agent step sent again), at least half as long, is
// served from the cache and stores nothing.
func TestHistoryOlderStep(t *testing.T) {
	t.Parallel()
	for _, ep := range histEndpoints {
		r := rand.New(rand.NewPCG(3, uint64(ep)))
		c := newHistCache(8<<20, histMinDefault)
		p := &Parser{hist: c}
		var msgs []string
		var steps [][]byte
		for len(steps) < 8 || len(steps[len(steps)-1]) < 40<<10 {
			msgs = append(msgs, histMessage(r, ep, len(msgs), 3000), histMessage(r, ep, len(msgs)+1, 3000))
			steps = append(steps, histBody(ep, 0, msgs))
			histCompare(t, p, ep, steps[len(steps)-1])
		}
		before := c.total.Load()
		tip := len(steps[len(steps)-1])
		for _, body := range steps[:len(steps)-1] {
			if len(body) < tip*6/10 {
				continue // aliases reach down to half the chain
			}
			if !histCompare(t, p, ep, body) {
				t.Errorf("%v: an older step of %d bytes not served from the cache", ep, len(body))
			}
		}
		if c.total.Load() != before {
			t.Errorf("%v: older steps stored %d bytes", ep, c.total.Load()-before)
		}
		checkIndex(t, c)
	}
}

// TestHistoryBounded: the entries' total stays within the cache's size
// and every stored chain is within its bounds, whatever the traffic.
func TestHistoryBounded(t *testing.T) {
	t.Parallel()
	c := newHistCache(64<<10, 256)
	p := &Parser{hist: c}
	r := rand.New(rand.NewPCG(1, 2))
	var msgs []string
	for range 400 {
		msgs = append(msgs, histMessage(r, chatEP, len(msgs), 300))
		histCompare(t, p, chatEP, histBody(chatEP, 0, msgs))
		if len(msgs) > 100 {
			msgs = msgs[:0]
		}
		if tot := c.total.Load(); tot > c.size {
			t.Fatalf("cache holds %d bytes, size %d", tot, c.size)
		}
	}
	sets := c.index(true)
	for i := range sets {
		for _, e := range sets[i].e {
			if e.node != nil && (e.node.chain > histChain || e.node.size > c.size/8) {
				t.Errorf("chain of %d nodes, %d bytes", e.node.chain, e.node.size)
			}
		}
	}
	checkIndex(t, c)
}

// TestHistoryAllocs: parsing a long conversation whose history is cached
// allocates nothing, and the cache is used.
func TestHistoryAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("alloc counts need a normal build")
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, ep := range histEndpoints {
		var msgs []string
		for len(strings.Join(msgs, ",")) < 64<<10 {
			msgs = append(msgs, histMessage(r, ep, len(msgs), 3000))
		}
		p := &Parser{hist: newHistCache(16<<20, histMinDefault)}
		var req fingerprint.Request
		// history seen: a shared history under different last turns
		for i := range 3 {
			msgs[len(msgs)-1] = histMessage(r, ep, i, 1000)
			if err := p.Parse(ep, histBody(ep, 0, msgs), &req); err != nil {
				t.Fatal(err)
			}
		}
		body := histBody(ep, 0, msgs)
		n := testing.AllocsPerRun(50, func() {
			if err := p.Parse(ep, body, &req); err != nil {
				t.Fatal(err)
			}
		})
		if n > 0 {
			t.Errorf("%v: %v allocs per Parse with the history cached, want 0", ep, n)
		}
		if p.replayed == 0 {
			t.Errorf("%v: history not taken from the cache", ep)
		}
	}
}

// FuzzHistory parses two arbitrary bodies in a sequence (a cold, a warm,
// b, b, a; b typically extends a) with a cache whose threshold is small
// enough for fuzzed bodies, and compares each parse with the parser
// without the cache: values and errors must be identical.
func FuzzHistory(f *testing.F) {
	r := rand.New(rand.NewPCG(9, 9))
	for i, ep := range histEndpoints {
		var msgs []string
		for range 6 {
			msgs = append(msgs, histMessage(r, ep, len(msgs), 40))
		}
		a := histBody(ep, i, msgs)
		msgs = append(msgs, histMessage(r, ep, len(msgs), 40), histMessage(r, ep, len(msgs)+1, 40))
		f.Add(uint8(i), a, histBody(ep, i, msgs))
		f.Add(uint8(i), a, histBody(ep, i+1, msgs))
		f.Add(uint8(i), a, a[:len(a)-5])
	}
	f.Fuzz(func(t *testing.T, e uint8, a, b []byte) {
		ep := histEndpoints[int(e)%len(histEndpoints)]
		p := &Parser{hist: newHistCache(1<<20, 64)}
		for _, body := range [][]byte{a, a, b, b, a, b} {
			histCompare(t, p, ep, body)
		}
	})
}
