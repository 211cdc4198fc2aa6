package sandbox

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
)

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
