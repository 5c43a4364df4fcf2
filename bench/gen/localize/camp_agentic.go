package localize

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// agentic: an operator harvesting agentic tool-use trajectories to train
// its own coding agent. It runs synthetic localisation and engineering
// tasks against sandboxes it fabricates (directory listings, source
// files, test runs), one tool call per request, the transcript growing at
// every step, task after task, on accounts that post from rented servers
// and a few proxy exits. Tasks are written in English and, for
// multilingual data, in Chinese, Japanese, Korean and Spanish.

const agenticSystem = "You are an expert autonomous software engineer working in a Linux sandbox with the repository checked out at /workspace. " +
	"Use the tools to explore, edit and test. Think before each action and explain briefly what you are doing. " +
	"Make minimal, correct changes; run the tests before you submit."

var agenticTools = []toolDef{
	{"bash", "Run a shell command in the sandbox and return stdout and stderr.", []string{"command", "The command to run"}},
	{"read_file", "Read a file.", []string{"path", "Absolute path"}},
	{"edit_file", "Replace one exact occurrence of old_str by new_str in a file.", []string{"path", "Absolute path", "old_str", "Text to replace", "new_str", "Replacement"}},
	{"search", "Search the repository with ripgrep.", []string{"pattern", "Regular expression"}},
	{"submit", "Finish the task with a summary of the change.", []string{"summary", "What was changed and why"}},
}

type agentRepo struct{ name, lang, file, code string }

var agentRepos = []agentRepo{
	{"django-shop", "python", "shop/views.py", "from django.shortcuts import render\n\ndef cart(request):\n    items = request.session.get('cart', [])\n    msg = 'Your cart is empty' if not items else f'{len(items)} items in your cart'\n    return render(request, 'cart.html', {'msg': msg, 'items': items})\n"},
	{"rn-travel-app", "typescript", "src/screens/Booking.tsx", "export function Booking({ nights }: Props) {\n  return (\n    <View>\n      <Text>Book now</Text>\n      <Text>{nights} nights</Text>\n    </View>\n  );\n}\n"},
	{"go-invoice-cli", "go", "cmd/invoice/main.go", "func printTotal(total float64) {\n\tfmt.Printf(\"Total: $%.2f\\n\", total)\n\tfmt.Println(\"Due date:\", time.Now().AddDate(0, 0, 30).Format(\"01/02/2006\"))\n}\n"},
	{"flask-clinic-api", "python", "app/messages.py", "REMINDER = 'Your appointment is on {date} at {time}. Reply C to cancel.'\n\ndef reminder(appt):\n    return REMINDER.format(date=appt.date.strftime('%m/%d/%Y'), time=appt.time)\n"},
	{"android-notes", "kotlin", "app/src/main/java/notes/NoteAdapter.kt", "holder.count.text = \"${note.words} words\"\nholder.date.text = SimpleDateFormat(\"MM/dd/yyyy\").format(note.updated)\n"},
	{"vue-store", "javascript", "src/components/Price.vue", "<template>\n  <span>{{ '$' + price.toFixed(2) }}</span>\n</template>\n"},
}

var agentTasks = []string{
	"Add {locale} support to the {repo} project: extract the hard-coded user-facing strings in {file} into the i18n catalogue, add a {locale} translation, and make number and date formatting locale-aware. Tests must pass.",
	"Users in {locale} report that plurals are wrong (\"1 items\"). Fix pluralisation in {file} using proper plural rules and add tests.",
	"Make {file} in {repo} format dates and currency according to the user's locale instead of US formats. Add tests for {locale}.",
	"Add right-to-left layout support for Arabic to {repo}, starting with {file}, and make sure mirrored icons are handled.",
	"为 {repo} 项目添加 {locale} 本地化支持：把 {file} 中写死的界面文字提取到翻译文件里，并确保测试通过。",
	"{repo} の {file} にハードコードされた文字列を抽出し、{locale} の翻訳を追加してください。日付と通貨の書式もロケールに合わせてください。",
	"{repo} 프로젝트의 {file}에서 하드코딩된 문자열을 번역 파일로 옮기고 {locale} 번역을 추가하세요. 테스트가 통과해야 합니다.",
	"Añade soporte para {locale} en {repo}: extrae los textos de {file} al catálogo de traducciones y corrige el formato de fechas y moneda.",
}

