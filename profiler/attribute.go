package profiler

import (
	"cmp"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
)

// Marker is the argv word that tags a process started by depbox's in-sandbox
// runner: argv is `... Marker <phase> <dependency path>`, with "-" as the
// dependency of the bare reference process. Only direct children of the
// container's first process count, so sandboxed code cannot pose as one.
const Marker = "depbox:run"

// Reference is the dependency field of the bare-runtime reference process.
const Reference = "-"

// BatchTag begins the dependency field of a batch process, which loads
// many packages one after the other ("(batch)3"): its event stream is cut
// into one window per package by the loader's framing records (see
// Window).
const BatchTag = "(batch)"

// RunKey names one root process: a phase and a dependency install path.
type RunKey struct {
	Phase      string
	Dependency string
}

// Run is what one root process and its descendants did.
type Run struct {
	Key       RunKey
	Root      *Proc
	Processes int // processes in the tree, the root included
	// Exited and ExitStatus come from the root's exit event (a wait status).
	Exited     bool
	ExitStatus int32
	// Loaded are the install paths of other packages whose files the tree
	// opened (from the syscall stream, so undeclared requires count too).
	Loaded []string
	// All is everything the tree did; Own is All minus what the loaded
	// packages' own runs and the reference run did.
	All, Own *profile.Behavior
	// Hooks are the in-process hook's records of every process in the
	// tree, process by process in start order.
	Hooks []hook.Record
	// Forged are the tree's forged records and Faults where its records
	// and its syscall stream disagree (see Proc).
	Forged []Forgery
	Faults []string
	// InFlight are the tree's records in flight at a SIGKILL (see Proc).
	InFlight []Forgery
	// Swept are processes of the tree the caller knows depbox's runner
	// killed after their steps ended (detached, still running); set by
	// the caller, for judging InFlight.
	Swept []ProcKey
	// Procs are the processes of the tree, the root first.
	Procs []*Proc
	// Window is the batch window this run is, nil for a process of its
	// own; Batch is then the batch process's run key.
	Window *Window
	Batch  RunKey
	// Ambiguous says why a window may hold what is not its package's own
	// (empty: it holds only its own); the scan then loads the package in
	// a process of its own and takes that result.
	Ambiguous []string
	before    *Window // the window before in the batch process
}

// Attribution says how to read paths inside the sandbox.
type Attribution struct {
	// TaskRoot is where the bundle is mounted, e.g. "/var/task".
	TaskRoot string
	// Owner maps a bundle-relative file path (or an absolute one outside
	// the bundle, a layer's) to the install path of the package that
	// contains it ("" when none).
	Owner func(rel string) string
	// Known are the All behaviours of runs that are not in this stream
	// (results reused from an earlier scan), for subtraction.
	Known map[RunKey]*profile.Behavior
	// Loaded are packages runs loaded besides those whose files they
	// opened: a batch window's module tree, whose packages were in the
	// module cache already (the runner reports them).
	Loaded map[RunKey][]string
	// Skip are batch windows not to be made runs of: packages the scan
	// loaded again alone, whose behaviour comes in Known instead.
	Skip map[RunKey]bool
}

