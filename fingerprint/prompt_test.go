package fingerprint_test

import (
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

func user(texts ...string) *fingerprint.Request {
	r := &fingerprint.Request{}
	for _, t := range texts {
		r.Turns = append(r.Turns, fingerprint.Turn{Role: fingerprint.RoleUser, Text: []byte(t)})
	}
	return r
}

func TestTemplate(t *testing.T) {
	t.Parallel()
	h := fingerprint.New(fingerprint.Config{Seed: 7})
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		// One template, different fills.
		{"topic", "Explain photosynthesis step by step.", "Explain the French Revolution step by step.", true},
		{"number", "Give me 5 ideas for a project about dark matter.", "Give me 12 ideas for a project about game theory.", true},
		{"quoted", `Summarize the following text in 3 sentences: "The fox jumps."`, `Summarize the following text in 7 sentences: "Revenue grew by 12%, said the CFO."`, true},
		{"name", "Write an email to Marie Curie about inflation.", "Write an email to Mr. Okafor about black holes.", true},
		{"code block", "Fix the bug:\n```\nx := 1\n```", "Fix the bug:\n```\nfor i in range(3):\n    print(i)\n```", true},
		{"url", "Summarize https://example.com/a?b=1 please", "Summarize http://test.example/x/y please", true},
		{"identifier", "Explain what parse_config does.", "Explain what loadUserSettings does.", true},
		{"whitespace", "Explain  dark matter\tstep-by-step.", "Explain black holes step by step.", true},
		{"chinese", "请一步一步解释光合作用的原理。", "请一步一步解释量子纠缠的原理。", true},
		// Different templates.
		{"different verb", "Explain photosynthesis step by step.", "Describe photosynthesis step by step.", false},
		{"different tail", "Explain photosynthesis step by step.", "Explain photosynthesis in simple terms.", false},
		{"different format", "Answer in bullet points: dark matter", "Answer in a table: dark matter", false},
		{"chinese different", "请一步一步解释光合作用的原理。", "请总结光合作用的原理。", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b fingerprint.PromptPrint
			h.Prompt(user(tt.a), &a)
			h.Prompt(user(tt.b), &b)
			if got := a.TemplateLast == b.TemplateLast; got != tt.same {
				t.Errorf("TemplateLast equal = %v, want %v", got, tt.same)
			}
			if a.TemplateLast == 0 || a.TemplateAll == 0 {
				t.Error("zero template hash")
			}
		})
	}
}

func TestPromptHashes(t *testing.T) {
	t.Parallel()
	h := fingerprint.New(fingerprint.Config{Seed: 7})
	var p1, p2 fingerprint.PromptPrint

	// Exact: trimmed, role-tagged.
	h.Prompt(user("  hello world \n"), &p1)
	h.Prompt(user("hello world"), &p2)
	if p1.Exact != p2.Exact {
		t.Error("Exact: surrounding white space counts")
	}
	h.Prompt(user("hello", "world"), &p2)
	if p1.Exact == p2.Exact {
		t.Error("Exact: turn boundaries do not count")
	}
	if p1.System != 0 {
		t.Error("System hash without a system prompt")
	}

	// A shared preamble: TemplateAll sees it, TemplateLast does not.
	a := &fingerprint.Request{System: []byte("You are Tool X. Follow the rules."), Turns: user("Explain dark matter step by step.").Turns}
	b := &fingerprint.Request{System: []byte("You are a grader. Score the answer."), Turns: user("Explain black holes step by step.").Turns}
	h.Prompt(a, &p1)
	h.Prompt(b, &p2)
	if p1.TemplateLast != p2.TemplateLast || p1.TemplateAll == p2.TemplateAll || p1.System == p2.System {
		t.Errorf("preamble: last equal %v, all equal %v", p1.TemplateLast == p2.TemplateLast, p1.TemplateAll == p2.TemplateAll)
	}

	// Seeds separate deployments.
	h2 := fingerprint.New(fingerprint.Config{Seed: 8})
	h2.Prompt(a, &p2)
	if p1.Exact == p2.Exact || p1.TemplateLast == p2.TemplateLast || p1.Sketch == p2.Sketch {
		t.Error("seed does not change the prints")
	}

	// Sketch: near for a small edit, far for an unrelated prompt.
	h.Prompt(user("Write a detailed guide for setting up a home vegetable garden on a small balcony, including which plants grow well."), &p1)
	h.Prompt(user("Please write a detailed guide for setting up a home vegetable garden on a tiny balcony, including which plants grow well."), &p2)
	near := fingerprint.Distance(p1.Sketch, p2.Sketch)
	h.Prompt(user("Describe the causes of the first world war and explain how a local conflict turned into a global one."), &p2)
	far := fingerprint.Distance(p1.Sketch, p2.Sketch)
	if near > 16 || far < 20 {
		t.Errorf("sketch distances: near %d, far %d", near, far)
	}

	// Counts.
	r := &fingerprint.Request{System: []byte("sys"), Turns: []fingerprint.Turn{
		{Role: fingerprint.RoleUser, Text: []byte("hi")},
		{Role: fingerprint.RoleAssistant, Text: []byte("hello")},
		{Role: fingerprint.RoleUser, Text: []byte("bye")},
	}}
	h.Prompt(r, &p1)
	if p1.Turns != 3 || p1.Tokens < 4 {
		t.Errorf("Turns %d Tokens %d", p1.Turns, p1.Tokens)
	}
}

