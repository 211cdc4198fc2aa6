package advisory

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

func TestParseIndicator(t *testing.T) {
	tests := []struct {
		raw, kind string
		key       string // "" when not usable
		ip, broad bool
	}{
		{"x[.]fun", "domain", "x.fun", false, false},
		{"oob-worker[.]cf100-416[.]workers[.]dev", "domain", "oob-worker.cf100-416.workers.dev", false, false},
		{"hxxps://webhook[.]site/ea1a1f2d", "url", "webhook.site", false, false},
		{"hXXp://evil[.]example[.]invalid:8080/x?y=1", "url", "evil.example.invalid", false, false},
		{"evil.example.invalid/path", "url", "evil.example.invalid", false, false},
		{"pc[.]io/eth", "domain", "pc.io", false, false}, // a domain with a path is a URL
		{"nzag[.]faiz[.]us.kg:5555", "domain", "nzag.faiz.us.kg", false, false},
		{"EVIL.Example.INVALID.", "domain", "evil.example.invalid", false, false},
		{"*.evil.example.invalid", "domain", "evil.example.invalid", false, false},
		{"152[.]136[.]32[.]206:6677", "ip", "152.136.32.206", true, false},
		{"node22[.]lunes[.]host:3258", "ip", "node22.lunes.host", false, false}, // a name listed as an IP
		{"[2001:db8::1]:443", "ip", "2001:db8::1", true, false},
		{"hxxps://31[.]97[.]137[.]157:45000/icons/109", "url", "31.97.137.157", true, false},
		{"10.0.0.1", "ip", "", false, false},
		{"127.0.0.1:80", "ip", "", false, false},
		{"169.254.169.254", "ip", "", false, false},
		{"198.18.0.1", "ip", "", false, false},
		{"h-mainnet", "domain", "", false, false}, // single label
		{"", "domain", "", false, false},
		{"github[.]com", "domain", "", false, true},
		{"github[.]com/wutang344/runtime-env-reports", "domain", "", false, true},
		{"hxxps://raw[.]githubusercontent[.]com/x/y", "url", "", false, true},
		{"githubusercontent.com", "domain", "", false, true}, // parent of a shared host
		{"workers[.]dev", "domain", "", false, true},
		{"storage.googleapis.com", "domain", "", false, true},
		{"ltidi.storage.googleapis.com", "domain", "ltidi.storage.googleapis.com", false, false},
	}
	for _, tt := range tests {
		ind, ok, broad := parseIndicator(tt.raw, tt.kind)
		if ok != (tt.key != "") || broad != tt.broad {
			t.Errorf("parseIndicator(%q) ok=%v broad=%v, want ok=%v broad=%v", tt.raw, ok, broad, tt.key != "", tt.broad)
			continue
		}
		if !ok {
			continue
		}
		if ind.Key != tt.key || (ind.Kind == iocIP) != tt.ip {
			t.Errorf("parseIndicator(%q) = %q ip=%v, want %q ip=%v", tt.raw, ind.Key, ind.Kind == iocIP, tt.key, tt.ip)
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
		{Advisory: "DEPBOX-TEST-0003", Package: "@depbox-test/iocs", Indicator: "203.0.113.77", Dependency: "node_modules/innocent-looking", Phase: "install", Observed: "203.0.113.77"},
		{Advisory: "DEPBOX-TEST-0003", Package: "@depbox-test/iocs", Indicator: "c2.depbox-test.invalid", Dependency: "node_modules/innocent-looking", Phase: "install", Observed: "a.b.c2.depbox-test.invalid"},
		{Advisory: "DEPBOX-TEST-0003", Package: "@depbox-test/iocs", Indicator: "https://drop.depbox-test.invalid/upload?id=1", Dependency: "node_modules/innocent-looking", Phase: "install", Observed: "drop.depbox-test.invalid"},
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
