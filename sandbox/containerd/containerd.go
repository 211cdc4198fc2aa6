//go:build containerd

// Package containerd runs depbox's sandboxes through a containerd daemon
// and gVisor's containerd shim (runtime io.containerd.runsc.v1, binary
// containerd-shim-runsc-v1) instead of starting runsc itself: for machines
// and Kubernetes nodes that already run gVisor through containerd.
//
// A run gets the same OCI spec (sandbox.Config.Spec), the same runsc
// settings (sandbox.Config.RunscFlags: no network, the monitoring session,
// …) passed to the shim through a per-run runsc options file, the same
// limits, and the same teardown and fail-closed behaviour as sandbox.Run.
// The root file system directory is committed once into a containerd
// snapshot (keyed by its path: depbox's root file systems are
// content-addressed and never change) and each run gets a read-only view of
// it. The daemon must be containerd 1.7 or newer (1.6 cannot read the v2
// shim's address) with containerd-shim-runsc-v1 on its PATH (`make shim`).
//
// The package is built only with the containerd build tag (go build -tags
// containerd): containerd's client adds about 10 MB to a binary, so the
// default depbox binary leaves it out (`make depbox-containerd` builds one
// with it).
package containerd

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	runtimeoptions "github.com/containerd/containerd/api/types/runtimeoptions/v1"
	ctrd "github.com/containerd/containerd/v2/client"
	"github.com/containerd/containerd/v2/core/mount"
	"github.com/containerd/containerd/v2/core/snapshots"
	"github.com/containerd/containerd/v2/pkg/cio"
	"github.com/containerd/containerd/v2/pkg/namespaces"
	"github.com/containerd/continuity/fs"
	"github.com/containerd/errdefs"
	specs "github.com/opencontainers/runtime-spec/specs-go"
	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/sandbox"
)

// Runtime is the containerd runtime name of gVisor's shim.
const Runtime = "io.containerd.runsc.v1"

// Defaults of Backend.
const (
	DefaultAddress     = "/run/containerd/containerd.sock"
	DefaultNamespace   = "depbox"
	DefaultSnapshotter = "overlayfs"
)

// sandboxAnnotation makes the shim treat the container as a pod sandbox;
// without it the shim hangs in Create (google/gvisor#4544).
var sandboxAnnotation = map[string]string{"io.kubernetes.cri.container-type": "sandbox"}

// Backend runs sandboxes through one containerd daemon. The zero value uses
// the defaults above.
type Backend struct {
	// Address is containerd's gRPC socket.
	Address string
	// Namespace is the containerd namespace of depbox's containers and
	// snapshots.
	Namespace string
	// Snapshotter holds the root file systems (overlayfs; native where
	// overlayfs cannot be mounted).
	Snapshotter string
}

func (b *Backend) defaults() (addr, ns, snap string) {
	addr, ns, snap = b.Address, b.Namespace, b.Snapshotter
	if addr == "" {
		addr = DefaultAddress
	}
	if ns == "" {
		ns = DefaultNamespace
	}
	if snap == "" {
		snap = DefaultSnapshotter
	}
	return addr, ns, snap
}

