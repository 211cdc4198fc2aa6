package runner

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// spawnWatch follows the processes a step's process group starts, for the
// watchdog's deadlines that may be extended while the step keeps starting
// them (a "progress" status line): the execute harness waiting for a
// promise whose continuations run chains of execSync cannot report while
// its event loop is blocked, but every program it runs is a process the
// sandbox's event stream sees. A process is new when its pid is higher
// than any the group had before (pids are handed out in increasing order).
type spawnWatch struct {
	pgid int
	mu   sync.Mutex
	high int       // highest pid seen in the group
	at   time.Time // when it was first seen
	stop chan struct{}
	done chan struct{}
}

// spawnPoll is how often the group's processes are listed: short enough
// that the execute harness's children (each lives ~100 ms or more in
// the sandbox) are seen, long enough to cost nothing.
const spawnPoll = 100 * time.Millisecond

// watchSpawns starts following the process group pgid.
func watchSpawns(pgid int) *spawnWatch {
	s := &spawnWatch{pgid: pgid, high: pgid, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(spawnPoll)
		defer t.Stop()
		for {
			s.observe(groupHighestPid(pgid), time.Now())
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// observe records the group's highest live pid at time now.
func (s *spawnWatch) observe(high int, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if high > s.high {
		s.high, s.at = high, now
	}
}

// lastSpawn is when the group was last seen with a new process (zero when
// never).
func (s *spawnWatch) lastSpawn() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.at
}

func (s *spawnWatch) close() {
	close(s.stop)
	<-s.done
}

// groupHighestPid is the highest pid of the live processes in process
// group pgid (0 when /proc cannot be read).
func groupHighestPid(pgid int) int {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	high := 0
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid <= high {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // ended meanwhile
		}
		if g, ok := statPgrp(string(b)); ok && g == pgid {
			high = pid
		}
	}
	return high
}

// statPgrp reads the process group from a /proc/PID/stat line.
func statPgrp(s string) (int, bool) {
	_, f, ok := procStat(s)
	if !ok || len(f) < 3 {
		return 0, false
	}
	g, err := strconv.Atoi(f[2])
	return g, err == nil
}

// procStat splits a /proc/PID/stat line, "pid (comm) state ppid pgrp …",
// into the command name and the fields after it, the state first; comm
// may hold spaces and parentheses.
func procStat(s string) (comm string, fields []string, ok bool) {
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < open || end+2 >= len(s) {
		return "", nil, false
	}
	return s[open+1 : end], strings.Fields(s[end+2:]), true
}
