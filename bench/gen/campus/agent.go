package campus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// The coding agent: an open-source command-line agent ("quill") that
// thousands of students and staff run with their own keys. Every request
// carries the same system prompt and tool definitions.

const quillUA = "quill-cli/1.8.2 (node; linux)"

const quillSystem = `You are Quill, an interactive command-line coding assistant. You help the user with software engineering tasks in their local repository.

# Tone
Be concise and direct. Do not add preamble or summaries unless asked. Use GitHub-flavoured Markdown.

# Doing tasks
1. Use the search and read tools to understand the codebase before you change it.
2. Make the smallest change that solves the task; follow the existing style.
3. Run the project's tests or linters with the bash tool when you are done, and fix what fails.
4. Never commit changes unless the user asks you to.

# Tool use
- Call several tools in one response when the calls are independent.
- Prefer edit_file over rewriting whole files.
- Quote paths that contain spaces.

# Safety
Refuse to write malware or to help circumvent security controls. Do not print secrets found in files.

Environment: working directory is the repository root; platform linux.`

var quillTools = []any{
	tool("bash", "Run a shell command in the repository and return its output.", tracefmt.Obj{{"command", strProp("The command to run")}, {"timeout", tracefmt.Obj{{"type", "integer"}, {"description", "Timeout in milliseconds"}}}}, "command"),
	tool("read_file", "Read a file from the repository.", tracefmt.Obj{{"path", strProp("Path relative to the repository root")}}, "path"),
	tool("edit_file", "Replace an exact string in a file.", tracefmt.Obj{{"path", strProp("File to edit")}, {"old_string", strProp("Text to replace")}, {"new_string", strProp("Replacement text")}}, "path", "old_string", "new_string"),
	tool("write_file", "Create or overwrite a file.", tracefmt.Obj{{"path", strProp("File to write")}, {"content", strProp("Full file content")}}, "path", "content"),
	tool("grep", "Search file contents with a regular expression.", tracefmt.Obj{{"pattern", strProp("Regular expression")}, {"path", strProp("Directory or file to search")}}, "pattern"),
}

func strProp(desc string) tracefmt.Obj {
	return tracefmt.Obj{{"type", "string"}, {"description", desc}}
}

