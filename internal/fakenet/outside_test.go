package fakenet

import (
	"net/netip"
	"testing"
)

// TestOutsidePrefixes: the prefixes AddOutside puts on the loopback
// interface hold every IPv4 address outside the sandbox once, and none of
// "this network", loopback, link-local (the cloud's endpoints are added on
// their own) or multicast and above.
func TestOutsidePrefixes(t *testing.T) {
	ps := OutsidePrefixes()
	tests := []struct {
		addr    string
		outside bool
	}{
		{"1.0.0.0", true},
		{"8.8.8.8", true},
		{"45.9.148.2", true},
		{"126.255.255.255", true},
		{"128.0.0.0", true},
		{"169.253.255.255", true},
		{"169.255.0.0", true},
		{"192.0.2.80", true},
		{"203.0.113.5", true},
		{"223.255.255.255", true},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"127.0.0.1", false},
		{"127.77.1.2", false},
		{"169.254.0.0", false},
		{"169.254.169.254", false},
		{"169.254.170.2", false},
		{"169.254.255.255", false},
		{"224.0.0.1", false},
		{"240.0.0.1", false},
		{"255.255.255.255", false},
	}
	for _, tc := range tests {
		n := 0
		for _, p := range ps {
			if p.Contains(netip.MustParseAddr(tc.addr)) {
				n++
			}
		}
		if tc.outside && n != 1 || !tc.outside && n != 0 {
			t.Errorf("%s is in %d of the prefixes, want %d", tc.addr, n, map[bool]int{true: 1}[tc.outside])
		}
	}
	// Together they hold all of IPv4 but the 2^24 + 2^24 + 2^16 + 2^29
	// addresses left out, so none overlaps another and none is missing.
	var total uint64
	for i, p := range ps {
		total += 1 << (32 - p.Bits())
		if i > 0 && ps[i-1].Overlaps(p) {
			t.Errorf("%s overlaps %s", ps[i-1], p)
		}
	}
	if want := uint64(1<<32 - 1<<24 - 1<<24 - 1<<16 - 1<<29); total != want {
		t.Errorf("the prefixes hold %d addresses, want %d", total, want)
	}
	if len(ps) > 32 {
		t.Errorf("%d prefixes: each is an address on the loopback interface; keep them few", len(ps))
	}
}
