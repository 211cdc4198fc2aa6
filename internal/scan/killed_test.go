package scan

import (
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// TestKilledProblem: what the problem says about a sandbox killed from
// outside (TestSandboxKilledFromOutside kills a real one).
func TestKilledProblem(t *testing.T) {
	running := func(keys ...profiler.RunKey) map[profiler.RunKey]*profiler.Run {
		m := map[profiler.RunKey]*profiler.Run{{Phase: "import", Dependency: "node_modules/done"}: {Root: &profiler.Proc{}, Exited: true}}
		for _, k := range keys {
			m[k] = &profiler.Run{Key: k, Root: &profiler.Proc{}}
		}
		return m
	}
	bad := profiler.RunKey{Phase: "invoke", Dependency: "node_modules/bad"}
	tests := []struct {
		name       string
		res        sandbox.Result
		runs       map[profiler.RunKey]*profiler.Run
		want       []string
		dep, phase string
	}{
		{"host OOM killer", sandbox.Result{ExitCode: 137, OOMKills: 1}, running(bad),
			[]string{"host's out-of-memory killer ended the whole sandbox", "SIGKILL", "invoke phase of node_modules/bad", "512 MiB", "raise --memory"}, "node_modules/bad", "invoke"},
		{"killed by someone", sandbox.Result{ExitCode: 143}, running(bad),
			[]string{"killed from outside", "code 143, SIGTERM", "invoke phase of node_modules/bad"}, "node_modules/bad", "invoke"},
		{"two phases running", sandbox.Result{ExitCode: 137}, running(bad, profiler.RunKey{Phase: "import", Dependency: "node_modules/a"}),
			[]string{"while 2 phases were running (import node_modules/a, invoke node_modules/bad)"}, "", ""},
		{"in a batch, inside a package's window", sandbox.Result{ExitCode: 137}, map[profiler.RunKey]*profiler.Run{
			{Phase: "import", Dependency: profiler.BatchTag + "1"}: {Root: &profiler.Proc{Windows: []*profiler.Window{
				{Dependency: "node_modules/a", End: &hook.Record{}}, {Dependency: "node_modules/bad"}}}}},
			[]string{"import phase of node_modules/bad"}, "node_modules/bad", "import"},
		{"in a batch, between windows", sandbox.Result{ExitCode: 137}, map[profiler.RunKey]*profiler.Run{
			{Phase: "import", Dependency: profiler.BatchTag + "1"}: {Root: &profiler.Proc{Windows: []*profiler.Window{
				{Dependency: "node_modules/a", End: &hook.Record{}}}}}},
			[]string{"import phase of " + profiler.BatchTag + "1"}, profiler.BatchTag + "1", "import"},
		{"between phases", sandbox.Result{ExitCode: 1}, running(),
			[]string{"killed from outside (runsc exited with code 1) between phases"}, "", ""},
		{"before any phase", sandbox.Result{ExitCode: 137}, nil,
			[]string{"killed from outside (runsc exited with code 137, SIGKILL) before any phase started"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := killedProblem(&tt.res, tt.runs, 512<<20)
			if pr.Code != "sandbox-killed" || !pr.Fatal {
				t.Errorf("code %q fatal %v", pr.Code, pr.Fatal)
			}
			for _, w := range tt.want {
				if !strings.Contains(pr.Message, w) {
					t.Errorf("message lacks %q: %s", w, pr.Message)
				}
			}
			if pr.Dependency != tt.dep || pr.Phase != tt.phase {
				t.Errorf("names %q %q, want %q %q", pr.Dependency, pr.Phase, tt.dep, tt.phase)
			}
		})
	}
}

// TestSandboxKilled tells a sandbox killed from outside from a runner
// that exited: only the first lacks the runner's exit in the stream.
func TestSandboxKilled(t *testing.T) {
	init := func(exited bool) []*profiler.Proc {
		return []*profiler.Proc{{Key: profiler.ProcKey{Tgid: 1}, Exited: exited}, {Key: profiler.ProcKey{Tgid: 7}}}
	}
	tests := []struct {
		name  string
		res   *sandbox.Result
		procs []*profiler.Proc
		want  bool
	}{
		{"runner exited non-zero", &sandbox.Result{ExitCode: 2}, init(true), false},
		{"runner never exited", &sandbox.Result{ExitCode: 137}, init(false), true},
		{"no events at all", &sandbox.Result{ExitCode: 137}, nil, true},
		{"clean exit", &sandbox.Result{}, init(false), false},
		{"timeout (reported as such)", &sandbox.Result{ExitCode: 137, TimedOut: true}, init(false), false},
		{"no result", nil, nil, false},
	}
	for _, tt := range tests {
		if got := sandboxKilled(tt.res, tt.procs); got != tt.want {
			t.Errorf("%s: sandboxKilled = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestOOMProblem(t *testing.T) {
	pr := oomProblem(&sandbox.Result{ExitCode: 0, OOMKills: 2}, 160<<20)
	if pr.Code != "host-oom" || pr.Fatal || !strings.Contains(pr.Message, "ended 2 of the sandbox's processes") || !strings.Contains(pr.Message, "160 MiB") {
		t.Errorf("%+v", pr)
	}
}
