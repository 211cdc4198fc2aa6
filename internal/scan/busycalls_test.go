package scan_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// TestExecuteBusyContinuations runs the execute phase in the real sandbox
// on packages whose returned promise keeps the harness's event loop busy
// well past the deadline for waiting on it (call timeout + call budget +
// 1 s), as systeminformation's chains of execSync do. While that work
// keeps starting processes — each one seen by the sandbox — the deadline
// is extended: the phase completes, the call is recorded as unsettled
// and extended (it held the harness twice the call timeout or more), and
// what the continuation did after the chain is seen. A continuation that blocks without starting
// processes (a sleeping child, a busy loop) is still a hang: the phase
// times out and is incomplete, as before.
func TestExecuteBusyContinuations(t *testing.T) {
	dir := t.TempDir()
	// Each export's work runs once (its first call); the later calls of
	// the same export return at once.
	writeBundle(t, dir, map[string]string{
		"package.json":                    `{"name":"x","version":"1.0.0"}`,
		"index.js":                        `exports.handler = async () => 1;`,
		"node_modules/chain/package.json": `{"name":"chain","version":"1.0.0"}`,
		"node_modules/chain/index.js": `
			const cp = require('child_process'), fs = require('fs');
			let ran = false;
			exports.f = () => new Promise((resolve) => process.nextTick(() => {
				if (ran) return resolve();
				ran = true;
				const t0 = Date.now();
				while (Date.now() - t0 < 12000) { try { cp.execFileSync('/bin/ls', ['/']); } catch (_) {} }
				fs.readFileSync('/etc/os-release', 'utf8');
				resolve();
			}));`,
		"node_modules/sleeper/package.json": `{"name":"sleeper","version":"1.0.0"}`,
		"node_modules/sleeper/index.js": `
			const cp = require('child_process'), fs = require('fs');
			exports.f = () => new Promise((resolve) => process.nextTick(() => {
				cp.execFileSync('/bin/sleep', ['600']);
				fs.readFileSync('/etc/os-release', 'utf8');
				resolve();
			}));`,
	})
	o := options(t, dir)
	o.InstallPhase = false
	o.Execute = []string{"node_modules/chain", "node_modules/sleeper"}
	o.CallTimeout = 500 * time.Millisecond
	o.CallBudget = time.Second
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

	c := exec("node_modules/chain")
	if c.Outcome.Status != profile.StatusOK {
		t.Errorf("chain: outcome %+v, want ok: its continuation kept starting processes", c.Outcome)
	}
	if !hasFile(c, "/etc/os-release", profile.AccessRead) {
		t.Errorf("chain: the read after the chain of processes was not seen (files %+v)", c.Files)
	}
	if i := slices.IndexFunc(c.Outcome.UnsettledCalls, func(u profile.UnsettledCall) bool {
		return u.Call == "call 0: f with 0 argument(s)"
	}); i < 0 || !c.Outcome.UnsettledCalls[i].Extended {
		t.Errorf("chain: unsettled calls %+v, want call 0 holding the harness for the chain's 12 s", c.Outcome.UnsettledCalls)
	}
	if slices.ContainsFunc(p.Problems, func(pr profile.Problem) bool { return pr.Dependency == "node_modules/chain" && pr.Fatal }) {
		t.Errorf("chain: a fatal problem: %+v", p.Problems)
	}

	s := exec("node_modules/sleeper")
	if s.Outcome.Status != profile.StatusTimeout {
		t.Errorf("sleeper: outcome %+v, want timeout: a child that sleeps starts nothing new", s.Outcome)
	}
	if !p.Incomplete || !slices.ContainsFunc(p.Problems, func(pr profile.Problem) bool { return pr.Dependency == "node_modules/sleeper" && pr.Fatal }) {
		t.Errorf("no fatal problem naming sleeper: %+v", p.Problems)
	}
}
