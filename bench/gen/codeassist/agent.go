package codeassist

import (
	"fmt"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// dialect is the API an agent speaks.
type dialect int

const (
	dMessages  dialect = iota // Anthropic messages
	dChat                     // OpenAI chat completions
	dResponses                // OpenAI responses
)

func (d dialect) path() string {
	switch d {
	case dChat:
		return pChat
	case dResponses:
		return pResponses
	}
	return pMessages
}

// Shellwright is the open-source terminal coding agent of this world. Its
// system prompt and tool set are the same for every user; the env block at
// the end of the system prompt differs per machine and session.
const shellwrightSystem = `You are Shellwright, an open-source coding agent that runs in the user's terminal. You help users with software engineering tasks: fixing bugs, adding features, refactoring, explaining code and running commands. Use the instructions below and the tools available to you.

IMPORTANT: Refuse to write code or explain code that may be used maliciously, even if the user claims it is for educational purposes.

# Tone and style
Be concise, direct and to the point. Your output is displayed in a terminal with a monospace font and rendered as CommonMark. Answer in fewer than 4 lines unless the user asks for detail. Do not add preamble or postamble such as "Here is what I did". Never use emojis unless asked.

# Proactiveness
Do what the user asks, including reasonable follow-up actions, but do not surprise the user with actions they did not ask for. If the user asks how to approach something, answer the question first and do not start editing files.

# Following conventions
When changing files, first understand the file's code conventions. Mimic code style, use existing libraries and utilities, and follow existing patterns. Never assume a library is available: check package.json, go.mod, Cargo.toml or requirements files first. Never introduce code that exposes or logs secrets and keys. Do not add comments to the code you write unless asked or the code is complex.

# Doing tasks
1. Use the search tools to understand the codebase and the user's query. Search extensively, in parallel where you can.
2. Implement the solution using all tools available to you.
3. Verify the solution with the project's tests. Never assume a test framework: read the README or search the codebase to find the testing approach.
4. When you have finished, run the lint and typecheck commands (for example npm run lint, ruff, go vet) if they were provided to you.
NEVER commit changes unless the user explicitly asks you to.

# Tool usage policy
- Prefer grep and glob over bash for searching files.
- Read a file before you edit it. Edits must match the file's text exactly, including indentation.
- When several independent pieces of information are needed, batch your tool calls together.
- Quote file paths that contain spaces in bash commands.

# Code references
When referencing specific functions or pieces of code include the pattern file_path:line_number so the user can navigate to the source.`

// agentTool is one tool of an agent: name, description and JSON schema.
type agentTool struct {
	name, desc string
	params     tracefmt.Obj
}

func strProp(desc string) tracefmt.Obj {
	return tracefmt.Obj{{"type", "string"}, {"description", desc}}
}

func schema(req []string, props tracefmt.Obj) tracefmt.Obj {
	return tracefmt.Obj{{"type", "object"}, {"properties", props}, {"required", req}, {"additionalProperties", false}}
}

var shellwrightTools = []agentTool{
	{"read_file", "Reads a file from the local filesystem. The path must be absolute or relative to the working directory. Returns up to 2000 lines with line numbers, starting at offset.",
		schema([]string{"path"}, tracefmt.Obj{{"path", strProp("The path of the file to read")}, {"offset", tracefmt.Obj{{"type", "integer"}, {"description", "The line to start reading from"}}}, {"limit", tracefmt.Obj{{"type", "integer"}, {"description", "The number of lines to read"}}}})},
	{"edit_file", "Performs an exact string replacement in a file. old_string must be unique in the file. Read the file first.",
		schema([]string{"path", "old_string", "new_string"}, tracefmt.Obj{{"path", strProp("The path of the file to modify")}, {"old_string", strProp("The text to replace")}, {"new_string", strProp("The text to replace it with")}})},
	{"write_file", "Writes a file to the local filesystem, overwriting it if it exists.",
		schema([]string{"path", "content"}, tracefmt.Obj{{"path", strProp("The path of the file to write")}, {"content", strProp("The content to write")}})},
	{"bash", "Executes a bash command in a persistent shell session with an optional timeout. Use for running tests, builds, git and package managers, not for reading or searching files.",
		schema([]string{"command"}, tracefmt.Obj{{"command", strProp("The command to execute")}, {"timeout", tracefmt.Obj{{"type", "number"}, {"description", "Timeout in milliseconds (max 600000)"}}}, {"description", strProp("Clear, concise description of what this command does in 5-10 words")}})},
	{"grep", "Searches file contents with a regular expression (ripgrep syntax). Returns matching file paths and lines.",
		schema([]string{"pattern"}, tracefmt.Obj{{"pattern", strProp("The regular expression to search for")}, {"path", strProp("The directory to search in")}, {"glob", strProp("Glob pattern to filter files, e.g. *.ts")}})},
	{"glob", "Fast file pattern matching. Returns matching file paths sorted by modification time.",
		schema([]string{"pattern"}, tracefmt.Obj{{"pattern", strProp("The glob pattern to match files against")}, {"path", strProp("The directory to search in")}})},
	{"todo_write", "Creates and updates a structured task list for the current session.",
		schema([]string{"todos"}, tracefmt.Obj{{"todos", tracefmt.Obj{{"type", "array"}, {"items", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"content", tracefmt.Obj{{"type", "string"}}}, {"status", tracefmt.Obj{{"type", "string"}, {"enum", []string{"pending", "in_progress", "completed"}}}}}}}}}}})},
}

