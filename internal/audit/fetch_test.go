package audit

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tgz writes a tarball of files (paths as given) and returns its path.
func tgz(t *testing.T, dir, name string, files map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for n, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	gz.Close()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTarballPackage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		files      map[string]string
		name, vers string
		err        string
	}{
		{map[string]string{"package/package.json": `{"name":"a","version":"1.0.0"}`, "package/x/package.json": `{"name":"nested"}`}, "a", "1.0.0", ""},
		// npm takes whatever the first directory is called.
		{map[string]string{"node-a/package.json": `{"name":"@s/a","version":"2.0.0"}`}, "@s/a", "2.0.0", ""},
		{map[string]string{"package/index.js": "1"}, "", "", "no package.json"},
		{map[string]string{"package/package.json": `{"name":"a"}`}, "", "", "no name or no version"},
		{map[string]string{"package/package.json": `{`}, "", "", "package.json"},
		// Paths leaving the tarball are cleaned, never followed.
		{map[string]string{"../../package.json": `{"name":"evil","version":"1.0.0"}`}, "", "", "no package.json"},
		// A Python sdist says what it is and what to audit instead.
		{map[string]string{"pkg-1.0/PKG-INFO": "Metadata-Version: 2.1\nName: pkg\nVersion: 1.0\n", "pkg-1.0/setup.py": ""}, "", "", "Python sdist"},
	}
	for i, tt := range tests {
		p := tgz(t, dir, "t.tgz", tt.files)
		name, vers, err := tarballPackage(p)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("case %d: %v, want an error with %q", i, err, tt.err)
			}
			continue
		}
		if err != nil || name != tt.name || vers != tt.vers {
			t.Errorf("case %d: %q %q %v, want %q %q", i, name, vers, err, tt.name, tt.vers)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "plain.tgz"), []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := tarballPackage(filepath.Join(dir, "plain.tgz")); err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("not gzip: %v", err)
	}
}