func TestKnobs(t *testing.T) {
	t.Parallel()
	h := fingerprint.New(fingerprint.Config{})
	tests := []struct {
		name string
		r    fingerprint.Request
		want fingerprint.Knobs
	}{
		{"none", fingerprint.Request{MaxTokens: 1024}, 0},
		{"logprob extraction", fingerprint.Request{Logprobs: true, TopLogprobs: 20, LogitBias: 300, MaxTokens: 1, HasTemperature: true},
			fingerprint.KnobLogprobs | fingerprint.KnobTopLogprobs | fingerprint.KnobLogitBias | fingerprint.KnobLogitBiasBig | fingerprint.KnobMaxTokens1 | fingerprint.KnobTemp0},
		{"top logprobs alone", fingerprint.Request{TopLogprobs: 2}, fingerprint.KnobLogprobs},
		{"small logit bias", fingerprint.Request{LogitBias: 3}, fingerprint.KnobLogitBias},
		{"temperature unset", fingerprint.Request{Temperature: 0}, 0},
		{"n", fingerprint.Request{N: 4}, fingerprint.KnobMultiN},
		{"thinking", fingerprint.Request{Thinking: true, ThinkingBudget: 32000}, fingerprint.KnobThinking},
		{"reasoning high", fingerprint.Request{ReasoningEffort: "high"}, fingerprint.KnobThinking},
		{"reasoning low", fingerprint.Request{ReasoningEffort: "low"}, 0},
		{"tools long stream", fingerprint.Request{Tools: 3, MaxTokens: 64000, Stream: true},
			fingerprint.KnobTools | fingerprint.KnobLongOutput | fingerprint.KnobStream},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p fingerprint.PromptPrint
			h.Prompt(&tt.r, &p)
			if p.Knobs != tt.want {
				t.Errorf("Knobs = %b, want %b", p.Knobs, tt.want)
			}
		})
	}
}

