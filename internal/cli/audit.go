package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/audit"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:   "audit SPEC...",
			Short: "Audit npm packages and Python distributions on demand: install scripts, import and exported calls run in the sandbox",
			Long: `audit runs one npm package version and its dependency tree in the gVisor
sandbox before you adopt or upgrade it, and reports what each package does.

SPEC is npm:NAME, npm:NAME@VERSION, npm:NAME@RANGE, npm:NAME@TAG (scoped:
npm:@scope/name@1.0.0) or a local .tgz/.tar.gz file; or, for Python,
pypi:NAME, pypi:NAME@VERSION, a local .whl file or a local sdist (.tar.gz
with PKG-INFO). Python distributions are fetched as wheels with pip
(--index-url chooses the index), or as an sdist when the index offers no
wheel: nothing is built on this machine, every file's sha256 is checked
against the index; an sdist is built in the sandbox (install phase: its
PEP 517 backend or setup.py), the distributions run in the sandbox's
startup (.pth files) and import phases, and the audited one's public
functions are called in the execute phase (docs/audit.md, "Python").

On this machine depbox only downloads and unpacks: npm install
--ignore-scripts (no git, URL or directory dependencies) into a private
temporary directory, the tarball's integrity checked against the registry
and the lockfile. Everything the package does happens in the sandbox: its
lifecycle scripts (install phase), require/import (import phase) and calls of
its exported functions (execute phase), with the fake world and canary
secrets of depbox scan; long timers are brought forward and reported.

The result is the profile depbox scan writes (--format json), so baselines,
rules and reports take it unchanged. --against VERSION also audits another
version of the package and shows what behaviour this one adds or drops, per
dependency and phase.

Results are cached by the tarball's integrity (with the depbox version and
the options that shape the result): a package audited before is not run
again unless --no-cache. --from FILE audits a list (one spec per line,
optionally "SPEC --against VERSION"), --jobs at a time, with one progress
line per package on stderr; --shard i/n splits a list across machines
(depbox audit merge puts their outputs back together); --format jsonl
writes one JSON record per package (docs/audit.md).

Exit codes: 0 done; 2 bad input (spec, flags, no such package or version);
3 an audit failed or is incomplete. A batch audits every package, reports
each failure, and exits 3 at the end if any failed.`,
			Example: `  depbox audit npm:left-pad@1.3.0
  depbox audit npm:axios
  depbox audit pypi:requests@2.31.0
  depbox audit ./dist/mypkg-1.0-py3-none-any.whl
  depbox audit ./dist/mypkg-1.0.tar.gz
  depbox audit ./some-package-1.0.0.tgz
  depbox audit npm:foo@2.0.0 --against 1.9.3
  depbox audit --from packages.txt --jobs 2 --format jsonl -o audits.jsonl`,
			RunE: func(cmd *cobra.Command, args []string) error { return e.audit(cmd.Context(), args) },
		}
		addScanFlags(cmd)
		f := cmd.Flags()
		// --jobs means packages at once here: each audit is a sandbox of its own.
		f.Lookup("jobs").Usage = "packages audited at once, each in its own sandbox"
		// An audit has no function to invoke.
		for _, name := range []string{"handler", "function", "events", "events-dir", "event-variants", "seed", "invoke-timeout", "init-timeout", "memory-size"} {
			_ = f.MarkHidden(name)
		}
		f.String("against", "", "also audit this version (or range, tag, npm:SPEC, .tgz) of the package and show what behaviour SPEC adds or drops")
		f.String("from", "", "audit the specs listed in this file (one per line, '#' comments; a line may add --against VERSION); - reads stdin")
		f.String("shard", "", "audit only shard i of n of the list, e.g. 2/4: every n-th spec starting with the i-th")
		f.String("format", "text", "output format: text, json (the profile; with --against the diff) or jsonl (one record per package)")
		f.StringP("output", "o", "", "write the output to this file instead of stdout")
		f.Bool("no-cache", false, "audit again even when an earlier audit of the same tarball is cached (the new result replaces it)")
		f.String("addon-node", "", "node runtime (scripts/node-runtime) a package runs on when it ships a native addon needing a newer Node-API than --node's node supports, which that node would crash loading (default: the runtime make node-runtime writes, when it is there; none: never)")
		f.Duration("call-timeout", time.Second, "limit for each call of an exported function in the execute phase")
		f.String("npm", "", "npm binary used to download and unpack packages, never to run them (default: npm on $PATH; npm 11.10 or newer)")
		f.String("index-url", "", "Python package index (PEP 503 simple API) pip downloads pypi: specs and the dependencies of wheels from (default: pip's own configuration, normally https://pypi.org/simple)")
		cmd.AddCommand(newAuditMergeCmd(e))
		return cmd
	})
}

