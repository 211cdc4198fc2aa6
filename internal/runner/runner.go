// Package runner is depbox's init process inside the sandbox: it reads the
// plan, starts one process per step (leaves first, a few at a time), bounds
// each with a timeout, and writes how each ended to the results directory.
// It runs as the container's first process, from the static depbox binary
// mounted read-only into the sandbox.
package runner

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/internal/plan"
)

// Progress is printed on stdout, one line per finished step, so the host can
// show progress while the sandbox runs.
const ProgressPrefix = "depbox-progress "

// Run executes the plan at planPath and writes results to resultsPath.
func Run(ctx context.Context, planPath, resultsPath string, stdout io.Writer) error {
	var p plan.Plan
	if err := plan.ReadFile(planPath, &p); err != nil {
		return fmt.Errorf("reading plan: %w", err)
	}
	if p.Version != plan.Version {
		return fmt.Errorf("plan version %d, runner version %d", p.Version, plan.Version)
	}
	if err := prepareHome(&p); err != nil {
		return fmt.Errorf("preparing %s: %w", p.Home, err)
	}
	res := plan.Results{Version: plan.Version}
	if p.FakeNet {
		f, err := os.OpenFile(filepath.Join(filepath.Dir(resultsPath), filepath.Base(plan.FakeNetPath)), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return fmt.Errorf("opening the fake internet's log: %w", err)
		}
		defer f.Close()
		if p.Cloud != nil {
			if err := fakenet.AddLinkLocal(); err != nil {
				res.Warnings = append(res.Warnings, "the cloud's metadata endpoints are unreachable: "+err.Error())
			}
		}
		// Without the outside addresses a theft to an IP literal would go
		// unseen: that is a failed run, not a warning.
		if err := fakenet.AddOutside(); err != nil {
			return fmt.Errorf("starting the fake internet: addresses outside the sandbox: %w", err)
		}
		w, err := fakenet.Start(ctx, fakenet.Config{Cloud: p.Cloud, Marker: p.HTTPMarker, Geo: p.Geo, TLS: p.TLS}, f)
		if err != nil {
			// A sinkhole port that cannot be bound is a gap in what the
			// fake internet sees: say so, keep going with the others.
			res.Warnings = append(res.Warnings, err.Error())
		}
		if w == nil {
			return fmt.Errorf("starting the fake internet: %w", err)
		}
		defer w.Close()
	}
	var mu sync.Mutex
	jobs := max(p.Jobs, 1)
	for li, level := range p.Levels {
		sem := make(chan struct{}, jobs)
		var wg sync.WaitGroup
		for _, st := range level {
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				emit := func(r plan.StepResult) {
					mu.Lock()
					res.Steps = append(res.Steps, r)
					b, _ := json.Marshal(r)
					fmt.Fprintf(stdout, "%s%s\n", ProgressPrefix, b)
					mu.Unlock()
				}
				if len(st.Batch) > 0 {
					runBatch(ctx, &p, st, emit)
					return
				}
				if st.Calls {
					emit(runCalls(ctx, &p, st))
					return
				}
				emit(runStep(ctx, &p, st))
			}()
		}
		wg.Wait()
		warnings, swept := settleOrphans(orphanLinger)
		res.Warnings = append(res.Warnings, warnings...)
		res.Swept = append(res.Swept, swept...)
		if ms := referenceWork(&p, level, res.Steps); ms >= 0 {
			res.ReferenceMS = ms
			if f := stretchFor(&p, ms); f > 1 {
				stretchLimits(&p, li+1, f)
				res.Stretch = f
			}
		}
	}
	return plan.WriteFile(resultsPath, res)
}

// runStep starts one step's process and waits for it, its timeout, or ctx.
func runStep(ctx context.Context, p *plan.Plan, st plan.Step) plan.StepResult {
	r, _ := runProcess(ctx, p, st)
	return r
}

