package mooc

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// The text machinery: topic banks, question generators, phrasing pieces
// and stand-in answers. Every class, legitimate or not, draws its text from
// here; classes differ in which pieces they pick and how often.

type lang string

const (
	en lang = "en"
	zh lang = "zh"
	ja lang = "ja"
	ko lang = "ko"
	es lang = "es"
	ru lang = "ru"
	de lang = "de"
	fr lang = "fr"
	pt lang = "pt"
)

type topic uint8

const (
	tMath topic = iota
	tProof
	tPhys
	tChem
	tBio
	tCS
	tLogic
	tEcon
	tHist
	tCode
	tDebug
	tWriting
	tEveryday
	nTopics
)

type qgen func(r *rand.Rand) string

// question draws a question on topic t in language l.
func question(r *rand.Rand, l lang, t topic) string {
	if l != en {
		if gs := i18nQ[l][t]; len(gs) > 0 {
			return pick(r, gs)(r)
		}
	}
	return pick(r, enQ[t])(r)
}

// --- slot values shared by all languages ---

func signed(v int) string {
	if v < 0 {
		return fmt.Sprintf("- %d", -v)
	}
	return fmt.Sprintf("+ %d", v)
}

// quadratic is "ax^2 ± bx ± c" with integer roots most of the time.
func quadratic(r *rand.Rand) string {
	p, q := between(r, -9, 9), between(r, -9, 9)
	a := pick(r, []int{1, 1, 1, 2, 3})
	b, c := -a*(p+q), a*p*q
	if chance(r, 0.3) {
		c += between(r, 1, 5)
	}
	lead := "x^2"
	if a != 1 {
		lead = fmt.Sprintf("%dx^2", a)
	}
	return fmt.Sprintf("%s %sx %s", lead, signed(b), signed(c))
}

