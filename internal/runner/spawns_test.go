package runner

import (
	"os/exec"
	"syscall"
	"testing"
	"time"
)

func TestStatPgrp(t *testing.T) {
	for _, tc := range []struct {
		name, stat string
		want       int
		ok         bool
	}{
		{"plain", "42 (node) S 1 42 42 0 -1 4194560", 42, true},
		{"comm with spaces and parens", "57 (a) b (c) R 42 42 42 0", 42, true},
		{"other group", "58 (sh) S 57 57 42 0", 57, true},
		{"truncated", "59 (sh) S 57", 0, false},
		{"no comm", "60 sh S 57 57", 0, false},
		{"not a number", "61 (sh) S 57 x 42", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := statPgrp(tc.stat)
			if got != tc.want || ok != tc.ok {
				t.Errorf("statPgrp(%q) = %d, %v; want %d, %v", tc.stat, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestGroupHighestPid checks that the group's newest process is found on
// this machine's /proc: a child started in a group of its own, then its
// child.
func TestGroupHighestPid(t *testing.T) {
	cmd := exec.Command("sh", "-c", "sleep 30 & wait")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	deadline := time.Now().Add(10 * time.Second)
	for groupHighestPid(cmd.Process.Pid) <= cmd.Process.Pid {
		if time.Now().After(deadline) {
			t.Fatalf("the group of %d never showed its sleep: highest pid %d", cmd.Process.Pid, groupHighestPid(cmd.Process.Pid))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := groupHighestPid(1 << 30); got != 0 {
		t.Errorf("a group with no process has highest pid %d", got)
	}
}

// TestProgressDeadline checks the watchdog's two kinds of deadline: one
// armed with progress is extended while the step keeps starting processes
// and fires once a whole deadline passes without a new one; one armed
// without fires on time however many processes start. Processes are fed
// to the watch by hand (observe), as the poller would.
func TestProgressDeadline(t *testing.T) {
	const after = 300 * time.Millisecond
	for _, tc := range []struct {
		name     string
		progress bool
		// spawnFor is how long a new process appears every 50 ms.
		spawnFor time.Duration
		extended bool
	}{
		{"progress, no process", true, 0, false},
		{"progress, processes keep starting", true, 1500 * time.Millisecond, true},
		{"no progress: fires on time", false, 1500 * time.Millisecond, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWatchdog(1)
			w.spawns = &spawnWatch{}
			start := time.Now()
			w.arm(after, "waiting", -1, "", tc.progress)
			t.Cleanup(w.stop)
			spawning := make(chan struct{})
			go func() {
				defer close(spawning)
				tick := time.NewTicker(50 * time.Millisecond)
				defer tick.Stop()
				for pid := 100; time.Since(start) < tc.spawnFor; pid++ {
					w.spawns.observe(pid, <-tick.C)
				}
			}()
			t.Cleanup(func() { <-spawning })
			select {
			case what := <-w.fired:
				if what != "waiting" {
					t.Errorf("fired for %q", what)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("never fired")
			}
			// A progress deadline fires only when a whole deadline passed
			// without a new process (timer slack: a millisecond).
			quiet := time.Since(start)
			if last := w.spawns.lastSpawn(); !last.IsZero() {
				quiet = time.Since(last)
			}
			if tc.progress && quiet < after-time.Millisecond {
				t.Errorf("fired %s after the last new process, before its deadline of %s", quiet, after)
			}
			if n, _ := w.extensions(); (n > 0) != tc.extended {
				t.Errorf("%d extensions, want extended %v", n, tc.extended)
			}
		})
	}
}

// TestRearmCancels checks that a deadline armed again replaces the old
// one: the old one's timer, even if already running, fires nothing.
func TestRearmCancels(t *testing.T) {
	w := newWatchdog(1)
	w.arm(50*time.Millisecond, "old", -1, "", false)
	w.arm(time.Hour, "new", -1, "", false)
	t.Cleanup(w.stop)
	select {
	case what := <-w.fired:
		t.Fatalf("fired %q after being armed again", what)
	case <-time.After(300 * time.Millisecond):
	}
}
