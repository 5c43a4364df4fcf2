package sim_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// short is Small compressed to one simulated hour and a fifth of the
// accounts, every class still active, so the tests stay fast.
func short() sim.Scenario {
	s := sim.Small()
	s.Duration = time.Hour
	s.Scale = 0.2
	for i := range s.Classes {
		s.Classes[i].From /= 3
	}
	return s
}

type generated struct {
	recs   []sim.Record
	labels []sim.Label
	out    []byte
	err    error
}

// shortOnce is short(), generated once for all the tests that only read it.
var shortOnce = sync.OnceValue(func() generated {
	var g generated
	g.err = sim.Generate(short(), func(r sim.Record, l sim.Label) error {
		g.recs = append(g.recs, r)
		g.labels = append(g.labels, l)
		g.out = append(r.AppendJSON(g.out), '\n')
		return nil
	})
	return g
})

func generateShort(t *testing.T) ([]sim.Record, []sim.Label, []byte) {
	t.Helper()
	g := shortOnce()
	if g.err != nil {
		t.Fatal(g.err)
	}
	return g.recs, g.labels, g.out
}

func generate(t *testing.T, s sim.Scenario) ([]sim.Record, []sim.Label, []byte) {
	t.Helper()
	var recs []sim.Record
	var labels []sim.Label
	var out []byte
	err := sim.Generate(s, func(r sim.Record, l sim.Label) error {
		recs = append(recs, r)
		labels = append(labels, l)
		out = append(r.AppendJSON(out), '\n')
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs, labels, out
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	_, l1, a := generateShort(t)
	_, l2, b := generate(t, short())
	if !bytes.Equal(a, b) {
		t.Fatal("same scenario, different bytes")
	}
	if len(l1) != len(l2) {
		t.Fatal("same scenario, different labels")
	}
	s := short()
	s.Seed, s.Duration = 2, 20*time.Minute
	_, _, c := generate(t, s)
	if bytes.HasPrefix(a, c[:len(c)/2]) {
		t.Fatal("different seeds, same bytes")
	}
}

func TestRecordsFollowContract(t *testing.T) {
	t.Parallel()
	recs, labels, out := generateShort(t)
	lines := bytes.Split(bytes.TrimSuffix(out, []byte{'\n'}), []byte{'\n'})
	if len(lines) != len(recs) || len(labels) != len(recs) {
		t.Fatalf("%d lines, %d records, %d labels", len(lines), len(recs), len(labels))
	}
	read, err := tracefmt.ReadRecords(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range read {
		if labels[i].RequestID != c.RequestID {
			t.Fatalf("line %d: label %q for record %q", i, labels[i].RequestID, c.RequestID)
		}
		if c.Method != "POST" || !strings.HasPrefix(c.Path, "/v1/") {
			t.Fatalf("line %d: %s %s from %q", i, c.Method, c.Path, c.IP)
		}
		var body map[string]json.RawMessage
		if err := json.Unmarshal(c.Body, &body); err != nil {
			t.Fatalf("line %d: body: %v", i, err)
		}
		if _, ok := body["model"]; !ok {
			t.Fatalf("line %d: body without model", i)
		}
		var cred, length bool
		for _, h := range c.Headers {
			switch strings.ToLower(h[0]) {
			case "authorization", "x-api-key":
				cred = true
			case "content-length":
				length = true
				if h[1] != strconv.Itoa(len(c.Body)) {
					t.Fatalf("line %d: content-length %s, body %d bytes", i, h[1], len(c.Body))
				}
			}
		}
		if !cred || !length {
			t.Fatalf("line %d: no credential or content-length header", i)
		}
		if line := lines[i]; bytes.Contains(line, []byte(`"campaign"`)) || bytes.Contains(line, []byte(labels[i].Account)) {
			t.Fatalf("line %d: the record carries its label", i)
		}
	}
}

func TestClassMix(t *testing.T) {
	t.Parallel()
	_, labels, _ := generateShort(t)
	count := map[sim.Class]int{}
	accounts := map[sim.Class]map[string]bool{}
	for _, l := range labels {
		count[l.Class]++
		if l.Campaign != l.Class.Campaign() {
			t.Fatalf("label %+v: campaign flag disagrees with class", l)
		}
		if accounts[l.Class] == nil {
			accounts[l.Class] = map[string]bool{}
		}
		accounts[l.Class][l.Account] = true
	}
	for _, c := range sim.Classes {
		if count[c] == 0 {
			t.Errorf("class %s missing", c)
		}
	}
	if n := len(accounts[sim.PopularTool]); n < 30 {
		t.Errorf("popular tool: %d accounts", n)
	}
	if n := len(accounts[sim.Naive]); n < 30 {
		t.Errorf("naive: %d accounts", n)
	}
	t.Logf("%d records: %v", len(labels), count)
}

// Campaign accounts stay below a per-key limit of 60 requests a minute.
func TestCampaignRatesUnderPerKeyLimit(t *testing.T) {
	t.Parallel()
	recs, labels, _ := generateShort(t)
	perMinute := map[string]int{}
	for i, r := range recs {
		if labels[i].Campaign {
			k := labels[i].Account + r.TS.Truncate(time.Minute).String()
			perMinute[k]++
			if perMinute[k] > 30 {
				t.Fatalf("%s sends over 30 requests in a minute", labels[i].Account)
			}
		}
	}
}

func TestSmallSizeAndSpeed(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("full small scenario: not in -short or -race runs")
	}
	start := time.Now()
	n := 0
	err := sim.Generate(sim.Small(), func(sim.Record, sim.Label) error { n++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if n < 20000 || n > 40000 {
		t.Errorf("small: %d records, want 20k..40k", n)
	}
	t.Logf("small: %d records in %v", n, time.Since(start))
}

func TestNamed(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"small", "large", "demo"} {
		if _, err := sim.Named(name); err != nil {
			t.Error(err)
		}
	}
	if _, err := sim.Named("huge"); err == nil {
		t.Error("unknown scenario accepted")
	}
	bad := sim.Small()
	bad.Classes = append(bad.Classes, sim.ClassSpec{Class: "nope"})
	if err := sim.Generate(bad, func(sim.Record, sim.Label) error { return nil }); err == nil {
		t.Error("unknown class accepted")
	}
	stop := errors.New("stop")
	n := 0
	err := sim.Generate(sim.Demo(), func(sim.Record, sim.Label) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("emit error: got %v after %d records", err, n)
	}
}

func ExampleGenerate() {
	s := sim.Demo()
	s.Duration = 10 * time.Minute
	perClass := map[sim.Class]int{}
	err := sim.Generate(s, func(r sim.Record, l sim.Label) error {
		perClass[l.Class]++
		_, err := json.Marshal(r) // one trace line
		return err
	})
	fmt.Println(err, perClass[sim.Naive] > 0, perClass[sim.HumanChat] > 0)
	// Output: <nil> true true
}

// Tiny scales and durations leave at least one account per class and end.
func TestTinyScenarios(t *testing.T) {
	t.Parallel()
	for _, s := range []sim.Scenario{
		func() sim.Scenario { s := sim.Small(); s.Scale, s.Duration = 0.0001, 20*time.Minute; return s }(),
		func() sim.Scenario { s := sim.Large(); s.Scale, s.Duration = 0.001, 2*time.Minute; return s }(),
		func() sim.Scenario { s := sim.Demo(); s.Duration = time.Second; return s }(),
	} {
		n := 0
		if err := sim.Generate(s, func(sim.Record, sim.Label) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d records", s.Name, n)
	}
}
