package creators

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---- naive: many accounts, one template, one stack, one range ----

func planNaive(g *gen) {
	r := g.rng("naive")
	ci := &classInfo{"naive", true}
	ips := blockIPs(r, "hetzner", 4)
	c := pyOpenAI(r, "1.54.4", "3.10.12", 0, false)
	n := g.count(100, 30)
	period := 4 * time.Minute
	for i := range n {
		a := g.newAccount(r, fmt.Sprintf("naive-%03d", i), false)
		ip := ips[i%len(ips)]
		for t := g.start.Add(time.Duration(i) * period / time.Duration(n)); t.Before(g.end); t = t.Add(period + uniformDur(r, 0, 10*time.Second) - 5*time.Second) {
			g.send(r, t, ci, a, ip, c, pChat, false, func(rr *rand.Rand) obj {
				u := "Write a " + pick(rr, genres) + " short story of about " + strconv.Itoa(wordsTarget(rr)) + " words about " + pick(rr, topics) + ", set in " + pick(rr, places) + ". First, think step by step about the plot, the characters and the themes, and write out your reasoning under the heading 'Reasoning:'. Then write the story under the heading 'Story:'."
				return chat(req{model: mGPT41, system: "You are a creative writing expert.", msgs: []msg{{"user", u}}, temp: 1, maxTok: 4096})
			})
		}
	}
}

// ---- varied creative tasks: what the disguised and low-and-slow
// operators ask for, worded a different way each time ----

func variedTask(r *rand.Rand) string {
	open := pick(r, []string{"", "", "", "hey, ", "Hi! ", "quick one: ", "ok so ", "Hello, could you help me? ", "I'm working on a project. ", "For my writing group: "})
	var task string
	switch r.IntN(6) {
	case 0:
		task = pick(r, []string{"write me a", "can you write a", "I need a", "please draft a", "could you put together a", "give me a"}) + " " + pick(r, tones) + " " + pick(r, genres) + " " + pick(r, []string{"story", "short story", "piece", "flash fiction", "vignette"}) + " " + pick(r, []string{"about", "on", "centred on", "exploring"}) + " " + pick(r, topics) + pick(r, []string{"", ", set in " + pick(r, places), " (around " + strconv.Itoa(wordsTarget(r)) + " words)"})
	case 1:
		task = pick(r, []string{"write a dialogue between", "I want a conversation between", "script a scene where", "can you do a back-and-forth between"}) + " " + pick(r, firstNames) + " and " + pick(r, firstNames) + " " + pick(r, []string{"about", "arguing over", "slowly realising", "negotiating"}) + " " + pick(r, topics) + pick(r, []string{"", ". make the voices really distinct", ". lots of subtext please", ", " + strconv.Itoa(between(r, 8, 30)) + " lines"})
	case 2:
		lang := pick(r, languages)
		task = pick(r, []string{"translate this into " + lang + ", keep the literary feel", "how would this read in " + lang + "? full translation please", lang + " version of this passage, as a literary translator would do it", "render this in natural " + lang}) + ":\n\n" + prose(r, between(r, 3, 8))
	case 3:
		task = pick(r, []string{"write a poem", "compose a poem", "I'd love a poem", "can I get a short poem"}) + " " + pick(r, []string{"about", "on"}) + " " + pick(r, feelings) + " and " + pick(r, weather) + pick(r, []string{"", ", free verse", ", in the manner of " + pick(r, authors), ", rhyming"})
	case 4:
		task = pick(r, []string{"continue this", "keep going with this story", "what happens next? write the next part", "pick up where this leaves off"}) + ":\n\n" + prose(r, between(r, 3, 7))
	default:
		task = pick(r, []string{"rewrite this scene", "redo this passage", "can you rework this"}) + " " + pick(r, []string{"in the style of " + pick(r, authors), "from the other character's point of view", "as a screenplay", "in second person"}) + ":\n\n" + prose(r, between(r, 3, 7))
	}
	think := ""
	switch r.IntN(10) {
	case 0, 1:
		think = pick(r, []string{" Before you write, walk me through your thinking step by step.", " Plan it out first and explain your reasoning, then give the final version.", " Show me how you'd approach it, then write it."})
	case 2:
		think = pick(r, []string{" Afterwards, explain the choices you made.", " Then tell me why you made those choices."})
	}
	tail := pick(r, []string{"", "", " thanks!", " :)", " Thank you.", " no preamble please"})
	s := open + task + think + tail
	if open == "" || strings.HasSuffix(open, ". ") || strings.HasSuffix(open, "! ") || strings.HasSuffix(open, "? ") || strings.HasSuffix(open, ": ") {
		s = open + strings.ToUpper(task[:1]) + task[1:] + think + tail
	}
	return typo(r, s)
}

