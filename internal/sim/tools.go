package sim

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
)

// The shared tool pool: the popular tool, legitimate agent users and the
// agentic campaign all define tools from it.
var toolPool = []toolDef{
	{"read_file", "Read a file from the workspace and return its contents.", json.RawMessage(`{"type":"object","properties":{"path":{"type":"string","description":"Path relative to the workspace root"}},"required":["path"]}`)},
	{"write_file", "Create or overwrite a file in the workspace.", json.RawMessage(`{"type":"object","properties":{"path":{"type":"string"},"content":{"type":"string"}},"required":["path","content"]}`)},
	{"edit_file", "Replace an exact string in a file.", json.RawMessage(`{"type":"object","properties":{"path":{"type":"string"},"old":{"type":"string"},"new":{"type":"string"}},"required":["path","old","new"]}`)},
	{"run_command", "Run a shell command in the workspace and return stdout and stderr.", json.RawMessage(`{"type":"object","properties":{"command":{"type":"string"},"timeout_s":{"type":"integer"}},"required":["command"]}`)},
	{"search_code", "Search the workspace for a regular expression.", json.RawMessage(`{"type":"object","properties":{"pattern":{"type":"string"},"glob":{"type":"string"}},"required":["pattern"]}`)},
	{"list_dir", "List a directory.", json.RawMessage(`{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}`)},
	{"run_tests", "Run the project's test suite, optionally filtered.", json.RawMessage(`{"type":"object","properties":{"filter":{"type":"string"}}}`)},
	{"web_search", "Search the web and return the top results.", json.RawMessage(`{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}`)},
	{"fetch_url", "Fetch a URL and return its text.", json.RawMessage(`{"type":"object","properties":{"url":{"type":"string"}},"required":["url"]}`)},
	{"git_diff", "Show the working tree diff.", json.RawMessage(`{"type":"object","properties":{}}`)},
}

// toolArgs and toolResults are templates per tool name.
var toolArgs = map[string][]string{
	"read_file":   {`"path":"$file"`},
	"write_file":  {`"path":"$file","content":"// $func\\n"`},
	"edit_file":   {`"path":"$file","old":"$func(","new":"$func(ctx, "`},
	"run_command": {`"command":"{go build ./...|npm test|pytest -q|make lint|cargo check}"`},
	"search_code": {`"pattern":"$func","glob":"**/*.{go|py|ts}"`},
	"list_dir":    {`"path":"{.|src|cmd|tests}"`},
	"run_tests":   {`"filter":"$func"`, ``},
	"web_search":  {`"query":"$lang $subject {example|error|best practice}"`},
	"fetch_url":   {`"url":"https://docs.example.org/{guide|reference|faq}/$n"`},
	"git_diff":    {``},
}

var toolResults = []string{
	"$snippet",
	"{ok|PASS|exit status 0} ($n.{1|2|4}s)",
	"{FAIL|error}: $func: {undefined: x|expected $a, got $b|index out of range [$n]}",
	"$file:$num: $func {declared and not used|missing return}",
	"{main.go|README.md|go.mod|src/|tests/|Makefile} {main.go|lib.rs|index.ts}",
	"$doc $doc",
}

// preamble builds an agent's system prompt and tool set from the shared
// pieces: name, a rule list drawn from agentRules, and k tools.
func preamble(r *rand.Rand, name string, rules, k int) (string, []toolDef) {
	var b strings.Builder
	b.WriteString(text(r, "You are "+name+", {an AI coding assistant|a software engineering agent|an autonomous developer assistant} {running in the user's terminal|working inside the user's repository|with access to the user's workspace}.\n", &areas[areaCoding]))
	for i := 0; i < rules; i++ {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(text(r, pick(r, agentRules), &areas[areaCoding]))
		b.WriteByte('\n')
	}
	perm := r.Perm(len(toolPool))
	tools := make([]toolDef, 0, k)
	for _, i := range perm[:min(k, len(perm))] {
		tools = append(tools, toolPool[i])
	}
	return b.String(), tools
}

var agentRules = []string{
	"{Always|Before editing,} read the relevant files before {changing|editing} them.",
	"Prefer small, reviewable {changes|diffs}; never rewrite a file {wholesale|from scratch} when an edit will do.",
	"Run the tests after every change and {report|summarize} failures {verbatim|precisely}.",
	"Do not run commands that {delete|modify} files outside the workspace.",
	"Explain your plan {briefly|in one paragraph} before calling tools.",
	"When unsure about $subject, search the codebase first.",
	"Keep answers {concise|short|focused}; use Markdown code blocks for code.",
	"Respect the project's style and {linters|formatters}.",
	"Never reveal secrets found in the workspace.",
	"Ask the user before {installing dependencies|pushing to a remote|running migrations}.",
}

// toolStep appends one tool round trip (assistant call, tool result) to c.
func toolStep(r *rand.Rand, c *convo, d Dialect, step int) {
	t := c.tools[r.IntN(len(c.tools))]
	f := filler{area: &areas[areaCoding]}
	args := string(append(expand([]byte{'{'}, r, pick(r, toolArgs[t.name]), &f), '}'))
	id := "call_"
	if d == Anthropic {
		id = "toolu_"
	}
	id += strconv.FormatUint(r.Uint64()>>16, 36) + strconv.Itoa(step)
	call := &toolCall{id: id, name: t.name, args: args}
	say := ""
	if r.IntN(3) == 0 {
		say = answer(r, &areas[areaCoding], 1)
	}
	c.turns = append(c.turns, turn{role: roleAssistant, text: say, call: call},
		turn{role: roleTool, text: string(expand(nil, r, pick(r, toolResults), &f)), call: call})
}
