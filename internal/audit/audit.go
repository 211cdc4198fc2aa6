// Package audit runs depbox on one npm package version (or Python
// distribution) and its dependency tree, on demand: before adopting or
// upgrading a package. On the host it only downloads and unpacks (npm with
// --ignore-scripts, or pip with wheels only, into a private temporary
// directory, integrity and hashes checked); everything the package
// does — install scripts, import, calls of its exports — happens in the
// sandbox through scan.Scan, and the result is the same profile a scan
// writes. Audits are cached by tarball integrity, two versions can be
// compared (Compare: the baseline diff between their profiles), and Batch
// audits a list with bounded parallelism and sharding.
package audit

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// ScanFunc runs a scan (scan.Scan; tests substitute their own).
type ScanFunc func(ctx context.Context, o scan.Options) (*profile.Profile, *scan.Stats, error)

// Auditor audits packages.
type Auditor struct {
	// Source fetches npm packages (default: &NPM{}).
	Source Source
	// PyPI fetches Python distributions (default: &PyPI{} with
	// Options.Python).
	PyPI Source
	// Scan runs the sandbox (default: scan.Scan).
	Scan ScanFunc
	// Options are the scan options every audit starts from: binaries, cache
	// dir, limits, Version. Path, Events and the phases are set per audit.
	Options scan.Options
	// Cache keeps earlier results (nil: no cache).
	Cache *Cache
	// NoCache runs every audit even when the cache has its result (the new
	// result is still stored).
	NoCache bool
	// KeepWorkDir leaves each audit's private directory (tarball, bundle).
	KeepWorkDir bool
	// Annotate, when set, adds what changes independently of the package
	// (advisories) to every profile, cached or fresh; it is not cached.
	Annotate func(context.Context, *profile.Profile) error
	Log      *slog.Logger

	envOnce sync.Once
	runtime string
	python  string
	tool    string
}

// Result is one audited package.
type Result struct {
	Spec    Spec
	Name    string
	Version string
	// Integrity of the audited tarball ("sha512-…"), verified.
	Integrity string
	// Path is the package's install path in the profile: "node_modules/<name>",
	// or a Python distribution's "<name>-<version>.dist-info".
	Path string
	// Cached is true when the profile comes from an earlier audit.
	Cached   bool
	Duration time.Duration
	Profile  *profile.Profile
	// Stats of the sandbox run (nil when cached).
	Stats    *scan.Stats
	Resolved *Resolved
	// Against, Changes and Timers are set by Compare: the other version's
	// result and what this one adds or drops compared with it.
	Against *Result
	Changes *baseline.Changes
	Timers  []TimerChange
}

// Label is "name@version", or for a tarball its path and what is in it.
func (r *Result) Label() string {
	if r.Resolved != nil {
		return r.Resolved.Label()
	}
	return r.Name + "@" + r.Version
}

// Dependency is the audited package in the profile.
func (r *Result) Dependency() *profile.Dependency {
	if r.Profile == nil {
		return nil
	}
	return r.Profile.Dependency(r.Path)
}

func (a *Auditor) log() *slog.Logger {
	if a.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return a.Log
}

// environment returns the version of the runtime s runs on (node's, or
// Python's for a Python distribution) and the digest of the depbox binary
// that runs in the sandbox (both part of the cache key: a package may
// behave differently on another runtime, and another depbox may see more).
func (a *Auditor) environment(s Spec) (runtime, tool string) {
	a.envOnce.Do(func() {
		if a.Options.Node != "" {
			if out, err := exec.Command(a.Options.Node, "--version").Output(); err == nil {
				a.runtime = strings.TrimSpace(string(out))
			}
		}
		// A node runtime replaces the host's node; one for addons may.
		if rt := openRuntime(a.Options.NodeRuntime); rt != nil {
			a.runtime = rt.Version + " (node runtime, Debian " + rt.Suite + ")"
		} else if rt := openRuntime(a.Options.NewerNode); rt != nil {
			a.runtime += "; for newer addons " + rt.Version + " (node runtime, Debian " + rt.Suite + ")"
		}
		if out, err := exec.Command(a.pythonBinary(), "--version").Output(); err == nil {
			a.python = strings.TrimSpace(string(out))
		}
		if a.Options.Self != "" {
			if f, err := os.Open(a.Options.Self); err == nil {
				h := sha256.New()
				if _, err := io.Copy(h, f); err == nil {
					a.tool = "sha256:" + hex.EncodeToString(h.Sum(nil))
				}
				f.Close()
			}
		}
	})
	if s.IsPyPI() {
		return a.python, a.tool
	}
	return a.runtime, a.tool
}

func (a *Auditor) pythonBinary() string {
	if a.Options.Python != "" {
		return a.Options.Python
	}
	return scan.DefaultPython
}

