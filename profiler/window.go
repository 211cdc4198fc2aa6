package profiler

import (
	"cmp"
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

// batchLog is what a batch process did besides its markers, in stream
// order, each event with its place among the markers: the windows are cut
// from it once the markers are verified (Recorder.Procs), so that only
// genuine framing records cut them.
type batchLog struct {
	image  int      // the batch program's image; only its records frame
	argv   []string // its argv: the run's key, whatever the process execs later
	events []batchEvent
}

// batchEvent is one event of a batch process: an open, an exec (index+1
// into Proc.Execs), a connect or bind (index+1 into Proc.Socks) or a
// process it started.
type batchEvent struct {
	at    int // len(Proc.markers) when it happened
	tid   int32
	open  *openEvent
	exec  int
	sock  int
	child ProcKey
}

type openEvent struct {
	key, name           string
	read, write, failed bool
	errno               string
}

// logEvent notes an event of a batch process.
func (p *Proc) logEvent(cd interface{ GetThreadId() int32 }, e batchEvent) {
	if p.batch == nil {
		return
	}
	e.at = len(p.markers)
	if cd != nil {
		e.tid = cd.GetThreadId()
	}
	p.batch.events = append(p.batch.events, e)
}

// apply adds the event to t.
func (e batchEvent) apply(p, t *Proc) {
	switch {
	case e.open != nil:
		o := e.open
		t.addOpen(o.key, o.name, o.read, o.write, o.failed, o.errno)
	case e.exec > 0:
		t.Execs = append(t.Execs, p.Execs[e.exec-1])
	case e.sock > 0:
		t.Socks = append(t.Socks, p.Socks[e.sock-1])
	}
}

// cutWindows cuts a batch process's stream into windows at its verified
// framing records: records of kind "batch" that the batch program's main
// thread sent with the proof of its key. Any other record between a
// window's start and end is the window's; a forged marker there, or a
// "batch" record that does not frame, is an anomaly that makes the window
// ambiguous. Forged framing records move nothing.
//
// unhooked (Recorder.FrameUnhookedBatches) takes framing records without
// proof from an unhooked batch program instead.
func (p *Proc) cutWindows(unhooked bool) {
	p.Windows = nil
	if p.batch == nil {
		return
	}

	forged := make([]int, len(p.forgedAt)) // indices into Forged, in stream order
	for i := range forged {
		forged[i] = i
	}
	slices.SortStableFunc(forged, func(a, b int) int { return cmp.Compare(p.forgedAt[a], p.forgedAt[b]) })
	var open *Window
	anomaly := func(why string) {
		switch {
		case open != nil:
			open.Anomalies = append(open.Anomalies, why)
		case len(p.Windows) > 0:
			last := p.Windows[len(p.Windows)-1]
			last.Anomalies = append(last.Anomalies, why+" after its end")
		}
	}
	record := func(rec *hook.Record, at markerAt) {
		if rec.Kind != "batch" {
			if open != nil {
				open.Proc.Hooks = append(open.Proc.Hooks, *rec)
			} else if len(p.Windows) > 0 {
				last := p.Windows[len(p.Windows)-1].After
				last.Hooks = append(last.Hooks, *rec)
			}
			return
		}
		if at.image != p.batch.image || at.tid != p.Key.Tgid {
			anomaly(fmt.Sprintf("a batch/%s record from a thread or program other than the batch loader's", rec.Op))
			return
		}
		i64, _ := rec.Detail["i"].(float64)
		idx := int(i64)
		dep, _ := rec.Detail["dep"].(string)
		tok, _ := rec.Detail["t"].(string)
		switch rec.Op {
		case "start":
			if open != nil {
				open.Anomalies = append(open.Anomalies, "a start record before its end")
			}
			w := &Window{Index: idx, Dependency: dep, Token: tok, Start: rec,
				Proc: newProc(p.Key), Threads: newProc(p.Key), After: newProc(p.Key)}
			for _, o := range p.Windows {
				if o.Index == w.Index || o.Dependency == w.Dependency {
					o.Anomalies = append(o.Anomalies, "its start record came twice")
					w.Anomalies = append(w.Anomalies, "its start record came twice")
				}
			}
			p.Windows = append(p.Windows, w)
			open = w
		case "end":
			if open == nil || open.Index != idx || open.Dependency != dep || open.Token != tok {
				for _, o := range p.Windows {
					if o.Index == idx {
						o.Anomalies = append(o.Anomalies, "an end record that does not match its window")
					}
				}
				return
			}
			open.End = rec
			open = nil
		default:
			anomaly("a batch/" + rec.Op + " record")
		}
	}
	forgery := func(j int) {
		f := &p.Forged[j]
		// (A Python loader is trusted by its argv, hook or not: without
		// the hook it announces no key.)
		if mk := p.markers[p.forgedAt[j]]; unhooked && f.Record.Kind == "batch" && mk.image >= 0 &&
			(f.Reason == ForgedUnhooked && !p.images[mk.image].trusted || f.Reason == ForgedNoKey) {
			record(&f.Record, markerAt{idx: p.forgedAt[j], image: mk.image, tid: mk.tid})
			return
		}
		switch {
		case open != nil:
			f.Window = open.Dependency
			open.Anomalies = append(open.Anomalies, "a forged hook record ("+f.Reason+")")
		case len(p.Windows) > 0:
			last := p.Windows[len(p.Windows)-1].After
			last.Forged = append(last.Forged, *f)
		}
	}
	event := func(e batchEvent) {
		switch {
		case open != nil:
			if e.child != (ProcKey{}) {
				open.Children = append(open.Children, e.child)
				return
			}
			e.apply(p, open.Proc)
			if e.tid != p.Key.Tgid {
				e.apply(p, open.Threads)
			}
		case len(p.Windows) > 0:
			last := p.Windows[len(p.Windows)-1]
			if e.child != (ProcKey{}) {
				last.Strays = append(last.Strays, e.child)
				return
			}
			e.apply(p, last.After)
		}
	}
	// Merge the records, forgeries and events in stream order: marker k
	// comes before every event with at > k.
	hi, fi := 0, 0
	upTo := func(at int) {
		for {
			nextRec, nextForged := len(p.markers), len(p.markers)
			if hi < len(p.hookAt) {
				nextRec = p.hookAt[hi].idx
			}
			if fi < len(forged) {
				nextForged = p.forgedAt[forged[fi]]
			}
			if min(nextRec, nextForged) >= at {
				return
			}
			if nextRec < nextForged {
				record(&p.Hooks[hi], p.hookAt[hi])
				hi++
			} else {
				forgery(forged[fi])
				fi++
			}
		}
	}
	for _, e := range p.batch.events {
		upTo(e.at)
		event(e)
	}
	upTo(len(p.markers))
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
	return len(w.After.Opens)+len(w.After.Socks)+len(w.After.Execs)+len(w.After.Hooks)+len(w.After.Forged)+len(w.Strays) > 0
}