// newerNode is the runtime directory --addon-node names: none turns it
// off, empty is scan.DefaultNodeRuntime when that holds a runtime; a
// directory named that holds none is an error.
func newerNode(flag string) (string, error) {
	switch flag {
	case "none":
		return "", nil
	case "":
		return madeNodeRuntime(), nil
	}
	if _, err := scan.OpenNodeRuntime(flag); err != nil {
		return "", usageErr(fmt.Errorf("--addon-node: %w", err))
	}
	return flag, nil
}

// auditJobs collects the jobs from the arguments and --from, and applies
// --shard; the listing says where the jobs sit in the whole list.
func (e *env) auditJobs(args []string) ([]audit.Job, audit.Listing, error) {
	v := e.v
	against := v.GetString("against")
	var jobs []audit.Job
	for _, a := range args {
		s, err := audit.ParseSpec(a)
		if err != nil {
			return nil, audit.Listing{}, usageErr(err)
		}
		jobs = append(jobs, audit.Job{Spec: s, Against: against})
	}
	if from := v.GetString("from"); from != "" {
		if against != "" {
			return nil, audit.Listing{}, usageErr(errors.New("--against applies to one SPEC; in a --from list write SPEC --against VERSION on the line"))
		}
		var r io.Reader = e.stdin
		name := "stdin"
		if from != "-" {
			f, err := os.Open(from)
			if err != nil {
				return nil, audit.Listing{}, usageErr(fmt.Errorf("--from: %w", err))
			}
			defer f.Close()
			r, name = f, from
		}
		listed, err := audit.ParseList(r, name)
		if err != nil {
			return nil, audit.Listing{}, usageErr(err)
		}
		jobs = append(jobs, listed...)
	}
	if against != "" && len(jobs) != 1 {
		return nil, audit.Listing{}, usageErr(errors.New("--against applies to exactly one SPEC"))
	}
	if against != "" && !jobs[0].Spec.IsTarball() {
		if _, err := audit.Against(jobs[0].Spec, jobs[0].Spec.Name, against); err != nil {
			return nil, audit.Listing{}, usageErr(err)
		}
	}
	if len(jobs) == 0 {
		return nil, audit.Listing{}, usageErr(errors.New("nothing to audit: " + audit.SpecHint + ", or --from FILE"))
	}
	listing := audit.Listing{I: 1, N: 1, Total: len(jobs)}
	if sh := v.GetString("shard"); sh != "" {
		i, n, err := audit.ParseShard(sh)
		if err != nil {
			return nil, audit.Listing{}, usageErr(err)
		}
		jobs = audit.Shard(jobs, i, n)
		listing.I, listing.N = i, n
	}
	return jobs, listing, nil
}

func (e *env) audit(ctx context.Context, args []string) error {
	v := e.v
	format := v.GetString("format")
	if format != "text" && format != "json" && format != "jsonl" {
		return usageErr(fmt.Errorf("--format %q: want text, json or jsonl", format))
	}
	jobs, listing, err := e.auditJobs(args)
	if err != nil {
		return err
	}
	batch := len(jobs) != 1 || v.GetString("from") != ""
	if format == "json" && batch {
		return usageErr(errors.New("--format json writes one profile: for several packages use --format jsonl"))
	}
	a, err := e.auditor()
	if err != nil {
		return err
	}
	w, err := e.createOutput(v.GetString("output"))
	if err != nil {
		return err
	}
	if batch {
		return closeOutput(w, e.auditBatch(ctx, a, jobs, listing, format, w))
	}
	return closeOutput(w, e.auditOne(ctx, a, jobs[0], format, w))
}

// auditor builds the Auditor from the configuration, like runScan does for a scan.
func (e *env) auditor() (*audit.Auditor, error) {
	o := e.scanOptionsFrom("")
	if err := scan.CheckWorlds(o.Worlds); err != nil {
		return nil, usageErr(err)
	}
	tools, err := e.sandboxTools(o.Node)
	if err != nil {
		return nil, err
	}
	addonNode, err := newerNode(e.v.GetString("addon-node"))
	if err != nil {
		return nil, err
	}
	if o.NodeRuntime != "" {
		if _, err := scan.OpenNodeRuntime(o.NodeRuntime); err != nil {
			return nil, usageErr(fmt.Errorf("--node-runtime: %w", err))
		}
	}
	adv, err := e.openAdvisories()
	if err != nil {
		return nil, err
	}
	backend, err := e.backend()
	if err != nil {
		return nil, err
	}
	cache, runsc, self, node := tools.cache, tools.runsc, tools.self, tools.node
	return &audit.Auditor{
		Source: &audit.NPM{Bin: e.v.GetString("npm"), Log: e.log},
		PyPI:   &audit.PyPI{Python: o.Python, IndexURL: e.v.GetString("index-url"), Log: e.log},
		Options: scan.Options{
			CacheDir: cache, Runsc: runsc, Self: self, Node: node, NodeRuntime: o.NodeRuntime, NewerNode: addonNode, Python: o.Python,
			StepTimeout: o.StepTimeout, RunTimeout: o.Timeout, Linger: o.Linger,
			MemoryBytes: o.MemoryBytes, Pids: o.Pids, KeepWorkDir: o.KeepWorkDir, RecordEvents: o.RecordEvents, WorkDir: o.WorkDir,
			InstallPhase: o.InstallPhase, TimerBudget: o.TimerBudget, CallTimeout: e.v.GetDuration("call-timeout"), IsolateImports: !o.BatchImports,
			Worlds: o.Worlds, Version: Version, Log: e.log, Backend: backend,
		},
		Cache:       &audit.Cache{Dir: filepath.Join(cache, "audit")},
		Annotate:    adv.annotate,
		NoCache:     e.v.GetBool("no-cache"),
		KeepWorkDir: o.KeepWorkDir,
		Log:         e.log,
	}, nil
}