// Attribute finds the runner's root processes among procs, gathers each
// one's process tree and subtracts, per phase, the behaviour of the packages
// it loaded and of the bare reference process.
func Attribute(procs []*Proc, a Attribution) map[RunKey]*Run {
	byKey := make(map[ProcKey]*Proc, len(procs))
	for _, p := range procs {
		byKey[p.Key] = p
	}
	// The container's first process is the runner: the one without a parent
	// inside the sandbox.
	var init ProcKey
	for _, p := range procs {
		if _, ok := byKey[p.Parent]; !ok && p.Parent == (ProcKey{}) {
			init = p.Key
			break
		}
	}
	runs := map[RunKey]*Run{}
	rootOf := map[ProcKey]*Run{}
	for _, p := range procs {
		if p.Parent != init || init == (ProcKey{}) {
			continue
		}
		argv := p.Argv
		if p.batch != nil {
			argv = p.batch.argv
		}
		if k, ok := runKey(argv); ok {
			// The execute harness starts again after a call that ended its
			// process: every process of the key is one run (their records
			// and faults too), and the last one started is its root.
			r := runs[k]
			if r == nil {
				r = &Run{Key: k}
				runs[k] = r
			}
			r.Root = p
			rootOf[p.Key] = r
		}
	}
	// A batch process's windows are runs of their packages.
	var windows []*Run
	for _, k := range sortedKeys(runs) {
		if r := runs[k]; strings.HasPrefix(k.Dependency, BatchTag) {
			windows = append(windows, windowRuns(r, runs, rootOf, a.Skip)...)
		}
	}
	sets := map[RunKey]*itemSet{}
	for _, r := range windows {
		r.Processes, r.Procs, r.Hooks = 1, []*Proc{r.Root}, slices.Clone(r.Root.Hooks)
		s := newItemSet()
		s.addProc(r.Root, true, a)
		sets[r.Key] = s
	}
	// Assign every process to the run whose root is its ancestor.
	var find func(k ProcKey, depth int) *Run
	memo := map[ProcKey]*Run{}
	find = func(k ProcKey, depth int) *Run {
		if r, ok := rootOf[k]; ok {
			return r
		}
		if r, ok := memo[k]; ok {
			return r
		}
		p := byKey[k]
		if p == nil || depth > 1000 {
			return nil
		}
		r := find(p.Parent, depth+1)
		memo[k] = r
		return r
	}
	for _, p := range procs {
		r := find(p.Key, 0)
		if r == nil {
			continue
		}
		r.Processes++
		r.Procs = append(r.Procs, p)
		r.Hooks = append(r.Hooks, p.Hooks...)
		r.Forged = append(r.Forged, p.Forged...)
		r.Faults = append(r.Faults, p.Faults...)
		r.InFlight = append(r.InFlight, p.InFlight...)
		s := sets[r.Key]
		if s == nil {
			s = newItemSet()
			sets[r.Key] = s
		}
		_, root := rootOf[p.Key] // a run's root, or an earlier one of its key
		s.addProc(p, root, a)
	}
	for k, r := range runs {
		if r.Window == nil {
			r.Exited, r.ExitStatus = r.Root.Exited, r.Root.ExitStatus
		}
		s := sets[k]
		if s == nil {
			s = newItemSet()
			sets[k] = s
		}
		r.Loaded = s.loaded(k.Dependency)
		if extra := a.Loaded[k]; len(extra) > 0 {
			r.Loaded = append(r.Loaded, extra...)
			slices.Sort(r.Loaded)
			r.Loaded = slices.DeleteFunc(slices.Compact(r.Loaded), func(p string) bool { return p == k.Dependency })
		}
		r.All = s.behavior()
	}
	for k, b := range a.Known {
		if _, ok := sets[k]; !ok {
			sets[k] = itemSetOf(b)
		}
	}
	for k, r := range runs {
		own := sets[k].clone()
		for _, s := range subtrahends(r, sets) {
			own.subtract(s)
		}
		r.Own = own.behavior()
		if r.Window != nil {
			r.Ambiguous = ambiguity(r, sets, a)
		}
	}
	return runs
}

