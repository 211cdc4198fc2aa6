package scan_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// misbehaving is a bundle of packages that misbehave in a batch, one
// batch (Jobs: 1), in this order: a-first, binder, exiter, globpatch,
// json-user, patcher, ticker, z-after. TEST FIXTURE: every file it touches
// is a probe path under /tmp that exists nowhere; it runs only in the
// sandbox.
var misbehaving = map[string]string{
	"package.json": `{"name":"fn","version":"1.0.0"}`,
	"index.js":     `exports.handler = async () => 1;`,
	// a-first: a quiet package before the others.
	"node_modules/a-first/package.json": `{"name":"a-first","version":"1.0.0"}`,
	"node_modules/a-first/index.js":     `module.exports = 1;`,
	// binder: raw process.binding calls, and one left behind on a global
	// for a later package to run (the hook sees no call made through it).
	"node_modules/binder/package.json": `{"name":"binder","version":"1.0.0"}`,
	"node_modules/binder/index.js": `const fs = require('fs');
const b = process.binding('fs');
try { fs.closeSync(b.open('/tmp/binder-probe', 0, 0o666)); } catch (e) {}
globalThis.__depboxProbe = () => { try { fs.closeSync(b.open('/tmp/binder-later-probe', 0, 0o666)); } catch (e) {} };`,
	// exiter: writes a file and ends the process.
	"node_modules/exiter/package.json": `{"name":"exiter","version":"1.0.0"}`,
	"node_modules/exiter/index.js":     `require('fs').writeFileSync('/tmp/exiter.txt', 'x'); process.exit(3);`,
	// globpatch: patches a global; json-user, after it, calls it.
	"node_modules/globpatch/package.json": `{"name":"globpatch","version":"1.0.0"}`,
	"node_modules/globpatch/index.js": `const parse = JSON.parse;
JSON.parse = function (...a) { try { require('fs').readFileSync('/tmp/globpatch-probe'); } catch (e) {} return parse.apply(this, a); };`,
	"node_modules/json-user/package.json": `{"name":"json-user","version":"1.0.0"}`,
	"node_modules/json-user/index.js":     `module.exports = JSON.parse('{"a":1}');`,
	// patcher: patches require, which later loads would run.
	"node_modules/patcher/package.json": `{"name":"patcher","version":"1.0.0"}`,
	"node_modules/patcher/index.js": `const Module = require('module');
const req = Module.prototype.require;
Module.prototype.require = function (id) { try { require('fs').readFileSync('/tmp/patcher-probe'); } catch (e) {} return req.apply(this, arguments); };
require('os');`,
	// ticker: a timer that fires within the linger (its own), and an
	// unreferenced interval that would fire in later packages' windows.
	"node_modules/ticker/package.json": `{"name":"ticker","version":"1.0.0"}`,
	"node_modules/ticker/index.js": `const fs = require('fs');
setTimeout(() => { try { fs.readFileSync('/tmp/timer-probe'); } catch (e) {} }, 30);
setInterval(() => { try { fs.readFileSync('/tmp/interval-probe'); } catch (e) {} }, 20).unref();`,
	// z-after: runs what the others left behind.
	"node_modules/z-after/package.json": `{"name":"z-after","version":"1.0.0"}`,
	"node_modules/z-after/index.js": `JSON.parse('{}');
require('path');
if (globalThis.__depboxProbe) globalThis.__depboxProbe();
setTimeout(() => {}, 60);`,
}

// TestBatchMisbehaving runs a batch with packages that misbehave (raw
// process.binding calls, process.exit, a patched global, a patched
// require, timers that outlive their load) in the real sandbox: each
// package's import behaviour must be what it is with one process per
// package, nothing one package left behind may land on another, and the
// ambiguous windows must have been loaded again alone.
func TestBatchMisbehaving(t *testing.T) {
	batched, alone, st := scanBatchedAndAlone(t, misbehaving)
	checkBatchedImports(t, batched, alone, []batchedImport{
		{"node_modules/a-first", "ok", nil},
		{"node_modules/binder", "ok", []string{"/tmp/binder-probe"}},
		{"node_modules/exiter", profile.StatusExited, []string{"/tmp/exiter.txt"}},
		{"node_modules/globpatch", "ok", nil},
		{"node_modules/json-user", "ok", nil},
		{"node_modules/patcher", "ok", []string{"/tmp/patcher-probe"}},
		{"node_modules/ticker", "ok", []string{"/tmp/timer-probe"}},
		{"node_modules/z-after", "ok", nil},
	})
	// exiter's exit makes both profiles incomplete, and nothing else.
	problems := func(p *profile.Profile) (out []string) {
		for _, pr := range p.Problems {
			out = append(out, pr.Code+" "+pr.Dependency)
		}
		return out
	}
	if got, want := problems(batched), problems(alone); !slices.Equal(got, want) || !slices.Equal(want, []string{"exited node_modules/exiter"}) {
		t.Errorf("problems %q with batches, %q with one process per package; want the exit of exiter in both", got, want)
	}
	if exiter := importOf(t, batched, "node_modules/exiter"); exiter.Outcome.ExitCode != 3 {
		t.Errorf("exiter exit code %d, want 3", exiter.Outcome.ExitCode)
	}
	// binder, exiter, patcher and ticker are caught by the loader; the
	// global patch only by the profiler (json-user's window names
	// globpatch, which json-user did not load).
	if st.Isolated < 4 || st.Rerun < 1 {
		t.Errorf("%d packages loaded alone by the runner and %d again by the profiler, want ≥ 4 and ≥ 1", st.Isolated, st.Rerun)
	}
}

// batchedImport is what a package's import must be in a batch: its
// outcome, and files it read (or wrote) — none when nil.
type batchedImport struct {
	pkg    string
	status string
	files  []string
}

// scanBatchedAndAlone writes files as a bundle and scans it twice, one
// chain (no install phase): with batched imports, and with one process per
// package (the reference the batched imports must equal).
func scanBatchedAndAlone(t *testing.T, files map[string]string) (batched, alone *profile.Profile, st *scan.Stats) {
	t.Helper()
	dir := t.TempDir()
	writeBundle(t, dir, files)
	o := options(t, dir)
	o.InstallPhase = false
	o.Jobs = 1
	batched, st, err := scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	o.IsolateImports = true
	alone, _, err = scan.Scan(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return batched, alone, st
}

// checkBatchedImports checks each package's import in the batched
// profile against want and against its import with one process per
// package (alone), which it must equal.
func checkBatchedImports(t *testing.T, batched, alone *profile.Profile, want []batchedImport) {
	t.Helper()
	for _, tc := range want {
		b := importOf(t, batched, tc.pkg)
		if b.Outcome.Status != tc.status {
			t.Errorf("%s: outcome %+v, want %s", tc.pkg, b.Outcome, tc.status)
		}
		var paths []string
		for _, f := range b.Files {
			paths = append(paths, f.Path)
		}
		for _, w := range tc.files {
			if !slices.Contains(paths, w) {
				t.Errorf("%s: no %s among its files %v", tc.pkg, w, paths)
			}
		}
		if tc.files == nil && len(b.Files) > 0 {
			t.Errorf("%s: files %+v, want none (what another package left behind landed here)", tc.pkg, b.Files)
		}
		if got, want := importJSON(t, b), importJSON(t, importOf(t, alone, tc.pkg)); got != want {
			t.Errorf("%s: batched import\n%s\ndiffers from one process per package\n%s", tc.pkg, got, want)
		}
	}
}

// importJSON is an import behaviour as the profile has it.
func importJSON(t *testing.T, b *profile.Behavior) string {
	t.Helper()
	out, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
