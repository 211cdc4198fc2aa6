// Package advisory matches a bundle's dependencies against OSV advisories:
// malicious-package verdicts (MAL- records), vulnerabilities, and the
// network indicators of compromise (IOCs) those records list.
//
// Records come from the layouts users already have: the per-ecosystem
// all.zip OSV exports (also kept by osv-scanner's offline mode under
// osv-scalibr/<ecosystem>/all.zip), directories of OSV JSON records such as
// the malicious-packages repository (osv/malicious/npm/<name>/MAL-*.json),
// and depbox's own database directory, which `depbox osv import` and
// `depbox osv update` fill (see docs/advisories.md). Records are decoded
// with the OSV schema's Go types, unknown fields ignored.
//
// Opening a source builds an index keyed by ecosystem and package name,
// with every record's indicators in one table, and keeps it on disk keyed by
// a fingerprint of the source, so later opens read it back without parsing
// any record and rebuild it only when the source changed.
//
// Matching follows OSV's evaluation rules with npm (SemVer 2.0.0) version
// order: versions lists, and SEMVER/ECOSYSTEM ranges with introduced
// (including the all-versions introduced "0"), fixed, last_affected and
// limit events. Withdrawn records are ignored. Records that share an id or
// alias make one finding. A record whose id or an alias starts with MAL-, or
// that declares CWE-506 (embedded malicious code), is a malicious-package
// verdict (critical); others are vulnerabilities rated by their CVSS vector
// or, failing that, the database's own severity.
//
// Client asks the osv.dev API instead, for online scans.
package advisory
