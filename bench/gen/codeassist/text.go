package codeassist

import (
	"fmt"
	"strings"
)

// --- vocabulary -------------------------------------------------------------

var (
	langs      = []string{"Python", "TypeScript", "Go", "Rust", "Java", "JavaScript", "C++", "Kotlin", "C#", "Ruby"}
	langWeight = []float64{30, 24, 14, 8, 7, 7, 4, 2, 2, 2}

	modules = []string{"auth", "billing", "cache", "config", "handlers", "models", "parser", "router", "scheduler", "storage",
		"utils", "worker", "api", "client", "db", "events", "metrics", "middleware", "notifications", "payments", "search",
		"session", "sync", "upload", "users", "webhooks", "queue", "export", "importer", "ratelimit", "settings", "invoices"}
	nouns = []string{"user", "order", "invoice", "session", "token", "job", "task", "event", "record", "item", "account",
		"message", "file", "report", "batch", "config", "request", "payload", "entry", "node", "edge", "chunk", "ticket", "cart"}
	verbs = []string{"load", "parse", "validate", "fetch", "sync", "build", "render", "update", "resolve", "merge",
		"normalize", "encode", "decode", "compute", "schedule", "flush", "retry", "dispatch", "serialize", "filter"}
	projects = []string{"ledgerline", "quill", "harbor-api", "tinyqueue", "pixelpost", "stacksmith", "gradebook", "shipyard",
		"fernweh", "orbit-cli", "mealplanner", "kvstash", "trailhead", "pantry", "nightjar", "relay-bot", "moss", "papertrail",
		"sprout", "tallyho", "canopy", "driftwood", "beacon", "lintel", "quokka", "homelab-dash", "saltbox", "brightline"}
	deps = []string{"pydantic", "sqlalchemy", "fastapi", "react", "next", "vite", "prisma", "zod", "tokio", "serde", "axum",
		"gin", "pgx", "express", "jest", "vitest", "pytest", "numpy", "pandas", "django", "spring-boot", "webpack", "eslint", "typescript"}
	errorsSeen = []string{"TypeError: Cannot read properties of undefined (reading 'map')", "KeyError: 'user_id'",
		"panic: runtime error: invalid memory address or nil pointer dereference", "AttributeError: 'NoneType' object has no attribute 'get'",
		"error[E0502]: cannot borrow `self.items` as mutable because it is also borrowed as immutable",
		"sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint",
		"ReferenceError: window is not defined", "fatal error: all goroutines are asleep - deadlock!",
		"java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null",
		"ValueError: too many values to unpack (expected 2)", "Error: connect ECONNREFUSED 127.0.0.1:5432",
		"TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.",
		"RuntimeError: Event loop is closed", "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value'",
		"ModuleNotFoundError: No module named 'app.core'", "Hydration failed because the initial UI does not match what was rendered on the server"}
	// Topics of short function-writing tasks; a task is a topic with a twist.
	fnTopics = []string{
		"merges overlapping intervals", "parses an ISO 8601 duration into seconds", "computes the longest common subsequence of two strings",
		"finds the k most frequent words in a text", "validates a Luhn checksum", "flattens a nested dictionary with dotted keys",
		"implements an LRU cache with O(1) get and put", "converts a Roman numeral to an integer", "detects a cycle in a directed graph",
		"returns the median of a stream of integers", "tokenizes an arithmetic expression", "evaluates a postfix expression",
		"computes the edit distance between two strings", "groups anagrams from a list of words", "serializes a binary tree to a string",
		"checks whether a Sudoku board is valid", "finds the shortest path in a weighted grid", "rate-limits calls with a token bucket",
		"chunks a list into batches of n", "deduplicates records by a composite key", "computes a rolling average over a window",
		"parses a CSV line with quoted fields", "generates all permutations of a string", "topologically sorts a dependency map",
		"merges k sorted lists", "finds the longest palindromic substring", "implements binary search on a rotated array",
		"counts islands in a 0/1 matrix", "implements a trie with prefix search", "computes the next lexicographic permutation",
		"retries a function with exponential backoff and jitter", "parses semantic version strings and compares them",
		"converts snake_case keys to camelCase recursively", "finds all pairs that sum to a target", "compresses a string with run-length encoding",
		"schedules meetings into the minimum number of rooms", "implements a min-heap", "validates balanced brackets",
		"computes the maximum subarray sum", "builds a histogram of values into n buckets", "renders a table of rows as Markdown",
		"debounces a callback", "implements consistent hashing with virtual nodes", "splits a string into words respecting quotes",
		"computes the day of the week for a date", "finds the lowest common ancestor in a binary tree", "solves the 0/1 knapsack problem",
		"implements Dijkstra's algorithm", "detects whether two rectangles overlap", "rotates a matrix 90 degrees in place",
	}
	fnTwists = []string{"", " in O(n log n) time", " without using the standard library's helpers", " and handles empty input",
		" using only constant extra space", " with clear type annotations", " and raises a clear error on invalid input",
		" iteratively rather than recursively", " for very large inputs", " and is safe to call from multiple threads"}
)

