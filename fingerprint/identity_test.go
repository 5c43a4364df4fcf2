package fingerprint

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// The prompt prints are the features the detector's model is fitted on: a
// faster implementation must give bit-identical prints. These tests compare
// Hasher.Prompt with refHasher.Prompt (ref_test.go, the implementation
// before the speed-up) on generated requests that reach every branch of the
// tokenizer and the matcher, on the quality fixtures, and under the fuzzer.

// identityPieces are the tokens the generator strings together.
var identityPieces = func() []string {
	p := []string{
		"explain", "Explain", "EXPLAIN", "describe", "the", "The", "of", "and", "answer", "Answer",
		"step", "steps", "reasoning", "it's", "don't", "e.g", "i.e", "vs",
		"photosynthesis", "Rome", "Dr.", "Smith", "NASA", "JSON", "camelCase", "getHTTPResponse",
		"snake_case", "dotted.name", "a.b.c", "path/to/file.go", `C:\dir\file`, "user@example.com",
		"x", "I", "a", "A1", "42", "3.14", "1,000", "2026-05-12", "1-10", "1-5", "/10", "10/10", "v1.2.3",
		"http://example.com/a?b=c", "https://x.y/z", "ftp://h", "http:", "http:/", "mailto:x@y",
		`"quoted span"`, `"`, `""`, `"unclosed`, `'single quoted'`, `'`, `''`, `'a'`, "rock 'n' roll",
		"`code`", "`", "``", "```", "```go\nfunc f() {}\n```", "```\nunclosed fence",
		"“curly”", "“", "”", "‘single’", "‘", "「括号」", "「", "『书名』", "«guillemets»", "《书》", "《",
		"请", "解释", "一步一步", "推理过程", "已知答案", "答案是", "的", "了", "光合作用", "量子纠缠",
		"こんにちは", "カタカナ", "한국어", "𠀀", "豈",
		"é", "café", "naïve", "Über", "straße", "ñandú", "Привет", "мир", "Ελληνικά", "e\u0301", "x\u0301y",
		"😀", "👍🏽", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "\u3000", "\u2013", "\u2014", "…",
		"。", "？", "！", "：", "，", "、", "；", "·", "•", "©", "°",
		"\xff", "\xfe\xff", "\xe4\xb8", "\xc3", "\xed\xa0\x80", "\xf0\x9f", "\x80",
		".", "?", "!", ":", ";", ",", "(", ")", "[", "]", "{", "}", "<", ">", "-", "--", "_", "__",
		"*", "**", "#", "##", "|", "=", "~", "+", "&", "%", "$", "^", "\\", "/", "@", "'", "\x00", "\x7f",
		"a_", "_a", "a.", ".a", "a@", "@a", "a/", "a\\", "a'", "'a", "a:", "a://", "A:", "1:", "x:/",
	}
	for _, w := range strings.Fields(strongWords + weakWords) {
		p = append(p, w, strings.ToUpper(w[:1])+w[1:])
	}
	for _, pat := range patterns {
		p = append(p, pat.text, strings.ToUpper(pat.text), strings.ReplaceAll(pat.text, " ", "-"),
			strings.ReplaceAll(pat.text, " ", " \t\n "), strings.ReplaceAll(pat.text, " ", "_"))
	}
	for _, r := range cjkStrong + cjkWeak {
		p = append(p, string(r))
	}
	return p
}()

var identitySeps = []string{
	" ", " ", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\v", "\f", "-", "_", ". ", "? ", "! ",
	": ", ", ", "; ", "", "", "*", "# ", "> ", "|", "=", "~", "- ", " -- ", "\u3000", "。", "，",
	strings.Repeat(" ", 40), strings.Repeat(" ", 100), strings.Repeat("\n", 30), strings.Repeat("-", 70),
	strings.Repeat("\t ", 60),
}

