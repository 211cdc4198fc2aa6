package verdict

import (
	"regexp"
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
)

// Downloads run as code without passing through a file: `curl … | bash`,
// `wget -O- … | sh`, `bash <(curl …)`, `sh -c "$(curl …)"`. The code the
// shell runs never appears on a command line (it arrives on a pipe), so
// the fake internet's marker cannot show it; the command line itself says
// it (DBX019).

var (
	// pipedRE: a downloader whose output is piped into a shell or a
	// language runtime; group 2 is the program, group 3 its first flag.
	pipedRE = regexp.MustCompile(`\b(curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\S*/)?(?:env\s+)?` +
		`(sh|bash|dash|zsh|ksh|ash|mksh|busybox\s+sh|node|nodejs|bun|deno|python[0-9.]*|perl|ruby|php)\b(\s+-\S*)?`)
	// substRE: a download substituted into a shell's command or script
	// (`bash <(curl …)`, `sh -c "$(wget -O- …)"`, `eval "$(curl …)"`,
	// `. <(curl …)`).
	substRE = regexp.MustCompile(`(?:\b(?:sh|bash|dash|zsh|ksh|ash|eval|source)|(?:^|[\s;&|(])\.)\s+(?:-\S+\s+)*["']?(?:\$\(|<\(|` + "`" + `)\s*(?:curl|wget)\b`)
)

// inlineFlags run the code given on the command line: a download piped
// into `python3 -c "…"` or `node -e "…"` is data that code reads (a JSON
// answer parsed), not code run.
var inlineFlags = []string{"-c", "-e", "-E", "-p", "-pe", "-r", "--eval", "--print"}

// pipedDownload returns why a shell's command line runs a download as
// code ("a download piped into bash"), or "".
func pipedDownload(p profile.Process) string {
	if !slices.Contains(shells, program(p)) || len(p.Argv) < 2 {
		return ""
	}
	cmd := strings.Join(p.Argv[1:], " ")
	for _, m := range pipedRE.FindAllStringSubmatch(cmd, -1) {
		if slices.Contains(inlineFlags, strings.TrimSpace(m[3])) {
			continue
		}
		return "a download piped into " + strings.Fields(m[2])[0]
	}
	if substRE.MatchString(cmd) {
		return "a download run by a shell"
	}
	return ""
}
