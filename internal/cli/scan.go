package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/sandbox"
)

// scanOptions are the options of one scan (shared by scan, gate, baseline update).
type scanOptions struct {
	Path          string // bundle directory or .zip
	Handler       string
	Function      string
	Jobs          int
	StepTimeout   time.Duration
	Timeout       time.Duration
	Linger        time.Duration
	MemoryBytes   int64
	Pids          int64
	Node          string
	NodeRuntime   string
	KeepWorkDir   bool
	RecordEvents  string
	InstallPhase  bool
	InvokeTimeout time.Duration
	InitTimeout   time.Duration
	TimerBudget   time.Duration
	MemorySize    int
	NoHook        bool
	ImportCache   bool
	BatchImports  bool
	WorkDir       string
	RunscFlags    []string
	Python        string
	Runtime       string
	Lockfile      string
	Layers        []string
	Worlds        []string
}

// addScanFlags declares the flags every scanning command shares.
func addScanFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	addBackendFlags(f)
	f.String("handler", "", "the function's handler as file.export (default: detected from a SAM/serverless template or index.js)")
	f.String("function", "", "scan only this function (logical id or name) of the bundle's SAM/CloudFormation template or serverless.yml (default: every function, one after another, shared dependencies analysed once)")
	f.Int("jobs", 2, "dependency processes run at once inside the sandbox")
	f.Duration("step-timeout", 30*time.Second, "limit for one dependency's process; a dependency that runs longer is killed and reported as a timeout")
	f.Duration("timeout", 30*time.Minute, "limit for the whole sandbox run")
	f.Duration("linger", 200*time.Millisecond, "how long a dependency's process may keep running after it loaded (pending timers, sockets)")
	f.Int64("memory", 2<<30, "memory limit of the sandbox in bytes")
	f.Int64("pids", 512, "process limit of the sandbox")
	f.String("node", "", "host node binary copied into the sandbox's root file system (default: node on $PATH)")
	f.String("node-runtime", "", "run Node.js code on a node runtime made by scripts/node-runtime (make node-runtime: Debian's newer nodejs with its libraries, in a directory of its own) instead of --node; its files go into the sandbox's root file system only (default: the host's node, or, for a function whose template declares nodejs24.x, the runtime make node-runtime wrote when it is there and --node is not given)")
	f.String("python", "", "host CPython copied, with its standard library, into the sandbox's root file system for Python bundles (default: /usr/bin/python3)")
	f.StringArray("layer", nil, "a Lambda layer of the function (a directory or its .zip; repeatable, in the order Lambda applies them): mounted at /opt as Lambda lays it out, its packages (nodejs/node_modules, nodejs/node20/node_modules) analysed like the function's own")
	f.String("lockfile", "", "the project's lockfile (package-lock.json, npm-shrinkwrap.json, yarn.lock v1, pnpm-lock.yaml): the versions of packages bundled into the function's JavaScript files (esbuild, webpack), which the bundle itself does not record")
	f.String("runtime", "", "the bundle's runtime, overriding detection: nodejs, or a Lambda Python runtime such as python3.11 or python3.12")
	f.StringArray("runsc-flag", nil, "an extra global runsc flag for the sandbox, e.g. --runsc-flag=--debug (repeatable; for diagnosis)")
	f.String("work-dir", "", "where the private staging directory is made (default: /dev/shm when writable, else $TMPDIR)")
	f.Bool("keep-workdir", false, "keep the staging directory (bundle copy, OCI bundle, runsc logs) for debugging")
	f.String("record-events", "", "write the raw gVisor event stream to this file (for bug reports and tests)")
	f.Bool("batch-imports", true, "load many packages per node (or python) process in the import phase, each in a window of its own in the event stream; a package whose window is in doubt is loaded again alone (false: one process per package, slower; see docs/performance.md and docs/python.md)")
	f.Bool("import-cache", true, "reuse import results of packages whose code, and that of what they resolve to, did not change since an earlier scan (kept in the cache directory)")
	f.Bool("install-phase", true, "run the lifecycle scripts (preinstall, install, postinstall) of packages that declare them, in the sandbox")
	f.StringSlice("events", nil, "event sources for the invoke phase, e.g. s3,sqs,apigw-v2 (default: from the bundle's SAM/serverless template, else a default set; see depbox events list); \"none\" skips the invoke phase")
	f.String("events-dir", "", "a directory of your own event JSON files, invoked after the generated ones (docs/events.md)")
	f.StringSlice("event-variants", nil, "event variants: default and injection variants such as sql, shell, path-traversal (default: all)")
	f.Int64("seed", 0, "seed for event identifiers, addresses and timestamps, and request ids")
	f.Duration("invoke-timeout", 3*time.Second, "limit for one invocation of the handler (Lambda's default is 3s)")
	f.Duration("init-timeout", 10*time.Second, "limit for loading the handler before the first invocation (Lambda's init limit is 10s); a handler that takes longer makes the analysis incomplete")
	f.Duration("timer-budget", time.Second, "timers longer than this are brought forward to it and reported (time bombs)")
	f.Int("memory-size", 128, "the function's memory size in MB, as Lambda reports it to the function")
	f.StringSlice("worlds", scan.VariantNames(), "alternative worlds in which the packages that looked at environment signals (time zone, locale, CI variables, host name, the date, a geolocation service) run again: "+strings.Join(scan.VariantNames(), ", ")+" (docs/world.md); \"none\" turns the re-runs off")
	f.Bool("hook", true, "load depbox's in-process hook into node (turning it off loses environment reads, DNS names, canary checks of encrypted traffic and per-package attribution inside the function, and imports run one package per process; for measurements)")
	addAdvisoryFlags(cmd)
	_ = f.SetAnnotation("events", configKey, []string{cfgEventSources})
	_ = f.SetAnnotation("events-dir", configKey, []string{cfgEventDir})
	_ = f.SetAnnotation("event-variants", configKey, []string{cfgEventVariants})
}