// identityText is a random text of about n bytes.
func identityText(rng *rand.Rand, n int) string {
	var b strings.Builder
	mode := rng.IntN(4) // 0: pieces; 1: mostly prose; 2: mostly separators; 3: random bytes mixed in
	for b.Len() < n {
		switch {
		case mode == 3 && rng.IntN(8) == 0:
			k := 1 + rng.IntN(6)
			for range k {
				b.WriteByte(byte(rng.IntN(256)))
			}
		case mode == 1 && rng.IntN(3) > 0:
			b.WriteString(proseWords[rng.IntN(len(proseWords))])
		default:
			b.WriteString(identityPieces[rng.IntN(len(identityPieces))])
		}
		if mode == 2 || rng.IntN(3) == 0 {
			b.WriteString(identitySeps[rng.IntN(len(identitySeps))])
		} else {
			b.WriteByte(' ')
		}
	}
	s := b.String()
	if len(s) > n && rng.IntN(2) == 0 {
		s = s[:n] // may cut a rune or a quote
	}
	return s
}

var proseWords = strings.Fields(`the quarterly report says revenue grew by twelve percent while
costs stayed flat and the board wants a short summary with three key points and a table of the main
risks in the next section we describe how the model was trained on a large corpus of documents and why
its answers are sometimes wrong when the question is ambiguous or the context is missing entirely`)

// identityRequest builds a random request of about n text bytes.
func identityRequest(rng *rand.Rand, n int) *Request {
	r := &Request{}
	if rng.IntN(2) == 0 {
		r.System = []byte(identityText(rng, rng.IntN(n/2+1)))
	}
	turns := 1 + rng.IntN(6)
	if rng.IntN(10) == 0 {
		turns = 0
	}
	for i := range turns {
		role := Role(rng.IntN(3))
		if i == turns-1 && rng.IntN(4) > 0 {
			role = RoleUser
		}
		r.Turns = append(r.Turns, Turn{Role: role, Text: []byte(identityText(rng, rng.IntN(n/turns+1)))})
	}
	if rng.IntN(3) == 0 {
		r.Tools = rng.IntN(3)
	}
	r.Stream = rng.IntN(2) == 0
	r.MaxTokens = rng.IntN(3) * 4096
	r.Logprobs = rng.IntN(8) == 0
	return r
}

func comparePrompt(t testing.TB, h *Hasher, ref *refHasher, r *Request) {
	t.Helper()
	var got, want PromptPrint
	ref.Prompt(r, &want)
	h.Prompt(r, &got)
	if got != want {
		t.Fatalf("prints differ\n got %+v\nwant %+v\nrequest: system %q\nturns %s", got, want, r.System, turnsString(r))
	}
}

func turnsString(r *Request) string {
	var b strings.Builder
	for _, t := range r.Turns {
		fmt.Fprintf(&b, "[%d %q] ", t.Role, t.Text)
	}
	return b.String()
}

// raceEnabled is set under -race (race_test.go), where the identity tests
// run fewer cases: the race detector makes them ten times slower, and
// what it checks, the history cache under concurrent use, needs few.
var raceEnabled bool

// short reports whether to run fewer cases.
func short() bool { return testing.Short() || raceEnabled }

func TestPromptIdentityGenerated(t *testing.T) {
	iters := 20000
	if short() {
		iters = 1000
	}
	for _, seed := range []uint64{0, 1, 0xdeadbeefcafe} {
		h, ref := New(Config{Seed: seed}), refNew(Config{Seed: seed})
		rng := rand.New(rand.NewPCG(seed, 7))
		for i := range iters {
			n := 64 << rng.IntN(9) // 64 B .. 16 KB
			if i%50 == 0 {
				n = 64 << 10
			}
			comparePrompt(t, h, ref, identityRequest(rng, rng.IntN(n+1)))
		}
	}
}

