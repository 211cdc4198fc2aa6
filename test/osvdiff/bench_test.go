package osvdiff

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/advisory"
	"github.com/depbox/depbox/profile"
)

// The benchmark database: the real records (the Leitwacht feed from the
// shared data beside the checkout when it is there, and the samples in
// depbox's testdata) repeated under new ids and package names until there
// are at least benchRecords records, and an inventory of benchDeps
// dependencies: half named in the database (at a listed version), half not.
// OSVDIFF_BENCH_RECORDS raises the record count (the full OpenSSF npm feed
// has about 210,000).
const benchDeps = 500

var benchRecords = func() int {
	if n, err := strconv.Atoi(os.Getenv("OSVDIFF_BENCH_RECORDS")); err == nil && n > 0 {
		return n
	}
	return 20000
}()

var sharedLeitwacht = filepath.Join("..", "..", "..", "shared", "osv", "leitwacht-npm-all.zip")

type benchFixture struct {
	dir      string // LocalDBPath for osv-scanner
	zip      string
	records  int
	lockfile string
	inv      []advisory.Package
	prof     *profile.Profile
	err      error
}

var (
	benchOnce sync.Once
	bench     benchFixture
)

func fixture(b *testing.B) *benchFixture {
	b.Helper()
	benchOnce.Do(func() { bench.err = bench.build() })
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return &bench
}

// readRecords returns the raw records of the testdata directories and, if
// present, the shared Leitwacht zip.
func readRecords() ([][]byte, error) {
	var out [][]byte
	for _, dir := range recordDirs {
		err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() || !strings.HasSuffix(p, ".json") {
				return err
			}
			b, err := os.ReadFile(p)
			out = append(out, b)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if zr, err := zip.OpenReader(sharedLeitwacht); err == nil {
		defer zr.Close()
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".json") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
			out = append(out, b)
		}
	}
	return out, nil
}

// rename gives copy k of a record its own id, aliases and package names.
func rename(raw []byte, k int) ([]byte, map[string]any, error) {
	var rec map[string]any
	if err := json.Unmarshal(raw, &rec); err != nil {
		return nil, nil, err
	}
	if k == 0 {
		return raw, rec, nil
	}
	suffix := fmt.Sprintf("-r%d", k)
	if id, _ := rec["id"].(string); id != "" {
		rec["id"] = id + strings.ToUpper(suffix)
	}
	if al, ok := rec["aliases"].([]any); ok {
		for i, a := range al {
			al[i] = a.(string) + strings.ToUpper(suffix)
		}
	}
	for _, a := range asList(rec["affected"]) {
		pkg, _ := a.(map[string]any)["package"].(map[string]any)
		if pkg != nil {
			pkg["name"] = pkg["name"].(string) + suffix
		}
	}
	b, err := json.Marshal(rec)
	return b, rec, err
}

func asList(v any) []any { l, _ := v.([]any); return l }

