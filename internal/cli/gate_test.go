package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/depbox/depbox/baseline"
)

const gateTestdata = "testdata/gate"

// depbox runs the CLI in-process with stdin and returns the exit code and output.
func depbox(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// fnDir copies the fixture function (package.json, package-lock.json) to a
// temporary directory, where the baseline will be written.
func fnDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "fn")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"package.json", "package-lock.json"} {
		b, err := os.ReadFile(filepath.Join(gateTestdata, "fn", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func fixture(name string) string { return filepath.Join(gateTestdata, name) }

func writeConfig(t *testing.T, yaml string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "depbox.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGateWithoutBaseline(t *testing.T) {
	dir := fnDir(t)
	code, stdout, stderr := depbox(t, "", "gate", "--profile", fixture("v1.json"), dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"PASS", "no baseline: rules DBX010, DBX011, DBX016 skipped"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	// The bad version fails on the baseline-independent secret+network rule.
	code, stdout, _ = depbox(t, "", "gate", "--profile", fixture("v2.json"), dir)
	if code != ExitFindings || !strings.Contains(stdout, "DBX006 secret-env-and-network") {
		t.Errorf("v2 without baseline: exit %d\n%s", code, stdout)
	}
}

// TestBaselineWorkflow is the e2e flow on recorded profiles: record v1,
// gate v2 (fails naming the dependency and rule), accept v2, gate passes.
func TestBaselineWorkflow(t *testing.T) {
	dir := fnDir(t)
	basePath := filepath.Join(dir, baseline.FileName)

	code, _, stderr := depbox(t, "", "baseline", "update", "--profile", fixture("v1.json"), dir)
	if code != ExitUsage || !strings.Contains(stderr, "--yes") {
		t.Fatalf("update without a terminal or --yes: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(basePath); err == nil {
		t.Fatal("baseline written without confirmation")
	}

	code, stdout, stderr := depbox(t, "", "baseline", "update", "--yes", "--profile", fixture("v1.json"), dir)
	if code != ExitOK || !strings.Contains(stdout, "Wrote "+basePath) || !strings.Contains(stdout, "new dependency http-client@1.0.0") {
		t.Fatalf("update --yes: exit %d\n%s\n%s", code, stdout, stderr)
	}
	first, err := os.ReadFile(basePath)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = depbox(t, "", "baseline", "update", "--yes", "--profile", fixture("v1.json"), dir)
	if code != ExitOK || !strings.Contains(stdout, "is up to date") {
		t.Errorf("second update: exit %d\n%s", code, stdout)
	}
	if again, _ := os.ReadFile(basePath); !bytes.Equal(first, again) {
		t.Error("the baseline changed on a second update of the same profile")
	}

	code, stdout, _ = depbox(t, "", "gate", "--profile", fixture("v1.json"), dir)
	if code != ExitOK || !strings.Contains(stdout, "No changes") {
		t.Errorf("gate v1: exit %d\n%s", code, stdout)
	}

	code, stdout, stderr = depbox(t, "", "gate", "--profile", fixture("v2.json"), dir)
	if code != ExitFindings {
		t.Fatalf("gate v2: exit %d, want 1\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"DBX010 new-network-host  http-client@1.1.0", "DBX006 secret-env-and-network  http-client@1.1.0", "192.0.2.10:443", "version 1.0.0 → 1.1.0"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("gate v2 stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "gate failed: 2 findings at or above high") {
		t.Errorf("gate v2 stderr: %s", stderr)
	}

	code, stdout, _ = depbox(t, "", "baseline", "update", "--yes", "--profile", fixture("v2.json"), dir)
	if code != ExitOK || !strings.Contains(stdout, "+ network connect tcp 192.0.2.10:443") {
		t.Fatalf("update to v2: exit %d\n%s", code, stdout)
	}
	code, stdout, stderr = depbox(t, "", "gate", "--profile", fixture("v2.json"), dir)
	if code != ExitOK {
		t.Errorf("gate v2 after accepting it: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

func TestBaselineUpdateConfirm(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader("y\n"), stdout: &out, stderr: &errb}
	ok, err := e.confirm("Write?")
	if err != nil || !ok {
		t.Errorf("confirm(y) = %v, %v", ok, err)
	}
	for _, answer := range []string{"n\n", "\n", "", "maybe\n"} {
		e.stdin = strings.NewReader(answer)
		if ok, err := e.confirm("Write?"); err != nil || ok {
			t.Errorf("confirm(%q) = %v, %v", answer, ok, err)
		}
	}
	if e.stdinTerminal() {
		t.Error("a string reader is not a terminal")
	}
}

func TestGateIncomplete(t *testing.T) {
	dir := fnDir(t)
	code, stdout, stderr := depbox(t, "", "gate", "--profile", fixture("incomplete.json"), dir)
	if code != ExitAnalysis {
		t.Fatalf("exit %d, want 3\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "INCOMPLETE") || !strings.Contains(stdout, "DBX004 analysis-incomplete") || !strings.Contains(stderr, "runsc exited with status 128") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	// Even with an ignore entry for DBX004 the gate fails closed.
	cfg := writeConfig(t, "gate:\n  ignore:\n    - rule: DBX004\n      reason: flaky\n")
	if code, _, _ := depbox(t, "", "--config", cfg, "gate", "--profile", fixture("incomplete.json"), dir); code != ExitAnalysis {
		t.Errorf("incomplete with DBX004 ignored: exit %d, want 3", code)
	}
	// An incomplete scan is never recorded.
	if code, _, _ := depbox(t, "", "baseline", "update", "--yes", "--profile", fixture("incomplete.json"), dir); code != ExitAnalysis {
		t.Errorf("baseline update of an incomplete profile: exit %d, want 3", code)
	}
}

func TestGateReports(t *testing.T) {
	dir := fnDir(t)
	out := t.TempDir()
	code, stdout, stderr := depbox(t, "", "gate", "--profile", fixture("v2.json"), dir,
		"--format", "sarif", "-o", filepath.Join(out, "depbox.sarif"),
		"--markdown", filepath.Join(out, "summary.md"), "--html", filepath.Join(out, "report.html"), "--json", filepath.Join(out, "report.json"))
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "FAIL: 1 finding at or above high") {
		t.Errorf("the text report is not on stdout:\n%s", stdout)
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	data, err := os.ReadFile(filepath.Join(out, "depbox.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &sarif); err != nil {
		t.Fatal(err)
	}
	if sarif.Version != "2.1.0" || len(sarif.Runs[0].Results) != 1 {
		t.Fatalf("SARIF: %s", data)
	}
	loc := sarif.Runs[0].Results[0].Locations[0].PhysicalLocation
	if sarif.Runs[0].Results[0].RuleID != "DBX006" || loc.ArtifactLocation.URI != "package-lock.json" || loc.Region.StartLine != 15 {
		t.Errorf("SARIF result %+v", sarif.Runs[0].Results[0])
	}
	for _, f := range []string{"summary.md", "report.html", "report.json"} {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	var rep struct {
		Schema string `json:"schema"`
		Status string `json:"status"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "report.json"))
	if err := json.Unmarshal(b, &rep); err != nil || rep.Schema != "depbox.report/v1" || rep.Status != "fail" {
		t.Errorf("JSON report: %+v %v", rep, err)
	}
}

func TestGateConfig(t *testing.T) {
	dir := fnDir(t)
	tests := []struct {
		name, yaml string
		args       []string
		code       int
		stdout     string
		stderr     string
	}{
		{"threshold critical", "gate:\n  threshold: critical\n", nil, ExitOK, "PASS: no findings at or above critical", ""},
		{"flag wins", "gate:\n  threshold: critical\n", []string{"--threshold", "high"}, ExitFindings, "", ""},
		{"bad threshold", "gate:\n  threshold: severe\n", nil, ExitUsage, "", "unknown severity"},
		{"ignored", "gate:\n  ignore:\n    - rule: DBX006\n      dependency: http-client\n      reason: talks to its own API\n      expires: 2999-12-31\n", nil, ExitOK, "Suppressed by gate.ignore (1)", ""},
		{"ignored by path glob", "gate:\n  ignore:\n    - rule: secret-env-and-network\n      dependency: node_modules/http-*\n      reason: r\n", nil, ExitOK, "", ""},
		{"expired", "gate:\n  ignore:\n    - rule: DBX006\n      dependency: http-client\n      reason: talks to its own API\n      expires: 2020-01-31\n", nil, ExitFindings, "expired on 2020-01-31", ""},
		{"no reason", "gate:\n  ignore:\n    - rule: DBX006\n      dependency: http-client\n", nil, ExitUsage, "", "reason is required"},
		{"unknown rule", "gate:\n  ignore:\n    - rule: DBX999\n      reason: r\n", nil, ExitUsage, "", "unknown rule"},
		{"bad date", "gate:\n  ignore:\n    - rule: DBX006\n      reason: r\n      expires: soon\n", nil, ExitUsage, "", "not a date"},
		{"not a list", "gate:\n  ignore: everything\n", nil, ExitUsage, "", "gate.ignore"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--config", writeConfig(t, tt.yaml), "gate", "--profile", fixture("v2.json"), dir}, tt.args...)
			code, stdout, stderr := depbox(t, "", args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
		})
	}
	t.Run("env", func(t *testing.T) {
		t.Setenv("DEPBOX_GATE_THRESHOLD", "critical")
		if code, stdout, _ := depbox(t, "", "gate", "--profile", fixture("v2.json"), dir); code != ExitOK {
			t.Errorf("DEPBOX_GATE_THRESHOLD=critical: exit %d\n%s", code, stdout)
		}
	})
}

func TestGateInputErrors(t *testing.T) {
	dir := fnDir(t)
	corrupt := filepath.Join(t.TempDir(), "corrupt.json")
	os.WriteFile(corrupt, []byte(`{"schema": "depbox.baseline/v1", "dependencies": [`), 0o644)
	future := filepath.Join(t.TempDir(), "future.json")
	os.WriteFile(future, []byte(`{"schema": "depbox.baseline/v9", "dependencies": []}`), 0o644)
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no bundle", []string{"gate"}, "give the bundle"},
		{"missing profile", []string{"gate", "--profile", "nope.json", dir}, "nope.json"},
		{"not a profile", []string{"gate", "--profile", fixture("fn/package.json"), dir}, "is it a depbox profile"},
		{"missing explicit baseline", []string{"gate", "--profile", fixture("v1.json"), "--baseline", filepath.Join(dir, "none.json")}, "does not exist"},
		{"corrupt baseline", []string{"gate", "--profile", fixture("v1.json"), "--baseline", corrupt}, "not a depbox baseline"},
		{"future baseline", []string{"gate", "--profile", fixture("v1.json"), "--baseline", future}, "upgrade depbox"},
		{"bad format", []string{"gate", "--profile", fixture("v1.json"), "--format", "pdf", dir}, "unknown format"},
		{"update over a corrupt baseline", []string{"baseline", "update", "--yes", "--profile", fixture("v1.json"), "--baseline", corrupt}, "does not overwrite"},
		{"diff of a missing file", []string{"baseline", "diff", "a.json", "b.json"}, "a.json"},
		{"rules unknown", []string{"rules", "DBX999"}, "unknown rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := depbox(t, "", tt.args...)
			if code != ExitUsage || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
		})
	}
}

func TestGateBaselineBesideZip(t *testing.T) {
	dir := fnDir(t)
	zipPath := filepath.Join(t.TempDir(), "function.zip")
	zipDir(t, zipPath, dir)
	if code, stdout, stderr := depbox(t, "", "baseline", "update", "--yes", "--profile", fixture("v1.json"), zipPath); code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(zipPath), baseline.FileName)); err != nil {
		t.Fatalf("baseline not beside the zip: %v", err)
	}
	code, stdout, _ := depbox(t, "", "gate", "--profile", fixture("v2.json"), zipPath, "--format", "sarif")
	if code != ExitFindings || !strings.Contains(stdout, `"startLine": 15`) {
		t.Errorf("gate on the zip: exit %d\n%s", code, stdout)
	}
}

func TestBaselineDiffCommand(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if code, _, stderr := depbox(t, "", "baseline", "update", "--yes", "--profile", fixture("v1.json"), "--baseline", old); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, _ := depbox(t, "", "baseline", "diff", old, fixture("v2.json"))
	if code != ExitOK || !strings.Contains(stdout, "http-client: version 1.0.0 → 1.1.0") || !strings.Contains(stdout, "+ env AWS_SECRET_ACCESS_KEY") {
		t.Errorf("text diff: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = depbox(t, "", "baseline", "diff", "--format", "json", old, fixture("v2.json"))
	var c baseline.Changes
	if err := json.Unmarshal([]byte(stdout), &c); err != nil || code != 0 || c.Schema != baseline.DiffSchema || len(c.Changed) != 1 || c.Changed[0].NewVersion != "1.1.0" {
		t.Errorf("JSON diff: exit %d, %v\n%s", code, err, stdout)
	}
	if code, stdout, _ := depbox(t, "", "baseline", "diff", old, old); code != 0 || !strings.Contains(stdout, "No changes") {
		t.Errorf("diff of a file with itself: %s", stdout)
	}
}

func TestRulesCommand(t *testing.T) {
	code, stdout, _ := depbox(t, "", "rules")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for i := 1; i <= 17; i++ {
		id := "DBX0" + []string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17"}[i-1]
		if !strings.Contains(stdout, id+" ") {
			t.Errorf("rules output lacks %s", id)
		}
	}
	if !strings.Contains(stdout, "How to fix:") || !strings.Contains(stdout, "DBX010 new-network-host (high, needs a baseline)") {
		t.Errorf("rules output:\n%.800s", stdout)
	}
	code, stdout, _ = depbox(t, "", "rules", "--format", "json", "bait-file-read")
	var rules []struct {
		ID, Name, Severity, Remediation string
	}
	if err := json.Unmarshal([]byte(stdout), &rules); err != nil || code != 0 || len(rules) != 1 || rules[0].ID != "DBX005" || rules[0].Severity != "high" || rules[0].Remediation == "" {
		t.Errorf("rules --format json: %v\n%s", err, stdout)
	}
}

func TestBundleFSPrefix(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ bundle, prefix string }{
		{filepath.Join(gateTestdata, "fn"), "testdata/gate/fn"},
		{filepath.Join(wd, gateTestdata, "fn"), "testdata/gate/fn"},
		{t.TempDir(), ""},
		{".", ""},
	} {
		root, prefix, closer, err := bundleFS(tt.bundle)
		if err != nil || root == nil || prefix != tt.prefix {
			t.Errorf("bundleFS(%s) = %v, %q, %v; want prefix %q", tt.bundle, root, prefix, err, tt.prefix)
		}
		if closer != nil {
			closer.Close()
		}
	}
}
