package profiler

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	pb "gvisor.dev/gvisor/pkg/sentry/seccheck/points/points_go_proto"

	"github.com/depbox/depbox/internal/hook"
)

// TestBatchWindows: a batch process's windows are cut only at framing
// records that carry the proof of its key and come from the batch loader's
// thread. Forged framing records, and genuine ones from another thread,
// move nothing between packages: they make the window they fall in
// ambiguous (the scan then loads its package alone).
func TestBatchWindows(t *testing.T) {
	frame := func(op string, seq int64, i int, dep, tok string) hook.Record {
		return hook.Record{Kind: "batch", Op: op, Seq: seq, Detail: map[string]any{"i": float64(i), "dep": dep, "t": tok}}
	}
	const a, b = "node_modules/a", "node_modules/b"
	tests := []struct {
		name string
		// inA runs inside a's window, after its probe.
		inA        func(s *stream, seq *int64)
		ambiguousA string // substring of why a is ambiguous, "" for none
	}{
		{"no forgery", func(s *stream, seq *int64) {}, ""},
		{"forged end and start without proof", func(s *stream, seq *int64) {
			s.open(10, 10, hook.Encode(frame("end", 3, 0, a, "tok-a")), 0)
			s.open(10, 10, hook.Encode(frame("start", 4, 1, b, "tok-b")), 0)
		}, "a forged hook record (" + ForgedProof + ")"},
		{"forged end and start with another key", func(s *stream, seq *int64) {
			s.open(10, 10, keyB.Seal(frame("end", 3, 0, a, "tok-a")), 0)
			s.open(10, 10, keyB.Seal(frame("start", 4, 1, b, "tok-b")), 0)
		}, "a forged hook record (" + ForgedProof + ")"},
		{"framing records from a worker thread", func(s *stream, seq *int64) {
			// A worker's hook has no claim on the batch loader's key; even
			// with it, another thread's framing does not cut.
			*seq += 2
			s.open(10, 11, keyA.Seal(frame("end", *seq-1, 0, a, "tok-a")), 0)
			s.open(10, 11, keyA.Seal(frame("start", *seq, 1, b, "tok-b")), 0)
		}, "from a thread or program other than the batch loader's"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStream()
			argv := []string{"/usr/bin/node", "-e", "require('/depbox/batch.js')", Marker, "import", BatchTag + "1"}
			s.rec.Add(&pb.CloneInfo{ContextData: s.cd(1, 1, 0), CreatedThreadGroupId: 10, CreatedThreadId: 10, CreatedThreadStartTimeNs: 10000})
			s.rec.Add(&pb.Execve{ContextData: s.cd(10, 10, 1), Sysno: unix.SYS_EXECVE, Pathname: argv[0], Argv: argv, Envv: []string{nodeEnv}, Exit: &pb.Exit{}})
			s.rec.Add(&pb.ExecveInfo{ContextData: s.cd(10, 10, 1), BinaryPath: argv[0], Argv: argv})
			s.open(10, 10, announce(keyA), announceFlags)
			seq := int64(1)
			genuine := func(r hook.Record) {
				seq++
				r.Seq = seq
				s.open(10, 10, keyA.Seal(r), 0)
			}
			genuine(frame("start", 0, 0, a, "tok-a"))
			s.open(10, 10, "/tmp/a-probe", unix.O_RDONLY)
			tc.inA(s, &seq)
			s.open(10, 10, "/tmp/a-later-probe", unix.O_RDONLY)
			genuine(frame("end", 0, 0, a, "tok-a"))
			genuine(frame("start", 0, 1, b, "tok-b"))
			s.open(10, 10, "/tmp/b-probe", unix.O_RDONLY)
			genuine(frame("end", 0, 1, b, "tok-b"))

			runs := Attribute(s.rec.Procs(), Attribution{TaskRoot: "/var/task", Owner: func(string) string { return "" }})
			files := func(dep string) []string {
				r := runs[RunKey{Phase: "import", Dependency: dep}]
				if r == nil {
					t.Fatalf("no run of %s; runs %v", dep, slices.Collect(func(yield func(RunKey) bool) {
						for k := range runs {
							if !yield(k) {
								return
							}
						}
					}))
				}
				var out []string
				for _, f := range r.Own.Files {
					out = append(out, f.Path)
				}
				slices.Sort(out)
				return out
			}
			if got, want := files(a), []string{"/tmp/a-later-probe", "/tmp/a-probe"}; !slices.Equal(got, want) {
				t.Errorf("a's files %v, want %v", got, want)
			}
			if got, want := files(b), []string{"/tmp/b-probe"}; !slices.Equal(got, want) {
				t.Errorf("b's files %v, want %v", got, want)
			}
			ra, rb := runs[RunKey{"import", a}], runs[RunKey{"import", b}]
			why := strings.Join(ra.Ambiguous, "; ")
			switch {
			case tc.ambiguousA == "" && why != "":
				t.Errorf("a is ambiguous (%s), want not", why)
			case tc.ambiguousA != "" && !strings.Contains(why, tc.ambiguousA):
				t.Errorf("a is ambiguous for %q, want %q", why, tc.ambiguousA)
			}
			if len(rb.Ambiguous) > 0 {
				t.Errorf("b is ambiguous: %v", rb.Ambiguous)
			}
			// The forgeries stay on the batch run, each naming a's window.
			for _, f := range runs[RunKey{"import", BatchTag + "1"}].Forged {
				if f.Window != a {
					t.Errorf("forgery %+v names window %q, want %s", f.Record, f.Window, a)
				}
			}
		})
	}
}

