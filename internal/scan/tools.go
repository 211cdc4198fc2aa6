package scan

import (
	"fmt"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/sandbox"
)

// Tool is a host program the sandbox's root file system carries: what
// Lambda's image and CI images have, and what malware reaches for, so that
// downloaders and beacons get as far as the fake internet.
type Tool struct {
	// Path is where it is, on the host and in the sandbox.
	Path string
	// Package is the Debian package that installs it.
	Package string
}

// Tools are copied into every root file system (with their shared
// libraries). A tool the host lacks is replaced by a stand-in that fails
// like a missing program; Scan warns, and `depbox doctor` says what to
// install.
var Tools = []Tool{
	{"/bin/dash", "dash"}, {"/bin/bash", "bash"},
	{"/usr/bin/curl", "curl"}, {"/usr/bin/wget", "wget"},
	{"/usr/bin/nslookup", "bind9-dnsutils"}, {"/usr/bin/dig", "bind9-dnsutils"}, {"/usr/bin/host", "bind9-dnsutils"},
	{"/usr/bin/ping", "iputils-ping"}, {"/usr/bin/nc", "netcat-openbsd"},
	{"/usr/bin/base64", "coreutils"}, {"/usr/bin/base32", "coreutils"}, {"/usr/bin/rev", "util-linux"}, {"/usr/bin/id", "coreutils"}, {"/usr/bin/env", "coreutils"},
	{"/bin/cat", "coreutils"}, {"/bin/uname", "coreutils"}, {"/bin/ls", "coreutils"}, {"/usr/bin/whoami", "coreutils"},
	{"/bin/hostname", "hostname"}, {"/bin/mkdir", "coreutils"}, {"/bin/rm", "coreutils"}, {"/bin/cp", "coreutils"},
	{"/bin/mv", "coreutils"}, {"/bin/chmod", "coreutils"}, {"/bin/touch", "coreutils"}, {"/bin/sleep", "coreutils"},
	{"/bin/date", "coreutils"}, {"/usr/bin/head", "coreutils"}, {"/usr/bin/tail", "coreutils"}, {"/usr/bin/tr", "coreutils"},
	{"/usr/bin/cut", "coreutils"}, {"/usr/bin/nohup", "coreutils"}, {"/usr/bin/od", "coreutils"}, {"/usr/bin/tee", "coreutils"},
	{"/bin/grep", "grep"}, {"/bin/sed", "sed"}, {"/usr/bin/xargs", "findutils"}, {"/usr/bin/find", "findutils"},
	{"/bin/tar", "tar"}, {"/bin/gzip", "gzip"},
}

// absentPrograms get a stand-in in every root file system: programs that
// are not there (and would not be on Lambda) but that malware runs. A
// shell looks a command up with stat(), which the event stream does not
// show, and gives up without an exec; the stand-in is executed instead, so
// the attempt is recorded with its command line and judged like running
// the program. It fails like a missing command (status 127).
var absentPrograms = []string{
	"zsh", "ksh", "mksh", "tcsh", "csh", "fish", "ash", "busybox",
	"ncat", "netcat", "socat", "telnet", "ftp", "tftp", "scp", "sftp", "ssh", "aria2c", "nmap", "tor", "xxd", "openssl",
	"powershell", "pwsh", "powershell.exe", "cmd", "cmd.exe", "wscript", "cscript", "mshta", "rundll32", "certutil",
	"bitsadmin", "wmic", "reg", "schtasks", "osascript", "security", "launchctl",
	"python", "python2", "perl", "ruby", "php", "lua", "java",
	"sudo", "su", "crontab", "systemctl", "service", "at",
	"docker", "kubectl", "aws", "gcloud", "az", "git", "gh", "npm", "npx", "yarn", "pnpm", "pip", "pip3",
}

// absentStub is the stand-in's script.
const absentStub = "#!/bin/sh\necho \"${0##*/}: command not found\" >&2\nexit 127\n"

// addTools adds Tools, python3 (when the host has one), the stand-ins
// for absent programs and for tools the host lacks, and the CA bundle
// the tools trust (tls.go) to s.
func addTools(s *sandbox.RootfsSpec) {
	if s.Executables == nil {
		s.Executables = map[string]string{}
	}
	for _, t := range Tools {
		if _, err := os.Stat(t.Path); err == nil {
			s.Programs[t.Path] = t.Path
		} else {
			s.Executables[t.Path] = absentStub
		}
	}
	// Python functions bring their own interpreter spec (pythonRootfs);
	// node functions' packages find one too, as on CI images.
	if _, err := s.AddPython(DefaultPython); err != nil {
		s.Executables["/usr/bin/python3"] = absentStub
	}
	for _, name := range absentPrograms {
		p := "/usr/bin/" + name
		if _, ok := s.Programs[p]; !ok && s.Links[p] == "" {
			s.Executables[p] = absentStub
		}
	}
	addCABundle(s)
}

// MissingTools returns the Tools the host lacks.
func MissingTools() []Tool {
	var out []Tool
	for _, t := range Tools {
		if _, err := os.Stat(t.Path); err != nil {
			out = append(out, t)
		}
	}
	return out
}

// ToolsFix is the command that installs the missing tools' packages.
func ToolsFix(missing []Tool) string {
	var pkgs []string
	for _, t := range missing {
		if !slices.Contains(pkgs, t.Package) {
			pkgs = append(pkgs, t.Package)
		}
	}
	return "apt-get install -y --no-install-recommends " + strings.Join(pkgs, " ")
}

// toolsProblem warns when the sandbox runs stand-ins for missing tools.
func toolsProblem(p *profile.Profile) {
	missing := MissingTools()
	if len(missing) == 0 {
		return
	}
	names := make([]string, 0, len(missing))
	for _, t := range missing {
		names = append(names, path.Base(t.Path))
	}
	p.AddProblem(profile.Problem{Code: "tools-missing", Message: fmt.Sprintf(
		"this machine lacks %s, so the sandbox has stand-ins that record an attempt to run them and fail: a payload that needs them gets no further (%s)",
		strings.Join(names, ", "), ToolsFix(missing))})
}

// stubs are the stand-ins of a root file system, by path.
func stubs(s sandbox.RootfsSpec) map[string]bool {
	out := map[string]bool{}
	for p, content := range s.Executables {
		if content == absentStub {
			out[p] = true
		}
	}
	return out
}

// markAbsent gives the processes that ran a stand-in the result of a
// program that does not exist.
func markAbsent(p *profile.Profile, stubs map[string]bool) {
	var mark func(b *profile.Behavior)
	mark = func(b *profile.Behavior) {
		if b == nil {
			return
		}
		for i, pr := range b.Processes {
			if stubs[pr.Binary] {
				b.Processes[i].Result = "ENOENT"
			}
		}
		mark(b.Unattributed)
	}
	p.EachBehavior(mark)
}