func (r *rng) lang() string { return langs[r.weighted(langWeight...)] }

func ext(lang string) string {
	switch lang {
	case "Python":
		return ".py"
	case "TypeScript":
		return ".ts"
	case "Go":
		return ".go"
	case "Rust":
		return ".rs"
	case "Java":
		return ".java"
	case "JavaScript":
		return ".js"
	case "C++":
		return ".cpp"
	case "Kotlin":
		return ".kt"
	case "C#":
		return ".cs"
	}
	return ".rb"
}

func fence(lang string) string {
	switch lang {
	case "C++":
		return "cpp"
	case "C#":
		return "csharp"
	}
	return strings.ToLower(lang)
}

func camel(a, b string) string { return a + strings.ToUpper(b[:1]) + b[1:] }

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// fnName returns a function name in the language's style.
func (r *rng) fnName(lang string) string {
	v, n := r.pick(verbs), r.pick(nouns)
	switch lang {
	case "Python", "Rust", "Ruby":
		return v + "_" + n
	case "Go", "C#":
		return title(v) + title(n)
	}
	return camel(v, n)
}

// snippet returns a plausible function of 6 to 20 lines in lang.
func (r *rng) snippet(lang string) string {
	f, n, m := r.fnName(lang), r.pick(nouns), r.pick(modules)
	var b strings.Builder
	switch lang {
	case "Python":
		fmt.Fprintf(&b, "def %s(%ss, *, limit=None):\n    \"\"\"%s the %ss for %s.\"\"\"\n    out = []\n", f, n, title(r.pick(verbs)), n, m)
		fmt.Fprintf(&b, "    for %s in %ss:\n        if %s is None or not %s.get(\"id\"):\n            continue\n", n, n, n, n)
		fmt.Fprintf(&b, "        out.append(%s(%s))\n        if limit and len(out) >= limit:\n            break\n    return out\n", r.fnName(lang), n)
	case "Go":
		fmt.Fprintf(&b, "func (s *%sService) %s(ctx context.Context, id string) (*%s, error) {\n", title(m), f, title(n))
		fmt.Fprintf(&b, "\t%s, err := s.store.Get%s(ctx, id)\n\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"%s %%s: %%w\", id, err)\n\t}\n", n, title(n), strings.ToLower(f))
		fmt.Fprintf(&b, "\tif %s.DeletedAt != nil {\n\t\treturn nil, ErrNotFound\n\t}\n\treturn %s, nil\n}\n", n, n)
	case "Rust":
		fmt.Fprintf(&b, "pub fn %s(%ss: &[%s], limit: usize) -> Result<Vec<%s>, %sError> {\n", f, n, title(n), title(n), title(m))
		fmt.Fprintf(&b, "    let mut out = Vec::with_capacity(limit);\n    for %s in %ss.iter().filter(|x| x.active) {\n", n, n)
		fmt.Fprintf(&b, "        out.push(%s.clone());\n        if out.len() == limit {\n            break;\n        }\n    }\n    Ok(out)\n}\n", n)
	case "Java", "Kotlin", "C#":
		fmt.Fprintf(&b, "public List<%s> %s(List<%s> %ss) {\n    List<%s> result = new ArrayList<>();\n", title(n), f, title(n), n, title(n))
		fmt.Fprintf(&b, "    for (%s %s : %ss) {\n        if (%s.isActive()) {\n            result.add(%sMapper.map(%s));\n        }\n    }\n    return result;\n}\n", title(n), n, n, n, m, n)
	default: // TypeScript, JavaScript, C++, Ruby: written TS-like
		fmt.Fprintf(&b, "export async function %s(%ss: %s[], opts: { limit?: number } = {}) {\n", f, n, title(n))
		fmt.Fprintf(&b, "  const out: %s[] = [];\n  for (const %s of %ss) {\n    if (!%s?.id) continue;\n", title(n), n, n, n)
		fmt.Fprintf(&b, "    out.push(await %s(%s));\n    if (opts.limit && out.length >= opts.limit) break;\n  }\n  return out;\n}\n", r.fnName(lang), n)
	}
	return b.String()
}

