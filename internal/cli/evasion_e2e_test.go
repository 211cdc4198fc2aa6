package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/baseline"
)

// evasionFixtures are the issue-16 fixtures of the evaluation corpus.
const evasionFixtures = "../../eval/malicious"

// gateFindings runs depbox gate on dir with a JSON report and returns the
// exit code and the findings as rule → install paths.
func gateFindings(t *testing.T, run func(args ...string) (int, string, string), dir string, extra ...string) (int, map[string][]string, []jsonFinding) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.json")
	args := append([]string{"gate", dir, "--handler", "index.handler", "--format", "json", "-o", out}, extra...)
	code, stdout, stderr := run(args...)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no JSON report (exit %d): %v\n%s\n%s", code, err, stdout, stderr)
	}
	var r struct {
		Findings []jsonFinding `json:"findings"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	by := map[string][]string{}
	for _, f := range r.Findings {
		by[f.Rule] = append(by[f.Rule], f.Path)
	}
	if testing.Verbose() || t.Failed() {
		t.Logf("stdout:\n%s", stdout)
	}
	return code, by, r.Findings
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Phase    string `json:"phase"`
	Message  string `json:"message"`
	Evidence struct {
		Values       []string `json:"values"`
		Unattributed bool     `json:"unattributed"`
	} `json:"evidence"`
}

// TestEvasion runs issue 16's cases (and the forged records of issue 15
// item 4 and issue 10 item 8) through depbox gate in the real sandbox:
// behaviour that goes around the hook, and records forged to misdirect it,
// fail the gate on the package that did it and on nobody else.
func TestEvasion(t *testing.T) {
	run := e2eDepbox(t)
	tests := []struct {
		fixture string
		// want: rule → the install paths it must fire on (high at least).
		want map[string][]string
		// clean: install paths no finding may name.
		clean []string
		// values: evidence values some finding must carry.
		values []string
	}{
		{"evasion-16-binding-credentials",
			map[string][]string{"DBX005": {"node_modules/cfgpeek"}, "DBX013": {"node_modules/cfgpeek"}},
			[]string{"."}, []string{"/home/sbx_user/.aws/credentials", "/proc/PID/environ"}},
		{"evasion-16-forged-as-function",
			map[string][]string{"DBX005": {"node_modules/lognest"}, "DBX013": {"node_modules/lognest"}},
			[]string{"."}, []string{"forged hook record (bad-proof): fs read as the function: /home/sbx_user/.aws/credentials"}},
		{"evasion-16-forged-as-other",
			map[string][]string{"DBX005": {"node_modules/metricsy"}, "DBX013": {"node_modules/metricsy"}},
			[]string{".", "node_modules/tinyqs"}, []string{"forged hook record (bad-proof): fs read as node_modules/tinyqs: /home/sbx_user/.aws/credentials"}},
		{"evasion-16-spawn-sync-shell",
			map[string][]string{"DBX007": {"node_modules/procstat"}, "DBX013": {"node_modules/procstat"}},
			[]string{"."}, []string{"/bin/sh -c id"}},
		{"evasion-16-forged-invoke",
			map[string][]string{"DBX013": {"node_modules/cachely"}},
			[]string{".", "node_modules/safe-json-fmt"}, []string{"forged hook record (bad-proof): child spawnSync as node_modules/safe-json-fmt: /bin/sh -c id"}},
		// Native code: the package cannot be named from the stream, so the
		// function's process carries the findings, naming it as loaded.
		{"evasion-16-native-addon",
			map[string][]string{"DBX005": {"."}, "DBX007": {"."}, "DBX013": {"."}},
			[]string{"node_modules/fastcrc-native"}, []string{"network connect tcp 192.0.2.66:443"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			code, by, findings := gateFindings(t, run, filepath.Join(evasionFixtures, tt.fixture))
			if code != ExitFindings {
				t.Errorf("exit %d, want %d", code, ExitFindings)
			}
			for rule, paths := range tt.want {
				for _, p := range paths {
					if !slices.Contains(by[rule], p) {
						t.Errorf("no %s on %s; findings: %v", rule, p, by)
					}
				}
			}
			var values []string
			for _, f := range findings {
				if slices.Contains(tt.clean, f.Path) {
					t.Errorf("%s on %s, which did nothing: %s", f.Rule, f.Path, f.Message)
				}
				if f.Path == "." && !strings.Contains(f.Message, "packages loaded in that process: node_modules/") {
					t.Errorf("%s on the function does not name the packages loaded: %s", f.Rule, f.Message)
				}
				values = append(values, f.Evidence.Values...)
			}
			for _, v := range tt.values {
				if !slices.ContainsFunc(values, func(x string) bool { return strings.Contains(x, v) }) {
					t.Errorf("no evidence value %q among %q", v, values)
				}
			}
		})
	}
}

// TestEvasionWithBaseline: a baseline cannot make a hook bypass pass, even
// one recorded from the very version that bypasses.
func TestEvasionWithBaseline(t *testing.T) {
	run := e2eDepbox(t)
	dir := filepath.Join(t.TempDir(), "fn")
	copyTree(t, filepath.Join(evasionFixtures, "evasion-16-spawn-sync-shell"), dir)
	prof := filepath.Join(t.TempDir(), "profile.json")
	if code, _, stderr := run("scan", dir, "--handler", "index.handler", "--format", "json", "-o", prof); code != ExitOK {
		t.Fatalf("scan: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run("baseline", "update", "--yes", "--profile", prof, dir); code != ExitOK {
		t.Fatalf("baseline update: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, baseline.FileName)); err != nil {
		t.Fatal(err)
	}
	code, by, _ := gateFindings(t, run, dir, "--profile", prof)
	if code != ExitFindings || !slices.Contains(by["DBX013"], "node_modules/procstat") {
		t.Errorf("with a baseline that records the shell: exit %d, findings %v; want exit 1 with DBX013 on node_modules/procstat", code, by)
	}
	if slices.Contains(by["DBX007"], "node_modules/procstat") {
		t.Errorf("DBX007 fired although the baseline records the shell: %v", by)
	}
}

// TestScanLostOutput: scan reports a result it could not write.
func TestScanLostOutput(t *testing.T) {
	run := e2eDepbox(t)
	fixtureDir := filepath.Join(evasionFixtures, "evasion-16-forged-invoke")
	for _, args := range [][]string{{"-o", "/dev/full"}, {"--format", "json", "-o", "/dev/full"}} {
		code, _, stderr := run(append([]string{"scan", fixtureDir, "--handler", "index.handler"}, args...)...)
		if code != ExitAnalysis || !strings.Contains(stderr, "no space left on device") {
			t.Errorf("scan %v: exit %d, want %d saying what failed\n%s", args, code, ExitAnalysis, stderr)
		}
	}
}
