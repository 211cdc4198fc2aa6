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

// TestRecordInFlight runs the execute phase in the real sandbox on a
// package whose call depbox kills between the hook's record of a child
// process and the process's start: node reads the argument list again
// after the hook recorded it, and the list's getter then spins, so the
// call runs past its budget with the record the last thing its thread
// sent. The syscall stream shows no process for it. That is a record in
// flight, not a forgery: a non-fatal problem says so, no forged record or
// hook-contradicted problem is made, and the phase goes on after the call.
func TestRecordInFlight(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                    `{"name":"x","version":"1.0.0"}`,
		"index.js":                        `exports.handler = async () => 1;`,
		"node_modules/stuck/package.json": `{"name":"stuck","version":"1.0.0"}`,
		"node_modules/stuck/index.js": `
			const cp = require('child_process');
			exports.a = () => {
				let reads = 0;
				const args = new Proxy(['/'], { get(t, k) { if (k === '0' && ++reads > 1) for (;;) {} return t[k]; } });
				cp.execFileSync('/bin/ls', args);
			};
			exports.b = () => require('fs').readFileSync('/etc/os-release', 'utf8');`,
	})
	o := options(t, dir)
	o.InstallPhase = false
	o.Execute = []string{"node_modules/stuck"}
	o.CallBudget = time.Second
	p, _, err := scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	d := p.Dependency("node_modules/stuck")
	if d == nil || d.Phases[profile.PhaseExecute] == nil || d.Phases[profile.PhaseExecute].Outcome == nil {
		t.Fatal("stuck has no execute result")
	}
	b := d.Phases[profile.PhaseExecute]
	if b.Outcome.Status != profile.StatusOK || len(b.Outcome.SkippedCalls) != 1 || b.Outcome.SkippedCalls[0].Ended != "budget" {
		t.Errorf("outcome %+v, want ok with call 0 skipped for its budget", b.Outcome)
	}
	if len(b.Forged) != 0 {
		t.Errorf("forged records %+v: the record in flight is not a forgery", b.Forged)
	}
	for _, pr := range p.Problems {
		if pr.Code == scan.ProblemHookRecords {
			t.Errorf("problem %+v: the record in flight contradicts nothing depbox did not cause", pr)
		}
	}
	i := slices.IndexFunc(p.Problems, func(pr profile.Problem) bool { return pr.Code == scan.ProblemRecordInFlight })
	if i < 0 {
		t.Fatalf("no %s problem: %+v", scan.ProblemRecordInFlight, p.Problems)
	}
	if pr := p.Problems[i]; pr.Fatal || pr.Dependency != "node_modules/stuck" || !strings.Contains(pr.Message, "no process was started") ||
		!strings.Contains(pr.Message, "a call ran past its budget") {
		t.Errorf("problem %+v: want a non-fatal one on stuck saying no process was started before depbox's kill", pr)
	}
	if p.Incomplete {
		t.Errorf("incomplete: %+v", p.Problems)
	}
	if !hasFile(b, "/etc/os-release", profile.AccessRead) {
		t.Errorf("the call after the skipped one was not seen (files %+v)", b.Files)
	}
}

// TestSpawnFailureIsNoForgery runs the execute phase in the real sandbox
// on a package whose asynchronous exec cannot start its process: every
// file descriptor is taken, so node has no pipe for the child's stdio,
// returns a ChildProcess without a pid and reports EMFILE later as an
// 'error' event — no throw, no process. The hook records that the call
// failed, so its record is no forgery: the phase is complete, with no
// hook-contradicted problem (before, a fatal one and a forged record).
func TestSpawnFailureIsNoForgery(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                    `{"name":"x","version":"1.0.0"}`,
		"index.js":                        `exports.handler = async () => 1;`,
		"node_modules/fdhog/package.json": `{"name":"fdhog","version":"1.0.0"}`,
		"node_modules/fdhog/index.js": `
			const cp = require('child_process'), fs = require('fs');
			let ran = false;
			exports.a = () => {
				if (ran) return;
				ran = true;
				const fds = [];
				try { for (;;) fds.push(fs.openSync('/dev/null', 'r')); } catch (_) {}
				fs.closeSync(fds.pop());
				cp.exec('ls /', () => {}).on('error', () => {});
				for (const fd of fds) fs.closeSync(fd);
			};`,
	})
	o := options(t, dir)
	o.InstallPhase = false
	o.Execute = []string{"node_modules/fdhog"}
	p, _, err := scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range p.Problems {
		if pr.Fatal {
			t.Errorf("fatal problem %+v: a spawn that failed is not a forgery", pr)
		}
	}
	d := p.Dependency("node_modules/fdhog")
	if d == nil || d.Phases[profile.PhaseExecute] == nil {
		t.Fatal("fdhog has no execute result")
	}
	if b := d.Phases[profile.PhaseExecute]; len(b.Forged) != 0 || b.Outcome == nil || b.Outcome.Status != profile.StatusOK {
		t.Errorf("execute phase: forged %+v, outcome %+v; want none and ok", b.Forged, b.Outcome)
	}
}
