package profiler

import (
	"bytes"
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	pb "gvisor.dev/gvisor/pkg/sentry/seccheck/points/points_go_proto"

	"github.com/depbox/depbox/internal/hook"
)

// stream builds a synthetic event stream, as gVisor would send it.
type stream struct {
	rec  *Recorder
	time int64
}

func newStream() *stream {
	s := &stream{rec: NewRecorder()}
	s.rec.Add(&pb.Start{ContextData: s.cd(1, 1, 0), Args: []string{"/depbox/depbox", "sandbox-init"}})
	return s
}

func (s *stream) cd(pid, tid, ppid int32) *pb.ContextData {
	return &pb.ContextData{ThreadGroupId: pid, ThreadId: tid, ThreadGroupStartTimeNs: int64(pid) * 1000, ParentThreadGroupId: ppid, Cwd: "/var/task"}
}

// spawn starts pid as a child of ppid (cloned by tid) and has it exec
// binary with env.
func (s *stream) spawn(ppid, tid, pid int32, binary string, env ...string) {
	s.rec.Add(&pb.CloneInfo{ContextData: s.cd(ppid, tid, 0), CreatedThreadGroupId: pid, CreatedThreadId: pid, CreatedThreadStartTimeNs: int64(pid) * 1000})
	if binary == "" {
		return // a fork without exec
	}
	argv := []string{binary, "app.js"}
	s.rec.Add(&pb.Execve{ContextData: s.cd(pid, pid, ppid), Sysno: unix.SYS_EXECVE, Pathname: binary, Argv: argv, Envv: env, Exit: &pb.Exit{}})
	s.rec.Add(&pb.ExecveInfo{ContextData: s.cd(pid, pid, ppid), BinaryPath: binary, Argv: argv})
}

func (s *stream) open(pid, tid int32, path string, flags uint32) {
	s.rec.Add(&pb.Open{ContextData: s.cd(pid, tid, 0), Sysno: unix.SYS_OPENAT, Fd: unix.AT_FDCWD, Pathname: path, Flags: flags, Exit: &pb.Exit{Errorno: int64(unix.ENOENT)}})
}

func announce(k hook.Key) string {
	return hook.Encode(hook.Record{Kind: hook.KindKey, Op: hook.OpAnnounce, Seq: 1, Detail: map[string]any{"key": hex.EncodeToString(k)}})
}

func rec(kind, op string, seq int64, detail map[string]any) hook.Record {
	return hook.Record{Kind: kind, Op: op, Pkg: "node_modules/a", Seq: seq, Detail: detail}
}

var (
	keyA    = hook.Key(bytes.Repeat([]byte{0xa}, 32))
	keyB    = hook.Key(bytes.Repeat([]byte{0xb}, 32))
	nodeEnv = HookEnv
)

func procOf(t *testing.T, r *Recorder, pid int32) *Proc {
	t.Helper()
	for _, p := range r.Procs() {
		if p.Key.Tgid == pid {
			return p
		}
	}
	t.Fatalf("no process %d", pid)
	return nil
}

func reasons(p *Proc) []string {
	var out []string
	for _, f := range p.Forged {
		out = append(out, f.Reason)
	}
	return out
}

