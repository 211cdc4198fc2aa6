package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// fakeSource resolves "npm:NAME@VERSION" without npm; "missing" names fail
// as npm's E404 would.
type fakeSource struct{}

func (fakeSource) Resolve(_ context.Context, s Spec, dir string) (*Resolved, error) {
	if s.Name == "missing" {
		return nil, &InputError{errors.New("npm E404: Not Found")}
	}
	v := s.Version
	if v == "" {
		v = "9.9.9"
	}
	return &Resolved{Spec: s, Name: s.Name, Version: v, Integrity: "sha512-" + s.Name + v}, nil
}

func (fakeSource) Install(_ context.Context, r *Resolved, dir string) (*Installed, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	// The fake scan reads what to report from here.
	if err := os.WriteFile(filepath.Join(dir, "pkg"), []byte(r.Name+"@"+r.Version), 0o644); err != nil {
		return nil, err
	}
	return &Installed{Dir: dir, Path: "node_modules/" + r.Name}, nil
}

// fakeScan makes a profile of one package; version 2.x reads a file and sets
// a long timer at import, "slow" takes a while, "broken" fails, "partial"
// is incomplete.
type fakeScan struct {
	calls   atomic.Int32
	running atomic.Int32
	maxRun  atomic.Int32
	opts    []scan.Options
	mu      sync.Mutex
}

func (f *fakeScan) scan(ctx context.Context, o scan.Options) (*profile.Profile, *scan.Stats, error) {
	f.calls.Add(1)
	n := f.running.Add(1)
	defer f.running.Add(-1)
	for {
		m := f.maxRun.Load()
		if n <= m || f.maxRun.CompareAndSwap(m, n) {
			break
		}
	}
	f.mu.Lock()
	f.opts = append(f.opts, o)
	f.mu.Unlock()
	data, err := os.ReadFile(filepath.Join(o.Path, "pkg"))
	if err != nil {
		return nil, nil, err
	}
	name, version, _ := strings.Cut(string(data), "@")
	switch name {
	case "slow":
		time.Sleep(100 * time.Millisecond)
	case "broken":
		return nil, nil, errors.New("running the sandbox: boom")
	}
	imp := &profile.Behavior{Outcome: &profile.Outcome{Status: "ok"}}
	if strings.HasPrefix(version, "2.") {
		imp.Files = []profile.File{{Path: "/home/sbx_user/.aws/credentials", Access: profile.AccessRead}}
		imp.Timers = []profile.Timer{{DelayMS: 600000, BroughtForward: true}}
	}
	p := &profile.Profile{Bundle: profile.Bundle{Name: "depbox-audit"}, Dependencies: []profile.Dependency{{
		Name: name, Version: version, Path: "node_modules/" + name,
		Phases: map[string]*profile.Behavior{profile.PhaseImport: imp},
	}}}
	if name == "partial" {
		p.AddProblem(profile.Problem{Code: "timeout", Fatal: true, Message: "too slow"})
	}
	p.Canonicalize()
	return p, &scan.Stats{}, nil
}

func newFakeAuditor(t *testing.T) (*Auditor, *fakeScan) {
	fs := &fakeScan{}
	return &Auditor{Source: fakeSource{}, Scan: fs.scan, Cache: &Cache{Dir: t.TempDir()},
		Options: scan.Options{Version: "test", InstallPhase: true, Linger: 200 * time.Millisecond}}, fs
}