// numbered returns code as a file viewer shows it, lines numbered from
// first.
func numbered(code string, first int) string {
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimRight(code, "\n"), "\n") {
		fmt.Fprintf(&b, "%6d\t%s\n", first+i, l)
	}
	return b.String()
}

// fnTask returns a short function-writing task.
func (r *rng) fnTask() string { return r.pick(fnTopics) + r.pick(fnTwists) }

// --- projects -------------------------------------------------------------

// project is a developer's repository, the subject of an agent session.
type project struct {
	name, lang string
	files      []string
}

func (r *rng) project() *project {
	p := &project{name: r.pick(projects), lang: r.lang()}
	dirs := map[string][]string{
		"Python": {"src/" + p.name, "tests", "scripts"}, "Go": {"internal", "cmd/" + p.name, "pkg"},
		"Rust": {"src", "tests", "benches"}, "TypeScript": {"src", "src/lib", "tests"},
	}[p.lang]
	if dirs == nil {
		dirs = []string{"src", "lib", "test"}
	}
	for range r.between(6, 14) {
		p.files = append(p.files, r.pick(dirs)+"/"+r.pick(modules)+ext(p.lang))
	}
	return p
}

func (p *project) file(r *rng) string { return p.files[r.IntN(len(p.files))] }

// devAsk is what a developer types into the terminal agent about their own
// repository: short, specific, often lowercase, sometimes with a typo.
func (r *rng) devAsk(p *project) string {
	f, m, d := p.file(r), r.pick(modules), r.pick(deps)
	asks := []string{
		fmt.Sprintf("the %s tests started failing after i bumped %s, can you figure out why", m, d),
		fmt.Sprintf("add a --dry-run flag to the %s command that prints what it would do without writing anything", m),
		fmt.Sprintf("refactor %s so the retry logic lives in one place", f),
		fmt.Sprintf("getting this when I run it locally:\n\n%s\n\nany idea?", r.pick(errorsSeen)),
		fmt.Sprintf("write unit tests for %s, cover the error paths too", f),
		fmt.Sprintf("rename %s to %s everywhere and update the imports", r.fnName(p.lang), r.fnName(p.lang)),
		fmt.Sprintf("can you explain how %s works? i inherited this code", f),
		fmt.Sprintf("fix the lint errors in %s", f),
		fmt.Sprintf("the %s endpoint is slow with big accounts, profile it and suggest a fix", m),
		fmt.Sprintf("migrate %s from callbacks to async/await", f),
		fmt.Sprintf("add pagination to the %s list endpoint (cursor based, default 50)", m),
		fmt.Sprintf("update the README with setup instructions for %s", d),
		fmt.Sprintf("there's a race in %s when two workers pick the same job. fix it", f),
		fmt.Sprintf("make the %s config loadable from env vars as well as the yaml file", m),
		"commit this with a good message",
		"run the tests and fix whatever fails",
		fmt.Sprintf("why is %s importing %s? looks circular", f, p.file(r)),
		fmt.Sprintf("add structured logging to %s, we use slog/structlog style key=value", m),
		fmt.Sprintf("the CI job fails on %s but passes locally. here's the log:\n%s", f, r.pick(errorsSeen)),
	}
	s := r.pick(asks)
	if r.chance(0.1) {
		s = strings.Replace(s, "the ", "teh ", 1)
	}
	return s
}

// followUp is what a developer says after the agent's first answer.
func (r *rng) followUp() string {
	return r.pick([]string{"ok do it", "looks good, go ahead", "no, keep the old behaviour for the default case",
		"can you also add a test for that", "run the tests again", "hmm that broke the build, check again",
		"perfect. now commit", "use the existing helper instead of writing a new one", "revert the change to the config file",
		"what about windows paths?", "yes", "also update the changelog", "simplify it, that's too much code"})
}

// --- SWE-style issues -----------------------------------------------------

