package verdict

import (
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestFunctionProcessIsJudged: the function's own code is not judged, but a
// canary leaving its process, or behaviour there that no hook record
// explains, is: the sensitive part at full severity, naming the packages
// loaded in the process, with DBX013 for the evasion.
func TestFunctionProcessIsJudged(t *testing.T) {
	p := &profile.Profile{
		Schema: profile.Schema,
		Bundle: profile.Bundle{Name: "fn", Runtime: "nodejs"},
		App: &profile.Dependency{Name: "fn", Path: ".", Phases: map[string]*profile.Behavior{
			profile.PhaseInvoke: {
				// The function reading its own config is its business.
				Files: []profile.File{{Path: "/home/sbx_user/.aws/credentials", Access: profile.AccessRead}},
				Unattributed: &profile.Behavior{
					Network:      []profile.Endpoint{{Address: "198.51.100.7", Port: 443, Protocol: "tcp"}},
					Exfiltration: []profile.Exfil{{Canary: "AWS_SECRET_ACCESS_KEY", Channel: "dns", Destination: "{canary:AWS_SECRET_ACCESS_KEY}.x.invalid", Encoding: "hex"}},
					Files: []profile.File{{Path: "/home/sbx_user/.aws/credentials", Access: profile.AccessRead},
						{Path: "/tmp/cache.json", Access: profile.AccessWrite}},
					Processes: []profile.Process{{Argv: []string{"/bin/sh", "-c", "id"}, Binary: "/bin/dash", Result: "ok"}},
					Loaded:    []string{"node_modules/a", "node_modules/b"},
				},
			},
		}},
	}
	res := Evaluate(Input{Profile: p}, Options{})
	got := map[string]bool{}
	for _, f := range res.Findings {
		got[f.Rule] = true
		if f.Phase != profile.PhaseInvoke {
			t.Errorf("finding %s in phase %q, want invoke", f.Rule, f.Phase)
		}
	}
	want := map[string]Severity{RuleCanaryExfiltration: Critical, RuleBaitFileRead: High, RuleShellDownloader: High,
		RuleHookBypass: High, RuleUnattributed: Medium}
	for _, f := range res.Findings {
		if sev, ok := want[f.Rule]; !ok || f.Severity != sev {
			t.Errorf("unexpected finding %s %s: %s", f.Rule, f.Severity, f.Message)
		}
		if f.Rule == RuleUnattributed {
			if len(f.Evidence.Values) != 1 || f.Evidence.Values[0] != "file-write /tmp/cache.json" {
				t.Errorf("DBX014 values %q: want only the routine write", f.Evidence.Values)
			}
			continue
		}
		if f.Path != "." || !f.Evidence.Unattributed || !strings.Contains(f.Message, "packages loaded in that process: node_modules/a, node_modules/b") {
			t.Errorf("%s: want it on the function, unattributed, naming the loaded packages: %+v", f.Rule, f)
		}
	}
	for rule := range want {
		if !got[rule] {
			t.Errorf("no %s among %+v", rule, res.Findings)
		}
	}
	if n := len(res.AtOrAbove(High)); n != 4 {
		t.Errorf("%d findings at high or above, want 4 (the gate fails)", n)
	}
}
