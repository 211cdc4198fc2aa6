package sandbox

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// TestWithSysroot: a sysroot's files win over the host's at the same path
// (its glibc serves the host's programs), the host's other files are placed
// through its merged /usr, and a host file where the sysroot has a link
// gives way to the link.
func TestWithSysroot(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"usr/lib/x86_64-linux-gnu/libc.so.6", "usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "usr/bin/node", "usr/share/nodejs/undici/index.js"} {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"lib": "usr/lib", "lib64": "usr/lib64", "bin": "usr/bin", "usr/lib64/ld-linux-x86-64.so.2": "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "etc/escape": "../../outside"} {
		p := filepath.Join(root, link)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"/lib/x86_64-linux-gnu/libc.so.6":    "/host/libc.so.6",    // the sysroot's wins
		"/lib/x86_64-linux-gnu/libcurl.so.4": "/host/libcurl.so.4", // placed under /usr
		"/lib64/ld-linux-x86-64.so.2":        "/host/ld.so",        // a link of the sysroot wins
		"/usr/bin/curl":                      "/host/curl",
		"/usr/bin/node":                      "/host/node", // the runtime's node wins
	}
	links := map[string]string{"/bin/sh": "dash"}
	tfiles := map[string]string{"/usr/lib/python3.11/os.py": "/host/os.py"}
	exes := map[string]string{"/bin/zsh": "stub"}
	written := map[string]string{"/etc/x": "x"}
	in := []map[string]string{maps.Clone(files), maps.Clone(tfiles), maps.Clone(links), maps.Clone(written), maps.Clone(exes)}
	gf, gt, gl, gw, ge, err := withSysroot(root, files, tfiles, links, written, exes)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name      string
		got, want map[string]string
	}{
		{"host files", gf, map[string]string{
			"/usr/lib/x86_64-linux-gnu/libcurl.so.4": "/host/libcurl.so.4",
			"/usr/bin/curl":                          "/host/curl",
		}},
		{"tree files", gt, map[string]string{
			"/usr/lib/python3.11/os.py":                      "/host/os.py",
			"/usr/lib/x86_64-linux-gnu/libc.so.6":            filepath.Join(root, "usr/lib/x86_64-linux-gnu/libc.so.6"),
			"/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2": filepath.Join(root, "usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"),
			"/usr/bin/node":                                  filepath.Join(root, "usr/bin/node"),
			"/usr/share/nodejs/undici/index.js":              filepath.Join(root, "usr/share/nodejs/undici/index.js"),
		}},
		{"links", gl, map[string]string{
			"/usr/bin/sh": "dash", "/lib": "usr/lib", "/lib64": "usr/lib64", "/bin": "usr/bin",
			"/usr/lib64/ld-linux-x86-64.so.2": "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
		}},
		{"written", gw, map[string]string{"/etc/x": "x"}},
		{"executables", ge, map[string]string{"/usr/bin/zsh": "stub"}},
	}
	for _, w := range want {
		if !maps.Equal(w.got, w.want) {
			t.Errorf("%s: got %v\nwant %v", w.name, w.got, w.want)
		}
	}
	for i, m := range []map[string]string{files, tfiles, links, written, exes} {
		if !maps.Equal(m, in[i]) {
			t.Errorf("input %d changed: %v", i, m)
		}
	}
}