// ---- disguised: the incident's shape, made to look like people ----

func planDisguised(g *gen) {
	r := g.rng("disguised")
	ci := &classInfo{"disguised", true}
	for i := range g.count(1200, 120) {
		reg := worldRegion(r)
		off := pick(r, reg.offsets)
		a := g.newAccount(r, fmt.Sprintf("disguised-%05d", i), r.IntN(2) == 0)
		var c *client
		switch weighted(r, 20, 10, 15, 25, 20, 10) {
		case 0:
			c = pyOpenAI(r, "", "", -1, false)
		case 1:
			c = nodeOpenAI(r, "", "", -1)
		case 2:
			c = pyAnthropic(r, "", "", -1, false)
		case 3: // the Go harvester wearing openai-python's headers
			c = pyOpenAI(r, "", "", -1, false)
			c.ja4 = ja4Go
		case 4: // the Go harvester wearing a browser's headers
			c = browser(r, reg.name, "", true)
			c.origin = pick(r, []string{"https://chat.example-writer.app", "http://localhost:3000", ""})
			c.ja4 = ja4Go
		default:
			c = curlClient(r, r.IntN(2) == 0)
		}
		models := []string{mSonnet, mOpus, mGPT41}
		stream := r.IntN(10) < 6
		for range 1 + poisson(r, 0.4) {
			t := drawTime(r, g.start, g.end, &consumerHour, off)
			ip := resiIP(r, reg) // a residential proxy exit, sticky for the session
			for range between(r, 2, 8) {
				path := dialectPath(r, c, 0.4)
				m := pick(r, models)
				if path == pAnthMs && m == mGPT41 {
					m = mSonnet
				}
				temp := pick(r, []float64{-1, 0.7, 0.8, 0.9, 1})
				mt := pick(r, []int{2048, 3000, 4096, 4000, 8192})
				fake := r.IntN(10) < 3
				g.send(r, t, ci, a, ip, c, path, stream, func(rr *rand.Rand) obj {
					var ms []msg
					if fake { // an invented earlier exchange, to look like a chat
						ms = append(ms, msg{"user", chatQuestion(rr)}, msg{"assistant", assistantReply(rr, between(rr, 2, 5))})
					}
					ms = append(ms, msg{"user", variedTask(rr)})
					return body(path, req{model: m, msgs: ms, maxTok: mt, temp: temp, stream: stream})
				})
				t = t.Add(latency(r, 900) + logn(r, 70*time.Second, 0.7))
			}
		}
	}
}

// ---- logprob: log-probability extraction ----

func planLogprob(g *gen) {
	r := g.rng("logprob")
	ci := &classInfo{"logprob", true}
	ips := blockIPs(r, "gcp", 8)
	c := pyOpenAI(r, "1.82.0", "3.11.9", 0, true)
	for i := range g.count(26, 8) {
		a := g.newAccount(r, fmt.Sprintf("logprob-%03d", i), true)
		ip := ips[i%len(ips)]
		for t := g.start.Add(uniformDur(r, 0, 40*time.Minute)); t.Before(g.end); t = t.Add(logn(r, 70*time.Minute, 0.3)) {
			at := t
			if r.IntN(4) == 0 { // score prompts with the legacy endpoint
				for range between(r, 20, 50) {
					g.send(r, at, ci, a, ip, c, pCompl, false, func(rr *rand.Rand) obj {
						return obj{{"model", mInstruct}, {"prompt", prose(rr, between(rr, 2, 6))}, {"echo", true}, {"logprobs", 5}, {"max_tokens", 0}, {"temperature", 0}}
					})
					at = at.Add(uniformDur(r, 700*time.Millisecond, 2500*time.Millisecond))
				}
				continue
			}
			// peel the distribution: one prefix, a growing suppression set
			for range between(r, 2, 4) {
				prefix := r.Uint64()
				steps := between(r, 8, 20)
				for k := range steps {
					g.send(r, at, ci, a, ip, c, pChat, false, func(*rand.Rand) obj {
						pr := rand.New(rand.NewPCG(prefix, 1))
						text := prose(pr, between(pr, 2, 5))
						text = text[:len(text)*2/3]
						bias := obj{}
						ids := rand.New(rand.NewPCG(prefix, 2))
						for range min(20*k, 240) {
							bias = bias.Set(strconv.Itoa(ids.IntN(200000)), -100)
						}
						o := obj{{"model", mGPT41m}, {"messages", arr{obj{{"role", "system"}, {"content", "Continue the text."}}, obj{{"role", "user"}, {"content", text}}}},
							{"max_tokens", 1}, {"temperature", 0}, {"logprobs", true}, {"top_logprobs", 20}}
						if len(bias) > 0 {
							o = o.Set("logit_bias", bias)
						}
						return o
					})
					at = at.Add(uniformDur(r, 600*time.Millisecond, 2*time.Second))
				}
			}
		}
	}
}

