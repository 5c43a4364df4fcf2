package localize

import (
	"encoding/json"
	"strings"
)

// A trajectory is an agent's run: a task, tools, and the calls the model
// made with what the tools returned. Request k of a run carries the task
// and the first k calls with their results.
type trajectory struct {
	id     string
	system string
	task   string
	tools  []toolDef
	steps  []toolStep
}

type toolDef struct {
	name, desc string
	params     []string // name, description pairs
}

type toolStep struct {
	thought string
	tool    string
	input   O
	result  string
}

func (tr *trajectory) anthropicTools() []O {
	var out []O
	for _, t := range tr.tools {
		out = append(out, atool(t.name, t.desc, schema(t.params...)))
	}
	return out
}

func (tr *trajectory) openaiTools() []O {
	var out []O
	for _, t := range tr.tools {
		out = append(out, fn(t.name, t.desc, schema(t.params...)))
	}
	return out
}

// anthropicMessages returns the messages of request k.
func (tr *trajectory) anthropicMessages(k int) []O {
	msgs := []O{msg("user", tr.task)}
	for j := 0; j < k && j < len(tr.steps); j++ {
		s := tr.steps[j]
		id := "toolu_" + tr.id + "_" + itoa(j)
		var content []O
		if s.thought != "" {
			content = append(content, textBlock(s.thought))
		}
		content = append(content, O{{"type", "tool_use"}, {"id", id}, {"name", s.tool}, {"input", s.input}})
		msgs = append(msgs, msg("assistant", content))
		msgs = append(msgs, msg("user", []O{{{"type", "tool_result"}, {"tool_use_id", id}, {"content", s.result}}}))
	}
	return msgs
}

// openaiMessages returns the chat messages of request k.
func (tr *trajectory) openaiMessages(k int) []O {
	msgs := []O{msg("system", tr.system), msg("user", tr.task)}
	for j := 0; j < k && j < len(tr.steps); j++ {
		s := tr.steps[j]
		id := "call_" + tr.id + itoa(j)
		args, _ := json.Marshal(objMap(s.input))
		var content any
		if s.thought != "" {
			content = s.thought
		}
		msgs = append(msgs, O{{"role", "assistant"}, {"content", content}, {"tool_calls", []O{{{"id", id}, {"type", "function"},
			{"function", O{{"name", s.tool}, {"arguments", string(args)}}}}}}})
		msgs = append(msgs, O{{"role", "tool"}, {"tool_call_id", id}, {"content", s.result}})
	}
	return msgs
}

// objMap turns a flat O of strings into a map for json.Marshal.
func objMap(o O) map[string]any {
	m := make(map[string]any, len(o))
	for _, kv := range o {
		m[kv.Key] = kv.Value
	}
	return m
}

// indentJSON is v as indented JSON, as tools print files.
func indentJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

func lines(xs ...string) string { return strings.Join(xs, "\n") }
