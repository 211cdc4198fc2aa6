package bundle

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
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
	h := sha256.New()
	field := func(s []byte) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write(s)
	}
	// Names are sorted: those below dir are one run.
	for _, name := range t.names[sort.SearchStrings(t.names, prefix):] {
		rel, ok := strings.CutPrefix(name, prefix)
		if !ok {
			break
		}
		if rel == "" || skip != "" && (strings.HasPrefix(rel, skip+"/") || rel == skip || strings.Contains(rel, "/"+skip+"/") || strings.HasSuffix(rel, "/"+skip)) {
			continue
		}
		e := t.entries[name]
		field([]byte(rel))
		switch e.kind {
		case kindDir:
			field([]byte("d"))
			field(nil)
		case kindFile:
			if e.exec {
				field([]byte("x"))
			} else {
				field([]byte("f"))
			}
			field(e.sum[:])
		case kindLink:
			field([]byte("l"))
			field([]byte(e.target))
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
