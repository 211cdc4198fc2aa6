package profiler

import (
	"fmt"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/hook"
)

// Window is one package's load in a batch process: the part of the
// process's ordered event stream between the loader's framing records,
// Kind "batch", Op "start" and "end" (Detail: i — the window's index in
// the batch, dep — the package's install path, t — the runner's token for
// the window). The packages the package requires are already loaded when
// its window starts, so everything in the window is its own; Attribute
// gives it to the package, after checks that say when it is not (see
// Run.Ambiguous).
type Window struct {
	Index      int
	Dependency string
	Token      string
	// Start and End are the framing records (End is nil while the window
	// is open, and for good when the process died in it).
	Start, End *hook.Record
	// Proc is what the batch process did in the window; Threads what its
	// threads other than the main one did there (a package's own
	// asynchronous file and name lookups, and anything a native thread
	// did); After what it did between the end and the next window's start
	// (the loader does nothing there that the stream shows).
	Proc, Threads, After *Proc
	// Children are the processes the batch process started in the window;
	// Strays those it started after the window's end.
	Children, Strays []ProcKey
	// Anomalies say how the framing did not add up (a second start of the
	// same index, an end that does not match).
	Anomalies []string
}

// Isolated returns why the loader gave up on the window, from its end
// record ("" when it did not): the runner then loaded the package in a
// process of its own.
func (w *Window) Isolated() string {
	if w.End == nil {
		return "no end record"
	}
	if l, ok := w.End.Detail["isolate"].([]any); ok && len(l) > 0 {
		return fmt.Sprint(l...)
	}
	return ""
}

// isBatch reports whether argv starts a batch process.
func isBatch(argv []string) bool {
	k, ok := runKey(argv)
	return ok && strings.HasPrefix(k.Dependency, BatchTag)
}

// targets returns the processes an event of p goes to: p itself and, in a
// batch process, the window it falls in.
func (p *Proc) targets(cd interface{ GetThreadId() int32 }) []*Proc {
	if !p.batch || len(p.Windows) == 0 {
		return []*Proc{p}
	}
	if w := p.open; w != nil {
		if cd != nil && cd.GetThreadId() != p.Key.Tgid {
			return []*Proc{p, w.Proc, w.Threads}
		}
		return []*Proc{p, w.Proc}
	}
	return []*Proc{p, p.Windows[len(p.Windows)-1].After}
}

// windowRecord takes a hook record of a batch process: a framing record
// opens or closes a window, any other belongs to the window it falls in.
func (p *Proc) windowRecord(rec hook.Record) {
	if rec.Kind != "batch" {
		if w := p.open; w != nil {
			w.Proc.Hooks = append(w.Proc.Hooks, rec)
		} else if len(p.Windows) > 0 {
			last := p.Windows[len(p.Windows)-1].After
			last.Hooks = append(last.Hooks, rec)
		}
		return
	}
	i, _ := rec.Detail["i"].(float64)
	dep, _ := rec.Detail["dep"].(string)
	tok, _ := rec.Detail["t"].(string)
	switch rec.Op {
	case "start":
		if w := p.open; w != nil {
			w.Anomalies = append(w.Anomalies, "a start record before its end")
		}
		w := &Window{Index: int(i), Dependency: dep, Token: tok, Start: &rec,
			Proc: newProc(p.Key), Threads: newProc(p.Key), After: newProc(p.Key)}
		for _, o := range p.Windows {
			if o.Index == w.Index || o.Dependency == w.Dependency {
				o.Anomalies = append(o.Anomalies, "its start record came twice")
				w.Anomalies = append(w.Anomalies, "its start record came twice")
			}
		}
		p.Windows = append(p.Windows, w)
		p.open = w
	case "end":
		w := p.open
		if w == nil || w.Index != int(i) || w.Dependency != dep || w.Token != tok {
			for _, o := range p.Windows {
				if o.Index == int(i) {
					o.Anomalies = append(o.Anomalies, "an end record that does not match its window")
				}
			}
			return
		}
		w.End = &rec
		p.open = nil
	}
}

