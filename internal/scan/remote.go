package scan

import (
	"strings"

	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// remoteCode returns the packages (install paths; "" for the function's
// own code) that evaluated code holding the fake internet's marker: code
// they fetched over HTTP and then ran.
func remoteCode(marker string, evaluated []profiler.Outgoing) map[string]bool {
	out := map[string]bool{}
	if marker == "" {
		return out
	}
	for _, e := range evaluated {
		if strings.Contains(string(e.Data), marker) {
			out[e.Pkg] = true
		}
	}
	return out
}

// markRemoteArgv marks behaviour whose processes carry the marker on their
// command line (node -e "$(curl …)", sh -c "$(wget -O- …)") as remote code.
func markRemoteArgv(b *profile.Behavior, marker string) {
	for x := b; x != nil && marker != ""; x = x.Unattributed {
		for _, p := range x.Processes {
			if strings.Contains(strings.Join(p.Argv, " "), marker) {
				x.Capabilities = append(x.Capabilities, profiler.CapRemoteCode)
				break
			}
		}
	}
}
