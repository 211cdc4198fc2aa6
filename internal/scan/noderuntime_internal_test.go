package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenNodeRuntime: a runtime directory is read from its runtime.json;
// what is missing or malformed is an error that says how to make one.
func TestOpenNodeRuntime(t *testing.T) {
	good := `{"node":"v24.21.0","napi":10,"suite":"forky","binary":"usr/bin/node","packages":["nodejs 24.21.0"]}`
	for _, tc := range []struct {
		name, json string
		node       bool // root/usr/bin/node exists
		want       string
	}{
		{"a runtime", good, true, ""},
		{"no runtime.json", "", true, "no runtime.json"},
		{"not JSON", "{", true, "runtime.json"},
		{"no napi", `{"node":"v24.21.0","binary":"usr/bin/node"}`, true, "does not say which node"},
		{"an absolute binary", `{"node":"v24.21.0","napi":10,"binary":"/usr/bin/node"}`, true, "does not say which node"},
		{"a binary outside", `{"node":"v24.21.0","napi":10,"binary":"../../usr/bin/node"}`, true, "does not say which node"},
		{"its node missing", good, false, "lacks its node"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.json != "" {
				if err := os.WriteFile(filepath.Join(dir, "runtime.json"), []byte(tc.json), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.node {
				p := filepath.Join(dir, "root", "usr", "bin", "node")
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("\x7fELF"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			rt, err := OpenNodeRuntime(dir)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if rt.Version != "v24.21.0" || rt.NAPI != 10 || rt.Suite != "forky" || rt.Node != filepath.Join(dir, "root", "usr", "bin", "node") || rt.Root != filepath.Join(dir, "root") {
					t.Errorf("runtime %+v", rt)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "scripts/node-runtime") {
				t.Errorf("error %v, want one containing %q and how to make a runtime", err, tc.want)
			}
		})
	}
}
