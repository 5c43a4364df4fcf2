package dialect_test

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// gen builds random request bodies from the fields the parsers know, with
// random value types, shapes and key orders, so that the comparison with
// the reference reaches the extraction rules rather than only syntax.
type gen struct {
	r  *rand.Rand
	sb strings.Builder
}

var (
	genStrings = []string{"", "a", "hi there", "line\nbreak", `q\"uote`, `\u00e9t\u00e9`, `\ud83d\ude00`, `\ud800x`, "中文", `\\`, "text", "user", "assistant", "system", "developer", "tool", "function", "message", "function_call", "function_call_output", "input_text", "output_text", "tool_use", "tool_result", "thinking", "enabled", "adaptive", "high", "low", "xhigh", "message.output_text.logprobs"}
	genKeys    = []string{"model", "messages", "role", "content", "type", "text", "tool_calls", "function", "arguments", "function_call", "prompt", "input", "instructions", "output", "system", "stream", "stream_options", "include_usage", "max_tokens", "max_completion_tokens", "max_output_tokens", "temperature", "n", "logprobs", "top_logprobs", "logit_bias", "tools", "functions", "reasoning", "effort", "reasoning_effort", "include", "thinking", "budget_tokens", "input", "x"}
	genNumbers = []string{"0", "1", "7", "-1", "-0", "2.5", "1e2", "4096", "2147483647", "2147483648", "99999999999999999999", "0.0", "-3.5e-2"}
)

func (g *gen) value(depth int) {
	r := g.r
	switch n := r.IntN(10); {
	case n < 3 || depth > 4:
		g.scalar()
	case n < 6:
		g.object(depth + 1)
	default:
		g.sb.WriteByte('[')
		for i := range r.IntN(4) {
			if i > 0 {
				g.sb.WriteByte(',')
			}
			g.value(depth + 1)
		}
		g.sb.WriteByte(']')
	}
}

func (g *gen) scalar() {
	switch g.r.IntN(5) {
	case 0:
		g.sb.WriteString("null")
	case 1:
		g.sb.WriteString([]string{"true", "false"}[g.r.IntN(2)])
	case 2:
		g.sb.WriteString(genNumbers[g.r.IntN(len(genNumbers))])
	default:
		g.sb.WriteString(`"` + genStrings[g.r.IntN(len(genStrings))] + `"`)
	}
}

func (g *gen) object(depth int) {
	g.sb.WriteByte('{')
	seen := map[string]bool{}
	for i := range g.r.IntN(5) {
		k := genKeys[g.r.IntN(len(genKeys))]
		if seen[k] {
			continue
		}
		seen[k] = true
		if i > 0 && g.sb.String()[g.sb.Len()-1] != '{' {
			g.sb.WriteByte(',')
		}
		g.sb.WriteString(strconv.Quote(k) + ":")
		g.value(depth)
	}
	g.sb.WriteByte('}')
}

var (
	topKeys     = []string{"model", "messages", "prompt", "input", "instructions", "system", "stream", "stream_options", "max_tokens", "max_completion_tokens", "max_output_tokens", "temperature", "n", "logprobs", "top_logprobs", "logit_bias", "tools", "functions", "reasoning", "reasoning_effort", "include", "thinking", "metadata"}
	messageKeys = []string{"role", "content", "tool_calls", "function_call", "type", "output", "arguments", "name"}
	partKeys    = []string{"type", "text", "content", "input", "id"}
)

// structured writes an object with keys from keys (in random order),
// each value shaped the way the field expects, except now and then.
func (g *gen) structured(keys []string, depth int) {
	g.sb.WriteByte('{')
	for i, j := range g.r.Perm(len(keys))[:g.r.IntN(len(keys)+1)] {
		if i > 0 {
			g.sb.WriteByte(',')
		}
		g.sb.WriteString(strconv.Quote(keys[j]) + ":")
		g.field(keys[j], depth+1)
	}
	g.sb.WriteByte('}')
}

func (g *gen) array(n int, elem func()) {
	g.sb.WriteByte('[')
	for i := range g.r.IntN(n + 1) {
		if i > 0 {
			g.sb.WriteByte(',')
		}
		elem()
	}
	g.sb.WriteByte(']')
}

func (g *gen) str(choices ...string) {
	if len(choices) == 0 || g.r.IntN(4) == 0 {
		choices = genStrings
	}
	g.sb.WriteString(`"` + choices[g.r.IntN(len(choices))] + `"`)
}

func (g *gen) field(k string, depth int) {
	if g.r.IntN(12) == 0 || depth > 5 {
		g.value(depth)
		return
	}
	switch k {
	case "messages":
		g.array(4, func() { g.structured(messageKeys, depth) })
	case "input", "prompt":
		if g.r.IntN(3) == 0 {
			g.str()
			return
		}
		g.array(4, func() {
			if k == "prompt" && g.r.IntN(2) == 0 {
				g.str()
				return
			}
			g.structured(messageKeys, depth)
		})
	case "content", "output", "system":
		if g.r.IntN(3) == 0 {
			g.str()
			return
		}
		g.array(3, func() { g.structured(partKeys, depth) })
	case "tool_calls":
		g.array(2, func() { g.structured([]string{"id", "function"}, depth) })
	case "function", "function_call":
		g.structured([]string{"name", "arguments"}, depth)
	case "thinking":
		g.structured([]string{"type", "budget_tokens"}, depth)
	case "reasoning":
		g.structured([]string{"effort", "summary"}, depth)
	case "stream_options":
		g.structured([]string{"include_usage"}, depth)
	case "role":
		g.str("user", "assistant", "system", "developer", "tool", "function")
	case "type":
		g.str("text", "input_text", "output_text", "image_url", "message", "function_call", "function_call_output", "tool_use", "tool_result", "thinking", "enabled", "adaptive", "disabled")
	case "include":
		g.array(2, func() { g.str("message.output_text.logprobs", "file_search_call.results") })
	case "effort", "reasoning_effort":
		g.str("low", "medium", "high", "minimal", "none", "xhigh", "max")
	case "stream", "logprobs", "include_usage":
		if g.r.IntN(2) == 0 {
			g.sb.WriteString("true")
		} else {
			g.scalar()
		}
	case "max_tokens", "max_completion_tokens", "max_output_tokens", "n", "top_logprobs", "budget_tokens", "temperature":
		g.sb.WriteString(genNumbers[g.r.IntN(len(genNumbers))])
	case "logit_bias":
		g.structured([]string{"1", "22", "333"}, depth)
	case "tools", "functions":
		g.array(3, func() { g.value(depth) })
	case "metadata":
		g.value(depth)
	default:
		g.str()
	}
}

func TestReferenceGenerated(t *testing.T) {
	t.Parallel()
	n := 4000
	if testing.Short() {
		n = 1000
	}
	g := &gen{r: rand.New(rand.NewPCG(1, 2))}
	errs := 0
	for i := range n {
		g.sb.Reset()
		if i/4%4 == 0 {
			g.object(0)
		} else {
			g.structured(topKeys, 0)
		}
		ep := endpoints[i%len(endpoints)]
		if _, err, _ := refParse(ep, []byte(g.sb.String())); err != nil {
			errs++
		}
		compare(t, ep, []byte(g.sb.String()))
		if t.Failed() {
			return
		}
	}
	// The generator must mostly produce bodies that parse, or it tests
	// nothing but error agreement.
	if errs > n*3/4 {
		t.Errorf("%d of %d generated bodies rejected", errs, n)
	}
}
