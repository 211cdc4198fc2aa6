package scan

import (
	"encoding/json"
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// CallArgs are the values the execute phase passes to a package's exported
// functions (execute.js builds its argument sets from them). Names and URLs
// are under .invalid, which can never be a real host: a package that
// contacts them does what its caller asked.
type CallArgs struct {
	// Host is the plain string argument: a name, an id, a host, a file name.
	Host string `json:"host"`
	// URL is the URL argument (on Host).
	URL string `json:"url"`
	// File is the absolute file path argument.
	File string `json:"file"`
}

// callArgs are the execute phase's generated values.
var callArgs = CallArgs{
	Host: "depbox-call.invalid",
	URL:  "https://depbox-call.invalid/api?q=1",
	File: "/tmp/depbox-call-input.txt",
}

func (a CallArgs) json() string {
	b, _ := json.Marshal(a)
	return string(b)
}

// targets are what behaviour directed by the generated values looks like
// for a process whose working directory is cwd: the host (and names under
// it), and the paths the string values name, relative ones resolved
// against cwd.
type targets struct {
	host  string
	vals  []string
	paths []string
	cwd   string
}

func (a CallArgs) targets(cwd string) targets {
	t := targets{host: a.Host, vals: []string{a.Host, a.URL, a.File}, cwd: path.Clean(cwd)}
	for _, v := range t.vals {
		p := v
		if !path.IsAbs(p) {
			p = path.Join(cwd, p)
		}
		t.paths = append(t.paths, profiler.NormalizePath(path.Clean(p)))
	}
	return t
}

func (t targets) hostDirected(h string) bool {
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	return h != "" && (h == t.host || strings.HasSuffix(h, "."+t.host))
}

// fileDirected reports whether a file path is one a generated value names,
// something inside it (a directory the caller named), or a directory made
// on the way to it below the working directory.
func (t targets) fileDirected(p string) bool {
	p = path.Clean(p)
	for _, r := range t.paths {
		if p == r || strings.HasPrefix(p, r+"/") || (strings.HasPrefix(r, p+"/") && strings.HasPrefix(p, t.cwd+"/")) {
			return true
		}
	}
	return false
}

// processDirected reports whether a process runs a generated value as its
// program or as a shell's whole command.
func (t targets) processDirected(pr profile.Process) bool {
	argv := pr.Argv
	if len(argv) == 0 {
		return false
	}
	if slices.Contains(t.vals, argv[0]) || slices.Contains(t.vals, path.Base(argv[0])) {
		return true
	}
	return len(argv) == 3 && argv[1] == "-c" && slices.Contains(t.vals, argv[2])
}

// markCallerDirected moves, in the execute phase of each executed package,
// the behaviour whose target came from the generated arguments into
// CallerDirected: DNS names and connections to the generated host, files
// the generated values name, programs they name. Exfiltration stays where
// it is: a canary sent to a caller-given URL is still stolen.
func markCallerDirected(p *profile.Profile, execute []string, a CallArgs) {
	for _, ip := range execute {
		d := p.Dependency(ip)
		if d == nil || d.Phases[profile.PhaseExecute] == nil {
			continue
		}
		b := d.Phases[profile.PhaseExecute]
		dir := plan.TaskRoot // a Python distribution's process runs there
		if strings.Contains(ip, "node_modules/") {
			dir, _ = resolveFrom(ip)
		}
		t := a.targets(dir)
		directed := &profile.Behavior{}
		t.split(b, directed)
		if b.Unattributed != nil {
			t.split(b.Unattributed, directed)
		}
		// The fake internet's log of a name no hook record explains lands
		// on the function's process; a generated name can only have come
		// from this call (an audit executes one package).
		if app := p.App; app != nil && len(execute) == 1 {
			for _, ab := range app.Phases {
				if ab != nil && ab.Unattributed != nil {
					t.split(ab.Unattributed, directed)
					ab.Canonicalize()
				}
			}
		}
		if !directed.Empty() {
			if b.CallerDirected == nil {
				b.CallerDirected = &profile.Behavior{}
			}
			merge(b.CallerDirected, directed)
		}
		b.Canonicalize()
	}
}

// split moves b's caller-directed items to out.
func (t targets) split(b, out *profile.Behavior) {
	b.DNS = slices.DeleteFunc(b.DNS, func(q profile.DNSQuery) bool {
		if t.hostDirected(q.Name) {
			out.DNS = append(out.DNS, q)
			return true
		}
		return false
	})
	b.Network = slices.DeleteFunc(b.Network, func(e profile.Endpoint) bool {
		if t.hostDirected(e.Host) {
			out.Network = append(out.Network, e)
			return true
		}
		return false
	})
	b.Files = slices.DeleteFunc(b.Files, func(f profile.File) bool {
		if t.fileDirected(f.Path) {
			out.Files = append(out.Files, f)
			return true
		}
		return false
	})
	b.Processes = slices.DeleteFunc(b.Processes, func(pr profile.Process) bool {
		if t.processDirected(pr) {
			out.Processes = append(out.Processes, pr)
			return true
		}
		return false
	})
}

// withoutImport removes from an execute phase's hook-only behaviour the
// environment names, DNS names and capabilities that the import phase of
// the package, or of a package it loaded, already shows: the execute
// process loads them again before it calls anything.
func withoutImport(b *profile.Behavior, p *profile.Profile, d *profile.Dependency, loaded []string) {
	env, dns, caps := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, path := range append([]string{d.Path}, loaded...) {
		dep := p.Dependency(path)
		if dep == nil || dep.Phases[profile.PhaseImport] == nil {
			continue
		}
		imp := dep.Phases[profile.PhaseImport]
		for _, e := range imp.Env {
			env[e] = true
		}
		for _, q := range imp.DNS {
			dns[q.Name] = true
		}
		for _, c := range imp.Capabilities {
			caps[c] = true
		}
	}
	b.Env = slices.DeleteFunc(b.Env, func(e string) bool { return env[e] })
	b.DNS = slices.DeleteFunc(b.DNS, func(q profile.DNSQuery) bool { return dns[q.Name] })
	b.Capabilities = slices.DeleteFunc(b.Capabilities, func(c string) bool { return caps[c] })
}