var derivExprs = []string{"x^3 sin(x)", "ln(x^2 + 1)", "e^(2x) cos(3x)", "(3x^2 + 2)/(x - 1)", "sqrt(1 + x^4)", "x^x", "arctan(x^2)", "x^2 e^(-x)", "sin(x)/x", "ln(sin x)", "(x^2 - 1)^5", "tan(x) sec(x)"}
var integralExprs = []string{"x e^x", "x^2 ln x", "1/(1 + x^2)", "sin^2(x)", "x/(x^2 + 4)", "e^x sin x", "x sqrt(x + 1)", "1/(x(x + 1))"}
var limitExprs = []string{"(sin 3x)/x", "(1 - cos x)/x^2", "(e^x - 1 - x)/x^2", "(tan x - x)/x^3", "x ln x", "(1 + 2x)^(1/x)"}
var cities = []string{"Lyon", "Denver", "Osaka", "Porto", "Leeds", "Austin", "Krakow", "Pune", "Curitiba", "Adelaide", "Bergen", "Tucson"}
var names = []string{"Alice", "Bob", "Carla", "Dev", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Mei", "Noah", "Olga", "Priya"}
var nonSquares = []int{2, 3, 5, 6, 7, 10, 11, 12, 15}

type reaction struct{ product, reactant, other string }

var stoich = []reaction{
	{"carbon dioxide", "propane", "oxygen"}, {"water", "hydrogen gas", "oxygen"},
	{"ammonia", "nitrogen gas", "hydrogen gas"}, {"iron", "iron(III) oxide", "carbon monoxide"},
	{"sodium chloride", "sodium", "chlorine gas"}, {"magnesium oxide", "magnesium", "oxygen"},
}

type acid struct{ name, ka string }

var weakAcids = []acid{{"acetic acid", "1.8 x 10^-5"}, {"formic acid", "1.8 x 10^-4"}, {"hydrofluoric acid", "6.8 x 10^-4"}, {"benzoic acid", "6.3 x 10^-5"}, {"hypochlorous acid", "3.0 x 10^-8"}}

var mechanisms = []string{"aldol condensation of acetaldehyde", "SN2 reaction of bromoethane with hydroxide", "Diels-Alder reaction between 1,3-butadiene and maleic anhydride",
	"Friedel-Crafts acylation of benzene with acetyl chloride", "acid-catalysed hydration of propene", "Grignard addition of methylmagnesium bromide to acetone",
	"E1 elimination of tert-butyl bromide", "Fischer esterification of acetic acid with ethanol", "Wittig reaction of benzaldehyde", "Claisen condensation of ethyl acetate",
	"nitration of toluene", "hydroboration-oxidation of 1-methylcyclohexene", "Michael addition of diethyl malonate to methyl vinyl ketone", "pinacol rearrangement"}

var productPairs = [][2]string{{"2-methyl-2-butene", "HBr in the presence of peroxides"}, {"cyclohexanone", "LiAlH4 followed by aqueous workup"}, {"benzene", "Cl2 and FeCl3"},
	{"1-butyne", "H2 over Lindlar's catalyst"}, {"styrene", "OsO4 then NaHSO3"}, {"ethyl benzoate", "excess phenylmagnesium bromide"}, {"2-bromobutane", "potassium tert-butoxide"},
	{"anisole", "HNO3/H2SO4"}, {"cyclopentene", "ozone followed by dimethyl sulfide"}}

var bioConcepts = []string{"the electron transport chain", "CRISPR-Cas9 gene editing", "the sodium-potassium pump", "mRNA vaccines", "long-term potentiation", "the Krebs cycle", "T-cell activation", "meiosis", "the lac operon", "photosynthesis"}
var csConcepts = []string{"a B-tree index", "the Raft consensus algorithm", "garbage collection in Go", "the TLS 1.3 handshake", "virtual memory and paging", "a hash map with open addressing",
	"the CAP theorem", "backpropagation", "attention in transformers", "consistent hashing", "MVCC in PostgreSQL", "a Bloom filter", "the Linux scheduler", "OAuth 2.0 authorization code flow"}
var csPairs = [][2]string{{"a process", "a thread"}, {"TCP", "UDP"}, {"a mutex", "a semaphore"}, {"SQL", "NoSQL databases"}, {"REST", "gRPC"}, {"stack memory", "heap memory"},
	{"an abstract class", "an interface"}, {"optimistic locking", "pessimistic locking"}, {"L1 regularization", "L2 regularization"}, {"merge sort", "quicksort"}, {"horizontal scaling", "vertical scaling"}}
var complexityOf = []string{"heapsort", "building a binary heap from an unsorted array", "Dijkstra's algorithm with a binary heap", "inserting into a balanced BST", "the naive recursive Fibonacci", "union-find with path compression", "matrix chain multiplication by dynamic programming"}
var econWhy = []string{"inflation rose sharply in 2021 and 2022", "central banks raise interest rates to fight inflation", "tariffs can hurt domestic consumers", "the 2008 financial crisis spread globally",
	"minimum wage increases have debated effects on employment", "housing prices rise faster than wages in big cities", "a strong dollar hurts US exporters", "countries run trade deficits"}
var histCauses = []string{"the First World War", "the fall of the Western Roman Empire", "the French Revolution", "the collapse of the Soviet Union", "the Meiji Restoration",
	"the Opium Wars", "the Great Depression", "the American Civil War", "the Protestant Reformation", "the decline of the Ottoman Empire"}
var histPairs = [][2]string{{"the Athenian and Spartan systems of government", ""}, {"the causes of the American and French revolutions", ""}, {"the Tang and Song dynasties", ""}, {"the economic policies of the New Deal and the Marshall Plan", ""}}

// codeTasks is the programming task bank.
var codeTasks = []string{
	"implement an LRU cache with O(1) get and put", "merge overlapping intervals", "parse a CSV file and compute the average of a given column",
	"find the longest palindromic substring", "implement a token-bucket rate limiter", "check whether a binary tree is a valid binary search tree",
	"serialize and deserialize a binary tree", "return the k most frequent words in a text", "implement a debounce function",
	"detect a cycle in a directed graph", "implement Dijkstra's shortest path algorithm", "build a trie with insert, search and prefix search",
	"implement a thread-safe bounded queue", "convert a Roman numeral to an integer", "evaluate an arithmetic expression with + - * / and parentheses",
	"find the median of two sorted arrays", "search a rotated sorted array", "group a list of words into anagrams",
	"retry an HTTP request with exponential backoff and jitter", "implement an in-memory key-value store with TTL expiry", "compute the edit distance between two strings",
	"topologically sort tasks with dependencies", "implement a min-heap", "paginate through all results of a REST API", "flatten a nested JSON object into dotted keys",
	"implement a consistent-hashing ring", "find all permutations of a string without duplicates", "validate a Sudoku board", "implement a sliding-window maximum",
	"write a producer-consumer pipeline with a worker pool",
}
var codeLangs = []string{"Python", "Go", "TypeScript", "JavaScript", "Java", "Rust", "C++", "C#"}
var codeLangW = []float64{35, 12, 15, 10, 8, 6, 8, 4}

func codeLang(r *rand.Rand) string { return codeLangs[pickW(r, codeLangW...)] }

var enQ = map[topic][]qgen{
	tMath: {
		func(r *rand.Rand) string {
			return fmt.Sprintf("A bag contains %d red, %d blue and %d green marbles. Three marbles are drawn at random without replacement. What is the probability that all three are different colours?", between(r, 3, 9), between(r, 2, 8), between(r, 2, 7))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Two fair dice are rolled. What is the probability that the sum is %d given that at least one die shows a %d?", between(r, 5, 10), between(r, 2, 5))
		},
		func(r *rand.Rand) string {
			n := between(r, 8, 15)
			return fmt.Sprintf("A basketball player makes %d%% of her free throws. If she takes %d shots, what is the probability that she makes at least %d of them?", between(r, 60, 85), n, n-between(r, 2, 4))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("A test for a disease is %d%% sensitive and %d%% specific. If %.1f%% of the population has the disease, what is the probability that a person who tests positive actually has it?", between(r, 90, 99), between(r, 88, 98), float64(between(r, 2, 30))/10)
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Solve for x: %s = 0.", quadratic(r))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Solve the system of equations: %dx + %dy = %d and %dx - %dy = %d.", between(r, 1, 7), between(r, 1, 7), between(r, 5, 40), between(r, 1, 7), between(r, 1, 7), between(r, -10, 20))
		},
		func(r *rand.Rand) string {
			c := r.Perm(len(cities))
			return fmt.Sprintf("A train leaves %s at %d:00 travelling at %d km/h. Another train leaves %s, %d km away, at %d:30 travelling towards the first at %d km/h. At what time do they meet?",
				cities[c[0]], between(r, 6, 11), between(r, 60, 140), cities[c[1]], between(r, 200, 600), between(r, 6, 11), between(r, 60, 140))
		},
		func(r *rand.Rand) string {
			p := r.Perm(len(names))
			return fmt.Sprintf("%s can paint a house in %d hours and %s can paint it in %d hours. How long does it take them working together?", names[p[0]], between(r, 4, 12), names[p[1]], between(r, 5, 15))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("If you invest $%d at an annual interest rate of %.1f%% compounded monthly, how much will you have after %d years?", between(r, 10, 200)*100, float64(between(r, 15, 80))/10, between(r, 3, 30))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Find the derivative of f(x) = %s.", pick(r, derivExprs))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Evaluate the integral of %s from %d to %d.", pick(r, integralExprs), between(r, 0, 1), between(r, 2, 5))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Compute the limit as x approaches 0 of %s.", pick(r, limitExprs))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("A farmer has %d metres of fencing and wants to enclose a rectangular field along a straight river, with no fence needed on the river side. What dimensions maximise the area?", between(r, 10, 90)*20)
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("What is the remainder when %d^%d is divided by %d?", between(r, 2, 19), between(r, 50, 2026), pick(r, []int{7, 11, 13, 17, 19, 23, 100, 1000}))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("How many positive integers less than %d are divisible by %d or %d but not both?", between(r, 100, 2000), between(r, 2, 7), between(r, 8, 15))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Find the number of positive divisors of %d.", between(r, 2, 60)*between(r, 12, 360))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Find the smallest positive integer n such that n ≡ %d (mod %d), n ≡ %d (mod %d) and n ≡ %d (mod %d).", between(r, 1, 4), 5, between(r, 1, 6), 7, between(r, 1, 10), 11)
		},
		func(r *rand.Rand) string {
			p := r.Perm(len(names))
			return fmt.Sprintf("In how many ways can %d people be seated around a round table if %s and %s refuse to sit next to each other?", between(r, 6, 12), names[p[0]], names[p[1]])
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("How many distinct arrangements are there of the letters of the word %s?", pick(r, []string{"MISSISSIPPI", "BANANA", "STATISTICS", "BOOKKEEPER", "COMMITTEE", "ABRACADABRA"}))
		},
		func(r *rand.Rand) string {
			a, b := between(r, 5, 15), between(r, 5, 15)
			return fmt.Sprintf("A triangle has sides of length %d, %d and %d. Find its area and the radius of its inscribed circle.", a, b, between(r, max(a, b)-min(a, b)+1, a+b-1))
		},
		func(r *rand.Rand) string {
			l := between(r, 5, 13)
			return fmt.Sprintf("A ladder %d m long leans against a wall. Its foot slides away from the wall at %.1f m/s. How fast is the top sliding down when the foot is %d m from the wall?", l, float64(between(r, 2, 15))/10, between(r, 2, l-1))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Find the sum of the first %d terms of the geometric series %d + %d + %d + ...", between(r, 6, 20), 3, 3*2, 3*4)
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("A game costs $%d to play. You roll a fair die; if it shows 6 you win $%d, if it shows 5 you win $%d, otherwise nothing. What is the expected profit per game?", between(r, 1, 5), between(r, 8, 20), between(r, 2, 6))
		},
	},
	tProof: {
		func(r *rand.Rand) string {
			return fmt.Sprintf("Prove that the square root of %d is irrational.", pick(r, nonSquares))
		},
		func(*rand.Rand) string { return "Prove that there are infinitely many primes of the form 4k + 3." },
		func(*rand.Rand) string {
			return "Prove that every bounded monotone sequence of real numbers converges."
		},
		func(*rand.Rand) string {
			return "Prove the mean value theorem: if f is continuous on [a, b] and differentiable on (a, b), then f'(c) = (f(b) - f(a))/(b - a) for some c in (a, b)."
		},
		func(*rand.Rand) string { return "Prove by induction that 1^3 + 2^3 + ... + n^3 = (n(n+1)/2)^2." },
		func(r *rand.Rand) string {
			return fmt.Sprintf("Show that f(x) = x^2 is uniformly continuous on [0, %d] but not on the whole real line.", between(r, 1, 10))
		},
		func(*rand.Rand) string { return "Prove that every group of prime order is cyclic." },
		func(r *rand.Rand) string {
			return fmt.Sprintf("Prove that for every positive integer n, %d^n - 1 is divisible by %d.", 7, 6)
		},
		func(*rand.Rand) string { return "Prove that a tree with n vertices has exactly n - 1 edges." },
		func(*rand.Rand) string {
			return "Prove that among any n + 1 integers chosen from {1, 2, ..., 2n}, two of them are coprime."
		},
		func(*rand.Rand) string { return "Prove the AM-GM inequality for n positive real numbers." },
		func(r *rand.Rand) string {
			return fmt.Sprintf("Prove that the equation x^2 - %dy^2 = 1 has infinitely many integer solutions.", pick(r, nonSquares))
		},
	},
	tPhys: {
		func(r *rand.Rand) string {
			return fmt.Sprintf("A ball is thrown at %d m/s at an angle of %d degrees above the horizontal from the top of a %d m high cliff. How far from the base of the cliff does it land?", between(r, 8, 30), between(r, 15, 60), between(r, 5, 80))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Three resistors of %d, %d and %d ohms are connected in parallel to a %d V battery. Find the total current and the current through each resistor.", between(r, 2, 20), between(r, 10, 50), between(r, 20, 100), pick(r, []int{6, 9, 12, 24}))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("How much heat is needed to turn %d g of ice at -%d °C into steam at 100 °C?", between(r, 50, 500), between(r, 5, 30))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("A %d kg block slides down a %d° incline with a coefficient of kinetic friction of %.2f. What is its acceleration?", between(r, 2, 20), between(r, 20, 50), float64(between(r, 10, 40))/100)
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("What is the orbital period of a satellite in a circular orbit %d km above the Earth's surface?", between(r, 300, 36000))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("A %.1f kg mass on a spring with k = %d N/m is pulled %d cm from equilibrium and released. Find its maximum speed and the period of oscillation.", float64(between(r, 2, 30))/10, between(r, 20, 400), between(r, 2, 15))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("A car of mass %d kg takes a flat curve of radius %d m. If the coefficient of static friction is %.2f, what is the maximum speed it can have without skidding?", between(r, 900, 2000), between(r, 20, 150), float64(between(r, 40, 90))/100)
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("An ideal gas at %d kPa and %d K occupies %.1f L. It is compressed adiabatically to %.1f L. Find the final pressure and temperature (gamma = 1.4).", between(r, 90, 200), between(r, 270, 350), float64(between(r, 20, 60))/10, float64(between(r, 5, 15))/10)
		},
		func(*rand.Rand) string {
			return "Why does a spinning top not fall over? Explain precession in terms of torque and angular momentum."
		},
	},
	tChem: {
		func(r *rand.Rand) string {
			x := pick(r, stoich)
			return fmt.Sprintf("How many grams of %s are produced when %d g of %s reacts completely with excess %s?", x.product, between(r, 5, 200), x.reactant, x.other)
		},
		func(r *rand.Rand) string {
			a := pick(r, weakAcids)
			return fmt.Sprintf("What is the pH of a %.2f M solution of %s (Ka = %s)?", float64(between(r, 1, 50))/100, a.name, a.ka)
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Calculate the pH of a buffer made by mixing %d mL of %.1f M acetic acid with %d mL of %.1f M sodium acetate.", between(r, 5, 50)*10, float64(between(r, 1, 10))/10, between(r, 5, 50)*10, float64(between(r, 1, 10))/10)
		},
		func(r *rand.Rand) string { return fmt.Sprintf("Explain the mechanism of the %s.", pick(r, mechanisms)) },
		func(r *rand.Rand) string {
			p := pick(r, productPairs)
			return fmt.Sprintf("Predict the major product when %s reacts with %s, and explain why it forms.", p[0], p[1])
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("For N2 + 3H2 ⇌ 2NH3, Kc = %.1f x 10^-2 at %d K. If %.1f mol of N2 and %.1f mol of H2 are placed in a %d L flask, what are the equilibrium concentrations?", float64(between(r, 10, 90))/10, between(r, 500, 800), float64(between(r, 5, 30))/10, float64(between(r, 10, 60))/10, between(r, 1, 10))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Balance the redox equation %s in acidic solution.", pick(r, []string{"MnO4- + Fe2+ -> Mn2+ + Fe3+", "Cr2O7^2- + I- -> Cr3+ + I2", "Cu + NO3- -> Cu2+ + NO", "H2O2 + MnO4- -> O2 + Mn2+"}))
		},
		func(*rand.Rand) string {
			return "Why is the second ionization energy of sodium so much larger than the first?"
		},
	},
	tBio: {
		func(r *rand.Rand) string { return fmt.Sprintf("Explain how %s works.", pick(r, bioConcepts)) },
		func(r *rand.Rand) string {
			return fmt.Sprintf("In pea plants, tall (T) is dominant over short (t) and yellow (Y) over green (y). What is the expected ratio of phenotypes from a cross of %s x %s?", pick(r, []string{"TtYy", "TTYy", "Ttyy"}), pick(r, []string{"TtYy", "ttYy", "Ttyy"}))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("In a population in Hardy-Weinberg equilibrium, %d%% of individuals show a recessive trait. What percentage are heterozygous carriers?", between(r, 1, 25))
		},
		func(*rand.Rand) string { return "Why are antibiotics ineffective against viruses?" },
		func(*rand.Rand) string { return "What is the difference between innate and adaptive immunity?" },
	},
	tCS: {
		func(r *rand.Rand) string {
			p := pick(r, csPairs)
			return fmt.Sprintf("What is the difference between %s and %s?", p[0], p[1])
		},
		func(r *rand.Rand) string { return fmt.Sprintf("Explain how %s works.", pick(r, csConcepts)) },
		func(r *rand.Rand) string {
			return fmt.Sprintf("What is the time complexity of %s, and why?", pick(r, complexityOf))
		},
		func(r *rand.Rand) string {
			p := pick(r, csPairs)
			return fmt.Sprintf("When should I use %s instead of %s?", p[1], p[0])
		},
	},
	tLogic: {
		func(r *rand.Rand) string {
			p := r.Perm(len(names))
			a, b := names[p[0]], names[p[1]]
			return fmt.Sprintf("On an island, knights always tell the truth and knaves always lie. %s says: \"%s and I are both knaves.\" %s says nothing. What are %s and %s?", a, b, b, a, b)
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("You have %d coins, one of which is counterfeit and lighter than the others. What is the minimum number of weighings on a balance scale needed to find it, and how?", pick(r, []int{9, 12, 27, 30, 80}))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("In the Monty Hall problem with %d doors, where the host opens %d losing doors after your first pick, should you switch? What is your probability of winning if you do?", between(r, 4, 10), between(r, 1, 2))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Four people must cross a bridge at night with one torch. They take %d, %d, %d and %d minutes. At most two cross at a time, at the slower one's pace. What is the shortest total time?", 1, between(r, 2, 3), between(r, 5, 8), between(r, 9, 12))
		},
		func(*rand.Rand) string {
			return "A farmer must take a wolf, a goat and a cabbage across a river in a boat that holds him and one item. How does he do it without anything being eaten?"
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("If %d machines make %d widgets in %d minutes, how long do %d machines take to make %d widgets?", 5, 5, 5, between(r, 50, 200), between(r, 50, 200))
		},
	},
	tEcon: {
		func(r *rand.Rand) string { return fmt.Sprintf("Explain why %s.", pick(r, econWhy)) },
		func(r *rand.Rand) string {
			return fmt.Sprintf("A monopolist faces demand P = %d - %dQ and has a constant marginal cost of %d. Find the profit-maximising price and quantity, and the deadweight loss.", between(r, 50, 200), between(r, 1, 5), between(r, 5, 40))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("If the price of coffee rises from $%d to $%d and the quantity demanded falls from %d to %d cups a day, what is the price elasticity of demand (midpoint method)?", between(r, 2, 4), between(r, 5, 7), between(r, 300, 500), between(r, 150, 290))
		},
		func(*rand.Rand) string { return "What is the difference between fiscal policy and monetary policy?" },
	},
	tHist: {
		func(r *rand.Rand) string { return fmt.Sprintf("What were the main causes of %s?", pick(r, histCauses)) },
		func(r *rand.Rand) string { return fmt.Sprintf("Compare %s.", pick(r, histPairs)[0]) },
		func(r *rand.Rand) string {
			return fmt.Sprintf("What were the long-term consequences of %s?", pick(r, histCauses))
		},
	},
	tCode: {
		func(r *rand.Rand) string { return fmt.Sprintf("How do I %s in %s?", pick(r, codeTasks), codeLang(r)) },
		func(r *rand.Rand) string {
			return fmt.Sprintf("Write a %s function to %s.", codeLang(r), pick(r, codeTasks))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Can you write me a %s script to %s? Keep it simple.", codeLang(r), pick(r, codeTasks))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("What's the cleanest way to %s in %s?", pick(r, codeTasks), codeLang(r))
		},
	},
	tDebug: {
		func(r *rand.Rand) string {
			s := pick(r, snippets)
			return fmt.Sprintf("I'm getting this error:\n\n```\n%s\n```\n\nHere's my code:\n\n```%s\n%s\n```\n\nWhat am I doing wrong?", s.err, s.lang, s.code)
		},
		func(r *rand.Rand) string {
			s := pick(r, snippets)
			return fmt.Sprintf("why does this throw `%s`?\n\n```%s\n%s\n```", firstLine(s.err), s.lang, s.code)
		},
		func(r *rand.Rand) string {
			s := pick(r, snippets)
			return fmt.Sprintf("Can you review this %s code and suggest improvements?\n\n```%s\n%s\n```", s.lang, s.lang, s.code)
		},
	},
	tWriting: {
		func(r *rand.Rand) string {
			return fmt.Sprintf("Write a %s.", pick(r, []string{"cover letter for a junior data analyst position", "short poem about autumn rain", "LinkedIn post announcing my new job as a product designer",
				"polite email asking my landlord to fix the heating", "toast for my brother's wedding", "product description for a bamboo toothbrush", "thank-you note to my team after a product launch",
				"short story opening about a lighthouse keeper", "complaint letter about a delayed flight"}))
		},
		func(r *rand.Rand) string {
			return "Rewrite this paragraph to sound more professional:\n\n" + paragraph(r, between(r, 2, 4))
		},
		func(r *rand.Rand) string {
			return "Summarise the following text in three bullet points:\n\n" + paragraph(r, between(r, 4, 8))
		},
		func(r *rand.Rand) string { return "Fix the grammar in this:\n\n" + paragraph(r, between(r, 1, 3)) },
	},
	tEveryday: {
		func(r *rand.Rand) string { return pick(r, everydayEN) },
	},
}

