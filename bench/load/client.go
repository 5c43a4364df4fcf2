package load

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Client sends Requests to one base URL over a keep-alive pool large enough
// that no request waits for or churns a connection.
type Client struct {
	hc *http.Client
}

// NewClient returns a load client.
func NewClient() *Client {
	tr := &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        4096,
		MaxIdleConnsPerHost: 4096,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
		WriteBufferSize:     16 << 10,
		ReadBufferSize:      16 << 10,
	}
	return &Client{hc: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

// CloseIdle closes the pool's idle connections (between targets).
func (c *Client) CloseIdle() { c.hc.CloseIdleConnections() }

var discardBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// newRequest returns the HTTP request of r, its body of a known length
// (never chunked).
func newRequest(ctx context.Context, base string, r *Request) (*http.Request, error) {
	if r.Parts == nil {
		req, err := http.NewRequestWithContext(ctx, r.Method, base+r.Path, bytes.NewReader(r.Body))
		if req != nil {
			req.Header = r.Header
		}
		return req, err
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, base+r.Path, &partsReader{parts: r.Parts})
	if err != nil {
		return nil, err
	}
	req.Header = r.Header
	req.ContentLength = int64(r.BodyLen())
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(&partsReader{parts: r.Parts}), nil }
	return req, nil
}

// partsReader reads byte slices back to back without copying them into
// one.
type partsReader struct {
	parts [][]byte
	off   int // into parts[0]
}

func (p *partsReader) Read(b []byte) (int, error) {
	for len(p.parts) > 0 && p.off == len(p.parts[0]) {
		p.parts, p.off = p.parts[1:], 0
	}
	if len(p.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(b, p.parts[0][p.off:])
	p.off += n
	return n, nil
}

// WriteTo writes the remaining parts to w (io.Copy's fast path).
func (p *partsReader) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for len(p.parts) > 0 {
		m, err := w.Write(p.parts[0][p.off:])
		n += int64(m)
		if err != nil {
			return n, err
		}
		p.parts, p.off = p.parts[1:], 0
	}
	return n, nil
}

// do sends r to base and drains the response; it returns the status code.
func (c *Client) do(ctx context.Context, base string, r *Request) (int, error) {
	req, err := newRequest(ctx, base, r)
	if err != nil {
		return 0, err
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return 0, err
	}
	bp := discardBufs.Get().(*[]byte)
	_, err = io.CopyBuffer(io.Discard, res.Body, *bp)
	discardBufs.Put(bp)
	res.Body.Close()
	return res.StatusCode, err
}

// Counts tallies the outcomes of a phase.
type Counts struct {
	OK     int64 // 2xx
	Status int64 // other HTTP statuses (429/403 of a guard, 5xx)
	Errors int64 // transport errors
}

// Total is every request that got an answer or failed.
func (n Counts) Total() int64 { return n.OK + n.Status + n.Errors }

func (n *Counts) add(status int, err error) {
	switch {
	case err != nil:
		atomic.AddInt64(&n.Errors, 1)
	case status >= 200 && status < 300:
		atomic.AddInt64(&n.OK, 1)
	default:
		atomic.AddInt64(&n.Status, 1)
	}
}

// Saturate sends reqs (round robin) to base from conc closed-loop workers
// for d, and returns the counts and the elapsed time.
func (c *Client) Saturate(ctx context.Context, base string, reqs []Request, conc int, d time.Duration) (Counts, time.Duration) {
	n, took, _ := c.SaturateFrom(ctx, base, reqs, 0, conc, d)
	return n, took
}

// SaturateFrom is Saturate starting at reqs[from % len(reqs)]; it also
// returns where the next phase should start, so that successive phases go
// on through reqs instead of sending its first requests again.
func (c *Client) SaturateFrom(ctx context.Context, base string, reqs []Request, from int64, conc int, d time.Duration) (Counts, time.Duration, int64) {
	var n Counts
	var next atomic.Int64
	next.Store(from)
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				st, err := c.do(context.Background(), base, &reqs[i%int64(len(reqs))])
				n.add(st, err)
			}
		})
	}
	wg.Wait()
	return n, time.Since(start), next.Load()
}

