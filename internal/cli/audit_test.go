package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/audit"
	"github.com/depbox/depbox/internal/audit/audittest"
	"github.com/depbox/depbox/profile"
)

var updateAudit = flag.Bool("update-audit", false, "rewrite internal/cli/testdata/audit golden files")

// TestAuditUsageErrors: bad specs, flags and lists are usage errors (exit
// 2) with a hint, found before anything is fetched or run.
func TestAuditUsageErrors(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "packages.txt")
	if err := os.WriteFile(list, []byte("npm:axios\nleft-pad@1.3.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("npm:axios\nnpm:left-pad\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"audit"}, "nothing to audit"},
		{[]string{"audit", "left-pad@1.3.0"}, "did you mean npm:left-pad@1.3.0?"},
		{[]string{"audit", "npm:foo@github:user/repo"}, "git, URL, alias and file specs are not audited"},
		{[]string{"audit", "./dir"}, "a local .tgz or .whl file"},
		{[]string{"audit", "npm:a", "npm:b", "--format", "json"}, "use --format jsonl"},
		{[]string{"audit", "npm:a", "--format", "xml"}, "want text, json or jsonl"},
		{[]string{"audit", "npm:a", "npm:b", "--against", "1.0.0"}, "exactly one SPEC"},
		{[]string{"audit", "npm:a", "--against", "git:x/y"}, "not a version"},
		{[]string{"audit", "--from", good, "--against", "1.0.0"}, "on the line"},
		{[]string{"audit", "--from", filepath.Join(dir, "missing.txt")}, "--from"},
		{[]string{"audit", "--from", list}, "packages.txt:2: "},
		{[]string{"audit", "--from", good, "--shard", "3/2"}, "want i/n"},
		{[]string{"audit", "--from", good, "--shard", "x"}, "want i/n"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := Main(tt.args, strings.NewReader(""), &out, &errb)
		if code != ExitUsage {
			t.Errorf("depbox %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), code, ExitUsage, errb.String())
		}
		if !strings.Contains(errb.String(), tt.want) {
			t.Errorf("depbox %s: stderr %q lacks %q", strings.Join(tt.args, " "), errb.String(), tt.want)
		}
	}
}

func TestProgressLine(t *testing.T) {
	r := &audit.Result{Spec: audit.Spec{Name: "axios"}, Name: "axios", Version: "1.7.9",
		Resolved: &audit.Resolved{Spec: audit.Spec{Name: "axios"}, Name: "axios", Version: "1.7.9"},
		Profile:  &profile.Profile{}}
	tests := []struct {
		o    *audit.Outcome
		want string
	}{
		{&audit.Outcome{Job: audit.Job{Spec: r.Spec}, Result: r, Duration: 4230 * time.Millisecond}, "[3/20] npm:axios@1.7.9 ok 4.2s"},
		{&audit.Outcome{Job: audit.Job{Spec: r.Spec}, Result: &audit.Result{Name: "axios", Version: "1.7.9", Cached: true, Profile: &profile.Profile{}}, Duration: 12 * time.Millisecond}, "[3/20] axios@1.7.9 cached 0s"},
		{&audit.Outcome{Job: audit.Job{Spec: audit.Spec{Name: "nope"}}, Err: errors.New("npm E404: Not Found"), Duration: 800 * time.Millisecond}, "[3/20] npm:nope failed: npm E404: Not Found 800ms"},
	}
	for _, tt := range tests {
		if got := progressLine(3, 20, tt.o); got != tt.want {
			t.Errorf("progressLine = %q, want %q", got, tt.want)
		}
	}
}