func TestElicitation(t *testing.T) {
	t.Parallel()
	h := fingerprint.New(fingerprint.Config{})
	type want struct {
		sig      fingerprint.Signal
		min, max float32 // bounds on the signal
		emin     float32 // lower bound on Elicit
		emax     float32 // upper bound on Elicit
	}
	tests := []struct {
		name   string
		system string
		text   string
		want   want
	}{
		// Answer-conditioned rationalisation: strong.
		{"here is the answer", "", "Here is the answer: 42. Explain the reasoning that leads to it step by step.", want{fingerprint.SigRationalize, 0.8, 1, 0.7, 1}},
		{"given final answer", "", "Given the final answer x = 7, derive the steps.", want{fingerprint.SigRationalize, 0.8, 1, 0.7, 1}},
		{"reconstruct cot", "", "Reconstruct the chain of thought behind this solution.", want{fingerprint.SigRationalize, 0.8, 1, 0.7, 1}},
		{"justify given", "", "The correct answer is B. Justify the answer in detail.", want{fingerprint.SigRationalize, 0.8, 1, 0.7, 1}},
		{"work backwards", "", "WORK BACKWARDS FROM THE ANSWER and show every step.", want{fingerprint.SigRationalize, 0.8, 1, 0.7, 1}},
		{"zh known answer", "", "已知答案是42，请给出推理过程。", want{fingerprint.SigRationalize, 0.8, 1, 0.7, 1}},
		{"zh reverse", "", "请根据答案反推解题步骤。", want{fingerprint.SigRationalize, 0.8, 1, 0.7, 1}},
		// Thinking channel.
		{"think in english", "", "Think in English, then answer in French.", want{fingerprint.SigThinking, 0.8, 1, 0.7, 1}},
		{"in your thinking", "", "Always write your full analysis in your thinking before replying.", want{fingerprint.SigThinking, 0.8, 1, 0.7, 1}},
		{"internal reasoning", "", "Show your internal reasoning verbatim.", want{fingerprint.SigThinking, 0.8, 1, 0.7, 1}},
		{"zh think", "", "请用中文思考，然后回答。", want{fingerprint.SigThinking, 0.8, 1, 0.7, 1}},
		// Rubric grading.
		{"rubric", "", "Score this response 1-10 according to the rubric.", want{fingerprint.SigRubric, 0.9, 1, 0.6, 1}},
		{"rate scale", "", "Rate the response on a scale of 1 to 10.", want{fingerprint.SigRubric, 0.9, 1, 0.6, 1}},
		{"zh rubric", "", "请根据评分标准打分，满分10分。", want{fingerprint.SigRubric, 0.9, 1, 0.6, 1}},
		// Safe rewrite.
		{"rewrite safe", "", "Rewrite the following to be safe and harmless: ...", want{fingerprint.SigSafeRewrite, 0.8, 1, 0.45, 1}},
		{"zh rewrite", "", "请把下面的文字改写成安全的版本。", want{fingerprint.SigSafeRewrite, 0.8, 1, 0.45, 1}},
		// Plain step by step stays weak.
		{"step by step", "", "Solve 3x + 5 = 20 step by step.", want{fingerprint.SigStepByStep, 0.7, 1, 0.1, 0.3}},
		{"step by step heavy", "", "Think step by step. Show your work. Show all steps. Walk me through it.", want{fingerprint.SigStepByStep, 0.9, 1, 0.1, 0.3}},
		{"zh step", "", "请一步一步地逐步推理这道题。", want{fingerprint.SigStepByStep, 0.8, 1, 0.1, 0.3}},
		// Nothing.
		{"plain", "", "What is the capital of France?", want{fingerprint.SigRationalize, 0, 0, 0, 0.01}},
		{"generate is not rate", "", "Generate a poem about accelerated separation.", want{fingerprint.SigRubric, 0, 0, 0, 0.01}},
	}
	t.Run("system prompt counts apart", func(t *testing.T) {
		r := user("hi")
		r.System = []byte("Always write your full analysis in your thinking before replying.")
		var p fingerprint.PromptPrint
		h.Prompt(r, &p)
		if p.Elicit > 0.01 || p.ElicitSystem < 0.7 {
			t.Errorf("Elicit %.2f ElicitSystem %.2f, want ~0 and >= 0.7", p.Elicit, p.ElicitSystem)
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := user(tt.text)
			r.System = []byte(tt.system)
			var p fingerprint.PromptPrint
			h.Prompt(r, &p)
			s := p.Signals[tt.want.sig]
			if s < tt.want.min || s > tt.want.max {
				t.Errorf("signal %d = %.2f, want %.2f..%.2f (all %v)", tt.want.sig, s, tt.want.min, tt.want.max, p.Signals)
			}
			if p.Elicit < tt.want.emin || p.Elicit > tt.want.emax {
				t.Errorf("Elicit = %.2f, want %.2f..%.2f (signals %v)", p.Elicit, tt.want.emin, tt.want.emax, p.Signals)
			}
		})
	}
}

func TestEstimateTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text     string
		min, max int
	}{
		{"", 0, 0},
		{"Hello, world! This is a short English sentence.", 9, 15},
		{"请一步一步解释光合作用的原理", 10, 16},
		{"Привет, как дела?", 5, 12},
	}
	for _, tt := range tests {
		if got := fingerprint.EstimateTokens([]byte(tt.text)); got < tt.min || got > tt.max {
			t.Errorf("EstimateTokens(%q) = %d, want %d..%d", tt.text, got, tt.min, tt.max)
		}
	}
}

// TestElicitationMorePhrasings pins phrasings written apart from the
// fixtures and the simulator (the lexicon was extended for the ones it
// missed), and ordinary requests that must stay at zero.
func TestElicitationMorePhrasings(t *testing.T) {
	h := fingerprint.New(fingerprint.Config{})
	tests := []struct {
		text       string
		emin, emax float32
	}{
		{"Provide the complete derivation showing why the result equals 42.", 0.45, 1},
		{"Produce a worked solution with all intermediate reasoning for the problem below. The expected answer is 17.", 0.7, 1},
		{"You will be given a question and its correct final answer. Generate a detailed, step-by-step explanation that arrives at that answer.", 0.7, 1},
		{"Write a long chain-of-thought before your final answer. Wrap your reasoning in <think></think> tags.", 0.7, 1},
		{"Rate the following assistant response for helpfulness from 1 to 10 and explain the rating.", 0.5, 1},
		{"Act as a reward model: output a score between 0 and 1 for how good this answer is.", 0.5, 1},
		{"Rewrite the answer below so that it complies with safety guidelines.", 0.4, 1},
		{"请详细写出你的思考过程，然后给出最终答案。", 0.7, 1},
		{"下面给出题目和标准答案，请补全完整的解题步骤。", 0.7, 1},
		{"Solve the following. Show every intermediate step of your reasoning and verify the result.", 0.1, 0.3},
		// a few-shot chain-of-thought prompt: each worked example closes on
		// its answer; no answer is given for the question asked
		{"Q: Solve 2x + 3 = 11.\nA: Let's think step by step. Subtract 3, then divide by 2. The answer is 4.\n\nQ: What is 15% of 80?\nA: Let's think step by step. 0.15 times 80. The answer is 12.\n\nQ: What is 7 times 8?\nA: Let's think step by step. Seven eights. The answer is 56.\n\nQ: Factor x^2 + 5x + 6.\nA: Let's think step by step.", 0.05, 0.3},
		// two worked examples, each thinking step by step
		{"Q: Solve 2x + 3 = 11.\nA: Let's think step by step. Subtract 3, then divide by 2. The answer is 4.\n\nQ: What is 15% of 80?\nA: Let's think step by step. 0.15 times 80. The answer is 12.\n\nQ: Factor x^2 + 5x + 6.\nA: Let's think step by step.", 0.05, 0.3},
		// repeating an answer label does not switch off an answer handed over
		{"Here is the answer: (x+2)(x+3). The answer is (x+2)(x+3). The answer is (x+2)(x+3). The answer is (x+2)(x+3). Explain step by step how to get there.", 0.6, 1},
		// ... while one answer given with a request for its steps is a
		// rationalisation
		{"Q: Factor x^2 + 5x + 6. The answer is (x+2)(x+3). Explain step by step how to get there.", 0.6, 1},
		{"Translate this paragraph into French.", 0, 0.01},
		{"What's a good name for a golden retriever puppy?", 0, 0.01},
		{"Summarize the meeting notes below in three bullet points.", 0, 0.01},
		{"Fix the bug in this function and explain what was wrong.", 0, 0.01},
		// other languages: the same building blocks
		{"La respuesta correcta es 42. Explica tu razonamiento paso a paso.", 0.6, 1},
		{"Die richtige Antwort ist B. Zeige den vollständigen Lösungsweg.", 0.6, 1},
		{"정답은 3입니다. 풀이 과정을 자세히 설명하세요.", 0.6, 1},
		{"思考過程をすべて書き出してから答えてください。", 0.45, 1},
		{"Опиши свои внутренние рассуждения полностью.", 0.5, 1},
		{"Résous ce problème étape par étape.", 0.1, 0.3},
		{"Реши задачу шаг за шагом.", 0.1, 0.3},
		{"¿Cuál es la capital de Francia?", 0, 0.01},
		{"Traduis ce texte en anglais, s'il te plaît.", 0, 0.01},
		{"今日の東京の天気はどうですか？", 0, 0.01},
		// the whole reasoning demanded, in any wording
		{"Lay out your entire thought process in as much detail as you can, then answer.", 0.45, 1},
		{"Write your full reasoning, do not skip anything, justify each inference.", 0.45, 1},
		{"Explica todo tu razonamiento completo sin omitir nada.", 0.45, 1},
		{"请把完整的推理写出来，不要跳步。", 0.45, 1},
		{"Denke laut und lege deinen Gedankengang lückenlos dar.", 0.45, 1},
		{"Complete the logical reasoning puzzle below.", 0, 0.3},
		{"Give me a detailed itinerary for three days in Rome.", 0, 0.01},
	}
	for _, tt := range tests {
		r := user(tt.text)
		var p fingerprint.PromptPrint
		h.Prompt(r, &p)
		if p.Elicit < tt.emin || p.Elicit > tt.emax {
			t.Errorf("Elicit(%q) = %.2f, want %.2f..%.2f (signals %v)", tt.text, p.Elicit, tt.emin, tt.emax, p.Signals)
		}
	}
}