var everydayEN = []string{
	"What's a good recipe for dinner with chicken, rice and spinach?", "Plan a 3-day itinerary for Lisbon.", "How do I get rid of fruit flies in my kitchen?",
	"What should I look for when buying a used car?", "How much water should I drink per day?", "Can you suggest some books similar to The Martian?",
	"How do I ask my manager for a raise?", "What's the difference between a Roth IRA and a traditional IRA?", "My cat keeps scratching the sofa, what can I do?",
	"How can I improve my sleep?", "Explain the offside rule in football.", "What are some good stretches for lower back pain?",
	"Help me write a birthday message for my mom.", "How do I start running if I'm a complete beginner?", "What's the best way to learn a new language as an adult?",
	"Give me 5 ideas for a rainy Saturday with kids.", "Is it better to rent or buy a house right now?", "How do I remove a red wine stain from a carpet?",
	"What should I pack for a week of hiking in Scotland in May?", "how long should i boil an egg for a runny yolk", "What are some easy houseplants that survive low light?",
	"Can you explain how credit scores work?", "What's a polite way to decline a wedding invitation?", "Suggest a name for my new coffee shop.",
}

// --- phrasing pieces ---

var mildElicitEN = []string{"Explain step by step.", "Show your work.", "Please explain each step.", "Can you explain how you got the answer?", "Walk me through it.",
	"Explain your reasoning.", "Please show all the steps so I can follow.", "Can you break it down step by step?"}