// source is what fetches s.
func (a *Auditor) source(s Spec) Source {
	switch {
	case s.IsPyPI() && a.PyPI != nil:
		return a.PyPI
	case s.IsPyPI():
		return &PyPI{Python: a.pythonBinary(), Log: a.Log}
	case a.Source != nil:
		return a.Source
	}
	return &NPM{}
}

// options are the scan options of one audit of the bundle at dir whose
// audited package is installed at installPath.
func (a *Auditor) options(dir, installPath string) scan.Options {
	o := a.Options
	o.Path = dir
	o.Handler = ""
	// No handler, no events: an audit has no invoke phase. Its phases are
	// install (o.InstallPhase), import, and execute (the exports called).
	o.Events, o.EventsFor = nil, nil
	if o.TimerBudget <= 0 {
		o.TimerBudget = time.Second
	}
	// A process must live long enough for brought-forward timers to fire
	// (time bombs set at import run while depbox watches).
	if min := o.TimerBudget + 500*time.Millisecond; o.Linger < min {
		o.Linger = min
	}
	// The execute phase: the audited package's exported functions and class
	// methods called with generated arguments, each call bounded by
	// CallTimeout (its dependencies are exercised through it).
	o.Execute = []string{installPath}
	return o
}

// Audit fetches one package, inert, and runs it in the sandbox: install
// scripts, import, calls of its exports. A cached result is returned unless
// NoCache is set. The profile may be Incomplete (the caller decides; an
// incomplete profile is never cached); an error means there is no profile.
func (a *Auditor) Audit(ctx context.Context, s Spec) (*Result, error) {
	return a.audit(ctx, s, true)
}

// audit is Audit; record false leaves the raw event recording
// (Options.RecordEvents) to another audit of the same run.
func (a *Auditor) audit(ctx context.Context, s Spec, record bool) (*Result, error) {
	t0 := time.Now()
	work, err := os.MkdirTemp("", "depbox-audit-")
	if err != nil {
		return nil, fmt.Errorf("creating a private directory for the audit: %w", err)
	}
	if a.KeepWorkDir {
		a.log().Warn("keeping the audit's directory", "dir", work, "spec", s.String())
	} else {
		defer os.RemoveAll(work)
	}
	if s.IsTarball() && !s.IsPyPI() && strings.HasSuffix(s.Tarball, ".tar.gz") && isSdist(s.Tarball) {
		s.Ecosystem = EcosystemPyPI // a Python source distribution
	}
	src := a.source(s)
	r, err := src.Resolve(ctx, s, filepath.Join(work, "tarball"))
	if err != nil {
		return nil, err
	}
	res := &Result{Spec: s, Name: r.Name, Version: r.Version, Integrity: r.Integrity, Path: r.InstallPath(), Resolved: r}
	o := a.options("", res.Path)
	runtime, tool := a.environment(s)
	key := Key(r.Integrity, runtime, tool, o)
	if !a.NoCache {
		p, err := a.Cache.Get(key)
		if err != nil {
			a.log().Warn("audit cache", "err", err)
		}
		if r.sdist != nil && p != nil {
			res.Path = builtPath(p, r)
		}
		if p != nil && p.Dependency(res.Path) != nil {
			if err := a.annotate(ctx, p); err != nil {
				return nil, err
			}
			res.Profile, res.Cached, res.Duration = p, true, time.Since(t0)
			a.log().Info("audit cached", "package", r.Label(), "key", key)
			return res, nil
		}
	}
	var build *profile.Profile
	if r.sdist != nil {
		if build, err = a.build(ctx, src, r, o, work); err != nil {
			return nil, err
		}
		if r.Path == "" {
			// No wheel: the build's profile is the result (incomplete).
			res.Path, res.Profile = r.sdist.Top, build
			build.Bundle.Name = r.Name + "@" + r.Version
			if err := a.annotate(ctx, build); err != nil {
				return nil, err
			}
			res.Duration = time.Since(t0)
			return res, nil
		}
		res.Path = r.Path
		o.Execute = []string{r.Path} // the key above has the sdist's integrity
	}
	inst, err := src.Install(ctx, r, filepath.Join(work, "bundle"))
	if err != nil {
		return nil, err
	}
	o.Path = inst.Dir
	if !record {
		o.RecordEvents = ""
	}
	scanFn := a.Scan
	if scanFn == nil {
		scanFn = scan.Scan
	}
	p, stats, err := scanFn(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("auditing %s: %w", r.Label(), err)
	}
	if build != nil {
		addBuild(p, build, r)
	}
	if err := finish(p, r, inst); err != nil {
		return nil, err
	}
	if err := a.Cache.Put(key, p); err != nil {
		a.log().Warn("audit cache", "err", err)
	}
	if err := a.annotate(ctx, p); err != nil {
		return nil, err
	}
	res.Profile, res.Stats = p, stats
	res.Duration = time.Since(t0)
	return res, nil
}

