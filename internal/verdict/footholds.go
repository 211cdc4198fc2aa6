package verdict

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// --- DBX021 persistence ---------------------------------------------------------

// Footholds: files that make the system run code later, outside the
// package — at boot, on a schedule, at every login shell, on an SSH login
// with the attacker's key, before every git commit.
var (
	// footholdPrefixes are directories and files whose writing installs
	// code that runs later.
	footholdPrefixes = []string{
		"/etc/crontab", "/etc/anacrontab", "/etc/cron.d/", "/etc/cron.hourly/", "/etc/cron.daily/", "/etc/cron.weekly/",
		"/etc/cron.monthly/", "/var/spool/cron/",
		"/etc/systemd/", "/lib/systemd/system/", "/usr/lib/systemd/", "/run/systemd/system/",
		"/etc/init.d/", "/etc/rc.local", "/etc/xdg/autostart/",
		"/etc/profile", "/etc/bash.bashrc", "/etc/zsh/", "/etc/environment",
		"/etc/ld.so.preload", "/etc/ssh/",
	}
	// footholdInHome are paths under any home directory.
	footholdInHome = []string{"/.config/systemd/user/", "/.config/autostart/", "/.ssh/authorized_keys", "/.ssh/rc"}
	// rcFiles are shell start-up files, wherever the home is.
	rcFiles = []string{".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".profile", ".zshrc", ".zprofile",
		".zshenv", ".zlogin", ".kshrc", ".cshrc", ".tcshrc", ".mkshrc"}
)

// foothold says what kind of persistence writing the file p installs ("a
// shell start-up file"), and whether it is only a developer's (a git
// hook), or "".
func foothold(p string) (what string, dev bool) {
	if strings.Contains(p, "/.git/hooks/") {
		return "a git hook", true
	}
	if strings.Contains(p, "/node_modules/") || strings.HasPrefix(p, taskRoot) {
		return "", false
	}
	for _, pre := range footholdPrefixes {
		if strings.HasPrefix(p, pre) {
			switch {
			case strings.Contains(pre, "cron"):
				return "a cron job", false
			case strings.Contains(pre, "systemd"), strings.Contains(pre, "init.d"), strings.Contains(pre, "rc.local"), strings.Contains(pre, "autostart"):
				return "a service started at boot", false
			case strings.Contains(pre, "ssh"):
				return "the SSH server's configuration", false
			case pre == "/etc/ld.so.preload":
				return "a library preloaded into every program", false
			}
			return "a shell start-up file", false
		}
	}
	for _, in := range footholdInHome {
		if strings.Contains(p, in) {
			switch {
			case strings.Contains(in, "systemd"), strings.Contains(in, "autostart"):
				return "a user service started at login", false
			}
			return "an SSH key or login command", false
		}
	}
	if slices.Contains(rcFiles, path.Base(p)) {
		return "a shell start-up file", false
	}
	return "", false
}

// schedulerProcess says whether a program installs a scheduled or boot-time
// job: crontab given a file or stdin (not just listing), systemctl enable.
func schedulerProcess(p profile.Process) string {
	args := p.Argv[min(1, len(p.Argv)):]
	switch program(p) {
	case "crontab":
		if len(args) > 0 && !slices.ContainsFunc(args, func(a string) bool { return a == "-l" || a == "-r" }) {
			return "a cron job"
		}
	case "systemctl":
		if slices.Contains(args, "enable") || slices.Contains(args, "link") {
			return "a service started at boot"
		}
	case "at", "batch":
		return "a scheduled job"
	}
	return ""
}

// checkFootholds: writing cron, systemd, shell start-up, authorized_keys
// or git hook files, or installing a cron job or service with crontab or
// systemctl, is persistence (high; a git hook, which developer tools
// install too, medium; a write whose every open failed, medium).
func (c *checker) checkFootholds(d *profile.Dependency, phase string, b *profile.Behavior) {
	own := "/" + d.Path + "/"
	parts(b, func(b *profile.Behavior, un bool) {
		var high, medium []string
		var events []string
		for _, f := range b.Files {
			if f.Access != profile.AccessWrite && f.Access != profile.AccessReadWrite {
				continue
			}
			what, dev := foothold(f.Path)
			if what == "" || (d.Path != "" && strings.Contains(f.Path+"/", own)) || c.accepted(d, phase, baseline.FileItem(f, un)) {
				continue
			}
			v := f.Path + " (" + what
			if f.Failed {
				v += ", open failed"
			}
			v += ")"
			if dev || f.Failed {
				medium = append(medium, v)
			} else {
				high = append(high, v)
			}
			events = appendOnce(events, baseline.KindFileWrite)
		}
		for _, p := range b.Processes {
			if what := schedulerProcess(p); what != "" && !c.accepted(d, phase, baseline.ProcessItem(p, un)) {
				high = append(high, processValue(p)+" ("+what+")")
				events = appendOnce(events, baseline.KindProcess)
			}
		}
		for _, g := range []struct {
			sev  Severity
			vals []string
		}{{0, high}, {Medium, medium}} {
			if len(g.vals) > 0 {
				c.add(RulePersistence, g.sev, d, phase, fmt.Sprintf("%s installed persistence in the %s phase: %s", label(d), phase, strings.Join(g.vals, "; ")),
					Evidence{Event: strings.Join(events, "+"), Values: g.vals, Unattributed: un})
			}
		}
	})
}
