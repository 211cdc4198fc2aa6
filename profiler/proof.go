package profiler

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/hook"
)

// Which markers are the hook's. A process's records count only when they
// carry the proof of the key its hook announced (docs/hook.md, "Proof"),
// and an announcement counts only where the hook is sure to have run before
// any other code: a program that loads it first, started without a
// preloaded library, whose first record from its main thread was opened
// with announceFlags (which nothing that runs before the hook uses). Every
// other marker path is a Forgery and explains nothing; genuine records the
// syscall stream contradicts are forgeries too, and a Fault.

// announceFlags are the open flags the hook opens its announcement with.
const announceFlags = unix.O_NOCTTY | unix.O_NOFOLLOW | unix.O_DIRECTORY

// Reasons a marker is a Forgery.
const (
	// ForgedUnhooked: opened by a program that does not run the hook
	// before anything else (a shell, a node started without the hook or
	// with a preloaded library, an interpreter without it).
	ForgedUnhooked = "unhooked-process"
	// ForgedNoKey: opened before the process's hook announced its key,
	// or in a worker the hook gave no key.
	ForgedNoKey = "no-key"
	// ForgedProof: the proof is missing or wrong.
	ForgedProof = "bad-proof"
	// ForgedReplay: a valid record's sequence number seen before.
	ForgedReplay = "replayed"
	// ForgedUndecodable: not a well-formed record.
	ForgedUndecodable = "undecodable"
	// ForgedAnnouncement: a second key announcement.
	ForgedAnnouncement = "second-key"
	// ForgedContradicted: a record with a valid proof of something the
	// syscall stream shows did not happen.
	ForgedContradicted = "contradicted"
)

// Forgery is a marker path that is not a genuine hook record.
type Forgery struct {
	// Proc is the process that opened it, Tid its thread.
	Proc ProcKey
	Tid  int32
	// Record is what the marker claims (Kind "" when it did not decode).
	Record hook.Record
	// Reason is one of the Forged… constants.
	Reason string
	// Hash is hook.MarkerHash of the path: the hook's tamper/forge record
	// of the open, when it saw it, carries the same.
	Hash string
	// Window is the install path of the package whose batch window
	// (Proc.Windows) the marker was opened in, "" outside any.
	Window string
	// Fault says, for a contradicted record, what the syscall stream
	// shows (the message of its Proc.Faults entry).
	Fault string
}

// marker is one open of a path under hook.MarkerDir.
type marker struct {
	path  string
	tid   int32
	flags uint32
	image int // index into Proc.images; -1 before any is known
}

// image is one program a process ran.
type image struct {
	binary  string
	argv    []string // its command line (nil for an inherited image)
	trusted bool
	// inherited: the process's first image, its parent's at clone (key
	// and all), since no execve of its own started it.
	inherited bool
}

// origin is where a cloned process came from.
type origin struct {
	parent ProcKey
	image  int
}

// cloneMark is a process a thread started, at a point of the marker list.
type cloneMark struct {
	tid int32
	at  int // len(markers) at the clone
}

// nodeBinaries and pythonBinary name the interpreters the sandbox's root
// file system carries (read-only to the code under test).
var (
	nodeBinaries = map[string]bool{"/usr/bin/node": true, "/usr/local/bin/node": true}
	pythonBinary = regexp.MustCompile(`^/usr(/local)?/bin/python3\.\d+$`)
)

// startImage is the first image of a process: the container's, from its
// start event, or the one its parent ran.
func (p *Proc) startImage(binary string, argv, env []string, from *origin, parent *Proc) {
	if from != nil {
		im := image{inherited: true}
		if parent != nil && from.image >= 0 && from.image < len(parent.images) {
			im.trusted, im.binary = parent.images[from.image].trusted, parent.images[from.image].binary
		}
		p.images = []image{im}
		p.from = from
		return
	}
	e := execOf(binary, argv, env)
	p.images = []image{{binary: binary, argv: slices.Clone(argv), trusted: trusted(binary, argv, &e, false)}}
}

// HookImage says which program of the process sent Hooks[i]: its index
// among the programs the process ran (0 the one it started as, one more
// after each exec that succeeded; -1 when unknown) and its command line
// (nil for the one it started as when that was its parent's). Records of
// a program a process exec'd into name nobody when its code is no file of
// the bundle (`python -c`); the exec record of the program before it says
// whose it is.
func (p *Proc) HookImage(i int) (image int, argv []string) {
	if i < 0 || i >= len(p.hookAt) {
		return -1, nil
	}
	img := p.hookAt[i].image
	if img < 0 || img >= len(p.images) {
		return -1, nil
	}
	return img, p.images[img].argv
}

