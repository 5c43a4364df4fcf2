package proxy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/shape"
)

// DegradeConfig says what each degrade measure does. Which measures a
// degraded request gets is the engine's decision (limiter.Decision.Measures);
// this holds their parameters. Zero fields take the documented defaults.
type DegradeConfig struct {
	// MaxTokens is the clamp of max_tokens (and max_completion_tokens /
	// max_output_tokens) and the token budget after which a shaped stream
	// is ended. Default shape.DefaultMaxTokens.
	MaxTokens int
	// Model is the cheaper model degraded requests are routed to.
	Model string
	// ThinkingBudget caps Anthropic thinking budget_tokens when reasoning
	// is stripped; 0 removes thinking from the request.
	ThinkingBudget int
	// ReasoningEffort replaces OpenAI reasoning effort when reasoning is
	// stripped. Default "low".
	ReasoningEffort string
	// TarpitDelay is the delay between streamed events; TarpitMax bounds the
	// total per stream (default shape.DefaultTarpitMax).
	TarpitDelay, TarpitMax time.Duration
	// Shadow is the set of measures that are decided and logged but not
	// applied: the request and response pass as if they were off.
	Shadow limiter.Measures
	// MaxResponseBytes bounds a non-streamed response read for shaping;
	// a larger one passes unshaped. Default 16 MiB.
	MaxResponseBytes int64
}

// MeterConfig configures token metering from the upstream's usage.
type MeterConfig struct {
	// Off disables metering: the estimate reserved at decision time stands.
	Off bool
	// RateLimitHeaders adds x-ratelimit-* (OpenAI) or anthropic-ratelimit-*
	// headers with the account's remaining quota to responses of accounts
	// that are allowed and not linked into a cluster; suspected accounts
	// never see them.
	RateLimitHeaders bool
}

const defaultMaxResponse = 16 << 20

// request measures act on the request body; response measures on the body
// that comes back.
const (
	requestMeasures  = limiter.MeasureClampTokens | limiter.MeasureDropLogprobs | limiter.MeasureForceN1 | limiter.MeasureStripReasoning | limiter.MeasureCheaperModel
	jsonMeasures     = limiter.MeasureDropLogprobs | limiter.MeasureStripReasoning | limiter.MeasureClampTokens // clamp: truncate an overrun
	responseMeasures = jsonMeasures | limiter.MeasureTarpit | limiter.MeasureClampTokens
)

func (c *DegradeConfig) validate() error {
	if c.MaxTokens < 0 {
		return errors.New("actions.degrade_measures.clamp_max_tokens: must be >= 0")
	}
	if c.ThinkingBudget < 0 {
		return errors.New("actions.degrade_measures.thinking_budget: must be >= 0")
	}
	if c.TarpitDelay < 0 || c.TarpitMax < 0 {
		return errors.New("actions.degrade_measures.tarpit_delay: must be >= 0")
	}
	switch c.ReasoningEffort {
	case "", "minimal", "low", "medium":
	default:
		return fmt.Errorf("actions.degrade_measures.reasoning_effort: %q is not minimal, low or medium", c.ReasoningEffort)
	}
	if c.MaxResponseBytes == 0 {
		c.MaxResponseBytes = defaultMaxResponse
	}
	return nil
}

func (c *DegradeConfig) shape(m limiter.Measures) shape.Config {
	return shape.Config{
		Measures:        m,
		MaxTokens:       c.MaxTokens,
		Model:           c.Model,
		ThinkingBudget:  c.ThinkingBudget,
		ReasoningEffort: c.ReasoningEffort,
		TarpitDelay:     c.TarpitDelay,
		TarpitMax:       c.TarpitMax,
	}
}

var rewriters = sync.Pool{New: func() any { return new(shape.Rewriter) }}

// exchange is the per-request state the response side needs: the decision
// to settle, the measures to apply and what the request asked for. One per
// guarded request that is metered or degraded, carried to the forwarder's
// ModifyResponse in the outbound body (see exchangeOf).
type exchange struct {
	g          *Guard
	dec        limiter.Decision
	ep         fingerprint.Endpoint
	dialect    fingerprint.Dialect
	cfg        shape.Config
	stripUsage bool
	prompt     limiter.Tokens
	meter      shape.Meter // the allow-path response body, in this allocation
	// file is the verdict of a batch file upload, kept under the id of
	// the file the upstream creates (nil for any other request)
	file *fileVerdict
}

// exchangeOf returns the exchange of a request on its way upstream. It
// lives in the request's body (see bodyReader.x): the forwarder's Rewrite
// hands the guard's body reader upstream unwrapped, and the transport
// returns that request as res.Request, so ModifyResponse finds it there at
// no cost, where a context value would take two allocations (the value
// and a copy of the request) on every request.
func exchangeOf(r *http.Request) *exchange {
	if br, ok := r.Body.(*bodyReader); ok && br.x.g != nil {
		return &br.x
	}
	return nil
}

