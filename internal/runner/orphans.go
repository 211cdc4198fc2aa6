package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"
)

// orphanLinger is how long processes that left a step's process group (a
// daemon started detached: setsid, nohup … &) may go on after the level's
// steps ended. The runner is the sandbox's first process, so they are its
// orphans; their events are the step's by ancestry in the event stream,
// but only while they run: a detached payload needs a moment (a node
// start-up under gVisor) before it does anything.
const orphanLinger = 5 * time.Second

// settleOrphans waits up to limit for the runner's orphans to end, then
// kills what is left, reaps them, and returns a warning and the pid of
// each killed one. Call it only while no step runs: it reaps any child.
func settleOrphans(limit time.Duration) (warnings []string, killed []int) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if len(orphans()) == 0 {
			reap()
			return nil, nil
		}
		reap()
		time.Sleep(50 * time.Millisecond)
	}
	for _, o := range orphans() {
		_ = syscall.Kill(o.pid, syscall.SIGKILL)
		killed = append(killed, o.pid)
		warnings = append(warnings, fmt.Sprintf("process %d (%s), started by a step and detached from it, was still running %s after the steps ended and was killed: what it would have done next was not seen", o.pid, o.comm, limit))
	}
	time.Sleep(20 * time.Millisecond)
	reap()
	return warnings, killed
}

type orphan struct {
	pid  int
	comm string
}

// orphans lists the live processes that descend from the runner (itself
// excluded). In the sandbox the runner is the first process, so that is
// every other process there; run on a host (the benchmarks' native plans)
// it must never list, and so kill, anything but what its steps started:
// other processes of the machine are not its descendants.
func orphans() []orphan {
	self := os.Getpid()
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	type proc struct {
		ppid int
		comm string
	}
	procs := map[int]proc{}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue // ended meanwhile
		}
		comm, fields, ok := procStat(string(b))
		if !ok || len(fields) < 2 || fields[0] == "Z" || fields[0] == "X" {
			continue
		}
		ppid, err := strconv.Atoi(fields[1])
		if err != nil {
			continue
		}
		procs[pid] = proc{ppid: ppid, comm: comm}
	}
	descends := func(pid int) bool {
		for n := 0; n < len(procs)+1; n++ { // bounded: a pid reused in a cycle cannot loop
			p, ok := procs[pid]
			if !ok {
				return false
			}
			if p.ppid == self {
				return true
			}
			pid = p.ppid
		}
		return false
	}
	var out []orphan
	for pid, p := range procs {
		if descends(pid) {
			out = append(out, orphan{pid: pid, comm: p.comm})
		}
	}
	slices.SortFunc(out, func(a, b orphan) int { return a.pid - b.pid })
	return out
}

// reap collects the exit status of every ended child (orphans are
// reparented to the runner).
func reap() {
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
		if pid <= 0 || err != nil {
			return
		}
	}
}
