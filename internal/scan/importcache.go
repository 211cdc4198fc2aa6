package scan

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/contenthash"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// importCacheVersion is bumped whenever what an entry means changes.
const importCacheVersion = "depbox-import-cache-v2"

// importEntry is what an import run of one package left: its behaviour in
// the profile, what its whole process tree did (for the subtraction of the
// packages that load it), and the packages it loaded, with their digests.
type importEntry struct {
	Version  string            `json:"version"`
	Behavior *profile.Behavior `json:"behavior"`
	All      *profile.Behavior `json:"all"`
	Result   plan.StepResult   `json:"result"`
	// Loaded maps the install path of each package the run loaded to its
	// content digest: a loaded package that changed (an undeclared
	// require, outside the declared closure) invalidates the entry.
	Loaded map[string]string `json:"loaded"`
}

// importCache reuses import-phase results of packages whose code, and the
// code of everything they resolve to, did not change since an earlier scan
// on the same depbox, node and settings: a re-run only analyses what
// changed (DESIGN.md "plan").
type importCache struct {
	dir     string
	world   string
	digests map[string]string // install path → content digest
	keys    map[string]string // install path → entry key
	hits    map[string]*importEntry
}

// newImportCache computes each package's digest and key and looks every
// package up. world covers everything besides the packages that changes a
// result: the depbox binary, the root file system, the settings.
// only, when not nil, limits the look-ups to those packages (a world
// variant's targets): the entries of the others are not read.
func newImportCache(dir string, b *bundle.Bundle, world string, only map[string]bool) (*importCache, error) {
	c := &importCache{dir: dir, world: world, digests: map[string]string{}, keys: map[string]string{}, hits: map[string]*importEntry{}}
	for _, pkg := range b.Packages {
		if pkg.BundledIn != "" {
			continue // part of a bundle file: never imported on its own
		}
		// From the hashes staging took: no file is read again.
		d := b.DirDigest(pkg.Path, "node_modules")
		if d == "" {
			return nil, fmt.Errorf("hashing %s: not a directory of the staged bundle or its layers", pkg.Path)
		}
		c.digests[pkg.Path] = d
	}
	for _, pkg := range b.Packages {
		if pkg.BundledIn != "" {
			continue
		}
		closure := map[string]bool{}
		var walk func(p string)
		walk = func(p string) {
			if closure[p] {
				return
			}
			closure[p] = true
			if q := b.Package(p); q != nil {
				for _, r := range q.Requires {
					walk(r)
				}
			}
		}
		walk(pkg.Path)
		paths := make([]string, 0, len(closure))
		for p := range closure {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		h := sha256.New()
		fmt.Fprintf(h, "%s\n%s\n%s\n", importCacheVersion, world, pkg.Path)
		for _, p := range paths {
			fmt.Fprintf(h, "%s %s\n", p, c.digests[p])
		}
		c.keys[pkg.Path] = hex.EncodeToString(h.Sum(nil))
	}
	for path, key := range c.keys {
		if only != nil && !only[path] {
			continue
		}
		e, err := c.read(key)
		if err != nil || e == nil {
			continue // a missing or unreadable entry is a miss
		}
		fresh := true
		for lp, ld := range e.Loaded {
			if c.digests[lp] != ld {
				fresh = false
			}
		}
		if fresh {
			c.hits[path] = e
		}
	}
	return c, nil
}

func (c *importCache) file(key string) string { return filepath.Join(c.dir, key[:2], key+".json") }

func (c *importCache) read(key string) (*importEntry, error) {
	b, err := os.ReadFile(c.file(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var e importEntry
	if err := json.Unmarshal(b, &e); err != nil || e.Version != importCacheVersion || e.Behavior == nil || e.All == nil {
		return nil, err
	}
	return &e, nil
}

// store records the import result of a package that ran in this scan.
func (c *importCache) store(path string, beh *profile.Behavior, run *profiler.Run, res plan.StepResult) error {
	e := importEntry{Version: importCacheVersion, Behavior: beh, All: run.All, Result: res, Loaded: map[string]string{}}
	for _, lp := range run.Loaded {
		e.Loaded[lp] = c.digests[lp]
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	f := c.file(c.keys[path])
	if err := os.MkdirAll(filepath.Dir(f), 0o700); err != nil {
		return err
	}
	tmp := f + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, f)
}

// known returns the All behaviours of the cached packages, for Attribute.
func (c *importCache) known() map[profiler.RunKey]*profile.Behavior {
	out := map[profiler.RunKey]*profile.Behavior{}
	for p, e := range c.hits {
		out[profiler.RunKey{Phase: profile.PhaseImport, Dependency: p}] = e.All
	}
	return out
}

// worldKey covers what besides the packages decides an import result. The
// depbox binary counts by content (remembered by file identity in the
// cache directory, not read again on every scan).
func worldKey(o Options, rootfs, function string) (string, error) {
	self, err := contenthash.New(filepath.Join(o.CacheDir, "hashes")).File(o.Self)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%v %v %v %v %v %s\n", self, filepath.Base(rootfs), o.NoHook, o.IsolateImports, o.Linger, o.StepTimeout, o.TimerBudget, strings.Join([]string{function, fmt.Sprint(o.FunctionMemoryMB)}, " "))
	return hex.EncodeToString(h.Sum(nil)), nil
}