func (e *env) scanOptionsFrom(path string) scanOptions {
	v := e.v
	return scanOptions{
		Path:          path,
		Handler:       v.GetString("handler"),
		Function:      v.GetString("function"),
		Jobs:          v.GetInt("jobs"),
		StepTimeout:   v.GetDuration("step-timeout"),
		Timeout:       v.GetDuration("timeout"),
		Linger:        v.GetDuration("linger"),
		MemoryBytes:   v.GetInt64("memory"),
		Pids:          v.GetInt64("pids"),
		Node:          v.GetString("node"),
		NodeRuntime:   v.GetString("node-runtime"),
		KeepWorkDir:   v.GetBool("keep-workdir"),
		RecordEvents:  v.GetString("record-events"),
		InstallPhase:  v.GetBool("install-phase"),
		InvokeTimeout: v.GetDuration("invoke-timeout"),
		InitTimeout:   v.GetDuration("init-timeout"),
		TimerBudget:   v.GetDuration("timer-budget"),
		MemorySize:    v.GetInt("memory-size"),
		NoHook:        !v.GetBool("hook"),
		ImportCache:   v.GetBool("import-cache"),
		BatchImports:  v.GetBool("batch-imports"),
		WorkDir:       absPath(v.GetString("work-dir")),
		RunscFlags:    v.GetStringSlice("runsc-flag"),
		Python:        v.GetString("python"),
		Runtime:       v.GetString("runtime"),
		Lockfile:      v.GetString("lockfile"),
		Layers:        v.GetStringSlice("layer"),
		Worlds:        worlds(v.GetStringSlice("worlds")),
	}
}

// worlds is the --worlds list: "none" is the empty list.
func worlds(names []string) []string {
	if len(names) == 1 && names[0] == "none" {
		return nil
	}
	return names
}

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:   "scan PATH",
			Short: "Run a bundle's dependencies in gVisor and report what each one did",
			Long: `scan stages the bundle (a directory or a .zip deployment package), lists every
installed npm package, and imports each one in its own process inside a gVisor
sandbox (no network: --network=none in a fresh network namespace). gVisor's
runtime monitoring records every file opened, program started and socket
connected; each dependency's own behaviour is what its process did minus what
the packages it loaded and the bare runtime do.

The text output is a table, one row per dependency; --format json writes the
profile (schema depbox.profile/v1, docs/profile.md) that baseline, gate and
reports consume. A SAM/CloudFormation template or serverless.yml with several
functions is scanned function by function (dependencies they share are
analysed once): one table, or one JSON profile after another, per function;
--function NAME scans one. Exit codes: 0 done, 2 bad input, 3 the analysis failed or is
incomplete (events lost, sandbox failure, timeout).`,
			Example: `  depbox scan ./my-function
  depbox scan ./my-function.zip --format json > profile.json`,
			Args: cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				format := e.v.GetString("format")
				if format != "text" && format != "json" {
					return usageErr(fmt.Errorf("--format %q: want text or json", format))
				}
				ps, err := e.runScans(cmd.Context(), e.scanOptionsFrom(args[0]), true)
				if err != nil {
					return err
				}
				w, err := e.createOutput(e.v.GetString("output"))
				if err != nil {
					return err
				}
				for i, p := range ps {
					if err != nil {
						break
					}
					switch {
					case format == "json":
						err = p.Write(w)
					case len(ps) > 1:
						if i > 0 {
							fmt.Fprintln(w)
						}
						fmt.Fprintf(w, "== function %s (handler %s), %d of %d ==\n", p.Bundle.Function, p.Bundle.Handler, i+1, len(ps))
						writeTable(w, p)
					default:
						writeTable(w, p)
					}
				}
				for _, p := range ps {
					if err == nil && p.Incomplete {
						err = analysisErr(fmt.Errorf("the scan of %s is incomplete: %s", functionOf(p), problemSummary(p)))
					}
				}
				return closeOutput(w, err)
			},
		}
		addScanFlags(cmd)
		cmd.Flags().String("format", "text", "output format: text or json")
		cmd.Flags().StringP("output", "o", "", "write the output to this file instead of stdout")
		return cmd
	})
}

