package advisory

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
	cvss20 "github.com/pandatix/go-cvss/20"
	cvss30 "github.com/pandatix/go-cvss/30"
	cvss31 "github.com/pandatix/go-cvss/31"
	cvss40 "github.com/pandatix/go-cvss/40"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"
)

// Advisory kinds and severities as written into profiles.
const (
	KindMalicious     = "malicious"
	KindVulnerability = "vulnerability"

	SeverityCritical = "critical"
	SeverityHigh     = "high"
	SeverityMedium   = "medium"
	SeverityLow      = "low"
	SeverityUnknown  = "unknown"
)

// severityRank orders severities; higher is worse.
func severityRank(s string) int {
	switch s {
	case SeverityCritical:
		return 4
	case SeverityHigh:
		return 3
	case SeverityMedium:
		return 2
	case SeverityLow:
		return 1
	}
	return 0
}

// Event kinds of a range, as stored in the index.
const (
	evIntroduced   byte = 'i'
	evFixed        byte = 'f'
	evLastAffected byte = 'l'
	evLimit        byte = 'm'
)

// record is the part of an OSV record depbox needs: enough to match versions,
// describe the finding and check indicators, without the record's text.
type record struct {
	ID         string
	Aliases    []string
	Summary    string
	Kind       string
	Severity   string
	References []string
	Affected   []affected
	IOCs       []indicator
	Withdrawn  bool
	// Excluded are the indicators the record lists that are not matched.
	Excluded []exclusion
	// Published is the day the record was published ("2025-09-15"), to
	// tell a campaign's burst of records from unrelated ones.
	Published string
}

// affected is one affected[] entry with its SEMVER/ECOSYSTEM ranges.
type affected struct {
	Ecosystem string
	Name      string
	Versions  []string
	Ranges    [][]event
}

type event struct {
	Kind    byte
	Version string
}

var unmarshal = protojson.UnmarshalOptions{DiscardUnknown: true}

// decodeRecord decodes one OSV JSON record with the OSV schema types (unknown
// fields are ignored). fileName names the record in its source; it gives the
// id of staging records whose id is empty (MAL-0000-… files in the
// malicious-packages repository).
func decodeRecord(data []byte, fileName string) (*record, error) {
	var v osvschema.Vulnerability
	if err := unmarshal.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("decoding OSV record %s: %w", fileName, err)
	}
	return fromOSV(&v, fileName), nil
}