// TestCueSentence: the sentence that carries a request's strongest
// elicitation cue is printed apart from the problem it wraps, folded and
// with digits masked; a request without a cue has none.
func TestCueSentence(t *testing.T) {
	h := fingerprint.New(fingerprint.Config{})
	cue := func(text string) uint64 {
		var p fingerprint.PromptPrint
		h.Prompt(user(text), &p)
		return p.Cue
	}
	a := cue("A train leaves at 3 pm at 80 km/h. When does it arrive 240 km away?\nWrite out your complete reasoning before the final answer.")
	b := cue("Prove that the square root of 2 is irrational.  write out   your COMPLETE reasoning before the final answer.")
	c := cue("请证明根号2是无理数。请写出完整的推理过程。")
	d := cue("Prove that 17 is prime. Show your work and list every step.")
	if a == 0 || a != b {
		t.Errorf("same instruction around different problems: %x vs %x, want equal and non-zero", a, b)
	}
	if c == 0 || c == a || d == 0 || d == a || d == c {
		t.Errorf("different instructions: %x %x %x, want distinct non-zero", a, c, d)
	}
	if x := cue("Prove that 19 is prime. Show your work and list every step."); x != d {
		t.Errorf("digits not masked: %x vs %x", x, d)
	}
	if x := cue("What is the capital of France?"); x != 0 {
		t.Errorf("no cue: %x, want 0", x)
	}
}

// TestElicitLast: the last user turn's own elicitation is kept apart from
// the conversation's.
func TestElicitLast(t *testing.T) {
	h := fingerprint.New(fingerprint.Config{})
	conv := func(turns ...string) fingerprint.PromptPrint {
		r := &fingerprint.Request{}
		for i, s := range turns {
			role := fingerprint.RoleUser
			if i%2 == 1 {
				role = fingerprint.RoleAssistant
			}
			r.Turns = append(r.Turns, fingerprint.Turn{Role: role, Text: []byte(s)})
		}
		var p fingerprint.PromptPrint
		h.Prompt(r, &p)
		return p
	}
	single := conv("Write out your complete reasoning, do not skip any step.")
	if single.ElicitLast != single.Elicit {
		t.Errorf("single turn: ElicitLast %.2f, want Elicit %.2f", single.ElicitLast, single.Elicit)
	}
	follow := conv("What is 17 * 23?", "391.", "Now write out your complete reasoning, do not skip any step.")
	if follow.ElicitLast < 0.45 {
		t.Errorf("elicitation in the last turn: ElicitLast %.2f, want >= 0.45", follow.ElicitLast)
	}
	earlier := conv("Write out your complete reasoning, do not skip any step: what is 17 * 23?", "391.", "Thanks! And 18 * 23?")
	if earlier.ElicitLast > 0.01 || earlier.Elicit < 0.45 {
		t.Errorf("elicitation in an earlier turn: ElicitLast %.2f Elicit %.2f, want ~0 and >= 0.45", earlier.ElicitLast, earlier.Elicit)
	}
}