// ---- agentic: tool-use trajectories with invented tool results ----

type agentStep struct {
	tool string
	args obj
	out  string
	note string
}

func agentTask(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return "Translate and localise the short story in /work/story.md into " + pick(r, languages) + ". Write the result to /work/out/story.md and keep a glossary of names in /work/out/glossary.md. Check the word count before you submit."
	case 1:
		return "Adapt /work/source.txt into a " + strconv.Itoa(between(r, 3, 6)) + "-scene screenplay, one file per scene under /work/scenes/. Each scene must stay under 600 words; use word_count to check. Consult the style guide for formatting. Submit when done."
	}
	return "Edit the manuscript chapters in /work/ms/ so that character names and timelines are consistent, then write a changelog to /work/ms/CHANGES.md and submit a summary."
}

func agentSteps(r *rand.Rand, n int) []agentStep {
	steps := make([]agentStep, n)
	for k := range steps {
		var s agentStep
		switch {
		case k == 0:
			s = agentStep{"list_dir", obj{{"path", "/work"}}, "source.txt\nstory.md\nstyle_guide.md\nms/\nout/", "Let me look at the workspace first."}
		case k == 1:
			s = agentStep{"read_file", obj{{"path", pick(r, []string{"/work/story.md", "/work/source.txt", "/work/ms/chapter_0" + strconv.Itoa(between(r, 1, 9)) + ".md"})}}, prose(r, between(r, 4, 7)), "I'll read the source text."}
		case k == n-1:
			s = agentStep{"submit", obj{{"summary", prose(r, 2)}}, "submitted", "Everything is in place; submitting."}
		default:
			switch r.IntN(4) {
			case 0:
				s = agentStep{"search_style_guide", obj{{"query", pick(r, []string{"scene headings", "dialogue punctuation", "italics for foreign words", "numbers", "em dashes"})}}, prose(r, 2), "Checking the style guide."}
			case 1:
				s = agentStep{"word_count", obj{{"path", "/work/out/part" + strconv.Itoa(k) + ".md"}}, strconv.Itoa(between(r, 240, 780)) + " words", "Let me check the length."}
			default:
				s = agentStep{"write_file", obj{{"path", "/work/out/part" + strconv.Itoa(k) + ".md"}, {"content", prose(r, between(r, 4, 8))}}, "ok: wrote " + strconv.Itoa(between(r, 900, 4200)) + " bytes", "Now I'll write the next part."}
			}
		}
		steps[k] = s
	}
	return steps
}

func agentTools(anth bool) []tracefmt.Obj {
	return []tracefmt.Obj{
		fnTool(anth, "list_dir", "List the files in a directory of the workspace.", obj{{"path", strProp("Directory path")}}, "path"),
		fnTool(anth, "read_file", "Read a UTF-8 text file from the workspace.", obj{{"path", strProp("File path")}}, "path"),
		fnTool(anth, "write_file", "Write (overwrite) a text file in the workspace.", obj{{"path", strProp("File path")}, {"content", strProp("Full file content")}}, "path", "content"),
		fnTool(anth, "word_count", "Count the words of a file.", obj{{"path", strProp("File path")}}, "path"),
		fnTool(anth, "search_style_guide", "Search the house style guide.", obj{{"query", strProp("What to look up")}, {"limit", intProp("Maximum results")}}, "query"),
		fnTool(anth, "submit", "Finish the task with a summary of the work.", obj{{"summary", strProp("What was done")}}, "summary"),
	}
}

