package civic

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// The open-source coding agent "Tern": its system prompt and tools are the
// same for every user.
const ternSystem = `You are Tern, an interactive command-line coding assistant. You help users with software engineering tasks in the repository at the working directory.
Guidelines:
- Before changing code, read the relevant files and understand existing conventions.
- Prefer small, focused edits. Never commit or push unless the user asks.
- Run the project's tests after making changes and report the results honestly.
- When you are unsure what the user wants, ask a brief clarifying question.
- Keep responses short; the user sees them in a terminal. Use GitHub-flavored Markdown.
- Never print secrets, tokens or credentials found in files or environment variables.
Environment: platform linux, shell bash.`

var ternTools = []tracefmt.Obj{
	antTool("bash", "Run a shell command in the repository and return stdout and stderr. Commands time out after 120 seconds.", schema("command", "The command to run")),
	antTool("read_file", "Read a file from the repository. Returns the contents with line numbers.", schema("path", "Path relative to the repository root")),
	antTool("edit_file", "Replace an exact string in a file with a new string.", schema("path", "File to edit", "old_string", "Exact text to replace", "new_string", "Replacement text")),
	antTool("glob", "List files matching a glob pattern.", schema("pattern", "Glob pattern, e.g. src/**/*.ts")),
	antTool("grep", "Search file contents with a regular expression.", schema("pattern", "Regular expression", "path", "Directory or file to search")),
}

// ternToolsOpenAI are the same tools for the OpenAI dialect.
var ternToolsOpenAI = func() []tracefmt.Obj {
	var out []tracefmt.Obj
	for _, t := range ternTools {
		out = append(out, fnTool(t[0].Value.(string), t[1].Value.(string), t[2].Value.(tracefmt.Obj)))
	}
	return out
}()

// step is one tool call of a trajectory and its result.
type step struct {
	say    string
	tool   string
	input  tracefmt.Obj
	result string
}

// repo is a code base an agent works in.
type repo struct {
	name, lang string
	files      []string
}

var civicRepos = []repo{
	{"permit-portal", "ts", []string{"src/api/permits.ts", "src/components/PermitForm.tsx", "src/utils/dates.ts", "src/api/client.ts", "test/permits.test.ts"}},
	{"311-dashboard", "py", []string{"app/routes.py", "app/models.py", "app/filters.py", "tests/test_routes.py", "app/templates/index.html"}},
	{"transit-alerts", "go", []string{"internal/feed/gtfsrt.go", "internal/alerts/format.go", "cmd/alerts/main.go", "internal/feed/gtfsrt_test.go"}},
	{"budget-viz", "js", []string{"src/chart.js", "src/data/load.js", "src/format.js", "test/format.test.js"}},
	{"gis-etl", "py", []string{"etl/parcels.py", "etl/geocode.py", "etl/config.py", "tests/test_parcels.py"}},
}

var civicTasks = []string{
	"The date filter on the dashboard is off by one day for Pacific time. Find and fix it.",
	"Add pagination to the requests endpoint, 50 per page, keep the old behavior when no page param is given.",
	"Tests are failing on main since yesterday. Figure out why.",
	"Add a Spanish translation for the form labels. Strings should come from a locale file.",
	"Refactor the geocoder to retry on 429 with exponential backoff.",
	"The alert text is cut off for long stop names. Truncate nicely with an ellipsis instead.",
	"Write tests for the currency formatting helper, including negative numbers.",
	"Upgrade the HTTP client to use a timeout of 10 seconds everywhere.",
	"Why does the parcel import skip rows with a '#' in the address? Fix it.",
	"Make the permit form accessible: labels, error messages announced to screen readers.",
}

func testCmd(lang string) string {
	switch lang {
	case "py":
		return "python -m pytest -q"
	case "go":
		return "go test ./..."
	}
	return "npm test --silent"
}

