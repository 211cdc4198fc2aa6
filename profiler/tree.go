package profiler

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"net"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
	"google.golang.org/protobuf/proto"

	pb "gvisor.dev/gvisor/pkg/sentry/seccheck/points/points_go_proto"

	"github.com/depbox/depbox/internal/hook"
)

// ProcKey identifies a process within one sandbox: pids are reused, the pair
// (thread group id, thread group start time) is not.
type ProcKey struct {
	Tgid  int32
	Start int64
}

func (k ProcKey) String() string { return fmt.Sprintf("%d@%d", k.Tgid, k.Start) }

// Open is one file a process opened (aggregated per path and access).
type Open struct {
	Path  string // absolute, as the process named it, resolved against cwd/dirfd
	Read  bool
	Write bool
	OK    int // successful opens
	Fail  int // failed opens
	Errno string
}

// Exec is an execve the process made (successful or not).
type Exec struct {
	Path   string
	Argv   []string
	Result string // "ok" or the errno name
	// Hooked says the new program's environment loads depbox's hook
	// (NODE_OPTIONS starts with it, and no --inspect lets another process
	// in first); only meaningful for node.
	Hooked bool
	// Preload says its environment preloads a library (LD_PRELOAD,
	// LD_AUDIT): native code that runs before any hook.
	Preload bool
}

// HookRecord is one record of depbox's in-process Node hook (Proc.Hooks,
// Run.Hooks, Fold): what a package did, as the hook saw it. docs/hook.md
// describes its kinds and fields.
type HookRecord = hook.Record

// HookEnv is the environment entry that loads the hook; a node started
// without it runs unobserved by the hook.
var HookEnv = "NODE_OPTIONS=" + hook.NodeOptions

// Sock is a connect or bind.
type Sock struct {
	Op       string // "connect" or "bind"
	Protocol string // "tcp", "udp", "unix", "raw" or ""
	Address  string
	Port     int
	Result   string // "ok", "EINPROGRESS" (treated as ok) or the errno name
}

// Proc is everything depbox recorded of one process.
type Proc struct {
	Key        ProcKey
	Parent     ProcKey // zero when unknown
	ParentTgid int32
	Name       string   // comm
	Argv       []string // argv of the last successful exec (or the container start)
	Binary     string
	Opens      map[string]*Open // by path + access
	Execs      []Exec
	Socks      []Sock
	Exited     bool
	ExitStatus int32
	// Hooks are the in-process hook's genuine records (marker opens with
	// the proof of the process's key), in order.
	Hooks []hook.Record
	// Forged are the other marker opens, and genuine records the syscall
	// stream contradicts: they explain nothing.
	Forged []Forgery
	// Faults say where the records and the syscall stream disagree
	// (records missing, replayed or contradicted): the profile is
	// incomplete.
	Faults []string
	// InFlight are genuine records the syscall stream contradicts that
	// were the last their thread sent before the process was killed
	// (SIGKILL; not a batch process): a call recorded, then killed before
	// it happened, or a forgery followed by a stall. They explain nothing
	// and are not Faults: the caller decides (internal/scan/forgery.go).
	InFlight []Forgery
	// sockets maps an fd to its (domain, type) while it is open.
	sockets map[int64][2]int32
	markers []marker
	images  []image
	keys    []hook.Key
	clones  []cloneMark
	from    *origin
	// Windows cut a batch process's stream (argv with a BatchTag
	// dependency) into its packages' loads, from its verified records;
	// see Window and batch.
	Windows []*Window
	batch   *batchLog
	// hookAt is, for each of Hooks, where it is among the markers and
	// which image and thread sent it; forgedAt where the forgeries are.
	hookAt   []markerAt
	forgedAt []int
}

func newProc(k ProcKey) *Proc {
	return &Proc{Key: k, Opens: map[string]*Open{}, sockets: map[int64][2]int32{}}
}

// Recorder builds the process tree from decoded events. It is safe for
// concurrent use.
type Recorder struct {
	mu    sync.Mutex
	procs map[ProcKey]*Proc
	// byTgid lists the keys seen for a tgid, to resolve parents by tgid.
	byTgid map[int32][]ProcKey
	events uint64
	// pythonHook: the run placed the Python hook, which sitecustomize
	// loads into every Python process.
	pythonHook bool
	// unhookedFraming: the run has no hook (FrameUnhookedBatches).
	unhookedFraming bool
}

