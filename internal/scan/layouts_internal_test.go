package scan

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestDropScopeRead: only a workspace package's read of the package.json
// of the directory it resolves from is dropped; a Python distribution's
// install path (no node_modules in it) is left alone.
func TestDropScopeRead(t *testing.T) {
	read := func(p string) profile.File { return profile.File{Path: p, Access: profile.AccessRead} }
	tests := []struct {
		ip    string
		files []profile.File
		want  int
	}{
		{"packages/shared/node_modules/x", []profile.File{read("/var/task/packages/shared/package.json"), read("/etc/passwd")}, 1},
		{"node_modules/a/node_modules/b", []profile.File{read("/var/task/node_modules/a/package.json")}, 1},
		{"requests-2.31.0.dist-info", []profile.File{read("/var/task/package.json"), read("/etc/passwd")}, 2},
		{"python/lib/python3.12/site-packages/x-1.0.dist-info", []profile.File{read("/var/task/package.json")}, 1},
	}
	for _, tt := range tests {
		b := &profile.Behavior{Files: tt.files}
		dropScopeRead(b, tt.ip)
		if len(b.Files) != tt.want {
			t.Errorf("%s: %d files left (%+v), want %d", tt.ip, len(b.Files), b.Files, tt.want)
		}
	}
}
