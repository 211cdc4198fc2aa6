package hook_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// runsc finds the runsc binary without building anything: DEPBOX_RUNSC, or
// bin/runsc in the repository. A missing runsc skips the test, except in CI.
func runsc(t *testing.T) string {
	t.Helper()
	p := os.Getenv("DEPBOX_RUNSC")
	if p == "" {
		p = filepath.Join(sandboxtest.ModuleRoot(t), "bin", "runsc")
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("runsc not found at %s: build it with `make runsc`", p)
		}
		t.Skipf("runsc not found at %s: build it with `make runsc` to run the sandbox tests", p)
	}
	return p
}

// world is one sandbox run: the function's files at /var/task, the hook's
// files and configuration at /depbox, and a shell script that starts node
// processes. Every node process runs with the hook in NODE_OPTIONS.
type world struct {
	Task    map[string]string // path relative to /var/task → content
	Hook    hook.HookConfig
	Invoke  *hook.InvokeConfig
	Events  []hook.Event
	Script  string            // run by /bin/sh -c with cwd /var/task
	Extra   map[string][]byte // more files for /depbox
	Env     []string
	Timeout time.Duration
	// Forged lists marker paths the fixtures open themselves (forgery
	// tests): they are expected among the process's forgeries.
	Forged []string
}

// outcome is what a run produced: the records of each process, keyed by
// the process's argv joined with spaces, in Seq order.
type outcome struct {
	procs  map[string][]hook.Record
	stdout string
	stderr string
	exit   int
}

// run executes w in the real sandbox and decodes the hook records from the
// gVisor event stream.
func run(t *testing.T, w world) *outcome {
	t.Helper()
	sandboxtest.Require(t)
	rs := runsc(t)
	rootfs, err := sandbox.BuildRootfs(sandboxtest.CacheDir(t), scan.RootfsSpec(sandboxtest.Node(t)))
	if err != nil {
		t.Fatal(err)
	}
	task := t.TempDir()
	for rel, content := range w.Task {
		p := filepath.Join(task, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctl := t.TempDir()
	files := hook.Files()
	inv := w.Invoke
	if inv == nil {
		inv = &hook.InvokeConfig{}
	}
	cfg, err := hook.ConfigFiles(w.Hook, *inv, w.Events)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range cfg {
		files[name] = b
	}
	for name, b := range w.Extra {
		files[name] = b
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(ctl, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A short directory for the sink socket (sun_path is 108 bytes).
	sockDir, err := os.MkdirTemp("", "dbxh")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	rec := profiler.NewRecorder()
	sink, err := profiler.Listen(filepath.Join(sockDir, "s"), rec, nil)
	if err != nil {
		t.Fatal(err)
	}
	podInit, err := profiler.PodInitConfig(sink.Path())
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	timeout := w.Timeout
	if timeout == 0 {
		timeout = 45 * time.Second
	}
	env := append([]string{
		"PATH=/usr/local/bin:/usr/bin:/bin",
		"HOME=/home/sbx_user",
		"NODE_OPTIONS=" + hook.NodeOptions,
	}, w.Env...)
	res, err := sandbox.Run(context.Background(), sandbox.Config{
		ID: "depbox-hooktest-" + filepath.Base(work), Runsc: rs, WorkDir: work, Rootfs: rootfs,
		Mounts: []sandbox.Mount{
			{Source: task, Destination: "/var/task"},
			{Source: ctl, Destination: hook.Dir},
		},
		Args: []string{"/bin/sh", "-c", w.Script}, Env: env, Cwd: "/var/task",
		Timeout: timeout, PodInitConfig: podInit, MemoryBytes: 1 << 30, Pids: 128,
	})
	if cerr := sink.Close(5 * time.Second); cerr != nil {
		t.Errorf("event sink: %v", cerr)
	}
	if err != nil {
		t.Fatalf("sandbox: %v", err)
	}
	if res.TimedOut {
		t.Fatalf("sandbox timed out; stderr:\n%s", res.Stderr)
	}
	if st := sink.Stats(); st.Dropped > 0 {
		t.Errorf("gVisor dropped %d events", st.Dropped)
	}
	out := &outcome{procs: map[string][]hook.Record{}, stdout: string(res.Stdout), stderr: string(res.Stderr), exit: res.ExitCode}
	for _, p := range rec.Procs() {
		// Every marker is a genuine record, with its proof, except those
		// the fixtures forge themselves.
		for _, f := range p.Forged {
			if !slices.ContainsFunc(w.Forged, func(fp string) bool { return hook.MarkerHash(fp) == f.Hash }) {
				t.Errorf("process %v: a marker that is not the hook's (%s): %+v", p.Argv, f.Reason, f.Record)
			}
		}
		for _, fault := range p.Faults {
			t.Errorf("process %v: %s", p.Argv, fault)
		}
		if len(p.Hooks) == 0 {
			continue
		}
		recs := slices.Clone(p.Hooks)
		slices.SortStableFunc(recs, func(a, b hook.Record) int { return int(a.Seq - b.Seq) })
		key := strings.Join(p.Argv, " ")
		out.procs[key] = append(out.procs[key], recs...)
	}
	if testing.Verbose() {
		t.Logf("stdout:\n%s\nstderr:\n%s", out.stdout, out.stderr)
	}
	return out
}

// of returns the records of the process whose argv contains all words.
func (o *outcome) of(t *testing.T, words ...string) []hook.Record {
	t.Helper()
	var found []string
	for argv := range o.procs {
		ok := true
		for _, w := range words {
			if !slices.Contains(strings.Fields(argv), w) {
				ok = false
				break
			}
		}
		if ok {
			found = append(found, argv)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one process with argv words %q, got %d: %q\nall: %s\nstderr:\n%s", words, len(found), found, o.list(), o.stderr)
	}
	return o.procs[found[0]]
}

func (o *outcome) list() string {
	var s []string
	for k := range o.procs {
		s = append(s, k)
	}
	slices.Sort(s)
	return strings.Join(s, "\n")
}

// dump formats records for failure messages.
func dump(recs []hook.Record) string {
	var sb strings.Builder
	for _, r := range recs {
		d, _ := json.Marshal(r.Detail)
		fmt.Fprintf(&sb, "  #%d %s/%s pkg=%q chain=%q origin=%q %s\n", r.Seq, r.Kind, r.Op, r.Pkg, r.Chain, r.Origin, d)
	}
	return sb.String()
}
