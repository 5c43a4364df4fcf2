package fingerprint

import "math"

// Signal weights in the combined Elicit score. A plain step-by-step request
// alone scores at most sigWeight[SigStepByStep] (0.25), because tutoring apps
// send it all day; answer-conditioned rationalisation and thinking-channel
// instructions have almost no legitimate use at volume and weigh most.
var sigWeight = [NumSignals]float32{
	SigRationalize: 0.95,
	SigThinking:    0.9,
	SigRubric:      0.7,
	SigSafeRewrite: 0.6,
	SigStepByStep:  0.25,
	SigAgentic:     0.25,
	SigExhaustive:  0.7,
}

// elicitState accumulates the cues of one request. It lives on the stack of
// Prompt.
type elicitState struct {
	pats *[]pattern
	seen [maxPatterns / 64]uint64
	// miss[c] is the product of (1 - w) over the distinct patterns of cue c
	// seen so far, so the cue's strength is the noisy-OR 1 - miss[c].
	miss [numCues]float32
	// track: record the strongest harvest cue's pattern and end offset
	// (bestW 0: none) in the text being scanned
	track   bool
	bestW   float32
	bestID  uint16
	bestEnd int
	// ansRepeats and stepRepeats count answer labels and step-by-step
	// phrases seen again. Worked examples repeat their format: an answer
	// label (a weak answer phrase, "the answer is") three times ("… The
	// answer is 4." closing every example of a few-shot prompt), or twice
	// beside a repeated "let's think step by step", make the answers the
	// examples', not one given for the question asked — unless a strong
	// answer phrase ("here is the answer", "given the correct answer") says
	// otherwise: repeating a label cannot switch that off
	ansRepeats, stepRepeats uint8
	strongAns               bool
}

func (st *elicitState) reset(pats *[]pattern) {
	st.pats = pats
	st.seen = [maxPatterns / 64]uint64{}
	st.ansRepeats, st.stepRepeats, st.strongAns = 0, 0, false
	for i := range st.miss {
		st.miss[i] = 1
	}
}

// hit records one occurrence of pattern id; repeats of a pattern count once,
// so a prompt cannot raise its own score by repeating a phrase, and a
// legitimate prompt is not pushed up by quoting one phrase many times.
func (st *elicitState) hit(id uint16, end int) {
	p := &(*st.pats)[id]
	if st.track && cueSentence[p.cue] && p.w > st.bestW {
		st.bestW, st.bestID, st.bestEnd = p.w, id, end
	}
	w, b := id>>6, uint64(1)<<(id&63)
	if st.seen[w]&b != 0 {
		switch {
		case p.cue == cueAnswerGiven && p.w <= answerLabel && st.ansRepeats < 255:
			st.ansRepeats++
		case p.cue == cueStep && st.stepRepeats < 255:
			st.stepRepeats++
		}
		return
	}
	st.seen[w] |= b
	if p.cue == cueAnswerGiven && p.w > answerLabel {
		st.strongAns = true
	}
	st.miss[p.cue] *= 1 - p.w
}

// answerLabel is the weight up to which an answer phrase may be a label
// ("the answer is", "final answer:") rather than an answer handed over
const answerLabel = 0.5

func (st *elicitState) cue(c cue) float32 { return 1 - st.miss[c] }

// cueSentence marks the cues whose sentence is worth a print: the ones that
// ask for the reasoning, the thinking or a grade (not format words, not an
// answer label, not tool vocabulary).
var cueSentence = [numCues]bool{
	cueReasonRequest: true, cueRationalize: true, cueThinking: true, cueRubric: true,
	cueStep: true, cueExhaustive: true, cueSafe: true,
}

// noisyOr combines independent evidence in 0..1.
func noisyOr(xs ...float32) float32 {
	m := float32(1)
	for _, x := range xs {
		m *= 1 - clamp01(x)
	}
	return 1 - m
}

func clamp01(x float32) float32 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}

// both scores the meeting of two cues: 0 unless both are present, then at
// least 0.5 and rising with the weaker of the two.
func both(a, b float32) float32 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return 0.5 + 0.5*min(a, b)
}

// given scores an answer given in the prompt together with a request for
// the reasoning. A clear answer cue (≥ 0.5) meets the request as in both; a
// weak one (an answer label that format instructions also use: "answer:",
// "答案：") stays weak however strong the request, since "step by step, then
// write 答案：" asks for an answer rather than giving one: given(0.2, 0.9) =
// 0.19.
func given(ans, reason float32) float32 {
	if ans <= 0 || reason <= 0 {
		return 0
	}
	if ans >= 0.5 {
		return both(ans, reason)
	}
	return min(ans, reason) * (0.5 + 0.5*max(ans, reason))
}

// signals turns the cue strengths into the Signal vector and the combined
// Elicit score. tools is the number of tool definitions and toolTurns the
// number of tool-result turns.
func (st *elicitState) signals(out *PromptPrint, tools, toolTurns int) {
	ans := st.cue(cueAnswerGiven)
	if !st.strongAns && (st.ansRepeats >= 2 || st.ansRepeats >= 1 && st.stepRepeats >= 1) {
		// a few-shot prompt's worked examples each close on their answer:
		// the answers of the examples, not one given for the question
		ans = 0
	}
	reason := st.cue(cueReasonRequest)
	step := st.cue(cueStep)

	var s [NumSignals]float32
	s[SigRationalize] = noisyOr(st.cue(cueRationalize), 0.3*ans, given(ans, max(reason, step)))
	s[SigThinking] = st.cue(cueThinking)
	s[SigRubric] = noisyOr(st.cue(cueRubric), 0.15*st.cue(cueScale), both(st.cue(cueRubric), st.cue(cueScale)))
	s[SigSafeRewrite] = noisyOr(0.5*st.cue(cueSafe), both(st.cue(cueSafe), st.cue(cueRewrite)))
	s[SigStepByStep] = noisyOr(step, 0.5*reason)
	agentic := st.cue(cueAgentic)
	if tools > 0 {
		agentic = noisyOr(agentic, 0.2)
	}
	if toolTurns > 0 {
		agentic = noisyOr(agentic, 0.1*float32(min(toolTurns, 5)))
	}
	s[SigAgentic] = agentic
	// the reasoning named and all of it demanded, in any wording or
	// language: the geometric mean keeps two weak words ("complete" and
	// "reasoning" in a logic puzzle) weak
	noun := max(st.cue(cueReasonNoun), reason)
	s[SigExhaustive] = float32(math.Sqrt(float64(noun * st.cue(cueExhaustive))))

	miss := float32(1)
	for i := range s {
		s[i] = clamp01(s[i])
		miss *= 1 - sigWeight[i]*s[i]
	}
	out.Signals = s
	out.Elicit = clamp01(1 - miss)
}
