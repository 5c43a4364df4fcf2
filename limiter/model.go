package limiter

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
)

// Model is the score model's parameter table: every number the detector's
// readings use, by name. The readings themselves (doc.go) are code; their
// weights, floors and spans are here, so that an operator can refit them
// on labelled traffic (`sluice fit`) and load the result
// (Detection.Model, `detection.model` in the configuration) without
// editing code.
//
// DefaultModel is the embedded model.json, which `sluice fit` writes. A
// zero Model means the default. Thresholds of the actions are not part of
// the model: they are Config.Thresholds, and the readings that mean an
// action (the extraction shape, a retry after a 429, the caps of new
// accounts) are placed relative to them (Engine.actionLevels).
type Model struct {
	// --- the harvest value of one request (harvestValue) ---

	// SystemElicit is how much the system prompt's elicitation counts
	// beside the user turns' (noisy-OR weight).
	SystemElicit float64 `json:"system_elicit"`
	// SystemDemandFrom and SystemDemand: a single-shot request without
	// tools whose system prompt demands the reasoning (elicitation
	// SystemDemandFrom and up) is as harvest-shaped as SystemDemand times
	// that elicitation.
	SystemDemandFrom float64 `json:"system_demand_from"`
	SystemDemand     float64 `json:"system_demand"`
	// TurnFactor scales the harvest value inside a conversation;
	// TurnFactorAsking while its last turn asks for the reasoning too
	// (elicitation AskingFrom and up).
	TurnFactor       float64 `json:"turn_factor"`
	TurnFactorAsking float64 `json:"turn_factor_asking"`
	AskingFrom       float64 `json:"asking_from"`
	// AppSystemBytes is the system prompt length from which it frames an
	// application (a tutor, a support bot) rather than a generic persona;
	// AppFactor scales a single-shot request under such a prompt.
	AppSystemBytes float64 `json:"app_system_bytes"`
	AppFactor      float64 `json:"app_factor"`
	// Temp0Factor scales a temperature-0 request that asks for neither a
	// long answer nor a thinking budget (evaluation harnesses, graders).
	Temp0Factor float64 `json:"temp0_factor"`
	// LongBonus is added for a long answer or a thinking budget asked for
	// by a request whose elicitation is LongFrom and up.
	LongBonus float64 `json:"long_bonus"`
	LongFrom  float64 `json:"long_from"`
	// ElicitReason is the elicitation from which the reason elicitation is
	// named; SignalReason the signal strength from which a signal's reason
	// is.
	ElicitReason float64 `json:"elicit_reason"`
	SignalReason float64 `json:"signal_reason"`

	// --- evidence shared across accounts (node.heat, node.regular) ---

	// Suspicious is the harvest value from which a request counts as
	// harvest evidence on the nodes it carries (and may link its account).
	Suspicious float64 `json:"suspicious"`
	// StrongHV is the harvest value of a strongly harvest-shaped request
	// (with a long answer or a thinking budget asked for).
	StrongHV float64 `json:"strong_hv"`
	// HeatMinRequests is the decayed count of suspicious requests a node
	// needs before it has a heat; HeatShareFull the share of suspicious
	// requests among all of the node's at which that share counts fully;
	// BreadthFrom the distinct accounts from which breadth counts (fully at
	// Detection.Breadth).
	HeatMinRequests float64 `json:"heat_min_requests"`
	HeatShareFull   float64 `json:"heat_share_full"`
	BreadthFrom     float64 `json:"breadth_from"`
	// RegularMin is the decayed arrivals a node needs before its pacing is
	// judged; RegularCV the coefficient of variation of the gaps below
	// which the arrivals are machine-regular.
	RegularMin float64 `json:"regular_min"`
	RegularCV  float64 `json:"regular_cv"`
	// LinkHeat is the evidence heat from which an account that sends a
	// suspicious request is linked into the evidence's cluster (and
	// unlinked once its link decays below half of it).
	LinkHeat float64 `json:"link_heat"`

	// --- the account's own history ---

	// PriorN pseudo-requests of harvest value PriorHV start an account's
	// history (WavePriorHV for an account of a wave of new accounts).
	PriorN      float64 `json:"prior_n"`
	PriorHV     float64 `json:"prior_hv"`
	WavePriorHV float64 `json:"wave_prior_hv"`
	// The gate of an account opens from a mean harvest value of GateFrom
	// and is full GateSpan above it (WaveGateFrom, WaveGateSpan for an
	// account of a wave).
	GateFrom     float64 `json:"gate_from"`
	GateSpan     float64 `json:"gate_span"`
	WaveGateFrom float64 `json:"wave_gate_from"`
	WaveGateSpan float64 `json:"wave_gate_span"`
	// BridgeGate is the gate from which an account linked to two pieces of
	// evidence joins their clusters.
	BridgeGate float64 `json:"bridge_gate"`
	// The account reading: once its mean harvest value is AccountMean and
	// at least AccountStrongShare of its requests are strongly harvest
	// shaped, the account scores AccountBase plus AccountSlope times its
	// mean above AccountMean, at most AccountCap; its benign-looking
	// requests only in proportion from a mean of AccountBenignFrom, fully
	// AccountBenignSpan above it.
	AccountMean        float64 `json:"account_mean"`
	AccountStrongShare float64 `json:"account_strong_share"`
	AccountBase        float64 `json:"account_base"`
	AccountSlope       float64 `json:"account_slope"`
	AccountCap         float64 `json:"account_cap"`
	AccountBenignFrom  float64 `json:"account_benign_from"`
	AccountBenignSpan  float64 `json:"account_benign_span"`
	// The volume reading: a strongly harvest-shaped request of an account
	// whose such requests are at least MinStrongShare of its traffic scores
	// OwnWeight times its harvest value, in proportion to their decayed
	// count from OwnFrom (fully at Detection.Volume).
	MinStrongShare float64 `json:"min_strong_share"`
	OwnWeight      float64 `json:"own_weight"`
	OwnFrom        float64 `json:"own_from"`
	// CrossBase: a request carrying hot evidence scores the evidence's
	// heat times the gate times CrossBase plus the rest in proportion to
	// its harvest value.
	CrossBase float64 `json:"cross_base"`
	// The cluster reading: ClusterWeight times the cluster's heat times
	// the gate, times ClusterBase plus the request's harvest value (plus
	// ClusterGateBonus times how far the gate is above ClusterGateFrom),
	// at most 1.
	ClusterWeight    float64 `json:"cluster_weight"`
	ClusterBase      float64 `json:"cluster_base"`
	ClusterGateFrom  float64 `json:"cluster_gate_from"`
	ClusterGateBonus float64 `json:"cluster_gate_bonus"`

	// --- new accounts and waves ---

	// CampaignHeat is the heat of evidence that a wave of new accounts
	// must share; CampaignBreadth (in Detection.Breadth) is the breadth
	// of campaign scale, WaveShare the share of an evidence's suspicious
	// accounts that must have been new for a wave.
	CampaignHeat    float64 `json:"campaign_heat"`
	CampaignBreadth float64 `json:"campaign_breadth"`
	WaveShare       float64 `json:"wave_share"`
	// WaveHV is the harvest value from which a new account's request on a
	// campaign's evidence reads as the wave's; WaveWeight scales that
	// reading (the evidence's heat times the harvest value).
	WaveHV     float64 `json:"wave_hv"`
	WaveWeight float64 `json:"wave_weight"`
	// YoungFor is how many Detection.NewAccount periods after its first
	// sight an account may still join a wave; it does once its mean harvest
	// value is YoungMean and its decayed requests YoungN.
	YoungFor  float64 `json:"young_for"`
	YoungMean float64 `json:"young_mean"`
	YoungN    float64 `json:"young_n"`

	// --- log-probability extraction as behaviour ---

	// ProbeMin probe steps (decayed) that are at least ProbeShare of the
	// account's requests make the account a vocabulary walker.
	ProbeMin   float64 `json:"probe_min"`
	ProbeShare float64 `json:"probe_share"`

	// --- machine-paced crowds of new accounts (crowdOf) ---

	// PaceGaps is the number of gaps between an account's requests from
	// which its pacing is read: machine-regular when their coefficient of
	// variation is below PaceRegularCV, a person's when it is
	// PaceIrregularCV or more.
	PaceGaps        float64 `json:"pace_gaps"`
	PaceRegularCV   float64 `json:"pace_regular_cv"`
	PaceIrregularCV float64 `json:"pace_irregular_cv"`
	// A crowd (new accounts on one client print within one network
	// prefix) is machine-paced once CrowdMin of its accounts are
	// machine-regular and they are CrowdShare or more of those whose
	// pacing was read; its young accounts' requests then score
	// CrowdScore (0: the reading is off), unless the account's own pacing
	// is a person's.
	CrowdMin   float64 `json:"crowd_min"`
	CrowdShare float64 `json:"crowd_share"`
	CrowdScore float64 `json:"crowd_score"`
	// An account of any age is timer-paced once TimerPairs pairs of
	// consecutive gaps have been read and TimerShare of them are within
	// TimerTolerance of each other (the later gap within a factor of
	// 1+TimerTolerance of the one before): a fixed interval, which demand
	// (people, a gateway's users, a queue) does not make. A crowd (any
	// accounts on one client print within one network prefix) is timed
	// once CrowdMin of its accounts are timer-paced and their requests
	// carry at most TimerTemplates distinct last-turn templates per such
	// account (one script's few templates, where a team's scheduled jobs
	// each have their own); its timer-paced accounts then score
	// CrowdScore.
	TimerPairs     float64 `json:"timer_pairs"`
	TimerTolerance float64 `json:"timer_tolerance"`
	TimerShare     float64 `json:"timer_share"`
	TimerTemplates float64 `json:"timer_templates"`

	// --- corroboration of a suspicious request ---

	// WideBreadth (in Detection.Breadth) is the breadth whose evidence adds
	// WideBonus; the other corroborations add their own bonus.
	WideBreadth       float64 `json:"wide_breadth"`
	WideBonus         float64 `json:"wide_bonus"`
	SharedClientBonus float64 `json:"shared_client_bonus"`
	SynchronizedBonus float64 `json:"synchronized_bonus"`
	InconsistentBonus float64 `json:"inconsistent_bonus"`
	HostingBonus      float64 `json:"hosting_bonus"`
	// RetryBonus is added above the throttle level for the same body
	// re-sent on another account right after a 429.
	RetryBonus float64 `json:"retry_bonus"`

	// --- reporting and metering ---

	// ReasonFloor is the score from which evidence reasons are named and
	// an acted-on account is reported.
	ReasonFloor float64 `json:"reason_floor"`
	// ClusterCostMax is what a request of a suspected cluster costs its
	// buckets at the block threshold (1 at the mildest acting one).
	ClusterCostMax float64 `json:"cluster_cost_max"`
}

