// Package contenthash hashes files by content and remembers each file's
// hash by its identity — device, inode, size, modification and change
// time — in a directory, so that a file that did not change is not read
// again. Keys built from these hashes stay content keys (the same on every
// machine, so a cache restored elsewhere still matches); only the reading
// is saved. A file rewritten in place gets a new change time, which the
// file's owner cannot set back; a file changed within RacyWindow of its
// look-up is read every time (docs/performance.md "What the identity
// caches trust").
package contenthash

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// Memo hashes files, remembering their hashes under a directory.
type Memo struct {
	dir string
}

// New returns a Memo keeping its entries in dir ("" remembers nothing).
func New(dir string) *Memo { return &Memo{dir: dir} }

type entry struct {
	Identity string `json:"identity"`
	SHA256   string `json:"sha256"`
}

// File returns the hex SHA-256 of the content of path (symlinks followed).
func (m *Memo) File(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	id, racy, err := identity(abs)
	if err != nil {
		return "", err
	}
	memo := m.entryPath(abs)
	if memo != "" && !racy {
		if b, err := os.ReadFile(memo); err == nil {
			var e entry
			if json.Unmarshal(b, &e) == nil && e.Identity == id && len(e.SHA256) == 64 {
				return e.SHA256, nil
			}
		}
	}
	sum, err := hashFile(abs)
	if err != nil {
		return "", err
	}
	// A file that changed while it was read is hashed again next time.
	if after, _, err := identity(abs); err == nil && after == id && memo != "" && !racy {
		if err := store(memo, entry{Identity: id, SHA256: sum}); err != nil {
			return "", fmt.Errorf("remembering the hash of %s: %w", path, err)
		}
	}
	return sum, nil
}

// derivedEntry is what Derived remembers of a file.
type derivedEntry struct {
	Identity string          `json:"identity"`
	Value    json.RawMessage `json:"value"`
}

// Derived sets out (a pointer, as for json.Unmarshal) to what compute
// derives from the content of the file path alone — the libraries an ELF
// file needs, say — remembered under name by the file's identity like
// File's hashes: compute runs only when the file changed.
func (m *Memo) Derived(path, name string, out any, compute func() (any, error)) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	id, racy, err := identity(abs)
	if err != nil {
		return err
	}
	memo := m.entryPath(name + "\x00" + abs)
	if memo != "" && !racy {
		if b, err := os.ReadFile(memo); err == nil {
			var e derivedEntry
			if json.Unmarshal(b, &e) == nil && e.Identity == id && json.Unmarshal(e.Value, out) == nil {
				return nil
			}
		}
	}
	v, err := compute()
	if err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if after, _, err := identity(abs); err == nil && after == id && memo != "" && !racy {
		if err := store(memo, derivedEntry{Identity: id, Value: b}); err != nil {
			return fmt.Errorf("remembering %s of %s: %w", name, path, err)
		}
	}
	return json.Unmarshal(b, out)
}

func (m *Memo) entryPath(abs string) string {
	if m.dir == "" {
		return ""
	}
	h := sha256.Sum256([]byte(abs))
	return filepath.Join(m.dir, hex.EncodeToString(h[:16])+".json")
}

// identity is what changes whenever the content of a file does; racy
// says that it changed too recently to be told apart from a later change
// (RacyWindow).
func identity(path string) (id string, racy bool, err error) {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return "", false, err
	}
	cutoff := time.Now().Add(-RacyWindow).UnixNano()
	racy = st.Mtim.Nano() >= cutoff || st.Ctim.Nano() >= cutoff
	return fmt.Sprintf("%d:%d:%d:%d.%09d:%d.%09d", st.Dev, st.Ino, st.Size, st.Mtim.Sec, st.Mtim.Nsec, st.Ctim.Sec, st.Ctim.Nsec), racy, nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hashing %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func store(path string, e any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