// FixedRate sends reqs at rate requests per second for d, open loop: each
// request starts at its scheduled time whatever the others do, and its
// latency counts from that time. It returns the counts and the latencies of
// the requests that got a response.
func (c *Client) FixedRate(ctx context.Context, base string, reqs []Request, rate float64, d time.Duration) (Counts, []time.Duration) {
	var n Counts
	interval := time.Duration(float64(time.Second) / rate)
	total := int(d / interval)
	lat := make([]time.Duration, total)
	ok := make([]bool, total)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < total && ctx.Err() == nil; {
		now := time.Now()
		for ; i < total; i++ {
			at := start.Add(time.Duration(i) * interval)
			if at.After(now) {
				break
			}
			j := i
			wg.Go(func() {
				st, err := c.do(context.Background(), base, &reqs[j%len(reqs)])
				n.add(st, err)
				if err == nil {
					lat[j], ok[j] = time.Since(at), true
				}
			})
		}
		if i < total {
			time.Sleep(time.Until(start.Add(time.Duration(i) * interval)))
		}
	}
	wg.Wait()
	out := lat[:0]
	for i, v := range lat {
		if ok[i] {
			out = append(out, v)
		}
	}
	return n, out
}

// StreamStats is what the stream phase measured.
type StreamStats struct {
	Counts
	TTFB   []time.Duration // request start to the first body byte
	Event  []time.Duration // upstream flush to client arrival, per event
	Events int64
	Cut    int64 // 2xx streams that ended without their final event
}

// Streams runs conc closed-loop workers that each send a streamed request
// of reqs and read the SSE response to its end, for d.
func (c *Client) Streams(ctx context.Context, base string, reqs []Request, conc int, d time.Duration) StreamStats {
	var mu sync.Mutex
	var out StreamStats
	var next atomic.Int64
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			var ttfb []time.Duration
			var ev []time.Duration
			var cnt Counts
			var cut int64
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				t, e, complete, st, err := c.stream(base, &reqs[i%int64(len(reqs))], ev)
				cnt.add(st, err)
				ev = e
				if err == nil && st == http.StatusOK {
					ttfb = append(ttfb, t)
					if !complete {
						cut++
					}
				}
			}
			mu.Lock()
			out.OK += cnt.OK
			out.Status += cnt.Status
			out.Errors += cnt.Errors
			out.Cut += cut
			out.TTFB = append(out.TTFB, ttfb...)
			out.Event = append(out.Event, ev...)
			mu.Unlock()
		})
	}
	wg.Wait()
	out.Events = int64(len(out.Event))
	return out
}

var stampPrefix = []byte(": t=")

// stream sends one streamed request and reads its events, appending each
// stamped event's latency to ev. complete reports whether the stream ended
// with its final event ([DONE], message_stop or response.completed).
func (c *Client) stream(base string, r *Request, ev []time.Duration) (ttfb time.Duration, _ []time.Duration, complete bool, status int, err error) {
	start := time.Now()
	req, err := newRequest(context.Background(), base, r)
	if err != nil {
		return 0, ev, false, 0, err
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return 0, ev, false, 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, res.Body)
		return 0, ev, false, res.StatusCode, nil
	}
	br := bufio.NewReaderSize(res.Body, 8<<10)
	first := true
	var last []byte
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			err = nil // a long data line: only its start matters
		}
		if first && len(line) > 0 {
			ttfb, first = time.Since(start), false
		}
		if bytes.HasPrefix(line, stampPrefix) {
			if ns, perr := strconv.ParseInt(string(bytes.TrimSpace(line[len(stampPrefix):])), 10, 64); perr == nil {
				ev = append(ev, time.Duration(time.Now().UnixNano()-ns))
			}
		} else if bytes.HasPrefix(line, []byte("data: ")) || bytes.HasPrefix(line, []byte("event: ")) {
			last = append(last[:0], line...)
		}
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			complete = bytes.Contains(last, []byte("[DONE]")) || bytes.Contains(last, []byte("message_stop")) || bytes.Contains(last, []byte("response.completed"))
			return ttfb, ev, complete, res.StatusCode, err
		}
	}
}
