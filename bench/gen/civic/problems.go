package civic

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
)

// problem is one task of a harvester's seed set (or of a benchmark): its
// text, a final answer and the capability it trains.
type problem struct {
	text, answer, area string
}

// mathProblem returns a competition-style mathematics problem.
func mathProblem(r *rand.Rand) problem {
	switch r.IntN(14) {
	case 0:
		a, b, m := 2+r.IntN(40), 10+r.IntN(900), 7+r.IntN(90)
		v := new(big.Int).Exp(big.NewInt(int64(a)), big.NewInt(int64(b)), big.NewInt(int64(m)))
		return problem{fmt.Sprintf("What is the remainder when %d^%d is divided by %d?", a, b, m), v.String(), "number theory"}
	case 1:
		rd, bl := 3+r.IntN(9), 2+r.IntN(9)
		num := rd*(rd-1) + bl*(bl-1)
		den := (rd + bl) * (rd + bl - 1)
		g := gcd(num, den)
		return problem{fmt.Sprintf("A bag contains %d red marbles and %d blue marbles. Two marbles are drawn at random without replacement. What is the probability that both marbles are the same color? Express your answer as a common fraction.", rd, bl),
			fmt.Sprintf("%d/%d", num/g, den/g), "probability"}
	case 2:
		n := 5 + r.IntN(6)
		f := 1
		for i := 2; i <= n-1; i++ {
			f *= i
		}
		g := 2
		for i := 2; i <= n-2; i++ {
			g *= i
		}
		return problem{fmt.Sprintf("In how many ways can %d people be seated around a round table if two particular people, %s and %s, refuse to sit next to each other? (Rotations are considered the same.)", n, expand(r, "{first}"), expand(r, "{first}")),
			fmt.Sprint(f - g), "combinatorics"}
	case 3:
		a, b, c := 1+r.IntN(12), 1+r.IntN(30), 1+r.IntN(40)
		return problem{fmt.Sprintf("Let r, s, t be the roots of x^3 - %dx^2 + %dx - %d = 0. Find r^2 + s^2 + t^2.", a, b, c), fmt.Sprint(a*a - 2*b), "algebra"}
	case 4:
		k, s := 2+r.IntN(3), 5+r.IntN(15)
		return problem{fmt.Sprintf("How many %d-digit positive integers have digits whose sum is %d?", k, s), countDigits(k, s), "combinatorics"}
	case 5:
		a, b := 3+r.IntN(20), 3+r.IntN(20)
		c := absI(a-b) + 1 + r.IntN(2*min(a, b)-1)
		return problem{fmt.Sprintf("Triangle ABC has side lengths AB = %d, BC = %d and CA = %d. Find the area of the triangle and the length of the altitude from A.", a, b, c), "(see computation)", "geometry"}
	case 6:
		p, q, a, m := 2+r.IntN(5), 1+r.IntN(9), 1+r.IntN(9), 11+r.IntN(80)
		n := 50 + r.IntN(950)
		v := a % m
		for i := 1; i < n; i++ {
			v = (p*v + q) % m
		}
		return problem{fmt.Sprintf("A sequence is defined by a_1 = %d and a_(n+1) = %d*a_n + %d for n >= 1. Find the remainder when a_%d is divided by %d.", a, p, q, n, m), fmt.Sprint(v), "number theory"}
	case 7:
		a := 2 + r.IntN(30)
		return problem{fmt.Sprintf("Find all positive integers n such that n^2 + %dn is a perfect square.", a), "(finite set; see solution)", "number theory"}
	case 8:
		k := 3 + r.IntN(20)
		return problem{fmt.Sprintf("Let a, b, c be positive real numbers with a + b + c = %d. Find the minimum value of (a^2 + b^2 + c^2)/(ab + bc + ca) + %d/(abc)^(1/3), and determine when equality holds.", k, k), "(see solution)", "inequalities"}
	case 9:
		n := 20 + r.IntN(200)
		return problem{fmt.Sprintf("How many lattice points (x, y) with integer coordinates satisfy x^2 + y^2 <= %d?", n), lattice(n), "number theory"}
	case 10:
		w, h := 3+r.IntN(6), 3+r.IntN(6)
		return problem{fmt.Sprintf("A robot starts at the bottom-left corner of a %d-by-%d grid and moves only up or right. How many distinct paths reach the top-right corner without passing through the center square?", w, h), "(see solution)", "combinatorics"}
	case 11:
		a, b := 2+r.IntN(50), 2+r.IntN(50)
		return problem{fmt.Sprintf("Solve for real x: sqrt(x + %d) + sqrt(x - %d) = %d.", a, b, 2+r.IntN(15)), "(see solution)", "algebra"}
	case 12:
		n := 3 + r.IntN(6)
		return problem{fmt.Sprintf("Prove that for every integer n >= 1, the number %d^(2n) - 1 is divisible by %d.", n, n*n-1), "(proof)", "proof"}
	default:
		d := 2 + r.IntN(7)
		return problem{fmt.Sprintf("A fair %d-sided die is rolled repeatedly until the same number appears twice in a row. What is the expected number of rolls?", 2*d), fmt.Sprint(2*d + 1), "probability"}
	}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return absI(a)
}

