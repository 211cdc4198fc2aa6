package scan

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/internal/verdict"
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
	dst.Signals = append(dst.Signals, src.Signals...)
	dst.Forged = append(dst.Forged, src.Forged...)
	dst.Loaded = append(dst.Loaded, src.Loaded...)
	dst.WorldSignals = append(dst.WorldSignals, src.WorldSignals...)
	if !src.Unattributed.Empty() {
		if dst.Unattributed == nil {
			dst.Unattributed = &profile.Behavior{}
		}
		merge(dst.Unattributed, src.Unattributed)
	}
}

// exfil searches outgoing data for canary values, per package: each
// program's command line on its own; the package's DNS names together
// (canary.FindNames: case-insensitive, across labels and queries); its
// network writes as one series (a secret sent in several requests), and
// again by their HTTP bodies; the writes to each file as one series.
func exfil(c *canary.Set, out []profiler.Outgoing) map[string][]profile.Exfil {
	type key struct{ pkg, channel, file string }
	var order []key
	groups := map[key][]profiler.Outgoing{}
	for _, o := range out {
		k := key{o.Pkg, o.Channel, ""}
		if o.Channel == "file" {
			k.file = o.Destination
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], o)
	}
	found := map[string][]profile.Exfil{}
	add := func(g []profiler.Outgoing, ms []canary.SeriesMatch) {
		for _, m := range ms {
			o := g[m.Piece]
			e := profile.Exfil{Canary: m.Canary, Channel: o.Channel, Destination: o.Destination, Encoding: m.Encoding, Partial: m.Partial}
			if !slices.ContainsFunc(found[o.Pkg], func(x profile.Exfil) bool { return sameExfil(x, e) }) {
				found[o.Pkg] = append(found[o.Pkg], e)
			}
		}
	}
	for _, k := range order {
		g := groups[k]
		switch k.channel {
		case "dns":
			names := make([]string, len(g))
			for i, o := range g {
				names[i] = string(o.Data)
			}
			add(g, c.FindNames(names))
		case "argv":
			for i, o := range g {
				add(g, offset(c.FindSeries([][]byte{o.Data}, false), i))
			}
		default:
			pieces := make([][]byte, len(g))
			bodies := make([][]byte, len(g))
			for i, o := range g {
				d := maskSigning(c, o)
				pieces[i], bodies[i] = d, httpBody(d)
			}
			add(g, c.FindSeries(pieces, false))
			add(g, c.FindSeries(bodies, false))
		}
	}
	return found
}

// sameExfil compares two findings of a canary, a whole one counting for a
// partial one at the same place.
func sameExfil(a, b profile.Exfil) bool {
	return a.Canary == b.Canary && a.Channel == b.Channel && a.Destination == b.Destination && a.Encoding == b.Encoding
}

// offset moves series matches of a single piece to piece i.
func offset(ms []canary.SeriesMatch, i int) []canary.SeriesMatch {
	for k := range ms {
		ms[k].Piece = i
	}
	return ms
}