// TestAuditText renders a synthetic comparison: header, table, behaviour by
// phase (install, import, execute) with timers, and the changes.
func TestAuditText(t *testing.T) {
	dep := func(version string, install, imp, exec *profile.Behavior) *profile.Profile {
		p := &profile.Profile{Bundle: profile.Bundle{Name: "fixture-sleeper@" + version, Runtime: "nodejs"},
			Dependencies: []profile.Dependency{
				{Name: "fixture-sleeper", Version: version, Path: "node_modules/fixture-sleeper", InstallScripts: []string{"postinstall"},
					Phases: map[string]*profile.Behavior{profile.PhaseInstall: install, profile.PhaseImport: imp, profile.PhaseExecute: exec}},
				{Name: "quiet", Version: "1.0.0", Path: "node_modules/quiet",
					Phases: map[string]*profile.Behavior{profile.PhaseImport: {Outcome: &profile.Outcome{Status: "ok"}}}},
			}}
		p.Canonicalize()
		return p
	}
	ok := func() *profile.Outcome { return &profile.Outcome{Status: "ok"} }
	oldP := dep("1.0.0", &profile.Behavior{Outcome: ok()}, &profile.Behavior{Outcome: ok()}, &profile.Behavior{Outcome: ok()})
	newP := dep("1.1.0",
		&profile.Behavior{Outcome: ok(), Processes: []profile.Process{{Argv: []string{"sh", "-c", "id; uname -s"}, Binary: "/bin/sh"}},
			Exfiltration: []profile.Exfil{{Canary: "AWS_SECRET_ACCESS_KEY", Channel: "network", Destination: "collect.stealer.invalid:80", Encoding: "raw"}}},
		&profile.Behavior{Outcome: ok(), Files: []profile.File{{Path: "/home/sbx_user/.aws/credentials", Access: profile.AccessRead}},
			Network: []profile.Endpoint{{Address: "203.0.113.9", Port: 443, Protocol: "tcp"}},
			Timers:  []profile.Timer{{DelayMS: 600000, BroughtForward: true}}},
		&profile.Behavior{Outcome: ok(), Files: []profile.File{{Path: "/home/sbx_user/.ssh/id_rsa", Access: profile.AccessRead}}})
	old := &audit.Result{Spec: audit.Spec{Name: "fixture-sleeper", Version: "1.0.0"}, Name: "fixture-sleeper", Version: "1.0.0",
		Integrity: "sha512-b2xk", Path: "node_modules/fixture-sleeper", Cached: true, Profile: oldP}
	r := &audit.Result{Spec: audit.Spec{Name: "fixture-sleeper", Version: "^1.1"}, Name: "fixture-sleeper", Version: "1.1.0",
		Integrity: "sha512-bmV3", Path: "node_modules/fixture-sleeper", Profile: newP, Against: old,
		Changes: baseline.Diff(baseline.FromProfile(oldP), baseline.FromProfile(newP)),
		Timers: []audit.TimerChange{{Name: "fixture-sleeper", Path: "node_modules/fixture-sleeper", Phase: profile.PhaseImport,
			Added: []profile.Timer{{DelayMS: 600000, BroughtForward: true}}}}}
	var buf bytes.Buffer
	if err := writeAuditText(&buf, r); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "audit", "compare.golden.txt")
	if *updateAudit {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./internal/cli -run TestAuditText -update-audit)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("text output differs from %s (-update-audit rewrites it):\n%s", golden, buf.String())
	}
}

