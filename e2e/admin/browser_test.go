package admin_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sluicehq/sluice/internal/proxytest"
)

// chromium returns the path of a Chromium binary: $SLUICE_CHROMIUM, or
// Debian's chromium (.ci/run installs it).
func chromium() string {
	if p := os.Getenv("SLUICE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactPath is where a test artefact goes: $SLUICE_ARTIFACTS or the
// temporary directory.
func artifactPath(name string) string {
	dir := os.Getenv("SLUICE_ARTIFACTS")
	if dir == "" {
		dir = os.TempDir()
	}
	_ = os.MkdirAll(dir, 0o755)
	return filepath.Join(dir, name)
}

// TestBrowserOperatorView drives a real, headless Chromium through the
// operator page while the simulator sends traffic through a running
// sluice: the page asks for the token, the campaign's cluster shows up
// with its evidence and evidence graph, an override is set through the
// confirmation dialog, and once traffic goes on the cluster's action
// changes to it. A screenshot is saved as a test artefact.
func TestBrowserOperatorView(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("chromium not installed (set SLUICE_CHROMIUM or install Debian's chromium package)")
	}
	t.Parallel()
	const token = "browser-test-token"
	s := proxytest.NewSluice(t, token)
	recs, labels := proxytest.Generate(t, proxytest.Scenario(30*time.Minute))
	split := len(recs) * 2 / 3

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1800),
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer bcancel()

	var mu sync.Mutex
	var jsErrors []string
	if err := chromedp.Listen(bctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			d := e.ExceptionDetails
			msg := fmt.Sprintf("%s (%s:%d:%d)", d.Text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			jsErrors = append(jsErrors, msg)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("chromium %s: %v", bin, err)
	}
	shot := artifactPath("sluice-operator-view.png")
	var png []byte
	defer func() {
		if len(png) == 0 {
			// a failure: capture what the page showed
			sctx, c := context.WithTimeout(bctx, 10*time.Second)
			defer c()
			png, _ = chromedp.Run(sctx, chromedp.FullScreenshot(100))
		}
		if len(png) > 0 {
			if err := os.WriteFile(shot, png, 0o644); err != nil {
				t.Errorf("screenshot: %v", err)
			} else {
				t.Logf("screenshot: %s", shot)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for _, e := range jsErrors {
			t.Errorf("page error: %s", e)
		}
	}()
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	poll := func(expr string) error {
		_, err := chromedp.Run(bctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second)))
		return err
	}

	// the page asks for the token
	if err := chromedp.Do(bctx,
		chromedp.Navigate(s.AdminURL+"/ui/"),
		chromedp.WaitVisible(css("#token")),
		chromedp.SendKeys(css("#token"), token),
		chromedp.Click(css("#token-save")),
		chromedp.WaitNotVisible(css("#token-panel")),
	); err != nil {
		t.Fatalf("token: %v", err)
	}

	// traffic flows while the page is open; it refreshes by itself
	s.Drive(ctx, t, recs[:split])
	camp := s.CampaignCluster(recs[:split], labels[:split])
	if camp == 0 {
		t.Fatal("the campaign formed no cluster")
	}
	row := fmt.Sprintf(`#clusters tr[data-cluster="%s"]`, camp)
	if err := chromedp.Do(bctx,
		chromedp.WaitVisible(css(row+" .evidence .chip")),
		chromedp.Click(css(row)),
		chromedp.WaitVisible(css("#graph circle.evidence")),
		chromedp.WaitVisible(css("#evidence-table tbody tr")),
		chromedp.WaitVisible(css("#members-table tbody tr")),
	); err != nil {
		t.Fatalf("campaign cluster %s: %v", camp, err)
	}
	evidence, err := chromedp.Run(bctx, chromedp.Text(css(row+" .evidence")))
	if err != nil {
		t.Fatal(err)
	}
	graphNodes, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#graph circle')].map(c => c.getAttribute('class'))`))
	if err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(bctx, chromedp.Text(css("#detail-action")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(evidence, "template") && !strings.Contains(evidence, "near_duplicate") && !strings.Contains(evidence, "request_shape") {
		t.Errorf("campaign row evidence %q", evidence)
	}
	members := 0
	for _, c := range graphNodes {
		if strings.HasPrefix(c, "member") {
			members++
		}
	}
	if members < 10 {
		t.Errorf("evidence graph draws %d members", members)
	}
	t.Logf("campaign cluster %s: action %s, evidence %q, %d graph nodes", camp, before, evidence, len(graphNodes))

	// override through the confirmation dialog
	want := "allow"
	if before == "allow" {
		want = "block"
	}
	if err := chromedp.Do(bctx,
		chromedp.SetValue(css("#override-action"), want),
		chromedp.Click(css("#override-btn")),
		chromedp.WaitVisible(css("#confirm-ok")),
		chromedp.Click(css("#confirm-ok")),
	); err != nil {
		t.Fatalf("override: %v", err)
	}
	if err := poll(fmt.Sprintf(`document.getElementById('detail-override').textContent.startsWith(%q)`, want+" until")); err != nil {
		t.Fatalf("override not shown: %v", err)
	}

	// the campaign goes on; its action changes to the override
	s.Drive(ctx, t, recs[split:])
	if err := poll(fmt.Sprintf(`document.getElementById('detail-action').textContent === %q`, want)); err != nil {
		after, _ := chromedp.Run(bctx, chromedp.Text(css("#detail-action")))
		t.Fatalf("action %q after the override, want %q: %v", after, want, err)
	}
	if png, err = chromedp.Run(bctx, chromedp.FullScreenshot(100)); err != nil {
		t.Errorf("screenshot: %v", err)
	}
	events := strings.Join(s.Events(), "\n")
	if !strings.Contains(events, "override_set "+want+" until") {
		t.Fatalf("operator events: %q", events)
	}
}
