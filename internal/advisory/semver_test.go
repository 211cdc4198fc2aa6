package advisory

import "testing"

func TestParseVersion(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"1.2.3", "1.2.3", true},
		{"v1.2.3", "1.2.3", true},
		{"=1.2.3", "1.2.3", true},
		{" 1.2.3 ", "1.2.3", true},
		{"1.0", "1.0.0", true}, // OSV npm ranges write "1.0" (node-fetch GHSA-r683-j2x4-v87g)
		{"0", "0.0.0", true},
		{"01.002.3", "1.2.3", true},
		{"1.2.3-alpha.1", "1.2.3-alpha.1", true},
		{"1.2.3+build.5", "1.2.3", true},
		{"1.2.3-rc.1+build", "1.2.3-rc.1", true},
		{"1.4.44-liberty-2", "1.4.44-liberty-2", true},
		{"", "", false},
		{"latest", "", false},
		{"1.2.3.4", "", false},
		{"1.2.x", "", false},
		{"1.2.3-", "", false},
		{"1.2.3-a..b", "", false},
		{"git+https://example.invalid/x.git", "", false},
	}
	for _, tt := range tests {
		v, err := parseVersion(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("parseVersion(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && v.String() != tt.want {
			t.Errorf("parseVersion(%q) = %s, want %s", tt.in, v, tt.want)
		}
	}
}

// TestCompareSemverPrecedence checks SemVer 2.0.0 section 11's example
// order, plus numeric comparison of long numbers.
func TestCompareSemverPrecedence(t *testing.T) {
	ordered := []string{
		"0.0.0-0",
		"0.0.0",
		"0.9.99",
		"1.0.0-alpha",
		"1.0.0-alpha.1",
		"1.0.0-alpha.beta",
		"1.0.0-beta",
		"1.0.0-beta.2",
		"1.0.0-beta.11",
		"1.0.0-rc.1",
		"1.0.0",
		"1.0.1",
		"1.2.0",
		"1.10.0",
		"2.0.0-0",
		"2.0.0",
		"10.0.0",
		"99999999999999999999.0.0",
		"100000000000000000000.0.0",
	}
	for i := range ordered {
		for j := range ordered {
			a, _ := parseVersion(ordered[i])
			b, _ := parseVersion(ordered[j])
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := a.compare(b); got != want {
				t.Errorf("compare(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	eq := [][2]string{{"1.2.3+a", "1.2.3+b"}, {"1.0", "1.0.0"}, {"v1.0.0", "1.0.0"}, {"1.0.0-01", "1.0.0-1"}}
	for _, p := range eq {
		a, _ := parseVersion(p[0])
		b, _ := parseVersion(p[1])
		if a.compare(b) != 0 {
			t.Errorf("compare(%s, %s) != 0", p[0], p[1])
		}
	}
}
