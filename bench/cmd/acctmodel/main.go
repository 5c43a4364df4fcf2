// Command acctmodel measures whether account-level behaviour, read without
// the prompt's wording, tells campaign accounts from legitimate ones on
// traffic a model was not fitted on. It is the research step before a
// fitted score model (issue 14): it reads labelled traces of several
// generators, computes named features per account, fits a logistic model
// on all generators but one and scores the one left out (leave one
// generator out), for each generator in turn.
//
//	cd bench && go run ./cmd/acctmodel -gen NAME=TRACE,LABELS [-gen ...] [-fp 0.005] [-without FEATURE,...]
//
// For each generator left out it prints the share of its campaign
// accounts flagged and the share of campaign requests they sent, and the
// share of its legitimate accounts and requests flagged, at the threshold
// that flags at most -fp of the training generators' legitimate accounts.
// An account is a campaign account when most of its requests are labelled
// campaign.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/netip"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// features are the named account features, in the model's order.
var features = []string{
	"new",              // first seen an hour or more after the trace starts
	"lifetime",         // hours between first and last request (0..6)
	"rate",             // log(1 + requests per active hour)
	"long_output",      // share of requests asking for a long answer or thinking
	"probe",            // share of one-token answers with logprobs or a bias
	"shared_template",  // share of requests whose last-turn template 10+ accounts send
	"shared_exact",     // share of requests whose exact prompt another account sends
	"shared_system",    // share of requests whose system prompt 10+ accounts send
	"client_crowd",     // log(1 + accounts on its client print within its /24)
	"crowd_new",        // share of those accounts that are new
	"irregular",        // coefficient of variation of its inter-arrival times (capped 3)
	"turns",            // mean log(1 + turns)
	"temp0",            // share at temperature 0
	"multi_n",          // share asking for n > 1
	"tools",            // share with tools
	"elicitation",      // mean harvest value (sluice's wording reading)
	"night_share",      // share of requests in the busiest hour of the account (burstiness)
	"models",           // number of distinct models (1..3, capped)
	"template_variety", // distinct last-turn templates / requests
	// relational: the crowd an account moves with
	"tmpl_crowd",     // log(1 + accounts sending its most common last-turn template)
	"tmpl_crowd_new", // share of those accounts that are new
	"net_crowd",      // log(1 + accounts in its /24, any client)
	"net_crowd_new",  // share of those accounts that are new
	"switch_lag",     // hours from a model's first sight in the trace to the account's first use of it (its newest model; 6 when it never switched)
	"crowd_life",     // mean lifetime (hours) of the accounts sharing its client print and /24
}

type record struct {
	TS        time.Time       `json:"ts"`
	RequestID string          `json:"request_id"`
	IP        string          `json:"ip"`
	Path      string          `json:"path"`
	Headers   [][2]string     `json:"headers"`
	JA4       string          `json:"ja4"`
	Body      json.RawMessage `json:"body"`
}

