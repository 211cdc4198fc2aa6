package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/sandbox"
)

// check is one doctor finding.
type check struct {
	name, detail, fix string
	ok                bool
}

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:   "doctor",
			Short: "Check that this machine can run depbox, and say how to fix what is missing",
			Long: `doctor checks, in order: root (network namespaces need it), the depbox
binary being static (it runs as the sandbox's init), runsc, node, the newer
node runtime (optional: make node-runtime), python,
leftovers of depbox processes that were killed (sandbox cgroups, work
directories, still there when looked at again two seconds later, so that a
scan ending at that moment is not one: --clean removes them, and every scan
removes them when it starts), that a network namespace can be created, and finally runs node -e 0
in a real sandbox.
Exit code 0 when everything works, 3 otherwise.`,
			Args: cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				checks := e.doctor(cmd.Context())
				failed := 0
				for _, c := range checks {
					mark := "ok  "
					if !c.ok {
						mark = "FAIL"
						failed++
					}
					fmt.Fprintf(e.stdout, "%s %-18s %s\n", mark, c.name, c.detail)
					if !c.ok && c.fix != "" {
						fmt.Fprintf(e.stdout, "     %-18s fix: %s\n", "", c.fix)
					}
				}
				if failed > 0 {
					return &ExitError{Code: ExitAnalysis, Err: fmt.Errorf("%d check(s) failed", failed)}
				}
				fmt.Fprintln(e.stdout, "depbox is ready.")
				return nil
			},
		}
		cmd.Flags().String("node", "", "host node binary to check (default: node on $PATH)")
		cmd.Flags().String("node-runtime", "", "node runtime directory to check (default: the one make node-runtime writes in the user cache; docs/runtime.md)")
		cmd.Flags().String("python", "", "host CPython to check, used for Python bundles (default: /usr/bin/python3)")
		cmd.Flags().String("work-dir", "", "where scans make their staging directories, searched for leftovers (default: /dev/shm when writable, else $TMPDIR)")
		cmd.Flags().Bool("clean", false, "remove what killed depbox processes left behind (sandbox cgroups, work directories); scans also do it when they start")
		return cmd
	})
}

