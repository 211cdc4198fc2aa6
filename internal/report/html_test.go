package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func renderHTML(t *testing.T, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, cases(t)[name]); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var (
	rowRE  = regexp.MustCompile(`(?s)<tr data-path="([^"]*)">(.*?)</tr>`)
	cellRE = regexp.MustCompile(`<td class="([^"]*)" data-column="([^"]*)"`)
)

// TestHTMLMatrix checks, without a browser, that the page carries the
// dependency × behaviour matrix: one row per dependency, one cell per
// behaviour column, coloured by the most severe finding.
func TestHTMLMatrix(t *testing.T) {
	page := renderHTML(t, "fail")
	if !strings.Contains(page, `<table id="matrix" class="matrix"`) {
		t.Fatal("no matrix table")
	}
	rows := rowRE.FindAllStringSubmatch(page, -1)
	if len(rows) != len(cases(t)["fail"].Profile.Dependencies) {
		t.Fatalf("%d matrix rows, want one per dependency", len(rows))
	}
	classes := map[string]string{}
	for _, row := range rows {
		cells := cellRE.FindAllStringSubmatch(row[2], -1)
		if len(cells) != len(columns) {
			t.Errorf("row %s has %d behaviour cells, want %d", row[1], len(cells), len(columns))
		}
		for _, c := range cells {
			classes[row[1]+" "+c[2]] = c[1]
		}
	}
	for key, want := range map[string]string{
		"node_modules/evil-pkg exfiltration": "sev-critical",
		"node_modules/evil-pkg advisory":     "sev-critical",
		"node_modules/evil-pkg dns":          "sev-high",
		"node_modules/http-client network":   "sev-high",
		"node_modules/http-client advisory":  "sev-none",
		"node_modules/http-client env":       "sev-high",
		"node_modules/http-client dns":       "sev-none",
		"node_modules/lru-disk persistence":  "sev-none",
		"node_modules/lru-disk network":      "empty",
		"node_modules/dotenv file-read":      "sev-medium", // no network, DNS or process: medium
	} {
		if classes[key] != want {
			t.Errorf("cell %s has class %q, want %q", key, classes[key], want)
		}
	}
}

// TestHTMLSelfContained checks that the page loads nothing: no scripts, no
// external style sheets, images or fonts, only in-page links.
func TestHTMLSelfContained(t *testing.T) {
	for name := range cases(t) {
		page := renderHTML(t, name)
		for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", "src="} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: page contains %q", name, bad)
			}
		}
		for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
			if !strings.HasPrefix(m[1], "#") {
				t.Errorf("%s: link to %s", name, m[1])
			}
		}
	}
}

func TestHTMLEscapes(t *testing.T) {
	r := cases(t)["fail"]
	r.Profile.Bundle.Name = `<script>alert(1)</script>`
	var buf bytes.Buffer
	if err := HTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>alert") {
		t.Error("bundle name not escaped")
	}
}

const chromium = "/usr/bin/chromium"

// TestHTMLInBrowser renders the page in headless Chromium and checks that
// the matrix is in the DOM the browser built.
func TestHTMLInBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s not found: install Debian's chromium package to render the HTML report in a real browser", chromium)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(renderHTML(t, "fail")), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	dom := string(out)
	if !strings.Contains(dom, `<table id="matrix" class="matrix"`) {
		t.Fatalf("the matrix table is not in the DOM:\n%.2000s", dom)
	}
	// The browser parsed the rows into the table body.
	body := dom[strings.Index(dom, `<table id="matrix"`):]
	body = body[:strings.Index(body, "</table>")]
	if n := strings.Count(body, `<tr data-path=`); n != 5 {
		t.Errorf("%d matrix rows in the DOM, want 5", n)
	}
	if !strings.Contains(body, `<tbody>`) || !strings.Contains(body, `class="sev-critical" data-column="exfiltration"`) {
		t.Errorf("matrix body not as rendered:\n%s", body)
	}
}

func TestCodeSpans(t *testing.T) {
	for in, want := range map[string]string{
		"run `depbox baseline update` now": "run <code>depbox baseline update</code> now",
		"a <b> & `x<y`":                    "a &lt;b&gt; &amp; <code>x&lt;y</code>",
		"odd ` tick":                       "odd ` tick",
	} {
		if got := string(codeSpans(in)); got != want {
			t.Errorf("codeSpans(%q) = %q, want %q", in, got, want)
		}
	}
}
