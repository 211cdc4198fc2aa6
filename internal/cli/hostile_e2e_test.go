package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

// hostileTestdata holds one-package bundles whose dependency attacks the
// analysis itself (issue 15). TEST FIXTURES: they run only inside depbox's
// sandbox, and contact only *.invalid names.
const hostileTestdata = "testdata/hostile"

// hostileEvents keeps the invoke phase short: three events.
var hostileEvents = []string{"--events", "s3,sqs,sns", "--event-variants", "default"}

type e2eFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Phase    string `json:"phase"`
	Message  string `json:"message"`
}

type e2eReport struct {
	Incomplete bool              `json:"incomplete"`
	Findings   []e2eFinding      `json:"findings"`
	Problems   []profile.Problem `json:"problems"`
}

// sandboxIDs finds the ids of the sandboxes a run started in its
// --log-level info output.
var sandboxIDRE = regexp.MustCompile(`msg="sandbox starting" id=(depbox-[0-9]+-run[0-9]+)`)

// assertTornDown checks that a depbox run left nothing behind: no staging
// directory in its --work-dir, and no cgroup of its sandboxes in any
// controller.
func assertTornDown(t *testing.T, workDir, stderr string) {
	t.Helper()
	ents, err := os.ReadDir(workDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		t.Errorf("left behind in the work directory: %s", e.Name())
	}
	ids := sandboxIDRE.FindAllStringSubmatch(stderr, -1)
	if len(ids) == 0 {
		t.Errorf("no sandbox id in the log:\n%s", stderr)
	}
	for _, m := range ids {
		left, _ := filepath.Glob("/sys/fs/cgroup/*/depbox/" + m[1])
		if d := "/sys/fs/cgroup/depbox/" + m[1]; exists(d) {
			left = append(left, d)
		}
		for _, d := range left {
			t.Errorf("cgroup left behind: %s", d)
		}
	}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// TestHostileBundles runs each hostile bundle through `depbox gate` in the
// real sandbox and checks the exit code, the finding that says what
// happened (and names the package), and the teardown.
func TestHostileBundles(t *testing.T) {
	depbox := e2eDepbox(t)
	tests := []struct {
		name string
		args []string
		code int
		// a finding with this rule, path and phase whose message says this
		rule, path, phase, says string
	}{
		// Issue 15 item 1: the remaining events never ran.
		{"exit-second", nil, ExitAnalysis, "DBX004", "node_modules/evil", "invoke", "ended before it finished (exit code 0, during invocation 2 of 3"},
		{"kill-self", nil, ExitAnalysis, "DBX004", "node_modules/evil", "invoke", "was ended by a signal (killed) during invocation 2 of 3"},
		{"abort", nil, ExitAnalysis, "DBX004", "node_modules/evil", "invoke", "was ended by a signal (aborted) during invocation 2 of 3"},
		// Item 2 and 6: a ten-minute timer in a package the handler does not
		// load runs within the (default) linger, and is a time bomb.
		{"import-timer", nil, ExitFindings, "DBX018", "node_modules/evil", "import", "10m0s timer in the import phase; brought forward, its callback then acted: dns bomb.depbox-test.invalid, file-write /tmp/bomb-dropped.txt"},
		{"invoke-bomb", nil, ExitFindings, "DBX018", "node_modules/evil", "invoke", "10m0s timer in the invoke phase; brought forward, its callback then acted: dns invoke-bomb.depbox-test.invalid"},
		// Item 3: no invocation ran.
		{"throw-at-load", nil, ExitAnalysis, "DBX004", "", "invoke", "the handler could not be loaded (Error: E_BOOM at load), so no invocation ran"},
		// Item 11: the handler's start-up has a limit of its own.
		{"loop-at-import", []string{"--step-timeout", "4s", "--init-timeout", "3s"}, ExitAnalysis, "DBX004", "", "invoke", "killed at its time limit during start-up"},
		// Item 9: failed probes and signals are recorded as attempts; the
		// write into the read-only bundle is a finding.
		{"probes", nil, ExitFindings, "DBX012", "node_modules/evil", "invoke", "/var/task/implant.js (open failed)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			work := t.TempDir()
			fn := filepath.Join(work, "fn")
			copyTree(t, filepath.Join(hostileTestdata, tt.name), fn)
			wd := t.TempDir()
			reportPath := filepath.Join(work, "report.json")
			args := append([]string{"--log-level", "info", "gate", fn, "--work-dir", wd, "--json", reportPath}, hostileEvents...)
			code, stdout, stderr := depbox(append(args, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", code, tt.code, stdout, stderr)
			}
			var r e2eReport
			data, err := os.ReadFile(reportPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &r); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, f := range r.Findings {
				if f.Rule == tt.rule && f.Path == tt.path && f.Phase == tt.phase && strings.Contains(f.Message, tt.says) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s finding on %q in the %s phase saying %q:\n%s", tt.rule, tt.path, tt.phase, tt.says, findingList(r.Findings))
			}
			if r.Incomplete != (tt.code == ExitAnalysis) {
				t.Errorf("report incomplete = %v with exit %d", r.Incomplete, code)
			}
			if tt.code == ExitAnalysis && !strings.Contains(stderr, tt.says) {
				t.Errorf("the exit message does not say why (%q):\n%s", tt.says, stderr)
			}
			assertTornDown(t, wd, stderr)
		})
	}
}

func findingList(fs []e2eFinding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Rule + " " + f.Path + " [" + f.Phase + "] " + f.Message + "\n")
	}
	return b.String()
}

