// Package sandbox runs a command inside a gVisor sandbox: it writes an OCI
// bundle (runtime-spec types) over a minimal root file system, starts
// `runsc run` with --network=none inside a fresh network namespace that it
// creates, enforces time, memory, pid and output limits, and tears
// everything down — the container, its state and its files — on success,
// error and cancellation.
//
// The package knows nothing of what runs inside or of how events are
// consumed: callers pass the monitoring configuration as opaque bytes.
package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	specs "github.com/opencontainers/runtime-spec/specs-go"
	"golang.org/x/sys/unix"
)

// Mount is a host path made visible inside the sandbox.
type Mount struct {
	Source      string // host path
	Destination string // path inside the sandbox
	Writable    bool   // read-only unless set
}

// Config describes one sandbox run.
type Config struct {
	// ID names the container; it must be unique among running sandboxes.
	ID string
	// Runsc is the runsc binary.
	Runsc string
	// WorkDir is an existing private directory for the OCI bundle and runsc
	// state. Run removes what it creates there.
	WorkDir string
	// Rootfs is the root file system (mounted read-only; see BuildRootfs).
	Rootfs string
	// Mounts are bind mounts in addition to /proc, /dev, /sys and /tmp.
	Mounts []Mount
	// Hostname is the sandbox's host name (default "sandbox").
	Hostname string
	// Args, Env and Cwd are the container's process.
	Args []string
	Env  []string
	Cwd  string
	// UID and GID of the process (default 0: root inside the sandbox).
	UID, GID uint32
	// Capabilities the process keeps (e.g. "CAP_SETUID"); none by default.
	Capabilities []string
	// Tmpfs are extra writable in-memory mounts: destination → size in bytes.
	Tmpfs map[string]int64
	// Timeout bounds the whole run (required).
	Timeout time.Duration
	// TmpBytes is the size of the /tmp tmpfs (default 64 MiB).
	TmpBytes int64
	// MemoryBytes and Pids limit the sandbox through cgroups (0: no limit).
	MemoryBytes int64
	Pids        int64
	// OutputBytes bounds captured stdout and stderr each (default 1 MiB);
	// what is cut is counted in Result.
	OutputBytes int
	// PodInitConfig, when set, is passed to runsc as --pod-init-config
	// (the runtime-monitoring session).
	PodInitConfig []byte
	// ExtraFlags are further global runsc flags (e.g. "--debug").
	ExtraFlags []string
	// Stdout and Stderr, when set, also receive the sandbox's output as it
	// arrives (for progress).
	Stdout, Stderr io.Writer
}

// Result is how a run ended.
type Result struct {
	// ExitCode of the container's process (runsc's exit code); -1 when killed.
	ExitCode int
	// TimedOut is set when Timeout expired and the sandbox was killed.
	TimedOut bool
	// Canceled is set when the context was canceled (e.g. Ctrl-C).
	Canceled bool
	Stdout   []byte
	Stderr   []byte
	// StdoutCut and StderrCut count bytes beyond OutputBytes.
	StdoutCut, StderrCut int64
	Duration             time.Duration
	// NetNS is the inode of the network namespace the sandbox ran in.
	NetNS uint64
	// OOMKills counts the sandbox's host processes (the sentry, the gofer,
	// an application's address space) that the host's out-of-memory
	// killer ended because the sandbox reached MemoryBytes. When it got
	// the sentry, the whole sandbox ended at once.
	OOMKills int
}

// ErrNotRoot is returned when depbox cannot create network namespaces.
var ErrNotRoot = errors.New("creating the sandbox's network namespace needs root (CAP_SYS_ADMIN): run depbox as root, e.g. in CI or with sudo")

