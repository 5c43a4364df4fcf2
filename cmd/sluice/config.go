package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// defaultsYAML is the embedded default configuration: what sluice runs on
// without -config. A config file is decoded over it, so a file only states
// what it changes.
//
//go:embed defaults.yaml
var defaultsYAML []byte

// Config is the YAML configuration file. Each section maps onto a package's
// Config; see defaults.yaml for every key with its default.
type Config struct {
	Listen      string               `yaml:"listen"`
	Upstream    proxy.UpstreamConfig `yaml:"upstream"`
	Admin       AdminConfig          `yaml:"admin"`
	Identity    proxy.IdentityConfig `yaml:"identity"`
	Limits      LimitsConfig         `yaml:"limits"`
	Routes      RoutesConfig         `yaml:"routes"`
	Detection   DetectionConfig      `yaml:"detection"`
	Actions     ActionsConfig        `yaml:"actions"`
	Shadow      bool                 `yaml:"shadow"`
	Store       StoreConfig          `yaml:"store"`
	DecisionLog DecisionLogConfig    `yaml:"decision_log"`
	AccessLog   AccessLogConfig      `yaml:"access_log"`
	Log         LogConfig            `yaml:"log"`
	Server      ServerConfig         `yaml:"server"`
	Fingerprint FingerprintConfig    `yaml:"fingerprint"`

	// clock replaces time.Now for the guard (demo's compressed time).
	clock func() time.Time
	// reread reads the configuration file again (serve's SIGHUP); nil
	// without a file.
	reread func() (*Config, error)
}

// DetectionConfig tunes the detector: limiter.Detection, and the score
// model's file.
type DetectionConfig struct {
	limiter.Detection `yaml:",inline"`
	// Model is a model file written by `sluice fit` (limiter.ParseModel);
	// empty: the embedded model.
	Model string `yaml:"model"`
}

// AdminConfig is the admin listener.
type AdminConfig struct {
	// Listen is the admin address; loopback by default. Empty disables it.
	Listen string `yaml:"listen"`
	// Token is the bearer token for the admin API (or TokenFile, a file
	// holding it). Empty: no authentication, allowed only on loopback.
	Token     string `yaml:"token"`
	TokenFile string `yaml:"token_file"`
	// StateFile keeps the allow-list and the overrides across restarts:
	// written on every change, read at start. Empty: kept in memory only.
	StateFile string `yaml:"state_file"`
}

// LimitsConfig holds body and bucket limits.
type LimitsConfig struct {
	MaxBodyBytes int64 `yaml:"max_body_bytes"`
	// MaxBatchBytes bounds batch bodies (message batches, batch files).
	MaxBatchBytes int64 `yaml:"max_batch_bytes"`
	// MaxInflightBodyBytes bounds the request body bytes held at once
	// (0: no bound); beyond it requests get 503.
	MaxInflightBodyBytes int64         `yaml:"max_inflight_body_bytes"`
	Account              limiter.Limit `yaml:"account"`
	Cluster              limiter.Limit `yaml:"cluster"`
	// MeterUsage settles the buckets with the upstream's reported usage.
	MeterUsage bool `yaml:"meter_usage"`
	// RateLimitHeaders adds remaining-quota headers for unsuspected accounts.
	RateLimitHeaders bool `yaml:"rate_limit_headers"`
}

// RoutesConfig says what is done with requests outside the guarded
// routes.
type RoutesConfig struct {
	// UnknownModelPost is "pass" (counted) or "refuse" (404) for a POST
	// under /v1 that sluice does not know.
	UnknownModelPost string `yaml:"unknown_model_post"`
	// UnknownBatchFile is "pass" (counted) or "refuse" (404) for a batch
	// that names a file whose verdict sluice does not hold.
	UnknownBatchFile string `yaml:"unknown_batch_file"`
	// BatchFiles is the number of batch file verdicts kept.
	BatchFiles int `yaml:"batch_files"`
}

// routesConfig maps the routes section onto proxy.RoutesConfig.
func (c *Config) routesConfig() proxy.RoutesConfig {
	return proxy.RoutesConfig{
		RefuseUnknownPost:      c.Routes.UnknownModelPost == "refuse",
		RefuseUnknownBatchFile: c.Routes.UnknownBatchFile == "refuse",
		BatchFiles:             c.Routes.BatchFiles,
	}
}

