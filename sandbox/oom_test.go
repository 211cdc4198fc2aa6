package sandbox

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOOMKills reads the host OOM killer's count from each cgroup layout.
func TestOOMKills(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // path under the root → content
		want  int
	}{
		{"v1", map[string]string{"memory/depbox/x/memory.oom_control": "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n"}, 2},
		{"v2", map[string]string{"depbox/x/memory.events": "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n"}, 1},
		{"hybrid", map[string]string{"unified/depbox/x/memory.events": "oom 0\noom_kill 3\n"}, 3},
		{"none", map[string]string{"memory/depbox/x/memory.oom_control": "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n"}, 0},
		{"old kernel", map[string]string{"memory/depbox/x/memory.oom_control": "oom_kill_disable 0\nunder_oom 0\n"}, 0},
		{"no memory cgroup", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for p, c := range tt.files {
				f := filepath.Join(root, p)
				if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f, []byte(c), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := oomKills(root, "/depbox/x"); got != tt.want {
				t.Errorf("oomKills = %d, want %d", got, tt.want)
			}
		})
	}
	if got := oomKills(t.TempDir(), ""); got != 0 {
		t.Errorf("no cgroup: %d", got)
	}
}

// TestIsOOMKillOf reads the kernel's OOM report (as /dev/kmsg gives it).
func TestIsOOMKillOf(t *testing.T) {
	const rel = "/depbox/depbox-6144-1813435-1353174799-run0"
	tests := []struct {
		rec  string
		want bool
	}{
		{"6,2081,18145899691,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=depbox-6144-1813435-1353174799-run0,mems_allowed=0,oom_memcg=" + rel + ",task_memcg=" + rel + ",task=exe,pid=6437,uid=0\n", true},
		{"6,2081,18145899691,-;oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg=" + rel + "1,task_memcg=x,task=exe", false},
		{"3,2082,18145899705,-;Memory cgroup out of memory: Killed process 6437 (exe) total-vm:242624kB", false},
		{"6,2083,1,-;oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg=/depbox/other,task_memcg=" + rel + ",task=exe", false},
		{"6,2084,1,-;oom-kill:constraint=CONSTRAINT_NONE,oom_memcg=" + rel, true},
	}
	for _, tt := range tests {
		if got := isOOMKillOf([]byte(tt.rec), rel); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.rec, got, tt.want)
		}
	}
	// The real log, when readable: counting must end (EAGAIN at its end).
	_ = kmsgOOMKills(kmsgPath, rel)
}