// TestPromptIdentityTexts compares single texts as every part of a request:
// the last user turn, an earlier user turn, the system prompt and a tool
// turn, at every length cut of some texts.
func TestPromptIdentityTexts(t *testing.T) {
	h, ref := New(Config{Seed: 3}), refNew(Config{Seed: 3})
	texts := []string{"", " ", "a", "step by step", " 1-10", "Here is the answer: 42. Explain the reasoning step by step."}
	rng := rand.New(rand.NewPCG(1, 2))
	ntexts := 200
	if short() {
		ntexts = 40
	}
	for range ntexts {
		texts = append(texts, identityText(rng, rng.IntN(3000)))
	}
	texts = append(texts, readQualityTexts(t)...)
	for i, s := range texts {
		cuts := []int{len(s)}
		if i < 120 {
			cuts = cuts[:0]
			for c := 0; c <= len(s); c += 1 + c/16 {
				cuts = append(cuts, c)
			}
		}
		for _, c := range cuts {
			b := []byte(s[:c])
			for _, r := range []*Request{
				{Turns: []Turn{{Role: RoleUser, Text: b}}},
				{System: b, Turns: []Turn{{Role: RoleUser, Text: b}, {Role: RoleAssistant, Text: b}, {Role: RoleUser, Text: b[:c/2]}}},
				{System: b[c/3:], Turns: []Turn{{Role: RoleTool, Text: b}, {Role: RoleUser, Text: b[:c/2]}, {Role: RoleUser, Text: b[c/2:]}}},
			} {
				comparePrompt(t, h, ref, r)
			}
		}
	}
}

func readQualityTexts(t testing.TB) []string {
	f, err := os.Open("testdata/quality.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var x struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatal(err)
		}
		out = append(out, x.Text)
	}
	return out
}

// TestPromptIdentityLong: long texts of one kind each, where the matcher
// and the tokenizer run their multi-lane and bulk paths.
func TestPromptIdentityLong(t *testing.T) {
	h, ref := New(Config{Seed: 5}), refNew(Config{Seed: 5})
	rng := rand.New(rand.NewPCG(5, 5))
	kinds := []func(i int) string{
		func(int) string { return proseWords[rng.IntN(len(proseWords))] + " " },
		func(int) string { return identityPieces[rng.IntN(len(identityPieces))] + " " },
		func(int) string {
			return patterns[rng.IntN(len(patterns))].text + identitySeps[rng.IntN(len(identitySeps))]
		},
		func(i int) string { return strings.Repeat(" ", i%200) + "step by step\n" },
		func(int) string {
			return string(rune(0x4e00+rng.IntN(0x5000))) + string(cjkWeak[rng.IntN(len(cjkWeak)/3)*3:][:3])
		},
		func(int) string { return string(rune(rng.IntN(utf8.MaxRune))) },
		func(int) string { return string([]byte{byte(rng.IntN(256))}) },
	}
	for ki, kind := range kinds {
		for _, n := range []int{100, 300, 700, 1500, 4000, 20000, 70000} {
			for rep := range 3 {
				var b strings.Builder
				for i := 0; b.Len() < n; i++ {
					b.WriteString(kind(i))
				}
				s := []byte(b.String())
				r := &Request{System: s[:len(s)/(rep+2)], Turns: []Turn{{Role: RoleUser, Text: s}, {Role: RoleAssistant, Text: s[:10]}, {Role: RoleUser, Text: s[len(s)/3:]}}}
				comparePrompt(t, h, ref, r)
				comparePrompt(t, h, ref, &Request{Turns: []Turn{{Role: RoleUser, Text: s[rep:]}}})
				_ = ki
			}
		}
	}
}

// FuzzPromptIdentity: any texts, as system prompt and turns.
func FuzzPromptIdentity(f *testing.F) {
	for _, s := range []string{"", "Explain \"x step by step", "```\ncode", "'a' `b` “c", "请一步一步", "http://", "\xff\xfe\xe4\xb8",
		"Here is the answer: 42. Explain the reasoning.", "a-b_c.d@e/f\\g", "  \n\n  ", "「未闭合", "getHTTPResponse it's A.B"} {
		f.Add(s, s, uint8(0))
	}
	h, ref := New(Config{Seed: 9}), refNew(Config{Seed: 9})
	f.Fuzz(func(t *testing.T, sys, text string, shape uint8) {
		var r *Request
		switch shape % 4 {
		case 0:
			r = &Request{Turns: []Turn{{Role: RoleUser, Text: []byte(text)}}}
		case 1:
			r = &Request{System: []byte(sys), Turns: []Turn{{Role: RoleUser, Text: []byte(text)}}}
		case 2:
			r = &Request{System: []byte(sys), Turns: []Turn{
				{Role: RoleUser, Text: []byte(text)},
				{Role: RoleTool, Text: []byte(sys)},
				{Role: RoleUser, Text: []byte(text + sys)},
			}}
		default:
			long := []byte(strings.Repeat(text+" "+sys, 1+4096/(1+len(text)+len(sys))))
			r = &Request{System: []byte(sys), Turns: []Turn{
				{Role: RoleUser, Text: long},
				{Role: RoleAssistant, Text: []byte(text)},
				{Role: RoleUser, Text: long[len(long)/3:]},
			}}
		}
		comparePrompt(t, h, ref, r)
	})
}