var snippets = map[string][]string{
	"py": {"def filter_by_date(rows, start, end):\n    return [r for r in rows if start <= r.created.date() <= end]\n",
		"class Request(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n    created = db.Column(db.DateTime, nullable=False)\n    status = db.Column(db.String(20))\n",
		"def normalize(addr: str) -> str:\n    addr = addr.split('#')[0].strip()\n    return ADDR_RE.sub(_expand, addr.upper())\n"},
	"go": {"func Format(a Alert) string {\n\treturn fmt.Sprintf(\"%s: %s delayed %d min\", a.Route, a.Stop, a.Delay)\n}\n",
		"func (c *Client) Fetch(ctx context.Context) (*gtfs.FeedMessage, error) {\n\treq, _ := http.NewRequestWithContext(ctx, \"GET\", c.url, nil)\n\tresp, err := http.DefaultClient.Do(req)\n"},
	"ts": {"export function toLocalDate(iso: string): string {\n  return new Date(iso).toISOString().slice(0, 10);\n}\n",
		"export async function listPermits(page?: number) {\n  const res = await client.get('/permits');\n  return res.data;\n}\n"},
	"js": {"export function formatUSD(n) {\n  return '$' + n.toFixed(0).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');\n}\n"},
}

// numbered prefixes line numbers as the read_file tool does.
func numbered(s string, from int) string {
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		fmt.Fprintf(&b, "%4d\t%s\n", from+i, l)
	}
	return b.String()
}

// civicTrajectory is a developer's session: irregular, with searches,
// reads, edits and test runs in a varying order.
func civicTrajectory(r *rand.Rand, rp repo, n int) []step {
	var st []step
	for i := range n {
		f := pick(r, rp.files)
		switch x := r.IntN(10); {
		case i == 0 || x < 2:
			pat := map[string]string{"py": "**/*.py", "go": "**/*.go", "ts": "src/**/*.ts*", "js": "src/**/*.js"}[rp.lang]
			st = append(st, step{"Let me look at the project layout.", "glob", tracefmt.Obj{{"pattern", pat}}, strings.Join(rp.files, "\n")})
		case x < 5:
			st = append(st, step{"", "read_file", tracefmt.Obj{{"path", f}}, numbered(pick(r, snippets[rp.lang]), 1+r.IntN(120))})
		case x < 6:
			term := pick(r, []string{"toISOString", "created", "timeout", "split('#')", "Sprintf", "toFixed", "page"})
			st = append(st, step{"", "grep", tracefmt.Obj{{"pattern", term}, {"path", "."}}, fmt.Sprintf("%s:%d:    ... %s ...\n%s:%d:    ... %s ...", f, 10+r.IntN(200), term, pick(r, rp.files), 10+r.IntN(200), term)})
		case x < 8:
			st = append(st, step{"I'll make the change.", "edit_file", tracefmt.Obj{{"path", f}, {"old_string", firstLine(pick(r, snippets[rp.lang]))}, {"new_string", "// updated\n" + firstLine(pick(r, snippets[rp.lang]))}}, "The file " + f + " has been updated."})
		default:
			res := fmt.Sprintf("%d passed in %.2fs", 8+r.IntN(60), 0.3+r.Float64()*4)
			if r.IntN(3) == 0 {
				res = fmt.Sprintf("FAILED %s::test_%s - AssertionError: assert '2026-05-%02d' == '2026-05-%02d'\n1 failed, %d passed", f, pick(r, []string{"filter", "format", "paging", "locale"}), 10+r.IntN(9), 10+r.IntN(9), 5+r.IntN(40))
			}
			st = append(st, step{"Running the tests.", "bash", tracefmt.Obj{{"command", testCmd(rp.lang)}}, res})
		}
	}
	return st
}

var thoughts = []string{
	"I need the %s output before changing anything; the existing code may already handle part of this.",
	"The %s step should show where the failure comes from. The fix is probably in the helper, not the caller.",
	"Before editing I need to confirm the edge case; a %s call will show me what the code does now.",
	"After this %s the result should be right. I'll run the tests once more to be sure nothing else broke.",
}

