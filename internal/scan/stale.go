package scan

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/depbox/depbox/sandbox"
)

// Work directories and sandbox ids carry their owner: "depbox-<pid>-<start>-…",
// the pid of the depbox process and its start time (clock ticks after boot,
// /proc/<pid>/stat field 22), so that what a killed depbox left behind can
// be told — with certainty — from what a running one is using.

// ownerTag is this process's "<pid>-<start>".
func ownerTag() string {
	pid := os.Getpid()
	return fmt.Sprintf("%d-%d", pid, procStart(pid))
}

// procStart returns a process's start time, or 0 when it does not exist.
func procStart(pid int) uint64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name (field 2) is in parentheses and may hold spaces.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return 0
	}
	n, _ := strconv.ParseUint(f[19], 10, 64) // field 22: starttime
	return n
}

// ownerGone parses "depbox-<pid>-<start>-…" and reports whether that process
// has ended. Names without an owner (older depbox versions) are not judged.
func ownerGone(name string) (gone, known bool) {
	parts := strings.SplitN(strings.TrimPrefix(name, "depbox-"), "-", 3)
	if !strings.HasPrefix(name, "depbox-") || len(parts) < 3 {
		return false, false
	}
	pid, err1 := strconv.Atoi(parts[0])
	start, err2 := strconv.ParseUint(parts[1], 10, 64)
	if err1 != nil || err2 != nil || pid <= 0 || start == 0 {
		return false, false
	}
	return procStart(pid) != start, true
}

// Leftover is what an ended depbox left: a work directory (the staged
// bundle, runsc's state), the cgroups of its sandboxes, or both.
type Leftover struct {
	// Owner is "<pid>-<start>" of the depbox that made it.
	Owner string
	// Dirs are its work directory and any socket directory.
	Dirs []string
	// Sandboxes maps sandbox ids to their cgroup directories.
	Sandboxes map[string][]string
}

func (l Leftover) String() string {
	var what []string
	for _, d := range l.Dirs {
		what = append(what, "directory "+d)
	}
	for id, cg := range l.Sandboxes {
		what = append(what, fmt.Sprintf("sandbox %s (%d cgroup directories)", id, len(cg)))
	}
	return fmt.Sprintf("left by depbox process %s, which has ended: %s", l.Owner, strings.Join(what, ", "))
}

// Leftovers finds what depbox processes that have ended (killed, say)
// left in the work directory base (see WorkBase) and in the cgroup
// hierarchies. Nothing whose owner is alive, or cannot be told, is listed.
func Leftovers(base string) ([]Leftover, error) {
	byOwner := map[string]*Leftover{}
	get := func(name string) *Leftover {
		parts := strings.SplitN(strings.TrimPrefix(name, "depbox-"), "-", 3)
		owner := parts[0] + "-" + parts[1]
		if byOwner[owner] == nil {
			byOwner[owner] = &Leftover{Owner: owner, Sandboxes: map[string][]string{}}
		}
		return byOwner[owner]
	}
	var errs []error
	// Work directories, and the short socket directories of long work
	// directory paths, which are always in the default base.
	bases := []string{WorkBase(base)}
	if WorkBase("") != bases[0] {
		bases = append(bases, WorkBase(""))
	}
	for _, b := range bases {
		entries, err := os.ReadDir(b)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
		for _, e := range entries {
			if !e.IsDir() || !strings.HasPrefix(e.Name(), "depbox-") {
				continue
			}
			if gone, known := ownerGone(e.Name()); known && gone {
				l := get(e.Name())
				l.Dirs = append(l.Dirs, filepath.Join(b, e.Name()))
			}
		}
	}
	ids, err := sandbox.CgroupIDs()
	if err != nil {
		errs = append(errs, err)
	}
	for id, dirs := range ids {
		if gone, known := ownerGone(id); known && gone {
			get(id).Sandboxes[id] = dirs
		}
	}
	out := make([]Leftover, 0, len(byOwner))
	for _, l := range byOwner {
		out = append(out, *l)
	}
	return out, errors.Join(errs...)
}

// RemoveLeftovers removes leftovers: each sandbox (container, processes,
// cgroups), then the work directory.
func RemoveLeftovers(runsc string, ls []Leftover) error {
	var errs []error
	for _, l := range ls {
		for id, cg := range l.Sandboxes {
			state := ""
			for _, d := range l.Dirs {
				if strings.HasPrefix(id, filepath.Base(d)+"-") {
					state = filepath.Join(d, "runsc-state")
				}
			}
			if err := sandbox.RemoveLeftover(runsc, state, id, cg); err != nil {
				errs = append(errs, err)
			}
		}
		for _, d := range l.Dirs {
			if err := os.RemoveAll(d); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// SettledLeftovers is Leftovers looked at twice, pause apart, keeping what
// both saw: a depbox that has just ended normally may leave its sandbox's
// cgroups for a moment while runsc finishes tearing it down (seen when
// doctor runs beside other scans), which is not a leftover. What a killed
// depbox left stays for good and is in both.
func SettledLeftovers(base string, pause time.Duration) ([]Leftover, error) {
	first, err := Leftovers(base)
	if err != nil || len(first) == 0 {
		return first, err
	}
	time.Sleep(pause)
	second, err := Leftovers(base)
	return inBoth(first, second), err
}

// inBoth returns the parts of the leftovers in a that are also in b.
func inBoth(a, b []Leftover) []Leftover {
	later := map[string]Leftover{}
	for _, l := range b {
		later[l.Owner] = l
	}
	var out []Leftover
	for _, l := range a {
		m, ok := later[l.Owner]
		if !ok {
			continue
		}
		k := Leftover{Owner: l.Owner, Sandboxes: map[string][]string{}}
		for _, d := range l.Dirs {
			if slices.Contains(m.Dirs, d) {
				k.Dirs = append(k.Dirs, d)
			}
		}
		for id, cg := range l.Sandboxes {
			if mcg, ok := m.Sandboxes[id]; ok {
				k.Sandboxes[id] = slices.DeleteFunc(slices.Clone(cg), func(d string) bool { return !slices.Contains(mcg, d) })
			}
		}
		if len(k.Dirs) > 0 || len(k.Sandboxes) > 0 {
			out = append(out, k)
		}
	}
	return out
}
