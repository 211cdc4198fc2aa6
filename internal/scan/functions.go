package scan

import (
	"context"
	"fmt"
	"os"

	"github.com/depbox/depbox/profile"
)

// ScanFunctions scans a bundle whose SAM/CloudFormation template or
// serverless.yml names several functions, function by function: one
// profile each, in the template's order. Dependencies they share are
// analysed once: the first scan runs the install phase and imports every
// package; the others reuse its import results (through the import cache,
// a private one for this call when o.ImportCache is "") and its install
// phase, and run their own handler's invoke phase. With o.Function or
// o.Handler set, or a bundle of at most one function, it is Scan.
func ScanFunctions(ctx context.Context, o Options) ([]*profile.Profile, []*Stats, error) {
	if o.Function == "" && o.Handler == "" && o.ImportCache == "" {
		dir, err := os.MkdirTemp(WorkBase(o.WorkDir), "depbox-functions-")
		if err != nil {
			return nil, nil, fmt.Errorf("creating the import cache the template's functions share: %w", err)
		}
		defer os.RemoveAll(dir)
		o.ImportCache = dir
	}
	first, st, err := Scan(ctx, o)
	if err != nil {
		return nil, nil, err
	}
	profiles, stats := []*profile.Profile{first}, []*Stats{st}
	if o.Function != "" || o.Handler != "" {
		return profiles, stats, nil
	}
	rest := o
	rest.InstallPhase = false
	for _, name := range first.Bundle.Functions {
		if name == first.Bundle.Function {
			continue
		}
		if o.Log != nil {
			o.Log.Info("scanning the template's next function", "function", name)
		}
		rest.Function = name
		p, st, err := Scan(ctx, rest)
		if err != nil {
			return nil, nil, fmt.Errorf("function %s: %w", name, err)
		}
		shareInstall(p, first)
		profiles, stats = append(profiles, p), append(stats, st)
	}
	return profiles, stats, nil
}

// shareInstall gives p the install phase of the packages from, the scan
// that ran it for the bundle both come from.
func shareInstall(p, from *profile.Profile) {
	for i := range p.Dependencies {
		d := &p.Dependencies[i]
		src := from.Dependency(d.Path)
		if src == nil || src.Phases[profile.PhaseInstall] == nil {
			continue
		}
		beh := *src.Phases[profile.PhaseInstall]
		d.Phases[profile.PhaseInstall] = &beh
	}
	for _, pr := range from.Problems {
		if pr.Phase == profile.PhaseInstall {
			p.AddProblem(pr)
		}
	}
	p.Settle()
	p.Canonicalize()
}
