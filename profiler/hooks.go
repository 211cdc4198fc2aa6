package profiler

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
)

// Capabilities named in profiles, from hook records.
const (
	CapEval         = "eval"
	CapNative       = "native-addon"
	CapChild        = "child_process"
	CapBinding      = "process.binding"
	CapWorker       = "worker"
	CapNetwork      = "network"
	CapTamper       = "hook-tamper"
	CapEnvEnumerate = "env-enumerate"
	CapUnhookedKid  = "unhooked-child"
	// CapRemoteCode is code fetched from the network and then evaluated
	// (eval, a command line), seen by the fake internet's marker in it;
	// set by the scan, which knows the marker.
	CapRemoteCode = "remote-code"
)

// EnvAll stands in Behavior.Env for an enumeration of the whole environment.
const EnvAll = "*"

// Outgoing is data a package sent out, for canary search: a request or
// socket body, a DNS name, a child's argv, a written file's content.
type Outgoing struct {
	Pkg         string
	Phase       string
	Channel     string // "network", "dns", "argv", "file"
	Destination string
	Data        []byte
}

// Folded is what hook records say, per package.
type Folded struct {
	// Behaviors by install path; "" is the function's own code and
	// hook.Unknown is behaviour nobody could be named for.
	Behaviors map[string]*profile.Behavior
	Outgoing  []Outgoing
	// Explained are the file paths, hosts and programs some record
	// accounts for, to tell attributed syscalls from unattributed ones.
	Explained map[string]bool
	// Evaluated is code a package compiled at run time (eval, new
	// Function, vm, Module#_compile): Channel is how, Data the start of the
	// code.
	Evaluated []Outgoing
}

// Fold turns hook records of one process into per-package behaviour.
// taskRoot makes relative paths absolute.
func Fold(recs []hook.Record, phase, taskRoot string) *Folded {
	return FoldTree([][]hook.Record{recs}, phase, taskRoot)
}

