package load_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/sandbox"
)

// loadBundle is the bundle every scan scans: five packages, one of them
// with a connect, a credential read and a child process, so that a profile
// has something to lose or mix up.
const loadBundle = "internal/scan/testdata/bundles/basic"

// hogBundle is a hostile neighbour: its dependency allocates memory
// without end on the second invocation. It runs with hogFlags, a memory
// limit of 256 MiB, beside the ordinary scans of the "4+hog" round.
const hogBundle = "internal/cli/testdata/hostile/oom"

var hogFlags = []string{"--memory", "268435456", "--events", "s3,sqs", "--event-variants", "default"}

// scanResult is one depbox scan run as a user runs it.
type scanResult struct {
	profile []byte // stdout: the profile, JSON
	stderr  string
	code    int
	wall    time.Duration
	maxRSS  int64 // the depbox process's peak resident memory, bytes
	pid     int
}

// scanOnce runs `depbox scan --format json` (and flags) on the bundle with
// a work directory of its own and the shared cache; started, when set, is
// told the depbox process's pid.
func scanOnce(b *testing.B, bin, runsc, cache, bundle string, started func(pid int), flags ...string) scanResult {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	args := append([]string{"--cache-dir", cache, "--runsc", runsc, "scan", "--format", "json", "--work-dir", b.TempDir()}, flags...)
	cmd := exec.CommandContext(ctx, bin, append(args, bundle)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Errorf("starting depbox: %v", err) // not Fatal: scans run in goroutines
		return scanResult{code: -1}
	}
	if started != nil {
		started(cmd.Process.Pid)
	}
	err := cmd.Wait()
	r := scanResult{profile: out.Bytes(), stderr: errb.String(), wall: time.Since(start)}
	if cmd.ProcessState != nil {
		r.code, r.pid = cmd.ProcessState.ExitCode(), cmd.ProcessState.Pid()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.maxRSS = ru.Maxrss << 10
		}
	} else if err != nil {
		b.Errorf("running depbox: %v", err)
	}
	return r
}

// memSampler follows the memory the sandboxes of the benchmark's depbox
// processes hold on the host, from their memory cgroups, every 100 ms.
type memSampler struct {
	mu         sync.Mutex
	pids       map[int]bool // depbox processes of the current round
	total, one int64        // peaks: all sandboxes together, a single one
	stop       chan struct{}
	done       sync.WaitGroup
}

func newMemSampler() *memSampler {
	s := &memSampler{pids: map[int]bool{}, stop: make(chan struct{})}
	s.done.Add(1)
	go func() {
		defer s.done.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.sample()
			}
		}
	}()
	return s
}

// ours reports whether a sandbox id belongs to a depbox process of this
// benchmark: ids start with "depbox-<pid>-".
func (s *memSampler) ours(id string) bool {
	rest, ok := strings.CutPrefix(id, "depbox-")
	if !ok {
		return false
	}
	pid, err := strconv.Atoi(strings.SplitN(rest, "-", 2)[0])
	return err == nil && s.pids[pid]
}

func (s *memSampler) sample() {
	ids, err := sandbox.CgroupIDs()
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var total int64
	for id, dirs := range ids {
		if !s.ours(id) {
			continue
		}
		for _, d := range dirs {
			// cgroup v1's memory controller, or v2.
			var used int64
			for _, f := range []string{"memory.usage_in_bytes", "memory.current"} {
				if b, err := os.ReadFile(filepath.Join(d, f)); err == nil {
					used, _ = strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
					break
				}
			}
			total += used
			s.one = max(s.one, used)
		}
	}
	s.total = max(s.total, total)
}

// reset starts a new round (its depbox processes are added by watch as
// they start) and returns the peaks of the previous one.
func (s *memSampler) reset() (total, one int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	total, one = s.total, s.one
	s.total, s.one, s.pids = 0, 0, map[int]bool{}
	return total, one
}

func (s *memSampler) watch(pid int) {
	s.mu.Lock()
	s.pids[pid] = true
	s.mu.Unlock()
}

func (s *memSampler) close() {
	close(s.stop)
	s.done.Wait()
}

