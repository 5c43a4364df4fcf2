package limiter

import (
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// Detection tunes the detector. Zero fields take the defaults of
// DefaultDetection.
type Detection struct {
	// ThrottleRetry is the Retry-After given when the score (not a bucket)
	// throttles.
	ThrottleRetry time.Duration `yaml:"throttle_retry"`
}

// DefaultDetection returns the embedded detection defaults.
func DefaultDetection() Detection {
	return Detection{ThrottleRetry: 30 * time.Second}
}

type accountStats struct{}
type clusterStats struct{}

type observation struct {
	cluster ClusterID
	score   float32
	reasons Reasons
}

type detector struct {
	cfg Detection
}

func newDetector(cfg Detection, capacity int) *detector {
	return &detector{cfg: cfg}
}

func (d *detector) len() int { return 0 }

func (d *detector) observe(now time.Time, s Subject, p *fingerprint.Print) observation {
	o := observation{cluster: ClusterID(s.Account)}
	k := p.Prompt.Knobs
	if k&fingerprint.KnobLogitBiasBig != 0 && k&fingerprint.KnobMaxTokens1 != 0 && k&fingerprint.KnobLogprobs != 0 {
		o.score = 0.6
		o.reasons |= ReasonLogprobExtraction
	}
	return o
}
