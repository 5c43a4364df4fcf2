package newsroom

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// problem is a question with its known answer: what an operator's seed
// set holds, so that it can ask for the reasoning behind a given answer or
// grade a candidate solution.
type problem struct {
	area string // math, logic, science, code
	q, a string
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }

// mathProblem returns a word problem with its answer computed.
func mathProblem(r *rand.Rand) problem {
	nm := pick(r, firstNames)
	switch r.IntN(16) {
	case 0:
		v1, v2, d := 40+r.IntN(50), 50+r.IntN(60), 200+r.IntN(500)
		return problem{"math", fmt.Sprintf("Two trains leave stations %d km apart at the same time and travel toward each other, one at %d km/h and the other at %d km/h. After how many minutes do they meet?", d, v1, v2),
			ftoa(float64(d)/float64(v1+v2)*60, 1) + " minutes"}
	case 1:
		p, rt, y := 1000*(1+r.IntN(20)), 2+r.IntN(8), 2+r.IntN(10)
		return problem{"math", fmt.Sprintf("%s invests %d at an annual interest rate of %d%%, compounded annually. What is the balance after %d years, to the nearest cent?", nm, p, rt, y),
			ftoa(float64(p)*math.Pow(1+float64(rt)/100, float64(y)), 2)}
	case 2:
		n, k := 6+r.IntN(10), 2+r.IntN(4)
		return problem{"math", fmt.Sprintf("A committee of %d people is to be chosen from a group of %d. In how many ways can this be done if two particular people refuse to serve together?", k, n),
			itoa(binom(n, k) - binom(n-2, k-2))}
	case 3:
		s := 5 + r.IntN(12)
		k := 0
		for a := 1; a <= 6; a++ {
			for b := 1; b <= 6; b++ {
				if c := s - a - b; c >= 1 && c <= 6 {
					k++
				}
			}
		}
		return problem{"math", fmt.Sprintf("Three fair dice are rolled. What is the probability that the sum is exactly %d?", s), fmt.Sprintf("%d/216", k)}
	case 4:
		a, b := 3+r.IntN(20), 4+r.IntN(20)
		return problem{"math", fmt.Sprintf("A right triangle has legs of length %d and %d. What is the length of the altitude to the hypotenuse?", a, b),
			ftoa(float64(a*b)/math.Hypot(float64(a), float64(b)), 4)}
	case 5:
		a, d, n := 2+r.IntN(15), 3+r.IntN(9), 20+r.IntN(80)
		return problem{"math", fmt.Sprintf("The first term of an arithmetic sequence is %d and the common difference is %d. What is the sum of the first %d terms?", a, d, n),
			itoa(n * (2*a + (n-1)*d) / 2)}
	case 6:
		m, b := 7+r.IntN(40), 2+r.IntN(9)
		e := 50 + r.IntN(500)
		res := 1
		for range e {
			res = res * b % m
		}
		return problem{"math", fmt.Sprintf("What is the remainder when %d^%d is divided by %d?", b, e, m), itoa(res)}
	case 7:
		x, y := r.IntN(20)-5, r.IntN(20)-5
		a1, b1, a2, b2 := 1+r.IntN(6), 1+r.IntN(6), 1+r.IntN(6), -1-r.IntN(6)
		return problem{"math", fmt.Sprintf("Solve the system: %dx + %dy = %d and %dx %+dy = %d.", a1, b1, a1*x+b1*y, a2, b2, a2*x+b2*y),
			fmt.Sprintf("x = %d, y = %d", x, y)}
	case 8:
		h1, h2 := 3+r.IntN(9), 4+r.IntN(12)
		return problem{"math", fmt.Sprintf("%s can paint a fence in %d hours and a friend can paint it in %d hours. How long does it take them working together?", nm, h1, h2),
			ftoa(float64(h1*h2)/float64(h1+h2), 3) + " hours"}
	case 9:
		c1, c2, v := 10+r.IntN(30), 40+r.IntN(40), 5+r.IntN(20)
		t := c1 + r.IntN(c2-c1)
		return problem{"math", fmt.Sprintf("How many litres of a %d%% acid solution must be added to %d litres of a %d%% solution to obtain a %d%% solution?", c2, v, c1, t),
			ftoa(float64(v*(t-c1))/float64(c2-t), 3) + " litres"}
	case 10:
		n := 5 + r.IntN(20)
		return problem{"math", fmt.Sprintf("How many diagonals does a convex polygon with %d sides have?", n), itoa(n * (n - 3) / 2)}
	case 11:
		p, d := 20+r.IntN(300), 5+r.IntN(40)
		return problem{"math", fmt.Sprintf("A jacket costs %d after a %d%% discount. What was the original price?", p, d),
			ftoa(float64(p)/(1-float64(d)/100), 2)}
	case 12:
		n := 3 + r.IntN(6)
		return problem{"math", fmt.Sprintf("In how many ways can %d people sit around a round table if two of them insist on sitting next to each other?", n+2),
			itoa(2 * fact(n))}
	case 13:
		a, c := 2+r.IntN(9), r.IntN(10)
		return problem{"math", fmt.Sprintf("Find the minimum value of f(x) = x^2 - %dx + %d over the real numbers, and the x at which it occurs.", 2*a, a*a+c), fmt.Sprintf("%d, at x = %d", c, a)}
	case 14:
		w, l, x := 3+r.IntN(20), 5+r.IntN(30), 1+r.IntN(3)
		return problem{"math", fmt.Sprintf("A rectangular garden is %d m by %d m. A path of uniform width is built around it, and the total area becomes %d m². How wide is the path?", w, l, (w+2*x)*(l+2*x)),
			itoa(x) + " m"}
	default:
		n := 2 + r.IntN(5)
		num, den := binom(n+3, 2)+binom(n, 2), binom(2*n+3, 2)
		return problem{"math", fmt.Sprintf("A bag contains %d red and %d blue marbles. Two are drawn without replacement. What is the probability that both are the same colour?", n+3, n),
			fmt.Sprintf("%d/%d", num/gcd(num, den), den/gcd(num, den))}
	}
}

