package scan_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// TestInvokeHangNamed: a handler that never gives control back (a
// synchronous loop, which only the runner's watchdog can end) in a later
// invocation is killed at that invocation's deadline, and the outcome names
// that invocation and its event, whether the harness's watchdog thread or
// its main thread wrote the deadline line (the earlier invocations last
// long enough for the thread to be running, on an unloaded machine).
func TestInvokeHangNamed(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json": `{"name":"hang","version":"1.0.0"}`,
		"index.js": `let n = 0;
exports.handler = async (event) => {
  if (++n === 5) for (;;) {}
  await new Promise((resolve) => setTimeout(resolve, 150));
  return n;
};`,
	})
	o := options(t, dir)
	evs, err := event.Generate(event.Options{Seed: 1, Sources: []string{"apigw-v1", "s3", "sqs"}, Variants: []string{"default"}})
	if err != nil {
		t.Fatal(err)
	}
	o.Events = append(append(evs, evs...), evs...) // 9: the fifth is s3's
	o.InvokeTimeout = time.Second
	start := time.Now()
	p, _, err := scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if !p.Incomplete {
		t.Fatal("a handler that never gave control back must make the profile incomplete")
	}
	if p.App == nil || p.App.Phases[profile.PhaseInvoke] == nil || p.App.Phases[profile.PhaseInvoke].Outcome == nil {
		t.Fatalf("no invoke outcome for the function: %+v", p.App)
	}
	out := p.App.Phases[profile.PhaseInvoke].Outcome
	if out.Status != profile.StatusTimeout {
		t.Errorf("invoke outcome %+v, want timeout", out)
	}
	if want := "invocation 5 of 9 (" + o.Events[4].Name + ")"; !strings.Contains(out.Error, want) {
		t.Errorf("invoke outcome %q does not name %q", out.Error, want)
	}
	t.Logf("outcome %q; the scan took %s", out.Error, took)
}
