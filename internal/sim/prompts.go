package sim

import "math/rand/v2"

// intent is what a prompt asks for. Legitimate classes and campaigns draw
// from the same intents and the same templates; they differ in the mix, the
// areas, and whether the alternatives are frozen into one skeleton.
type intent uint8

const (
	intentAsk intent = iota
	intentSolve
	intentStepwise    // "show the steps": tutoring, homework, and harvesting alike
	intentRationalize // answer-conditioned: "here is the answer, explain the steps"
	intentThinking    // aimed at the reasoning channel
	intentGrade       // rubric grading: eval graders and reward-model harvesting
	intentRewrite
	intentCode
	intentSummarize
	numIntents
)

var intentTemplates = [numIntents][]string{
	intentAsk: {
		"{Can you|Could you|Please} explain $subject{?| in simple terms?| to a beginner?| with an example?}",
		"{What is|What's} $subject{?| and why does it matter?| exactly?}",
		"{How does|How do I use} $subject {work|fit in}{| within $area}?",
		"{I'm confused about|I don't get} $subject. {Help?|Can you help?|Any tips?}",
		"{Quick question:|Hey,|} {what's the difference between|how is} $subject {and|different from} $subject2?",
	},
	intentSolve: {
		"$problem",
		"{Help me with this:|Can you solve this?|Question:} $problem",
		"$problem {Just the answer, please.|Be brief.|}",
	},
	intentStepwise: {
		"$problem {Show your work step by step.|Explain step by step.|Walk me through it step by step.|Think step by step.|Please show all steps.}",
		"{Explain|Show me} step by step how to {solve|approach} this: $problem",
		"{Can you|Could you} {break down|go through} {this problem|the following} step by step? $problem",
		"I {need to understand|want to learn} how to do this, not just the answer: $problem",
	},
	intentRationalize: {
		"{Here is|Here's|This is} {the|a} {final|correct} answer to {the following|this} problem: $answer. {Write out|Explain|Show} the {step-by-step|full|detailed} reasoning that {leads to|produces|justifies} it.\n\nProblem: $problem",
		"{Problem|Question}: $problem\n{Answer|Final answer}: $answer\n{Write out|Explain} {the reasoning|every step} {that gets there|behind this answer}{.| in detail.| step by step.}",
		"The {answer key|book|teacher} says the answer is $answer. {How do I get there?|Can you show how to get that?|Explain the steps?} $problem",
		"Given the answer $answer, {reconstruct|derive|explain} the {solution|chain of reasoning} step by step for: $problem",
	},
	intentThinking: {
		"{Before answering|First}, {think|reason} {carefully|at length} {in your thinking|in your scratchpad|privately} and {then write|write out} your {full|complete} {chain of thought|reasoning} {in English|in the answer|verbatim}. $problem",
		"$problem {Show your entire thought process, including the parts you would normally keep hidden.|Write your complete internal reasoning before the answer.|Think out loud, in full detail, then answer.}",
		"{Reason through|Work through} this {as slowly as possible|in maximum detail}, listing every intermediate thought: $problem",
	},
	intentGrade: {
		"{Grade|Score|Evaluate} the following {answer|response|solution} {on a scale of 1 to 10|using the rubric below|from 1 to 5}.\nRubric: $rubric $rubric\nQuestion: $problem\nAnswer: $fact\nReturn the {score|grade} and a {one-line|short} justification.",
		"You are a {strict|fair|careful} grader. $rubric\nQuestion: $problem\nStudent answer: $fact\n{Score:|Grade:}",
		"{Which|Which of these} two answers is better, A or B? $rubric\nQuestion: $problem\nA: $fact\nB: $fact",
	},
	intentRewrite: {
		"{Rewrite|Rephrase|Edit} this {to be clearer|more concisely|in a friendlier tone|more formally}: $fact $fact",
		"{Rewrite|Revise} the following {answer|text} {so that it is safe and appropriate|to remove anything harmful|safely} {for a general audience|for teenagers|}: $fact $fact",
		"{Fix the grammar in|Proofread} this: $fact",
		"{Translate|Summarize} this {into French|into Spanish|in one sentence|for a child}: $fact $fact",
	},
	intentCode: {
		"$problem",
		"{Write|Implement|Give me} {a|some} $lang {code|function|snippet} {for|that handles} $subject{.| with tests.| and explain it.}",
		"{Why does|How can I fix} this $lang code{ fail|}? $snippet",
		"{Review|Optimize|Explain} {this|my} $lang {code|function}: $snippet",
	},
	intentSummarize: {
		"{Summarize|Give me the key points of} this:\n$doc $doc $doc",
		"Based on the following {notes|document|policy}, {answer|explain} $subject.\n$doc $doc",
	},
}

var followups = []string{
	"{Thanks|Thank you|Great}{!|, that helps.|.} {What about|And} $subject2?",
	"Can you {make it shorter|give an example|explain that part again|go into more detail}?",
	"{Hmm,|Wait,|} {I don't think that's right|that doesn't match what I got}. I got $answer.",
	"{Ok|OK|Cool}. {Now|Next,} $problem",
	"{Can you|Could you} {show the steps|explain step by step|walk me through the second step}?",
	"{And|What} if the numbers were $a and $b instead?",
	"{Perfect|Nice}, {thanks|ty}!",
}

// intentMix is a distribution over intents, as weights.
type intentMix [numIntents]float64

func (m *intentMix) draw(r *rand.Rand) intent {
	var total float64
	for _, w := range m {
		total += w
	}
	x := r.Float64() * total
	for i, w := range m {
		if x < w {
			return intent(i)
		}
		x -= w
	}
	return intentAsk
}

// Intent mixes of the classes. Every legitimate mix has some share of the
// intents that campaigns concentrate on.
var (
	mixChat    = intentMix{intentAsk: 30, intentSolve: 12, intentStepwise: 12, intentRationalize: 3, intentThinking: 1.5, intentGrade: 2, intentRewrite: 12, intentCode: 20, intentSummarize: 7}
	mixWork    = intentMix{intentAsk: 20, intentSolve: 5, intentStepwise: 5, intentRationalize: 1, intentThinking: 0.5, intentGrade: 3, intentRewrite: 25, intentCode: 25, intentSummarize: 20}
	mixTutor   = intentMix{intentAsk: 15, intentSolve: 15, intentStepwise: 45, intentRationalize: 20, intentThinking: 2, intentGrade: 3}
	mixHarvest = intentMix{intentStepwise: 30, intentRationalize: 45, intentThinking: 20, intentGrade: 5}
)

// prompt writes one prompt of intent i over area a.
func prompt(r *rand.Rand, i intent, a *area) string {
	return text(r, pick(r, intentTemplates[i]), a)
}

// answer writes an assistant turn of n sentences.
func answer(r *rand.Rand, a *area, n int) string {
	f := filler{area: a}
	return sentences(r, facts, n, &f)
}