var heavyElicitEN = []string{
	"Think through the problem carefully and write out your complete reasoning step by step before giving the final answer.",
	"Provide a detailed, step-by-step derivation. Do not skip any intermediate steps, and justify each one.",
	"Reason through this thoroughly. Show every step of your thinking, including any dead ends and how you corrected them.",
	"Give a rigorous, fully worked solution with all intermediate reasoning written out, then state the final answer on its own line.",
	"Explain your reasoning in as much detail as possible, as if teaching someone who has never seen this before.",
	"Before answering, lay out your full chain of reasoning: what you know, what you need, each inference, and why it follows.",
}

// elicit is a request for reasoning in language l; heavy asks for the
// complete chain of reasoning.
func elicit(r *rand.Rand, l lang, heavy bool) string {
	if l != en {
		if e, ok := i18nElicit[l]; ok {
			if heavy {
				return pick(r, e.heavy)
			}
			return pick(r, e.mild)
		}
	}
	if heavy {
		return pick(r, heavyElicitEN)
	}
	return pick(r, mildElicitEN)
}

// rationalise asks for the reasoning behind a given final answer.
func rationalise(r *rand.Rand, l lang, answer string) string {
	if e, ok := i18nElicit[l]; ok && l != en {
		return fmt.Sprintf(pick(r, e.rational), answer)
	}
	return fmt.Sprintf(pick(r, []string{
		"The answer key says %s. Can you explain step by step how to get there?",
		"The final answer is %s. Write out the full reasoning that leads to it, step by step.",
		"I know the answer is %s but I don't see why. Explain each step.",
		"Given that the correct answer is %s, reconstruct the complete solution with every intermediate step.",
	}), answer)
}

