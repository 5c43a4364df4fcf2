package localize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(Write, Small(1))

// trace is the small trace read back and checked, shared by the tests.
type trace struct {
	recs   []tracefmt.Record
	labels []tracefmt.Label
	bodies []map[string]any
}

var (
	checkOnce sync.Once
	cached    *trace
)

func isReseller(class string) bool {
	return class == "reseller_customer" || class == "reseller_harvest"
}

// readBack reads the small trace back and holds it to gentest.CheckRecords
// once, keeping the decoded bodies for the other tests.
func readBack(t *testing.T) *trace {
	t.Helper()
	checkOnce.Do(func() { cached = check(t) })
	if cached == nil {
		t.Fatal("the small trace failed its checks")
	}
	return cached
}

func check(t *testing.T) *trace {
	t.Helper()
	recs, labels := gentest.ReadBack(t, small(t))
	tr := &trace{recs: recs, labels: labels}
	cfg := Small(1)
	gentest.CheckRecords(t, recs, labels, gentest.Spec{
		Classes: Classes(),
		Start:   cfg.Start, End: cfg.Start.Add(cfg.Duration),
		Min: 2000, Max: 50000,
		Paths: Paths,
		AccountPrefix: func(l tracefmt.Label) string {
			if isReseller(l.Class) {
				return "reseller-"
			}
			return l.Class + "-"
		},
		Check: func(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
			tr.bodies = append(tr.bodies, body)
			if net.ParseIP(r.IP) == nil {
				return fmt.Errorf("ip %q", r.IP)
			}
			if r.JA4 == "" {
				return fmt.Errorf("no ja4")
			}
			ua, _ := gentest.Header(r.Headers, "user-agent")
			// an SDK's version headers agree with its user-agent
			if v, n := gentest.Header(r.Headers, "x-stainless-package-version"); n == 1 && !strings.HasSuffix(ua, " "+v) && !strings.Contains(ua, "/"+v) {
				return fmt.Errorf("user-agent %q with package version %s", ua, v)
			}
			if ct, n := gentest.Header(r.Headers, "content-type"); n != 1 || !strings.HasPrefix(ct, "application/json") {
				return fmt.Errorf("content-type %q", ct)
			}
			if th, ok := body["thinking"].(map[string]any); ok && r.Path != pMessages {
				return fmt.Errorf("thinking %v on %s", th, r.Path)
			}
			return nil
		},
	})
	if len(tr.bodies) != len(recs) {
		t.Fatalf("%d bodies checked of %d records", len(tr.bodies), len(recs))
	}
	return tr
}

