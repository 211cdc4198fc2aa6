package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSandboxKilledFromOutside (issue 15): when something on the host kills
// the whole sandbox (the host's out-of-memory killer taking gVisor's
// sentry, an operator), the gate fails closed and the problem says what
// happened and which phase was running, instead of blaming the runner for
// writing no results. The test kills the real sandbox's sentry process,
// found by the test's own work directory, while a dependency's import
// phase spins.
func TestSandboxKilledFromOutside(t *testing.T) {
	h := newHostileDepbox(t)
	dir := filepath.Join(t.TempDir(), "fn")
	copyTree(t, filepath.Join(hostileTestdata, "loop-at-load"), dir)
	work := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	cmd, out, errb := h.start(ctx, "", "gate", "--format", "json", "--work-dir", work,
		"--step-timeout", "5m", "--init-timeout", "5m", "--events", "s3", "--event-variants", "default", dir)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	// The sentry is the runsc-sandbox process whose command line names
	// this test's work directory.
	var sentry int
	for deadline := time.Now().Add(3 * time.Minute); sentry == 0 && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("depbox ended before its sandbox was found: %v\nstderr: %s", err, errb)
		case <-time.After(200 * time.Millisecond):
		}
		sentry = findSentry(t, work)
	}
	if sentry == 0 {
		t.Fatal("no sandbox started within 3 minutes")
	}
	// Let the import phases start; the one of node_modules/bad never ends.
	time.Sleep(10 * time.Second)
	if err := syscall.Kill(sentry, syscall.SIGKILL); err != nil {
		t.Fatalf("killing the sentry (pid %d): %v", sentry, err)
	}
	err := <-done
	code := 0
	if cmd.ProcessState != nil {
		code = cmd.ProcessState.ExitCode()
	}
	if code != ExitAnalysis {
		t.Errorf("exit %d (%v), want %d\nstderr: %s", code, err, ExitAnalysis, errb)
	}
	var rep gateReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("gate report: %v\nstdout: %s\nstderr: %s", err, out, errb)
	}
	if !rep.Incomplete {
		t.Error("the report is not marked incomplete")
	}
	// Each fatal problem is a DBX004 finding whose evidence is the
	// problem ("code: message").
	var killed []string
	for _, f := range rep.Findings {
		for _, v := range f.Evidence.Values {
			if strings.Contains(v, "wrote no results") || strings.Contains(v, "runner exited") {
				t.Errorf("finding blames the runner: %s", v)
			}
			if f.Rule == "DBX004" && strings.HasPrefix(v, "sandbox-killed: ") {
				killed = append(killed, v)
				if f.Path != "node_modules/bad" || f.Phase != "import" {
					t.Errorf("the finding is on %s in the %s phase, want node_modules/bad in the import phase", f.Path, f.Phase)
				}
			}
		}
	}
	if len(killed) != 1 || !strings.Contains(killed[0], "killed from outside") || !strings.Contains(killed[0], "SIGKILL") ||
		!strings.Contains(killed[0], "import phase of node_modules/bad") {
		t.Errorf("want one DBX004 finding saying the sandbox was killed from outside (SIGKILL) in the import phase of node_modules/bad; got %q\nfindings: %+v", killed, rep.Findings)
	}
	assertTornDown(t, cmd.Process.Pid, work)
}

// findSentry returns the pid of the runsc-sandbox process whose command
// line names work, or 0.
func findSentry(t *testing.T, work string) int {
	t.Helper()
	ents, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		if len(args) > 0 && args[0] == "runsc-sandbox" && strings.Contains(string(b), work+"/") {
			return pid
		}
	}
	return 0
}