// fakeAnswer is a plausible-looking final answer.
func fakeAnswer(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%.4f", r.Float64()*0.9+0.02)
	case 1:
		return fmt.Sprintf("%d", between(r, 2, 5000))
	case 2:
		return fmt.Sprintf("x = %d or x = %d", between(r, -9, 9), between(r, -9, 9))
	}
	return fmt.Sprintf("%d/%d", between(r, 1, 40), between(r, 41, 400))
}

var followUpsEN = []string{"Can you explain that in more detail?", "Why is that?", "Can you give me an example?", "I don't understand step 2.", "Can you make it shorter?",
	"Is there a simpler way?", "Could you double-check the last step?", "ok thanks! what if the numbers were different?", "Can you write tests for it?", "That didn't work, I still get an error.",
	"Can you explain it like I'm five?", "What are the pros and cons?", "Thanks. Can you turn that into a table?", "What would you recommend in my case?", "Hmm, are you sure about that?",
	"Can you rewrite it in a more casual tone?", "how would I do that in Python?", "Great, and what's the next step?"}

func followUp(r *rand.Rand, l lang) string {
	if l != en {
		if f, ok := i18nFollow[l]; ok {
			return pick(r, f)
		}
	}
	return pick(r, followUpsEN)
}

var openersEN = []string{"", "", "", "Quick question: ", "Hey! ", "Hi, ", "Can you help me with this? ", "I'm studying for an exam. ", "For my homework: ", "I'm stuck on this one. ", "Hello, "}
var closersEN = []string{"", "", "", " Thanks!", " Thank you.", " Thanks in advance.", " ty"}