func TestRecords(t *testing.T) {
	t.Parallel()
	readBack(t)
	if len(small(t).Trace) > 60<<20 {
		t.Errorf("small trace of %d bytes", len(small(t).Trace))
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	gentest.Deterministic(t, Write, small(t), Small(1), Small(2))
}

func TestShares(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	legit := 0
	for _, l := range tr.labels {
		if !l.Campaign {
			legit++
		}
	}
	if f := float64(legit) / float64(len(tr.labels)); f < 0.5 || f > 0.7 {
		t.Errorf("legitimate share %.2f", f)
	}
	// text in many scripts, sent as UTF-8 by most clients
	for _, s := range []string{"ñ", "ü", "é", "の", "的", "한", "ة", "है", "ы"} {
		if !bytes.Contains(small(t).Trace, []byte(s)) {
			t.Errorf("no %q in the trace", s)
		}
	}
}

// firstSeen returns the first instant of each account, its class, and the
// requests of each class.
func firstSeen(tr *trace) (map[string]time.Time, map[string][]int) {
	first := map[string]time.Time{}
	byClass := map[string][]int{}
	for i, r := range tr.recs {
		l := tr.labels[i]
		if _, ok := first[l.Account]; !ok {
			first[l.Account] = r.TS
		}
		byClass[l.Class] = append(byClass[l.Class], i)
	}
	return first, byClass
}

func TestOldAndNewAccounts(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	cfg := Small(1)
	first, byClass := firstSeen(tr)
	early, late := 0, 0
	for _, i := range byClass["language_app"] {
		a := tr.labels[i].Account
		if first[a].Equal(tr.recs[i].TS) {
			if first[a].Before(cfg.Start.Add(10 * time.Minute)) {
				early++
			} else if first[a].After(cfg.Start.Add(cfg.Duration / 2)) {
				late++
			}
		}
	}
	if early == 0 || late == 0 {
		t.Errorf("language_app: %d accounts in the first minutes, %d in the second half", early, late)
	}
	// the naive hydra's accounts are new: opened in waves, none at the start
	for _, i := range byClass["naive"] {
		if at := first[tr.labels[i].Account]; at.Before(cfg.Start.Add(cfg.Duration / 20)) {
			t.Fatalf("naive account %s seen at %s", tr.labels[i].Account, at)
		}
	}
}

// net24 is the /24 of an IPv4 address, the /64 of an IPv6 one.
func net24(ip string) string {
	if strings.Contains(ip, ":") {
		p := strings.Split(ip, ":")
		return strings.Join(p[:4], ":")
	}
	return ip[:strings.LastIndexByte(ip, '.')]
}

func TestNaiveSharesOneStack(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	_, byClass := firstSeen(tr)
	uas, ja4s, nets, accts := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, i := range byClass["naive"] {
		ua, _ := gentest.Header(tr.recs[i].Headers, "user-agent")
		uas[ua], ja4s[tr.recs[i].JA4], nets[net24(tr.recs[i].IP)], accts[tr.labels[i].Account] = true, true, true, true
		if m := tr.bodies[i]["model"]; m != mFlag {
			t.Fatalf("naive model %v", m)
		}
	}
	if len(uas) != 1 || len(ja4s) != 1 || len(nets) > 3 || len(accts) < 100 {
		t.Errorf("naive: %d user-agents, %d ja4, %d networks, %d accounts", len(uas), len(ja4s), len(nets), len(accts))
	}
}

func TestBootcampOneNetwork(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	cfg := Small(1)
	first, byClass := firstSeen(tr)
	nets, students, prompts := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, i := range byClass["immersion_bootcamp"] {
		a := tr.labels[i].Account
		nets[net24(tr.recs[i].IP)] = true
		if strings.Contains(a, "-s") {
			students[a] = true
			if first[a].Before(cfg.Start.Add(cfg.Duration / 10)) {
				t.Fatalf("student %s seen at %s, before the course", a, first[a])
			}
			if sys := tr.bodies[i]["messages"].([]any)[0].(map[string]any)["content"]; sys != bootcampSystem {
				t.Fatalf("student %s without the course's system prompt", a)
			}
			prompts[tr.bodies[i]["messages"].([]any)[1].(map[string]any)["content"].(string)] = true
		}
	}
	if len(nets) > 3 || len(students) < 12 {
		t.Errorf("bootcamp: %d networks, %d students", len(nets), len(students))
	}
	if len(prompts) > len(bootcampExercises)+len(bootcampWriting) {
		t.Errorf("bootcamp: %d distinct first prompts", len(prompts))
	}
}

func TestResellerPoolCarriesBoth(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	classes := map[string]map[string]bool{}
	ips := map[string]bool{}
	for i, l := range tr.labels {
		if !isReseller(l.Class) {
			continue
		}
		if classes[l.Account] == nil {
			classes[l.Account] = map[string]bool{}
		}
		classes[l.Account][l.Class] = true
		ips[tr.recs[i].IP] = true
	}
	both := 0
	for _, c := range classes {
		if len(c) == 2 {
			both++
		}
	}
	if both < len(classes)/2 || len(ips) > 4 {
		t.Errorf("reseller: %d of %d keys carry both classes, %d addresses", both, len(classes), len(ips))
	}
}

func TestTelecomGateway(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	_, byClass := firstSeen(tr)
	nets := map[string]bool{}
	type seen struct {
		acct string
		at   time.Time
	}
	last := map[string]seen{}
	failovers := 0
	for _, i := range byClass["telecom_gateway"] {
		nets[net24(tr.recs[i].IP)] = true
		b := string(tr.recs[i].Body)
		if s, ok := last[b]; ok && s.acct != tr.labels[i].Account && tr.recs[i].TS.Sub(s.at) < 2*time.Second {
			failovers++
		}
		last[b] = seen{tr.labels[i].Account, tr.recs[i].TS}
	}
	if len(nets) != 1 || failovers == 0 {
		t.Errorf("telecom: %d networks, %d failovers", len(nets), failovers)
	}
}

func TestPivotSwitches(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	cfg := Small(1)
	release := cfg.Start.Add(cfg.Release)
	_, byClass := firstSeen(tr)
	lateNew, late := 0, 0
	for _, i := range byClass["pivot"] {
		m := tr.bodies[i]["model"]
		at := tr.recs[i].TS
		if at.Before(release) && m != mThink {
			t.Fatalf("pivot on %v before the release", m)
		}
		if at.After(release.Add(time.Hour)) {
			late++
			if m == mNew {
				lateNew++
			}
		}
	}
	if late == 0 || float64(lateNew) < 0.9*float64(late) {
		t.Errorf("pivot: %d of %d requests on %s an hour after the release", lateNew, late, mNew)
	}
	// nothing uses the new model before its release
	for i, b := range tr.bodies {
		if b["model"] == mNew && tr.recs[i].TS.Before(release) {
			t.Fatalf("%s uses %s before the release", tr.labels[i].Class, mNew)
		}
	}
}

func TestLogprobShape(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	_, byClass := firstSeen(tr)
	for _, i := range byClass["logprob"] {
		b := tr.bodies[i]
		bias, _ := b["logit_bias"].(map[string]any)
		if b["max_tokens"] != 1.0 || b["temperature"] != 0.0 || len(bias) != 300 {
			t.Fatalf("logprob body %s", tr.recs[i].Body[:200])
		}
	}
}

func TestChurnResubmits(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	_, byClass := firstSeen(tr)
	owner := map[string]string{}
	resent := 0
	for _, i := range byClass["churn"] {
		b := string(tr.recs[i].Body)
		if a, ok := owner[b]; ok && a != tr.labels[i].Account {
			resent++
		}
		owner[b] = tr.labels[i].Account
	}
	if resent == 0 {
		t.Error("churn: no request resent on a new account")
	}
}

func TestPopularToolAndPublicBenchmarks(t *testing.T) {
	t.Parallel()
	tr := readBack(t)
	_, byClass := firstSeen(tr)
	users := map[string]bool{}
	for _, i := range byClass["language_app"] {
		if strings.Contains(string(tr.recs[i].Body), "You are Parlo, a patient language tutor") {
			users[tr.labels[i].Account] = true
		}
	}
	if len(users) < 50 {
		t.Errorf("only %d learners send the app's system prompt", len(users))
	}
	// the lab sends the team's public items word for word
	orgs := map[string]map[string]bool{}
	for _, i := range byClass["eval_team"] {
		org := strings.Split(tr.labels[i].Account, "-")[1]
		msgs, _ := json.Marshal(tr.bodies[i]["messages"])
		if orgs[string(msgs)] == nil {
			orgs[string(msgs)] = map[string]bool{}
		}
		orgs[string(msgs)][org] = true
	}
	shared := 0
	for _, o := range orgs {
		if len(o) > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no benchmark prompt shared by the two organisations")
	}
}

func TestEncodings(t *testing.T) {
	t.Parallel()
	in := tracefmt.Obj{{"a", "héllo 日本 🙂 + 'x'"}, {"b", []any{1, "c:d,e"}}}
	plain := tracefmt.Encoder{}.Marshal(in)
	for _, b := range [][]byte{asciiEscape(plain, true), pySpaces(asciiEscape(plain, false))} {
		var got, want any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		json.Unmarshal(plain, &want)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s decodes to %v", b, got)
		}
		for _, c := range b {
			if c >= 0x80 {
				t.Fatalf("non-ASCII byte in %s", b)
			}
		}
	}
	if got := string(pySpaces([]byte(`{"a":"x,y:z","b":[1,2]}`))); got != `{"a": "x,y:z", "b": [1, 2]}` {
		t.Errorf("pySpaces: %s", got)
	}
}
