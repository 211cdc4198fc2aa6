package verdict

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// taskRoot is where Lambda (and depbox's sandbox) mounts the bundle.
const taskRoot = "/var/task/"

// remoteCodeCap is the capability the scan gives code that evaluated what
// the fake internet served (profiler.CapRemoteCode).
const remoteCodeCap = "remote-code"

// --- DBX018 remote-code ------------------------------------------------------

func (c *checker) checkRemoteCode(d *profile.Dependency, phase string, b *profile.Behavior) {
	parts(b, func(b *profile.Behavior, un bool) {
		evaluated := slices.Contains(b.Capabilities, remoteCodeCap)
		var vals []string
		piped := false
		for _, p := range b.Processes {
			if why := pipedDownload(p); why != "" {
				vals = append(vals, "process "+processValue(p)+" ("+why+")")
				piped = true
			} else if evaluated && suspiciousProcess(p) != "" {
				vals = append(vals, "process "+processValue(p))
			}
		}
		if !evaluated && !piped {
			return
		}
		msg, event := "%s evaluated code fetched from the network in the %s phase", baseline.KindCapability
		if evaluated {
			vals = append(vals, "capability "+remoteCodeCap)
		} else {
			msg, event = "%s ran a download as code (piped into a shell or runtime) in the %s phase", baseline.KindProcess
		}
		c.add(RuleRemoteCode, 0, d, phase, fmt.Sprintf(msg, label(d), phase), Evidence{Event: event, Values: vals, Unattributed: un})
	})
}

// --- DBX020 dropper -----------------------------------------------------------

// runners are programs that run a file given as an argument: executing one
// of them is running the package's script, not dropping a binary.
var runners = []string{"node", "nodejs", "deno", "bun", "python", "python2", "python3", "perl", "ruby", "php", "env", "nohup", "setsid", "timeout", "xargs"}

// interpretedScript reports whether a process ran a script through a
// language interpreter named on its #! line ("#!/usr/bin/env node"): that is
// an interpreter running one of the package's scripts, as `node
// install.js` is, not a program it dropped. A file the package wrote
// itself is judged as dropped whatever its first line.
func interpretedScript(p profile.Process) bool {
	f := strings.Fields(strings.TrimPrefix(p.Script, "#!"))
	if !strings.HasPrefix(p.Script, "#!") || len(f) == 0 {
		return false
	}
	prog := path.Base(f[0])
	if prog == "env" {
		prog = ""
		for _, a := range f[1:] {
			if !strings.HasPrefix(a, "-") && !strings.Contains(a, "=") {
				prog = path.Base(a)
				break
			}
		}
	}
	// A shell script the package ships and starts by its #! line stays a
	// program it executes: droppers ship exactly that (a #!/bin/sh stage
	// started detached); a package that runs its shell script as `sh x.sh`
	// names the shell, which is exempt above.
	return prog != "" && slices.Contains(runners, strings.TrimRight(prog, "0123456789."))
}

func (c *checker) checkDropper(d *profile.Dependency, phase string, b *profile.Behavior) {
	if d.Path == "" || d == c.p.App {
		return
	}
	own := taskRoot + d.Path + "/"
	written, deleted := map[string]bool{}, map[string]bool{}
	for _, ph := range d.Phases {
		parts(ph, func(b *profile.Behavior, _ bool) {
			for _, f := range b.Files {
				switch f.Access {
				case profile.AccessWrite, profile.AccessReadWrite:
					written[f.Path] = true
				case profile.AccessDelete:
					deleted[f.Path] = true
				}
			}
		})
	}
	parts(b, func(b *profile.Behavior, un bool) {
		var vals []string
		for _, p := range b.Processes {
			bin := p.Binary
			if bin == "" && len(p.Argv) > 0 && path.IsAbs(p.Argv[0]) {
				bin = p.Argv[0]
			}
			if s := writtenScript(p, written); s != "" {
				if !c.accepted(d, phase, baseline.ProcessItem(p, un)) {
					vals = append(vals, processValue(p)+" (runs "+s+", written by the package)")
				}
				continue
			}
			base := path.Base(bin)
			// An exec of a path where no file was, that the package neither
			// wrote nor deleted, ran nothing: a PATH search trying each
			// node_modules/.bin (the scan marks it ENOENT).
			if bin == "" || slices.Contains(shells, base) || slices.Contains(runners, strings.TrimRight(base, "0123456789.")) ||
				(interpretedScript(p) && !written[bin]) || (p.Result == "ENOENT" && !written[bin] && !deleted[bin]) ||
				c.accepted(d, phase, baseline.ProcessItem(p, un)) {
				continue
			}
			switch {
			case strings.HasPrefix(bin, own):
				vals = append(vals, processValue(p)+" (shipped in "+d.Path+")")
			case written[bin]:
				vals = append(vals, processValue(p)+" (written by the package)")
			}
		}
		if len(vals) == 0 {
			return
		}
		c.add(RuleDropper, 0, d, phase, fmt.Sprintf("%s executed a file it ships or wrote in the %s phase: %s", label(d), phase, strings.Join(vals, "; ")),
			Evidence{Event: baseline.KindProcess, Values: vals, Unattributed: un})
	})
}