// BenchmarkConcurrentScans runs N depbox scans of the same bundle at once
// (N = 1, 2, 4, 8, and 4 beside a hostile neighbour that fills its
// sandbox's memory), each a depbox process with a work directory of its
// own and the shared cache, as parallel CI jobs on one machine do. It checks
// that concurrency does not interfere — every profile is byte-identical to
// the lone scan's (a scan that times out under the load, or sees another's
// behaviour, differs) — and reports, against the lone scan of the same
// run: the round's wall time, the slowdown of a scan (its wall time over
// the lone scan's), the throughput gained (N × lone ÷ round), the peak
// memory of all sandboxes together and of one sandbox (memory cgroups,
// sampled every 100 ms), and the depbox process's peak RSS.
func BenchmarkConcurrentScans(b *testing.B) {
	sandboxtest.Require(b)
	bin, runsc := sandboxtest.Binaries(b)
	bundle := filepath.Join(sandboxtest.ModuleRoot(b), loadBundle)
	cache := sandboxtest.CacheDir(b)
	// Warm the rootfs cache and the page cache: no round pays for them.
	if r := scanOnce(b, bin, runsc, cache, bundle, nil); r.code != 0 {
		b.Fatalf("warm-up scan: exit %d\n%s", r.code, r.stderr)
	}
	mem := newMemSampler()
	defer mem.close()
	for i := 0; i < b.N; i++ {
		var lone scanResult
		fmt.Printf("%5s  %8s  %9s  %10s  %9s  %13s  %13s  %11s\n", "N", "round-s", "slowdown", "throughput", "identical", "sandboxes-MiB", "1-sandbox-MiB", "depbox-MiB")
		for _, round := range []struct {
			label string
			n     int
			hog   bool
		}{{"1", 1, false}, {"2", 2, false}, {"4", 4, false}, {"8", 8, false}, {"4+hog", 4, true}} {
			n := round.n
			mem.reset()
			res := make([]scanResult, n)
			var hog scanResult
			var wg sync.WaitGroup
			start := time.Now()
			for j := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					res[j] = scanOnce(b, bin, runsc, cache, bundle, mem.watch)
				}()
			}
			if round.hog {
				wg.Add(1)
				go func() {
					defer wg.Done()
					hog = scanOnce(b, bin, runsc, cache, filepath.Join(sandboxtest.ModuleRoot(b), hogBundle), mem.watch, hogFlags...)
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			total, one := mem.reset()
			if n == 1 {
				// The lone scan is the faster of two: the machine's own
				// noise should not pass for the cost of concurrency.
				lone = res[0]
				if again := scanOnce(b, bin, runsc, cache, bundle, nil); again.wall < lone.wall {
					lone = again
				}
				if lone.code != 0 {
					b.Fatalf("lone scan: exit %d\n%s", lone.code, lone.stderr)
				}
			}
			identical := 0
			var slow, rss float64
			for _, r := range res {
				if r.code == 0 && bytes.Equal(r.profile, lone.profile) {
					identical++
				} else {
					b.Errorf("N=%s: a scan (exit %d) differs from the lone scan: %s", round.label, r.code, lastLine(r.stderr))
				}
				slow = max(slow, r.wall.Seconds()/lone.wall.Seconds())
				rss = max(rss, float64(r.maxRSS)/(1<<20))
			}
			if round.hog {
				// The neighbour itself fails closed: its profile is
				// incomplete (out of memory in its own sandbox), exit 3.
				if hog.code != 3 {
					b.Errorf("the memory hog's scan: exit %d, want 3: %s", hog.code, lastLine(hog.stderr))
				}
			}
			thr := float64(n) * lone.wall.Seconds() / elapsed.Seconds()
			fmt.Printf("%5s  %8.1f  %8.2f×  %9.2f×  %6d/%-2d  %13.0f  %13.0f  %11.0f\n",
				round.label, elapsed.Seconds(), slow, thr, identical, n, float64(total)/(1<<20), float64(one)/(1<<20), rss)
			if round.hog {
				fmt.Printf("       the hog beside them: exit %d, %s\n", hog.code, lastLine(hog.stderr))
			}
			p := "n" + strings.ReplaceAll(round.label, "+", "") + "-"
			b.ReportMetric(elapsed.Seconds(), p+"round-s")
			b.ReportMetric(slow, p+"slowdown")
			b.ReportMetric(thr, p+"throughput")
			b.ReportMetric(float64(n-identical), p+"differing")
			b.ReportMetric(float64(total)/(1<<20), p+"sandboxes-MiB")
			b.ReportMetric(rss, p+"depbox-MiB")
		}
	}
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}
