package eval

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/verdict"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestParsePackages(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Package
		err      string
	}{
		{name: "pinned with categories", in: "# comment\nnpm:axios@1.7.9  # popular: http client\n\nnpm:@aws-sdk/client-s3@3.723.0 # popular\nnpm:x@1.0.0-rc.1\n",
			want: []Package{
				{Spec: "npm:axios@1.7.9", Name: "axios", Version: "1.7.9", Category: "popular: http client", Line: 2},
				{Spec: "npm:@aws-sdk/client-s3@3.723.0", Name: "@aws-sdk/client-s3", Version: "3.723.0", Category: "popular", Line: 4},
				{Spec: "npm:x@1.0.0-rc.1", Name: "x", Version: "1.0.0-rc.1", Line: 5},
			}},
		{name: "unpinned", in: "npm:axios\n", err: "not pinned"},
		{name: "range", in: "npm:axios@^1.7.0\n", err: "exact version"},
		{name: "tag", in: "npm:axios@latest\n", err: "exact version"},
		{name: "scope only", in: "npm:@aws-sdk/client-s3\n", err: "not pinned"},
		{name: "not npm", in: "axios@1.7.9\n", err: "want npm:"},
		{name: "duplicate", in: "npm:a@1.0.0\nnpm:a@1.0.0\n", err: "already listed on line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePackages(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestLockRoundTrip(t *testing.T) {
	l := Lock{"b@1.0.0": "sha512-bbb", "@s/a@2.0.0": "sha512-aaa"}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "@s/a@2.0.0 sha512-aaa\nb@1.0.0 sha512-bbb\n") {
		t.Errorf("not sorted: %q", buf.String())
	}
	got, err := ReadLock(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["b@1.0.0"] != "sha512-bbb" || got["@s/a@2.0.0"] != "sha512-aaa" {
		t.Errorf("got %v", got)
	}
	if _, err := ReadLock(strings.NewReader("a@1.0.0 sha1-xyz\n")); err == nil {
		t.Error("a sha1 integrity was accepted")
	}
}

func TestCorpusFiles(t *testing.T) {
	// The committed corpus parses: every benign spec pinned and locked,
	// every function and fixture well formed.
	root := filepath.Join("..", "..", "eval")
	f, err := os.Open(filepath.Join(root, "benign", "packages.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pkgs, err := ParsePackages(f)
	if err != nil {
		t.Fatal(err)
	}
	lf, err := os.Open(filepath.Join(root, "benign", "packages.lock"))
	if err != nil {
		t.Fatal(err)
	}
	defer lf.Close()
	lock, err := ReadLock(lf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		if lock[p.Key()] == "" {
			t.Errorf("%s (line %d) is not in packages.lock", p.Spec, p.Line)
		}
		if p.Category == "" {
			t.Errorf("%s (line %d) has no category", p.Spec, p.Line)
		}
	}
	if _, err := LoadFunctions(filepath.Join(root, "benign", "functions")); err != nil {
		t.Error(err)
	}
	fx, err := LoadFixtures(filepath.Join(root, "malicious"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fx) == 0 {
		t.Error("no malicious fixture")
	}
	for _, f := range fx {
		if _, err := os.Stat(filepath.Join(f.Dir, "README.md")); err != nil {
			t.Errorf("fixture %s: %v", f.ID, err)
		}
	}
}

func TestReadExpect(t *testing.T) {
	tests := []struct {
		name, json string
		rules      []string
		err        string
	}{
		{name: "canary theft adds DBX001", json: `{"incident":"x","package":"node_modules/a","rules":["DBX005"],"canary_theft":true}`, rules: []string{"DBX005", "DBX001"}},
		{name: "crash fixture without package", json: `{"incident":"x","expect_exit":3}`},
		{name: "no package", json: `{"incident":"x","rules":["DBX001"]}`, err: "required"},
		{name: "not an install path", json: `{"package":"a","rules":["DBX001"]}`, err: "not an install path"},
		{name: "the function's own code", json: `{"incident":"x","package":".","rules":["DBX019"]}`, rules: []string{"DBX019"}},
		{name: "a Python distribution", json: `{"incident":"x","package":"ctx-0.2.6.dist-info","rules":["DBX001"]}`, rules: []string{"DBX001"}},
		{name: "a Python layer's distribution", json: `{"incident":"x","package":"python/lib/python3.12/site-packages/x-1.0.dist-info","rules":["DBX007"]}`, rules: []string{"DBX007"}},
		{name: "a legacy egg-info", json: `{"incident":"x","package":"x-1.0-py3.12.egg-info","rules":["DBX007"]}`, rules: []string{"DBX007"}},
		{name: "a dist-info without a version", json: `{"package":".dist-info","rules":["DBX001"]}`, err: "not an install path"},
		{name: "a dist-info leaving the bundle", json: `{"package":"../x-1.0.dist-info","rules":["DBX001"]}`, err: "not an install path"},
		{name: "bad rule", json: `{"package":"node_modules/a","rules":["canary"]}`, err: "not a rule ID"},
		{name: "unknown field", json: `{"package":"node_modules/a","rule":["DBX001"]}`, err: "unknown field"},
		{name: "bad exit", json: `{"package":"node_modules/a","expect_exit":2}`, err: "want 1 or 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "expect.json")
			if err := os.WriteFile(p, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			ex, err := readExpect(p)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ex.Rules, tt.rules) {
				t.Errorf("rules = %v, want %v", ex.Rules, tt.rules)
			}
		})
	}
}

func fd(rule string, sev verdict.Severity, path string) Finding {
	return Finding{Rule: rule, Severity: sev, Path: path, Phase: "install"}
}

func TestScoreFixture(t *testing.T) {
	ex := Expect{Package: "node_modules/evil", Rules: []string{"DBX001", "DBX008"}}
	tests := []struct {
		name   string
		s      Subject
		t      verdict.Severity
		want   string
		absent []string
		others int
	}{
		{name: "detected", s: Subject{Exit: 1, Findings: []Finding{fd("DBX001", verdict.Critical, "node_modules/evil"), fd("DBX008", verdict.High, "node_modules/evil")}},
			t: verdict.High, want: Detected},
		{name: "expected rule below threshold still counts as fired", s: Subject{Exit: 1, Findings: []Finding{fd("DBX001", verdict.Critical, "node_modules/evil"), fd("DBX008", verdict.High, "node_modules/evil")}},
			t: verdict.Critical, want: Detected},
		{name: "one rule missing", s: Subject{Exit: 1, Findings: []Finding{fd("DBX008", verdict.High, "node_modules/evil")}},
			t: verdict.High, want: MisAttributed, absent: []string{"DBX001"}},
		{name: "wrong package", s: Subject{Exit: 1, Findings: []Finding{fd("DBX001", verdict.Critical, "node_modules/wrapper"), fd("DBX008", verdict.High, "node_modules/wrapper")}},
			t: verdict.High, want: MisAttributed, absent: []string{"DBX001", "DBX008"}, others: 2},
		{name: "only the function", s: Subject{Exit: 1, Findings: []Finding{fd("DBX001", verdict.Critical, ".")}},
			t: verdict.High, want: MisAttributed, absent: []string{"DBX001", "DBX008"}, others: 1},
		{name: "below threshold is a miss", s: Subject{Exit: 0, Findings: []Finding{fd("DBX009", verdict.Medium, "node_modules/evil")}},
			t: verdict.High, want: Missed, absent: []string{"DBX001", "DBX008"}},
		{name: "nothing", s: Subject{Exit: 0}, t: verdict.Low, want: Missed, absent: []string{"DBX001", "DBX008"}},
		{name: "incomplete", s: Subject{Exit: 3, Findings: []Finding{fd("DBX004", verdict.Critical, "")}}, t: verdict.High, want: Errored,
			absent: []string{"DBX001", "DBX008"}, others: 1},
		{name: "input error", s: Subject{Exit: 2}, t: verdict.High, want: Errored, absent: []string{"DBX001", "DBX008"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := ScoreFixture(ex, &tt.s, tt.t)
			if sc.Outcome != tt.want || !slices.Equal(sc.Absent, tt.absent) || len(sc.Others) != tt.others {
				t.Errorf("got %s absent %v others %d, want %s absent %v others %d", sc.Outcome, sc.Absent, len(sc.Others), tt.want, tt.absent, tt.others)
			}
		})
	}
	crash := Expect{ExpectExit: 3}
	if sc := ScoreFixture(crash, &Subject{Exit: 3}, verdict.High); sc.Outcome != Detected {
		t.Errorf("expect_exit 3 with exit 3: %s", sc.Outcome)
	}
	if sc := ScoreFixture(crash, &Subject{Exit: 0}, verdict.High); sc.Outcome != Missed {
		t.Errorf("expect_exit 3 with exit 0: %s", sc.Outcome)
	}
}

// corpus is a small benign and malicious result set for the summaries.
func corpus() ([]Subject, []Fixture, []Subject) {
	benign := []Subject{
		{Kind: KindPackage, ID: "npm:clean@1.0.0", Exit: 0},
		{Kind: KindPackage, ID: "npm:axios@1.7.9", Exit: 1, Findings: []Finding{
			{Rule: "DBX003", Name: "ioc-contact", Severity: verdict.Critical, Path: "node_modules/axios", Phase: "execute"},
			{Rule: "DBX003", Name: "ioc-contact", Severity: verdict.Critical, Phase: "import"},
			{Rule: "DBX014", Name: "unattributed-behaviour", Severity: verdict.Medium, Path: ".", Phase: "import"}}},
		{Kind: KindPackage, ID: "npm:core-js-pure@3.40.0", Exit: 1, Findings: []Finding{
			{Rule: "DBX007", Name: "shell-or-downloader", Severity: verdict.High, Path: "node_modules/core-js-pure", Phase: "install"},
			{Rule: "DBX009", Name: "install-process", Severity: verdict.Medium, Path: "node_modules/core-js-pure", Phase: "install"}}},
		{Kind: KindPackage, ID: "npm:broken@1.0.0", Exit: 2, Err: "integrity mismatch: packages.lock has sha512-a, the registry served sha512-b"},
		{Kind: KindFunction, ID: "api", Exit: 0, Findings: []Finding{
			{Rule: "DBX009", Name: "install-process", Severity: verdict.Medium, Path: "node_modules/x", Phase: "install"}}},
	}
	fx := []Fixture{
		{ID: "stealer", Expect: Expect{Package: "node_modules/evil", Rules: []string{"DBX001"}, CanaryTheft: true, Channel: "https"}},
		{ID: "dropper", Expect: Expect{Package: "node_modules/drop", Rules: []string{"DBX008"}, Channel: "install-script"}},
	}
	mal := []Subject{
		{Kind: KindFixture, ID: "stealer", Exit: 1, Findings: []Finding{
			{Rule: "DBX001", Severity: verdict.Critical, Path: "node_modules/evil", Phase: "install"},
			{Rule: "DBX005", Severity: verdict.High, Path: "node_modules/wrapper", Phase: "import"}}},
		{Kind: KindFixture, ID: "dropper", Exit: 0, Findings: []Finding{
			{Rule: "DBX009", Severity: verdict.Medium, Path: "node_modules/drop", Phase: "install"}}},
	}
	return benign, fx, mal
}

func TestBenignStats(t *testing.T) {
	benign, _, _ := corpus()
	st := Benign(benign)
	want := map[verdict.Severity]int{verdict.Critical: 2, verdict.High: 3, verdict.Medium: 4, verdict.Low: 4}
	for sev, n := range want {
		if st.Failing[sev] != n {
			t.Errorf("failing at %s = %d, want %d", sev, st.Failing[sev], n)
		}
	}
	if st.Packages != 4 || st.Functions != 1 || st.Critical != 2 || st.Errors != 1 || st.TargetsMet() {
		t.Errorf("stats %+v", st)
	}
	clean := Benign(benign[:1])
	if !clean.TargetsMet() {
		t.Error("a clean corpus misses the targets")
	}
}

func TestSummaries(t *testing.T) {
	benign, fx, mal := corpus()
	var b, m, table bytes.Buffer
	if err := WriteBenignGolden(&b, benign); err != nil {
		t.Fatal(err)
	}
	if err := WriteMaliciousGolden(&m, fx, mal); err != nil {
		t.Fatal(err)
	}
	WriteTable(&table, benign, fx, mal)
	for name, got := range map[string][]byte{"benign.golden": b.Bytes(), "malicious.golden": m.Bytes(), "table.golden": table.Bytes()} {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs (go test ./internal/eval -run TestSummaries -update rewrites it):\n%s", name, got)
		}
	}
}

func TestRejudgeRecords(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audits.jsonl")
	// An earlier run's records, in another order than the list.
	recs := `{"spec":"npm:b@2.0.0","status":"ok","package":{"name":"b","version":"2.0.0","integrity":"sha512-b","profile":{"b":1}}}
{"spec":"npm:a@1.0.0","status":"failed","error":"tarball not found"}
`
	if err := os.WriteFile(path, []byte(recs), 0o644); err != nil {
		t.Fatal(err)
	}
	a := Package{Spec: "npm:a@1.0.0", Name: "a", Version: "1.0.0"}
	b := Package{Spec: "npm:b@2.0.0", Name: "b", Version: "2.0.0"}
	c := Package{Spec: "npm:c@3.0.0", Name: "c", Version: "3.0.0"}
	tests := []struct {
		name  string
		pkgs  []Package
		specs []string
		err   string
	}{
		{name: "in the list's order", pkgs: []Package{a, b}, specs: []string{"npm:a@1.0.0", "npm:b@2.0.0"}},
		{name: "a subset", pkgs: []Package{b}, specs: []string{"npm:b@2.0.0"}},
		{name: "a package never audited", pkgs: []Package{a, c}, err: "no audit record for 1 packages (npm:c@3.0.0)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rejudgeRecords(path, tt.pkgs)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var specs []string
			for _, r := range got {
				specs = append(specs, r.Spec)
			}
			if !slices.Equal(specs, tt.specs) {
				t.Errorf("specs = %v, want %v", specs, tt.specs)
			}
		})
	}
	if got, _ := rejudgeRecords(path, []Package{a}); got[0].Status != "failed" || got[0].Package != nil {
		t.Errorf("a failed audit is kept as failed: %+v", got[0])
	}
}
