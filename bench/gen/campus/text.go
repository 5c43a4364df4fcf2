package campus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// problem is one STEM exercise: its statement, a short answer and its area.
type problem struct {
	Text, Answer, Area string
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func trim(f float64) string {
	s := fmt.Sprintf("%.3f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// problemGens are exercise generators with random slots. The first
// competition entries are the harder, contest-style items a harvest wants.
var problemGens = []func(r *rand.Rand) problem{
	func(r *rand.Rand) problem { // linear equation
		a, c := between(r, 3, 12), between(r, 1, 2)
		x := between(r, -9, 15)
		b := between(r, -20, 20)
		d := (a-c)*x + b
		return problem{fmt.Sprintf("Solve for x: %dx %+d = %dx %+d", a, b, c, d), fmt.Sprint(x), "algebra"}
	},
	func(r *rand.Rand) problem { // quadratic
		p, q := between(r, -9, 9), between(r, 1, 12)
		return problem{fmt.Sprintf("Find the roots of x^2 %+dx %+d = 0.", -(p + q), p*q), fmt.Sprintf("x = %d or x = %d", p, q), "algebra"}
	},
	func(r *rand.Rand) problem { // vertical throw
		v := between(r, 8, 40)
		return problem{fmt.Sprintf("A ball is thrown straight up with an initial speed of %d m/s. How long does it take to reach its highest point, and how high does it go? Use g = 9.8 m/s^2.", v),
			fmt.Sprintf("t = %s s, h = %s m", trim(float64(v)/9.8), trim(float64(v*v)/19.6)), "mechanics"}
	},
	func(r *rand.Rand) problem { // projectile range
		v, a := between(r, 10, 45), pick(r, []int{15, 20, 30, 35, 40, 45, 50, 60})
		rng := float64(v*v) * math.Sin(2*float64(a)*math.Pi/180) / 9.8
		return problem{fmt.Sprintf("A projectile is launched at %d m/s at an angle of %d degrees above the horizontal on level ground. Find its range, ignoring air resistance.", v, a), trim(rng) + " m", "mechanics"}
	},
	func(r *rand.Rand) problem { // parallel resistors
		r1, r2, v := between(r, 2, 60), between(r, 2, 60), pick(r, []int{6, 9, 12, 24, 48})
		req := float64(r1*r2) / float64(r1+r2)
		return problem{fmt.Sprintf("Two resistors of %d ohm and %d ohm are connected in parallel across a %d V battery. What is the equivalent resistance and the total current?", r1, r2, v),
			fmt.Sprintf("R = %s ohm, I = %s A", trim(req), trim(float64(v)/req)), "electricity"}
	},
	func(r *rand.Rand) problem { // stoichiometry
		g := between(r, 2, 50)
		return problem{fmt.Sprintf("How many grams of water are produced when %d g of hydrogen gas react completely with excess oxygen (2H2 + O2 -> 2H2O)?", g), trim(float64(g)*18.015/2.016) + " g", "chemistry"}
	},
	func(r *rand.Rand) problem { // pH
		c := pick(r, []float64{0.1, 0.05, 0.02, 0.01, 0.005, 0.001, 0.25})
		acid := pick(r, []string{"HCl", "HNO3", "HBr"})
		return problem{fmt.Sprintf("What is the pH of a %s M solution of %s?", trim(c), acid), trim(-math.Log10(c)), "chemistry"}
	},
	func(r *rand.Rand) problem { // marbles
		red, blue := between(r, 2, 9), between(r, 2, 9)
		n := red + blue
		return problem{fmt.Sprintf("A bag contains %d red and %d blue marbles. Two marbles are drawn without replacement. What is the probability that both are red?", red, blue),
			fmt.Sprintf("%d/%d", red*(red-1), n*(n-1)), "probability"}
	},
	func(r *rand.Rand) problem { // derivative
		n := between(r, 2, 6)
		f := pick(r, []string{"sin(x)", "cos(x)", "e^x", "ln(x)"})
		return problem{fmt.Sprintf("Differentiate f(x) = x^%d %s.", n, f), "use the product rule", "calculus"}
	},
	func(r *rand.Rand) problem { // integral
		n := between(r, 1, 4)
		return problem{fmt.Sprintf("Evaluate the integral of x^%d e^x from 0 to 1.", n), "integrate by parts repeatedly", "calculus"}
	},
	func(r *rand.Rand) problem { // modular power
		a, b, m := between(r, 2, 19), between(r, 20, 2025), pick(r, []int{7, 9, 11, 13, 17, 100, 1000})
		v, base := 1, a%m
		for e := b; e > 0; e >>= 1 {
			if e&1 == 1 {
				v = v * base % m
			}
			base = base * base % m
		}
		return problem{fmt.Sprintf("Find the remainder when %d^%d is divided by %d.", a, b, m), fmt.Sprint(v), "number theory"}
	},
	func(r *rand.Rand) problem { // word arrangements
		w := pick(r, []string{"MISSISSIPPI", "BANANA", "STATISTICS", "ALGEBRA", "CALCULUS", "PROBABILITY", "GEOMETRY", "ENTROPY", "KINEMATICS"})
		return problem{fmt.Sprintf("In how many distinct ways can the letters of the word %s be arranged?", w), fmt.Sprint(arrangements(w)), "combinatorics"}
	},
	func(r *rand.Rand) problem { // doubling
		n0, d, t := between(r, 100, 5000), between(r, 2, 6), between(r, 10, 48)
		return problem{fmt.Sprintf("A bacterial culture starts with %d cells and doubles every %d hours. How many cells are there after %d hours?", n0, d, t),
			trim(float64(n0) * math.Pow(2, float64(t)/float64(d))), "biology"}
	},
	func(r *rand.Rand) problem { // genetics
		tr := pick(r, [][2]string{{"purple", "white"}, {"tall", "short"}, {"round", "wrinkled"}, {"brown", "blue"}})
		return problem{fmt.Sprintf("In pea plants, %s (A) is dominant over %s (a). If two heterozygous plants are crossed, what fraction of the offspring are %s, and what fraction of the %s offspring are heterozygous?", tr[0], tr[1], tr[1], tr[0]), "1/4 and 2/3", "biology"}
	},
	func(r *rand.Rand) problem { // ideal gas
		n, t, p := between(r, 1, 6), between(r, 250, 400), pick(r, []int{100, 101, 150, 200, 250})
		return problem{fmt.Sprintf("What volume do %d mol of an ideal gas occupy at %d K and %d kPa?", n, t, p), trim(float64(n)*8.314*float64(t)/float64(p)) + " L", "chemistry"}
	},
	func(r *rand.Rand) problem { // eigenvalues
		a, b, d := between(r, -5, 8), between(r, 1, 6), between(r, -5, 8)
		return problem{fmt.Sprintf("Find the eigenvalues and eigenvectors of the matrix [[%d, %d], [%d, %d]].", a, b, b, d), "use the characteristic polynomial", "linear algebra"}
	},
	func(r *rand.Rand) problem { // inclusion-exclusion
		n, a, b := between(r, 100, 5000), pick(r, []int{2, 3, 5, 7}), pick(r, []int{11, 13, 6, 9, 4})
		return problem{fmt.Sprintf("How many positive integers not exceeding %d are divisible by %d or by %d?", n, a, b), fmt.Sprint(n/a + n/b - n/lcm(a, b)), "number theory"}
	},
	func(r *rand.Rand) problem { // law of cosines
		a, b, c := between(r, 3, 20), between(r, 3, 20), pick(r, []int{30, 45, 60, 75, 120, 135})
		s := math.Sqrt(float64(a*a+b*b) - 2*float64(a*b)*math.Cos(float64(c)*math.Pi/180))
		return problem{fmt.Sprintf("A triangle has sides of length %d and %d with an included angle of %d degrees. Find the length of the third side.", a, b, c), trim(s), "geometry"}
	},
	func(r *rand.Rand) problem { // energy
		m, h := between(r, 1, 20), between(r, 2, 30)
		return problem{fmt.Sprintf("A %d kg block slides down a frictionless ramp from a height of %d m. What is its speed at the bottom?", m, h), trim(math.Sqrt(19.6*float64(h))) + " m/s", "mechanics"}
	},
	func(r *rand.Rand) problem { // half-life
		hl, t := between(r, 2, 30), between(r, 10, 120)
		return problem{fmt.Sprintf("A radioactive isotope has a half-life of %d days. What fraction of a sample remains after %d days?", hl, t), trim(math.Pow(0.5, float64(t)/float64(hl))), "physics"}
	},
	func(r *rand.Rand) problem { // limit
		a, b := between(r, 2, 9), between(r, 2, 9)
		return problem{fmt.Sprintf("Evaluate the limit of sin(%dx)/(%dx) as x approaches 0.", a, b), fmt.Sprintf("%d/%d", a, b), "calculus"}
	},
	func(r *rand.Rand) problem { // proofs
		p := pick(r, []string{
			"Prove that the square root of %d is irrational.",
			"Prove by induction that 1 + 2 + ... + n = n(n+1)/2 for every positive integer n, and use it to compute the sum up to %d.",
			"Prove that there are infinitely many primes, and list the primes below %d.",
			"Prove that the product of any %d consecutive integers is divisible by %d!.",
		})
		k := pick(r, []int{2, 3, 5, 7, 11})
		if strings.Count(p, "%d") == 2 {
			return problem{fmt.Sprintf(p, k, k), "proof", "proof"}
		}
		return problem{fmt.Sprintf(p, k), "proof", "proof"}
	},
	func(r *rand.Rand) problem { // series
		a, d, n := between(r, 1, 20), between(r, 2, 9), between(r, 10, 60)
		return problem{fmt.Sprintf("Find the sum of the first %d terms of the arithmetic sequence %d, %d, %d, ...", n, a, a+d, a+2*d), fmt.Sprint(n * (2*a + (n-1)*d) / 2), "algebra"}
	},
	func(r *rand.Rand) problem { // competition: digit sums / functional
		n := between(r, 3, 9)
		k := between(r, 2, 30)
		forms := []string{
			"Find all functions f from the reals to the reals such that f(x + y) = f(x) + f(y) + %dxy for all real x, y, with f(1) = %d.",
			"Let S be the set of positive integers n <= %d00 such that n^2 + %d is divisible by n + 1. Find the sum of the elements of S.",
			"How many ordered pairs of positive integers (a, b) satisfy 1/a + 1/b = 1/%d? Also list them for b <= %d00.",
			"A sequence satisfies a_1 = %d and a_{n+1} = a_n^2 - a_n + 1. Compute the sum of 1/a_n for n = 1 to infinity, given a_1 = %d.",
		}
		f := pick(r, forms)
		return problem{fmt.Sprintf(f, n, k), "see solution", "competition"}
	},
}

// competition are the indices of problemGens a narrow math harvest uses.
var competition = []int{1, 10, 11, 16, 20, 21, 22, 23}

func arrangements(w string) int {
	counts := map[rune]int{}
	for _, c := range w {
		counts[c]++
	}
	f := func(n int) float64 { return math.Gamma(float64(n) + 1) }
	v := f(len(w))
	for _, c := range counts {
		v /= f(c)
	}
	return int(math.Round(v))
}

func lcm(a, b int) int {
	x, y := a, b
	for y != 0 {
		x, y = y, x%y
	}
	return a / x * b
}

func anyProblem(r *rand.Rand) problem { return pick(r, problemGens)(r) }

func compProblem(r *rand.Rand) problem { return problemGens[pick(r, competition)](r) }

// studentAsk phrases a problem the way a student types it into a tutoring
// app or a chat: casual, sometimes lowercase, sometimes with typos.
func studentAsk(r *rand.Rand, p problem) string {
	openers := []string{"", "", "hi, ", "can you help me with this? ", "i dont get this one: ", "homework question: ", "Help pls. ", "ok so ", "my teacher gave us this and I'm stuck: ", "how do I do this ", "Question: "}
	closers := []string{"", "", "", " show steps", " can you explain step by step?", " pls explain", " I got a different answer than the book", " thanks!!", " (due tomorrow)", " explain like im 15", " what's the first step?", " is there a trick?"}
	t := p.Text
	if chance(r, 0.35) {
		t = strings.ToLower(t)
	}
	if chance(r, 0.15) {
		t = typo(r, t)
	}
	return pick(r, openers) + t + pick(r, closers)
}

func typo(r *rand.Rand, s string) string {
	if len(s) < 10 {
		return s
	}
	i := 1 + r.IntN(len(s)-2)
	if s[i] < 'a' || s[i] > 'z' || s[i+1] < 'a' || s[i+1] > 'z' {
		return s
	}
	return s[:i] + string(s[i+1]) + string(s[i]) + s[i+2:]
}

// assistantReply is a short stand-in for an earlier assistant turn that a
// client sends back as conversation history.
func assistantReply(r *rand.Rand, p problem) string {
	first := pick(r, []string{"Sure! Let's work through it step by step.", "Good question. Here's how to approach it.", "Let's break this down.", "Step 1: write down what we know."})
	return fmt.Sprintf("%s\n\n1. Identify the given quantities.\n2. Choose the relevant relation for %s.\n3. Substitute and simplify.\n\n**Answer:** %s", first, p.Area, p.Answer)
}

var followUps = []string{
	"why does step 2 work?", "can you check my answer, I got something different", "ok thanks, can you give me a similar one to practice?",
	"what if the numbers were different?", "I still don't understand the second step", "can you explain it more simply", "thanks!", "is there a faster way?",
	"Could you show the units at every step?", "where does that formula come from?",
}

// Everyday requests of students and staff that are not homework.
var (
	chatTopics = []string{"climate adaptation in coastal cities", "the French Revolution", "CRISPR gene editing", "transformer neural networks", "the history of the printing press",
		"microplastics in rivers", "Keynesian economics", "the causes of World War I", "urban heat islands", "photosynthesis", "game theory", "the Roman Republic",
		"attachment theory", "quantum entanglement", "supply chain resilience", "the ethics of AI in hiring", "sleep and memory consolidation", "renewable energy storage",
		"bilingual education", "the water cycle", "protein folding", "postcolonial literature", "behavioural economics", "plate tectonics", "open science practices"}
	chatPeople  = []string{"my supervisor", "the exam office", "a colleague in another department", "my landlord", "the course coordinator", "a journal editor", "my team", "the IT helpdesk", "a prospective PhD student"}
	chatMatters = []string{"an extension for my thesis deadline", "rescheduling our meeting", "a missing grade", "a broken projector in room 2.14", "co-authoring a paper", "the budget for the field trip", "a conference travel grant", "access to the HPC cluster"}
	chatLangs   = []string{"German", "Spanish", "French", "English", "Italian", "Dutch", "Polish", "Turkish"}
	codeErrors  = []string{"IndexError: list index out of range", "KeyError: 'date'", "TypeError: unsupported operand type(s) for +: 'int' and 'str'", "ValueError: could not convert string to float", "segmentation fault (core dumped)", "NullPointerException", "ModuleNotFoundError: No module named 'sklearn'", "a wrong result but no error"}
	codeActs    = []string{"read my CSV file", "loop over the dataframe", "merge the two tables", "plot the histogram", "parse the JSON response", "train the model", "compute the moving average", "sort the dictionary by value"}
	snippets    = []string{"import pandas as pd\ndf = pd.read_csv('data.csv')\nfor i in range(len(df)+1):\n    print(df.iloc[i]['value'])",
		"def mean(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total / len(xs)\n\nprint(mean(['1', '2']))",
		"scores = {'a': 3, 'b': 1}\nprint(sorted(scores))",
		"import json\nwith open('resp.json') as f:\n    d = json.load(f)\nprint(d['data'][0]['date'])",
		"x = input('number: ')\nprint(x + 1)",
		"int main() {\n  int *p;\n  *p = 5;\n  return 0;\n}"}
	statTasks = []string{"run a two-way ANOVA", "fit a mixed-effects model", "make a boxplot by group", "compute Cronbach's alpha", "do a chi-square test", "plot residuals of a linear model", "bootstrap a confidence interval"}
)

func chatRequest(r *rand.Rand) string {
	t := pick(r, chatTopics)
	switch r.IntN(14) {
	case 0:
		return fmt.Sprintf("Can you help me write a polite email to %s about %s?", pick(r, chatPeople), pick(r, chatMatters))
	case 1:
		return fmt.Sprintf("Summarize the main debates around %s in %d bullet points.", t, between(r, 3, 8))
	case 2:
		return fmt.Sprintf("Explain the difference between %s and %s.", t, pick(r, chatTopics))
	case 3:
		return fmt.Sprintf("My code gives %s when I try to %s. Here's the code:\n```\n%s\n```", pick(r, codeErrors), pick(r, codeActs), pick(r, snippets))
	case 4:
		return fmt.Sprintf("Translate into %s: \"%s\"", pick(r, chatLangs), pick(r, []string{"The seminar is moved to Thursday at 10.", "Please submit your report by the end of the week.", "We are looking for participants for a short study.", "The library will be closed on public holidays."}))
	case 5:
		return fmt.Sprintf("What are good starting points for a literature review on %s?", t)
	case 6:
		return fmt.Sprintf("Rewrite this to sound more academic: \"%s is really important because lots of people think it changes stuff a lot.\"", t)
	case 7:
		return fmt.Sprintf("How do I %s in R? My data has columns %s.", pick(r, statTasks), pick(r, []string{"group, score, time", "id, condition, rt", "site, year, count", "subject, trial, accuracy"}))
	case 8:
		return fmt.Sprintf("Draft a %d-word abstract for a grant proposal on %s.", pick(r, []int{150, 200, 250, 300}), t)
	case 9:
		return fmt.Sprintf("I have a presentation on %s tomorrow. Give me an outline for %d minutes.", t, pick(r, []int{5, 10, 15, 20}))
	case 10:
		return fmt.Sprintf("Write %d exam questions about %s for first-year students.", between(r, 3, 10), t)
	case 11:
		return fmt.Sprintf("What's a good way to explain %s to someone without a science background?", t)
	case 12:
		return fmt.Sprintf("Give me feedback on my thesis title: \"%s: a %s perspective\"", strings.ToUpper(t[:1])+t[1:], pick(r, []string{"comparative", "longitudinal", "critical", "computational", "mixed-methods"}))
	default:
		return studentAsk(r, anyProblem(r))
	}
}

func chatReply(r *rand.Rand) string {
	return pick(r, []string{"Here is a draft you can adapt:\n\n", "Sure. The short version:\n\n", "Great topic. A few points:\n\n- ", "Happy to help. "}) +
		pick(r, []string{"First, it helps to separate the two questions.", "The key idea is that the effect depends on context.", "Start with the definitions, then compare the evidence.", "The error comes from an off-by-one index."})
}

var chatFollowUps = []string{"make it shorter please", "can you make it more formal?", "thanks, and in German?", "what sources would you cite?", "can you give an example?",
	"ok that works, thanks", "now as a table", "hmm that's not quite right, try again", "explain the second point more", "perfect. one more thing: add a conclusion"}
