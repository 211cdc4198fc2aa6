package bundle

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestDirFDs(t *testing.T) {
	tests := []struct {
		name  string
		dirs  []string // created below base first
		links map[string]string
		files []string // made through open, in this order
		// the last file's open fails with one of these
		wantErr []error
	}{
		{name: "path order", dirs: []string{"a", "a/b", "a/b/c", "a-b", "z"},
			files: []string{"top.js", "a/x.js", "a/b/c/y.js", "a/b/z.js", "a-b/w.js", "a/b/c/again.js", "z/q.js"}},
		{name: "deep first", dirs: []string{"p", "p/q", "p/q/r"},
			files: []string{"p/q/r/1.js", "p/2.js", "p/q/3.js"}},
		{name: "symlinked directory", dirs: []string{"a"}, links: map[string]string{"a/out": "../.."},
			files: []string{"a/out/x.js"}, wantErr: []error{unix.ELOOP, unix.ENOTDIR}},
		{name: "symlinked directory inside", dirs: []string{"a", "b"}, links: map[string]string{"a/in": "../b"},
			files: []string{"a/in/x.js"}, wantErr: []error{unix.ELOOP, unix.ENOTDIR}},
		{name: "symlinked file", dirs: []string{"a"}, links: map[string]string{"a/x.js": "../../outside.js"},
			files: []string{"a/x.js"}, wantErr: []error{unix.EEXIST, unix.ELOOP}},
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
			d, err := newDirFDs(base)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			for i, p := range tt.files {
				fd, err := d.open(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
				if err == nil {
					unix.Close(fd)
				}
				if last := i == len(tt.files)-1; last && tt.wantErr != nil {
					if err == nil || !errors.Is(err, tt.wantErr[0]) && !errors.Is(err, tt.wantErr[1]) {
						t.Fatalf("opening %s: %v, want one of %v", p, err, tt.wantErr)
					}
					continue
				}
				if err != nil {
					t.Fatalf("opening %s: %v", p, err)
				}
				if _, err := os.Lstat(filepath.Join(baseDir, p)); err != nil {
					t.Errorf("%s was not created where it belongs: %v", p, err)
				}
				if depth := strings.Count(p, "/"); len(d.chain) > depth {
					t.Errorf("after %s: %d directories held, more than its depth %d", p, len(d.chain), depth)
				}
			}
			if ents, _ := os.ReadDir(top); len(ents) != 1 {
				t.Errorf("something was created outside base: %v", ents)
			}
			if _, err := os.Lstat(filepath.Join(baseDir, "b", "x.js")); err == nil {
				t.Error("a file was created through a symlinked directory")
			}
		})
	}
}
