package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// zent is one entry of a test zip.
type zent struct {
	name  string
	body  string
	mode  fs.FileMode // 0: a regular 0644 file (or directory for names ending in /)
	size  int         // when > 0, body is size zero bytes
	flags uint16
	raw   *zip.FileHeader // written with CreateRaw, body as is
}

// writeZip builds a zip file from entries and returns its path.
func writeZip(t *testing.T, entries []zent) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		if e.raw != nil {
			w, err := zw.CreateRaw(e.raw)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write([]byte(e.body)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		fh := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Flags: e.flags}
		if e.mode != 0 {
			fh.SetMode(e.mode)
		}
		w, err := zw.CreateHeader(fh)
		if err != nil {
			t.Fatal(err)
		}
		if e.size > 0 {
			chunk := make([]byte, 1<<20)
			for left := e.size; left > 0; left -= len(chunk) {
				if _, err := w.Write(chunk[:min(left, len(chunk))]); err != nil {
					t.Fatal(err)
				}
			}
		} else if _, err := w.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "function.zip")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// stageDir returns a dst directory inside a parent directory of its own, so
// that tests can check that nothing lands next to it.
func stagingDir(t *testing.T) (parent, dst string) {
	parent = t.TempDir()
	dst = filepath.Join(parent, "dst")
	if err := os.Mkdir(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	return parent, dst
}

// assertContained fails unless parent holds only an empty dst.
func assertContained(t *testing.T, parent string) {
	t.Helper()
	ents, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != "dst" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("parent of dst holds %q, want only dst", names)
	}
	if ents, _ := os.ReadDir(filepath.Join(parent, "dst")); len(ents) != 0 {
		t.Errorf("dst not emptied after a failed Open: %d entries left", len(ents))
	}
	if _, err := os.Lstat(filepath.Join(filepath.Dir(parent), "evil.txt")); err == nil {
		t.Errorf("evil.txt written above the parent directory")
	}
}

func deflated(t *testing.T, data []byte) []byte {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	fw.Close()
	return buf.Bytes()
}

