package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// writeTree writes files (bundle-relative path → content) under a new
// temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		full := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// badDist is a distribution "bad" whose module body is body; the fixtures
// below only ever run inside depbox's gVisor sandbox.
func badDist(body string) map[string]string {
	return map[string]string{
		"bad/__init__.py":            "# TEST FIXTURE: runs only inside depbox's sandbox.\n" + body,
		"bad-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: bad\nVersion: 1.0\n",
		"bad-1.0.dist-info/RECORD":   "bad/__init__.py,,\nbad-1.0.dist-info/METADATA,,\nbad-1.0.dist-info/RECORD,,\n",
	}
}

func with(files map[string]string, name, content string) map[string]string {
	files[name] = content
	return files
}

// TestPythonInvokeOutcomes runs Python handlers that never give control
// back, throw at load or end the process, in the real sandbox: the invoke
// phase's outcome is what the Node.js harness's is for the same conduct
// (the runner's watchdog, armed by the harness's deadline lines, bounds a
// handler that catches its own timeout or loops at load; SystemExit and
// os._exit end the process and name who did it), and each of those makes
// the profile incomplete, while a handler that throws in an invocation is
// an ordinary (complete) run.
func TestPythonInvokeOutcomes(t *testing.T) {
	requirePython(t)
	const handler = "lambda_function.py"
	tests := []struct {
		name       string
		files      map[string]string
		status     string
		msg        []string // each must appear in the outcome's error
		endedBy    string
		incomplete bool
	}{
		{name: "handler catches its own timeout and loops",
			files: map[string]string{handler: "def lambda_handler(event, context):\n" +
				"    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n"},
			status: profile.StatusTimeout, msg: []string{"invocation 1 of 3", "did not give control back within its 1000 ms timeout"}, incomplete: true},
		{name: "loop at load in the handler's module",
			files:  map[string]string{handler: "while True:\n    pass\n\ndef lambda_handler(event, context):\n    return 1\n"},
			status: profile.StatusTimeout, msg: []string{"loading the handler lambda_function.lambda_handler", "longer than 2000 ms"}, incomplete: true},
		{name: "throw at load",
			files:  map[string]string{handler: "raise RuntimeError('boom at load')\n\ndef lambda_handler(event, context):\n    return 1\n"},
			status: profile.StatusInitError, msg: []string{"RuntimeError: boom at load"}, incomplete: true},
		{name: "SystemExit in a distribution on the second invocation",
			files: with(badDist("import sys\nn = 0\n\ndef work():\n    global n\n    n += 1\n    if n == 2:\n        sys.exit(3)\n"),
				handler, "import bad\n\ndef lambda_handler(event, context):\n    bad.work()\n    return 1\n"),
			status: profile.StatusExited, msg: []string{"exited with code 3 during invocation 2 of 3"}, endedBy: "bad-1.0.dist-info", incomplete: true},
		{name: "os._exit in a distribution",
			files: with(badDist("import os\n\ndef work():\n    os._exit(0)\n"),
				handler, "import bad\n\ndef lambda_handler(event, context):\n    bad.work()\n    return 1\n"),
			status: profile.StatusExited, msg: []string{"only 0 of 3 invocations finished"}, endedBy: "bad-1.0.dist-info", incomplete: true},
		{name: "handler throws in every invocation",
			files:  map[string]string{handler: "def lambda_handler(event, context):\n    raise ValueError('bad input')\n"},
			status: profile.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := invokeOptions(t, writeTree(t, tt.files))
			o.InvokeTimeout, o.InitTimeout, o.StepTimeout = time.Second, 2*time.Second, 8*time.Second
			p, _, err := scan.Scan(context.Background(), o)
			if err != nil {
				t.Fatalf("scan: %v", err)
			}
			if p.App == nil || p.App.Phases[profile.PhaseInvoke] == nil || p.App.Phases[profile.PhaseInvoke].Outcome == nil {
				t.Fatalf("no invoke outcome: %+v", p.App)
			}
			out := p.App.Phases[profile.PhaseInvoke].Outcome
			if out.Status != tt.status {
				t.Errorf("invoke outcome %+v, want status %s", out, tt.status)
			}
			for _, m := range tt.msg {
				if !strings.Contains(out.Error, m) {
					t.Errorf("invoke outcome error %q does not say %q", out.Error, m)
				}
			}
			if out.EndedBy != tt.endedBy {
				t.Errorf("ended by %q, want %q", out.EndedBy, tt.endedBy)
			}
			if p.Incomplete != tt.incomplete {
				t.Errorf("incomplete %v, want %v; problems %+v", p.Incomplete, tt.incomplete, p.Problems)
			}
			if tt.incomplete && !slices.ContainsFunc(p.Problems, func(pr profile.Problem) bool {
				return pr.Fatal && pr.Phase == profile.PhaseInvoke && pr.Code == tt.status
			}) {
				t.Errorf("no fatal %s problem of the invoke phase in %+v", tt.status, p.Problems)
			}
		})
	}
}
