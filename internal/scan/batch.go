package scan

import (
	"context"
	_ "embed"
	"slices"
	"strconv"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

//go:embed batch.js
var batchJS []byte

// BatchLoaderPath is where the batch loader lies in the sandbox, beside
// the hook (whose harness API it claims).
const BatchLoaderPath = plan.ControlDir + "/batch.js"

// importStep is the import of one package in a process of its own: the
// per-package plan, and a batch's fallback for a package whose window it
// cannot vouch for.
func importStep(ip, linger string) plan.Step {
	dir, name := resolveFrom(ip)
	return plan.Step{
		Phase: profile.PhaseImport, Dependency: ip, Dir: dir,
		Args: []string{"-e", loaderJS, profiler.Marker, profile.PhaseImport, ip, linger, name},
	}
}

// addImportBatches adds the import phase as batch steps, one level of at
// most o.Jobs of them: each a chain of packages, leaves first, loaded one
// after the other by the batch loader in as few node processes as the
// packages allow (see internal/scan/batch.js and the runner).
func addImportBatches(p *plan.Plan, b *bundle.Bundle, o Options, linger string) {
	if p.Files == nil {
		p.Files = map[string][]byte{}
	}
	p.Files[BatchLoaderPath] = batchJS
	var level []plan.Step
	for _, chain := range importChains(b, o.skipImport, o.Jobs) {
		st := plan.Step{
			Phase: profile.PhaseImport, Dependency: profiler.BatchTag, Dir: plan.TaskRoot,
			Args: []string{"-e", "require(" + strconv.Quote(BatchLoaderPath) + ")", profiler.Marker, profile.PhaseImport, profiler.BatchTag},
		}
		for _, pkg := range chain {
			dir, name := resolveFrom(pkg.Path)
			st.Batch = append(st.Batch, plan.BatchItem{Dependency: pkg.Path, Dir: dir, Name: name, Alone: importStep(pkg.Path, linger)})
		}
		level = append(level, st)
	}
	if len(level) > 0 {
		p.Levels = append(p.Levels, level)
	}
}

// importChains splits the packages to import into at most jobs chains,
// each leaves first. Top-level packages go, largest dependency tree first,
// to the chain with the least work; every other package follows most of
// the packages that require it, so that what a package requires is in its
// chain's module cache when it loads, as often as the tree allows.
func importChains(b *bundle.Bundle, skip map[string]bool, jobs int) [][]*bundle.Package {
	levels := b.Levels()
	var order []*bundle.Package // leaves first
	for _, l := range levels {
		order = append(order, l...)
	}
	jobs = max(1, min(jobs, len(order)))
	requiredBy := map[string][]string{}
	for _, pkg := range order {
		for _, r := range pkg.Requires {
			if r != pkg.Path {
				requiredBy[r] = append(requiredBy[r], pkg.Path)
			}
		}
	}
	closure := func(root *bundle.Package) int {
		seen := map[string]bool{}
		var walk func(p string)
		walk = func(p string) {
			if seen[p] {
				return
			}
			seen[p] = true
			if q := b.Package(p); q != nil {
				for _, r := range q.Requires {
					walk(r)
				}
			}
		}
		walk(root.Path)
		return len(seen)
	}
	chainOf := map[string]int{}
	load := make([]int, jobs)
	lightest := func() int { return slices.Index(load, slices.Min(load)) }
	var roots []*bundle.Package
	for _, pkg := range order {
		if len(requiredBy[pkg.Path]) == 0 {
			roots = append(roots, pkg)
		}
	}
	size := map[string]int{}
	for _, r := range roots {
		size[r.Path] = closure(r)
	}
	slices.SortStableFunc(roots, func(x, y *bundle.Package) int { return size[y.Path] - size[x.Path] })
	for _, r := range roots {
		c := lightest()
		chainOf[r.Path] = c
		load[c] += size[r.Path]
	}
	for i := len(order) - 1; i >= 0; i-- {
		pkg := order[i]
		if _, ok := chainOf[pkg.Path]; ok {
			continue
		}
		votes := make([]int, jobs)
		for _, d := range requiredBy[pkg.Path] {
			if c, ok := chainOf[d]; ok {
				votes[c]++
			}
		}
		best := lightest()
		for c := range votes {
			if votes[c] > votes[best] || votes[c] == votes[best] && load[c] < load[best] {
				best = c
			}
		}
		chainOf[pkg.Path] = best
	}
	chains := make([][]*bundle.Package, jobs)
	for _, pkg := range order {
		if !skip[pkg.Path] {
			chains[chainOf[pkg.Path]] = append(chains[chainOf[pkg.Path]], pkg)
		}
	}
	return slices.DeleteFunc(chains, func(c []*bundle.Package) bool { return len(c) == 0 })
}

// batchedImports says whether the import phase loads many packages per
// process.
func (o *Options) batchedImports() bool { return !o.IsolateImports }

// steps lists a plan's steps with batch steps expanded into their
// packages' steps: what the runner reports on, one result each.
func steps(pl *plan.Plan) []plan.Step {
	var out []plan.Step
	for _, level := range pl.Levels {
		for _, st := range level {
			if len(st.Batch) == 0 {
				out = append(out, st)
				continue
			}
			for _, it := range st.Batch {
				out = append(out, it.Alone)
			}
		}
	}
	return out
}

// onlyReference reports whether a plan has nothing to run but the
// reference process: every import result came from the cache, and no
// other phase is planned. The reference is only there to be subtracted
// from imports, so such a plan needs no sandbox.
func onlyReference(pl *plan.Plan) bool {
	st := steps(pl)
	return len(st) == 1 && st[0].Dependency == profiler.Reference
}

// attribute attributes one sandbox run's processes. A batch window that
// may hold what is not its package's own (Run.Ambiguous, or framing
// records without the runner's token) is not taken: the package is loaded
// again alone, in a sandbox run of its own, and that result is taken —
// and subtracted, instead of the window's, from the packages that loaded
// it.
func (s *scanner) attribute(ctx context.Context, name string, procs []*profiler.Proc) (map[profiler.RunKey]*profiler.Run, error) {
	attr := profiler.Attribution{TaskRoot: plan.TaskRoot, Owner: s.bundle.Owner,
		Known: map[profiler.RunKey]*profile.Behavior{}, Loaded: map[profiler.RunKey][]string{}}
	if s.cache != nil {
		attr.Known = s.cache.known()
	}
	for k, b := range s.known {
		attr.Known[k] = b
	}
	for k, r := range s.results {
		if r.Batch != "" {
			attr.Loaded[k] = r.Loaded
		}
	}
	runs := profiler.Attribute(procs, attr)
	again := map[profiler.RunKey]bool{}
	for k, r := range runs {
		if r.Window == nil {
			continue
		}
		if res := s.results[k]; res.Batch != r.Batch.Dependency || res.Token != r.Window.Token {
			r.Ambiguous = append(r.Ambiguous, "its framing records do not carry the runner's token")
		}
		if len(r.Ambiguous) > 0 {
			again[k] = true
			s.o.Log.Info("batch window loaded again alone", "package", k.Dependency, "why", strings.Join(r.Ambiguous, "; "))
		}
	}
	if len(again) == 0 {
		return runs, nil
	}
	s.stats.Rerun += len(again)
	if s.known == nil {
		s.known = map[profiler.RunKey]*profile.Behavior{}
	}
	for k, r := range runs {
		if !again[k] {
			s.known[k] = r.All
		}
	}
	pl, err := s.alonePlan(again)
	if err != nil {
		return nil, err
	}
	if err := s.run(ctx, name+"-alone", pl); err != nil {
		return nil, err
	}
	attr.Skip = again
	for k := range again {
		if r := s.runs[k]; r != nil {
			attr.Known[k] = r.All
		}
	}
	runs = profiler.Attribute(procs, attr)
	for k := range again {
		if r := s.runs[k]; r != nil {
			runs[k] = r
		}
	}
	return runs, nil
}

// alonePlan loads each package of keys in a process of its own, in the
// same world as the main run.
func (s *scanner) alonePlan(keys map[profiler.RunKey]bool) (*plan.Plan, error) {
	o := s.o
	if s.py != nil {
		var deps []string
		for k := range keys {
			deps = append(deps, k.Dependency)
		}
		slices.Sort(deps)
		return pythonAlonePlan(s.bundle, o, s.py, deps)
	}
	p := basePlan(o)
	p.UID, p.GID = plan.SandboxUID, plan.SandboxGID
	if err := addWorld(p, s.bundle, o); err != nil {
		return nil, err
	}
	linger := strconv.Itoa(p.LingerMS)
	var level []plan.Step
	for k := range keys {
		level = append(level, importStep(k.Dependency, linger))
	}
	slices.SortFunc(level, func(a, b plan.Step) int { return strings.Compare(a.Dependency, b.Dependency) })
	p.Levels = [][]plan.Step{level}
	return p, nil
}
