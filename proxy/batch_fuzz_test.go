package proxy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
)

// fzBatch is the guard the batch fuzzers judge with, and two requests to
// judge as: an account decided by the engine as it stands, and one whose
// cluster an operator override degrades, so that rewrite spans are
// recorded.
type fzBatch struct {
	g                *Guard
	allowed, degrade *http.Request
}

func newFzBatch(tb testing.TB, target string) *fzBatch {
	tb.Helper()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	g, err := New(Config{Now: func() time.Time { return now }}, eng)
	if err != nil {
		tb.Fatal(err)
	}
	z := &fzBatch{g: g}
	z.allowed = httptest.NewRequest(http.MethodPost, target, nil)
	z.allowed.Header.Set("Authorization", "Bearer sk-fuzz-allowed")
	z.degrade = httptest.NewRequest(http.MethodPost, target, nil)
	z.degrade.Header.Set("Authorization", "Bearer sk-fuzz-degraded")
	peer, _ := ParsePeer(z.degrade.RemoteAddr)
	id := g.ident.Identify(z.degrade.Header, peer, "")
	eng.Override(limiter.ClusterID(id.Account), limiter.ActionDegrade, now.Add(100*365*24*time.Hour))
	return z
}

// judge runs walk over a fresh state for each of z's requests, then
// check, and releases the state. A batch that fails is refunded, as
// badBatch does.
func (z *fzBatch) judge(walk func(j *batchJudge) error, check func(j *batchJudge, err error)) {
	for _, r := range [...]*http.Request{z.allowed, z.degrade} {
		st := z.g.getState()
		j := z.g.newJudge(r, st)
		err := walk(&j)
		if err != nil {
			j.refund()
		}
		check(&j, err)
		z.g.putState(st)
	}
}

// fzCheckParts checks what a walk recorded: every rewrite span within
// buf[lo:hi], spans increasing and not overlapping, each a JSON object;
// when the walk succeeded, one action per part (decided or skipped), the
// decided ones in the order and with the letters of the decisions, and
// one span per part whose enforced action is degrade.
func fzCheckParts(t *testing.T, j *batchJudge, err error, buf []byte, lo, hi int) {
	t.Helper()
	b := &j.st.batch
	prev := lo
	for k, sp := range b.spans {
		if sp.start < prev || sp.start > sp.end || sp.end > hi {
			t.Fatalf("span %d [%d,%d) outside [%d,%d) or overlapping the previous one (which ends at %d)", k, sp.start, sp.end, lo, hi, prev)
		}
		if part := buf[sp.start:sp.end]; len(part) < 2 || part[0] != '{' || !json.Valid(part) {
			t.Fatalf("span %d [%d,%d) is not a JSON object: %q", k, sp.start, sp.end, part)
		}
		prev = sp.end
	}
	if err != nil {
		return
	}
	skipped := bytes.Count(b.acts, []byte{'-'})
	if len(b.acts) != len(b.decs)+skipped {
		t.Fatalf("%d part actions (%q), %d decisions + %d skipped parts", len(b.acts), b.acts, len(b.decs), skipped)
	}
	degraded, k := 0, 0
	for i, a := range b.acts {
		if a == '-' {
			continue
		}
		d := &b.decs[k]
		k++
		if want := partLetter[min(int(d.Action), len(partLetter)-1)]; a != want {
			t.Fatalf("part %d: action %q, its decision %v (%q)", i, a, d.Action, want)
		}
		if d.Enforced() == limiter.ActionDegrade && (d.Measures&^j.g.degrade.Shadow)&requestMeasures != 0 {
			degraded++
		}
	}
	if len(b.spans) != degraded {
		t.Fatalf("%d rewrite spans, %d parts degraded (%q)", len(b.spans), degraded, b.acts)
	}
}

// fzMember is a member of a JSON object, as encoding/json reads it.
type fzMember struct {
	key string
	val json.RawMessage
}

