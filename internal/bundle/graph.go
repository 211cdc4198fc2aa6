package bundle

import (
	"path"
	"slices"
	"strings"
)

// index returns packages by path. Bundles from Open carry one; for a Bundle
// built by hand it is computed on the fly.
func (b *Bundle) index() map[string]*Package {
	if b.byPath != nil {
		return b.byPath
	}
	m := make(map[string]*Package, len(b.Packages))
	for _, p := range b.Packages {
		m[p.Path] = p
	}
	return m
}

// Package returns the package installed at path, or nil.
func (b *Bundle) Package(path string) *Package {
	return b.index()[path]
}

// Owner returns the install path of the innermost package containing the
// bundle-relative file path p ("node_modules/a/node_modules/b/lib/x.js" →
// "node_modules/a/node_modules/b"), or "" when p is not inside any package.
// A package's own directory is inside it. An absolute p is a file of a
// layer ("/opt/nodejs/node_modules/x/index.js").
func (b *Bundle) Owner(p string) string {
	p = path.Clean(strings.TrimPrefix(p, "./"))
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) && !strings.HasPrefix(p, LayerMount+"/") {
		return ""
	}
	if b.owners != nil {
		return b.pythonOwner(p)
	}
	idx := b.index()
	for {
		if _, ok := idx[p]; ok {
			return p
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
}

// Levels returns the packages grouped so that every package comes after the
// packages it Requires: level 0 holds the leaves. Cycles are broken
// deterministically: a depth-first search visits packages and their
// Requires in path order and ignores every edge that closes a cycle (an
// edge back to a package still being visited). Each level is sorted by Path.
// Packages bundled into a file of the function are not in any level: they
// cannot be loaded on their own.
func (b *Bundle) Levels() [][]*Package {
	idx := b.index()
	pkgs := slices.DeleteFunc(slices.Clone(b.Packages), func(p *Package) bool { return p.BundledIn != "" })
	slices.SortFunc(pkgs, func(x, y *Package) int { return strings.Compare(x.Path, y.Path) })

	const (
		unvisited = iota
		active
		done
	)
	state := make(map[*Package]int, len(pkgs))
	level := make(map[*Package]int, len(pkgs))
	var visit func(p *Package)
	visit = func(p *Package) {
		state[p] = active
		lv := 0
		reqs := slices.Clone(p.Requires)
		slices.Sort(reqs)
		for _, r := range reqs {
			q := idx[r]
			if q == nil || q == p {
				continue
			}
			switch state[q] {
			case active:
				continue // closes a cycle: ignored
			case unvisited:
				visit(q)
			}
			lv = max(lv, level[q]+1)
		}
		level[p] = lv
		state[p] = done
	}
	for _, p := range pkgs {
		if state[p] == unvisited {
			visit(p)
		}
	}

	var out [][]*Package
	for _, p := range pkgs {
		lv := level[p]
		for len(out) <= lv {
			out = append(out, nil)
		}
		out[lv] = append(out[lv], p) // pkgs is sorted, so each level is too
	}
	return out
}