type label struct {
	RequestID string `json:"request_id"`
	Class     string `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}

// req is what the features need of one request.
type req struct {
	ts                       int64
	tmpl, exact, sys, client uint64
	net                      string
	knobs                    fingerprint.Knobs
	turns                    int
	hv                       float64
	model                    string
	campaign                 bool
}

type account struct {
	name  string
	class string
	reqs  []req
	x     []float64
	camp  bool
	n     int // requests
	nCamp int
	// what the cluster level needs of the account
	tmpl        uint64
	client, net string
	first, last int64
	isNew       bool
	members     []*account // a cluster's accounts (cluster level only)
}

type generator struct {
	name     string
	accounts []*account
}

func main() {
	var gens multiFlag
	flag.Var(&gens, "gen", "NAME=TRACE,LABELS (repeat)")
	fp := flag.Float64("fp", 0.005, "share of the training generators' legitimate accounts (clusters) the threshold may flag")
	level := flag.String("level", "account", "what is scored: account, or cluster (accounts grouped by their most common last-turn template)")
	without := flag.String("without", "", "features to leave out, comma-separated")
	flag.Parse()
	if len(gens) < 2 {
		fmt.Fprintln(os.Stderr, "usage: acctmodel -gen NAME=TRACE,LABELS -gen ... (two or more)")
		os.Exit(2)
	}
	drop := map[string]bool{}
	for _, f := range strings.Split(*without, ",") {
		if f != "" {
			drop[f] = true
		}
	}
	var all []*generator
	for _, g := range gens {
		name, files, ok := strings.Cut(g, "=")
		trace, labels, ok2 := strings.Cut(files, ",")
		if !ok || !ok2 {
			fmt.Fprintf(os.Stderr, "acctmodel: -gen %q: want NAME=TRACE,LABELS\n", g)
			os.Exit(2)
		}
		gen, err := load(name, trace, labels)
		if err != nil {
			fmt.Fprintf(os.Stderr, "acctmodel: %s: %v\n", name, err)
			os.Exit(1)
		}
		if *level == "cluster" {
			gen.accounts = clusters(gen.accounts)
		}
		all = append(all, gen)
		fmt.Fprintf(os.Stderr, "acctmodel: %s: %d %ss\n", name, len(gen.accounts), *level)
	}
	names := features
	if *level == "cluster" {
		names = clusterFeatures
	}
	mask := make([]bool, len(names))
	for i, f := range names {
		mask[i] = !drop[f]
	}
	fmt.Printf("| left out | campaign accounts flagged | campaign requests covered | legitimate accounts flagged | legitimate requests covered |\n| --- | ---: | ---: | ---: | ---: |\n")
	for i, held := range all {
		var train []*account
		for j, g := range all {
			if j != i {
				train = append(train, g.accounts...)
			}
		}
		m := fit(train, mask)
		th := m.threshold(train, *fp)
		var ca, cf, cr, crf, la, lf, lr, lrf int
		for _, u := range held.accounts {
			flag := m.score(u.x) >= th
			members := u.members
			if members == nil {
				members = []*account{u}
			}
			for _, a := range members {
				if a.camp {
					ca++
					cr += a.nCamp
					if flag {
						cf++
						crf += a.nCamp
					}
				} else {
					la++
					lr += a.n - a.nCamp
					if flag {
						lf++
						lrf += a.n - a.nCamp
					}
				}
			}
		}
		fmt.Printf("| %s | %s (%d of %d) | %s | %s (%d of %d) | %s |\n", held.name, pct(cf, ca), cf, ca, pct(crf, cr), pct(lf, la), lf, la, pct(lrf, lr))
	}
	// the model fitted on every generator: its weights, largest first
	var every []*account
	for _, g := range all {
		every = append(every, g.accounts...)
	}
	m := fit(every, mask)
	idx := make([]int, len(names))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return math.Abs(m.w[idx[a]]) > math.Abs(m.w[idx[b]]) })
	fmt.Printf("\nweights of the model fitted on all (standardised features):\n\n| feature | weight |\n| --- | ---: |\n")
	for _, i := range idx {
		if mask[i] {
			fmt.Printf("| %s | %+.3f |\n", names[i], m.w[i])
		}
	}
}

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, " ") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// load reads a generator's trace and labels and computes its accounts'
// features.
func load(name, tracePath, labelsPath string) (*generator, error) {
	labels := map[string]label{}
	if err := eachLine(labelsPath, func(b []byte) error {
		var l label
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		labels[l.RequestID] = l
		return nil
	}); err != nil {
		return nil, err
	}
	accts := map[string]*account{}
	var order []*account
	p := dialect.Get()
	defer dialect.Put(p)
	h := fingerprint.New(fingerprint.Config{})
	model := limiter.DefaultModel()
	var (
		fr  fingerprint.Request
		pr  fingerprint.Print
		hdr []fingerprint.Header
	)
	err := eachLine(tracePath, func(b []byte) error {
		var r record
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		l, ok := labels[r.RequestID]
		if !ok {
			return fmt.Errorf("record %s has no label", r.RequestID)
		}
		ep := endpoint(r.Path)
		if err := p.Parse(ep, r.Body, &fr); err != nil {
			return nil // not a model request sluice reads
		}
		hdr = hdr[:0]
		for _, kv := range r.Headers {
			hdr = append(hdr, fingerprint.Header{Name: kv[0], Value: kv[1]})
		}
		ip, _ := netip.ParseAddr(r.IP)
		h.Fill(&fr, &fingerprint.Client{IP: ip, JA4: r.JA4, Headers: hdr, Ordered: true}, &pr)
		hv, _ := model.HarvestValue(&pr)
		a := accts[l.Account]
		if a == nil {
			a = &account{name: l.Account, class: l.Class}
			accts[l.Account] = a
			order = append(order, a)
		}
		net := ""
		if ip.IsValid() {
			pfx, _ := ip.Prefix(24)
			if ip.Is6() {
				pfx, _ = ip.Prefix(48)
			}
			net = pfx.String()
		}
		a.reqs = append(a.reqs, req{
			ts: r.TS.UnixNano(), tmpl: pr.Prompt.TemplateLast, exact: pr.Prompt.Exact, sys: pr.Prompt.System,
			client: pr.Client.HTTP ^ pr.Client.JA4, net: net, knobs: pr.Prompt.Knobs, turns: int(pr.Prompt.Turns),
			hv: hv, model: fr.Model, campaign: l.Campaign,
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	featurize(order)
	return &generator{name: name, accounts: order}, nil
}

func endpoint(path string) fingerprint.Endpoint {
	switch {
	case strings.HasSuffix(path, "/chat/completions"):
		return fingerprint.EndpointChatCompletions
	case strings.HasSuffix(path, "/completions"):
		return fingerprint.EndpointCompletions
	case strings.HasSuffix(path, "/responses"):
		return fingerprint.EndpointResponses
	}
	return fingerprint.EndpointMessages
}

func eachLine(path string, f func([]byte) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	br := bufio.NewReaderSize(fh, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			if ferr := f(line); ferr != nil {
				return fmt.Errorf("%s line %d: %w", path, n, ferr)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// featurize computes every account's feature vector.
func featurize(accts []*account) {
	start := int64(math.MaxInt64)
	tmplAccts := map[uint64]map[*account]bool{}
	sysAccts := map[uint64]map[*account]bool{}
	exactAccts := map[uint64]map[*account]bool{}
	crowd := map[string]map[*account]bool{}
	add := func(m map[uint64]map[*account]bool, k uint64, a *account) {
		if k == 0 {
			return
		}
		s := m[k]
		if s == nil {
			s = map[*account]bool{}
			m[k] = s
		}
		s[a] = true
	}
	clientKey := func(a *account) string {
		// its most common client print within its most common /24
		counts := map[string]int{}
		best, bn := "", 0
		for _, r := range a.reqs {
			k := fmt.Sprintf("%x|%s", r.client, r.net)
			counts[k]++
			if counts[k] > bn {
				best, bn = k, counts[k]
			}
		}
		return best
	}
	keys := map[*account]string{}
	topTmpl := map[*account]uint64{}
	topNet := map[*account]string{}
	tmplCrowd := map[uint64]map[*account]bool{}
	netCrowd := map[string]map[*account]bool{}
	modelFirst := map[string]int64{}
	lifeOf := map[*account]float64{}
	for _, a := range accts {
		tc, nc := map[uint64]int{}, map[string]int{}
		for _, r := range a.reqs {
			tc[r.tmpl]++
			nc[r.net]++
			if f, ok := modelFirst[r.model]; !ok || r.ts < f {
				modelFirst[r.model] = r.ts
			}
		}
		var bt uint64
		bn := 0
		for k, c := range tc {
			if c > bn || (c == bn && k < bt) {
				bt, bn = k, c
			}
		}
		topTmpl[a] = bt
		if tmplCrowd[bt] == nil {
			tmplCrowd[bt] = map[*account]bool{}
		}
		tmplCrowd[bt][a] = true
		var bnet string
		bn = 0
		for k, c := range nc {
			if c > bn || (c == bn && k < bnet) {
				bnet, bn = k, c
			}
		}
		topNet[a] = bnet
		if netCrowd[bnet] == nil {
			netCrowd[bnet] = map[*account]bool{}
		}
		netCrowd[bnet][a] = true
	}
	for _, a := range accts {
		sort.Slice(a.reqs, func(i, j int) bool { return a.reqs[i].ts < a.reqs[j].ts })
		start = min(start, a.reqs[0].ts)
		for _, r := range a.reqs {
			add(tmplAccts, r.tmpl, a)
			add(sysAccts, r.sys, a)
			add(exactAccts, r.exact, a)
		}
		k := clientKey(a)
		keys[a] = k
		if crowd[k] == nil {
			crowd[k] = map[*account]bool{}
		}
		crowd[k][a] = true
	}
	newAcct := map[*account]bool{}
	for _, a := range accts {
		newAcct[a] = a.reqs[0].ts-start >= int64(time.Hour)
		lifeOf[a] = float64(a.reqs[len(a.reqs)-1].ts-a.reqs[0].ts) / float64(time.Hour)
	}
	shareNew := func(c map[*account]bool) float64 {
		n := 0
		for o := range c {
			if newAcct[o] {
				n++
			}
		}
		return float64(n) / float64(len(c))
	}
	// switch lag: the account's newest model (by first sight in the
	// trace), and how long after that first sight the account took it up
	switchLag := func(a *account) float64 {
		var newest string
		var nf int64 = math.MinInt64
		used := map[string]int64{}
		for _, r := range a.reqs {
			if _, ok := used[r.model]; !ok {
				used[r.model] = r.ts
			}
			if modelFirst[r.model] > nf {
				newest, nf = r.model, modelFirst[r.model]
			}
		}
		if len(used) < 2 || nf-start < int64(time.Hour) {
			return 6
		}
		return min(6, float64(used[newest]-nf)/float64(time.Hour))
	}
	isNew := func(a *account) bool { return newAcct[a] }
	for _, a := range accts {
		x := make([]float64, len(features))
		n := float64(len(a.reqs))
		first, last := a.reqs[0].ts, a.reqs[len(a.reqs)-1].ts
		if isNew(a) {
			x[0] = 1
		}
		life := float64(last-first) / float64(time.Hour)
		x[1] = min(life, 6)
		x[2] = math.Log1p(n / max(life, 0.25))
		models := map[string]bool{}
		tmpls := map[uint64]bool{}
		hours := map[int64]int{}
		var gaps []float64
		for i, r := range a.reqs {
			k := r.knobs
			if k&(fingerprint.KnobLongOutput|fingerprint.KnobThinking) != 0 {
				x[3]++
			}
			if k&fingerprint.KnobMaxTokens1 != 0 && k&(fingerprint.KnobLogprobs|fingerprint.KnobLogitBias) != 0 {
				x[4]++
			}
			if r.tmpl != 0 && len(tmplAccts[r.tmpl]) >= 10 {
				x[5]++
			}
			if r.exact != 0 && len(exactAccts[r.exact]) >= 2 {
				x[6]++
			}
			if r.sys != 0 && len(sysAccts[r.sys]) >= 10 {
				x[7]++
			}
			x[11] += math.Log1p(float64(r.turns))
			if k&fingerprint.KnobTemp0 != 0 {
				x[12]++
			}
			if k&fingerprint.KnobMultiN != 0 {
				x[13]++
			}
			if k&fingerprint.KnobTools != 0 {
				x[14]++
			}
			x[15] += r.hv
			models[r.model] = true
			tmpls[r.tmpl] = true
			hours[(r.ts-start)/int64(time.Hour)]++
			if i > 0 {
				gaps = append(gaps, float64(r.ts-a.reqs[i-1].ts))
			}
			if r.campaign {
				a.nCamp++
			}
		}
		for _, i := range []int{3, 4, 5, 6, 7, 11, 12, 13, 14, 15} {
			x[i] /= n
		}
		c := crowd[keys[a]]
		x[8] = math.Log1p(float64(len(c)))
		nn := 0
		for o := range c {
			if isNew(o) {
				nn++
			}
		}
		x[9] = float64(nn) / float64(len(c))
		if len(gaps) >= 2 {
			var s, s2 float64
			for _, g := range gaps {
				s += g
				s2 += g * g
			}
			mean := s / float64(len(gaps))
			sd := math.Sqrt(max(0, s2/float64(len(gaps))-mean*mean))
			if mean > 0 {
				x[10] = min(3, sd/mean)
			}
		} else {
			x[10] = 1
		}
		busiest := 0
		for _, c := range hours {
			busiest = max(busiest, c)
		}
		x[16] = float64(busiest) / n
		x[17] = float64(min(len(models), 3))
		x[18] = float64(len(tmpls)) / n
		tcw := tmplCrowd[topTmpl[a]]
		x[19] = math.Log1p(float64(len(tcw)))
		x[20] = shareNew(tcw)
		ncw := netCrowd[topNet[a]]
		x[21] = math.Log1p(float64(len(ncw)))
		x[22] = shareNew(ncw)
		x[23] = switchLag(a)
		var ls float64
		for o := range c {
			ls += lifeOf[o]
		}
		x[24] = ls / float64(len(c))
		a.x = x
		a.n = len(a.reqs)
		a.camp = 2*a.nCamp > a.n
		a.tmpl, a.client, a.net, a.first, a.last, a.isNew = topTmpl[a], keys[a], topNet[a], first, last, isNew(a)
		a.reqs = nil
	}
}

// model is a logistic regression over standardised features.
type model struct {
	mean, sd, w []float64
	b           float64
	mask        []bool
}

func (m *model) z(x []float64, i int) float64 {
	if !m.mask[i] || m.sd[i] == 0 {
		return 0
	}
	return (x[i] - m.mean[i]) / m.sd[i]
}

func (m *model) score(x []float64) float64 {
	s := m.b
	for i := range x {
		s += m.w[i] * m.z(x, i)
	}
	return 1 / (1 + math.Exp(-s))
}

// fit fits the model by gradient descent on the log loss with L2, each
// class weighted to half of the total.
func fit(accts []*account, mask []bool) *model {
	d := len(mask)
	m := &model{mean: make([]float64, d), sd: make([]float64, d), w: make([]float64, d), mask: mask}
	for _, a := range accts {
		for i, v := range a.x {
			m.mean[i] += v
		}
	}
	for i := range m.mean {
		m.mean[i] /= float64(len(accts))
	}
	for _, a := range accts {
		for i, v := range a.x {
			m.sd[i] += (v - m.mean[i]) * (v - m.mean[i])
		}
	}
	for i := range m.sd {
		m.sd[i] = math.Sqrt(m.sd[i] / float64(len(accts)))
	}
	var nc, nl float64
	for _, a := range accts {
		if a.camp {
			nc++
		} else {
			nl++
		}
	}
	const lambda, rate, steps = 0.01, 0.5, 400
	g := make([]float64, d)
	for range steps {
		clear(g)
		gb := 0.0
		for _, a := range accts {
			y, wt := 0.0, 0.5/nl
			if a.camp {
				y, wt = 1, 0.5/nc
			}
			e := (m.score(a.x) - y) * wt
			gb += e
			for i := range g {
				g[i] += e * m.z(a.x, i)
			}
		}
		m.b -= rate * gb
		for i := range m.w {
			m.w[i] -= rate * (g[i] + lambda*m.w[i])
		}
	}
	return m
}

// threshold is the lowest score that flags at most fp of accts'
// legitimate accounts.
func (m *model) threshold(accts []*account, fp float64) float64 {
	var ls []float64
	for _, a := range accts {
		if !a.camp {
			ls = append(ls, m.score(a.x))
		}
	}
	sort.Float64s(ls)
	k := int(float64(len(ls)) * (1 - fp))
	if k >= len(ls) {
		return 1
	}
	return math.Nextafter(ls[k], 2)
}

// clusterFeatures are the named features of a cluster of accounts (the
// accounts whose most common last-turn template is one).
var clusterFeatures = []string{
	"size",             // log(1 + accounts)
	"new_share",        // share of its accounts that are new
	"lifetime",         // mean account lifetime (hours)
	"rate",             // mean log(1 + requests per account per active hour)
	"long_output",      // share of its requests asking for a long answer
	"probe",            // share of probe-shaped requests
	"shared_exact",     // share of requests whose exact prompt another account sends
	"client_diversity", // distinct client prints / accounts
	"net_diversity",    // distinct /24s / accounts
	"arrival_spread",   // standard deviation of its accounts' first sight (hours)
	"temp0",            // share at temperature 0
	"turns",            // mean log(1 + turns)
	"elicitation",      // mean harvest value (sluice's wording reading)
	"irregular",        // mean irregularity of its accounts' arrivals
	"switch_lag",       // mean lag of its accounts' take-up of their newest model
	"volume",           // log(1 + its requests per hour)
}

// clusters groups accounts by their most common last-turn template into
// units scored as one; an account without a template is a cluster of its
// own. A cluster is a campaign one when most of its requests are.
func clusters(accts []*account) []*account {
	by := map[uint64]*account{}
	var out []*account
	for _, a := range accts {
		c := by[a.tmpl]
		if c == nil || a.tmpl == 0 {
			c = &account{name: fmt.Sprintf("c%x", a.tmpl)}
			if a.tmpl != 0 {
				by[a.tmpl] = c
			}
			out = append(out, c)
		}
		c.members = append(c.members, a)
	}
	for _, c := range out {
		x := make([]float64, len(clusterFeatures))
		n := float64(len(c.members))
		clients, nets := map[string]bool{}, map[string]bool{}
		var reqs, s1, s2 float64
		var first, last int64 = math.MaxInt64, math.MinInt64
		for _, a := range c.members {
			w := float64(a.n)
			reqs += w
			if a.isNew {
				x[1]++
			}
			x[2] += a.x[1]
			x[3] += a.x[2]
			x[4] += w * a.x[3]
			x[5] += w * a.x[4]
			x[6] += w * a.x[6]
			clients[a.client] = true
			nets[a.net] = true
			h := float64(a.first) / float64(time.Hour)
			s1 += h
			s2 += h * h
			x[10] += w * a.x[12]
			x[11] += w * a.x[11]
			x[12] += w * a.x[15]
			x[13] += a.x[10]
			x[14] += a.x[23]
			first, last = min(first, a.first), max(last, a.last)
			c.n += a.n
			c.nCamp += a.nCamp
		}
		x[0] = math.Log1p(n)
		for _, i := range []int{1, 2, 3, 13, 14} {
			x[i] /= n
		}
		for _, i := range []int{4, 5, 6, 10, 11, 12} {
			x[i] /= reqs
		}
		x[7] = float64(len(clients)) / n
		x[8] = float64(len(nets)) / n
		mean := s1 / n
		x[9] = math.Sqrt(max(0, s2/n-mean*mean))
		x[15] = math.Log1p(reqs / max(0.25, float64(last-first)/float64(time.Hour)))
		c.x = x
		c.camp = 2*c.nCamp > c.n
	}
	return out
}