// TestHostileOutOfMemory (issue 15 item 5): a dependency that runs out of
// memory leaves an incomplete profile, and scan, gate and baseline update
// all refuse it alike, saying so truly.
func TestHostileOutOfMemory(t *testing.T) {
	depbox := e2eDepbox(t)
	work := t.TempDir()
	fn := filepath.Join(work, "fn")
	copyTree(t, filepath.Join(hostileTestdata, "oom"), fn)
	wd := t.TempDir()
	prof := filepath.Join(work, "profile.json")
	args := append([]string{"--log-level", "info", "scan", fn, "--work-dir", wd, "--memory", "1073741824", "--format", "json", "-o", prof}, hostileEvents...)
	code, stdout, stderr := depbox(args...)
	if code != ExitAnalysis {
		t.Fatalf("scan: exit %d, want %d\n%s\n%s", code, ExitAnalysis, stdout, stderr)
	}
	const says = "the import phase of node_modules/evil ran out of memory"
	if !strings.Contains(stderr, says) {
		t.Errorf("scan does not say why:\n%s", stderr)
	}
	assertTornDown(t, wd, stderr)
	f, err := os.Open(prof)
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !p.Incomplete || p.Dependency("node_modules/evil").Phases[profile.PhaseImport].Outcome.Status != profile.StatusKilled {
		t.Fatalf("profile: incomplete %v, problems %+v", p.Incomplete, p.Problems)
	}

	basePath := filepath.Join(work, "depbox.baseline.json")
	code, stdout, stderr = depbox("baseline", "update", "--profile", prof, "--baseline", basePath, "--yes")
	if code != ExitAnalysis || !strings.Contains(stderr, says) {
		t.Errorf("baseline update: exit %d, want %d saying %q\n%s\n%s", code, ExitAnalysis, says, stdout, stderr)
	}
	if exists(basePath) {
		t.Errorf("baseline update wrote %s from an incomplete profile", basePath)
	}
	code, stdout, stderr = depbox("gate", "--profile", prof, fn)
	if code != ExitAnalysis || !strings.Contains(stderr, says) || strings.Contains(stderr, "marked incomplete") {
		t.Errorf("gate: exit %d, want %d saying %q\n%s\n%s", code, ExitAnalysis, says, stdout, stderr)
	}
}
