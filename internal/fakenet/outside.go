package fakenet

import "net/netip"

// notOutside are the IPv4 ranges AddOutside leaves alone: "this network"
// (0.0.0.0/8: a connection to 0.0.0.0 is one to this host), loopback
// (already on the loopback interface: the names' sinkhole addresses),
// link-local (only the cloud's endpoints answer there, AddLinkLocal), and
// multicast, reserved and broadcast (224.0.0.0 and above).
var notOutside = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("224.0.0.0/3"),
}

// OutsidePrefixes are the IPv4 prefixes that together hold every address
// outside the sandbox: all of IPv4 but the ranges in notOutside, in
// address order, each as large as it can be.
func OutsidePrefixes() []netip.Prefix {
	return cover(netip.MustParsePrefix("0.0.0.0/0"), notOutside)
}

// cover returns the fewest prefixes that hold the addresses of p outside
// the excluded prefixes, in address order.
func cover(p netip.Prefix, excluded []netip.Prefix) []netip.Prefix {
	overlaps := false
	for _, x := range excluded {
		if x.Bits() <= p.Bits() && x.Contains(p.Addr()) {
			return nil // all of p is excluded
		}
		overlaps = overlaps || x.Overlaps(p)
	}
	if !overlaps {
		return []netip.Prefix{p}
	}
	lo := netip.PrefixFrom(p.Addr(), p.Bits()+1)
	a := p.Addr().As4()
	bit := p.Bits()
	a[bit/8] |= 0x80 >> (bit % 8)
	hi := netip.PrefixFrom(netip.AddrFrom4(a), p.Bits()+1)
	return append(cover(lo, excluded), cover(hi, excluded)...)
}

// AddOutside makes every IPv4 address outside the sandbox (OutsidePrefixes)
// local to the loopback interface, so that a connection to an address no
// name resolved to — an IP literal in the code — reaches the TCP sinkholes
// listening on every address, which record it with the address it was
// made to. Nothing leaves the sandbox: gVisor's netstack delivers, on the
// loopback interface, every address of an address's prefix to itself (as
// Linux does for 127.0.0.0/8), and --network=none gives it no other
// interface. Each prefix is given as its first host address (1.0.0.1/8,
// …). It needs CAP_NET_ADMIN, like AddLinkLocal.
func AddOutside() error {
	ps := OutsidePrefixes()
	for i, p := range ps {
		ps[i] = netip.PrefixFrom(p.Addr().Next(), p.Bits())
	}
	return addToLoopback(ps)
}
