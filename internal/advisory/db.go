package advisory

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/depbox/depbox/profile"
)

// DefaultEcosystem is the OSV ecosystem of packages that do not name one.
const DefaultEcosystem = "npm"

// ErrNoDatabase is returned (wrapped) by Open when there is no database at
// the given path.
var ErrNoDatabase = errors.New("no OSV database")

// importHint tells users how to get a database.
const importHint = "run `depbox osv import FILE` (an OSV all.zip or a directory of OSV records) or `depbox osv update`, or point --osv-db (osv-db in depbox.yaml) at an all.zip or a records directory"

// Files of depbox's own database directory.
const (
	markerFile = "DEPBOX-OSV-DB"
	indexFile  = "index.depbox"
	feedsDir   = "feeds"
	// MainFeed is the feed `depbox osv update` downloads; it is stored where
	// osv-scanner's offline mode keeps the npm database
	// (osv-scalibr/npm/all.zip), so the directory also works as
	// osv-scanner's --local-db-path.
	MainFeed = "osv"
)

// Package is one installed dependency to match.
type Package struct {
	Name, Version string
	// Path is the install path, e.g. "node_modules/@s/x"; Match keys its
	// result by it (by "name@version" when empty).
	Path string
	// Ecosystem is the OSV ecosystem; empty means npm.
	Ecosystem string
}

func (p Package) key() string {
	if p.Path != "" {
		return p.Path
	}
	return p.Name + "@" + p.Version
}

func (p Package) ecosystem() string {
	if p.Ecosystem == "" {
		return DefaultEcosystem
	}
	return p.Ecosystem
}

// Options tune OpenWith.
type Options struct {
	// IndexDir caches indexes of sources outside depbox's own database (a
	// user's all.zip or records directory). Default: the user cache
	// directory's depbox/osv-index. Indexes of depbox's database live in it.
	IndexDir string
	// Progress, when set, is told how far an index (re)build got.
	Progress ProgressFunc
	// Rebuild forces the index to be rebuilt.
	Rebuild bool
}

// DefaultIndexDir is where indexes of outside sources are cached under a
// depbox cache directory.
func DefaultIndexDir(cacheDir string) string { return filepath.Join(cacheDir, "osv-index") }

// DefaultPath is where `depbox osv import` and `depbox osv update` keep the
// database under a depbox cache directory.
func DefaultPath(cacheDir string) string { return filepath.Join(cacheDir, "osv") }

// DB is an opened advisory database: a source of OSV records and its index.
// It is safe for concurrent use.
type DB struct {
	path      string
	src       Source
	ix        *index
	indexPath string
	reused    bool
	// matchReserved makes reserved-name indicators match (TestReservedEnv).
	matchReserved bool
}

