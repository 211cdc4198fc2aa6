package bundle

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/contenthash"
	"github.com/depbox/depbox/internal/contenthash/contenthashtest"
)

// TestSurveyLikeOpen: a surveyed bundle is described exactly as the same
// bundle staged (digest, runtime, handler, packages, levels), and stages
// nothing; what Open rejects, Survey rejects.
func TestSurveyLikeOpen(t *testing.T) {
	src := filepath.Join("testdata", "fixture")
	for _, memo := range []string{"", t.TempDir()} {
		if memo != "" {
			// No memo yet: the caller is to stage, leaving one.
			if _, err := Survey(src, Options{}, memo); !errors.Is(err, ErrNoMemo) {
				t.Fatalf("Survey with an empty memo directory: err = %v, want ErrNoMemo", err)
			}
			if _, err := Open(src, t.TempDir(), Options{Memo: memo}); err != nil {
				t.Fatal(err)
			}
		}
		for round := 0; round < 2; round++ { // the second round answers from the memo
			s, err := Survey(src, Options{}, memo)
			if err != nil {
				t.Fatalf("Survey(fixture): %v", err)
			}
			o := openFixture(t)
			if s.Digest != o.Digest || s.Root != "" {
				t.Errorf("memo %q round %d: survey digest %s root %q, open digest %s", memo, round, s.Digest, s.Root, o.Digest)
			}
			sj, _ := json.Marshal(summarize(s))
			oj, _ := json.Marshal(summarize(o))
			if string(sj) != string(oj) {
				t.Errorf("memo %q round %d: survey describes\n%s\nopen\n%s", memo, round, sj, oj)
			}
		}
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"index.js": "exports.handler = 1;"})
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "passwd")); err != nil {
		t.Fatal(err)
	}
	if _, err := Survey(dir, Options{}, ""); !errors.Is(err, ErrInput) {
		t.Errorf("a symlink out of the bundle: Survey err = %v, want an input error", err)
	}
	if _, err := Survey(dir, Options{Layers: []string{dir}}, ""); err == nil {
		t.Error("Survey with layers: want an error (layers are staged)")
	}
}

// TestSurveyMemo: staging leaves a memo of the files it copied; an
// unchanged file's hash comes from the memo (it is not read), and a file
// rewritten in place with the same size and its modification time put
// back is read again: its change time moved.
func TestSurveyMemo(t *testing.T) {
	dir, memo := t.TempDir(), t.TempDir()
	file := filepath.Join(dir, "node_modules", "a", "index.js")
	writeFiles(t, dir, map[string]string{
		"index.js":                    "exports.handler = async () => 1;",
		"node_modules/a/package.json": `{"name":"a","version":"1.0.0"}`,
		"node_modules/a/index.js":     "module.exports = 1;",
	})
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	digestOf := func(what string, survey bool) string {
		t.Helper()
		var b *Bundle
		if survey {
			b, err = Survey(dir, Options{}, memo)
		} else {
			b, err = Open(dir, t.TempDir(), Options{Memo: memo})
		}
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return b.DirDigest("node_modules/a", "node_modules")
	}
	// Files changed within the racy window are never remembered.
	time.Sleep(contenthash.RacyWindow + 100*time.Millisecond)
	staged := digestOf("open", false)
	if got := digestOf("first survey", true); got != staged {
		t.Fatalf("first survey: a's digest %s, staged %s", got, staged)
	}
	// Plant a marker hash under a's index.js's identity: a survey that
	// answers with it did not read the file.
	var st unix.Stat_t
	if err := unix.Stat(file, &st); err != nil {
		t.Fatal(err)
	}
	m := contenthash.OpenTree(memo, real)
	m.Add("node_modules/a/index.js", contenthash.IdentityOf(&st), sha256.Sum256([]byte("remembered")))
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	if got := digestOf("survey with the planted hash", true); got == staged {
		t.Fatal("the survey read the unchanged file instead of taking its remembered hash")
	}
	contenthashtest.RewriteInPlace(t, file, []byte("module.exports = 2;"))
	// Out of the racy window, where a changed file is read anyway: only
	// its change time tells the survey it changed.
	time.Sleep(contenthash.RacyWindow + 100*time.Millisecond)
	surveyed := digestOf("survey after the edit", true) // before staging remembers the new content
	edited := digestOf("open after the edit", false)
	if edited == staged {
		t.Fatal("the edit did not change a's digest")
	}
	if surveyed != edited {
		t.Errorf("survey after a same-size edit with mtime restored: a's digest %s, staged %s", surveyed, edited)
	}
}
