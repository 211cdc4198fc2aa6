package scan

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// Bundled functions: packages inside the function's own JavaScript files
// (esbuild, webpack) cannot be loaded one by one. Each bundle file is
// loaded in a process of its own in the import phase; the hook names the
// bundled package behind every record from the region table (a stack
// frame's position in the bundle → the package whose code is there), and
// the process's behaviour is split by package as in the invoke phase.

// regionTable is the hook's table of the bundle's bundle files, keyed by
// their path in the sandbox, and those paths.
func regionTable(b *bundle.Bundle) (hook.Regions, []string) {
	if len(b.BundleFiles) == 0 {
		return nil, nil
	}
	t := hook.Regions{}
	var files []string
	for _, bf := range b.BundleFiles {
		fr := hook.FileRegions{Owners: []string{""}}
		index := map[string]int{"": 0}
		for _, r := range bf.Regions {
			i, ok := index[r.Owner]
			if !ok {
				i = len(fr.Owners)
				index[r.Owner] = i
				fr.Owners = append(fr.Owners, r.Owner)
			}
			fr.Starts = append(fr.Starts, r.Line, r.Col, i)
		}
		for _, s := range bf.LoaderSites {
			fr.LoaderSites = append(fr.LoaderSites, s.Line, s.Col)
		}
		for h, owner := range bf.EvalOwners {
			i, ok := index[owner]
			if !ok {
				i = len(fr.Owners)
				index[owner] = i
				fr.Owners = append(fr.Owners, owner)
			}
			if fr.EvalHashes == nil {
				fr.EvalHashes = map[string]int{}
			}
			fr.EvalHashes[h] = i
		}
		abs := path.Join(plan.TaskRoot, bf.Path)
		t[abs] = fr
		files = append(files, abs)
	}
	return t, files
}

// addRegions puts the region table into the plan's control directory.
func addRegions(p *plan.Plan, b *bundle.Bundle) error {
	t, _ := regionTable(b)
	if t == nil {
		return nil
	}
	data, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("encoding the region table: %w", err)
	}
	p.Files[hook.RegionsPath] = data
	return nil
}

// bundleSteps are the import phase of bundled packages: one process per
// bundle file, loading it by its path the way the loader loads a package.
func bundleSteps(b *bundle.Bundle, linger string) []plan.Step {
	var steps []plan.Step
	for _, bf := range b.BundleFiles {
		steps = append(steps, plan.Step{
			Phase: profile.PhaseImport, Dependency: bf.Path, Dir: plan.TaskRoot,
			Args: []string{"-e", loaderJS, profiler.Marker, profile.PhaseImport, bf.Path, linger, path.Join(plan.TaskRoot, bf.Path)},
		})
	}
	return steps
}

// bundleFileNames lists the bundle files' paths: the dependency field of
// their import runs.
func bundleFileNames(b *bundle.Bundle) []string {
	out := make([]string, 0, len(b.BundleFiles))
	for _, bf := range b.BundleFiles {
		out = append(out, bf.Path)
	}
	return out
}

// bundleProblems warns about files that look bundled but say nothing
// about the packages in them, and about bundled packages of unknown
// version.
func bundleProblems(p *profile.Profile, b *bundle.Bundle) {
	if len(b.Unsupported) > 0 {
		p.AddProblem(profile.Problem{Code: "functions-not-scanned", Message: fmt.Sprintf(
			"the template's %s %s of a runtime depbox does not run (only Node.js and Python): not scanned; review %s by other means",
			plural(len(b.Unsupported), "function", "functions"), strings.Join(b.Unsupported, ", "), plural(len(b.Unsupported), "it", "them"))})
	}
	for _, f := range b.Opaque {
		p.AddProblem(profile.Problem{Code: "opaque-bundle", Message: fmt.Sprintf(
			"%s looks bundled (a bundler's runtime or minified code) but has no source map and no region comments: what the packages inside it do counts as the function's own; build it with a source map (esbuild --sourcemap, CDK sourceMap: true) or without minification", f)})
	}
	var unknown []string
	for _, pkg := range b.Packages {
		if pkg.BundledIn != "" && pkg.Version == profile.VersionUnknown {
			unknown = append(unknown, pkg.Name)
		}
	}
	if len(unknown) > 0 {
		p.AddProblem(profile.Problem{Code: "bundled-version-unknown", Message: fmt.Sprintf(
			"the versions of %d bundled %s are unknown (%s): advisories are matched by name only; pass the project's lockfile with --lockfile",
			len(unknown), plural(len(unknown), "package", "packages"), strings.Join(firstN(unknown, 5), ", "))})
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func firstN(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], fmt.Sprintf("and %d more", len(s)-n))
}
