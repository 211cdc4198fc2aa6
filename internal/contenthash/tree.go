package contenthash

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// RacyWindow: a file whose modification or change time is less than this
// before a Tree was opened is hashed again on every look-up, never
// remembered. A write in the same tick of the file system's clock as the
// stat that saw it leaves the times as they were (git's "racily clean"
// entries); a second is far above any kernel's timestamp granularity.
const RacyWindow = time.Second

// Identity is what changes whenever a file's content does: the file
// (device, inode), its size, and its modification and change times. The
// change time is set by the kernel on every write, truncate, chmod and
// utimes, and cannot be set from user space (os.Chtimes moves it to now).
type Identity struct {
	Dev, Ino     uint64
	Size         int64
	Mtime, Ctime int64 // nanoseconds since the epoch
}

// IdentityOf returns the identity stat describes.
func IdentityOf(st *unix.Stat_t) Identity {
	return Identity{Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano()}
}

// Tree remembers the content hashes of the files of one directory tree,
// by their path below it and identity, in one file of a directory: one
// read and at most one write per use, however many files the tree holds.
// Look-ups answer only for a file whose identity is exactly the one
// remembered; everything else is hashed again by the caller and Added.
type Tree struct {
	file   string
	cutoff int64 // nanoseconds: files changed since are not remembered
	old    map[string]treeEntry
	used   map[string]treeEntry
	added  bool
}

type treeEntry struct {
	ID  Identity
	Sum [sha256.Size]byte
}

// treeVersion is bumped whenever the file's format or meaning changes.
const treeVersion = "depbox-tree-hashes-v1"

// HasTree reports whether dir holds a memo of the tree known by key.
func HasTree(dir, key string) bool {
	_, err := os.Stat(treeFile(dir, key))
	return err == nil
}

func treeFile(dir, key string) string {
	h := sha256.Sum256([]byte(key))
	return filepath.Join(dir, hex.EncodeToString(h[:16])+".gob")
}

// OpenTree returns the memo of the tree known by key (its real path) kept
// in dir ("" remembers nothing). A missing or unreadable memo is empty.
func OpenTree(dir, key string) *Tree {
	t := &Tree{cutoff: time.Now().Add(-RacyWindow).UnixNano(), old: map[string]treeEntry{}, used: map[string]treeEntry{}}
	if dir == "" {
		return t
	}
	t.file = treeFile(dir, key)
	f, err := os.Open(t.file)
	if err != nil {
		return t
	}
	defer f.Close()
	var version string
	dec := gob.NewDecoder(bufio.NewReader(f))
	if dec.Decode(&version) != nil || version != treeVersion || dec.Decode(&t.old) != nil {
		t.old = map[string]treeEntry{}
	}
	return t
}

// Lookup returns the remembered hash of the file name of the tree when id
// is the identity it was remembered with.
func (t *Tree) Lookup(name string, id Identity) ([sha256.Size]byte, bool) {
	e, ok := t.old[name]
	if !ok || e.ID != id || t.racy(id) {
		return [sha256.Size]byte{}, false
	}
	t.used[name] = e
	return e.Sum, true
}

// Add remembers sum as the hash of the file name with identity id (the
// identity it had both before and after it was read), unless it changed
// too recently to be told apart from a later write (RacyWindow).
func (t *Tree) Add(name string, id Identity, sum [sha256.Size]byte) {
	if t.racy(id) {
		return
	}
	t.used[name] = treeEntry{ID: id, Sum: sum}
	t.added = true
}

func (t *Tree) racy(id Identity) bool { return id.Mtime >= t.cutoff || id.Ctime >= t.cutoff }

// Save writes the memo back when it changed: the files looked up or added
// since OpenTree (those of the tree that are gone are forgotten).
func (t *Tree) Save() error {
	if t.file == "" || !t.added && len(t.used) == len(t.old) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(t.file), 0o700); err != nil {
		return fmt.Errorf("remembering file hashes: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(t.file), ".tmp-")
	if err != nil {
		return fmt.Errorf("remembering file hashes: %w", err)
	}
	w := bufio.NewWriter(tmp)
	enc := gob.NewEncoder(w)
	err = enc.Encode(treeVersion)
	if err == nil {
		err = enc.Encode(t.used)
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), t.file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("remembering file hashes: %w", err)
	}
	return nil
}
