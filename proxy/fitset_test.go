package proxy_test

import (
	"net/http"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/proxy"
)

// TestSamplesAsReplay: Samples gives one sample for each trace record that
// replay decides as a model request (r01, r02, r10, r12, r13 of the test
// trace), in input order, and none for errors or unguarded paths.
func TestSamplesAsReplay(t *testing.T) {
	in, err := os.ReadFile("testdata/trace.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	err = newDefaultGuard(t).Samples(strings.NewReader(string(in)), func(s *proxy.Sample) {
		if s.Print == nil || s.Subject.Account == 0 || s.Est <= 0 || s.At.IsZero() {
			t.Errorf("%s: incomplete sample %+v", s.RequestID, s)
		}
		ids = append(ids, s.RequestID)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids, " "); got != "r01 r02 r10 r12 r13" {
		t.Errorf("samples %q", got)
	}
}

func TestFitSet(t *testing.T) {
	in, err := os.ReadFile("testdata/trace.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	labels := ""
	for i, id := range []string{"r01", "r02", "r10", "r12", "r13", "r99"} {
		class, campaign := "people", "false"
		if i%2 == 1 {
			class, campaign = "hydra", "true"
		}
		labels += `{"request_id":"` + id + `","class":"` + class + `","campaign":` + campaign + `,"account":"` + class + `-1"}` + "\n"
	}
	g := newDefaultGuard(t)
	set, err := g.FitSet("test", strings.NewReader(string(in)), strings.NewReader(labels))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Samples) != 5 || len(set.Classes) != 2 || !set.Classes[1].Campaign || set.Classes[0].Campaign {
		t.Fatalf("set %+v", set)
	}
	if set.Samples[1].Class != 1 || set.Samples[2].Class != 0 {
		t.Errorf("classes of the samples: %d %d", set.Samples[1].Class, set.Samples[2].Class)
	}
	for _, c := range []struct{ name, labels, want string }{
		{"missing label", strings.Replace(labels, `"r10"`, `"r98"`, 1), "r10 has no label"},
		{"broken label", labels + "{\n", "not a label"},
		{"two flags", labels + `{"request_id":"r50","class":"people","campaign":true,"account":"x"}` + "\n", "both campaign and not"},
	} {
		if _, err := g.FitSet("test", strings.NewReader(string(in)), strings.NewReader(c.labels)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestAccountOfMatchesIdentify: the admin lookup's id for a key is the id
// a request with that key gets, with or without "Bearer ".
func TestAccountOfMatchesIdentify(t *testing.T) {
	id, err := proxy.NewIdentifier(proxy.IdentityConfig{HMACKey: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	h.Set("Authorization", "Bearer sk-abc")
	got := id.Identify(h, netip.MustParseAddr("203.0.113.9"), "").Account
	for _, k := range []string{"sk-abc", "Bearer sk-abc", " sk-abc "} {
		if a := id.AccountOf(k); a != got {
			t.Errorf("AccountOf(%q) = %v, Identify gives %v", k, a, got)
		}
	}
	if id.AccountOf("sk-abd") == got {
		t.Error("two keys, one id")
	}
}
