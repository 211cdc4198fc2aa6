package advisory

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

// openTestdata opens every record under testdata (real records from
// OpenSSF, GitHub and Leitwacht, plus synthetic ones) as a records
// directory.
func openTestdata(t testing.TB) *DB {
	t.Helper()
	db, err := OpenWith("testdata", Options{IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// finding is what a test expects of one advisory.
type finding struct {
	id       string
	kind     string
	severity string
	aliases  []string // exact, sorted; nil means "not checked"
	affected string   // "" means "not checked"
	nameOnly bool     // matched by name only (unknown version)
}

func TestMatch(t *testing.T) {
	db := openTestdata(t)
	mal := func(id string, aliases ...string) finding {
		return finding{id: id, kind: KindMalicious, severity: SeverityCritical, aliases: aliases}
	}
	vuln := func(id, sev string) finding { return finding{id: id, kind: KindVulnerability, severity: sev} }
	tests := []struct {
		name, pkg, version string
		want               []finding
	}{
		// OpenSSF malicious-packages: introduced "0" means every version.
		{"introduced 0", "discord-fix", "0.0.1", []finding{mal("MAL-2025-18473")}},
		{"introduced 0 any version", "an0n-chat-lib", "99.0.0-rc.1", []finding{mal("MAL-2025-14468")}},
		{"introduced 0 unparsable version", "sonatype", "git+https://example.invalid/x.git", []finding{mal("MAL-2025-33653")}},
		// flatmap-stream: an all-versions MAL record, GitHub's malware
		// advisory (CWE-506, no MAL id), and a staging MAL-0000 file with
		// an empty id listing 11.1.1, a version that never existed.
		{"flatmap-stream real version", "flatmap-stream", "0.1.1", []finding{
			{id: "GHSA-mh6f-8j2x-4483", kind: KindMalicious, severity: SeverityCritical, affected: "*"},
			mal("MAL-2025-20690"),
		}},
		{"version that never existed", "flatmap-stream", "11.1.1", []finding{
			mal("GHSA-mh6f-8j2x-4483"),
			{id: "MAL-0000-flatmap-stream", kind: KindMalicious, severity: SeverityCritical, aliases: []string{}, affected: "11.1.1"},
			mal("MAL-2025-20690"),
		}},
		// @ctrl/tinycolor: MAL-2025-47141 merges 4.1.1–4.1.2 with an
		// introduced 0 range; the staging file (empty id) has last_affected
		// 4.1.2. Both alias GHSA-qjqf-7j6f-82c4: one finding.
		{"alias dedup, last_affected inclusive", "@ctrl/tinycolor", "4.1.2", []finding{
			{id: "MAL-2025-47141", kind: KindMalicious, severity: SeverityCritical,
				aliases: []string{"GHSA-qjqf-7j6f-82c4", "MAL-0000-ghsa-malware-126ed7dd5bad8a31"}, affected: "*"},
		}},
		{"above last_affected", "@ctrl/tinycolor", "4.1.3", []finding{mal("MAL-2025-47141", "GHSA-qjqf-7j6f-82c4")}},
		{"scoped name", "@kodane/patch-manager", "1.0.0", []finding{mal("MAL-2025-6353", "GHSA-phfq-69h2-f87j")}},
		{"scoped name differs", "@kodane/patch-manager-x", "1.0.0", nil},
		// GitHub-reviewed vulnerabilities.
		{"fixed is exclusive", "lodash", "4.17.20", []finding{vuln("GHSA-35jh-r3h4-6jhm", SeverityHigh)}},
		{"several advisories", "lodash", "4.17.11", []finding{
			vuln("GHSA-35jh-r3h4-6jhm", SeverityHigh),
			{id: "GHSA-jf85-cpcp-j695", kind: KindVulnerability, severity: SeverityCritical, aliases: []string{"CVE-2019-10744"}, affected: "<4.17.12"},
			vuln("GHSA-p6mc-m468-83gw", SeverityHigh),
		}},
		{"fixed version", "lodash", "4.17.21", nil},
		{"prerelease inside range", "express", "5.0.0-beta.1", []finding{
			{id: "GHSA-qw6h-vgh9-j6wx", kind: KindVulnerability, severity: SeverityMedium, affected: "<4.20.0 || >=5.0.0-alpha.1 <5.0.0"},
			vuln("GHSA-rv95-896h-c2vc", SeverityMedium),
		}},
		{"prerelease at fixed", "express", "5.0.0-beta.3", []finding{vuln("GHSA-qw6h-vgh9-j6wx", SeverityMedium)}},
		{"prerelease after fixed", "express", "5.0.0-rc.1", []finding{vuln("GHSA-qw6h-vgh9-j6wx", SeverityMedium)}},
		{"prerelease before introduced", "express", "5.0.0-alpha.0", nil},
		{"release after prereleases", "express", "5.0.0", nil},
		{"two ranges of one record", "node-fetch", "2.6.6", []finding{{id: "GHSA-r683-j2x4-v87g", kind: KindVulnerability, severity: SeverityHigh, affected: ">=1.0 <3.1.1 || <2.6.7"}}},
		{"short version in range", "node-fetch", "3.1.0", []finding{vuln("GHSA-r683-j2x4-v87g", SeverityHigh)}},
		{"CVSS absent: database severity", "jsonwebtoken", "8.5.1", []finding{
			vuln("GHSA-27h2-hvpr-p74q", SeverityHigh),   // CVSS 3.1 7.6
			vuln("GHSA-8cf7-32gw-wr33", SeverityMedium), // no vector; GitHub says MODERATE
		}},
		{"CVSS v3 and v4: v3 rates", "body-parser", "1.20.2", []finding{vuln("GHSA-qwcr-r2fm-qrc7", SeverityHigh)}},
		{"several ranges", "qs", "6.10.2", []finding{vuln("GHSA-hrpp-h998-j3pp", SeverityHigh)}},
		{"between ranges", "qs", "6.10.3", nil},
		{"range introduced at 0 with a second range", "minimist", "0.2.3", []finding{vuln("GHSA-xvch-5gv4-984h", SeverityCritical)}},
		{"fixed in first branch", "minimist", "0.2.4", nil},
		// GitHub malware advisories for compromised versions.
		{"explicit versions list", "coa", "2.0.3", []finding{{id: "GHSA-73qr-pfmq-6rp8", kind: KindMalicious, severity: SeverityCritical, affected: "2.0.3 || 2.0.4 || 2.1.1 || 2.1.3 || 3.0.1 || 3.1.3"}}},
		{"not in versions list", "coa", "2.0.2", nil},
		{"compromised version", "ua-parser-js", "0.7.29", []finding{mal("GHSA-pjwm-rvh2-c87w")}},
		{"next version clean", "ua-parser-js", "0.7.30", nil},
		{"prerelease-named version", "colors", "1.4.44-liberty-2", []finding{{id: "GHSA-5rqg-jm4f-cqx7", kind: KindVulnerability, severity: SeverityHigh}}},
		{"protestware is malicious", "node-ipc", "10.1.1", []finding{mal("GHSA-97m3-w2cp-4xx6", "CVE-2022-23812")}},
		{"unparsable version: ranges not guessed", "lodash", "latest", nil},
		// Synthetic records.
		{"withdrawn ignored", "depbox-test-withdrawn", "1.0.0", nil},
		{"below limit", "depbox-test-limit", "1.9.9", []finding{{id: "DEPBOX-TEST-0002", kind: KindVulnerability, severity: SeverityMedium, affected: ">=1.0.0 <2.0.0"}}},
		{"at limit", "depbox-test-limit", "2.0.0", nil},
		{"above limit", "depbox-test-limit", "3.0.0", nil},
		{"unknown fields tolerated", "@depbox-test/iocs", "1.0.1", []finding{mal("DEPBOX-TEST-0003", "MAL-2099-0003")}},
		// Leitwacht: malicious by its MAL- alias or by its own category.
		{"Leitwacht with MAL alias", "bnpl-blocks-atom-bnpl-integrations-breadcrumbs", "35.2.9", []finding{mal("LWA-2026-10482", "MAL-2026-12879")}},
		{"Leitwacht research PoC without MAL alias", "yoshino_s_test_evil", "1.0.0", []finding{mal("LWA-2026-5548")}},
		{"Leitwacht other version", "yoshino_s_test_evil", "1.0.1", nil},
		{"unknown package", "left-pad", "1.3.0", nil},
		// A bundled package of unknown version: every record of the name,
		// by name only unless it affects every version.
		{"unknown version: by name only", "coa", profile.VersionUnknown, []finding{{id: "GHSA-73qr-pfmq-6rp8", kind: KindMalicious, severity: SeverityCritical, nameOnly: true}}},
		{"unknown version: every version affected", "discord-fix", profile.VersionUnknown, []finding{mal("MAL-2025-18473")}},
		{"unknown version, unknown package", "left-pad", profile.VersionUnknown, nil},
		{"unknown version: ranges by name only", "jsonwebtoken", profile.VersionUnknown, []finding{
			{id: "GHSA-27h2-hvpr-p74q", kind: KindVulnerability, severity: SeverityHigh, nameOnly: true},
			{id: "GHSA-8cf7-32gw-wr33", kind: KindVulnerability, severity: SeverityMedium, nameOnly: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Match([]Package{{Name: tt.pkg, Version: tt.version, Path: "node_modules/" + tt.pkg}})
			if err != nil {
				t.Fatal(err)
			}
			advs := got["node_modules/"+tt.pkg]
			if len(advs) != len(tt.want) {
				t.Fatalf("%s@%s: got %d advisories %v, want %d", tt.pkg, tt.version, len(advs), ids(advs), len(tt.want))
			}
			for i, w := range tt.want {
				a := advs[i]
				if a.ID != w.id || a.Kind != w.kind || a.Severity != w.severity {
					t.Errorf("advisory %d = %s %s %s, want %s %s %s", i, a.ID, a.Kind, a.Severity, w.id, w.kind, w.severity)
				}
				if w.aliases != nil && !slices.Equal(a.Aliases, w.aliases) && !(len(a.Aliases) == 0 && len(w.aliases) == 0) {
					t.Errorf("%s aliases = %v, want %v", a.ID, a.Aliases, w.aliases)
				}
				if w.affected != "" && a.Affected != w.affected {
					t.Errorf("%s affected = %q, want %q", a.ID, a.Affected, w.affected)
				}
				if a.Summary == "" {
					t.Errorf("%s has no summary", a.ID)
				}
				if a.NameOnly != w.nameOnly {
					t.Errorf("%s name only = %v, want %v", a.ID, a.NameOnly, w.nameOnly)
				}
			}
		})
	}
}

func ids(advs []profile.Advisory) []string {
	var out []string
	for _, a := range advs {
		out = append(out, a.ID)
	}
	return out
}

func TestMatchKeysByPath(t *testing.T) {
	db := openTestdata(t)
	got, err := db.Match([]Package{
		{Name: "lodash", Version: "4.17.21", Path: "node_modules/lodash"},
		{Name: "lodash", Version: "4.17.20", Path: "node_modules/a/node_modules/lodash"},
		{Name: "ua-parser-js", Version: "0.7.29"}, // no path: keyed by name@version
		{Name: "left-pad", Version: "1.3.0", Path: "node_modules/left-pad"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got["node_modules/lodash"]; ok {
		t.Error("lodash 4.17.21 matched")
	}
	if a := got["node_modules/a/node_modules/lodash"]; len(a) != 1 || a[0].ID != "GHSA-35jh-r3h4-6jhm" {
		t.Errorf("nested lodash 4.17.20 = %v", ids(a))
	}
	if a := got["ua-parser-js@0.7.29"]; len(a) != 1 {
		t.Errorf("ua-parser-js@0.7.29 = %v", ids(a))
	}
	if len(got) != 2 {
		t.Errorf("got %d keys, want 2: %v", len(got), got)
	}
	refs := got["ua-parser-js@0.7.29"][0].References
	if !slices.IsSorted(refs) || len(refs) == 0 {
		t.Errorf("references %v not sorted or empty", refs)
	}
}

func TestAnnotate(t *testing.T) {
	db := openTestdata(t)
	p := &profile.Profile{Dependencies: []profile.Dependency{
		{Name: "@ctrl/tinycolor", Version: "4.1.1", Path: "node_modules/@ctrl/tinycolor"},
		{Name: "express", Version: "4.21.0", Path: "node_modules/express"},
		{Name: "jsonwebtoken", Version: profile.VersionUnknown, Path: "index.js#node_modules/jsonwebtoken", BundledIn: "index.js"},
	}}
	found, err := db.Match(Packages(p))
	if err != nil {
		t.Fatal(err)
	}
	Annotate(p, found)
	// Merging keeps "by name only".
	if a := p.Dependencies[2].Advisories; len(a) != 2 || !a[0].NameOnly || !a[1].NameOnly {
		t.Errorf("bundled jsonwebtoken of unknown version: advisories %+v, want two by name only", a)
	}
	if a := p.Dependencies[0].Advisories; len(a) != 1 || a[0].ID != "MAL-2025-47141" || a[0].Kind != "malicious" {
		t.Errorf("tinycolor advisories = %+v", a)
	}
	if a := p.Dependencies[1].Advisories; len(a) != 0 {
		t.Errorf("express 4.21.0 advisories = %+v", a)
	}
}

func TestStats(t *testing.T) {
	db := openTestdata(t)
	records, packages := db.Stats()
	in := db.Info()
	// npm: 8 mal-famous + 25 GHSA + 8 Leitwacht + 3 synthetic = 44 files, one
	// withdrawn; PyPI: 55 MAL + 4 withdrawn MAL + 1 GHSA.
	if records != 99 || in.Withdrawn != 5 || in.Invalid != 0 {
		t.Errorf("records=%d withdrawn=%d invalid=%d, want 99, 5, 0", records, in.Withdrawn, in.Invalid)
	}
	if packages < 30 {
		t.Errorf("packages = %d", packages)
	}
	// MAL records (8), GitHub's CWE-506 advisories (6: colors' sabotage is
	// filed as CWE-835, a denial of service), Leitwacht (8), DEPBOX-TEST-0003;
	// the 55 PyPI MAL records.
	if in.Malicious != 78 {
		t.Errorf("malicious = %d, want 78", in.Malicious)
	}
	if !strings.Contains(in.Source, "testdata") {
		t.Errorf("source = %q", in.Source)
	}
}

// TestAliasGroups: a GitHub advisory and the MAL record that aliases it
// (and a third record aliasing the same CVE) are one finding, named by the
// MAL verdict.
func TestAliasGroups(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	aff := `"affected":[{"package":{"ecosystem":"npm","name":"grouped"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]`
	write("GHSA-aaaa-bbbb-cccc.json", `{"id":"GHSA-aaaa-bbbb-cccc","aliases":["CVE-2099-1"],"summary":"GitHub advisory",`+aff+`,"database_specific":{"severity":"HIGH"}}`)
	write("MAL-2099-10.json", `{"id":"MAL-2099-10","aliases":["GHSA-aaaa-bbbb-cccc"],"summary":"Malicious code in grouped (npm)",`+aff+`}`)
	write("OTHER-1.json", `{"id":"OTHER-1","aliases":["CVE-2099-1"],"summary":"another database",`+aff+`}`)
	write("GHSA-dddd-eeee-ffff.json", `{"id":"GHSA-dddd-eeee-ffff","summary":"unrelated",`+aff+`}`)
	db, err := OpenWith(dir, Options{IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Match([]Package{{Name: "grouped", Version: "1.0.0", Path: "p"}})
	if err != nil {
		t.Fatal(err)
	}
	advs := got["p"]
	if len(advs) != 2 {
		t.Fatalf("got %v, want 2 findings", ids(advs))
	}
	a := advs[1]
	if a.ID != "MAL-2099-10" || a.Kind != KindMalicious || a.Severity != SeverityCritical ||
		!slices.Equal(a.Aliases, []string{"CVE-2099-1", "GHSA-aaaa-bbbb-cccc", "OTHER-1"}) || a.Summary != "Malicious code in grouped (npm)" {
		t.Errorf("grouped finding = %+v", a)
	}
	if advs[0].ID != "GHSA-dddd-eeee-ffff" || len(advs[0].Aliases) != 0 {
		t.Errorf("unrelated finding = %+v", advs[0])
	}
}
