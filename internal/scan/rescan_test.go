package scan_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/contenthash"
	"github.com/depbox/depbox/internal/contenthash/contenthashtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// TestImportCacheSameSizeEdit: a file of a package rewritten in place with
// content of the same size, its modification time put back with
// os.Chtimes (what a careless or hostile tool can do within the file
// system's timestamp granularity), still invalidates the package's cached
// import result: the re-scan analyses it again and sees what it does now.
// Only its change time tells the file apart, so a shortcut that trusted
// (size, mtime) alone would miss it.
func TestImportCacheSameSizeEdit(t *testing.T) {
	dir := t.TempDir()
	before := `module.exports = 1; /*` + strings.Repeat("x", 40) + `*/`
	// TEST FIXTURE: reads a system file, in the sandbox only.
	after := `require('fs').readFileSync('/etc/passwd');`
	after += strings.Repeat(" ", len(before)-len(after))
	if len(after) != len(before) {
		t.Fatalf("fixture sizes differ: %d and %d", len(before), len(after))
	}
	writeBundle(t, dir, map[string]string{
		"package.json":                    `{"name":"fn","version":"1.0.0"}`,
		"index.js":                        `exports.handler = async () => 1;`,
		"node_modules/quiet/package.json": `{"name":"quiet","version":"1.0.0"}`,
		"node_modules/quiet/index.js":     before,
		"node_modules/other/package.json": `{"name":"other","version":"1.0.0"}`,
		"node_modules/other/index.js":     `module.exports = 2;`,
	})
	o := options(t, dir)
	o.InstallPhase = false
	o.ImportCache = t.TempDir()
	scanOnce := func() (*profile.Profile, *scan.Stats) {
		p, st, err := scan.Scan(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		if p.Incomplete {
			t.Fatalf("incomplete: %+v", p.Problems)
		}
		return p, st
	}
	p, _ := scanOnce()
	if hasFile(importOf(t, p, "node_modules/quiet"), "/etc/passwd", profile.AccessRead) {
		t.Fatal("quiet read /etc/passwd before it was changed")
	}
	if _, st := scanOnce(); st.Cached != 2 || st.SandboxTime != 0 {
		t.Fatalf("the unchanged re-scan reused %d of 2 import results and ran sandboxes for %s (want none: nothing to run)", st.Cached, st.SandboxTime)
	}

	contenthashtest.RewriteInPlace(t, filepath.Join(dir, "node_modules/quiet/index.js"), []byte(after))
	// Out of the racy window, where a changed file is read anyway: only
	// its change time tells the survey it changed.
	time.Sleep(contenthash.RacyWindow + 100*time.Millisecond)

	p, st := scanOnce()
	if st.Cached != 1 || st.SandboxTime == 0 {
		t.Errorf("after quiet's same-size edit, %d import results reused, want 1 (other's), sandbox time %s", st.Cached, st.SandboxTime)
	}
	if !hasFile(importOf(t, p, "node_modules/quiet"), "/etc/passwd", profile.AccessRead) {
		t.Errorf("the re-scan did not see quiet's new read of /etc/passwd: %+v", importOf(t, p, "node_modules/quiet").Files)
	}
}