// Run starts the sandbox and waits for it to end, the timeout or ctx.
// Errors are failures to run the sandbox at all; a process exiting non-zero
// is reported in Result.
func Run(ctx context.Context, cfg Config) (res *Result, err error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	start := time.Now()
	bundleDir := filepath.Join(cfg.WorkDir, "oci-"+cfg.ID)
	stateDir := filepath.Join(cfg.WorkDir, "runsc-state")
	logDir := filepath.Join(cfg.WorkDir, "runsc-logs")
	for _, d := range []string{bundleDir, stateDir, logDir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("preparing sandbox %s: %w", cfg.ID, err)
		}
	}
	defer os.RemoveAll(bundleDir)
	spec, err := cfg.Spec()
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(spec, "", " ")
	if err != nil {
		return nil, fmt.Errorf("encoding OCI spec: %w", err)
	}
	if err := os.WriteFile(filepath.Join(bundleDir, "config.json"), b, 0o600); err != nil {
		return nil, fmt.Errorf("writing OCI spec: %w", err)
	}
	global, err := cfg.RunscFlags(bundleDir)
	if err != nil {
		return nil, err
	}
	global = append([]string{"--root", stateDir, "--debug-log", logDir + "/"}, global...)
	args := append(global, "run", "--bundle", bundleDir, cfg.ID)

	cmd := exec.Command(cfg.Runsc, args...)
	cmd.Dir = cfg.WorkDir
	// A fresh, empty network namespace for runsc and everything it starts:
	// the second wall besides --network=none. The kernel removes it when the
	// last process in it exits, so it cannot outlive the run.
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags: syscall.CLONE_NEWNET,
		Setpgid:    true,
		Pdeathsig:  syscall.SIGKILL,
	}
	// runsc must not write its output into a file it could seek in, and
	// needs a stdin: pipes and /dev/null (see the feasibility notes).
	stdout := NewOutputBuffer(cfg.OutputBytes)
	stderr := NewOutputBuffer(cfg.OutputBytes)
	cmd.Stdin = nil
	var outW io.Writer = stdout
	if cfg.Stdout != nil {
		outW = io.MultiWriter(stdout, cfg.Stdout)
	}
	cmd.Stdout = outW
	var errW io.Writer = stderr
	if cfg.Stderr != nil {
		errW = io.MultiWriter(stderr, cfg.Stderr)
	}
	cmd.Stderr = errW
	cmd.Env = []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}

	if err := cmd.Start(); err != nil {
		if errors.Is(err, syscall.EPERM) {
			return nil, fmt.Errorf("starting runsc for sandbox %s: %w", cfg.ID, ErrNotRoot)
		}
		return nil, fmt.Errorf("starting runsc for sandbox %s: %w", cfg.ID, err)
	}
	res = &Result{NetNS: netnsInode(cmd.Process.Pid)}
	// Whatever happens now, the container and its state are removed.
	defer func() {
		if cerr := teardown(cfg.Runsc, stateDir, cfg.ID); cerr != nil && err == nil {
			err = cerr
		}
		os.RemoveAll(stateDir)
		if cerr := cfg.RemoveCgroups(); cerr != nil && err == nil {
			err = cerr
		}
	}()

	oom := watchOOM(cgroupRoot, cgroupsPath(cfg))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(cfg.Timeout)
	defer timer.Stop()
	var waitErr error
	select {
	case waitErr = <-done:
	case <-timer.C:
		res.TimedOut = true
		kill(cfg.Runsc, stateDir, cfg.ID, cmd)
		waitErr = <-done
	case <-ctx.Done():
		res.Canceled = true
		kill(cfg.Runsc, stateDir, cfg.ID, cmd)
		waitErr = <-done
	}
	res.Duration = time.Since(start)
	res.OOMKills = oom.result(waitErr != nil) // before teardown removes the cgroup
	res.Stdout, res.StdoutCut = stdout.Bytes()
	res.Stderr, res.StderrCut = stderr.Bytes()
	var ee *exec.ExitError
	switch {
	case waitErr == nil:
		res.ExitCode = 0
	case errors.As(waitErr, &ee):
		res.ExitCode = ee.ExitCode()
	default:
		return res, fmt.Errorf("waiting for sandbox %s: %w", cfg.ID, waitErr)
	}
	if res.Canceled {
		return res, fmt.Errorf("sandbox %s: %w", cfg.ID, ctx.Err())
	}
	if !res.TimedOut && res.ExitCode != 0 && runscFailed(res.Stderr) {
		return res, fmt.Errorf("runsc could not run sandbox %s (exit %d): %s%s", cfg.ID, res.ExitCode,
			lastLines(res.Stderr, 5), logHint(logDir))
	}
	return res, nil
}

func (cfg *Config) check() error {
	switch {
	case cfg.ID == "" || strings.ContainsAny(cfg.ID, "/ \t\n"):
		return fmt.Errorf("sandbox id %q is invalid", cfg.ID)
	case cfg.Runsc == "":
		return errors.New("no runsc binary: build it with `make runsc` or pass --runsc")
	case cfg.WorkDir == "" || cfg.Rootfs == "":
		return errors.New("sandbox work dir and rootfs are required")
	case cfg.Timeout <= 0:
		return errors.New("sandbox timeout is required")
	case len(cfg.Args) == 0:
		return errors.New("sandbox has no command")
	}
	if cfg.TmpBytes == 0 {
		cfg.TmpBytes = 64 << 20
	}
	if cfg.OutputBytes == 0 {
		cfg.OutputBytes = 1 << 20
	}
	if cfg.Cwd == "" {
		cfg.Cwd = "/"
	}
	if cfg.Hostname == "" {
		cfg.Hostname = "sandbox"
	}
	return nil
}

