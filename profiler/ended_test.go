package profiler

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
)

func TestEndedBy(t *testing.T) {
	rec := func(kind, pkg string, d map[string]any) hook.Record {
		return hook.Record{Kind: kind, Op: "x", Pkg: pkg, Detail: d}
	}
	tests := []struct {
		name string
		recs []hook.Record
		want string
	}{
		{"nothing", []hook.Record{rec("fs", "node_modules/a", nil)}, ""},
		{"process.exit", []hook.Record{rec("exit", "node_modules/a", nil), rec("fs", "node_modules/b", nil)}, "node_modules/a"},
		{"the last one", []hook.Record{rec("exit", "node_modules/a", nil), rec("exit", "node_modules/b", nil)}, "node_modules/b"},
		{"the function's own", []hook.Record{rec("exit", "", nil)}, "."},
		{"nobody", []hook.Record{rec("exit", hook.Unknown, nil)}, ""},
		{"a signal to itself", []hook.Record{rec("signal", "node_modules/a", map[string]any{"target": "self"})}, "node_modules/a"},
		{"a signal to the runner is not an end", []hook.Record{rec("signal", "node_modules/a", map[string]any{"target": "init"})}, ""},
	}
	for _, tt := range tests {
		if got := EndedBy(tt.recs); got != tt.want {
			t.Errorf("%s: EndedBy = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFoldSignals(t *testing.T) {
	f := Fold([]hook.Record{
		{Kind: "signal", Op: "kill", Pkg: "node_modules/a", Seq: 1, Detail: map[string]any{"pid": "1", "target": "init", "signal": "SIGKILL", "result": "EPERM"}},
		{Kind: "signal", Op: "kill", Pkg: "node_modules/a", Seq: 2, Detail: map[string]any{"pid": "42", "target": "self", "signal": "SIGKILL"}},
	}, profile.PhaseInvoke, "/var/task")
	b := f.Behaviors["node_modules/a"]
	want := []profile.Signal{{Target: "init", Signal: "SIGKILL", Result: "EPERM"}, {Target: "self", Signal: "SIGKILL"}}
	if b == nil || !slices.Equal(b.Signals, want) {
		t.Fatalf("signals %+v, want %+v", b, want)
	}
}
