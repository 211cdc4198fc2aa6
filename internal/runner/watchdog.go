package runner

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"sync"
	"time"
)

// watchdog kills a step that misses a deadline its own status lines set
// (plan.Step.Watchdog): a synchronous infinite loop in code under test
// blocks the harness's own timers, so only something outside the process
// can end it.
type watchdog struct {
	mu    sync.Mutex
	timer *time.Timer
	gen   int // arms so far: a timer of an earlier arming does nothing
	what  string
	// call is the execute harness's call the armed deadline is for (the
	// line's "call", with its "label"), -1 for none.
	call  int
	label string
	fired chan string
	// stretch multiplies every deadline (plan.Plan.Stretch).
	stretch float64
	// spawns follows the step's processes, for deadlines armed with
	// "progress" (nil: no deadline is extended).
	spawns *spawnWatch
	// extended counts the extensions of progress deadlines, held how
	// long they added.
	extended int
	held     time.Duration
}

func newWatchdog(stretch float64) *watchdog {
	return &watchdog{fired: make(chan string, 1), call: -1, stretch: stretch}
}

// maxStatus bounds the status lines kept for the runner's report. Lines
// after it are still read and obeyed: a harness no longer read would block
// on its next line once the pipe is full, and miss its deadline.
const maxStatus = 1 << 20

// read consumes status lines until EOF, re-arming on each deadline line, and
// returns the first maxStatus bytes of them (for the status line the runner
// reports).
func (w *watchdog) read(r io.Reader) []byte {
	var all bytes.Buffer
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Bytes()
		if all.Len() < maxStatus {
			all.Write(line)
			all.WriteByte('\n')
		}
		var d struct {
			DeadlineMS *int64 `json:"deadline_ms"`
			What       string `json:"what"`
			Call       *int   `json:"call"`
			Label      string `json:"label"`
			Progress   bool   `json:"progress"`
		}
		if json.Unmarshal(line, &d) != nil || d.DeadlineMS == nil {
			continue
		}
		call := -1
		if d.Call != nil && *d.Call >= 0 {
			call = *d.Call
		}
		w.arm(time.Duration(*d.DeadlineMS)*time.Millisecond, d.What, call, d.Label, d.Progress)
	}
	return all.Bytes()
}

// arm sets the deadline (stretched), for call (-1: none) of the export
// label; 0 disarms. A progress deadline is extended while the step keeps
// starting processes (w.spawns): it fires only when a whole deadline
// passes in which the step started none. A step that never stops
// starting them runs into its own limit (plan.Step.TimeoutMS), which is a
// timeout like any other.
func (w *watchdog) arm(after time.Duration, what string, call int, label string, progress bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	w.gen++
	w.call = -1
	if after <= 0 {
		return
	}
	if w.stretch > 1 {
		after = time.Duration(float64(after) * w.stretch)
	}
	w.what, w.call, w.label = what, call, label
	gen, armed := w.gen, time.Now()
	var expire func()
	expire = func() {
		w.mu.Lock()
		if w.gen != gen {
			w.mu.Unlock()
			return // armed again meanwhile
		}
		if progress && w.spawns != nil {
			if last := w.spawns.lastSpawn(); last.After(armed) {
				w.extended++
				w.held += last.Sub(armed)
				armed = last
				w.timer = time.AfterFunc(max(after-time.Since(last), time.Millisecond), expire)
				w.mu.Unlock()
				return
			}
		}
		what := w.what
		w.mu.Unlock()
		select {
		case w.fired <- what:
		default:
		}
	}
	w.timer = time.AfterFunc(after, expire)
}

func (w *watchdog) stop() { w.arm(0, "", -1, "", false) }

// extensions says how often progress deadlines were extended and by how
// much in all.
func (w *watchdog) extensions() (int, time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.extended, w.held
}

// armedWhat is what the deadline armed last was for.
func (w *watchdog) armedWhat() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.what
}

// armedCall is the call the armed deadline is for (-1 for none), and its
// export.
func (w *watchdog) armedCall() (int, string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.call, w.label
}