// subtrahends are the item sets subtracted from a run's: the reference
// run's and those of the packages it loaded.
func subtrahends(r *Run, sets map[RunKey]*itemSet) []*itemSet {
	k := r.Key
	var out []*itemSet
	if ref, ok := sets[RunKey{k.Phase, Reference}]; ok && k.Dependency != Reference {
		out = append(out, ref)
	}
	for _, dep := range r.Loaded {
		if s, ok := sets[RunKey{k.Phase, dep}]; ok {
			out = append(out, s)
		}
	}
	// A process that loads a package again to exercise it (the execute
	// phase) did at first what its import did: only the rest is new.
	if base, ok := importBase[k.Phase]; ok {
		for _, dep := range append([]string{k.Dependency, Reference}, r.Loaded...) {
			if s, ok := sets[RunKey{base, dep}]; ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func sortedKeys(runs map[RunKey]*Run) []RunKey {
	keys := make([]RunKey, 0, len(runs))
	for k := range runs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b RunKey) int {
		return cmp.Or(strings.Compare(a.Phase, b.Phase), strings.Compare(a.Dependency, b.Dependency))
	})
	return keys
}

// importBase names, for phases whose processes first import their package,
// the phase whose runs are subtracted as well.
var importBase = map[string]string{"execute": "import"}

func runKey(argv []string) (RunKey, bool) {
	i := slices.Index(argv, Marker)
	if i < 0 || i+2 >= len(argv) {
		return RunKey{}, false
	}
	return RunKey{Phase: argv[i+1], Dependency: argv[i+2]}, true
}

// itemSet is a set of normalised behaviour items keyed by a canonical string.
type itemSet struct {
	caps  map[string]bool
	files map[string]profile.File
	procs map[string]profile.Process
	net   map[string]profile.Endpoint
	// pkgs are the install paths whose files were opened successfully.
	pkgs map[string]bool
}

func newItemSet() *itemSet {
	return &itemSet{caps: map[string]bool{}, files: map[string]profile.File{}, procs: map[string]profile.Process{}, net: map[string]profile.Endpoint{}, pkgs: map[string]bool{}}
}

func (s *itemSet) clone() *itemSet {
	c := newItemSet()
	for k, v := range s.caps {
		c.caps[k] = v
	}
	for k, v := range s.files {
		c.files[k] = v
	}
	for k, v := range s.procs {
		c.procs[k] = v
	}
	for k, v := range s.net {
		c.net[k] = v
	}
	return c
}

func (s *itemSet) subtract(o *itemSet) {
	for k := range o.caps {
		delete(s.caps, k)
	}
	for k := range o.files {
		delete(s.files, k)
	}
	for k := range o.procs {
		delete(s.procs, k)
	}
	for k := range o.net {
		delete(s.net, k)
	}
}

func (s *itemSet) loaded(self string) []string {
	var out []string
	for p := range s.pkgs {
		if p != self {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func (s *itemSet) addProc(p *Proc, isRoot bool, a Attribution) {
	task := strings.TrimSuffix(a.TaskRoot, "/") + "/"
	for _, o := range p.Opens {
		// A package counts as loaded when a file of its own other than
		// package.json was read: Node reads the package.json of the package
		// scope around the requiring code without loading that package.
		owned := false
		if o.Read && !o.Write && a.Owner != nil && path.Base(o.Path) != "package.json" {
			if owner := a.Owner(strings.TrimPrefix(o.Path, task)); owner != "" {
				owned = true
				if o.OK > 0 {
					s.pkgs[owner] = true
				}
			}
		}
		// Reading a package's own files is loading it (Python's site
		// directories have no node_modules to tell them by).
		if owned || ignoredRead(o, a.TaskRoot) || devices[o.Path] || bootCache.MatchString(o.Path) {
			continue
		}
		f := profile.File{Path: NormalizePath(o.Path), Access: access(o), Failed: o.OK == 0}
		k := fileKey(f)
		if prev, ok := s.files[k]; ok {
			f.Failed = prev.Failed && f.Failed
		}
		s.files[k] = f
	}
	okArgv := map[string]bool{}
	for _, e := range p.Execs {
		if e.Result == "ok" {
			okArgv[strings.Join(e.Argv, "\x00")] = true
		}
	}
	for _, e := range p.Execs {
		if isRoot && slices.Contains(e.Argv, Marker) {
			continue // the runner starting this process
		}
		if e.Result != "ok" && okArgv[strings.Join(e.Argv, "\x00")] {
			continue // a PATH search before the exec that worked
		}
		if e.Result == "ok" && path.Base(e.Path) == "node" && !e.Hooked {
			// A node started without the hook in its environment (env -i,
			// a replaced NODE_OPTIONS): only this stream sees it.
			s.caps[CapUnhookedKid] = true
		}
		pr := profile.Process{Argv: normalizeArgv(e.Argv), Binary: NormalizePath(e.Path), Result: e.Result}
		s.procs[procKey(pr)] = pr
	}
	for _, k := range p.Socks {
		if k.Protocol == "unspec" || resolverNoise(k) {
			continue // a UDP "disconnect"; the C resolver's own plumbing
		}
		ep := profile.Endpoint{Address: k.Address, Port: k.Port, Protocol: k.Protocol, Op: k.Op, Result: k.Result}
		if ep.Op == "connect" {
			ep.Op = "" // the default
		}
		if ep.Result == "ok" {
			ep.Result = "" // the default
		}
		s.net[netKey(ep)] = ep
	}
}

// itemSetOf turns a behaviour back into the items it was made of (the keys
// are those addProc makes).
func itemSetOf(b *profile.Behavior) *itemSet {
	s := newItemSet()
	if b == nil {
		return s
	}
	for _, c := range b.Capabilities {
		s.caps[c] = true
	}
	for _, f := range b.Files {
		s.files[fileKey(f)] = f
	}
	for _, pr := range b.Processes {
		s.procs[procKey(pr)] = pr
	}
	for _, ep := range b.Network {
		s.net[netKey(ep)] = ep
	}
	return s
}

func (s *itemSet) behavior() *profile.Behavior {
	b := &profile.Behavior{}
	for c := range s.caps {
		b.Capabilities = append(b.Capabilities, c)
	}
	for _, f := range s.files {
		b.Files = append(b.Files, f)
	}
	for _, p := range s.procs {
		b.Processes = append(b.Processes, p)
	}
	for _, e := range s.net {
		b.Network = append(b.Network, e)
	}
	b.Canonicalize()
	return b
}

func access(o *Open) string {
	switch {
	case o.Read && o.Write:
		return profile.AccessReadWrite
	case o.Write:
		return profile.AccessWrite
	default:
		return profile.AccessRead
	}
}

// resolverNoise is glibc's resolver talking to its own machinery while it
// looks a name up: the netlink socket it lists interfaces with, nscd, and
// the fake DNS server itself. The names asked for are reported as DNS.
func resolverNoise(k Sock) bool {
	return k.Protocol == "netlink" || k.Address == "/var/run/nscd/socket" ||
		(k.Address == "127.0.0.1" && k.Port == 53)
}

// devices are character devices whose opens say nothing about a package.
var devices = map[string]bool{"/dev/null": true, "/dev/zero": true, "/dev/urandom": true, "/dev/random": true, "/dev/tty": true, "/dev/full": true}

// loaderPrefixes are read by the dynamic loader and the runtime itself when
// any program starts; reads there say nothing about a dependency.
var loaderPrefixes = []string{"/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/etc/ld.so.cache", "/etc/ld.so.preload", "/depbox/",
	// V8 reads this when it reserves address space for a large heap or
	// buffer, whichever package's allocation triggered it.
	"/proc/sys/vm/overcommit_memory"}

// ignoredRead reports reads that are module loading or program loading,
// not behaviour: files inside node_modules (a package loading code, and
// Node's resolution probing parent directories), shared libraries, and
// depbox's own files. Writes are never ignored.
func ignoredRead(o *Open, taskRoot string) bool {
	if o.Write {
		return false
	}
	// The dynamic loader probing its search path (LD_LIBRARY_PATH, hwcaps
	// subdirectories) for a shared library; a library actually loaded from
	// an unusual place is kept.
	if o.OK == 0 && sharedLib.MatchString(path.Base(o.Path)) {
		return true
	}
	if slices.Contains(strings.Split(o.Path, "/"), "node_modules") {
		return true
	}
	for _, p := range loaderPrefixes {
		if strings.HasPrefix(o.Path, p) {
			return true
		}
	}
	// Node looks for package.json scope files in the directories above a
	// module (outside the bundle these never exist), and probes NODE_PATH
	// directories for packages that are not there.
	if path := o.Path; strings.HasSuffix(path, "/package.json") && (o.OK == 0 || !strings.HasPrefix(path, strings.TrimSuffix(taskRoot, "/")+"/")) {
		return true
	}
	return false
}

var (
	// bootCache is the byte code CPython caches of depbox's own
	// sitecustomize (sandbox.PythonBoot), which the root file system cannot
	// ship compiled: any python3 a package starts writes it.
	bootCache = regexp.MustCompile(`^/usr/lib/python3\.[0-9]+/__pycache__/sitecustomize\.cpython-[0-9]+\.pyc(\.[0-9]+)?$`)
	sharedLib = regexp.MustCompile(`\.so(\.[0-9]+)*$`)
	procPid   = regexp.MustCompile(`^/proc/\d+(/|$)`)
	taskTid   = regexp.MustCompile(`/task/\d+(/|$)`)
	randomish = regexp.MustCompile(`\d{3,}|[0-9a-fA-F]{8,}|[A-Za-z0-9]{6,}\d[A-Za-z0-9]*\d`)
)

// NormalizePath masks what changes from run to run: pids and tids under
// /proc, and temp-file names (components with long digit or hex runs) under
// /tmp.
func NormalizePath(p string) string {
	if p == "" {
		return p
	}
	p = procPid.ReplaceAllString(p, "/proc/PID$1")
	if strings.HasPrefix(p, "/proc/") {
		p = taskTid.ReplaceAllString(p, "/task/TID$1")
	}
	if strings.HasPrefix(p, "/tmp/") {
		parts := strings.Split(p, "/")
		for i := 2; i < len(parts); i++ {
			if randomish.MatchString(parts[i]) {
				parts[i] = "*"
			}
		}
		p = strings.Join(parts, "/")
	}
	return p
}

func normalizeArgv(argv []string) []string {
	out := make([]string, len(argv))
	for i, a := range argv {
		if strings.HasPrefix(a, "/tmp/") || strings.HasPrefix(a, "/proc/") {
			a = NormalizePath(a)
		}
		out[i] = a
	}
	return out
}

// The keys of an itemSet: addProc and itemSetOf must make the same ones,
// or a cached run's behaviour would not subtract.
func fileKey(f profile.File) string { return f.Path + "\x00" + f.Access }

func procKey(p profile.Process) string {
	return strings.Join(p.Argv, "\x00") + "\x00\x00" + p.Binary + "\x00" + p.Result
}

func netKey(e profile.Endpoint) string {
	return e.Op + "\x00" + e.Protocol + "\x00" + e.Address + "\x00" + strconv.Itoa(e.Port) + "\x00" + e.Result
}

// Subtree is a process a run's root started, with everything it and its
// descendants did.
type Subtree struct {
	Root     *Proc
	Argv     []string // argv of its first exec
	Behavior *profile.Behavior
}

// Split divides a run into what its root process did itself and the
// subtrees of the processes it started, so that each subtree can be given
// to the package that started it.
func Split(run *Run, a Attribution) (root *profile.Behavior, subtrees []Subtree) {
	children := map[ProcKey][]*Proc{}
	for _, p := range run.Procs {
		children[p.Parent] = append(children[p.Parent], p)
	}
	rs := newItemSet()
	rs.addProc(run.Root, true, a)
	for _, c := range children[run.Root.Key] {
		s := newItemSet()
		var walk func(p *Proc, depth int)
		walk = func(p *Proc, depth int) {
			if depth > 1000 {
				return
			}
			s.addProc(p, false, a)
			for _, cc := range children[p.Key] {
				walk(cc, depth+1)
			}
		}
		walk(c, 0)
		argv := c.Argv
		if len(c.Execs) > 0 {
			argv = c.Execs[0].Argv
		}
		subtrees = append(subtrees, Subtree{Root: c, Argv: argv, Behavior: s.behavior()})
	}
	return rs.behavior(), subtrees
}
