package scan

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// readFakeNet reads what the fake internet saw in one run.
func readFakeNet(path string) ([]fakenet.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []fakenet.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 4<<20)
	for sc.Scan() {
		var r fakenet.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("decoding the fake internet's log: %w", err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// merge adds what src says to dst (both behaviours of one package and phase).
func merge(dst, src *profile.Behavior) {
	if src == nil {
		return
	}
	dst.Files = append(dst.Files, src.Files...)
	dst.Env = append(dst.Env, src.Env...)
	dst.Network = append(dst.Network, src.Network...)
	dst.DNS = append(dst.DNS, src.DNS...)
	dst.Processes = append(dst.Processes, src.Processes...)
	dst.Capabilities = append(dst.Capabilities, src.Capabilities...)
	dst.Exfiltration = append(dst.Exfiltration, src.Exfiltration...)
	dst.Persistence = append(dst.Persistence, src.Persistence...)
	dst.Timers = append(dst.Timers, src.Timers...)
	if !src.Unattributed.Empty() {
		if dst.Unattributed == nil {
			dst.Unattributed = &profile.Behavior{}
		}
		merge(dst.Unattributed, src.Unattributed)
	}
}

// exfil searches outgoing data for canary values.
func exfil(c *canary.Set, out []profiler.Outgoing) map[string][]profile.Exfil {
	found := map[string][]profile.Exfil{}
	for _, o := range out {
		for _, m := range c.Find(o.Data) {
			found[o.Pkg] = append(found[o.Pkg], profile.Exfil{Canary: m.Canary, Channel: o.Channel, Destination: o.Destination, Encoding: m.Encoding})
		}
	}
	return found
}

// argvOutgoing is the command lines of programs started, for canary search.
func argvOutgoing(pkg, phase string, procs []profile.Process) []profiler.Outgoing {
	out := make([]profiler.Outgoing, 0, len(procs))
	for _, pr := range procs {
		out = append(out, profiler.Outgoing{Pkg: pkg, Phase: phase, Channel: "argv", Destination: pr.Binary, Data: []byte(strings.Join(pr.Argv, " "))})
	}
	return out
}

// hookOnly keeps what only the hook can see, or sees better than the
// syscall stream of a process that belongs to one package: environment
// reads, DNS names, capabilities, timers, named network peers, and file
// accesses that open() does not show (stat, list, delete).
func hookOnly(b *profile.Behavior) *profile.Behavior {
	out := &profile.Behavior{Env: b.Env, DNS: b.DNS, Capabilities: b.Capabilities, Timers: b.Timers, Persistence: b.Persistence}
	for _, f := range b.Files {
		switch f.Access {
		case profile.AccessStat, profile.AccessList, profile.AccessDelete:
			out.Files = append(out.Files, f)
		}
	}
	for _, n := range b.Network {
		if n.Host != "" {
			out.Network = append(out.Network, n)
		}
	}
	return out
}

// without removes from b the environment names and capabilities the
// reference process shows: the runtime's own reads.
func without(b, ref *profile.Behavior) {
	if ref == nil {
		return
	}
	drop := map[string]bool{}
	for _, e := range ref.Env {
		drop[e] = true
	}
	env := b.Env[:0]
	for _, e := range b.Env {
		if !drop[e] {
			env = append(env, e)
		}
	}
	b.Env = env
}

// applyRecords folds the hook's records and the fake internet's log into the
// profile: per-package behaviour for the import and install runs (whose
// processes belong to one package), the invoke run split by package, canary
// exfiltration on every channel, and what no record explains as unattributed.
func applyRecords(p *profile.Profile, runs map[profiler.RunKey]*profiler.Run, fake []fakenet.Record, c *canary.Set) {
	defer nameSinkholes(p, fake)
	var refEnv *profile.Behavior
	if ref, ok := runs[profiler.RunKey{Phase: profile.PhaseImport, Dependency: profiler.Reference}]; ok {
		refEnv = allOf(profiler.Fold(ref.Hooks, profile.PhaseImport, plan.TaskRoot))
	}
	explainedDNS := map[string]bool{}
	for i := range p.Dependencies {
		d := &p.Dependencies[i]
		for _, phase := range []string{profile.PhaseInstall, profile.PhaseStartup, profile.PhaseImport} {
			run, ok := runs[profiler.RunKey{Phase: phase, Dependency: d.Path}]
			beh := d.Phases[phase]
			if !ok || beh == nil {
				continue
			}
			f := profiler.Fold(run.Hooks, phase, plan.TaskRoot)
			for k := range f.Explained {
				if name, ok := strings.CutPrefix(k, "dns\x00"); ok {
					explainedDNS[name] = true
				}
			}
			var own *profile.Behavior
			if phase == profile.PhaseInstall {
				own = allOf(f) // the whole tree runs this package's scripts
			} else {
				own = f.Behaviors[d.Path]
			}
			if own != nil {
				h := hookOnly(own)
				without(h, refEnv)
				merge(beh, h)
			}
			var out []profiler.Outgoing
			for _, o := range f.Outgoing {
				if phase == profile.PhaseInstall || o.Pkg == d.Path {
					o.Pkg = d.Path
					out = append(out, o)
				}
			}
			// Programs started by the package's process tree, from the syscall stream.
			out = append(out, argvOutgoing(d.Path, phase, beh.Processes)...)
			merge(beh, &profile.Behavior{Exfiltration: exfil(c, out)[d.Path]})
		}
	}
	if run, ok := runs[profiler.RunKey{Phase: profile.PhaseInvoke, Dependency: Function}]; ok {
		applyInvoke(p, run, c, explainedDNS, refEnv, sinkholeNames(fake))
	}
	applyFakeNet(p, fake, c, explainedDNS)
	p.EachBehavior(func(b *profile.Behavior) {
		dedupeProcesses(b)
		b.Canonicalize()
	})
}

// dedupeProcesses drops a hook-reported process (no binary, no result) when
// the syscall stream reports the same argv: the latter says more.
func dedupeProcesses(b *profile.Behavior) {
	seen := map[string]bool{}
	for _, p := range b.Processes {
		if p.Binary != "" {
			seen[strings.Join(p.Argv, "\x00")] = true
		}
	}
	out := b.Processes[:0]
	for _, p := range b.Processes {
		if p.Binary == "" && seen[strings.Join(p.Argv, "\x00")] {
			continue
		}
		out = append(out, p)
	}
	b.Processes = out
}

// allOf unions every package's behaviour of a fold.
func allOf(f *profiler.Folded) *profile.Behavior {
	b := &profile.Behavior{}
	for _, x := range f.Behaviors {
		merge(b, x)
	}
	b.Canonicalize()
	return b
}

// appPhase returns the function's own behaviour in a phase.
func appPhase(p *profile.Profile, phase string) *profile.Behavior {
	if p.App == nil {
		p.App = &profile.Dependency{Name: p.Bundle.Name, Path: ".", Phases: map[string]*profile.Behavior{}}
	}
	b := p.App.Phases[phase]
	if b == nil {
		b = &profile.Behavior{}
		p.App.Phases[phase] = b
	}
	return b
}

// applyInvoke splits the function's process by package with the hook's
// records; syscalls no record explains are the process's unattributed.
func applyInvoke(p *profile.Profile, run *profiler.Run, c *canary.Set, explainedDNS map[string]bool, refEnv *profile.Behavior, sinkholes map[string]string) {
	f := profiler.Fold(run.Hooks, profile.PhaseInvoke, plan.TaskRoot)
	for k := range f.Explained {
		if name, ok := strings.CutPrefix(k, "dns\x00"); ok {
			explainedDNS[name] = true
		}
	}
	found := exfil(c, f.Outgoing)
	for pkg, b := range f.Behaviors {
		b.Exfiltration = append(b.Exfiltration, found[pkg]...)
		without(b, refEnv)
		switch d := p.Dependency(pkg); {
		case d != nil:
			if d.Phases == nil {
				d.Phases = map[string]*profile.Behavior{}
			}
			d.Phases[profile.PhaseInvoke] = b
		case pkg == "":
			merge(appPhase(p, profile.PhaseInvoke), b)
		default: // hook.Unknown, or a path outside the inventory
			app := appPhase(p, profile.PhaseInvoke)
			if app.Unattributed == nil {
				app.Unattributed = &profile.Behavior{}
			}
			merge(app.Unattributed, b)
		}
	}
	for pkg, ex := range found {
		if _, ok := f.Behaviors[pkg]; !ok && len(ex) > 0 {
			merge(appPhase(p, profile.PhaseInvoke), &profile.Behavior{Exfiltration: ex})
		}
	}
	// The syscall stream is the ground truth: what no record explains stays,
	// as the function process's unattributed behaviour. Processes the
	// function started belong, with their descendants, to the package whose
	// child-process record names them.
	rootB, subtrees := profiler.Split(run, profiler.Attribution{TaskRoot: plan.TaskRoot})
	un := &profile.Behavior{}
	for _, fl := range rootB.Files {
		// Reads are left out (the runtime reads files of its own that no
		// fs call explains), except of the bait files.
		if !f.Explained["file\x00"+fl.Path] && (fl.Access != profile.AccessRead || isBait(fl.Path)) {
			un.Files = append(un.Files, fl)
		}
	}
	for _, n := range rootB.Network {
		if n.Protocol == "unix" {
			continue
		}
		host := n.Address
		if name, ok := sinkholes[n.Address]; ok {
			host = name // a fake-internet address stands for this name
		} else if strings.HasPrefix(n.Address, "127.") {
			continue // loopback inside the sandbox: the fake DNS server and the like
		}
		if f.Explained["net\x00"+host+"\x00"+strconv.Itoa(n.Port)] {
			continue
		}
		un.Network = append(un.Network, n)
	}
	for _, st := range subtrees {
		owner, found := childOwner(run.Hooks, st.Argv)
		b := st.Behavior
		b.Exfiltration = append(b.Exfiltration, exfil(c, argvOutgoing("", profile.PhaseInvoke, b.Processes))[""]...)
		if !found {
			merge(un, b)
			continue
		}
		switch d := p.Dependency(owner); {
		case d != nil:
			if d.Phases[profile.PhaseInvoke] == nil {
				d.Phases[profile.PhaseInvoke] = &profile.Behavior{}
			}
			merge(d.Phases[profile.PhaseInvoke], b)
		case owner == "":
			merge(appPhase(p, profile.PhaseInvoke), b)
		default:
			merge(un, b)
		}
	}
	if !un.Empty() {
		app := appPhase(p, profile.PhaseInvoke)
		if app.Unattributed == nil {
			app.Unattributed = &profile.Behavior{}
		}
		merge(app.Unattributed, un)
	}
}

// childOwner finds the package whose child-process record started a
// process with argv: the record naming the same program (the shell for
// shell commands), first come first served.
func childOwner(recs []hook.Record, argv []string) (string, bool) {
	if len(argv) == 0 {
		return "", false
	}
	want := baseName(argv[0])
	for _, r := range recs {
		if r.Kind != "child" {
			continue
		}
		prog := ""
		if sh, _ := r.Detail["shell"].(bool); sh {
			prog = "sh"
		} else if f, _ := r.Detail["file"].(string); f != "" {
			prog = baseName(f)
		} else if l, _ := r.Detail["argv"].([]any); len(l) > 0 {
			prog, _ = l[0].(string)
			prog = baseName(prog)
		}
		if prog == want || (prog == "sh" && (want == "dash" || want == "bash")) {
			pkg := r.Pkg
			if pkg == "" {
				pkg = r.Origin
			}
			return pkg, true
		}
	}
	return "", false
}

// applyFakeNet adds what the sinkholes saw and no record explains: DNS
// names as unattributed, and canaries in connection data.
func applyFakeNet(p *profile.Profile, fake []fakenet.Record, c *canary.Set, explainedDNS map[string]bool) {
	for _, r := range fake {
		switch r.Kind {
		case "dns":
			var ex []profile.Exfil
			// Data split over labels counts: search without the dots too.
			for _, m := range c.FindString(r.Name + " " + strings.ReplaceAll(r.Name, ".", "")) {
				ex = append(ex, profile.Exfil{Canary: m.Canary, Channel: "dns", Destination: r.Name, Encoding: m.Encoding})
			}
			if explainedDNS[r.Name] {
				continue // a hook record names the package; its data was searched there
			}
			phase := r.Phase
			if phase == "" {
				phase = profile.PhaseImport
			}
			app := appPhase(p, phase)
			if app.Unattributed == nil {
				app.Unattributed = &profile.Behavior{}
			}
			app.Unattributed.DNS = append(app.Unattributed.DNS, profile.DNSQuery{Name: r.Name, Type: r.Type})
			app.Unattributed.Exfiltration = append(app.Unattributed.Exfiltration, ex...)
		case "tcp":
			dest := fmt.Sprintf("%s:%d", r.Name, r.Port)
			if r.Name == "" {
				dest = fmt.Sprintf("%s:%d", r.Address, r.Port)
			}
			var ex []profile.Exfil
			for _, m := range c.Find(r.Data) {
				ex = append(ex, profile.Exfil{Canary: m.Canary, Channel: "network", Destination: dest, Encoding: m.Encoding})
			}
			if len(ex) == 0 {
				continue
			}
			// Whoever the hook saw connecting there carries it; else the
			// function's process does, unattributed.
			attributed := false
			for i := range p.Dependencies {
				for _, b := range p.Dependencies[i].Phases {
					for _, n := range b.Network {
						if n.Host == r.Name && n.Port == r.Port && r.Name != "" {
							b.Exfiltration = append(b.Exfiltration, ex...)
							attributed = true
						}
					}
				}
			}
			if !attributed {
				app := appPhase(p, profile.PhaseInvoke)
				if app.Unattributed == nil {
					app.Unattributed = &profile.Behavior{}
				}
				app.Unattributed.Exfiltration = append(app.Unattributed.Exfiltration, ex...)
			}
		}
	}
}

// sinkholeNames maps the fake internet's answers back to the names asked.
func sinkholeNames(fake []fakenet.Record) map[string]string {
	names := map[string]string{}
	for _, r := range fake {
		if r.Kind == "dns" && r.Address != "" {
			names[r.Address] = r.Name
		}
	}
	return names
}

// nameSinkholes replaces the fake internet's loopback addresses in network
// behaviour by the names they stand for (from its DNS answers), so that a
// profile says "collect.exfil.invalid:443", not 127.77.x.y.
func nameSinkholes(p *profile.Profile, fake []fakenet.Record) {
	names := sinkholeNames(fake)
	p.EachBehavior(func(b *profile.Behavior) {
		for x := b; x != nil; x = x.Unattributed {
			for i, n := range x.Network {
				if name, ok := names[n.Address]; ok {
					x.Network[i].Address, x.Network[i].Host = "", name
				}
			}
		}
		b.Canonicalize()
	})
}

// isBait reports whether a path is one of the fake world's bait files: the
// home directory's and the bundle's .env.
func isBait(p string) bool {
	return strings.HasPrefix(p, plan.SandboxHome+"/") || p == plan.TaskRoot+"/.env"
}

func baseName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// redactProfile replaces canary values wherever behaviour quotes data (DNS
// names, hosts, destinations, command lines, paths): profiles hold names of
// secrets, never values, and stay the same from run to run.
func redactProfile(p *profile.Profile, c *canary.Set) {
	var fix func(b *profile.Behavior)
	fix = func(b *profile.Behavior) {
		if b == nil {
			return
		}
		for i := range b.DNS {
			b.DNS[i].Name = c.Redact(b.DNS[i].Name)
		}
		for i := range b.Network {
			b.Network[i].Host = c.Redact(b.Network[i].Host)
			b.Network[i].Address = c.Redact(b.Network[i].Address)
		}
		for i := range b.Exfiltration {
			b.Exfiltration[i].Destination = c.Redact(b.Exfiltration[i].Destination)
		}
		for i := range b.Processes {
			for j := range b.Processes[i].Argv {
				b.Processes[i].Argv[j] = c.Redact(b.Processes[i].Argv[j])
			}
		}
		for i := range b.Files {
			b.Files[i].Path = c.Redact(b.Files[i].Path)
		}
		fix(b.Unattributed)
		b.Canonicalize()
	}
	p.EachBehavior(fix)
}
