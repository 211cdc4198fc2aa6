package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/advisory"
)

// devFull opens /dev/full, where every write fails with ENOSPC.
func devFull(t *testing.T) *os.File {
	t.Helper()
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestLostOutput: no command reports success, or merely findings, when its
// output could not be written — to stdout in any format, to -o, or to the
// gate's extra report files.
func TestLostOutput(t *testing.T) {
	dir := fnDir(t)
	cache := t.TempDir()
	if code, _, stderr := runDepbox(t, "--cache-dir", cache, "osv", "import", filepath.Join(advisoryTestdata, "mal-famous")); code != ExitOK {
		t.Fatalf("osv import: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(advisory.DefaultPath(cache)); err != nil {
		t.Fatal(err)
	}
	gate := func(args ...string) []string {
		return append([]string{"gate", "--profile", fixture("v1.json")}, append(args, dir)...)
	}
	tests := []struct {
		name   string
		args   []string
		stdout bool // stdout is /dev/full; else the args name /dev/full
		want   int
	}{
		{"gate text", gate(), true, ExitAnalysis},
		{"gate with findings, text", []string{"gate", "--profile", fixture("v2.json"), dir}, true, ExitAnalysis},
		{"gate json", gate("--format", "json"), true, ExitAnalysis},
		{"gate sarif", gate("--format", "sarif"), true, ExitAnalysis},
		{"gate markdown", gate("--format", "markdown"), true, ExitAnalysis},
		{"gate html", gate("--format", "html"), true, ExitAnalysis},
		{"gate -o", gate("--format", "sarif", "-o", "/dev/full"), false, ExitAnalysis},
		{"gate --sarif", gate("--sarif", "/dev/full"), false, ExitAnalysis},
		{"gate --json", gate("--json", "/dev/full"), false, ExitAnalysis},
		{"gate --markdown", gate("--markdown", "/dev/full"), false, ExitAnalysis},
		{"gate --html", gate("--html", "/dev/full"), false, ExitAnalysis},
		{"gate --html with findings", []string{"gate", "--profile", fixture("v2.json"), "--html", "/dev/full", dir}, false, ExitAnalysis},
		{"baseline update", []string{"baseline", "update", "--yes", "--profile", fixture("v1.json"), dir}, true, ExitAnalysis},
		{"baseline diff", []string{"baseline", "diff", fixture("v1.json"), fixture("v2.json")}, true, ExitAnalysis},
		{"rules", []string{"rules"}, true, ExitAnalysis},
		{"rules json", []string{"rules", "--format", "json"}, true, ExitAnalysis},
		{"osv stats", []string{"--cache-dir", cache, "osv", "stats"}, true, ExitAnalysis},
		{"osv stats json", []string{"--cache-dir", cache, "osv", "stats", "--json"}, true, ExitAnalysis},
		{"osv query", []string{"--cache-dir", cache, "osv", "query", "event-stream@3.3.6"}, true, ExitAnalysis},
		{"version", []string{"version"}, true, ExitAnalysis},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			var code int
			if tt.stdout {
				code = Main(tt.args, strings.NewReader(""), devFull(t), &stderr)
			} else {
				code = Main(tt.args, strings.NewReader(""), &stdout, &stderr)
			}
			if code != tt.want {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tt.want, stderr.String())
			}
			if !strings.Contains(stderr.String(), "no space left on device") {
				t.Errorf("stderr does not say what failed:\n%s", stderr.String())
			}
		})
	}
}
