package runner

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/depbox/depbox/internal/plan"
)

// batchSeq numbers the batch processes of one run.
var batchSeq atomic.Int64

// batchIn is what a batch process reads on fd 4.
type batchIn struct {
	LingerMS int         `json:"linger_ms"`
	TaskRoot string      `json:"task_root"`
	Items    []batchItem `json:"items"`
}

type batchItem struct {
	Dep   string `json:"dep"`
	Dir   string `json:"dir"`
	Name  string `json:"name"`
	Token string `json:"token"`
}

// batchLine is one status line a batch process writes on fd 3.
type batchLine struct {
	Ev      string   `json:"ev"` // "start" or "end"
	I       int      `json:"i"`
	T       string   `json:"t"`
	Status  string   `json:"status"`
	Error   string   `json:"error"`
	Loaded  []string `json:"loaded"`
	Isolate []string `json:"isolate"`
	Late    []int    `json:"late"`
	MS      float64  `json:"ms"`
}

// runBatch runs a batch step: a process loads the packages one after the
// other, each in a window it reports on; a package whose window it could
// not vouch for (it crashed, exited, ran out of time, left work running,
// or changed what later packages would run in) is loaded again alone, with
// its Alone step, and the packages after it go on in a fresh batch
// process. It returns one result per package.
func runBatch(ctx context.Context, p *plan.Plan, st plan.Step, emit func(plan.StepResult)) {
	pending := st.Batch
	for len(pending) > 0 && ctx.Err() == nil {
		tag := st.Dependency + strconv.FormatInt(batchSeq.Add(1), 10)
		out := runBatchProcess(ctx, p, st, tag, pending)
		done := 0
		var alone []int
		for i := range pending {
			w := out.windows[i]
			switch {
			case w == nil:
				// Not reached: the next process goes on from here, unless
				// this one got nowhere at all.
			case w.end == nil:
				why := "exited"
				if out.timedOut {
					why = "timeout"
				} else if out.signal != "" {
					why = "killed"
				}
				w.isolate = append(w.isolate, why)
				alone = append(alone, i)
			case len(w.isolate) > 0:
				alone = append(alone, i)
			}
			if w != nil {
				done = i + 1
			}
		}
		if done == 0 {
			// The process loaded nothing (the loader itself failed): every
			// package is loaded alone.
			for i := range pending {
				out.windows[i] = &window{isolate: []string{"no-progress"}}
				alone = append(alone, i)
			}
			done = len(pending)
		}
		isAlone := map[int]bool{}
		for _, i := range alone {
			isAlone[i] = true
		}
		for i := 0; i < done; i++ {
			it, w := pending[i], out.windows[i]
			if isAlone[i] {
				r := runStep(ctx, p, it.Alone)
				r.Isolated = w.isolate
				emit(r)
				continue
			}
			emit(plan.StepResult{
				Phase: st.Phase, Dependency: it.Dependency, Pid: out.pid, ExitCode: 0,
				Status: w.end.Status, Error: w.end.Error, DurationMS: int64(w.end.MS),
				Batch: tag, Token: w.token, Loaded: w.end.Loaded,
			})
		}
		pending = pending[done:]
	}
}

// window is what the runner learned of one package's window.
type window struct {
	token   string
	start   time.Time
	end     *batchLine
	isolate []string
}

// batchOutcome is how one batch process went.
type batchOutcome struct {
	pid      int
	windows  []*window // by item; nil when not started
	timedOut bool
	signal   string
}

