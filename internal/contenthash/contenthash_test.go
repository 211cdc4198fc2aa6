package contenthash

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "bin")
	if err := os.WriteFile(f, []byte("first"), 0o755); err != nil {
		t.Fatal(err)
	}
	memoDir := filepath.Join(dir, "memo")
	// A file changed within the racy window is read, never remembered.
	if _, err := New(memoDir).File(f); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(New(memoDir).entryPath(f)); err == nil {
		t.Fatal("a file changed just now was remembered")
	}
	time.Sleep(RacyWindow + 100*time.Millisecond)
	for _, tc := range []struct {
		name string
		memo *Memo
	}{{"no memo", New("")}, {"memo", New(memoDir)}} {
		got, err := tc.memo.File(f)
		if err != nil || got != sum("first") {
			t.Fatalf("%s: File = %q, %v; want the SHA-256 of the content", tc.name, got, err)
		}
	}
	m := New(memoDir)
	entryFile := m.entryPath(f)
	b, err := os.ReadFile(entryFile)
	if err != nil {
		t.Fatalf("no memo entry: %v", err)
	}
	// The remembered hash is what an unchanged file answers (proof that it
	// is not read again): plant a marker hash under the same identity.
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	e.SHA256 = sum("remembered")
	if err := store(entryFile, e); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.File(f); got != sum("remembered") {
		t.Errorf("unchanged file: got %s, want the remembered hash", got)
	}
	// Rewritten in place with the same size and modification time: the
	// change time still moves, and the file is hashed again.
	time.Sleep(10 * time.Millisecond)
	fi, _ := os.Stat(f)
	if err := os.WriteFile(f, []byte("other"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(RacyWindow + 100*time.Millisecond) // out of the racy window: only the ctime tells
	if got, _ := m.File(f); got != sum("other") {
		t.Errorf("rewritten file: got %s, want the hash of its new content", got)
	}
	if _, err := m.File(filepath.Join(dir, "missing")); err == nil {
		t.Error("want an error for a missing file")
	}
}

// TestDerived: a derived value is computed once per content of the file,
// remembered by its identity, and computed again after an in-place
// rewrite with the same size and mtime.
func TestDerived(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "bin")
	if err := os.WriteFile(f, []byte("first"), 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(RacyWindow + 100*time.Millisecond)
	m := New(filepath.Join(dir, "memo"))
	calls := 0
	derive := func() string {
		t.Helper()
		var got string
		err := m.Derived(f, "upper", &got, func() (any, error) {
			calls++
			b, err := os.ReadFile(f)
			return strings.ToUpper(string(b)), err
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for i := 0; i < 2; i++ {
		if got := derive(); got != "FIRST" || calls != 1 {
			t.Fatalf("call %d: got %q after %d computations, want FIRST after 1", i, got, calls)
		}
	}
	fi, _ := os.Stat(f)
	if err := os.WriteFile(f, []byte("other"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(RacyWindow + 100*time.Millisecond)
	if got := derive(); got != "OTHER" || calls != 2 {
		t.Errorf("after a same-size rewrite: got %q after %d computations, want OTHER after 2", got, calls)
	}
}

// TestTree: a tree memo answers only for the identity it was given,
// survives Save and OpenTree, forgets what was not used, and never
// remembers a file changed within the racy window.
func TestTree(t *testing.T) {
	dir := t.TempDir()
	old := Identity{Dev: 1, Ino: 2, Size: 3, Mtime: 4, Ctime: 5}
	recent := old
	recent.Ctime = time.Now().UnixNano()
	a, b := sha256.Sum256([]byte("a")), sha256.Sum256([]byte("b"))
	m := OpenTree(dir, "/src")
	m.Add("a.js", old, a)
	m.Add("b.js", recent, b)
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	m = OpenTree(dir, "/src")
	if got, ok := m.Lookup("a.js", old); !ok || got != a {
		t.Errorf("a.js: %x, %v; want its remembered hash", got, ok)
	}
	if _, ok := m.Lookup("b.js", recent); ok {
		t.Error("b.js, changed just now, was remembered")
	}
	moved := old
	moved.Ctime++
	if _, ok := m.Lookup("a.js", moved); ok {
		t.Error("a.js answered for another change time")
	}
	if _, ok := OpenTree(dir, "/other").Lookup("a.js", old); ok {
		t.Error("another tree's memo answered")
	}
	if err := OpenTree(dir, "/src").Save(); err != nil { // nothing looked up: all forgotten
		t.Fatal(err)
	}
	if _, ok := OpenTree(dir, "/src").Lookup("a.js", old); ok {
		t.Error("a file the last use did not see is still remembered")
	}
}
