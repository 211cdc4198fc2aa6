package sandbox

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

// oomWatch follows a sandbox's OOM kill count while it runs: when the host
// kills the sentry, runsc removes the sandbox's cgroup (and its counter)
// on its way out, before Run could read it.
type oomWatch struct {
	root, rel string
	seen      atomic.Int64
	stop      chan struct{}
	done      chan struct{}
}

// WatchOOM starts following the sandbox's OOM kill count (its cgroup's
// counter) and returns the function that stops it and returns the count
// for Result.OOMKills; failed says whether the sandbox ended with an error
// or a non-zero exit. Backends other than Run call it once the sandbox
// started and the result function once it ended, before RemoveCgroups.
func (cfg Config) WatchOOM() (result func(failed bool) int) {
	return watchOOM(cgroupRoot, cgroupsPath(cfg)).result
}

func watchOOM(root, rel string) *oomWatch {
	w := &oomWatch{root: root, rel: rel, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		if rel == "" {
			return
		}
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
				w.note(oomKills(root, rel))
			}
		}
	}()
	return w
}

func (w *oomWatch) note(n int) {
	for {
		old := w.seen.Load()
		if int64(n) <= old || w.seen.CompareAndSwap(old, int64(n)) {
			return
		}
	}
}

// result stops the watch and returns the count: the last one seen, read
// once more, or — when the cgroup went before a kill was seen and the
// sandbox failed — the kernel log's OOM kills in the cgroup.
func (w *oomWatch) result(failed bool) int {
	close(w.stop)
	<-w.done
	w.note(oomKills(w.root, w.rel))
	n := int(w.seen.Load())
	if n == 0 && failed && w.rel != "" {
		n = kmsgOOMKills(kmsgPath, w.rel)
	}
	return n
}

// kmsgPath is the kernel log device.
const kmsgPath = "/dev/kmsg"

// kmsgOOMKills counts the kernel log's records of the OOM killer killing a
// process of the memory cgroup rel ("oom-kill:…,oom_memcg=/depbox/<id>,…").
// 0 when the log cannot be read (not root, or a container without it).
func kmsgOOMKills(dev, rel string) int {
	// Raw reads: the runtime's poller would wait at the end of the log
	// instead of returning EAGAIN.
	fd, err := syscall.Open(dev, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0
	}
	defer syscall.Close(fd)
	n := 0
	buf := make([]byte, 8192)
	for {
		// /dev/kmsg returns one record per read, from the oldest kept.
		k, err := syscall.Read(fd, buf)
		switch {
		case err == syscall.EPIPE:
			continue // records were overwritten while reading
		case err == syscall.EINTR:
			continue
		case err != nil || k <= 0:
			return n // EAGAIN: the end of the log
		}
		if isOOMKillOf(buf[:k], rel) {
			n++
		}
	}
}

// isOOMKillOf reports whether a kernel log record is the OOM killer's
// report of a kill in the memory cgroup rel (not one below it).
func isOOMKillOf(rec []byte, rel string) bool {
	if !bytes.Contains(rec, []byte("oom-kill:")) {
		return false
	}
	want := []byte("oom_memcg=" + rel)
	i := bytes.Index(rec, want)
	if i < 0 {
		return false
	}
	end := i + len(want)
	return end == len(rec) || rec[end] == ',' || rec[end] == '\n'
}

// oomKills returns how many processes the host's out-of-memory killer
// ended in the cgroup rel (relative to root, e.g. "/depbox/<id>") because
// it reached its memory limit: the "oom_kill" count of cgroup v2's
// memory.events or of cgroup v1's memory.oom_control (Linux 4.13 and
// later). The processes are the sandbox's own: the sentry, the gofer and
// the host processes that hold the applications' address spaces. It must
// be read before the cgroup is removed; 0 when there is no memory cgroup.
func oomKills(root, rel string) int {
	if rel == "" {
		return 0
	}
	n := 0
	for _, f := range []string{
		filepath.Join(root, rel, "memory.events"),                // v2
		filepath.Join(root, "memory", rel, "memory.oom_control"), // v1
		filepath.Join(root, "unified", rel, "memory.events"),     // hybrid
	} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n = max(n, oomKillCount(b))
	}
	return n
}

// oomKillCount reads the "oom_kill N" line of a memory.events or
// memory.oom_control file.
func oomKillCount(b []byte) int {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, ok := bytes.Cut(sc.Bytes(), []byte(" "))
		if ok && string(k) == "oom_kill" {
			n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
			if err == nil {
				return n
			}
		}
	}
	return 0
}
