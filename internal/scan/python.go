package scan

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// The Python pipeline: the same plan, sandbox, profiler and records as for
// Node.js, with CPython in the rootfs, pyhook.py instead of hook.js, and
// a startup phase for the .pth files of the bundle's site directories.

// DefaultPython is the host interpreter copied into the rootfs.
const DefaultPython = "/usr/bin/python3"

// pythonArgs start a Python loader from its byte code (pyCompiled): -S so
// that the hook is loaded before site (and before any .pth file), -B so
// that nothing tries to write byte code into the read-only bundle.
func pythonArgs(script string, rest ...string) []string {
	return append([]string{"-S", "-B", script + "c"}, rest...)
}

// pyCompiledMemo holds the byte code of depbox's Python files by
// interpreter and sources.
var pyCompiledMemo sync.Map

// pyCompiled is hook.PyCompile, once per interpreter and set of sources.
func pyCompiled(python string, files map[string][]byte) (map[string][]byte, error) {
	h := sha256.New()
	h.Write([]byte(python))
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", name, len(files[name]))
		h.Write(files[name])
	}
	key := string(h.Sum(nil))
	if v, ok := pyCompiledMemo.Load(key); ok {
		return v.(map[string][]byte), nil
	}
	out, err := hook.PyCompile(context.Background(), python, files)
	if err != nil {
		return nil, err
	}
	pyCompiledMemo.Store(key, out)
	return out, nil
}

// pythonRootfs is the rootfs of a Python scan: the Node.js one plus CPython.
func pythonRootfs(o Options) (sandbox.RootfsSpec, *sandbox.Python, error) {
	spec := RootfsSpec(o.Node)
	py, err := spec.AddPython(o.pythonBinary())
	return spec, py, err
}

func (o Options) pythonBinary() string {
	if o.Python != "" {
		return o.Python
	}
	return DefaultPython
}

// pythonEnv is the environment the Lambda Python runtime gives a function,
// beside the variables every runtime gets.
func pythonEnv(b *bundle.Bundle, o Options, py *sandbox.Python) []string {
	target := b.Target
	if target == "" {
		target = "python" + py.Version
	}
	var env []string
	for _, kv := range lambdaEnv(b, o) {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "NODE_PATH":
		case "AWS_EXECUTION_ENV":
			env = append(env, "AWS_EXECUTION_ENV=AWS_Lambda_"+target)
		default:
			env = append(env, kv)
		}
	}
	return append(env, "PYTHONPATH="+strings.Join(pythonSysPath(b), ":"))
}

// pythonSysPath is what the Lambda runtime puts first on sys.path: the task
// root, then a layer's site directories.
func pythonSysPath(b *bundle.Bundle) []string {
	out := []string{plan.TaskRoot}
	sites := slices.Clone(b.SiteDirs)
	slices.SortStableFunc(sites, func(x, y string) int { return len(y) - len(x) }) // site-packages before python/
	for _, s := range sites {
		if s != "" {
			out = append(out, path.Join(plan.TaskRoot, s))
		}
	}
	return out
}

// minimalOwners keeps the entries of an ownership map that their parent
// directory's entry does not already imply.
func minimalOwners(owners map[string]string) map[string]string {
	out := map[string]string{}
	for p, o := range owners {
		if d := path.Dir(p); d != "." && owners[d] == o {
			continue
		}
		out[p] = o
	}
	return out
}

// addPythonWorld gives a plan the Python hook, its configuration, Lambda's
// Python environment, the canaries, the bait files and the fake internet.
func addPythonWorld(p *plan.Plan, b *bundle.Bundle, o Options, py *sandbox.Python) error {
	if p.Files == nil {
		p.Files = map[string][]byte{}
	}
	files := hook.PyFiles()
	if o.NoHook {
		files[path.Base(hook.PyHookPath)] = []byte("# depbox: the hook is off for this scan\n")
	}
	compiled, err := pyCompiled(o.pythonBinary(), files)
	if err != nil {
		return err
	}
	for name, content := range files {
		p.Files[plan.ControlDir+"/"+name] = content
	}
	for name, content := range compiled {
		p.Files[plan.ControlDir+"/"+name] = content
	}
	if err := setPyConfig(p, pyConfig(b, py)); err != nil {
		return err
	}
	p.Env = append(p.Env, pythonEnv(b, o, py)...)
	p.Env = append(p.Env, o.Canaries.Env()...)
	addBait(p, o)
	return addFakeNet(p, o)
}

// pyConfig is the Python hook's configuration for a run of b.
func pyConfig(b *bundle.Bundle, py *sandbox.Python) hook.PyConfig {
	return hook.PyConfig{
		TaskRoot: plan.TaskRoot, Owners: minimalOwners(b.OwnedFiles()),
		SysPath: pythonSysPath(b), Stdlib: []string{py.Stdlib},
	}
}

