package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/stub"
	"github.com/sluicehq/sluice/proxy"
	"github.com/sluicehq/sluice/proxy/admin"
)

// demoJA4Header carries each simulated client's TLS print from the demo's
// driver to the proxy, which trusts it from loopback only.
const demoJA4Header = "X-Demo-Ja4"

func cmdDemo(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("demo", stderr)
	dur := fs.Duration("duration", 45*time.Second, "real `time` the simulated hour is compressed into")
	scenario := fs.String("scenario", "demo", "simulated `scenario`: demo, small")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dur < 5*time.Second || *dur > time.Hour {
		return usagef("-duration: must be within 5s..1h")
	}
	sc, err := sim.Named(*scenario)
	if err != nil {
		return usageError{err}
	}
	ctx, stop := signalContext()
	defer stop()
	return runDemo(ctx, sc, *dur, stdout)
}

// demoLog collects the decision log of the demo's proxy.
type demoLog struct {
	mu   sync.Mutex
	buf  []byte
	recs []sim.Decision
	acts map[string]string
}

func (l *demoLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			break
		}
		var d sim.Decision
		if json.Unmarshal(l.buf[:i], &d) == nil && d.RequestID != "" {
			l.recs = append(l.recs, d)
			l.acts[d.RequestID] = d.Action
		}
		l.buf = l.buf[i+1:]
	}
	return len(p), nil
}

func runDemo(ctx context.Context, sc sim.Scenario, realDur time.Duration, out io.Writer) error {
	// the simulated traffic, generated up front
	var recs []sim.Record
	var labels []sim.Label
	if err := sim.Generate(sc, func(r sim.Record, l sim.Label) error {
		recs = append(recs, r)
		labels = append(labels, l)
		return nil
	}); err != nil {
		return err
	}
	if len(recs) == 0 {
		return errors.New("demo: the scenario produced no traffic")
	}
	label := make(map[string]sim.Label, len(labels))
	for _, l := range labels {
		label[l.RequestID] = l
	}
	simStart := recs[0].TS
	simSpan := recs[len(recs)-1].TS.Sub(simStart) + time.Second
	speed := float64(simSpan) / float64(realDur)

	// a stub upstream that speaks both dialects
	upLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	up := &http.Server{Handler: stub.New(stub.Config{Words: 12}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = up.Serve(upLn) }()
	defer up.Close()

	// the real proxy on embedded defaults, on compressed time
	cfg, err := loadConfig("")
	if err != nil {
		return err
	}
	cfg.Upstream.URL = "http://" + upLn.Addr().String()
	cfg.Identity.TrustedProxies = []string{"127.0.0.1/32"}
	cfg.Identity.JA4Header = demoJA4Header
	wallStart := time.Now()
	cfg.clock = func() time.Time {
		return simStart.Add(time.Duration(float64(time.Since(wallStart)) * speed))
	}
	dlog := &demoLog{acts: map[string]string{}}
	a, err := newApp(cfg, dlog, true)
	if err != nil {
		return err
	}
	fwd, err := proxy.NewForwarder(cfg.Upstream, a.reg)
	if err != nil {
		return err
	}
	pLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	psrv := &http.Server{Handler: proxy.NewHandler(a.guard, fwd), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = psrv.Serve(pLn) }()
	defer psrv.Close()
	aLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	asrv := &http.Server{Handler: admin.Handler(admin.Config{
		Gatherer: a.reg, Engine: a.engine, OnEvent: a.event, Now: cfg.clock, Effective: cfg.redacted(),
	}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = asrv.Serve(aLn) }()
	defer asrv.Close()

	fmt.Fprintf(out, "sluice demo: %d simulated requests (%s of traffic, %d classes) through a real sluice proxy in %s\n",
		len(recs), simSpan.Round(time.Minute), len(sc.Classes), realDur)
	fmt.Fprintf(out, "  stub upstream  http://%s\n  proxy          http://%s\n  admin          http://%s  (/metrics, /admin/...)\n\n",
		upLn.Addr(), pLn.Addr(), aLn.Addr())
	fmt.Fprintf(out, "  watch the clusters live: http://%s/ui/  (open it now; the demo runs for %s)\n\n", aLn.Addr(), realDur)

	// drive the traffic on schedule
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}, Timeout: 30 * time.Second}
	jobs := make(chan *sim.Record, 256)
	var sent, failed atomic.Int64
	var wg sync.WaitGroup
	base := "http://" + pLn.Addr().String()
	for range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range jobs {
				if err := demoSend(ctx, client, base, r); err != nil {
					failed.Add(1)
				}
				sent.Add(1)
			}
		}()
	}
	ticker := time.NewTicker(realDur / 8)
	defer ticker.Stop()
	cancelled := false
