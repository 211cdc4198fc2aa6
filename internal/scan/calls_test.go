package scan_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// TestExecuteSkipsCalls runs the execute phase in the real sandbox on
// packages whose exported functions end the process. A call's own code
// that exits the process (commander's help(), shelljs's exit()) or runs
// past its budget (a slow key derivation) is depbox's doing: the call is
// skipped and recorded, and the phase goes on after it, so that what the
// package's other exports do is still seen. An exit or a hang that is not
// a call's own synchronous code — a timer the package set at load, work
// in a promise's continuation — stays the package's doing: the phase is
// incomplete.
func TestExecuteSkipsCalls(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json": `{"name":"x","version":"1.0.0"}`,
		"index.js":     `exports.handler = async () => 1;`,
		// Sorted, the calls are: help (0–6), read (7–13), spin (14–20), tail.
		"node_modules/quits/package.json": `{"name":"quits","version":"1.0.0"}`,
		"node_modules/quits/index.js": `
			exports.help = () => { process.stdout.write('usage\n'); process.exit(0); };
			exports.read = () => require('fs').readFileSync('/etc/hostname', 'utf8');
			exports.spin = () => { for (;;) {} };
			exports.tail = () => require('fs').readFileSync('/etc/os-release', 'utf8');`,
		"node_modules/bomb/package.json": `{"name":"bomb","version":"1.0.0"}`,
		"node_modules/bomb/index.js": `
			setTimeout(() => process.exit(0), 50);
			exports.f = () => new Promise((resolve) => setTimeout(resolve, 500));`,
		"node_modules/late/package.json": `{"name":"late","version":"1.0.0"}`,
		"node_modules/late/index.js": `
			exports.f = () => new Promise(() => { setImmediate(() => { for (;;) {} }); });`,
	})
	o := options(t, dir)
	o.InstallPhase = false
	o.Execute = []string{"node_modules/quits", "node_modules/bomb", "node_modules/late"}
	o.CallBudget = 2 * time.Second
	p, _, err := scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	exec := func(path string) *profile.Behavior {
		t.Helper()
		d := p.Dependency(path)
		if d == nil || d.Phases[profile.PhaseExecute] == nil || d.Phases[profile.PhaseExecute].Outcome == nil {
			t.Fatalf("%s has no execute result", path)
		}
		return d.Phases[profile.PhaseExecute]
	}

	q := exec("node_modules/quits")
	if q.Outcome.Status != profile.StatusOK {
		t.Errorf("quits: outcome %+v, want ok: its calls that ended the process are skipped", q.Outcome)
	}
	var ended []string
	for _, c := range q.Outcome.SkippedCalls {
		ended = append(ended, c.Ended+" "+c.Call)
	}
	want := []string{"exit call 0: help with 0 argument(s)", "budget call 14: spin with 0 argument(s)"}
	if !slices.Equal(ended, want) {
		t.Errorf("quits: skipped calls %q, want %q (help's later calls are not made again)", ended, want)
	}
	for _, f := range []string{"/etc/hostname", "/etc/os-release"} {
		if !hasFile(q, f, profile.AccessRead) {
			t.Errorf("quits: no read of %s in the execute phase: the calls after a skipped one must run (files %+v)", f, q.Files)
		}
	}
	skippedProblems := 0
	for _, pr := range p.Problems {
		if pr.Dependency == "node_modules/quits" {
			if pr.Fatal || pr.Code != "call-skipped" || !strings.Contains(pr.Message, "what the call would have done next was not seen") {
				t.Errorf("quits: problem %+v, want non-fatal call-skipped ones", pr)
			}
			skippedProblems++
		}
	}
	if skippedProblems != 2 {
		t.Errorf("quits: %d call-skipped problems, want 2: %+v", skippedProblems, p.Problems)
	}

	if b := exec("node_modules/bomb"); b.Outcome.Status != profile.StatusExited || len(b.Outcome.SkippedCalls) != 0 {
		t.Errorf("bomb: outcome %+v, want exited: a timer the package set at load ended the process, not a call", b.Outcome)
	}
	if b := exec("node_modules/late"); b.Outcome.Status != profile.StatusTimeout || len(b.Outcome.SkippedCalls) != 0 {
		t.Errorf("late: outcome %+v, want timeout: the loop ran in the package's own continuation, after the call returned", b.Outcome)
	}
	if !p.Incomplete {
		t.Error("the profile must be incomplete: bomb and late ended their phase on their own")
	}
	for _, path := range []string{"node_modules/bomb", "node_modules/late"} {
		if !slices.ContainsFunc(p.Problems, func(pr profile.Problem) bool { return pr.Dependency == path && pr.Fatal }) {
			t.Errorf("no fatal problem naming %s: %+v", path, p.Problems)
		}
	}
}