// runScan scans a bundle and returns its canonical profile: that of the
// function --function names, else of the template's first. A profile with
// Incomplete set is returned with a nil error: callers decide (gate fails
// closed).
func (e *env) runScan(ctx context.Context, o scanOptions) (*profile.Profile, error) {
	ps, err := e.runScans(ctx, o, false)
	if err != nil {
		return nil, err
	}
	return ps[0], nil
}

// runScans scans a bundle; with all, every function of its template in
// turn (unless --handler or --function picks one), one profile each.
func (e *env) runScans(ctx context.Context, o scanOptions, all bool) ([]*profile.Profile, error) {
	if _, err := os.Stat(o.Path); err != nil {
		return nil, usageErr(fmt.Errorf("bundle %s: %w (give a function directory or a .zip deployment package)", o.Path, err))
	}
	backend, err := e.backend()
	if err != nil {
		return nil, err
	}
	tools, err := e.sandboxTools(o.Node)
	if err != nil {
		return nil, err
	}
	cache, runsc, self, node := tools.cache, tools.runsc, tools.self, tools.node
	raw := splitList(e.v.GetStringSlice(cfgEventSources))
	noInvoke := len(raw) == 1 && raw[0] == "none"
	if noInvoke {
		e.v.Set(cfgEventSources, []string{})
	}
	evOpts, evDir, err := e.eventOptions()
	if err != nil {
		return nil, usageErr(err)
	}
	var eventsFor func(root, function string) ([]event.Event, error)
	if !noInvoke {
		eventsFor = func(root, function string) ([]event.Event, error) {
			o := evOpts
			o.Function = function
			return event.ForBundle(root, o, evDir)
		}
	}
	adv, err := e.openAdvisories()
	if err != nil {
		return nil, err
	}
	importCache := ""
	if o.ImportCache {
		importCache = filepath.Join(cache, "import")
	}
	if err := scan.CheckWorlds(o.Worlds); err != nil {
		return nil, usageErr(err)
	}
	progress := e.progress()
	scanFn := scan.ScanFunctions
	if !all {
		scanFn = func(ctx context.Context, o scan.Options) ([]*profile.Profile, []*scan.Stats, error) {
			p, st, err := scan.Scan(ctx, o)
			return []*profile.Profile{p}, []*scan.Stats{st}, err
		}
	}
	ps, stats, err := scanFn(ctx, scan.Options{
		ImportCache: importCache, WorkDir: o.WorkDir, RunscFlags: o.RunscFlags, Backend: backend,
		Path: o.Path, Handler: o.Handler, Function: o.Function, CacheDir: cache, Runsc: runsc, Self: self, Node: node, NodeRuntime: o.NodeRuntime, TemplateNode: templateNode(o.Node), Python: o.Python, Runtime: o.Runtime, Lockfile: o.Lockfile, Layers: o.Layers,
		Jobs: o.Jobs, StepTimeout: o.StepTimeout, RunTimeout: o.Timeout, Linger: o.Linger,
		MemoryBytes: o.MemoryBytes, Pids: o.Pids, KeepWorkDir: o.KeepWorkDir, RecordEvents: o.RecordEvents,
		InstallPhase: o.InstallPhase, EventsFor: eventsFor, InvokeTimeout: o.InvokeTimeout, InitTimeout: o.InitTimeout, TimerBudget: o.TimerBudget,
		FunctionMemoryMB: o.MemorySize, Seed: evOpts.Seed, NoHook: o.NoHook, Worlds: o.Worlds,
		// Without the hook no framing record carries proof: one process per package.
		IsolateImports: !o.BatchImports || o.NoHook, Version: Version, Progress: progress.step, Log: e.log,
	})
	progress.finish()
	if err != nil {
		var ie *scan.InputError
		if errors.As(err, &ie) {
			return nil, usageErr(err)
		}
		return nil, analysisErr(err)
	}
	for i, p := range ps {
		if err := adv.annotate(ctx, p); err != nil {
			return nil, analysisErr(err)
		}
		st := stats[i]
		e.log.Info("scan finished", "function", p.Bundle.Function, "dependencies", st.Dependencies, "reused", st.Cached, "loaded_alone", st.Isolated, "loaded_again", st.Rerun, "events", st.Events,
			"dropped", st.Dropped, "events_per_s", int(st.EventsPerSec), "sandbox", st.SandboxTime, "total", st.Total)
	}
	return ps, nil
}

