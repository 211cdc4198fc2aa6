package osvdiff

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/osv-scanner/v2/pkg/models"
	"github.com/google/osv-scanner/v2/pkg/osvscanner"

	"github.com/depbox/depbox/internal/advisory"
)

// recordDirs are the OSV records both tools read: the real samples depbox's
// advisory tests use (OpenSSF malicious-packages, GitHub Advisory Database,
// Leitwacht) and its synthetic edge cases, relative to this directory.
var recordDirs = []string{
	"../../internal/advisory/testdata/mal-famous",
	"../../internal/advisory/testdata/ghsa-npm",
	"../../internal/advisory/testdata/leitwacht",
	"../../internal/advisory/testdata/synthetic",
}

func TestMain(m *testing.M) {
	// osv-scanner logs through slog's default logger.
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// knownDifference is a package version where depbox and osv-scanner report
// different advisory ids because osv-scanner is wrong.
type knownDifference struct {
	onlyDepbox, onlyScanner []string
	why                     string
}

// differences documents every disagreement; the test fails on any other,
// and on a documented one that no longer happens.
var differences = map[string]knownDifference{
	// OSV ranges may end in a limit event ("versions at or above the limit
	// are outside the range"); osv-scanner's range evaluation ignores limit
	// events, so every version from introduced on matches.
	"depbox-test-limit@2.0.0": {onlyScanner: []string{"DEPBOX-TEST-0002"}, why: "osv-scanner ignores limit events"},
	"depbox-test-limit@2.1.0": {onlyScanner: []string{"DEPBOX-TEST-0002"}, why: "osv-scanner ignores limit events"},
	// osv-scanner decodes records with strict protojson: a record with a
	// field the schema does not define (here a newer schema_version's
	// field) is silently dropped. The OSV
	// schema says unknown fields must be ignored; depbox ignores them.
	"@depbox-test/iocs@1.0.0": {onlyDepbox: []string{"DEPBOX-TEST-0003"}, why: "osv-scanner drops records with unknown fields"},
	// Staging MAL-0000 records of the malicious-packages repository have an
	// empty id. osv-scanner reports them with id "" (and would merge all
	// such records of a package into one); depbox names them after their
	// file, grouped with the records they alias.
	"@ctrl/tinycolor@4.1.1": {onlyDepbox: []string{"MAL-0000-ghsa-malware-126ed7dd5bad8a31"}, onlyScanner: []string{""}, why: "empty id"},
	"@ctrl/tinycolor@4.1.2": {onlyDepbox: []string{"MAL-0000-ghsa-malware-126ed7dd5bad8a31"}, onlyScanner: []string{""}, why: "empty id"},
	"flatmap-stream@11.1.1": {onlyDepbox: []string{"MAL-0000-flatmap-stream"}, onlyScanner: []string{""}, why: "empty id"},
}

// buildAllZip writes the records into dbDir/osv-scalibr/npm/all.zip, where
// osv-scanner's offline mode looks for the npm database, and returns its
// path.
func buildAllZip(t testing.TB, dbDir string, dirs []string) string {
	t.Helper()
	p := filepath.Join(dbDir, "osv-scalibr", "npm", "all.zip")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, dir := range dirs {
		err := filepath.Walk(dir, func(path string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() || !strings.HasSuffix(path, ".json") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			w, err := zw.Create(filepath.Base(dir) + "/" + filepath.ToSlash(rel))
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
	return p
}

// recordIDs lists every record id in the zip, with depbox's name for
// records without one (the file name).
func recordIDs(t testing.TB, zipPath string) map[string]bool {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	ids := map[string]bool{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var rec struct{ ID string }
		err = json.NewDecoder(rc).Decode(&rec)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if rec.ID == "" {
			rec.ID = strings.TrimSuffix(filepath.Base(f.Name), ".json")
		}
		ids[rec.ID] = true
	}
	return ids
}

type lockPackage struct{ name, version, path string }

// readLock lists a package-lock.json's packages (lockfileVersion 3).
func readLock(t testing.TB, path string) []lockPackage {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lock struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	if err := json.Unmarshal(b, &lock); err != nil {
		t.Fatal(err)
	}
	var out []lockPackage
	for p, v := range lock.Packages {
		if p == "" {
			continue
		}
		name := p[strings.LastIndex(p, "node_modules/")+len("node_modules/"):]
		out = append(out, lockPackage{name, v.Version, p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// doScan runs osv-scanner's offline matching on lockfiles against the
// database under dbDir, returning advisory ids per name@version.
func doScan(t testing.TB, dbDir string, lockfiles []string) map[string][]string {
	t.Helper()
	// DoScan silently reports nothing when the database file is missing:
	// make sure it is exactly where osv-scanner's offline matcher reads it
	// (LocalDBPath/osv-scalibr/<ecosystem>/all.zip).
	if _, err := os.Stat(filepath.Join(dbDir, "osv-scalibr", "npm", "all.zip")); err != nil {
		t.Fatalf("osv-scanner's database is not where DoScan looks: %v", err)
	}
	res, err := osvscanner.DoScan(osvscanner.ScannerActions{
		LockfilePaths:         lockfiles,
		CompareOffline:        true,
		LocalDBPath:           dbDir,
		PluginNetworkDisabled: true,
		ShowAllVulns:          true,
		ExperimentalScannerActions: osvscanner.ExperimentalScannerActions{
			TransitiveScanning: osvscanner.TransitiveScanningActions{Disabled: true},
		},
	})
	if err != nil && !errors.Is(err, osvscanner.ErrVulnerabilitiesFound) {
		t.Fatalf("DoScan: %v", err)
	}
	return scanIDs(res)
}

func scanIDs(res models.VulnerabilityResults) map[string][]string {
	out := map[string][]string{}
	for _, src := range res.Results {
		for _, p := range src.Packages {
			k := p.Package.Name + "@" + p.Package.Version
			for _, v := range p.Vulnerabilities {
				if !slices.Contains(out[k], v.GetId()) {
					out[k] = append(out[k], v.GetId())
				}
			}
			slices.Sort(out[k])
		}
	}
	return out
}

// depboxIDs matches the lockfiles' packages with depbox and returns, per
// name@version, the ids of the records it grouped into its findings (a
// finding's id and those of its aliases that are records).
func depboxIDs(t testing.TB, db *advisory.DB, lockfiles []string, records map[string]bool) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, lf := range lockfiles {
		var pkgs []advisory.Package
		for _, p := range readLock(t, lf) {
			pkgs = append(pkgs, advisory.Package{Name: p.name, Version: p.version, Path: p.path})
		}
		found, err := db.Match(pkgs)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pkgs {
			k := p.Name + "@" + p.Version
			for _, a := range found[p.Path] {
				for _, id := range append([]string{a.ID}, a.Aliases...) {
					if records[id] && !slices.Contains(out[k], id) {
						out[k] = append(out[k], id)
					}
				}
			}
			slices.Sort(out[k])
		}
	}
	return out
}

func lockfiles(t testing.TB) []string {
	t.Helper()
	l, err := filepath.Glob("testdata/lockfiles/*/package-lock.json")
	if err != nil || len(l) == 0 {
		t.Fatalf("no lockfile fixtures: %v", err)
	}
	abs := make([]string, len(l))
	for i, p := range l {
		abs[i], _ = filepath.Abs(p)
	}
	return abs
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// TestSameAdvisoriesAsOSVScanner runs depbox's matcher and osv-scanner's
// DoScan (offline, v2.5.1) on the same all.zip and lockfiles and compares
// the advisory ids reported per package version.
func TestSameAdvisoriesAsOSVScanner(t *testing.T) {
	dbDir := t.TempDir()
	zipPath := buildAllZip(t, dbDir, recordDirs)
	records := recordIDs(t, zipPath)
	locks := lockfiles(t)

	db, err := advisory.OpenWith(zipPath, advisory.Options{IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ours := depboxIDs(t, db, locks, records)
	theirs := doScan(t, dbDir, locks)

	// Guard against osv-scanner silently finding nothing.
	if len(theirs["lodash@4.17.11"]) != 3 || len(theirs["ua-parser-js@0.7.29"]) != 1 {
		t.Fatalf("osv-scanner found %v for lodash@4.17.11 and %v for ua-parser-js@0.7.29: is its database loaded?",
			theirs["lodash@4.17.11"], theirs["ua-parser-js@0.7.29"])
	}

	var keys []string
	for _, lf := range locks {
		for _, p := range readLock(t, lf) {
			keys = append(keys, p.name+"@"+p.version)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	agreeing, affected := 0, 0
	for _, k := range keys {
		onlyOurs, onlyTheirs := minus(ours[k], theirs[k]), minus(theirs[k], ours[k])
		if len(ours[k]) > 0 {
			affected++
		}
		d, documented := differences[k]
		switch {
		case len(onlyOurs) == 0 && len(onlyTheirs) == 0:
			agreeing++
			if documented {
				t.Errorf("%s: documented difference (%s) no longer happens; both report %v", k, d.why, ours[k])
			}
		case !documented:
			t.Errorf("%s: depbox %v, osv-scanner %v", k, ours[k], theirs[k])
		case !slices.Equal(onlyOurs, d.onlyDepbox) || !slices.Equal(onlyTheirs, d.onlyScanner):
			t.Errorf("%s: only depbox %q, only osv-scanner %q; documented %q / %q (%s)", k, onlyOurs, onlyTheirs, d.onlyDepbox, d.onlyScanner, d.why)
		default:
			t.Logf("%s: known difference (%s): only depbox %q, only osv-scanner %q", k, d.why, onlyOurs, onlyTheirs)
		}
	}
	for k := range differences {
		if !slices.Contains(keys, k) {
			t.Errorf("documented difference for %s, which no lockfile lists", k)
		}
	}
	t.Logf("%d package versions: %d agree (%d of them affected), %d known differences", len(keys), agreeing, affected, len(keys)-agreeing)
	if affected < 40 {
		t.Errorf("only %d affected package versions: the fixtures should exercise the records", affected)
	}
}

// TestDoScanNeedsItsDatabase documents why the test above asserts where
// the database is: with LocalDBPath pointing elsewhere, DoScan reports no
// advisories and no error.
func TestDoScanNeedsItsDatabase(t *testing.T) {
	dbDir := t.TempDir()
	got := doScanAnywhere(t, dbDir, lockfiles(t)[:1])
	n := 0
	for _, ids := range got {
		n += len(ids)
	}
	if n != 0 {
		t.Skipf("DoScan reported %d advisories without a database: the silent failure is fixed", n)
	}
}

func doScanAnywhere(t testing.TB, dbDir string, locks []string) map[string][]string {
	t.Helper()
	res, err := osvscanner.DoScan(osvscanner.ScannerActions{
		LockfilePaths: locks, CompareOffline: true, LocalDBPath: dbDir, PluginNetworkDisabled: true,
		ExperimentalScannerActions: osvscanner.ExperimentalScannerActions{
			TransitiveScanning: osvscanner.TransitiveScanningActions{Disabled: true},
		},
	})
	if err != nil && !errors.Is(err, osvscanner.ErrVulnerabilitiesFound) {
		t.Logf("DoScan without database: %v", err)
	}
	return scanIDs(res)
}