// --- paragraphs (summaries, rewrites, translation, app inputs) ---

var sentencesEN = []string{
	"Our new bamboo toothbrush is made from sustainably harvested bamboo and comes in fully compostable packaging.",
	"The handle is lightweight, water-resistant and shaped to fit comfortably in your hand.",
	"To reset your password, open Settings, choose Account and tap Forgot password.",
	"A confirmation email will be sent to the address associated with your account within a few minutes.",
	"The city council voted on Tuesday to extend the pilot programme for protected bike lanes by another year.",
	"Supporters say the lanes have reduced accidents, while some shop owners complain about lost parking spaces.",
	"Orders placed before 2 pm are shipped the same business day from our warehouse in Rotterdam.",
	"If an item arrives damaged, please contact us within 14 days and include a photo of the packaging.",
	"The quarterly report shows revenue growth of 12 percent, driven mainly by the subscription business.",
	"Operating costs rose faster than expected because of higher cloud and logistics expenses.",
	"This jacket is made from recycled polyester and features a detachable hood and two zip pockets.",
	"Machine wash cold with similar colours and do not tumble dry.",
	"The museum will be closed for renovation from March until the end of the summer.",
	"During this period, a selection of the collection will be shown at the library on Market Street.",
	"Researchers found that participants who slept less than six hours performed worse on memory tests.",
	"However, the study was small and did not control for caffeine intake.",
	"The update improves battery life and fixes a bug that caused notifications to arrive late.",
	"You can install it from the app store or wait for the automatic update over the next few days.",
	"Our team met last week to discuss the roadmap for the next two quarters.",
	"We agreed to prioritise the mobile onboarding flow and postpone the reporting dashboard.",
	"The ceramic mug holds 350 ml, is dishwasher safe and keeps drinks warm for longer thanks to its double wall.",
	"Each listing includes the price, the size of the apartment and the distance to the nearest train station.",
	"Please note that the warranty does not cover damage caused by improper use or unauthorised repairs.",
	"Volunteers planted more than two thousand trees along the river over the weekend.",
	"The recipe serves four and takes about forty minutes, including preparation.",
	"Payment can be made by card, bank transfer or, in some countries, cash on delivery.",
	"The conference will take place online and registration is free for students.",
	"Temperatures are expected to drop sharply on Thursday, with snow possible above 800 metres.",
}