// windowChild notes a process the batch process p started.
func (p *Proc) windowChild(k ProcKey) {
	switch {
	case p.open != nil:
		p.open.Children = append(p.open.Children, k)
	case len(p.Windows) > 0:
		last := p.Windows[len(p.Windows)-1]
		last.Strays = append(last.Strays, k)
	}
}

// windowRuns gives each window of the batch run br that the loader closed
// and vouched for a run of its own, unless the package has one already
// (the runner loaded it alone). Processes started in a window go with it.
func windowRuns(br *Run, runs map[RunKey]*Run, rootOf map[ProcKey]*Run, skip map[RunKey]bool) []*Run {
	var out []*Run
	for i, w := range br.Root.Windows {
		k := RunKey{Phase: br.Key.Phase, Dependency: w.Dependency}
		if w.Isolated() != "" || w.Dependency == "" || strings.HasPrefix(w.Dependency, BatchTag) || w.Dependency == Reference {
			continue
		}
		if _, ok := runs[k]; ok || skip[k] {
			continue
		}
		r := &Run{Key: k, Root: w.Proc, Window: w, Batch: br.Key, Exited: w.End != nil}
		if i > 0 {
			r.before = br.Root.Windows[i-1]
		}
		runs[k] = r
		for _, c := range w.Children {
			rootOf[c] = r
		}
		out = append(out, r)
	}
	return out
}

// ambiguity says why a window's run may hold what is not its package's
// own: framing that does not add up, anything the batch process did
// between windows, work on other threads that no record of the package
// explains, and records that name packages the package did not load (work
// an earlier package scheduled, or a patched global running). own is the
// run's behaviour after subtraction; sets are every run's items.
func ambiguity(r *Run, sets map[RunKey]*itemSet, a Attribution) []string {
	w := r.Window
	why := slices.Clone(w.Anomalies)
	if r.before != nil && r.before.busyAfter() {
		why = append(why, "the batch process did something between the previous window's end and this one's start")
	}
	if w.busyAfter() {
		why = append(why, "the batch process did something between this window's end and the next one's start")
	}
	allowed := map[string]bool{r.Key.Dependency: true}
	for _, l := range r.Loaded {
		allowed[l] = true
	}
	for _, rec := range w.Proc.Hooks {
		switch rec.Kind {
		case "binding", "native", "tamper":
			why = append(why, fmt.Sprintf("a %s record the loader did not act on", rec.Kind))
		}
		if name := foreign(rec, allowed); name != "" {
			why = append(why, fmt.Sprintf("a %s/%s record names %s, which it did not load", rec.Kind, rec.Op, name))
		}
	}
	// Work on other threads that subtraction leaves and no record
	// explains.
	th := newItemSet()
	th.addProc(w.Threads, false, a)
	for _, s := range subtrahends(r, sets) {
		th.subtract(s)
	}
	explained := Fold(w.Proc.Hooks, r.Key.Phase, a.TaskRoot).Explained
	for _, f := range th.files {
		if !explained["file\x00"+f.Path] {
			why = append(why, "a thread opened "+f.Path+", and no record explains it")
		}
	}
	if len(th.procs)+len(th.net)+len(th.caps) > 0 {
		why = append(why, "a thread started programs or used sockets that no record explains")
	}
	slices.Sort(why)
	return slices.Compact(why)
}

// foreign returns a package a record names (as responsible, in its call
// chain or as its asynchronous origin) that is not allowed: "" when
// there is none. A record nobody could be named for, or naming the
// function's own code, is foreign too: no package's import runs either.
func foreign(rec hook.Record, allowed map[string]bool) string {
	if rec.Kind == "error" {
		return ""
	}
	if !allowed[rec.Pkg] {
		if rec.Pkg == "" {
			return "the function's own code"
		}
		return rec.Pkg
	}
	if rec.Origin != "" && !allowed[rec.Origin] {
		return rec.Origin
	}
	for _, c := range rec.Chain {
		if c != "" && c != "…" && !allowed[c] {
			return c
		}
	}
	return ""
}

// busyAfter reports whether the batch process did anything the stream
// shows between the window's end and the next start (or its exit).
func (w *Window) busyAfter() bool {
	return len(w.After.Opens)+len(w.After.Socks)+len(w.After.Execs)+len(w.After.Hooks)+len(w.Strays) > 0
}