// agentMessages writes the task and the first k steps as messages of
// either dialect; ids are drawn from r. With think, the Anthropic
// assistant turns carry their (signed) thinking blocks, as the API wants
// them passed back during tool use with extended thinking.
func agentMessages(r *rand.Rand, task string, st []step, k int, anthropic, think bool) []tracefmt.Obj {
	msgs := []tracefmt.Obj{umsg(task)}
	for i := range k {
		s := st[i]
		if anthropic {
			id := "toolu_01" + randID(r, 22)
			var content []tracefmt.Obj
			if think {
				content = append(content, tracefmt.Obj{{"type", "thinking"}, {"thinking", fmt.Sprintf(pick(r, thoughts), s.tool)},
					{"signature", "Er" + randID(r, 180) + "=="}})
			}
			if s.say != "" {
				content = append(content, tracefmt.Obj{{"type", "text"}, {"text", s.say}})
			}
			content = append(content, tracefmt.Obj{{"type", "tool_use"}, {"id", id}, {"name", s.tool}, {"input", s.input}})
			msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", content}},
				tracefmt.Obj{{"role", "user"}, {"content", []tracefmt.Obj{{{"type", "tool_result"}, {"tool_use_id", id}, {"content", s.result}}}}})
			continue
		}
		id := "call_" + randID(r, 24)
		args := string(tracefmt.Encoder{}.Marshal(s.input))
		var say any
		if s.say != "" {
			say = s.say
		}
		msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", say}, {"tool_calls", []tracefmt.Obj{{{"id", id}, {"type", "function"},
			{"function", tracefmt.Obj{{"name", s.tool}, {"arguments", args}}}}}}},
			tracefmt.Obj{{"role", "tool"}, {"tool_call_id", id}, {"content", s.result}})
	}
	return msgs
}

func randID(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = b62[r.IntN(len(b62))]
	}
	return string(b)
}

// planCodingAgent: city developers and civic-tech volunteers using the
// open-source coding agent Tern with their own keys: one system prompt and
// tool set for all, long tool-use sessions, streaming.
func planCodingAgent(w *world) {
	const cls = "coding_agent"
	r := w.rng(cls)
	n := w.scale(70, 6)
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		k := nodeKit(r, pick(r, []string{"MacOS", "MacOS", "Linux", "Windows"}))
		k.lang, k.ant, k.oai = lNode, recent(r, antJSVers[2:]), recent(r, oaiJSVers[2:])
		k.extra = [][2]string{{"x-app", "tern-cli"}}
		z := pick(r, usZones)
		gov := r.IntN(2) == 0
		line := newHomeLine(r, netHomeUS, netHomeUS6, 0.35)
		office := netGov.pick4(r)
		rate := 0.6 + r.ExpFloat64()*1.5
		anth := r.IntN(5) > 0
		model := pick(r, []string{mLarge, mLarge, mReasoner})
		rp := pick(r, civicRepos)
		arrivals(r, w.start, w.end, z, &profDev, rate, 0.4, func(t time.Time) {
			sess := r.Uint64()
			steps := 3 + r.IntN(14)
			ip := line.at(t)
			if gov && !weekend(t, z) {
				ip = office
			}
			m := model
			if t.After(w.release.Add(6*time.Hour)) && r.IntN(2) == 0 {
				m = mRelease
			}
			for s := range steps {
				w.emit(r, t, cls, a, ip, k, func(_ *rand.Rand) req {
					rs := sessionSeed(sess)
					task := pick(rs, civicTasks)
					st := civicTrajectory(rs, rp, steps)
					msgs := agentMessages(rs, task, st, s, anth, m == mReasoner)
					if anth {
						c := chat{model: m, system: ternSystem, cacheSys: true, maxTokens: 8192, temp: -1, stream: true, tools: ternTools, msgs: msgs}
						if m == mReasoner {
							c.thinking, c.maxTokens = 4000, 16000
						}
						return c.anthropic()
					}
					return chat{model: m, system: ternSystem, temp: -1, stream: true, usage: true, tools: ternToolsOpenAI, msgs: msgs}.openai()
				})
				t = t.Add(lognormal(r, 9*time.Second, 0.8))
				if r.IntN(12) == 0 {
					t = t.Add(lognormal(r, 2*time.Minute, 0.8)) // the developer reads and thinks
				}
			}
		})
	}
}