func (e *env) doctor(ctx context.Context) []check {
	var cs []check
	root := os.Geteuid() == 0
	if root {
		cs = append(cs, check{name: "privileges", ok: true, detail: "running as root"})
	} else {
		cs = append(cs, check{name: "privileges", detail: fmt.Sprintf("running as uid %d", os.Geteuid()),
			fix: "run depbox as root (CI runners usually are; otherwise sudo): it creates a network namespace per run"})
	}
	self, err := os.Executable()
	if err == nil {
		err = scan.CheckStatic(self)
	}
	if err != nil {
		cs = append(cs, check{name: "depbox binary", detail: err.Error(), fix: "make build (builds bin/depbox with CGO_ENABLED=0)"})
	} else {
		cs = append(cs, check{name: "depbox binary", ok: true, detail: "static, can run as the sandbox's init"})
	}
	g := e.global()
	cache, cerr := cacheDir(g.CacheDir)
	runsc, rerr := sandbox.FindRunsc(g.RunscPath, cache)
	if rerr != nil {
		fix := "make runsc (builds runsc from the gVisor module pinned in go.mod; needs Go)"
		if _, err := exec.LookPath("go"); err != nil {
			fix = "install Go, then make runsc; or pass --runsc PATH to a runsc you built"
		}
		cs = append(cs, check{name: "runsc", detail: rerr.Error(), fix: fix})
	} else {
		out, err := exec.Command(runsc, "--version").CombinedOutput()
		if err != nil {
			cs = append(cs, check{name: "runsc", detail: fmt.Sprintf("%s does not run: %v", runsc, err), fix: "rebuild it: make runsc"})
			rerr = err
		} else {
			cs = append(cs, check{name: "runsc", ok: true, detail: runsc + " (" + firstLine(string(out)) + ")"})
		}
	}
	node := e.v.GetString("node")
	var nerr error
	if node == "" {
		node, nerr = exec.LookPath("node")
	}
	if nerr != nil {
		cs = append(cs, check{name: "node", detail: "node not found on $PATH", fix: "install Node.js 20 or newer (apt-get install nodejs) or pass --node PATH"})
	} else {
		out, err := exec.Command(node, "--version").Output()
		v := strings.TrimSpace(string(out))
		major, _ := strconv.Atoi(strings.SplitN(strings.TrimPrefix(v, "v"), ".", 2)[0])
		switch {
		case err != nil:
			nerr = err
			cs = append(cs, check{name: "node", detail: fmt.Sprintf("%s does not run: %v", node, err), fix: "reinstall Node.js"})
		case major < 20:
			nerr = fmt.Errorf("node %s too old", v)
			cs = append(cs, check{name: "node", detail: node + " is " + v, fix: "install Node.js 20 or newer (Lambda's nodejs20.x and later)"})
		default:
			cs = append(cs, check{name: "node", ok: true, detail: node + " " + v})
		}
	}
	cs = append(cs, nodeRuntimeCheck(e.v.GetString("node-runtime")))
	cs = append(cs, pythonCheck(e.v.GetString("python")))
	cs = append(cs, toolsCheck())
	cs = append(cs, e.leftoversCheck(runsc))
	if err := tryNetns(); err != nil {
		cs = append(cs, check{name: "network namespace", detail: err.Error(), fix: "run as root on a kernel with network namespaces (CONFIG_NET_NS)"})
	} else {
		cs = append(cs, check{name: "network namespace", ok: true, detail: "a fresh namespace can be created"})
	}
	if !root || rerr != nil || nerr != nil || cerr != nil || err != nil {
		cs = append(cs, check{name: "sandbox", detail: "skipped: fix the checks above first"})
		return cs
	}
	if err := smokeTest(ctx, cache, runsc, node); err != nil {
		cs = append(cs, check{name: "sandbox", detail: err.Error(), fix: "re-run with --log-level debug; see runsc's message above"})
	} else {
		cs = append(cs, check{name: "sandbox", ok: true, detail: "node -e 0 ran in gVisor with --network=none"})
	}
	return cs
}

// tryNetns creates a network namespace on a throw-away OS thread.
func tryNetns() error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		// The thread is never unlocked: it exits with this goroutine, and its
		// namespace with it.
		errc <- unix.Unshare(unix.CLONE_NEWNET)
	}()
	if err := <-errc; err != nil {
		return fmt.Errorf("unshare(CLONE_NEWNET): %w", err)
	}
	return nil
}

