package scan

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/contenthash"
)

// TestStager: the first scan with an import cache stages the bundle (no
// memo yet) and leaves a memo; the next one surveys it and stages nothing
// until a sandbox is to run, then stages it with the bait file; a bundle
// that changed between the survey and the staging stops the scan.
func TestStager(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"package.json":                `{"name":"fn","version":"1.0.0"}`,
		"index.js":                    `exports.handler = async () => 1;`,
		"node_modules/a/package.json": `{"name":"a","version":"1.0.0"}`,
		"node_modules/a/index.js":     `module.exports = 1;`,
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(contenthash.RacyWindow + 100*time.Millisecond) // so that the memo remembers them
	o := Options{Path: dir, ImportCache: t.TempDir()}
	o.defaults()
	c, err := canary.New(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	open := func() *stager {
		t.Helper()
		st := &stager{o: o, task: t.TempDir()}
		if _, err := st.open(""); err != nil {
			t.Fatal(err)
		}
		if err := st.bait(c); err != nil {
			t.Fatal(err)
		}
		return st
	}
	entries := func(st *stager) int {
		t.Helper()
		ents, err := os.ReadDir(st.task)
		if err != nil {
			t.Fatal(err)
		}
		return len(ents)
	}
	if st := open(); !st.staged || entries(st) == 0 {
		t.Fatalf("first scan: staged %v with %d entries; want staged (no memo yet)", st.staged, entries(st))
	}
	st := open()
	if st.staged || entries(st) != 0 {
		t.Fatalf("second scan: staged %v with %d entries; want surveyed, nothing written", st.staged, entries(st))
	}
	surveyed := st.bundle
	if err := st.ensure(); err != nil {
		t.Fatal(err)
	}
	if !st.staged || st.bundle != surveyed || surveyed.Root != st.task {
		t.Errorf("after ensure: staged %v, root %q; want the surveyed bundle staged in %s", st.staged, surveyed.Root, st.task)
	}
	if _, err := os.Stat(filepath.Join(st.task, ".env")); err != nil {
		t.Errorf("no bait .env in the staged bundle: %v", err)
	}

	st = open()
	if err := os.WriteFile(filepath.Join(dir, "node_modules/a/index.js"), []byte(`module.exports = 2;`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := st.ensure(); err == nil || !strings.Contains(err.Error(), "changed while it was being scanned") {
		t.Errorf("a file changed between survey and staging: ensure err = %v, want the scan stopped", err)
	}
}
