package scan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// ProblemHookRecords is the fatal problem of a run whose hook records and
// syscall stream disagree: records missing, replayed, or claiming what the
// stream shows did not happen.
const ProblemHookRecords = "hook-contradicted"

// applyForgeries puts every forged hook record on the package that opened
// it, and turns each disagreement between a run's records and its syscall
// stream into a fatal problem. The opener is the one the hook's own
// tamper/forge record names, when the hook saw the open; else the process
// tells: a package's own run is that package's, a process started in the
// function is the package whose record started it; what is left is the
// function process's, unattributed, with the packages it had loaded.
// Forged records never name anyone by what they claim.
func applyForgeries(p *profile.Profile, runs map[profiler.RunKey]*profiler.Run) {
	for k, run := range runs {
		dep := k.Dependency
		switch {
		case dep == profiler.Reference, strings.HasPrefix(dep, profiler.BatchTag):
			dep = "" // a batch process: its windows are loaded again alone
		case dep == Function:
			dep = "."
		}
		faults, forged := run.Faults, run.Forged
		if len(run.InFlight) > 0 {
			for _, f := range run.InFlight {
				stopped := depboxKill(p, k)
				if slices.Contains(run.Swept, f.Proc) {
					stopped = "it was still running, detached from its step, after the steps ended"
				}
				if stopped != "" {
					p.AddProblem(profile.Problem{Code: ProblemRecordInFlight, Dependency: dep, Phase: k.Phase,
						Message: f.Fault + "; it was the last record its thread sent before depbox killed the process (" + stopped + "): a call the hook recorded and the kill cut short, not a forgery; it explains nothing"})
					continue
				}
				faults = append(slices.Clip(faults), f.Fault)
				forged = append(slices.Clip(forged), f)
			}
		}
		for _, fault := range faults {
			p.AddProblem(profile.Problem{Code: ProblemHookRecords, Fatal: true, Dependency: dep, Phase: k.Phase,
				Message: fault + "; records that disagree with the syscall stream are forgeries and explain nothing"})
		}
		if len(forged) == 0 {
			continue
		}
		openers := map[string]string{} // marker hash → who opened it, by the hook
		for _, r := range run.Hooks {
			if r.Kind == "tamper" && r.Op == "forge" {
				if h, _ := r.Detail["marker"].(string); h != "" {
					openers[h] = r.Pkg
				}
			}
		}
		var byProc map[profiler.ProcKey]string // invoke: process → owner of its subtree
		for _, f := range forged {
			fr := profile.ForgedRecord{Claim: claimOf(f.Record), Reason: f.Reason}
			if pkg, ok := openers[f.Hash]; ok && pkg != hook.Unknown {
				forgedBy(p, pkg, k.Phase, fr)
				continue
			}
			if f.Window != "" { // opened in a package's batch window
				forgedBy(p, f.Window, k.Phase, fr)
				continue
			}
			if k.Dependency != Function {
				if k.Dependency != profiler.Reference {
					forgedBy(p, k.Dependency, k.Phase, fr)
				} else {
					unattributedForgery(p, k.Phase, fr, nil)
				}
				continue
			}
			if byProc == nil {
				byProc = processOwners(run)
			}
			if owner, ok := byProc[f.Proc]; ok {
				forgedBy(p, owner, k.Phase, fr)
				continue
			}
			unattributedForgery(p, k.Phase, fr, run.Loaded)
		}
	}
}

// forgedBy records a forgery in the behaviour of the package at install
// path pkg ("" the function's own code) in phase.
func forgedBy(p *profile.Profile, pkg, phase string, fr profile.ForgedRecord) {
	if pkg == "" {
		b := appPhase(p, phase)
		b.Forged = append(b.Forged, fr)
		return
	}
	d := p.Dependency(pkg)
	if d == nil { // a path outside the inventory: nobody to name
		unattributedForgery(p, phase, fr, nil)
		return
	}
	if d.Phases == nil {
		d.Phases = map[string]*profile.Behavior{}
	}
	if d.Phases[phase] == nil {
		d.Phases[phase] = &profile.Behavior{}
	}
	d.Phases[phase].Forged = append(d.Phases[phase].Forged, fr)
}

// unattributedForgery records a forgery nobody could be named for, in the
// function's behaviour of the phase, with the packages the process loaded.
func unattributedForgery(p *profile.Profile, phase string, fr profile.ForgedRecord, loaded []string) {
	b := appPhase(p, phase)
	if b.Unattributed == nil {
		b.Unattributed = &profile.Behavior{}
	}
	b.Unattributed.Forged = append(b.Unattributed.Forged, fr)
	b.Unattributed.Loaded = append(b.Unattributed.Loaded, loaded...)
}