// TestPromptIdentitySparse: long neutral texts with a few phrases at random
// places, so that the few matches that decide the repeat rules of the
// signals (an answer label twice, or beside a repeated step-by-step) fall
// into every lane and across lane boundaries.
func TestPromptIdentitySparse(t *testing.T) {
	h, ref := New(Config{Seed: 11}), refNew(Config{Seed: 11})
	rng := rand.New(rand.NewPCG(11, 11))
	var phrases []string
	for _, p := range patterns {
		if p.cue == cueStep || p.cue == cueReasonRequest || p.cue == cueAnswerGiven && p.w <= answerLabel {
			phrases = append(phrases, p.text)
		}
	}
	iters := 3000
	if short() {
		iters = 300
	}
	for range iters {
		n := 1024 + rng.IntN(8<<10)
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(proseWords[rng.IntN(len(proseWords))])
			b.WriteByte(' ')
		}
		s := b.String()
		for range rng.IntN(7) {
			at := rng.IntN(len(s))
			ph := phrases[rng.IntN(len(phrases))]
			if rng.IntN(2) == 0 {
				ph = [...]string{"the answer is", "step by step", "final answer:"}[rng.IntN(3)]
			}
			s = s[:at] + " " + ph + " " + s[at:]
		}
		comparePrompt(t, h, ref, &Request{Turns: []Turn{{Role: RoleUser, Text: []byte(s)}}})
		comparePrompt(t, h, ref, &Request{Turns: []Turn{{Role: RoleUser, Text: []byte(s[:len(s)/2])}, {Role: RoleUser, Text: []byte(s)}}})
	}
}

// TestPromptIdentityHistory: conversations and agent loops that re-send
// their history, with a history cache that sees every request in turn
// (hits on the prefixes it stored), against the reference and against a
// Hasher without the cache. Turns are edited, regenerated, trimmed
// differently and cut so that prefixes that are close but not equal must
// miss.
func TestPromptIdentityHistory(t *testing.T) {
	for _, seed := range []uint64{0, 77} {
		ref := refNew(Config{Seed: seed})
		nocache := New(Config{Seed: seed, HistoryCache: -1})
		for _, entries := range []int{0, 4, 64} {
			h := New(Config{Seed: seed, HistoryCache: entries})
			rng := rand.New(rand.NewPCG(seed, uint64(entries)))
			convs := 60
			if short() {
				convs = 10
			}
			for range convs {
				identityConversation(t, rng, h, nocache, ref)
			}
		}
	}
}

