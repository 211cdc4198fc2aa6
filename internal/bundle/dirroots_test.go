package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirRoots(t *testing.T) {
	tests := []struct {
		name    string
		dirs    []string // created below base first
		links   map[string]string
		opens   []string // files created through split, in this order
		wantErr string   // an open of the last file fails with this
	}{
		{name: "path order", dirs: []string{"a", "a/b", "a/b/c", "a-b", "z"},
			opens: []string{"top.js", "a/x.js", "a/b/c/y.js", "a/b/z.js", "a-b/w.js", "a/b/c/again.js", "z/q.js"}},
		{name: "deep first", dirs: []string{"p", "p/q", "p/q/r"},
			opens: []string{"p/q/r/1.js", "p/2.js", "p/q/3.js"}},
		{name: "symlinked directory leaving the tree", dirs: []string{"a"}, links: map[string]string{"a/out": "../.."},
			opens: []string{"a/out/x.js"}, wantErr: "escapes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			baseDir := filepath.Join(top, "base")
			for _, d := range append([]string{""}, tt.dirs...) {
				if err := os.MkdirAll(filepath.Join(baseDir, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for l, target := range tt.links {
				if err := os.Symlink(target, filepath.Join(baseDir, l)); err != nil {
					t.Fatal(err)
				}
			}
			base, err := os.OpenRoot(baseDir)
			if err != nil {
				t.Fatal(err)
			}
			defer base.Close()
			d := newDirRoots(base)
			defer d.Close()
			for i, p := range tt.opens {
				dir, name, err := d.split(p)
				if err == nil {
					var f *os.File
					if f, err = dir.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
						f.Close()
					}
				}
				if last := i == len(tt.opens)-1; last && tt.wantErr != "" {
					if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
						t.Fatalf("opening %s: %v, want an error with %q", p, err, tt.wantErr)
					}
					continue
				}
				if err != nil {
					t.Fatalf("opening %s: %v", p, err)
				}
				if _, err := os.Stat(filepath.Join(baseDir, p)); err != nil {
					t.Errorf("%s was not created where it belongs: %v", p, err)
				}
				if depth := strings.Count(p, "/"); len(d.chain) > depth {
					t.Errorf("after %s: %d directories held, more than its depth %d", p, len(d.chain), depth)
				}
			}
			if ents, _ := os.ReadDir(top); len(ents) != 1 {
				t.Errorf("something was created outside base: %v", ents)
			}
		})
	}
}