func (a *Auditor) annotate(ctx context.Context, p *profile.Profile) error {
	if a.Annotate == nil {
		return nil
	}
	return a.Annotate(ctx, p)
}

// finish names the profile after the audited package and makes sure the
// audited package carries its verified integrity.
func finish(p *profile.Profile, r *Resolved, inst *Installed) error {
	p.Bundle.Name = r.Name + "@" + r.Version
	d := p.Dependency(inst.Path)
	if d == nil {
		return fmt.Errorf("auditing %s: the scan found no package at %s", r.Label(), inst.Path)
	}
	if d.Integrity == "" {
		d.Integrity = r.Integrity
	} else if sha512Of(d.Integrity) != r.Integrity {
		return fmt.Errorf("%w: %s: the scanned bundle gives integrity %s, the tarball hashes to %s", ErrIntegrity, r.Label(), d.Integrity, r.Integrity)
	}
	p.Canonicalize()
	return nil
}

// TimerChange lists long timers (time bombs) a dependency sets in one phase
// in the new version but not the old, or the other way round. Baseline
// diffs do not carry timers; audits compare them here.
type TimerChange struct {
	Name    string          `json:"name"`
	Path    string          `json:"path"`
	Phase   string          `json:"phase"`
	Added   []profile.Timer `json:"added,omitempty"`
	Removed []profile.Timer `json:"removed,omitempty"`
}

// Compare audits s and the version against (a version, range or tag of the
// same package, or a spec of its own) and sets the new result's Changes:
// what behaviour s adds or drops per dependency and phase, compared with
// against, as a baseline diff.
func (a *Auditor) Compare(ctx context.Context, s Spec, against string) (*Result, error) {
	name := s.Name
	var newRes *Result
	if s.IsTarball() {
		// The name is inside the tarball: audit it first.
		r, err := a.Audit(ctx, s)
		if err != nil {
			return nil, err
		}
		newRes, name = r, r.Name
	}
	old, err := Against(s, name, against)
	if err != nil {
		return nil, &InputError{err}
	}
	// --record-events records the audited version, not the one compared with.
	oldRes, err := a.audit(ctx, old, false)
	if err != nil {
		return nil, fmt.Errorf("auditing --against %s: %w", old, err)
	}
	if newRes == nil {
		if newRes, err = a.Audit(ctx, s); err != nil {
			return nil, err
		}
	}
	if oldRes.Integrity == newRes.Integrity {
		a.log().Warn("--against names the same tarball", "package", newRes.Label())
	}
	newRes.Against = oldRes
	newRes.Changes = baseline.Diff(baseline.FromProfile(oldRes.Profile), baseline.FromProfile(newRes.Profile))
	newRes.Timers = timerChanges(oldRes.Profile, newRes.Profile)
	return newRes, nil
}

func timerChanges(old, new *profile.Profile) []TimerChange {
	type key struct{ name, path, phase string }
	index := func(p *profile.Profile) map[key][]profile.Timer {
		m := map[key][]profile.Timer{}
		for _, d := range p.Dependencies {
			for phase, b := range d.Phases {
				if b != nil && len(b.Timers) > 0 {
					m[key{d.Name, d.Path, phase}] = b.Timers
				}
			}
		}
		return m
	}
	om, nm := index(old), index(new)
	keys := map[key]bool{}
	for k := range om {
		keys[k] = true
	}
	for k := range nm {
		keys[k] = true
	}
	var out []TimerChange
	for k := range keys {
		tc := TimerChange{Name: k.name, Path: k.path, Phase: k.phase, Added: timersMinus(nm[k], om[k]), Removed: timersMinus(om[k], nm[k])}
		if len(tc.Added)+len(tc.Removed) > 0 {
			out = append(out, tc)
		}
	}
	slices.SortFunc(out, func(x, y TimerChange) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(baseline.PhaseIndex(x.Phase), baseline.PhaseIndex(y.Phase)))
	})
	return out
}

func timersMinus(a, b []profile.Timer) []profile.Timer {
	var out []profile.Timer
	for _, t := range a {
		if !slices.ContainsFunc(b, func(u profile.Timer) bool { return u.DelayMS == t.DelayMS }) {
			out = append(out, t)
		}
	}
	return out
}

// IsInput reports whether err is the input's fault (a bad spec, no such
// package or version, an unreadable tarball): exit 2 rather than 3.
func IsInput(err error) bool {
	var ie *InputError
	var se *scan.InputError
	return errors.Is(err, ErrSpec) || errors.As(err, &ie) || errors.As(err, &se)
}

// openRuntime is the node runtime in dir, nil when dir is "" or holds none
// (the CLI said so before the audit started).
func openRuntime(dir string) *scan.NodeRuntime {
	if dir == "" {
		return nil
	}
	rt, err := scan.OpenNodeRuntime(dir)
	if err != nil {
		return nil
	}
	return rt
}
