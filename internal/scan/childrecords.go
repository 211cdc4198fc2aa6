package scan

import (
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profiler"
)

// chargeChildRecords gives the hook records of every process a package
// started, that name nobody, to that package: a `python -c` or `node -e`
// child runs code that is no file of the bundle, so its hook has no frame
// to name anyone by, yet the process tree says whose it is. The owner of a
// process is the package whose child-process record started it, or
// started an ancestor of it below the run's root (processOwners: the
// record's command line matched with the execve's), so a forged or missing
// record names nobody rather than the wrong package. Records that name a
// package (code of a distribution the child ran), the function's own code,
// and the hook's error records are left as they are; processes no record
// started keep their records unattributed.
//
// It rewrites run.Hooks, which are the run's own copies of its processes'
// records, in every phase: an import run keeps only the records naming its
// package, and the invoke run splits the function process by package, so
// without it a dependency's child is lost in the first and charged to the
// function in the second.
func chargeChildRecords(run *profiler.Run) {
	if run == nil || run.Root == nil || len(run.Procs) < 2 {
		return
	}
	owners := processOwners(run)
	if len(owners) == 0 {
		return
	}
	hooks := make([]hook.Record, 0, len(run.Hooks))
	for _, pr := range run.Procs {
		owner, ok := owners[pr.Key]
		for _, r := range pr.Hooks {
			if ok && owner != hook.Unknown && r.Pkg == hook.Unknown && r.Kind != "error" {
				r.Pkg = owner
			}
			hooks = append(hooks, r)
		}
	}
	if len(hooks) == len(run.Hooks) {
		run.Hooks = hooks
	}
}