// TestAuditEndToEnd runs the depbox binary on fixture tarballs in the real
// sandbox: one audit as text and as a profile, a comparison, and a batch
// with a failing entry, JSON lines and progress.
func TestAuditEndToEnd(t *testing.T) {
	depbox := e2eDepbox(t)
	dir := t.TempDir()
	stealer := audittest.Tarball(t, dir, audittest.Stealer)
	sleeper := audittest.Tarball(t, dir, audittest.Sleeper)
	sleeperOld := audittest.Tarball(t, dir, audittest.SleeperOld)

	// Text: a real run (--no-cache: the test cache outlives the test).
	t0 := time.Now()
	code, stdout, stderr := depbox("audit", "--no-cache", stealer)
	if code != ExitOK {
		t.Fatalf("audit %s: exit %d\n%s\n%s", stealer, code, stdout, stderr)
	}
	t.Logf("audit of one fixture: %s", time.Since(t0).Round(time.Millisecond))
	for _, want := range []string{
		"audit of " + stealer + " (fixture-stealer@1.0.0)", "integrity sha512-", "Behaviour by phase:",
		"  install:\n    fixture-stealer@1.0.0 (postinstall)  ← audited\n",
		"file-read /home/sbx_user/.aws/credentials", "exfiltration AWS_SECRET_ACCESS_KEY via network to collect.stealer.invalid:80",
		"  execute:\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, stdout)
		}
	}

	// JSON: the profile, as depbox scan writes it; this time from the cache.
	code, stdout, stderr = depbox("audit", "--format", "json", stealer)
	if code != ExitOK {
		t.Fatalf("audit --format json: exit %d\n%s", code, stderr)
	}
	p, err := profile.Read(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Dependency("node_modules/fixture-stealer")
	if p.Bundle.Name != "fixture-stealer@1.0.0" || d == nil || d.Phases[profile.PhaseInstall] == nil || !strings.HasPrefix(d.Integrity, "sha512-") {
		t.Errorf("profile: bundle %q, dependency %+v", p.Bundle.Name, d)
	}

	// --against with --format json: the baseline diff.
	code, stdout, stderr = depbox("audit", sleeper, "--against", sleeperOld, "--format", "json")
	if code != ExitOK {
		t.Fatalf("audit --against: exit %d\n%s", code, stderr)
	}
	var diff baseline.Changes
	if err := json.Unmarshal([]byte(stdout), &diff); err != nil || diff.Schema != baseline.DiffSchema {
		t.Fatalf("--against --format json: %v\n%s", err, stdout)
	}
	if added := diff.AddedItems("fixture-sleeper", "node_modules/fixture-sleeper", profile.PhaseImport); len(added) == 0 {
		t.Errorf("the diff adds nothing at import: %s", stdout)
	}

	// A batch: one entry fails (no such file), the others go on; CI gets
	// one progress line per package; exit 3 at the end.
	list := filepath.Join(dir, "packages.txt")
	content := "# fixtures\n" + stealer + "\n" + filepath.Join(dir, "missing-1.0.0.tgz") + "\n" + sleeper + " --against " + sleeperOld + "\n"
	if err := os.WriteFile(list, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "audits.jsonl")
	t.Setenv("CI", "true")
	code, _, stderr = depbox("audit", "--from", list, "--jobs", "2", "--format", "jsonl", "-o", out)
	if code != ExitAnalysis {
		t.Errorf("batch with a failing entry: exit %d, want %d\n%s", code, ExitAnalysis, stderr)
	}
	for _, want := range []string{"[1/3] ", "[2/3] ", "[3/3] ", "fixture-stealer@1.0.0) cached", "missing-1.0.0.tgz failed: ", "3 packages: 2 ok (2 cached), 0 incomplete, 1 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("progress lacks %q:\n%s", want, stderr)
		}
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []audit.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r audit.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	if r := recs[0]; r.Status != "ok" || r.Package == nil || !r.Package.Cached || r.Package.Profile.Dependency("node_modules/fixture-stealer") == nil {
		t.Errorf("record 1: %+v", r)
	}
	if r := recs[1]; r.Status != "failed" || r.ErrorKind != "input" || !strings.Contains(r.Error, "missing-1.0.0.tgz") {
		t.Errorf("record 2: %+v", r)
	}
	// The timer shows at import and, since the execute phase loads the
	// package and waits for brought-forward timers, at execute as well.
	if r := recs[2]; r.Status != "ok" || r.Diff == nil || r.AgainstPackage == nil || r.AgainstPackage.Version != "1.0.0" ||
		!slices.ContainsFunc(r.Timers, func(tc audit.TimerChange) bool { return tc.Phase == profile.PhaseImport && len(tc.Added) == 1 }) {
		t.Errorf("record 3: %+v", r)
	}
}