// agenticRun fabricates one task and its sandbox.
func agenticRun(r *rand.Rand) *trajectory {
	repo := pick(r, agentRepos)
	locale := pick(r, []string{"de-DE", "ja-JP", "pt-BR", "ar-SA", "ko-KR", "fr-FR", "es-MX", "zh-CN", "pl-PL", "tr-TR"})
	tr := &trajectory{id: hexStr(r, 10), system: agenticSystem, tools: agenticTools}
	tr.task = fill(pick(r, agentTasks), map[string]string{"locale": locale, "repo": repo.name, "file": repo.file})
	root := "/workspace/" + repo.name
	tr.steps = append(tr.steps,
		toolStep{"Let me look at the layout of the repository first.", "bash", O{{"command", "cd " + root + " && git ls-files | head -40"}},
			lines("README.md", repo.file, "locales/en.json", "tests/test_i18n."+map[string]string{"python": "py", "go": "go", "kotlin": "kt", "typescript": "ts", "javascript": "js"}[repo.lang], "package.json", "Makefile")},
		toolStep{"Now the file with the strings.", "read_file", O{{"path", root + "/" + repo.file}}, repo.code},
		toolStep{"How are translations loaded today?", "search", O{{"pattern", "gettext|i18n|t\\(|Locale"}}, fmt.Sprintf("%s/locales/en.json:1:{\n%s:3:import i18n from './i18n'", root, root+"/src/index")},
		toolStep{"", "read_file", O{{"path", root + "/locales/en.json"}}, `{"cart.empty": "Your cart is empty", "cart.count": "{count} items in your cart"}`},
	)
	edits := between(r, 1, 4)
	for e := 0; e < edits; e++ {
		tr.steps = append(tr.steps, toolStep{"I'll replace the hard-coded text with a catalogue lookup.", "edit_file",
			O{{"path", root + "/" + repo.file}, {"old_str", strings.SplitN(repo.code, "\n", 3)[min(e, 1)]}, {"new_str", "// i18n: " + locale + "\n" + strings.SplitN(repo.code, "\n", 3)[min(e, 1)]}},
			"The file " + root + "/" + repo.file + " has been edited."})
	}
	tr.steps = append(tr.steps, toolStep{"Let me run the tests.", "bash", O{{"command", "cd " + root + " && make test"}},
		"FAILED tests/test_i18n::test_" + strings.ReplaceAll(strings.ToLower(locale), "-", "_") + "_plural - AssertionError: expected '1 Artikel' got '1 items'\n1 failed, 23 passed in 2.41s"})
	tr.steps = append(tr.steps, toolStep{"The plural rule is missing; adding it.", "edit_file",
		O{{"path", root + "/locales/" + locale + ".json"}, {"old_str", "{"}, {"new_str", "{\n  \"cart.count\": \"{count, plural, one {# Artikel} other {# Artikel}}\","}}, "Edited."})
	tr.steps = append(tr.steps, toolStep{"", "bash", O{{"command", "cd " + root + " && make test"}}, "24 passed in 2.37s"})
	tr.steps = append(tr.steps, toolStep{"", "submit", O{{"summary", "Extracted strings, added " + locale + " catalogue with plural rules, locale-aware formatting; tests pass."}}, "Submitted."})
	return tr
}

func planAgentic(w *world) {
	r := w.r
	// many accounts, each running a task or two a day so as to stay near
	// the volume of an ordinary user; within a task the steps follow one
	// another as fast as the model answers
	n := w.scale(320, 8)
	for i := 0; i < n; i++ {
		openai := chance(r, 0.3)
		st := anthropicPy
		if openai {
			st = openaiPy
		}
		cl := newClient(r, st, "server", "")
		cl.async = true
		a := w.newAccount("agentic", "ag"+itoa(i+1), true, cl)
		ip := cloudIP(r, "hetzner")
		if chance(r, 0.2) {
			ip = homeV4(r, countries[pick(r, []string{"US", "DE", "JP", "GB"})])
		}
		model := pick(r, []string{mFlag, mThink})
		// one to three tasks in six hours; fewer in a shorter window
		runs := 1 + pickW(r, []float64{0.55, 0.3, 0.15})
		for run := 0; run < runs; run++ {
			if !chance(r, w.cfg.Duration.Hours()/6) {
				continue
			}
			t := w.at(r.Float64() * 0.97)
			seed := r.Uint64()
			steps := len(agenticRun(rand.New(rand.NewPCG(seed, 1))).steps)
			for k := 0; k < steps; k++ {
				k := k
				w.add(t, a, ip, func(r *rand.Rand) request {
					tr := agenticRun(rand.New(rand.NewPCG(seed, 1)))
					if openai {
						return request{path: pChat, body: chat(model, tr.openaiMessages(k)...).Set("tools", tr.openaiTools()).Set("tool_choice", "auto").Set("temperature", 0.2)}
					}
					o := anth(model, 8192, tr.system, tr.anthropicMessages(k)...).Set("tools", tr.anthropicTools())
					if model == mThink {
						// thinking between tool calls
						o = o.Set("thinking", O{{"type", "enabled"}, {"budget_tokens", 4096}})
						return request{path: pMessages, body: o, beta: "interleaved-thinking-2025-05-14"}
					}
					return request{path: pMessages, body: o.Set("temperature", 0.2)}
				})
				t = t.Add(secs(logn(r, 11, 0.5)))
			}
		}
	}
}