func TestHostileZip(t *testing.T) {
	index := zent{name: "index.js", body: "exports.handler = async () => 1;\n"}
	lyingBody := bytes.Repeat([]byte("A"), 10_000)
	lying := deflated(t, lyingBody)
	tests := []struct {
		name    string
		entries []zent
		opts    Options
		want    string // substring of the error
		limit   string // expected InputError.Limit
	}{
		{name: "zip slip", entries: []zent{index, {name: "../evil.txt", body: "x"}}, want: `".."`},
		{name: "deep zip slip", entries: []zent{index, {name: "a/b/../../../evil.txt", body: "x"}}, want: `".."`},
		{name: "absolute", entries: []zent{index, {name: "/tmp/evil.txt", body: "x"}}, want: "absolute path"},
		{name: "backslash", entries: []zent{index, {name: `..\evil.txt`, body: "x"}}, want: "backslash"},
		{name: "drive letter", entries: []zent{index, {name: "C:/evil.txt", body: "x"}}, want: "drive letter"},
		{name: "NUL", entries: []zent{index, {name: "a\x00b", body: "x"}}, want: "NUL"},
		{name: "duplicate", entries: []zent{index, {name: "lib/x.js", body: "1"}, {name: "lib/./x.js", body: "2"}}, want: "appears twice"},
		{name: "file and dir", entries: []zent{index, {name: "lib", body: "1"}, {name: "lib/x.js", body: "2"}}, want: "which is a file"},
		{name: "symlink escape", entries: []zent{index, {name: "node_modules/x", body: "../../etc/passwd", mode: fs.ModeSymlink | 0o777}}, want: "outside the bundle"},
		{name: "symlink absolute", entries: []zent{index, {name: "creds", body: "/etc/shadow", mode: fs.ModeSymlink | 0o777}}, want: "absolute path"},
		{name: "symlink chain escape", entries: []zent{index, {name: "m", body: ".", mode: fs.ModeSymlink | 0o777}, {name: "esc", body: "m/..", mode: fs.ModeSymlink | 0o777}}, want: "outside the bundle"},
		{name: "symlink loop", entries: []zent{index, {name: "l1", body: "l2", mode: fs.ModeSymlink | 0o777}, {name: "l2", body: "l1", mode: fs.ModeSymlink | 0o777}}, want: "loop"},
		{name: "write through symlink", entries: []zent{index, {name: "lib", body: "sub", mode: fs.ModeSymlink | 0o777}, {name: "lib/x.js", body: "1"}}, want: "below the symlink"},
		{name: "encrypted", entries: []zent{index, {name: "secret.js", body: "x", flags: 0x1}}, want: "encrypted"},
		{name: "fifo", entries: []zent{index, {name: "pipe", mode: fs.ModeNamedPipe | 0o644}}, want: "named pipe"},
		{name: "device", entries: []zent{index, {name: "dev", mode: fs.ModeDevice | fs.ModeCharDevice | 0o644}}, want: "device file"},
		{name: "bomb", entries: []zent{index, {name: "zeros.bin", size: 50 << 20}}, want: "zip bomb", limit: "compression ratio"},
		{name: "too many files", entries: []zent{index, {name: "a.js"}, {name: "b.js"}, {name: "c.js"}}, opts: Options{MaxFiles: 3}, limit: "MaxFiles"},
		{name: "too many with implied dirs", entries: []zent{index, {name: "a/b/c/d.js"}}, opts: Options{MaxFiles: 3}, limit: "MaxFiles"},
		{name: "file too big", entries: []zent{index, {name: "big.js", body: strings.Repeat("x", 200)}}, opts: Options{MaxFileBytes: 100}, limit: "MaxFileBytes"},
		{name: "zip too big", entries: []zent{index, {name: "a.js", body: strings.Repeat("x", 200)}, {name: "b.js", body: strings.Repeat("y", 200)}}, opts: Options{MaxTotalBytes: 300}, limit: "MaxTotalBytes"},
		{name: "total too big", entries: []zent{index, {name: "a.js", size: 200 << 10}, {name: "b.js", size: 200 << 10}}, opts: Options{MaxTotalBytes: 300 << 10}, want: "add up to", limit: "MaxTotalBytes"},
		{name: "lying size header", entries: []zent{index, {raw: &zip.FileHeader{
			Name: "lie.js", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(lyingBody),
			CompressedSize64: uint64(len(lying)), UncompressedSize64: 10,
		}, body: string(lying)}}, opts: Options{MaxFileBytes: 1000}, want: "lie.js"},
		{name: "unknown compression", entries: []zent{index, {raw: &zip.FileHeader{Name: "odd.js", Method: 99, CompressedSize64: 1, UncompressedSize64: 1}, body: "x"}}, want: "compression method"},
		{name: "name too long", entries: []zent{index, {name: strings.Repeat("n", 300) + ".js", body: "x"}}, want: "name too long"},
		{name: "not node or python", entries: []zent{{name: "main.rb", body: "def handler(event:, context:) end\n"}}, want: "only Node.js and Python"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := writeZip(t, tt.entries)
			parent, dst := stagingDir(t)
			b, err := Open(src, dst, tt.opts)
			if err == nil {
				t.Fatalf("Open succeeded: %+v", b)
			}
			if !errors.Is(err, ErrInput) {
				t.Errorf("error %v does not match ErrInput", err)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			if tt.want != "" && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			if ie.Limit != tt.limit {
				t.Errorf("Limit = %q, want %q (%v)", ie.Limit, tt.limit, err)
			}
			assertContained(t, parent)
		})
	}
}