// Open opens depbox's database directory, a user's all.zip (or a directory
// holding osv-scanner's osv-scalibr/npm/all.zip layout), or a directory of
// OSV JSON records. A missing or unreadable database is an error (wrapping
// ErrNoDatabase when missing), never an empty database.
func Open(path string) (*DB, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with options.
func OpenWith(path string, o Options) (*DB, error) {
	src, own, err := resolve(path)
	if err != nil {
		return nil, err
	}
	indexPath := ""
	if own {
		indexPath = filepath.Join(path, indexFile)
	} else {
		dir := o.IndexDir
		if dir == "" {
			if c, err := os.UserCacheDir(); err == nil {
				dir = DefaultIndexDir(filepath.Join(c, "depbox"))
			}
		}
		if dir != "" {
			abs, _ := filepath.Abs(path)
			sum := sha256.Sum256([]byte(abs))
			indexPath = filepath.Join(dir, hex.EncodeToString(sum[:12])+".idx")
		}
	}
	db := &DB{path: path, src: src, indexPath: indexPath, matchReserved: os.Getenv(TestReservedEnv) == "1"}
	if err := db.load(o, own); err != nil {
		return nil, err
	}
	return db, nil
}

// resolve finds the records at path. own is true for depbox's database.
func resolve(path string) (src Source, own bool, err error) {
	if path == "" {
		return nil, false, fmt.Errorf("%w: no path given: %s", ErrNoDatabase, importHint)
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("%w at %s: %s", ErrNoDatabase, path, importHint)
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading OSV database %s: %w", path, err)
	}
	if !fi.IsDir() {
		return ZipSource{Path: path}, false, nil
	}
	if _, err := os.Stat(filepath.Join(path, markerFile)); err == nil {
		feeds, err := ownFeeds(path)
		if err != nil {
			return nil, true, err
		}
		if len(feeds) == 0 {
			return nil, true, fmt.Errorf("%w: the database %s holds no feeds: %s", ErrNoDatabase, path, importHint)
		}
		return feeds, true, nil
	}
	// osv-scanner's cache (LocalDBPath, or its osv-scalibr directory), or a
	// directory holding an all.zip.
	for _, p := range []string{"osv-scalibr/npm/all.zip", "npm/all.zip", "all.zip"} {
		z := filepath.Join(path, filepath.FromSlash(p))
		if fi, err := os.Stat(z); err == nil && fi.Mode().IsRegular() {
			return ZipSource{Path: z}, false, nil
		}
	}
	return DirSource{Path: path}, false, nil
}

// ownFeeds lists the feeds of depbox's database directory.
func ownFeeds(dir string) (MultiSource, error) {
	var out MultiSource
	main, err := filepath.Glob(filepath.Join(dir, "osv-scalibr", "*", "all.zip"))
	if err != nil {
		return nil, err
	}
	extra, err := filepath.Glob(filepath.Join(dir, feedsDir, "*.zip"))
	if err != nil {
		return nil, err
	}
	all := append(main, extra...)
	slices.Sort(all)
	for _, p := range all {
		out = append(out, ZipSource{Path: p})
	}
	return out, nil
}

// load reads the index, or rebuilds it when the source changed.
func (db *DB) load(o Options, own bool) error {
	statFP, err := db.src.StatFingerprint()
	if err != nil {
		return fmt.Errorf("reading OSV database %s: %w", db.src, err)
	}
	if !o.Rebuild && db.indexPath != "" {
		if b, err := os.ReadFile(db.indexPath); err == nil {
			if ix, err := unmarshalIndex(b); err == nil {
				if ix.hdr.StatFP == statFP {
					db.ix, db.reused = ix, true
					return nil
				}
				// Touched but maybe unchanged: compare contents.
				if cfp, err := db.src.ContentFingerprint(); err == nil && cfp == ix.hdr.ContentFP {
					ix.hdr.StatFP = statFP
					_ = writeIndexFile(db.indexPath, ix) // best effort: next open is cheap again
					db.ix, db.reused = ix, true
					return nil
				}
			}
		}
	}
	ix, err := buildIndex(db.src, o.Progress)
	if err != nil {
		return err
	}
	db.ix = ix
	if db.indexPath != "" {
		if err := writeIndexFile(db.indexPath, ix); err != nil {
			if own {
				return fmt.Errorf("writing OSV index %s: %w", db.indexPath, err)
			}
			db.indexPath = "" // a read-only cache: work from memory
		}
	}
	return nil
}

// Info describes an opened database.
type Info struct {
	// Path is what was opened; Source the record files read.
	Path   string `json:"path"`
	Source string `json:"source"`
	// IndexPath is the index file ("" when the index is only in memory).
	IndexPath string `json:"index_path,omitempty"`
	// Reused is true when the index on disk was current (not rebuilt).
	Reused bool      `json:"reused"`
	Built  time.Time `json:"built"`
	Counts
}

// Counts are what an index holds and what it left out, stored in its
// header and reported by Info.
type Counts struct {
	// Records and Packages counted in the index; Malicious of the records
	// are malicious-package verdicts.
	Records   int `json:"records"`
	Packages  int `json:"packages"`
	Malicious int `json:"malicious"`
	// Withdrawn and Invalid records were skipped; Problems gives examples.
	Withdrawn int      `json:"withdrawn"`
	Invalid   int      `json:"invalid"`
	Problems  []string `json:"problems,omitempty"`
	// Indicators are indexed network IOCs. Shared (hosts of shared
	// infrastructure) and Wide (listed by records about many unrelated
	// packages, e.g. WideExamples) ones are matched as context, not as
	// verdicts.
	Indicators   int      `json:"indicators"`
	Shared       int      `json:"shared_indicators"`
	Wide         int      `json:"widely_listed_indicators"`
	WideExamples []string `json:"widely_listed_examples,omitempty"`
	// Excluded counts the indicators records list that are never matched,
	// per reason (reserved name, non-public address, unusable), with
	// examples.
	Excluded         map[string]int      `json:"excluded_indicators,omitempty"`
	ExcludedExamples map[string][]string `json:"excluded_examples,omitempty"`
}

// Info describes the database.
func (db *DB) Info() Info {
	h := db.ix.hdr
	return Info{
		Path: db.path, Source: h.Source, IndexPath: db.indexPath, Reused: db.reused, Built: h.Built,
		Counts: h.Counts,
	}
}

// Stats returns how many records and distinct packages the database holds.
func (db *DB) Stats() (records, packages int) { return db.ix.hdr.Records, db.ix.hdr.Packages }

// hit is one record matching a package.
type hit struct {
	meta     recMeta
	affected string
	nameOnly bool // matched by name, the version being unknown
}

// Match returns the advisories affecting each package, keyed by install
// path. Records sharing an id or alias are one finding (the most specific id
// first: a MAL- verdict, then GHSA, then others; the rest as aliases).
func (db *DB) Match(pkgs []Package) (map[string][]profile.Advisory, error) {
	if db == nil || db.ix == nil {
		return nil, errors.New("advisory database is not open")
	}
	out := map[string][]profile.Advisory{}
	cache := map[string][]keyEntry{}
	for _, p := range pkgs {
		if p.Name == "" {
			continue
		}
		key := keyOf(p.ecosystem(), p.Name)
		entries, ok := cache[key]
		if !ok {
			entries = db.ix.lookup(key)
			cache[key] = entries
		}
		if len(entries) == 0 {
			continue
		}
		advs := matchEntries(entries, p.Version, func(i int) recMeta { return db.ix.record(i) })
		if len(advs) == 0 {
			continue
		}
		if k := p.key(); len(out[k]) == 0 {
			out[k] = advs
		} else {
			out[k] = mergeAdvisories(append(out[k], advs...))
		}
	}
	return out, nil
}

// matchEntries evaluates a package's indexed entries at version raw. At
// profile.VersionUnknown (a bundled package nothing gave a version for)
// every record of the name matches, by name only unless it affects every
// version.
func matchEntries(entries []keyEntry, raw string, meta func(int) recMeta) []profile.Advisory {
	ver, err := parseVersion(raw)
	ok := err == nil
	matched := map[int]bool{}
	definite := map[int]bool{}
	for _, e := range entries {
		if !definite[e.rec] && e.af.affects(raw, ver, ok) {
			matched[e.rec], definite[e.rec] = true, true
		} else if raw == profile.VersionUnknown {
			matched[e.rec] = true
		}
	}
	if len(matched) == 0 {
		return nil
	}
	descs := map[int][]string{}
	for _, e := range entries {
		if matched[e.rec] {
			if d := e.af.describe(); d != "" && !slices.Contains(descs[e.rec], d) {
				descs[e.rec] = append(descs[e.rec], d)
			}
		}
	}
	var hits []hit
	for rec := range matched {
		hits = append(hits, hit{meta: meta(rec), affected: strings.Join(descs[rec], " || "), nameOnly: !definite[rec]})
	}
	return group(hits)
}

// idRank orders candidate primary ids: real MAL- verdicts, GHSA, other
// database ids, staging MAL-0000 ids, CVE last.
func idRank(id string) int {
	switch {
	case strings.HasPrefix(id, "MAL-0000"):
		return 3
	case strings.HasPrefix(id, "MAL-"):
		return 0
	case strings.HasPrefix(id, "GHSA-"):
		return 1
	case strings.HasPrefix(id, "CVE-"):
		return 4
	}
	return 2
}

func betterID(a, b string) bool {
	ra, rb := idRank(a), idRank(b)
	if ra != rb {
		return ra < rb
	}
	return a < b
}

// group merges hits that share an id or alias into one advisory each.
func group(hits []hit) []profile.Advisory {
	slices.SortFunc(hits, func(a, b hit) int { return strings.Compare(a.meta.ID, b.meta.ID) })
	parent := make([]int, len(hits))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i, h := range hits {
		for _, id := range append([]string{h.meta.ID}, h.meta.Aliases...) {
			if j, ok := owner[id]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[id] = i
			}
		}
	}
	groups := map[int][]hit{}
	var roots []int
	for i := range hits {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], hits[i])
	}
	var out []profile.Advisory
	for _, r := range roots {
		out = append(out, advisoryOf(groups[r]))
	}
	slices.SortFunc(out, func(a, b profile.Advisory) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// advisoryOf describes one group of records as a finding.
func advisoryOf(hs []hit) profile.Advisory {
	primary := hs[0]
	for _, h := range hs[1:] {
		if betterID(h.meta.ID, primary.meta.ID) {
			primary = h
		}
	}
	a := profile.Advisory{
		ID:       primary.meta.ID,
		Kind:     KindVulnerability,
		Severity: SeverityUnknown,
		Summary:  primary.meta.Summary,
		Affected: primary.affected,
	}
	ids := map[string]bool{}
	refs := map[string]bool{}
	for _, h := range hs {
		ids[h.meta.ID] = true
		for _, x := range h.meta.Aliases {
			ids[x] = true
		}
		for _, x := range h.meta.References {
			refs[x] = true
		}
		if h.meta.Kind == KindMalicious {
			a.Kind = KindMalicious
		}
		if severityRank(h.meta.Severity) > severityRank(a.Severity) {
			a.Severity = h.meta.Severity
		}
		if a.Summary == "" {
			a.Summary = h.meta.Summary
		}
		if a.Affected == "" {
			a.Affected = h.affected
		}
	}
	if a.Kind == KindMalicious {
		a.Severity = SeverityCritical
	}
	a.NameOnly = !slices.ContainsFunc(hs, func(h hit) bool { return !h.nameOnly })
	delete(ids, a.ID)
	for id := range ids {
		a.Aliases = append(a.Aliases, id)
	}
	for r := range refs {
		a.References = append(a.References, r)
	}
	slices.Sort(a.Aliases)
	slices.Sort(a.References)
	return a
}

// mergeAdvisories merges findings for the same path that share ids (two
// Package entries with the same path).
func mergeAdvisories(advs []profile.Advisory) []profile.Advisory {
	if len(advs) < 2 {
		return advs
	}
	var hs []hit
	for _, a := range advs {
		hs = append(hs, hit{meta: recMeta{ID: a.ID, Kind: a.Kind, Severity: a.Severity, Summary: a.Summary, Aliases: a.Aliases, References: a.References}, affected: a.Affected, nameOnly: a.NameOnly})
	}
	return group(hs)
}

// IndicatorHit is a record listing an indicator that an observed name or
// address matched.
type IndicatorHit struct {
	// Advisory is the record's id; Package the package it is about.
	Advisory, Package string
	// Indicator is the listed indicator (refanged); Key what matched.
	Indicator, Key string
	// Context says why the match is context rather than a verdict: the
	// indicator names shared infrastructure, or records about many
	// unrelated packages list it ("" for a verdict).
	Context string
}

// Contexts of an indicator match.
const (
	ContextShared = "shared infrastructure"
	ContextWide   = "listed by records about many unrelated packages"
)

// LookupIndicator returns every record whose indicators match an observed
// DNS name, host or IP address (a name matches indicators for itself and its
// parent domains).
func (db *DB) LookupIndicator(observed string) []IndicatorHit {
	kind, keys := observedKeys(observed)
	var out []IndicatorHit
	for _, k := range keys {
		for _, e := range db.ix.indicators(k) {
			if e.kind != kind || (e.flags&iocReserved != 0 && !db.matchReserved) {
				continue
			}
			m := db.ix.record(e.rec)
			h := IndicatorHit{Advisory: m.ID, Package: m.Package, Indicator: e.listed, Key: k}
			switch {
			case e.flags&iocShared != 0:
				h.Context = ContextShared
			case e.flags&iocWide != 0:
				h.Context = ContextWide
			}
			out = append(out, h)
		}
	}
	return out
}

// MatchIOCs checks every DNS name, host and address that any dependency (and
// the function's own code, reported with an empty Dependency) contacted in
// any phase against the indicators of all records. A hit is reported once
// per dependency, phase, observed value and matching indicator (an address,
// or a domain: a.evil.com can match both a.evil.com and evil.com), naming the record
// about the contacting package when there is one and otherwise the first
// record listing the indicator (depbox osv query --ioc lists them all).
func (db *DB) MatchIOCs(p *profile.Profile) []profile.IOCMatch {
	if db == nil || db.ix == nil || p == nil || db.ix.hdr.IOCTable[1] == 0 {
		return nil
	}
	memo := map[string][]IndicatorHit{}
	seen := map[profile.IOCMatch]bool{}
	var out []profile.IOCMatch
	check := func(dep *profile.Dependency, phase, obs string) {
		if obs == "" {
			return
		}
		hits, ok := memo[obs]
		if !ok {
			hits = db.LookupIndicator(obs)
			memo[obs] = hits
		}
		best := map[string]IndicatorHit{} // per matched key
		for _, h := range hits {
			b, ok := best[h.Key]
			if !ok || preferHit(h, b, dep.Name) {
				best[h.Key] = h
			}
		}
		for _, h := range best {
			m := profile.IOCMatch{Advisory: h.Advisory, Package: h.Package, Indicator: h.Indicator, Dependency: dep.Path, Phase: phase, Observed: obs, Context: h.Context}
			if h.Context == ContextWide {
				m.Context = fmt.Sprintf("%s (%d)", ContextWide, listers(hits, h.Key))
			}
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	var visit func(dep *profile.Dependency, phase string, b *profile.Behavior)
	visit = func(dep *profile.Dependency, phase string, b *profile.Behavior) {
		if b == nil {
			return
		}
		for _, n := range b.Network {
			check(dep, phase, n.Host)
			check(dep, phase, n.Address)
		}
		for _, q := range b.DNS {
			check(dep, phase, q.Name)
		}
		visit(dep, phase, b.Unattributed)
	}
	deps := make([]*profile.Dependency, 0, len(p.Dependencies)+1)
	for i := range p.Dependencies {
		deps = append(deps, &p.Dependencies[i])
	}
	if p.App != nil {
		app := *p.App
		app.Path = ""
		deps = append(deps, &app)
	}
	for _, d := range deps {
		phases := make([]string, 0, len(d.Phases))
		for ph := range d.Phases {
			phases = append(phases, ph)
		}
		slices.Sort(phases)
		for _, ph := range phases {
			visit(d, ph, d.Phases[ph])
		}
	}
	slices.SortFunc(out, func(a, b profile.IOCMatch) int {
		return strings.Compare(a.Dependency+"\x00"+a.Phase+"\x00"+a.Observed+"\x00"+a.Indicator,
			b.Dependency+"\x00"+b.Phase+"\x00"+b.Observed+"\x00"+b.Indicator)
	})
	return out
}

// listers counts the packages whose records list the indicator key.
func listers(hits []IndicatorHit, key string) int {
	pkgs := map[string]bool{}
	for _, h := range hits {
		if h.Key == key {
			pkgs[h.Package] = true
		}
	}
	return len(pkgs)
}

// preferHit: a record about the contacting package itself, then a
// malicious verdict's id order.
func preferHit(a, b IndicatorHit, depName string) bool {
	am, bm := a.Package == depName, b.Package == depName
	if am != bm {
		return am
	}
	return betterID(a.Advisory, b.Advisory)
}

// Packages lists the dependencies of a profile for Match.
func Packages(p *profile.Profile) []Package {
	eco := ""
	if p.Bundle.Runtime == "python" {
		eco = EcosystemPyPI
	}
	out := make([]Package, 0, len(p.Dependencies))
	for _, d := range p.Dependencies {
		out = append(out, Package{Name: d.Name, Version: d.Version, Path: d.Path, Ecosystem: eco})
		if d.ClaimedName != "" {
			// An npm alias installs another package's code under its own
			// name: advisories for either name apply.
			out = append(out, Package{Name: d.ClaimedName, Version: d.Version, Path: d.Path, Ecosystem: eco})
		}
	}
	return out
}

// Annotate sets each dependency's Advisories from a Match result.
func Annotate(p *profile.Profile, found map[string][]profile.Advisory) {
	for i := range p.Dependencies {
		d := &p.Dependencies[i]
		if advs, ok := found[d.Path]; ok {
			d.Advisories = mergeAdvisories(append(d.Advisories, advs...))
		}
	}
}
