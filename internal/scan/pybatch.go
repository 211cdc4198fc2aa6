package scan

import (
	"strconv"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// Batched Python imports: the same batch steps, runner and windows as for
// Node.js (batch.go), with internal/hook/pybatch.py as the loader. A
// batch item's Name is the distribution's top-level modules,
// comma-separated; its Alone step is the one-process import of pyrun.py.

// pythonStep is a step of pyrun.py: the startup or import of one
// distribution (or of the reference, profiler.Reference) in a process of
// its own.
func pythonStep(py *sandbox.Python, phase, dep, linger string, modules, pth []string) plan.Step {
	return plan.Step{Phase: phase, Dependency: dep, Program: py.Binary, Dir: plan.TaskRoot,
		Args: pythonArgs(hook.PyRunPath, profiler.Marker, phase, dep, linger, strings.Join(modules, ","), strings.Join(pth, ","))}
}

// addPythonImportBatches adds the import phase as batch steps, one level
// of at most o.Jobs of them, each a chain of distributions, leaves first
// (importChains), imported one after the other by pybatch.py.
func addPythonImportBatches(p *plan.Plan, b *bundle.Bundle, o Options, py *sandbox.Python, linger string) {
	var level []plan.Step
	for _, chain := range importChains(b, nil, o.Jobs) {
		st := plan.Step{
			Phase: profile.PhaseImport, Dependency: profiler.BatchTag, Program: py.Binary, Dir: plan.TaskRoot,
			Args: pythonArgs(hook.PyBatchPath, profiler.Marker, profile.PhaseImport, profiler.BatchTag),
		}
		for _, pkg := range chain {
			st.Batch = append(st.Batch, plan.BatchItem{Dependency: pkg.Path, Dir: plan.TaskRoot, Name: strings.Join(pkg.Modules, ","),
				Alone: pythonStep(py, profile.PhaseImport, pkg.Path, linger, pkg.Modules, nil)})
		}
		level = append(level, st)
	}
	if len(level) > 0 {
		p.Levels = append(p.Levels, level)
	}
}

// pythonAlonePlan imports each distribution of keys in a process of its
// own, in the same world as the main run: the distributions whose batch
// windows the profiler could not vouch for.
func pythonAlonePlan(b *bundle.Bundle, o Options, py *sandbox.Python, keys []string) (*plan.Plan, error) {
	p := basePlan(o)
	p.Node = py.Binary
	p.UID, p.GID = plan.SandboxUID, plan.SandboxGID
	if err := addPythonWorld(p, b, o, py); err != nil {
		return nil, err
	}
	linger := strconv.Itoa(p.LingerMS)
	var level []plan.Step
	for _, k := range keys {
		pkg := b.Package(k)
		if pkg == nil {
			continue
		}
		level = append(level, pythonStep(py, profile.PhaseImport, k, linger, pkg.Modules, nil))
	}
	p.Levels = [][]plan.Step{level}
	return p, nil
}