// httpBody returns the body of an HTTP request, or the data itself.
func httpBody(b []byte) []byte {
	if i := bytes.Index(b, []byte("\r\n\r\n")); i >= 0 && bytes.Contains(b[:i], []byte(" HTTP/1.")) {
		return b[i+4:]
	}
	return b
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
// reads, DNS names, capabilities, timers, signals, environment signals
// looked at, named network peers, and
// file accesses that open() does not show (stat, list, delete).
func hookOnly(b *profile.Behavior) *profile.Behavior {
	out := &profile.Behavior{Env: b.Env, DNS: b.DNS, Capabilities: b.Capabilities, Timers: b.Timers, Persistence: b.Persistence, Signals: b.Signals, WorldSignals: b.WorldSignals}
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
// processes belong to one package), the runs loading bundle files (import)
// and the invoke run split by package, canary exfiltration on every
// channel, and what no record explains as unattributed.
func applyRecords(p *profile.Profile, runs map[profiler.RunKey]*profiler.Run, fake []fakenet.Record, c *canary.Set, bundleFiles []string, search string) {
	sinkholes := sinkholeNames(fake)
	defer nameSinkholes(p, sinkholes)
	recs := runRecords(runs)
	var refEnv *profile.Behavior
	if ref := (profiler.RunKey{Phase: profile.PhaseImport, Dependency: profiler.Reference}); runs[ref] != nil {
		refEnv = allOf(profiler.FoldTree(recs[ref], profile.PhaseImport, plan.TaskRoot))
	}
	explainedDNS := map[string]bool{}
	// Phase by phase: an execute phase subtracts import phases (withoutImport).
	for _, phase := range []string{profile.PhaseInstall, profile.PhaseStartup, profile.PhaseImport, profile.PhaseExecute} {
		for i := range p.Dependencies {
			d := &p.Dependencies[i]
			key := profiler.RunKey{Phase: phase, Dependency: d.Path}
			run, ok := runs[key]
			beh := d.Phases[phase]
			if !ok || beh == nil {
				continue
			}
			f := profiler.FoldTree(recs[key], phase, plan.TaskRoot)
			for k := range f.Explained {
				if name, ok := strings.CutPrefix(k, "dns\x00"); ok {
					explainedDNS[name] = true
				}
			}
			var own *profile.Behavior
			remote := remoteCode(c.Marker(), f.Evaluated)
			whole := phase == profile.PhaseInstall || phase == profile.PhaseExecute
			if whole {
				// The whole tree runs this package's scripts, or its
				// exported functions and what they call.
				own = allOf(f)
				if len(remote) > 0 {
					beh.Capabilities = append(beh.Capabilities, profiler.CapRemoteCode)
				}
			} else {
				own = f.Behaviors[d.Path]
				if remote[d.Path] {
					beh.Capabilities = append(beh.Capabilities, profiler.CapRemoteCode)
				}
			}
			if own != nil {
				h := hookOnly(own)
				without(h, refEnv)
				if phase == profile.PhaseExecute {
					withoutImport(h, p, d, run.Loaded)
				}
				merge(beh, h)
			}
			var out []profiler.Outgoing
			for _, o := range f.Outgoing {
				if whole || o.Pkg == d.Path {
					o.Pkg = d.Path
					out = append(out, o)
				}
			}
			// Programs started by the package's process tree, from the syscall stream.
			out = append(out, argvOutgoing(d.Path, phase, beh.Processes)...)
			merge(beh, &profile.Behavior{Exfiltration: exfil(c, namedDestinations(out, sinkholes))[d.Path]})
		}
	}
	for _, bf := range bundleFiles {
		key := profiler.RunKey{Phase: profile.PhaseImport, Dependency: bf}
		if run, ok := runs[key]; ok {
			applyProcess(p, run, recs[key], profile.PhaseImport, c, explainedDNS, refEnv, sinkholes)
		}
	}
	invoke := profiler.RunKey{Phase: profile.PhaseInvoke, Dependency: Function}
	if run, ok := runs[invoke]; ok {
		applyProcess(p, run, recs[invoke], profile.PhaseInvoke, c, explainedDNS, refEnv, sinkholes)
	}
	applyFakeNet(p, fake, c, explainedBySearch(explainedDNS, search))
	applyForgeries(p, runs)
	p.EachBehavior(func(b *profile.Behavior) {
		markRemoteArgv(b, c.Marker())
		dedupeProcesses(b)
		b.Canonicalize()
	})
}

// failedOpens maps the paths a run's processes opened to whether every open
// of the path failed: the syscall stream knows, hook records do not.
func failedOpens(run *profiler.Run) map[string]bool {
	out := map[string]bool{}
	if run.All == nil {
		return out
	}
	for _, f := range run.All.Files {
		prev, seen := out[f.Path]
		out[f.Path] = f.Failed && (!seen || prev)
	}
	return out
}

// markFailed marks the files of hook-derived behaviour whose every open
// failed, as the syscall-derived files of the import phase are marked.
func markFailed(b *profile.Behavior, failed map[string]bool) {
	for i, f := range b.Files {
		switch f.Access {
		case profile.AccessRead, profile.AccessWrite, profile.AccessReadWrite, profile.AccessList:
			if failed[f.Path] {
				b.Files[i].Failed = true
			}
		}
	}
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

// applyProcess splits a process in which many packages run (the invoke
// phase's function process, the import of a bundle file) by package with
// the hook's records; syscalls no record explains are the process's
// unattributed, the function's in that phase. recs are the run's records,
// process by process (runRecords).
func applyProcess(p *profile.Profile, run *profiler.Run, recs [][]hook.Record, phase string, c *canary.Set, explainedDNS map[string]bool, refEnv *profile.Behavior, sinkholes map[string]string) {
	f := profiler.FoldTree(recs, phase, plan.TaskRoot)
	for k := range f.Explained {
		if name, ok := strings.CutPrefix(k, "dns\x00"); ok {
			explainedDNS[name] = true
		}
	}
	found := exfil(c, namedDestinations(f.Outgoing, sinkholes))
	remote := remoteCode(c.Marker(), f.Evaluated)
	failed := failedOpens(run)
	for pkg, b := range f.Behaviors {
		markFailed(b, failed)
		b.Exfiltration = append(b.Exfiltration, found[pkg]...)
		if remote[pkg] {
			b.Capabilities = append(b.Capabilities, profiler.CapRemoteCode)
		}
		without(b, refEnv)
		switch d := p.Dependency(pkg); {
		case d != nil:
			if d.Phases == nil {
				d.Phases = map[string]*profile.Behavior{}
			}
			if d.Phases[phase] == nil {
				d.Phases[phase] = &profile.Behavior{}
			}
			merge(d.Phases[phase], b)
		case pkg == "":
			merge(appPhase(p, phase), b)
		default: // hook.Unknown, or a path outside the inventory
			app := appPhase(p, phase)
			if app.Unattributed == nil {
				app.Unattributed = &profile.Behavior{}
			}
			merge(app.Unattributed, b)
		}
	}
	for pkg, ex := range found {
		if _, ok := f.Behaviors[pkg]; !ok && len(ex) > 0 {
			merge(appPhase(p, phase), &profile.Behavior{Exfiltration: ex})
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
		if f.Explained["net\x00"+host+"\x00"+strconv.Itoa(n.Port)] || hookedAddress(f, n) {
			continue
		}
		un.Network = append(un.Network, n)
	}
	owners := childOwners(run.Hooks, subtrees)
	for i, st := range subtrees {
		owner := owners[i].pkg
		b := st.Behavior
		b.Exfiltration = append(b.Exfiltration, exfil(c, argvOutgoing("", phase, b.Processes))[""]...)
		if !owners[i].found {
			merge(un, b)
			continue
		}
		switch d := p.Dependency(owner); {
		case d != nil:
			if d.Phases[phase] == nil {
				d.Phases[phase] = &profile.Behavior{}
			}
			merge(d.Phases[phase], b)
		case owner == "":
			merge(appPhase(p, phase), b)
		default:
			merge(un, b)
		}
	}
	if !un.Empty() {
		app := appPhase(p, phase)
		if app.Unattributed == nil {
			app.Unattributed = &profile.Behavior{}
		}
		merge(app.Unattributed, un)
		// Whoever did it had to be loaded in the process: the suspects.
		app.Unattributed.Loaded = append(app.Unattributed.Loaded, run.Loaded...)
	}
}

// explainedBySearch adds to the names hook records explain their forms
// with the resolver's search domain appended: the same lookup, asked by
// the same process (see searchDomain).
func explainedBySearch(explained map[string]bool, search string) map[string]bool {
	if search == "" {
		return explained
	}
	out := make(map[string]bool, 2*len(explained))
	for name := range explained {
		out[name] = true
		out[strings.TrimSuffix(name, ".")+"."+search] = true
	}
	return out
}

// applyFakeNet adds what the sinkholes saw and no record explains: DNS
// names as unattributed, and canaries in connection data.
func applyFakeNet(p *profile.Profile, fake []fakenet.Record, c *canary.Set, explainedDNS map[string]bool) {
	// DNS names no hook record explains, per phase in the order asked: their
	// canaries are searched together (a secret split over several queries).
	var phases []string
	names := map[string][]profiler.Outgoing{}
	owned := map[*profile.Behavior][]profiler.Outgoing{}
	var owners []*profile.Behavior
	for _, r := range fake {
		if r.Kind != "dns" || explainedDNS[r.Name] {
			continue // a hook record names the package; its data was searched there
		}
		phase := r.Phase
		if phase == "" {
			phase = profile.PhaseImport
		}
		if pkg, in, b := dnsOwner(p, r, phase); b != nil {
			// A program the package started asked (dig, nslookup, curl…).
			b.DNS = append(b.DNS, profile.DNSQuery{Name: r.Name, Type: r.Type})
			if _, ok := owned[b]; !ok {
				owners = append(owners, b)
			}
			owned[b] = append(owned[b], profiler.Outgoing{Pkg: pkg, Phase: in, Channel: "dns", Destination: r.Name, Data: []byte(r.Name)})
			continue
		}
		if _, ok := names[phase]; !ok {
			phases = append(phases, phase)
		}
		names[phase] = append(names[phase], profiler.Outgoing{Phase: phase, Channel: "dns", Destination: r.Name, Data: []byte(r.Name)})
		app := appPhase(p, phase)
		if app.Unattributed == nil {
			app.Unattributed = &profile.Behavior{}
		}
		app.Unattributed.DNS = append(app.Unattributed.DNS, profile.DNSQuery{Name: r.Name, Type: r.Type})
	}
	for _, phase := range phases {
		app := appPhase(p, phase)
		app.Unattributed.Exfiltration = append(app.Unattributed.Exfiltration, exfil(c, names[phase])[""]...)
	}
	for _, b := range owners {
		out := owned[b]
		b.Exfiltration = append(b.Exfiltration, exfil(c, out)[out[0].Pkg]...)
	}
	for _, r := range fake {
		switch r.Kind {
		case "tcp":
			dest := fmt.Sprintf("%s:%d", r.Name, r.Port)
			if r.Name == "" {
				dest = fmt.Sprintf("%s:%d", r.Address, r.Port)
			}
			ex := exfil(c, []profiler.Outgoing{{Channel: "network", Destination: dest, Data: r.Data}})[""]
			if len(ex) == 0 {
				continue
			}
			// Whoever connected there in the sandbox run of the record — by
			// name in a hook record, or by sinkhole address in the syscall
			// stream; a package or the function's own code — carries it;
			// else the function's process does, unattributed.
			attributed := false
			for _, d := range connectors(p) {
				for phase, b := range d.Phases {
					if (phase == profile.PhaseInstall) != (r.Phase == profile.PhaseInstall) {
						continue
					}
					for _, part := range []*profile.Behavior{b, b.Unattributed} {
						if part != nil && connectedTo(part, r) {
							part.Exfiltration = append(part.Exfiltration, ex...)
							attributed = true
						}
					}
				}
			}
			if !attributed {
				phase := profile.PhaseInvoke
				if r.Phase == profile.PhaseInstall {
					phase = profile.PhaseInstall
				}
				app := appPhase(p, phase)
				if app.Unattributed == nil {
					app.Unattributed = &profile.Behavior{}
				}
				app.Unattributed.Exfiltration = append(app.Unattributed.Exfiltration, ex...)
			}
		}
	}
}

// connectors are the dependencies and the function's own code: whoever
// may have made a connection.
func connectors(p *profile.Profile) []*profile.Dependency {
	out := make([]*profile.Dependency, 0, len(p.Dependencies)+1)
	for i := range p.Dependencies {
		out = append(out, &p.Dependencies[i])
	}
	if p.App != nil {
		out = append(out, p.App)
	}
	return out
}

// connectedTo reports whether b connected to the sinkhole of a TCP record.
func connectedTo(b *profile.Behavior, r fakenet.Record) bool {
	for _, n := range b.Network {
		if n.Port == r.Port && (r.Name != "" && n.Host == r.Name || r.Address != "" && n.Address == r.Address) {
			return true
		}
	}
	return false
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
func nameSinkholes(p *profile.Profile, names map[string]string) {
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

// isBait reports whether a path is one of the fake world's bait files (the
// home directory's and the bundle's .env) or another credential file.
func isBait(p string) bool {
	return strings.HasPrefix(p, plan.SandboxHome+"/") || p == plan.TaskRoot+"/.env" || verdict.IsBaitPath(p)
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
		for i := range b.Forged {
			b.Forged[i].Claim = c.Redact(b.Forged[i].Claim)
		}
		fix(b.Unattributed)
		b.Canonicalize()
	}
	p.EachBehavior(fix)
}