func paragraph(r *rand.Rand, n int) string {
	start := r.IntN(len(sentencesEN))
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(sentencesEN[(start+i*(1+r.IntN(3)))%len(sentencesEN)])
	}
	return sb.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// --- stand-in answers for the assistant turns of a conversation ---

var stepLinesEN = []string{
	"First, let's write down what we know and what we are asked to find.",
	"Next, we set up the relationship between the quantities.",
	"Substituting the given values, we get the expression below.",
	"Simplifying, the terms combine neatly.",
	"We should check that this result makes sense: it has the right units and sign.",
	"Now we apply the formula to each case separately.",
	"Rearranging the equation isolates the unknown.",
	"Finally, we combine the partial results.",
}
var conceptLinesEN = map[topic][]string{
	tBio:  {"At its core, the process moves energy or information from one molecular carrier to another.", "Enzymes lower the activation energy, so each step happens quickly at body temperature.", "The cell regulates this tightly, because too much or too little activity is harmful.", "A useful analogy is an assembly line, where each station does one small job."},
	tCS:   {"The key idea is to trade a little extra memory for much faster lookups.", "Under the hood, the system keeps an ordered structure so that operations stay logarithmic.", "Failures are handled by replicating state and agreeing on a single order of updates.", "In practice, the right choice depends on your read/write ratio and latency needs."},
	tEcon: {"When demand grows faster than supply, prices tend to rise.", "Expectations matter: if people expect higher prices, they act in ways that bring them about.", "Policy works with a lag, often of a year or more.", "Economists still disagree about the size of the effect, because it is hard to measure."},
	tHist: {"Several long-term pressures had built up for decades before the crisis.", "Economic strain and political rivalry reinforced each other.", "A triggering event then turned tension into open conflict.", "Historians today emphasise how contingent the outcome was."},
}
var tipsEN = []string{"Start small and build a routine you can keep.", "Keep a simple checklist so nothing is forgotten.", "Ask a professional if the problem persists.",
	"Compare at least three options before deciding.", "Set a budget first and stick to it.", "Give yourself a buffer of time for surprises.", "Write down what worked and what didn't."}

// answer is a stand-in for the model's reply to q, used as an assistant turn.
func answer(r *rand.Rand, l lang, t topic) string {
	if l != en {
		if a, ok := i18nAnswer[l]; ok {
			lines := a.concept
			switch t {
			case tMath, tProof, tPhys, tChem, tLogic:
				lines = a.steps
			case tEveryday:
				lines = a.tips
			}
			var sb strings.Builder
			sb.WriteString(pick(r, a.intro))
			for i, s := range pickN(r, lines, between(r, 2, 4)) {
				fmt.Fprintf(&sb, "\n\n%d. %s", i+1, s)
			}
			sb.WriteString("\n\n" + pick(r, a.outro))
			return sb.String()
		}
	}
	var sb strings.Builder
	switch t {
	case tMath, tProof, tPhys, tChem, tLogic:
		sb.WriteString(pick(r, []string{"Let's work through this step by step.", "Here's how to approach it.", "Sure! Let's solve it carefully."}))
		for i, s := range pickN(r, stepLinesEN, between(r, 2, 5)) {
			fmt.Fprintf(&sb, "\n\n**Step %d.** %s\n\n$$ %s $$", i+1, s, mathLine(r))
		}
		fmt.Fprintf(&sb, "\n\n**Answer:** %s", fakeAnswer(r))
	case tCode, tDebug:
		s := pick(r, snippets)
		if t == tDebug {
			sb.WriteString("The problem is that a value can be missing at the point where you use it, so you need to check for it first. Here's a fixed version:")
		} else {
			sb.WriteString("Here's a straightforward implementation:")
		}
		fmt.Fprintf(&sb, "\n\n```%s\n%s\n```\n\n**How it works:**\n- %s\n- %s", s.lang, s.code,
			pick(r, []string{"It validates the input before doing any work.", "The main loop runs once per item, so it is linear in the input size.", "Errors are returned to the caller instead of being swallowed."}),
			pick(r, []string{"You can extend it by adding logging.", "Edge cases like empty input are handled explicitly.", "It avoids global state, which makes it easy to test."}))
	case tBio, tCS, tEcon, tHist:
		lines := pickN(r, conceptLinesEN[t], 4)
		sb.WriteString(pick(r, []string{"Great question. Here's an overview.", "Here's the short version.", "Good question! Let me break it down."}))
		n := between(r, 2, 3)
		for i, s := range lines[:n] {
			fmt.Fprintf(&sb, "\n\n%d. %s", i+1, s)
		}
		sb.WriteString("\n\nIn short, " + strings.ToLower(lines[n][:1]) + lines[n][1:])
	case tWriting:
		sb.WriteString("Here's a version you can use:\n\n" + paragraph(r, between(r, 3, 6)))
	default:
		sb.WriteString("Here are a few suggestions:")
		for i, s := range pickN(r, tipsEN, between(r, 3, 5)) {
			fmt.Fprintf(&sb, "\n\n%d. %s", i+1, s)
		}
		sb.WriteString("\n\nLet me know if you'd like more detail on any of these!")
	}
	return sb.String()
}