// ActionsConfig maps scores to actions and says what degrade does.
type ActionsConfig struct {
	Degrade  float64        `yaml:"degrade"`
	Throttle float64        `yaml:"throttle"`
	Block    float64        `yaml:"block"`
	Measures MeasuresConfig `yaml:"degrade_measures"`
}

// thresholds are the action thresholds as the engine takes them.
func (a ActionsConfig) thresholds() limiter.Thresholds {
	return limiter.Thresholds{Degrade: a.Degrade, Throttle: a.Throttle, Block: a.Block}
}

// MeasuresConfig switches each degrade measure.
type MeasuresConfig struct {
	ClampMaxTokens int           `yaml:"clamp_max_tokens"`
	DropLogprobs   bool          `yaml:"drop_logprobs"`
	ForceN1        bool          `yaml:"force_n1"`
	StripReasoning bool          `yaml:"strip_reasoning"`
	TarpitDelay    time.Duration `yaml:"tarpit_delay"`
	CheaperModel   string        `yaml:"cheaper_model"`
	// ThinkingBudget caps Anthropic thinking when reasoning is stripped; 0
	// removes it. ReasoningEffort replaces OpenAI reasoning effort.
	ThinkingBudget  int    `yaml:"thinking_budget"`
	ReasoningEffort string `yaml:"reasoning_effort"`
	// TarpitMax bounds the delay added to one stream.
	TarpitMax time.Duration `yaml:"tarpit_max"`
	// Shadow lists measures that are decided and logged but not applied.
	Shadow []string `yaml:"shadow"`
}

// measureKeys are the names of the measures in degrade_measures.shadow, in
// limiter.Measure* bit order.
var measureKeys = [...]string{"clamp_max_tokens", "drop_logprobs", "force_n1", "strip_reasoning", "tarpit_delay", "cheaper_model"}

// shadowMeasures parses degrade_measures.shadow.
func (m *MeasuresConfig) shadowMeasures() (limiter.Measures, error) {
	var out limiter.Measures
next:
	for _, name := range m.Shadow {
		for i, k := range measureKeys {
			if name == k {
				out |= 1 << i
				continue next
			}
		}
		return 0, fmt.Errorf("actions.degrade_measures.shadow: unknown measure %q (one of %s)", name, strings.Join(measureKeys[:], ", "))
	}
	return out, nil
}

// degradeConfig maps degrade_measures onto proxy.DegradeConfig.
func (c *Config) degradeConfig() proxy.DegradeConfig {
	ms := c.Actions.Measures
	sh, _ := ms.shadowMeasures() // validated
	return proxy.DegradeConfig{
		MaxTokens:       ms.ClampMaxTokens,
		Model:           ms.CheaperModel,
		ThinkingBudget:  ms.ThinkingBudget,
		ReasoningEffort: ms.ReasoningEffort,
		TarpitDelay:     ms.TarpitDelay,
		TarpitMax:       ms.TarpitMax,
		Shadow:          sh,
	}
}

// StoreConfig selects where engine state lives.
type StoreConfig struct {
	Type     string `yaml:"type"`
	Capacity int    `yaml:"capacity"`
	// SightingsFile keeps when each account was first and last seen, and
	// when sluice started, across restarts (saved every SightingsInterval
	// and at shutdown, read at start): a returning customer is not a new
	// account after a restart. Empty: not kept.
	SightingsFile     string        `yaml:"sightings_file"`
	SightingsInterval time.Duration `yaml:"sightings_interval"`
	Redis             RedisConfig   `yaml:"redis"`
}

// RedisConfig is the shared store across replicas.
type RedisConfig struct {
	Addr string `yaml:"addr"`
	// Addrs are a Redis Cluster's seed nodes, or with MasterName the
	// Sentinels of a monitored master (instead of Addr).
	Addrs      []string      `yaml:"addrs"`
	MasterName string        `yaml:"master_name"`
	Password   string        `yaml:"password"`
	DB         int           `yaml:"db"`
	Prefix     string        `yaml:"prefix"`
	FailMode   string        `yaml:"fail_mode"`
	Timeout    time.Duration `yaml:"timeout"`
	Sync       time.Duration `yaml:"sync_interval"`
}

// LogConfig shapes serve's own log on stderr (not the decision log).
type LogConfig struct {
	// Format is text or json.
	Format string `yaml:"format"`
	// Level is debug, info, warn or error.
	Level string `yaml:"level"`
}