// TestVerify: which markers are the hook's.
func TestVerify(t *testing.T) {
	tests := []struct {
		name   string
		build  func(s *stream)
		pid    int32
		hooks  []int64  // seqs of the genuine records
		forged []string // reasons, in order
		faults []string // substrings, one per fault
	}{
		{"genuine", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
			s.open(10, 10, keyA.Seal(rec("env", "get", 2, map[string]any{"name": "HOME"})), 0)
			s.open(10, 11, keyA.Seal(rec("env", "get", 3, map[string]any{"name": "PATH"})), 0) // a worker thread
		}, 10, []int64{2, 3}, nil, nil},
		{"forged: no proof, wrong key, replayed, not a record", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
			s.open(10, 10, hook.Encode(rec("fs", "read", 2, nil)), 0)
			s.open(10, 10, keyB.Seal(rec("fs", "read", 2, nil)), 0)
			s.open(10, 10, keyA.Seal(rec("env", "get", 2, map[string]any{"name": "HOME"})), 0)
			s.open(10, 10, keyA.Seal(rec("env", "get", 2, map[string]any{"name": "HOME"})), 0)
			s.open(10, 10, hook.MarkerDir+"garbage", 0)
			s.open(10, 10, announce(keyB), announceFlags)
		}, 10, []int64{2}, []string{ForgedProof, ForgedProof, ForgedReplay, ForgedUndecodable, ForgedAnnouncement}, []string{"sent twice"}},
		{"announcement without the hook's flags", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyB), 0) // e.g. LD_PRELOAD-free startup code opening a path we chose
			s.open(10, 10, keyB.Seal(rec("fs", "read", 2, nil)), 0)
		}, 10, nil, []string{ForgedNoKey, ForgedNoKey}, nil},
		{"announcement from another thread", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 12, announce(keyB), announceFlags)
		}, 10, nil, []string{ForgedNoKey}, nil},
		{"node without the hook", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node")
			s.open(10, 10, announce(keyA), announceFlags)
			s.open(10, 10, keyA.Seal(rec("fs", "read", 2, nil)), 0)
		}, 10, nil, []string{ForgedUnhooked, ForgedUnhooked}, nil},
		{"node with a preloaded library", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv, "LD_PRELOAD=/tmp/x.so")
			s.open(10, 10, announce(keyA), announceFlags)
		}, 10, nil, []string{ForgedUnhooked}, nil},
		{"node with the inspector", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv+" --inspect=0")
			s.open(10, 10, announce(keyA), announceFlags)
		}, 10, nil, []string{ForgedUnhooked}, nil},
		{"a copy of node elsewhere", func(s *stream) {
			s.spawn(1, 1, 10, "/tmp/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
		}, 10, nil, []string{ForgedUnhooked}, nil},
		{"a shell", func(s *stream) {
			s.spawn(1, 1, 10, "/bin/dash", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
		}, 10, nil, []string{ForgedUnhooked}, nil},
		{"a relative marker path", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
			s.open(10, 10, "../../__depbox__/xyz", 0)
		}, 10, nil, []string{ForgedUndecodable}, nil},
		{"records missing", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
			s.open(10, 10, keyA.Seal(rec("env", "get", 2, map[string]any{"name": "A"})), 0)
			s.open(10, 10, keyA.Seal(rec("env", "get", 5, map[string]any{"name": "B"})), 0)
		}, 10, []int64{2, 5}, nil, []string{"2 hook records of process 10 (node) never arrived (sequence numbers 1 to 5)"}},
		{"a forked process keeps its parent's key", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
			s.open(10, 10, keyA.Seal(rec("env", "get", 2, map[string]any{"name": "A"})), 0)
			s.spawn(10, 10, 20, "")
			s.open(20, 20, announce(keyB), announceFlags) // no new key without an exec
			s.open(20, 20, keyA.Seal(rec("env", "get", 3, map[string]any{"name": "B"})), 0)
			s.open(20, 20, keyA.Seal(rec("env", "get", 4, map[string]any{"name": "C"})), 0)
		}, 20, []int64{3, 4}, []string{ForgedAnnouncement}, nil},
		{"contradicted: a child record without a process, a Sync read of a file never opened", func(s *stream) {
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
			s.open(10, 10, keyA.Seal(rec("child", "spawnSync", 2, map[string]any{"file": "/bin/sh"})), 0)
			s.spawn(10, 10, 11, "/bin/dash")                                                              // started: fine
			s.open(10, 10, keyA.Seal(rec("child", "spawnSync", 3, map[string]any{"file": "/bin/sh"})), 0) // nothing follows
			s.open(10, 10, keyA.Seal(rec("child", "spawn", 4, map[string]any{"file": "ls"})), 0)
			s.open(10, 10, keyA.Seal(rec("child", "error", 5, map[string]any{"of": 4.0})), 0) // the call threw: fine
			s.open(10, 10, "/etc/hosts", 0)
			s.open(10, 10, keyA.Seal(rec("fs", "read", 6, map[string]any{"api": "readFileSync", "path": "/etc/hosts"})), 0)
			s.open(10, 10, keyA.Seal(rec("fs", "read", 7, map[string]any{"api": "readFileSync", "path": "/home/sbx_user/.aws/credentials"})), 0)
			s.open(10, 10, keyA.Seal(rec("fs", "read", 8, map[string]any{"api": "readFile", "path": "/etc/passwd"})), 0) // async: not checked
		}, 10, []int64{2, 4, 5, 6, 8}, []string{ForgedContradicted, ForgedContradicted},
			[]string{"record 3 of process 10 (node) (child spawnSync) is contradicted by the syscall stream: no process was started",
				"record 7 of process 10 (node) (fs read) is contradicted by the syscall stream: the file /home/sbx_user/.aws/credentials was never opened"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStream()
			tt.build(s)
			p := procOf(t, s.rec, tt.pid)
			var seqs []int64
			for _, h := range p.Hooks {
				seqs = append(seqs, h.Seq)
			}
			if !slices.Equal(seqs, tt.hooks) {
				t.Errorf("genuine records %v, want %v", seqs, tt.hooks)
			}
			if got := reasons(p); !slices.Equal(got, tt.forged) {
				t.Errorf("forged %v, want %v", got, tt.forged)
			}
			if len(p.Faults) != len(tt.faults) {
				t.Fatalf("faults %q, want %d", p.Faults, len(tt.faults))
			}
			for i, want := range tt.faults {
				if !strings.Contains(p.Faults[i], want) {
					t.Errorf("fault %q lacks %q", p.Faults[i], want)
				}
			}
			for _, f := range p.Forged {
				if f.Hash == "" || f.Proc != p.Key {
					t.Errorf("forgery without its process or path hash: %+v", f)
				}
			}
		})
	}
}

