package bundle

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLayouts inventories the package layouts other than npm's flat tree:
// pnpm's store (packages listed where their files are, links left to what
// they point to, integrity from pnpm-lock.yaml by name and version), npm
// workspaces (linked workspace packages are the function's own code, their
// own node_modules are listed), yarn v1 (integrity from yarn.lock) and
// bundleDependencies (a package shipped in another's tarball names it).
func TestLayouts(t *testing.T) {
	bundledDeps := t.TempDir()
	writeFiles(t, bundledDeps, map[string]string{
		"index.js":                    "",
		"node_modules/a/package.json": `{"name":"a","version":"1.0.0","dependencies":{"b":"2","c":"1"},"bundleDependencies":["b"]}`,
		"node_modules/a/node_modules/b/package.json":   `{"name":"b","version":"2.0.0"}`,
		"node_modules/a/node_modules/c/package.json":   `{"name":"c","version":"1.0.0"}`,
		"node_modules/all/package.json":                `{"name":"all","version":"1.0.0","bundledDependencies":true}`,
		"node_modules/all/node_modules/d/package.json": `{"name":"d","version":"1.0.0"}`,
	})
	const (
		debugSRI = "sha512-Er2nc/H7RrMXZBFCEim6TCmMk02Z8vLC2Rbi1KEBggpo0fS6l0S1nnapwmIi3yW/+GOJap1Krg4w0Hg80oCqgQ=="
		ms213SRI = "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="
		ms200SRI = "sha512-Tpp60P6IUJDTuOq/5Z8cdskzJujfwqfOTkrwIwj7IRISpnkJnT6SyJ4PCPnGMoFjC9ddhal5KVIYtAt97ix05A=="
	)
	tests := []struct {
		name, dir, lockfile string
		// packages: path@version, each followed by its integrity if any.
		packages []string
		requires map[string][]string
		bundled  map[string]string // path → BundledBy
	}{
		{
			name: "pnpm", dir: "../scan/testdata/bundles/pnpm", lockfile: "pnpm-lock.yaml",
			packages: []string{
				"node_modules/.pnpm/debug@4.3.7/node_modules/debug@4.3.7 " + debugSRI,
				"node_modules/.pnpm/grabber@file+grabber/node_modules/grabber@1.0.0",
				"node_modules/.pnpm/ms@2.1.3/node_modules/ms@2.1.3 " + ms213SRI,
			},
			requires: map[string][]string{
				"node_modules/.pnpm/debug@4.3.7/node_modules/debug":            {"node_modules/.pnpm/ms@2.1.3/node_modules/ms"},
				"node_modules/.pnpm/grabber@file+grabber/node_modules/grabber": {"node_modules/.pnpm/ms@2.1.3/node_modules/ms"},
			},
		},
		{
			name: "npm workspaces", dir: "../scan/testdata/bundles/workspaces", lockfile: "package-lock.json",
			packages: []string{
				"node_modules/leaky@1.0.0",
				"node_modules/split-exports@1.0.0",
				"node_modules/ms@2.1.3 " + ms213SRI,
				"packages/shared/node_modules/ms@2.0.0 " + ms200SRI,
			},
		},
		{
			name: "yarn v1", dir: "testdata/yarn", lockfile: "yarn.lock",
			packages: []string{
				"node_modules/debug@4.3.7 " + debugSRI,
				"node_modules/debug/node_modules/ms@2.1.3 " + ms213SRI,
				"node_modules/ms@2.0.0 " + ms200SRI,
			},
			requires: map[string][]string{"node_modules/debug": {"node_modules/debug/node_modules/ms"}},
		},
		{
			name: "bundleDependencies", dir: bundledDeps,
			packages: []string{
				"node_modules/a@1.0.0",
				"node_modules/a/node_modules/b@2.0.0",
				"node_modules/a/node_modules/c@1.0.0",
				"node_modules/all@1.0.0",
				"node_modules/all/node_modules/d@1.0.0",
			},
			bundled: map[string]string{
				"node_modules/a/node_modules/b":   "node_modules/a",
				"node_modules/a/node_modules/c":   "",
				"node_modules/all/node_modules/d": "node_modules/all",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Open(filepath.FromSlash(tt.dir), t.TempDir(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if b.Lockfile != tt.lockfile {
				t.Errorf("Lockfile = %q, want %q", b.Lockfile, tt.lockfile)
			}
			var got []string
			for _, p := range b.Packages {
				got = append(got, strings.TrimSpace(p.Path+"@"+p.Version+" "+p.Integrity))
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.packages))
			if !slices.Equal(got, want) {
				t.Errorf("packages:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			for ip, want := range tt.requires {
				if p := b.Package(ip); p == nil || !slices.Equal(p.Requires, want) {
					t.Errorf("%s requires %+v, want %v", ip, p, want)
				}
			}
			for ip, want := range tt.bundled {
				if p := b.Package(ip); p == nil || p.BundledBy != want {
					t.Errorf("%s: %+v, want bundled by %q", ip, p, want)
				}
			}
		})
	}
}
