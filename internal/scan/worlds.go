package scan

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// A Variant is an alternative world (docs/world.md, "World variants"): the
// packages that looked at any of its Signals are run again in it, and what
// they do there that they did not do in the scan's own world is reported
// with its name.
type Variant struct {
	Name string
	// Signals send a package that looked at one of them into this world.
	Signals []string
	// Changes says what differs, for people and the profile.
	Changes []string
	// Env replaces (or adds) environment variables of the Lambda world.
	Env map[string]string
	// DateOffset moves the clock JavaScript reads ahead.
	DateOffset time.Duration
	// Hostname, when set, is the sandbox's host name.
	Hostname string
	// Geo, when set, is where the fake internet's HTTP answers say the
	// sandbox is.
	Geo *fakenet.Geo
}

// laterDate is how far ahead the clock is in the later-date world: time
// bombs in the wild were set months to a few years ahead.
const laterDate = 365 * 24 * time.Hour

// Variants are the alternative worlds, in the order they are run.
var Variants = []Variant{
	{
		Name: "tz-moscow", Signals: []string{profile.SignalTZ, profile.SignalLocale},
		Changes: []string{"TZ=Europe/Moscow", "LANG=ru_RU.UTF-8", "LC_ALL=ru_RU.UTF-8"},
		Env:     map[string]string{"TZ": "Europe/Moscow", "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8"},
	},
	{
		Name: "ci",
		// The home directory and the user are noted, not re-run: no world
		// changes them (the bait files live in the home directory), and
		// credential loaders read HOME all the time.
		Signals: []string{profile.SignalCI, profile.SignalHost, profile.SignalInterfaces},
		Changes: []string{"CI=true", "GITHUB_ACTIONS=true (and a GitHub runner's variables)", "host name fv-az1234-567"},
		Env: map[string]string{"CI": "true", "CONTINUOUS_INTEGRATION": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "build",
			"GITHUB_RUN_ID": "7421985630", "GITHUB_REPOSITORY": "example-org/app", "RUNNER_OS": "Linux", "BUILD_NUMBER": "412"},
		Hostname: "fv-az1234-567",
	},
	{
		Name: "later-date", Signals: []string{profile.SignalDate},
		Changes: []string{"the clock JavaScript reads is 365 days ahead"}, DateOffset: laterDate,
	},
	{
		Name: "geo-russia", Signals: []string{profile.SignalGeo},
		Changes: []string{"HTTP and HTTPS answers (geolocation and IP-lookup services) name Russia"},
		Geo:     &fakenet.Geo{Country: "Russia", CountryCode: "RU", City: "Moscow", TimeZone: "Europe/Moscow", IP: "203.0.113.77"},
	},
}

// VariantNames are the names of Variants, in order.
func VariantNames() []string {
	out := make([]string, 0, len(Variants))
	for _, v := range Variants {
		out = append(out, v.Name)
	}
	return out
}

// variant returns the variant named name.
func variant(name string) (Variant, bool) {
	i := slices.IndexFunc(Variants, func(v Variant) bool { return v.Name == name })
	if i < 0 {
		return Variant{}, false
	}
	return Variants[i], true
}

// CheckWorlds says whether every name is a variant's.
func CheckWorlds(names []string) error {
	for _, n := range names {
		if _, ok := variant(n); !ok {
			return fmt.Errorf("unknown world %q: choose from %s, or none", n, strings.Join(VariantNames(), ", "))
		}
	}
	return nil
}

// applyEnv sets the variant's environment variables in env (K=V entries).
func (v *Variant) applyEnv(env []string) []string {
	if v == nil || len(v.Env) == 0 {
		return env
	}
	env = slices.DeleteFunc(env, func(e string) bool {
		k, _, _ := strings.Cut(e, "=")
		_, ok := v.Env[k]
		return ok
	})
	keys := make([]string, 0, len(v.Env))
	for k := range v.Env {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		env = append(env, k+"="+v.Env[k])
	}
	return env
}

// worldTargets are what a variant runs again: per phase, the packages that
// looked at one of its signals.
type worldTargets struct {
	install, imports, execute map[string]bool
	// bundleFiles are function files whose load is run again (a package
	// bundled into one looked, or the function's own code did).
	bundleFiles map[string]bool
	invoke      bool
}

func (t worldTargets) empty() bool {
	return len(t.install) == 0 && len(t.imports) == 0 && len(t.execute) == 0 && len(t.bundleFiles) == 0 && !t.invoke
}

