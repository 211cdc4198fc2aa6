package runner

import (
	"os"
	"os/exec"
	"slices"
	"syscall"
	"testing"
)

// TestOrphansAreDescendants checks that the processes the runner would
// kill after a level are its own descendants only: a detached child (its
// own session) is listed, this process's parent and the machine's first
// process are not. Run on a host, as the benchmarks' native plans run the
// runner, anything else would kill every process of the machine.
func TestOrphansAreDescendants(t *testing.T) {
	cmd := exec.Command("sleep", "30")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	var pids []int
	for _, o := range orphans() {
		pids = append(pids, o.pid)
	}
	if !slices.Contains(pids, cmd.Process.Pid) {
		t.Errorf("the detached child %d is not listed: %v", cmd.Process.Pid, pids)
	}
	for _, other := range []int{os.Getppid(), 1} {
		if slices.Contains(pids, other) {
			t.Errorf("process %d, not a descendant of the runner, is listed: %v", other, pids)
		}
	}
}
