package scan_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRecordEventsAcrossRuns: --record-events keeps the whole scan's event
// stream when the scan has more than one sandbox run — here the ci world's
// re-run of a package that read CI — instead of failing the second run on
// a recording the first had closed ("file already closed").
func TestRecordEventsAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                     `{"name":"fn","version":"1.0.0","dependencies":{"cigate":"1.0.0"}}`,
		"index.js":                         "require('cigate');\nexports.handler = async () => ({ statusCode: 200 });\n",
		"node_modules/cigate/package.json": `{"name":"cigate","version":"1.0.0"}`,
		"node_modules/cigate/index.js":     "module.exports = process.env.CI === 'true';\n",
	})
	size := func(worlds []string) int64 {
		t.Helper()
		o := options(t, dir)
		o.Worlds = worlds
		o.RecordEvents = filepath.Join(t.TempDir(), "events")
		p := run(t, o)
		if len(p.Worlds) != len(worlds) {
			t.Fatalf("worlds run: %+v, want %v", p.Worlds, worlds)
		}
		fi, err := os.Stat(o.RecordEvents)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	alone, both := size(nil), size([]string{"ci"})
	if alone == 0 || both <= alone {
		t.Errorf("recording: %d bytes for the scan alone, %d with the ci world's run: the world's events are missing", alone, both)
	}
}
