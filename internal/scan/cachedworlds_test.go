package scan_test

import (
	"bytes"
	"testing"

	"github.com/depbox/depbox/internal/scan"
)

// TestImportCacheWorldsAndExecute: with the import cache filled, a re-scan
// that also runs exported functions (execute phase) and world variants
// gives the same profile byte for byte as the first scan: an execute phase
// subtracts what its package did at import whether that import result ran
// now or came from the cache, and a world variant's import results are
// cached like the scan's own. The re-scan of an import-only world starts
// no sandbox for it.
func TestImportCacheWorldsAndExecute(t *testing.T) {
	dir := t.TempDir()
	dep := func(name string) string { return `{"name":"` + name + `","version":"1.0.0"}` }
	writeBundle(t, dir, map[string]string{
		"package.json":                   `{"name":"fn","version":"1.0.0","dependencies":{"envy":"1.0.0","cigate":"1.0.0"}}`,
		"index.js":                       "require('envy'); require('cigate');\nexports.handler = async () => ({ statusCode: 200 });\n",
		"node_modules/envy/package.json": dep("envy"),
		// Reads the same variables at import and when called: the execute
		// phase shows only what is new there (ENVY_MODE).
		"node_modules/envy/index.js": `const seen = [process.env.TZ, process.env.CI, process.env.AWS_REGION].join(',');
exports.go = () => seen + process.env.TZ + process.env.AWS_REGION + process.env.ENVY_MODE;`,
		"node_modules/cigate/package.json": dep("cigate"),
		"node_modules/cigate/index.js": `if (process.env.CI === 'true') { try { require('fs').writeFileSync('/var/task/package.json', 'ci'); } catch {} }
module.exports = 1;`,
	})
	o := options(t, dir)
	o.ImportCache = t.TempDir()
	o.Worlds = []string{"ci"}
	o.Execute = []string{"node_modules/envy"}
	scanOnce := func(o scan.Options) ([]byte, *scan.Stats) {
		t.Helper()
		p, st := runStats(t, o)
		var buf bytes.Buffer
		if err := p.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes(), st
	}
	first, _ := scanOnce(o)
	if !bytes.Contains(first, []byte(`"ENVY_MODE"`)) {
		t.Fatalf("the execute phase of envy does not show ENVY_MODE:\n%s", first)
	}
	second, st := scanOnce(o)
	if st.Cached != 2 {
		t.Errorf("the re-scan reused %d of 2 import results", st.Cached)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("the re-scan's profile differs from the first scan's:\n%s\n---\n%s", first, second)
	}

	// Imports only: the ci world's re-run of cigate (it read CI) and envy
	// comes from the cache too, and no sandbox starts.
	o.Execute = nil
	first, _ = scanOnce(o)
	second, st = scanOnce(o)
	if !bytes.Equal(first, second) {
		t.Errorf("imports only: the re-scan's profile differs:\n%s\n---\n%s", first, second)
	}
	if st.SandboxTime != 0 {
		t.Errorf("imports only: the re-scan ran sandboxes for %v, want none (every result cached, the ci world's too)", st.SandboxTime)
	}
}
