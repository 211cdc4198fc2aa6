package sandbox

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// cgroupRoot is where cgroup hierarchies are mounted.
const cgroupRoot = "/sys/fs/cgroup"

// CgroupIDs lists the sandbox ids that have cgroup directories under
// depbox's parent ("depbox") in any hierarchy (v1 controllers or v2), with
// those directories. Sandboxes remove theirs on teardown; ids found while no
// sandbox of that id runs were left by a depbox that was killed.
func CgroupIDs() (map[string][]string, error) {
	pats := []string{filepath.Join(cgroupRoot, "*", "depbox", "*"), filepath.Join(cgroupRoot, "depbox", "*")}
	out := map[string][]string{}
	for _, pat := range pats {
		dirs, err := filepath.Glob(pat)
		if err != nil {
			return nil, err
		}
		for _, d := range dirs {
			if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
				continue // the parent's control files
			}
			id := filepath.Base(d)
			out[id] = append(out[id], d)
		}
	}
	return out, nil
}

// RemoveLeftover removes what a sandbox left behind when its owner died:
// the container (runsc delete --force, when its state directory is still
// there), any process still in its cgroups (killed by pid), and the cgroup
// directories. It must only be called for sandboxes whose owner is known to
// be gone.
func RemoveLeftover(runsc, stateDir, id string, cgroups []string) error {
	var errs []error
	if stateDir != "" && runsc != "" {
		if _, err := os.Stat(stateDir); err == nil {
			if err := teardown(runsc, stateDir, id); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, d := range cgroups {
		for _, pid := range cgroupPids(d) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
	// Leaves first: a v1 hierarchy may nest.
	slices.SortFunc(cgroups, func(a, b string) int { return len(b) - len(a) })
	for _, d := range cgroups {
		if err := os.Remove(d); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("removing cgroup %s: %w", d, err))
		}
	}
	return errors.Join(errs...)
}

// cgroupPids reads the processes of a cgroup directory.
func cgroupPids(dir string) []int {
	b, err := os.ReadFile(filepath.Join(dir, "cgroup.procs"))
	if err != nil {
		return nil
	}
	var pids []int
	for _, f := range strings.Fields(string(b)) {
		if n, err := strconv.Atoi(f); err == nil && n > 0 {
			pids = append(pids, n)
		}
	}
	return pids
}