// smokeTest runs node -e 0 in a real sandbox.
func smokeTest(ctx context.Context, cache, runsc, node string) error {
	rootfs, err := sandbox.BuildRootfs(cache, scan.RootfsSpec(node))
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "depbox-doctor-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	res, err := sandbox.Run(ctx, sandbox.Config{
		ID: "depbox-doctor-" + filepath.Base(work)[len("depbox-doctor-"):], Runsc: runsc, WorkDir: work, Rootfs: rootfs,
		Args: []string{"/usr/bin/node", "-e", "0"}, Env: []string{"PATH=/usr/bin:/bin"}, Timeout: time.Minute,
	})
	if err != nil {
		return err
	}
	if res.ExitCode != 0 {
		return fmt.Errorf("node -e 0 exited %d in the sandbox: %s", res.ExitCode, strings.TrimSpace(string(res.Stderr)))
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// pythonCheck looks for the CPython that Python bundles need. Its absence
// does not fail the doctor: Node.js bundles do not need it.
// nodeRuntimeCheck says whether there is a node runtime (docs/runtime.md)
// for packages whose native addons the host's node cannot load: dir, else
// the default one. Without one such packages' analysis ends incomplete, so
// it is optional (ok), but said.
func nodeRuntimeCheck(dir string) check {
	if dir == "" {
		dir = scan.DefaultNodeRuntime()
	}
	rt, err := scan.OpenNodeRuntime(dir)
	if err != nil {
		return check{name: "node runtime", ok: true, detail: "none, so a package whose native addon needs Node-API 10 crashes the host's node and its analysis ends incomplete (make node-runtime makes one; docs/runtime.md): " + err.Error()}
	}
	return check{name: "node runtime", ok: true, detail: fmt.Sprintf("node %s (Node-API %d) from Debian %s, for packages whose native addons need it (docs/runtime.md)", rt.Version, rt.NAPI, rt.Suite)}
}

func pythonCheck(python string) check {
	if python == "" {
		python = scan.DefaultPython
	}
	spec := sandbox.RootfsSpec{}
	py, err := spec.AddPython(python)
	if err != nil {
		return check{name: "python", ok: true, detail: "not usable, so Python bundles cannot be scanned: " + err.Error()}
	}
	pip := "; no pip, so pypi: audits cannot fetch wheels (apt-get install python3-pip)"
	if out, err := exec.Command(python, "-m", "pip", "--version").Output(); err == nil {
		v := strings.Fields(firstLine(string(out))) // pip 23.0.1 from …
		if len(v) > 2 {
			v = v[:2]
		}
		pip = "; " + strings.Join(v, " ") + " for pypi: audits"
	}
	return check{name: "python", ok: true, detail: fmt.Sprintf("%s (Python %s, standard library %s) for Python bundles%s%s", python, py.Version, py.Stdlib, pip, buildBackends(python, py))}
}

// buildBackends says which PEP 517 backends sdist builds have in the
// sandbox (sandbox.RootfsSpec.AddPythonBuild copies them from the host).
func buildBackends(python string, py *sandbox.Python) string {
	spec := sandbox.RootfsSpec{}
	dir, err := spec.AddPythonBuild(python, py)
	if err != nil {
		return "; sdists cannot be built: " + err.Error()
	}
	have := []string{"setuptools"}
	var missing []string
	for _, b := range sandbox.BuildBackends {
		if _, err := os.Stat(filepath.Join(dir, b.Module, "__init__.py")); err == nil {
			have = append(have, b.Name)
		} else {
			missing = append(missing, b.Name)
		}
	}
	out := "; sdists build with " + strings.Join(have, ", ")
	if len(missing) > 0 {
		out += " (not " + strings.Join(missing, ", ") + ": scripts/install-deps installs Debian's)"
	}
	return out
}

// leftoversCheck reports what killed depbox processes left behind, and
// removes it with --clean.
func (e *env) leftoversCheck(runsc string) check {
	ls, err := scan.SettledLeftovers(e.v.GetString("work-dir"), 2*time.Second)
	if err != nil {
		return check{name: "leftovers", detail: "could not look for leftovers of earlier runs: " + err.Error(), fix: "run as root"}
	}
	if len(ls) == 0 {
		return check{name: "leftovers", ok: true, detail: "nothing left behind by earlier depbox runs"}
	}
	var what []string
	for _, l := range ls {
		what = append(what, l.String())
	}
	if e.v.GetBool("clean") {
		if err := scan.RemoveLeftovers(runsc, ls); err != nil {
			return check{name: "leftovers", detail: "removing: " + err.Error(), fix: "remove them by hand: " + strings.Join(what, "; ")}
		}
		return check{name: "leftovers", ok: true, detail: fmt.Sprintf("removed %d: %s", len(ls), strings.Join(what, "; "))}
	}
	return check{name: "leftovers", detail: fmt.Sprintf("%d: %s", len(ls), strings.Join(what, "; ")),
		fix: "depbox doctor --clean removes them (the next scan does too)"}
}

// toolsCheck looks for the programs the sandbox's root file system carries
// (curl, wget, nslookup, dig, ping, nc, base64, bash…): without them a
// payload that needs one gets no further in the sandbox than the attempt.
func toolsCheck() check {
	missing := scan.MissingTools()
	if len(missing) == 0 {
		return check{name: "sandbox tools", ok: true, detail: fmt.Sprintf("%d programs for the sandbox (curl, wget, nslookup, dig, ping, nc, bash…)", len(scan.Tools))}
	}
	names := make([]string, 0, len(missing))
	for _, t := range missing {
		names = append(names, t.Path)
	}
	return check{name: "sandbox tools", detail: "missing " + strings.Join(names, ", ") + ": the sandbox would run stand-ins that fail",
		fix: scan.ToolsFix(missing)}
}
