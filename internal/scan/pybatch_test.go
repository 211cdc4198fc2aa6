package scan_test

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// pyMisbehaving is a Python bundle of distributions that misbehave in a
// batch, one batch (Jobs: 1), leaves all, in this order: a_first,
// b_thread, c_exiter, d_patcher, e_failer, f_user, g_globpatch, h_user,
// i_pathmod, j_last. TEST FIXTURE: every file it touches is a probe path
// under /tmp that exists nowhere; it runs only in the sandbox.
var pyMisbehaving = func() map[string]string {
	files := map[string]string{"lambda_function.py": "def lambda_handler(event, context):\n    return 1\n"}
	for name, code := range map[string]string{
		// a_first: a quiet distribution before the others.
		"a_first": "X = 1\n",
		// b_thread: a thread that finishes within the linger (its own),
		// and one left running that would read in later windows.
		"b_thread": `import threading, time
def quick():
    try: open('/tmp/quick-thread-probe')
    except OSError: pass
def loop():
    while True:
        try: open('/tmp/loop-thread-probe')
        except OSError: pass
        time.sleep(0.02)
threading.Thread(target=quick).start()
threading.Thread(target=loop, daemon=True).start()
`,
		// c_exiter: writes a file and ends the process.
		"c_exiter": "import os\nopen('/tmp/exiter.txt', 'w').write('x')\nos._exit(3)\n",
		// d_patcher: patches builtins.__import__, which later imports would run.
		"d_patcher": `import builtins
_imp = builtins.__import__
def imp(*a, **kw):
    try: open('/tmp/patcher-probe')
    except OSError: pass
    return _imp(*a, **kw)
builtins.__import__ = imp
import json
`,
		// e_failer: reads a file, then its import fails.
		"e_failer": "try:\n    open('/tmp/failer-probe')\nexcept OSError:\n    pass\nraise ImportError('e_failer does not import')\n",
		// f_user: imports after the patch.
		"f_user": "import base64\nimport json\n",
		// g_globpatch: patches json.dumps; h_user, after it, calls it.
		"g_globpatch": `import json
_dumps = json.dumps
def dumps(*a, **kw):
    try: open('/tmp/globpatch-probe')
    except OSError: pass
    return _dumps(*a, **kw)
json.dumps = dumps
`,
		"h_user": "import json\nX = json.dumps({'a': 1})\n",
		// i_pathmod: changes sys.path (its window stands; the next
		// distribution starts in a fresh process); j_last follows.
		"i_pathmod": "import sys\nsys.path.append('/tmp/nowhere')\n",
		"j_last":    "import json\n",
	} {
		info := name + "-1.0.dist-info/"
		files[name+"/__init__.py"] = code
		files[info+"METADATA"] = "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n"
		files[info+"RECORD"] = name + "/__init__.py,,\n" + info + "METADATA,,\n" + info + "RECORD,,\n"
	}
	return files
}()

// TestPythonBatchMisbehaving runs a batch of Python distributions that
// misbehave (threads, os._exit, a patched builtins.__import__, a failing
// import, a patched json.dumps a later one calls, a changed sys.path) in
// the real sandbox: each distribution's import behaviour must be what it
// is with one process per distribution, nothing one left behind may land
// on another, and the windows the loader gave up on must have been
// imported again alone.
func TestPythonBatchMisbehaving(t *testing.T) {
	requirePython(t)
	batched, alone, st := scanBatchedAndAlone(t, pyMisbehaving)
	checkBatchedImports(t, batched, alone, []batchedImport{
		{"a_first-1.0.dist-info", "ok", nil},
		{"b_thread-1.0.dist-info", "ok", []string{"/tmp/quick-thread-probe", "/tmp/loop-thread-probe"}},
		{"c_exiter-1.0.dist-info", profile.StatusExited, []string{"/tmp/exiter.txt"}},
		{"d_patcher-1.0.dist-info", "ok", []string{"/tmp/patcher-probe"}},
		{"e_failer-1.0.dist-info", "error", []string{"/tmp/failer-probe"}},
		{"f_user-1.0.dist-info", "ok", nil},
		{"g_globpatch-1.0.dist-info", "ok", nil},
		{"h_user-1.0.dist-info", "ok", nil},
		{"i_pathmod-1.0.dist-info", "ok", nil},
		{"j_last-1.0.dist-info", "ok", nil},
	})
	t.Logf("batched scan: %d imported alone by the runner, %d again by the profiler", st.Isolated, st.Rerun)
	// b_thread (a thread left), c_exiter (the exit) and d_patcher (the
	// import system) are caught by the loader; the patched json.dumps
	// only by the profiler (h_user's window has a record naming
	// g_globpatch, which h_user did not load).
	if st.Isolated < 3 || st.Rerun < 1 {
		t.Errorf("%d distributions imported alone by the runner and %d again by the profiler, want ≥ 3 and ≥ 1", st.Isolated, st.Rerun)
	}
}
