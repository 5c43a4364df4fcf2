// Command featstat prints, per class of a labelled trace, the distribution
// of the harvest value that sluice's engine computes for each request (per
// request and per account mean): the tool for checking that a feature
// separates campaign from legitimate traffic before it is used.
//
//	cd bench
//	go run ./cmd/gentrace -gen sim -small -out t.jsonl -labels l.jsonl
//	go run ./cmd/featstat t.jsonl l.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
)

type rec struct {
	RequestID string          `json:"request_id"`
	Path      string          `json:"path"`
	Body      json.RawMessage `json:"body"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: featstat TRACE LABELS")
		os.Exit(2)
	}
	labels := map[string][2]string{}
	lf, _ := os.Open(os.Args[2])
	sc := bufio.NewScanner(lf)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var m map[string]any
		json.Unmarshal(sc.Bytes(), &m)
		id, _ := m["request_id"].(string)
		c, _ := m["class"].(string)
		a, _ := m["account"].(string)
		labels[id] = [2]string{c, a}
	}
	type acc struct{ n, sum float64 }
	per := map[string]map[string]*acc{}
	h := fingerprint.New(fingerprint.Config{})
	model := limiter.DefaultModel() // the embedded model
	f, _ := os.Open(os.Args[1])
	sc = bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	p := dialect.Get()
	hist := map[string]*[11]int{}
	for sc.Scan() {
		var r rec
		json.Unmarshal(sc.Bytes(), &r)
		_, ep := dialect.Detect(r.Path)
		var req fingerprint.Request
		if p.Parse(ep, r.Body, &req) != nil {
			continue
		}
		var pr fingerprint.Print
		h.Prompt(&req, &pr.Prompt)
		hv, _ := model.HarvestValue(&pr)
		l := labels[r.RequestID]
		if per[l[0]] == nil {
			per[l[0]] = map[string]*acc{}
			hist[l[0]] = &[11]int{}
		}
		a := per[l[0]][l[1]]
		if a == nil {
			a = &acc{}
			per[l[0]][l[1]] = a
		}
		a.n++
		a.sum += hv
		hist[l[0]][int(hv*10)]++
	}
	var ks []string
	for k := range per {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		var means []float64
		for _, a := range per[k] {
			if a.n >= 3 {
				means = append(means, a.sum/a.n)
			}
		}
		sort.Float64s(means)
		q := func(x float64) float64 {
			if len(means) == 0 {
				return -1
			}
			return means[int(x*float64(len(means)-1))]
		}
		fmt.Printf("%-18s accts>=3:%4d acct-mean-hv p10 %.2f p50 %.2f p90 %.2f max %.2f   hv-hist %v\n", k, len(means), q(0.1), q(0.5), q(0.9), q(1), *hist[k])
	}
}