// toolDefs renders tools in dialect d; cache marks the last Anthropic tool
// for prompt caching, as the agent does.
func toolDefs(tools []agentTool, d dialect, cache bool) []tracefmt.Obj {
	out := make([]tracefmt.Obj, len(tools))
	for i, t := range tools {
		switch d {
		case dMessages:
			o := tracefmt.Obj{{"name", t.name}, {"description", t.desc}, {"input_schema", t.params}}
			if cache && i == len(tools)-1 {
				o = o.Set("cache_control", tracefmt.Obj{{"type", "ephemeral"}})
			}
			out[i] = o
		case dChat:
			out[i] = tracefmt.Obj{{"type", "function"}, {"function", tracefmt.Obj{{"name", t.name}, {"description", t.desc}, {"parameters", t.params}}}}
		case dResponses:
			out[i] = tracefmt.Obj{{"type", "function"}, {"name", t.name}, {"description", t.desc}, {"parameters", t.params}, {"strict", false}}
		}
	}
	return out
}

// Tool definitions are rendered once per dialect and shared by every body.
var shellwrightDefs = [3][]tracefmt.Obj{
	toolDefs(shellwrightTools, dMessages, true), toolDefs(shellwrightTools, dChat, false), toolDefs(shellwrightTools, dResponses, false),
}

// session is one agent conversation: its fixed request members and its
// history, which only grows, so that earlier requests keep their prefix.
type session struct {
	d       dialect
	model   string
	system  any // string, or []Obj for Anthropic blocks
	tools   []tracefmt.Obj
	msgs    []tracefmt.Obj
	maxTok  int
	think   int     // Anthropic thinking budget; 0 none
	effort  string  // OpenAI reasoning effort; "" none
	temp    float64 // < 0: not sent
	stream  bool
	userID  string // Anthropic metadata.user_id; "" none
	proj    *project
	workdir string
	calls   int
}

// body returns the request body for the history as it is now.
func (s *session) body() tracefmt.Obj {
	msgs := s.msgs[:len(s.msgs):len(s.msgs)]
	switch s.d {
	case dMessages:
		b := tracefmt.Obj{{"model", s.model}, {"max_tokens", s.maxTok}, {"system", s.system}, {"messages", msgs}}
		if s.tools != nil {
			b = b.Set("tools", s.tools)
		}
		if s.think > 0 {
			b = b.Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", s.think}})
		}
		if s.temp >= 0 {
			b = b.Set("temperature", s.temp)
		}
		if s.userID != "" {
			b = b.Set("metadata", tracefmt.Obj{{"user_id", s.userID}})
		}
		return b.Set("stream", s.stream)
	case dChat:
		all := make([]tracefmt.Obj, 0, len(msgs)+1)
		all = append(all, tracefmt.Obj{{"role", "system"}, {"content", s.system}})
		all = append(all, msgs...)
		b := tracefmt.Obj{{"model", s.model}, {"messages", all}}
		if s.tools != nil {
			b = b.Set("tools", s.tools).Set("tool_choice", "auto")
		}
		if s.temp >= 0 {
			b = b.Set("temperature", s.temp)
		}
		b = b.Set("max_completion_tokens", s.maxTok)
		if s.effort != "" {
			b = b.Set("reasoning_effort", s.effort)
		}
		if s.stream {
			b = b.Set("stream", true).Set("stream_options", tracefmt.Obj{{"include_usage", true}})
		}
		return b
	}
	b := tracefmt.Obj{{"model", s.model}, {"instructions", s.system}, {"input", msgs}}
	if s.tools != nil {
		b = b.Set("tools", s.tools).Set("parallel_tool_calls", true)
	}
	b = b.Set("max_output_tokens", s.maxTok)
	if s.effort != "" {
		b = b.Set("reasoning", tracefmt.Obj{{"effort", s.effort}, {"summary", "auto"}})
	}
	if s.temp >= 0 {
		b = b.Set("temperature", s.temp)
	}
	return b.Set("store", false).Set("stream", s.stream)
}

