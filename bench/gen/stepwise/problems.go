package stepwise

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A problem is one exercise of school or first-year university level,
// drawn with fresh numbers, so that the space of problems is practically
// unbounded. The same generator feeds the homework app, the daily keys,
// the benchmark the researchers share and every campaign.

type problemKind func(r *rand.Rand) string

var problemKinds = []problemKind{
	func(r *rand.Rand) string {
		a, b, x := between(r, 2, 12), between(r, 1, 40), between(r, -9, 15)
		c := a*x + b
		return oneOf(r, []string{
			fmt.Sprintf("Solve for x: %dx + %d = %d", a, b, c),
			fmt.Sprintf("Find x if %dx + %d = %d.", a, b, c),
			fmt.Sprintf("%d times a number plus %d equals %d. What is the number?", a, b, c),
		})
	},
	func(r *rand.Rand) string {
		p, q := between(r, -9, 9), between(r, -9, 9)
		return oneOf(r, []string{
			fmt.Sprintf("Solve the quadratic equation x^2 %sx %s = 0.", signed(-(p + q)), signed(p*q)),
			fmt.Sprintf("Factor and solve: x² %sx %s = 0", signed(-(p + q)), signed(p*q)),
			fmt.Sprintf("Find the roots of f(x) = x^2 %sx %s and the vertex of its graph.", signed(-(p + q)), signed(p*q)),
		})
	},
	func(r *rand.Rand) string {
		x, y := between(r, -6, 10), between(r, -6, 10)
		a, b, c, d := between(r, 1, 6), between(r, 1, 6), between(r, 1, 6), -between(r, 1, 6)
		return fmt.Sprintf("Solve the system of equations:\n%dx + %dy = %d\n%dx %sy = %d", a, b, a*x+b*y, c, signed(d), c*x+d*y)
	},
	func(r *rand.Rand) string {
		price, off := between(r, 12, 240), oneOf(r, []int{10, 15, 20, 25, 30, 35, 40})
		tax := oneOf(r, []int{5, 6, 7, 8, 10})
		return oneOf(r, []string{
			fmt.Sprintf("A jacket costs $%d and is on sale for %d%% off. Sales tax is %d%%. How much do you pay?", price, off, tax),
			fmt.Sprintf("A store marks a $%d item down by %d%%, then adds %d%% tax at the register. What is the final price?", price, off, tax),
		})
	},
	func(r *rand.Rand) string {
		v1, v2, h := between(r, 40, 110), between(r, 40, 110), between(r, 1, 4)
		c1, c2 := oneOf(r, cities), oneOf(r, cities)
		return fmt.Sprintf("A train leaves %s at %d km/h. %d hour(s) later a second train leaves %s on the same track at %d km/h in the same direction. When does the second train catch up, if ever?", c1, v1, h, c2, v2)
	},
	func(r *rand.Rand) string {
		a, b := between(r, 3, 24), between(r, 3, 24)
		return oneOf(r, []string{
			fmt.Sprintf("A ladder %d m long leans against a wall with its foot %d m from the wall. How high up the wall does it reach?", max(a, b)+between(r, 1, 6), min(a, b)),
			fmt.Sprintf("A right triangle has legs %d cm and %d cm. Find the hypotenuse, the area and both acute angles.", a, b),
			fmt.Sprintf("Find the area and perimeter of a rectangle %d m by %d m, and the length of its diagonal.", a, b),
		})
	},
	func(r *rand.Rand) string {
		red, blue, green := between(r, 2, 9), between(r, 2, 9), between(r, 0, 6)
		k := between(r, 2, 3)
		bag := fmt.Sprintf("%d red and %d blue", red, blue)
		if green > 0 {
			bag = fmt.Sprintf("%d red, %d blue and %d green", red, blue, green)
		}
		return oneOf(r, []string{
			fmt.Sprintf("A bag contains %s marbles. %d are drawn without replacement. What is the probability that all of them are red?", bag, k),
			fmt.Sprintf("From a bag with %s balls you draw %d at random. Find the probability of getting at least one blue.", bag, k),
		})
	},
	func(r *rand.Rand) string {
		a, b, c, n := between(r, 1, 9), between(r, 1, 9), between(r, 1, 12), between(r, 3, 6)
		return oneOf(r, []string{
			fmt.Sprintf("Differentiate f(x) = %dx^%d - %dx^2 + %dx.", a, n, b, c),
			fmt.Sprintf("Find the derivative of y = %d·sin(%dx)·e^(%dx).", a, b, c%5+1),
			fmt.Sprintf("Find the local maxima and minima of f(x) = x^3 - %dx^2 + %dx - %d.", 3*a, 3*b, c),
		})
	},
	func(r *rand.Rand) string {
		a, b, u := between(r, 1, 9), between(r, 1, 9), between(r, 2, 6)
		return oneOf(r, []string{
			fmt.Sprintf("Evaluate the integral of (%dx + %d) dx from 0 to %d.", a, b, u),
			fmt.Sprintf("Compute ∫ x·e^(%dx) dx.", a),
			fmt.Sprintf("Find the area between y = x^2 and y = %dx.", a+1),
		})
	},
	func(r *rand.Rand) string {
		a, b, c, d := between(r, 1, 9), between(r, 2, 12), between(r, 1, 9), between(r, 2, 12)
		return oneOf(r, []string{
			fmt.Sprintf("Simplify %d/%d + %d/%d and write the answer as a mixed number.", a, b, c, d),
			fmt.Sprintf("Work out %d/%d ÷ %d/%d.", a, b, c, d),
		})
	},
	func(r *rand.Rand) string {
		v, m := between(r, 5, 35), between(r, 1, 20)
		return oneOf(r, []string{
			fmt.Sprintf("A ball is thrown straight up at %d m/s. How high does it rise and how long until it lands? Take g = 9.8 m/s².", v),
			fmt.Sprintf("A %d kg box slides down a frictionless ramp inclined at %d°. Find its acceleration.", m, oneOf(r, []int{15, 20, 25, 30, 35, 40, 45})),
			fmt.Sprintf("A car accelerates from rest to %d m/s in %d s. Find its acceleration and the distance covered.", v, m),
		})
	},
	func(r *rand.Rand) string {
		g := between(r, 4, 96)
		return oneOf(r, []string{
			fmt.Sprintf("How many moles and molecules are in %d g of water?", g),
			fmt.Sprintf("Balance the equation for the combustion of %s and find how many grams of CO2 form from %d g of it.", oneOf(r, []string{"methane", "propane", "ethanol", "butane", "glucose"}), g),
			fmt.Sprintf("What volume of 0.%d M HCl is needed to neutralise %d mL of 0.2 M NaOH?", between(r, 1, 9), g*5),
		})
	},
	func(r *rand.Rand) string {
		xs := make([]string, between(r, 6, 10))
		for i := range xs {
			xs[i] = fmt.Sprint(between(r, 1, 60))
		}
		return oneOf(r, []string{
			"Find the mean, median, mode and range of: " + strings.Join(xs, ", "),
			"Calculate the standard deviation of the data set " + strings.Join(xs, ", ") + ".",
		})
	},
	func(r *rand.Rand) string {
		b, k, c := oneOf(r, []int{2, 3, 5}), between(r, 2, 5), between(r, 1, 4)
		p := 1
		for range k + c {
			p *= b
		}
		return oneOf(r, []string{
			fmt.Sprintf("Solve %d^(x + %d) = %d.", b, c, p),
			fmt.Sprintf("Solve for x: log_%d(x) + log_%d(x - %d) = %d.", b, b, c, k),
		})
	},
	func(r *rand.Rand) string {
		a, b := between(r, 2, 40)*between(r, 2, 9), between(r, 2, 40)*between(r, 2, 9)
		return oneOf(r, []string{
			fmt.Sprintf("Find the greatest common divisor and least common multiple of %d and %d.", a, b),
			fmt.Sprintf("Write %d as a product of prime factors.", a*b),
		})
	},
	func(r *rand.Rand) string {
		p, rate, y := between(r, 5, 200)*100, between(r, 2, 9), between(r, 2, 15)
		return oneOf(r, []string{
			fmt.Sprintf("$%d is invested at %d%% interest compounded monthly. How much is in the account after %d years?", p, rate, y),
			fmt.Sprintf("How long does it take $%d to double at %d%% annual interest, compounded yearly?", p, rate),
		})
	},
	func(r *rand.Rand) string {
		a, d, n := between(r, -5, 20), between(r, 2, 9), between(r, 12, 60)
		return oneOf(r, []string{
			fmt.Sprintf("An arithmetic sequence starts %d, %d, %d, ... Find the %dth term and the sum of the first %d terms.", a, a+d, a+2*d, n, n),
			fmt.Sprintf("The first term of a geometric sequence is %d and the ratio is %d. Find the %dth term.", a+21, d, n%12+4),
		})
	},
	func(r *rand.Rand) string {
		p := oneOf(r, [][2]int{{3, 5}, {5, 13}, {8, 17}, {7, 25}, {20, 29}, {12, 37}})
		q := oneOf(r, []string{"II", "III", "IV"})
		return oneOf(r, []string{
			fmt.Sprintf("If sin θ = %d/%d and θ is in quadrant %s, find cos θ and tan θ.", p[0], p[1], q),
			fmt.Sprintf("Solve 2sin²x - %s = 0 for 0 ≤ x < 2π.", oneOf(r, []string{"1", "sin x", "3sin x + 1"})),
		})
	},
	func(r *rand.Rand) string {
		w, h := between(r, 8, 40), between(r, 6, 30)
		return fmt.Sprintf("A farmer has %d m of fencing to enclose a rectangular field along a river (no fence on the river side). What dimensions give the largest area? The field must be at least %d m deep.", w*10, h)
	},
	func(r *rand.Rand) string {
		a, b, n := between(r, 2, 8), between(r, 2, 8), between(r, 3, 8)
		return oneOf(r, []string{
			fmt.Sprintf("In how many ways can %d students be seated in a row if %d particular students must sit together?", n+a, min(a, 3)),
			fmt.Sprintf("How many %d-letter arrangements of the word %s are there?", n, oneOf(r, []string{"BANANA", "STATISTICS", "MISSISSIPPI", "PARALLEL", "ALGEBRA"})),
			fmt.Sprintf("A committee of %d is chosen from %d men and %d women. How many committees have at least two women?", n, a+4, b+3),
		})
	},
	func(r *rand.Rand) string {
		k := between(r, 1, 9)
		return oneOf(r, []string{
			fmt.Sprintf("Prove that the sum of the first n odd numbers is n². Then use it to find 1 + 3 + ... + %d.", 2*k*10-1),
			fmt.Sprintf("Prove by induction that %d^n - 1 is divisible by %d for every n ≥ 1.", k+2, k+1),
			fmt.Sprintf("Show that √%d is irrational.", oneOf(r, []int{2, 3, 5, 6, 7, 10})),
		})
	},
	func(r *rand.Rand) string {
		a, b := between(r, 2, 12), between(r, 1, 9)
		return oneOf(r, []string{
			fmt.Sprintf("Find the limit as x → %d of (x^2 - %d)/(x - %d).", a, a*a, a),
			fmt.Sprintf("Find the limit of (1 + %d/n)^n as n → ∞.", b),
		})
	},
}

var cities = []string{"Lyon", "Pune", "Leeds", "Austin", "Osaka", "Porto", "Graz", "Denver", "Kraków", "Tampere", "Nagpur", "Bologna", "Utrecht", "Cork"}

func signed(v int) string {
	if v < 0 {
		return fmt.Sprintf("- %d", -v)
	}
	return fmt.Sprintf("+ %d", v)
}

// problem draws one exercise.
func problem(r *rand.Rand) string { return oneOf(r, problemKinds)(r) }

// benchmark is the public set of 300 problems every research account runs:
// the same texts whatever the seed.
var benchmark = func() []string {
	r := rand.New(rand.NewPCG(2024, 300))
	out := make([]string, 0, 300)
	seen := map[string]bool{}
	for len(out) < 300 {
		p := problem(r)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}()
