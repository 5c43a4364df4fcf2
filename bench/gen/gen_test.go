package gen

import (
	"strings"
	"testing"
)

// TestNames: every generator has a unique name that ends in no digit and a
// line of what it models, Get finds each, and the old names (formerly)
// still find the generators they were.
func TestNames(t *testing.T) {
	seen := map[string]bool{}
	for _, g := range All() {
		if seen[g.Name] || g.Name == "" || strings.ContainsAny(g.Name[len(g.Name)-1:], "0123456789") || g.About == "" || g.Write == nil {
			t.Errorf("generator %q (%q)", g.Name, g.About)
		}
		seen[g.Name] = true
		if got, err := Get(g.Name); err != nil || got.Name != g.Name {
			t.Errorf("Get(%q) = %q, %v", g.Name, got.Name, err)
		}
	}
	for old, name := range formerly {
		if got, err := Get(old); err != nil || got.Name != name || !seen[name] {
			t.Errorf("Get(%q) = %q, %v; want %s", old, got.Name, err, name)
		}
	}
	if _, err := Get("nosuch"); err == nil {
		t.Error("Get(nosuch) found a generator")
	}
}
