package marketplace

import (
	"fmt"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// The popular open-source coding agent "tessellate" (a CLI on the
// Anthropic JS SDK): one system prompt and one tool set for all its users,
// agent loops of tool calls and results, and a small title request at the
// start of each task. The agentic campaign runs the same tool headless.

const tessellateSystem = `You are Tessellate, an open-source coding agent that runs in the user's terminal. You help with software engineering tasks: fixing bugs, adding features, refactoring, explaining code and running commands.

# Tone
Be concise and direct. Do not add explanations the user did not ask for. Use GitHub-flavoured markdown.

# Working on tasks
- Read the relevant files before editing them; never guess at file contents.
- Make the smallest change that solves the task and follows the conventions of the codebase.
- After editing, run the project's tests or linters if you know how.
- Never commit changes unless the user asks you to.

# Tools
Use the tools to inspect and change the workspace. Prefer search_files to running grep yourself. When several independent tool calls are needed, make them in one response.

# Safety
Refuse to write malware or code that is meant to harm. Do not reveal secrets found in files.`

var tessellateTools = []tool{
	{"read_file", "Read a file from the workspace. Returns the contents with line numbers.", schema("path", "string", "Path relative to the workspace root.")},
	{"list_dir", "List the entries of a directory.", schema("path", "string", "Directory path.")},
	{"search_files", "Search file contents with a regular expression.", schema("pattern", "string", "Regular expression.", "glob", "string", "Optional file glob.")},
	{"edit_file", "Replace an exact string in a file with another.", schema("path", "string", "File path.", "old_string", "string", "Text to replace.", "new_string", "string", "Replacement text.")},
	{"run_command", "Run a shell command in the workspace and return its output.", schema("command", "string", "The command line.", "timeout_ms", "integer", "Optional timeout.")},
	{"web_fetch", "Fetch a URL and return its text content.", schema("url", "string", "The URL.")},
}

const titleSystem = "Summarize the user's coding request as a title of at most 6 words. Reply with the title only."

var repoKinds = []struct{ lang, test, ext string }{
	{"TypeScript", "npm test", "ts"}, {"Python", "pytest -q", "py"}, {"Go", "go test ./...", "go"}, {"Rust", "cargo test", "rs"}, {"JavaScript", "npm test", "js"},
}
var modules = []string{"auth", "billing", "api/handlers", "utils/date", "db/migrations", "cli", "parser", "cache", "notifications", "search", "export", "config"}

// userTask is what a person asks the agent: varied, terse, in context.
func userTask(r *rng) string {
	m := pick(r, modules)
	return humanize(r, pick(r, []string{
		"fix the failing test in " + m, "the " + m + " module throws when the input is empty, can you fix it", "add retry with backoff to the http client in " + m,
		"why is " + m + " so slow? profile and fix", "refactor " + m + " to remove the duplicated validation logic", "add a --json flag to the cli output",
		"write tests for " + m, "upgrade the date library and fix what breaks", "explain how " + m + " works", "rename getUser to fetchUser everywhere",
		"there's a race in " + m + ", find it", "add pagination to the list endpoint", "make the config loader accept env vars",
	}))
}

// harvestTask is what the agentic campaign's task generator writes: one
// shape with slots, for the breadth of a training set.
func harvestTask(r *rng) string {
	m := pick(r, modules)
	feature := pick(r, []string{"input validation", "structured logging", "rate limiting", "caching with TTL", "CSV export", "retry with exponential backoff",
		"pagination", "a health-check endpoint", "unit tests with full branch coverage", "error wrapping", "config from environment variables", "a LRU cache"})
	return fmt.Sprintf("Implement %s in the %s module. Explore the repository first, make the change, run the tests and fix any failures. When you are done, explain what you changed and why.", feature, m)
}

// trajectory rebuilds an agent loop up to step: the task, then for each
// earlier step one tool call and its result. It depends on the seed alone.
func trajectory(seed uint64, step int, task func(*rng) string) []msg {
	cr := &rng{s: mix(seed ^ 0xa9e)}
	repo := repoKinds[cr.intn(len(repoKinds))]
	turns := []msg{{role: "user", text: task(cr)}}
	for i := 0; i < step; i++ {
		id := "toolu_01" + cr.token(22, alnum)
		m := pick(cr, modules)
		var call toolCall
		var out string
		switch {
		case i == 0:
			call = toolCall{id, "list_dir", tracefmt.Obj{{"path", "."}}}
			out = strings.Join([]string{"README.md", "src/", "tests/", "package.json", ".github/", "docs/"}, "\n")
		case i%4 == 1:
			call = toolCall{id, "search_files", tracefmt.Obj{{"pattern", pick(cr, []string{"func ", "export function", "def ", "TODO", "throw new"})}, {"glob", "src/**/*." + repo.ext}}}
			out = fmt.Sprintf("src/%s/index.%s:%d\nsrc/%s/helpers.%s:%d", m, repo.ext, cr.between(5, 300), m, repo.ext, cr.between(5, 200))
		case i%4 == 2:
			call = toolCall{id, "read_file", tracefmt.Obj{{"path", fmt.Sprintf("src/%s/index.%s", m, repo.ext)}}}
			var b strings.Builder
			for l := range cr.between(12, 40) {
				fmt.Fprintf(&b, "%4d  %s\n", l+1, pick(cr, []string{"import { parse } from './parse'", "const MAX_RETRIES = 3", "  if (!input) {", "    return null", "  }",
					"export function handle(req, res) {", "  const cfg = loadConfig()", "  for (const item of items) {", "    total += item.price * item.qty", "}", "  // TODO: validate", "  return result"}))
			}
			out = b.String()
		case i%4 == 3:
			call = toolCall{id, "edit_file", tracefmt.Obj{{"path", fmt.Sprintf("src/%s/index.%s", m, repo.ext)}, {"old_string", "  if (!input) {"}, {"new_string", "  if (input == null || input.length === 0) {"}}}
			out = "Edited 1 occurrence."
		default:
			call = toolCall{id, "run_command", tracefmt.Obj{{"command", repo.test}}}
			out = fmt.Sprintf("%d passed, %d failed in %.1fs", cr.between(10, 240), cr.intn(3), 0.5+cr.float()*20)
		}
		text := ""
		if cr.chance(0.5) {
			text = pick(cr, []string{"Let me look at the project structure first.", "I'll search for the relevant code.", "Now I'll read the file.", "I'll make the change.", "Let me run the tests."})
		}
		turns = append(turns, msg{role: "assistant", text: text, call: &call}, msg{role: "tool", callID: id, text: out})
	}
	return turns
}

// agentRequest renders one step of a tessellate loop (aux 1: the title
// request at the task's start).
func agentRequest(e *event, model string, thinking bool, task func(*rng) string) req {
	if e.aux == 1 {
		cr := &rng{s: mix(e.seed ^ 0xa9e)}
		cr.intn(len(repoKinds))
		first := task(cr)
		k := knobs{maxTokens: 64, temp: 0}
		return req{path: "/v1/messages", body: messagesBody("claude-haiku-4-5", titleSystem, []msg{{role: "user", text: first}}, k)}
	}
	k := knobs{maxTokens: 8192, temp: noTemp(), stream: true, tools: tessellateTools, user: ""}
	if thinking {
		k.maxTokens, k.thinking = 16000, 4000
	} else {
		k.temp = 1
	}
	return req{path: "/v1/messages", body: messagesBody(model, tessellateSystem, trajectory(e.seed, e.turn, task), k), stream: true}
}
