package scan

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// lifecycle are the scripts npm runs when it installs a package, in order.
var lifecycle = []string{"preinstall", "install", "postinstall"}

// InstallPlan makes the install phase: for every package that declares
// lifecycle scripts, one process tree that runs them in npm's order with the
// environment npm gives scripts, packages in dependency order (leaves
// first). It returns nil when no package declares a script. The bundle is
// writable in this phase (as it is during npm install); writes go to a copy.
// o.Canaries must be set.
func InstallPlan(b *bundle.Bundle, o Options) (*plan.Plan, error) {
	o.defaults()
	p := basePlan(o)
	p.WritableTask = true
	// Scripts run as sbx_user too, owning their copy of the bundle: as root
	// in the sandbox they could overwrite the runner's results and the fake
	// internet's log.
	p.UID, p.GID = plan.SandboxUID, plan.SandboxGID
	if err := addWorld(p, b, o); err != nil {
		return nil, err
	}
	// The reference: what a shell starting node does, subtracted from every script.
	refScript := "#!/bin/sh\n/usr/bin/node -e 0\n"
	p.Files[plan.ControlDir+"/steps/reference.sh"] = []byte(refScript)
	p.Levels = append(p.Levels, []plan.Step{{
		Phase: profile.PhaseInstall, Dependency: profiler.Reference, Program: "/bin/sh", Dir: plan.TaskRoot,
		Args: []string{plan.ControlDir + "/steps/reference.sh", profiler.Marker, profile.PhaseInstall, profiler.Reference},
	}})
	n := 0
	for _, level := range b.Levels() {
		var steps []plan.Step
		for _, pkg := range level {
			if len(pkg.Scripts) == 0 {
				continue
			}
			n++
			file := fmt.Sprintf("%s/steps/install-%d.sh", plan.ControlDir, n)
			p.Files[file] = []byte(installScript(pkg))
			dir := sandboxDir(pkg.Path)
			steps = append(steps, plan.Step{
				Phase: profile.PhaseInstall, Dependency: pkg.Path, Program: "/bin/sh", Dir: dir,
				Args: []string{file, profiler.Marker, profile.PhaseInstall, pkg.Path},
				Env:  npmEnv(pkg, o),
			})
		}
		if len(steps) > 0 {
			p.Levels = append(p.Levels, steps)
		}
	}
	if n == 0 {
		return nil, nil
	}
	return p, nil
}

// installScript runs a package's lifecycle scripts the way npm does: each
// with `sh -c`, in order, stopping at the first failure.
func installScript(pkg *bundle.Package) string {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n# depbox: lifecycle scripts of " + pkg.Path + "\n")
	for _, ev := range lifecycle {
		script, ok := pkg.Scripts[ev]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "npm_lifecycle_event=%s npm_lifecycle_script=%s /bin/sh -c %s || exit $?\n",
			ev, shellQuote(script), shellQuote(script))
	}
	return b.String()
}

// npmEnv is the environment npm (v10) gives lifecycle scripts.
func npmEnv(pkg *bundle.Package, o Options) []string {
	dir := sandboxDir(pkg.Path)
	// npm puts every node_modules/.bin from the package up to the root first on PATH.
	var bins []string
	for d := dir; ; d = path.Dir(d) {
		if path.Base(d) != "node_modules" && !strings.HasPrefix(path.Base(d), "@") {
			bins = append(bins, path.Join(d, "node_modules", ".bin"))
		}
		if d == plan.TaskRoot || d == "/" {
			break
		}
	}
	bins = slices.Compact(bins)
	return []string{
		"PATH=" + strings.Join(bins, ":") + ":/usr/local/bin:/usr/bin:/bin",
		"npm_package_name=" + pkg.Name,
		"npm_package_version=" + pkg.Version,
		"npm_package_json=" + path.Join(dir, "package.json"),
		"npm_command=install",
		"npm_config_user_agent=npm/10.8.2 node/v20.20.2 linux x64 workspaces/false",
		"npm_config_global=",
		"npm_config_cache=/home/sbx_user/.npm",
		"npm_config_prefix=/usr/local",
		"npm_config_node_gyp=/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js",
		"npm_node_execpath=/usr/bin/node",
		"npm_execpath=/usr/lib/node_modules/npm/bin/npm-cli.js",
		"INIT_CWD=" + plan.TaskRoot,
		"NODE=/usr/bin/node",
	}
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
