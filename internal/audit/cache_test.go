package audit

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

func TestKey(t *testing.T) {
	const integ = "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQGinBN9yTQT3bFlCBy/aVx2HrNcqQGsdot8ghrjyrvMCoEA=="
	base := scan.Options{Version: "1.0.0", InstallPhase: true, StepTimeout: 30 * time.Second, Linger: 1500 * time.Millisecond, TimerBudget: time.Second}
	k := Key(integ, "v20.20.2", "sha256:aa", base)
	if len(k) != 64 {
		t.Fatalf("key %q is not a sha256 hex", k)
	}
	if Key(integ, "v20.20.2", "sha256:aa", base) != k {
		t.Error("the key is not deterministic")
	}
	// What does not change the result does not change the key.
	same := base
	same.Path, same.Runsc, same.Self, same.Node, same.CacheDir = "/elsewhere", "/r", "/s", "/n", "/c"
	same.Jobs, same.RunTimeout, same.KeepWorkDir, same.RecordEvents = 8, time.Hour, true, "/x"
	same.Progress = func(scan.Progress) {}
	if Key(integ, "v20.20.2", "sha256:aa", same) != k {
		t.Error("paths, parallelism or the run's time limit changed the key")
	}
	// An SRI string with further hashes names the same tarball.
	if Key(integ+" sha1-abc", "v20.20.2", "sha256:aa", base) != k {
		t.Error("the sha512 part of the integrity is the key, not the whole SRI string")
	}
	// Everything that changes the result changes the key.
	changes := map[string]func() string{
		"integrity":     func() string { return Key("sha512-AAAA", "v20.20.2", "sha256:aa", base) },
		"depbox binary": func() string { return Key(integ, "v20.20.2", "sha256:bb", base) },
		"runtime":       func() string { return Key(integ, "v22.1.0", "sha256:aa", base) },
		"execute": func() string {
			o := base
			o.Execute = []string{"node_modules/x"}
			return Key(integ, "v20.20.2", "sha256:aa", o)
		},
		"call timeout": func() string {
			o := base
			o.CallTimeout = 5 * time.Second
			return Key(integ, "v20.20.2", "sha256:aa", o)
		},
		"depbox version": func() string { o := base; o.Version = "1.0.1"; return Key(integ, "v20.20.2", "sha256:aa", o) },
		"install phase":  func() string { o := base; o.InstallPhase = false; return Key(integ, "v20.20.2", "sha256:aa", o) },
		"step timeout":   func() string { o := base; o.StepTimeout = time.Minute; return Key(integ, "v20.20.2", "sha256:aa", o) },
		"timer budget": func() string {
			o := base
			o.TimerBudget = 2 * time.Second
			return Key(integ, "v20.20.2", "sha256:aa", o)
		},
		"linger": func() string { o := base; o.Linger = time.Second; return Key(integ, "v20.20.2", "sha256:aa", o) },
		"memory": func() string { o := base; o.MemoryBytes = 1 << 30; return Key(integ, "v20.20.2", "sha256:aa", o) },
		"pids":   func() string { o := base; o.Pids = 64; return Key(integ, "v20.20.2", "sha256:aa", o) },
		"hook":   func() string { o := base; o.NoHook = true; return Key(integ, "v20.20.2", "sha256:aa", o) },
		"one process per package": func() string {
			o := base
			o.IsolateImports = true
			return Key(integ, "v20.20.2", "sha256:aa", o)
		},
	}
	seen := map[string]string{k: "base"}
	for name, f := range changes {
		got := f()
		if prev, dup := seen[got]; dup {
			t.Errorf("changing the %s gives the same key as %s", name, prev)
		}
		seen[got] = name
	}
}

func TestCache(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	key := Key("sha512-AAAA", "v20", "t", scan.Options{})
	if p, err := c.Get(key); p != nil || err != nil {
		t.Fatalf("empty cache: %v, %v", p, err)
	}
	p := &profile.Profile{Bundle: profile.Bundle{Name: "left-pad@1.3.0"},
		Dependencies: []profile.Dependency{{Name: "left-pad", Version: "1.3.0", Path: "node_modules/left-pad"}}}
	if err := c.Put(key, p); err != nil {
		t.Fatal(err)
	}
	got, err := c.Get(key)
	if err != nil || got == nil || got.Dependency("node_modules/left-pad") == nil {
		t.Fatalf("Get after Put: %+v, %v", got, err)
	}
	// Incomplete profiles are not kept.
	inc := &profile.Profile{}
	inc.AddProblem(profile.Problem{Code: "timeout", Fatal: true})
	k2 := Key("sha512-BBBB", "v20", "t", scan.Options{})
	if err := c.Put(k2, inc); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Get(k2); got != nil {
		t.Error("an incomplete profile was cached")
	}
	// A damaged entry is a miss, and the next Put replaces it.
	if err := os.WriteFile(c.path(key), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(key); got != nil || err != nil {
		t.Errorf("damaged entry: %v, %v; want a miss", got, err)
	}
	if err := c.Put(key, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Get(key); got == nil {
		t.Error("Put did not replace the damaged entry")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(c.path(key)), ".tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// No cache configured: nothing happens.
	var none *Cache
	if p, err := none.Get(key); p != nil || err != nil || none.Put(key, p) != nil {
		t.Error("a nil cache must be a no-op")
	}
}
