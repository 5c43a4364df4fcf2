package newsroom

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Tool-use trajectories: a task, then steps of (model turn with a tool
// call, tool result). Request k of a trajectory carries the task and the
// first k steps.

var codingTools = []tool{
	{"bash", "Run a shell command in the project directory. Returns stdout and stderr. Commands time out after 120 seconds.", obj{{"type", "object"}, {"properties", obj{{"command", param("string", "The command to run")}}}, {"required", []string{"command"}}}},
	{"read_file", "Read a file from the project. Returns the contents with line numbers.", obj{{"type", "object"}, {"properties", obj{{"path", param("string", "Path relative to the project root")}, {"offset", param("integer", "Line to start from")}, {"limit", param("integer", "Maximum number of lines")}}}, {"required", []string{"path"}}}},
	{"edit_file", "Replace an exact string in a file with another. The old string must appear exactly once.", obj{{"type", "object"}, {"properties", obj{{"path", param("string", "Path of the file")}, {"old_string", param("string", "Text to replace")}, {"new_string", param("string", "Replacement text")}}}, {"required", []string{"path", "old_string", "new_string"}}}},
	{"grep", "Search file contents with a regular expression.", obj{{"type", "object"}, {"properties", obj{{"pattern", param("string", "Regular expression")}, {"path", param("string", "Directory or file to search")}}}, {"required", []string{"pattern"}}}},
	{"list_dir", "List the files in a directory.", obj{{"type", "object"}, {"properties", obj{{"path", param("string", "Directory")}}}, {"required", []string{"path"}}}},
}

var researchTools = []tool{
	{"web_search", "Search the web. Returns titles, URLs and snippets of the top results.", obj{{"type", "object"}, {"properties", obj{{"query", param("string", "Search query")}, {"recency_days", param("integer", "Only results from the last N days")}}}, {"required", []string{"query"}}}},
	{"fetch_page", "Fetch a web page and return its main text.", obj{{"type", "object"}, {"properties", obj{{"url", param("string", "URL to fetch")}}}, {"required", []string{"url"}}}},
	{"claim_db_lookup", "Look up previously published fact-checks that match a claim.", obj{{"type", "object"}, {"properties", obj{{"claim", param("string", "The claim text")}, {"language", param("string", "ISO language code")}}}, {"required", []string{"claim"}}}},
}

// sweTools is the toolset of a generic software-engineering agent harness.
var sweTools = []tool{
	{"bash", "Execute a bash command in the sandbox.", obj{{"type", "object"}, {"properties", obj{{"cmd", param("string", "Command")}}}, {"required", []string{"cmd"}}}},
	{"str_replace_editor", "View, create and edit files. Commands: view, create, str_replace, insert.", obj{{"type", "object"}, {"properties", obj{{"command", param("string", "view | create | str_replace | insert")}, {"path", param("string", "Absolute path")}, {"old_str", param("string", "For str_replace")}, {"new_str", param("string", "For str_replace and insert")}, {"file_text", param("string", "For create")}}}, {"required", []string{"command", "path"}}}},
	{"submit", "Submit the final patch when the task is done.", obj{{"type", "object"}, {"properties", obj{{"summary", param("string", "What was changed")}}}, {"required", []string{"summary"}}}},
}

var researchAgentTools = []tool{
	{"search", "Search engine. Returns up to 10 results.", obj{{"type", "object"}, {"properties", obj{{"q", param("string", "query")}}}, {"required", []string{"q"}}}},
	{"browse", "Open a URL and return the readable text.", obj{{"type", "object"}, {"properties", obj{{"url", param("string", "url")}}}, {"required", []string{"url"}}}},
	{"python", "Run Python code and return stdout.", obj{{"type", "object"}, {"properties", obj{{"code", param("string", "code")}}}, {"required", []string{"code"}}}},
}

var fnNames = []string{"parse_results", "load_feed", "normalize_name", "fetch_page", "build_table", "merge_precincts", "slugify", "render_embed", "geocode", "dedupe_rows", "to_ap_date", "paginate", "retry_request", "export_csv"}
var projFiles = map[string][]string{
	"Python": {"scraper/parse.py", "scraper/fetch.py", "scraper/models.py", "tests/test_parse.py", "pipeline/run.py", "pyproject.toml"},
	"JS":     {"src/components/ResultsTable.svelte", "src/lib/format.js", "src/lib/api.js", "src/routes/+page.svelte", "tests/format.test.js", "package.json"},
	"Go":     {"cmd/ingest/main.go", "internal/feed/feed.go", "internal/feed/feed_test.go", "internal/store/store.go", "go.mod"},
}

func codeSnippet(r *rand.Rand, lang string) string {
	fn := pick(r, fnNames)
	var lines []string
	switch lang {
	case "Python":
		lines = []string{"import csv", "from datetime import datetime", "", "def " + fn + "(rows, *, strict=False):", "    out = []", "    for row in rows:", "        if not row.get(\"id\"):", "            continue", "        out.append({k.strip().lower(): v for k, v in row.items()})", "    return out"}
	case "JS":
		lines = []string{"import { format } from './format.js';", "", "export function " + fn + "(items, opts = {}) {", "  const seen = new Set();", "  return items.filter((x) => {", "    if (seen.has(x.id)) return false;", "    seen.add(x.id);", "    return true;", "  });", "}"}
	default:
		lines = []string{"package feed", "", "func " + strings.ReplaceAll(fn, "_", "") + "(items []Item) ([]Item, error) {", "\tout := make([]Item, 0, len(items))", "\tfor _, it := range items {", "\t\tif it.ID == \"\" {", "\t\t\tcontinue", "\t\t}", "\t\tout = append(out, it)", "\t}", "\treturn out, nil", "}"}
	}
	var b strings.Builder
	start := 1 + r.IntN(80)
	for i, l := range lines {
		fmt.Fprintf(&b, "%5d\t%s\n", start+i, l)
	}
	return b.String()
}

func testOutput(r *rand.Rand, lang string, pass bool) string {
	n := 5 + r.IntN(60)
	switch lang {
	case "Python":
		if pass {
			return fmt.Sprintf("============================= test session starts ==============================\ncollected %d items\n\ntests/test_parse.py %s [100%%]\n\n============================== %d passed in %.2fs ===============================", n, strings.Repeat(".", min(n, 40)), n, 0.3+r.Float64()*4)
		}
		return fmt.Sprintf("============================= test session starts ==============================\ncollected %d items\n\ntests/test_parse.py ..F.. \n\n=================================== FAILURES ===================================\n___________________________ test_%s ___________________________\n    assert result[0][\"date\"] == \"May 12, 2026\"\nE   AssertionError: assert 'May. 12, 2026' == 'May 12, 2026'\n=========================== short test summary info ============================\nFAILED tests/test_parse.py::test_%s - AssertionError\n========================= 1 failed, %d passed in %.2fs =========================", n, pick(r, fnNames), pick(r, fnNames), n-1, 0.3+r.Float64()*4)
	case "JS":
		if pass {
			return fmt.Sprintf(" ✓ tests/format.test.js (%d tests) %dms\n\n Test Files  1 passed (1)\n      Tests  %d passed (%d)", n, 10+r.IntN(300), n, n)
		}
		return fmt.Sprintf(" ❯ tests/format.test.js (%d tests | 1 failed)\n   × formats percentages > rounds to one decimal\n     → expected '12.35%%' to be '12.4%%'\n\n Test Files  1 failed (1)\n      Tests  1 failed | %d passed (%d)", n, n-1, n)
	default:
		if pass {
			return fmt.Sprintf("ok  \tgithub.com/newsroom/ingest/internal/feed\t%.3fs", 0.01+r.Float64())
		}
		return fmt.Sprintf("--- FAIL: TestDedupe (0.00s)\n    feed_test.go:%d: got 3 items, want 2\nFAIL\nFAIL\tgithub.com/newsroom/ingest/internal/feed\t%.3fs", 20+r.IntN(80), 0.01+r.Float64())
	}
}

func thinkingText(r *rand.Rand, about string) string {
	return pick(r, []string{
		"The user wants " + about + ". Let me look at the structure first before changing anything.",
		"I need to understand why this fails. The error suggests a formatting mismatch; I'll check where dates are produced.",
		"Plan: find the function, read it, make the minimal change, run the tests.",
		"The test expects AP style. The current code uses a generic formatter. I should special-case the month abbreviations.",
	}) + " " + pick(r, []string{"", "I should also check for other callers.", "Then I'll verify with the full test suite."})
}

func signature(r *rand.Rand) string {
	b := make([]byte, 180+r.IntN(120))
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return base64.StdEncoding.EncodeToString(b)
}

// langEdits is a typical small fix in each language: old and new text.
var langEdits = map[string][2]string{
	"Python": {"    return out", "    out.sort(key=lambda x: x[\"id\"])\n    return out"},
	"JS":     {"if (seen.has(x.id)) return false;", "if (x.id == null || seen.has(String(x.id).toLowerCase())) return false;"},
	"Go":     {"\t\tif it.ID == \"\" {", "\t\tif strings.TrimSpace(it.ID) == \"\" {"},
}

// libFiles are the layouts of the small libraries an agent harness's
// synthetic issues are set in.
var libFiles = map[string][]string{
	"Python": {"src/lib/__init__.py", "src/lib/core.py", "src/lib/utils.py", "tests/test_core.py", "pyproject.toml"},
	"JS":     {"src/index.ts", "src/utils.ts", "src/parser.ts", "test/index.test.ts", "package.json"},
	"Go":     {"limiter.go", "bucket.go", "limiter_test.go", "internal/clock/clock.go", "go.mod"},
}

// codeSteps returns the steps of a coding-agent run over files in lang.
func codeSteps(r *rand.Rand, d dialect, lang string, files []string, n int, think bool, tools string) []step {
	var steps []step
	for i := 0; i < n; i++ {
		s := step{id: toolUseID(r, d)}
		if think {
			s.thinking, s.sig = thinkingText(r, "this change"), signature(r)
		}
		if r.IntN(3) == 0 {
			s.text = pick(r, []string{"Let me look at the project structure.", "I'll check the failing test.", "Now I'll make the change.", "Let me run the tests again.", "Found it."})
		}
		last := i == n-1
		switch {
		case tools == "swe" && last:
			s.name, s.input, s.result = "submit", obj{{"summary", "Fixed the issue and added a regression test."}}, "Submitted."
		case i == 0:
			if tools == "swe" {
				s.name, s.input = "bash", obj{{"cmd", "ls -la && git log --oneline -5"}}
			} else {
				s.name, s.input = "list_dir", obj{{"path", "."}}
			}
			s.result = strings.Join(files, "\n")
		case i%4 == 1:
			f := pick(r, files)
			if tools == "swe" {
				s.name, s.input = "str_replace_editor", obj{{"command", "view"}, {"path", "/workspace/repo/" + f}}
			} else {
				s.name, s.input = "read_file", obj{{"path", f}}
			}
			s.result = codeSnippet(r, lang)
		case i%4 == 2:
			fn := pick(r, fnNames)
			if tools == "swe" {
				e := langEdits[lang]
				s.name, s.input = "str_replace_editor", obj{{"command", "str_replace"}, {"path", "/workspace/repo/" + pick(r, files)}, {"old_str", e[0]}, {"new_str", e[1]}}
				s.result = "The file has been edited."
			} else if r.IntN(2) == 0 {
				s.name, s.input = "grep", obj{{"pattern", fn}, {"path", "."}}
				s.result = fmt.Sprintf("%s:%d:    %s(rows)\n%s:%d:def %s(", pick(r, files), 10+r.IntN(90), fn, pick(r, files), 1+r.IntN(40), fn)
			} else {
				e := langEdits[lang]
				s.name, s.input = "edit_file", obj{{"path", pick(r, files)}, {"old_string", e[0]}, {"new_string", e[1]}}
				s.result = "Edited 1 occurrence."
			}
		default:
			cmd := map[string]string{"Python": "pytest -q", "JS": "npx vitest run", "Go": "go test ./..."}[lang]
			s.name = "bash"
			if tools == "swe" {
				s.input = obj{{"cmd", cmd}}
			} else {
				s.input = obj{{"command", cmd}}
			}
			s.result = testOutput(r, lang, i > n/2 || r.IntN(3) == 0)
		}
		s.result = clip(s.result, 700)
		steps = append(steps, s)
	}
	return steps
}

// researchSteps returns the steps of a fact-checking or research run.
func researchSteps(r *rand.Rand, d dialect, s *story, n int, think bool, toolset string) []step {
	var steps []step
	for i := 0; i < n; i++ {
		st := step{id: toolUseID(r, d)}
		if think {
			st.thinking, st.sig = thinkingText(r, "to verify the claim"), signature(r)
		}
		url := "https://www." + pick(r, siteWords) + pick(r, siteSuffix) + ".com/" + strings.ReplaceAll(strings.ToLower(s.t.name), " ", "-") + "-" + hexStr(r, 6)
		switch i % 3 {
		case 0:
			q := s.c.name + " " + s.t.name + " " + pick(r, []string{s.v["p1last"], s.v["org"], s.v["pct"], "2026"})
			if toolset == "research" {
				st.name, st.input = "web_search", obj{{"query", q}, {"recency_days", 30}}
			} else {
				st.name, st.input = "search", obj{{"q", q}}
			}
			var b strings.Builder
			for k := 1; k <= 4; k++ {
				fmt.Fprintf(&b, "%d. %s\n   %s\n   %s\n", k, s.headline(r), url+itoa(k), clip(s.paragraph(r, 1), 160))
			}
			st.result = b.String()
		case 1:
			if toolset == "research" {
				st.name, st.input = "fetch_page", obj{{"url", url}}
			} else {
				st.name, st.input = "browse", obj{{"url", url}}
			}
			st.result = s.article(r, 3)
		default:
			if toolset == "research" {
				st.name, st.input = "claim_db_lookup", obj{{"claim", s.paragraph(r, 1)}, {"language", "en"}}
				st.result = fmt.Sprintf("{\"matches\": %d, \"results\": [{\"publisher\": \"%s\", \"rating\": \"%s\", \"date\": \"2026-0%d-%02d\"}]}", 1+r.IntN(3), pick(r, []string{"FactCheck Desk", "Verificado", "Africa Check", "Full Fact"}), pick(r, []string{"False", "Misleading", "Mostly true", "Unproven"}), 1+r.IntN(4), 1+r.IntN(28))
			} else {
				st.name, st.input = "python", obj{{"code", "import statistics\nprint(statistics.mean([" + itoa(r.IntN(90)) + ", " + itoa(r.IntN(90)) + "]))"}}
				st.result = ftoa(r.Float64()*90, 1)
			}
		}
		st.result = clip(st.result, 700)
		steps = append(steps, st)
	}
	return steps
}

// runTrajectory plans the requests of one trajectory from at; gap gives
// the time between a step's request and the next (model, tool, human).
// It returns the time after the last request.
func (g *gen) runTrajectory(at time.Time, a *account, c *client, class string, ip func() string, base chat, first string, steps []step, gap func(s step) time.Duration) time.Time {
	for k := 0; k <= len(steps); k++ {
		ch := base
		ch.msgs = withSystem(c.d, base.sys, trajMsgs(c.d, first, steps, k))
		if c.d == dOAI {
			ch.sys = ""
		}
		g.addc(at, a, c, class, ip(), ch.obj(c.d))
		if k < len(steps) {
			at = at.Add(gap(steps[k]))
		}
	}
	return at
}

// planFactcheck: a fact-checking organisation's research agent, used by
// staff from notebooks and by a pipeline that works through a queue of
// claims in the European and American working day.
func (g *gen) planFactcheck() {
	r := g.r
	cl := newPySDK(r, dANT, true, false)
	ips := newHostSet(r, doNYC, 2)
	const sys = "You are a research assistant for a professional fact-checking team. For the claim you are given, search for primary sources, read them, and check existing fact-checks. Cite every source with its URL. Distinguish what the evidence shows from what it does not. Finish with a verdict (True, Mostly true, Misleading, False, Unproven) and a two-sentence rationale."
	var accts []*account
	for i := range g.n(5, 3) {
		accts = append(accts, g.newAccount(acctName("factcheck_agent", i), cl, g.daysAgo(60, 500), i >= 3))
	}
	gap := func(s step) time.Duration {
		return secs(lognorm(r, 7, 0.5) + map[string]float64{"web_search": 1.5, "fetch_page": 3, "claim_db_lookup": 0.5}[s.name]*(0.5+r.Float64()))
	}
	run := func(a *account, at time.Time, ip func() string) {
		s := newStory(r)
		claim := s.paragraph(r, 1)
		think := r.IntN(3) == 0
		steps := researchSteps(r, dANT, s, 3+r.IntN(6), think, "research")
		base := chat{model: mFlag, sys: sys, sysCache: true, tools: researchTools, maxTok: 4096}
		if think {
			base.think = 2048
			base.maxTok = 6000
		}
		g.runTrajectory(at, a, cl, "factcheck_agent", ip, base, "Claim to check: \""+claim+"\"\nSource of the claim: a viral post shared in "+s.c.name+".", steps, gap)
	}
	for i, a := range accts {
		if i < len(accts)-2 || len(accts) < 3 { // staff, in working hours
			home := newHomeLine(r, "US")
			for _, st := range g.sessionStarts(lognorm(r, 3, 0.4), &profOffice, -4, g.start, g.end, 0.1) {
				run(a, st, func() string { return home.addr(r, st) })
			}
			continue
		}
		for _, st := range arrivals(r, g.start, g.end, g.vol(2)/0.54, func(t time.Time) float64 {
			if h := localHour(t, 0); h >= 10 && h < 23 {
				return 1
			}
			return 0
		}) {
			run(a, st, func() string { return ips.pick(r) })
		}
	}
}

// planCodingAgent: developers on news data desks using a popular
// open-source terminal coding agent: the tool's long system prompt and
// tool list are identical for every user.
func (g *gen) planCodingAgent() {
	r := g.r
	const sys = "You are Tern, an interactive CLI coding assistant. You help users with software engineering tasks in their local repository. Use the tools available to you to read files, search, edit and run commands. Before editing, read the relevant code. Make minimal, focused changes that follow the project's conventions. After changes, run the project's tests or linters if they exist. Be concise: answer in fewer than four lines unless the user asks for detail. Never commit changes unless the user explicitly asks you to. Never expose secrets or API keys. When you are unsure what the user wants, ask."
	tasksByLang := map[string][]string{
		"Python": {"the scraper for council minutes fails on the new PDF layout, can you fix parse.py", "add a --since flag to pipeline/run.py", "why is test_parse failing after the date change?", "write tests for normalize_name"},
		"JS":     {"the results table shows 12.35% instead of 12.4%, fix the formatter", "add a loading state to the results page", "the embed breaks on mobile safari, investigate", "refactor api.js to retry on 503"},
		"Go":     {"dedupe in feed.go keeps duplicates with different case, fix it", "add a metric for items skipped", "the ingest job panics on empty feeds", "make the store write in batches of 500"},
	}
	for i := range g.n(35, 4) {
		c := pick(r, cities[:16])
		d := dANT
		if r.IntN(4) == 0 {
			d = dOAI
		}
		cl := newNodeSDK(r, d, false)
		cl.extra = [][2]string{{"x-app", "tern"}}
		a := g.newAccount(acctName("coding_agent", i), cl, g.daysAgo(5, 500), false)
		home := newHomeLine(r, c.cc)
		office := officeBlock(r, officeTransit, 1)
		lang := pick(r, []string{"Python", "Python", "JS", "Go"})
		model := pick(r, []string{mFlag, mFlag, mThink})
		for _, st := range g.sessionStarts(lognorm(r, 2.5, 0.5), &profOffice, c.tz, g.start, g.end, 0.2) {
			ip := home.addr(r, st)
			if lh := localHour(st, c.tz); lh > 9 && lh < 18 && r.IntN(2) == 0 {
				ip = office.pick(r)
			}
			m := model
			if g.afterRelease(st, 3*time.Hour) && r.IntN(2) == 0 {
				m = mNew
			}
			think := d == dANT && r.IntN(3) == 0
			steps := codeSteps(r, d, lang, projFiles[lang], 4+r.IntN(9), think, "tern")
			base := chat{model: m, sys: sys, sysCache: true, tools: codingTools, maxTok: 8192, stream: true, usage: true}
			if think {
				base.think = 4000
				base.maxTok = 16000
			}
			first := pick(r, tasksByLang[lang])
			gap := func(s step) time.Duration {
				x := lognorm(r, 6, 0.6)
				if s.name == "bash" {
					x += 2 + r.ExpFloat64()*15
				}
				if s.name == "edit_file" && r.IntN(3) == 0 {
					x += 10 + r.ExpFloat64()*60 // the user approves the edit
				}
				return secs(x)
			}
			g.runTrajectory(st, a, cl, "coding_agent", func() string { return ip }, base, first, steps, gap)
		}
	}
}
