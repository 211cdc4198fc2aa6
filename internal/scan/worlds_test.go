package scan_test

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// TestWorldVariants runs, in the real sandbox, packages whose payloads are
// gated on the environment — the time zone (at import), CI variables (at
// import), the date (in a function the handler calls) and the country a
// geolocation service names over HTTP and over HTTPS (at import) — and one that reads the same
// signals and does nothing with them. Each gated payload must be reported
// on its package, only in the world that triggers it; the benign reader is
// run again but has no finding; every package that looked says so. The
// payloads only try to write into the read-only bundle and reach only
// *.invalid names.
func TestWorldVariants(t *testing.T) {
	dir := t.TempDir()
	dep := func(name string) string { return `{"name":"` + name + `","version":"1.0.0"}` }
	writeBundle(t, dir, map[string]string{
		"package.json": `{"name":"fn","version":"1.0.0","dependencies":{"tzgate":"1.0.0","cigate":"1.0.0","timebomb":"1.0.0","geogate":"1.0.0","geotls":"1.0.0","clock":"1.0.0"}}`,
		"index.js": "require('tzgate'); require('cigate'); require('geogate'); require('geotls'); require('clock');\nconst tb = require('timebomb');\n" +
			"exports.handler = async () => ({ statusCode: 200, body: String(tb.check()) });\n",
		"node_modules/tzgate/package.json": dep("tzgate"),
		"node_modules/tzgate/index.js": `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (tz === 'Europe/Moscow') { try { require('fs').writeFileSync('/var/task/index.js', 'tz'); } catch {} }
module.exports = 1;`,
		"node_modules/cigate/package.json": dep("cigate"),
		"node_modules/cigate/index.js": `if (process.env.CI === 'true') { try { require('fs').writeFileSync('/var/task/package.json', 'ci'); } catch {} }
module.exports = 1;`,
		"node_modules/timebomb/package.json": dep("timebomb"),
		"node_modules/timebomb/index.js": `const start = Date.UTC(2026, 0, 1);
exports.check = () => { if (Date.now() - start > 400 * 86400000) { try { require('fs').writeFileSync('/var/task/README', 'tb'); } catch {} } return 1; };`,
		"node_modules/geogate/package.json": dep("geogate"),
		"node_modules/geogate/index.js": `require('http').get('http://ipapi.geo.invalid/json', (r) => { let b = ''; r.on('data', (d) => (b += d)); r.on('end', () => {
  let c = ''; try { c = JSON.parse(b).country_code; } catch {}
  if (c === 'RU') { try { require('fs').writeFileSync('/var/task/geo', 'geo'); } catch {} }
}); }).on('error', () => {});
module.exports = 1;`,
		// node-ipc's way: the lookup over HTTPS.
		"node_modules/geotls/package.json": dep("geotls"),
		"node_modules/geotls/index.js": `require('https').get({ host: 'ipinfo.geo.invalid', path: '/json' }, (r) => { let b = ''; r.on('data', (d) => (b += d)); r.on('end', () => {
  let c = ''; try { c = JSON.parse(b).country_name; } catch {}
  if (c === 'Russia') { try { require('fs').writeFileSync('/var/task/geotls', 'geo'); } catch {} }
}); }).on('error', () => {});
module.exports = 1;`,
		"node_modules/clock/package.json": dep("clock"),
		"node_modules/clock/index.js":     "module.exports = { at: new Date().toISOString(), tz: process.env.TZ, ci: !!process.env.CI };",
	})
	o := invokeOptions(t, dir)
	o.Worlds = scan.VariantNames()
	p := run(t, o)

	looked := map[string][]string{}
	for _, d := range p.Dependencies {
		for _, b := range d.Phases {
			looked[d.Path] = append(looked[d.Path], b.WorldSignals...)
		}
	}
	for path, want := range map[string][]string{
		"node_modules/tzgate":   {profile.SignalTZ, profile.SignalLocale},
		"node_modules/cigate":   {profile.SignalCI},
		"node_modules/timebomb": {profile.SignalDate},
		"node_modules/geogate":  {profile.SignalGeo},
		"node_modules/geotls":   {profile.SignalGeo},
		"node_modules/clock":    {profile.SignalDate, profile.SignalTZ, profile.SignalCI},
	} {
		for _, s := range want {
			if !slices.Contains(looked[path], s) {
				t.Errorf("%s: looked at %v, want %s among them", path, looked[path], s)
			}
		}
	}
	var worlds []string
	for _, w := range p.Worlds {
		worlds = append(worlds, w.Name)
		if w.Dependency("node_modules/clock") == nil && w.Name != "geo-russia" {
			t.Errorf("the %s world did not run node_modules/clock again, which looked", w.Name)
		}
	}
	if !slices.Equal(worlds, scan.VariantNames()) {
		t.Errorf("worlds run %v, want %v", worlds, scan.VariantNames())
	}

	found := map[string]string{} // path → world of its DBX012
	for _, f := range verdict.Evaluate(verdict.Input{Profile: p}, verdict.Options{}).Findings {
		if f.Path == "node_modules/clock" {
			t.Errorf("a finding on the package that only looked: %+v", f)
		}
		if f.Rule == verdict.RuleWriteOutsideTmp {
			found[f.Path] = f.World
			if f.Severity < verdict.Medium {
				t.Errorf("%s: %s is %v, want at least medium", f.Path, f.Rule, f.Severity)
			}
			t.Logf("%s %s [%s] in %q: %v", f.Rule, f.Path, f.Phase, f.World, f.Evidence.Values)
		}
	}
	for path, world := range map[string]string{
		"node_modules/tzgate": "tz-moscow", "node_modules/cigate": "ci", "node_modules/timebomb": "later-date", "node_modules/geogate": "geo-russia",
		"node_modules/geotls": "geo-russia",
	} {
		if got, ok := found[path]; !ok || got != world {
			t.Errorf("%s: DBX012 in world %q (found %v), want only in the %s world", path, got, ok, world)
		}
	}
}
