package limiter

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// TestModelFileRoundTrip: the embedded model.json is exactly what Marshal
// writes for it, so that `sluice fit` output can replace it byte for byte.
func TestModelFileRoundTrip(t *testing.T) {
	m := DefaultModel()
	if got := m.Marshal(); !bytes.Equal(got, embeddedModel) {
		t.Errorf("Marshal(DefaultModel()) differs from model.json:\n%s", got)
	}
	back, err := ParseModel(m.Marshal())
	if err != nil || back != m {
		t.Fatalf("ParseModel(Marshal(m)) = %+v, %v", back, err)
	}
	if n := len(m.Fields()); n < 50 {
		t.Errorf("%d parameters", n)
	}
	for _, f := range m.Fields() {
		if f.Name == "" {
			t.Errorf("a parameter without a json name: %+v", f)
		}
		m2, err := m.With(f.Name, f.Value+1)
		if err != nil || m2 == m {
			t.Errorf("With(%s): %v", f.Name, err)
		}
	}
}

func TestParseModelErrors(t *testing.T) {
	good := string(DefaultModel().Marshal())
	for _, c := range []struct{ name, text, want string }{
		{"unknown", strings.Replace(good, `"link_heat"`, `"link_hot"`, 1), "link_hot"},
		{"missing", strings.Replace(good, `  "link_heat": 0.3,`+"\n", "", 1), "link_heat missing"},
		{"negative", strings.Replace(good, `"link_heat": 0.3`, `"link_heat": -0.3`, 1), "link_heat"},
		{"above one", strings.Replace(good, `"suspicious": 0.4`, `"suspicious": 1.4`, 1), "suspicious"},
		{"zero span", strings.Replace(good, `"gate_span": 0.3`, `"gate_span": 0`, 1), "gate_span"},
		{"broken", good[:40], "model"},
	} {
		_, err := ParseModel([]byte(c.text))
		if err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an ErrConfig naming %q", c.name, err, c.want)
		}
	}
	if _, err := New(Config{Detection: Detection{Model: Model{GateSpan: -1}}}); err == nil {
		t.Error("New accepted an invalid model")
	}
}

// TestHarvestValueModel is the harvest value's table: each row is one of
// the model's request readings, with the parameter that sets it changed
// from the hand-set model, and the value it must then give.
func TestHarvestValueModel(t *testing.T) {
	// a single-shot request whose user turn elicits 0.6
	base := func() *fingerprint.Print {
		var p fingerprint.Print
		p.Prompt.Elicit = 0.6
		p.Prompt.Turns = 1
		return &p
	}
	for _, c := range []struct {
		name  string
		param string
		v     float64
		shape func(*fingerprint.Print)
		want  float64
	}{
		{"single shot", "", 0, nil, 0.6},
		{"conversation", "turn_factor", 0.5, func(p *fingerprint.Print) { p.Prompt.Turns = 3 }, 0.3},
		{"conversation still asking", "turn_factor_asking", 0.9, func(p *fingerprint.Print) { p.Prompt.Turns = 3; p.Prompt.ElicitLast = 0.4; p.Prompt.SystemBytes = 500 }, 0.54},
		{"application's system prompt", "app_factor", 0.25, func(p *fingerprint.Print) { p.Prompt.SystemBytes = 500 }, 0.15},
		{"short persona is no application", "app_system_bytes", 1000, func(p *fingerprint.Print) { p.Prompt.SystemBytes = 500 }, 0.6},
		{"temperature 0", "temp0_factor", 0.25, func(p *fingerprint.Print) { p.Prompt.Knobs |= fingerprint.KnobTemp0 }, 0.15},
		{"long answer", "long_bonus", 0.3, func(p *fingerprint.Print) { p.Prompt.Knobs |= fingerprint.KnobLongOutput }, 0.9},
		{"long answer, weak elicitation", "long_from", 0.7, func(p *fingerprint.Print) { p.Prompt.Knobs |= fingerprint.KnobLongOutput }, 0.6},
		{"system prompt demands it", "system_demand", 0.5, func(p *fingerprint.Print) { p.Prompt.Elicit = 0; p.Prompt.ElicitSystem = 0.9 }, 0.45},
		{"system prompt weighs in", "system_elicit", 0.5, func(p *fingerprint.Print) { p.Prompt.ElicitSystem = 0.4 }, 1 - 0.4*0.8},
	} {
		m := hand(t)
		if c.param != "" {
			var err error
			if m, err = m.With(c.param, c.v); err != nil {
				t.Fatal(err)
			}
		}
		p := base()
		if c.shape != nil {
			c.shape(p)
		}
		got, _, _ := m.harvestValue(p)
		if d := got - c.want; d > 1e-6 || d < -1e-6 {
			t.Errorf("%s (%s=%v): harvest value %.4f, want %.4f", c.name, c.param, c.v, got, c.want)
		}
	}
}

