package profiler

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
	"google.golang.org/protobuf/proto"

	pb "gvisor.dev/gvisor/pkg/sentry/seccheck/points/points_go_proto"

	"github.com/depbox/depbox/internal/hook"
)

// Fuzz tests of the event stream decoder and what is built on it: the
// stream arrives from the sandbox, where the code under test can shape
// much of it (paths, argv, environment, the marker paths of hook records).
// The seeds, testdata/fuzz/FuzzReplay and the ones added below, run as
// ordinary tests; docs/testing.md says how to fuzz longer.

// wireFrame is msg as a recording holds it: length, sink header, protobuf.
func wireFrame(tb testing.TB, t pb.MessageType, msg proto.Message) []byte {
	tb.Helper()
	body, err := proto.Marshal(msg)
	if err != nil {
		tb.Fatal(err)
	}
	raw := make([]byte, 8, 8+len(body))
	binary.LittleEndian.PutUint16(raw[0:2], 8)
	binary.LittleEndian.PutUint16(raw[2:4], uint16(t))
	raw = append(raw, body...)
	var buf bytes.Buffer
	if err := writeFrame(&buf, raw); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// hookedRun is a small stream of a runner starting a hooked node that
// announces its key and sends records, one of them forged.
func hookedRun(tb testing.TB) []byte {
	cd := func(pid, tid, ppid int32) *pb.ContextData {
		return &pb.ContextData{ThreadGroupId: pid, ThreadId: tid, ThreadGroupStartTimeNs: int64(pid) * 1000, ParentThreadGroupId: ppid, Cwd: "/var/task"}
	}
	open := func(pid int32, path string, flags uint32) []byte {
		return wireFrame(tb, pb.MessageType_MESSAGE_SYSCALL_OPEN, &pb.Open{ContextData: cd(pid, pid, 1), Sysno: unix.SYS_OPENAT, Fd: unix.AT_FDCWD, Pathname: path, Flags: flags, Exit: &pb.Exit{Errorno: int64(unix.ENOENT)}})
	}
	argv := []string{"/usr/bin/node", "/depbox/run.js", Marker, "import", "node_modules/a"}
	var s []byte
	s = append(s, wireFrame(tb, pb.MessageType_MESSAGE_CONTAINER_START, &pb.Start{ContextData: cd(1, 1, 0), Args: []string{"/depbox/depbox", "sandbox-init"}})...)
	s = append(s, wireFrame(tb, pb.MessageType_MESSAGE_SENTRY_CLONE, &pb.CloneInfo{ContextData: cd(1, 1, 0), CreatedThreadGroupId: 10, CreatedThreadId: 10, CreatedThreadStartTimeNs: 10000})...)
	s = append(s, wireFrame(tb, pb.MessageType_MESSAGE_SYSCALL_EXECVE, &pb.Execve{ContextData: cd(10, 10, 1), Sysno: unix.SYS_EXECVE, Pathname: argv[0], Argv: argv, Envv: []string{HookEnv}, Exit: &pb.Exit{}})...)
	s = append(s, wireFrame(tb, pb.MessageType_MESSAGE_SENTRY_EXEC, &pb.ExecveInfo{ContextData: cd(10, 10, 1), BinaryPath: argv[0], Argv: argv})...)
	s = append(s, open(10, announce(keyA), announceFlags)...)
	s = append(s, open(10, keyA.Seal(rec("module", "load", 2, map[string]any{"path": "node_modules/a/index.js"})), 0)...)
	s = append(s, open(10, keyA.Seal(rec("env", "get", 3, map[string]any{"name": "AWS_SECRET_ACCESS_KEY"})), 0)...)
	s = append(s, open(10, keyB.Seal(rec("fs", "read", 4, map[string]any{"path": "/root/.ssh/id_rsa"})), 0)...)
	s = append(s, open(10, "/var/task/node_modules/a/index.js", unix.O_RDONLY)...)
	s = append(s, wireFrame(tb, pb.MessageType_MESSAGE_SYSCALL_CONNECT, &pb.Connect{ContextData: cd(10, 10, 1), Sysno: unix.SYS_CONNECT, Fd: 20, Address: []byte{2, 0, 1, 187, 192, 0, 2, 10, 0, 0, 0, 0, 0, 0, 0, 0}, Exit: &pb.Exit{Errorno: int64(unix.ENETUNREACH)}})...)
	s = append(s, wireFrame(tb, pb.MessageType_MESSAGE_SENTRY_TASK_EXIT, &pb.TaskExit{ContextData: cd(10, 10, 1), ExitStatus: 0})...)
	s = append(s, wireFrame(tb, pb.MessageType_MESSAGE_SENTRY_EXIT_NOTIFY_PARENT, &pb.ExitNotifyParentInfo{ContextData: cd(10, 10, 1), ExitStatus: 0})...)
	return s
}

// replayed is what a stream attributes to, in a comparable form.
func replayed(t *testing.T, data []byte) ([]byte, Stats, error) {
	rec := NewRecorder()
	st, err := Replay(bytes.NewReader(data), rec)
	procs := rec.Procs()
	type proc struct {
		Key                   ProcKey
		Hooks, Forged, Faults int
	}
	type run struct {
		Key           RunKey
		Processes     int
		Exited        bool
		ExitStatus    int32
		Loaded        []string
		Own, All      any
		Hooks, Forged int
		Faults        []string
	}
	var out struct {
		Procs []proc
		Runs  []run
	}
	for _, p := range procs {
		out.Procs = append(out.Procs, proc{p.Key, len(p.Hooks), len(p.Forged), len(p.Faults)})
	}
	slices.SortFunc(out.Procs, func(a, b proc) int {
		return cmp.Or(cmp.Compare(a.Key.Tgid, b.Key.Tgid), cmp.Compare(a.Key.Start, b.Key.Start))
	})
	for _, r := range Attribute(procs, Attribution{TaskRoot: "/var/task", Owner: owner}) {
		out.Runs = append(out.Runs, run{r.Key, r.Processes, r.Exited, r.ExitStatus, r.Loaded, r.Own, r.All, len(r.Hooks), len(r.Forged), r.Faults})
	}
	slices.SortFunc(out.Runs, func(a, b run) int {
		return cmp.Or(strings.Compare(a.Key.Phase, b.Key.Phase), strings.Compare(a.Key.Dependency, b.Key.Dependency))
	})
	b, merr := json.Marshal(out)
	if merr != nil {
		t.Fatalf("attribution does not marshal: %v", merr)
	}
	return b, st, err
}

// FuzzReplay: any recording replays without a panic, counts every frame
// it reads, and attributes the same way every time.
func FuzzReplay(f *testing.F) {
	f.Add(hookedRun(f))
	if b, err := os.ReadFile("testdata/basic.events"); err == nil {
		// The first frames of a real run: the runner, its first phases.
		n, off := 0, 0
		for off+4 <= len(b) && n < 60 {
			off += 4 + int(binary.LittleEndian.Uint32(b[off:]))
			n++
		}
		f.Add(b[:min(off, len(b))])
	} else {
		f.Fatal(err)
	}
	f.Add([]byte{})
	f.Add([]byte{8, 0, 0, 0, 8, 0, 99, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		a, st, err := replayed(t, data)
		frames := uint64(0)
		for off := 0; off+4 <= len(data); frames++ {
			n := int(binary.LittleEndian.Uint32(data[off:]))
			if n > maxMessage || off+4+n > len(data) {
				break
			}
			off += 4 + n
		}
		if st.Messages != frames {
			t.Errorf("Replay counted %d messages of %d whole frames", st.Messages, frames)
		}
		if err == nil && len(data) > 0 && !wholeFrames(data) {
			t.Errorf("a truncated recording replayed without an error")
		}
		b, _, _ := replayed(t, data)
		if !bytes.Equal(a, b) {
			t.Errorf("the same stream attributed two ways:\n%s\n%s", a, b)
		}
	})
}

// wholeFrames reports whether data is a sequence of complete frames.
func wholeFrames(data []byte) bool {
	for off := 0; off < len(data); {
		if off+4 > len(data) {
			return false
		}
		n := int(binary.LittleEndian.Uint32(data[off:]))
		if n > maxMessage || off+4+n > len(data) {
			return false
		}
		off += 4 + n
	}
	return true
}

// FuzzMarkers: whatever a hooked process opens under the marker
// directory, each marker is judged once: a genuine record or a forgery.
func FuzzMarkers(f *testing.F) {
	f.Add(announce(keyA), uint32(announceFlags), keyA.Seal(rec("env", "get", 2, map[string]any{"name": "HOME"})), keyA.Seal(rec("env", "get", 2, nil)))
	f.Add(announce(keyB), uint32(0), keyB.Seal(rec("fs", "read", 2, nil)), hook.MarkerDir+"garbage")
	f.Add(hook.Encode(rec("key", "announce", 1, map[string]any{"key": 7})), uint32(announceFlags), hook.Encode(rec("fs", "read", 3, nil)), hook.MarkerDir)
	f.Fuzz(func(t *testing.T, first string, flags uint32, second, third string) {
		s := newStream()
		s.spawn(1, 1, 10, "/usr/bin/node", nodeEnv)
		s.open(10, 10, first, flags)
		s.open(10, 10, second, 0)
		s.open(10, 11, third, 0)
		p := procOf(t, s.rec, 10)
		markers := 0
		for _, m := range []string{first, second, third} {
			if isMarker(m) {
				markers++
			}
		}
		judged := len(p.Hooks) + len(p.Forged)
		if judged != markers && judged != markers-1 { // one may be the announcement
			t.Errorf("%d markers, %d records and %d forgeries", markers, len(p.Hooks), len(p.Forged))
		}
		if len(p.Hooks) > 0 && !(isMarker(first) && flags&announceFlags == announceFlags) {
			t.Errorf("records accepted without an announcement: %+v", p.Hooks)
		}
	})
}

// isMarker reports whether the profiler takes path for a marker.
func isMarker(p string) bool {
	if !path.IsAbs(p) {
		p = path.Join("/var/task", p) // the stream's cwd
	}
	p = path.Clean(p)
	return strings.HasPrefix(p, hook.MarkerDir) || p+"/" == hook.MarkerDir
}
