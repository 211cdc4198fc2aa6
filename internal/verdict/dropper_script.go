package verdict

import (
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
)

// writtenScript returns the file a shell or interpreter was given to run
// when the package wrote that file itself (`python3 /tmp/helper.py` after
// downloading helper.py, `sh /tmp/x.sh`): running a second stage through
// its interpreter is dropping it as much as executing a binary is. Only
// absolute paths are compared (a relative one depends on a working
// directory the profile does not have); "" when there is none.
func writtenScript(p profile.Process, written map[string]bool) string {
	bin := p.Binary
	if bin == "" && len(p.Argv) > 0 {
		bin = p.Argv[0]
	}
	base := path.Base(bin)
	if !slices.Contains(shells, base) && !slices.Contains(runners, strings.TrimRight(base, "0123456789.")) {
		return ""
	}
	for _, a := range p.Argv[min(1, len(p.Argv)):] {
		if a == "-c" || a == "-e" || a == "--eval" || a == "-m" {
			return "" // inline code or a module follows: judged by DBX007 or not a file
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		// The first operand is the script; what follows is its own
		// arguments (shelljs runs its shipped exec-child.js with a
		// parameters file it wrote in /tmp: data, not code).
		if path.IsAbs(a) && written[path.Clean(a)] {
			return a
		}
		return ""
	}
	return ""
}