// TrustPythonHook tells the recorder that the run's Python processes load
// depbox's Python hook from sitecustomize, so their key announcements count.
func (r *Recorder) TrustPythonHook() {
	r.mu.Lock()
	r.pythonHook = true
	r.mu.Unlock()
}

// FrameUnhookedBatches tells the recorder that the run loads no hook (a
// benchmark's run without it), so that batch processes' framing records
// come without proof: they are taken as they come, from the batch loader's
// thread. Never for a run whose records explain anything: without the
// proof, a framing record is no better than what package code can open.
func (r *Recorder) FrameUnhookedBatches() {
	r.mu.Lock()
	r.unhookedFraming = true
	r.mu.Unlock()
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder {
	return &Recorder{procs: map[ProcKey]*Proc{}, byTgid: map[int32][]ProcKey{}}
}

func (r *Recorder) proc(cd *pb.ContextData) *Proc {
	if cd == nil {
		return nil
	}
	k := ProcKey{cd.ThreadGroupId, cd.ThreadGroupStartTimeNs}
	p := r.procs[k]
	if p == nil {
		p = newProc(k)
		p.ParentTgid = cd.ParentThreadGroupId
		r.procs[k] = p
		r.byTgid[k.Tgid] = append(r.byTgid[k.Tgid], k)
	}
	if p.Name == "" || cd.ProcessName != "" {
		p.Name = cd.ProcessName
	}
	if p.Parent == (ProcKey{}) && cd.ParentThreadGroupId != 0 {
		p.ParentTgid = cd.ParentThreadGroupId
	}
	return p
}

// Add records one decoded event.
func (r *Recorder) Add(msg proto.Message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events++
	switch m := msg.(type) {
	case *pb.Start:
		if p := r.proc(m.ContextData); p != nil {
			p.Argv = m.Args
			bin := ""
			if len(m.Args) > 0 {
				bin = m.Args[0]
			}
			p.startImage(bin, m.Args, m.Env, nil, nil)
		}
	case *pb.CloneInfo:
		if m.Flags&unix.CLONE_THREAD != 0 {
			return
		}
		parent := r.proc(m.ContextData)
		if parent == nil {
			return
		}
		k := ProcKey{m.CreatedThreadGroupId, m.CreatedThreadStartTimeNs}
		c := r.procs[k]
		if c == nil {
			c = newProc(k)
			c.Name, c.Argv = parent.Name, parent.Argv
			r.procs[k] = c
			r.byTgid[k.Tgid] = append(r.byTgid[k.Tgid], k)
		}
		c.Parent, c.ParentTgid = parent.Key, parent.Key.Tgid
		if c.images == nil {
			c.startImage("", nil, nil, &origin{parent: parent.Key, image: len(parent.images) - 1}, parent)
		}
		parent.clones = append(parent.clones, cloneMark{tid: m.ContextData.GetThreadId(), at: len(parent.markers)})
		parent.logEvent(m.ContextData, batchEvent{child: k})
	case *pb.ExecveInfo:
		if p := r.proc(m.ContextData); p != nil {
			p.Argv, p.Binary = m.Argv, m.BinaryPath
			// execve's exit point carries no result: the exec that succeeded
			// is the one the sentry reports; attempts before it failed (a
			// PATH search, say).
			var ran *Exec
			for i := len(p.Execs) - 1; i >= 0; i-- {
				// The binary is the resolved file (a symlinked /bin/sh is
				// /bin/dash): match the path or, failing that, the argv.
				if p.Execs[i].Result == "" && (p.Execs[i].Path == m.BinaryPath || slices.Equal(p.Execs[i].Argv, m.Argv)) {
					p.Execs[i].Result = "ok"
					ran = &p.Execs[i]
					for j := i - 1; j >= 0 && p.Execs[j].Result == ""; j-- {
						p.Execs[j].Result = "failed"
					}
					break
				}
			}
			// A new program: markers from here on are its.
			p.images = append(p.images, image{binary: m.BinaryPath, argv: slices.Clone(m.Argv), trusted: trusted(m.BinaryPath, m.Argv, ran, r.pythonHook)})
			// A batch program's events are logged until the process ends:
			// whatever another program it execs does is the window's it
			// happened in.
			if isBatch(m.Argv) {
				p.batch = &batchLog{image: len(p.images) - 1, argv: slices.Clone(m.Argv)}
			}
		}
	case *pb.Execve:
		p := r.proc(m.ContextData)
		if p == nil {
			return
		}
		name := m.Pathname
		if m.Sysno == unix.SYS_EXECVEAT && !path.IsAbs(name) && m.FdPath != "" {
			name = path.Join(m.FdPath, name)
		} else if !path.IsAbs(name) && name != "" {
			name = path.Join(m.ContextData.GetCwd(), name)
		}
		res := ""
		if m.Exit != nil && m.Exit.Errorno != 0 {
			res = result(m.Exit)
		}
		e := execOf(name, m.Argv, m.Envv)
		e.Result = res
		p.Execs = append(p.Execs, e)
		p.logEvent(m.ContextData, batchEvent{exec: len(p.Execs)})
	case *pb.Open:
		r.open(m)
	case *pb.Socket:
		if p := r.proc(m.ContextData); p != nil && m.Exit != nil && m.Exit.Errorno == 0 {
			p.sockets[m.Exit.Result] = [2]int32{m.Domain, m.Type}
		}
	case *pb.Connect:
		if p := r.proc(m.ContextData); p != nil {
			p.Socks = append(p.Socks, sockRecord(p, "connect", m.Fd, m.Address, m.Exit))
			p.logEvent(m.ContextData, batchEvent{sock: len(p.Socks)})
		}
	case *pb.Bind:
		if p := r.proc(m.ContextData); p != nil {
			p.Socks = append(p.Socks, sockRecord(p, "bind", int64(m.Fd), m.Address, m.Exit))
			p.logEvent(m.ContextData, batchEvent{sock: len(p.Socks)})
		}
	case *pb.TaskExit:
		cd := m.ContextData
		if cd == nil || cd.ThreadId != cd.ThreadGroupId {
			return // a thread, not the thread group leader
		}
		if p := r.proc(cd); p != nil {
			p.Exited, p.ExitStatus = true, m.ExitStatus
		}
	}
}

func (r *Recorder) open(m *pb.Open) {
	p := r.proc(m.ContextData)
	if p == nil {
		return
	}
	name := m.Pathname
	if !path.IsAbs(name) {
		dir := m.ContextData.GetCwd()
		if m.Sysno == unix.SYS_OPENAT && m.Fd != unix.AT_FDCWD && m.FdPath != "" {
			dir = m.FdPath
		}
		name = path.Join(dir, name)
	} else {
		name = path.Clean(name)
	}
	if strings.HasPrefix(name, hook.MarkerDir) || name+"/" == hook.MarkerDir {
		// A record of the hook, or a forgery: verify tells them apart.
		p.markers = append(p.markers, marker{path: name, tid: m.ContextData.GetThreadId(), flags: m.Flags, image: len(p.images) - 1})
		return
	}
	acc := m.Flags & unix.O_ACCMODE
	write := acc == unix.O_WRONLY || acc == unix.O_RDWR || m.Flags&(unix.O_CREAT|unix.O_TRUNC|unix.O_APPEND) != 0 || m.Sysno == unix.SYS_CREAT
	read := acc == unix.O_RDONLY || acc == unix.O_RDWR
	if m.Flags&unix.O_DIRECTORY != 0 || m.Flags&unix.O_PATH != 0 {
		read, write = true, false // listing or resolving a directory is a read
	}
	key := name
	switch {
	case read && write:
		key += "\x00rw"
	case write:
		key += "\x00w"
	default:
		key += "\x00r"
	}
	errno := ""
	if m.Exit != nil && m.Exit.Errorno != 0 {
		errno = unix.ErrnoName(unix.Errno(m.Exit.Errorno))
	}
	p.addOpen(key, name, read, write, m.Exit != nil && m.Exit.Errorno != 0, errno)
	p.logEvent(m.ContextData, batchEvent{open: &openEvent{key, name, read, write, m.Exit != nil && m.Exit.Errorno != 0, errno}})
}

// addOpen counts one open of name in p.Opens.
func (p *Proc) addOpen(key, name string, read, write, failed bool, errno string) {
	o := p.Opens[key]
	if o == nil {
		o = &Open{Path: name, Read: read, Write: write}
		p.Opens[key] = o
	}
	if failed {
		o.Fail++
		o.Errno = errno
	} else {
		o.OK++
	}
}

func result(e *pb.Exit) string {
	if e == nil || e.Errorno == 0 {
		return "ok"
	}
	if n := unix.ErrnoName(unix.Errno(e.Errorno)); n != "" {
		return n
	}
	return fmt.Sprintf("errno %d", e.Errorno)
}

func sockRecord(p *Proc, op string, fd int64, addr []byte, exit *pb.Exit) Sock {
	s := Sock{Op: op, Result: result(exit)}
	if s.Result == "EINPROGRESS" {
		s.Result = "ok" // non-blocking connect started: the peer was contacted
	}
	dt, known := p.sockets[fd]
	s.Address, s.Port, s.Protocol = sockaddr(addr)
	if known && s.Protocol != "unix" && s.Protocol != "netlink" {
		switch dt[1] & 0xf { // strip SOCK_NONBLOCK / SOCK_CLOEXEC
		case unix.SOCK_STREAM:
			s.Protocol = "tcp"
		case unix.SOCK_DGRAM:
			s.Protocol = "udp"
		case unix.SOCK_RAW:
			s.Protocol = "raw"
		}
	}
	return s
}

// sockaddr decodes a raw struct sockaddr into address, port and family name.
func sockaddr(b []byte) (addr string, port int, proto string) {
	if len(b) < 2 {
		return "", 0, ""
	}
	switch fam := binary.LittleEndian.Uint16(b); fam {
	case unix.AF_INET:
		if len(b) < 8 {
			return "", 0, "inet"
		}
		return net.IP(b[4:8]).String(), int(binary.BigEndian.Uint16(b[2:4])), ""
	case unix.AF_INET6:
		if len(b) < 24 {
			return "", 0, "inet6"
		}
		return net.IP(b[8:24]).String(), int(binary.BigEndian.Uint16(b[2:4])), ""
	case unix.AF_UNIX:
		p := b[2:]
		if len(p) > 0 && p[0] == 0 {
			return "@" + string(trimNul(p[1:])), 0, "unix"
		}
		return string(trimNul(p)), 0, "unix"
	case unix.AF_UNSPEC:
		return "", 0, "unspec"
	case unix.AF_NETLINK:
		return "", 0, "netlink"
	default:
		return fmt.Sprintf("family-%d", fam), 0, ""
	}
}

func trimNul(b []byte) []byte {
	if i := slices.Index(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

// Procs returns a snapshot of every process, sorted by key, with parents
// resolved: a process whose clone event was not seen gets the most recent
// earlier process with its parent's tgid.
func (r *Recorder) Procs() []*Proc {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*Proc, 0, len(r.procs))
	for _, p := range r.procs {
		for i := range p.Execs {
			if p.Execs[i].Result == "" {
				p.Execs[i].Result = "failed" // no successful exec followed
			}
		}
		if p.Parent == (ProcKey{}) && p.ParentTgid != 0 {
			var best ProcKey
			for _, k := range r.byTgid[p.ParentTgid] {
				if k.Start <= p.Key.Start && k.Start >= best.Start {
					best = k
				}
			}
			p.Parent = best
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Proc) int {
		return cmp.Or(cmp.Compare(a.Key.Start, b.Key.Start), cmp.Compare(a.Key.Tgid, b.Key.Tgid))
	})
	for _, p := range out { // parents first: a forked child inherits its parent's key
		r.verify(p)
		p.cutWindows(r.unhookedFraming)
	}
	return out
}

// Events returns the number of events recorded.
func (r *Recorder) Events() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.events
}
