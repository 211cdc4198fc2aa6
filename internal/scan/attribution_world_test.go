package scan

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/profile"
)

// TestSearchDomainQueries: the resolver's search-list form of a name a hook
// record explains is the same lookup (pg connecting to "base" also asked
// for "base.254.238.219"), not unattributed behaviour; any other name is.
func TestSearchDomainQueries(t *testing.T) {
	if got := searchDomain("169.254.238.219"); got != "254.238.219" {
		t.Fatalf("searchDomain = %q", got)
	}
	if got := searchDomain("sandbox"); got != "" {
		t.Fatalf("searchDomain of a name with no dot = %q", got)
	}
	c, err := canary.New(rand.NewChaCha8([32]byte{9}))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		search string
		asked  []string
		want   []string // unattributed names on the function's process
	}{
		{"search form of an explained name", "254.238.219", []string{"base.254.238.219", "base"}, nil},
		{"search form of an unexplained name", "254.238.219", []string{"beacon.254.238.219"}, []string{"beacon.254.238.219"}},
		{"another domain", "254.238.219", []string{"base.254.1.1"}, []string{"base.254.1.1"}},
		{"no search domain", "", []string{"base.254.238.219"}, []string{"base.254.238.219"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &profile.Profile{Bundle: profile.Bundle{Name: "fn"}}
			var fake []fakenet.Record
			for _, n := range tt.asked {
				fake = append(fake, fakenet.Record{Kind: "dns", Name: n, Type: "A", Phase: profile.PhaseImport})
			}
			applyFakeNet(p, fake, c, explainedBySearch(map[string]bool{"base": true}, tt.search))
			var got []string
			if p.App != nil && p.App.Phases[profile.PhaseImport] != nil && p.App.Phases[profile.PhaseImport].Unattributed != nil {
				for _, q := range p.App.Phases[profile.PhaseImport].Unattributed.DNS {
					got = append(got, q.Name)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("unattributed DNS = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMarkScripts: a program of the bundle that is a script gets its #!
// line; a binary, a file outside the bundle and a symlink leading out of it
// get none (the host file is never read through it).
func TestMarkScripts(t *testing.T) {
	task := t.TempDir()
	outside := filepath.Join(t.TempDir(), "host-file")
	for name, content := range map[string]string{
		"node_modules/esbuild/bin/esbuild": "#!/usr/bin/env node\n\"use strict\";\n",
		"node_modules/evil/agent":          "\x7fELF\x02\x01\x01",
		"node_modules/evil/long":           "#!" + strings.Repeat("x", 1000),
	} {
		if err := os.MkdirAll(filepath.Join(task, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(task, name), []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(outside, []byte("#!/bin/sh host secret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(task, "node_modules/evil/link")); err != nil {
		t.Fatal(err)
	}
	run := func(bin string) profile.Process { return profile.Process{Argv: []string{bin}, Binary: bin} }
	p := &profile.Profile{Dependencies: []profile.Dependency{{Name: "x", Path: "node_modules/x", Phases: map[string]*profile.Behavior{
		profile.PhaseInstall: {Processes: []profile.Process{
			run("/var/task/node_modules/esbuild/bin/esbuild"), run("/var/task/node_modules/evil/agent"),
			run("/var/task/node_modules/evil/link"), run("/var/task/../../" + outside), run("/usr/bin/node"),
		}, Unattributed: &profile.Behavior{Processes: []profile.Process{run("/var/task/node_modules/evil/long")}}},
	}}}}
	markScripts(p, task)
	b := p.Dependencies[0].Phases[profile.PhaseInstall]
	got := map[string]string{}
	for _, pr := range append(b.Processes, b.Unattributed.Processes...) {
		got[pr.Binary] = pr.Script
	}
	want := map[string]string{
		"/var/task/node_modules/esbuild/bin/esbuild": "#!/usr/bin/env node",
		"/var/task/node_modules/evil/agent":          "",
		"/var/task/node_modules/evil/link":           "",
		"/var/task/../../" + outside:                 "",
		"/usr/bin/node":                              "",
	}
	for bin, w := range want {
		if got[bin] != w {
			t.Errorf("%s: script %q, want %q", bin, got[bin], w)
		}
	}
	if l := got["/var/task/node_modules/evil/long"]; !strings.HasPrefix(l, "#!xxx") || len(l) > maxShebang {
		t.Errorf("long #! line: %d bytes", len(l))
	}
}

// TestMarkScriptsAbsent: a failed exec of a bundle path with no file there
// when the run ended is a PATH search's miss (ENOENT); a failed exec of a
// file that exists, and execs that succeeded, keep their result.
func TestMarkScriptsAbsent(t *testing.T) {
	task := t.TempDir()
	if err := os.MkdirAll(filepath.Join(task, "node_modules/x/bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(task, "node_modules/x/bin/tool"), []byte("\x7fELF\x02\x01\x01"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		bin, result, want string
	}{
		{"/var/task/node_modules/x/node_modules/.bin/cc", "failed", "ENOENT"},
		{"/var/task/node_modules/.bin/node-gyp", "failed", "ENOENT"},
		{"/var/task/node_modules/x/bin/tool", "failed", "failed"},
		{"/var/task/node_modules/x/bin/tool", "ok", "ok"},
		{"/usr/local/bin/cc", "failed", "failed"},
	}
	for _, tt := range tests {
		p := &profile.Profile{Dependencies: []profile.Dependency{{Name: "x", Path: "node_modules/x", Phases: map[string]*profile.Behavior{
			profile.PhaseInstall: {Processes: []profile.Process{{Argv: []string{"cc"}, Binary: tt.bin, Result: tt.result}}},
		}}}}
		markScripts(p, task)
		if got := p.Dependencies[0].Phases[profile.PhaseInstall].Processes[0].Result; got != tt.want {
			t.Errorf("%s (%s): result %q, want %q", tt.bin, tt.result, got, tt.want)
		}
	}
}
