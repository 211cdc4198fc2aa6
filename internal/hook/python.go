package hook

import (
	"context"
	"embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// The Python side: pyhook.py is the attribution hook (PEP 578 audit hooks
// and a recording os.environ), pyrun.py the loader of the startup and
// import phases, pybatch.py the batch loader of the import phase,
// pyinvoke.py the Lambda Python runtime emulation, pyexec.py the execute
// harness of audits, pybuild.py the builder of source distributions. Their
// records use the same marker transport and, where they apply, the same
// kinds as hook.js (docs/hook.md, "Python").
const (
	// PyHookPath is the hook; the rootfs's sitecustomize loads it into
	// Python processes that packages start.
	PyHookPath = Dir + "/pyhook.py"
	// PyRunPath is the startup and import loader.
	PyRunPath = Dir + "/pyrun.py"
	// PyBatchPath is the batch loader of the import phase: many
	// distributions per process, each in a window of its own.
	PyBatchPath = Dir + "/pybatch.py"
	// PyInvokePath is the invoke harness; it reads InvokeConfigPath.
	PyInvokePath = Dir + "/pyinvoke.py"
	// PyExecPath calls a distribution's public functions (the execute
	// phase of audits).
	PyExecPath = Dir + "/pyexec.py"
	// PyBuildPath builds a source distribution (the install phase of
	// sdist audits).
	PyBuildPath = Dir + "/pybuild.py"
	// PyConfigPath is read by the hook and the loaders (PyConfig).
	PyConfigPath = Dir + "/py-config.json"
)

//go:embed pyhook.py pyrun.py pyinvoke.py pybuild.py pyexec.py pybatch.py
var pyFiles embed.FS

// PyFiles returns the Python hook's files for the control directory, by
// base name.
func PyFiles() map[string][]byte {
	out := map[string][]byte{}
	entries, _ := pyFiles.ReadDir(".")
	for _, e := range entries {
		b, err := pyFiles.ReadFile(e.Name())
		if err != nil {
			panic("hook: embedded file " + e.Name() + ": " + err.Error()) // cannot happen: embedded at build time
		}
		out[e.Name()] = b
	}
	return out
}

// PyConfig is /depbox/py-config.json.
type PyConfig struct {
	// TaskRoot is where the bundle is mounted; Owners' paths are relative
	// to it.
	TaskRoot string `json:"task_root"`
	// Owners maps bundle-relative files and directories to the install
	// path of the distribution that installed them (the smallest set: a
	// directory stands for everything below it).
	Owners map[string]string `json:"owners"`
	// SysPath is put first on sys.path, as the Lambda runtime does: the
	// task root, then the bundle's other site directories.
	SysPath []string `json:"sys_path"`
	// Stdlib are the standard library's directories: reads of the
	// environment made there (locale, proxies) are the runtime's own.
	Stdlib []string `json:"stdlib"`
	// OwnedOnly records only what runs with a frame of a bundle file on
	// the stack (a build: the build tools' own work is not behaviour,
	// and the syscall stream gives the whole process to the distribution
	// being built anyway).
	OwnedOnly bool `json:"owned_only,omitempty"`
	// Runtime are directories of tools that run like the harness (the
	// build tools of a source distribution's build): an event whose
	// innermost frame outside the standard library is theirs is their
	// own work, not recorded.
	Runtime []string `json:"runtime,omitempty"`
	// DataBytes is how many leading bytes of each outgoing write are
	// recorded (default 4096).
	DataBytes int `json:"data_bytes,omitempty"`
}

// pyCompileScript compiles the files named after the directory argument
// to NAMEc beside them, each under its path in the sandbox (/depbox/NAME)
// so that frames name it as its source would; unchecked-hash byte code:
// nothing compares it with a source file.
const pyCompileScript = `import os, py_compile, sys
d = sys.argv[1]
for n in sys.argv[2:]:
    py_compile.compile(os.path.join(d, n), cfile=os.path.join(d, n + 'c'), dfile='` + Dir + `/' + n,
                       doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
`

// PyCompile compiles the Python files (by base name, as PyFiles gives
// them) to byte code with python, the interpreter the sandbox runs (byte
// code is per version), and returns them by base name with a "c" suffix
// ("pyrun.pyc"). Only depbox's own files are compiled, on the host: a
// process in the sandbox then starts without compiling the hook and its
// loader (tens of milliseconds each).
func PyCompile(ctx context.Context, python string, files map[string][]byte) (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "depbox-pyc-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	args := []string{"-S", "-B", "-I", "-c", pyCompileScript, dir}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o600); err != nil {
			return nil, err
		}
		args = append(args, name)
	}
	if out, err := exec.CommandContext(ctx, python, args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compiling depbox's Python hook with %s: %w: %s", python, err, out)
	}
	out := map[string][]byte{}
	for name := range files {
		b, err := os.ReadFile(filepath.Join(dir, name+"c"))
		if err != nil {
			return nil, fmt.Errorf("compiling depbox's Python hook with %s: %w", python, err)
		}
		out[name+"c"] = b
	}
	return out, nil
}