func binom(n, k int) int {
	if k < 0 || k > n {
		return 0
	}
	res := 1
	for i := 1; i <= k; i++ {
		res = res * (n - k + i) / i
	}
	return res
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func fact(n int) int {
	res := 1
	for i := 2; i <= n; i++ {
		res *= i
	}
	return res
}

var codeLangs = []string{"Python", "TypeScript", "Go", "Rust", "Java", "C++", "Kotlin", "SQL"}

var codeSpecs = []string{
	"returns the longest palindromic substring of a string",
	"merges overlapping intervals given as a list of pairs",
	"implements an LRU cache with O(1) get and put",
	"parses a CSV line that may contain quoted fields with commas",
	"finds the shortest path in a weighted graph using Dijkstra's algorithm",
	"serialises and deserialises a binary tree",
	"computes the edit distance between two strings",
	"implements a token bucket rate limiter that is safe for concurrent use",
	"detects a cycle in a directed graph and returns one cycle if found",
	"evaluates an arithmetic expression with +, -, *, / and parentheses",
	"validates a Sudoku board",
	"implements binary search over a rotated sorted array",
	"groups anagrams from a list of words",
	"returns the k most frequent elements of an array",
	"implements a trie with insert, search and prefix search",
	"converts a Roman numeral to an integer and back",
	"streams a large JSON array from a file without loading it all into memory",
	"retries an HTTP request with exponential backoff and jitter",
	"computes a running median of a stream of numbers",
	"schedules tasks with dependencies (topological sort), reporting an error on cycles",
	"implements a thread-safe bounded queue",
	"finds all permutations of a string with duplicate characters, without duplicates in the output",
}

var codeConstraints = []string{
	"Explain the time and space complexity.", "Include unit tests.", "Handle edge cases explicitly.",
	"Do not use any external libraries.", "Add comments explaining each step of the reasoning.",
	"First explain your approach step by step, then give the code.", "",
}

func codeProblem(r *rand.Rand) problem {
	lang := pick(r, codeLangs)
	return problem{"code", fmt.Sprintf("Write a %s function that %s.", lang, pick(r, codeSpecs)), lang}
}

func logicProblem(r *rand.Rand) problem {
	p := r.Perm(len(firstNames))
	a, b, c, d := firstNames[p[0]], firstNames[p[1]], firstNames[p[2]], firstNames[p[3]]
	switch r.IntN(6) {
	case 0:
		return problem{"logic", fmt.Sprintf("On an island, knights always tell the truth and knaves always lie. %s says: \"We are both knaves.\" What are %s and %s?", a, a, b), a + " is a knave and " + b + " is a knight"}
	case 1:
		return problem{"logic", fmt.Sprintf("Knights always tell the truth and knaves always lie. %s says: \"%s is a knave.\" %s says: \"%s and I are the same kind.\" What is each of them?", a, b, b, a), a + " is a knight and " + b + " is a knave"}
	case 2:
		return problem{"logic", fmt.Sprintf("%s, %s, %s and %s ran a race. %s finished right before %s. %s beat everyone. %s was not last. What was the finishing order?", a, b, c, d, c, d, a, b), strings.Join([]string{a, b, c, d}, ", ")}
	case 3:
		pr := pick(r, [][2]int{{3, 5}, {4, 7}, {5, 8}, {3, 7}, {5, 9}, {7, 10}})
		x, y := pr[0], pr[1]
		t := 1 + r.IntN(y-1)
		return problem{"logic", fmt.Sprintf("You have a %d-litre jug and a %d-litre jug and unlimited water. How do you measure exactly %d litres?", x, y, t), fmt.Sprintf("it can be done, since %d and %d are coprime", x, y)}
	case 4:
		h, m := 1+r.IntN(12), r.IntN(60)
		ang := math.Abs(30*float64(h%12) - 5.5*float64(m))
		ang = math.Min(ang, 360-ang)
		return problem{"logic", fmt.Sprintf("A clock shows %d:%02d. What is the smaller angle between the hour and minute hands?", h, m), ftoa(ang, 1) + " degrees"}
	default:
		n := 5 + r.IntN(40)
		return problem{"logic", fmt.Sprintf("%d people each shake hands with every other person exactly once. How many handshakes are there?", n), itoa(n * (n - 1) / 2)}
	}
}

func sciProblem(r *rand.Rand) problem {
	x, y := 5+r.IntN(40), 1+r.IntN(60)
	switch r.IntN(6) {
	case 0:
		v, h := float64(x), float64(y)
		t := (v + math.Sqrt(v*v+2*9.8*h)) / 9.8
		return problem{"science", fmt.Sprintf("A ball is thrown upward at %d m/s from a height of %d m. How long until it hits the ground? Take g = 9.8 m/s².", x, y), ftoa(t, 2) + " s"}
	case 1:
		m := float64(x * 10)
		q := m*4.186*float64(100-min(y, 90)) + m*2257
		return problem{"science", fmt.Sprintf("How much heat is needed to raise %d g of water from %d°C to 100°C and then boil it completely?", x*10, min(y, 90)), ftoa(q/1000, 1) + " kJ"}
	case 2:
		r1, r2 := float64(x), float64(y+5)
		return problem{"science", fmt.Sprintf("A %d Ω resistor and a %d Ω resistor are connected in parallel across a 12 V battery. What current flows from the battery?", x, y+5), ftoa(12*(r1+r2)/(r1*r2), 3) + " A"}
	case 3:
		return problem{"science", fmt.Sprintf("What mass of CO2 is produced by burning %d g of methane completely?", x*4), ftoa(float64(x*4)*44.01/16.04, 1) + " g"}
	case 4:
		m, t := 900+x*20, 5+y%10
		p := 0.5 * float64(m) * (100 / 3.6) * (100 / 3.6) / float64(t)
		return problem{"science", fmt.Sprintf("A car of mass %d kg accelerates from rest to 100 km/h in %d s. What average power does the engine deliver, ignoring losses?", m, t), ftoa(p/1000, 1) + " kW"}
	default:
		hl, d := 2+x%20, y*2
		return problem{"science", fmt.Sprintf("A radioactive sample has a half-life of %d days. What fraction remains after %d days?", hl, d), ftoa(math.Pow(0.5, float64(d)/float64(hl)), 4)}
	}
}

// harvestProblem draws from the capability areas a campaign concentrates on.
func harvestProblem(r *rand.Rand, wMath, wCode, wLogic, wSci float64) problem {
	switch pickW(r, wMath, wCode, wLogic, wSci) {
	case 0:
		return mathProblem(r)
	case 1:
		return codeProblem(r)
	case 2:
		return logicProblem(r)
	default:
		return sciProblem(r)
	}
}

// candidateSolution is a plausible, sometimes flawed, worked solution, the
// thing an operator asks the model to grade.
func candidateSolution(r *rand.Rand, p problem) string {
	steps := []string{
		"First, I identify what is given and what is asked.",
		"Let me set up the equation from the information in the problem.",
		"Substituting the values, I get the intermediate result.",
		"Simplifying, the expression reduces further.",
		"Checking the units, everything is consistent.",
		"Therefore the answer is " + p.a + ".",
	}
	if r.IntN(3) == 0 {
		steps[len(steps)-1] = "Therefore the answer is " + wrongAnswer(r, p.a) + "."
	}
	var b strings.Builder
	for i, s := range steps[:3+r.IntN(3)] {
		fmt.Fprintf(&b, "Step %d: %s\n", i+1, s)
	}
	b.WriteString(steps[len(steps)-1])
	return b.String()
}

func wrongAnswer(r *rand.Rand, a string) string {
	if f, err := strconv.ParseFloat(strings.Fields(a + " x")[0], 64); err == nil {
		return ftoa(f*(0.5+r.Float64()), 2)
	}
	return "undetermined"
}

// The public benchmark the evaluation team runs: the same items in every
// world (a fixed seed), as a public data set is the same for everybody.
type mcItem struct {
	q    string
	opts [4]string
}

var capitals = [][2]string{
	{"Australia", "Canberra"}, {"Canada", "Ottawa"}, {"Brazil", "Brasília"}, {"Nigeria", "Abuja"}, {"Turkey", "Ankara"},
	{"Kenya", "Nairobi"}, {"Vietnam", "Hanoi"}, {"Morocco", "Rabat"}, {"New Zealand", "Wellington"}, {"Switzerland", "Bern"},
	{"Pakistan", "Islamabad"}, {"Kazakhstan", "Astana"}, {"Bolivia", "Sucre"}, {"Tanzania", "Dodoma"}, {"Myanmar", "Naypyidaw"},
	{"Sri Lanka", "Sri Jayawardenepura Kotte"}, {"Côte d'Ivoire", "Yamoussoukro"}, {"Ecuador", "Quito"}, {"Norway", "Oslo"}, {"Chile", "Santiago"},
}

var elements = [][2]string{
	{"sodium", "Na"}, {"potassium", "K"}, {"iron", "Fe"}, {"lead", "Pb"}, {"tin", "Sn"}, {"tungsten", "W"}, {"silver", "Ag"},
	{"gold", "Au"}, {"mercury", "Hg"}, {"copper", "Cu"}, {"antimony", "Sb"}, {"phosphorus", "P"}, {"magnesium", "Mg"},
}

var benchMC, benchMath = buildBench()

func buildBench() ([]mcItem, []problem) {
	r := rand.New(rand.NewPCG(2021, 7))
	var mc []mcItem
	for len(mc) < 360 {
		var it mcItem
		switch r.IntN(4) {
		case 0:
			c := pick(r, capitals)
			it.q = "What is the capital of " + c[0] + "?"
			it.opts = [4]string{c[1], pick(r, capitals)[1], pick(r, capitals)[1], pick(r, capitals)[1]}
		case 1:
			e := pick(r, elements)
			it.q = "Which element has the chemical symbol " + e[1] + "?"
			it.opts = [4]string{e[0], pick(r, elements)[0], pick(r, elements)[0], pick(r, elements)[0]}
		case 2:
			a, b := 12+r.IntN(80), 3+r.IntN(30)
			it.q = fmt.Sprintf("What is %d × %d?", a, b)
			it.opts = [4]string{itoa(a * b), itoa(a*b + 10), itoa(a*b - b), itoa(a * (b + 1))}
		default:
			p := 5 + r.IntN(90)
			it.q = fmt.Sprintf("A price rises from 80 to %d. What is the percentage change?", 80+p)
			it.opts = [4]string{ftoa(float64(p)/0.8, 2) + "%", ftoa(float64(p), 0) + "%", ftoa(float64(p)/1.8, 2) + "%", ftoa(float64(p)*0.8, 1) + "%"}
		}
		perm := r.Perm(4)
		var o [4]string
		for i, j := range perm {
			o[i] = it.opts[j]
		}
		it.opts = o
		mc = append(mc, it)
	}
	var m []problem
	for range 160 {
		m = append(m, mathProblem(r))
	}
	return mc, m
}
