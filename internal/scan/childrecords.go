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
// so do processes no record started. A program a process exec'd into in
// place (os.execv without a fork) is the package's whose exec record the
// program before it sent (chargeProcess). Without this a dependency's
// child was charged to the function in the invoke phase (the function
// process is split by the names records give) and lost in the import
// phase (a package's run keeps the records naming it).
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
			owner, ok := owners[pr.Key]
			if !ok {
				owner = hook.Unknown
			}
			procs = append(procs, chargeProcess(pr, owner))
		}
		out[k] = procs
	}
	return out
}

// chargeProcess returns pr's records, those that name nobody given to the
// package that started the program sending them: the one whose exec
// record, sent by an earlier program of the same process, has the
// program's command line (os.exec* replaces a process's program: no new
// process for a child record to name), else owner, the package that
// started the process ("" the function, hook.Unknown nobody).
func chargeProcess(pr *profiler.Proc, owner string) []hook.Record {
	type execRec struct {
		image int
		argv  []string
		pkg   string
	}
	var execs []execRec
	out := pr.Hooks
	cloned := false
	for i, r := range pr.Hooks {
		img, argv := pr.HookImage(i)
		who := owner
		for j := len(execs) - 1; j >= 0 && img > 0; j-- {
			if e := execs[j]; e.image < img && argvMatches(e.argv, argv) {
				who = e.pkg
				break
			}
		}
		if r.Pkg == hook.Unknown && r.Kind != "error" && who != hook.Unknown {
			if !cloned {
				out, cloned = slices.Clone(pr.Hooks), true
			}
			out[i].Pkg = who
		}
		if r.Kind == "child" && r.Op == "exec" && img >= 0 {
			execs = append(execs, execRec{img, recordArgv(r), out[i].Pkg})
		}
	}
	return out
}
