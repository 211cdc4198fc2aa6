package verdict

import (
	"fmt"
	"slices"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// EventForgery is the evidence event of forged hook records.
const EventForgery = "forgery"

// --- behaviour no genuine hook record explains ----------------------------
//
// The syscall stream is the ground truth. What it shows in a process that
// no genuine hook record explains got there around the hook: a binding, a
// native addon, a worker without the hook, a forged record. Its sensitive
// part (a credential read, a shell or downloader, a write outside /tmp, a
// network connection, a canary leaving, an unhooked child, a forged record)
// is judged at the severity the same behaviour has when attributed, on the
// process where it happened and in its phase, naming the packages loaded in
// that process; and the evasion itself is DBX013. The rest is DBX014.

// checkUnexplained judges the sensitive part of b's unattributed behaviour.
func (c *checker) checkUnexplained(d *profile.Dependency, phase string, b *profile.Behavior) {
	u := b.Unattributed
	if u.Empty() {
		return
	}
	note := c.suspects(u.Loaded, phase)
	// The function's process: the rules that judge dependencies judge this
	// part of it too (a dependency's own rules already looked at theirs).
	if d == c.p.App {
		only := &profile.Behavior{Unattributed: u}
		n := len(c.out)
		c.checkExfiltration(d, phase, only)
		c.checkBaitFiles(d, phase, only)
		c.checkProcesses(d, phase, only)
		c.checkWrites(d, phase, only)
		for i := n; i < len(c.out); i++ {
			c.out[i].Message += note
		}
	}
	var vals, events []string
	add := func(kind, v string) {
		vals = append(vals, kind+" "+v)
		events = appendOnce(events, kind)
	}
	for _, f := range u.Files {
		switch {
		case f.Access != profile.AccessWrite && f.Access != profile.AccessExec && IsBaitPath(f.Path):
			add(baseline.KindFileRead, f.Path)
		case (f.Access == profile.AccessWrite || f.Access == profile.AccessReadWrite) && !writable(f.Path):
			add(baseline.KindFileWrite, f.Path)
		}
	}
	for _, p := range u.Processes {
		if suspiciousProcess(p) != "" {
			add(baseline.KindProcess, baseline.JoinArgv(p.Argv))
		}
	}
	for _, e := range u.Network {
		if connection(e) {
			add(baseline.KindNetwork, peer(e))
		}
	}
	for _, e := range u.Exfiltration {
		add(baseline.KindExfiltration, fmt.Sprintf("%s via %s to %s (%s)", e.Canary, e.Channel, e.Destination, e.Encoding))
	}
	for _, cp := range u.Capabilities {
		if slices.Contains(bypassCaps, cp) {
			add(baseline.KindCapability, cp)
		}
	}
	for _, f := range u.Forged {
		vals = append(vals, forgedValue(f))
		events = appendOnce(events, EventForgery)
	}
	if len(vals) == 0 {
		return
	}
	who := ""
	if d == c.p.App {
		who = ", so no hook record names the package that did it"
	}
	c.add(RuleHookBypass, 0, d, phase, fmt.Sprintf("%s: behaviour in the %s phase went around depbox's hooks%s: %s%s",
		label(d), phase, who, strings.Join(vals, "; "), note),
		Evidence{Event: strings.Join(events, "+"), Values: vals, Unattributed: true})
}

// suspects names the packages loaded in the process, for messages; those
// the hook saw load a native addon in the phase (code no hook sees) are
// marked. Nobody is blamed by it.
func (c *checker) suspects(loaded []string, phase string) string {
	if len(loaded) == 0 {
		return ""
	}
	names := make([]string, len(loaded))
	for i, l := range loaded {
		names[i] = l
		if d := c.p.Dependency(l); d != nil && d.Phases[phase] != nil && slices.Contains(d.Phases[phase].Capabilities, "native-addon") {
			names[i] += " (loaded a native addon)"
		}
	}
	return fmt.Sprintf(" (no hook record explains it; packages loaded in that process: %s)", strings.Join(names, ", "))
}

// connection reports whether an endpoint is a connection leaving the
// process's machine.
func connection(e profile.Endpoint) bool {
	return (e.Op == "" || e.Op == "connect") && e.Protocol != "unix" && !localAddr(e.Address)
}

// routine is b without its sensitive part (what checkUnexplained judges).
func routine(b *profile.Behavior) *profile.Behavior {
	if b == nil {
		return nil
	}
	out := &profile.Behavior{Env: b.Env, DNS: b.DNS, Persistence: b.Persistence, Timers: b.Timers}
	for _, f := range b.Files {
		bait := f.Access != profile.AccessWrite && f.Access != profile.AccessExec && IsBaitPath(f.Path)
		outside := (f.Access == profile.AccessWrite || f.Access == profile.AccessReadWrite) && !writable(f.Path)
		if !bait && !outside {
			out.Files = append(out.Files, f)
		}
	}
	for _, p := range b.Processes {
		if suspiciousProcess(p) == "" {
			out.Processes = append(out.Processes, p)
		}
	}
	for _, e := range b.Network {
		if !connection(e) {
			out.Network = append(out.Network, e)
		}
	}
	for _, cp := range b.Capabilities {
		if !slices.Contains(bypassCaps, cp) {
			out.Capabilities = append(out.Capabilities, cp)
		}
	}
	return out
}

// forgedValue renders a forged record for evidence.
func forgedValue(f profile.ForgedRecord) string {
	return fmt.Sprintf("forged hook record (%s): %s", f.Reason, f.Claim)
}
