package scan

import (
	"path"
	"strings"

	"github.com/depbox/depbox/profile"
)

// dropScopeRead removes, from the import behaviour of the package at
// install path ip, the read of the package.json of the directory its
// loader resolved it from, when that directory is outside node_modules (a
// workspace package's own node_modules: packages/shared/node_modules/x).
// Node reads it when resolving any name from there (a package may refer to
// itself by name), as the reference process reads the task root's: it is
// not the package's behaviour.
func dropScopeRead(b *profile.Behavior, ip string) {
	if !strings.Contains(ip, "node_modules/") {
		return // not an npm package (a Python distribution's dist-info)
	}
	dir, _ := resolveFrom(ip)
	if dir == "" || strings.Contains(dir+"/", "/node_modules/") {
		return
	}
	scope := path.Join(dir, "package.json")
	files := b.Files[:0]
	for _, f := range b.Files {
		if f.Path != scope || f.Access != profile.AccessRead {
			files = append(files, f)
		}
	}
	b.Files = files
}
