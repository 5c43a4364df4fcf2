package supportchat

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
)

// problem is a task with a known answer: the raw material shared by
// students, tutors, evaluators and harvesters alike.
type problem struct {
	text   string
	answer string
	domain string // math, code, science
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	if a < 0 {
		return -a
	}
	return a
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

func frac(p, q int) string {
	g := gcd(p, q)
	p, q = p/g, q/g
	if q == 1 {
		return fmt.Sprint(p)
	}
	return fmt.Sprintf("%d/%d", p, q)
}

var triples = [][3]int{{3, 4, 5}, {5, 12, 13}, {8, 15, 17}, {7, 24, 25}, {20, 21, 29}, {9, 40, 41}, {12, 35, 37}}

// mathProblem returns a competition-style problem with its answer.
func mathProblem(r *rand.Rand) problem {
	p := problem{domain: "math"}
	switch r.IntN(16) {
	case 0:
		a, b, m := 2+r.IntN(18), 20+r.IntN(980), 7+r.IntN(94)
		p.text = fmt.Sprintf("What is the remainder when %d^%d is divided by %d?", a, b, m)
		p.answer = new(big.Int).Exp(big.NewInt(int64(a)), big.NewInt(int64(b)), big.NewInt(int64(m))).String()
	case 1:
		n := 60 + r.IntN(3000)
		s := 0
		for d := 1; d <= n; d++ {
			if n%d == 0 {
				s += d
			}
		}
		p.text = fmt.Sprintf("Compute the sum of all positive divisors of %d.", n)
		p.answer = fmt.Sprint(s)
	case 2:
		k, b := 8+r.IntN(20), 3+r.IntN(5)
		p.text = fmt.Sprintf("In how many ways can %d identical marbles be handed out to %d children so that every child receives at least one marble?", k, b)
		p.answer = fmt.Sprint(binom(k-1, b-1))
	case 3:
		n, k := 10+r.IntN(12), 3+r.IntN(4)
		p.text = fmt.Sprintf("How many %d-element subsets of {1, 2, ..., %d} contain no two consecutive integers?", k, n)
		p.answer = fmt.Sprint(binom(n-k+1, k))
	case 4:
		s, q := 2+r.IntN(12), 1+r.IntN(30)
		p.text = fmt.Sprintf("Let r and s be the roots of x^2 - %dx + %d = 0. Compute r^3 + s^3.", s, q)
		p.answer = fmt.Sprint(s*s*s - 3*s*q)
	case 5:
		n := 50 + r.IntN(2000)
		z := 0
		for f := 5; f <= n; f *= 5 {
			z += n / f
		}
		p.text = fmt.Sprintf("How many zeros are at the end of the decimal representation of %d!?", n)
		p.answer = fmt.Sprint(z)
	case 6:
		s := 2 + r.IntN(11)
		ways := 6 - abs(s-7)
		p.text = fmt.Sprintf("Two fair six-sided dice are rolled. What is the probability that the sum of the numbers shown is %d? Express the answer as a common fraction.", s)
		p.answer = frac(ways, 36)
	case 7:
		t := pick(r, triples)
		k := 1 + r.IntN(4)
		a, b, c := t[0]*k, t[1]*k, t[2]*k
		p.text = fmt.Sprintf("A right triangle has legs of lengths %d and %d. Find the length of the altitude to the hypotenuse.", a, b)
		p.answer = frac(a*b, c)
	case 8:
		n, m := 100+r.IntN(900), 5+r.IntN(40)
		res := r.IntN(m)
		c := 0
		for i := 1; i <= n; i++ {
			if i*i%m == res {
				c++
			}
		}
		p.text = fmt.Sprintf("How many integers n with 1 <= n <= %d satisfy n^2 ≡ %d (mod %d)?", n, res, m)
		p.answer = fmt.Sprint(c)
	case 9:
		g := 2 + r.IntN(12)
		x, y := 1+r.IntN(15), 1+r.IntN(15)
		for gcd(x, y) != 1 {
			y++
		}
		a, b := g*x, g*y
		p.text = fmt.Sprintf("Two positive integers have greatest common divisor %d and least common multiple %d. One of them is %d. What is the other?", g, g*x*y, a)
		p.answer = fmt.Sprint(b)
	case 10:
		a, d, n := 1+r.IntN(20), 2+r.IntN(9), 12+r.IntN(40)
		k := 5 + r.IntN(10)
		p.text = fmt.Sprintf("An arithmetic sequence has first term %d and its %dth term equals %d. Find the sum of its first %d terms.", a, k, a+(k-1)*d, n)
		p.answer = fmt.Sprint(n * (2*a + (n-1)*d) / 2)
	case 11:
		n := 40 + r.IntN(200)
		v := new(big.Int).Lsh(big.NewInt(1), uint(n)).String()
		s := 0
		for _, ch := range v {
			s += int(ch - '0')
		}
		p.text = fmt.Sprintf("What is the sum of the digits of 2^%d?", n)
		p.answer = fmt.Sprint(s)
	case 12:
		a, b, x := 2+r.IntN(5), r.IntN(9)-4, r.IntN(7)-3
		f := func(v int) int { return a*v + b }
		p.text = fmt.Sprintf("Let f(x) = %dx %s. Find f(f(f(%d))).", a, signed(b), x)
		p.answer = fmt.Sprint(f(f(f(x))))
	case 13:
		m := 11 + r.IntN(90)
		a := 2 + r.IntN(m-2)
		for gcd(a, m) != 1 {
			a++
		}
		x := 1
		for a*x%m != 1 {
			x++
		}
		p.text = fmt.Sprintf("Find the smallest positive integer x such that %dx ≡ 1 (mod %d).", a, m)
		p.answer = fmt.Sprint(x)
	case 14:
		t := pick(r, triples)
		k := 1 + r.IntN(3)
		p.text = fmt.Sprintf("A chord of length %d lies at distance %d from the centre of a circle. What is the radius of the circle?", 2*t[0]*k, t[1]*k)
		p.answer = fmt.Sprint(t[2] * k)
	default:
		s := 4 + 2*r.IntN(30)
		p.text = fmt.Sprintf("Positive real numbers x and y satisfy x + y = %d. What is the largest possible value of xy?", s)
		p.answer = fmt.Sprint(s * s / 4)
	}
	return p
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func signed(b int) string {
	if b < 0 {
		return fmt.Sprintf("- %d", -b)
	}
	return fmt.Sprintf("+ %d", b)
}

type codeTask struct {
	what     string
	solution string
}

var codeTasks = []codeTask{
	{"returns the length of the longest substring of s without repeated characters", "def f(s):\n    seen, lo, best = {}, 0, 0\n    for i, c in enumerate(s):\n        if seen.get(c, -1) >= lo:\n            lo = seen[c] + 1\n        seen[c] = i\n        best = max(best, i - lo + 1)\n    return best"},
	{"merges a list of possibly overlapping closed intervals", "def f(iv):\n    out = []\n    for a, b in sorted(iv):\n        if out and a <= out[-1][1]:\n            out[-1][1] = max(out[-1][1], b)\n        else:\n            out.append([a, b])\n    return out"},
	{"decides whether a binary tree is height-balanced", "def f(t):\n    def h(n):\n        if not n: return 0\n        l, r = h(n.left), h(n.right)\n        if l < 0 or r < 0 or abs(l - r) > 1: return -1\n        return 1 + max(l, r)\n    return h(t) >= 0"},
	{"returns the minimum number of coins from a list of denominations that sum to a target amount, or -1", "def f(coins, t):\n    dp = [0] + [10**9] * t\n    for a in range(1, t + 1):\n        for c in coins:\n            if c <= a: dp[a] = min(dp[a], dp[a - c] + 1)\n    return dp[t] if dp[t] < 10**9 else -1"},
	{"counts the islands of 1s in a 0/1 grid (4-connected)", "def f(g):\n    seen, n = set(), 0\n    for i in range(len(g)):\n        for j in range(len(g[0])):\n            if g[i][j] and (i, j) not in seen:\n                n += 1; st = [(i, j)]\n                while st:\n                    a, b = st.pop()\n                    if (a, b) in seen or not (0 <= a < len(g) and 0 <= b < len(g[0])) or not g[a][b]: continue\n                    seen.add((a, b)); st += [(a+1,b),(a-1,b),(a,b+1),(a,b-1)]\n    return n"},
	{"implements an LRU cache with get and put in O(1)", "from collections import OrderedDict\nclass LRU:\n    def __init__(s, cap): s.c, s.d = cap, OrderedDict()\n    def get(s, k):\n        if k not in s.d: return -1\n        s.d.move_to_end(k); return s.d[k]\n    def put(s, k, v):\n        s.d[k] = v; s.d.move_to_end(k)\n        if len(s.d) > s.c: s.d.popitem(last=False)"},
	{"computes the edit (Levenshtein) distance between two strings", "def f(a, b):\n    prev = list(range(len(b) + 1))\n    for i, x in enumerate(a, 1):\n        cur = [i]\n        for j, y in enumerate(b, 1):\n            cur.append(min(prev[j] + 1, cur[j-1] + 1, prev[j-1] + (x != y)))\n        prev = cur\n    return prev[-1]"},
	{"detects whether a directed graph given as adjacency lists has a cycle", "def f(g):\n    state = {}\n    def dfs(u):\n        state[u] = 1\n        for v in g.get(u, []):\n            if state.get(v) == 1 or (v not in state and dfs(v)): return True\n        state[u] = 2; return False\n    return any(u not in state and dfs(u) for u in g)"},
	{"returns the k-th largest element of an unsorted array in expected linear time", "import random\ndef f(a, k):\n    p = random.choice(a)\n    hi = [x for x in a if x > p]; eq = a.count(p)\n    if k <= len(hi): return f(hi, k)\n    if k <= len(hi) + eq: return p\n    return f([x for x in a if x < p], k - len(hi) - eq)"},
	{"evaluates an arithmetic expression string with + - * / and parentheses", "def f(s):\n    def expr(i):\n        v, i = term(i)\n        while i < len(s) and s[i] in '+-':\n            op = s[i]; w, i = term(i + 1); v = v + w if op == '+' else v - w\n        return v, i\n    def term(i):\n        v, i = atom(i)\n        while i < len(s) and s[i] in '*/':\n            op = s[i]; w, i = atom(i + 1); v = v * w if op == '*' else v / w\n        return v, i\n    def atom(i):\n        if s[i] == '(':\n            v, i = expr(i + 1); return v, i + 1\n        j = i\n        while j < len(s) and (s[j].isdigit() or s[j] == '.'): j += 1\n        return float(s[i:j]), j\n    s = s.replace(' ', ''); return expr(0)[0]"},
	{"finds the length of the longest increasing subsequence", "import bisect\ndef f(a):\n    t = []\n    for x in a:\n        i = bisect.bisect_left(t, x)\n        t[i:i+1] = [x]\n    return len(t)"},
	{"orders tasks given as (before, after) dependency pairs, or reports that none exists", "from collections import defaultdict, deque\ndef f(n, pairs):\n    g, deg = defaultdict(list), [0] * n\n    for a, b in pairs: g[a].append(b); deg[b] += 1\n    q = deque(i for i in range(n) if deg[i] == 0); out = []\n    while q:\n        u = q.popleft(); out.append(u)\n        for v in g[u]:\n            deg[v] -= 1\n            if deg[v] == 0: q.append(v)\n    return out if len(out) == n else None"},
	{"returns the maximum sum of a contiguous subarray", "def f(a):\n    best = cur = a[0]\n    for x in a[1:]:\n        cur = max(x, cur + x); best = max(best, cur)\n    return best"},
	{"checks whether a string of brackets ()[]{} is balanced", "def f(s):\n    st, m = [], {')': '(', ']': '[', '}': '{'}\n    for c in s:\n        if c in '([{': st.append(c)\n        elif not st or st.pop() != m[c]: return False\n    return not st"},
}

var codeLangs = []string{"Python", "Python", "Rust", "Go", "TypeScript", "C++", "Java", "JavaScript"}

// codeProblem returns a programming task; its answer is a reference
// solution.
func codeProblem(r *rand.Rand) problem {
	t := pick(r, codeTasks)
	lang := pick(r, codeLangs)
	var text string
	switch r.IntN(4) {
	case 0:
		text = fmt.Sprintf("Write a %s function that %s.", lang, t.what)
	case 1:
		text = fmt.Sprintf("Implement, in %s, a function that %s. State its time and space complexity.", lang, t.what)
	case 2:
		text = fmt.Sprintf("Coding interview question: give an efficient %s solution for a function that %s.", lang, t.what)
	default:
		text = fmt.Sprintf("I need a %s routine that %s. Handle the edge cases.", lang, t.what)
	}
	return problem{text: text, answer: "```python\n" + t.solution + "\n```", domain: "code"}
}

// scienceProblem returns a school physics or chemistry exercise.
func scienceProblem(r *rand.Rand) problem {
	p := problem{domain: "science"}
	switch r.IntN(6) {
	case 0:
		v := 5 + r.IntN(30)
		p.text = fmt.Sprintf("A ball is thrown straight up at %d m/s. How long does it take to reach its highest point? Take g = 9.8 m/s^2.", v)
		p.answer = fmt.Sprintf("%.2f s", float64(v)/9.8)
	case 1:
		m, a := 2+r.IntN(40), 1+r.IntN(9)
		p.text = fmt.Sprintf("A %d kg trolley accelerates at %d m/s^2. What is the net force on it?", m, a)
		p.answer = fmt.Sprintf("%d N", m*a)
	case 2:
		g := 9 * (1 + r.IntN(20))
		p.text = fmt.Sprintf("How many moles of water are there in %d g of water? (H = 1, O = 16)", g)
		p.answer = fmt.Sprintf("%g mol", float64(g)/18)
	case 3:
		e := 1 + r.IntN(4)
		p.text = fmt.Sprintf("What is the pH of a 1 x 10^-%d M solution of hydrochloric acid?", e)
		p.answer = fmt.Sprint(e)
	case 4:
		v, rr := 3+r.IntN(22), 2+r.IntN(48)
		p.text = fmt.Sprintf("A %d V battery is connected across a %d ohm resistor. What current flows?", v, rr)
		p.answer = fmt.Sprintf("%.2f A", float64(v)/float64(rr))
	default:
		d, t := 60+r.IntN(400), 2+r.IntN(8)
		p.text = fmt.Sprintf("A train travels %d km in %d hours. What is its average speed in m/s?", d, t)
		p.answer = fmt.Sprintf("%.1f m/s", float64(d)*1000/float64(t*3600))
	}
	return p
}

// fakeSolution writes a plausible worked answer (for assistant turns and
// for the candidate answers that graders are shown). wrong gives it a
// different final answer.
func fakeSolution(r *rand.Rand, p problem, wrong bool) string {
	ans := p.answer
	if wrong {
		ans = perturb(r, ans)
	}
	if p.domain == "code" {
		if wrong {
			return "A simple approach is a nested loop over all pairs, which is O(n^2) but easy to follow. It fails on an empty input, though."
		}
		return "Here is a linear-time approach.\n\n" + p.answer + "\n\nEach element is handled a constant number of times."
	}
	openers := []string{"Let's set up the quantities first.", "We start from the definition.", "Consider the structure of the problem.", "Write down what is given."}
	middles := []string{"Simplifying the expression gives the key relation.", "Counting the cases separately and adding them up,", "Applying the standard identity,", "Substituting the values,"}
	return fmt.Sprintf("%s %s we obtain %s.\n\nAnswer: %s", pick(r, openers), pick(r, middles), ans, ans)
}

func perturb(r *rand.Rand, ans string) string {
	var n int
	if _, err := fmt.Sscan(ans, &n); err == nil && !strings.Contains(ans, "/") && !strings.Contains(ans, ".") {
		d := 1 + r.IntN(3)
		if r.IntN(2) == 0 {
			d = -d
		}
		return fmt.Sprint(n + d)
	}
	return ans + " (approximately)"
}