func TestAuditOptionsAndCache(t *testing.T) {
	a, fs := newFakeAuditor(t)
	ctx := context.Background()
	r, err := a.Audit(ctx, Spec{Name: "foo", Version: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Cached || r.Profile.Bundle.Name != "foo@1.0.0" || r.Path != "node_modules/foo" {
		t.Errorf("first audit: cached %v, bundle %q, path %q", r.Cached, r.Profile.Bundle.Name, r.Path)
	}
	if d := r.Dependency(); d == nil || d.Integrity != "sha512-foo1.0.0" {
		t.Errorf("the audited package does not carry the tarball's integrity: %+v", d)
	}
	o := fs.opts[0]
	if !slices.Equal(o.Execute, []string{"node_modules/foo"}) {
		t.Errorf("Execute = %v, want the audited package", o.Execute)
	}
	if o.Events != nil || o.EventsFor != nil || o.Handler != "" {
		t.Error("an audit must have no invoke phase")
	}
	if !o.InstallPhase {
		t.Error("the install phase is off")
	}
	if o.Linger < o.TimerBudget {
		t.Errorf("linger %s is shorter than the timer budget %s: brought-forward timers would not fire", o.Linger, o.TimerBudget)
	}

	// Seen before: from the cache, no scan.
	r, err = a.Audit(ctx, Spec{Name: "foo", Version: "1.0.0"})
	if err != nil || !r.Cached || fs.calls.Load() != 1 {
		t.Fatalf("second audit: cached %v, %d scans, err %v; want a cache hit", r != nil && r.Cached, fs.calls.Load(), err)
	}
	// --no-cache runs it again.
	a.NoCache = true
	if r, err = a.Audit(ctx, Spec{Name: "foo", Version: "1.0.0"}); err != nil || r.Cached || fs.calls.Load() != 2 {
		t.Fatalf("--no-cache: cached %v, %d scans, err %v", r != nil && r.Cached, fs.calls.Load(), err)
	}
	a.NoCache = false
	// Other options: a different key.
	a.Options.StepTimeout = time.Minute
	if r, err = a.Audit(ctx, Spec{Name: "foo", Version: "1.0.0"}); err != nil || r.Cached {
		t.Fatalf("changed options must not reuse the cached result: cached %v, err %v", r != nil && r.Cached, err)
	}
	// Incomplete results are not cached.
	for range 2 {
		if r, err = a.Audit(ctx, Spec{Name: "partial", Version: "1.0.0"}); err != nil || r.Cached || !r.Profile.Incomplete {
			t.Fatalf("partial: cached %v, err %v", r != nil && r.Cached, err)
		}
	}
	if _, err := a.Audit(ctx, Spec{Name: "missing"}); !IsInput(err) {
		t.Errorf("a missing package: %v, want an input error", err)
	}
}

func TestCompare(t *testing.T) {
	a, _ := newFakeAuditor(t)
	r, err := a.Compare(context.Background(), Spec{Name: "foo", Version: "2.0.0"}, "1.9.3")
	if err != nil {
		t.Fatal(err)
	}
	if r.Against == nil || r.Against.Version != "1.9.3" || r.Version != "2.0.0" {
		t.Fatalf("compared %+v with %+v", r, r.Against)
	}
	added := r.Changes.AddedItems("foo", "node_modules/foo", profile.PhaseImport)
	if !slices.Contains(added, baseline.Item{Kind: baseline.KindFileRead, Value: "/home/sbx_user/.aws/credentials"}) {
		t.Errorf("the diff does not add the credentials read at import: %+v", r.Changes)
	}
	if len(r.Timers) != 1 || r.Timers[0].Phase != profile.PhaseImport || len(r.Timers[0].Added) != 1 || r.Timers[0].Added[0].DelayMS != 600000 {
		t.Errorf("timer changes %+v, want the 10-minute timer added at import", r.Timers)
	}
	// The other way round, the behaviour is dropped.
	back, err := a.Compare(context.Background(), Spec{Name: "foo", Version: "1.9.3"}, "2.0.0")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Changes.Changed) != 1 || len(back.Changes.Changed[0].Phases) != 1 || len(back.Changes.Changed[0].Phases[0].Removed) == 0 {
		t.Errorf("downgrade diff %+v, want the read removed", back.Changes)
	}
	if !back.Cached || !back.Against.Cached {
		t.Error("both versions were audited before: the second comparison should come from the cache")
	}
}

func TestBatch(t *testing.T) {
	a, fs := newFakeAuditor(t)
	jobs := []Job{
		{Spec: Spec{Name: "slow", Version: "1.0.0"}},
		{Spec: Spec{Name: "missing"}},
		{Spec: Spec{Name: "broken", Version: "1.0.0"}},
		{Spec: Spec{Name: "partial", Version: "1.0.0"}},
		{Spec: Spec{Name: "foo", Version: "2.0.0"}, Against: "1.0.0"},
		{Spec: Spec{Name: "bar", Version: "1.0.0"}},
	}
	var progress []string
	b := &Batch{Auditor: a, Jobs: 2, Progress: func(done, total int, o *Outcome) {
		progress = append(progress, fmt.Sprintf("%d/%d %s %s", done, total, o.Job.Spec, o.Status()))
	}}
	var got []*Outcome
	var out bytes.Buffer
	err := b.Run(context.Background(), jobs, func(o *Outcome) error {
		got = append(got, o)
		return WriteRecord(&out, NewRecord(o))
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(jobs) || len(progress) != len(jobs) {
		t.Fatalf("%d outcomes, %d progress lines for %d jobs", len(got), len(progress), len(jobs))
	}
	for i, o := range got {
		if o.Index != i || o.Job != jobs[i] {
			t.Errorf("outcome %d is job %d %v: emitted out of list order", i, o.Index, o.Job)
		}
	}
	wantStatus := []string{"ok", "failed", "failed", "incomplete", "ok", "ok"}
	for i, o := range got {
		if o.Status() != wantStatus[i] {
			t.Errorf("%s: status %s, want %s (err %v)", o.Job.Spec, o.Status(), wantStatus[i], o.Err)
		}
	}
	if m := fs.maxRun.Load(); m > 2 {
		t.Errorf("%d scans ran at once with Jobs 2", m)
	}
	// The JSON lines: one record per job, in order, with the profile.
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(jobs) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(jobs), out.String())
	}
	var recs []Record
	for _, l := range lines {
		var r Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		recs = append(recs, r)
	}
	if r := recs[1]; r.Status != "failed" || r.ErrorKind != "input" || r.Package != nil || r.Spec != "npm:missing" {
		t.Errorf("missing package record %+v", r)
	}
	if r := recs[2]; r.ErrorKind != "analysis" || !strings.Contains(r.Error, "boom") {
		t.Errorf("broken package record %+v", r)
	}
	if r := recs[4]; r.Schema != RecordSchema || r.Package == nil || r.Package.Version != "2.0.0" || r.AgainstPackage == nil ||
		r.AgainstPackage.Version != "1.0.0" || r.Diff == nil || len(r.Diff.Changed) != 1 || len(r.Timers) != 1 || r.Against != "1.0.0" {
		t.Errorf("comparison record %+v", r)
	}
	if r := recs[5]; r.Package == nil || r.Package.Profile == nil || r.Package.Profile.Dependency("node_modules/bar") == nil || r.Package.Integrity != "sha512-bar1.0.0" {
		t.Errorf("plain record %+v", r)
	}

	// Again: everything complete comes from the cache.
	calls := fs.calls.Load()
	got = nil
	if err := b.Run(context.Background(), jobs, func(o *Outcome) error { got = append(got, o); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 4, 5} {
		if !got[i].Cached() {
			t.Errorf("%s was not cached the second time", jobs[i].Spec)
		}
	}
	// broken and partial run again: failures and incomplete results are not kept.
	if n := fs.calls.Load() - calls; n != 2 {
		t.Errorf("%d scans on the second run, want 2 (broken, partial)", n)
	}
}

func TestBatchCanceled(t *testing.T) {
	a, _ := newFakeAuditor(t)
	ctx, cancel := context.WithCancel(context.Background())
	var jobs []Job
	for i := range 20 {
		jobs = append(jobs, Job{Spec: Spec{Name: "slow", Version: fmt.Sprintf("1.0.%d", i)}})
	}
	b := &Batch{Auditor: a, Jobs: 1, Progress: func(done, _ int, _ *Outcome) {
		if done == 2 {
			cancel()
		}
	}}
	n, canceled := 0, 0
	err := b.Run(ctx, jobs, func(o *Outcome) error {
		n++
		if errors.Is(o.Err, context.Canceled) {
			canceled++
		}
		return nil
	})
	if err != nil || n != len(jobs) {
		t.Fatalf("canceled batch: %d outcomes, err %v", n, err)
	}
	if canceled < len(jobs)-3 {
		t.Errorf("%d of %d jobs canceled: the batch went on after cancellation", canceled, len(jobs))
	}
}
