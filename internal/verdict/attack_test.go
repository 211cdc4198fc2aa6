package verdict

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

func pkgAt(path string, phases map[string]*profile.Behavior) profile.Dependency {
	return profile.Dependency{Name: path[len("node_modules/"):], Version: "1.0.0", Path: path, Phases: phases}
}

func rulesOn(res *Result, path string) map[string]Severity {
	out := map[string]Severity{}
	for _, f := range res.Findings {
		if f.Path == path {
			out[f.Rule] = f.Severity
		}
	}
	return out
}

// TestDropper: executing a file the package ships or wrote is high; its
// interpreter or a shell running its script is not.
func TestDropper(t *testing.T) {
	tests := []struct {
		name string
		b    *profile.Behavior
		want bool
	}{
		{"shipped binary, detached", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"/var/task/node_modules/evil/bin/agent", "-d"}, Binary: "/var/task/node_modules/evil/bin/agent", Result: "ok"}}}, true},
		{"written to /tmp, then executed", &profile.Behavior{
			Files:     []profile.File{{Path: "/tmp/.x/kworker", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"/tmp/.x/kworker"}, Binary: "/tmp/.x/kworker", Result: "ok"}}}, true},
		{"unattributed", &profile.Behavior{Unattributed: &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"./payload.sh"}, Binary: "/var/task/node_modules/evil/payload.sh"}}}}, true},
		{"its script through node", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"node", "install.js"}, Binary: "/usr/bin/node", Result: "ok"}}}, false},
		{"its script through sh", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"sh", "/var/task/node_modules/evil/x.sh"}, Binary: "/bin/dash", Result: "ok"}}}, false},
		{"another package's binary", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"/var/task/node_modules/@esbuild/linux-x64/bin/esbuild", "--version"}, Binary: "/var/task/node_modules/@esbuild/linux-x64/bin/esbuild"}}}, false},
		{"its Node script run through its #! line (esbuild's bin/esbuild --version)", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"/var/task/node_modules/evil/bin/tool", "--version"}, Binary: "/var/task/node_modules/evil/bin/tool", Script: "#!/usr/bin/env node", Result: "ok"}}}, false},
		{"its shell script started by its #! line (a shipped stage)", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"/var/task/node_modules/evil/run.sh"}, Binary: "/var/task/node_modules/evil/run.sh", Script: "#!/bin/sh -e", Result: "ok"}}}, true},
		{"a script it wrote, then ran", &profile.Behavior{
			Files:     []profile.File{{Path: "/tmp/.x/run", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"/tmp/.x/run"}, Binary: "/tmp/.x/run", Script: "#!/usr/bin/env node"}}}, true},
		{"a shipped file whose #! names no interpreter", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"/var/task/node_modules/evil/bin/agent"}, Binary: "/var/task/node_modules/evil/bin/agent", Script: "#!/var/task/node_modules/evil/bin/loader"}}}, true},
		{"a script it wrote, run through python3 (sisaws' fetched stage)", &profile.Behavior{
			Files:     []profile.File{{Path: "/tmp/helper.py", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"python3", "/tmp/helper.py"}, Binary: "/usr/bin/python3.11", Result: "ok"}}}, true},
		{"a script it wrote, run through sh", &profile.Behavior{
			Files:     []profile.File{{Path: "/tmp/x.sh", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"/bin/sh", "/tmp/x.sh"}, Binary: "/bin/dash", Result: "ok"}}}, true},
		{"a file it wrote, only named in inline code", &profile.Behavior{
			Files:     []profile.File{{Path: "/tmp/x.json", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"node", "-e", "require('/tmp/x.json')", "/tmp/x.json"}, Binary: "/usr/bin/node", Result: "ok"}}}, false},
		{"its shipped script given a file it wrote (shelljs' exec-child.js and its parameters)", &profile.Behavior{
			Files: []profile.File{{Path: "/tmp/*", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"/usr/bin/node", "/var/task/node_modules/shelljs/src/exec-child.js", "/tmp/*"},
				Binary: "/usr/bin/node", Result: "ok"}}}, false},
		{"a script it wrote, after interpreter options", &profile.Behavior{
			Files:     []profile.File{{Path: "/tmp/stage.py", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"python3", "-u", "/tmp/stage.py", "--quiet"}, Binary: "/usr/bin/python3.11", Result: "ok"}}}, true},
		{"its shipped script through python3", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"python3", "/var/task/node_modules/evil/build.py"}, Binary: "/usr/bin/python3.11", Result: "ok"}}}, false},
		{"a system program", &profile.Behavior{Processes: []profile.Process{{Argv: []string{"id"}, Binary: "/usr/bin/id"}}}, false},
		{"a PATH search missing its node_modules/.bin (cpu-features' cc)", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"cc", "-E"}, Binary: "/var/task/node_modules/evil/node_modules/.bin/cc", Result: "ENOENT"}}}, false},
		{"a shipped file whose exec failed", &profile.Behavior{Processes: []profile.Process{
			{Argv: []string{"agent"}, Binary: "/var/task/node_modules/evil/bin/agent", Result: "failed"}}}, true},
		{"a file it wrote, then deleted, whose exec failed", &profile.Behavior{
			Files:     []profile.File{{Path: "/var/task/node_modules/evil/agent", Access: profile.AccessWrite}},
			Processes: []profile.Process{{Argv: []string{"/var/task/node_modules/evil/agent"}, Binary: "/var/task/node_modules/evil/agent", Result: "ENOENT"}}}, true},
		{"a shipped file it deleted after a failed exec", &profile.Behavior{
			Files:     []profile.File{{Path: "/var/task/node_modules/evil/agent", Access: profile.AccessDelete}},
			Processes: []profile.Process{{Argv: []string{"agent"}, Binary: "/var/task/node_modules/evil/agent", Result: "ENOENT"}}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, phase := range []string{profile.PhaseInstall, profile.PhaseImport} {
				p := &profile.Profile{Schema: profile.Schema, Dependencies: []profile.Dependency{pkgAt("node_modules/evil", map[string]*profile.Behavior{phase: tc.b})}}
				got := rulesOn(Evaluate(Input{Profile: p}, Options{}), "node_modules/evil")
				if _, fired := got[RuleDropper]; fired != tc.want {
					t.Errorf("%s phase: dropper fired %v, want %v (%v)", phase, fired, tc.want, got)
				}
				if tc.want && got[RuleDropper] != High {
					t.Errorf("%s phase: severity %v, want high", phase, got[RuleDropper])
				}
				// DBX020 is a rule a baseline accepts: the same behaviour
				// recorded in the baseline fires nothing.
				if _, fired := rulesOn(Evaluate(Input{Profile: p, Baseline: baseline.FromProfile(p)}, Options{}), "node_modules/evil")[RuleDropper]; fired {
					t.Errorf("%s phase: dropper fired although the baseline records the same processes", phase)
				}
			}
		})
	}
}