// Run runs cfg in gVisor through containerd and waits for it to end, the
// timeout or ctx, like sandbox.Run: errors are failures to run the sandbox
// at all (containerd unreachable, the shim missing or failing, runsc unable
// to start the sandbox); a process exiting non-zero is reported in the
// Result. The container, its task, snapshot, runsc state and cgroups are
// removed whatever happens. cfg.Runsc is the runsc binary the shim runs.
func (b *Backend) Run(ctx context.Context, cfg sandbox.Config) (res *sandbox.Result, err error) {
	addr, ns, snapshotter := b.defaults()
	spec, err := cfg.Spec() // also checks cfg
	if err != nil {
		return nil, err
	}
	if cfg.OutputBytes == 0 {
		cfg.OutputBytes = 1 << 20
	}
	start := time.Now()
	runDir := filepath.Join(cfg.WorkDir, "containerd-"+cfg.ID)
	if err := os.MkdirAll(filepath.Join(runDir, "logs"), 0o700); err != nil {
		return nil, fmt.Errorf("preparing sandbox %s: %w", cfg.ID, err)
	}
	defer os.RemoveAll(runDir)
	optsFile, err := runscOptions(cfg, runDir)
	if err != nil {
		return nil, err
	}

	if _, err := os.Stat(addr); err != nil {
		return nil, fmt.Errorf("no containerd socket at %s: %w (start containerd, or pass --containerd-address)", addr, err)
	}
	client, err := ctrd.New(addr, ctrd.WithDefaultNamespace(ns), ctrd.WithTimeout(10*time.Second))
	if err != nil {
		return nil, fmt.Errorf("connecting to containerd at %s: %w (start containerd, or pass --containerd-address)", addr, err)
	}
	defer client.Close()
	ctx = namespaces.WithNamespace(ctx, ns)
	// Teardown must run even when ctx is canceled (Ctrl-C).
	cleanupCtx := namespaces.WithNamespace(context.WithoutCancel(ctx), ns)
	if err := checkVersion(ctx, client, addr); err != nil {
		return nil, err
	}
	// A lease keeps the run's snapshot from containerd's garbage collector
	// until the container holds it.
	ctx, releaseLease, err := client.WithLease(ctx)
	if err != nil {
		return nil, fmt.Errorf("containerd lease for sandbox %s: %w", cfg.ID, err)
	}
	defer releaseLease(cleanupCtx)

	parent, err := rootfsSnapshot(ctx, client.SnapshotService(snapshotter), cfg.Rootfs)
	if err != nil {
		return nil, fmt.Errorf("root file system of sandbox %s in containerd's %s snapshotter: %w", cfg.ID, snapshotter, err)
	}
	if _, err := client.SnapshotService(snapshotter).View(ctx, cfg.ID, parent); err != nil {
		return nil, fmt.Errorf("root file system view for sandbox %s: %w", cfg.ID, err)
	}
	defer func() {
		if rerr := client.SnapshotService(snapshotter).Remove(cleanupCtx, cfg.ID); rerr != nil && !errdefs.IsNotFound(rerr) && err == nil {
			err = fmt.Errorf("removing the root file system view of sandbox %s: %w", cfg.ID, rerr)
		}
	}()

	// The shim mounts the snapshot at rootfs/ in its bundle.
	spec.Root = &specs.Root{Path: "rootfs", Readonly: true}
	if spec.Annotations == nil {
		spec.Annotations = map[string]string{}
	}
	for k, v := range sandboxAnnotation {
		spec.Annotations[k] = v
	}
	container, err := client.NewContainer(ctx, cfg.ID,
		ctrd.WithSnapshotter(snapshotter),
		ctrd.WithSnapshot(cfg.ID),
		ctrd.WithRuntime(Runtime, &runtimeoptions.Options{ConfigPath: optsFile}),
		ctrd.WithSpec(spec),
	)
	if err != nil {
		return nil, fmt.Errorf("creating containerd container for sandbox %s: %w", cfg.ID, err)
	}
	defer func() {
		if derr := container.Delete(cleanupCtx); derr != nil && !errdefs.IsNotFound(derr) && err == nil {
			err = fmt.Errorf("deleting containerd container %s: %w", cfg.ID, derr)
		}
		if cerr := cfg.RemoveCgroups(); cerr != nil && err == nil {
			err = cerr
		}
	}()

	stdout := sandbox.NewOutputBuffer(cfg.OutputBytes)
	stderr := sandbox.NewOutputBuffer(cfg.OutputBytes)
	var outW, errW io.Writer = stdout, stderr
	if cfg.Stdout != nil {
		outW = io.MultiWriter(stdout, cfg.Stdout)
	}
	if cfg.Stderr != nil {
		errW = io.MultiWriter(stderr, cfg.Stderr)
	}
	task, err := container.NewTask(ctx, cio.NewCreator(cio.WithStreams(nil, outW, errW), cio.WithFIFODir(runDir)))
	if err != nil {
		return nil, fmt.Errorf("runsc could not create sandbox %s through containerd (runtime %s): %w%s", cfg.ID, Runtime, err, shimHint(err))
	}
	defer func() {
		if _, derr := task.Delete(cleanupCtx, ctrd.WithProcessKill); derr != nil && !errdefs.IsNotFound(derr) && err == nil {
			err = fmt.Errorf("deleting the task of sandbox %s: %w", cfg.ID, derr)
		}
	}()
	res = &sandbox.Result{NetNS: netnsInode(task.Pid())}
	exitCh, err := task.Wait(ctx)
	if err != nil {
		return nil, fmt.Errorf("waiting for sandbox %s: %w", cfg.ID, err)
	}
	if err := task.Start(ctx); err != nil {
		return nil, fmt.Errorf("starting sandbox %s: %w", cfg.ID, err)
	}
	oomKills := cfg.WatchOOM()

	timer := time.NewTimer(cfg.Timeout)
	defer timer.Stop()
	var st ctrd.ExitStatus
	select {
	case st = <-exitCh:
	case <-timer.C:
		res.TimedOut = true
		st = kill(cleanupCtx, task, exitCh)
	case <-ctx.Done():
		res.Canceled = true
		st = kill(cleanupCtx, task, exitCh)
	}
	// The output is complete once the task's IO is closed.
	if tio := task.IO(); tio != nil {
		tio.Wait()
		tio.Close()
	}
	res.Duration = time.Since(start)
	res.Stdout, res.StdoutCut = stdout.Bytes()
	res.Stderr, res.StderrCut = stderr.Bytes()
	code, _, werr := st.Result()
	res.OOMKills = oomKills(werr != nil || code != 0) // before teardown removes the cgroup
	switch {
	case werr != nil:
		return res, fmt.Errorf("waiting for sandbox %s: %w", cfg.ID, werr)
	case res.TimedOut || res.Canceled:
		res.ExitCode = -1 // killed, as sandbox.Run reports it
	default:
		res.ExitCode = int(code)
	}
	if res.Canceled {
		return res, fmt.Errorf("sandbox %s: %w", cfg.ID, context.Cause(ctx))
	}
	return res, nil
}