func TestZip(t *testing.T) {
	t.Run("layout kept and links work", func(t *testing.T) {
		src := writeZip(t, []zent{
			{name: "./"},
			{name: "fn/"},
			{name: "fn/index.js", body: "exports.handler = 1;"},
			{name: "app.mjs", body: "export const handler = 1;"},
			{name: "node_modules/a/package.json", body: `{"name":"a","version":"1.0.0","bin":"cli.js"}`},
			{name: "node_modules/a/cli.js", body: "#!/usr/bin/env node\n", mode: 0o755},
			{name: "node_modules/.bin/a", body: "../a/cli.js", mode: fs.ModeSymlink | 0o777},
			{name: "small-zeros.bin", size: 512 << 10}, // compresses very well but is small
		})
		b, err := Open(src, t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if b.Name != "function" {
			t.Errorf("Name = %q, want the zip's base name", b.Name)
		}
		// Not unwrapped: fn/index.js stays where it is, and app.mjs is not a
		// default handler file.
		if b.Handler != "" {
			t.Errorf("Handler = %q, want none (no default file at the root)", b.Handler)
		}
		if _, err := os.Stat(filepath.Join(b.Root, "fn", "index.js")); err != nil {
			t.Errorf("fn/index.js not staged: %v", err)
		}
		if fi, err := os.Stat(filepath.Join(b.Root, "node_modules/.bin/a")); err != nil || fi.Mode().Perm() != 0o755 {
			t.Errorf("node_modules/.bin/a through the link: %v %v", fi, err)
		}
		if len(b.Packages) != 1 || b.Packages[0].Path != "node_modules/a" {
			t.Errorf("packages = %+v", b.Packages)
		}
	})
	t.Run("zip and directory digests agree", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{
			"index.js":                    "exports.handler = 1;",
			"node_modules/a/package.json": `{"name":"a"}`,
			"node_modules/.bin/a":         "->../a/package.json",
		})
		// The zip lists no directories: they are implied.
		src := writeZip(t, []zent{
			{name: "node_modules/.bin/a", body: "../a/package.json", mode: fs.ModeSymlink | 0o777},
			{name: "index.js", body: "exports.handler = 1;"},
			{name: "node_modules/a/package.json", body: `{"name":"a"}`},
		})
		bd, err := Open(dir, t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		bz, err := Open(src, t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if bd.Digest != bz.Digest {
			t.Errorf("directory digest %s, zip digest %s", bd.Digest, bz.Digest)
		}
	})
	t.Run("not a zip", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "bundle.tar.gz")
		if err := os.WriteFile(p, []byte("not a zip"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(p, t.TempDir(), Options{}); !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "zip") {
			t.Errorf("Open(non-zip) = %v, want ErrInput about zip", err)
		}
	})
}

func TestHostileDir(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, dir string)
		opts  Options
		want  []string // substrings of the error
	}{
		{name: "symlink escape", files: map[string]string{"index.js": "", "node_modules/x": "->../../outside"}, want: []string{"node_modules/x", "outside the bundle"}},
		{name: "symlink absolute outside", files: map[string]string{"index.js": "", "creds": "->/etc/passwd"}, want: []string{"creds", "outside the bundle"}},
		{name: "symlink chain escape", files: map[string]string{"index.js": "", "m": "->.", "esc": "->m/.."}, want: []string{"esc", "outside the bundle"}},
		{name: "fifo", files: map[string]string{"index.js": ""}, setup: func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
				t.Skip("mkfifo:", err)
			}
		}, want: []string{"pipe", "named pipe"}},
		{name: "socket", files: map[string]string{"index.js": ""}, setup: func(t *testing.T, dir string) {
			fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
			if err != nil {
				t.Skip("socket:", err)
			}
			defer syscall.Close(fd)
			if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: filepath.Join(dir, "sock")}); err != nil {
				t.Skip("bind:", err)
			}
		}, want: []string{"sock", "socket"}},
		{name: "malformed root package.json", files: map[string]string{"package.json": "{\n  \"name\": \"x\",\n  oops\n}"}, want: []string{"package.json", "line 3, column 3"}},
		{name: "truncated package.json", files: map[string]string{"index.js": "", "node_modules/a/package.json": `{"name": "a"`}, want: []string{"node_modules/a/package.json", "malformed JSON"}},
		{name: "package.json not an object", files: map[string]string{"index.js": "", "node_modules/a/package.json": `["a"]`}, want: []string{"node_modules/a/package.json", "not a JSON object"}},
		{name: "malformed lockfile", files: map[string]string{"index.js": "", "package-lock.json": `{"lockfileVersion": 3, "packages": {"node_modules/a": {"integrity": 5}}}`}, want: []string{"package-lock.json", "line 1"}},
		{name: "malformed template", files: map[string]string{"index.js": "", "template.yaml": "Resources:\n  Fn: [unclosed\n"}, want: []string{"template.yaml", "YAML"}},
		{name: "too many files", files: map[string]string{"index.js": "", "a.js": "", "b/c.js": ""}, opts: Options{MaxFiles: 3}, want: []string{"more than 3 files"}},
		{name: "file too big", files: map[string]string{"index.js": strings.Repeat("x", 101)}, opts: Options{MaxFileBytes: 100}, want: []string{"index.js", "per-file limit"}},
		{name: "total too big", files: map[string]string{"index.js": strings.Repeat("x", 60), "a.js": strings.Repeat("x", 60)}, opts: Options{MaxTotalBytes: 100}, want: []string{"limit of 100"}},
		{name: "not node or python", files: map[string]string{"main.rb": "", "Gemfile": ""}, want: []string{"only Node.js and Python"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "bundle")
			writeFiles(t, src, tt.files)
			if tt.setup != nil {
				tt.setup(t, src)
			}
			parent, dst := stagingDir(t)
			b, err := Open(src, dst, tt.opts)
			if err == nil {
				t.Fatalf("Open succeeded: %+v", b)
			}
			if !errors.Is(err, ErrInput) {
				t.Errorf("error %v does not match ErrInput", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			assertContained(t, parent)
		})
	}
}

