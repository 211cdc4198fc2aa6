package verdict

import (
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
)

// This file is DBX007's "lookup" class beyond lookupPrograms (risk.go):
// version probes and globs over read-only system directories. The
// inline-code classification (interpreters' -c/-e) is elsewhere.

// lookupProcess reports whether a process DBX007 counts only looks up
// local state: a lookup shell (lookupShell), or a shell or downloader
// asked for its version as a program of its own (`bash --version`, as the
// shell that ran `sh -c "bash --version"` starts it).
func lookupProcess(p profile.Process) bool {
	if lookupShell(p) {
		return true
	}
	return systemBinary(p.Binary) && versionProbe(p.Argv)
}

// systemBinary reports whether the program a process ran is known and
// installed on the system, not a file the package ships or wrote that is
// named like one (DBX020 judges those).
func systemBinary(bin string) bool {
	return bin != "" && slices.Contains([]string{"/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin"}, path.Dir(bin))
}

// shortVersion is the short flag that only prints the version, for the
// programs whose manuals say so. Elsewhere a short -v may mean verbose, or
// start a session on the program's input (`sh -v`, `python -v`, `ed`),
// `ruby -v` runs a program after printing its version and `env -v` prints
// the environment: an unknown program's short flag is not a probe.
var shortVersion = map[string]string{
	"node": "-v", "nodejs": "-v", "npm": "-v", "yarn": "-v", "pnpm": "-v", "pm2": "-v", "bun": "-v",
	"perl": "-v", "php": "-v", "python": "-V", "python2": "-V", "python3": "-V", "pip": "-V", "pip3": "-V",
	"mysql": "-V", "psql": "-V", "postgres": "-V", "nginx": "-v", "apachectl": "-v", "httpd": "-v",
}

// versionProbe reports whether a simple command asks a program found on
// PATH (a bare name: no ./x, no /tmp/x) for its version and nothing else:
// `PROG --version` (the GNU convention: print and exit; a program that
// does not know the flag refuses it), or a shortVersion flag. `version` as
// a subcommand is not one (`kubectl version` asks its cluster).
func versionProbe(argv []string) bool {
	if len(argv) != 2 || argv[0] == "" || strings.ContainsAny(argv[0], "/"+globChars) {
		return false
	}
	prog, flag := argv[0], argv[1]
	if flag == "--version" {
		return true
	}
	if f, ok := shortVersion[strings.TrimRight(prog, "0123456789.")]; ok {
		return flag == f
	}
	return false
}

// globRoots are the directories whose files a lookup may name by a glob
// (`cat /etc/*-release`, `/sys/class/thermal/thermal_zone*/temp`): system
// descriptions, the same for every process. /proc is not among them (a
// glob there spans processes: /proc/*/environ), nor a home directory.
var globRoots = []string{"/etc/", "/sys/", "/usr/lib/", "/usr/share/"}

// globChars make a word a glob (sh has no brace expansion).
const globChars = "*?["

// lookupWord reports whether a word of a lookup command line is a literal,
// or a glob over an absolute path under globRoots with no "..".
func lookupWord(w string) bool {
	if !strings.ContainsAny(w, globChars) {
		return true
	}
	if strings.Contains(w, "..") || strings.Contains(w, "//") {
		return false
	}
	for _, r := range globRoots {
		if rest, ok := strings.CutPrefix(w, r); ok && rest != "" {
			return true
		}
	}
	return false
}

// lookupCommand reports whether a simple command (its words) only looks
// something up: a lookupProgram or a version probe, every word a literal
// or a glob lookupWord allows.
func lookupCommand(f []string) bool {
	if !slices.Contains(lookupPrograms, f[0]) && !versionProbe(f) {
		return false
	}
	for _, w := range f {
		if !lookupWord(w) {
			return false
		}
	}
	return true
}
