package sandbox

import (
	"maps"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/depbox/depbox/internal/contenthash"
)

// TestAddLibrariesMemo: the libraries of a host program come out the same
// whether its ELF headers are read or remembered by file identity.
func TestAddLibrariesMemo(t *testing.T) {
	bin, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH")
	}
	if bin, err = filepath.EvalSymlinks(bin); err != nil {
		t.Fatal(err)
	}
	read := map[string]string{}
	if err := addLibraries(contenthash.New(""), bin, read); err != nil {
		t.Fatal(err)
	}
	if len(read) == 0 {
		t.Fatalf("%s: no interpreter or library found", bin)
	}
	memo := contenthash.New(t.TempDir())
	for i := 0; i < 2; i++ { // the second answers from the memo
		got := map[string]string{}
		if err := addLibraries(memo, bin, got); err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(got, read) {
			t.Errorf("round %d: %v, want %v", i, got, read)
		}
	}
}
