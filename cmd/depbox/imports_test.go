package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/depbox/depbox"

// publicImports lists the public packages (the design card's layout: other
// Go programs embed them) and the only packages of this module each may
// import, directly or through another. Everything else of the module —
// internal/cli, scan, audit, verdict, report, … — builds on them, never the
// other way round. sandbox and profiler do not know each other: the
// monitoring configuration travels between them as bytes.
var publicImports = map[string][]string{
	"profile":            {},
	"baseline":           {"profile"},
	"profiler":           {"profile", "internal/hook"},
	"sandbox":            {"internal/contenthash"}, // a leaf: file hashes memoised by identity for the rootfs key
	"sandbox/containerd": {"sandbox", "internal/contenthash"},
}

// moduleImports parses the module's packages (not their tests) and returns,
// per package (path relative to the module), the module packages it imports.
func moduleImports(t *testing.T, root string, tests bool) map[string][]string {
	t.Helper()
	graph := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "bin") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != root {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") != tests {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		if tests {
			pkg = filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator)))
		}
		if _, ok := graph[pkg]; !ok {
			graph[pkg] = nil
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			if dep, ok := strings.CutPrefix(p, module+"/"); ok && !slices.Contains(graph[pkg], dep) {
				graph[pkg] = append(graph[pkg], dep)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return graph
}

// TestImportsFlowOneWay checks that the public packages import only what
// publicImports allows them (transitively), and that only the command
// imports internal/cli.
func TestImportsFlowOneWay(t *testing.T) {
	root := filepath.Join("..", "..")
	graph := moduleImports(t, root, false)
	for pkg := range publicImports {
		if _, ok := graph[pkg]; !ok {
			t.Errorf("public package %s does not exist: update publicImports", pkg)
		}
	}
	for pkg, allowed := range publicImports {
		seen := map[string]bool{}
		var walk func(p string, via []string)
		walk = func(p string, via []string) {
			for _, dep := range graph[p] {
				if seen[dep] {
					continue
				}
				seen[dep] = true
				path := append(slices.Clone(via), dep)
				if !slices.Contains(allowed, dep) {
					t.Errorf("public package %s imports %s (%s): public packages import only %v, so that embedding them does not pull in the CLI's machinery",
						pkg, dep, strings.Join(path, " → "), allowed)
				}
				walk(dep, path)
			}
		}
		walk(pkg, []string{pkg})
	}
	for pkg, deps := range graph {
		if slices.Contains(deps, "internal/cli") && pkg != "cmd/depbox" {
			t.Errorf("%s imports internal/cli: only cmd/depbox may", pkg)
		}
	}
}

// TestExamplesUsePublicAPI checks that the public packages' examples — the
// documentation of how to embed them — use nothing internal.
func TestExamplesUsePublicAPI(t *testing.T) {
	root := filepath.Join("..", "..")
	found := 0
	for file, deps := range moduleImports(t, root, true) {
		dir := filepath.ToSlash(filepath.Dir(file))
		if _, public := publicImports[dir]; !public || !strings.HasPrefix(filepath.Base(file), "example") {
			continue
		}
		found++
		for _, dep := range deps {
			if strings.HasPrefix(dep, "internal/") {
				t.Errorf("%s imports %s: an example shows the public API only", file, dep)
			}
		}
	}
	if found < 4 {
		t.Errorf("found %d example files in the public packages, want one per package at least", found)
	}
}
