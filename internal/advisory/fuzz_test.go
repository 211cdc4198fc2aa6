package advisory

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/depbox/depbox/profile"
)

// FuzzOSVRecord feeds one OSV record (a file of a feed anyone can publish
// to) through decoding, the index and matching. Whatever the record says,
// nothing panics; a record that decodes is indexed, and every npm version
// it lists by name matches it, as does every indicator it lists. The seeds
// (real records of testdata/ and testdata/fuzz/FuzzOSVRecord) run as
// ordinary tests; docs/testing.md says how to fuzz longer.
func FuzzOSVRecord(f *testing.F) {
	for _, name := range []string{
		"synthetic/DEPBOX-TEST-0001.json",
		"ghsa-npm/GHSA-27h2-hvpr-p74q.json",
	} {
		seed(f, filepath.Join("testdata", name))
	}
	for _, dir := range []string{"mal-famous/flatmap-stream", "leitwacht/vps-maintenance", "pypi/mal", "pypi/vuln"} {
		// The first record of each.
		err := filepath.WalkDir(filepath.Join("testdata", dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || filepath.Ext(p) != ".json" {
				return err
			}
			seed(f, p)
			return fs.SkipAll
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	f.Add([]byte(`{"id":"X","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"limit":"*"}]}],"versions":["1.0.0","not-a-version"]}]}`))
	f.Add([]byte(`{"id":"","aliases":["MAL-1","MAL-1"," "],"withdrawn":"2020-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"Foo_Bar"},"versions":["1.0"]}]}`))
	f.Add([]byte(`{"id":"Y","database_specific":{"malicious-packages-origins":[{"ranges":[]}],"iocs":{"domains":["evil.invalid","x"],"ips":["192.0.2.1","::1"]}},"severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := decodeRecord(data, "fuzz/X-1.json")
		if err != nil || r.Withdrawn {
			return
		}
		ix, err := unmarshalIndex(encodeIndex(header{Format: indexFormat}, []*record{r}).marshal())
		if err != nil {
			t.Fatalf("an index of one record does not open: %v", err)
		}
		db := &DB{ix: ix}
		for _, af := range r.Affected {
			_ = af.describe()
			eco := af.Ecosystem
			if eco == "" || slices.Contains([]byte(eco+af.Name), 0) {
				continue
			}
			versions := append(slices.Clone(af.Versions), "1.0.0", "0", "", "unknown")
			for _, v := range versions {
				found, err := db.Match([]Package{{Name: af.Name, Version: v, Ecosystem: eco}})
				if err != nil {
					t.Fatal(err)
				}
				if eco != DefaultEcosystem || !slices.Contains(af.Versions, v) || af.Name == "" {
					continue
				}
				if !matches(found, r.ID) {
					t.Errorf("%s@%s is listed by %s but does not match it: %v", af.Name, v, r.ID, found)
				}
			}
		}
		for _, ind := range r.IOCs {
			hits := db.LookupIndicator(ind.Key)
			if ind.Reserved {
				continue
			}
			if !slices.ContainsFunc(hits, func(h IndicatorHit) bool { return h.Advisory == r.ID }) {
				t.Errorf("indicator %q (listed as %q) does not find %s: %v", ind.Key, ind.Listed, r.ID, hits)
			}
		}
	})
}

func seed(f *testing.F, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
}

// matches reports whether id (or a record merged under another id with
// id among its aliases) is among found.
func matches(found map[string][]profile.Advisory, id string) bool {
	for _, advs := range found {
		for _, a := range advs {
			if a.ID == id || slices.Contains(a.Aliases, id) {
				return true
			}
		}
	}
	return false
}
