package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGateBundledFunction gates an esbuild bundle built with CDK's default
// options (real esbuild output, internal/scan/testdata/bundled-src) whose
// bundled "stealer" reads the AWS credentials bait file and sends the
// secret key out through DNS at load: the gate fails naming the bundled
// package, with its version from --lockfile; the same function without the
// stealer passes.
func TestGateBundledFunction(t *testing.T) {
	depbox := e2eDepbox(t)
	const src = "../scan/testdata/bundles"
	lock, err := filepath.Abs("../scan/testdata/bundled-src/package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	fn := filepath.Join(work, "fn")
	copyTree(t, filepath.Join(src, "bundled-esbuild"), fn)
	reportPath := filepath.Join(work, "report.json")
	code, stdout, stderr := depbox("gate", fn, "--lockfile", lock, "--json", reportPath)
	if code != ExitFindings {
		t.Fatalf("gate of the bundle with the stealer: exit %d, want 1\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "DBX001 canary-exfiltration  stealer@1.0.0 (index.js#node_modules/stealer)") {
		t.Errorf("the gate does not name the bundled stealer:\n%s", stdout)
	}
	var rep struct {
		Findings []struct {
			Rule, Dependency, Path string
			Failing                bool
		} `json:"findings"`
	}
	if b, err := os.ReadFile(reportPath); err != nil || json.Unmarshal(b, &rep) != nil {
		t.Fatalf("JSON report: %v", err)
	}
	rules := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Failing && f.Path != "index.js#node_modules/stealer" {
			t.Errorf("failing finding %s about %s, want only the stealer", f.Rule, f.Path)
		}
		rules[f.Rule] = true
	}
	if !rules["DBX001"] || !rules["DBX005"] {
		t.Errorf("findings %+v, want DBX001 (exfiltration) and DBX005 (bait file)", rep.Findings)
	}

	benign := filepath.Join(work, "benign")
	copyTree(t, filepath.Join(src, "bundled-benign"), benign)
	if code, stdout, stderr := depbox("gate", benign, "--lockfile", lock); code != ExitOK {
		t.Errorf("gate of the same function without the stealer: exit %d, want 0\n%s\n%s", code, stdout, stderr)
	}
}