func identityConversation(t *testing.T, rng *rand.Rand, h, nocache *Hasher, ref *refHasher) {
	t.Helper()
	r := &Request{}
	if rng.IntN(3) > 0 {
		r.System = []byte(identityText(rng, rng.IntN(6000)))
	}
	agent := rng.IntN(2) == 0
	r.Turns = append(r.Turns, Turn{Role: RoleUser, Text: []byte(identityText(rng, 200+rng.IntN(3000)))})
	check := func(r *Request) {
		t.Helper()
		var want, got, plain PromptPrint
		ref.Prompt(r, &want)
		h.Prompt(r, &got)
		nocache.Prompt(r, &plain)
		if got != want || plain != want {
			t.Fatalf("prints differ\n got %+v\nplain %+v\nwant %+v\nsystem %q\nturns %s", got, plain, want, r.System, turnsString(r))
		}
	}
	clone := func(r *Request) *Request {
		c := *r
		c.Turns = append([]Turn(nil), r.Turns...)
		return &c
	}
	for step := range 12 {
		check(r)
		// variants of this request that share all but a little with it
		switch rng.IntN(6) {
		case 0: // the last turn regenerated
			c := clone(r)
			c.Turns[len(c.Turns)-1].Text = []byte(identityText(rng, 100+rng.IntN(2000)))
			check(c)
		case 1: // white space around one earlier turn
			c := clone(r)
			j := rng.IntN(len(c.Turns))
			ws := []string{" ", "\n", "\t ", "  \n"}[rng.IntN(4)]
			if rng.IntN(2) == 0 {
				c.Turns[j].Text = append([]byte(ws), c.Turns[j].Text...)
			} else {
				c.Turns[j].Text = append(append([]byte(nil), c.Turns[j].Text...), ws...)
			}
			check(c)
		case 2: // one earlier turn's role changed
			c := clone(r)
			j := rng.IntN(len(c.Turns))
			c.Turns[j].Role = Role((int(c.Turns[j].Role) + 1 + rng.IntN(2)) % 3)
			check(c)
		case 3: // the history cut, or the system prompt dropped
			c := clone(r)
			if rng.IntN(2) == 0 && len(c.Turns) > 1 {
				c.Turns = c.Turns[1:]
			} else {
				c.System = nil
			}
			check(c)
		case 4: // one byte of an earlier turn changed
			c := clone(r)
			j := rng.IntN(len(c.Turns))
			if len(c.Turns[j].Text) > 0 {
				b := append([]byte(nil), c.Turns[j].Text...)
				b[rng.IntN(len(b))] ^= 1 << rng.IntN(8)
				c.Turns[j].Text = b
				check(c)
			}
		}
		// the next request: the answer and a new user turn (chat), or a
		// tool call and its result (agent loop), or a user turn that is a
		// tool result
		reply := Turn{Role: RoleAssistant, Text: []byte(identityText(rng, rng.IntN(1500)))}
		if rng.IntN(8) == 0 {
			reply.Text = nil
		}
		r = clone(r)
		r.Turns = append(r.Turns, reply)
		switch {
		case agent && step%4 != 3:
			r.Turns = append(r.Turns, Turn{Role: RoleTool, Text: []byte(identityText(rng, rng.IntN(6000)))})
		default:
			r.Turns = append(r.Turns, Turn{Role: RoleUser, Text: []byte(identityText(rng, 50+rng.IntN(2500)))})
		}
		if rng.IntN(10) == 0 {
			r.Turns = append(r.Turns, Turn{Role: RoleAssistant, Text: []byte("ok")}) // ends in an assistant turn
		}
	}
}

// TestPromptHistoryConcurrent: conversations on one Hasher from several
// goroutines at once, so that they share the history cache (run it with
// -race).
func TestPromptHistoryConcurrent(t *testing.T) {
	ref := refNew(Config{Seed: 5})
	nocache := New(Config{Seed: 5, HistoryCache: -1})
	h := New(Config{Seed: 5, HistoryCache: 64})
	for g := range 4 {
		t.Run(fmt.Sprint(g), func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(5, uint64(g)))
			for range 8 {
				identityConversation(t, rng, h, nocache, ref)
			}
		})
	}
}

// TestAllocsHistory pins the history cache's path at no allocation once
// the cache is allocated: a conversation whose history was seen, with a
// new last turn per call.
func TestAllocsHistory(t *testing.T) {
	h := New(Config{Seed: 1})
	r := benchConversation(64<<10, 1<<10)
	var p PromptPrint
	for range 3 {
		h.Prompt(r, &p)
		next(r)
	}
	if n := testing.AllocsPerRun(100, func() { h.Prompt(r, &p); next(r) }); n != 0 {
		t.Errorf("Prompt with history: %v allocs per run, want 0", n)
	}
}