func (s *session) user(text string) {
	switch s.d {
	case dMessages:
		s.msgs = append(s.msgs, tracefmt.Obj{{"role", "user"}, {"content", []tracefmt.Obj{{{"type", "text"}, {"text", text}}}}})
	case dChat:
		s.msgs = append(s.msgs, tracefmt.Obj{{"role", "user"}, {"content", text}})
	default:
		s.msgs = append(s.msgs, tracefmt.Obj{{"role", "user"}, {"content", []tracefmt.Obj{{{"type", "input_text"}, {"text", text}}}}})
	}
}

// assistantText appends the agent's final answer of a loop.
func (s *session) assistantText(text string) {
	switch s.d {
	case dMessages:
		s.msgs = append(s.msgs, tracefmt.Obj{{"role", "assistant"}, {"content", []tracefmt.Obj{{{"type", "text"}, {"text", text}}}}})
	case dChat:
		s.msgs = append(s.msgs, tracefmt.Obj{{"role", "assistant"}, {"content", text}})
	default:
		s.msgs = append(s.msgs, tracefmt.Obj{{"type", "message"}, {"role", "assistant"}, {"content", []tracefmt.Obj{{{"type", "output_text"}, {"text", text}}}}})
	}
}

// toolStep appends one tool call of the agent and its result.
func (s *session) toolStep(r *rng, note, name string, input tracefmt.Obj, result string) {
	s.calls++
	switch s.d {
	case dMessages:
		id := "toolu_01" + r.alnum(22)
		var content []tracefmt.Obj
		if note != "" {
			content = append(content, tracefmt.Obj{{"type", "text"}, {"text", note}})
		}
		content = append(content, tracefmt.Obj{{"type", "tool_use"}, {"id", id}, {"name", name}, {"input", input}})
		s.msgs = append(s.msgs, tracefmt.Obj{{"role", "assistant"}, {"content", content}},
			tracefmt.Obj{{"role", "user"}, {"content", []tracefmt.Obj{{{"type", "tool_result"}, {"tool_use_id", id}, {"content", result}}}}})
	case dChat:
		id := "call_" + r.alnum(24)
		var content any
		if note != "" {
			content = note
		}
		s.msgs = append(s.msgs, tracefmt.Obj{{"role", "assistant"}, {"content", content}, {"tool_calls", []tracefmt.Obj{{{"id", id}, {"type", "function"},
			{"function", tracefmt.Obj{{"name", name}, {"arguments", string(tracefmt.Encoder{}.Marshal(input))}}}}}}},
			tracefmt.Obj{{"role", "tool"}, {"tool_call_id", id}, {"content", result}})
	default:
		id := "call_" + r.alnum(24)
		s.msgs = append(s.msgs, tracefmt.Obj{{"type", "function_call"}, {"call_id", id}, {"name", name}, {"arguments", string(tracefmt.Encoder{}.Marshal(input))}},
			tracefmt.Obj{{"type", "function_call_output"}, {"call_id", id}, {"output", result}})
	}
}

var agentNotes = []string{"", "", "", "Let me look at the relevant code first.", "I'll check how this is tested.", "Now let me run the tests.",
	"Found it. The issue is in the loop condition.", "Let me search for other callers.", "I'll make the change.", "Checking the config loader."}

// step makes the agent take one plausible tool action in the session's
// project and returns how long the tool ran (plus, for edits in an
// interactive session, the user's approval).
func (s *session) step(r *rng, interactive bool) time.Duration {
	p := s.proj
	f := p.file(r)
	note := r.pick(agentNotes)
	switch r.weighted(30, 18, 14, 20, 10, 4, 4) {
	case 0:
		start := 1
		if r.chance(0.3) {
			start = r.between(40, 300)
		}
		code := r.snippet(p.lang) + "\n" + r.snippet(p.lang)
		s.toolStep(r, note, "read_file", tracefmt.Obj{{"path", s.workdir + "/" + f}}, numbered(code, start))
		return r.uniform(50*time.Millisecond, 400*time.Millisecond)
	case 1:
		sym := r.fnName(p.lang)
		var b strings.Builder
		for range r.between(1, 6) {
			fmt.Fprintf(&b, "%s:%d:    %s(%s)\n", p.file(r), r.between(3, 400), sym, r.pick(nouns))
		}
		s.toolStep(r, note, "grep", tracefmt.Obj{{"pattern", sym}, {"path", s.workdir}}, b.String())
		return r.uniform(30*time.Millisecond, 300*time.Millisecond)
	case 2:
		old := r.snippet(p.lang)
		nw := strings.Replace(old, "limit", "max_items", 1)
		s.toolStep(r, note, "edit_file", tracefmt.Obj{{"path", s.workdir + "/" + f}, {"old_string", old}, {"new_string", nw}},
			"The file "+s.workdir+"/"+f+" has been updated.")
		if interactive {
			return r.logn(4*time.Second, 0.8)
		}
		return r.uniform(20*time.Millisecond, 100*time.Millisecond)
	case 3:
		cmd, out := testRun(r, p)
		s.toolStep(r, note, "bash", tracefmt.Obj{{"command", cmd}, {"description", "Run the test suite"}}, out)
		return r.logn(6*time.Second, 0.9)
	case 4:
		var b strings.Builder
		for range r.between(3, 12) {
			b.WriteString(p.file(r) + "\n")
		}
		s.toolStep(r, note, "glob", tracefmt.Obj{{"pattern", "**/*" + ext(p.lang)}}, b.String())
		return r.uniform(20*time.Millisecond, 200*time.Millisecond)
	case 5:
		s.toolStep(r, note, "bash", tracefmt.Obj{{"command", "git status --short && git diff --stat"}, {"description", "Show working tree status"}},
			fmt.Sprintf(" M %s\n M %s\n %s | %d ++--\n 1 file changed", f, p.file(r), f, r.between(2, 40)))
		return r.uniform(50*time.Millisecond, 300*time.Millisecond)
	}
	s.toolStep(r, note, "todo_write", tracefmt.Obj{{"todos", []tracefmt.Obj{
		{{"content", "Reproduce the failure"}, {"status", "completed"}},
		{{"content", "Fix " + f}, {"status", "in_progress"}},
		{{"content", "Run tests"}, {"status", "pending"}}}}}, "Todos have been modified successfully.")
	return r.uniform(10*time.Millisecond, 50*time.Millisecond)
}

