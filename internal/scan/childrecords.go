package scan

import (
	"slices"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profiler"
)

// runRecords returns the hook records of every run, process by process
// (for profiler.FoldTree: each process numbers its records on its own),
// with the records of every process a package started that name nobody
// given to that package. The runs are left as they are.
//
// A `python -c` or `node -e` child runs code that is no file of the
// bundle, so its hook has no frame to name anyone by, yet the process
// tree says whose it is: the package whose child-process record started
// the process, or an ancestor of it below the run's root (processOwners:
// the record's command line matched with the execve's, so a missing or
// forged record names nobody rather than the wrong package). Records
// that name a package (a distribution's code the child ran), the
// function's own code, and the hook's error records stay as they are;
// so do processes no record started. Without it a dependency's child
// was charged to the function in the invoke phase (the function process
// is split by the names records give) and lost in the import phase (a
// package's run keeps the records naming it).
func runRecords(runs map[profiler.RunKey]*profiler.Run) map[profiler.RunKey][][]hook.Record {
	out := make(map[profiler.RunKey][][]hook.Record, len(runs))
	for k, run := range runs {
		if run == nil {
			continue
		}
		if len(run.Procs) == 0 {
			out[k] = [][]hook.Record{run.Hooks}
			continue
		}
		var owners map[profiler.ProcKey]string
		if len(run.Procs) > 1 && run.Root != nil {
			owners = processOwners(run)
		}
		procs := make([][]hook.Record, 0, len(run.Procs))
		for _, pr := range run.Procs {
			recs := pr.Hooks
			if owner, ok := owners[pr.Key]; ok && owner != hook.Unknown {
				recs = slices.Clone(recs)
				for i, r := range recs {
					if r.Pkg == hook.Unknown && r.Kind != "error" {
						recs[i].Pkg = owner
					}
				}
			}
			procs = append(procs, recs)
		}
		out[k] = procs
	}
	return out
}