// kill stops the task and waits for its exit.
func kill(ctx context.Context, task ctrd.Task, exitCh <-chan ctrd.ExitStatus) ctrd.ExitStatus {
	_ = task.Kill(ctx, syscall.SIGKILL, ctrd.WithKillAll)
	select {
	case st := <-exitCh:
		return st
	case <-time.After(30 * time.Second):
		return *ctrd.NewExitStatus(ctrd.UnknownExitStatus, time.Now(), errors.New("the sandbox did not exit 30s after SIGKILL"))
	}
}

// checkVersion refuses containerd older than 1.7.
func checkVersion(ctx context.Context, client *ctrd.Client, addr string) error {
	v, err := client.Version(ctx)
	if err != nil {
		return fmt.Errorf("asking containerd at %s for its version: %w (is containerd running there?)", addr, err)
	}
	major, minor, ok := parseVersion(v.Version)
	if ok && (major < 1 || major == 1 && minor < 7) {
		return fmt.Errorf("containerd at %s is %s: gVisor's shim needs containerd 1.7 or newer", addr, v.Version)
	}
	return nil
}

// parseVersion reads "v1.7.2", "1.7.2-xyz", "2.1.5" into major and minor.
func parseVersion(v string) (major, minor int, ok bool) {
	parts := strings.SplitN(strings.TrimPrefix(v, "v"), ".", 3)
	if len(parts) < 2 {
		return 0, 0, false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(strings.TrimLeftFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' }))
	return major, minor, err1 == nil && err2 == nil
}

// rootfsSnapshot returns the key of a committed snapshot holding the root
// file system directory, committing it on first use. The key comes from the
// directory's path: depbox's root file systems are content-addressed
// directories that never change once built.
func rootfsSnapshot(ctx context.Context, sn snapshots.Snapshotter, dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	key := "depbox-rootfs-" + hex.EncodeToString(sum[:8])
	if _, err := sn.Stat(ctx, key); err == nil {
		return key, nil
	} else if !errdefs.IsNotFound(err) {
		return "", err
	}
	active := fmt.Sprintf("%s-import-%d", key, time.Now().UnixNano())
	mounts, err := sn.Prepare(ctx, active, "")
	if err != nil {
		return "", err
	}
	if err := mount.WithTempMount(ctx, mounts, func(root string) error {
		return fs.CopyDir(root, abs)
	}); err != nil {
		_ = sn.Remove(ctx, active)
		return "", fmt.Errorf("copying %s into a snapshot: %w", abs, err)
	}
	// A gc.root label keeps the snapshot between runs.
	err = sn.Commit(ctx, key, active, snapshots.WithLabels(map[string]string{"containerd.io/gc.root": time.Now().UTC().Format(time.RFC3339)}))
	if errdefs.IsAlreadyExists(err) {
		_ = sn.Remove(ctx, active) // another run committed it first
		return key, nil
	}
	return key, err
}

// runscOptions writes the shim's per-run runsc options file: the runsc
// binary, a private state root, and every runsc flag of the run under
// [runsc_config] (the shim passes each key as --key=value).
func runscOptions(cfg sandbox.Config, dir string) (string, error) {
	flags, err := cfg.RunscFlags(dir)
	if err != nil {
		return "", err
	}
	flags = append(flags, "--debug-log="+filepath.Join(dir, "logs")+"/")
	runsc, err := filepath.Abs(cfg.Runsc)
	if err != nil {
		return "", err
	}
	conf := map[string]string{}
	for _, f := range flags {
		k, v, hasValue := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if !hasValue {
			v = "true"
		}
		conf[k] = v
	}
	keys := make([]string, 0, len(conf))
	for k := range conf {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "# runsc options of sandbox %s, read by containerd-shim-runsc-v1\n", cfg.ID)
	fmt.Fprintf(&b, "binary_name = %s\nroot = %s\n\n[runsc_config]\n", strconv.Quote(runsc), strconv.Quote(filepath.Join(dir, "state")))
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", strconv.Quote(k), strconv.Quote(conf[k]))
	}
	p := filepath.Join(dir, "runsc.toml")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		return "", fmt.Errorf("writing runsc options: %w", err)
	}
	return p, nil
}

// shimHint says what to do when containerd could not start gVisor's shim.
func shimHint(err error) string {
	switch {
	case ShimLacksCapability(err):
		return " (gVisor's shim lowers its oom_score_adj to -999, which needs CAP_SYS_RESOURCE: give it to containerd, or use --backend runsc)"
	case strings.Contains(err.Error(), "not found") || strings.Contains(err.Error(), "no such file"):
		return " (is containerd-shim-runsc-v1 on containerd's PATH? build it with `make shim`)"
	}
	return ""
}

// ShimLacksCapability says whether err is gVisor's shim failing to start
// because it could not lower its own oom_score_adj: the daemon lacks
// CAP_SYS_RESOURCE (some VMs and containers do), and the shim fails hard.
func ShimLacksCapability(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "oom_score_adj") || strings.Contains(err.Error(), "OOM Score"))
}

func netnsInode(pid uint32) uint64 {
	var st unix.Stat_t
	if pid == 0 || unix.Stat(fmt.Sprintf("/proc/%d/ns/net", pid), &st) != nil {
		return 0
	}
	return st.Ino
}