var issueRepos = []string{"django/django", "psf/requests", "sympy/sympy", "pallets/flask", "scikit-learn/scikit-learn",
	"pytest-dev/pytest", "sphinx-doc/sphinx", "matplotlib/matplotlib", "pydata/xarray", "astropy/astropy", "pylint-dev/pylint",
	"encode/httpx", "tiangolo/fastapi", "pandas-dev/pandas", "marshmallow-code/marshmallow", "getmoto/moto", "python/mypy",
	"expressjs/express", "vercel/next.js", "gin-gonic/gin", "tokio-rs/axum", "spf13/cobra", "prisma/prisma", "vitejs/vite"}

// issue returns a GitHub issue: repository, title and body.
func (r *rng) issue() (repo, head, body string) {
	repo = r.pick(issueRepos)
	f, n := r.fnName("Python"), r.pick(nouns)
	heads := []string{
		fmt.Sprintf("%s raises %s when %s is empty", f, r.pick([]string{"TypeError", "KeyError", "IndexError", "ValueError"}), n),
		fmt.Sprintf("Regression: %s ignores the timeout argument", f),
		fmt.Sprintf("%s returns wrong result for negative %ss", f, n),
		fmt.Sprintf("Unicode %s names are not escaped in %s output", n, r.pick(modules)),
		fmt.Sprintf("Deprecation warning from %s on every import", r.pick(modules)),
		fmt.Sprintf("%s is not thread-safe when called concurrently", f),
		fmt.Sprintf("Incorrect %s ordering after %s", n, f),
	}
	head = r.pick(heads)
	body = fmt.Sprintf("### Description\n\nWhen calling `%s` with %s the result is wrong.\n\n### Steps to reproduce\n\n```python\nfrom %s import %s\n%s(%s)\n```\n\n### Expected\n\nNo error and the %ss in input order.\n\n### Actual\n\n```\n%s\n```\n\n### Version\n\n%d.%d.%d",
		f, r.pick([]string{"an empty list", "a None value", "a large input", "unicode keys", "duplicate keys", "a timezone-aware datetime"}),
		strings.Split(repo, "/")[1], f, f, r.pick([]string{"[]", "None", "{\"ä\": 1}", "data, timeout=0.5", "items[::-1]"}),
		n, r.pick(errorsSeen), r.between(0, 5), r.between(0, 30), r.between(0, 9))
	return repo, head, body
}

// --- chat -------------------------------------------------------------------

// chatQuestion is a programming question a person asks a chat app.
func (r *rng) chatQuestion() string {
	l := r.lang()
	qs := []string{
		fmt.Sprintf("whats the difference between %s and %s in %s", r.pick([]string{"a list", "an array", "a slice", "a map"}), r.pick([]string{"a tuple", "a set", "a vector", "a dict"}), l),
		fmt.Sprintf("How do I %s a %s in %s without blocking the main thread?", r.pick(verbs), r.pick(nouns), l),
		fmt.Sprintf("Can you review this?\n\n```%s\n%s```", fence(l), r.snippet(l)),
		fmt.Sprintf("I keep getting `%s`. What does it mean?", r.pick(errorsSeen)),
		fmt.Sprintf("explain %s like I'm new to programming", r.pick([]string{"closures", "async/await", "dependency injection", "big O notation", "recursion", "generics", "ownership and borrowing", "database indexes", "CORS"})),
		fmt.Sprintf("write a regex that matches %s", r.pick([]string{"email addresses", "US phone numbers", "semver tags", "ISO dates", "hex colors"})),
		fmt.Sprintf("is %s or %s better for a small side project?", r.pick(deps), r.pick(deps)),
		fmt.Sprintf("Write a %s function that %s.", l, r.fnTask()),
		fmt.Sprintf("how should i structure a %s project with %s", l, r.pick(deps)),
		fmt.Sprintf("Convert this to %s:\n\n```%s\n%s```", r.lang(), fence(l), r.snippet(l)),
		"can you write a SQL query that gets the top 5 customers by revenue per month",
		"what's a good git workflow for a team of 4",
		fmt.Sprintf("my docker build takes forever because of %s, how do i cache it", r.pick(deps)),
	}
	return r.pick(qs)
}

// chatReply is an assistant's earlier answer as a chat app re-sends it.
func (r *rng) chatReply() string {
	l := r.lang()
	return r.pick([]string{
		"Good question! The short answer is that it depends on how often you read versus write.",
		fmt.Sprintf("Here's one way to do it:\n\n```%s\n%s```\n\nThis keeps the loop simple and returns early on bad input.", fence(l), r.snippet(l)),
		"The error means the value is missing at that point. Check where it is assigned and whether that code path runs first.",
		"There are three common approaches; for a small project the simplest one is usually best.",
	})
}
