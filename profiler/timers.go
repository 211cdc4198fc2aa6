package profiler

import (
	"fmt"
	"strings"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
)

// timerFold follows the hook's timer records of one process: each
// brought-forward timer site (the hook's id) with whether its callback
// fired, and what the callback's synchronous part did — the records
// between its "fired" and "done", per thread.
type timerFold struct {
	sites map[int]*timerSite
	order []int
	open  map[int]*timerSite // thread → the site whose callback is running
}

type timerSite struct {
	pkg     string
	delay   int64
	forward bool
	fired   bool
	cleared bool
	unfired int
	did     []string
}

func newTimerFold() *timerFold {
	return &timerFold{sites: map[int]*timerSite{}, open: map[int]*timerSite{}}
}

// site returns the site a timer record names, created on first sight.
func (t *timerFold) site(pkg string, r hook.Record) *timerSite {
	id := num(r.Detail, "id")
	if id == 0 {
		// A record of a hook without ids: a site of its own.
		id = -len(t.order) - 1
	}
	s := t.sites[id]
	if s == nil {
		s = &timerSite{pkg: pkg}
		t.sites[id] = s
		t.order = append(t.order, id)
	}
	if ms := num(r.Detail, "delay_ms"); ms > 0 {
		s.delay = int64(ms)
	}
	return s
}

// timer applies a record of kind "timer".
func (t *timerFold) timer(pkg string, r hook.Record) {
	switch r.Op {
	case "brought-forward":
		t.site(pkg, r).forward = true
	case "fired":
		s := t.site(pkg, r)
		s.fired, s.forward = true, true
		t.open[r.Thread] = s
	case "done":
		delete(t.open, r.Thread)
	case "cleared", "untracked":
		t.site(pkg, r).cleared = true
	case "unfired":
		s := t.site(pkg, r)
		s.forward = true
		s.unfired += max(num(r.Detail, "pending"), 1)
	}
}

// observe notes what a record did while a delayed callback runs on its
// thread.
func (t *timerFold) observe(r hook.Record, taskRoot string) {
	s := t.open[r.Thread]
	if s == nil || r.Kind == "timer" {
		return
	}
	if what := timerAction(r, taskRoot); what != "" && len(s.did) < 20 {
		s.did = append(s.did, what)
	}
}

// timerAction summarises a record for Timer.Did; "" for records that say
// nothing about what the code did to the outside (reads of its own files,
// stats, the harness).
func timerAction(r hook.Record, taskRoot string) string {
	d := r.Detail
	switch r.Kind {
	case "fs":
		acc := fsAccess(r.Op)
		if acc == profile.AccessStat || acc == profile.AccessList {
			return ""
		}
		return "file-" + acc + " " + NormalizePath(absPath(str(d, "path", "file"), taskRoot))
	case "dns":
		return "dns " + strings.TrimSuffix(strings.ToLower(str(d, "hostname", "host", "name")), ".")
	case "net", "http":
		if r.Op == "connect" || r.Op == "request" || r.Op == "fetch" {
			return fmt.Sprintf("network %s:%d", strings.ToLower(str(d, "host", "hostname", "servername", "address", "path")), num(d, "port"))
		}
	case "child":
		return "process " + strings.Join(strs(d, "argv"), " ")
	case "env":
		if n := str(d, "name"); n != "" {
			return "env " + n
		}
	case "eval", "native", "binding", "worker":
		return r.Kind
	}
	return ""
}

// into adds each site as a Timer of the package that set it.
func (t *timerFold) into(behaviors map[string]*profile.Behavior) {
	for _, id := range t.order {
		s := t.sites[id]
		if s.delay <= 0 {
			continue
		}
		b := behaviors[s.pkg]
		if b == nil {
			b = &profile.Behavior{}
			behaviors[s.pkg] = b
		}
		tm := profile.Timer{DelayMS: s.delay, BroughtForward: s.forward, Did: s.did}
		if s.forward && !s.fired && !s.cleared {
			// Brought forward, never fired nor cleared: the process ended
			// first (the hook's exit report may be missing when it ended
			// without an exit event).
			tm.Unfired = max(s.unfired, 1)
		}
		b.Timers = append(b.Timers, tm)
	}
}
