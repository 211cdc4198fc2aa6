package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGateTemplateFunctions gates a SAM template with two functions in the
// real sandbox: every function is scanned and judged, each report format
// lists the functions' outcomes and names the function of each finding
// not shared by both; --function gates one; recording a baseline asks for
// a function.
func TestGateTemplateFunctions(t *testing.T) {
	depbox := e2eDepbox(t)
	work := t.TempDir()
	fn := filepath.Join(work, "fn")
	copyTree(t, "../scan/testdata/bundles/multi", fn)
	out := func(name string) string { return filepath.Join(work, name) }
	code, stdout, stderr := depbox("gate", fn, "--json", out("r.json"), "--sarif", out("r.sarif"), "--markdown", out("r.md"), "--html", out("r.html"))
	if code != ExitOK {
		t.Fatalf("gate: exit %d, want 0 (only medium findings)\n%s\n%s", code, stdout, stderr)
	}
	read := func(name string) string {
		b, err := os.ReadFile(out(name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	var rep struct {
		Functions []struct {
			Name, Handler, Status string
			Findings              int
		} `json:"functions"`
		Findings []struct{ Rule, Path, Phase, Function string } `json:"findings"`
	}
	if err := json.Unmarshal([]byte(read("r.json")), &rep); err != nil {
		t.Fatal(err)
	}
	var fns []string
	for _, f := range rep.Functions {
		fns = append(fns, f.Name+" "+f.Handler+" "+f.Status)
		if f.Findings != 2 {
			t.Errorf("%s: %d findings, want 2 (the shared import one and its own invoke one)", f.Name, f.Findings)
		}
	}
	if want := []string{"OrdersFn src/orders.handler pass", "ReportsFn src/reports.handler pass"}; !slices.Equal(fns, want) {
		t.Errorf("functions %v, want %v", fns, want)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Rule+" "+f.Path+" "+f.Phase+" "+f.Function)
	}
	slices.Sort(got)
	want := []string{
		"DBX005 node_modules/boot-probe import ",         // shared: listed once
		"DBX005 node_modules/boot-probe invoke OrdersFn", // only OrdersFn loads it
		"DBX005 node_modules/stats-helper invoke ReportsFn",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	var sarif struct {
		Runs []struct {
			Results []struct {
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(read("r.sarif")), &sarif); err != nil || len(sarif.Runs) != 1 {
		t.Fatalf("SARIF: %v", err)
	}
	var sfns []string
	for _, r := range sarif.Runs[0].Results {
		if f, ok := r.Properties["function"].(string); ok {
			sfns = append(sfns, f)
		}
	}
	slices.Sort(sfns)
	if !slices.Equal(sfns, []string{"OrdersFn", "ReportsFn"}) {
		t.Errorf("SARIF results' functions %v, want OrdersFn and ReportsFn", sfns)
	}
	for name, needles := range map[string][]string{
		"stdout": {"OrdersFn", "src/reports.handler", "(function ReportsFn)"},
		"r.md":   {"| `ReportsFn` | `src/reports.handler` | pass |", "invoke (`ReportsFn`)"},
		"r.html": {`<h2 id="functions">Functions (2)</h2>`, "function ReportsFn"},
	} {
		text := stdout
		if name != "stdout" {
			text = read(name)
		}
		for _, n := range needles {
			if !strings.Contains(text, n) {
				t.Errorf("%s lacks %q", name, n)
			}
		}
	}

	// One function: its own result only.
	code, stdout, stderr = depbox("gate", fn, "--function", "ReportsFn", "--format", "json")
	rep.Functions, rep.Findings = nil, nil
	if err := json.Unmarshal([]byte(stdout), &rep); code != ExitOK || err != nil {
		t.Fatalf("gate --function ReportsFn: exit %d, %v\n%s", code, err, stderr)
	}
	got = nil
	for _, f := range rep.Findings {
		got = append(got, f.Rule+" "+f.Path+" "+f.Phase+" "+f.Function)
	}
	slices.Sort(got)
	if want := []string{"DBX005 node_modules/boot-probe import ", "DBX005 node_modules/stats-helper invoke "}; len(rep.Functions) != 0 || !slices.Equal(got, want) {
		t.Errorf("gate --function ReportsFn: functions %+v, findings %v; want none and %v", rep.Functions, got, want)
	}
	if code, _, stderr := depbox("gate", fn, "--function", "Nope"); code != ExitUsage || !strings.Contains(stderr, "its functions are OrdersFn, ReportsFn") {
		t.Errorf("gate --function Nope: exit %d, want 2 naming the functions\n%s", code, stderr)
	}
	if code, _, stderr := depbox("baseline", "update", fn, "--yes"); code != ExitUsage || !strings.Contains(stderr, "--function NAME") {
		t.Errorf("baseline update of a template with two functions: exit %d, want 2 asking for --function\n%s", code, stderr)
	}

	// scan writes one profile per function; gate --profile judges them all.
	if code, stdout, stderr := depbox("scan", fn, "--format", "json", "-o", out("profiles.json")); code != ExitOK {
		t.Fatalf("scan: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = depbox("gate", "--profile", out("profiles.json"), "--format", "json")
	rep.Functions = nil
	if err := json.Unmarshal([]byte(stdout), &rep); code != ExitOK || err != nil || len(rep.Functions) != 2 {
		t.Errorf("gate --profile of the scan's profiles: exit %d, %v, functions %+v\n%s", code, err, rep.Functions, stderr)
	}
}
