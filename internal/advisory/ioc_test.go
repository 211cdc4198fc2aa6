package advisory

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/profile"
)

func TestParseIndicator(t *testing.T) {
	tests := []struct {
		raw, kind string
		key       string // the match key, when usable
		ip        bool
		shared    bool
		why       string // the exclusion reason, "" when usable
	}{
		{raw: "x[.]fun", kind: "domain", key: "x.fun"},
		{raw: "oob-worker[.]cf100-416[.]workers[.]dev", kind: "domain", key: "oob-worker.cf100-416.workers.dev"},
		{raw: "hxxps://webhook[.]site/ea1a1f2d", kind: "url", key: "webhook.site"},
		{raw: "hXXp://evil[.]depbox-test[.]org:8080/x?y=1", kind: "url", key: "evil.depbox-test.org"},
		{raw: "evil.depbox-test.org/path", kind: "url", key: "evil.depbox-test.org"},
		{raw: "pc[.]io/eth", kind: "domain", key: "pc.io"}, // a domain with a path is a URL
		{raw: "nzag[.]faiz[.]us.kg:5555", kind: "domain", key: "nzag.faiz.us.kg"},
		{raw: "EVIL.Depbox-Test.ORG.", kind: "domain", key: "evil.depbox-test.org"},
		{raw: "*.evil.depbox-test.org", kind: "domain", key: "evil.depbox-test.org"},
		{raw: "evil(.)depbox-test{.}org", kind: "domain", key: "evil.depbox-test.org"},
		{raw: "evil[dot]depbox-test[dot]org", kind: "domain", key: "evil.depbox-test.org"},
		{raw: "152[.]136[.]32[.]206:6677", kind: "ip", key: "152.136.32.206", ip: true},
		{raw: "node22[.]lunes[.]host:3258", kind: "ip", key: "node22.lunes.host"}, // a name listed as an IP
		{raw: "[2606:4700::1]:443", kind: "ip", key: "2606:4700::1", ip: true},
		{raw: "hxxps://31[.]97[.]137[.]157:45000/icons/109", kind: "url", key: "31.97.137.157", ip: true},
		// Reserved and special-use names identify no one.
		{raw: "example[.]com", kind: "domain", why: ExcludedReserved},
		{raw: "hxxps://example.com/api?q=1", kind: "url", why: ExcludedReserved},
		{raw: "api.example.org", kind: "domain", why: ExcludedReserved},
		{raw: "evil.example", kind: "domain", why: ExcludedReserved},
		{raw: "c2.test", kind: "domain", why: ExcludedReserved},
		{raw: "hXXp://evil[.]example[.]invalid:8080/x", kind: "url", why: ExcludedReserved},
		{raw: "localhost:8080", kind: "domain", why: ExcludedReserved},
		{raw: "db.localhost", kind: "domain", why: ExcludedReserved},
		{raw: "printer.local", kind: "domain", why: ExcludedReserved},
		{raw: "metadata.google.internal", kind: "domain", why: ExcludedReserved},
		{raw: "router.home.arpa", kind: "domain", why: ExcludedReserved},
		{raw: "notexample.com", kind: "domain", key: "notexample.com"}, // only example.com and its subdomains
		// Non-public addresses.
		{raw: "10.0.0.1", kind: "ip", why: ExcludedNonPublic},
		{raw: "127.0.0.1:80", kind: "ip", why: ExcludedNonPublic},
		{raw: "169.254.169.254", kind: "ip", why: ExcludedNonPublic},
		{raw: "198.18.0.1", kind: "ip", why: ExcludedNonPublic},
		{raw: "192.0.2.7", kind: "ip", why: ExcludedNonPublic},
		{raw: "198[.]51[.]100[.]23", kind: "ip", why: ExcludedNonPublic},
		{raw: "hxxp://203.0.113.5/x", kind: "url", why: ExcludedNonPublic},
		{raw: "[2001:db8::1]:443", kind: "ip", why: ExcludedNonPublic},
		{raw: "fe80::1", kind: "ip", why: ExcludedNonPublic},
		{raw: "255.255.255.255", kind: "ip", why: ExcludedNonPublic},
		// Unusable values.
		{raw: "h-mainnet", kind: "domain", why: ExcludedUnusable}, // single label
		{raw: "", kind: "domain", why: ExcludedUnusable},
		{raw: "not a host!", kind: "domain", why: ExcludedUnusable},
		// Shared infrastructure is context.
		{raw: "github[.]com", kind: "domain", key: "github.com", shared: true},
		{raw: "github[.]com/wutang344/runtime-env-reports", kind: "domain", key: "github.com", shared: true},
		{raw: "hxxps://raw[.]githubusercontent[.]com/x/y", kind: "url", key: "raw.githubusercontent.com", shared: true},
		{raw: "githubusercontent.com", kind: "domain", key: "githubusercontent.com", shared: true}, // parent of a shared host
		{raw: "workers[.]dev", kind: "domain", key: "workers.dev", shared: true},
		{raw: "storage.googleapis.com", kind: "domain", key: "storage.googleapis.com", shared: true},
		{raw: "ltidi.storage.googleapis.com", kind: "domain", key: "ltidi.storage.googleapis.com"},
		{raw: "8[.]8[.]8[.]8", kind: "ip", key: "8.8.8.8", ip: true, shared: true}, // a public resolver
		{raw: "2001:4860:4860::8888", kind: "ip", key: "2001:4860:4860::8888", ip: true, shared: true},
		{raw: "8.8.8.9", kind: "ip", key: "8.8.8.9", ip: true},
	}
	for _, tt := range tests {
		ind, why := parseIndicator(tt.raw, tt.kind)
		if why != tt.why {
			t.Errorf("parseIndicator(%q) excluded as %q, want %q", tt.raw, why, tt.why)
			continue
		}
		if why != "" {
			continue
		}
		if ind.Key != tt.key || (ind.Kind == iocIP) != tt.ip || ind.Shared != tt.shared {
			t.Errorf("parseIndicator(%q) = %q ip=%v shared=%v, want %q ip=%v shared=%v", tt.raw, ind.Key, ind.Kind == iocIP, ind.Shared, tt.key, tt.ip, tt.shared)
		}
		if ind.Listed != refang(tt.raw) {
			t.Errorf("listed %q, want refanged %q", ind.Listed, refang(tt.raw))
		}
	}
}