//go:embed model.json
var embeddedModel []byte

var defaultModel = func() Model {
	m, err := ParseModel(embeddedModel)
	if err != nil {
		panic("limiter: embedded model.json: " + err.Error())
	}
	return m
}()

// DefaultModel returns the embedded model (model.json).
func DefaultModel() Model { return defaultModel }

// ParseModel reads a model file: a JSON object with every parameter of
// Model by its json name. An unknown, missing or invalid parameter is an
// error naming it.
func ParseModel(b []byte) (Model, error) {
	var m Model
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Model{}, fmt.Errorf("%w: model: %w", ErrConfig, err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return Model{}, fmt.Errorf("%w: model: %w", ErrConfig, err)
	}
	for _, f := range modelFields() {
		if _, ok := raw[f.Name]; !ok {
			return Model{}, fmt.Errorf("%w: model: %s missing", ErrConfig, f.Name)
		}
	}
	return m, m.Validate()
}

// Marshal writes the model as the model file ParseModel reads: one
// parameter per line, in the order of Model's fields.
func (m Model) Marshal() []byte {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // float fields only
	}
	return append(b, '\n')
}

// ModelField is one parameter of the model: its json name and value.
type ModelField struct {
	Name  string
	Value float64
}

// Fields lists the model's parameters in order.
func (m Model) Fields() []ModelField {
	fs := modelFields()
	v := reflect.ValueOf(m)
	for i := range fs {
		fs[i].Value = v.Field(i).Float()
	}
	return fs
}

