package load

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Server is one process the harness started.
type Server struct {
	Name    string
	URL     string // base URL of the listener under test
	Metrics string // URL of its Prometheus text metrics ("" for nginx, HAProxy)
	cmd     *exec.Cmd
	log     *os.File
}

// PID is the process id whose CPU time and memory are measured.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Stop ends the process and waits for it.
func (s *Server) Stop() {
	if s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			_ = s.cmd.Process.Kill()
			<-done
		}
	}
	if s.log != nil {
		s.log.Close()
	}
}

// Pinned returns argv prefixed with taskset -c cpus when taskset is
// available and cpus is not empty; the Go runtime then sizes GOMAXPROCS to
// the pinned set.
func Pinned(cpus string, argv ...string) []string {
	if cpus == "" {
		return argv
	}
	if ts, err := exec.LookPath("taskset"); err == nil {
		return append([]string{ts, "-c", cpus}, argv...)
	}
	return argv
}

// FreePort returns a loopback address with a port that was free a moment
// ago.
func FreePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// start runs argv with its output in dir/name.log and waits until addr
// accepts connections.
func start(ctx context.Context, dir, name, addr string, argv []string) (*Server, error) {
	lf, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, fmt.Errorf("load: start %s: %w", name, err)
	}
	s := &Server{Name: name, URL: "http://" + addr, cmd: cmd, log: lf}
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return s, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil || (cmd.ProcessState != nil && cmd.ProcessState.Exited()) {
			s.Stop()
			out, _ := os.ReadFile(lf.Name())
			return nil, fmt.Errorf("load: %s did not listen on %s: %s", name, addr, tail(out))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func tail(b []byte) string {
	if len(b) > 600 {
		b = b[len(b)-600:]
	}
	return strings.TrimSpace(string(b))
}

// NginxConfig is a plain nginx reverse proxy to upstream on listen, one
// process, keep-alive to the upstream, no buffering (SSE passes event by
// event), no access log; paths stay inside dir.
func NginxConfig(dir, listen, upstream string) string {
	return fmt.Sprintf(`daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path %[1]s/nginx-body;
  proxy_temp_path %[1]s/nginx-proxy;
  fastcgi_temp_path %[1]s/nginx-fastcgi;
  uwsgi_temp_path %[1]s/nginx-uwsgi;
  scgi_temp_path %[1]s/nginx-scgi;
  client_max_body_size 8m;
  client_body_buffer_size 64k;
  keepalive_requests 1000000;
  upstream up {
    server %[3]s;
    keepalive 512;
    keepalive_requests 1000000;
  }
  server {
    listen %[2]s;
    location / {
      proxy_pass http://up;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_buffering off;
    }
  }
}
`, dir, listen, upstream)
}

// HAProxyConfig is a plain HAProxy reverse proxy to upstream on listen, one
// thread, keep-alive and connection reuse to the upstream.
func HAProxyConfig(listen, upstream string) string {
	return fmt.Sprintf(`global
  nbthread 1
  maxconn 8000
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option http-keep-alive
  http-reuse always
  option http-no-delay
frontend fe
  bind %s
  default_backend be
backend be
  server up %s
`, listen, upstream)
}

// SluiceConfig is the YAML of a sluice under test. With allow set, the
// limits are out of reach (the guard runs its full path and allows);
// otherwise the embedded defaults hold. Both trust X-Forwarded-For from
// loopback (the generator's addresses) and write the decision log to
// /dev/null (encoding and write(2) are paid, the disk is not).
func SluiceConfig(listen, admin, upstream string, allow bool) string {
	s := fmt.Sprintf(`listen: %q
upstream:
  url: %q
admin:
  listen: %q
identity:
  trusted_proxies: ["127.0.0.1/32"]
decision_log:
  path: /dev/null
`, listen, upstream, admin)
	if allow {
		s += `limits:
  account:
    requests_per_minute: 1000000000
    tokens_per_minute: 1000000000000
  cluster:
    requests_per_minute: 1000000000
    tokens_per_minute: 1000000000000
`
	}
	return s
}

// SluiceShadowConfig is the YAML of the sluice of the long workloads: the
// embedded defaults in shadow mode (every request is forwarded; what
// would have been done is only decided) with the decision log off,
// trusting X-Forwarded-For from loopback.
func SluiceShadowConfig(listen, admin, upstream string) string {
	return fmt.Sprintf(`listen: %q
upstream:
  url: %q
admin:
  listen: %q
identity:
  trusted_proxies: ["127.0.0.1/32"]
shadow: true
decision_log:
  path: ""
`, listen, upstream, admin)
}

// scrape reads the named counters from a Prometheus text endpoint; a name
// sums over its label sets. A name may carry a filter after '|': only the
// series whose line contains that text count (`m|action="allow"`).
func scrape(url string, names ...string) (map[string]float64, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	out := make(map[string]float64, len(names))
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		for _, key := range names {
			n, filter, _ := strings.Cut(key, "|")
			if strings.HasPrefix(line, n) && len(line) > len(n) && (line[len(n)] == ' ' || line[len(n)] == '{') && strings.Contains(line, filter) {
				f := strings.Fields(line)
				if v, err := strconv.ParseFloat(f[len(f)-1], 64); err == nil {
					out[key] += v
				}
			}
		}
	}
	_, _ = io.Copy(io.Discard, res.Body)
	return out, sc.Err()
}