// execOf describes an execve from its environment.
func execOf(name string, argv, env []string) Exec {
	e := Exec{Path: name, Argv: slices.Clone(argv)}
	for _, v := range env {
		switch {
		case strings.HasPrefix(v, HookEnv) && (len(v) == len(HookEnv) || v[len(HookEnv)] == ' '):
			e.Hooked = !strings.Contains(v, "--inspect")
		case strings.HasPrefix(v, "LD_PRELOAD="), strings.HasPrefix(v, "LD_AUDIT="):
			e.Preload = true
		}
	}
	if slices.ContainsFunc(argv, func(a string) bool { return strings.HasPrefix(a, "--inspect") }) {
		e.Hooked = false
	}
	return e
}

// trusted reports whether a program runs depbox's hook before any other
// code: node with the hook first in NODE_OPTIONS, depbox's own Python
// loaders, and (when the run has the Python hook) Python with its site
// module; never with a preloaded library.
func trusted(binary string, argv []string, e *Exec, pythonHook bool) bool {
	if e == nil || e.Preload {
		return false
	}
	switch {
	case nodeBinaries[binary]:
		return e.Hooked
	case pythonBinary.MatchString(binary):
		if len(argv) >= 4 && argv[1] == "-S" && strings.HasPrefix(argv[3], hook.Dir+"/py") && !strings.Contains(argv[3], "..") {
			return true // depbox's loaders import the hook first
		}
		if !pythonHook {
			return false
		}
		for _, a := range argv[min(1, len(argv)):] {
			if !strings.HasPrefix(a, "-") || a == "-c" || a == "-m" || a == "-" {
				break
			}
			if !strings.HasPrefix(a, "--") && strings.ContainsAny(a[1:], "SI") {
				return false // no site module, so no sitecustomize and no hook
			}
		}
		return true
	}
	return false
}

// verify sorts the process's markers into genuine records (Hooks) and
// forgeries, and finds faults. Parents must be verified before their
// children (a forked child inherits its parent's key).
func (r *Recorder) verify(p *Proc) {
	p.Hooks, p.Forged, p.Faults, p.InFlight = nil, nil, nil, nil
	p.hookAt, p.forgedAt = nil, nil
	p.keys = make([]hook.Key, len(p.images))
	if p.from != nil && len(p.images) > 0 {
		if par := r.procs[p.from.parent]; par != nil && p.from.image >= 0 && p.from.image < len(par.keys) {
			p.keys[0] = par.keys[p.from.image]
		}
	}
	type genuine struct {
		rec      hook.Record
		img, idx int
		tid      int32
	}
	var valid []genuine
	seqs := make([]map[int64]bool, len(p.images))
	announced := make([]bool, len(p.images))
	for i, mk := range p.markers {
		f := Forgery{Proc: p.Key, Tid: mk.tid, Hash: hook.MarkerHash(mk.path)}
		dec, ok := hook.DecodeMarker(mk.path)
		if ok {
			f.Record = dec.Record
		}
		switch {
		case !ok:
			f.Reason = ForgedUndecodable
		case mk.image < 0:
			f.Reason = ForgedUnhooked
		default:
			img := mk.image
			im := p.images[img]
			if !announced[img] && im.trusted && !im.inherited && p.keys[img] == nil && mk.tid == p.Key.Tgid &&
				mk.flags&announceFlags == announceFlags && dec.Record.Seq == 1 {
				if k, ok := hook.KeyOf(dec.Record); ok {
					p.keys[img], announced[img] = k, true
					seqs[img] = map[int64]bool{1: true}
					continue
				}
			}
			k := p.keys[img]
			switch {
			case k == nil && !im.trusted:
				f.Reason = ForgedUnhooked
			case k == nil:
				f.Reason = ForgedNoKey
			case dec.Record.Kind == hook.KindKey:
				f.Reason = ForgedAnnouncement
			case !k.Verify(dec):
				f.Reason = ForgedProof
			case seqs[img][dec.Record.Seq]:
				f.Reason = ForgedReplay
				p.Faults = append(p.Faults, fmt.Sprintf("hook record %d of %s was sent twice (a replay)", dec.Record.Seq, p.describe()))
			default:
				if seqs[img] == nil {
					seqs[img] = map[int64]bool{}
				}
				seqs[img][dec.Record.Seq] = true
				valid = append(valid, genuine{dec.Record, img, i, mk.tid})
				continue
			}
		}
		p.Forged = append(p.Forged, f)
		p.forgedAt = append(p.forgedAt, i)
	}
	// Records are numbered without gaps: a missing number is a record
	// that never arrived.
	for img, s := range seqs {
		if len(s) == 0 {
			continue
		}
		lo, hi := int64(1), int64(0)
		for q := range s {
			hi = max(hi, q)
		}
		if p.images[img].inherited { // numbering goes on from the parent's
			lo = hi
			for q := range s {
				lo = min(lo, q)
			}
		}
		if missing := int(hi-lo+1) - len(s); missing > 0 {
			p.Faults = append(p.Faults, fmt.Sprintf("%d hook %s of %s never arrived (sequence numbers %d to %d)",
				missing, plural(missing, "record", "records"), p.describe(), lo, hi))
		}
	}
	// Records of things the stream shows did not happen.
	failed := map[int64]bool{} // child records whose call threw
	opened := map[string]bool{}
	for _, o := range p.Opens {
		opened[o.Path] = true
	}
	for _, g := range valid {
		if g.rec.Kind == "child" && g.rec.Op == "error" {
			if of, ok := g.rec.Detail["of"].(float64); ok {
				failed[int64(of)] = true
			}
		}
	}
	lastOnThread := map[int32]int{} // thread → index of the last marker it opened
	for i, mk := range p.markers {
		lastOnThread[mk.tid] = i
	}
	for i, g := range valid {
		why := ""
		if nodeBinaries[p.images[g.img].binary] {
			why = contradiction(g.rec, failed, opened, func() bool {
				next := len(p.markers)
				for _, h := range valid[i+1:] {
					if h.tid == g.tid && h.rec.Kind == "child" && childOps[h.rec.Op] {
						next = h.idx
						break
					}
				}
				return slices.ContainsFunc(p.clones, func(c cloneMark) bool { return c.tid == g.tid && c.at > g.idx && c.at <= next })
			})
		}
		if why != "" {
			f := Forgery{Proc: p.Key, Tid: g.tid, Record: g.rec, Reason: ForgedContradicted, Hash: hook.MarkerHash(p.markers[g.idx].path),
				Fault: fmt.Sprintf("hook record %d of %s (%s %s) is contradicted by the syscall stream: %s", g.rec.Seq, p.describe(), g.rec.Kind, g.rec.Op, why)}
			if g.idx == lastOnThread[g.tid] && p.killed() && p.batch == nil {
				// The last thing its thread sent before a SIGKILL: the
				// hook records a call before making it, so a kill in
				// between leaves a record of what never happened. Whether
				// that is a record in flight is the caller's to judge
				// (it knows who sent the kill); either way it explains
				// nothing. A batch process's stay forgeries, which its
				// windows are cut around (window.go).
				p.InFlight = append(p.InFlight, f)
				continue
			}
			p.Forged = append(p.Forged, f)
			p.forgedAt = append(p.forgedAt, g.idx)
			p.Faults = append(p.Faults, f.Fault)
			continue
		}
		p.Hooks = append(p.Hooks, g.rec)
		p.hookAt = append(p.hookAt, markerAt{idx: g.idx, image: g.img, tid: g.tid})
	}
}