// setPyConfig places cfg in the plan's control directory.
func setPyConfig(p *plan.Plan, cfg hook.PyConfig) error {
	data, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	p.Files[hook.PyConfigPath] = data
	return nil
}

// PythonPlan makes the main run of a Python bundle: the startup phase (one
// process per distribution that installed .pth files, running them as site
// does), the import phase (the reference process, then the distributions,
// leaves first, each importing its top-level modules: many per process —
// or one process per distribution with o.IsolateImports) and, with
// events, the invoke phase. o.Canaries must be set.
func PythonPlan(b *bundle.Bundle, o Options, events []event.Event, py *sandbox.Python) (*plan.Plan, error) {
	o.defaults()
	p := basePlan(o)
	p.Node = py.Binary
	p.UID, p.GID = plan.SandboxUID, plan.SandboxGID
	if err := addPythonWorld(p, b, o, py); err != nil {
		return nil, err
	}
	linger := strconv.Itoa(p.LingerMS)
	step := func(phase, dep string, modules, pth []string) plan.Step {
		return pythonStep(py, phase, dep, linger, modules, pth)
	}
	var startup []plan.Step
	for _, pkg := range b.Packages {
		if len(pkg.Pth) > 0 {
			startup = append(startup, step(profile.PhaseStartup, pkg.Path, nil, pkg.Pth))
		}
	}
	if len(startup) > 0 {
		p.Levels = append(p.Levels, []plan.Step{step(profile.PhaseStartup, profiler.Reference, nil, nil)}, startup)
	}
	p.Levels = append(p.Levels, []plan.Step{step(profile.PhaseImport, profiler.Reference, nil, nil)})
	if o.batchedImports() {
		addPythonImportBatches(p, b, o, py, linger)
	} else {
		for _, level := range b.Levels() {
			var steps []plan.Step
			for _, pkg := range level {
				steps = append(steps, step(profile.PhaseImport, pkg.Path, pkg.Modules, nil))
			}
			if len(steps) > 0 {
				p.Levels = append(p.Levels, steps)
			}
		}
	}
	if len(o.Execute) > 0 {
		steps, err := pythonExecuteSteps(b, o, py, linger)
		if err != nil {
			return nil, err
		}
		p.Levels = append(p.Levels, steps)
	}
	if len(events) > 0 && b.Handler != "" {
		if err := pythonInvokeStep(p, b, o, events, py); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// pythonExecuteSteps are the execute phase of audits: for each
// distribution of o.Execute, a process that imports its top-level modules
// and calls the public functions and classes they define with generated
// arguments (pyexec.py, the counterpart of execute.js), each call bounded
// by o.CallTimeout.
func pythonExecuteSteps(b *bundle.Bundle, o Options, py *sandbox.Python, linger string) ([]plan.Step, error) {
	var steps []plan.Step
	for _, ip := range o.Execute {
		pkg := b.Package(ip)
		if pkg == nil {
			return nil, fmt.Errorf("execute phase: no distribution installed at %s", ip)
		}
		steps = append(steps, plan.Step{Phase: profile.PhaseExecute, Dependency: ip, Program: py.Binary, Dir: plan.TaskRoot,
			Args: pythonArgs(hook.PyExecPath, profiler.Marker, profile.PhaseExecute, ip, linger, strings.Join(pkg.Modules, ","),
				strconv.Itoa(int(o.CallTimeout.Milliseconds())), callArgs.json())})
	}
	return steps, nil
}

// pythonInvokeStep adds the invoke phase: the handler's module imported
// once and the handler called with every event (warm reuse).
func pythonInvokeStep(p *plan.Plan, b *bundle.Bundle, o Options, events []event.Event, py *sandbox.Python) error {
	if err := invokeStep(p, b, o, events); err != nil {
		return err
	}
	last := p.Levels[len(p.Levels)-1]
	last[0].Program = py.Binary
	last[0].Args = pythonArgs(hook.PyInvokePath, profiler.Marker, profile.PhaseInvoke, Function, hook.InvokeConfigPath)
	return nil
}

// pythonProblems says what a Python scan could not do as the bundle asks.
func pythonProblems(p *profile.Profile, b *bundle.Bundle, py *sandbox.Python) {
	if b.Target != "" && b.Target != "python"+py.Version {
		p.AddProblem(profile.Problem{Code: "runtime-version",
			Message: fmt.Sprintf("the bundle targets %s but the sandbox runs Python %s (the host's, --python): compiled extensions built for %s may fail to import there", b.Target, py.Version, b.Target)})
	}
}