// runProcess is runStep that also says, for the execute harness
// (plan.Step.Calls), which call's own code ended the process, if one did.
func runProcess(ctx context.Context, p *plan.Plan, st plan.Step) (r plan.StepResult, ended *plan.SkippedCall) {
	r = plan.StepResult{Phase: st.Phase, Dependency: st.Dependency, ExitCode: -1}
	start := time.Now()
	defer func() { r.DurationMS = time.Since(start).Milliseconds() }()

	// fd 3 carries the loader's status line, apart from the package's own output.
	statusR, statusW, err := os.Pipe()
	if err != nil {
		r.Status, r.Error = "error", "runner: "+err.Error()
		return r, nil
	}
	defer statusR.Close()
	prog, args := p.Node, st.Args
	if st.Program != "" {
		prog = st.Program
	}
	cmd := exec.Command(prog, args...)
	cmd.Dir = st.Dir
	cmd.Env = append(append([]string(nil), p.Env...), st.Env...)
	cmd.ExtraFiles = []*os.File{statusW}
	var stderr tail
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	// Its own process group, so that a timeout ends everything it started.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if p.UID != 0 || p.GID != 0 {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(p.UID), Gid: uint32(p.GID), Groups: []uint32{}}
	}
	if err := cmd.Start(); err != nil {
		statusW.Close()
		r.Status, r.Error = "error", "runner: "+err.Error()
		return r, nil
	}
	statusW.Close()
	r.Pid = cmd.Process.Pid
	status := make(chan []byte, 1)
	wd := newWatchdog(p.Stretch)
	defer wd.stop()
	if st.Calls {
		wd.spawns = watchSpawns(cmd.Process.Pid)
		defer wd.spawns.close()
	}
	go func() {
		if !st.Watchdog {
			b, _ := io.ReadAll(io.LimitReader(statusR, 64<<10))
			status <- b
			return
		}
		status <- wd.read(statusR)
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	limit := p.StepTimeoutMS
	if st.TimeoutMS > 0 {
		limit = st.TimeoutMS
	}
	timer := time.NewTimer(time.Duration(limit) * time.Millisecond)
	defer timer.Stop()
	var werr error
	select {
	case werr = <-done:
	case <-timer.C:
		r.TimedOut = true
		if n, held := wd.extensions(); n > 0 {
			r.Overdue = fmt.Sprintf("%s, at the step's limit of %s: its watchdog deadline had been extended %d times (%s in all) while it kept starting processes",
				wd.armedWhat(), time.Duration(limit)*time.Millisecond, n, held.Round(time.Second))
		}
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		werr = <-done
	case what := <-wd.fired:
		r.TimedOut, r.Overdue = true, what
		if n, label := wd.armedCall(); n >= 0 && st.Calls {
			ended = &plan.SkippedCall{N: n, What: what, Label: label, Ended: "budget"}
		}
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		werr = <-done
	case <-ctx.Done():
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		werr = <-done
	}
	// Children left behind in the group (a daemonised payload) are ended too.
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	var ee *exec.ExitError
	switch {
	case werr == nil:
		r.ExitCode = 0
	case errors.As(werr, &ee):
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			r.Signal = ws.Signal().String()
		} else {
			r.ExitCode = ee.ExitCode()
		}
	}
	var b []byte
	select {
	case b = <-status:
	case <-time.After(time.Second):
	}
	var exited *plan.SkippedCall
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		var s struct {
			Status, Error, What, Label string
			CallExit                   *int `json:"call_exit"`
			Code                       int
			Unsettled                  *int `json:"unsettled"`
			Extended                   bool `json:"extended"`
		}
		if json.Unmarshal(sc.Bytes(), &s) != nil {
			continue
		}
		if s.Status != "" {
			r.Status, r.Error = s.Status, s.Error
		}
		if st.Calls && s.Unsettled != nil && *s.Unsettled >= 0 && len(r.UnsettledCalls) < plan.MaxCalls {
			r.UnsettledCalls = append(r.UnsettledCalls, plan.UnsettledCall{N: *s.Unsettled, What: s.What, Extended: s.Extended})
		}
		if s.CallExit != nil && *s.CallExit >= 0 {
			exited = &plan.SkippedCall{N: *s.CallExit, What: s.What, Label: s.Label, Ended: "exit", Code: s.Code}
		}
	}
	// A process that exited (no signal, no timeout) without its report,
	// in a call's own code, was ended by that call.
	if st.Calls && exited != nil && r.Status == "" && !r.TimedOut && r.Signal == "" {
		ended = exited
	}
	r.Stderr = stderr.String()
	return r, ended
}

// prepareHome writes the plan's home files and gives the home directory to
// the steps' user.
func prepareHome(p *plan.Plan) error {
	if p.Home == "" {
		return nil
	}
	if err := os.MkdirAll(p.Home, 0o750); err != nil {
		return err
	}
	names := make([]string, 0, len(p.HomeFiles))
	for name := range p.HomeFiles {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		full := filepath.Join(p.Home, filepath.Clean("/"+name))
		if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(full, p.HomeFiles[name], 0o600); err != nil {
			return err
		}
	}
	return filepath.WalkDir(p.Home, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, p.UID, p.GID)
	})
}

// tail keeps the last 2 KiB written.
type tail struct {
	mu sync.Mutex
	b  []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > 2048 {
		t.b = t.b[len(t.b)-2048:]
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
