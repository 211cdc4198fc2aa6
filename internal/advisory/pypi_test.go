package advisory

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestPEP440Order checks the order PEP 440 gives (its own example list,
// then the normalisations pip applies).
func TestPEP440Order(t *testing.T) {
	ordered := []string{
		"1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
		"1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
		"1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "2.0", "1!0.1",
	}
	for i := 0; i+1 < len(ordered); i++ {
		a, err1 := parsePEP440(ordered[i])
		b, err2 := parsePEP440(ordered[i+1])
		if err1 != nil || err2 != nil {
			t.Fatalf("parse: %v %v", err1, err2)
		}
		if comparePEP440(a, b) >= 0 || comparePEP440(b, a) <= 0 {
			t.Errorf("%s should sort before %s", ordered[i], ordered[i+1])
		}
	}
	for _, eq := range [][2]string{{"1.0", "1.0.0"}, {"1.0-1", "1.0.post1"}, {"1.0alpha1", "1.0a1"}, {"v1.0", "1.0"},
		{"1.0c1", "1.0rc1"}, {"1.0.r2", "1.0.post2"}, {"1.0-dev", "1.0.dev0"}, {"1.0RC1", "1.0rc1"}} {
		a, err1 := parsePEP440(eq[0])
		b, err2 := parsePEP440(eq[1])
		if err1 != nil || err2 != nil || comparePEP440(a, b) != 0 {
			t.Errorf("%s and %s should be equal (%v %v)", eq[0], eq[1], err1, err2)
		}
	}
	for _, bad := range []string{"", "latest", "1..0", "1.0+"} {
		if _, err := parsePEP440(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestPyPIMatch matches real OpenSSF and GitHub records (testdata/pypi):
// explicit versions, ranges from introduced 0, PEP 503 names, PEP 440
// ranges, withdrawn records.
func TestPyPIMatch(t *testing.T) {
	db, err := OpenWith("testdata/pypi", Options{IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if info := db.Info(); info.Withdrawn != 4 {
		t.Errorf("withdrawn records: %d, want 4 (%+v)", info.Withdrawn, info)
	}
	tests := []struct {
		name, version string
		want          []string
	}{
		{"litellm", "1.82.7", []string{"MAL-2026-2144"}},
		{"LiteLLM", "1.82.8", []string{"MAL-2026-2144"}}, // PEP 503: case
		{"litellm", "1.82.6", nil},
		{"litellm", "1.82.7.0", []string{"MAL-2026-2144"}}, // PEP 440: trailing zeros
		{"num2words", "0.5.16", []string{"MAL-2025-6794"}},
		{"num2words", "0.5.14", nil},
		{"fabrice", "0.0.1", []string{"MAL-2024-10573"}}, // introduced 0: every version
		{"fabrice", "not-a-version", []string{"MAL-2024-10573"}},
		{"A_Oder", "9.9", []string{"MAL-2024-12186"}}, // PEP 503: "_" as "-"
		{"chimera.sandbox_extensions", "0.1.42", []string{"MAL-2025-191701"}},
		{"fastapi", "0.136.3", nil}, // withdrawn
		{"requests", "2.28.1", []string{"GHSA-j8r2-6x86-q33q"}},
		{"requests", "2.31.0", nil},
		{"requests", "2.31.0rc1", []string{"GHSA-j8r2-6x86-q33q"}}, // a pre-release of the fix is before it
		{"requests", "2.2.1", nil},
		{"left-pad", "1.3.0", nil},
	}
	for _, tt := range tests {
		got, err := db.Match([]Package{{Name: tt.name, Version: tt.version, Ecosystem: EcosystemPyPI}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range got[tt.name+"@"+tt.version] {
			ids = append(ids, a.ID)
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("%s@%s: %v, want %v", tt.name, tt.version, ids, tt.want)
		}
	}
	// The npm ecosystem does not see PyPI records.
	got, _ := db.Match([]Package{{Name: "litellm", Version: "1.82.7"}})
	if len(got) != 0 {
		t.Errorf("npm litellm matched %v", got)
	}
	// A Python profile's dependencies are looked up as PyPI.
	p := &profile.Profile{Bundle: profile.Bundle{Runtime: "python"}, Dependencies: []profile.Dependency{{Name: "num2words", Version: "0.5.15", Path: "num2words-0.5.15.dist-info"}}}
	found, err := db.Match(Packages(p))
	if err != nil {
		t.Fatal(err)
	}
	Annotate(p, found)
	if a := p.Dependencies[0].Advisories; len(a) != 1 || a[0].ID != "MAL-2025-6794" || a[0].Kind != "malicious" {
		t.Errorf("profile annotation: %+v", a)
	}
}
