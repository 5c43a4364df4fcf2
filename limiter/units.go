package limiter

// Tokens counts model tokens (prompt plus completion).
type Tokens int64

// Requests counts requests.
type Requests int64

// PerMinute is a rate in units per minute; 0 means unlimited.
type PerMinute float64

// Limit is a pair of token buckets, one counted in requests and one in model
// tokens. Bursts default to one minute's worth.
type Limit struct {
	Requests PerMinute `yaml:"requests_per_minute"`
	Tokens   PerMinute `yaml:"tokens_per_minute"`
	// RequestBurst and TokenBurst default to one minute of the rate.
	RequestBurst Requests `yaml:"request_burst"`
	TokenBurst   Tokens   `yaml:"token_burst"`
}

func (l Limit) requestBurst() int {
	if l.RequestBurst > 0 {
		return int(l.RequestBurst)
	}
	return max(1, int(l.Requests))
}

func (l Limit) tokenBurst() int {
	if l.TokenBurst > 0 {
		return int(l.TokenBurst)
	}
	return max(1, int(l.Tokens))
}
