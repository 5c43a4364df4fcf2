package proxy

import (
	"net/http"
	"strconv"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// writeThrottle answers 429 with Retry-After (whole seconds, rounded up) and
// retry-after-ms, which both official SDKs honour, and a rate_limit_error in
// the dialect's format.
func writeThrottle(w http.ResponseWriter, d fingerprint.Dialect, after time.Duration) {
	if after < time.Second {
		after = time.Second
	}
	secs := int64((after + time.Second - 1) / time.Second)
	h := w.Header()
	h.Set("Retry-After", strconv.FormatInt(secs, 10))
	h.Set("Retry-After-Ms", strconv.FormatInt(after.Milliseconds(), 10))
	dialect.WriteError(w, d, http.StatusTooManyRequests, dialect.RateLimit, "rate limit exceeded; retry after "+strconv.FormatInt(secs, 10)+"s")
}