// With returns m with the named parameter set to v.
func (m Model) With(name string, v float64) (Model, error) {
	for i, f := range modelFields() {
		if f.Name == name {
			reflect.ValueOf(&m).Elem().Field(i).SetFloat(v)
			return m, nil
		}
	}
	return m, fmt.Errorf("%w: model: no parameter %q", ErrConfig, name)
}

func modelFields() []ModelField {
	t := reflect.TypeFor[Model]()
	fs := make([]ModelField, t.NumField())
	for i := range fs {
		fs[i].Name, _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return fs
}

// Validate checks every parameter: finite and not negative, shares and
// harvest values within 0..1, spans above 0.
func (m Model) Validate() error {
	for _, f := range m.Fields() {
		if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) || f.Value < 0 {
			return fmt.Errorf("%w: model: %s: must be a number >= 0", ErrConfig, f.Name)
		}
	}
	for name, v := range map[string]float64{
		"gate_span": m.GateSpan, "wave_gate_span": m.WaveGateSpan, "account_benign_span": m.AccountBenignSpan,
		"heat_share_full": m.HeatShareFull, "probe_share": m.ProbeShare, "cluster_cost_max": m.ClusterCostMax,
	} {
		if v <= 0 {
			return fmt.Errorf("%w: model: %s: must be > 0", ErrConfig, name)
		}
	}
	for name, v := range map[string]float64{
		"suspicious": m.Suspicious, "strong_hv": m.StrongHV, "link_heat": m.LinkHeat, "campaign_heat": m.CampaignHeat,
		"wave_hv": m.WaveHV, "cluster_gate_from": m.ClusterGateFrom, "probe_share": m.ProbeShare,
		"min_strong_share": m.MinStrongShare, "account_strong_share": m.AccountStrongShare, "wave_share": m.WaveShare,
		"reason_floor": m.ReasonFloor, "prior_hv": m.PriorHV, "wave_prior_hv": m.WavePriorHV,
		"crowd_share": m.CrowdShare, "crowd_score": m.CrowdScore, "timer_share": m.TimerShare,
	} {
		if v > 1 {
			return fmt.Errorf("%w: model: %s: must be within 0..1", ErrConfig, name)
		}
	}
	if m.ClusterGateFrom >= 1 {
		return fmt.Errorf("%w: model: cluster_gate_from: must be below 1", ErrConfig)
	}
	if m.PaceRegularCV > m.PaceIrregularCV {
		return fmt.Errorf("%w: model: pace_regular_cv: must not exceed pace_irregular_cv", ErrConfig)
	}
	if m.PaceGaps < 2 {
		return fmt.Errorf("%w: model: pace_gaps: must be >= 2", ErrConfig)
	}
	if m.TimerPairs < 2 {
		return fmt.Errorf("%w: model: timer_pairs: must be >= 2", ErrConfig)
	}
	if m.ClusterCostMax < 1 {
		return fmt.Errorf("%w: model: cluster_cost_max: must be >= 1", ErrConfig)
	}
	return nil
}