// FoldTree is Fold for the records of a process tree, process by process:
// each process numbers its records from 1, so the data a record carries
// (hook.JoinData) is joined within its own process.
func FoldTree(procs [][]hook.Record, phase, taskRoot string) *Folded {
	f := &Folded{Behaviors: map[string]*profile.Behavior{}, Explained: map[string]bool{}}
	type withData struct {
		hook.Record
		data map[int64][]byte // its process's joined data, by sequence number
	}
	var recs []withData
	for _, pr := range procs {
		data := hook.JoinData(pr)
		for _, r := range pr {
			recs = append(recs, withData{r, data})
		}
	}
	invocation := 0
	writtenIn := map[string]int{} // /tmp path → invocation that wrote it
	writer := map[string]string{}
	tf := newTimerFold()
	for _, nr := range recs {
		r, data := nr.Record, nr.data
		tf.observe(r, taskRoot)
		// The hook already names the scheduling package when no package
		// frame is on the stack; an empty Pkg with an origin is the
		// function's own code called back by a package (a route handler).
		pkg := r.Pkg
		b := f.Behaviors[pkg]
		if b == nil {
			b = &profile.Behavior{}
			f.Behaviors[pkg] = b
		}
		d := r.Detail
		switch r.Kind {
		case "env":
			switch r.Op {
			case "enumerate":
				b.Env = append(b.Env, EnvAll)
				b.Capabilities = append(b.Capabilities, CapEnvEnumerate)
			default:
				if n := str(d, "name"); n != "" {
					b.Env = append(b.Env, n)
				}
			}
		case "fs":
			p := absPath(str(d, "path", "file"), taskRoot)
			if p == "" {
				continue
			}
			f.Explained["file\x00"+p] = true
			f.Explained["file\x00"+NormalizePath(p)] = true // as the syscall side names it
			acc := fsAccess(r.Op)
			b.Files = append(b.Files, profile.File{Path: NormalizePath(p), Access: acc})
			if dd := data[r.Seq]; acc == profile.AccessWrite && len(dd) > 0 {
				f.Outgoing = append(f.Outgoing, Outgoing{pkg, phase, "file", NormalizePath(p), dd})
			}
			if strings.HasPrefix(p, "/tmp/") && invocation > 0 {
				switch acc {
				case profile.AccessWrite, profile.AccessReadWrite:
					if _, ok := writtenIn[p]; !ok {
						writtenIn[p], writer[p] = invocation, pkg
					}
				case profile.AccessRead:
					if w, ok := writtenIn[p]; ok && w < invocation {
						pr := profile.Persistence{Path: NormalizePath(p), WrittenIn: w, ReadIn: invocation}
						b.Persistence = append(b.Persistence, pr)
						if wb := f.Behaviors[writer[p]]; wb != nil && writer[p] != pkg {
							wb.Persistence = append(wb.Persistence, pr)
						}
					}
				}
			}
		case "dns":
			name := strings.TrimSuffix(strings.ToLower(str(d, "hostname", "host", "name")), ".")
			if name == "" {
				continue
			}
			f.Explained["dns\x00"+name] = true
			b.DNS = append(b.DNS, profile.DNSQuery{Name: name, Type: str(d, "rrtype", "type")})
			// The canary search reads names case-insensitively, across labels
			// and across the queries of one package (canary.FindNames).
			f.Outgoing = append(f.Outgoing, Outgoing{pkg, phase, "dns", name, []byte(name)})
		case "net", "http":
			host := strings.ToLower(str(d, "host", "hostname", "servername", "address"))
			port := num(d, "port")
			if r.Op == "connect" || r.Op == "request" || r.Op == "fetch" {
				if host != "" || port != 0 {
					f.Explained["net\x00"+host+"\x00"+strconv.Itoa(port)] = true
					ep := profile.Endpoint{Host: host, Port: port, Protocol: "tcp"}
					if isIP(host) {
						ep.Address, ep.Host = host, ""
					}
					if sock := str(d, "path"); sock != "" && r.Kind == "net" && port == 0 {
						ep = profile.Endpoint{Address: sock, Protocol: "unix"}
					}
					b.Network = append(b.Network, ep)
				}
				b.Capabilities = append(b.Capabilities, CapNetwork)
			}
			if r.Op == "bind" && r.Kind == "net" {
				// A listening or probing socket (Python's urllib3 binds
				// ::1 to test for IPv6): explained, not a peer.
				f.Explained["net\x00"+host+"\x00"+strconv.Itoa(port)] = true
				b.Network = append(b.Network, profile.Endpoint{Address: host, Port: port, Protocol: "tcp", Op: "bind"})
			}
			dest := host
			if port != 0 {
				dest = fmt.Sprintf("%s:%d", host, port)
			}
			if dd := data[r.Seq]; len(dd) > 0 {
				f.Outgoing = append(f.Outgoing, Outgoing{pkg, phase, "network", dest, dd})
			}
			f.Outgoing = append(f.Outgoing, requestTarget(r, d, pkg, phase, dest)...)
		case "child":
			argv := strs(d, "argv")
			file := str(d, "file", "command")
			switch shell, _ := d["shell"].(bool); {
			case shell && file != "" && (len(argv) == 0 || !strings.HasSuffix(argv[0], "sh")):
				argv = append([]string{"/bin/sh", "-c", file}, argv...)
			case len(argv) == 0 && file != "":
				argv = []string{file}
			case !shell && file != "" && path.Base(argv[0]) != path.Base(file):
				argv = append([]string{file}, argv...)
			}
			if len(argv) > 0 {
				f.Explained["exec\x00"+path.Base(argv[0])] = true
				b.Processes = append(b.Processes, profile.Process{Argv: argv})
				f.Outgoing = append(f.Outgoing, Outgoing{pkg, phase, "argv", argv[0], []byte(strings.Join(argv, " "))})
			}
			b.Capabilities = append(b.Capabilities, CapChild)
			if v, _ := d["env_replaced"].(bool); v {
				if restored, _ := d["hook_restored"].(bool); !restored {
					b.Capabilities = append(b.Capabilities, CapUnhookedKid)
				}
			}
		case "worker":
			b.Capabilities = append(b.Capabilities, CapWorker)
		case "eval":
			b.Capabilities = append(b.Capabilities, CapEval)
			f.Evaluated = append(f.Evaluated, Outgoing{pkg, phase, r.Op, str(d, "filename", "source_url", "url"), []byte(str(d, "code"))})
		case "native":
			b.Capabilities = append(b.Capabilities, CapNative)
		case "binding":
			b.Capabilities = append(b.Capabilities, CapBinding)
		case "tamper":
			b.Capabilities = append(b.Capabilities, CapTamper)
		case "timer":
			tf.timer(pkg, r)
		case "world":
			b.WorldSignals = append(b.WorldSignals, WorldSignals(r.Op)...)
		case "signal":
			b.Signals = append(b.Signals, profile.Signal{Target: str(d, "target"), Signal: str(d, "signal"), Result: str(d, "result")})
		case "invoke":
			switch r.Op {
			case "start":
				invocation = num(d, "n") + 1 // the harness counts from 0; profiles from 1
			case "quiet":
				invocation = num(d, "to") + 1
			}
		}
	}
	tf.into(f.Behaviors)
	for k, b := range f.Behaviors {
		b.Canonicalize()
		if b.Empty() {
			delete(f.Behaviors, k)
		}
	}
	return f
}

