// Package scan runs depbox's pipeline for one bundle: it stages and
// inventories the bundle, plans one process per dependency (leaves first,
// after a bare reference process), runs the plan in a gVisor sandbox while
// the profiler receives the runtime-monitoring stream, attributes what each
// process tree did to its dependency, and returns the profile.
package scan

import (
	"bufio"
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/contenthash"
	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/internal/runner"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

//go:embed loader.js
var loaderJS string

//go:embed execute.js
var executeJS string

// maxSocketPath is the longest unix socket path depbox binds (sun_path
// holds 108 bytes with the terminating NUL).
const maxSocketPath = 100

// Options configure one scan.
type Options struct {
	// Path is the bundle: a directory or a .zip deployment package.
	Path    string
	Handler string
	// Function picks a function of the bundle's SAM/CloudFormation template
	// or serverless.yml by name (exclusive with Handler); ScanFunctions
	// scans each in turn.
	Function string
	// CacheDir holds built root file systems.
	CacheDir string
	// Runsc is the runsc binary; Self the static depbox binary that runs as
	// the sandbox's init; Node the host's node binary copied into the rootfs;
	// Python the host's CPython for Python bundles (default DefaultPython).
	Runsc, Self, Node, Python string
	// Runtime overrides runtime detection ("nodejs", "python3.12").
	Runtime string
	// NodeRuntime is a node runtime directory (scripts/node-runtime,
	// OpenNodeRuntime): a Node.js bundle runs on its node instead of Node.
	NodeRuntime string
	// NewerNode is a node runtime directory used instead of Node only when
	// a package of the bundle ships a native addon needing a newer Node-API
	// than Node supports, which Node would crash loading (audits set it; a
	// profile says so in a node-runtime problem).
	NewerNode string
	// TemplateNode is a node runtime directory used when the function's
	// template declares the Lambda runtime of its node's major version
	// (nodejs24.x for node 24); scans set it to DefaultNodeRuntime.
	TemplateNode string
	// Lockfile is the project's lockfile on the host: versions of the
	// packages bundled into the function's files.
	Lockfile string
	// Layers are the function's Lambda layers (directories or .zip files),
	// in order: mounted read-only at /opt as Lambda lays them out, their
	// packages analysed like the function's own.
	Layers []string
	// Jobs is how many dependency processes run at once in the sandbox.
	Jobs int
	// StepTimeout bounds each dependency's process; RunTimeout the sandbox.
	StepTimeout, RunTimeout time.Duration
	// Linger is how long a process may keep running after its package loaded.
	Linger time.Duration
	// MemoryBytes and Pids limit the sandbox.
	MemoryBytes int64
	Pids        int64
	// KeepWorkDir leaves the staging directory for debugging.
	KeepWorkDir bool
	// WorkDir is where the private staging directory is made (default:
	// see WorkBase).
	WorkDir string
	// RunscFlags are extra global runsc flags (diagnosis).
	RunscFlags []string
	// Backend runs the sandboxes (nil: sandbox.Run, runsc directly).
	Backend Backend
	// RecordEvents, when set, receives the raw gVisor event stream (see
	// profiler.Replay).
	RecordEvents string
	// Version is written into the profile's tool section.
	Version string
	// InstallPhase runs the lifecycle scripts of packages that declare them,
	// each in its own process tree, in a sandbox of their own.
	InstallPhase bool
	// Events drive the invoke phase (none: no invoke phase). EventsFor,
	// when set, is called with the staged bundle's root and the template
	// function scanned ("" when none) to choose them (from that function's
	// triggers in its SAM/serverless template).
	Events    []event.Event
	EventsFor func(bundleRoot, function string) ([]event.Event, error)
	// InvokeTimeout bounds each invocation (Lambda's default is 3 s).
	InvokeTimeout time.Duration
	// InitTimeout bounds loading the handler (Lambda's init phase: 10 s).
	InitTimeout time.Duration
	// TimerBudget: timers longer than this are brought forward to it.
	TimerBudget time.Duration
	// FunctionName and FunctionMemoryMB fill the Lambda environment.
	FunctionName     string
	FunctionMemoryMB int
	// Seed makes request ids deterministic.
	Seed int64
	// Canaries are the fake secrets of this run (default: new random ones).
	Canaries *canary.Set
	// NoHook runs node without the in-process hook (benchmarks). With
	// batched imports, the windows are then cut from framing records
	// without proof, which package code could forge: for measurements
	// only (the CLI's --hook=false imports one package per process).
	NoHook bool
	// IsolateImports imports every package in a node process of its own
	// instead of many packages per process (docs/performance.md).
	IsolateImports bool
	// Execute lists install paths of packages whose exported functions and
	// class methods are called with generated arguments (the execute phase,
	// for audits).
	Execute []string
	// CallTimeout bounds each call of the execute phase.
	CallTimeout time.Duration
	// CallBudget bounds the synchronous code of each call of the execute
	// phase: a call that runs past it is stopped and skipped (default 10 s;
	// see executeStep).
	CallBudget time.Duration
	// Worlds are the alternative worlds (Variants, by name) in which the
	// packages that looked at their environment signals are run again;
	// none: no re-runs.
	Worlds []string
	// ImportCache is a directory of import-phase results to reuse for
	// packages whose code (and that of what they resolve to) is unchanged;
	// "" runs every package.
	ImportCache string

	// skipImport are packages whose import result comes from the cache.
	skipImport map[string]bool
	// world is the variant a world re-run runs in (nil: Lambda's own).
	world *Variant
	// Progress receives one line per finished step (nil: none).
	Progress func(Progress)
	Log      *slog.Logger
}

// Progress reports one finished step.
type Progress struct {
	Done, Total int
	Phase       string
	Dependency  string
	Status      string
	Duration    time.Duration
}

// Stats describes the run, beside the profile (which stays deterministic).
type Stats struct {
	Dependencies int
	Events       uint64
	Dropped      uint64
	EventsPerSec float64
	SandboxTime  time.Duration
	Total        time.Duration
	// Cached counts packages whose import result came from the cache.
	Cached int
	// Isolated counts packages of batches the runner loaded again alone
	// (the batch loader could not vouch for their windows); Rerun those
	// the profiler sent to a sandbox run of their own (their windows were
	// ambiguous).
	Isolated, Rerun int
	// InvokeTime is how long the invoke phase's process ran (module load,
	// every invocation, linger).
	InvokeTime time.Duration
	NetNS      uint64
}

// InputError wraps errors caused by the user's input (exit code 2).
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Scan runs the pipeline. A returned profile may be Incomplete (with
// Problems saying why); an error means no profile could be produced.
func Scan(ctx context.Context, o Options) (*profile.Profile, *Stats, error) {
	t0 := time.Now()
	o.defaults()
	if err := CheckStatic(o.Self); err != nil {
		return nil, nil, err
	}
	// What a killed depbox left behind (its sandboxes' cgroups, its work
	// directory) is removed first; only owners that have provably ended.
	if ls, err := Leftovers(o.WorkDir); err != nil {
		o.Log.Warn("looking for leftovers of earlier depbox runs", "err", err)
	} else if len(ls) > 0 {
		for _, l := range ls {
			o.Log.Warn("removing leftovers of an earlier depbox run", "what", l.String())
		}
		if err := RemoveLeftovers(o.Runsc, ls); err != nil {
			o.Log.Warn("removing leftovers of earlier depbox runs", "err", err)
		}
	}
	work, task, done, err := workDirs(o)
	if err != nil {
		return nil, nil, err
	}
	defer done()
	layerDir := ""
	if len(o.Layers) > 0 {
		layerDir = filepath.Join(work, "opt")
		if err := os.Mkdir(layerDir, 0o755); err != nil {
			return nil, nil, err
		}
	}
	stage := &stager{o: o, task: task}
	b, err := stage.open(layerDir)
	if err != nil {
		return nil, nil, err
	}
	o.Log.Info("bundle read", "packages", len(b.Packages), "handler", b.Handler, "staged", stage.staged, "elapsed", time.Since(t0))
	hostNode := nodeVersion(o.Node, o.CacheDir)
	nodeRT, rtProblem, err := o.chooseNode(b, stage.dir(), hostNode)
	if err != nil {
		return nil, nil, err
	}
	var spec sandbox.RootfsSpec
	var py *sandbox.Python
	switch {
	case b.Runtime == bundle.RuntimePython:
		if spec, py, err = pythonRootfs(o); err != nil {
			return nil, nil, err
		}
		o.ImportCache = "" // results are not cached for Python bundles yet
	case nodeRT != nil:
		spec = nodeRT.spec()
	default:
		spec = RootfsSpec(o.Node)
	}
	rootfs, err := sandbox.BuildRootfs(o.CacheDir, spec)
	if err != nil {
		return nil, nil, fmt.Errorf("building the sandbox root file system: %w", err)
	}
	o.Log.Info("root file system ready", "dir", rootfs, "elapsed", time.Since(t0))

	p := &profile.Profile{
		Tool: profile.Tool{Name: "depbox", Version: o.Version},
		Bundle: profile.Bundle{
			Name: b.Name, Digest: b.Digest, Runtime: b.Runtime, Handler: b.Handler, Function: b.Function, Functions: b.Functions, Lockfile: b.Lockfile, Layers: profileLayers(b),
			RuntimeVersion: hostNode,
		},
	}
	if nodeRT != nil {
		p.Bundle.RuntimeVersion = nodeRT.Version
	}
	if rtProblem != nil {
		p.AddProblem(*rtProblem)
	}
	if py != nil {
		p.Bundle.RuntimeVersion = pythonVersion(o.pythonBinary())
		pythonProblems(p, b, py)
	}
	toolsProblem(p)
	bundleProblems(p, b)
	if o.Canaries == nil {
		if o.Canaries, err = canary.New(rand.Reader); err != nil {
			return nil, nil, fmt.Errorf("making canary secrets: %w", err)
		}
	}
	if err := stage.bait(o.Canaries); err != nil {
		return nil, nil, err
	}
	var cache *importCache
	if o.ImportCache != "" {
		fn := o.FunctionName
		if fn == "" {
			fn = sanitizeName(b.Name)
		}
		world, err := worldKey(o, rootfs, fn)
		if err != nil {
			return nil, nil, fmt.Errorf("import cache: %w", err)
		}
		if cache, err = newImportCache(o.ImportCache, b, world, nil); err != nil {
			return nil, nil, fmt.Errorf("import cache: %w", err)
		}
		o.skipImport = map[string]bool{}
		for path := range cache.hits {
			o.skipImport[path] = true
		}
		o.Log.Info("import cache looked up", "reused", len(cache.hits), "of", len(b.Packages), "elapsed", time.Since(t0))
	}
	events := o.Events
	if o.EventsFor != nil {
		if events, err = o.EventsFor(task, b.Function); err != nil {
			return nil, nil, &InputError{fmt.Errorf("choosing events: %w", err)}
		}
	}
	if b.Handler == "" && len(events) > 0 {
		p.AddProblem(profile.Problem{Code: "no-handler", Message: "no handler found (no SAM/serverless template, no index.js): the invoke phase did not run; pass --handler file.export"})
		events = nil
	}
	s := &scanner{cache: cache, o: o, work: work, task: task, stage: stage, rootfs: rootfs, bundle: b, profile: p,
		stats: &Stats{Dependencies: len(b.Packages)}, runs: map[profiler.RunKey]*profiler.Run{}, results: map[profiler.RunKey]plan.StepResult{}, py: py, nodeRT: nodeRT}
	closeRecording, err := s.openRecording()
	if err != nil {
		return nil, nil, err
	}
	defer closeRecording()
	var plans []*plan.Plan
	if o.InstallPhase {
		ip, err := InstallPlan(b, o)
		if err != nil {
			return nil, nil, err
		}
		if ip != nil {
			plans = append(plans, ip)
		}
	}
	var main *plan.Plan
	if py != nil {
		main, err = PythonPlan(b, o, events, py)
	} else {
		main, err = Plan(b, o, events)
	}
	if err != nil {
		return nil, nil, err
	}
	plans = append(plans, main)
	for i, pl := range plans {
		if cache != nil && onlyReference(pl) {
			o.Log.Info("every import result came from the cache and nothing else is planned: no sandbox run")
			continue
		}
		if err := s.run(ctx, fmt.Sprintf("run%d", i), pl); err != nil {
			return nil, s.stats, err
		}
		o.Log.Info("sandbox run finished", "run", i, "elapsed", time.Since(t0))
	}
	s.finish(plans, spec)
	if cache != nil {
		s.reuse(p, cache)
	}
	if err := s.runWorlds(ctx, spec, events); err != nil {
		return nil, s.stats, err
	}
	if err := closeRecording(); err != nil {
		return nil, s.stats, err
	}
	p.Canonicalize()
	s.stats.Total = time.Since(t0)
	return p, s.stats, nil
}

// openRecording opens --record-events's file, when set, for every sandbox
// run of the scan (install, main, world variants), and returns what closes
// it; the first call of that reports a write that failed, later ones do
// nothing.
func (s *scanner) openRecording() (func() error, error) {
	if s.o.RecordEvents == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(s.o.RecordEvents)
	if err != nil {
		return nil, fmt.Errorf("creating event recording: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	s.recordW = bw
	closed := false
	return func() error {
		if closed {
			return nil
		}
		closed = true
		if err := errors.Join(bw.Flush(), f.Close()); err != nil {
			return fmt.Errorf("writing the event recording %s: %w", s.o.RecordEvents, err)
		}
		return nil
	}, nil
}

// finish makes the scanner's profile from its sandbox runs of plans.
func (s *scanner) finish(plans []*plan.Plan, spec sandbox.RootfsSpec) {
	p, o := s.profile, s.o
	assemble(p, s.bundle, plans, s.results, s.runs)
	borrowed := s.borrowImports()
	// Without the hook there are no records: the fake internet's log and the
	// syscall stream still say what happened (all of it unattributed within
	// the function's process).
	applyRecords(p, s.runs, s.fake, o.Canaries, bundleFileNames(s.bundle), searchDomain(lambdaHostname(s.bundle, o)))
	markCallerDirected(p, o.Execute, callArgs)
	markScripts(p, s.task)
	napiProblems(p, s.task, func() int {
		if s.nodeRT != nil {
			return s.nodeRT.NAPI
		}
		return nodeAPIVersion(o.Node)
	})
	markAbsent(p, stubs(spec))
	markWorldSignals(p)
	returnImports(p, borrowed)
	redactProfile(p, o.Canaries)
	boundProblems(p, o.Canaries)
	p.Sanitize()
	p.Settle()
}

// reuse puts the cached packages' import results into the profile, and
// stores the fresh ones of a complete scan for the next.
func (s *scanner) reuse(p *profile.Profile, c *importCache) {
	for path, e := range c.hits {
		if d := p.Dependency(path); d != nil {
			b := *e.Behavior
			d.Phases[profile.PhaseImport] = &b
			s.stats.Cached++
		}
	}
	if p.Incomplete {
		return // nothing of an incomplete scan is remembered
	}
	for k, run := range s.runs {
		if k.Phase != profile.PhaseImport || k.Dependency == profiler.Reference || c.hits[k.Dependency] != nil {
			continue
		}
		d := p.Dependency(k.Dependency)
		r, ok := s.results[k]
		if d == nil || !ok || d.Phases[profile.PhaseImport] == nil {
			continue
		}
		if err := c.store(k.Dependency, d.Phases[profile.PhaseImport], run, r); err != nil {
			s.o.Log.Warn("import cache", "package", k.Dependency, "err", err)
		}
	}
	p.Canonicalize()
}

// scanner holds one scan's state across its sandbox runs.
type scanner struct {
	o                  Options
	work, task, rootfs string
	bundle             *bundle.Bundle
	profile            *profile.Profile
	stats              *Stats
	runs               map[profiler.RunKey]*profiler.Run
	results            map[profiler.RunKey]plan.StepResult
	cache              *importCache
	// known are All behaviours of earlier sandbox runs, for subtraction
	// in a later one (a batch window loaded again alone).
	known   map[profiler.RunKey]*profile.Behavior
	fake    []fakenet.Record
	recordW io.Writer
	// base is, for a world re-run, the scan's own profile (worlds.go).
	base *profile.Profile
	// py is the sandbox's CPython for a Python bundle, nil for Node.js.
	py *sandbox.Python
	// nodeRT is the node runtime the bundle runs on (nil: the host's node).
	nodeRT *NodeRuntime
	// stage stages a surveyed bundle before the first sandbox run (nil:
	// staged from the start).
	stage *stager
}

// run executes one plan in its own sandbox with its own event sink, and
// adds what it saw to the scanner. Problems of the run go into the profile;
// an error means the sandbox could not be run at all.
func (s *scanner) run(ctx context.Context, name string, pl *plan.Plan) error {
	o, p := s.o, s.profile
	if err := s.stage.ensure(); err != nil {
		return err
	}
	ctl := filepath.Join(s.work, name+"-ctl")
	out := filepath.Join(s.work, name+"-out")
	for _, d := range []string{ctl, out, filepath.Join(ctl, "out"), filepath.Join(ctl, "steps")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			return err
		}
	}
	if err := linkOrCopy(o.Self, filepath.Join(ctl, "depbox")); err != nil {
		return fmt.Errorf("placing depbox in the sandbox: %w", err)
	}
	for path, content := range pl.Files {
		if err := os.WriteFile(filepath.Join(ctl, filepath.FromSlash(strings.TrimPrefix(path, plan.ControlDir+"/"))), content, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	if err := plan.WriteFile(filepath.Join(ctl, "plan.json"), pl); err != nil {
		return fmt.Errorf("writing plan: %w", err)
	}
	rec := profiler.NewRecorder()
	if _, ok := pl.Files[hook.PyHookPath]; ok && !o.NoHook {
		rec.TrustPythonHook() // sitecustomize loads it into every Python process
	}
	if o.NoHook {
		rec.FrameUnhookedBatches() // a benchmark's run: no record explains anything
	}
	sockPath := filepath.Join(s.work, name+".sock")
	if len(sockPath) > maxSocketPath {
		// A unix socket's path holds at most 107 bytes: a long --work-dir
		// gets its socket in a short private directory of its own.
		dir, err := os.MkdirTemp(WorkBase(""), "depbox-"+ownerTag()+"-")
		if err != nil {
			return fmt.Errorf("making a directory for the event socket: %w", err)
		}
		defer os.RemoveAll(dir)
		sockPath = filepath.Join(dir, name+".sock")
	}
	sink, err := profiler.Listen(sockPath, rec, s.recordW)
	if err != nil {
		return err
	}
	podInit, err := profiler.PodInitConfig(sink.Path())
	if err != nil {
		sink.Close(0)
		return err
	}
	progress := &progressWriter{total: len(steps(pl)), fn: o.Progress}
	task := s.task
	if pl.WritableTask {
		// The phase may write to the bundle: it gets a copy of its own, so
		// that later phases see the bundle as it was staged.
		task = filepath.Join(s.work, name+"-task")
		if err := copyTree(s.task, task); err != nil {
			return fmt.Errorf("copying the bundle for the %s run: %w", name, err)
		}
		if err := chownTree(task, pl.UID, pl.GID); err != nil {
			return fmt.Errorf("handing the bundle copy to the %s run's user: %w", name, err)
		}
	}
	layers, err := s.layerMount(name, pl)
	if err != nil {
		return err
	}
	procMounts, err := s.procMounts()
	if err != nil {
		return err
	}
	hosts, err := s.hostsMount(lambdaHostname(s.bundle, o))
	if err != nil {
		return err
	}
	res, runErr := o.runSandbox(ctx, sandbox.Config{
		ID:       "depbox-" + strings.TrimPrefix(filepath.Base(s.work), "depbox-") + "-" + name,
		Runsc:    o.Runsc,
		WorkDir:  s.work,
		Rootfs:   s.rootfs,
		Hostname: lambdaHostname(s.bundle, o),
		Mounts: append(append([]sandbox.Mount{
			{Source: task, Destination: plan.TaskRoot, Writable: pl.WritableTask},
			{Source: ctl, Destination: plan.ControlDir},
			{Source: out, Destination: plan.OutDir, Writable: true},
		}, layers...), append(procMounts, hosts)...),
		Args: []string{plan.RunnerPath, "sandbox-init", "--plan", plan.PlanPath, "--results", plan.ResultsPath},
		// The runner hands the home directory to sbx_user and drops to it for
		// the steps, and gives the loopback interface the cloud's metadata
		// addresses (in the sandbox's own network stack); those are all the
		// privileges it keeps.
		Capabilities:  []string{"CAP_CHOWN", "CAP_SETUID", "CAP_SETGID", "CAP_KILL", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_NET_ADMIN"},
		Tmpfs:         map[string]int64{plan.SandboxHome: 16 << 20},
		Env:           []string{"PATH=/usr/local/bin:/usr/bin:/bin"},
		Cwd:           plan.TaskRoot,
		Timeout:       o.RunTimeout,
		MemoryBytes:   o.MemoryBytes,
		Pids:          o.Pids,
		PodInitConfig: podInit,
		ExtraFlags:    o.RunscFlags,
		Stdout:        progress,
	})
	sinkErr := sink.Close(5 * time.Second)
	st := sink.Stats()
	s.stats.Events += st.Messages
	s.stats.Dropped += st.Dropped
	if d := st.Last.Sub(st.First).Seconds(); d > 0 {
		s.stats.EventsPerSec = float64(s.stats.Events) / (s.stats.SandboxTime.Seconds() + d)
	}
	if res != nil {
		s.stats.SandboxTime += res.Duration
		s.stats.NetNS = res.NetNS
	}
	if runErr != nil {
		if res != nil && res.Canceled {
			return fmt.Errorf("scan canceled: %w", runErr)
		}
		return fmt.Errorf("running the sandbox: %w", runErr)
	}
	if sinkErr != nil {
		p.AddProblem(profile.Problem{Code: "event-stream", Message: "the gVisor event stream failed: " + sinkErr.Error(), Fatal: true})
	}
	if st.Dropped > 0 {
		p.AddProblem(profile.Problem{Code: "event-drops", Fatal: true,
			Message: fmt.Sprintf("gVisor dropped %d monitoring events: behaviour may be missing", st.Dropped)})
	}
	if st.Undecodable > 0 {
		p.AddProblem(profile.Problem{Code: "event-decode", Fatal: true,
			Message: fmt.Sprintf("%d monitoring events could not be decoded", st.Undecodable)})
	}
	procs := rec.Procs()
	killed := sandboxKilled(res, procs)
	if res.TimedOut {
		p.AddProblem(profile.Problem{Code: "timeout", Fatal: true,
			Message: fmt.Sprintf("the sandbox ran longer than %s and was stopped (raise --timeout)", o.RunTimeout)})
	} else if res.ExitCode != 0 && !killed {
		p.AddProblem(profile.Problem{Code: "sandbox-failed", Fatal: true,
			Message: fmt.Sprintf("the sandbox's runner exited with code %d: %s", res.ExitCode, strings.TrimSpace(tailString(string(res.Stderr), 600)))})
	}
	var results plan.Results
	if err := plan.ReadFile(filepath.Join(out, "results.json"), &results); err != nil && !killed {
		p.AddProblem(profile.Problem{Code: "sandbox-failed", Fatal: true, Message: "the runner wrote no results: " + err.Error()})
	}
	for _, r := range results.Steps {
		s.results[profiler.RunKey{Phase: r.Phase, Dependency: r.Dependency}] = r
		if len(r.Isolated) > 0 {
			s.stats.Isolated++
		}
		if r.Phase == profile.PhaseInvoke {
			s.stats.InvokeTime = time.Duration(r.DurationMS) * time.Millisecond
		}
	}
	for _, w := range results.Warnings {
		p.AddProblem(profile.Problem{Code: "runner-warning", Message: w})
	}
	if results.Stretch > 1 {
		o.Log.Info("time limits stretched for machine load: the reference process was slower than on an unloaded machine",
			"factor", fmt.Sprintf("%.1f", results.Stretch), "reference_ms", results.ReferenceMS, "unloaded_ms", referenceStartMS)
	}
	if pl.FakeNet {
		fake, err := readFakeNet(filepath.Join(out, filepath.Base(plan.FakeNetPath)))
		if err != nil {
			p.AddProblem(profile.Problem{Code: "fake-net", Fatal: true, Message: "the fake internet's log is unreadable: " + err.Error()})
		}
		phase := profile.PhaseImport // the main run: the hook names what import and invoke resolve
		if pl.WritableTask {
			phase = profile.PhaseInstall
		}
		for i := range fake {
			fake[i].Phase = phase
		}
		s.fake = append(s.fake, fake...)
	}
	runs, err := s.attribute(ctx, name, procs)
	if err != nil {
		return err
	}
	for k, r := range runs {
		markSwept(r, results.Swept)
		s.runs[k] = r
	}
	if killed {
		p.AddProblem(killedProblem(res, runs, o.MemoryBytes))
	} else if res.OOMKills > 0 {
		p.AddProblem(oomProblem(res, o.MemoryBytes))
	}
	for _, st := range steps(pl) {
		k := profiler.RunKey{Phase: st.Phase, Dependency: st.Dependency}
		if run, ok := runs[k]; !ok || !run.Exited {
			p.AddProblem(profile.Problem{Code: "missing-events", Fatal: true, Dependency: displayDep(st.Dependency),
				Message: fmt.Sprintf("no complete %s record for %s in the gVisor event stream", st.Phase, displayDep(st.Dependency))})
		}
		if _, ok := s.results[k]; !ok && results.Version != 0 {
			p.AddProblem(profile.Problem{Code: "missing-result", Fatal: true, Dependency: displayDep(st.Dependency),
				Message: fmt.Sprintf("the runner reported nothing for %s (%s)", displayDep(st.Dependency), st.Phase)})
		}
	}
	return nil
}

func (o *Options) defaults() {
	if o.Jobs <= 0 {
		o.Jobs = 2
	}
	if o.StepTimeout <= 0 {
		o.StepTimeout = 30 * time.Second
	}
	if o.RunTimeout <= 0 {
		o.RunTimeout = 30 * time.Minute
	}
	if o.Linger <= 0 {
		o.Linger = 200 * time.Millisecond
	}
	if o.MemoryBytes == 0 {
		o.MemoryBytes = 2 << 30
	}
	if o.Pids == 0 {
		o.Pids = 512
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.InvokeTimeout <= 0 {
		o.InvokeTimeout = 3 * time.Second
	}
	if o.InitTimeout <= 0 {
		o.InitTimeout = 10 * time.Second
	}
	if o.TimerBudget <= 0 {
		o.TimerBudget = time.Second
	}
	if o.FunctionMemoryMB <= 0 {
		o.FunctionMemoryMB = 128
	}
	if o.CallTimeout <= 0 {
		o.CallTimeout = time.Second
	}
	if o.CallBudget <= 0 {
		o.CallBudget = 10 * time.Second
	}
}

// WorkBase returns where scans stage bundles: dir when set, else /dev/shm
// when it is a writable directory (staging thousands of small files on a
// disk file system took seconds; in memory it takes a fraction), else the
// system temp directory.
func WorkBase(dir string) string {
	if dir != "" {
		return dir
	}
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() && unix.Access("/dev/shm", unix.W_OK) == nil {
		return "/dev/shm"
	}
	return os.TempDir()
}

// RootfsSpec lists what goes into the sandbox's root file system: node, a
// POSIX shell, the tools of a Lambda or CI image that malware reaches for
// (Tools, python3) and stand-ins for programs that are absent (tools.go).
func RootfsSpec(node string) sandbox.RootfsSpec {
	s := sandbox.RootfsSpec{
		Programs: map[string]string{"/usr/bin/node": node},
		Links:    map[string]string{"/bin/sh": "dash"},
	}
	addTools(&s)
	return s
}

// Plan makes the main run: the import phase (the reference process, then
// the dependencies, leaves first, many per process — or one process per
// dependency with o.IsolateImports) and, with events, the invoke phase.
// o.Canaries must be set.
func Plan(b *bundle.Bundle, o Options, events []event.Event) (*plan.Plan, error) {
	o.defaults()
	p := basePlan(o)
	p.UID, p.GID = plan.SandboxUID, plan.SandboxGID
	if err := addWorld(p, b, o); err != nil {
		return nil, err
	}
	linger := strconv.Itoa(p.LingerMS)
	p.ReferenceMS = referenceStartMS
	p.Levels = append(p.Levels, []plan.Step{{
		Phase: profile.PhaseImport, Dependency: profiler.Reference, Dir: plan.TaskRoot, Reference: true,
		Args: []string{"-e", loaderJS, profiler.Marker, profile.PhaseImport, profiler.Reference, linger, ""},
	}})
	if o.batchedImports() {
		addImportBatches(p, b, o, linger)
	} else {
		for _, level := range b.Levels() {
			var imports []plan.Step
			for _, pkg := range level {
				if !o.skipImport[pkg.Path] {
					imports = append(imports, importStep(pkg.Path, linger))
				}
			}
			if len(imports) > 0 {
				p.Levels = append(p.Levels, imports)
			}
		}
	}
	if steps := bundleSteps(b, linger); len(steps) > 0 {
		p.Levels = append(p.Levels, steps)
	}
	if len(o.Execute) > 0 {
		var steps []plan.Step
		for _, ip := range o.Execute {
			if b.Package(ip) == nil {
				return nil, fmt.Errorf("execute phase: no package installed at %s", ip)
			}
			dir, name := resolveFrom(ip)
			steps = append(steps, executeStep(ip, dir, name, linger, o))
		}
		p.Levels = append(p.Levels, steps)
	}
	if len(events) > 0 && b.Handler != "" {
		if err := invokeStep(p, b, o, events); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// basePlan is a plan with the settings and environment every phase shares.
func basePlan(o Options) *plan.Plan {
	return &plan.Plan{
		Version:       plan.Version,
		Node:          "/usr/bin/node",
		Jobs:          o.Jobs,
		StepTimeoutMS: int(o.StepTimeout.Milliseconds()),
		LingerMS:      int(o.Linger.Milliseconds()),
		Home:          plan.SandboxHome,
		Env: []string{
			"PATH=/usr/local/bin:/usr/bin:/bin",
			"HOME=" + plan.SandboxHome,
			"LANG=en_US.UTF-8",
			"LAMBDA_TASK_ROOT=" + plan.TaskRoot,
		},
	}
}

// resolveFrom returns the directory from which a package installed at the
// bundle-relative path ip resolves by name, and that name:
// "node_modules/a/node_modules/@s/b" → ("/var/task/node_modules/a", "@s/b");
// "/opt/nodejs/node_modules/x" (a layer's) → ("/opt/nodejs", "x").
func resolveFrom(ip string) (dir, name string) {
	i := strings.LastIndex(ip, "node_modules/")
	return sandboxDir(strings.TrimSuffix(ip[:i], "/")), ip[i+len("node_modules/"):]
}

// sandboxDir is where an install path is in the sandbox: below the task
// root, or as it is when absolute (a layer's, under /opt).
func sandboxDir(ip string) string {
	if path.IsAbs(ip) {
		return ip
	}
	return path.Join(plan.TaskRoot, ip)
}

// assemble fills the profile's dependencies from the inventory, the
// runner's results and the attributed runs.
func assemble(p *profile.Profile, b *bundle.Bundle, plans []*plan.Plan, results map[profiler.RunKey]plan.StepResult, runs map[profiler.RunKey]*profiler.Run) {
	planned := map[profiler.RunKey]bool{}
	for _, pl := range plans {
		for _, st := range steps(pl) {
			planned[profiler.RunKey{Phase: st.Phase, Dependency: st.Dependency}] = true
		}
	}
	for _, pkg := range b.Packages {
		d := profile.Dependency{
			Name: pkg.Name, ClaimedName: pkg.ClaimedName, Version: pkg.Version, Path: pkg.Path, Integrity: pkg.Integrity,
			BundledIn: pkg.BundledIn, Layer: pkg.Layer, BundledBy: pkg.BundledBy,
			Requires: pkg.Requires, Phases: map[string]*profile.Behavior{},
		}
		for s := range pkg.Scripts {
			d.InstallScripts = append(d.InstallScripts, s)
		}
		for _, phase := range []string{profile.PhaseInstall, profile.PhaseStartup, profile.PhaseImport, profile.PhaseExecute} {
			k := profiler.RunKey{Phase: phase, Dependency: pkg.Path}
			if pkg.BundledIn != "" {
				// Loaded with its bundle file: the outcome is the file's,
				// the behaviour what the hook names it for (applyRecords).
				k.Dependency = pkg.BundledIn
			}
			if !planned[k] {
				continue
			}
			beh := &profile.Behavior{}
			if run, ok := runs[k]; ok && run.Own != nil && pkg.BundledIn == "" {
				*beh = *run.Own
				if phase == profile.PhaseImport {
					dropScopeRead(beh, pkg.Path)
				}
			}
			if r, ok := results[k]; ok {
				beh.Outcome = outcome(phase, r)
				endedBy(beh.Outcome, runs[k])
			}
			d.Phases[phase] = beh
		}
		if d.ClaimedName != "" {
			p.AddProblem(profile.Problem{Code: "name-mismatch", Dependency: d.Path,
				Message: fmt.Sprintf("%s/package.json calls itself %q; it is judged as %q, the name its install path gives (an npm alias is fine; anything else is a package posing as another)", d.Path, d.ClaimedName, d.Name)})
		}
		p.Dependencies = append(p.Dependencies, d)
	}
	k := profiler.RunKey{Phase: profile.PhaseInvoke, Dependency: Function}
	if r, ok := results[k]; ok {
		var recs []hook.Record
		if run := runs[k]; run != nil {
			recs = run.Hooks
		}
		o := invokeOutcome(recs, invokeEvents(plans), r)
		endedBy(o, runs[k])
		appPhase(p, profile.PhaseInvoke).Outcome = o
	}
}

// endedBy names, for a process that ended early, who the hook saw end it.
func endedBy(o *profile.Outcome, run *profiler.Run) {
	if run != nil && (o.Status == profile.StatusExited || o.Status == profile.StatusKilled) {
		o.EndedBy = profiler.EndedBy(run.Hooks)
	}
}

func displayDep(d string) string {
	if d == profiler.Reference {
		return "the reference process"
	}
	return d
}

// progressWriter turns the runner's progress lines into Progress calls.
type progressWriter struct {
	buf   []byte
	done  int
	total int
	fn    func(Progress)
}

func (w *progressWriter) Write(b []byte) (int, error) {
	w.buf = append(w.buf, b...)
	for {
		i := strings.IndexByte(string(w.buf), '\n')
		if i < 0 {
			break
		}
		line := string(w.buf[:i])
		w.buf = w.buf[i+1:]
		rest, ok := strings.CutPrefix(line, runner.ProgressPrefix)
		if !ok {
			continue
		}
		var r plan.StepResult
		if json.Unmarshal([]byte(rest), &r) != nil {
			continue
		}
		w.done++
		if w.fn != nil {
			w.fn(Progress{Done: w.done, Total: w.total, Phase: r.Phase, Dependency: displayDep(r.Dependency),
				Status: outcome(r.Phase, r).Status, Duration: time.Duration(r.DurationMS) * time.Millisecond})
		}
	}
	return len(b), nil
}

func tailString(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func pythonVersion(python string) string {
	out, err := exec.Command(python, "--version").CombinedOutput()
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.TrimSpace(string(out)), "Python ")
}

// nodeVersion is node's --version, remembered by the binary's identity
// in cacheDir (a node start is tens of milliseconds of a cached re-scan).
func nodeVersion(node, cacheDir string) string {
	var v string
	err := contenthash.New(filepath.Join(cacheDir, "hashes")).Derived(node, "node-version-v1", &v, func() (any, error) {
		out, err := exec.Command(node, "--version").Output()
		return strings.TrimSpace(string(out)), err
	})
	if err != nil {
		return ""
	}
	return v
}

// copyTree copies the staged bundle src to dst: directories, regular files
// with their modes, and symlinks as they are (staging validated them).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(target, info.Mode().Perm()|0o700)
		case info.Mode()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case info.Mode().IsRegular():
			return copyFile(p, target, info.Mode().Perm())
		default:
			return fmt.Errorf("%s: unexpected file type %s in the staged bundle", rel, info.Mode().Type())
		}
	})
}

// chownTree gives a directory tree to uid:gid (symlinks themselves).
func chownTree(dir string, uid, gid int) error {
	return filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, uid, gid)
	})
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	return copyFile(src, dst, 0o755)
}

// workDirs makes a run's owner-tagged work directory and its task
// directory in it; done removes the work directory, unless --keep-workdir
// keeps it (said in the log).
func workDirs(o Options) (work, task string, done func(), err error) {
	work, err = os.MkdirTemp(WorkBase(o.WorkDir), "depbox-"+ownerTag()+"-")
	if err != nil {
		return "", "", nil, fmt.Errorf("creating work directory: %w", err)
	}
	done = func() { os.RemoveAll(work) }
	if o.KeepWorkDir {
		o.Log.Warn("keeping work directory", "dir", work)
		done = func() {}
	}
	task = filepath.Join(work, "task")
	if err := os.Mkdir(task, 0o755); err != nil {
		done()
		return "", "", nil, err
	}
	return work, task, done, nil
}