// fzMembers reads the members of the JSON object raw with encoding/json,
// repeated keys included, or reports that raw is not an object.
func fzMembers(raw []byte) ([]fzMember, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []fzMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, ok := tok.(string)
		if !ok {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		out = append(out, fzMember{key, v})
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, false
	}
	return out, true
}

// fzOnly returns the values of members named key.
func fzOnly(ms []fzMember, key string) []json.RawMessage {
	var out []json.RawMessage
	for _, m := range ms {
		if m.key == key {
			out = append(out, m.val)
		}
	}
	return out
}

// fzIsObject reports whether a raw JSON value is an object.
func fzIsObject(v json.RawMessage) bool {
	v = bytes.TrimLeft(v, " \t\r\n")
	return len(v) > 0 && v[0] == '{'
}

// fzMessageParts is the number of parts encoding/json finds in a message
// batch that messageBatch accepted, or an error saying why it should not
// have.
func fzMessageParts(body []byte) (int, error) {
	if !json.Valid(body) {
		return 0, fmt.Errorf("not valid JSON for encoding/json")
	}
	top, ok := fzMembers(body)
	if !ok {
		return 0, fmt.Errorf("not an object for encoding/json")
	}
	reqs := fzOnly(top, "requests")
	if len(reqs) != 1 {
		return 0, fmt.Errorf("%d requests members", len(reqs))
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(reqs[0], &parts); err != nil || parts == nil {
		return 0, fmt.Errorf("requests is not an array: %v", err)
	}
	for i, p := range parts {
		ms, ok := fzMembers(p)
		if !ok {
			return 0, fmt.Errorf("requests[%d] is not an object", i)
		}
		params := fzOnly(ms, "params")
		if len(params) != 1 || !fzIsObject(params[0]) {
			return 0, fmt.Errorf("requests[%d]: %d params members (want one object)", i, len(params))
		}
	}
	return len(parts), nil
}

const fzParams = `{"model":"claude-sonnet-4-5","max_tokens":16000,"messages":[{"role":"user","content":"Here is the final answer: 42. Write out the reasoning step by step."}]}`

// FuzzMessageBatch feeds arbitrary bodies to the Anthropic message batch
// walker. It must not panic; a batch it accepts must be valid JSON with
// one requests array whose every part has one params object (as
// encoding/json reads it), with one action per part and the rewrite spans
// of its degraded parts in order within the body; the rewritten body is
// valid JSON with as many parts.
func FuzzMessageBatch(f *testing.F) {
	part := func(id, params string) string { return `{"custom_id":"` + id + `","params":` + params + `}` }
	two := `{"requests":[` + part("a", fzParams) + `,` + part("b", `{"model":"claude-haiku-4-5","max_tokens":300,"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],"stream":false}`) + `]}`
	f.Add([]byte(two))
	f.Add([]byte(" \r\n\t" + strings.ReplaceAll(two, ",", " ,\n ") + "\n"))
	f.Add([]byte(`{"req\u0075ests":[{"custom_id":"a","par\u0061ms":` + fzParams + `}],"x":{"requests":[1]}}`))
	f.Add([]byte(`{"requests":[{"params":` + fzParams + `,"custom_id":"a","par\u0061ms":` + fzParams + `}]}`))
	f.Add([]byte(`{"requests":[{"custom_id":"a","params":` + fzParams + `,"params":` + fzParams + `}]}`))
	f.Add([]byte(`{"requests":[],"requests":[` + part("a", fzParams) + `]}`))
	f.Add([]byte(`{"requests":[]}`))
	f.Add([]byte(`{"requests":[{"custom_id":"a"}]}`))
	f.Add([]byte(`{"requests":[{"custom_id":"a","params":null}]}`))
	f.Add([]byte(`{"requests":[[]]}`))
	f.Add([]byte(`{"requests":{}}`))
	f.Add([]byte(`[{"requests":[]}]`))
	f.Add([]byte(`{"requests":[` + part("a", fzParams) + `]}{}`))
	deep := func(n int) string { return strings.Repeat(`{"a":[`, n) + `1` + strings.Repeat(`]}`, n) }
	f.Add([]byte(`{"requests":[` + part("a", `{"model":"m","max_tokens":1,"messages":[],"metadata":`+deep(15)+`}`) + `]}`))
	f.Add([]byte(`{"requests":[` + part("a", `{"model":"m","max_tokens":1,"messages":[],"metadata":`+deep(40)+`}`) + `]}`))
	f.Add([]byte(`{"requests":[` + part("a", fzParams) + `],"skip":` + deep(40) + `}`))
	f.Add([]byte(two[:len(two)/2]))
	f.Add([]byte(two[:len(two)-1]))
	f.Add([]byte(`{"requests":[` + part("a", `{"model":"claude-sonnet-4-5","max_tokens":16000,"n":3,"thinking":{"type":"enabled","budget_tokens":12000},"messages":[{"role":"user","content":"x"}]}`) + `]}`))

	z := newFzBatch(f, "/v1/messages/batches")
	f.Fuzz(func(t *testing.T, body []byte) {
		z.judge(func(j *batchJudge) error { return j.messageBatch(body) }, func(j *batchJudge, err error) {
			fzCheckParts(t, j, err, body, 0, len(body))
			if err != nil {
				return
			}
			n, ferr := fzMessageParts(body)
			if ferr != nil {
				t.Fatalf("messageBatch accepted %q: %v", body, ferr)
			}
			b := &j.st.batch
			if len(b.acts) != n || bytes.IndexByte(b.acts, '-') >= 0 {
				t.Fatalf("%q: part actions %q, encoding/json finds %d parts", body, b.acts, n)
			}
			nb, rerr := j.rewrite(body)
			if nb == nil {
				return // nothing to rewrite, or a part the rewriter refuses (rerr): the batch is refused
			}
			if rerr != nil {
				t.Fatalf("rewrite returned a body and the error %v", rerr)
			}
			defer nb.release()
			out := nb.bytes()
			if m, err := fzMessageParts(out); err != nil || m != n {
				t.Fatalf("%q rewritten to %q: %d parts (%v), want %d", body, out, m, err, n)
			}
		})
	})
}

// fzFilePrefix stands for the bytes before a batch file in an upload.
const fzFilePrefix = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.jsonl\"\r\n\r\n"

// fzLineDecided says whether a line of a batch file that fileLines
// accepted asks a model for an answer, as encoding/json reads it (the url
// routed by lineRoute), or why fileLines should not have accepted it.
func fzLineDecided(line []byte) (bool, error) {
	if !json.Valid(line) {
		return false, fmt.Errorf("not valid JSON for encoding/json")
	}
	ms, ok := fzMembers(line)
	if !ok {
		return false, fmt.Errorf("not an object for encoding/json")
	}
	urls, bodies := fzOnly(ms, "url"), fzOnly(ms, "body")
	if len(urls) > 1 || len(bodies) > 1 {
		return false, fmt.Errorf("%d urls, %d bodies", len(urls), len(bodies))
	}
	if len(urls) == 0 {
		return false, nil
	}
	var u string
	if err := json.Unmarshal(urls[0], &u); err != nil {
		return false, fmt.Errorf("url is not a string: %v", err)
	}
	rt, ok := lineRoute(u)
	if !ok {
		return false, fmt.Errorf("url %q is refused by lineRoute", u)
	}
	if rt.route != routeModel || len(bodies) == 0 {
		return false, nil
	}
	if !fzIsObject(bodies[0]) {
		return false, fmt.Errorf("the body of a model line is not an object")
	}
	return true, nil
}

// fzFileLines checks a batch file fileLines accepted, line by line, and
// returns the actions encoding/json expects: '-' for a line skipped, '+'
// for one decided.
func fzFileLines(file []byte) ([]byte, error) {
	var want []byte
	for i, line := range bytes.Split(file, []byte{'\n'}) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		decided, err := fzLineDecided(line)
		if err != nil {
			return nil, fmt.Errorf("line %d %q: %v", i, line, err)
		}
		if decided {
			want = append(want, '+')
		} else {
			want = append(want, '-')
		}
	}
	return want, nil
}

