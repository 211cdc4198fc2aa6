// Package contenthashtest gives tests the edit that identity caches must
// see through: a file rewritten in place with content of the same size and
// its modification time put back, so that only its change time differs.
package contenthashtest

import (
	"os"
	"testing"
	"time"
)

// RewriteInPlace writes content over the start of file (the same length as
// the file), puts its modification time back and checks that the file
// kept its inode, size and mtime.
func RewriteInPlace(t testing.TB, file string, content []byte) {
	t.Helper()
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(content)) != info.Size() {
		t.Fatalf("rewriting %s in place: %d bytes for a file of %d", file, len(content), info.Size())
	}
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(content, 0); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, time.Time{}, info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if now, err := os.Stat(file); err != nil || now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime()) || !os.SameFile(now, info) {
		t.Fatalf("the edit of %s did not keep the file's identity, size and mtime: %v", file, err)
	}
}