func absI(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

func countDigits(k, s int) string {
	ways := map[int]int{0: 1}
	for i := range k {
		next := map[int]int{}
		lo := 0
		if i == 0 {
			lo = 1
		}
		for sum, c := range ways {
			for d := lo; d <= 9; d++ {
				if sum+d <= s {
					next[sum+d] += c
				}
			}
		}
		ways = next
	}
	return fmt.Sprint(ways[s])
}

func lattice(n int) string {
	c := 0
	for x := -20; x <= 20; x++ {
		for y := -20; y <= 20; y++ {
			if x*x+y*y <= n {
				c++
			}
		}
	}
	return fmt.Sprint(c)
}

var codeLangs = []string{"Python", "Python", "Python", "C++", "Java", "Rust", "Go", "TypeScript"}

// codeProblem returns an algorithmic programming task.
func codeProblem(r *rand.Rand) problem {
	lang := pick(r, codeLangs)
	ts := []string{
		"Given a string s, return the length of the longest substring that contains at most {#2-5} distinct characters. Constraints: 1 <= len(s) <= 10^{#4-6}.",
		"You are given an array of n integers and an integer k = {#2-50}. Count the number of contiguous subarrays whose sum is divisible by k. n <= 2*10^5.",
		"Implement an LRU cache with capacity {#2-1000} supporting get and put in O(1) time.",
		"Given an m x n grid where some cells are blocked, count the number of paths from the top-left to the bottom-right moving only right or down, modulo 10^9+7. m, n <= {#100-2000}.",
		"Given a weighted directed graph with n <= {#1000-200000} nodes, find the shortest distance from node 1 to every node; some edges have weight 0.",
		"Find the minimum number of coins needed to make {#50-999} cents using coins of 1, {#3-7}, {#8-15} and {#20-30} cents, or report that it is impossible.",
		"Given n intervals, merge all overlapping intervals and return the total covered length. n <= 10^{#4-6}.",
		"Given a binary tree, return the maximum path sum where the path may start and end at any node.",
		"Design a data structure that supports insert, delete and getRandom in average O(1) time, allowing duplicates.",
		"Given an array of integers, find the length of the longest strictly increasing subsequence in O(n log n).",
		"You are given n tasks with deadlines and profits. Each task takes one unit of time. Maximize total profit. n <= {#1000-100000}.",
		"Given a list of words, find all pairs (i, j) such that words[i] + words[j] is a palindrome.",
		"Implement a trie that supports insert, search, and startsWith, then use it to find the longest common prefix of {#3-9} strings.",
		"Given a string of parentheses '(' and ')', find the length of the longest valid (well-formed) substring.",
		"Count the number of inversions in an array of n <= 10^{#5-6} integers.",
		"Given a matrix of 0s and 1s, find the area of the largest rectangle containing only 1s.",
		"Schedule meetings: given n meeting intervals, return the minimum number of rooms required.",
		"Given a rotated sorted array with possible duplicates, find the minimum element.",
	}
	return problem{expand(r, pick(r, ts)) + " Write the solution in " + lang + ".", "", "coding"}
}

// scienceProblem returns a multiple-choice science or logic question with
// its correct letter.
func scienceProblem(r *rand.Rand) problem {
	type mc struct {
		q    string
		opts []string
	}
	m := float64(2 + r.IntN(18))
	th := 15 + 5*r.IntN(10)
	items := []mc{
		{fmt.Sprintf("A %.0f kg block slides down a frictionless incline of %d degrees. What is its acceleration along the incline? (g = 9.8 m/s^2)", m, th),
			[]string{"g sin θ", "g cos θ", "g tan θ", "g"}},
		{"Which of the following best explains why ice floats on liquid water?", []string{"Hydrogen bonding gives ice an open lattice that is less dense than liquid water",
			"Ice contains trapped air bubbles", "Ice has a higher specific heat than water", "Water molecules in ice are smaller"}},
		{"In a population in Hardy-Weinberg equilibrium, the frequency of a recessive allele is " + fmt.Sprintf("0.%d", 1+r.IntN(8)) + ". What fraction of the population are heterozygous carriers?",
			[]string{"2pq", "q^2", "p^2", "p + q"}},
		{"Which process produces the most ATP per glucose molecule in aerobic respiration?", []string{"Oxidative phosphorylation", "Glycolysis", "Fermentation", "The Calvin cycle"}},
		{fmt.Sprintf("A gas at constant temperature is compressed from %d L to %d L. What happens to its pressure?", 8+r.IntN(10), 2+r.IntN(4)),
			[]string{"It increases in inverse proportion to the volume", "It stays the same", "It decreases", "It increases linearly with temperature"}},
		{"On an island, knights always tell the truth and knaves always lie. A says: 'B is a knave.' B says: 'A and I are the same type.' What are A and B?",
			[]string{"A is a knight, B is a knave", "Both are knights", "Both are knaves", "A is a knave, B is a knight"}},
		{"Which statement about enzyme inhibitors is correct?", []string{"A competitive inhibitor increases the apparent Km without changing Vmax",
			"A competitive inhibitor decreases Vmax", "A noncompetitive inhibitor increases Km", "Inhibitors always bind covalently"}},
		{fmt.Sprintf("A resistor of %d ohms and one of %d ohms are connected in parallel to a %d V battery. What is the total current?", 2+r.IntN(20), 2+r.IntN(20), 3+r.IntN(20)),
			[]string{"V(R1+R2)/(R1 R2)", "V/(R1+R2)", "V(R1 R2)", "V/R1 only"}},
		{"Which of the following is an example of a Type II error in hypothesis testing?", []string{"Failing to reject a false null hypothesis",
			"Rejecting a true null hypothesis", "Using the wrong test statistic", "Choosing too small an alpha"}},
	}
	it := pick(r, items)
	order := r.Perm(4)
	var b strings.Builder
	b.WriteString(it.q)
	ans := ""
	for i, j := range order {
		fmt.Fprintf(&b, "\n%c) %s", 'A'+i, it.opts[j])
		if j == 0 {
			ans = string(rune('A' + i))
		}
	}
	return problem{b.String(), ans, "science"}
}
