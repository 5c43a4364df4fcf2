package localize

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// i18n_ci: software companies whose CI runs a localisation agent on every
// merged pull request that touches the English strings: the agent lists
// the changed keys, reads the glossary, writes each locale file and runs
// the i18n linter, one tool call per request, from the CI provider's
// runners. Legitimate agentic traffic: tools, growing transcripts,
// machine pacing.

const i18nSystem = "You are the localisation agent of the {repo} repository. When English strings change, update every target locale " +
	"using the tools. Follow the glossary, keep ICU placeholders and HTML intact, and never change keys. Finish with a one-paragraph summary for the PR."

var i18nTools = []toolDef{
	{"list_changed_strings", "List the keys whose English source changed in this pull request.", []string{"pr", "Pull request number"}},
	{"get_glossary", "Return the product glossary for a locale.", []string{"locale", "BCP 47 locale"}},
	{"read_file", "Read a file of the repository.", []string{"path", "Path from the repository root"}},
	{"write_file", "Write a file of the repository.", []string{"path", "Path from the repository root", "content", "The whole new content"}},
	{"run_i18n_lint", "Run the i18n linter on the locale files.", []string{"paths", "Comma-separated paths"}},
}

type ciRepo struct {
	repo    string
	locales []string
	st      stack
	rate    float64
	tz      float64
}

var ciRepos = []ciRepo{
	{"finora/mobile-app", []string{"de", "fr", "es", "it", "pl"}, anthropicPy, 5, 1},
	{"viajaco/web", []string{"pt", "es", "fr", "de"}, openaiPy, 4, 0},
	{"starforge/game-client", []string{"ko", "ja", "zh", "en"}, anthropicPy, 3, 9},
}

// i18nRun builds the trajectory of one pull request.
func i18nRun(r *rand.Rand, repo ciRepo, pr int) *trajectory {
	tr := &trajectory{id: hexStr(r, 8), system: fill(i18nSystem, map[string]string{"repo": repo.repo}), tools: i18nTools}
	tr.task = fmt.Sprintf("PR #%d was merged into main and changes locales/en.json. Update the target locales: %s.", pr, strings.Join(repo.locales, ", "))
	idx := r.Perm(len(parallel))[:between(r, 2, 5)]
	changed := map[string]string{}
	keys := []string{}
	for n, i := range idx {
		k := fmt.Sprintf("%s.%s", pick(r, []string{"checkout", "orders", "account", "legal", "notifications", "health"}), []string{"title", "body", "hint", "cta", "notice"}[n%5])
		keys = append(keys, k)
		changed[k] = parallel[i]["en"]
	}
	tr.steps = append(tr.steps, toolStep{"", "list_changed_strings", O{{"pr", itoa(pr)}}, indentJSON(changed)})
	var paths []string
	for _, l := range repo.locales {
		loc := localeOf[l]
		tr.steps = append(tr.steps, toolStep{"", "get_glossary", O{{"locale", loc}}, "- " + strings.Join(glossary[l], "\n- ")})
		out := map[string]string{}
		for n, k := range keys {
			v, ok := parallel[idx[n]][l]
			if !ok {
				v = parallel[idx[n]]["en"]
			}
			out[k] = v
		}
		p := "locales/" + l + ".json"
		paths = append(paths, p)
		tr.steps = append(tr.steps, toolStep{"Updating " + loc + ".", "write_file", O{{"path", p}, {"content", indentJSON(out)}}, fmt.Sprintf("wrote %s (%d keys changed)", p, len(out))})
	}
	tr.steps = append(tr.steps, toolStep{"", "run_i18n_lint", O{{"paths", strings.Join(paths, ",")}}, "0 errors, 1 warning: " + paths[0] + ": '" + keys[0] + "' is longer than 120% of the source"})
	return tr
}

func planI18nCI(w *world) {
	r := w.r
	n := min(len(ciRepos), w.scale(len(ciRepos), 2))
	for i := 0; i < n; i++ {
		repo := ciRepos[i]
		cl := newClient(r, repo.st, "server", "")
		a := w.newAccount("i18n_ci", strings.ReplaceAll(repo.repo, "/", "-"), false, cl)
		pr := 4000 + r.IntN(3000)
		for _, t := range arrivals(r, w.start, w.end, repo.rate, repo.tz, &office) {
			pr += between(r, 1, 6)
			ip := cloudIP(r, pick(r, []string{"azure-we", "azure-we", "aws-iad"}))
			seed, thisPR := r.Uint64(), pr
			steps := len(i18nRun(rand.New(rand.NewPCG(seed, 1)), repo, thisPR).steps)
			at := t.Add(secs(20 + r.Float64()*40)) // the runner boots
			for k := 0; k <= steps; k++ {
				k := k
				w.add(at, a, ip, func(r *rand.Rand) request {
					tr := i18nRun(rand.New(rand.NewPCG(seed, 1)), repo, thisPR)
					if a.cl.dialect() == "anthropic" {
						o := anth(mFlag, 4096, tr.system, tr.anthropicMessages(k)...).Set("temperature", 0).Set("tools", tr.anthropicTools())
						return request{path: pMessages, body: o}
					}
					o := chat(mFlag, tr.openaiMessages(k)...).Set("temperature", 0).Set("tools", tr.openaiTools()).Set("parallel_tool_calls", false)
					return request{path: pChat, body: o}
				})
				at = at.Add(secs(logn(r, 6, 0.5)))
			}
		}
	}
}
