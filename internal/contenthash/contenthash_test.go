package contenthash

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
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
	if got, _ := m.File(f); got != sum("other") {
		t.Errorf("rewritten file: got %s, want the hash of its new content", got)
	}
	if _, err := m.File(filepath.Join(dir, "missing")); err == nil {
		t.Error("want an error for a missing file")
	}
}
