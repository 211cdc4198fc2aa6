package scan

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// Sdist is a Python source distribution unpacked on the host (nothing of
// it run) for its build in the sandbox.
type Sdist struct {
	// Dir holds the unpacked tree at Dir/Top (Top/PKG-INFO).
	Dir, Top string
	// Name and Version are PKG-INFO's.
	Name, Version string
}

// Built is the build of a source distribution in the sandbox.
type Built struct {
	// Profile holds the distribution at Sdist.Top with its install phase:
	// what its build did. It is Incomplete when the build did not end
	// with a wheel (Problems say why).
	Profile *profile.Profile
	Stats   *Stats
	// Wheel is the host path of the wheel the build made, copied out of
	// the sandbox's tree into the caller's directory; "" when there is
	// none.
	Wheel string
}

// sdistOut is the directory in the source tree the build writes its
// wheel into (inside the distribution's own directory: writes there are
// the build's own).
const sdistOut = ".depbox-wheel"

// maxBuiltWheel bounds the wheel a build may leave.
const maxBuiltWheel = 512 << 20

// BuildSdist builds sd into a wheel inside the sandbox, never on the
// host: like npm's lifecycle scripts in the install phase, its PEP 517
// backend (or setup.py through setuptools' legacy backend) runs in a
// process of its own, with the sandbox's setuptools and wheel and no
// build isolation (nothing is downloaded), its behaviour attributed to
// the distribution (install path sd.Top). The wheel it leaves is copied
// into wheelDir. A build that fails, hangs or leaves no single wheel makes
// the profile incomplete; an error means no profile.
func BuildSdist(ctx context.Context, o Options, sd Sdist, wheelDir string) (*Built, error) {
	t0 := time.Now()
	o.defaults()
	if err := CheckStatic(o.Self); err != nil {
		return nil, err
	}
	work, task, done, err := workDirs(o)
	if err != nil {
		return nil, err
	}
	defer done()
	if err := copyTree(filepath.Join(sd.Dir, sd.Top), filepath.Join(task, sd.Top)); err != nil {
		return nil, fmt.Errorf("staging the source distribution: %w", err)
	}
	if err := os.Mkdir(filepath.Join(task, sd.Top, sdistOut), 0o755); err != nil {
		return nil, &InputError{fmt.Errorf("the source distribution has a %s/%s of its own, where depbox's build writes the wheel: %w", sd.Top, sdistOut, err)}
	}
	b := bundle.SourceTree(task, sd.Top, sd.Name, sd.Version)
	spec, py, err := pythonRootfs(o)
	if err != nil {
		return nil, err
	}
	tools, err := spec.AddPythonBuild(o.pythonBinary(), py)
	if err != nil {
		return nil, err
	}
	rootfs, err := sandbox.BuildRootfs(o.CacheDir, spec)
	if err != nil {
		return nil, fmt.Errorf("building the sandbox root file system: %w", err)
	}
	p := &profile.Profile{
		Tool:   profile.Tool{Name: "depbox", Version: o.Version},
		Bundle: profile.Bundle{Name: sd.Name + "@" + sd.Version, Runtime: bundle.RuntimePython, RuntimeVersion: pythonVersion(o.pythonBinary())},
	}
	toolsProblem(p)
	if o.Canaries == nil {
		if o.Canaries, err = canary.New(rand.Reader); err != nil {
			return nil, fmt.Errorf("making canary secrets: %w", err)
		}
	}
	if err := baitTask(task, o.Canaries); err != nil {
		return nil, err
	}
	pl, err := sdistPlan(b, o, py, tools)
	if err != nil {
		return nil, err
	}
	s := &scanner{o: o, work: work, task: task, rootfs: rootfs, bundle: b, profile: p,
		stats: &Stats{Dependencies: 1}, runs: map[profiler.RunKey]*profiler.Run{}, results: map[profiler.RunKey]plan.StepResult{}}
	if err := s.run(ctx, "build", pl); err != nil {
		return nil, err
	}
	o.Log.Info("sdist build finished", "dist", sd.Name+"@"+sd.Version, "elapsed", time.Since(t0))
	assemble(p, b, []*plan.Plan{pl}, s.results, s.runs)
	applyRecords(p, s.runs, s.fake, o.Canaries, nil, searchDomain(lambdaHostname(b, o)))
	markAbsent(p, stubs(spec))
	redactProfile(p, o.Canaries)
	p.Sanitize()
	built := &Built{Profile: p, Stats: s.stats}
	r, ok := s.results[profiler.RunKey{Phase: profile.PhaseInstall, Dependency: sd.Top}]
	switch {
	case !ok:
		// the run's own problems (missing-result, timeout) say why
	case r.Status != profile.StatusOK:
		if !r.TimedOut && r.Signal == "" {
			why := r.Error
			if why == "" {
				why = fmt.Sprintf("the builder exited with code %d before it reported: %s", r.ExitCode, tailString(r.Stderr, 300))
			}
			p.AddProblem(profile.Problem{Code: "build-failed", Dependency: sd.Top, Phase: profile.PhaseInstall, Fatal: true,
				Message: "building " + sd.Name + " " + sd.Version + " into a wheel failed in the sandbox: " + why + " (what the build did up to there is in the profile; audit the distribution's wheel instead if it has one)"})
		}
	default:
		built.Wheel, err = takeWheel(filepath.Join(work, "build-task", sd.Top, sdistOut), wheelDir)
		if err != nil {
			p.AddProblem(profile.Problem{Code: "build-failed", Dependency: sd.Top, Phase: profile.PhaseInstall, Fatal: true,
				Message: "the build of " + sd.Name + " " + sd.Version + " reported a wheel, but " + err.Error()})
		}
	}
	p.Settle()
	p.Canonicalize()
	s.stats.Total = time.Since(t0)
	return built, nil
}