// processOwners maps every process of the invoke run that a package's
// child-process record started (and its descendants) to that package.
func processOwners(run *profiler.Run) map[profiler.ProcKey]string {
	_, subtrees := profiler.Split(run, profiler.Attribution{TaskRoot: "/"})
	owners := childOwners(run.Hooks, subtrees)
	top := map[profiler.ProcKey]string{}
	for i, st := range subtrees {
		if owners[i].found {
			top[st.Root.Key] = owners[i].pkg
		}
	}
	parent := map[profiler.ProcKey]profiler.ProcKey{}
	for _, pr := range run.Procs {
		parent[pr.Key] = pr.Parent
	}
	out := map[profiler.ProcKey]string{}
	for _, pr := range run.Procs {
		for k, depth := pr.Key, 0; depth < 1000 && k != run.Root.Key && k != (profiler.ProcKey{}); k, depth = parent[k], depth+1 {
			if owner, ok := top[k]; ok {
				out[pr.Key] = owner
				break
			}
		}
	}
	return out
}

// owner is who started a subtree.
type owner struct {
	pkg   string
	found bool
}

// childOwners pairs the processes the function started (subtrees, in start
// order) with the hook's child-process records, one record each: first the
// records whose command line is the process's (cut where the hook cut it),
// then, for what is left, a record of the same program only when it could
// be no other (it is the program's only record left and its process the
// program's only one left). A process nobody's record started stays
// unattributed rather than land on a package that ran something similar.
func childOwners(recs []hook.Record, subtrees []profiler.Subtree) []owner {
	type cand struct {
		argv []string
		prog string
		pkg  string
		used bool
	}
	var cands []*cand
	for _, r := range recs {
		if r.Kind != "child" || !childStarts[r.Op] {
			continue
		}
		c := &cand{argv: recordArgv(r), pkg: r.Pkg}
		if c.pkg == "" {
			c.pkg = r.Origin
		}
		if len(c.argv) > 0 {
			c.prog = progName(c.argv[0])
		}
		cands = append(cands, c)
	}
	out := make([]owner, len(subtrees))
	for i, st := range subtrees {
		for _, c := range cands {
			if !c.used && argvMatches(c.argv, st.Argv) {
				c.used, out[i] = true, owner{c.pkg, true}
				break
			}
		}
	}
	for i, st := range subtrees {
		if out[i].found || len(st.Argv) == 0 {
			continue
		}
		prog := progName(st.Argv[0])
		var only *cand
		n := 0
		for _, c := range cands {
			if !c.used && c.prog == prog {
				only, n = c, n+1
			}
		}
		left := 0
		for j, other := range subtrees {
			if !out[j].found && len(other.Argv) > 0 && progName(other.Argv[0]) == prog {
				left++
			}
		}
		if n == 1 && left == 1 {
			only.used, out[i] = true, owner{only.pkg, true}
		}
	}
	return out
}

// childStarts are the child-process records that start a process.
var childStarts = map[string]bool{"spawn": true, "spawnSync": true, "exec": true, "execSync": true, "execFile": true,
	"execFileSync": true, "fork": true, "popen": true, "system": true, "run": true}

// recordArgv is the command line a child-process record says it ran.
func recordArgv(r hook.Record) []string {
	var argv []string
	if l, ok := r.Detail["argv"].([]any); ok {
		for _, v := range l {
			s, _ := v.(string)
			argv = append(argv, s)
		}
	}
	if len(argv) == 0 {
		if f, _ := r.Detail["file"].(string); f != "" {
			argv = []string{f}
		}
	}
	return argv
}

// argvMatches compares a record's command line with an execve's: equal, or
// equal up to where the hook cut an argument ("…").
func argvMatches(rec, exec []string) bool {
	if len(rec) != len(exec) || len(rec) == 0 {
		return false
	}
	for i := range rec {
		if rec[i] == exec[i] {
			continue
		}
		cut, ok := strings.CutSuffix(rec[i], "…")
		if !ok || !strings.HasPrefix(exec[i], cut) {
			if i == 0 && progName(rec[0]) == progName(exec[0]) {
				continue // a program found on PATH: ls runs as /bin/ls
			}
			return false
		}
	}
	return true
}

// progName is a program's base name, with the shells depbox's /bin/sh
// stands for folded into "sh".
func progName(p string) string {
	p = baseName(p)
	switch p {
	case "dash", "bash":
		return "sh"
	}
	return p
}

// claimOf renders what a forged record claimed, bounded: kind and
// operation, the package it names, its subject.
func claimOf(r hook.Record) string {
	if r.Kind == "" {
		return "(not a record)"
	}
	who := "the function"
	switch {
	case r.Pkg == hook.Unknown:
		who = "nobody"
	case r.Pkg != "":
		who = r.Pkg
	}
	s := fmt.Sprintf("%s %s as %s", r.Kind, r.Op, who)
	d := r.Detail
	var subject string
	switch {
	case d["path"] != nil:
		subject, _ = d["path"].(string)
	case d["host"] != nil:
		subject, _ = d["host"].(string)
		if port, ok := d["port"].(float64); ok {
			subject += ":" + strconv.Itoa(int(port))
		}
	case d["argv"] != nil:
		subject = strings.Join(recordArgv(r), " ")
	case d["name"] != nil:
		subject, _ = d["name"].(string)
	case d["target"] != nil:
		subject, _ = d["target"].(string)
	}
	if subject != "" {
		s += ": " + subject
	}
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return s
}