// fromOSV converts a decoded OSV record.
func fromOSV(v *osvschema.Vulnerability, fileName string) *record {
	r := &record{
		ID:        strings.TrimSpace(v.GetId()),
		Summary:   strings.TrimSpace(v.GetSummary()),
		Withdrawn: v.GetWithdrawn() != nil,
	}
	if r.ID == "" && fileName != "" {
		r.ID = strings.TrimSuffix(path.Base(fileName), path.Ext(fileName))
	}
	if r.Summary == "" {
		r.Summary = firstLine(v.GetDetails())
	}
	for _, a := range v.GetAliases() {
		if a = strings.TrimSpace(a); a != "" && a != r.ID && !slices.Contains(r.Aliases, a) {
			r.Aliases = append(r.Aliases, a)
		}
	}
	for _, ref := range v.GetReferences() {
		if u := strings.TrimSpace(ref.GetUrl()); u != "" && !slices.Contains(r.References, u) {
			r.References = append(r.References, u)
		}
	}
	sevs := v.GetSeverity()
	for _, a := range v.GetAffected() {
		sevs = append(sevs, a.GetSeverity()...)
		af := affected{
			Ecosystem: a.GetPackage().GetEcosystem(),
			Name:      a.GetPackage().GetName(),
			Versions:  a.GetVersions(),
		}
		for _, rg := range a.GetRanges() {
			if t := rg.GetType(); t != osvschema.Range_SEMVER && t != osvschema.Range_ECOSYSTEM {
				continue // GIT ranges need the repository; versions lists cover them
			}
			var evs []event
			for _, e := range rg.GetEvents() {
				switch {
				case e.GetIntroduced() != "":
					evs = append(evs, event{evIntroduced, e.GetIntroduced()})
				case e.GetFixed() != "":
					evs = append(evs, event{evFixed, e.GetFixed()})
				case e.GetLastAffected() != "":
					evs = append(evs, event{evLastAffected, e.GetLastAffected()})
				case e.GetLimit() != "":
					evs = append(evs, event{evLimit, e.GetLimit()})
				}
			}
			if len(evs) > 0 {
				af.Ranges = append(af.Ranges, evs)
			}
		}
		if af.Name != "" && (len(af.Versions) > 0 || len(af.Ranges) > 0) {
			r.Affected = append(r.Affected, af)
		}
	}
	r.Kind = KindVulnerability
	if isMalicious(r.ID, r.Aliases) || declaresMalicious(v) {
		r.Kind = KindMalicious
		r.Severity = SeverityCritical
	} else {
		r.Severity = severityOf(sevs, v.GetDatabaseSpecific())
	}
	r.IOCs, r.Excluded = recordIndicators(v.GetDatabaseSpecific())
	if t := v.GetPublished(); t != nil {
		r.Published = t.AsTime().UTC().Format("2006-01-02")
	}
	return r
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// isMalicious applies the OSV convention: MAL- ids are malicious-package
// verdicts of the OpenSSF malicious-packages database.
func isMalicious(id string, aliases []string) bool {
	if strings.HasPrefix(id, "MAL-") {
		return true
	}
	for _, a := range aliases {
		if strings.HasPrefix(a, "MAL-") {
			return true
		}
	}
	return false
}

// declaresMalicious reports whether a record without a MAL- id says it is
// about a malicious package: it declares CWE-506 (Embedded Malicious Code),
// as GitHub's advisories for compromised packages (ua-parser-js, coa, rc,
// event-stream, …) do, or it comes from a malicious-package feed that says
// so in its own field (Leitwacht's database_specific.leitwacht.category:
// malware, dependency_confusion, research_poc, pua — every category of that
// feed, the same packages OpenSSF gives MAL- ids).
func declaresMalicious(v *osvschema.Vulnerability) bool {
	if ds := v.GetDatabaseSpecific(); ds != nil {
		if cat := ds.GetFields()["leitwacht"].GetStructValue().GetFields()["category"].GetStringValue(); cat != "" {
			return true
		}
		if l := ds.GetFields()["cwe_ids"].GetListValue(); l != nil {
			for _, x := range l.GetValues() {
				if x.GetStringValue() == "CWE-506" {
					return true
				}
			}
		}
	}
	for _, a := range v.GetAffected() {
		l := a.GetDatabaseSpecific().GetFields()["cwes"].GetListValue()
		for _, x := range l.GetValues() {
			if x.GetStructValue().GetFields()["cweId"].GetStringValue() == "CWE-506" {
				return true
			}
		}
	}
	return false
}

// severityOf rates a vulnerability from its CVSS vectors (v3.x preferred, as
// GitHub and NVD rate by it, then v4.0, then v2), falling back to the
// database's own rating (GitHub's database_specific.severity).
func severityOf(sevs []*osvschema.Severity, ds *structpb.Struct) string {
	best := map[osvschema.Severity_Type]float64{}
	for _, s := range sevs {
		score, ok := cvssScore(s.GetType(), s.GetScore())
		if !ok {
			continue
		}
		if old, seen := best[s.GetType()]; !seen || score > old {
			best[s.GetType()] = score
		}
	}
	for _, t := range []osvschema.Severity_Type{osvschema.Severity_CVSS_V3, osvschema.Severity_CVSS_V4, osvschema.Severity_CVSS_V2} {
		if score, ok := best[t]; ok {
			return rating(score, t == osvschema.Severity_CVSS_V2)
		}
	}
	switch strings.ToUpper(ds.GetFields()["severity"].GetStringValue()) {
	case "CRITICAL":
		return SeverityCritical
	case "HIGH":
		return SeverityHigh
	case "MODERATE", "MEDIUM":
		return SeverityMedium
	case "LOW":
		return SeverityLow
	}
	return SeverityUnknown
}

func cvssScore(t osvschema.Severity_Type, vec string) (float64, bool) {
	vec = strings.TrimSpace(vec)
	switch t {
	case osvschema.Severity_CVSS_V3:
		switch {
		case strings.HasPrefix(vec, "CVSS:3.1/"):
			if c, err := cvss31.ParseVector(vec); err == nil {
				return c.BaseScore(), true
			}
		case strings.HasPrefix(vec, "CVSS:3.0/"):
			if c, err := cvss30.ParseVector(vec); err == nil {
				return c.BaseScore(), true
			}
		}
	case osvschema.Severity_CVSS_V4:
		if c, err := cvss40.ParseVector(vec); err == nil {
			return c.Score(), true
		}
	case osvschema.Severity_CVSS_V2:
		if c, err := cvss20.ParseVector(vec); err == nil {
			return c.BaseScore(), true
		}
	}
	return 0, false
}

// rating maps a CVSS base score to its qualitative rating (CVSS v3/v4
// scale; v2 has no "critical" band).
func rating(score float64, v2 bool) string {
	switch {
	case v2 && score >= 7:
		return SeverityHigh
	case score >= 9:
		return SeverityCritical
	case score >= 7:
		return SeverityHigh
	case score >= 4:
		return SeverityMedium
	default:
		return SeverityLow
	}
}

// affects reports whether a package at version ver (raw, and parsed when ok)
// is affected by af, following the OSV evaluation algorithm: an exact entry
// in versions, or a SEMVER/ECOSYSTEM range whose events put the version
// between an introduced and the next fixed (exclusive) or last_affected
// (inclusive), below any limit. introduced "0" sorts before every version.
// A version that does not parse matches only versions entries and ranges
// that affect every version.
func (af *affected) affects(raw string, ver version, ok bool) bool {
	if af.Ecosystem == EcosystemPyPI {
		return af.affectsPEP440(raw)
	}
	if slices.Contains(af.Versions, raw) {
		return true
	}
	for _, evs := range af.Ranges {
		if rangeAffects(evs, ver, ok) {
			return true
		}
	}
	return false
}

func rangeAffects(evs []event, v version, ok bool) bool {
	return rangeAffectsBy(evs, v, ok, parseVersion, version.compare)
}

// rangeAffectsBy evaluates one range's events for version v under an
// ecosystem's parse and order.
func rangeAffectsBy[V any](evs []event, v V, ok bool, parse func(string) (V, error), compare func(a, b V) int) bool {
	if !ok {
		return allVersions(evs)
	}
	type pev struct {
		kind byte
		zero bool
		v    V
	}
	var sorted []pev
	limited, belowLimit := false, false
	for _, e := range evs {
		if e.Kind == evLimit {
			limited = true
			if strings.Contains(e.Version, "*") {
				belowLimit = true
				continue
			}
			// An unreadable limit is taken as no limit: better a false
			// positive than a missed verdict.
			if lv, err := parse(e.Version); err != nil || compare(v, lv) < 0 {
				belowLimit = true
			}
			continue
		}
		if e.Kind == evIntroduced && e.Version == "0" {
			sorted = append(sorted, pev{kind: e.Kind, zero: true})
			continue
		}
		pv, err := parse(e.Version)
		if err != nil {
			continue // an unreadable bound is ignored rather than guessed
		}
		sorted = append(sorted, pev{kind: e.Kind, v: pv})
	}
	if limited && !belowLimit {
		return false
	}
	slices.SortStableFunc(sorted, func(a, b pev) int {
		switch {
		case a.zero && b.zero:
			return 0
		case a.zero:
			return -1
		case b.zero:
			return 1
		}
		return compare(a.v, b.v)
	})
	vulnerable := false
	for _, e := range sorted {
		switch e.kind {
		case evIntroduced:
			if e.zero || compare(v, e.v) >= 0 {
				vulnerable = true
			}
		case evFixed:
			if compare(v, e.v) >= 0 {
				vulnerable = false
			}
		case evLastAffected:
			if compare(v, e.v) > 0 {
				vulnerable = false
			}
		}
	}
	return vulnerable
}

// allVersions reports whether a range affects every version: introduced "0"
// and nothing that ends it.
func allVersions(evs []event) bool {
	zero := false
	for _, e := range evs {
		switch {
		case e.Kind == evIntroduced && e.Version == "0":
			zero = true
		case e.Kind == evLimit && strings.Contains(e.Version, "*"):
		case e.Kind != evIntroduced:
			return false
		}
	}
	return zero
}

// describe renders the affected versions of af as an npm-style range:
// "<4.17.21", ">=1.0.0 <1.2.6 || <0.2.4", "1.0.0 || 1.0.1", or "*" for all
// versions.
func (af *affected) describe() string {
	var parts []string
	for _, evs := range af.Ranges {
		if allVersions(evs) {
			return "*"
		}
		parts = append(parts, describeRange(evs))
	}
	for _, v := range af.Versions {
		if !slices.Contains(parts, v) {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " || ")
}

func describeRange(evs []event) string {
	var out []string
	var cur []string
	for _, e := range evs {
		switch e.Kind {
		case evIntroduced:
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
			}
			cur = nil
			if e.Version != "0" {
				cur = append(cur, ">="+e.Version)
			}
		case evFixed:
			cur = append(cur, "<"+e.Version)
			out = append(out, strings.Join(cur, " "))
			cur = nil
		case evLastAffected:
			cur = append(cur, "<="+e.Version)
			out = append(out, strings.Join(cur, " "))
			cur = nil
		case evLimit:
			if !strings.Contains(e.Version, "*") {
				cur = append(cur, "<"+e.Version)
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	for i, s := range out {
		if s == "" {
			out[i] = "*"
		}
	}
	return strings.Join(out, " || ")
}