// tools are what running the sandbox needs on the host.
// templateNode is the node runtime a function whose template declares its
// node's Lambda runtime (nodejs24.x) runs on: the one make node-runtime
// writes, when it is there, unless --node named a node.
func templateNode(node string) string {
	if node != "" {
		return ""
	}
	return madeNodeRuntime()
}

// madeNodeRuntime is scan.DefaultNodeRuntime when make node-runtime made
// one there, else "".
func madeNodeRuntime() string {
	d := scan.DefaultNodeRuntime()
	if _, err := scan.OpenNodeRuntime(d); err != nil {
		return ""
	}
	return d
}

type tools struct{ cache, runsc, self, node string }

// sandboxTools checks the privileges and finds the cache directory, runsc,
// the static depbox binary and node; each failure says what to do.
func (e *env) sandboxTools(node string) (*tools, error) {
	g := e.global()
	if os.Geteuid() != 0 {
		return nil, analysisErr(fmt.Errorf("%w (depbox doctor checks this machine)", sandbox.ErrNotRoot))
	}
	cache, err := cacheDir(g.CacheDir)
	if err != nil {
		return nil, analysisErr(err)
	}
	runsc, err := sandbox.FindRunsc(g.RunscPath, cache)
	if err != nil {
		return nil, analysisErr(err)
	}
	self, err := os.Executable()
	if err != nil {
		return nil, analysisErr(fmt.Errorf("locating the depbox binary: %w", err))
	}
	if node == "" {
		if node, err = exec.LookPath("node"); err != nil {
			return nil, analysisErr(errors.New("node not found on $PATH: install Node.js (20 or newer) or pass --node PATH"))
		}
	}
	return &tools{cache: cache, runsc: runsc, self: self, node: node}, nil
}

// cacheDir returns the configured cache directory or the user's default.
func cacheDir(configured string) (string, error) {
	if configured != "" {
		// runsc is started in another directory: every path it is given
		// must be absolute.
		abs, err := filepath.Abs(configured)
		if err != nil {
			return "", usageErr(fmt.Errorf("--cache-dir %s: %w", configured, err))
		}
		return abs, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding a cache directory: %w (pass --cache-dir)", err)
	}
	return filepath.Join(d, "depbox"), nil
}

// progressPrinter shows per-dependency progress on stderr: a rewritten line
// on a terminal, one line per step in CI (CI=true), nothing otherwise.
type progressPrinter struct {
	w        io.Writer
	terminal bool
	ci       bool
	wrote    bool
}

func (e *env) progress() *progressPrinter {
	pp := &progressPrinter{w: e.stderr, ci: os.Getenv("CI") == "true"}
	if f, ok := e.stderr.(*os.File); ok {
		_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
		pp.terminal = err == nil
	}
	return pp
}

func (pp *progressPrinter) step(p scan.Progress) {
	switch {
	case pp.terminal && !pp.ci:
		fmt.Fprintf(pp.w, "\r\033[K[%d/%d] %s %s: %s", p.Done, p.Total, p.Phase, p.Dependency, p.Status)
		pp.wrote = true
	case pp.ci:
		fmt.Fprintf(pp.w, "[%d/%d] %s %s: %s (%s)\n", p.Done, p.Total, p.Phase, p.Dependency, p.Status, p.Duration.Round(time.Millisecond))
	}
}

func (pp *progressPrinter) finish() {
	if pp.wrote {
		fmt.Fprint(pp.w, "\r\033[K")
	}
}

// problemSummary names the fatal problems, the most fundamental first.
func problemSummary(p *profile.Profile) string {
	rank := func(code string) int {
		for i, c := range []string{"sandbox-killed", "sandbox-failed", "timeout", "event-stream", "event-drops", "event-decode"} {
			if c == code {
				return i
			}
		}
		return 100
	}
	var fatal []profile.Problem
	for _, pr := range p.Problems {
		if pr.Fatal {
			fatal = append(fatal, pr)
		}
	}
	slices.SortStableFunc(fatal, func(a, b profile.Problem) int { return rank(a.Code) - rank(b.Code) })
	var s []string
	for _, pr := range fatal {
		s = append(s, pr.Message)
	}
	if len(s) > 3 {
		s = append(s[:3], fmt.Sprintf("and %d more", len(s)-3))
	}
	return strings.Join(s, "; ")
}

// absPath makes a path flag absolute (runsc runs in another directory); ""
// stays "" (the default applies).
func absPath(p string) string {
	if p == "" {
		return ""
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// functionOf names a profile's function for messages: "function X" of a
// template, else "the bundle".
func functionOf(p *profile.Profile) string {
	if p.Bundle.Function != "" && len(p.Bundle.Functions) > 1 {
		return "function " + p.Bundle.Function
	}
	return "the bundle"
}
