package verdict

import (
	"testing"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// TestFootholds: writing cron, systemd, shell start-up, authorized_keys
// files or installing jobs is DBX021 (high); a git hook or a failed write
// medium; the package's own files, /tmp and ordinary home files nothing;
// a baseline that records it accepts it.
func TestFootholds(t *testing.T) {
	w := func(p string) profile.File { return profile.File{Path: p, Access: profile.AccessWrite} }
	files := func(fs ...profile.File) *profile.Behavior { return &profile.Behavior{Files: fs} }
	procs := func(argv ...string) *profile.Behavior {
		return &profile.Behavior{Processes: []profile.Process{{Argv: argv, Result: "ENOENT"}}}
	}
	tests := []struct {
		name string
		b    *profile.Behavior
		want Severity // 0: no finding
	}{
		{"~/.bashrc (nx s1ngularity)", files(w("/home/sbx_user/.bashrc")), High},
		{"~/.zshrc appended", files(profile.File{Path: "/home/sbx_user/.zshrc", Access: profile.AccessReadWrite}), High},
		{"~/.profile", files(w("/root/.profile")), High},
		{"authorized_keys", files(w("/home/sbx_user/.ssh/authorized_keys")), High},
		{"user systemd unit (CanisterWorm)", files(w("/home/sbx_user/.config/systemd/user/pgmon.service")), High},
		{"system unit", files(w("/etc/systemd/system/x.service")), High},
		{"cron.d", files(w("/etc/cron.d/update")), High},
		{"spool crontab", files(w("/var/spool/cron/crontabs/root")), High},
		{"/etc/profile.d", files(w("/etc/profile.d/x.sh")), High},
		{"ld.so.preload", files(w("/etc/ld.so.preload")), High},
		{"crontab - (missing program: judged)", procs("crontab", "-"), High},
		{"systemctl --user enable", procs("systemctl", "--user", "enable", "pgmon"), High},
		{"git hook (husky-like)", files(w("/var/task/.git/hooks/pre-commit")), Medium},
		{"failed write to /etc/crontab", files(profile.File{Path: "/etc/crontab", Access: profile.AccessWrite, Failed: true}), Medium},
		{"crontab -l only lists", procs("crontab", "-l"), 0},
		{"read of ~/.bashrc", files(profile.File{Path: "/home/sbx_user/.bashrc", Access: profile.AccessRead}), 0},
		{"a .profile file inside node_modules", files(w("/var/task/node_modules/other/.profile")), 0},
		{"own directory (install output)", files(w("/var/task/node_modules/evil/.ssh/authorized_keys")), 0},
		{"tmp and cache", files(w("/tmp/x/.cache"), w("/home/sbx_user/.cache/evil/x.json")), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, phase := range []string{profile.PhaseInstall, profile.PhaseImport, profile.PhaseInvoke} {
				p := &profile.Profile{Schema: profile.Schema, Dependencies: []profile.Dependency{pkgAt("node_modules/evil", map[string]*profile.Behavior{phase: tc.b})}}
				sev, fired := rulesOn(Evaluate(Input{Profile: p}, Options{}), "node_modules/evil")[RulePersistence]
				if fired != (tc.want != 0) || fired && sev != tc.want {
					t.Errorf("%s phase: DBX021 fired %v at %v, want %v", phase, fired, sev, tc.want)
				}
				if !fired {
					continue
				}
				if res := Evaluate(Input{Profile: p, Baseline: baseline.FromProfile(p)}, Options{}); rulesOn(res, "node_modules/evil")[RulePersistence] != 0 {
					t.Errorf("%s phase: a baseline recording it does not accept it: %+v", phase, res.Findings)
				}
			}
		})
	}
}