func mathLine(r *rand.Rand) string {
	a, b, c := between(r, 2, 40), between(r, 2, 40), between(r, 2, 9)
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%d x + %d = %d \\implies x = %.3g", a, b, a*c+b, float64(c))
	case 1:
		return fmt.Sprintf("P = \\frac{%d}{%d} \\approx %.4f", a, a+b, float64(a)/float64(a+b))
	case 2:
		return fmt.Sprintf("\\sum_{k=1}^{%d} k = %d", a, a*(a+1)/2)
	}
	return fmt.Sprintf("v = \\sqrt{2 g h} = \\sqrt{2 \\cdot 9.8 \\cdot %d} \\approx %.2f", a, math.Sqrt(2*9.8*float64(a)))
}

// --- code snippets (debugging questions, IDE file contents, answers) ---

type snippet struct {
	lang, path, code, err string
}

var snippets = []snippet{
	{"python", "app/stats.py", `import csv

def column_average(path, column):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        values = [float(row[column]) for row in reader if row[column]]
    return sum(values) / len(values)

if __name__ == "__main__":
    print(column_average("data/sales.csv", "amount"))`, "ZeroDivisionError: division by zero"},
	{"python", "app/routes/users.py", `from flask import Blueprint, jsonify, request
from app.db import get_user

bp = Blueprint("users", __name__)

@bp.get("/users/<int:user_id>")
def show(user_id):
    user = get_user(user_id)
    return jsonify({"id": user["id"], "name": user["name"], "email": user["email"]})`, "TypeError: 'NoneType' object is not subscriptable"},
	{"go", "internal/worker/pool.go", `package worker

import "sync"

func Run(jobs []Job, n int) []Result {
	results := make(chan Result)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, j := range jobs {
				results <- j.Do()
			}
		}()
	}
	wg.Wait()
	var out []Result
	for r := range results {
		out = append(out, r)
	}
	return out
}`, "fatal error: all goroutines are asleep - deadlock!"},
	{"go", "internal/api/handler.go", `func (h *Handler) GetOrder(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	order, err := h.store.Order(r.Context(), id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	json.NewEncoder(w).Encode(order.Summary())
}`, "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b2f1a]"},
	{"typescript", "src/components/UserList.tsx", `export function UserList({ teamId }: { teamId?: string }) {
  const [users, setUsers] = useState<User[]>();
  useEffect(() => {
    fetchUsers(teamId).then(setUsers);
  }, []);
  return (
    <ul>
      {users.map((u) => (
        <li>{u.name}</li>
      ))}
    </ul>
  );
}`, "TypeError: Cannot read properties of undefined (reading 'map')"},
	{"typescript", "src/lib/config.ts", `export function loadConfig(env: NodeJS.ProcessEnv) {
  const port = parseInt(env.PORT);
  const dbUrl: string = env.DATABASE_URL;
  return { port, dbUrl, debug: env.DEBUG === "1" };
}`, "src/lib/config.ts:2:25 - error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'."},
	{"rust", "src/main.rs", `fn main() {
    let mut scores = vec![10, 20, 30];
    let first = &scores[0];
    scores.push(40);
    println!("first = {}", first);
}`, "error[E0502]: cannot borrow `scores` as mutable because it is also borrowed as immutable"},
	{"java", "src/main/java/com/acme/OrderService.java", `public class OrderService {
    private final Map<String, Order> orders = new HashMap<>();

    public double total(String customerId) {
        return orders.values().stream()
            .filter(o -> o.getCustomer().getId().equals(customerId))
            .mapToDouble(Order::getAmount)
            .sum();
    }
}`, "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"com.acme.Customer.getId()\" because the return value of \"com.acme.Order.getCustomer()\" is null"},
	{"javascript", "src/utils/debounce.js", `export function debounce(fn, wait) {
  let timer;
  return function (...args) {
    clearTimeout(timer);
    timer = setTimeout(fn(...args), wait);
  };
}`, "TypeError [ERR_INVALID_ARG_TYPE]: The \"callback\" argument must be of type function. Received undefined"},
	{"python", "scripts/fetch_all.py", `import requests

def fetch_all(url, token):
    items, page = [], 1
    while True:
        resp = requests.get(url, params={"page": page}, headers={"Authorization": f"Bearer {token}"})
        data = resp.json()
        items.extend(data["items"])
        if not data["next"]:
            break
        page += 1
    return items`, "KeyError: 'items'"},
}