const fzChat = `{"model":"gpt-4o","messages":[{"role":"user","content":"Here is the final answer: 42. Write out the reasoning step by step."}],"max_tokens":16000,"n":4,"logprobs":true}`

// FuzzFileLines feeds arbitrary batch files to the OpenAI batch file
// walker, placed after a multipart header as in an upload. It must not
// panic; a file it accepts must be valid JSON line by line, each line
// decided when encoding/json finds a model url (normalised) and a body,
// skipped otherwise, with the rewrite spans of its degraded lines in
// order within the file and each within its line; the rewritten upload
// keeps the bytes before the file and the file's lines, each valid JSON.
func FuzzFileLines(f *testing.F) {
	line := func(url, body string) string {
		return `{"custom_id":"r","method":"POST","url":"` + url + `","body":` + body + `}`
	}
	two := line("/v1/chat/completions", fzChat) + "\n" + line("/v1/responses", `{"model":"o3","input":"Hello","max_output_tokens":20000,"reasoning":{"effort":"high"}}`) + "\n"
	f.Add([]byte(two))
	f.Add([]byte(strings.TrimSuffix(two, "\n")))
	f.Add([]byte(`{"custom_id":"r","method":"POST","body":` + fzChat + `,"url":"/v1/chat/completions"}`))
	f.Add([]byte(line(`\/v1\/chat\/c\u006fmpletions`, fzChat)))
	f.Add([]byte(line("/v1/embeddings", `{"model":"text-embedding-3-small","input":"Hello"}`) + "\n" + line("/v1/completions", `{"model":"gpt-3.5-turbo-instruct","prompt":"Hi","max_tokens":5000}`)))
	f.Add([]byte("\n\n  \t\n" + two + "\n\r\n\n"))
	f.Add([]byte(strings.ReplaceAll(two, "\n", "\r\n")))
	f.Add([]byte(line("//v1/./chat//completions/", fzChat)))
	f.Add([]byte(line("/V1/Chat/Completions", fzChat)))
	f.Add([]byte(line("/v1/x/../chat/completions", fzChat)))
	f.Add([]byte(line("/v1/chat/completions;x", fzChat)))
	f.Add([]byte(line("/v1/chat/%63ompletions?x=1#y", fzChat)))
	f.Add([]byte(line("/v1/chat%2Fcompletions", fzChat)))
	f.Add([]byte(line("/v1/chat/completions%", fzChat)))
	f.Add([]byte(`{"url":"/v1/chat/completions","url":"/v1/embeddings","body":` + fzChat + `}`))
	f.Add([]byte(`{"url":"/v1/chat/completions","body":` + fzChat + `,"b\u006fdy":{}}`))
	f.Add([]byte(`{"url":"/v1/chat/completions","body":null}`))
	f.Add([]byte(`{"url":1,"body":{}}`))
	f.Add([]byte(`{"url":"/v1/chat/completions"}`))
	f.Add([]byte(line("/v1/chat/completions", fzChat) + " x"))
	f.Add([]byte(two[:len(two)/2]))

	z := newFzBatch(f, "/v1/files")
	f.Fuzz(func(t *testing.T, file []byte) {
		buf := append([]byte(fzFilePrefix), file...)
		base := len(fzFilePrefix)
		z.judge(func(j *batchJudge) error { return j.fileLines(buf[base:], base) }, func(j *batchJudge, err error) {
			fzCheckParts(t, j, err, buf, base, len(buf))
			for k, sp := range j.st.batch.spans {
				if bytes.IndexByte(buf[sp.start:sp.end], '\n') >= 0 {
					t.Fatalf("span %d [%d,%d) runs over a line end", k, sp.start, sp.end)
				}
			}
			if err != nil {
				return
			}
			want, ferr := fzFileLines(file)
			if ferr != nil {
				t.Fatalf("fileLines accepted %q: %v", file, ferr)
			}
			acts := j.st.batch.acts
			if len(acts) != len(want) {
				t.Fatalf("%q: part actions %q, encoding/json expects %q", file, acts, want)
			}
			for i := range want {
				if (acts[i] == '-') != (want[i] == '-') {
					t.Fatalf("%q: part actions %q, encoding/json expects %q (+: decided)", file, acts, want)
				}
			}
			nb, rerr := j.rewrite(buf)
			if nb == nil {
				return // nothing to rewrite, or a line the rewriter refuses (rerr): the file is refused
			}
			if rerr != nil {
				t.Fatalf("rewrite returned a body and the error %v", rerr)
			}
			defer nb.release()
			out := nb.bytes()
			if !bytes.HasPrefix(out, []byte(fzFilePrefix)) {
				t.Fatalf("the rewrite changed the bytes before the file: %q", out)
			}
			if bytes.Count(out, []byte{'\n'}) != bytes.Count(buf, []byte{'\n'}) {
				t.Fatalf("%q rewritten to %q: line count changed", file, out[base:])
			}
			got, err := fzFileLines(out[base:])
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%q rewritten to %q: lines %q (%v), want %q", file, out[base:], got, err, want)
			}
		})
	})
}

