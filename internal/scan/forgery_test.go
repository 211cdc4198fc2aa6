package scan

import (
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profiler"
)

func childRec(pkg, op string, argv ...string) hook.Record {
	l := make([]any, len(argv))
	for i, a := range argv {
		l[i] = a
	}
	return hook.Record{Kind: "child", Op: op, Pkg: pkg, Detail: map[string]any{"file": argv[0], "argv": l}}
}

// TestChildOwners: processes the function started go to the package whose
// record started them, one record each; a process nobody's record started
// is nobody's, even when another package ran the same program.
func TestChildOwners(t *testing.T) {
	st := func(argv ...string) profiler.Subtree { return profiler.Subtree{Argv: argv} }
	tests := []struct {
		name string
		recs []hook.Record
		sub  []profiler.Subtree
		want []owner
	}{
		{"exact", []hook.Record{childRec("node_modules/a", "spawn", "/bin/sh", "-c", "ls")},
			[]profiler.Subtree{st("/bin/sh", "-c", "ls")}, []owner{{"node_modules/a", true}}},
		{"a hidden shell is not the innocent's",
			[]hook.Record{childRec("node_modules/innocent", "exec", "/bin/sh", "-c", "ls")},
			[]profiler.Subtree{st("/bin/sh", "-c", "id"), st("/bin/sh", "-c", "ls")},
			[]owner{{}, {"node_modules/innocent", true}}},
		{"program found on PATH", []hook.Record{childRec("node_modules/a", "spawnSync", "uname", "-a")},
			[]profiler.Subtree{st("/usr/bin/uname", "-a")}, []owner{{"node_modules/a", true}}},
		{"cut argument", []hook.Record{childRec("node_modules/a", "spawn", "/bin/sh", "-c", "echo xx…")},
			[]profiler.Subtree{st("/bin/sh", "-c", "echo xxxxxxxx")}, []owner{{"node_modules/a", true}}},
		{"one record, one process", []hook.Record{childRec("node_modules/a", "spawn", "/bin/sh", "-c", "ls")},
			[]profiler.Subtree{st("/bin/sh", "-c", "ls"), st("/bin/sh", "-c", "ls")}, []owner{{"node_modules/a", true}, {}}},
		{"only candidate by program", []hook.Record{childRec("node_modules/a", "spawn", "python3", "x.py")},
			[]profiler.Subtree{st("/usr/bin/python3", "-u", "x.py")}, []owner{{"node_modules/a", true}}},
		{"error records start nothing", []hook.Record{childRec("node_modules/a", "error", "/bin/sh")},
			[]profiler.Subtree{st("/bin/sh")}, []owner{{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := childOwners(tt.recs, tt.sub)
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Errorf("subtree %d %q: %+v, want %+v", i, tt.sub[i].Argv, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestClaimOf(t *testing.T) {
	for _, tc := range []struct {
		r    hook.Record
		want string
	}{
		{hook.Record{Kind: "fs", Op: "read", Detail: map[string]any{"path": "/home/x/.aws/credentials"}}, "fs read as the function: /home/x/.aws/credentials"},
		{hook.Record{Kind: "net", Op: "connect", Pkg: "node_modules/b", Detail: map[string]any{"host": "192.0.2.1", "port": 443.0}}, "net connect as node_modules/b: 192.0.2.1:443"},
		{childRec("node_modules/c", "spawnSync", "/bin/sh", "-c", "id"), "child spawnSync as node_modules/c: /bin/sh -c id"},
		{hook.Record{}, "(not a record)"},
	} {
		if got := claimOf(tc.r); got != tc.want {
			t.Errorf("claimOf = %q, want %q", got, tc.want)
		}
	}
}