// RunscFlags returns the global runsc flags of the run, whatever starts
// runsc: no network (a loopback inside the sandbox only), the systrap
// platform, writes to the root file system kept in memory, cached dentries
// of depbox's private mounts, the monitoring session (written to
// dir/pod-init.json when PodInitConfig is set) and ExtraFlags. State and log
// directories are the caller's.
func (cfg Config) RunscFlags(dir string) ([]string, error) {
	flags := []string{
		"--network=none",
		"--platform=systrap",
		// Writes to the root file system stay in the sandbox's memory (runsc's
		// default, "self", would put a filestore beside the shared rootfs).
		"--overlay2=root:memory",
		// depbox's mounts are private copies nothing else changes during a
		// run: gVisor may cache their dentries instead of revalidating every
		// lookup against the host (module resolution is lookup-heavy).
		"--file-access-mounts=exclusive",
	}
	if cfg.PodInitConfig != nil {
		p := filepath.Join(dir, "pod-init.json")
		if err := os.WriteFile(p, cfg.PodInitConfig, 0o600); err != nil {
			return nil, fmt.Errorf("writing monitoring config: %w", err)
		}
		flags = append(flags, "--pod-init-config="+p)
	}
	return append(flags, cfg.ExtraFlags...), nil
}

// Spec returns the OCI runtime spec of the run (defaults applied): the root
// file system read-only, /proc, /dev, /sys, a size-limited /tmp, the extra
// tmpfs and bind mounts, the process with its user, capabilities and no new
// privileges, fresh namespaces (network included) and the memory and pid
// limits. Every backend gives runsc this spec.
func (cfg Config) Spec() (*specs.Spec, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	mounts := []specs.Mount{
		{Destination: "/proc", Type: "proc", Source: "proc"},
		{Destination: "/dev", Type: "tmpfs", Source: "tmpfs", Options: []string{"nosuid", "strictatime", "mode=755", "size=65536k"}},
		{Destination: "/sys", Type: "sysfs", Source: "sysfs", Options: []string{"nosuid", "noexec", "nodev", "ro"}},
		{Destination: "/tmp", Type: "tmpfs", Source: "tmpfs", Options: []string{"nosuid", "nodev", "mode=1777", "size=" + strconv.FormatInt(cfg.TmpBytes, 10)}},
	}
	tmpfsDirs := make([]string, 0, len(cfg.Tmpfs))
	for d := range cfg.Tmpfs {
		tmpfsDirs = append(tmpfsDirs, d)
	}
	slices.Sort(tmpfsDirs)
	for _, d := range tmpfsDirs {
		mounts = append(mounts, specs.Mount{Destination: d, Type: "tmpfs", Source: "tmpfs",
			Options: []string{"nosuid", "nodev", "mode=755", "size=" + strconv.FormatInt(cfg.Tmpfs[d], 10)}})
	}
	for _, m := range cfg.Mounts {
		if !filepath.IsAbs(m.Source) || !filepath.IsAbs(m.Destination) {
			return nil, fmt.Errorf("sandbox mount %s → %s: paths must be absolute", m.Source, m.Destination)
		}
		opts := []string{"rbind", "nosuid", "nodev"}
		if m.Writable {
			opts = append(opts, "rw")
		} else {
			opts = append(opts, "ro")
		}
		mounts = append(mounts, specs.Mount{Destination: m.Destination, Type: "bind", Source: m.Source, Options: opts})
	}
	s := &specs.Spec{
		Version:  specs.Version,
		Hostname: cfg.Hostname,
		Root:     &specs.Root{Path: cfg.Rootfs, Readonly: true},
		Process: &specs.Process{
			User:            specs.User{UID: cfg.UID, GID: cfg.GID},
			Args:            cfg.Args,
			Env:             cfg.Env,
			Cwd:             cfg.Cwd,
			NoNewPrivileges: true,
			Capabilities: &specs.LinuxCapabilities{
				Bounding: cfg.Capabilities, Effective: cfg.Capabilities, Permitted: cfg.Capabilities,
			},
			Rlimits: []specs.POSIXRlimit{{Type: "RLIMIT_NOFILE", Hard: 4096, Soft: 4096}},
		},
		Mounts: mounts,
		Linux: &specs.Linux{
			Namespaces: []specs.LinuxNamespace{
				{Type: specs.PIDNamespace}, {Type: specs.NetworkNamespace}, {Type: specs.IPCNamespace},
				{Type: specs.UTSNamespace}, {Type: specs.MountNamespace},
			},
		},
	}
	if cfg.MemoryBytes > 0 || cfg.Pids > 0 {
		r := &specs.LinuxResources{}
		if cfg.MemoryBytes > 0 {
			m := cfg.MemoryBytes
			r.Memory = &specs.LinuxMemory{Limit: &m}
		}
		if cfg.Pids > 0 {
			r.Pids = &specs.LinuxPids{Limit: cfg.Pids}
		}
		s.Linux.Resources = r
		s.Linux.CgroupsPath = cgroupsPath(cfg)
	}
	return s, nil
}

