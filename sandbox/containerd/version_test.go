//go:build containerd

package containerd_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestDaemonMatchesClient: the containerd daemon the tests build (the
// module of its own in test/containerd) is the version of the client in
// the main go.mod, so the tests exercise the client against its own server.
func TestDaemonMatchesClient(t *testing.T) {
	re := regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/containerd/containerd/v2 (v\S+)`)
	version := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m := re.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s does not require github.com/containerd/containerd/v2", path)
		}
		return string(m[1])
	}
	root := filepath.Join("..", "..")
	client, daemon := version(filepath.Join(root, "go.mod")), version(filepath.Join(root, "test", "containerd", "go.mod"))
	if client != daemon {
		t.Errorf("go.mod has containerd's client %s, test/containerd/go.mod builds the daemon %s: make them the same", client, daemon)
	}
}