func TestMatchIOCs(t *testing.T) {
	db := openTestdata(t)
	beh := func(dns []string, net ...profile.Endpoint) *profile.Behavior {
		b := &profile.Behavior{Network: net}
		for _, n := range dns {
			b.DNS = append(b.DNS, profile.DNSQuery{Name: n})
		}
		return b
	}
	p := &profile.Profile{
		Dependencies: []profile.Dependency{
			{
				// A dependency whose version no record lists still hits the
				// indicators of any record.
				Name: "innocent-looking", Version: "1.0.0", Path: "node_modules/innocent-looking",
				Phases: map[string]*profile.Behavior{
					profile.PhaseInstall: beh([]string{"a.b.c2.depbox-test.invalid", "github.com", "registry.npmjs.org"},
						profile.Endpoint{Address: "203.0.113.77", Port: 443, Host: "drop.depbox-test.invalid"},
						profile.Endpoint{Address: "10.0.0.1", Port: 80}),
					profile.PhaseImport: {Unattributed: beh(nil, profile.Endpoint{Address: "152.136.32.206", Port: 6677})},
				},
			},
			{
				Name: "@digininja/key_stealer", Version: "9.9.9", Path: "node_modules/@digininja/key_stealer",
				Phases: map[string]*profile.Behavior{
					profile.PhaseInvoke: beh([]string{"digininja.requestcatcher.com."}),
				},
			},
			{
				Name: "quiet", Version: "1.0.0", Path: "node_modules/quiet",
				Phases: map[string]*profile.Behavior{
					profile.PhaseInvoke: beh([]string{"workers.dev", "api.github.com", "c2.depbox-test.invalid.example"},
						profile.Endpoint{Address: "198.51.100.10", Port: 443}),
				},
			},
		},
		App: &profile.Dependency{Name: "fn", Phases: map[string]*profile.Behavior{
			profile.PhaseInvoke: beh([]string{"pkg.dl.wel1.ru"}),
		}},
	}
	got := db.MatchIOCs(p)
	want := []profile.IOCMatch{
		{Advisory: "LWA-2026-10482", Package: "bnpl-blocks-atom-bnpl-integrations-breadcrumbs", Indicator: "pkg.dl.wel1.ru", Dependency: "", Phase: "invoke", Observed: "pkg.dl.wel1.ru"},
		{Advisory: "LWA-2026-10482", Package: "bnpl-blocks-atom-bnpl-integrations-breadcrumbs", Indicator: "wel1.ru", Dependency: "", Phase: "invoke", Observed: "pkg.dl.wel1.ru"},
		{Advisory: "LWA-2026-0233", Package: "@digininja/key_stealer", Indicator: "digininja.requestcatcher.com", Dependency: "node_modules/@digininja/key_stealer", Phase: "invoke", Observed: "digininja.requestcatcher.com."},
		{Advisory: "LWA-2026-0232", Package: "@digininja/key_stealer", Indicator: "requestcatcher.com", Dependency: "node_modules/@digininja/key_stealer", Phase: "invoke", Observed: "digininja.requestcatcher.com."},
		{Advisory: "LWA-2026-5548", Package: "yoshino_s_test_evil", Indicator: "152.136.32.206", Dependency: "node_modules/innocent-looking", Phase: "import", Observed: "152.136.32.206"},
		// Shared infrastructure matches as context.
		{Advisory: "DEPBOX-TEST-0003", Package: "@depbox-test/iocs", Indicator: "github.com", Dependency: "node_modules/innocent-looking", Phase: "install", Observed: "github.com", Context: ContextShared},
		{Advisory: "DEPBOX-TEST-0003", Package: "@depbox-test/iocs", Indicator: "github.com", Dependency: "node_modules/quiet", Phase: "invoke", Observed: "api.github.com", Context: ContextShared},
		{Advisory: "LWA-2026-11399", Package: "leb128x", Indicator: "api.github.com", Dependency: "node_modules/quiet", Phase: "invoke", Observed: "api.github.com", Context: ContextShared},
		{Advisory: "LWA-2026-7316", Package: "a.poltoradnev-package-c", Indicator: "workers.dev", Dependency: "node_modules/quiet", Phase: "invoke", Observed: "workers.dev", Context: ContextShared},
		// The record's reserved names (*.invalid) and documentation address
		// (203.0.113.77) never match.
	}
	pp := &profile.Profile{IOCMatches: got}
	pp.Canonicalize()
	w := &profile.Profile{IOCMatches: want}
	w.Canonicalize()
	if len(pp.IOCMatches) != len(w.IOCMatches) {
		t.Fatalf("got %d matches:\n%v\nwant %d:\n%v", len(got), got, len(want), want)
	}
	for i := range w.IOCMatches {
		if pp.IOCMatches[i] != w.IOCMatches[i] {
			t.Errorf("match %d = %+v\nwant %+v", i, pp.IOCMatches[i], w.IOCMatches[i])
		}
	}
	// The withdrawn record's indicator is not indexed.
	if h := db.LookupIndicator("withdrawn.depbox-test.invalid"); len(h) != 0 {
		t.Errorf("withdrawn record's indicator matched: %v", h)
	}
	in := db.Info()
	if in.Excluded[ExcludedReserved] < 2 || in.Excluded[ExcludedNonPublic] < 1 {
		t.Errorf("excluded: %v", in.Excluded)
	}
	if !slices.Contains(in.ExcludedExamples[ExcludedReserved], "c2.depbox-test.invalid") {
		t.Errorf("reserved examples: %v", in.ExcludedExamples[ExcludedReserved])
	}

	// depbox's own end-to-end tests, whose fixtures may only contact
	// reserved names, make them match with TestReservedEnv.
	t.Setenv(TestReservedEnv, "1")
	db = openTestdata(t)
	if h := db.LookupIndicator("a.b.c2.depbox-test.invalid"); len(h) != 1 || h[0].Advisory != "DEPBOX-TEST-0003" {
		t.Errorf("with %s: %v", TestReservedEnv, h)
	}
	if h := db.LookupIndicator("203.0.113.77"); len(h) != 0 {
		t.Errorf("a documentation address matched: %v", h)
	}
}

// TestMatchIOCsPrefersOwnRecord: many records list the same indicator; the
// match names the record about the contacting package.
func TestMatchIOCsPrefersOwnRecord(t *testing.T) {
	db := openTestdata(t)
	p := &profile.Profile{Dependencies: []profile.Dependency{{
		Name: "vps-maintenance", Version: "2.0.0", Path: "node_modules/vps-maintenance",
		Phases: map[string]*profile.Behavior{profile.PhaseInstall: {Network: []profile.Endpoint{{Address: "185.112.147.174", Port: 7007}}}},
	}}}
	got := db.MatchIOCs(p)
	if len(got) != 1 || got[0].Advisory != "LWA-2026-6315" || got[0].Package != "vps-maintenance" {
		t.Errorf("got %+v", got)
	}
	if len(db.LookupIndicator("185.112.147.174")) < 1 {
		t.Error("indicator not found")
	}
}
