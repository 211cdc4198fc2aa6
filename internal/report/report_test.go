package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./internal/report -update after checking); got:\n%s", name, got)
	}
}

func readProfile(t *testing.T) *profile.Profile {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "profile.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := profile.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readBaseline(t *testing.T) *baseline.Baseline {
	t.Helper()
	b, err := baseline.ReadFile(filepath.Join("testdata", "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var now = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// cases are the reports every format is rendered for.
func cases(t *testing.T) map[string]*Report {
	t.Helper()
	mk := func(p *profile.Profile, b *baseline.Baseline, ignore []verdict.Ignore) *Report {
		res := verdict.Evaluate(verdict.Input{Profile: p, Baseline: b}, verdict.Options{Ignore: ignore, Now: now})
		r := &Report{Profile: p, Result: res, Threshold: verdict.High, ToolVersion: "test", Root: os.DirFS(filepath.Join("testdata", "bundle")), SourcePrefix: "fn"}
		if b != nil {
			r.BaselinePath = "depbox.baseline.json"
		}
		return r
	}
	full := mk(readProfile(t), readBaseline(t), []verdict.Ignore{
		{Rule: "vulnerable-dependency", Dependency: "http-client", Reason: "the ReDoS needs attacker-controlled headers; the API gateway strips them", Expires: "2025-12-31"},
		{Rule: "bait-file-read", Dependency: "dotenv", Reason: "loads our .env", Expires: "2025-01-31"},
	})

	clean := readProfile(t)
	clean.Dependencies = clean.Dependencies[3:4] // lru-disk only
	clean.Problems = nil
	pass := mk(clean, readBaseline(t), []verdict.Ignore{{Rule: "DBX017", Dependency: "lru-disk", Reason: "a cache by design"}})

	broken := readProfile(t)
	broken.Dependencies = broken.Dependencies[2:3] // http-client
	broken.AddProblem(profile.Problem{Code: "event-drops", Message: "the profiler lost 17 events", Fatal: true})
	incomplete := mk(broken, nil, nil)

	return map[string]*Report{"fail": full, "pass": pass, "incomplete": incomplete}
}

func TestGolden(t *testing.T) {
	for name, r := range cases(t) {
		for _, f := range Formats {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				var err error
				if f == FormatText {
					err = Text(&buf, r, false)
				} else {
					err = Write(&buf, f, r)
				}
				if err != nil {
					t.Fatal(err)
				}
				ext := map[Format]string{FormatText: "txt", FormatJSON: "json", FormatSARIF: "sarif", FormatMarkdown: "md", FormatHTML: "html"}[f]
				golden(t, name+"."+ext, buf.Bytes())
			})
		}
	}
	var buf bytes.Buffer
	if err := Text(&buf, cases(t)["fail"], true); err != nil {
		t.Fatal(err)
	}
	golden(t, "fail.color.txt", buf.Bytes())
}

func TestStatus(t *testing.T) {
	for name, want := range map[string]string{"fail": StatusFail, "pass": StatusPass, "incomplete": StatusIncomplete} {
		if got := cases(t)[name].Status(); got != want {
			t.Errorf("%s: Status() = %s, want %s", name, got, want)
		}
	}
	r := cases(t)["fail"]
	r.Threshold = verdict.Critical
	if got := len(r.Failing()); got != 2 {
		t.Errorf("failing at critical = %d, want 2", got)
	}
}

func TestColorFor(t *testing.T) {
	var buf bytes.Buffer
	if ColorFor(&buf) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if ColorFor(f) {
		t.Error("a regular file is not a terminal")
	}
	t.Setenv("NO_COLOR", "1")
	if ColorFor(os.Stdout) {
		t.Error("NO_COLOR set but colour chosen")
	}
}

func TestTextColour(t *testing.T) {
	r := cases(t)["fail"]
	var plain, colour bytes.Buffer
	if err := Text(&plain, r, false); err != nil {
		t.Fatal(err)
	}
	if err := Text(&colour, r, true); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("\x1b[")) {
		t.Error("plain text has ANSI escapes")
	}
	if !bytes.Contains(colour.Bytes(), []byte("\x1b[")) {
		t.Error("coloured text has no ANSI escapes")
	}
}

// TestSARIFSchema validates every SARIF report against the official SARIF
// 2.1.0 JSON schema (testdata/sarif-schema-2.1.0.json, see SARIF-SCHEMA-NOTICE.md).
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range cases(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := SARIF(&buf, r); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("SARIF does not validate: %v", err)
			}
		})
	}
	// The schema really rejects a broken log.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`))
	if schema.Validate(bad) == nil {
		t.Error("the schema accepted a log whose driver has no name")
	}
}

func TestSARIFLocations(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, cases(t)["fail"]); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	lines := map[string]int{}
	for _, res := range log.Runs[0].Results {
		l := res.Locations[0].PhysicalLocation
		if l.Region == nil {
			t.Errorf("%s: no region", res.RuleID)
			continue
		}
		lines[res.Properties["path"].(string)] = l.Region.StartLine
		if l.ArtifactLocation.URI != "fn/package-lock.json" {
			t.Errorf("%s: uri %s", res.RuleID, l.ArtifactLocation.URI)
		}
	}
	want := map[string]int{"node_modules/dotenv": 18, "node_modules/evil-pkg": 23, "node_modules/http-client": 27, "node_modules/sharp-ish": 33}
	for p, line := range want {
		if lines[p] != line {
			t.Errorf("%s located at line %d, want %d", p, lines[p], line)
		}
	}
	if n := len(log.Runs[0].Tool.Driver.Rules); n != len(verdict.Rules()) {
		t.Errorf("%d rules in tool.driver.rules, want %d", n, len(verdict.Rules()))
	}
}

func TestLocate(t *testing.T) {
	root := os.DirFS(filepath.Join("testdata", "bundle"))
	tests := []struct {
		lockfile, name, path string
		file                 string
		line                 int
	}{
		{"package-lock.json", "evil-pkg", "node_modules/evil-pkg", "package-lock.json", 23},
		{"", "dotenv", "node_modules/dotenv", "package-lock.json", 18},
		{"package-lock.json", "ghost", "node_modules/x/node_modules/ghost", "package-lock.json", 1},
		{"npm-shrinkwrap.json", "lru-disk", "node_modules/lru-disk", "package.json", 9},
		{"yarn.lock", "", "", "package.json", 1},
	}
	for _, tt := range tests {
		file, line := newLocator(root, tt.lockfile).locate(tt.name, tt.path)
		if file != tt.file || line != tt.line {
			t.Errorf("locate(%s in %s) = %s:%d, want %s:%d", tt.path, tt.lockfile, file, line, tt.file, tt.line)
		}
	}
	// A package bundled into a file of the function: that file, where it names the package.
	broot := os.DirFS(filepath.Join("..", "scan", "testdata", "bundles", "bundled-esbuild"))
	if file, line := newLocator(broot, "").locate("stealer", "index.js#node_modules/stealer"); file != "index.js" || line != 35 {
		t.Errorf("bundled stealer located at %s:%d, want index.js:35", file, line)
	}
	if file, line := newLocator(nil, "").locate("a", "node_modules/a"); file != "package-lock.json" || line != 0 {
		t.Errorf("without a root: %s:%d", file, line)
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"text", "JSON", "sarif", "md", "markdown", "html"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) succeeded")
	}
}