func tool(name, desc string, props tracefmt.Obj, required ...string) tracefmt.Obj {
	return tracefmt.Obj{{"name", name}, {"description", desc}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", props}, {"required", required}}}}
}

// openaiTools converts Anthropic tool definitions to chat-completions ones.
func openaiTools(ts []any) []any {
	out := make([]any, len(ts))
	for i, t := range ts {
		o := t.(tracefmt.Obj)
		out[i] = tracefmt.Obj{{"type", "function"}, {"function", tracefmt.Obj{{"name", o[0].Value}, {"description", o[1].Value}, {"parameters", o[2].Value}}}}
	}
	return out
}

// step is one agent turn: the assistant's text and tool call, and the
// tool's output sent back.
type step struct {
	text, tool string
	input      tracefmt.Obj
	output     string
}

var (
	repoFiles = []string{"src/parser.py", "src/utils.py", "app/models.py", "lib/stats.R", "src/main.go", "analysis/clean.py", "web/src/App.tsx", "sim/solver.cpp", "notebooks/helpers.py", "thesis/build.sh"}
	codeTasks = []string{"Fix the failing test in %s", "Add a --verbose flag to the CLI and use it in %s", "Write unit tests for %s", "Refactor %s so the functions are shorter",
		"Why is %s so slow on large inputs? Make it faster", "Add type hints to %s", "The CI build fails after my last change to %s, figure out why", "Add input validation to %s and document it in the README"}
)

// codingTrajectory is a legitimate coding task of n steps.
func codingTrajectory(r *rand.Rand, n int) (string, []step) {
	f := pick(r, repoFiles)
	task := fmt.Sprintf(pick(r, codeTasks), f)
	steps := make([]step, n)
	for i := range steps {
		switch {
		case i == 0:
			steps[i] = step{"I'll start by looking at the file.", "read_file", tracefmt.Obj{{"path", f}}, fileText(r, f)}
		case i == n-1:
			steps[i] = step{"Let me run the tests.", "bash", tracefmt.Obj{{"command", pick(r, []string{"pytest -q", "go test ./...", "npm test", "make check", "Rscript -e 'testthat::test_dir(\"tests\")'"})}},
				pick(r, []string{"12 passed in 0.84s", "ok  \tproject/src\t0.412s", "Tests: 31 passed, 31 total", "1 failed, 11 passed"})}
		default:
			switch r.IntN(4) {
			case 0:
				steps[i] = step{"Searching for the call sites.", "grep", tracefmt.Obj{{"pattern", pick(r, []string{"def parse", "validate\\(", "TODO", "import numpy", "func Run"})}, {"path", "src"}},
					fmt.Sprintf("%s:%d:    %s", f, between(r, 3, 300), pick(r, []string{"def parse(line):", "if not validate(x):", "# TODO handle empty input", "import numpy as np"}))}
			case 1:
				steps[i] = step{"Now I'll make the change.", "edit_file", tracefmt.Obj{{"path", f}, {"old_string", "    return total / len(xs)"}, {"new_string", "    if not xs:\n        return 0.0\n    return total / len(xs)"}}, "Edited " + f}
			case 2:
				steps[i] = step{"", "bash", tracefmt.Obj{{"command", pick(r, []string{"git diff --stat", "ls -la src", "python -m pytest tests/test_parser.py -x", "go vet ./...", "cat requirements.txt"})}},
					pick(r, []string{" src/utils.py | 4 +++-\n 1 file changed", "total 48\ndrwxr-xr-x  parser.py utils.py __init__.py", "FAILED tests/test_parser.py::test_empty - ZeroDivisionError", "numpy==2.1.0\npandas==2.2.2"})}
			default:
				g := pick(r, repoFiles)
				steps[i] = step{"Let me check the related module.", "read_file", tracefmt.Obj{{"path", g}}, fileText(r, g)}
			}
		}
	}
	return task, steps
}

func fileText(r *rand.Rand, f string) string {
	return fmt.Sprintf("# %s\n%s", f, pick(r, snippets))
}

// mathTrajectory is the agentic harvest's task: a science or math problem
// worked with the shell's python, ending with a written derivation.
func mathTrajectory(r *rand.Rand, n int) (string, []step) {
	p := anyProblem(r)
	task := pick(r, []string{
		"Solve the following problem. Use python via the bash tool to verify every intermediate computation, then write solution.md containing a complete step-by-step derivation with justification for each step.\n\n",
		"Work through this problem carefully. After each reasoning step, check it numerically with python in the shell. Finish by writing the full worked solution to answer.md.\n\n",
		"Task: produce a fully verified worked solution. Reason step by step, test each claim with a short python script, and save the final explanation in solution.md.\n\n",
	}) + p.Text
	steps := make([]step, n)
	for i := range steps {
		if i == n-1 {
			steps[i] = step{"All steps check out. Writing the solution.", "write_file", tracefmt.Obj{{"path", "solution.md"}, {"content", "# Solution\n\n" + assistantReply(r, p)}}, "Wrote solution.md"}
			continue
		}
		v := between(r, 2, 97)
		code := pick(r, []string{"from sympy import *\nx = symbols('x')\nprint(solve(x**2 - %d*x + 6, x))", "import math\nprint(math.sqrt(%d * 9.8 * 2))", "print(sum(k for k in range(1, %d) if k %% 3 == 0 or k %% 5 == 0))", "from fractions import Fraction\nprint(Fraction(%d, 12) * Fraction(3, 7))", "import numpy as np\nprint(np.linalg.eigvals(np.array([[%d, 2], [2, 1]])))"})
		steps[i] = step{fmt.Sprintf("Step %d: checking this numerically.", i+1), "bash", tracefmt.Obj{{"command", "python3 -c \"" + strings.ReplaceAll(fmt.Sprintf(code, v), "\"", "'") + "\""}},
			pick(r, []string{"[2, 3]", "19.79898987322333", "2318", "1/4", "[5.37 0.63]", strconv.Itoa(v * v), p.Answer})}
	}
	return task, steps
}

// toolID returns a tool-call id in the dialect's format.
func toolID(r *rand.Rand, anthropic bool) string {
	b := make([]byte, 24)
	for i := range b {
		b[i] = base62[r.IntN(len(base62))]
	}
	if anthropic {
		return "toolu_01" + string(b)
	}
	return "call_" + string(b)
}

// trajectoryMessages returns the whole conversation of a trajectory; the
// request before step i sends its first 1+2i messages.
func trajectoryMessages(r *rand.Rand, task string, steps []step, anthropic bool) []any {
	msgs := []any{msg("user", task)}
	for _, s := range steps {
		id := toolID(r, anthropic)
		if anthropic {
			content := []any{}
			if s.text != "" {
				content = append(content, tracefmt.Obj{{"type", "text"}, {"text", s.text}})
			}
			content = append(content, tracefmt.Obj{{"type", "tool_use"}, {"id", id}, {"name", s.tool}, {"input", s.input}})
			msgs = append(msgs, msg("assistant", content),
				msg("user", []any{tracefmt.Obj{{"type", "tool_result"}, {"tool_use_id", id}, {"content", s.output}}}))
			continue
		}
		var text any
		if s.text != "" {
			text = s.text
		}
		call := tracefmt.Obj{{"id", id}, {"type", "function"}, {"function", tracefmt.Obj{{"name", s.tool}, {"arguments", string(tracefmt.Encoder{}.Marshal(s.input))}}}}
		msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", text}, {"tool_calls", []any{call}}},
			tracefmt.Obj{{"role", "tool"}, {"tool_call_id", id}, {"content", s.output}})
	}
	return msgs
}