// EndedBy names who the hook saw ending a process early: the install path
// of the last process.exit, reallyExit, abort or signal to itself (or its
// group) among recs ("." for the function's own code); "" when none was
// seen, or nobody could be named.
func EndedBy(recs []hook.Record) string {
	for i := len(recs) - 1; i >= 0; i-- {
		r := recs[i]
		if r.Kind == "exit" || r.Kind == "signal" && (str(r.Detail, "target") == "self" || str(r.Detail, "target") == "group") {
			switch r.Pkg {
			case hook.Unknown:
				return ""
			case "":
				return "."
			}
			return r.Pkg
		}
	}
	return ""
}

// fsAccess maps the hook's fs operation to a profile access.
func fsAccess(op string) string {
	switch op {
	case "write", "append", "create", "mkdir", "rename", "copy", "symlink", "link", "touch", "chmod", "chown", "truncate":
		return profile.AccessWrite
	case "delete", "unlink", "rmdir", "rm":
		return profile.AccessDelete
	case "stat", "access", "exists":
		return profile.AccessStat
	case "list", "readdir", "opendir":
		return profile.AccessList
	case "open-rw":
		return profile.AccessReadWrite
	default:
		return profile.AccessRead
	}
}

func absPath(p, root string) string {
	if p == "" {
		return ""
	}
	if strings.HasPrefix(p, "file://") {
		p = strings.TrimPrefix(p, "file://")
	}
	if !path.IsAbs(p) {
		p = path.Join(root, p)
	}
	return path.Clean(p)
}

func str(d map[string]any, keys ...string) string {
	for _, k := range keys {
		if v, ok := d[k]; ok {
			switch x := v.(type) {
			case string:
				if x != "" {
					return x
				}
			case float64:
				return strconv.FormatFloat(x, 'f', -1, 64)
			}
		}
	}
	return ""
}

func num(d map[string]any, key string) int {
	switch x := d[key].(type) {
	case float64:
		return int(x)
	case string:
		n, _ := strconv.Atoi(x)
		return n
	}
	return 0
}

func strs(d map[string]any, key string) []string {
	l, _ := d[key].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func isIP(s string) bool {
	if s == "" {
		return false
	}
	return strings.Count(s, ".") == 3 && strings.Trim(s, "0123456789.") == "" || strings.Contains(s, ":")
}
