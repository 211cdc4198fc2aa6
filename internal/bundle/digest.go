package bundle

import (
	"sort"
	"strings"
)

// DirDigest hashes the part of the staged bundle below the bundle-relative
// directory dir ("" is the whole bundle; an install path below LayerMount is
// in the merged layers) from what staging recorded, without reading a file
// again: for every entry in path order, its path below dir,
// its type and its content hash or link target, as Digest does. Entries
// below a directory named skip ("node_modules": nested packages are hashed
// on their own) are left out. It returns "" when dir is not a directory of
// the bundle.
func (b *Bundle) DirDigest(dir, skip string) string {
	t := b.staged
	if rest, ok := strings.CutPrefix(dir, LayerMount+"/"); ok && b.layers != nil {
		t, dir = b.layers, rest
	}
	if t == nil {
		return ""
	}
	prefix := ""
	if dir != "" && dir != "." {
		if e := t.entries[dir]; e == nil || e.kind != kindDir {
			return ""
		}
		prefix = dir + "/"
	}
	h := newTreeHash()
	// Names are sorted: those below dir are one run.
	for _, name := range t.names[sort.SearchStrings(t.names, prefix):] {
		rel, ok := strings.CutPrefix(name, prefix)
		if !ok {
			break
		}
		if rel == "" || skip != "" && (strings.HasPrefix(rel, skip+"/") || rel == skip || strings.Contains(rel, "/"+skip+"/") || strings.HasSuffix(rel, "/"+skip)) {
			continue
		}
		h.entry(rel, t.entries[name])
	}
	return h.sum()
}