func (f *benchFixture) build() error {
	raw, err := readRecords()
	if err != nil {
		return err
	}
	f.dir, err = os.MkdirTemp("", "osvdiff-bench-")
	if err != nil {
		return err
	}
	f.zip = filepath.Join(f.dir, "osv-scalibr", "npm", "all.zip")
	if err := os.MkdirAll(filepath.Dir(f.zip), 0o755); err != nil {
		return err
	}
	zf, err := os.Create(f.zip)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(zf)
	type nv struct{ name, version string }
	var listed []nv
	for k := 0; f.records < benchRecords; k++ {
		for i, r := range raw {
			b, rec, err := rename(r, k)
			if err != nil {
				return err
			}
			w, err := zw.Create(fmt.Sprintf("r%d/%d.json", k, i))
			if err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
			f.records++
			for _, a := range asList(rec["affected"]) {
				am := a.(map[string]any)
				pkg, _ := am["package"].(map[string]any)
				vs := asList(am["versions"])
				if pkg != nil && len(vs) > 0 {
					listed = append(listed, nv{pkg["name"].(string), vs[0].(string)})
				}
			}
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := zf.Close(); err != nil {
		return err
	}
	// The inventory: every len/250th listed package at its listed version,
	// and 250 packages no record names.
	slices.SortFunc(listed, func(a, b nv) int { return strings.Compare(a.name, b.name) })
	listed = slices.CompactFunc(listed, func(a, b nv) bool { return a.name == b.name })
	step := max(1, len(listed)/(benchDeps/2))
	for i := 0; i < len(listed) && len(f.inv) < benchDeps/2; i += step {
		f.inv = append(f.inv, advisory.Package{Name: listed[i].name, Version: listed[i].version, Path: "node_modules/" + listed[i].name})
	}
	for i := 0; len(f.inv) < benchDeps; i++ {
		n := fmt.Sprintf("bench-clean-%03d", i)
		f.inv = append(f.inv, advisory.Package{Name: n, Version: "1.0.0", Path: "node_modules/" + n})
	}
	// The same inventory as a lockfile for osv-scanner, and as a profile
	// (two DNS names per dependency) for the IOC check.
	lock := map[string]any{"name": "bench", "version": "1.0.0", "lockfileVersion": 3, "requires": true}
	pk := map[string]any{"": map[string]any{"name": "bench", "version": "1.0.0"}}
	f.prof = &profile.Profile{}
	for _, p := range f.inv {
		pk[p.Path] = map[string]any{"version": p.Version}
		f.prof.Dependencies = append(f.prof.Dependencies, profile.Dependency{
			Name: p.Name, Version: p.Version, Path: p.Path,
			Phases: map[string]*profile.Behavior{profile.PhaseInstall: {DNS: []profile.DNSQuery{
				{Name: "registry.npmjs.org"}, {Name: "telemetry." + strings.TrimPrefix(strings.ReplaceAll(p.Name, "/", "-"), "@") + ".example"},
			}}},
		})
	}
	lock["packages"] = pk
	lb, _ := json.Marshal(lock)
	lockDir := filepath.Join(f.dir, "inventory")
	os.MkdirAll(lockDir, 0o755)
	f.lockfile = filepath.Join(lockDir, "package-lock.json")
	return os.WriteFile(f.lockfile, lb, 0o644)
}

func openBench(b *testing.B, f *benchFixture, rebuild bool) *advisory.DB {
	b.Helper()
	db, err := advisory.OpenWith(f.zip, advisory.Options{IndexDir: filepath.Join(f.dir, "index"), Rebuild: rebuild})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkIndexBuild: reading every record of the all.zip and writing the
// index (what `depbox osv import` and the first scan after a change do).
func BenchmarkIndexBuild(b *testing.B) {
	f := fixture(b)
	for b.Loop() {
		openBench(b, f, true)
	}
	b.ReportMetric(float64(f.records), "records")
}

// BenchmarkOpen: opening an unchanged database (fingerprint check and
// reading the index file).
func BenchmarkOpen(b *testing.B) {
	f := fixture(b)
	openBench(b, f, false)
	for b.Loop() {
		if db := openBench(b, f, false); !db.Info().Reused {
			b.Fatal("index rebuilt")
		}
	}
}

// BenchmarkMatch: advisories for the 500-dependency inventory.
func BenchmarkMatch(b *testing.B) {
	f := fixture(b)
	db := openBench(b, f, false)
	for b.Loop() {
		if _, err := db.Match(f.inv); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchIOCs: the indicator check for the inventory's profile.
func BenchmarkMatchIOCs(b *testing.B) {
	f := fixture(b)
	db := openBench(b, f, false)
	for b.Loop() {
		db.MatchIOCs(f.prof)
	}
}

// BenchmarkDoScan: osv-scanner's offline scan of the same inventory on the
// same all.zip.
func BenchmarkDoScan(b *testing.B) {
	f := fixture(b)
	for b.Loop() {
		doScan(b, f.dir, []string{f.lockfile})
	}
}

// BenchmarkLookupVsDoScan measures depbox's lookup (opening the database
// and matching the 500 dependencies, averaged over 20 runs) and
// osv-scanner's DoScan on the same input in this run (averaged over 2),
// prints both and their ratio, and checks the targets: lookup ≤ 50 ms and
// ≥ 100× faster than DoScan. The measurement is made once, whatever b.N.
func BenchmarkLookupVsDoScan(b *testing.B) {
	f := fixture(b)
	compareOnce.Do(func() { compare = measure(b, f) })
	for b.Loop() {
	}
	c := compare
	ratio := float64(c.theirs) / float64(c.ours)
	b.ReportMetric(float64(c.ours.Microseconds())/1000, "depbox-ms")
	b.ReportMetric(float64(c.theirs.Microseconds())/1000, "doscan-ms")
	b.ReportMetric(ratio, "x-faster")
	b.Logf("%d records, %d dependencies: depbox open+match %v (%d with advisories), osv-scanner DoScan %v (%d with advisories): %.0fx faster",
		f.records, len(f.inv), c.ours, c.found, c.theirs, c.scanned, ratio)
	if c.ours > 50*time.Millisecond || ratio < 100 {
		b.Errorf("targets missed: lookup %v (want ≤ 50ms), %.0fx faster than DoScan (want ≥ 100x)", c.ours, ratio)
	}
}

type comparison struct {
	ours, theirs   time.Duration
	found, scanned int
}

var (
	compareOnce sync.Once
	compare     comparison
)

func measure(b *testing.B, f *benchFixture) comparison {
	var c comparison
	openBench(b, f, false) // the index exists, as after `depbox osv import`
	const runs = 20
	start := time.Now()
	for range runs {
		m, err := openBench(b, f, false).Match(f.inv)
		if err != nil {
			b.Fatal(err)
		}
		c.found = len(m)
	}
	c.ours = time.Since(start) / runs
	start = time.Now()
	for range 2 {
		c.scanned = len(doScan(b, f.dir, []string{f.lockfile}))
	}
	c.theirs = time.Since(start) / 2
	return c
}
