package fingerprint

import (
	"strings"
	"testing"
	"time"
)

// Per-stage benchmarks of the prompt prints, each next to the same stage of
// the reference implementation (ref_test.go) in the same binary, so that
// one run gives old/new ratios on a noisy machine:
//
//	go test -run '^$' -bench 'Stage|PromptRef' -count 6 ./fingerprint/
//
// Sizes: a 2 KB single-turn prompt (the guard's per-request target), 64 KB
// of prose (the per-byte rate), and a 64 KB conversation whose last user
// turn is 1 KB (a long agent or chat history re-sent with each turn).

const benchPara = "Here is the answer: 42. Explain the reasoning that leads to this answer step by step. " +
	"The quarterly report says \"revenue grew by 12 percent\" while costs stayed flat, and Dr. Smith " +
	"wants a short summary for the board with three key points and a table of the main risks. "

// benchProse is about n bytes of the benchmark paragraph.
func benchProse(n int) []byte { return []byte(strings.Repeat(benchPara, n/len(benchPara)+1)[:n]) }

// benchConversation is a conversation of about size bytes: a system prompt,
// alternating user and assistant turns of about 2 KB, and a last user turn
// of last bytes.
func benchConversation(size, last int) *Request {
	r := &Request{System: []byte("You are a helpful assistant. Answer precisely and cite your sources.")}
	turn := []string{
		"Can you look at the following excerpt and tell me what the author means? " + strings.Repeat("The committee reviewed the proposal in detail, noting that the budget for 2026 exceeds the cap by 4.5 percent and that the \"phase two\" schedule is optimistic. ", 12),
		"The author argues that the proposal is sound in principle but too expensive. " + strings.Repeat("In particular, the schedule assumes that the contractor finishes the foundations before winter, which past projects rarely managed; see `schedule.md` for the dates. ", 11),
	}
	n := len(r.System)
	for i := 0; n < size-last; i++ {
		t := Turn{Role: Role(i % 2), Text: []byte(turn[i%2])}
		if i%2 == 1 {
			t.Role = RoleAssistant
		}
		r.Turns = append(r.Turns, t)
		n += len(t.Text)
	}
	if r.Turns[len(r.Turns)-1].Role == RoleUser {
		r.Turns = append(r.Turns, Turn{Role: RoleAssistant, Text: []byte(turn[1])})
	}
	r.Turns = append(r.Turns, Turn{Role: RoleUser, Text: benchProse(last)})
	return r
}

func requestBytes(r *Request) int {
	n := len(r.System)
	for _, t := range r.Turns {
		n += len(t.Text)
	}
	return n
}

// benchRequests are the requests of BenchmarkPromptRef. A request's last
// user turn starts with a counter that next advances, so that every call
// prints a request not seen before (as live traffic does) while the
// history before that turn stays the same.
var benchRequests = []struct {
	name  string
	cache int // Config.HistoryCache of the new Hasher
	r     func() *Request
}{
	{"2KB", 0, func() *Request {
		return &Request{System: []byte("You are a helpful assistant."), Turns: []Turn{{Role: RoleUser, Text: benchProse(2 << 10)}}}
	}},
	{"64KB", 0, func() *Request { return &Request{Turns: []Turn{{Role: RoleUser, Text: benchProse(64 << 10)}}} }},
	{"conv64KB-last1KB", 0, func() *Request { return benchConversation(64<<10, 1<<10) }},
	{"conv64KB-last1KB-nocache", -1, func() *Request { return benchConversation(64<<10, 1<<10) }},
}

// next makes r a new request: it advances the eight-digit counter at the
// start of its last turn.
func next(r *Request) {
	t := r.Turns[len(r.Turns)-1].Text
	for i := 7; i >= 0; i-- {
		if t[i] < '0' || t[i] >= '9' {
			t[i] = '0'
			continue
		}
		t[i]++
		return
	}
}

// BenchmarkPromptRef: the whole prompt print, old (ref) and new, timed
// alternately (see benchAB), each call on a new request (see next) whose
// history, when it has one, was seen by the calls before.
func BenchmarkPromptRef(b *testing.B) {
	for _, tc := range benchRequests {
		r := tc.r()
		h, ref := New(Config{Seed: 1, HistoryCache: tc.cache}), refNew(Config{Seed: 1})
		var p, q PromptPrint
		b.Run(tc.name, func(b *testing.B) {
			benchAB(b, requestBytes(r), func() { ref.Prompt(r, &q) }, func() {
				h.Prompt(r, &p)
				next(r)
			})
		})
	}
}

// BenchmarkStage: the stages of the prompt print on one 2 KB and one 64 KB
// prose text, old (ref) and new.
func BenchmarkStage(b *testing.B) {
	for _, n := range []int{2 << 10, 64 << 10} {
		text := benchProse(n)
		name := "2KB"
		if n > 2<<10 {
			name = "64KB"
		}
		h, ref := New(Config{Seed: 1}), refNew(Config{Seed: 1})
		stages := []struct {
			name     string
			old, new func()
		}{
			{"template", func() {
				var k refSkeleton
				k.reset(1)
				ref.walk(text, &k, nil)
			}, func() { benchTemplate(h, text, false) }},
			{"template+sketch", func() {
				var k refSkeleton
				var sk refSimhash
				k.reset(1)
				ref.walk(text, &k, &sk)
			}, func() { benchTemplate(h, text, true) }},
			{"matcher", func() {
				var st refElicitState
				st.reset(&ref.pats)
				ref.match.scan(ref.match.start(), text, &st)
			}, func() { benchMatcher(h, text) }},
			{"tokens", func() { refEstimateTokens(text) }, func() { EstimateTokens(text) }},
		}
		for _, s := range stages {
			b.Run(name+"/"+s.name, func(b *testing.B) { benchAB(b, n, s.old, s.new) })
		}
	}
}

// benchAB times old and new alternately, call by call and in both orders
// (the second of two calls can run at another speed than the first), so
// that both see the same machine: ns/op is the pair, old-ns and new-ns
// each, new/old their ratio and MB/s-new the rate of new on n bytes.
func benchAB(b *testing.B, n int, old, new func()) {
	var tOld, tNew time.Duration
	b.ReportAllocs()
	odd := false
	for b.Loop() {
		odd = !odd
		if odd {
			t0 := time.Now()
			old()
			t1 := time.Now()
			new()
			t2 := time.Now()
			tOld += t1.Sub(t0)
			tNew += t2.Sub(t1)
		} else {
			t0 := time.Now()
			new()
			t1 := time.Now()
			old()
			t2 := time.Now()
			tNew += t1.Sub(t0)
			tOld += t2.Sub(t1)
		}
	}
	b.ReportMetric(float64(tOld.Nanoseconds())/float64(b.N), "old-ns")
	b.ReportMetric(float64(tNew.Nanoseconds())/float64(b.N), "new-ns")
	b.ReportMetric(float64(tNew)/float64(tOld), "new/old")
	b.ReportMetric(float64(n)*float64(b.N)/tNew.Seconds()/1e6, "MB/s-new")
}

// benchTemplate is the template stage of the new implementation: the
// skeleton of text, and its sketch when sketch is set.
func benchTemplate(h *Hasher, text []byte, sketch bool) {
	var k skeleton
	k.reset(1)
	if sketch {
		var sk simhash
		h.walk(text, &k, &sk)
		return
	}
	h.walk(text, &k, nil)
}

// benchMatcher is the matcher stage of the new implementation.
func benchMatcher(h *Hasher, text []byte) {
	var st elicitState
	st.reset(&h.pats)
	h.match.scan(h.match.start(), text, &st)
}