// logger returns the log handler lc describes, writing to w.
func (lc LogConfig) logger(w io.Writer) *slog.Logger {
	var lv slog.Level
	_ = lv.UnmarshalText([]byte(lc.Level)) // validated
	opt := &slog.HandlerOptions{Level: lv}
	if lc.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opt))
	}
	return slog.New(slog.NewTextHandler(w, opt))
}

// AccessLogConfig says where the access log goes: one line per proxied
// request once its response ended (status, bytes, duration).
type AccessLogConfig struct {
	// Path is a file, "-" for stderr, or "" for none.
	Path string `yaml:"path"`
	// Buffer is the queue length between requests and the writer.
	Buffer int `yaml:"buffer"`
}

// DecisionLogConfig says where decision records go.
type DecisionLogConfig struct {
	// Path is a file, "-" for stdout, or "" for none.
	Path string `yaml:"path"`
	// Buffer is the queue length between requests and the writer.
	Buffer int `yaml:"buffer"`
}

// ServerConfig holds the listener's timeouts against slow clients.
type ServerConfig struct {
	ReadHeaderTimeout time.Duration `yaml:"read_header_timeout"`
	ReadTimeout       time.Duration `yaml:"read_timeout"`
	IdleTimeout       time.Duration `yaml:"idle_timeout"`
	MaxHeaderBytes    int           `yaml:"max_header_bytes"`
	// MaxConnections bounds the proxy's open client connections (0: no
	// bound); past it a connection is answered 503 (proxy.LimitListener).
	MaxConnections  int           `yaml:"max_connections"`
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
	TLSCert         string        `yaml:"tls_cert"`
	TLSKey          string        `yaml:"tls_key"`
}

// FingerprintConfig seeds the prompt hashes and sizes the caches that keep
// a conversation's history from being parsed and printed again.
type FingerprintConfig struct {
	Seed uint64 `yaml:"seed"`
	// HistoryCache is the number of conversation prefixes whose prints
	// are kept (fingerprint.Config.HistoryCache: 0 the default, -1 off).
	HistoryCache int `yaml:"history_cache"`
	// ParseCacheBytes is the size of the parser's cache of recent
	// requests' parsed messages (dialect.SetHistoryCache; 0 off).
	ParseCacheBytes int `yaml:"parse_cache_bytes"`
}

// loadConfig returns the embedded defaults with the file at path (if any)
// decoded over them, validated. Errors name the offending key.
func loadConfig(path string) (*Config, error) {
	var c Config
	if err := decodeStrict(defaultsYAML, &c); err != nil {
		return nil, fmt.Errorf("embedded defaults: %w", err)
	}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, usageError{fmt.Errorf("config: %w", err)}
		}
		if err := decodeStrict(data, &c); err != nil {
			return nil, usageError{fmt.Errorf("config %s: %w", path, err)}
		}
	}
	err := c.validate()
	if err == nil && c.Detection.Model != "" {
		err = c.loadModel()
	}
	if err != nil {
		where := "config"
		if path != "" {
			where = "config " + path
		}
		return nil, usageError{fmt.Errorf("%s: %w", where, err)}
	}
	return &c, nil
}

// loadModel reads the model file that detection.model names.
func (c *Config) loadModel() error {
	b, err := os.ReadFile(c.Detection.Model)
	if err != nil {
		return fmt.Errorf("detection.model: %w", err)
	}
	m, err := limiter.ParseModel(b)
	if err != nil {
		return fmt.Errorf("detection.model %s: %w", c.Detection.Model, err)
	}
	c.Detection.Detection.Model = m
	return nil
}

var lineRE = regexp.MustCompile(`line (\d+): `)

// decodeStrict decodes YAML refusing unknown keys; errors carry the dotted
// key that each failing line belongs to.
func decodeStrict(data []byte, c *Config) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(c)
	if err == nil {
		return nil
	}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return err
	}
	keys := map[int]string{}
	indexKeys(&root, "", keys)
	msg := lineRE.ReplaceAllStringFunc(err.Error(), func(m string) string {
		n, _ := strconv.Atoi(lineRE.FindStringSubmatch(m)[1])
		if k, ok := keys[n]; ok {
			return m[:len(m)-2] + " (key " + k + "): "
		}
		return m
	})
	msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n  ")
	return errors.New(msg)
}

// indexKeys maps each line of a mapping key or value to its dotted key path.
func indexKeys(n *yaml.Node, prefix string, keys map[int]string) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			indexKeys(c, prefix, keys)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			path := k.Value
			if prefix != "" {
				path = prefix + "." + k.Value
			}
			keys[k.Line] = path
			if _, ok := keys[v.Line]; !ok || v.Line != k.Line {
				keys[v.Line] = path
			}
			indexKeys(v, path, keys)
		}
	}
}