func TestResolveTarball(t *testing.T) {
	dir := t.TempDir()
	src := tgz(t, dir, "a-1.0.0.tgz", map[string]string{"package/package.json": `{"name":"a","version":"1.0.0"}`})
	want, err := Integrity(src)
	if err != nil {
		t.Fatal(err)
	}
	r, err := (&NPM{}).Resolve(context.Background(), Spec{Tarball: src}, filepath.Join(dir, "work"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "a" || r.Version != "1.0.0" || r.Integrity != want || !strings.HasPrefix(r.File, filepath.Join(dir, "work")) {
		t.Errorf("resolved %+v, want a@1.0.0 %s copied into the work dir", r, want)
	}
	// The private copy is what counts: changing the user's file afterwards changes nothing.
	if err := os.WriteFile(src, []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Integrity(r.File); got != want {
		t.Error("the private copy changed with the original")
	}
	for _, bad := range []string{filepath.Join(dir, "missing.tgz"), dir} {
		if _, err := (&NPM{}).Resolve(context.Background(), Spec{Tarball: bad}, t.TempDir()); !IsInput(err) {
			t.Errorf("Resolve(%s): %v, want an input error", bad, err)
		}
	}
	badName := tgz(t, dir, "b.tgz", map[string]string{"package/package.json": `{"name":"../../etc","version":"1.0.0"}`})
	if _, err := (&NPM{}).Resolve(context.Background(), Spec{Tarball: badName}, t.TempDir()); !IsInput(err) || !strings.Contains(err.Error(), "not a valid npm package name") {
		t.Errorf("a tarball naming ../../etc: %v", err)
	}
}

// fakeNPM writes an npm stand-in (a shell script of this test, not package
// code) that logs its arguments and answers like npm would.
func fakeNPM(t *testing.T, configJSON, packJSON, lockJSON string) (*NPM, string) {
	t.Helper()
	dir := t.TempDir()
	log := filepath.Join(dir, "args.log")
	script := `#!/bin/sh
echo "$@" >> ` + log + `
echo "env ignore_scripts=$npm_config_ignore_scripts" >> ` + log + `
case "$1" in
config) cat <<'EOF'
` + configJSON + `
EOF
;;
pack) printf 'tarball' > "$4/a-1.0.0.tgz"; cat <<'EOF'
` + packJSON + `
EOF
;;
install) cat > package-lock.json <<'EOF'
` + lockJSON + `
EOF
echo '{}';;
esac
`
	bin := filepath.Join(dir, "npm")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return &NPM{Bin: bin}, log
}

const fullConfig = `{"ignore-scripts":false,"allow-git":"all","allow-remote":"all","allow-directory":"all","allow-file":"all"}`

func TestNPMIntegrity(t *testing.T) {
	// sha512 of the bytes "tarball", which the fake npm downloads.
	const sum = "sha512-WBQM9fuLkpBn60cFcU9GUnOBEyhwVxbOpyle0gD/abK/W01QtcFtEsDGj3RZYWrpP2UxasHjQ2plCE6FrzLYdg=="
	good := `[{"name":"a","version":"1.0.0","integrity":"` + sum + `","filename":"a-1.0.0.tgz"}]`
	lock := func(integrity string) string {
		return `{"packages":{"":{},"node_modules/a":{"version":"1.0.0","integrity":"` + integrity + `"}}}`
	}
	ctx := context.Background()

	n, log := fakeNPM(t, fullConfig, good, lock(sum))
	r, err := n.Resolve(ctx, Spec{Name: "a", Version: "^1"}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if r.Integrity != sum || r.Version != "1.0.0" {
		t.Errorf("resolved %+v", r)
	}
	inst, err := n.Install(ctx, r, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if inst.Path != "node_modules/a" {
		t.Errorf("install path %s", inst.Path)
	}
	args, _ := os.ReadFile(log)
	for _, want := range []string{
		"pack a@^1 --pack-destination", "install a@1.0.0 --allow-file=none --save-exact --package-lock=true --allow-git=none --allow-remote=none --allow-directory=none --ignore-scripts",
		"env ignore_scripts=true",
	} {
		if !strings.Contains(string(args), want) {
			t.Errorf("npm was not run with %q:\n%s", want, args)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(args)), "\n") {
		if (strings.HasPrefix(line, "pack") || strings.HasPrefix(line, "install")) && !strings.Contains(line, "--ignore-scripts") {
			t.Errorf("npm ran without --ignore-scripts: %s", line)
		}
	}

	// The registry's integrity does not match the bytes: fail closed.
	n, _ = fakeNPM(t, fullConfig, strings.Replace(good, sum, "sha512-AAAA", 1), lock(sum))
	if _, err := n.Resolve(ctx, Spec{Name: "a"}, t.TempDir()); !errors.Is(err, ErrIntegrity) {
		t.Errorf("tarball not matching the registry's integrity: %v, want ErrIntegrity", err)
	}
	// The lockfile names other bytes than the ones depbox hashed.
	n, _ = fakeNPM(t, fullConfig, good, lock("sha512-BBBB"))
	if _, err := n.Install(ctx, r, t.TempDir()); !errors.Is(err, ErrIntegrity) {
		t.Errorf("lockfile integrity differs: %v, want ErrIntegrity", err)
	}
	// npm fetched another package than asked.
	n, _ = fakeNPM(t, fullConfig, strings.Replace(good, `"name":"a"`, `"name":"b"`, 1), lock(sum))
	if _, err := n.Resolve(ctx, Spec{Name: "a"}, t.TempDir()); err == nil {
		t.Error("npm pack returning another package was accepted")
	}
	// A git dependency in the tree (should npm ever let one through).
	n, _ = fakeNPM(t, fullConfig, good, `{"packages":{"node_modules/a":{"version":"1.0.0","integrity":"`+sum+`"},"node_modules/g":{"version":"1.0.0","resolved":"git+ssh://git@example.invalid/g.git"}}}`)
	if _, err := n.Install(ctx, r, t.TempDir()); !IsInput(err) {
		t.Errorf("a git dependency: %v, want an input error", err)
	}
}

// TestNPMTooOld: an npm that does not know --allow-git would silently let
// git dependencies (and their prepare scripts) through; depbox refuses it.
func TestNPMTooOld(t *testing.T) {
	n, log := fakeNPM(t, `{"ignore-scripts":false,"allow-file":"all"}`, "[]", "{}")
	_, err := n.Resolve(context.Background(), Spec{Name: "a"}, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "allow-git") || !strings.Contains(err.Error(), "upgrade") {
		t.Fatalf("old npm: %v", err)
	}
	args, _ := os.ReadFile(log)
	if strings.Contains(string(args), "pack") {
		t.Error("an unsuitable npm was still asked to download")
	}
}

func TestClassify(t *testing.T) {
	for _, tt := range []struct {
		code  string
		input bool
		integ bool
	}{
		{"E404", true, false}, {"ETARGET", true, false}, {"EALLOWGIT", true, false}, {"EINTEGRITY", false, true},
		{"ECONNREFUSED", false, false}, {"ENOTFOUND", false, false},
	} {
		ne := &npmError{Code: tt.code, Summary: "x"}
		err := classify("downloading", ne, ne)
		if IsInput(err) != tt.input || errors.Is(err, ErrIntegrity) != tt.integ {
			t.Errorf("%s: input %v integrity %v", tt.code, IsInput(err), errors.Is(err, ErrIntegrity))
		}
	}
}
