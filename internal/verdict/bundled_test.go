package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestBundledPackages: a package bundled into the function is judged like
// an installed one; an advisory matched by name only (its version is
// unknown) is a warning, below the default threshold.
func TestBundledPackages(t *testing.T) {
	d := profile.Dependency{Name: "stealer", Version: profile.VersionUnknown, Path: "index.js#node_modules/stealer", BundledIn: "index.js",
		Phases: phases{profile.PhaseImport: {Files: []profile.File{{Path: "/home/sbx_user/.aws/credentials", Access: "read"}}}},
		Advisories: []profile.Advisory{
			{ID: "MAL-2099-1", Kind: "malicious", Severity: "critical", NameOnly: true},
			{ID: "GHSA-xxxx-1", Kind: "vulnerability", Severity: "high", NameOnly: true},
		}}
	res := Evaluate(Input{Profile: prof(d)}, Options{})
	sev := map[string]Severity{}
	for _, f := range res.Findings {
		if f.Path != d.Path {
			t.Errorf("finding %s about %q, want %s", f.Rule, f.Path, d.Path)
		}
		sev[f.Rule] = f.Severity
	}
	// The read reaches out nowhere in its phase: medium (docs/rules.md, DBX005).
	for rule, want := range map[string]Severity{RuleBaitFileRead: Medium, RuleMaliciousPackage: Medium, RuleVulnerable: Low} {
		if sev[rule] != want {
			t.Errorf("%s: severity %v, want %v (findings %+v)", rule, sev[rule], want, res.Findings)
		}
	}
}