func TestDir(t *testing.T) {
	src := filepath.Join(t.TempDir(), "my-fn")
	writeFiles(t, src, map[string]string{
		"index.js":                           "exports.handler = async () => 1;",
		".git/HEAD":                          "ref: refs/heads/main\n",
		"lib/.git/keep":                      "nested .git directories are not skipped",
		"node_modules/a/package.json":        `{"name":"a","version":"1.0.0","dependencies":{"b":"1"}}`,
		"node_modules/a/index.js":            "",
		"node_modules/b":                     "->../packages/b", // a workspace link
		"packages/b/package.json":            `{"name":"b","version":"0.0.1"}`,
		"node_modules/.cache/x/package.json": `{"name":"not-a-package"}`,
		"node_modules/.package-lock.json":    `{"lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0","integrity":"sha512-aGlkZGVu"}}}`,
		"inside-abs":                         "->" + filepath.Join(src, "lib"),
	})
	b, err := Open(src, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "my-fn" {
		t.Errorf("Name = %q, want the directory's base name", b.Name)
	}
	if _, err := os.Lstat(filepath.Join(b.Root, ".git")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("root .git was staged: %v", err)
	}
	if _, err := os.Stat(filepath.Join(b.Root, "lib/.git/keep")); err != nil {
		t.Errorf("lib/.git was skipped: %v", err)
	}
	if target, err := os.Readlink(filepath.Join(b.Root, "inside-abs")); err != nil || target != "lib" {
		t.Errorf("absolute link inside the bundle = %q, %v; want it made relative (lib)", target, err)
	}
	var paths []string
	for _, p := range b.Packages {
		paths = append(paths, p.Path+"@"+p.Version)
	}
	// b, linked to a directory outside node_modules, is a workspace package:
	// the function's own code, not a dependency.
	if got := strings.Join(paths, " "); got != "node_modules/a@1.0.0" {
		t.Errorf("packages = %s", got)
	}
	if a := b.Package("node_modules/a"); a == nil || a.Integrity != "sha512-aGlkZGVu" || len(a.Requires) != 0 {
		t.Errorf("a = %+v, want integrity from the hidden lockfile and b (the function's own) not among its requires", a)
	}
	if b.Lockfile != "node_modules/.package-lock.json" {
		t.Errorf("Lockfile = %q", b.Lockfile)
	}
}

func TestLockfileV1(t *testing.T) {
	src := t.TempDir()
	writeFiles(t, src, map[string]string{
		"index.js":                    "",
		"package.json":                `{"name":"v1","dependencies":{"a":"1"}}`,
		"node_modules/a/package.json": `{"name":"a","version":"1.0.0","dependencies":{"b":"2"}}`,
		"node_modules/a/node_modules/b/package.json": `{"name":"b","version":"2.0.0"}`,
		"package-lock.json": `{"lockfileVersion":1,"dependencies":{
			"a":{"version":"1.0.0","integrity":"sha512-YQ==","dependencies":{
				"b":{"version":"2.0.0","integrity":"sha1-Yg=="}}},
			"gone":{"version":"1.0.0","integrity":"sha512-Z29uZQ=="}}}`,
	})
	b, err := Open(src, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Package("node_modules/a/node_modules/b"); got == nil || got.Integrity != "sha1-Yg==" {
		t.Errorf("nested b = %+v", got)
	}
	if got := b.Package("node_modules/a"); got == nil || got.Integrity != "sha512-YQ==" || len(got.Requires) != 1 || got.Requires[0] != "node_modules/a/node_modules/b" {
		t.Errorf("a = %+v", got)
	}
}

// TestLimitsCountActualBytes feeds writeFile more bytes than the entry
// declares: the limits apply to what is read, not to what headers claim.
func TestLimitsCountActualBytes(t *testing.T) {
	tests := []struct {
		name  string
		opts  Options
		zip   bool
		total int64 // bytes already staged
		limit string
	}{
		{name: "file", opts: Options{MaxFileBytes: 100, MaxTotalBytes: 1 << 30}, limit: "MaxFileBytes"},
		{name: "total", opts: Options{MaxFileBytes: 1 << 20, MaxTotalBytes: 1000}, total: 900, limit: "MaxTotalBytes"},
		{name: "ratio", opts: Options{MaxFileBytes: 8 << 20, MaxTotalBytes: 1 << 30}, zip: true, limit: "compression ratio"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTree(tt.opts.withDefaults())
			e := &entry{name: "x.js", kind: kindFile, size: 10, zip: tt.zip, csize: 10,
				open: func() (io.ReadCloser, error) {
					return io.NopCloser(bytes.NewReader(make([]byte, 4<<20))), nil
				}}
			root, err := os.OpenRoot(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			dirs, err := newDirFDs(root)
			if err != nil {
				t.Fatal(err)
			}
			defer dirs.Close()
			_, err = tr.writeFile(dirs, e, tt.total)
			var ie *InputError
			if !errors.As(err, &ie) || ie.Limit != tt.limit {
				t.Errorf("writeFile = %v, want an InputError with Limit %q", err, tt.limit)
			}
		})
	}
}

func TestCountZipEntries(t *testing.T) {
	build := func(n int, prefix []byte, comment string) []byte {
		var buf bytes.Buffer
		buf.Write(prefix)
		zw := zip.NewWriter(&buf)
		zw.SetOffset(int64(len(prefix)))
		for i := range n {
			if _, err := zw.CreateHeader(&zip.FileHeader{Name: "f" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "/" + itoa(i), Method: zip.Store}); err != nil {
				t.Fatal(err)
			}
		}
		if comment != "" {
			zw.SetComment(comment)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name    string
		data    []byte
		limit   int
		want    int
		wantBad bool
	}{
		{name: "empty", data: build(0, nil, ""), limit: 10, want: 0},
		{name: "some", data: build(5, nil, "a comment"), limit: 10, want: 5},
		{name: "prefixed (self-extracting)", data: build(5, []byte("#!/bin/sh\nexit 0\n"), ""), limit: 10, want: 5},
		{name: "prepended without offsets", data: append([]byte("MZ junk in front"), build(7, nil, "")...), limit: 10, want: 7},
		{name: "stops after limit", data: build(50, nil, ""), limit: 10, want: 11},
		{name: "zip64 end record", data: build(70_000, nil, ""), limit: 100_000, want: 70_000},
		{name: "not a zip", data: []byte("hello"), limit: 10, wantBad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := countZipEntries(bytes.NewReader(tt.data), int64(len(tt.data)), tt.limit)
			if ok == tt.wantBad || (ok && n != tt.want) {
				t.Errorf("countZipEntries = %d, %v; want %d, %v", n, ok, tt.want, !tt.wantBad)
			}
			if ok && n <= tt.limit {
				zr, err := zip.NewReader(bytes.NewReader(tt.data), int64(len(tt.data)))
				if err != nil || len(zr.File) != n {
					t.Errorf("archive/zip reads %d entries (%v), countZipEntries %d", len(zr.File), err, n)
				}
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
