package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestWorldFindings: behaviour seen in a world variant is judged by the
// same rules; what the scan's own world shows too is not repeated, the
// rest carries the world's name, and the package that only looked has none.
func TestWorldFindings(t *testing.T) {
	write := func(paths ...string) *profile.Behavior {
		b := &profile.Behavior{}
		for _, p := range paths {
			b.Files = append(b.Files, profile.File{Path: p, Access: profile.AccessWrite})
		}
		return b
	}
	p := &profile.Profile{Dependencies: []profile.Dependency{
		dep("always", phases{profile.PhaseImport: write("/var/task/a")}),
		dep("gated", phases{profile.PhaseImport: {WorldSignals: []string{profile.SignalTZ}}}),
		dep("looker", phases{profile.PhaseImport: {WorldSignals: []string{profile.SignalDate}}}),
	}}
	p.Worlds = []profile.World{{Name: "tz-moscow", Dependencies: []profile.Dependency{
		dep("always", phases{profile.PhaseImport: write("/var/task/a", "/var/task/b")}),
		dep("gated", phases{profile.PhaseImport: write("/var/task/index.js")}),
	}, IOCMatches: []profile.IOCMatch{{Advisory: "MAL-2022-1", Package: "gated", Indicator: "c2.example.org", Dependency: "node_modules/gated", Phase: profile.PhaseImport, Observed: "c2.example.org"}},
	}, {Name: "later-date", Dependencies: []profile.Dependency{
		dep("looker", phases{profile.PhaseImport: {WorldSignals: []string{profile.SignalDate}}}),
	}}}
	res := Evaluate(Input{Profile: p}, Options{})
	type key struct{ rule, path, world string }
	got := map[key]Severity{}
	for _, f := range res.Findings {
		got[key{f.Rule, f.Path, f.World}] = f.Severity
	}
	want := map[key]Severity{
		{RuleWriteOutsideTmp, "node_modules/always", ""}:         High,
		{RuleWriteOutsideTmp, "node_modules/gated", "tz-moscow"}: High,
		{RuleIOCContact, "node_modules/gated", "tz-moscow"}:      Critical,
	}
	for k, sev := range want {
		if got[k] != sev {
			t.Errorf("%v: severity %v, want %v (all: %v)", k, got[k], sev, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings %v, want only %v", got, want)
	}
	for _, f := range res.Findings {
		if f.World != "" && f.Fingerprint() == (Finding{Rule: f.Rule, Dependency: f.Dependency, Path: f.Path, Phase: f.Phase, Evidence: f.Evidence}).Fingerprint() {
			t.Errorf("a world's finding has the fingerprint of the scan's own world: %+v", f)
		}
	}
}