feed:
	for i := range recs {
		due := wallStart.Add(time.Duration(float64(recs[i].TS.Sub(simStart)) / speed))
		for {
			wait := time.Until(due)
			if wait <= 0 {
				break
			}
			select {
			case <-ctx.Done():
				cancelled = true
				break feed
			case <-ticker.C:
				demoProgress(out, dlog, label, cfg.clock().Sub(simStart))
			case <-time.After(wait):
			}
		}
		jobs <- &recs[i]
	}
	close(jobs)
	wg.Wait()
	if err := a.close(); err != nil {
		return err
	}
	if cancelled {
		return errors.New("demo: interrupted")
	}
	demoProgress(out, dlog, label, simSpan)
	fmt.Fprintf(out, "\n%d requests sent, %d failed at the transport\n", sent.Load(), failed.Load())
	dlog.mu.Lock()
	decisions := dlog.recs
	dlog.mu.Unlock()
	rep := sim.Evaluate(labels, decisions)
	if err := rep.Write(out, false); err != nil {
		return err
	}
	demoClusters(out, decisions, label)
	return nil
}

func demoSend(ctx context.Context, c *http.Client, base string, r *sim.Record) error {
	req, err := http.NewRequestWithContext(ctx, r.Method, base+r.Path, bytes.NewReader(r.Body))
	if err != nil {
		return err
	}
	for _, h := range r.Headers {
		switch strings.ToLower(h[0]) {
		case "host", "content-length", "connection", "transfer-encoding":
			continue
		}
		req.Header.Add(h[0], h[1])
	}
	req.Header.Set("X-Forwarded-For", r.IP)
	req.Header.Set("X-Request-Id", r.RequestID)
	if r.JA4 != "" {
		req.Header.Set(demoJA4Header, r.JA4)
	}
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	return res.Body.Close()
}

// demoProgress prints one line: simulated time and what happened so far to
// legitimate and campaign traffic.
func demoProgress(out io.Writer, l *demoLog, label map[string]sim.Label, at time.Duration) {
	type tally struct{ n, notAllowed int }
	var legit, camp tally
	l.mu.Lock()
	for id, act := range l.acts {
		lb, ok := label[id]
		if !ok {
			continue
		}
		t := &legit
		if lb.Campaign {
			t = &camp
		}
		t.n++
		if act != sim.ActionAllow {
			t.notAllowed++
		}
	}
	l.mu.Unlock()
	pct := func(t tally) float64 {
		if t.n == 0 {
			return 0
		}
		return 100 * float64(t.notAllowed) / float64(t.n)
	}
	fmt.Fprintf(out, "  t+%-6s legitimate %5d requests, %5.2f%% not allowed   campaign %5d requests, %5.1f%% not allowed\n",
		at.Round(time.Minute), legit.n, pct(legit), camp.n, pct(camp))
}

// demoClusters prints the clusters of more than one account that sluice
// found, largest first, with what it did to them and why.
func demoClusters(out io.Writer, ds []sim.Decision, label map[string]sim.Label) {
	type cl struct {
		id       string
		accounts map[string]bool
		classes  map[sim.Class]int
		acts     map[string]int
		reasons  map[string]int
	}
	// an account belongs to the cluster of its latest decision: early
	// decisions may carry a cluster that was merged into another since
	final := map[string]string{}
	for _, d := range ds {
		if d.Cluster != "" {
			final[d.Account] = d.Cluster
		}
	}
	cls := map[string]*cl{}
	for _, d := range ds {
		cid := final[d.Account]
		if cid == "" || strings.TrimPrefix(cid, "c_") == strings.TrimPrefix(d.Account, "a_") {
			continue
		}
		d.Cluster = cid
		c := cls[d.Cluster]
		if c == nil {
			c = &cl{id: d.Cluster, accounts: map[string]bool{}, classes: map[sim.Class]int{}, acts: map[string]int{}, reasons: map[string]int{}}
			cls[d.Cluster] = c
		}
		c.accounts[d.Account] = true
		c.classes[label[d.RequestID].Class]++
		c.acts[d.Action]++
		for _, r := range d.Reasons {
			c.reasons[r]++
		}
	}
	var list []*cl
	for _, c := range cls {
		if len(c.accounts) > 1 {
			list = append(list, c)
		}
	}
	sort.Slice(list, func(i, j int) bool { return len(list[i].accounts) > len(list[j].accounts) })
	fmt.Fprintf(out, "\nclusters of accounts found (%d):\n", len(list))
	for i, c := range list {
		if i == 8 {
			fmt.Fprintf(out, "  ... and %d more\n", len(list)-i)
			break
		}
		fmt.Fprintf(out, "  %s  %4d accounts  traffic %s  actions %s  evidence %s\n", c.id, len(c.accounts), top(c.classes, 3), top(c.acts, 4), top(c.reasons, 4))
	}
}

func top[K ~string](m map[K]int, n int) string {
	type kv struct {
		k K
		v int
	}
	var s []kv
	for k, v := range m {
		s = append(s, kv{k, v})
	}
	sort.Slice(s, func(i, j int) bool { return s[i].v > s[j].v || (s[i].v == s[j].v && s[i].k < s[j].k) })
	var b strings.Builder
	for i, e := range s {
		if i == n {
			break
		}
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%s:%d", e.k, e.v)
	}
	return b.String()
}