// prepare applies the request side of a decision: the degrade rewrite of
// the body, the usage request of an OpenAI stream, and the exchange for the
// response side. It returns the exchange (nil: nothing to do on the
// response side. It returns the request to forward, its body set, and the
// buffer that body reads.
func (g *Guard) prepare(r *http.Request, o *outcome, body *bodyBuf) (*http.Request, *bodyBuf) {
	var applied limiter.Measures
	if o.dec.Enforced() == limiter.ActionDegrade {
		applied = o.dec.Measures &^ g.degrade.Shadow
	}
	if applied == 0 && g.meter.Off && !g.meter.RateLimitHeaders {
		r.Body = body.reader()
		return r, body
	}
	x := &exchange{g: g, dec: o.dec, ep: o.endpoint, dialect: o.dialect, cfg: g.degrade.shape(applied), prompt: o.prompt}
	inject := !g.meter.Off && o.stream && !o.includeUsage &&
		(o.endpoint == fingerprint.EndpointChatCompletions || o.endpoint == fingerprint.EndpointCompletions)
	if applied&requestMeasures != 0 || inject {
		rw := rewriters.Get().(*shape.Rewriter)
		nb := getBody(int64(len(body.bytes())+64), g.maxBody+256)
		out, err := rw.Request(nb.buf[:0], body.bytes(), o.endpoint, &x.cfg, inject)
		rewriters.Put(rw)
		if err == nil {
			nb.buf = out
			body = nb
			x.stripUsage = inject
		} else {
			nb.release()
		}
	}
	if applied&responseMeasures != 0 || !g.meter.Off {
		// the response side reads the body: ask for it uncompressed
		r.Header.Del("Accept-Encoding")
	}
	br := body.reader()
	br.x = *x // shares the body reader's allocation
	r.Body = br
	return r, body
}

// modifyResponse applies the response side: rate-limit headers, shaping of
// a degraded response and metering. It wraps res.Body so that
// ReverseProxy keeps control of flushing.
func (x *exchange) modifyResponse(res *http.Response) error {
	if x.file != nil {
		return x.keepFile(res)
	}
	g := x.g
	if g.meter.RateLimitHeaders && x.dec.Action == limiter.ActionAllow && x.dec.Cluster == limiter.ClusterID(x.dec.Account) {
		g.quotaHeaders(res.Header, x)
	}
	if res.StatusCode != http.StatusOK || res.Body == nil || res.Body == http.NoBody {
		return nil // the reservation stands
	}
	if ce := res.Header.Get("Content-Encoding"); ce != "" && ce != "identity" {
		return nil
	}
	sse := strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream")
	o := shape.StreamOptions{Endpoint: x.ep, Config: &x.cfg, StripUsage: x.stripUsage, Prompt: x.prompt, Context: res.Request.Context()}
	if !g.meter.Off {
		o.Sink = x
	}
	m := x.cfg.Measures
	switch {
	case sse && m&responseMeasures != 0:
		res.Body = shape.NewStream(res.Body, o)
		res.ContentLength = -1
		res.Header.Del("Content-Length")
	case !sse && m&jsonMeasures != 0:
		return x.shapeJSON(res)
	case !g.meter.Off:
		x.meter.Reset(res.Body, sse, o)
		res.Body = &x.meter
		if x.stripUsage {
			res.ContentLength = -1
			res.Header.Del("Content-Length")
		}
	}
	return nil
}

// shapeJSON shapes a whole non-streamed body.
func (x *exchange) shapeJSON(res *http.Response) error {
	limit := x.g.degrade.MaxResponseBytes
	b, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	_ = res.Body.Close()
	if err != nil {
		return err
	}
	if int64(len(b)) > limit {
		res.Body = io.NopCloser(bytes.NewReader(b)) // too large to shape
		return nil
	}
	rw := rewriters.Get().(*shape.Rewriter)
	out, u := rw.Response(make([]byte, 0, len(b)), b, x.ep, &x.cfg)
	rewriters.Put(rw)
	res.Body = io.NopCloser(bytes.NewReader(out))
	res.ContentLength = int64(len(out))
	res.Header.Set("Content-Length", strconv.Itoa(len(out)))
	if !x.g.meter.Off && u.Reported {
		x.Done(u)
	}
	return nil
}

// Done settles the decision's buckets with the metered usage (shape.Sink).
func (x *exchange) Done(u shape.Usage) {
	used := u.Total()
	if used <= 0 {
		return
	}
	x.g.metrics.meteredTokens(x.dialect, used)
	x.g.engine.Settle(x.g.now(), &x.dec, used)
}

// quotaHeaders writes the account's remaining quota in the dialect's
// rate-limit headers.
func (g *Guard) quotaHeaders(h http.Header, x *exchange) {
	now := g.now()
	q, ok := g.engine.Quota(now, x.dec.Account)
	if !ok {
		return
	}
	itoa := func(v int64) string { return strconv.FormatInt(v, 10) }
	if x.ep == fingerprint.EndpointMessages {
		h.Set("Anthropic-Ratelimit-Requests-Limit", itoa(int64(q.RequestLimit)))
		h.Set("Anthropic-Ratelimit-Requests-Remaining", itoa(int64(q.Requests)))
		h.Set("Anthropic-Ratelimit-Requests-Reset", now.Add(q.RequestReset).UTC().Format(time.RFC3339))
		h.Set("Anthropic-Ratelimit-Tokens-Limit", itoa(int64(q.TokenLimit)))
		h.Set("Anthropic-Ratelimit-Tokens-Remaining", itoa(int64(q.Tokens)))
		h.Set("Anthropic-Ratelimit-Tokens-Reset", now.Add(q.TokenReset).UTC().Format(time.RFC3339))
		return
	}
	h.Set("X-Ratelimit-Limit-Requests", itoa(int64(q.RequestLimit)))
	h.Set("X-Ratelimit-Remaining-Requests", itoa(int64(q.Requests)))
	h.Set("X-Ratelimit-Reset-Requests", q.RequestReset.Round(time.Millisecond).String())
	h.Set("X-Ratelimit-Limit-Tokens", itoa(int64(q.TokenLimit)))
	h.Set("X-Ratelimit-Remaining-Tokens", itoa(int64(q.Tokens)))
	h.Set("X-Ratelimit-Reset-Tokens", q.TokenReset.Round(time.Millisecond).String())
}
