package advisory

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// writeZip zips the records under dir (paths kept) into a new file.
func writeZip(t testing.TB, dst string, dirs ...string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, dir := range dirs {
		err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			w, err := zw.Create(filepath.ToSlash(rel))
			if err != nil {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func matchIDs(t testing.TB, db *DB, name, version string) []string {
	t.Helper()
	got, err := db.Match([]Package{{Name: name, Version: version, Path: "p"}})
	if err != nil {
		t.Fatal(err)
	}
	return ids(got["p"])
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.zip")
	writeZip(t, good, "testdata/ghsa-npm")
	b, _ := os.ReadFile(good)

	notZip := filepath.Join(dir, "notzip.zip")
	os.WriteFile(notZip, []byte("this is not a zip archive"), 0o644)
	truncated := filepath.Join(dir, "truncated.zip")
	os.WriteFile(truncated, b[:len(b)/2], 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	junk := filepath.Join(dir, "junk")
	os.MkdirAll(filepath.Join(junk, "x"), 0o755)
	os.WriteFile(filepath.Join(junk, "x", "MAL-1.json"), []byte("{not json"), 0o644)
	os.WriteFile(filepath.Join(junk, "x", "MAL-2.json"), []byte(`{"id": 7}`), 0o644)
	emptyDB := filepath.Join(dir, "emptydb")
	os.MkdirAll(emptyDB, 0o755)
	os.WriteFile(filepath.Join(emptyDB, markerFile), nil, 0o644)

	tests := []struct {
		name, path string
		missing    bool
		want       string
	}{
		{"missing", filepath.Join(dir, "nope"), true, "depbox osv import FILE"},
		{"empty path", "", true, "depbox osv import FILE"},
		{"not a zip", notZip, false, "not a valid zip"},
		{"truncated zip", truncated, false, "zip"},
		{"empty directory", empty, false, "holds no OSV records"},
		{"only unreadable records", junk, false, "none of its 2 OSV records could be read"},
		{"database without feeds", emptyDB, true, "holds no feeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := OpenWith(tt.path, Options{IndexDir: t.TempDir()})
			if err == nil {
				t.Fatalf("Open(%s) succeeded with %d records", tt.path, db.Info().Records)
			}
			if errors.Is(err, ErrNoDatabase) != tt.missing {
				t.Errorf("errors.Is(ErrNoDatabase) = %v, want %v (%v)", !tt.missing, tt.missing, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestIndexRebuildWhenSourceChanges(t *testing.T) {
	for _, kind := range []string{"zip", "dir"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			idx := filepath.Join(dir, "idx")
			src := filepath.Join(dir, "records")
			if kind == "zip" {
				src = filepath.Join(dir, "all.zip")
				writeZip(t, src, "testdata/ghsa-npm")
			} else {
				copyFile(t, "testdata/ghsa-npm/GHSA-35jh-r3h4-6jhm.json", filepath.Join(src, "GHSA-35jh-r3h4-6jhm.json"))
			}
			open := func() *DB {
				t.Helper()
				db, err := OpenWith(src, Options{IndexDir: idx})
				if err != nil {
					t.Fatal(err)
				}
				return db
			}
			db := open()
			if db.Info().Reused || db.Info().IndexPath == "" {
				t.Fatalf("first open: reused=%v index=%q", db.Info().Reused, db.Info().IndexPath)
			}
			if got := matchIDs(t, db, "sonatype", "1.0.0"); len(got) != 0 {
				t.Fatalf("sonatype matched before it was added: %v", got)
			}
			if db = open(); !db.Info().Reused {
				t.Fatal("second open rebuilt the index")
			}
			// Change the source: add a record.
			if kind == "zip" {
				writeZip(t, src, "testdata/ghsa-npm", "testdata/mal-famous")
			} else {
				copyFile(t, "testdata/mal-famous/sonatype/MAL-2025-33653.json", filepath.Join(src, "sonatype", "MAL-2025-33653.json"))
			}
			db = open()
			if db.Info().Reused {
				t.Fatal("index reused after the source changed")
			}
			if got := matchIDs(t, db, "sonatype", "1.0.0"); len(got) != 1 || got[0] != "MAL-2025-33653" {
				t.Fatalf("sonatype after rebuild = %v", got)
			}
			if kind == "zip" {
				// Touched, same content: the index is kept.
				later := time.Now().Add(time.Hour)
				os.Chtimes(src, later, later)
				if db = open(); !db.Info().Reused {
					t.Error("index rebuilt although only the mtime changed")
				}
			}
			// A corrupt index is rebuilt, not trusted.
			if err := os.WriteFile(db.Info().IndexPath, []byte(indexMagic+"garbage"), 0o644); err != nil {
				t.Fatal(err)
			}
			if db = open(); db.Info().Reused {
				t.Error("corrupt index reused")
			}
			if got := matchIDs(t, db, "sonatype", "1.0.0"); len(got) != 1 {
				t.Errorf("sonatype after corrupt index = %v", got)
			}
		})
	}
}

func TestIndexChecksum(t *testing.T) {
	db := openTestdata(t)
	b := db.ix.marshal()
	if _, err := unmarshalIndex(b); err != nil {
		t.Fatal(err)
	}
	b[len(b)-3] ^= 0xff
	if _, err := unmarshalIndex(b); err == nil {
		t.Error("flipped byte not detected")
	}
	if _, err := unmarshalIndex(b[:20]); err == nil {
		t.Error("truncated index accepted")
	}
}

func TestOpenLayouts(t *testing.T) {
	dir := t.TempDir()
	// osv-scanner's offline cache: LocalDBPath/osv-scalibr/npm/all.zip.
	scanner := filepath.Join(dir, "scanner")
	writeZip(t, filepath.Join(scanner, "osv-scalibr", "npm", "all.zip"), "testdata/mal-famous")
	// The malicious-packages repository layout.
	repo := filepath.Join(dir, "repo")
	for _, f := range []string{"@ctrl/tinycolor/MAL-2025-47141.json", "@ctrl/tinycolor/MAL-0000-ghsa-malware-126ed7dd5bad8a31.json"} {
		copyFile(t, filepath.Join("testdata/mal-famous", f), filepath.Join(repo, "osv", "malicious", "npm", filepath.FromSlash(f)))
	}
	for _, p := range []string{scanner, filepath.Join(scanner, "osv-scalibr"), filepath.Join(scanner, "osv-scalibr", "npm"), filepath.Join(scanner, "osv-scalibr", "npm", "all.zip"), repo} {
		db, err := OpenWith(p, Options{IndexDir: filepath.Join(dir, "idx")})
		if err != nil {
			t.Fatalf("Open(%s): %v", p, err)
		}
		if got := matchIDs(t, db, "@ctrl/tinycolor", "4.1.1"); len(got) != 1 || got[0] != "MAL-2025-47141" {
			t.Errorf("Open(%s): tinycolor = %v", p, got)
		}
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cache", "osv")
	o := Options{IndexDir: filepath.Join(dir, "idx")}
	var progressed bool
	o.Progress = func(done, total int) { progressed = true }

	// A directory of records becomes the main feed, zipped.
	d, err := Import(db, "testdata/mal-famous", "", o)
	if err != nil {
		t.Fatal(err)
	}
	if !progressed {
		t.Error("no progress reported")
	}
	if in := d.Info(); in.Records != 8 || in.Malicious != 8 || in.IndexPath != filepath.Join(db, indexFile) {
		t.Errorf("after import: %+v", in)
	}
	if _, err := os.Stat(filepath.Join(db, "osv-scalibr", "npm", "all.zip")); err != nil {
		t.Errorf("main feed not in osv-scanner's layout: %v", err)
	}
	// A zip as a second feed, next to the main one.
	z := filepath.Join(dir, "ghsa.zip")
	writeZip(t, z, "testdata/ghsa-npm")
	if _, err := Import(db, z, "github", o); err != nil {
		t.Fatal(err)
	}
	d, err = Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Info().Reused {
		t.Error("Open after Import rebuilt the index")
	}
	if got := matchIDs(t, d, "sonatype", "1.0.0"); len(got) != 1 {
		t.Errorf("main feed lost: %v", got)
	}
	if got := matchIDs(t, d, "lodash", "4.17.20"); len(got) != 1 {
		t.Errorf("second feed missing: %v", got)
	}
	// A broken import leaves the previous feed in place.
	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "x.json"), []byte("{"), 0o644)
	if _, err := Import(db, bad, "github", o); err == nil {
		t.Fatal("import of unreadable records succeeded")
	}
	if _, err := Import(db, filepath.Join(dir, "missing.zip"), "", o); err == nil || !strings.Contains(err.Error(), "nothing to import") {
		t.Errorf("import of a missing file: %v", err)
	}
	if _, err := Import(db, z, "Bad Name", o); err == nil {
		t.Error("bad feed name accepted")
	}
	d, err = Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if got := matchIDs(t, d, "lodash", "4.17.20"); len(got) != 1 {
		t.Errorf("feed lost after failed import: %v", got)
	}
	// Importing the main feed again replaces it.
	if _, err := Import(db, "testdata/synthetic", MainFeed, o); err != nil {
		t.Fatal(err)
	}
	d, _ = Open(db)
	if got := matchIDs(t, d, "sonatype", "1.0.0"); len(got) != 0 {
		t.Errorf("replaced main feed still matches: %v", got)
	}
	if got := matchIDs(t, d, "depbox-test-limit", "1.0.0"); len(got) != 1 {
		t.Errorf("new main feed not matched: %v", got)
	}
}

// TestLeitwachtFeed reads the full Leitwacht sample (2,990 records) from the
// shared data beside the checkout when it is there.
func TestLeitwachtFeed(t *testing.T) {
	zipPath := filepath.Join("..", "..", "..", "shared", "osv", "leitwacht-npm-all.zip")
	if _, err := os.Stat(zipPath); err != nil {
		t.Skipf("shared OSV data not beside the checkout (%v); the testdata copies cover the same shapes", err)
	}
	db, err := OpenWith(zipPath, Options{IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	in := db.Info()
	if in.Records != 2990 || in.Malicious != 2990 || in.Invalid != 0 {
		t.Errorf("records=%d malicious=%d invalid=%d, want 2990 malicious", in.Records, in.Malicious, in.Invalid)
	}
	if in.Indicators < 5000 {
		t.Errorf("indicators = %d", in.Indicators)
	}
	if got := matchIDs(t, db, "sbironman", "1.0.0"); len(got) != 1 || got[0] != "LWA-2026-11281" {
		t.Errorf("sbironman = %v", got)
	}
	hits := db.LookupIndicator("x.oob-worker.cf100-416.workers.dev")
	if len(hits) < 100 {
		t.Errorf("oob-worker indicator listed by %d records", len(hits))
	}
	for _, h := range hits {
		if h.Key == "oob-worker.cf100-416.workers.dev" && h.Context != "" {
			t.Errorf("a campaign's worker (one burst of records) is context: %+v", h)
			break
		}
	}
	if h := db.LookupIndicator("workers.dev"); len(h) == 0 || h[0].Context != ContextShared {
		t.Errorf("shared platform domain: %v", h)
	}
	// webhook.site: listed by records about ~100 unrelated packages over
	// ~30 days (research, dependency confusion, malware) is context.
	if h := db.LookupIndicator("webhook.site"); len(h) < WidePackages || h[0].Context != ContextWide {
		t.Errorf("webhook.site: %d hits, first %+v", len(h), h[0])
	}
	// example.com is listed by three records and never matched.
	if h := db.LookupIndicator("example.com"); len(h) != 0 {
		t.Errorf("example.com matched: %v", h)
	}
	if in.Excluded[ExcludedReserved] == 0 || !slices.Contains(in.ExcludedExamples[ExcludedReserved], "example.com") {
		t.Errorf("excluded: %v %v", in.Excluded, in.ExcludedExamples)
	}
	t.Logf("indicators %d, shared %d, widely listed %d (%v), excluded %v", in.Indicators, in.Shared, in.Wide, in.WideExamples, in.Excluded)
}