// TestVerifyPython: Python processes are trusted when depbox's loader
// imports the hook first, or when the run's sitecustomize loads it.
func TestVerifyPython(t *testing.T) {
	for _, tc := range []struct {
		argv       []string
		pythonHook bool
		trusted    bool
	}{
		{[]string{"/usr/bin/python3.11", "-S", "-B", "/depbox/pyrun.py"}, false, true},
		{[]string{"/usr/bin/python3.11", "-S", "-B", "/depbox/../tmp/x.py"}, true, false},
		{[]string{"/usr/bin/python3.11", "-c", "pass"}, true, true},
		{[]string{"/usr/bin/python3.11", "-c", "pass"}, false, false},
		{[]string{"/usr/bin/python3.11", "-S", "-c", "pass"}, true, false},
		{[]string{"/usr/bin/python3.11", "-IS", "x.py"}, true, false},
	} {
		e := execOf(tc.argv[0], tc.argv, nil)
		if got := trusted(tc.argv[0], tc.argv, &e, tc.pythonHook); got != tc.trusted {
			t.Errorf("%q (python hook %v): trusted %v, want %v", tc.argv, tc.pythonHook, got, tc.trusted)
		}
	}
}

// TestInFlight: a contradicted record is in flight (Proc.InFlight, no
// fault) only when it is the last marker its thread opened and the
// process ended by SIGKILL; otherwise it stays a forgery and a fault.
func TestInFlight(t *testing.T) {
	const sigkill = int32(unix.SIGKILL)
	spawnRec := func(seq int64) string {
		return keyA.Seal(rec("child", "execSync", seq, map[string]any{"argv": []any{"/bin/sh", "-c", "lspci"}}))
	}
	for _, tc := range []struct {
		name   string
		build  func(s *stream)
		exit   *int32 // the process's wait status; nil: no exit seen
		flight []int64
		faults int
	}{
		{"last record, killed", func(s *stream) {
			s.open(10, 10, spawnRec(2), 0)
		}, ptr(sigkill), []int64{2}, 0},
		{"last record of its thread, another thread went on, killed", func(s *stream) {
			s.open(10, 10, spawnRec(2), 0)
			s.open(10, 12, keyA.Seal(rec("env", "get", 3, map[string]any{"name": "A"})), 0)
		}, ptr(sigkill), []int64{2}, 0},
		{"last record, exited normally", func(s *stream) {
			s.open(10, 10, spawnRec(2), 0)
		}, ptr(int32(0)), nil, 1},
		{"last record, exit code 9 (not a signal)", func(s *stream) {
			s.open(10, 10, spawnRec(2), 0)
		}, ptr(int32(9 << 8)), nil, 1},
		{"last record, still running", func(s *stream) {
			s.open(10, 10, spawnRec(2), 0)
		}, nil, nil, 1},
		{"last record, killed by another signal", func(s *stream) {
			s.open(10, 10, spawnRec(2), 0)
		}, ptr(int32(unix.SIGTERM)), nil, 1},
		{"a record the same thread went on after, killed", func(s *stream) {
			s.open(10, 10, spawnRec(2), 0)
			s.open(10, 10, keyA.Seal(rec("env", "get", 3, map[string]any{"name": "A"})), 0)
		}, ptr(sigkill), nil, 1},
		{"a Sync read never opened, last, killed", func(s *stream) {
			s.open(10, 10, keyA.Seal(rec("fs", "read", 2, map[string]any{"api": "readFileSync", "path": "/etc/shadow"})), 0)
		}, ptr(sigkill), []int64{2}, 0},
		{"a forged marker (bad proof) last, killed: still forged", func(s *stream) {
			s.open(10, 10, keyB.Seal(rec("child", "execSync", 2, nil)), 0)
		}, ptr(sigkill), nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStream()
			s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
			s.open(10, 10, announce(keyA), announceFlags)
			tc.build(s)
			if tc.exit != nil {
				s.rec.Add(&pb.TaskExit{ContextData: s.cd(10, 10, 1), ExitStatus: *tc.exit})
			}
			p := procOf(t, s.rec, 10)
			var flight []int64
			for _, f := range p.InFlight {
				flight = append(flight, f.Record.Seq)
				if f.Reason != ForgedContradicted || !strings.Contains(f.Fault, "is contradicted by the syscall stream") {
					t.Errorf("in flight %+v: want a contradicted record with its fault", f)
				}
			}
			if !slices.Equal(flight, tc.flight) {
				t.Errorf("in flight %v, want %v", flight, tc.flight)
			}
			if len(p.Faults) != tc.faults {
				t.Errorf("faults %q, want %d", p.Faults, tc.faults)
			}
			for _, f := range p.Forged {
				if slices.Contains(flight, f.Record.Seq) && f.Reason == ForgedContradicted {
					t.Errorf("record %d both in flight and forged", f.Record.Seq)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