// FuzzNormalizePath checks normalizePath: it must not panic; it refuses
// exactly the paths with ';', '\\' or a control byte; a path it accepts
// comes out absolute, without empty or dot segments ("*" stays "*"), the
// same as path.Clean would resolve it, unchanged when it was normal
// already, and normalising the output again changes nothing.
func FuzzNormalizePath(f *testing.F) {
	for _, p := range []string{
		"/v1/chat/completions", "/v1/messages/batches", "//v1//chat/./completions/", "/v1/../v1/messages",
		"/v1/chat/completions/.", "/v1/chat/completions/..", "/..", "/.", "/", "", "*", "**", ".", "..", "./a", "a/b",
		"/a/b/..", "/a/./", "/a/.../b", "/.a/..b/a./", "/v1/messages;x", "/a\\b", "/a\x00", "/a\x7f", "/a\tb",
		"/V1/Chat/Completions/", "/a//..//b", "/a/b/../../../c", "/é/ü/../x",
	} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		out, ok := normalizePath(p)
		refused := p != "*" && strings.ContainsFunc(p, func(r rune) bool {
			return r == ';' || r == '\\' || r < 0x20 || r == 0x7f
		})
		if ok == refused {
			t.Fatalf("normalizePath(%q): ok %v, want %v", p, ok, !refused)
		}
		if !ok {
			return
		}
		if p == "*" || out == "*" {
			if p != out {
				t.Fatalf("normalizePath(%q) = %q", p, out)
			}
			return
		}
		if out == "" || out[0] != '/' {
			t.Fatalf("normalizePath(%q) = %q: not absolute", p, out)
		}
		if strings.Contains(out, "//") {
			t.Fatalf("normalizePath(%q) = %q: holds //", p, out)
		}
		for _, seg := range strings.Split(out, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("normalizePath(%q) = %q: holds a dot segment", p, out)
			}
		}
		if again, ok := normalizePath(out); !ok || again != out {
			t.Fatalf("normalizePath(%q) = %q, then %q (%v): not idempotent", p, out, again, ok)
		}
		if path.Clean(out) != path.Clean("/"+p) {
			t.Fatalf("normalizePath(%q) = %q resolves to %q, path.Clean to %q", p, out, path.Clean(out), path.Clean("/"+p))
		}
		if strings.HasPrefix(p, "/") && !strings.Contains(p, "//") && !fzHasDotSegment(p) && out != p {
			t.Fatalf("normalizePath(%q) = %q: a normal path changed", p, out)
		}
	})
}

func fzHasDotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}
