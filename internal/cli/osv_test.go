package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/advisory"
)

const advisoryTestdata = "../advisory/testdata"

func runDepbox(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func zipDir(t *testing.T, dst, dir string) {
	t.Helper()
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, _ := zw.Create(filepath.ToSlash(rel))
		b, _ := os.ReadFile(p)
		w.Write(b)
		return nil
	})
	zw.Close()
	f.Close()
}

func TestOSVCommands(t *testing.T) {
	cache := t.TempDir()
	db := advisory.DefaultPath(cache)

	code, _, stderr := runDepbox(t, "--cache-dir", cache, "osv", "import", filepath.Join(advisoryTestdata, "mal-famous"))
	if code != 0 || !strings.Contains(stderr, "8 records (8 malicious-package verdicts)") {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(db, "osv-scalibr", "npm", "all.zip")); err != nil {
		t.Errorf("import did not store the feed under the cache dir: %v", err)
	}
	z := filepath.Join(t.TempDir(), "ghsa.zip")
	zipDir(t, z, filepath.Join(advisoryTestdata, "ghsa-npm"))
	if code, _, stderr := runDepbox(t, "--cache-dir", cache, "osv", "import", "--feed", "github", z); code != 0 {
		t.Fatalf("import --feed: exit %d\n%s", code, stderr)
	}

	code, stdout, _ := runDepbox(t, "--cache-dir", cache, "osv", "stats")
	if code != 0 || !strings.Contains(stdout, "advisories:  33 (14 malicious-package verdicts, 19 vulnerabilities)") {
		t.Errorf("stats: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runDepbox(t, "--cache-dir", cache, "osv", "stats", "--json")
	var in advisory.Info
	if err := json.Unmarshal([]byte(stdout), &in); err != nil || code != 0 || in.Records != 33 {
		t.Errorf("stats --json: exit %d, %v\n%s", code, err, stdout)
	}

	code, stdout, _ = runDepbox(t, "--cache-dir", cache, "osv", "query", "lodash@4.17.20", "@ctrl/tinycolor@4.1.1", "left-pad@1.3.0")
	if code != ExitFindings {
		t.Errorf("query exit %d, want %d", code, ExitFindings)
	}
	for _, want := range []string{
		"lodash@4.17.20: GHSA-35jh-r3h4-6jhm vulnerability high (aliases CVE-2021-23337)",
		"@ctrl/tinycolor@4.1.1: MAL-2025-47141 malicious critical (aliases GHSA-qjqf-7j6f-82c4, MAL-0000-ghsa-malware-126ed7dd5bad8a31)",
		"left-pad@1.3.0: no advisories",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("query output lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runDepbox(t, "--cache-dir", cache, "osv", "query", "--json", "left-pad@1.3.0")
	if code != 0 || strings.TrimSpace(stdout) != "{\n  \"left-pad@1.3.0\": []\n}" {
		t.Errorf("query --json: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runDepbox(t, "--cache-dir", cache, "osv", "query", "lodash"); code != ExitUsage || !strings.Contains(stderr, "NAME@VERSION") {
		t.Errorf("query without version: exit %d\n%s", code, stderr)
	}

	// The database location from the environment (as depbox.yaml's osv-db).
	other := t.TempDir()
	if code, _, stderr := runDepbox(t, "osv", "import", "--db", other, filepath.Join(advisoryTestdata, "leitwacht")); code != 0 {
		t.Fatalf("import --db: exit %d\n%s", code, stderr)
	}
	t.Setenv("DEPBOX_OSV_DB", other)
	code, stdout, _ = runDepbox(t, "--cache-dir", cache, "osv", "query", "--ioc", "x.pkg.dl.wel1.ru", "example.com")
	if code != ExitFindings || !strings.Contains(stdout, "x.pkg.dl.wel1.ru: LWA-2026-10482 (bnpl-blocks-atom-bnpl-integrations-breadcrumbs) lists wel1.ru") ||
		!strings.Contains(stdout, "example.com: no indicator matches") {
		t.Errorf("query --ioc with DEPBOX_OSV_DB: exit %d\n%s", code, stdout)
	}
	// --db wins over osv-db.
	code, stdout, _ = runDepbox(t, "--cache-dir", cache, "osv", "stats", "--db", db)
	if code != 0 || !strings.Contains(stdout, "database:    "+db+"\n") {
		t.Errorf("stats --db with DEPBOX_OSV_DB set: exit %d\n%s", code, stdout)
	}
}

func TestOSVMissingDatabase(t *testing.T) {
	cache := t.TempDir()
	for _, args := range [][]string{
		{"--cache-dir", cache, "osv", "stats"},
		{"--cache-dir", cache, "osv", "query", "lodash@1.0.0"},
		{"osv", "stats", "--db", filepath.Join(cache, "nowhere")},
	} {
		code, _, stderr := runDepbox(t, args...)
		if code != ExitUsage || !strings.Contains(stderr, "depbox osv import FILE") {
			t.Errorf("%v: exit %d, want %d with a hint\n%s", args, code, ExitUsage, stderr)
		}
	}
	bad := filepath.Join(cache, "bad.zip")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	if code, _, stderr := runDepbox(t, "--cache-dir", cache, "osv", "query", "--db", bad, "lodash@1.0.0"); code != ExitAnalysis || !strings.Contains(stderr, "zip") {
		t.Errorf("corrupt database: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runDepbox(t, "--cache-dir", cache, "osv", "import", filepath.Join(cache, "missing.zip")); code != ExitUsage {
		t.Errorf("import of a missing file: exit %d\n%s", code, stderr)
	}
}

func TestOSVUpdate(t *testing.T) {
	dir := t.TempDir()
	z := filepath.Join(dir, "all.zip")
	zipDir(t, z, filepath.Join(advisoryTestdata, "mal-famous"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, z) }))
	defer srv.Close()
	cache := t.TempDir()
	code, _, stderr := runDepbox(t, "--cache-dir", cache, "osv", "update", "--url", srv.URL+"/npm/all.zip")
	if code != 0 || !strings.Contains(stderr, "8 records") {
		t.Fatalf("update: exit %d\n%s", code, stderr)
	}
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	code, _, stderr = runDepbox(t, "--cache-dir", cache, "osv", "update", "--url", closed.URL+"/npm/all.zip", "--download-timeout", "2s")
	if code != ExitAnalysis || !strings.Contains(stderr, "offline") {
		t.Errorf("offline update: exit %d\n%s", code, stderr)
	}
}

func TestOSVQueryOnline(t *testing.T) {
	rec, err := os.ReadFile(filepath.Join(advisoryTestdata, "ghsa-npm", "GHSA-pjwm-rvh2-c87w.json"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1/querybatch":
			w.Write([]byte(`{"results":[{"vulns":[{"id":"GHSA-pjwm-rvh2-c87w","modified":"2023-01-01T00:00:00Z"}]}]}`))
		case "/v1/vulns/GHSA-pjwm-rvh2-c87w":
			w.Write(rec)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	code, stdout, stderr := runDepbox(t, "--cache-dir", t.TempDir(), "osv", "query", "--online", "--api-url", srv.URL, "ua-parser-js@0.7.29")
	if code != ExitFindings || !strings.Contains(stdout, "ua-parser-js@0.7.29: GHSA-pjwm-rvh2-c87w malicious critical") {
		t.Errorf("query --online: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := runDepbox(t, "osv", "query", "--online", "--ioc", "evil.example"); code != ExitUsage {
		t.Errorf("--online --ioc: exit %d", code)
	}
}

func TestSplitNameVersion(t *testing.T) {
	tests := []struct{ in, name, version string }{
		{"lodash@4.17.21", "lodash", "4.17.21"},
		{"@ctrl/tinycolor@4.1.1", "@ctrl/tinycolor", "4.1.1"},
		{"@ctrl/tinycolor", "", ""},
		{"lodash@", "", ""},
		{"lodash", "", ""},
	}
	for _, tt := range tests {
		n, v, ok := splitNameVersion(tt.in)
		if ok != (tt.name != "") || (ok && (n != tt.name || v != tt.version)) {
			t.Errorf("splitNameVersion(%q) = %q, %q, %v", tt.in, n, v, ok)
		}
	}
}