// auditOne audits one package (or compares two versions) and maps the
// outcome to an exit code like scan does.
func (e *env) auditOne(ctx context.Context, a *audit.Auditor, j audit.Job, format string, w io.Writer) error {
	progress := e.progress()
	a.Options.Progress = progress.step
	t0 := time.Now()
	var r *audit.Result
	var err error
	if j.Against != "" {
		r, err = a.Compare(ctx, j.Spec, j.Against)
	} else {
		r, err = a.Audit(ctx, j.Spec)
	}
	progress.finish()
	if err != nil {
		if audit.IsInput(err) {
			return usageErr(err)
		}
		return analysisErr(err)
	}
	o := &audit.Outcome{Job: j, Result: r, Duration: time.Since(t0)}
	switch format {
	case "json":
		if r.Changes != nil {
			err = r.Changes.WriteJSON(w)
		} else {
			err = r.Profile.Write(w)
		}
	case "jsonl":
		err = audit.WriteRecord(w, audit.NewRecord(o))
	default:
		err = writeAuditText(w, r)
	}
	if err != nil {
		return err
	}
	var incomplete []string
	for _, x := range []*audit.Result{r, r.Against} {
		if x != nil && x.Profile.Incomplete {
			incomplete = append(incomplete, fmt.Sprintf("%s: %s", x.Label(), problemSummary(x.Profile)))
		}
	}
	if len(incomplete) > 0 {
		return analysisErr(fmt.Errorf("the audit is incomplete: %s", strings.Join(incomplete, "; ")))
	}
	return nil
}

// auditBatch audits a list: one progress line per package on stderr, the
// output in list order, and exit 3 at the end if any failed.
func (e *env) auditBatch(ctx context.Context, a *audit.Auditor, jobs []audit.Job, listing audit.Listing, format string, w io.Writer) error {
	if a.Options.RecordEvents != "" {
		e.log.Warn("--record-events records one audit: ignored for a batch")
		a.Options.RecordEvents = ""
	}
	var mu sync.Mutex
	b := &audit.Batch{Auditor: a, Jobs: e.v.GetInt("jobs"), Progress: func(done, total int, o *audit.Outcome) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintln(e.stderr, progressLine(done, total, o))
	}}
	var ok, cached, incomplete, failed int
	first := true
	err := b.Run(ctx, jobs, func(o *audit.Outcome) error {
		switch o.Status() {
		case "ok":
			ok++
			if o.Cached() {
				cached++
			}
		case "incomplete":
			incomplete++
		default:
			failed++
		}
		if format == "jsonl" {
			rec := audit.NewRecord(o)
			listing.Stamp(rec, o.Index)
			return audit.WriteRecord(w, rec)
		}
		if !first {
			fmt.Fprintf(w, "\n%s\n\n", strings.Repeat("─", 72))
		}
		first = false
		if o.Err != nil {
			_, err := fmt.Fprintf(w, "%s: FAILED: %v\n", o.Job.Label(), o.Err)
			return err
		}
		return writeAuditText(w, o.Result)
	})
	if err != nil {
		return analysisErr(fmt.Errorf("writing the output: %w", err))
	}
	summary := fmt.Sprintf("%d packages: %d ok (%d cached), %d incomplete, %d failed", len(jobs), ok, cached, incomplete, failed)
	if ctx.Err() != nil {
		return analysisErr(fmt.Errorf("audit canceled: %s", summary))
	}
	if incomplete+failed > 0 {
		return analysisErr(errors.New(summary))
	}
	fmt.Fprintln(e.stderr, summary)
	return nil
}

