package launch

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// area is a subject problems are drawn from.
type area int

const (
	aAlgebra area = iota
	aCalculus
	aProbability
	aStatistics
	aPhysics
	aChemistry
	aAlgorithms
	aGeometry
	aNumberTheory
	aEconomics
	nAreas
)

// problem is one exercise: its statement and a term a follow-up can ask
// about.
type problem struct {
	text string
	term string
	area area
}

type tmpl func(r *rand.Rand) (string, string)

func n(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

var names = []string{"Ava", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kemal", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Vik", "Wren", "Yusuf", "Zoe"}

var problemBank = map[area][]tmpl{
	aAlgebra: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Solve for x: %dx + %d = %dx - %d", n(r, 2, 9), n(r, 3, 40), n(r, 10, 19), n(r, 2, 30)), "isolating x"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Solve the system: %dx + %dy = %d and %dx - y = %d", n(r, 1, 6), n(r, 1, 6), n(r, 5, 60), n(r, 1, 6), n(r, 1, 20)), "substitution"
		},
		func(r *rand.Rand) (string, string) {
			a, b := n(r, 1, 9), n(r, 1, 9)
			return fmt.Sprintf("Factor x^2 + %dx + %d and find its roots.", a+b, a*b), "factoring"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Find all real solutions of %dx^2 - %dx - %d = 0 using the quadratic formula.", n(r, 1, 5), n(r, 1, 12), n(r, 1, 20)), "the discriminant"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Simplify (%dx^3 y^%d)^2 / (%dx y^%d).", n(r, 2, 5), n(r, 2, 4), n(r, 2, 6), n(r, 1, 3)), "exponent rules"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("%s has %d coins, all dimes and quarters, worth $%d.%02d in total. How many of each?", pick(r, names), n(r, 15, 40), n(r, 3, 8), 5*n(r, 0, 19)), "setting up the equations"
		},
	},
	aCalculus: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Find the derivative of f(x) = x^%d * sin(%dx).", n(r, 2, 5), n(r, 2, 7)), "the product rule"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Evaluate the integral of x*e^(%dx) dx.", n(r, 2, 6)), "integration by parts"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Compute the limit as x -> 0 of (1 - cos(%dx)) / x^2.", n(r, 2, 9)), "L'Hopital's rule"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A rectangular pen is built along a river with %d m of fencing on three sides. What dimensions maximise the area?", 20*n(r, 5, 40)), "the critical point"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A ladder %d ft long slides down a wall; the bottom moves away at %d ft/s. How fast is the top falling when the bottom is %d ft from the wall?", n(r, 10, 25), n(r, 1, 4), n(r, 5, 9)), "related rates"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Find the area between y = x^2 and y = %dx.", n(r, 2, 8)), "the bounds of integration"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Does the series sum of n / %d^n converge? If so, find its sum.", n(r, 2, 5)), "the ratio test"
		},
	},
	aProbability: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Two fair dice are rolled. What is the probability the sum is at least %d?", n(r, 7, 11)), "counting outcomes"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A test for a disease is %d%% sensitive and %d%% specific, and %d%% of people have it. If someone tests positive, what is the chance they have it?", n(r, 90, 99), n(r, 85, 99), n(r, 1, 5)), "Bayes' theorem"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A bag has %d red and %d blue marbles. Three are drawn without replacement. What is the probability exactly two are red?", n(r, 3, 9), n(r, 3, 9)), "combinations"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("What is the expected number of coin flips to get %d heads in a row?", n(r, 2, 4)), "the recursion for the expectation"
		},
	},
	aStatistics: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A sample of %d has mean %d and standard deviation %d.%d. Build a 95%% confidence interval for the population mean.", n(r, 16, 64), n(r, 40, 120), n(r, 3, 15), n(r, 0, 9)), "the t value"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Test at the 5%% level whether a coin is fair if it lands heads %d times out of %d.", n(r, 56, 70), 100), "the p-value"
		},
		func(r *rand.Rand) (string, string) {
			xs := make([]string, n(r, 6, 9))
			for i := range xs {
				xs[i] = fmt.Sprint(n(r, 2, 40))
			}
			return "Find the mean, median and sample standard deviation of: " + strings.Join(xs, ", "), "the sample standard deviation"
		},
	},
	aPhysics: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A ball is thrown upward at %d m/s from a %d m cliff. When does it hit the ground below?", n(r, 5, 30), n(r, 10, 80)), "the sign convention"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A %d kg block slides down a %d degree incline with friction coefficient 0.%d. Find its acceleration.", n(r, 2, 20), n(r, 15, 50), n(r, 10, 45)), "the normal force"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Two resistors of %d ohm and %d ohm are in parallel, in series with %d ohm, across %d V. Find the current through each.", n(r, 2, 30), n(r, 2, 30), n(r, 1, 20), n(r, 3, 24)), "equivalent resistance"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A satellite orbits %d km above Earth. Find its orbital period.", 100*n(r, 3, 40)), "Kepler's third law"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A %d g bullet at %d m/s embeds in a %d kg block on a string. How high does the block swing?", n(r, 5, 30), 50*n(r, 4, 12), n(r, 1, 5)), "conservation of momentum"
		},
	},
	aChemistry: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("How many grams of water form when %d.%d g of hydrogen burns in excess oxygen?", n(r, 1, 9), n(r, 0, 9)), "the mole ratio"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Find the pH of a 0.0%d M solution of acetic acid (Ka = 1.8e-5).", n(r, 1, 9)), "the ICE table"
		},
		func(r *rand.Rand) (string, string) {
			return "Balance: " + pick(r, []string{"C3H8 + O2 -> CO2 + H2O", "Fe + O2 -> Fe2O3", "Al + HCl -> AlCl3 + H2", "KMnO4 + HCl -> KCl + MnCl2 + Cl2 + H2O"}), "balancing the oxygens"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A gas occupies %d L at %d C and %d kPa. What volume does it occupy at STP?", n(r, 2, 30), n(r, 20, 90), n(r, 90, 200)), "the combined gas law"
		},
	},
	aAlgorithms: {
		func(r *rand.Rand) (string, string) {
			return pick(r, []string{"Find the length of the longest increasing subsequence of an array in O(n log n).",
				"Given a string, find the longest palindromic substring.",
				"Detect a cycle in a directed graph and return one cycle if it exists.",
				"Merge k sorted linked lists efficiently.",
				"Given coin denominations and a target, count the ways to make the target.",
				"Find the k-th smallest element of two sorted arrays in O(log(m+n)).",
				"Implement an LRU cache with O(1) get and put."}), "the time complexity"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("What is the time complexity of this loop: for i in range(n): j = 1; while j < n: j *= %d", n(r, 2, 4)), "the inner loop"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Solve the recurrence T(n) = %dT(n/%d) + n^%d.", n(r, 2, 8), n(r, 2, 4), n(r, 1, 2)), "the master theorem"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Run Dijkstra's algorithm by hand on a graph with edges A-B %d, A-C %d, B-C %d, B-D %d, C-D %d, starting at A.", n(r, 1, 9), n(r, 1, 9), n(r, 1, 9), n(r, 1, 9), n(r, 1, 9)), "the priority queue"
		},
	},
	aGeometry: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A triangle has sides %d, %d and %d. Find its area and its largest angle.", n(r, 5, 9), n(r, 6, 11), n(r, 8, 14)), "the law of cosines"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A cone of radius %d cm and height %d cm is filled with water at %d cm^3/s. How fast does the level rise at depth %d cm?", n(r, 3, 10), n(r, 8, 20), n(r, 2, 12), n(r, 2, 7)), "similar triangles"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Find the distance from the point (%d, %d) to the line %dx + %dy = %d.", n(r, -5, 9), n(r, -5, 9), n(r, 1, 6), n(r, 1, 6), n(r, 1, 30)), "the distance formula"
		},
	},
	aNumberTheory: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Find the last two digits of %d^%d.", n(r, 3, 19), n(r, 50, 400)), "Euler's theorem"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Find gcd(%d, %d) and integers x, y with %dx + %dy equal to it.", n(r, 100, 999), n(r, 100, 999), n(r, 100, 999), n(r, 100, 999)), "the extended Euclidean algorithm"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Prove that n^%d - n is divisible by %d for every integer n.", 3, 6), "induction"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Solve x = %d (mod %d), x = %d (mod %d).", n(r, 1, 6), 7, n(r, 1, 10), 11), "the Chinese remainder theorem"
		},
	},
	aEconomics: {
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("Demand is Q = %d - %dP and supply is Q = %dP - %d. Find the equilibrium and the effect of a $%d tax.", n(r, 80, 200), n(r, 2, 6), n(r, 2, 6), n(r, 5, 30), n(r, 1, 5)), "the tax wedge"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("What is the present value of $%d a year for %d years at %d%%?", 100*n(r, 5, 50), n(r, 5, 30), n(r, 2, 9)), "the annuity formula"
		},
		func(r *rand.Rand) (string, string) {
			return fmt.Sprintf("A monopolist faces P = %d - Q with cost C = %dQ. Find its output, price and the deadweight loss.", n(r, 60, 150), n(r, 5, 30)), "marginal revenue"
		},
	},
}

// newProblem draws a problem of area a.
func newProblem(r *rand.Rand, a area) problem {
	text, term := pick(r, problemBank[a])(r)
	return problem{text: text, term: term, area: a}
}

// anyArea draws an area, weighted towards the subjects most homework and
// most harvesting is about.
func anyArea(r *rand.Rand) area {
	return area(weighted(r, 12, 12, 9, 6, 10, 6, 12, 6, 5, 4))
}