// TestBatchWindowsUnhooked: a batch process without the hook (a
// benchmark's run) has its windows cut from framing records without proof
// only when the recorder was told the run has no hook — node's loader,
// and Python's, which is trusted by its argv but announces no key without
// the hook.
func TestBatchWindowsUnhooked(t *testing.T) {
	loaders := [][]string{
		{"/usr/bin/node", "-e", "require('/depbox/batch.js')", Marker, "import", BatchTag + "1"},
		{"/usr/bin/python3.11", "-S", "-B", "/depbox/pybatch.pyc", Marker, "import", BatchTag + "1"},
	}
	for _, allow := range []bool{false, true} {
		for _, argv := range loaders {
			unhookedWindow(t, allow, argv)
		}
	}
}

// unhookedWindow checks one unhooked batch loader's window.
func unhookedWindow(t *testing.T, allow bool, argv []string) {
	t.Helper()
	s := newStream()
	if allow {
		s.rec.FrameUnhookedBatches()
	}
	s.rec.Add(&pb.CloneInfo{ContextData: s.cd(1, 1, 0), CreatedThreadGroupId: 10, CreatedThreadId: 10, CreatedThreadStartTimeNs: 10000})
	s.rec.Add(&pb.Execve{ContextData: s.cd(10, 10, 1), Sysno: unix.SYS_EXECVE, Pathname: argv[0], Argv: argv, Exit: &pb.Exit{}})
	s.rec.Add(&pb.ExecveInfo{ContextData: s.cd(10, 10, 1), BinaryPath: argv[0], Argv: argv})
	s.open(10, 10, hook.Encode(hook.Record{Kind: "batch", Op: "start", Detail: map[string]any{"i": 0.0, "dep": "node_modules/a", "t": "x"}}), 0)
	s.open(10, 10, "/tmp/a-probe", unix.O_RDONLY)
	s.open(10, 10, hook.Encode(hook.Record{Kind: "batch", Op: "end", Detail: map[string]any{"i": 0.0, "dep": "node_modules/a", "t": "x"}}), 0)
	runs := Attribute(s.rec.Procs(), Attribution{TaskRoot: "/var/task", Owner: func(string) string { return "" }})
	if _, ok := runs[RunKey{"import", "node_modules/a"}]; ok != allow {
		t.Errorf("%s: unhooked framing allowed %v: a window run = %v", argv[0], allow, ok)
	}
}

// TestBatchWindowExec: a package that replaces the batch process with
// another program (execve) leaves its window without an end: no run is made
// of it (the runner loads it alone), and the windows closed before stay.
func TestBatchWindowExec(t *testing.T) {
	frame := func(op string, seq int64, i int, dep string) hook.Record {
		return hook.Record{Kind: "batch", Op: op, Seq: seq, Detail: map[string]any{"i": float64(i), "dep": dep, "t": "tok"}}
	}
	s := newStream()
	argv := []string{"/usr/bin/node", "-e", "require('/depbox/batch.js')", Marker, "import", BatchTag + "1"}
	s.rec.Add(&pb.CloneInfo{ContextData: s.cd(1, 1, 0), CreatedThreadGroupId: 10, CreatedThreadId: 10, CreatedThreadStartTimeNs: 10000})
	s.rec.Add(&pb.Execve{ContextData: s.cd(10, 10, 1), Sysno: unix.SYS_EXECVE, Pathname: argv[0], Argv: argv, Envv: []string{nodeEnv}, Exit: &pb.Exit{}})
	s.rec.Add(&pb.ExecveInfo{ContextData: s.cd(10, 10, 1), BinaryPath: argv[0], Argv: argv})
	s.open(10, 10, announce(keyA), announceFlags)
	s.open(10, 10, keyA.Seal(frame("start", 2, 0, "node_modules/b")), 0)
	s.open(10, 10, "/tmp/b-probe", unix.O_RDONLY)
	s.open(10, 10, keyA.Seal(frame("end", 3, 0, "node_modules/b")), 0)
	s.open(10, 10, keyA.Seal(frame("start", 4, 1, "node_modules/a")), 0)
	sh := []string{"/bin/sh", "-c", "cat /tmp/x"}
	s.rec.Add(&pb.Execve{ContextData: s.cd(10, 10, 1), Sysno: unix.SYS_EXECVE, Pathname: sh[0], Argv: sh, Exit: &pb.Exit{}})
	s.rec.Add(&pb.ExecveInfo{ContextData: s.cd(10, 10, 1), BinaryPath: sh[0], Argv: sh})
	s.open(10, 10, "/tmp/sh-probe", unix.O_RDONLY)
	runs := Attribute(s.rec.Procs(), Attribution{TaskRoot: "/var/task", Owner: func(string) string { return "" }})
	if r := runs[RunKey{"import", "node_modules/b"}]; r == nil || len(r.Ambiguous) > 0 {
		t.Fatalf("b's window: %+v, want a run of its own, not ambiguous", r)
	}
	if r := runs[RunKey{"import", "node_modules/a"}]; r != nil {
		t.Errorf("a's window, cut short by an exec, is a run: %+v", r.Own)
	}
}