// progressLine is one package's progress line: "[3/20] npm:axios@1.7.9 ok 4.2s".
func progressLine(done, total int, o *audit.Outcome) string {
	label := o.Job.Label()
	if r := o.Result; r != nil {
		label = r.Label()
		if r.Against != nil {
			label += " --against " + r.Against.Version
		}
	}
	status := o.Status()
	switch {
	case status == "ok" && o.Cached():
		status = "cached"
	case status == "failed" && o.Err != nil:
		status = "failed: " + o.Err.Error()
	}
	return fmt.Sprintf("[%d/%d] %s %s %s", done, total, label, status, o.Duration.Round(100*time.Millisecond))
}

// auditPhases are the phases an npm audit runs, in order.
var auditPhases = []string{profile.PhaseInstall, profile.PhaseImport, profile.PhaseExecute}

// pypiAuditPhases are those of a Python distribution's audit (an sdist's
// also install: its build).
var pypiAuditPhases = []string{profile.PhaseStartup, profile.PhaseImport, profile.PhaseExecute}

// writeAuditText writes one audit for people: what was audited, the
// dependency table, every package's behaviour per phase, and with
// --against the changes.
func writeAuditText(w io.Writer, r *audit.Result) error {
	var b strings.Builder
	writeAuditHeader(&b, r)
	writeImportTable(&b, r.Profile) // writePhases lists the phases, the audited package marked
	writeProblems(&b, r.Profile)
	b.WriteString("\n")
	writePhases(&b, r)
	if r.Against != nil {
		fmt.Fprintf(&b, "\nCompared with %s:\n", r.Against.Label())
		if r.Against.Profile.Incomplete {
			fmt.Fprintf(&b, "INCOMPLETE: the audit of %s is incomplete: %s\n", r.Against.Label(), problemSummary(r.Against.Profile))
		}
		var c strings.Builder
		if err := r.Changes.WriteText(&c); err != nil {
			return err
		}
		b.WriteString(c.String()) // timers included: baselines carry them
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeAuditHeader(b *strings.Builder, r *audit.Result) {
	if spec := r.Spec.String(); spec != r.Label() && !r.Spec.IsTarball() {
		fmt.Fprintf(b, "audit of %s (%s)\n", r.Label(), spec)
	} else {
		fmt.Fprintf(b, "audit of %s\n", r.Label())
	}
	switch {
	case r.Resolved != nil && r.Resolved.BuildPath() != "":
		fmt.Fprintf(b, "integrity %s (of the sdist, built in the sandbox; the wheels' sha256 checked against the index by pip and depbox)\n", r.Integrity)
	case r.Spec.IsPyPI() && r.Spec.IsTarball():
		fmt.Fprintf(b, "integrity %s (of the wheel file; its dependencies' sha256 checked against the index by pip and depbox)\n", r.Integrity)
	case r.Spec.IsPyPI():
		fmt.Fprintf(b, "integrity %s (of the wheel; every wheel's sha256 checked against the index by pip and depbox)\n", r.Integrity)
	case r.Spec.IsTarball():
		fmt.Fprintf(b, "integrity %s (of the tarball; npm's lockfile agrees)\n", r.Integrity)
	default:
		fmt.Fprintf(b, "integrity %s (checked against the registry and the lockfile)\n", r.Integrity)
	}
	if r.Cached {
		b.WriteString("result of an earlier audit of this tarball (--no-cache runs it again)\n")
	}
	b.WriteString("\n")
}

// writePhases lists, per phase, what each package did: the baseline's
// normalised items, long timers, and outcomes other than ok.
func writePhases(b *strings.Builder, r *audit.Result) {
	p := r.Profile
	b.WriteString("Behaviour by phase:\n")
	phases := auditPhases
	build := ""
	if r.Spec.IsPyPI() {
		phases = pypiAuditPhases
		if r.Resolved != nil && r.Resolved.BuildPath() != "" {
			build = r.Resolved.BuildPath()
			phases = append([]string{profile.PhaseInstall}, phases...)
		}
	}
	for _, phase := range phases {
		fmt.Fprintf(b, "  %s:\n", phase)
		shown := false
		for i := range p.Dependencies {
			d := &p.Dependencies[i]
			beh := d.Phases[phase]
			if beh == nil {
				continue
			}
			items := baseline.BehaviorItems(beh)
			if len(items) == 0 {
				continue
			}
			shown = true
			label := baseline.Label(d.Name, d.Version, d.Path)
			if phase == profile.PhaseInstall && len(d.InstallScripts) > 0 {
				label += " (" + strings.Join(d.InstallScripts, ", ") + ")"
			}
			switch d.Path {
			case r.Path:
				label += "  ← audited"
			case build:
				label += "  ← audited (its build)"
			}
			fmt.Fprintf(b, "    %s\n", label)
			for _, it := range items {
				fmt.Fprintf(b, "      %s\n", it)
			}
		}
		if !shown {
			b.WriteString("    nothing of their own\n")
		}
	}
}
