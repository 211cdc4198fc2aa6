package scan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

// bundledLock is the lockfile of the project the bundled fixtures were
// built from (testdata/bundled-src, build.sh there).
const bundledLock = "testdata/bundled-src/package-lock.json"

// TestScanBundledFunctions runs real bundler output in the real sandbox:
// the same function bundled by esbuild with CDK's defaults (region
// comments), minified with a source map, as an ES module with an inline map
// and top-level await, and by webpack's development build. In each, the
// bundled stealer's reading of the credentials bait file and its DNS
// exfiltration at load are named for the stealer; the real packages beside
// it and the function's own code are not blamed.
func TestScanBundledFunctions(t *testing.T) {
	for _, tc := range []struct {
		dir, file string
		evil      bool
	}{
		{"bundled-esbuild", "index.js", true},
		{"bundled-min", "index.js", true},
		{"bundled-esm", "index.mjs", true},
		{"bundled-webpack", "index.js", true},
		{"bundled-benign", "index.js", false},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			o := invokeOptions(t, "testdata/bundles/"+tc.dir)
			o.Lockfile = bundledLock
			p := run(t, o)
			if app := p.App; app == nil || app.Phases[profile.PhaseInvoke] == nil || app.Phases[profile.PhaseInvoke].Outcome.Status != "ok" {
				t.Fatalf("the handler did not run: %+v", p.App)
			}
			stealer := tc.file + "#node_modules/stealer"
			var names []string
			for _, d := range p.Dependencies {
				names = append(names, d.Name+"@"+d.Version)
				if d.BundledIn != tc.file || !strings.HasPrefix(d.Path, tc.file+"#node_modules/") {
					t.Errorf("%s: bundled in %q, want %s", d.Path, d.BundledIn, tc.file)
				}
				if b := d.Phases[profile.PhaseImport]; b == nil || b.Outcome == nil || b.Outcome.Status != "ok" {
					t.Errorf("%s: import phase %+v, want the bundle's load (ok)", d.Path, b)
				}
				if d.Path == stealer {
					continue
				}
				for phase, b := range d.Phases {
					if len(b.Exfiltration) > 0 || len(b.Files) > 0 || len(b.DNS) > 0 {
						t.Errorf("%s %s is blamed for %+v", d.Path, phase, b)
					}
					if slices.Contains(b.Capabilities, "eval") {
						t.Errorf("%s %s: eval capability (a bundler's module loading?)", d.Path, phase)
					}
				}
			}
			if !tc.evil {
				if slices.ContainsFunc(p.Dependencies, func(d profile.Dependency) bool { return d.Name == "stealer" }) {
					t.Fatalf("the benign bundle lists the stealer")
				}
			} else {
				for _, phase := range []string{profile.PhaseImport, profile.PhaseInvoke} {
					b := phaseOf(t, p, stealer, phase)
					if !hasFile(b, "/home/sbx_user/.aws/credentials", profile.AccessRead) {
						t.Errorf("stealer %s: no read of the credentials bait file in %+v", phase, b.Files)
					}
					if !hasExfil(b, "AWS_SECRET_ACCESS_KEY", "dns", "{canary:AWS_SECRET_ACCESS_KEY}.stealer.exfil.invalid", "hex") {
						t.Errorf("stealer %s: no DNS exfiltration of the secret key in %+v", phase, b.Exfiltration)
					}
				}
			}
			want := []string{"lodash.get@4.4.2", "ms@2.1.3", "nanoid@3.3.8", "stealer@1.0.0", "uuid@9.0.1"}
			if tc.dir == "bundled-esm" {
				want = want[1:]
			}
			if !tc.evil {
				want = slices.DeleteFunc(want, func(s string) bool { return strings.HasPrefix(s, "stealer@") })
			}
			if !slices.Equal(names, want) {
				t.Errorf("dependencies %v, want %v (versions from --lockfile)", names, want)
			}
			// The function's own code stays the function's; nothing is left
			// unexplained in its processes.
			for phase, b := range p.App.Phases {
				if b.Unattributed != nil && (len(b.Unattributed.DNS) > 0 || len(b.Unattributed.Exfiltration) > 0 || len(b.Unattributed.Files) > 0) {
					t.Errorf("unattributed %s behaviour in the function: %+v", phase, b.Unattributed)
				}
			}
			if tc.dir != "bundled-esm" && !hasFile(p.App.Phases[profile.PhaseInvoke], "/tmp", profile.AccessList) {
				t.Errorf("the handler's own listing of /tmp is not the function's: %+v", p.App.Phases[profile.PhaseInvoke].Files)
			}
		})
	}
}