// cgroupsPath is the sandbox's cgroup, below a "depbox" parent.
func cgroupsPath(cfg Config) string {
	if cfg.MemoryBytes == 0 && cfg.Pids == 0 {
		return ""
	}
	return "/depbox/" + cfg.ID
}

// RemoveCgroups removes the sandbox's cgroup directories in every
// hierarchy (v1 controllers and v2), which runsc leaves behind when the
// sandbox is killed. A cgroup that still holds a process is an error: the
// sandbox did not end.
func (cfg Config) RemoveCgroups() error {
	rel := cgroupsPath(cfg)
	if rel == "" {
		return nil
	}
	dirs, _ := filepath.Glob("/sys/fs/cgroup/*" + rel)
	if d := "/sys/fs/cgroup" + rel; !slices.Contains(dirs, d) {
		dirs = append(dirs, d)
	}
	var errs []error
	for _, d := range dirs {
		if err := os.Remove(d); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("removing cgroup %s: %w", d, err))
		}
	}
	return errors.Join(errs...)
}

// kill stops a running sandbox: runsc kill, then the runsc process group.
func kill(runsc, stateDir, id string, cmd *exec.Cmd) {
	_ = exec.Command(runsc, "--root", stateDir, "kill", "--all", id, "KILL").Run()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

// teardown deletes the container's state; a container already gone is fine.
func teardown(runsc, stateDir, id string) error {
	out, err := exec.Command(runsc, "--root", stateDir, "delete", "--force", id).CombinedOutput()
	if err != nil && !bytes.Contains(out, []byte("does not exist")) && !bytes.Contains(out, []byte("not found")) {
		if _, statErr := os.Stat(filepath.Join(stateDir)); statErr == nil && hasContainerState(stateDir, id) {
			return fmt.Errorf("deleting sandbox %s: %v: %s", id, err, lastLines(out, 3))
		}
	}
	return nil
}

func hasContainerState(stateDir, id string) bool {
	m, _ := filepath.Glob(filepath.Join(stateDir, "*"+id+"*"))
	return len(m) > 0
}

// runscFailed tells runsc's own failures (it could not start the sandbox)
// from the sandboxed process exiting non-zero.
func runscFailed(stderr []byte) bool {
	for _, l := range strings.Split(string(stderr), "\n") {
		if strings.HasPrefix(l, "running container: ") || strings.HasPrefix(l, "creating container: ") ||
			strings.HasPrefix(l, "starting container: ") || strings.Contains(l, "runsc: ") && strings.Contains(l, "error") {
			return true
		}
	}
	return false
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func logHint(dir string) string {
	return fmt.Sprintf("\n(runsc's logs were in %s; re-run with --keep-workdir to keep them)", dir)
}

func netnsInode(pid int) uint64 {
	var st unix.Stat_t
	if err := unix.Stat(fmt.Sprintf("/proc/%d/ns/net", pid), &st); err != nil {
		return 0
	}
	return st.Ino
}

// OutputBuffer keeps the first bytes written to it, up to a limit, and
// counts the rest: a sandbox's output without unbounded memory. It is safe
// for concurrent use.
type OutputBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
	cut int64
}

// NewOutputBuffer returns a buffer keeping up to max bytes.
func NewOutputBuffer(max int) *OutputBuffer { return &OutputBuffer{max: max} }

// Write keeps what fits and counts the rest; it never fails.
func (c *OutputBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := c.max - c.buf.Len()
	if room >= len(p) {
		c.buf.Write(p)
	} else {
		if room > 0 {
			c.buf.Write(p[:room])
		}
		c.cut += int64(len(p) - max(room, 0))
	}
	return len(p), nil
}

// Bytes returns a copy of what was kept and the number of bytes cut.
func (c *OutputBuffer) Bytes() ([]byte, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return bytes.Clone(c.buf.Bytes()), c.cut
}
