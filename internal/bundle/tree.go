package bundle

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/contenthash"
)

// kind is the type of a bundle entry.
type kind uint8

const (
	kindDir kind = iota + 1
	kindFile
	kindLink
)

// maxLinkHops bounds symlink resolution, like the kernel's ELOOP limit.
const maxLinkHops = 40

// entry is one file, directory or symlink of the bundle, before and after
// staging.
type entry struct {
	name     string // cleaned, slash-separated, relative to the bundle root
	kind     kind
	exec     bool   // regular file with an executable bit
	target   string // symlink target (relative)
	size     int64  // declared size of a regular file (stat or zip header)
	zip      bool   // comes from a zip: the compression ratio is checked
	csize    int64  // compressed size declared by the zip header
	implicit bool   // directory implied by a deeper entry, not listed itself
	open     func() (io.ReadCloser, error)
	stat     *unix.Stat_t      // a directory bundle's file: as it was listed
	sum      [sha256.Size]byte // content hash, filled while staging
}

// tree is the in-memory listing of a bundle. It is validated as a whole
// (duplicates, entries below files or symlinks, symlinks leaving the bundle)
// before anything is written, and later answers lookups for runtime, handler
// and inventory detection without touching the file system.
type tree struct {
	opts     Options
	root     *os.Root // the staged copy, set by materialize
	entries  map[string]*entry
	names    []string            // sorted, set by finish
	children map[string][]string // directory → sorted child base names, set by finish
	copyBuf  []byte              // staging's copy buffer, shared by every file
	memo     *contenthash.Tree   // remembers the copied files' hashes (Options.Memo), or nil
}

func newTree(opts Options) *tree {
	return &tree{opts: opts, entries: map[string]*entry{}}
}

func (t *tree) add(e *entry) error {
	if _, dup := t.entries[e.name]; dup {
		return inputErr(e.name, "appears twice in the bundle; a zip with duplicate entries is ambiguous (different tools extract different copies), re-create it")
	}
	if len(t.entries) >= t.opts.MaxFiles {
		return limitErr("", "MaxFiles", "the bundle has more than %d files and directories; remove unneeded files (dev dependencies, caches) or raise the limit", t.opts.MaxFiles)
	}
	t.entries[e.name] = e
	return nil
}

// finish adds implied parent directories, rejects entries below files or
// symlinks, checks declared sizes and symlink targets, and indexes the tree.
func (t *tree) finish() error {
	names := make([]string, 0, len(t.entries))
	for n := range t.entries {
		names = append(names, n)
	}
	slices.Sort(names)
	var total int64
	for _, n := range names {
		e := t.entries[n]
		if e.kind == kindFile {
			total += e.size
		}
	parents:
		for p := path.Dir(n); p != "."; p = path.Dir(p) {
			pe := t.entries[p]
			if pe == nil {
				if err := t.add(&entry{name: p, kind: kindDir, implicit: true}); err != nil {
					return err
				}
				continue
			}
			switch pe.kind {
			case kindLink:
				return inputErr(n, "lies below the symlink %q; a zip must not place files behind a symlink, re-create it without the link", p)
			case kindFile:
				return inputErr(n, "lies below %q, which is a file; re-create the zip", p)
			}
			break parents // an existing directory: its own parents are checked on its turn
		}
	}
	if total > t.opts.MaxTotalBytes {
		return limitErr("", "MaxTotalBytes", "the bundle's files add up to %d bytes, more than the limit of %d; remove unneeded files or raise the limit", total, t.opts.MaxTotalBytes)
	}
	for _, n := range names {
		if e := t.entries[n]; e.kind == kindLink {
			if err := t.checkLink(e); err != nil {
				return err
			}
		}
	}
	t.names = t.names[:0]
	t.children = map[string][]string{}
	for n := range t.entries {
		t.names = append(t.names, n)
		dir := path.Dir(n)
		if dir == "." {
			dir = ""
		}
		t.children[dir] = append(t.children[dir], path.Base(n))
	}
	slices.Sort(t.names)
	for _, c := range t.children {
		slices.Sort(c)
	}
	return nil
}

// checkLink rejects a symlink whose target leaves the bundle, taking every
// other symlink of the bundle into account (a lexically harmless "m/.." does
// escape when m links to ".").
func (t *tree) checkLink(e *entry) error {
	switch {
	case e.target == "":
		return inputErr(e.name, "is a symlink with an empty target; remove it")
	case strings.ContainsRune(e.target, 0):
		return inputErr(e.name, "is a symlink whose target contains a NUL byte; remove it")
	case path.IsAbs(e.target):
		return inputErr(e.name, "is a symlink to the absolute path %q; the bundle must be self-contained, use a relative link to a file inside the bundle", e.target)
	}
	if _, err := t.resolve(path.Dir(e.name), e.target, true); err != nil {
		return inputErr(e.name, "is a symlink to %q, which %v; the bundle must be self-contained, replace the link with the file it points to", e.target, err)
	}
	return nil
}

// resolve resolves p relative to the bundle directory base, following the
// bundle's symlinks (the last component only if followLast), and returns the
// cleaned bundle-relative result ("" for the root). Components that do not
// exist are taken lexically. It fails when the path climbs above the bundle
// root or symlinks loop.
func (t *tree) resolve(base, p string, followLast bool) (string, error) {
	var stack []string
	if base != "." && base != "" {
		stack = strings.Split(base, "/")
	}
	rest := strings.Split(p, "/")
	hops := 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(stack) == 0 {
				return "", fmt.Errorf("leads outside the bundle")
			}
			stack = stack[:len(stack)-1]
			continue
		}
		stack = append(stack, c)
		e := t.entries[strings.Join(stack, "/")]
		if e == nil || e.kind != kindLink || (len(rest) == 0 && !followLast) {
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", fmt.Errorf("is part of a symlink loop")
		}
		if path.IsAbs(e.target) {
			return "", fmt.Errorf("goes through the absolute symlink %q", e.name)
		}
		stack = stack[:len(stack)-1]
		rest = append(strings.Split(e.target, "/"), rest...)
	}
	return strings.Join(stack, "/"), nil
}

// lookup follows symlinks and returns the real path of p and its entry (nil
// when it does not exist).
func (t *tree) lookup(p string) (string, *entry) {
	real, err := t.resolve("", p, true)
	if err != nil {
		return "", nil
	}
	return real, t.entries[real]
}

// isFile reports whether p is (or links to) a regular file.
func (t *tree) isFile(p string) bool {
	_, e := t.lookup(p)
	return e != nil && e.kind == kindFile
}

// dir returns the real path of directory p ("" is the root) and whether p is
// (or links to) a directory.
func (t *tree) dir(p string) (string, bool) {
	if p == "" || p == "." {
		return "", true
	}
	real, e := t.lookup(p)
	return real, e != nil && e.kind == kindDir
}