// TestRemoteCode: evaluating fetched code is high, in a dependency and in
// the function's own code, with or without a baseline.
func TestRemoteCode(t *testing.T) {
	rc := &profile.Behavior{Capabilities: []string{"eval", "network", remoteCodeCap}}
	p := &profile.Profile{Schema: profile.Schema, Bundle: profile.Bundle{Name: "fn"},
		Dependencies: []profile.Dependency{pkgAt("node_modules/loader", map[string]*profile.Behavior{profile.PhaseImport: rc})},
		App:          &profile.Dependency{Name: "fn", Path: ".", Phases: map[string]*profile.Behavior{profile.PhaseInvoke: rc}},
	}
	res := Evaluate(Input{Profile: p}, Options{})
	if rulesOn(res, "node_modules/loader")[RuleRemoteCode] != High || rulesOn(res, ".")[RuleRemoteCode] != High {
		t.Errorf("findings %+v: want DBX019 high on the package and on the function", res.Findings)
	}
	base := baseline.FromProfile(p)
	if res := Evaluate(Input{Profile: p, Baseline: base}, Options{}); rulesOn(res, ".")[RuleRemoteCode] != High {
		t.Errorf("a baseline that records it does not accept remote code: %+v", res.Findings)
	}
}

// TestAppAgainstBaseline: with a baseline, the function's own new hosts,
// capabilities and processes are medium findings; without one, nothing.
func TestAppAgainstBaseline(t *testing.T) {
	old := &profile.Profile{Schema: profile.Schema, Bundle: profile.Bundle{Name: "fn"},
		App: &profile.Dependency{Name: "fn", Path: ".", Phases: map[string]*profile.Behavior{profile.PhaseInvoke: {
			Network: []profile.Endpoint{{Host: "dynamodb.us-east-1.amazonaws.com", Port: 443, Protocol: "tcp"}},
		}}}}
	now := &profile.Profile{Schema: profile.Schema, Bundle: profile.Bundle{Name: "fn"},
		App: &profile.Dependency{Name: "fn", Path: ".", Phases: map[string]*profile.Behavior{profile.PhaseInvoke: {
			Network:      []profile.Endpoint{{Host: "dynamodb.us-east-1.amazonaws.com", Port: 443, Protocol: "tcp"}, {Host: "cdn.evil.invalid", Port: 80, Protocol: "tcp"}},
			Capabilities: []string{"eval"},
			Processes:    []profile.Process{{Argv: []string{"uname", "-a"}, Binary: "/bin/uname"}},
			Files:        []profile.File{{Path: "/tmp/cache.json", Access: profile.AccessWrite}},
		}}}}
	res := Evaluate(Input{Profile: now, Baseline: baseline.FromProfile(old)}, Options{})
	got := rulesOn(res, ".")
	for _, r := range []string{RuleNewNetworkHost, RuleNewCapability, RuleNewBehavior} {
		if got[r] != Medium {
			t.Errorf("%s: severity %v, want medium (findings %+v)", r, got[r], res.Findings)
		}
	}
	for _, f := range res.Findings {
		if f.Rule == RuleNewBehavior && slices.ContainsFunc(f.Evidence.Values, func(v string) bool { return v == "file-write /tmp/cache.json" }) {
			t.Errorf("DBX016 on the function reports more than processes: %v", f.Evidence.Values)
		}
	}
	if res := Evaluate(Input{Profile: now}, Options{}); len(rulesOn(res, ".")) != 0 {
		t.Errorf("without a baseline the function's own code is not judged: %+v", res.Findings)
	}
	if res := Evaluate(Input{Profile: now, Baseline: baseline.FromProfile(now)}, Options{}); len(rulesOn(res, ".")) != 0 {
		t.Errorf("a baseline that records it accepts it: %+v", res.Findings)
	}
}