func (c *Config) validate() error {
	if c.Listen == "" {
		return errors.New("listen: required")
	}
	if _, err := netip.ParseAddrPort(hostPortForCheck(c.Listen)); err != nil {
		return fmt.Errorf("listen: %q is not host:port", c.Listen)
	}
	if c.Admin.Listen != "" {
		if _, err := netip.ParseAddrPort(hostPortForCheck(c.Admin.Listen)); err != nil {
			return fmt.Errorf("admin.listen: %q is not host:port", c.Admin.Listen)
		}
		if c.Admin.Token == "" && c.Admin.TokenFile == "" && !isLoopback(c.Admin.Listen) {
			return errors.New("admin.token: required when admin.listen is not a loopback address")
		}
	}
	if c.Limits.MaxBodyBytes <= 0 {
		return errors.New("limits.max_body_bytes: must be > 0")
	}
	if c.Limits.MaxBatchBytes <= 0 {
		return errors.New("limits.max_batch_bytes: must be > 0")
	}
	for name, v := range map[string]string{"routes.unknown_model_post": c.Routes.UnknownModelPost, "routes.unknown_batch_file": c.Routes.UnknownBatchFile} {
		if v != "pass" && v != "refuse" {
			return fmt.Errorf("%s: %q is not pass or refuse", name, v)
		}
	}
	if c.Routes.BatchFiles <= 0 {
		return errors.New("routes.batch_files: must be > 0")
	}
	for name, l := range map[string]limiter.Limit{"limits.account": c.Limits.Account, "limits.cluster": c.Limits.Cluster} {
		if l.Requests < 0 {
			return fmt.Errorf("%s.requests_per_minute: must be >= 0", name)
		}
		if l.Tokens < 0 {
			return fmt.Errorf("%s.tokens_per_minute: must be >= 0", name)
		}
		if l.RequestBurst < 0 || l.TokenBurst < 0 {
			return fmt.Errorf("%s: bursts must be >= 0", name)
		}
	}
	if err := c.Actions.thresholds().Validate(); err != nil {
		return err
	}
	if c.Store.SightingsFile != "" && c.Store.SightingsInterval <= 0 {
		return errors.New("store.sightings_interval: must be a positive duration")
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		return fmt.Errorf("log.format: %q must be text or json", c.Log.Format)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Log.Level)); err != nil {
		return fmt.Errorf("log.level: %q must be debug, info, warn or error", c.Log.Level)
	}
	if c.AccessLog.Buffer < 0 {
		return errors.New("access_log.buffer: must be >= 0")
	}
	if c.Fingerprint.HistoryCache < -1 {
		return errors.New("fingerprint.history_cache: must be >= -1 (0: the default, -1: off)")
	}
	if c.Fingerprint.ParseCacheBytes < 0 {
		return errors.New("fingerprint.parse_cache_bytes: must be >= 0 (0: off)")
	}
	if c.Server.MaxConnections < 0 {
		return errors.New("server.max_connections: must be >= 0 (0: no bound)")
	}
	dt := c.Detection
	for name, v := range map[string]time.Duration{"detection.throttle_retry": dt.ThrottleRetry, "detection.half_life": dt.HalfLife,
		"detection.link_ttl": dt.LinkTTL, "detection.retry_window": dt.RetryWindow,
		"detection.new_account": dt.NewAccount} {
		if v <= 0 {
			return fmt.Errorf("%s: must be a positive duration", name)
		}
	}
	if dt.Breadth <= 2 {
		return errors.New("detection.breadth: must be > 2 accounts")
	}
	if dt.Volume <= 3 {
		return errors.New("detection.volume: must be > 3 requests")
	}
	if dt.Confidence <= 0 {
		return errors.New("detection.confidence: must be > 0 requests")
	}
	if c.Actions.Measures.ClampMaxTokens < 0 {
		return errors.New("actions.degrade_measures.clamp_max_tokens: must be >= 0")
	}
	if c.Actions.Measures.TarpitDelay < 0 || c.Actions.Measures.TarpitDelay > 10*time.Second {
		return errors.New("actions.degrade_measures.tarpit_delay: must be within 0..10s")
	}
	if c.Actions.Measures.TarpitMax < 0 {
		return errors.New("actions.degrade_measures.tarpit_max: must be >= 0")
	}
	if c.Actions.Measures.ThinkingBudget < 0 {
		return errors.New("actions.degrade_measures.thinking_budget: must be >= 0")
	}
	switch c.Actions.Measures.ReasoningEffort {
	case "", "minimal", "low", "medium":
	default:
		return fmt.Errorf("actions.degrade_measures.reasoning_effort: %q is not minimal, low or medium", c.Actions.Measures.ReasoningEffort)
	}
	if _, err := c.Actions.Measures.shadowMeasures(); err != nil {
		return err
	}
	switch c.Store.Type {
	case "memory":
	case "redis":
		rc := c.Store.Redis
		switch {
		case rc.Addr == "" && len(rc.Addrs) == 0:
			return errors.New("store.redis.addr: required when store.type is redis (or store.redis.addrs for a Cluster or Sentinels)")
		case rc.Addr != "" && len(rc.Addrs) > 0:
			return errors.New("store.redis.addrs: give addr or addrs, not both")
		case rc.MasterName != "" && len(rc.Addrs) == 0:
			return errors.New("store.redis.master_name: needs store.redis.addrs, the Sentinels")
		}
		switch c.Store.Redis.FailMode {
		case "open", "closed":
		default:
			return fmt.Errorf("store.redis.fail_mode: %q must be open or closed", c.Store.Redis.FailMode)
		}
		if c.Store.Redis.Timeout <= 0 {
			return errors.New("store.redis.timeout: must be > 0")
		}
		if c.Store.Redis.Sync <= 0 {
			return errors.New("store.redis.sync_interval: must be > 0")
		}
		if c.Store.Redis.Prefix == "" || strings.ContainsAny(c.Store.Redis.Prefix, "{}") {
			return fmt.Errorf("store.redis.prefix: %q must be non-empty, without '{' or '}'", c.Store.Redis.Prefix)
		}
	default:
		return fmt.Errorf("store.type: %q must be memory or redis", c.Store.Type)
	}
	if c.Store.Capacity < 1000 {
		return errors.New("store.capacity: must be >= 1000")
	}
	if c.DecisionLog.Buffer < 0 {
		return errors.New("decision_log.buffer: must be >= 0")
	}
	if c.Server.ShutdownTimeout < 0 || c.Server.ReadHeaderTimeout < 0 || c.Server.ReadTimeout < 0 || c.Server.IdleTimeout < 0 {
		return errors.New("server: timeouts must be >= 0")
	}
	if (c.Server.TLSCert == "") != (c.Server.TLSKey == "") {
		return errors.New("server.tls_cert, server.tls_key: set both or neither")
	}
	if c.Upstream.URL != "" {
		if _, err := proxy.NewForwarder(c.Upstream, nil); err != nil {
			return err
		}
	}
	if _, err := proxy.NewIdentifier(c.Identity); err != nil {
		return err
	}
	return nil
}

