package bundle

import (
	"os"
	"path"
	"strings"
)

// dirRoots opens the directories of a tree below base as os.Roots of their
// own, one at a time along the path being worked on, so that opening or
// creating a file costs one openat of its base name instead of an openat
// and a close for every component of its path (os.Root walks a path one
// component at a time). Staging the 7 000 files of a bundle visits them in
// path order, so each directory is opened about once.
//
// A directory's Root confines everything opened through it to that
// directory: nothing escapes base, as with base itself (a symlink leaving
// the directory is refused even where base would have allowed it).
//
// It keeps only the chain of directories from base down to the last one
// asked for, so the number of open descriptors is bounded by the depth of
// the tree, not its size.
type dirRoots struct {
	base  *os.Root
	chain []dirRoot // ancestors first
}

type dirRoot struct {
	dir  string
	root *os.Root
}

func newDirRoots(base *os.Root) *dirRoots { return &dirRoots{base: base} }

// split returns the Root of the directory that holds the slash-separated
// path p (relative to base) and p's last component.
func (d *dirRoots) split(p string) (*os.Root, string, error) {
	dir, name := path.Split(p)
	r, err := d.dir(strings.TrimSuffix(dir, "/"))
	return r, name, err
}

// dir returns the Root of the directory dir ("" is base).
func (d *dirRoots) dir(dir string) (*os.Root, error) {
	if dir == "" || dir == "." {
		return d.base, nil
	}
	// Drop what is not an ancestor of dir (or dir itself).
	for len(d.chain) > 0 {
		top := d.chain[len(d.chain)-1].dir
		if top == dir {
			return d.chain[len(d.chain)-1].root, nil
		}
		if strings.HasPrefix(dir, top+"/") {
			break
		}
		d.pop()
	}
	parent, parentDir := d.base, ""
	if n := len(d.chain); n > 0 {
		parent, parentDir = d.chain[n-1].root, d.chain[n-1].dir+"/"
	}
	// Open the missing components one by one below the deepest one held.
	for _, c := range strings.Split(strings.TrimPrefix(dir, parentDir), "/") {
		r, err := parent.OpenRoot(c)
		if err != nil {
			return nil, err
		}
		d.chain = append(d.chain, dirRoot{dir: parentDir + c, root: r})
		parent, parentDir = r, parentDir+c+"/"
	}
	return parent, nil
}

func (d *dirRoots) pop() {
	d.chain[len(d.chain)-1].root.Close()
	d.chain = d.chain[:len(d.chain)-1]
}

// Close closes every directory Root held (not base).
func (d *dirRoots) Close() {
	for len(d.chain) > 0 {
		d.pop()
	}
}
