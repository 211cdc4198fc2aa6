package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestFunctionProcessIsJudged: the function's own code is not judged, but a
// canary leaving its process, or behaviour there that no hook record
// explains, is.
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
	if !got[RuleCanaryExfiltration] || !got[RuleUnattributed] {
		t.Errorf("findings %+v: want %s and %s", res.Findings, RuleCanaryExfiltration, RuleUnattributed)
	}
	if got[RuleBaitFileRead] {
		t.Error("the function's own read of its credentials is not a finding")
	}
}