const agentSystem = "You are Quill, an autonomous writing agent working in a sandboxed workspace. Use the tools to inspect files, write drafts and check your work. Think carefully before each action. When the task is complete, call submit."

func planAgentic(g *gen) {
	r := g.rng("agentic")
	ci := &classInfo{"agentic", true}
	ac := pyAnthropic(r, "0.49.0", "3.12.3", 0, false)
	oc := pyOpenAI(r, "1.79.0", "3.12.3", 0, false)
	for i := range g.count(36, 8) {
		a := g.newAccount(r, fmt.Sprintf("agentic-%03d", i), true)
		anth := r.IntN(10) < 6
		c, path := oc, pChat
		if anth {
			c, path = ac, pAnthMs
		}
		ip := cloudIP(r, "aws")
		for t := g.start.Add(uniformDur(r, 0, 30*time.Minute)); t.Before(g.end); t = t.Add(logn(r, 40*time.Minute, 0.6)) {
			n := between(r, 5, 12)
			trajSeed, think := r.Uint64(), anth && r.IntN(2) == 0
			for k := range n {
				g.send(r, t, ci, a, ip, c, path, false, func(*rand.Rand) obj {
					tr := rand.New(rand.NewPCG(trajSeed, 0))
					task := agentTask(tr)
					steps := agentSteps(tr, n)
					return agentBody(anth, think, task, steps[:k], trajSeed)
				})
				t = t.Add(latency(r, 500) + uniformDur(r, 200*time.Millisecond, 3*time.Second))
			}
		}
	}
}

func agentBody(anth, think bool, task string, done []agentStep, seed uint64) obj {
	sr := rand.New(rand.NewPCG(seed, 3))
	ms := arr{obj{{"role", "user"}, {"content", task}}}
	for k, s := range done {
		id := fmt.Sprintf("%x", splitmix(seed+uint64(k)))
		if anth {
			var blocks arr
			if think {
				sig := make([]byte, 96)
				for j := range sig {
					sig[j] = byte(sr.IntN(256))
				}
				blocks = append(blocks, obj{{"type", "thinking"}, {"thinking", s.note + " " + prose(sr, 2)}, {"signature", base64.StdEncoding.EncodeToString(sig)}})
			}
			blocks = append(blocks, obj{{"type", "text"}, {"text", s.note}}, obj{{"type", "tool_use"}, {"id", "toolu_01" + id}, {"name", s.tool}, {"input", s.args}})
			ms = append(ms, obj{{"role", "assistant"}, {"content", blocks}},
				obj{{"role", "user"}, {"content", arr{obj{{"type", "tool_result"}, {"tool_use_id", "toolu_01" + id}, {"content", s.out}}}}})
			continue
		}
		args := string(tracefmt.Encoder{}.Marshal(s.args))
		ms = append(ms, obj{{"role", "assistant"}, {"content", s.note}, {"tool_calls", arr{obj{{"id", "call_" + id}, {"type", "function"}, {"function", obj{{"name", s.tool}, {"arguments", args}}}}}}},
			obj{{"role", "tool"}, {"tool_call_id", "call_" + id}, {"content", s.out}})
	}
	if anth {
		o := obj{{"model", mSonnet}, {"max_tokens", 4096}, {"system", agentSystem}, {"messages", ms}, {"tools", agentTools(true)}}
		if think {
			o[1].Value = 8192
			o = o.Set("thinking", obj{{"type", "enabled"}, {"budget_tokens", 2048}})
		}
		return o
	}
	all := append(arr{obj{{"role", "system"}, {"content", agentSystem}}}, ms...)
	return obj{{"model", mGPT41}, {"messages", all}, {"tools", agentTools(false)}, {"tool_choice", "auto"}, {"temperature", 0.2}, {"max_tokens", 4096}}
}

// ---- churn: short-lived accounts replaced as they die ----