// runBatchProcess starts one batch process for items and follows its
// windows until it exits, killing it when a window outlasts its timeout.
func runBatchProcess(ctx context.Context, p *plan.Plan, st plan.Step, tag string, items []plan.BatchItem) batchOutcome {
	out := batchOutcome{windows: make([]*window, len(items))}
	in := batchIn{LingerMS: p.LingerMS, TaskRoot: taskRoot(p), Items: make([]batchItem, len(items))}
	tokens := make([]string, len(items))
	for i, it := range items {
		tokens[i] = token()
		in.Items[i] = batchItem{Dep: it.Dependency, Dir: it.Dir, Name: it.Name, Token: tokens[i]}
	}
	input, err := json.Marshal(in)
	if err != nil {
		return out
	}
	statusR, statusW, err := os.Pipe()
	if err != nil {
		return out
	}
	defer statusR.Close()
	inR, inW, err := os.Pipe()
	if err != nil {
		statusW.Close()
		return out
	}
	args := make([]string, len(st.Args))
	for i, a := range st.Args {
		if a == st.Dependency {
			a = tag
		}
		args[i] = a
	}
	prog := p.Node
	if st.Program != "" {
		prog = st.Program
	}
	cmd := exec.Command(prog, args...)
	cmd.Dir = st.Dir
	cmd.Env = append(append([]string(nil), p.Env...), st.Env...)
	cmd.ExtraFiles = []*os.File{statusW, inR}
	var stderr tail
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if p.UID != 0 || p.GID != 0 {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(p.UID), Gid: uint32(p.GID), Groups: []uint32{}}
	}
	err = cmd.Start()
	statusW.Close()
	inR.Close()
	if err != nil {
		inW.Close()
		return out
	}
	out.pid = cmd.Process.Pid
	go func() {
		_, _ = inW.Write(input)
		inW.Close()
	}()
	limit := time.Duration(p.StepTimeoutMS) * time.Millisecond
	if st.TimeoutMS > 0 {
		limit = time.Duration(st.TimeoutMS) * time.Millisecond
	}
	var mu sync.Mutex
	var open *window       // the window in progress
	progress := time.Now() // the last line read: between windows, the loader is bounded too
	lines := make(chan struct{})
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(statusR)
		sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
		for sc.Scan() {
			var l batchLine
			if json.Unmarshal(sc.Bytes(), &l) != nil || l.I < 0 || l.I >= len(items) || l.T != tokens[l.I] {
				continue // not the loader's (a package cannot know the token)
			}
			mu.Lock()
			progress = time.Now()
			switch l.Ev {
			case "start":
				if out.windows[l.I] == nil {
					open = &window{token: l.T, start: time.Now()}
					out.windows[l.I] = open
				}
			case "end":
				if w := out.windows[l.I]; w != nil && w.end == nil {
					w.end = &l
					w.isolate = append(w.isolate, l.Isolate...)
					open = nil
				}
				for _, j := range l.Late {
					if j >= 0 && j < len(items) && out.windows[j] != nil {
						out.windows[j].isolate = append(out.windows[j].isolate, "late-work")
					}
				}
			}
			mu.Unlock()
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var werr error
wait:
	for {
		select {
		case werr = <-done:
			break wait
		case <-ctx.Done():
			_ = syscall.Kill(-out.pid, syscall.SIGKILL)
		case <-tick.C:
			mu.Lock()
			over := open != nil && time.Since(open.start) > limit || open == nil && time.Since(progress) > limit
			mu.Unlock()
			if over {
				out.timedOut = true
				_ = syscall.Kill(-out.pid, syscall.SIGKILL)
			}
		}
	}
	_ = syscall.Kill(-out.pid, syscall.SIGKILL)
	select {
	case <-lines:
	case <-time.After(time.Second):
	}
	var ee *exec.ExitError
	if errors.As(werr, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			out.signal = ws.Signal().String()
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return out
}

// token is a window's random token: the framing records and status lines
// that carry it are the loader's, not a package's imitation.
func token() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// taskRoot is the bundle's mount point, from the plan's environment.
func taskRoot(p *plan.Plan) string {
	for _, e := range p.Env {
		if v, ok := strings.CutPrefix(e, "LAMBDA_TASK_ROOT="); ok {
			return v
		}
	}
	return "/var/task"
}
