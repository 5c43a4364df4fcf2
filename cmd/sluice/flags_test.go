package main

import (
	"io"
	"log/slog"
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

// TestAccountKeyDefault: serve never keys account ids with the public
// constant unless told to: without identity.hmac_key it draws a random
// secret (and warns), and refuses when ids must outlive the process.
func TestAccountKeyDefault(t *testing.T) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg, _ := loadConfig("")
	if err := secureAccountKey(cfg, logger); err != nil || len(cfg.Identity.HMACKey) != 64 {
		t.Errorf("no key: %v, key of %d hex digits", err, len(cfg.Identity.HMACKey))
	}
	other, _ := loadConfig("")
	secureAccountKey(other, logger)
	if other.Identity.HMACKey == cfg.Identity.HMACKey {
		t.Error("two processes drew the same key")
	}
	cfg, _ = loadConfig("")
	cfg.Identity.HMACKey = insecureDefaultKey
	if err := secureAccountKey(cfg, logger); err != nil || cfg.Identity.HMACKey != "" {
		t.Errorf("insecure-default: %v, key %q (the public default is the empty key)", err, cfg.Identity.HMACKey)
	}
	for _, set := range []func(*Config){
		func(c *Config) { c.Store.Type, c.Store.Redis.Addr = "redis", "127.0.0.1:6379" },
		func(c *Config) { c.Admin.StateFile = "/tmp/x" },
		func(c *Config) { c.Store.SightingsFile = "/tmp/y" },
	} {
		cfg, _ := loadConfig("")
		set(cfg)
		if err := secureAccountKey(cfg, logger); err == nil || !strings.Contains(err.Error(), "identity.hmac_key") {
			t.Errorf("ids that outlive the process without a key: %v", err)
		}
	}
	cfg, _ = loadConfig("")
	cfg.Identity.HMACKey = "s3cret"
	if err := secureAccountKey(cfg, logger); err != nil || cfg.Identity.HMACKey != "s3cret" {
		t.Errorf("a key set: %v %q", err, cfg.Identity.HMACKey)
	}
}

// TestLogFormat: log.format json writes JSON lines at log.level; bad
// values stop start-up naming the key.
func TestLogFormat(t *testing.T) {
	cfg, _ := loadConfig("")
	cfg.Log.Format, cfg.Log.Level = "json", "warn"
	if err := cfg.validate(); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	l := cfg.Log.logger(&b)
	l.Info("hidden")
	l.Warn("shown", "k", 1)
	if s := b.String(); strings.Contains(s, "hidden") || !strings.HasPrefix(s, `{"time":`) || !strings.Contains(s, `"msg":"shown"`) {
		t.Errorf("log %q", s)
	}
	for _, bad := range [][2]string{{"xml", "info"}, {"text", "loud"}} {
		cfg.Log.Format, cfg.Log.Level = bad[0], bad[1]
		if err := cfg.validate(); err == nil || !strings.HasPrefix(err.Error(), "log.") {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

// TestFingerprintCacheKeys: the caches of re-sent history take their
// documented ranges, and a value out of range names its key.
func TestFingerprintCacheKeys(t *testing.T) {
	for _, c := range []struct {
		history, parse int
		want           string
	}{
		{0, 32 << 20, ""},
		{-1, 0, ""},
		{100000, 1 << 30, ""},
		{-2, 0, "fingerprint.history_cache"},
		{0, -1, "fingerprint.parse_cache_bytes"},
	} {
		cfg, err := loadConfig("")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Fingerprint.HistoryCache, cfg.Fingerprint.ParseCacheBytes = c.history, c.parse
		err = cfg.validate()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%d %d: %v", c.history, c.parse, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%d %d: %v, want an error naming %s", c.history, c.parse, err, c.want)
		}
	}
}