// markerAt is where a genuine record is: its index among the process's
// markers, the image that sent it and the thread.
type markerAt struct {
	idx, image int
	tid        int32
}

// childOps are the hook's child-process records that start a process.
var childOps = map[string]bool{"spawn": true, "spawnSync": true, "exec": true, "execSync": true, "execFile": true, "execFileSync": true, "fork": true}

// contradiction says why a genuine record of a node process claims
// something its syscall stream shows did not happen, or "". Only what
// happens synchronously within the call is checked: a process started
// (every child_process call forks before it returns, unless it threw), a
// file a *Sync call opened.
func contradiction(r hook.Record, failed map[int64]bool, opened map[string]bool, forked func() bool) string {
	switch {
	case r.Kind == "child" && childOps[r.Op] && !failed[r.Seq]:
		if !forked() {
			return "no process was started"
		}
	case r.Kind == "fs" && (r.Op == "read" || r.Op == "write"):
		api, _ := r.Detail["api"].(string)
		p, _ := r.Detail["path"].(string)
		if trunc, _ := r.Detail["truncated"].(bool); trunc || !strings.HasSuffix(api, "Sync") || !path.IsAbs(p) {
			return ""
		}
		if !opened[path.Clean(p)] {
			return "the file " + path.Clean(p) + " was never opened"
		}
	}
	return ""
}

// killed reports whether the process ended by SIGKILL (its exit event's
// wait status).
func (p *Proc) killed() bool {
	return p.Exited && p.ExitStatus&0x7f == int32(unix.SIGKILL)
}

// describe names a process for messages: its program and pid.
func (p *Proc) describe() string {
	name := p.Name
	if len(p.Argv) > 0 {
		name = path.Base(p.Argv[0])
	}
	return fmt.Sprintf("process %d (%s)", p.Key.Tgid, name)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