// hostPortForCheck turns ":8080" into "0.0.0.0:8080" and "localhost:1" into
// "127.0.0.1:1" for validation.
func hostPortForCheck(s string) string {
	if strings.HasPrefix(s, ":") {
		return "0.0.0.0" + s
	}
	if strings.HasPrefix(s, "localhost:") {
		return "127.0.0.1" + strings.TrimPrefix(s, "localhost")
	}
	return s
}

func isLoopback(s string) bool {
	ap, err := netip.ParseAddrPort(hostPortForCheck(s))
	return err == nil && ap.Addr().IsLoopback()
}

// engineConfig maps the file's sections onto limiter.Config.
func (c *Config) engineConfig() limiter.Config {
	var m limiter.Measures
	ms := c.Actions.Measures
	if ms.ClampMaxTokens > 0 {
		m |= limiter.MeasureClampTokens
	}
	if ms.DropLogprobs {
		m |= limiter.MeasureDropLogprobs
	}
	if ms.ForceN1 {
		m |= limiter.MeasureForceN1
	}
	if ms.StripReasoning {
		m |= limiter.MeasureStripReasoning
	}
	if ms.TarpitDelay > 0 {
		m |= limiter.MeasureTarpit
	}
	if ms.CheaperModel != "" {
		m |= limiter.MeasureCheaperModel
	}
	return limiter.Config{
		Account:    c.Limits.Account,
		Cluster:    c.Limits.Cluster,
		Capacity:   c.Store.Capacity,
		Thresholds: c.Actions.thresholds(),
		Degrade:    m,
		Shadow:     c.Shadow,
		Detection:  c.Detection.Detection,
	}
}