// looked reports whether b looked at one of v's signals.
func (v *Variant) looked(b *profile.Behavior) bool {
	return b != nil && slices.ContainsFunc(b.WorldSignals, func(s string) bool { return slices.Contains(v.Signals, s) })
}

// targets lists what of p looked at v's signals.
func (v *Variant) targets(p *profile.Profile, bun *bundle.Bundle) worldTargets {
	t := worldTargets{install: map[string]bool{}, imports: map[string]bool{}, execute: map[string]bool{}, bundleFiles: map[string]bool{}}
	for _, d := range p.Dependencies {
		for phase, b := range d.Phases {
			if !v.looked(b) {
				continue
			}
			switch phase {
			case profile.PhaseInstall:
				t.install[d.Path] = true
			case profile.PhaseImport:
				if d.BundledIn != "" {
					t.bundleFiles[d.BundledIn] = true
				} else {
					t.imports[d.Path] = true
				}
			case profile.PhaseExecute:
				t.execute[d.Path] = true
			case profile.PhaseInvoke:
				t.invoke = true
			}
		}
	}
	if p.App != nil {
		for phase, b := range p.App.Phases {
			switch {
			case !v.looked(b):
			case phase == profile.PhaseInvoke:
				t.invoke = true
			case phase == profile.PhaseImport: // the function's code in a bundle file
				for _, bf := range bundleFileNames(bun) {
					t.bundleFiles[bf] = true
				}
				t.invoke = true
			}
		}
	}
	return t
}

// markWorldSignals adds the environment signals that the recorded
// environment reads and services asked show to every behaviour of p.
func markWorldSignals(p *profile.Profile) {
	p.EachBehavior(func(b *profile.Behavior) { b.MarkWorldSignals() })
}

// runWorlds runs, in each of the scan's variants, the packages that looked
// at its signals again, and adds what they did there to the profile's
// Worlds. Problems of those runs are the scan's (a world that could not be
// seen fails closed like any other run).
func (s *scanner) runWorlds(ctx context.Context, spec sandbox.RootfsSpec, events []event.Event) error {
	if s.bundle.Runtime == bundle.RuntimePython {
		return nil // the Python hook does not record environment signals yet
	}
	for _, name := range s.o.Worlds {
		v, ok := variant(name)
		if !ok {
			return &InputError{CheckWorlds([]string{name})}
		}
		t := v.targets(s.profile, s.bundle)
		if t.empty() {
			continue
		}
		t0 := time.Now()
		w, err := s.runWorld(ctx, &v, t, events, spec)
		if err != nil {
			return fmt.Errorf("the %s world: %w", v.Name, err)
		}
		s.o.Log.Info("world variant run", "world", v.Name, "packages", len(w.Dependencies), "elapsed", time.Since(t0))
		s.profile.Worlds = append(s.profile.Worlds, *w)
	}
	return nil
}