// sdistPlan is the build's plan: the reference (a minimal setuptools
// project built the same way), then the distribution's build, in the
// install phase, with a writable copy of the tree.
func sdistPlan(b *bundle.Bundle, o Options, py *sandbox.Python, tools string) (*plan.Plan, error) {
	p := basePlan(o)
	p.Node = py.Binary
	p.WritableTask = true
	p.UID, p.GID = plan.SandboxUID, plan.SandboxGID
	if err := addPythonWorld(p, b, o, py); err != nil {
		return nil, err
	}
	cfg := pyConfig(b, py)
	cfg.OwnedOnly, cfg.Runtime = true, []string{tools}
	if err := setPyConfig(p, cfg); err != nil {
		return nil, err
	}
	linger := strconv.Itoa(p.LingerMS)
	step := func(dep, src string) plan.Step {
		return plan.Step{Phase: profile.PhaseInstall, Dependency: dep, Program: py.Binary, Dir: plan.TaskRoot,
			Args: pythonArgs(hook.PyBuildPath, profiler.Marker, profile.PhaseInstall, dep, linger, src, src+"/"+sdistOut, tools)}
	}
	top := b.Packages[0].Path
	p.Levels = [][]plan.Step{
		{step(profiler.Reference, "-")},
		{step(top, plan.TaskRoot+"/"+top)},
	}
	return p, nil
}

// takeWheel copies the one wheel the build left in dir (a tree the
// build's code could write to: nothing in it is followed) into dst.
func takeWheel(dir, dst string) (string, error) {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return "", fmt.Errorf("the build's output directory is gone or was replaced (%v)", err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var name string
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".whl") {
			continue
		}
		if name != "" {
			return "", fmt.Errorf("it left more than one wheel (%s, %s)", name, e.Name())
		}
		name = e.Name()
	}
	if name == "" {
		return "", fmt.Errorf("it left no wheel")
	}
	in, err := os.OpenFile(filepath.Join(dir, name), os.O_RDONLY|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return "", fmt.Errorf("its wheel %s cannot be read: %w", name, err)
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil || !fi.Mode().IsRegular() {
		return "", fmt.Errorf("its wheel %s is not a regular file", name)
	}
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return "", err
	}
	out := filepath.Join(dst, name)
	f, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	n, err := io.Copy(f, io.LimitReader(in, maxBuiltWheel+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("copying its wheel: %w", err)
	}
	if n > maxBuiltWheel {
		return "", fmt.Errorf("its wheel is larger than %d MiB", maxBuiltWheel>>20)
	}
	return out, nil
}