// hand is the hand-set model the fit starts from (testdata).
func hand(t *testing.T) Model {
	b, err := os.ReadFile("testdata/hand-model.json")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseModel(b)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestNodeReadingsModel: a node's heat and its pacing follow their
// parameters.
func TestNodeReadingsModel(t *testing.T) {
	cfg := DefaultDetection()
	n := node{reqs: 10, sreqs: 2, susp: 1.6}
	for i := range 12 {
		n.saccts[i/64] |= 1 << (i % 64)
	}
	h, _ := n.heat(&cfg)
	if h <= 0 {
		t.Fatalf("heat %.3f", h)
	}
	cfg.Model.HeatMinRequests = 3
	if h, _ := n.heat(&cfg); h != 0 {
		t.Errorf("heat_min_requests 3 over 2 suspicious requests: heat %.3f", h)
	}
	cfg.Model.HeatMinRequests, cfg.Model.HeatShareFull = 1.5, 0.1
	if h2, _ := n.heat(&cfg); h2 <= h {
		t.Errorf("heat_share_full 0.1: heat %.3f, want above %.3f", h2, h)
	}
	r := node{reqs: 30, gapMean: 10, gapVar: 9} // cv 0.3
	m := DefaultModel()
	if !r.regular(&m) {
		t.Error("cv 0.3 is not regular at regular_cv 0.35")
	}
	m.RegularCV = 0.25
	if r.regular(&m) {
		t.Error("cv 0.3 is regular at regular_cv 0.25")
	}
	m.RegularCV, m.RegularMin = 0.35, 40
	if r.regular(&m) {
		t.Error("30 arrivals judged at regular_min 40")
	}
}

// TestModelChangesDecisions: a campaign's requests are acted on with the
// default model and not with one whose evidence floor and strong shape no
// request reaches, through the Config alone.
func TestModelChangesDecisions(t *testing.T) {
	run := func(m Model) (acted int) {
		cfg := DefaultConfig()
		cfg.Detection.Model = m
		e, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		var p fingerprint.Print
		p.Prompt.Elicit, p.Prompt.Turns = 0.7, 1
		p.Prompt.Knobs = fingerprint.KnobLongOutput
		p.Prompt.TemplateLast = 42
		for i := range 600 {
			d := e.Decide(t0.Add(time.Duration(i)*6*time.Second), Subject{Account: AccountID(1 + i%30)}, &p, 100)
			if i >= 300 && d.Action != ActionAllow {
				acted++
			}
		}
		return acted
	}
	def := run(DefaultModel())
	off, _ := DefaultModel().With("suspicious", 0.95)
	off, _ = off.With("strong_hv", 0.95)
	none := run(off)
	t.Logf("acted on %d of 300 with the default model, %d with suspicious and strong_hv 0.95", def, none)
	if def < 250 || none > def/10 {
		t.Errorf("acted on %d (default) and %d (suspicious, strong_hv 0.95) of 300", def, none)
	}
}

// TestDetectionInvalidIsAnError: an invalid detection value is refused,
// never replaced by its default; a zero one takes the default.
func TestDetectionInvalidIsAnError(t *testing.T) {
	for _, d := range []Detection{{Breadth: 1}, {Breadth: 2}, {Volume: 2}, {HalfLife: -time.Hour}, {Confidence: -1}, {NewAccount: -time.Minute}} {
		cfg := DefaultConfig()
		def := cfg.Detection
		cfg.Detection = d
		cfg.Detection.Model = def.Model
		if _, err := New(cfg); !errors.Is(err, ErrConfig) {
			t.Errorf("%+v: %v, want an ErrConfig", d, err)
		}
	}
	cfg := DefaultConfig()
	cfg.Detection = Detection{Breadth: 20}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.det.cfg; got.Breadth != 20 || got.Volume != DefaultDetection().Volume {
		t.Errorf("partial detection: %+v", got)
	}
}

// TestSetThresholds: thresholds replaced on a running engine act on the
// next decisions (a reload without a restart); invalid ones are refused
// and change nothing.
func TestSetThresholds(t *testing.T) {
	e, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var p fingerprint.Print
	p.Prompt.Knobs = fingerprint.KnobLogitBiasBig | fingerprint.KnobMaxTokens1 // the extraction shape: acted on at the mildest action
	if d := e.Decide(t0, Subject{Account: 1}, &p, 10); d.Action != ActionDegrade {
		t.Fatalf("default thresholds: %v", d.Action)
	}
	if err := e.SetThresholds(Thresholds{Throttle: 0.6, Block: 0.95}); err != nil {
		t.Fatal(err)
	}
	if d := e.Decide(t0.Add(time.Second), Subject{Account: 1}, &p, 10); d.Action != ActionThrottle {
		t.Errorf("degrade off, throttle 0.6: %v, want throttle", d.Action)
	}
	if e.Config().Thresholds.Throttle != 0.6 {
		t.Errorf("Config: %+v", e.Config().Thresholds)
	}
	for _, bad := range []Thresholds{{Degrade: 0.8, Throttle: 0.7}, {Block: 1.5}} {
		if err := e.SetThresholds(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if e.Config().Thresholds.Throttle != 0.6 {
		t.Errorf("a refused change changed the thresholds: %+v", e.Config().Thresholds)
	}
}