// runWorld runs the targets again in the world v.
func (s *scanner) runWorld(ctx context.Context, v *Variant, t worldTargets, events []event.Event, spec sandbox.RootfsSpec) (*profile.World, error) {
	o := s.o
	o.world = v
	o.Execute = slices.DeleteFunc(slices.Clone(o.Execute), func(ip string) bool { return !t.execute[ip] })
	o.skipImport = map[string]bool{}
	for _, pkg := range s.bundle.Packages {
		if !t.imports[pkg.Path] {
			o.skipImport[pkg.Path] = true
		}
	}
	if !t.invoke {
		events = nil
	}
	// The variant's import results are cached like the scan's own, keyed
	// by the variant too; only its targets are looked up.
	var wc *importCache
	if s.cache != nil {
		var err error
		if wc, err = newImportCache(s.cache.dir, s.bundle, s.cache.world+"\nworld "+v.Name, t.imports); err != nil {
			return nil, fmt.Errorf("import cache: %w", err)
		}
		for path := range wc.hits {
			o.skipImport[path] = true
		}
	}
	wp := &profile.Profile{Tool: s.profile.Tool, Bundle: s.profile.Bundle}
	ws := &scanner{o: o, work: s.work, task: s.task, stage: s.stage, rootfs: s.rootfs, bundle: s.bundle, profile: wp, recordW: s.recordW, base: s.profile, cache: wc,
		stats: &Stats{}, runs: map[profiler.RunKey]*profiler.Run{}, results: map[profiler.RunKey]plan.StepResult{}}
	var plans []*plan.Plan
	if len(t.install) > 0 && o.InstallPhase {
		ip, err := InstallPlan(s.bundle, o)
		if err != nil {
			return nil, err
		}
		if ip != nil && keepSteps(ip, func(st plan.Step) bool { return t.install[st.Dependency] }) {
			plans = append(plans, ip)
		}
	}
	main, err := Plan(s.bundle, o, events)
	if err != nil {
		return nil, err
	}
	if keepSteps(main, func(st plan.Step) bool {
		return st.Phase != profile.PhaseImport || len(st.Batch) > 0 || t.imports[st.Dependency] || t.bundleFiles[st.Dependency]
	}) {
		plans = append(plans, main)
	}
	for i, pl := range plans {
		if wc != nil && onlyReference(pl) {
			continue // every import result came from the cache
		}
		if err := ws.run(ctx, fmt.Sprintf("world-%s-%d", v.Name, i), pl); err != nil {
			return nil, err
		}
	}
	s.stats.Events += ws.stats.Events
	s.stats.Dropped += ws.stats.Dropped
	s.stats.SandboxTime += ws.stats.SandboxTime
	ws.finish(plans, spec)
	if wc != nil {
		ws.reuse(wp, wc)
		s.o.Log.Info("import cache looked up", "world", v.Name, "reused", len(wc.hits), "of", len(t.imports))
	}
	w := &profile.World{Name: v.Name, Changes: v.Changes, App: wp.App}
	for _, d := range wp.Dependencies {
		if len(d.Phases) > 0 {
			w.Dependencies = append(w.Dependencies, d)
		}
	}
	for _, pr := range wp.Problems {
		if slices.Contains(s.profile.Problems, pr) {
			continue // the same as in the scan's own world (a package's claimed name)
		}
		pr.Message = "in the " + v.Name + " world: " + pr.Message
		s.profile.AddProblem(pr)
	}
	return w, nil
}

// keepSteps keeps the reference steps of pl and the others keep accepts,
// drops levels left empty, and reports whether anything but the
// reference is left.
func keepSteps(pl *plan.Plan, keep func(plan.Step) bool) bool {
	kept := false
	levels := pl.Levels[:0]
	for _, level := range pl.Levels {
		level = slices.DeleteFunc(level, func(st plan.Step) bool {
			if st.Dependency == profiler.Reference {
				return false
			}
			if !keep(st) {
				return true
			}
			kept = true
			return false
		})
		if len(level) > 0 {
			levels = append(levels, level)
		}
	}
	pl.Levels = levels
	return kept
}

// borrowImports gives the profile, for the packages whose import phase
// did not run here, their import phase from the import cache or, in a world
// re-run, from the scan's own profile: an execute phase subtracts what its
// packages did at import (withoutImport), whichever way that result came.
// It returns those packages, for returnImports. Nothing is borrowed when no
// execute phase ran.
func (s *scanner) borrowImports() []string {
	executed := false
	for _, d := range s.profile.Dependencies {
		executed = executed || d.Phases[profile.PhaseExecute] != nil
	}
	if !executed {
		return nil
	}
	var out []string
	for i := range s.profile.Dependencies {
		d := &s.profile.Dependencies[i]
		if d.Phases[profile.PhaseImport] != nil {
			continue
		}
		var from *profile.Behavior
		if s.cache != nil && s.cache.hits[d.Path] != nil {
			from = s.cache.hits[d.Path].Behavior
		} else if s.base != nil {
			if bd := s.base.Dependency(d.Path); bd != nil {
				from = bd.Phases[profile.PhaseImport]
			}
		}
		if from != nil {
			d.Phases[profile.PhaseImport] = cloneBehavior(from)
			out = append(out, d.Path)
		}
	}
	return out
}

// cloneBehavior is a deep copy of b: what the borrowing profile's later
// steps change in place stays out of the cache entry or the scan's profile.
func cloneBehavior(b *profile.Behavior) *profile.Behavior {
	data, err := json.Marshal(b)
	if err != nil {
		panic(fmt.Sprintf("copying a behaviour: %v", err)) // plain data: cannot fail
	}
	var c profile.Behavior
	if err := json.Unmarshal(data, &c); err != nil {
		panic(fmt.Sprintf("copying a behaviour: %v", err))
	}
	return &c
}

// returnImports removes the borrowed import phases again: they were not
// run in the world.
func returnImports(p *profile.Profile, borrowed []string) {
	for _, path := range borrowed {
		delete(p.Dependency(path).Phases, profile.PhaseImport)
	}
}
