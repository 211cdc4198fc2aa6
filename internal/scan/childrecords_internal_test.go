package scan

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// TestRunRecords: the records of a process a package's child record
// started (and of its descendants) that name nobody become the package's;
// records naming someone, error records and processes nobody's record
// started keep their names; the run itself is left alone.
func TestRunRecords(t *testing.T) {
	py := []string{"/usr/bin/python3.11", "-c", "import socket"}
	rec := func(kind, op, pkg string, d map[string]any) hook.Record {
		return hook.Record{Kind: kind, Op: op, Pkg: pkg, Detail: d}
	}
	spawn := func(pkg string, argv []string) hook.Record {
		a := make([]any, len(argv))
		for i, s := range argv {
			a[i] = s
		}
		return rec("child", "spawn", pkg, map[string]any{"argv": a})
	}
	root := &profiler.Proc{Key: profiler.ProcKey{Tgid: 1, Start: 1}, Argv: []string{"python3", "depbox:run", "invoke", "."},
		Hooks: []hook.Record{spawn("a.dist-info", py), spawn("", []string{"/bin/sh", "-c", "id"}), rec("env", "get", hook.Unknown, nil)}}
	child := func(tgid int32, parent *profiler.Proc, argv []string, hooks ...hook.Record) *profiler.Proc {
		return &profiler.Proc{Key: profiler.ProcKey{Tgid: tgid, Start: int64(tgid)}, Parent: parent.Key, Argv: argv,
			Execs: []profiler.Exec{{Path: argv[0], Argv: argv, Result: "ok"}}, Hooks: hooks}
	}
	aKid := child(2, root, py, rec("net", "connect", hook.Unknown, nil), rec("env", "get", "b.dist-info", nil), rec("error", "hook", hook.Unknown, nil))
	aGrandkid := child(3, aKid, []string{"/usr/bin/curl", "x.invalid"}, rec("dns", "lookup", hook.Unknown, nil))
	fnKid := child(4, root, []string{"/bin/sh", "-c", "id"}, rec("env", "get", hook.Unknown, nil))
	stray := child(5, root, []string{"/usr/bin/node", "-e", "1"}, rec("net", "connect", hook.Unknown, nil))
	procs := []*profiler.Proc{root, aKid, aGrandkid, fnKid, stray}
	key := profiler.RunKey{Phase: profile.PhaseInvoke, Dependency: Function}
	run := &profiler.Run{Key: key, Root: root, Procs: procs}
	for _, p := range procs {
		run.Hooks = append(run.Hooks, p.Hooks...)
	}
	before := slices.Clone(run.Hooks)
	got := runRecords(map[profiler.RunKey]*profiler.Run{key: run})[key]
	want := [][]string{
		{"a.dist-info", "", hook.Unknown},            // the root's own: as they were
		{"a.dist-info", "b.dist-info", hook.Unknown}, // a's child: nobody → a; a name kept; an error kept
		{"a.dist-info"}, // a's child's child
		{""},            // the function's own child
		{hook.Unknown},  // a process no record started
	}
	if len(got) != len(want) {
		t.Fatalf("%d processes, want %d", len(got), len(want))
	}
	for i, recs := range got {
		var pkgs []string
		for _, r := range recs {
			pkgs = append(pkgs, r.Pkg)
		}
		if !slices.Equal(pkgs, want[i]) {
			t.Errorf("process %d: records name %q, want %q", i, pkgs, want[i])
		}
	}
	if !slices.EqualFunc(run.Hooks, before, func(a, b hook.Record) bool { return a.Pkg == b.Pkg }) || aKid.Hooks[0].Pkg != hook.Unknown {
		t.Error("runRecords changed the run's or a process's records")
	}
}