func planChurn(g *gen) {
	r := g.rng("churn")
	ci := &classInfo{"churn", true}
	c := nodeOpenAI(r, "4.104.0", "v22.15.0", 0)
	id := 0
	for range g.count(12, 4) {
		for t := g.start.Add(uniformDur(r, 0, 10*time.Minute)); t.Before(g.end); t = t.Add(uniformDur(r, 5*time.Second, 3*time.Minute)) {
			a := g.newAccount(r, fmt.Sprintf("churn-%04d", id), false)
			id++
			ip := cloudIP(r, pick(r, []string{"vultr", "do", "vultr", "ovh"}))
			for range between(r, 15, 45) {
				g.send(r, t, ci, a, ip, c, pChat, false, func(rr *rand.Rand) obj {
					u := "Write a natural conversation between " + pick(rr, firstNames) + " (" + pick(rr, personaRoles) + ") and " + pick(rr, firstNames) + " (" + pick(rr, personaRoles) + ") about " + pick(rr, topics) + ". " + strconv.Itoa(between(rr, 10, 24)) + " exchanges. Format each line as NAME: text. Make the voices distinct."
					if rr.IntN(3) == 0 {
						u += " After the dialogue, explain the subtext of each line."
					}
					return chat(req{model: mSonnet, msgs: []msg{{"user", u}}, temp: 0.9, maxTok: 3000})
				})
				t = t.Add(latency(r, 1200) + logn(r, 25*time.Second, 0.3))
			}
		}
	}
}

// ---- pivot: moves to the new model soon after its release ----

func planPivot(g *gen) {
	r := g.rng("pivot")
	ci := &classInfo{"pivot", true}
	c := pyAnthropic(r, "0.52.0", "3.12.3", 0, true)
	rollout := g.release.Add(25 * time.Minute)
	for i := range g.count(70, 20) {
		a := g.newAccount(r, fmt.Sprintf("pivot-%03d", i), false)
		ip := cloudIP(r, pick(r, []string{"ovh", "hetzner"}))
		switchAt := rollout.Add(uniformDur(r, 0, 12*time.Minute))
		for t := g.start.Add(uniformDur(r, 0, 8*time.Minute)); t.Before(g.end); {
			m, period := mSonnet, logn(r, 450*time.Second, 0.25)
			if t.After(switchAt) {
				m, period = newModel, period*7/10
			}
			g.send(r, t, ci, a, ip, c, pAnthMs, false, func(rr *rand.Rand) obj {
				var u string
				switch rr.IntN(3) {
				case 0:
					u = "Plan and then write a " + pick(rr, genres) + " short story about " + pick(rr, topics) + ". Reason carefully about structure, character arcs and imagery before writing."
				case 1:
					u = "Write a " + pick(rr, tones) + " poem about " + pick(rr, feelings) + " in " + pick(rr, places) + ". Consider several forms and pick the best before writing."
				default:
					u = "Write a scene of dialogue between " + pick(rr, firstNames) + " and " + pick(rr, firstNames) + " about " + pick(rr, topics) + ". Think through what each character wants and hides before you write."
				}
				return messages(req{model: m, msgs: []msg{{"user", u}}, maxTok: 8000, thinking: 4000})
			})
			t = t.Add(period)
		}
	}
}

// ---- low_slow: established-looking accounts, a few requests an hour ----

func planLowSlow(g *gen) {
	r := g.rng("low_slow")
	ci := &classInfo{"low_slow", true}
	for i := range g.count(220, 40) {
		reg := worldRegion(r)
		off := pick(r, reg.offsets)
		a := g.newAccount(r, fmt.Sprintf("low_slow-%04d", i), false)
		c, stream := chatClient(r, reg)
		ip := resiIP(r, reg)
		path := dialectPath(r, c, 0.35)
		model := pick(r, []string{mSonnet, mOpus, mGPT41})
		if path == pAnthMs && model == mGPT41 {
			model = mSonnet
		}
		rate := 2 + 2*r.Float64() // requests per hour
		for t := g.start.Add(expo(r, time.Duration(float64(time.Hour)/rate))); t.Before(g.end); t = t.Add(expo(r, time.Duration(float64(time.Hour)/rate))) {
			if r.Float64() > 0.6+0.4*hourCurve(&consumerHour, t, off) {
				continue
			}
			g.send(r, t, ci, a, ip, c, path, stream, func(rr *rand.Rand) obj {
				return body(path, req{model: model, msgs: []msg{{"user", variedTask(rr)}}, maxTok: 4096, temp: pick(rr, []float64{-1, 0.8, 1}), stream: stream})
			})
		}
	}
}
