package main

import (
	"io"
	"strings"
	"testing"
)

// TestServeFlagsOverride: a serve flag given on the command line replaces
// the config's value, even with an empty value (-admin-listen "" turns the
// admin listener off); a flag not given leaves the config alone.
func TestServeFlagsOverride(t *testing.T) {
	for _, c := range []struct {
		args      []string
		wantAdmin string
		wantList  string
	}{
		{nil, "127.0.0.1:9091", ":8080"},
		{[]string{"-admin-listen", ""}, "", ":8080"},
		{[]string{"-admin-listen=127.0.0.1:7000", "-listen", ":9000"}, "127.0.0.1:7000", ":9000"},
	} {
		cfg, err := loadConfig("")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Admin.Listen, cfg.Listen = "127.0.0.1:9091", ":8080"
		fs := newFlags("serve", io.Discard)
		listen := fs.String("listen", "", "")
		admin := fs.String("admin-listen", "", "")
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		overrideFromFlags(fs, map[string]*string{"listen": &cfg.Listen, "admin-listen": &cfg.Admin.Listen},
			map[string]*string{"listen": listen, "admin-listen": admin})
		if cfg.Admin.Listen != c.wantAdmin || cfg.Listen != c.wantList {
			t.Errorf("%q: admin %q listen %q, want %q %q", c.args, cfg.Admin.Listen, cfg.Listen, c.wantAdmin, c.wantList)
		}
	}
}

// TestThresholdsInOrder: enabled thresholds must rise with severity; a
// disabled one (0) is out of the comparison.
func TestThresholdsInOrder(t *testing.T) {
	for _, c := range []struct {
		d, th, b float64
		want     string
	}{
		{0.5, 0.7, 0.9, ""},
		{0, 0.7, 0.9, ""},
		{0.5, 0, 0.9, ""},
		{0.9, 0.5, 0.95, "actions.throttle"},
		{0.5, 0.9, 0.7, "actions.block"},
		{0.8, 0, 0.8, "actions.block"},
	} {
		cfg, err := loadConfig("")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Actions.Degrade, cfg.Actions.Throttle, cfg.Actions.Block = c.d, c.th, c.b
		err = cfg.validate()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%v %v %v: %v", c.d, c.th, c.b, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%v %v %v: %v, want an error naming %s", c.d, c.th, c.b, err, c.want)
		}
	}
}

// TestRedisAddressForms: store.redis takes addr, or addrs (a Cluster's
// seeds, or Sentinels with master_name), never both.
func TestRedisAddressForms(t *testing.T) {
	for _, c := range []struct {
		addr   string
		addrs  []string
		master string
		want   string
	}{
		{"127.0.0.1:6379", nil, "", ""},
		{"", []string{"10.0.0.1:6379", "10.0.0.2:6379"}, "", ""},
		{"", []string{"10.0.0.1:26379"}, "mymaster", ""},
		{"", nil, "", "store.redis.addr"},
		{"127.0.0.1:6379", []string{"10.0.0.1:6379"}, "", "store.redis.addrs"},
		{"127.0.0.1:6379", nil, "mymaster", "store.redis.master_name"},
	} {
		cfg, err := loadConfig("")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Store.Type = "redis"
		cfg.Store.Redis.Addr, cfg.Store.Redis.Addrs, cfg.Store.Redis.MasterName = c.addr, c.addrs, c.master
		err = cfg.validate()
		if (c.want == "") != (err == nil) || (err != nil && !strings.HasPrefix(err.Error(), c.want)) {
			t.Errorf("addr %q addrs %v master %q: %v, want %q", c.addr, c.addrs, c.master, err, c.want)
		}
	}
}