func testRun(r *rng, p *project) (cmd, out string) {
	switch p.lang {
	case "Python":
		cmd = "python -m pytest -q " + p.file(r)
		if r.chance(0.5) {
			return cmd, fmt.Sprintf("....F..\n=================================== FAILURES ===================================\n___ test_%s ___\nE   %s\n1 failed, %d passed in %.2fs", r.fnName("Python"), r.pick(errorsSeen), r.between(3, 80), r.Float64()*9)
		}
		return cmd, fmt.Sprintf("%d passed in %.2fs", r.between(3, 120), r.Float64()*12)
	case "Go":
		cmd = "go test ./..."
		return cmd, fmt.Sprintf("ok  \t%s/internal/%s\t%.3fs\nok  \t%s/pkg/%s\t%.3fs", p.name, r.pick(modules), r.Float64(), p.name, r.pick(modules), r.Float64())
	case "Rust":
		return "cargo test", fmt.Sprintf("running %d tests\ntest result: ok. %d passed; 0 failed; 0 ignored", r.between(5, 60), r.between(5, 60))
	}
	cmd = "npm test -- --run"
	return cmd, fmt.Sprintf(" ✓ tests/%s.test.ts (%d tests) %dms\n Test Files  %d passed\n      Tests  %d passed", r.pick(modules), r.between(2, 20), r.between(10, 900), r.between(1, 9), r.between(5, 90))
}

// latency is how long the model takes to stream a response: the agent
// sends the next request that long (plus tool time) after the last.
func (r *rng) latency() time.Duration { return r.logn(7*time.Second, 0.6) }

// envBlock is the part of the agent's system prompt that describes the
// user's machine and session.
func envBlock(workdir, platform, model string, at time.Time) string {
	return fmt.Sprintf("<env>\nWorking directory: %s\nIs directory a git repo: Yes\nPlatform: %s\nToday's date: %s\nModel: %s\n</env>",
		workdir, platform, at.Format("2006-01-02"), model)
}

// agentSystem returns the agent's system prompt in dialect d.
func agentSystem(d dialect, base, env string) any {
	if d == dMessages {
		return []tracefmt.Obj{
			{{"type", "text"}, {"text", base}, {"cache_control", tracefmt.Obj{{"type", "ephemeral"}}}},
			{{"type", "text"}, {"text", env}},
		}
	}
	return base + "\n\n" + env
}

// titleBody is the small request the agent sends at a session's start to
// name it, on the mini model.
func titleBody(d dialect, model, firstAsk string) tracefmt.Obj {
	const p = "Summarize the user's request below as a short title (3-7 words) for a terminal tab. Reply with JSON {\"title\": string, \"isNewTopic\": boolean} and nothing else.\n\nRequest:\n"
	if d == dMessages {
		return tracefmt.Obj{{"model", model}, {"max_tokens", 512}, {"messages", []tracefmt.Obj{{{"role", "user"}, {"content", p + firstAsk}}}},
			{"temperature", 0.0}, {"stream", false}}
	}
	return tracefmt.Obj{{"model", model}, {"messages", []tracefmt.Obj{{{"role", "user"}, {"content", p + firstAsk}}}},
		{"temperature", 0.0}, {"max_completion_tokens", 512}, {"response_format", tracefmt.Obj{{"type", "json_object"}}}}
}
